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
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, BinaryIO

from voicecare.errors import AudioError, SpeechError
from voicecare.interfaces import Clip, Synthesizer
from voicecare.speech_in.audio import BLOCK_SECONDS, TARGET_RATE, AudioChunk, Resampler, WavFormat, iter_wav, to_float, to_pcm16
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
    """When the block started playing, on the device's clock (right after the one before, unless the writer was
    late): time.monotonic(), or the seconds of a ``RoomClock``."""


CLOCK_WAIT_SECONDS = 60.0
"""Longer than any test's audio: a speaker whose microphone never started does not hang for ever."""
SETTLE_POLL_SECONDS = 0.002
DEVICE_BUFFER_SECONDS = 0.04
"""A write returns once no more than this is left to play: the next block follows without a gap."""
ROOM_BUFFER_SECONDS = DEVICE_BUFFER_SECONDS + BLOCK_SECONDS
"""On a ``RoomClock`` the device also holds the next microphone block's worth: what the microphone will hear of it
is written before the listener asks for that block, however late the writing thread runs."""


class RoomClock:
    """One clock for a room's speaker and microphone: the seconds of audio the listener has taken from the microphone.

    With the wall clock, a listener that falls behind (recognition on a loaded
    machine) leaves the speaker playing on ahead of what it has heard, and a
    slow synthesiser leaves gaps: the same recordings then meet another part
    of voicecare's reply. On this clock the speaker plays only as far as the
    listener has got, and the microphone moves on only once the speaker has
    done what it was asked (``settled``), as on an infinitely fast machine.
    """

    def __init__(self) -> None:
        self._cond = threading.Condition()
        self._now = 0.0
        self._stopped = False
        self._waiting_for: float | None = None
        """What the device's writer waits for (None: it is not in the device)."""
        self._idle: Callable[[], bool] = lambda: True

    def settle_on(self, idle: Callable[[], bool]) -> None:
        """``idle()`` is true when the speaker has nothing to say (``lambda: speaker.wait_idle(0)``)."""
        self._idle = idle

    def now(self) -> float:
        with self._cond:
            return self._now

    def advance(self, to: float, timeout: float = CLOCK_WAIT_SECONDS) -> None:
        """The listener has taken the audio up to ``to`` seconds: let the speaker play on, up to its buffer."""
        deadline = time.monotonic() + timeout
        with self._cond:
            self._settle(deadline)  # what was said before now starts now, however late the speaker's thread runs
            self._now = max(self._now, to)
            self._cond.notify_all()
            self._settle(deadline)  # and what is heard next has been played

    def _settle(self, deadline: float) -> None:
        # The speaker's idleness changes without this lock: look again every little while.
        while not self._cond.wait_for(self._settled, SETTLE_POLL_SECONDS) and time.monotonic() < deadline:
            pass

    def _settled(self) -> bool:
        """The writer waits for a time still to come, or has nothing to write: what it writes now is known."""
        waiting = self._waiting_for is not None and self._waiting_for > self._now
        return self._stopped or waiting or self._idle()

    def stop(self) -> None:
        """The microphone is gone: the speaker plays on without waiting for it."""
        with self._cond:
            self._stopped = True
            self._cond.notify_all()

    def wait_until(self, seconds: float, timeout: float = CLOCK_WAIT_SECONDS) -> None:
        """The device's writer: return once the listener has taken the audio up to ``seconds``."""
        with self._cond:
            self._waiting_for = seconds
            self._cond.notify_all()
            self._cond.wait_for(lambda: self._stopped or self._now >= seconds, timeout)
            self._waiting_for = None


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
    clock: RoomClock | None = None
    """The room's clock, shared with a RoomMicrophone (None: time.monotonic(), for a device alone)."""

    _busy_until: float = 0.0
    """When what was written so far will have been played, on the device's clock."""

    def write(self, pcm: bytes, rate: int) -> None:
        if self.fail_after is not None and len(self.blocks) >= self.fail_after:
            raise AudioError("fake speaker unplugged")
        # Like a sound card, it plays at its own pace: a block written while the last one plays follows it
        # without a gap, one written late (the writer fell behind) starts when it comes.
        starts = max(self._now(), self._busy_until)
        self._busy_until = starts + len(pcm) / 2 / rate / self.speed
        self.blocks.append(PlayedBlock(pcm, rate, starts))
        self.played.set()
        # Returns while the last of it plays, as a sound card with a buffer does.
        if self.clock is not None:
            self.clock.wait_until(self._busy_until - ROOM_BUFFER_SECONDS)
            return
        delay = self._busy_until - DEVICE_BUFFER_SECONDS / self.speed - time.monotonic()
        if delay > 0:
            time.sleep(delay)

    def _now(self) -> float:
        return self.clock.now() if self.clock is not None else time.monotonic()

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
        for recording in self._recordings():
            for chunk in recording:
                if self._closed:
                    return
                self._pace(position + chunk.seconds)
                pcm = b"\x00" * len(chunk.pcm) if self.muted.is_set() else chunk.pcm
                yield AudioChunk(pcm, chunk.rate, position)
                position += chunk.seconds
            position += self.gap_seconds

    def _recordings(self) -> Iterator[Iterator[AudioChunk]]:
        """What the microphone hears, recording by recording (the gap comes between them)."""
        for path in self.files:
            yield iter_wav(path, self.rate)

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


class LateDevices:
    """PortAudio's device list as the kiosk sees it: read at start, and again only on ``rescan()``.

    A microphone ``plug_in()``-ed later (a USB microphone after boot) is opened only once the list
    has been read again; until then opening it fails as PortAudio does.
    """

    def __init__(self, files: Sequence[Path]) -> None:
        self.files = list(files)
        self.plugged = False
        self.listed = False
        self.rescans = 0

    def plug_in(self) -> None:
        self.plugged = True

    def rescan(self) -> None:
        self.rescans += 1
        self.listed = self.plugged

    def open(self) -> FileMicrophone:
        if not self.listed:
            raise AudioError("no input device named like 'USB'; see 'voicecare devices'")
        return FileMicrophone(self.files, speed=0)


def silence_wav(path: Path, seconds: float, rate: int = TARGET_RATE) -> Path:
    """Write a silent 16-bit mono WAV (for quiet spells in tests)."""
    import wave

    with wave.open(str(path), "wb") as out:
        out.setnchannels(1)
        out.setsampwidth(2)
        out.setframerate(rate)
        out.writeframes(b"\x00\x00" * int(seconds * rate))
    return path


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
