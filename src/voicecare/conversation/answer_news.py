"""News whose own words hold a "no": "he eat nothing since morning" tells how the child is, it answers nothing.

A word that denies all ("nothing", "none") said right after a health word is what the deed was done to: the
caregiver says the child has eaten nothing, not "no" to the question. Read as the answer "no", it denied every
sign asked (a wrong "no" hides a red flag); it is the news itself, so the answer is news (asked again).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

from voicecare.conversation.answer_parts import Heard
from voicecare.conversation.answer_words import Phrase, Spot

NEWS = "health"
"""The kind such a "no" takes: part of the health news."""
REACH = 1
"""Words that may stand between the deed and its "nothing" ("eaten almost nothing", "drinks hardly anything")."""
DENIED_REACH = 3
"""Words that may stand between a "no" and the health word it is about ("no interest in food")."""


def deeds_of_nothing(heard: Heard, objects: Sequence[Phrase], about: Sequence[Spot] = (), *,
                     denied_news: bool = False, evidence: Sequence[Spot] = ()) -> Heard:
    """``heard`` with each "no" of ``objects`` said within ``REACH`` words after a health word of its part (not a
    word of the question: "temperature none" answers it) taken as part of that news.

    With ``denied_news`` (a red-flag question was asked), so is a "no" said right before a health word, in a part
    with no word of the question or of a well child ("she has no appetite", "doesn't want her milk", "no
    vomiting"): it tells of something the question did not ask, so it is no "no" to the question's signs; the
    question is asked again. So is a "no" said beside health news alone (``_beside_news``), unless words about the
    question were told as its evidence (``evidence``: "did a big wee on the potty, so no")."""
    asked = {i for a in about for i in range(a.start, a.end)}
    deeds = [h for h in heard.spots_of("health") if not asked.intersection(range(h.start, h.end))]
    taken = [n for n in heard.spots_of("no") if tuple(heard.tokens[n.start:n.end]) in objects and any(
        0 <= n.start - h.end <= REACH and heard.clause(h.start) == heard.clause(n.start) for h in deeds)]
    if denied_news:
        answered = {heard.clause(s.start) for s in [*about, *heard.spots_of("well", "unsure")]}
        answered |= {heard.clause(m.start) for m in heard.matches}
        taken += [n for n in heard.spots_of("no") if heard.clause(n.start) not in answered and any(
            0 <= h.start - n.end < DENIED_REACH and heard.clause(h.start) == heard.clause(n.start) for h in deeds)]
        taken += _beside_news(heard, deeds, [*about, *evidence])
    if not taken:
        return heard
    return replace(heard, spots=[_as_news(s, taken) for s in heard.spots], said=[_as_news(s, taken) for s in heard.said])


def _beside_news(heard: Heard, deeds: Sequence[Spot], about: Sequence[Spot]) -> list[Spot]:
    """ "Not eating, no", "she's been sick no", "no, she's been sick": one "no" said beside health news, in an answer
    with no word of the question, of a well child, or of a sign. Said last, it may be "now" as a recogniser hears
    it; said first, it answers the question only as far as the caregiver went on to tell other news instead. It
    says nothing of the question's signs, so it is no "no" to them (a wrong "no" hides a red flag): the news is
    told and the question asked again. "No, but she's been throwing up" (a sign we know, after a turn) is left to
    ``answer_turns``."""
    noes = heard.spots_of("no")
    # Not one said to someone in the room ("no, you can't have a biscuit before dinner"): the "no" was theirs.
    if len(noes) != 1 or about or heard.matches or heard.spots_of("well", "yes", "unsure", "contrast", "corrections",
                                                                  "off_topic"):
        return []
    told = [h for h in deeds if not (noes[0].end <= h.start and h.start - noes[0].end < DENIED_REACH
                                     and heard.clause(h.start) == heard.clause(noes[0].start))]
    return noes if told else []


def _as_news(spot: Spot, taken: Sequence[Spot]) -> Spot:
    return replace(spot, kind=NEWS) if spot in taken else spot


def told(heard: Heard) -> bool:
    """Whether the answer tells of the child's health in words outside the signs ("she fell from the mango tree",
    "decreased appetite"). A sign said vaguely with a doubt ("I don't know, she's just not herself") stays a doubt."""
    return bool(heard.spots_of(NEWS))
