"""Test doubles for hardware this machine may lack, behind the same interfaces as the real devices.

``FakeOutputDevice`` stands for the sound card (an ``AudioSink`` that takes
real time to play, like a device); ``FileMicrophone`` stands for the
microphone (same ``start``/``chunks``/``close``/``muted`` as ``Microphone``)
and replays WAV files. Neither fakes the engines: recognition and synthesis
stay real. ``FaultySynthesizer`` is the real espeak-ng worker made to crash,
hang, raise or talk garbage (run as ``python -m voicecare.testing FAULT N``).
"""

from __future__ import annotations

import os
import signal
import sys
import threading
import time
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, BinaryIO

from voicecare.errors import AudioError, SpeechError
from voicecare.interfaces import Clip, Synthesizer
from voicecare.speech_in.audio import TARGET_RATE, AudioChunk, Resampler, WavFormat, iter_wav, to_float, to_pcm16
from voicecare.speech_in.echo import GAP_SECONDS

if TYPE_CHECKING:
    import numpy as np
    import numpy.typing as npt


@dataclass
class PlayedBlock:
    """One block the fake device played, and when."""

    pcm: bytes
    rate: int
    at: float
    """time.monotonic() when the block started playing (right after the one before, unless the writer was late)."""


DEVICE_BUFFER_SECONDS = 0.04
"""A write returns once no more than this is left to play: the next block follows without a gap."""


@dataclass
class FakeOutputDevice:
    """A speaker that plays in real time (or ``speed`` times faster) and remembers what it played."""

    speed: float = 1.0
    blocks: list[PlayedBlock] = field(default_factory=list)
    flushes: int = 0
    fail_after: int | None = None
    """Raise AudioError (as if unplugged) after this many blocks."""
    played: threading.Event = field(default_factory=threading.Event)
    """Set once anything has been played (a test waits on it rather than on the clock)."""

    _busy_until: float = 0.0
    """time.monotonic() when what was written so far will have been played."""

    def write(self, pcm: bytes, rate: int) -> None:
        if self.fail_after is not None and len(self.blocks) >= self.fail_after:
            raise AudioError("fake speaker unplugged")
        # Like a sound card, it plays at its own pace: a block written while the last one plays follows it
        # without a gap, one written late (the writer fell behind) starts when it comes.
        starts = max(time.monotonic(), self._busy_until)
        self._busy_until = starts + len(pcm) / 2 / rate / self.speed
        self.blocks.append(PlayedBlock(pcm, rate, starts))
        self.played.set()
        delay = self._busy_until - DEVICE_BUFFER_SECONDS / self.speed - time.monotonic()
        if delay > 0:  # returns while the last of it plays, as a sound card with a buffer does
            time.sleep(delay)

    def flush(self) -> None:
        self.flushes += 1

    def close(self) -> None:
        """Nothing to release."""

    def audio(self) -> bytes:
        """Everything played, joined."""
        return b"".join(b.pcm for b in self.blocks)


class FileMicrophone:
    """A microphone that hears WAV files, one after another, at real-time pace (or faster)."""

    def __init__(self, files: Sequence[Path], rate: int = TARGET_RATE, speed: float = 1.0,
                 muted: threading.Event | None = None, gap_seconds: float = 0.0) -> None:
        self.files = list(files)
        self.rate = rate
        self.speed = speed
        self.muted = muted or threading.Event()
        self.gap_seconds = gap_seconds
        self.started_at = 0.0
        self._closed = False

    def start(self) -> None:
        self.started_at = time.monotonic()

    def chunks(self, timeout: float = 1.0) -> Iterator[AudioChunk]:
        position = 0.0
        for path in self.files:
            for chunk in iter_wav(path, self.rate):
                if self._closed:
                    return
                self._pace(position + chunk.seconds)
                pcm = b"\x00" * len(chunk.pcm) if self.muted.is_set() else chunk.pcm
                yield AudioChunk(pcm, chunk.rate, position)
                position += chunk.seconds
            position += self.gap_seconds

    def _pace(self, until: float) -> None:
        if self.speed <= 0:
            return
        delay = self.started_at + until / self.speed - time.monotonic()
        if delay > 0:
            time.sleep(delay)

    def close(self) -> None:
        self._closed = True


