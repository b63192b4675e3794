"""The intents' language model is made once for the same inputs, and again when they change."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from voicecare import intents as loader
from voicecare.domain import IntentSet
from voicecare.speech_in import lm, stt


@pytest.fixture(scope="module")
def intents() -> IntentSet:
    return loader.load()


def test_the_same_inputs_reuse_the_model_and_a_change_or_a_cut_file_makes_it_again(intents: IntentSet,
                                                                                     tmp_path: Path) -> None:
    known = stt.sphinx_words()
    first = lm.build(intents, known, tmp_path)
    os.utime(first, (1, 1))
    assert lm.build(intents, known, tmp_path) == first
    assert first.stat().st_mtime == 1  # found, not written again
    other = lm.build(intents, known, tmp_path, phrases=("hey voice care",))
    assert other != first and "voice care" in other.read_text(encoding="utf-8")
    whole = first.read_text(encoding="utf-8")
    first.write_text(whole[: len(whole) // 2], encoding="utf-8")  # cut short by a full disk or a power loss
    assert lm.build(intents, known, tmp_path) == first
    assert first.read_text(encoding="utf-8") == whole
    fewer = known - {"wheezing"}
    assert lm.build(intents, fewer, tmp_path) != first  # the dictionary's words are inputs too
