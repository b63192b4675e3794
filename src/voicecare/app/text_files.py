"""Reading a text file named on the command line or in a config: one safe way for every command.

A path can name anything: a pipe (reading waits for a writer that never comes), a device
(/dev/zero never ends: an outside review's `kiosk --config /dev/zero` filled 22 GB), a folder, a
recording given by mistake. A systemd unit retrying such a config every few seconds would take a
Raspberry Pi's memory each time. So every text file is opened without waiting, refused unless it is a
regular file, and read only up to a limit, with one-line errors that name the file.
"""

from __future__ import annotations

import os
import stat
from pathlib import Path

from voicecare.errors import InputError

MAX_TEXT_BYTES = 1 << 20
"""Most bytes read from a text file, a config or stdin (a typed list of utterances is far smaller)."""
CORPUS_BYTES = 64 << 20
"""Most bytes of a labelled corpus (the largest here is under 100 KB; a corpus of a million lines would still fit)."""


def read_regular(path: Path, what: str, limit: int = MAX_TEXT_BYTES) -> bytes:
    """At most ``limit + 1`` bytes of the regular file ``path``; ``what`` says what it should be ("a text file")."""
    try:
        # O_NONBLOCK: opening a FIFO must not wait for a writer before we can refuse it.
        handle = os.open(path, os.O_RDONLY | os.O_NONBLOCK | getattr(os, "O_CLOEXEC", 0))
    except FileNotFoundError:
        raise InputError(f"{path}: no such file") from None
    except PermissionError:
        raise InputError(f"{path}: cannot read it (permission denied)") from None
    except OSError as exc:
        raise InputError(f"{path}: cannot open it ({exc.strerror})") from None
    mode = os.fstat(handle).st_mode
    if not stat.S_ISREG(mode):
        os.close(handle)
        kind = "is a folder" if stat.S_ISDIR(mode) else "not a regular file (a pipe or device)"
        raise InputError(f"{path}: {kind}; give {what}")
    with os.fdopen(handle, "rb") as stream:
        try:
            return stream.read(limit + 1)
        except OSError as exc:
            raise InputError(f"{path}: cannot read it ({exc.strerror})") from None


def read_utf8(path: Path, what: str, noun: str = "it", limit: int = MAX_TEXT_BYTES) -> str:
    """The whole of a small UTF-8 text file, or one line saying why it cannot be read (``noun`` names it there)."""
    raw = read_regular(path, what, limit)
    if len(raw) > limit:
        raise InputError(f"{path}: more than {limit // 1024} KiB; this should be {what}")
    if b"\x00" in raw:  # a recording or an archive given by mistake
        raise InputError(f"{path}: holds binary data, not text; give {what}")
    try:
        # utf-8-sig: a file saved by Excel or Notepad starts with a byte-order mark, which is no text of the first
        # line ("unknown level '\ufeffurgent'", review18 F15); ``triage --text-file`` drops it the same way.
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise InputError(f"{path}: not UTF-8 text; save {noun} as UTF-8") from None
