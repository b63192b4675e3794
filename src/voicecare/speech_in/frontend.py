"""The audio front end: noise suppression, automatic gain and voice activity before recognition.

Two suppressors, both from the packages Home Assistant's voice pipeline uses
(wheels for the Pi): WebRTC's audio processing (PyPI ``webrtc-noise-gain``),
which also says whether a frame holds speech, and Speex's preprocessor (PyPI
``pyspeex-noise``), a lighter spectral suppressor. Either cleans each 10 ms
frame. The same front end sits in front of every recogniser (Vosk or
PocketSphinx) for recorded files and for the microphone, because it wraps the
recogniser that both paths load.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Literal

from voicecare.errors import ModelError
from voicecare.interfaces import Expectation, Recognizer, RecognizerStream, Transcript

FRAME_RATE = 16_000
"""Hertz; WebRTC's processing here takes 16 kHz audio only."""
FRAME_BYTES = 320
"""10 ms of 16-bit mono audio at FRAME_RATE: the unit both suppressors process."""

Suppressor = Literal["webrtc", "speex"]
SUPPRESSORS: tuple[Suppressor, ...] = ("webrtc", "speex")


@dataclass(frozen=True)
class FrontEndSettings:
    """How hard the front end works; built once from the command line or the kiosk config."""

    noise_suppression: int = 2
    """0 (off) to 4 (strongest); stronger removes more noise and more of quiet words."""
    auto_gain_dbfs: int = 3
    """Target level below full scale, 0-31 dB; 0 turns automatic gain off."""
    enabled: bool = True
    suppressor: Suppressor = "webrtc"
    """Which library cleans: WebRTC (``noise_suppression``, ``auto_gain_dbfs``) or Speex (``speex_db``, no gain)."""
    speex_db: int = -30
    """Speex: the most a noisy frequency band is attenuated, in dB (negative; 0 turns suppression off)."""

    @property
    def name(self) -> str:
        """How the description says what cleans the audio."""
        if self.suppressor == "speex":
            return f"Speex noise suppression {self.speex_db} dB"
        gain = f" and gain to -{self.auto_gain_dbfs} dBFS" if self.auto_gain_dbfs else ""
        return f"WebRTC noise suppression {self.noise_suppression}{gain}"


Frame = Callable[[bytes], tuple[bytes, bool]]
"""Cleans one 10 ms frame: the cleaned frame, and whether it holds speech (False when the library cannot tell)."""


def _webrtc(settings: FrontEndSettings) -> Frame:
    try:
        from webrtc_noise_gain import AudioProcessor
    except ImportError:
        raise ModelError("the webrtc-noise-gain package is not installed; run scripts/setup.sh") from None
    processor = AudioProcessor(settings.auto_gain_dbfs, settings.noise_suppression)

    def frame(pcm: bytes) -> tuple[bytes, bool]:
        result = processor.Process10ms(pcm)
        return bytes(result.audio), bool(result.is_speech)

    return frame


def _speex(settings: FrontEndSettings) -> Frame:
    try:
        from pyspeex_noise import AudioProcessor
    except ImportError:
        raise ModelError("the pyspeex-noise package is not installed; run scripts/setup.sh") from None
    # Gain 0: Speex's automatic gain off (PocketSphinx normalises loudness itself; gain lifts the noise too).
    processor = AudioProcessor(0, settings.speex_db)

    def frame(pcm: bytes) -> tuple[bytes, bool]:
        return bytes(processor.process_10ms(pcm)), False

    return frame


class FrontEnd:
    """One stream's cleaner: keeps the suppressor's state (noise estimate, gain) across the stream's blocks."""

    def __init__(self, settings: FrontEndSettings) -> None:
        self._frame = _speex(settings) if settings.suppressor == "speex" else _webrtc(settings)
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
            audio, speech = self._frame(data[start:start + FRAME_BYTES])
            out += audio
            self.frames += 1
            self.speech_frames += speech
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
        self.description = f"{inner.description}, after {settings.name}"

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

