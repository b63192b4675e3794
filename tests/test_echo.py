"""The echo gate: voicecare's own voice is silenced, a caregiver talking over it is not."""

from __future__ import annotations

import time

import numpy as np
import pytest

from tests.conftest import AUDIO
from voicecare.speech_in.audio import AudioChunk, Resampler, iter_wav
from voicecare.speech_in.echo import EchoGate
from voicecare.speech_out.sinks import NullSink
from voicecare.speech_out.tts import Pyttsx3Synthesizer, Speaker

RATE = 16_000


@pytest.fixture(scope="module")
def voice() -> tuple[bytes, int]:
    clip = Pyttsx3Synthesizer().synth("Call 911 if your child has trouble breathing or seems confused.", 165)
    return clip.pcm, clip.rate


def as_16k(pcm: bytes, rate: int) -> np.ndarray:
    samples = np.frombuffer(pcm, dtype="<i2").astype(np.float32) / 32768
    return Resampler(rate, RATE)(samples, last=True)


def chunk(samples: np.ndarray) -> AudioChunk:
    return AudioChunk((np.clip(samples, -1, 1) * 32767).astype("<i2").tobytes(), RATE, 0.0)


def gate_for(voice: tuple[bytes, int]) -> EchoGate:
    speaker = Speaker(Pyttsx3Synthesizer, NullSink())
    pcm, rate = voice
    block = int(rate * 0.02) * 2
    now = time.monotonic()
    speaker.played.extend((now, pcm[i:i + block], rate) for i in range(0, min(len(pcm), rate * 2), block))
    return EchoGate(speaker, RATE)


def caregiver() -> np.ndarray:
    pcm = b"".join(c.pcm for c in iter_wav(AUDIO / "turns" / "not_breathing.wav"))
    return np.frombuffer(pcm, dtype="<i2").astype(np.float32) / 32768


def test_own_voice_is_silenced(voice: tuple[bytes, int]) -> None:
    gate = gate_for(voice)
    echo = as_16k(*voice)[RATE // 2: RATE // 2 + 1600] * 0.5  # quieter, as from across a room
    assert gate(chunk(echo)).pcm == b"\x00" * 3200


def test_caregiver_over_the_voice_passes(voice: tuple[bytes, int]) -> None:
    gate = gate_for(voice)
    speech = caregiver()
    loud = int(np.argmax(np.abs(speech)))
    mixed = speech[loud - 800: loud + 800] + as_16k(*voice)[RATE // 2: RATE // 2 + 1600] * 0.3
    assert gate(chunk(mixed)).pcm != b"\x00" * 3200
    assert gate(chunk(speech[loud - 800: loud + 800])).pcm != b"\x00" * 3200
