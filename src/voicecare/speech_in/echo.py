"""Echo cancelling: voicecare's own voice is taken out of the microphone's blocks, the caregiver's is kept.

The speaker remembers the blocks it played. Each 20 ms of a microphone block
is matched (FFT cross-correlation) against the last second of that audio,
near the room's delay learnt from blocks that were only echo (over a
caregiver's voice the best match anywhere is often the wrong one), and a
short least-squares filter there (``TAPS`` taps: the delay is rarely a whole
sample) is fitted and its output subtracted. What is left is the caregiver.
A block that the echo explains almost wholly (``ECHO_LEFT``) is our own
voice and becomes digital silence, as before; any other block passes with
the echo taken out, so "stop" or "he is not breathing" said over an answer
reaches the recogniser. numpy only, a few ms per block (benchmarks/bench_echo.py).

Earlier a block that merely *resembled* the played audio was silenced whole:
espeak's voice said over espeak's voice resembles it, and most blocks of a
caregiver talking over voicecare were lost.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Protocol

from voicecare.speech_in.audio import AudioChunk, Resampler, WavFormat, to_float, to_pcm16

if TYPE_CHECKING:
    from collections.abc import Iterable

    import numpy as np
    import numpy.typing as npt

REFERENCE_SECONDS = 1.0
"""How far back the played audio is searched (covers device and room delay)."""
GAP_SECONDS = 0.03
"""Blocks played further apart than this (the pause after a message, a cut) are apart in the reference too."""
SEGMENT_SAMPLES = 320
"""Each 20 ms (at 16 kHz) of a block finds its own delay: the speaker plays 20 ms blocks, and a stall between two
shifts the rest of the echo."""
TAPS = 3
"""Filter length in samples around the best delay: a fractional delay and the device's colouring, no more."""
ECHO_LEFT = 0.1
"""A block with less than this share of its energy left once the echo is taken out is only our voice (-10 dB)."""
HANGOVER_LEFT = 0.35
"""Right after a block that was only echo, less than this left is echo too: where our voice stops (a cut, a
flushed device) or jumps, a block is half explained; a caregiver starting to talk loses a block's onset at most."""
LEARN_LEFT = 0.01
"""A block the echo explains this well (-20 dB left) shows where the echo is: the room's delay is learnt from it."""
NEAR_SAMPLES = 32
"""How far (2 ms at 16 kHz) the echo may stray from where the learnt delay puts it (clock and thread jitter)."""
MIN_ENERGY = 1e-6
RIDGE = 1e-6
"""Keeps the least-squares fit solvable when the reference is silent there."""


class PlayedAudio(Protocol):
    """What the canceller reads of the speaker: the blocks it played, stamped with ``time.monotonic()``."""

    @property
    def played(self) -> Iterable[tuple[float, bytes, int]]:
        """(time.monotonic(), 16-bit mono pcm, rate) of the blocks played lately, oldest first."""


@dataclass(frozen=True)
class Cancelled:
    """One microphone block with voicecare's echo taken out."""

    residual: npt.NDArray[np.float32]
    """The block minus the echo the filter predicted (samples in [-1, 1])."""
    left: float
    """Share of the block's energy left (1.0: nothing explained by the echo)."""
    delay: int
    """Sample of the reference where the echo in the block starts."""


class EchoGate:
    """Takes voicecare's echo out of microphone blocks; blocks that are only echo become silence."""

    def __init__(self, speaker: PlayedAudio, rate: int, clock: Callable[[], float] = time.monotonic) -> None:
        self.speaker = speaker
        self.rate = rate
        self.clock = clock
        self.silenced = 0
        """Blocks that were only our echo."""
        self.cleaned = 0
        """Blocks that held echo and something else, passed with the echo taken out."""
        self._last_was_echo = False
        self._delay: float | None = None
        """time.monotonic() of the played sample heard at the stream's time 0 (the room's path, learnt)."""

    def __call__(self, chunk: AudioChunk) -> AudioChunk:
        """The chunk with our echo taken out, or silence of the same length when it is only our echo."""
        # Where this block's echo was played, once the room's delay is known: a listener running late (recognition
        # on a loaded machine) reads blocks whose echo is older than the last second, which then held none of it.
        played_at = None if self._delay is None else chunk.start + self._delay
        found = self._reference(played_at)
        if found is None:
            return chunk
        reference, since = found
        # Where the echo should be, from the room's delay learnt on blocks that were only echo: over a caregiver's
        # voice the best match anywhere is often the wrong one (espeak's voice resembles espeak's voice).
        near = None if self._delay is None else round((chunk.start + self._delay - since) * self.rate)
        result = cancel(_samples(chunk), reference, near)
        if result is None:
            return chunk
        if result.left < LEARN_LEFT:
            self._delay = since + result.delay / self.rate - chunk.start
        if result.left < (HANGOVER_LEFT if self._last_was_echo else ECHO_LEFT):
            self._last_was_echo = True
            self.silenced += 1
            return AudioChunk(b"\x00" * len(chunk.pcm), chunk.rate, chunk.start)
        self._last_was_echo = False
        self.cleaned += 1
        return AudioChunk(to_pcm16(result.residual), chunk.rate, chunk.start)

    def _reference(self, played_at: float | None = None) -> tuple[npt.NDArray[np.float32], float] | None:
        """A second of what was played, at the microphone's rate, with the silences between blocks kept, and the
        clock time of its first sample: the second around ``played_at``, else the last second."""
        until = self.clock() if played_at is None else min(self.clock(), played_at + REFERENCE_SECONDS / 2)
        since = until - REFERENCE_SECONDS
        recent = [(at, pcm, rate) for at, pcm, rate in list(self.speaker.played) if since <= at <= until]
        if not recent:
            return None
        rate = recent[-1][2]
        parts: list[bytes] = []
        samples = 0
        # The device plays a stretch without gaps at its own pace; a block's stamp is when it was handed over,
        # never before its turn but often after (threads are late). So a stretch started at the earliest of
        # (stamp - what came before it in the stretch), and a block stamped after the stretch's end begins a
        # new stretch, with the silence between kept.
        began, first = recent[0][0], 0
        for at, pcm, played_rate in recent:
            if played_rate != rate:
                continue
            ends = began + (samples - first) / rate
            if at - ends > GAP_SECONDS:  # a message cut or ended: the room heard silence there, not the next one
                quiet = round((at - ends) * rate)
                parts.append(b"\x00\x00" * quiet)
                samples += quiet
                began, first = at, samples
            began = min(began, at - (samples - first) / rate)
            parts.append(pcm)
            samples += len(pcm) // 2
        pcm = b"".join(parts)
        # A fresh one-shot resampler each time: the same blocks are looked at again and again.
        reference = Resampler(rate, self.rate)(to_float(pcm, WavFormat(rate, 1, 2, False, 0, len(pcm))), last=True)
        return reference, began - first / rate


