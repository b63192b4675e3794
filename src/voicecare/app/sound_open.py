"""The kiosk's sound system, opened with a time limit: a device that never answers is said, not waited on silently.

PortAudio opens every ALSA device as it starts (``import sounddevice``) and the microphone as a stream starts; a
device whose open blocks (a capture plugin whose source never comes, a sound server that accepts and never replies,
a driver stuck in the kernel) held the kiosk's main thread for ever: no "kiosk ready", no line in the journal,
SIGTERM never acted on (Python runs its handler only between bytecodes), so a stopped test left the kiosk behind.
Here each open runs in a thread of its own and is waited on for ``OPEN_SECONDS``; past that the caller gets an
AudioError, says it and tries again (the kiosk's back-off). A retry waits on the same open while it is still stuck
(never a pile of stuck threads); one that answers late is closed and made again, so no stale audio is heard.

While PortAudio starts, sounddevice points file descriptor 2 at /dev/null (to hide ALSA's own lines), for the whole
process: a line printed then by another thread, "kiosk ready" or "did not answer" itself, was lost. The kiosk's own
lines go to a copy of the descriptor taken before (``own_stderr``).
"""

from __future__ import annotations

import contextlib
import os
import sys
import threading
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from typing import Any, Generic, TypeVar

from voicecare.errors import AudioError
from voicecare.interfaces import Microphone
from voicecare.speech_in.audio import AudioChunk

OPEN_SECONDS = 15.0
"""Longest wait for an open of the sound system (PortAudio's start, a microphone stream) before it is said to hang.
An open takes milliseconds; on a loaded Pi still under a second."""

T = TypeVar("T")


class SoundHangs(AudioError):
    """An open of the sound system that did not answer in time (it may still, later)."""


@dataclass
class _Attempt(Generic[T]):
    """One open running in its own thread."""

    done: threading.Event = field(default_factory=threading.Event)
    result: T | None = None
    error: BaseException | None = None


class TimedOpen(Generic[T]):
    """Calls ``open_`` in a thread and waits at most ``seconds``; SoundHangs naming ``what`` when it did not answer.

    ``discard``: releases a result that came after its caller gave up (a microphone opened late).
    """

    def __init__(self, what: str, discard: Callable[[T], None] = lambda result: None,
                 seconds: float = OPEN_SECONDS) -> None:
        self.what = what
        self.seconds = seconds
        self._discard = discard
        self._stuck: _Attempt[T] | None = None

    def __call__(self, open_: Callable[[], T]) -> T:
        attempt = self._stuck if self._stuck is not None else self._start(open_)
        if not attempt.done.wait(self.seconds):
            self._stuck = attempt
            raise SoundHangs(f"{self.what} did not answer within {self.seconds:g} s (a sound device that hangs, "
                             "or a sound server that does not reply)")
        if attempt is self._stuck:  # answered late, to a caller that gave up: released, and opened afresh
            self._stuck = None
            if attempt.result is not None:
                with contextlib.suppress(Exception):
                    self._discard(attempt.result)
            return self(open_)
        if attempt.error is not None:
            raise attempt.error
        assert attempt.result is not None
        return attempt.result

    @staticmethod
    def _start(open_: Callable[[], T]) -> _Attempt[T]:
        attempt: _Attempt[T] = _Attempt()

        def run() -> None:
            try:
                attempt.result = open_()
            except BaseException as exc:  # handed to the waiting caller, raised there
                attempt.error = exc
            finally:
                attempt.done.set()

        # A daemon: an open stuck in the kernel must not keep a stopped kiosk alive.
        threading.Thread(target=run, name="sound-open", daemon=True).start()
        return attempt


def microphone_open(seconds: float = OPEN_SECONDS) -> TimedOpen[Microphone]:
    """The time limit for opening the kiosk's microphone; one opened after the caller gave up is closed unused."""
    return TimedOpen("the microphone", discard=lambda mic: mic.close(), seconds=seconds)


def speaker_open(seconds: float = OPEN_SECONDS) -> TimedOpen[Any]:
    """The time limit for opening the speaker's output stream; one opened after the caller gave up is closed."""
    return TimedOpen("the speaker", discard=lambda stream: stream.close(), seconds=seconds)


class StartedMicrophone:
    """A microphone started in the opening thread: the kiosk loop's own ``start`` has nothing left to do."""

    def __init__(self, mic: Microphone) -> None:
        self._mic = mic
        self.muted = mic.muted

    def start(self) -> None:
        """Started already."""

    def chunks(self, timeout: float = 1.0) -> Iterator[AudioChunk]:
        return self._mic.chunks(timeout)

    def close(self) -> None:
        self._mic.close()


@contextlib.contextmanager
def own_stderr() -> Iterator[None]:
    """``sys.stderr`` on a copy of descriptor 2 for the block, so no library's brief redirection of descriptor 2
    swallows our lines; nothing changes when stderr is not the process's own (a caller capturing it)."""
    if sys.stderr is not sys.__stderr__ or sys.stderr is None:
        yield
        return
    try:
        stream = os.fdopen(os.dup(2), "w", buffering=1, encoding=sys.stderr.encoding, errors=sys.stderr.errors)
    except (OSError, ValueError):
        yield
        return
    previous, sys.stderr = sys.stderr, stream
    try:
        yield
    finally:
        sys.stderr = previous
        with contextlib.suppress(OSError):
            stream.close()
