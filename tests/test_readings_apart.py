"""The recogniser's other readings: one that only spells the best reading's sounds another way is no other reading."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests import replay
from voicecare.interfaces import Recognizer
from voicecare.speech_in import pipeline, stt
from voicecare.speech_in.audio import iter_wav
from voicecare.speech_in.stt_sphinx import heard_apart
from voicecare.understanding.assistant import Assistant


def pronunciations() -> dict[str, str]:
    """The bundled dictionary's first pronunciation of each word."""
    out: dict[str, str] = {}
    with (stt.sphinx_model_dir() / "cmudict-en-us.dict").open(encoding="utf-8", errors="replace") as handle:
        for line in handle:
            word, _, phones = line.partition(" ")
            out.setdefault(word, phones.strip())
    return out


def test_a_reading_with_the_same_sounds_is_dropped_and_one_that_sounds_different_kept() -> None:
    said = pronunciations()
    readings = ["for five daze straight", "for five a daze straight", "four five days straight", "for five daze straight"]
    # "four" and "for" sound alike in this dictionary too: only the reading with another sound ("a") is left.
    assert heard_apart("for five days straight", readings, said.get) == ["for five a daze straight"]


def test_readings_that_sound_alike_are_kept_once() -> None:
    said = pronunciations()
    assert heard_apart("he is sore", ["he is sore now", "he is soar now", "he's sore"], said.get) == [
        "he is sore now", "he's sore"]


def test_a_word_the_dictionary_does_not_know_is_compared_as_written() -> None:
    assert heard_apart("a b", ["a c", "a b"], {}.get) == ["a c"]


def test_no_reading_of_a_real_recording_only_respells_the_best_one(sphinx: Recognizer, assistant: Assistant,
                                                                  tmp_path: Path) -> None:
    # piper joe: the n-best held "... days we think ..." beside the best "... days wee think ...", the same sounds.
    voice = replay.voices().get("piper-joe")
    if voice is None:
        pytest.skip("piper's joe voice is not installed")
    path = tmp_path / "turn.wav"
    replay.padded(voice)("It's been sore for a few days, we think he pulled something.", path)
    heard = pipeline.recognize_recording(iter_wav(path), sphinx, assistant, lambda _: None)
    said = pronunciations()

    def sounds(text: str) -> list[str]:
        return [said.get(word, word) for word in text.split()]

    readings = [(p.transcript.text, p.transcript.alternatives) for p in heard.parts]
    assert readings and all(sounds(alt) != sounds(best) for best, alts in readings for alt in alts), readings
    assert all(len({tuple(sounds(a)) for a in alts}) == len(alts) for _, alts in readings), readings
