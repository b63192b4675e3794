"""A story of days gone by told with a "no": the question's sign said of a day or more ago, then the child said to be
well now ("No, she was a bit constipated at Christmas but she's been regular as clockwork since", "No. He limped
yesterday because of new shoes, but today he is walking well"). The sign is a past one (rule 9), its cause part of
the story; the "no" answers for now. Pure functions over an answer taken apart, used by ``answers.py``."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING

from voicecare.conversation.answer_words import Phrase, Spot, find
from voicecare.domain import Status

if TYPE_CHECKING:  # answer_parts takes the answer apart; this module only reads it
    from voicecare.conversation.answer_parts import Heard

TOLD = "neutral"
"""The kind the cause of a past sign is set apart as: understood, saying nothing of a sign now."""
DENYING = ("well", "no")
"""Answer-word kinds that say a part is well."""
NOT_WELL = ("yes", "yes_lead", "unsure", "health", "learner_not", "double_negation")
"""Kinds that keep a part from saying the child is well now."""


@dataclass(frozen=True)
class Words:
    """The language's words for a story of days gone by (``answers.toml``)."""

    days_ago: tuple[Phrase, ...]
    """Times a day or more gone ("yesterday", "at Christmas", "two weeks ago")."""
    well_again: tuple[Phrase, ...]
    """Words that put a well part in the present ("today", "since", "now")."""
    causes: tuple[Phrase, ...]
    """Words that open the cause of what happened then ("because of", "from", "after")."""
    lasting: tuple[Phrase, ...]
    """Words that make a time a start or say the sign goes on ("since", "still", "keeps"): never a story."""
    negations: frozenset[str]


def gone_by(heard: Heard, words: Words, asked: frozenset[str], kept: Callable[[str], bool]) -> Heard:
    """``heard`` with the question's signs and words said with a time a day or more gone taken as past, and the
    cause said with them as part of that story, when a later part says the child is well now.

    Only a part that holds such a time and nothing that makes it a start or lasting ("since yesterday", "still");
    only when every later part with a sign, a doubt or health news in it is absent, and one later part says well
    with a word of now ("but today he is walking well", "but not today", "regular as clockwork since"). Never a
    sign ``kept`` names (an emergency is still asked about, as ``answer_passed.over`` does)."""
    tokens = heard.tokens
    lasting = {heard.clause(s.start) for s in find(tokens, {"lasting": words.lasting})}
    times = {heard.clause(s.start) for s in find(tokens, {"gone": words.days_ago})} - lasting
    if not times:
        return heard
    first = min(times)
    later = {heard.clause(i) for i in range(len(tokens))} - times
    later = {c for c in later if c > first}
    if not _well_now(heard, words, later):
        return heard
    # A cause right after the past part is that story's ("because of new shoes", "from the trampoline").
    causes = {heard.clause(s.start) for s in find(tokens, {"cause": words.causes})
              if heard.clause(s.start) - 1 in times and s.start == _start(heard, heard.clause(s.start))}
    past = times | (causes - {heard.clause(s.start) for s in heard.spots_of(*NOT_WELL)})
    if any(m.status is Status.PRESENT and heard.clause(m.start) in past and (m.symptom not in asked or kept(m.symptom))
           for m in heard.matches):
        return heard  # another sign, or one still asked about, said in the story: news or a sign, never past
    matches = [replace(m, status=Status.PAST) if m.status is Status.PRESENT and heard.clause(m.start) in past else m
               for m in heard.matches]
    told = [Spot(TOLD, i, i + 1) for i in range(len(tokens)) if heard.clause(i) in causes - times]
    return replace(heard, matches=matches, about=[a for a in heard.about if heard.clause(a.start) not in past],
                   said=sorted([*heard.said, *told], key=lambda s: s.start))


def _well_now(heard: Heard, words: Words, later: set[int]) -> bool:
    """Whether a part of ``later`` says the child is well now, and none of them holds a sign, a doubt or news."""
    if any(heard.clause(m.start) in later and m.status is Status.PRESENT for m in heard.matches):
        return False
    if any(heard.clause(s.start) in later for s in heard.spots_of(*NOT_WELL)):
        return False
    nows = {heard.clause(s.start) for s in find(heard.tokens, {"now": words.well_again})}
    denials = {heard.clause(s.start) for s in heard.spots_of(*DENYING)}
    denials |= {heard.clause(i) for i, w in enumerate(heard.tokens) if w in words.negations}
    return bool(later & nows & denials)


def _start(heard: Heard, clause: int) -> int:
    return next(i for i in range(len(heard.tokens)) if heard.clause(i) == clause)


def load(table: Mapping[str, tuple[Phrase, ...]], negations: frozenset[str]) -> Words:
    """The words of ``table`` (the language's answer words by kind)."""
    return Words(table["days_ago"], table["well_again"], table["story_causes"], table["lasting"], negations)
