"""The parent's side of the synthesiser worker: a crash, a hang or garbage costs one message, never voicecare.

``WorkerSynthesizer`` is a ``Synthesizer`` like any other; behind it a child
process (tts_worker.py, or a fault-injecting stand-in from testing.py) does
the synthesis. Every request has a deadline; a worker that dies, misses the
deadline or breaks the protocol is killed and started again on the next
request, with back-off when it keeps failing.
"""

from __future__ import annotations

import contextlib
import json
import math
import os
import select
import subprocess
import sys
import threading
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import IO, Any, NoReturn

from voicecare.errors import SpeechError
from voicecare.interfaces import Clip
from voicecare.speech_out.tts_worker import LENGTH, MAX_FRAME_BYTES

START_SECONDS = 20.0
"""Longest a worker may take to start (import Python, load espeak-ng); a Raspberry Pi is slow at this."""
REQUEST_SECONDS = 3.0
PER_CHAR_SECONDS = 0.01
"""Deadline of one request: espeak-ng makes a long message in well under a second even on a Pi."""
FIRST_BACKOFF, MAX_BACKOFF = 0.5, 30.0
"""After the second failure in a row, wait this long (doubling) before starting a worker again."""
POLL_SECONDS = 0.05
"""How often a waiting request looks whether it has been abandoned."""
MIN_RATE_HZ, MAX_RATE_HZ = 8_000, 96_000
OWE, KILL, IGNORE = "owe", "kill", "ignore"
"""What abandoning a read does: owe the whole reply (dropped later), replace the worker, or nothing."""
ERRORS_BEFORE_RESTART = 2
"""Engine errors in a row after which the worker is replaced by a fresh one."""
EXIT_WAIT_SECONDS = 2.0


class WorkerFailed(SpeechError):
    """The worker died, hung or broke the protocol; it has been killed."""


class Abandoned(SpeechError):
    """The caller no longer wants this message (an emergency cut in); not a failure."""


@dataclass
class WorkerStats:
    """What happened to the workers, for logs and the benchmark."""

    starts: int = 0
    crashes: int = 0
    """Workers that died (a signal such as SIGSEGV, or an exit) while starting or speaking."""
    hangs: int = 0
    """Requests that missed their deadline."""
    garbled: int = 0
    """Replies that broke the protocol."""
    errors: int = 0
    """Messages the engine refused (reported, the worker kept)."""


def espeak_command(voice: str | None = None) -> list[str]:
    """The real worker: espeak-ng in ``python -m voicecare.speech_out.tts_worker``."""
    return [sys.executable, "-m", "voicecare.speech_out.tts_worker", *(["--voice", voice] if voice else [])]


