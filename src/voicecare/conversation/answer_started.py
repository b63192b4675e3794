"""A start said in words as the whole answer to how long ("just this morning", "nah, only since last night"): read
as the duration it means at most, so the topic's thresholds judge it as they judge "two days". Pure functions over
an answer's words, used by ``answers.py``."""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from voicecare.conversation.answer_words import Phrase, find


def duration(tokens: Sequence[str], started: Mapping[str, tuple[Phrase, ...]], opening: frozenset[str],
             quiet: frozenset[str], quiet_phrases: Sequence[Phrase], negations: frozenset[str]) -> str | None:
    """The duration ``tokens`` say, when they are only a start of ``started`` (by duration, the shortest first),
    after words of ``opening`` (fillers, a bare "no": "nah, just since this morning"), with words of ``quiet`` or
    ``quiet_phrases`` ("since", "just"); else None. Never with a negation after the opening: "not since this
    morning" says it was there until then. Two starts said ("this morning, or yesterday") are read as the longer."""
    first = next((i for i, w in enumerate(tokens) if w not in opening), len(tokens))
    tokens = tokens[first:]
    if negations.intersection(tokens):
        return None
    spans = list(find(tokens, dict(started)))
    if not spans:
        return None
    placed = {i for s in [*spans, *find(tokens, {"quiet": tuple(quiet_phrases)})] for i in range(s.start, s.end)}
    if any(i not in placed and w not in quiet for i, w in enumerate(tokens)):
        return None
    order = list(started)
    return max((s.kind for s in spans), key=order.index)
