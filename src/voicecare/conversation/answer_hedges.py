"""Hedges in an interview answer: which stand, what they cover, and numbers that deny only their own sign.

Moved out of ``answers.py`` unchanged (a module under ~400 lines).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

from voicecare.conversation.answer_parts import Heard
from voicecare.conversation.answer_words import Spot
from voicecare.domain import Match, Status

HEDGE_REACH = 3
"""A denied sign this many words after a hedge is hedged ("can't say about confused"): not a "no"."""


def standing(heard: Heard, hedges: Sequence[Spot], named: Sequence[Match]) -> list[Spot]:
    """The hedges a sign said later does not overtake. A hedge in the question's own words ("not better",
    "no better") says how the sign is, not what the caregiver knows; the question's sign said plainly after it
    ("not getting better, it's getting worse") is the later, firmer statement, and wins (rule 9). A hedge about
    knowing ("I don't know, maybe ...") stands whatever follows it."""
    plain = [m for m in named if m.status is Status.PRESENT and not any(m.start < h.end and h.start < m.end for h in hedges)]
    return [h for h in hedges if not (
        any(_overlaps(a, h) for a in heard.about) and any(m.start >= h.end for m in plain))]


def denied_only_by_numbers(heard: Heard) -> bool:
    """True when numbers under their thresholds are the answer's only denials: no "no", no word of being
    well, no sign denied in words. Such a number speaks for its own sign only ("yes, 40 breaths"), and an
    estimate the caregiver doubts ("maybe a day maybe two, I'd have to ask") denies nothing (rule 10)."""
    by_number = [m for m in heard.matches if m.status is Status.ABSENT and (m.start, m.end) in heard.readings]
    in_words = any(m.status is Status.ABSENT and (m.start, m.end) not in heard.readings for m in heard.matches)
    wells = heard.spots_of("well")
    return bool(by_number or any(s.reading for s in wells)) and not (
        heard.spots_of("no") or in_words or any(not s.reading for s in wells))


def without_hedged_denials(heard: Heard) -> Heard:
    """The answer without the "no" and well words said within ``HEDGE_REACH`` words after a hedge: those are what
    the caregiver doubts ("I don't know if it's normal", "idk, he's in nappies"), as a denied sign there is. A "no"
    that names its own part ("maybe, no shivers though") is a denial of its own."""
    hedges = heard.spots_of("unsure")
    return replace(heard, spots=[s for s in heard.spots if not (
        s.kind in ("no", "well") and any(0 <= s.start - h.end <= HEDGE_REACH and not _names_its_part(heard, s)
                                         for h in hedges))])


def own_no(heard: Heard, hedge: Spot, start: int) -> bool:
    """Whether a "no" of the caregiver's own stands between ``hedge`` and a denied sign starting at ``start``
    ("bit warm maybe no shivers"): the sign is denied by that "no", not doubted by the hedge."""
    return any(hedge.end <= n.start and n.end <= start for n in heard.spots_of("no"))


def _names_its_part(heard: Heard, spot: Spot) -> bool:
    """A "no" followed at once by a word of the question ("no shivers"): it says which part it denies."""
    return spot.kind == "no" and any(a.start == spot.end for a in heard.about)


def _overlaps(one: Spot, other: Spot) -> bool:
    return one.start < other.end and other.start < one.end


def of_another_part(heard: Heard, hedges: Sequence[Spot], named: Sequence[Match]) -> bool:
    """Whether a hedge stands in a part of the answer apart from every sign named ("He has 38.2, yes. But chills
    I am not sure"): the doubt is about another part of the question, not about the sign said."""
    # A sign's name said right before the hedge ("but tingling I cannot know") is what the hedge doubts.
    doubted = [m for m in named if any(0 <= h.start - m.end <= HEDGE_REACH and heard.clause(h.start) == heard.clause(
        m.end - 1) for h in hedges)]
    said = {heard.clause(i) for m in named if m not in doubted for i in (m.start, m.end - 1)}
    return bool(said) and any(heard.clause(h.start) not in said for h in hedges)


def inside_other_signs(heard: Heard, asked: frozenset[str]) -> Heard:
    """The answer without hedges said inside another sign's own words ("we haven't taken her to the doctor" holds
    "haven't taken", a hedge about checking): those words are that sign, news, not doubt about the question. Not
    when a sign of the question is said too: the hedge may doubt it ("can't tell if it's her heart or she's hot")."""
    if any(m.symptom in asked for m in heard.matches):
        return heard
    others = [m for m in heard.matches if m.status is Status.PRESENT and m.symptom not in asked]
    return replace(heard, spots=[s for s in heard.spots if not (
        s.kind == "unsure" and any(m.start <= s.start and s.end <= m.end for m in others))])

