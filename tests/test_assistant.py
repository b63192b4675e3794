"""Utterances of any length: matched in overlapping windows, the most serious reading kept."""

from __future__ import annotations

import itertools

from voicecare.domain import Level
from voicecare.understanding.assistant import MAX_UTTERANCE_CHARS, WINDOW_OVERLAP_CHARS, Assistant, windows


def test_windows_cover_every_word_with_overlap() -> None:
    text = " ".join(f"w{i}" for i in range(3_000))
    parts = list(windows(text))
    assert len(parts) > 1 and all(len(p) <= MAX_UTTERANCE_CHARS for p in parts)
    assert all(p.split(" ")[0].startswith("w") for p in parts)  # cut between words
    seen = [w for p in parts for w in p.split()]
    assert set(seen) == set(text.split())
    for before, after in itertools.pairwise(parts):
        assert before[-WINDOW_OVERLAP_CHARS // 2:] in after  # a sentence cut by one window is whole in the next


def test_text_without_spaces_still_ends() -> None:
    parts = list(windows("x" * 10_000))
    assert sum(len(p) for p in parts) >= 10_000 and len(parts) < 10


def test_a_sign_anywhere_in_a_long_utterance_counts(assistant: Assistant) -> None:
    filler = "so we went to the park and " * 80
    assert assistant.answer("she fainted. " + filler + "her back is sore").disposition is Level.EMERGENCY
    assert assistant.answer(filler + "she has a fever").disposition is Level.URGENT
    assert assistant.answer(filler * 3).disposition is Level.UNCLEAR
