"""Bare numbers in an interview answer, read as what the question measures ("about fifty five" to the heart
question is a pulse of 55).

A caregiver asked about the heart counts and answers with the count alone; asked about a fever, reads the
thermometer; asked how long, says "two days". Said on its own, such a number is no reading the matcher can
judge, so the answer was taken as unclear (yes to every sign asked). Read with the question's cue word (the
topic's ``answers.toml`` ``[measure]``), the topic's own thresholds judge it: over the line, the sign is
named; a plausible reading under it answers that part "no".
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace

from voicecare.conversation.answer_words import Phrase, Spot
from voicecare.domain import IntentSet, Match
from voicecare.understanding import quantities
from voicecare.understanding.matching import Matcher
from voicecare.understanding.measures import Measure

NORMAL = "well"
"""The answer-word kind a normal reading counts as: that part of the question is well."""
LABELLED = "neutral"
"""The answer-word kind a number labelled as another reading counts as: understood, saying nothing of a sign."""
LABEL_REACH = 3
"""A cue word this close before a number, in its part, names what it measures ("sats 98", "heart rate is 120")."""


@dataclass(frozen=True)
class Readings:
    """What the bare numbers of an answer say, read as the question's measure."""

    matches: tuple[Match, ...] = ()
    """Signs a number means (over its threshold), spanning the number's words."""
    normal: tuple[Spot, ...] = ()
    """Plausible readings under every threshold: that part of the question is well."""
    labelled: tuple[Spot, ...] = ()
    """Numbers named as another reading ("sats 98" to the breathing question): never the question's measure."""


def read(tokens: Sequence[str], breaks: dict[int, bool], cue: Phrase | None, matches: Sequence[Match],
         intents: IntentSet, matcher: Matcher, taken: frozenset[int] = frozenset()) -> Readings:
    """The bare numbers of ``tokens`` that no sign found already covers, read with ``cue`` before each; never one
    inside ``taken`` (token indexes of phrases that use a number word otherwise: "this one")."""
    if cue is None:
        return Readings()
    measure = _measure_of(cue, intents)
    # A number with its unit is read with the cue too: "two days" to the question about the course is back pain
    # for two days, which the topic's thresholds judge (under three days: not long-lasting).
    named = _named_numbers(tokens, intents)
    bare = [q for q in quantities.read(tokens, intents.language.numbers)
            if not any(m.start < q.end and q.start < m.end for m in matches)
            and not any(start < q.end and q.start < end for start, end in named)
            and not taken.intersection(range(q.start, q.end))]
    found: list[Match] = []
    normal: list[Spot] = []
    labelled: list[Spot] = []
    for number in bare:
        if _labelled_elsewhere(tokens, breaks, number.start, measure, intents):
            # "RR 28, sats 98": read as breaths, the 98 was trouble breathing; the measure book judged it already.
            labelled.append(Spot(LABELLED, number.start, number.end))
            continue
        words = [*tokens[:number.start], *cue, *tokens[number.start:]]
        marks = {i + len(cue) if i >= number.start else i: full for i, full in breaks.items()}
        # Only what the number itself says: the cue's own words may name a sign ("back pain") nobody said.
        span = range(number.start + len(cue), number.end + len(cue))
        said = [m for m in matcher.match(_text(words, marks)) if m.start < span.stop and span.start < m.end]
        if said:
            found += [replace(m, start=number.start, end=number.end) for m in said]
        elif measure is not None and number.unit is None and _plausible(measure, number.value, number.decimal):
            normal.append(Spot(NORMAL, number.start, number.end, reading=True))
    return Readings(tuple(found), tuple(normal), tuple(labelled))


def _labelled_elsewhere(tokens: Sequence[str], breaks: dict[int, bool], start: int, measure: Measure | None,
                        intents: IntentSet) -> bool:
    """Whether the nearest cue word before the number at ``start``, in its part, is another measure's."""
    book = intents.measures
    if book is None:
        return False
    for index in range(start - 1, max(start - LABEL_REACH, 0) - 1, -1):
        word = tokens[index]
        if measure is not None and word in measure.cues:
            return False
        if any(word in m.cues for m in book.measures):
            return True
        if index in breaks:
            return False
    return False


def _named_numbers(tokens: Sequence[str], intents: IntentSet) -> list[tuple[int, int]]:
    """Spans of numbers that are names, not amounts ("call nine one one"): the language's ``number_words``.

    "Yes, should I call 911?" is a worried yes; read as a breath count of nine it was a normal reading, and so a
    "no" to every sign asked.
    """
    spans: list[tuple[int, int]] = []
    for said in intents.language.spelling.number_words.values():
        name = said.split()
        spans += [(i, i + len(name)) for i in range(len(tokens) - len(name) + 1) if list(tokens[i:i + len(name)]) == name]
    return spans


def _measure_of(cue: Phrase | None, intents: IntentSet) -> Measure | None:
    """The measure whose cue words hold ``cue`` ("pulse": the heart rate)."""
    book = intents.measures
    if cue is None or book is None:
        return None
    return next((m for m in book.measures if set(cue) <= m.cues), None)


def _plausible(measure: Measure, value: float, decimal: bool = False) -> bool:
    """A number that can be this reading at all ("37.2" a temperature, "2" not): only then does it say "no".
    A counted measure is never a decimal: "T 37.4" to the heart question is a temperature, no pulse of 37."""
    if measure.whole and decimal:
        return False
    if measure.scales:
        return any(s.low <= value <= s.high for s in measure.scales)
    return measure.low <= value <= measure.high


def _text(words: Sequence[str], breaks: dict[int, bool]) -> str:
    """Words back into text, with the answer's punctuation (it scopes a "no")."""
    return " ".join(("." if breaks[i] else ",") + " " + w if i in breaks and i else w for i, w in enumerate(words))