class FlakyMicrophone(FileMicrophone):
    """A FileMicrophone that fails like real hardware: busy at start, or unplugged mid-stream."""

    def __init__(self, files: Sequence[Path], *, busy: bool = False, vanish_after: int | None = None,
                 **options: object) -> None:
        super().__init__(files, **options)  # type: ignore[arg-type]
        self.busy = busy
        self.vanish_after = vanish_after

    def start(self) -> None:
        if self.busy:
            raise AudioError("cannot open the microphone (device busy)")
        super().start()

    def chunks(self, timeout: float = 1.0) -> Iterator[AudioChunk]:
        for count, chunk in enumerate(super().chunks(timeout)):
            if self.vanish_after is not None and count >= self.vanish_after:
                raise AudioError("the microphone stopped sending audio (unplugged?)")
            yield chunk


def silence_wav(path: Path, seconds: float, rate: int = TARGET_RATE) -> Path:
    """Write a silent 16-bit mono WAV (for quiet spells in tests)."""
    import wave

    with wave.open(str(path), "wb") as out:
        out.setnchannels(1)
        out.setsampwidth(2)
        out.setframerate(rate)
        out.writeframes(b"\x00\x00" * int(seconds * rate))
    return path


class LoopbackMicrophone:
    """A microphone that hears only what a FakeOutputDevice plays: voicecare's own voice, as in a room.

    Paced in real time (times ``speed``) for ``seconds``; silence when nothing is playing.
    """

    def __init__(self, device: FakeOutputDevice, seconds: float, rate: int = TARGET_RATE, speed: float = 1.0) -> None:
        self.device = device
        self.seconds = seconds
        self.rate = rate
        self.speed = speed
        self.muted = threading.Event()
        self._closed = False

    def start(self) -> None:
        """Nothing to open."""

    def chunks(self, timeout: float = 1.0) -> Iterator[AudioChunk]:
        from voicecare.speech_in.audio import Resampler, WavFormat, to_float, to_pcm16

        block = 0.1
        began = time.monotonic()
        taken = 0
        position = 0.0
        resamplers: dict[int, Resampler] = {}
        while position < self.seconds and not self._closed:
            fresh = self.device.blocks[taken:]
            taken += len(fresh)
            pcm = b""
            for played in fresh:
                fmt = WavFormat(played.rate, 1, 2, False, 0, len(played.pcm))
                resample = resamplers.setdefault(played.rate, Resampler(played.rate, self.rate))
                pcm += to_pcm16(resample(to_float(played.pcm, fmt)))
            silence = b"\x00\x00" * int(block * self.rate)
            yield AudioChunk(pcm or silence, self.rate, position)
            position += max(block, len(pcm) / 2 / self.rate)
            delay = began + position / self.speed - time.monotonic()
            if delay > 0:
                time.sleep(delay)

    def close(self) -> None:
        self._closed = True


ROOM_DELAY_SECONDS = 0.08
"""The sound card's output latency plus a metre or two of air: a microphone in the room hears the speaker this late
(more than the resampler's own latency, so the fake never hears a block before it has worked it out)."""
ROOM_GAIN = 0.5
"""And this much quieter (-6 dB), so that a caregiver near the microphone is as loud as voicecare or louder."""