class WorkerSynthesizer:
    """Synthesis in a child process speaking tts_worker's protocol; used from one thread (the speaker's).

    ``abandon()`` may be called from any thread: the request in flight then
    returns at once (its reply is read and dropped before the next request).
    """

    def __init__(self, command: Sequence[str], *, start_seconds: float = START_SECONDS,
                 request_seconds: float = REQUEST_SECONDS, clock: Callable[[], float] = time.monotonic) -> None:
        self.command = list(command)
        self.start_seconds = start_seconds
        self.request_seconds = request_seconds
        self.stats = WorkerStats()
        self._clock = clock
        self._proc: subprocess.Popen[bytes] | None = None
        self._rate = 0
        self._owed = False
        """A reply is still due for an abandoned request."""
        self._greeted = False
        """The running worker has said it is ready (a replacement started ahead has not, yet)."""
        self.on_restart: Callable[[str], None] = lambda message: None
        """Told when a worker started after one was lost (it crashed, hung, sent garbage or stopped answering)."""
        self._lost: str | None = None
        """Why the last worker was lost, until a new one is running (then said through ``on_restart``)."""
        self.note = ""
        """What the engine printed as it started (libpulse's chatter), one line: kept off stderr, for a report."""
        self._failures = 0
        self._errors_in_row = 0
        self._retry_at = 0.0
        self._busy = False
        self._lock = threading.Lock()
        self._abandon = threading.Event()

    def synth(self, text: str, rate_wpm: int) -> Clip:
        with self._lock:
            self._busy = True
            self._abandon.clear()
        try:
            clip = self._synth(text, rate_wpm)
        except (WorkerFailed, Abandoned):
            raise
        except SpeechError:
            self.stats.errors += 1
            self._errors_in_row += 1
            if self._errors_in_row >= ERRORS_BEFORE_RESTART and self._proc is not None:
                # A message espeak cannot say is one thing; refusing everything means its state is broken.
                self._kill(self._proc)
                self._count_failure()
                self._lost = f"the speech engine refused {ERRORS_BEFORE_RESTART} messages in a row"
            raise
        finally:
            with self._lock:
                self._busy = False
        self._failures = self._errors_in_row = 0
        return clip

    @property
    def pid(self) -> int | None:
        """The live worker's process id (None when none is running)."""
        proc = self._proc
        return proc.pid if proc is not None and proc.poll() is None else None

    def retry_in(self) -> float:
        """Seconds until a new worker may be started after failures in a row (0: now, or one is running)."""
        return max(0.0, self._retry_at - self._clock())

    def retry_now(self) -> None:
        """Let the next request start a worker whatever the back-off (an emergency to say is worth a try)."""
        self._retry_at = 0.0

    def replace_if_lost(self) -> None:
        """Start a new worker now if the last one died while nothing was asked of it (killed, or a native crash
        between messages); from the thread that calls ``synth``, while idle.

        Found only at the next request, the loss of an idle kiosk's worker was said to no one until a family spoke
        (no line, no event), and that family's first reply waited for the new worker (outside review 21 F12). The
        start can be abandoned (``abandon``) like any request: an emergency never waits for it. WorkerFailed when no
        new worker could be started (it is tried again at its back-off)."""
        proc = self._proc
        lost = proc.poll() is not None if proc is not None else self._lost is not None
        if not lost or self.retry_in() > 0:
            return
        with self._lock:
            self._busy = True
            self._abandon.clear()
        try:
            self._worker()
        except Abandoned:
            pass  # a message came first: it starts (and greets) the worker itself
        finally:
            with self._lock:
                self._busy = False

    @property
    def busy(self) -> bool:
        """True while a request is in flight."""
        return self._busy

    def abandon(self) -> None:
        """Give up the request in flight (if any) without killing the worker."""
        with self._lock:
            if self._busy:
                self._abandon.set()

    def close(self) -> None:
        """Stop the worker: end of stdin asks it to exit; one that does not is killed."""
        proc, self._proc = self._proc, None
        if proc is None:
            return
        if self._owed:  # still busy with an abandoned request, perhaps hung: no point waiting
            proc.kill()
        if proc.stdin is not None:
            with contextlib.suppress(OSError):  # it is already gone
                proc.stdin.close()
        try:
            proc.wait(EXIT_WAIT_SECONDS)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()
        _close_pipes(proc)

    def __del__(self) -> None:
        # A worker must never outlive its synthesiser (a test that forgets close()).
        proc = getattr(self, "_proc", None)
        if proc is not None and proc.poll() is None:
            proc.kill()

    def _synth(self, text: str, rate_wpm: int) -> Clip:
        deadline = self._clock() + self.request_seconds + PER_CHAR_SECONDS * len(text)
        proc = self._worker()
        if self._owed:
            self._drop_owed_reply(proc, deadline)  # an abandoned request's reply, still on its way
        request = json.dumps({"text": text, "rate_wpm": rate_wpm}).encode("utf-8")
        try:
            assert proc.stdin is not None
            proc.stdin.write(LENGTH.pack(len(request)) + request)
            proc.stdin.flush()
        except OSError:
            raise self._failed(proc, "crashed") from None
        header = self._read_json(proc, deadline, OWE)
        if not header.get("ok"):
            raise SpeechError(str(header.get("error", "the speech engine failed")))
        samples, rate = header.get("samples"), header.get("rate")
        if not isinstance(samples, int) or not isinstance(rate, int) or not MIN_RATE_HZ <= rate <= MAX_RATE_HZ:
            raise self._failed(proc, "garbled")
        pcm = self._read_frame(proc, deadline, KILL)
        if len(pcm) != samples * 2:
            raise self._failed(proc, "garbled")
        return Clip(pcm, rate, text)

    def _worker(self) -> subprocess.Popen[bytes]:
        if self._proc is not None and self._proc.poll() is None:
            if not self._greeted:
                self._greet(self._proc)
            return self._proc
        if self._proc is not None:
            # Died between requests (killed, or a crash while idle): nobody waited on it, so nothing was said,
            # and a kiosk whose synthesiser kept crashing left no trace (outside review 17 F11).
            self._lost = f"{self._failed(self._proc, 'crashed')} between messages"
        wait = self._retry_at - self._clock()
        if wait > 0:
            # With the last failure's own words: "next try in 0 s" alone hid why (a turn's speech_error).
            raise WorkerFailed(f"{self._lost or 'the speech engine keeps failing'}; "
                               f"tried again in {math.ceil(wait)} s")
        proc = self._spawn()
        self._greet(proc)
        return proc

    def _spawn(self) -> subprocess.Popen[bytes]:
        """Start a worker (it loads on its own while we go on); WorkerFailed when it cannot be started."""
        self.stats.starts += 1
        try:
            proc = subprocess.Popen(self.command, stdin=subprocess.PIPE, stdout=subprocess.PIPE, bufsize=0,
                                    close_fds=True, start_new_session=False)
        except OSError as exc:
            self._count_failure()
            raise WorkerFailed(f"cannot start the speech engine ({exc.strerror})") from None
        self._proc, self._owed, self._greeted = proc, False, False
        return proc

    def _greet(self, proc: subprocess.Popen[bytes]) -> None:
        """Wait for the worker's hello (it has loaded espeak-ng); WorkerFailed when it says it cannot speak."""
        hello = self._read_json(proc, self._clock() + self.start_seconds, KILL)
        if not hello.get("ok"):
            self._failed(proc, None)
            self._lost = str(hello.get("error", "the speech engine did not start"))
            raise WorkerFailed(self._lost)
        self._greeted = True
        self.note = str(hello.get("note", ""))
        if self._lost is not None:
            lost, self._lost = self._lost, None
            self.on_restart(f"{lost}; started a new one (pid {proc.pid})")

    def _drop_owed_reply(self, proc: subprocess.Popen[bytes], deadline: float) -> None:
        header = self._read_json(proc, deadline, OWE)
        if header.get("ok"):
            self._read_frame(proc, deadline, KILL)  # half a reply read: from here only a kill resyncs
        self._owed = False

    def _read_json(self, proc: subprocess.Popen[bytes], deadline: float, on_abandon: str) -> dict[str, Any]:
        frame = self._read_frame(proc, deadline, on_abandon)
        try:
            message = json.loads(frame)
        except ValueError:
            raise self._failed(proc, "garbled") from None
        if not isinstance(message, dict):
            raise self._failed(proc, "garbled")
        return message

    def _read_frame(self, proc: subprocess.Popen[bytes], deadline: float, on_abandon: str) -> bytes:
        """One frame. Abandoned before its first byte, a reply can be dropped later (OWE); after, only a kill resyncs."""
        (length,) = LENGTH.unpack(self._read_exactly(proc, LENGTH.size, deadline, on_abandon))
        if length > MAX_FRAME_BYTES:
            raise self._failed(proc, "garbled")
        return self._read_exactly(proc, length, deadline, KILL if on_abandon != IGNORE else IGNORE)

    def _read_exactly(self, proc: subprocess.Popen[bytes], size: int, deadline: float, on_abandon: str) -> bytes:
        assert proc.stdout is not None
        fd = proc.stdout.fileno()
        parts: list[bytes] = []
        missing = size
        while missing:
            if on_abandon != IGNORE and self._abandon.is_set():
                self._give_up(proc, owe=on_abandon == OWE and missing == size)
            left = deadline - self._clock()
            if left <= 0:
                raise self._failed(proc, "hung")
            ready, _, _ = select.select([fd], [], [], min(left, POLL_SECONDS))
            if not ready:
                continue
            piece = os.read(fd, missing)
            if not piece:
                raise self._failed(proc, "crashed")
            parts.append(piece)
            missing -= len(piece)
        return b"".join(parts)

    def _give_up(self, proc: subprocess.Popen[bytes], owe: bool) -> NoReturn:
        """Abandon the request: its whole reply is dropped before the next one, or the worker is replaced."""
        if owe:
            self._owed = True
        else:
            self._kill(proc)  # part of a frame is read (or the worker is still starting): only a fresh one is in step
            if self._clock() >= self._retry_at:
                # Its replacement starts now, loading while the emergency (or the reply that replaced this one)
                # plays from its clip: started at the next request, its half-second load came before that reply.
                with contextlib.suppress(WorkerFailed):
                    self._spawn()
        raise Abandoned("abandoned")

    def _kill(self, proc: subprocess.Popen[bytes]) -> int:
        """Kill the worker (if still alive) and forget it; its exit status."""
        if proc.poll() is None:
            proc.kill()
        code = proc.wait()
        _close_pipes(proc)
        if proc is self._proc:
            self._proc = None
        self._owed = False
        return code

    def _failed(self, proc: subprocess.Popen[bytes], how: str | None) -> WorkerFailed:
        """Kill the worker, count the failure, and say what happened."""
        code = self._kill(proc)
        self._count_failure()
        # No "restarting it" here: the next message starts a new worker, and that is said then (``on_restart``);
        # a kiosk that could not speak at start printed "restarting it" and exited (outside review 17 F11).
        if how == "hung":
            self.stats.hangs += 1
            failure = WorkerFailed("the speech engine hung")
        elif how == "garbled":
            self.stats.garbled += 1
            failure = WorkerFailed("the speech engine sent garbage")
        else:
            self.stats.crashes += how == "crashed"
            cause = f"signal {-code}" if code < 0 else f"exit status {code}"
            failure = WorkerFailed(f"the speech engine crashed ({cause})")
        self._lost = str(failure)
        return failure

    def _count_failure(self) -> None:
        # The first failure is retried at once (it costs one message); a second in a row backs off.
        self._failures += 1
        if self._failures >= 2:
            backoff = min(MAX_BACKOFF, FIRST_BACKOFF * 2 ** (self._failures - 2))
            self._retry_at = self._clock() + backoff


def _close_pipes(proc: subprocess.Popen[bytes]) -> None:
    pipes: tuple[IO[bytes] | None, ...] = (proc.stdin, proc.stdout)
    for pipe in pipes:
        if pipe is not None:
            with contextlib.suppress(OSError):  # a broken pipe to a dead worker
                pipe.close()
