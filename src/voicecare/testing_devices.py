"""Fake sound card and microphones for tests: a speaker that plays in real time, microphones that replay WAV files.

Imported through ``voicecare.testing``, which gathers every test double.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from voicecare.errors import AudioError
from voicecare.speech_in.audio import BLOCK_SECONDS, TARGET_RATE, AudioChunk, iter_wav


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