class RoomEcho:
    """What a microphone in the room hears of a FakeOutputDevice: the same sound, ``delay`` later, ``gain`` quieter.

    Blocks are placed on the microphone's timeline by when they were played
    (wall clock), so a test hears voicecare exactly where it spoke.
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
        """time.monotonic() when the device would have played everything it was given (gaps come after it)."""
        self._end = 0
        """Sample (on the timeline) where the last placed sound ends."""
        self._base = 0
        """Sample of ``_pending[0]``: what was placed but not heard yet."""
        self._pending = np.zeros(0, dtype=np.float32)
        self._resamplers: dict[int, Resampler] = {}

    def start(self, origin: float) -> None:
        """The microphone's first sample was heard at ``origin`` (time.monotonic())."""
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
    """

    def __init__(self, files: Sequence[Path], device: FakeOutputDevice, *, delay: float = ROOM_DELAY_SECONDS,
                 gain: float = ROOM_GAIN, **options: object) -> None:
        super().__init__(files, **options)  # type: ignore[arg-type]
        self.echo = RoomEcho(device, self.rate, delay, gain)

    def start(self) -> None:
        super().start()
        self.echo.start(self.started_at)

    def chunks(self, timeout: float = 1.0) -> Iterator[AudioChunk]:
        import numpy as np

        for chunk in super().chunks(timeout):
            start = round(chunk.start * self.rate)
            voice = np.frombuffer(chunk.pcm, dtype="<i2").astype(np.float32) / np.float32(32768)
            heard = voice + self.echo.take(start, len(voice))
            yield AudioChunk(to_pcm16(heard), chunk.rate, chunk.start)


SYNTH_FAULTS = ("segfault", "hang", "raise", "garbage", "dead")
"""How testing.py's synthesiser worker fails: a native crash, a hang, an exception, nonsense on the pipe,
or ("dead") a crash before it is even ready."""


class FaultySynthesizer:
    """The real espeak-ng engine, inside the real worker, that fails after ``healthy`` good messages.

    Runs in the worker process (``python -m voicecare.testing FAULT HEALTHY``),
    behind the same protocol as the real worker, so the parent sees exactly
    what a crashing espeak-ng would show it.
    """

    def __init__(self, engine: Synthesizer, fault: str, healthy: int, out: BinaryIO) -> None:
        self.engine = engine
        self.fault = fault
        self.healthy = healthy
        self.out = out
        self.served = 0

    def synth(self, text: str, rate_wpm: int) -> Clip:
        self.served += 1
        if self.served > self.healthy:
            self._fail()
        return self.engine.synth(text, rate_wpm)

    def _fail(self) -> None:
        if self.fault == "segfault":
            import ctypes

            ctypes.string_at(0)  # a real invalid read, as a native library bug would do
            os.kill(os.getpid(), signal.SIGSEGV)  # in case page 0 is mapped
        if self.fault == "hang":
            threading.Event().wait()
        if self.fault == "garbage":
            self.out.write(b"Audio saved to /tmp/say.wav\n" * 4)  # what a chatty driver prints
            self.out.flush()
            threading.Event().wait()
        raise SpeechError("injected failure")


def fault_worker_command(fault: str, healthy: int = 0) -> list[str]:
    """The command of a synthesiser worker that fails with ``fault`` after ``healthy`` good messages."""
    if fault not in SYNTH_FAULTS:
        raise ValueError(f"unknown synthesiser fault {fault!r}; one of {', '.join(SYNTH_FAULTS)}")
    return [sys.executable, "-m", "voicecare.testing", fault, str(healthy)]


def fault_worker_main(argv: Sequence[str]) -> int:
    """``python -m voicecare.testing FAULT HEALTHY``: serve like tts_worker, then fail."""
    from voicecare.speech_out.tts_worker import EspeakEngine, open_protocol, serve

    fault, healthy = argv[0], int(argv[1])
    inp, out = open_protocol()
    if fault == "dead":
        os.kill(os.getpid(), signal.SIGSEGV)
    engine = EspeakEngine(None)
    serve(FaultySynthesizer(engine, fault, healthy, out), inp, out, engine.rate)
    return 0


if __name__ == "__main__":
    sys.exit(fault_worker_main(sys.argv[1:]))
