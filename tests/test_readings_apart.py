"""The recogniser's readings: one that only respells the best reading's sounds is none; the model chosen by the room."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest

from tests import replay
from tests.conftest import AUDIO
from voicecare.domain import IntentSet
from voicecare.interfaces import Recognizer
from voicecare.speech_in import lm, pipeline, stt
from voicecare.speech_in.audio import iter_wav
from voicecare.speech_in.stt_sphinx import QUIET_SPREAD_DB, heard_apart, quiet_room
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


def _tone_in(noise_db_below: float | None, seconds: float = 1.5) -> bytes:
    """A voice stand-in (a 200 Hz tone from 0.3 s on) over silence, or over white noise so many dB below it."""
    rate = 16_000
    t = np.arange(int(seconds * rate)) / rate
    voice = np.where(t >= 0.3, 0.3 * np.sin(2 * np.pi * 200 * t), 0.0)
    if noise_db_below is not None:
        noise = np.random.default_rng(1).standard_normal(len(t))
        voice = voice + noise * 0.3 / np.sqrt(2) / 10 ** (noise_db_below / 20)
    return (np.clip(voice, -1, 1) * 32767).astype("<i2").tobytes()


def test_a_turn_starting_in_a_quiet_room_is_told_from_one_in_noise() -> None:
    assert quiet_room(_tone_in(None), 16_000)
    assert quiet_room(_tone_in(50), 16_000)
    assert not quiet_room(_tone_in(10), 16_000)
    assert not quiet_room(_tone_in(20), 16_000)
    assert not quiet_room(b"", 16_000)


def test_the_quiet_rooms_model_reads_a_turn_said_in_a_quiet_room_and_the_default_one_in_noise(
        intents: IntentSet, tmp_path: Path) -> None:
    # A quiet room's model that can only say two words: what a clean recording is read as shows which model read it.
    quiet = tmp_path / "quiet.lm"
    quiet.write_text(lm.arpa(["hello there"] * 5), encoding="utf-8")
    recognizer = stt.SphinxRecognizer.load(lm.build(intents, stt.sphinx_words(), tmp_path), quiet_language=quiet)
    clean = AUDIO / "clean" / "em_not_breathing.wav"
    noisy = AUDIO / "noisy" / "em_not_breathing.wav"

    def words(path: Path) -> set[str]:
        stream = recognizer.stream()
        for chunk in iter_wav(path, recognizer.rate):
            stream.accept(chunk.pcm)
        return set(stream.finish().text.split())

    assert words(clean) <= {"hello", "there"}
    assert not words(noisy) <= {"hello", "there"}


def test_every_reading_says_how_far_the_turn_stood_over_its_room(intents: IntentSet, tmp_path: Path) -> None:
    # The room the turn began in travels with its readings, partial and final (what the early-911 rule and the
    # findings may weigh), measured even when no quiet room's model is loaded.
    recognizer = stt.SphinxRecognizer.load(lm.build(intents, stt.sphinx_words(), tmp_path))

    def spread(path: Path) -> float:
        stream = recognizer.stream()
        partials = [stream.accept(chunk.pcm) for chunk in iter_wav(path, recognizer.rate)]
        final = stream.finish()
        told = {p.room_spread for p in partials if p is not None and p.room_spread is not None}
        assert final.room_spread is not None and told == {final.room_spread}
        return final.room_spread

    assert spread(AUDIO / "clean" / "em_not_breathing.wav") >= QUIET_SPREAD_DB
    assert spread(AUDIO / "noisy" / "em_not_breathing.wav") < QUIET_SPREAD_DB
