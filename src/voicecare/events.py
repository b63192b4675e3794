"""The opt-in event log: times, dispositions, symptom ids and timings, never words or audio.

One JSON object per line:
``{"time": ISO-8601 UTC, "event": "turn" | "reset" | "fault", "turn": int,
"disposition": str | null, "symptoms": [ids], "emergency_at": seconds | null,
"audio_seconds": float, "detail": str}``. The file is rotated at
``max_bytes`` with ``backups`` old copies, so it cannot fill an SD card.
"""

from __future__ import annotations

import json
import logging
import logging.handlers
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from voicecare.errors import InputError
from voicecare.voice import TurnReport

MAX_BYTES = 1_000_000
BACKUPS = 3


class EventLog:
    """Writes privacy-safe events to a rotating file."""

    def __init__(self, path: Path, max_bytes: int = MAX_BYTES, backups: int = BACKUPS) -> None:
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            handler = logging.handlers.RotatingFileHandler(path, maxBytes=max_bytes, backupCount=backups,
                                                           encoding="utf-8")
        except OSError as exc:
            raise InputError(f"{path}: cannot write the event log there ({exc.strerror})") from None
        handler.setFormatter(logging.Formatter("%(message)s"))
        self._logger = logging.Logger(f"voicecare.events.{path}")
        self._logger.addHandler(handler)
        self._handler = handler

    def _write(self, event: str, **fields: Any) -> None:
        record = {"time": datetime.now(UTC).isoformat(timespec="seconds"), "event": event, **fields}
        self._logger.info(json.dumps(record))

    def turn(self, report: TurnReport) -> None:
        """A turn: its disposition, symptom ids and timings (the words are not kept)."""
        self._write("turn", turn=report.turn, disposition=report.disposition, symptoms=list(report.symptoms),
                    emergency_at=report.emergency_at, audio_seconds=report.audio_seconds)

    def reset(self) -> None:
        """A session ended and was forgotten."""
        self._write("reset")

    def fault(self, detail: str) -> None:
        """A recoverable fault (device gone, engine failed)."""
        self._write("fault", detail=detail[:200])

    def close(self) -> None:
        """Flush and close the file."""
        self._handler.close()
