"""Mentions said about something (a duration said about the pain), kept only with what they are said about near."""

from __future__ import annotations

from collections.abc import Collection, Mapping, Sequence
from dataclasses import replace

from voicecare.domain import Level, Match, Status
from voicecare.understanding import context, scopes
from voicecare.understanding.language import Language

_SOMEONE_ELSES = frozenset({Status.OTHER, Status.HYPOTHETICAL})
"""Statuses of a sign that a mention said about it shares."""
SHORT_SENTENCE = 4
"""A sentence of this many words or fewer ("Four days now.") may be about the next one."""


def _sentences_around(index: int, length: int, breaks: Mapping[int, bool]) -> tuple[int, int]:
    """The word range of the sentence holding words[index] and the one before it (and after it, when short)."""
    stops = sorted(i for i, full in breaks.items() if full and 0 < i < length)
    starts = [0, *(i for i in stops if i <= index)]
    begin = starts[-1]
    end = next((i for i in stops if i > index), length)
    after = next((i for i in stops if i > end), length) if end - begin <= SHORT_SENTENCE else end
    return (starts[-2] if len(starts) > 1 else begin), after


def owned(matches: list[Match], words: Sequence[str], breaks: Mapping[int, bool],
          said_of: Mapping[str, frozenset[str]], language: Language,
          levels: Mapping[str, Level] | None = None) -> list[Match]:
    """Mentions of a symptom said about something (a duration, about the pain), kept only with it near.

    The words it is said about must stand in the mention's sentence or the one
    before (or the one after, when the mention's own sentence is only a few
    words: "Four days now. Her back hurts."). Someone else's sign or a what-if
    keeps the mention theirs: "my own back has been killing me all week". With the symptoms'
    ``levels``, a span said right after a sign as serious is that sign's ("no poo in four days").
    """
    kept = []
    for match in matches:
        about = said_of.get(match.symptom)
        if about is None:
            kept.append(match)
            continue
        low, high = _sentences_around(match.start, len(words), breaks)
        near = [i for i in range(low, high) if words[i] in about]
        if not near or _said_of_a_deed(match, words, breaks, about, language) \
                or _said_of_a_thing(match, words, breaks, about, language) \
                or scopes.anothers_duration(match, matches, words, breaks, about) \
                or scopes.denied_span(match, matches, words, breaks, about, language.context) \
                or (levels is not None and scopes.anothers_span(match, matches, words, breaks, about, levels,
                                                                     language.fillers)):
            continue
        owner = min(near, key=lambda i: 0 if match.start <= i < match.end else abs(i - match.start))
        # Not the past: "his back has been hurting since last Friday" lasts until now.
        theirs = next((m.status for m in matches if m is not match and m.start <= owner < m.end
                       and m.status in _SOMEONE_ELSES), None)
        # A span too short to be a sign, said of someone else's pain ("my wife has back pain since 2 days"), is theirs
        # too: it says nothing, not even "no", of the child.
        kept.append(replace(match, status=theirs) if match.status in (Status.PRESENT, Status.ABSENT) and theirs
                    else match)
    return kept


def _said_of_a_thing(match: Match, words: Sequence[str], breaks: Mapping[int, bool], about: Collection[str],
                     language: Language) -> bool:
    """True when a mention's own clause names none of what it is said about but a place, a doing, a medicine or
    another illness: "not been to nursery for four days", "on antibiotics for a week" last as they do, no pain."""
    rules = language.context
    first = context.clause_start(words, breaks, rules, match.start)
    last = context.clause_end(words, breaks, rules, match.start + 1)
    # Its reason said next is its own: "off nursery for a week because his back hurts" is the back's week.
    reason = context.clause_end(words, breaks, rules, last + 1) if last < len(words) and words[last] in \
        rules.span_reasons else last
    return not any(words[i] in about for i in range(first, reason)) \
        and any(words[i] in rules.span_owners for i in range(first, last))


def _said_of_a_deed(match: Match, words: Sequence[str], breaks: Mapping[int, bool], about: Collection[str],
                    language: Language) -> bool:
    """True when a mention's own clause names none of what it is said about but a deed in the past.

    "potty trained for a year and his back is sore": the year is the training's,
    however the recogniser ran the clauses together. "four days now" has no deed
    and still points at the pain said before it, and a deed not done ("hasn't
    pooed in four days") is a problem that has lasted.
    """
    rules = language.context
    first = context.clause_start(words, breaks, rules, match.start)
    last = context.clause_end(words, breaks, rules, match.start + 1)
    if any(words[i] in about for i in range(first, last)):
        return False
    # A deed not done ("hasn't pooed in four days") is a problem lasting until now: the span stays.
    # Nor is a verb of the state going on ("the pain has now persisted for three days").
    return any(context.past_tense(words[i], rules) and words[i] not in rules.lasting
               and not language.negations & set(words[max(first, i - 2):i])
               for i in range(first, match.start))
