"""A microphone in the same room as the fake speaker: what it hears is the caregiver plus voicecare's own voice.

Imported through ``voicecare.testing``, which gathers every test double.
"""

from __future__ import annotations

import time
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from voicecare.speech_in.audio import BLOCK_SECONDS, TARGET_RATE, AudioChunk, Resampler, WavFormat, to_float, to_pcm16
from voicecare.speech_in.echo import GAP_SECONDS
from voicecare.testing_devices import DEVICE_BUFFER_SECONDS, FakeOutputDevice, FileMicrophone

if TYPE_CHECKING:
    import numpy as np
    import numpy.typing as npt


ROOM_DELAY_SECONDS = 0.08
"""The sound card's output latency plus a metre or two of air: a microphone in the room hears the speaker this late
(more than the resampler's own latency, so the fake never hears a block before it has worked it out)."""
ROOM_GAIN = 0.5
"""And this much quieter (-6 dB), so that a caregiver near the microphone is as loud as voicecare or louder."""


class RoomEcho:
    """What a microphone in the room hears of a FakeOutputDevice: the same sound, ``delay`` later, ``gain`` quieter.

    Blocks are placed on the microphone's timeline by when they were played
    (on the device's clock), so a test hears voicecare exactly where it spoke.
    """

    def __init__(self, device: FakeOutputDevice, rate: int, delay: float = ROOM_DELAY_SECONDS,
                 gain: float = ROOM_GAIN) -> None:
        import numpy as np

        self.device = device
        self.rate = rate
        self.delay = delay
        self.gain = gain
        self.origin = time.monotonic()
        self._taken = 0
        self._ends = 0.0
        """When the device would have played everything it was given (gaps come after it), on its clock."""
        self._end = 0
        """Sample (on the timeline) where the last placed sound ends."""
        self._base = 0
        """Sample of ``_pending[0]``: what was placed but not heard yet."""
        self._pending = np.zeros(0, dtype=np.float32)
        self._resamplers: dict[int, Resampler] = {}

    def start(self, origin: float) -> None:
        """The microphone's first sample was heard at ``origin`` on the device's clock."""
        self.origin = origin

    def take(self, start: int, length: int) -> npt.NDArray[np.float32]:
        """The echo in samples [start, start + length) of the microphone's timeline (and forget what is before)."""
        import numpy as np

        self._place()
        out = np.zeros(length, dtype=np.float32)
        lo, hi = max(start, self._base), min(start + length, self._base + len(self._pending))
        if hi > lo:
            out[lo - start: hi - start] = self._pending[lo - self._base: hi - self._base]
        drop = max(0, min(start + length - self._base, len(self._pending)))
        self._pending, self._base = self._pending[drop:], self._base + drop
        return out

    def _place(self) -> None:

        fresh = self.device.blocks[self._taken:]
        self._taken += len(fresh)
        for played in fresh:
            if played.at - self._ends > GAP_SECONDS:
                self._flush()  # a new sound: the last one's tail, still in its resampler, ends where it ended
                self._end = round((played.at - self.origin + self.delay) * self.rate)
                self._ends = played.at
            self._ends += len(played.pcm) / 2 / played.rate
            resample = self._resamplers.setdefault(played.rate, Resampler(played.rate, self.rate))
            self._add(resample(to_float(played.pcm, WavFormat(played.rate, 1, 2, False, 0, len(played.pcm)))))

    def _flush(self) -> None:
        import numpy as np

        for resample in self._resamplers.values():
            self._add(resample(np.zeros(0, dtype=np.float32), last=True))
        self._resamplers.clear()

    def _add(self, samples: npt.NDArray[np.float32]) -> None:
        """Continue the sound at ``_end`` (the resampler's output comes in bursts; its place does not)."""
        import numpy as np

        at = max(self._end, self._base)
        tail = at + len(samples) - (self._base + len(self._pending))
        if tail > 0:
            self._pending = np.concatenate([self._pending, np.zeros(tail, dtype=np.float32)])
        self._pending[at - self._base: at - self._base + len(samples)] += samples * self.gain
        self._end = at + len(samples)


class RoomMicrophone(FileMicrophone):
    """A FileMicrophone in the same room as a FakeOutputDevice: the caregiver's recordings plus voicecare's echo.

    The caregiver talks over voicecare as in a kitchen: every block holds both,
    voicecare ``delay`` seconds late and ``gain`` quieter (``RoomEcho``).
    A device with a ``RoomClock`` plays on this microphone's time: what is
    heard then does not depend on how fast the machine is.
    """

    def __init__(self, files: Sequence[Path], device: FakeOutputDevice, *, delay: float = ROOM_DELAY_SECONDS,
                 gain: float = ROOM_GAIN, **options: object) -> None:
        super().__init__(files, **options)  # type: ignore[arg-type]
        self.echo = RoomEcho(device, self.rate, delay, gain)
        self.clock = device.clock

    def start(self) -> None:
        super().start()
        self.echo.start(self.started_at if self.clock is None else 0.0)

    def chunks(self, timeout: float = 1.0) -> Iterator[AudioChunk]:
        import numpy as np

        try:
            for chunk in super().chunks(timeout):
                if self.clock is not None:
                    self.clock.advance(chunk.start)  # the listener has taken everything before this block
                start = round(chunk.start * self.rate)
                voice = np.frombuffer(chunk.pcm, dtype="<i2").astype(np.float32) / np.float32(32768)
                heard = voice + self.echo.take(start, len(voice))
                yield AudioChunk(to_pcm16(heard), chunk.rate, chunk.start)
        finally:
            self.close()

    def close(self) -> None:
        super().close()
        if self.clock is not None:
            self.clock.stop()


LOOPBACK_DELAY_SECONDS = DEVICE_BUFFER_SECONDS
"""A loopback capture hears what the device plays once it leaves the device's buffer."""


class LoopbackMicrophone(RoomMicrophone):
    """A microphone that hears only what a FakeOutputDevice plays, at full level: voicecare's own voice.

    ``seconds`` of digital silence with the device's sound placed where it was
    played (``RoomEcho``, ``LOOPBACK_DELAY_SECONDS`` later, gain 1). A device
    with a ``RoomClock`` plays on this microphone's time, as in ``RoomMicrophone``,
    so what is heard does not depend on how fast the machine is.
    """

    def __init__(self, device: FakeOutputDevice, seconds: float, rate: int = TARGET_RATE, speed: float = 1.0,
                 delay: float = LOOPBACK_DELAY_SECONDS) -> None:
        super().__init__([], device, delay=delay, gain=1.0, rate=rate, speed=speed)
        self.seconds = seconds

    def _recordings(self) -> Iterator[Iterator[AudioChunk]]:
        blocks = round(self.seconds / BLOCK_SECONDS)
        quiet = b"\x00\x00" * round(BLOCK_SECONDS * self.rate)
        yield (AudioChunk(quiet, self.rate, i * BLOCK_SECONDS) for i in range(blocks))
