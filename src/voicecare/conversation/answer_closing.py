"""After "anything else?": whether a "no" ends the talk, or the caregiver's news came first and the "no" only
closes it. No red-flag question was asked there, so no question's sign can hide behind the "no"; any sign said
is the matcher's own finding either way. Pure functions over a taken-apart answer, used by ``answers.py``."""

from __future__ import annotations

from voicecare.conversation import answer_spots
from voicecare.conversation.answer_parts import Heard
from voicecare.conversation.answer_words import Spot
from voicecare.domain import Status


def news_then_closing(heard: Heard) -> bool:
    """Health words or a sign said before every "no" ("she had a fall at nursery last week, and I think that's
    it", "her back hurts when she bends, that's it"): the news was the answer, the "no" only closes it."""
    news = [*((h.start, h.end) for h in heard.spots_of("health")),
            *((m.start, m.end) for m in heard.matches if m.status is Status.PRESENT)]
    return bool(news) and all(end <= n.start for _, end in news for n in heard.spots_of("no"))


def closes_the_talk(heard: Heard, fillers: frozenset[str], subjects: frozenset[str],
                    negations: frozenset[str]) -> bool:
    """A bare "no" with words beside it that we cannot place, but nothing about health, no sign said and no turn
    after it ("no that is all my dear", "no, I'll ring the surgery in the morning"): the talk may end. "No, but
    ..." still hears more, and so does a "no" inside a statement ("he doesn't want to bend")."""
    noes = _bare_noes(heard, fillers, subjects)
    return bool(noes) and not heard.spots_of("health", "learner_not") and not any(
        m.status is Status.PRESENT for m in heard.matches) and not any(
        c.start >= noes[-1].end for c in heard.spots_of("contrast")) and not answer_spots.doubly_denied(
        heard.spots, heard.tokens, heard.clause_of, negations)


def _bare_noes(heard: Heard, fillers: frozenset[str], subjects: frozenset[str]) -> list[Spot]:
    """The "no"s said first in their part ("..., but no, I think that's all"), with no subject in them."""
    said_first = {i for s in heard.said if s.kind in ("contrast", "no") for i in range(s.start, s.end)}
    return [n for n in heard.spots_of("no") if not subjects.intersection(heard.tokens[n.start:n.end])
            and all(heard.tokens[i] in fillers or i in said_first
                    for i in range(heard.clause_of.index(heard.clause(n.start)), n.start))]
