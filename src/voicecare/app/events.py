"""The opt-in event log: times, dispositions, symptom ids and timings, never words or audio.

One JSON object per line:
``{"time": ISO-8601 UTC, "uptime": seconds, "conversation": id, "event": "turn" | "reset" | "fault" | "speech_error" |
"speech_restart", "turn": int,
"disposition": str | null, "symptoms": {id: status}, "emergency_at": seconds | null,
"audio_seconds": float, "detail": str}``. ``conversation`` is a short random id made once per conversation:
every event of one family's conversation carries it, its ``reset`` last, and the next conversation has a new one
(outside review 20: a kiosk owner could not tell which lines belonged together). ``uptime`` counts from when the log
was opened on a clock that never jumps, so order and gaps stay right when the
wall clock is set (a Raspberry Pi has no clock battery). The file is private
to the service user (0600, whatever the umask) and rotated at ``max_bytes``
with ``backups`` old copies, so it cannot fill an SD card. A write that fails
(disk full, file system gone read-only) is reported once and skipped: the log
must never stop the kiosk.
"""

from __future__ import annotations

import contextlib
import errno
import json
import os
import secrets
import tempfile
import time
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from voicecare.conversation.voice import TurnReport
from voicecare.errors import InputError

MAX_BYTES = 1_000_000
BACKUPS = 3
PRIVATE = 0o600
"""Read and write for the service user only: even without words, the log says when a family needed help."""
PRIVATE_DIR = 0o700
DETAIL_LIMIT = 1000
"""A detail longer than this (an engine's whole error output) is cut at its last sentence end before it, saying so."""
ID_BYTES = 4
"""A conversation id is this many random bytes, written in hex (8 characters): short to read, and two conversations
of one kiosk share one by chance once in billions (a counter would start again at every restart)."""
PROBE_BYTES = 100
"""What ``write_problem`` writes: less than one event's line, so a probe that fails means no event can be written
(a full disk has no block free for even one byte)."""


def new_conversation_id() -> str:
    """A new conversation's id (``ID_BYTES`` random bytes in hex)."""
    return secrets.token_hex(ID_BYTES)


def write_problem(folder: Path) -> str | None:
    """Why no file can be written in ``folder`` now (a full disk, a read-only file system, no right to), or None.

    A small probe file is written, synced and removed: the right to write and a file opened without error passed a
    full disk, which showed only at the first event (outside review 20 F16)."""
    try:
        fd, name = tempfile.mkstemp(prefix=".voicecare-probe-", dir=folder)
    except OSError as exc:
        return exc.strerror or str(exc)
    try:
        if os.write(fd, b"\0" * PROBE_BYTES) < PROBE_BYTES:
            return os.strerror(errno.ENOSPC)
        os.fsync(fd)
    except OSError as exc:
        return exc.strerror or str(exc)
    finally:
        os.close(fd)
        with contextlib.suppress(OSError):
            os.unlink(name)
    return None


def open_private(path: Path) -> int:
    """Open ``path`` for appending, created 0600; an existing file is made 0600 too."""
    fd = os.open(path, os.O_WRONLY | os.O_APPEND | os.O_CREAT | os.O_CLOEXEC, PRIVATE)
    try:
        os.fchmod(fd, PRIVATE)  # os.open's mode is filtered by the umask; this is not
    except OSError:
        os.close(fd)
        raise
    return fd


def whole_detail(detail: str, limit: int = DETAIL_LIMIT) -> str:
    """``detail`` whole, or cut at a sentence (or clause) end within ``limit`` characters with the cut said: cut at
    200 characters, the kiosk's own "cannot speak yet" line ended mid-sentence (outside review 20 F18)."""
    if len(detail) <= limit:
        return detail
    note = f" [cut at {limit} characters]"
    head = detail[:limit - len(note)]
    end = max(head.rfind(". "), head.rfind("; "))
    cut = head[:end + 1] if end > 0 else head.rsplit(" ", 1)[0]
    return cut + note