def _samples(chunk: AudioChunk) -> npt.NDArray[np.float32]:
    import numpy as np

    samples: npt.NDArray[np.float32] = (np.frombuffer(chunk.pcm, dtype="<i2") / 32768).astype(np.float32)
    return samples


def _matches(segment: npt.NDArray[np.float64], reference: npt.NDArray[np.float64],
             spectrum: npt.NDArray[np.complex128], size: int) -> npt.NDArray[np.float64]:
    """How well ``segment`` matches ``reference`` at each delay: |normalised cross-correlation| (by FFT)."""
    import numpy as np

    n = len(segment)
    dots = np.fft.irfft(spectrum * np.conj(np.fft.rfft(segment, size)), size)[: len(reference) - n + 1]
    squares = np.concatenate([[0.0], np.cumsum(reference**2)])
    window = squares[n:] - squares[:-n]
    ncc: npt.NDArray[np.float64] = np.abs(dots) / np.sqrt(np.maximum(window, MIN_ENERGY))
    return ncc


def cancel(block: npt.NDArray[np.float32], reference: npt.NDArray[np.float32], near: int | None = None,
           ) -> Cancelled | None:
    """``block`` with voicecare's echo taken out, segment by segment (``SEGMENT_SECONDS``).

    Each segment gets its own delay, so a block that spans a jump in the
    played audio (a stall, a message cut) is still cancelled. In each, the
    best least-squares fit of ``TAPS`` taps of ``reference`` is taken out: at
    the best match anywhere, or within ``NEAR_SAMPLES`` of ``near`` (the sample
    of ``reference`` where the block's echo is expected to start), preferred.
    None when the block is too quiet to say anything about.
    """
    import numpy as np

    x = block.astype(np.float64)
    energy = float(np.dot(x, x))
    if energy < MIN_ENERGY:
        return None
    step = min(len(x), SEGMENT_SAMPLES)
    # Silence either side: the block may hold only the start or the end of what was played.
    pad = np.zeros(step + TAPS, dtype=np.float64)
    ref = np.concatenate([pad, reference.astype(np.float64), pad])
    size = 1 << (len(ref) + step - 1).bit_length()
    spectrum = np.fft.rfft(ref, size)
    residual = np.empty_like(x)
    delays: list[int] = []
    for offset in range(0, len(x), step):
        segment = x[offset: offset + step]
        ncc = _matches(segment, ref, spectrum, size)
        starts = [int(np.argmax(ncc))]
        if near is not None and 0 <= near + len(pad) + offset < len(ncc):
            lo = max(0, near + len(pad) + offset - NEAR_SAMPLES)
            starts.append(lo + int(np.argmax(ncc[lo: near + len(pad) + offset + NEAR_SAMPLES + 1])))
        fits = [_fit(segment, ref, start) for start in starts]
        shares = [float(np.dot(fit, fit)) / max(float(np.dot(segment, segment)), MIN_ENERGY) for fit in fits]
        # Where the echo is expected, unless only the best match anywhere explains the segment as echo alone
        # (the played audio jumped there): over a caregiver's voice, the best match anywhere is often a
        # stretch of our voice that resembles theirs, and taking it out would take some of them out.
        best = 0 if len(fits) == 1 or (shares[0] < ECHO_LEFT <= shares[1]) else 1
        residual[offset: offset + step] = fits[best]
        delays.append(starts[best] - len(pad) - offset)
    left = float(np.dot(residual, residual)) / energy
    return Cancelled(residual.astype(np.float32), min(1.0, left), delays[0])


def _fit(x: npt.NDArray[np.float64], ref: npt.NDArray[np.float64], delay: int) -> npt.NDArray[np.float64]:
    """``x`` minus the least-squares fit of ``TAPS`` taps of ``ref`` around ``delay``."""
    import numpy as np

    n = len(x)
    start = min(max(delay, TAPS // 2), len(ref) - n - TAPS + TAPS // 2)
    first = start - TAPS // 2
    taps = np.stack([ref[first + k: first + k + n] for k in range(TAPS)], axis=1)
    gram = taps.T @ taps + RIDGE * np.eye(TAPS)
    weights = np.linalg.solve(gram, taps.T @ x)
    left: npt.NDArray[np.float64] = x - taps @ weights
    return left
