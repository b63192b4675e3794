"""A sign of the question told as past that is not over (#9, answers21's hidden signs): its last time is the time it
happens ("no, she woke up screaming twice last night, she's fine today": pain that wakes the child at night is
asked of nights, so a well day says nothing of it), or a later part says it goes on ("No, he was constipated last
week, and he still strains"). Either way the sign counts (rule 9: it is so now; rule 4: never a hidden red flag
behind a "no"). Pure functions over an answer taken apart, used by ``answers.py``."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import replace
from typing import TYPE_CHECKING

from voicecare.conversation.answer_words import Phrase, find
from voicecare.domain import Status

if TYPE_CHECKING:  # answer_parts takes the answer apart; this module only reads it
    from voicecare.conversation.answer_parts import Heard

QUIET = ("well", "no", "unsure")
"""Answer-word kinds that keep a later part from saying a sign goes on ("she's still fine", "still not sure")."""


def latest_time(heard: Heard, latest: Mapping[str, Sequence[Phrase]], days_ago: Sequence[Phrase]) -> Heard:
    """``heard`` with a past sign said in the same part as one of its own latest times (``latest``, by sign id:
    "last night" for night pain) taken as present, when that part names no time a day or more gone besides
    ("woke crying last week" stays history)."""
    if not latest:
        return heard
    gone = {heard.clause(s.start) for s in find(heard.tokens, {"gone": tuple(days_ago)})}
    matches = []
    for match in heard.matches:
        clause = heard.clause(match.start)
        own = latest.get(match.symptom, ())
        if match.status is Status.PAST and clause not in gone and any(
                heard.clause(s.start) == clause for s in find(heard.tokens, {"latest": tuple(own)})):
            match = replace(match, status=Status.PRESENT)
        matches.append(match)
    return replace(heard, matches=matches)


def still_going(heard: Heard, asked: frozenset[str], going: Sequence[Phrase], negations: frozenset[str]) -> Heard:
    """``heard`` with a past sign of the question taken as present when a later part says something goes on
    ("..., and he still strains") and says nothing else we know: no sign, no well word, no "no", no doubt, no
    negation ("she's still fine", "still not sure" leave the story as told)."""
    pasts = [m for m in heard.matches if m.status is Status.PAST and m.symptom in asked]
    if not pasts:
        return heard
    quiet = {heard.clause(s.start) for s in heard.spots_of(*QUIET)}
    quiet |= {heard.clause(i) for i, w in enumerate(heard.tokens) if w in negations}
    quiet |= {heard.clause(m.start) for m in heard.matches}
    goes_on = [heard.clause(s.start) for s in find(heard.tokens, {"going": tuple(going)})
               if heard.clause(s.start) not in quiet]
    if not goes_on:
        return heard
    matches = [replace(m, status=Status.PRESENT) if m in pasts and any(c > heard.clause(m.start) for c in goes_on)
               else m for m in heard.matches]
    return replace(heard, matches=matches)
