"""The intents' language model says the readings the policy's table reads, and is made once for the same inputs."""

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


@pytest.fixture(scope="module")
def model(intents: IntentSet, tmp_path_factory: pytest.TempPathFactory) -> str:
    return lm.build(intents, stt.sphinx_words(), tmp_path_factory.mktemp("lm")).read_text(encoding="utf-8")


@pytest.mark.parametrize("said", [
    # review13 F3: heard as "one and rigid baby", "we're temperature story ate boy".
    "one hundred and eighty", "a hundred and two", "sixty", "two hundred", "forty five", "thirty eight point",
    "eight point five", "a hundred and one point", "one point five", "a hundred point four"])
def test_the_numbers_of_the_policy_table_are_said_in_the_readings_sentences(intents: IntentSet, said: str) -> None:
    assert any(f" {said} " in f" {line} " for line in lm.sentences(intents))


@pytest.mark.parametrize("trigram", ["hundred and eighty", "eighty times a", "times a minute",
                                     "thirty eight point", "eight point five", "temperature of a"])
def test_the_model_expects_a_reading_in_its_words(model: str, trigram: str) -> None:
    # A trigram of its own, not a back-off to single words: what made "one hundred and eighty" come out as words of
    # the intents ("one and rigid baby").
    assert f" {trigram}\n" in model


def test_the_readings_are_a_small_part_of_what_the_model_expects(intents: IntentSet) -> None:
    # Ordinary talk must not turn into numbers: the readings stay a small share of the training text.
    lines = list(lm.sentences(intents))
    readings = list(lm._readings(intents))
    assert 0 < len(readings) < 0.1 * len(lines)


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
    fewer = known - {"eighty"}
    assert lm.build(intents, fewer, tmp_path) != first  # the dictionary's words are inputs too
