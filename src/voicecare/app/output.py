"""Standard output that cannot stop the triage: a full disk or a closed stdout is said once, and work goes on.

A script logging to a full SD card (a Raspberry Pi's usual failure), or started with stdout closed,
must still have every line and recording triaged and an emergency spoken where it can be; the
caller must still learn, from one line on stderr and a non-zero exit, that the output was lost.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Callable
from typing import TextIO

OUTPUT_EXIT = 2
"""Exit status when replies could not be printed (as for every other error)."""


class GuardedOutput:
    """Wraps sys.stdout: the first failed write is reported on stderr, later output is dropped, never raised.

    A broken pipe (``voicecare ... | head -1``) is the reader's choice, not a fault: it is raised as before.
    Text the output encoding cannot hold (a Latin-1 serial console) is printed with "?" in its place.
    """

    def __init__(self, stream: TextIO | None) -> None:
        self.stream = stream
        self.failed: str | None = None

    def write(self, text: str) -> int:
        if self.failed is None:
            self._guarded(lambda stream: stream.write(self._encodable(stream, text)))
        return len(text)

    def flush(self) -> None:
        if self.failed is None:
            self._guarded(lambda stream: stream.flush())

    def isatty(self) -> bool:
        return self.failed is None and self.stream is not None and self.stream.isatty()

    def fileno(self) -> int:
        if self.stream is None:
            raise OSError("standard output is closed")
        return self.stream.fileno()

    @property
    def encoding(self) -> str:
        return getattr(self.stream, "encoding", None) or "utf-8"

    def _guarded(self, act: Callable[[TextIO], object]) -> None:
        if self.stream is None:
            self._fail("standard output is closed")
            return
        try:
            act(self.stream)
        except BrokenPipeError:
            raise
        except OSError as exc:
            self._fail(exc.strerror or str(exc))

    @staticmethod
    def _encodable(stream: TextIO, text: str) -> str:
        encoding = getattr(stream, "encoding", None)
        if not encoding:
            return text
        try:
            text.encode(encoding)
        except UnicodeEncodeError:
            return text.encode(encoding, errors="replace").decode(encoding)
        except LookupError:
            pass
        return text

    def _fail(self, reason: str) -> None:
        self.failed = reason
        print(f"voicecare: error: cannot write the output ({reason}); replies are no longer printed "
              "(speech, if any, goes on)", file=sys.stderr, flush=True)
        self._discard_pending()

    def _discard_pending(self) -> None:
        """Point the broken descriptor at /dev/null so the text still buffered there cannot fail again at exit
        (Python flushes stdout on the way out: a second error, and exit status 120)."""
        stream = self.stream
        if stream is None:
            return
        try:
            fd = stream.fileno()
            null = os.open(os.devnull, os.O_WRONLY)
        except (OSError, ValueError):
            return
        try:
            os.dup2(null, fd)
        finally:
            os.close(null)
