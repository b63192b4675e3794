"""A crude echo gate: microphone blocks that are just voicecare's own voice are silenced.

The speaker remembers the blocks it played; a microphone block that matches
them closely (normalised cross-correlation over the last second, any delay)
is our own voice coming back from the room and is replaced by silence. When
the caregiver talks over it the match drops and the audio passes, so "stop"
or "he stopped breathing" can interrupt an answer.
"""

from __future__ import annotations

import time
from typing import TYPE_CHECKING

from voicecare.speech_in.audio import AudioChunk, Resampler, WavFormat, to_float

if TYPE_CHECKING:
    import numpy as np
    import numpy.typing as npt

    from voicecare.speech_out.tts import Speaker

REFERENCE_SECONDS = 1.0
"""How far back the played audio is searched (covers device and room delay)."""
ECHO_CORRELATION = 0.5
"""Above this, a block is taken for our own voice."""
HANGOVER_CORRELATION = 0.3
"""Right after an echo block, a weaker match is still echo (word and block edges blur the match)."""
MIN_ENERGY = 1e-6


class EchoGate:
    """Silences microphone blocks that are only the speaker's sound."""

    def __init__(self, speaker: Speaker, rate: int) -> None:
        self.speaker = speaker
        self.rate = rate
        self.silenced = 0
        self._last_was_echo = False

    def __call__(self, chunk: AudioChunk) -> AudioChunk:
        """The chunk, or silence of the same length when it is our echo."""
        reference = self._reference()
        least = HANGOVER_CORRELATION if self._last_was_echo else ECHO_CORRELATION
        self._last_was_echo = reference is not None and _similarity(_samples(chunk), reference) >= least
        if not self._last_was_echo:
            return chunk
        self.silenced += 1
        return AudioChunk(b"\x00" * len(chunk.pcm), chunk.rate, chunk.start)

    def _reference(self) -> npt.NDArray[np.float32] | None:
        since = time.monotonic() - REFERENCE_SECONDS
        recent = [(pcm, rate) for at, pcm, rate in list(self.speaker.played) if at >= since]
        if not recent:
            return None
        rate = recent[-1][1]
        pcm = b"".join(p for p, r in recent if r == rate)
        # A fresh one-shot resampler each time: the same blocks are looked at again and again.
        return Resampler(rate, self.rate)(to_float(pcm, WavFormat(rate, 1, 2, False, 0, len(pcm))), last=True)


def _samples(chunk: AudioChunk) -> npt.NDArray[np.float32]:
    import numpy as np

    samples: npt.NDArray[np.float32] = (np.frombuffer(chunk.pcm, dtype="<i2") / 32768).astype(np.float32)
    return samples


def _similarity(block: npt.NDArray[np.float32], reference: npt.NDArray[np.float32]) -> float:
    """How closely ``block`` follows some stretch of ``reference``: peak normalised cross-correlation, 0-1."""
    import numpy as np

    n = len(block)
    energy = float(np.dot(block, block))
    if energy < MIN_ENERGY:
        return 0.0
    if len(reference) < n:
        reference = np.concatenate([np.zeros(n - len(reference), dtype=np.float32), reference])
    dots = np.correlate(reference, block, mode="valid")
    squares = np.concatenate([[0.0], np.cumsum(reference.astype(np.float64) ** 2)])
    window = squares[n:] - squares[:-n]
    ncc = dots / np.sqrt(np.maximum(window, MIN_ENERGY) * energy)
    return float(np.max(np.abs(ncc)))
