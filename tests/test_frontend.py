"""The audio front end: WebRTC noise suppression, gain and voice activity, on real and generated audio."""

from __future__ import annotations

import argparse
from pathlib import Path

import numpy as np
import pytest

from tests.conftest import AUDIO
from voicecare.interfaces import Recognizer
from voicecare.speech_in import pipeline
from voicecare.speech_in.audio import AudioChunk, iter_wav
from voicecare.speech_in.frontend import FRAME_BYTES, CleanRecognizer, FrontEnd, FrontEndSettings, with_front_end
from voicecare.understanding.assistant import Assistant

RATE = 16_000


def chunks_of(samples: np.ndarray, block: int = 1600) -> list[AudioChunk]:
    pcm = (np.clip(samples, -1, 1) * 32767).astype("<i2").tobytes()
    return [AudioChunk(pcm[i:i + 2 * block], RATE, i / 2 / RATE) for i in range(0, len(pcm), 2 * block)]


def rms(pcm: bytes) -> float:
    samples = np.frombuffer(pcm, dtype="<i2").astype(np.float32) / 32768
    return float(np.sqrt(np.mean(samples**2)))


def test_whole_frames_are_cleaned_and_the_remainder_is_kept_for_the_end() -> None:
    front = FrontEnd(FrontEndSettings())
    out = front.clean(bytes(FRAME_BYTES * 3 + 40))
    assert len(out) == FRAME_BYTES * 3
    assert len(front.clean(bytes(FRAME_BYTES - 40))) == FRAME_BYTES
    assert front.rest() == b""
    front.clean(bytes(10))
    assert front.rest() == bytes(10)


def test_steady_noise_is_suppressed() -> None:
    noise = np.random.default_rng(1).standard_normal(RATE * 3).astype(np.float32) * 0.05
    front = FrontEnd(FrontEndSettings(auto_gain_dbfs=0))
    cleaned = b"".join(front.clean(c.pcm) for c in chunks_of(noise))
    last_second = len(cleaned) - 2 * RATE
    assert rms(cleaned[last_second:]) < 0.5 * rms(chunks_of(noise)[-1].pcm)


def test_the_recogniser_hears_through_the_front_end(sphinx: Recognizer, assistant: Assistant) -> None:
    clean = CleanRecognizer(sphinx, FrontEndSettings())
    assert "WebRTC" in clean.description and clean.rate == sphinx.rate
    heard = pipeline.recognize(iter_wav(AUDIO / "noisy" / "em_blue.wav"), clean, assistant, lambda _: None)
    assert "gasping" in heard.transcript.text
    noise = pipeline.recognize(iter_wav(AUDIO / "other" / "noise_only.wav"), clean, assistant, lambda _: None)
    assert not pipeline.answer_transcript(assistant, noise.transcript).present


def test_the_front_end_can_be_turned_off(sphinx: Recognizer) -> None:
    assert with_front_end(sphinx, FrontEndSettings(enabled=False)) is sphinx
    assert isinstance(with_front_end(sphinx, FrontEndSettings()), CleanRecognizer)


@pytest.mark.parametrize("level", [0, 4])
def test_every_suppression_level_runs(level: int) -> None:
    front = FrontEnd(FrontEndSettings(noise_suppression=level))
    assert len(front.clean(bytes(FRAME_BYTES * 10))) == FRAME_BYTES * 10


def test_the_command_line_option_puts_the_front_end_in_front_of_the_recogniser(
        assistant: Assistant, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from voicecare.app.speech_cli import load_recognizer

    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    options = {"engine": "sphinx", "model": None, "intents": None, "general_english": False, "intents_only": True}
    on = load_recognizer(argparse.Namespace(**options, front_end=True), assistant)
    off = load_recognizer(argparse.Namespace(**options, front_end=False), assistant)
    assert isinstance(on, CleanRecognizer) and not isinstance(off, CleanRecognizer)


SPEEX = FrontEndSettings(suppressor="speex")


def test_speex_suppresses_steady_noise_and_deeper_when_told() -> None:
    noise = np.random.default_rng(2).standard_normal(RATE * 3).astype(np.float32) * 0.05
    last = {}
    for db in (-15, -30):
        front = FrontEnd(FrontEndSettings(suppressor="speex", speex_db=db))
        cleaned = b"".join(front.clean(c.pcm) for c in chunks_of(noise))
        last[db] = rms(cleaned[len(cleaned) - 2 * RATE:])
    assert last[-30] < 0.5 * last[-15] < 0.5 * rms(chunks_of(noise)[-1].pcm)
    assert FrontEnd(SPEEX).speech_frames == 0, "Speex says nothing of speech: no frame is counted as speech"


def test_the_recogniser_hears_through_speex(sphinx: Recognizer, assistant: Assistant) -> None:
    clean = CleanRecognizer(sphinx, SPEEX)
    assert "Speex noise suppression -30 dB" in clean.description and "WebRTC" not in clean.description
    heard = pipeline.recognize(iter_wav(AUDIO / "noisy" / "em_blue.wav"), clean, assistant, lambda _: None)
    assert "gasping" in heard.transcript.text
    noise = pipeline.recognize(iter_wav(AUDIO / "other" / "noise_only.wav"), clean, assistant, lambda _: None)
    assert not pipeline.answer_transcript(assistant, noise.transcript).present


def test_front_end_speex_on_the_command_line_puts_speex_in_front_of_the_recogniser(
        assistant: Assistant, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from voicecare.app.cli import build_parser
    from voicecare.app.speech_cli import load_recognizer

    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    parsed = build_parser().parse_args(["triage", "--audio", "x.wav", "--front-end", "speex"])
    assert parsed.front_end == "speex"
    assert build_parser().parse_args(["triage", "--audio", "x.wav", "--front-end"]).front_end == "webrtc"
    options = {"engine": "sphinx", "model": None, "intents": None, "general_english": False, "intents_only": True}
    speex = load_recognizer(argparse.Namespace(**options, front_end=parsed.front_end), assistant)
    assert isinstance(speex, CleanRecognizer) and "after Speex noise suppression" in speex.description


def test_the_kiosk_config_takes_the_suppressor_by_name_and_refuses_others() -> None:
    from voicecare.app.kiosk_config import checked

    assert checked("front_end", "speex") == "speex"
    assert checked("front_end", True) is True
    with pytest.raises(Exception, match="'webrtc' or 'speex'"):
        checked("front_end", "rnnoise")