class EventLog:
    """Writes privacy-safe events to a rotating, private file."""

    def __init__(self, path: Path, max_bytes: int = MAX_BYTES, backups: int = BACKUPS,
                 on_error: Callable[[str], None] = lambda message: None) -> None:
        if path.is_dir():
            raise InputError(f"{path}: is a directory; give the event log a file name, such as {path / 'events.jsonl'}")
        made = not path.parent.exists()
        try:
            path.parent.mkdir(mode=PRIVATE_DIR, parents=True, exist_ok=True)
            self._fd: int | None = open_private(path)
        except OSError as exc:
            raise InputError(f"{path}: cannot write the event log there ({exc.strerror or exc})") from None
        self.path, self.max_bytes, self.backups = path, max_bytes, backups
        self._on_error = on_error
        if made:  # said, so that a typo in the path is seen (review12 F21); a kiosk's folder may be new at boot
            on_error(f"{path.parent}: made this folder for the event log")
        self._failing = False
        self._started = time.monotonic()
        self.conversation = new_conversation_id()
        """The id every event carries until the conversation ends (``reset``)."""
        problem = write_problem(path.parent)  # a full disk: said now, once, not at the first event (review 20 F16)
        if problem is not None:
            on_error(f"{path}: cannot write the event log ({problem}); going on, trying it again at each event")
            self._failing = True

    def _write(self, event: str, **fields: Any) -> None:
        record = {"time": datetime.now(UTC).isoformat(timespec="seconds"),
                  "uptime": round(time.monotonic() - self._started, 1), "conversation": self.conversation,
                  "event": event, **fields}
        line = (json.dumps(record) + "\n").encode("utf-8")
        try:
            self._append(line)
        except OSError as exc:
            if not self._failing:
                self._on_error(f"{self.path}: cannot write the event log ({exc.strerror or exc}); going on without it")
            self._failing = True
            return
        if self._failing:
            self._on_error(f"{self.path}: writing the event log again")
        self._failing = False

    def _append(self, line: bytes) -> None:
        fd = self._current()
        size = os.fstat(fd).st_size
        if size and size + len(line) > self.max_bytes:
            fd = self._rotate(fd)
            size = 0
        written = os.write(fd, line)
        if written < len(line):  # the disk filled up mid-line: take the half line back
            os.ftruncate(fd, size)
            raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

    def _current(self) -> int:
        """The open file; reopened when it was deleted or renamed under us, or after a failure."""
        if self._fd is not None and os.fstat(self._fd).st_nlink == 0:
            os.close(self._fd)
            self._fd = None
        if self._fd is None:
            self._fd = open_private(self.path)
        return self._fd

    def _rotate(self, fd: int) -> int:
        os.close(fd)
        self._fd = None
        for index in range(self.backups - 1, 0, -1):
            older = self.path.with_name(f"{self.path.name}.{index}")
            if older.exists():
                older.replace(self.path.with_name(f"{self.path.name}.{index + 1}"))
        if self.backups:
            self.path.replace(self.path.with_name(f"{self.path.name}.1"))
        else:
            self.path.unlink()
        return self._current()

    def turn(self, report: TurnReport) -> None:
        """A turn: its disposition, symptom ids with their status, and timings (the words are not kept)."""
        self._write("turn", turn=report.turn, disposition=report.disposition, symptoms=dict(report.symptoms),
                    emergency_at=None if report.emergency_at is None else round(report.emergency_at, 2),
                    audio_seconds=report.audio_seconds)

    def reset(self) -> None:
        """A session ended and was forgotten: the last event with its conversation id; the next has a new one."""
        self._write("reset")
        self.conversation = new_conversation_id()

    def fault(self, detail: str) -> None:
        """A recoverable fault (device gone, engine failed)."""
        self._write("fault", detail=whole_detail(detail))

    def speech_error(self, detail: str) -> None:
        """Speech failed (the synthesiser crashed, hung or cannot start; the speaker is gone): a message was lost."""
        self._write("speech_error", detail=whole_detail(detail))

    def speech_restart(self, detail: str) -> None:
        """Speech works again: a new synthesiser worker after one was lost, or "speaking again". Counted beside
        speech_error, a synthesiser that keeps crashing is seen (outside review 17 F11)."""
        self._write("speech_restart", detail=whole_detail(detail))

    def close(self) -> None:
        """Close the file (every line is written through at once, nothing is buffered)."""
        if self._fd is not None:
            os.close(self._fd)
            self._fd = None
