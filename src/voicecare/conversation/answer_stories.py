"""An answer told as a story: the evidence or the preamble before the answer proper. Pure functions over an answer
taken apart, used by ``answers.py``: each returns the answer with the story's words set apart (still understood,
so they explain their part), or the answer as it was."""

from __future__ import annotations

from dataclasses import replace

from voicecare.conversation.answer_parts import Heard
from voicecare.conversation.answer_words import Phrase, Spot, find
from voicecare.domain import Status

STORY_WORDS = 3
"""A preamble this many words we cannot place is a story told before the answer, not a part of it."""
KEPT = ("polite", "caregiver", "contrast", "corrections")
"""Kinds a preamble keeps: they say nothing of a sign."""
TOLD = "neutral"
"""The kind the story's words are set apart as: understood, saying nothing of a sign."""


def concluded(heard: Heard, concluding: tuple[Phrase, ...]) -> Heard:
    """ "She went down the slide fifty times on those legs, so no, nothing wrong with her arms or legs": the last
    part draws a "no" from what was told (``concluding`` words) and no sign was found there or before: the words
    about the question before it were the evidence, not a sign."""
    last = heard.clause(len(heard.tokens) - 1)
    drawn = [s for s in find(heard.tokens, {"concluding": concluding})
             if last in (heard.clause(s.start), heard.clause(min(s.end, len(heard.tokens) - 1)))]
    if not drawn or any(m.status is Status.PRESENT for m in heard.matches):
        return heard
    evidence = [a for a in heard.about if a.start < drawn[-1].start]
    return replace(heard, about=[a for a in heard.about if a not in evidence],
                   said=[*heard.said, *(replace(a, kind=TOLD) for a in evidence)])


def after_a_story(heard: Heard, fillers: frozenset[str]) -> Heard:
    """ "Oh, I could talk all day, but no, that's all", "when her mother was a baby she'd sleep through
    thunderstorms, and this one's the same. But I shook her just now and she barely opened her eyes": a story
    told before a turn, naming nothing about the question, then the answer. The story's answer words ("the
    same") are not the answer; its words are understood."""
    turn = next((c for c in heard.spots_of("contrast") if _answered_after(heard, c.end)), None)
    # A preamble holding a hedge ("possibly, she had a bit of a shiver, but ...") or opening with an answer word
    # ("no, she had a bad night last week, but ...") is an answer.
    first = next((i for i, w in enumerate(heard.tokens) if w not in fillers), 0)
    if turn is None or any(m.start < turn.start for m in heard.matches) or any(
            a.start < turn.start for a in [*heard.about, *heard.spots_of("unsure")]) or any(
            s.start == first for s in heard.spots_of("yes", "no")):
        return heard
    placed = {i for s in heard.spots if s.start < turn.start for i in range(s.start, s.end)}
    unplaced = [i for i in range(turn.start) if i not in placed and heard.tokens[i] not in fillers]
    if len(unplaced) < STORY_WORDS:
        return heard
    story = Spot(TOLD, 0, turn.start)
    return replace(heard, spots=[s for s in heard.spots if s.start >= turn.start or s.kind in KEPT],
                   said=[*heard.said, story])


def _answered_after(heard: Heard, end: int) -> bool:
    """Whether an answer word, a word about the question or a sign is said after ``end``."""
    return any(s.start >= end for s in [*heard.spots_of("yes", "no"), *heard.about]) or any(
        m.start >= end for m in heard.matches)

