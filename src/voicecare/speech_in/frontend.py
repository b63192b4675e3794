"""The audio front end: noise suppression, automatic gain and voice activity before recognition.

WebRTC's audio processing (PyPI ``webrtc-noise-gain``, the one Home
Assistant's voice pipeline uses; wheels for the Pi) cleans each 10 ms frame
and says whether it holds speech. The same front end sits in front of every
recogniser (Vosk or PocketSphinx) for recorded files and for the microphone,
because it wraps the recogniser that both paths load.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from voicecare.errors import ModelError
from voicecare.interfaces import Expectation, Recognizer, RecognizerStream, Transcript

FRAME_RATE = 16_000
"""Hertz; WebRTC's processing here takes 16 kHz audio only."""
FRAME_BYTES = 320
"""10 ms of 16-bit mono audio at FRAME_RATE: the unit WebRTC processes."""


@dataclass(frozen=True)
class FrontEndSettings:
    """How hard the front end works; built once from the command line or the kiosk config."""

    noise_suppression: int = 2
    """0 (off) to 4 (strongest); stronger removes more noise and more of quiet words."""
    auto_gain_dbfs: int = 3
    """Target level below full scale, 0-31 dB; 0 turns automatic gain off."""
    enabled: bool = True


class FrontEnd:
    """One stream's cleaner: keeps WebRTC's state (noise estimate, gain) across the stream's blocks."""

    def __init__(self, settings: FrontEndSettings) -> None:
        try:
            from webrtc_noise_gain import AudioProcessor
        except ImportError:
            raise ModelError("the webrtc-noise-gain package is not installed; run scripts/setup.sh") from None
        self._processor: Any = AudioProcessor(settings.auto_gain_dbfs, settings.noise_suppression)
        self._pending = b""
        self.speech_frames = 0
        self.frames = 0

    def clean(self, pcm: bytes) -> bytes:
        """Cleaned audio for whole 10 ms frames of ``pcm``; a remainder waits for the next block."""
        data = self._pending + pcm
        whole = len(data) - len(data) % FRAME_BYTES
        self._pending = data[whole:]
        out = bytearray()
        for start in range(0, whole, FRAME_BYTES):
            result = self._processor.Process10ms(data[start:start + FRAME_BYTES])
            out += result.audio
            self.frames += 1
            self.speech_frames += bool(result.is_speech)
        return bytes(out)

    def rest(self) -> bytes:
        """The last partial frame, uncleaned (less than 10 ms), so no audio is dropped."""
        rest, self._pending = self._pending, b""
        return rest


class CleanRecognizer:
    """A recogniser that hears the audio after the front end; otherwise the wrapped engine."""

    def __init__(self, inner: Recognizer, settings: FrontEndSettings) -> None:
        if inner.rate != FRAME_RATE:
            raise ModelError(f"the audio front end works at {FRAME_RATE} Hz, not {inner.rate} Hz")
        FrontEnd(settings)  # fail now, at load, when the library is missing
        self._inner = inner
        self._settings = settings
        self.name = inner.name
        self.rate = inner.rate
        self.concurrent = inner.concurrent
        self.description = f"{inner.description}, after WebRTC noise suppression {settings.noise_suppression}" + (
            f" and gain to -{settings.auto_gain_dbfs} dBFS" if settings.auto_gain_dbfs else "")

    def stream(self, grammar: Sequence[str] | None = None, expect: Expectation | None = None) -> RecognizerStream:
        return _CleanStream(self._inner.stream(grammar, expect), FrontEnd(self._settings))


class _CleanStream:
    def __init__(self, inner: RecognizerStream, front: FrontEnd) -> None:
        self._inner = inner
        self._front = front

    def accept(self, pcm: bytes) -> Transcript | None:
        cleaned = self._front.clean(pcm)
        return self._inner.accept(cleaned) if cleaned else None

    def finish(self) -> Transcript:
        rest = self._front.rest()
        if rest:
            self._inner.accept(rest)
        return self._inner.finish()


def with_front_end(recognizer: Recognizer, settings: FrontEndSettings) -> Recognizer:
    """The recogniser behind the front end, or unchanged when the front end is off."""
    return CleanRecognizer(recognizer, settings) if settings.enabled else recognizer

