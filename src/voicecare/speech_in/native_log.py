"""What native libraries write straight to file descriptor 2, held back while a model loads.

Kaldi (inside Vosk) prints its own log lines to fd 2, past Python's
``sys.stderr`` and past ``SetLogLevel``: a corrupt model gives a raw
``ERROR (VoskAPI:...)`` line with binary bytes in it, then voicecare's own
one-line error. Loading with fd 2 pointed at a temporary file keeps that
line out of the terminal and the journal; on success what was held is
written out as it would have been, on failure its last error message,
made printable, goes into our one line.
"""

from __future__ import annotations

import os
import sys
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass

MAX_REASON_CHARS = 160
"""A reason longer than this is cut: the one-line error must stay one readable line."""


@dataclass
class Held:
    """What native code wrote while held; filled when the ``with`` block ends."""

    text: str = ""
    released: bool = False

    def reason(self) -> str:
        """The last native error message, printable and short; empty when there was none."""
        errors = [line for line in self.text.splitlines() if line.startswith("ERROR")]
        if not errors:
            return ""
        # drop the "ERROR (VoskAPI:Function():file.cc:209)" prefix; it has no spaces, the message does
        message = errors[-1].split(" ", 2)[-1].strip()
        printable = "".join(c if c.isprintable() else "?" for c in message)
        return printable[:MAX_REASON_CHARS]

    def release(self) -> None:
        """Write what was held to stderr after all (the load worked: its warnings still belong to the log)."""
        if self.text and not self.released:
            sys.stderr.write(self.text)
            sys.stderr.flush()
        self.released = True


@contextmanager
def held_native_stderr() -> Iterator[Held]:
    """Point fd 2 at a temporary file for the block; ``Held`` has the text afterwards.

    Python's own ``sys.stderr`` writes from other threads in that window are
    held too and come out with ``release``; the window is one model load.
    """
    held = Held()
    sys.stderr.flush()
    saved = os.dup(2)
    with tempfile.TemporaryFile() as sink:
        os.dup2(sink.fileno(), 2)
        try:
            yield held
        finally:
            sys.stderr.flush()
            os.dup2(saved, 2)
            os.close(saved)
            sink.seek(0)
            held.text = sink.read().decode("utf-8", errors="replace")
