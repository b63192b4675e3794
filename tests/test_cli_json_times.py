"""Times in the JSON lines of ``listen`` and the kiosk are rounded as the event log's are (outside review 17 F13:
``"emergency_at": 5.8999999999999995``)."""

from __future__ import annotations

import json
import re
import sys
from pathlib import Path

import pytest

from children import run_child
from voicecare.app.voice_cli import turn_printer
from voicecare.conversation.voice import TurnReport

TURNS = Path(__file__).parent / "data" / "audio" / "turns"
LONG_FLOAT = re.compile(r"\d\.\d{3,}")


def turn(**times: float | None) -> TurnReport:
    return TurnReport(1, "she is not breathing", ("Call 911 now.",), "emergency", "emergency", None,
                      times.get("emergency_at"), times.get("audio_seconds", 2.5), {"trouble_breathing": "present"},
                      early_reply_at=times.get("early_reply_at"))


@pytest.mark.parametrize("words", [True, False])  # listen's lines, and the kiosk's (no words)
def test_every_time_in_a_turns_json_line_has_two_decimals(capsys: pytest.CaptureFixture[str], words: bool) -> None:
    # Sums of 0.1 s blocks: what a replay and a live microphone give.
    turn_printer(as_json=True, words=words)(turn(emergency_at=5.8999999999999995, early_reply_at=6.300000000000001,
                                                 audio_seconds=7.199999999999999))
    printed = capsys.readouterr().out
    line = json.loads(printed)
    assert (line["emergency_at"], line["early_reply_at"], line["audio_seconds"]) == (5.9, 6.3, 7.2)
    assert not LONG_FLOAT.search(printed), printed
    assert ("heard" in line) == words  # the rest of the line as before


def test_a_replayed_emergency_prints_rounded_times(tmp_path: Path) -> None:
    files = [TURNS / "describe.wav", TURNS / "not_breathing.wav"]
    out = run_child([sys.executable, "-m", "voicecare", "listen", "--engine", "sphinx", "--quiet", "--fast",
                          "--json", "--input-files", *map(str, files)], capture_output=True, text=True, timeout=300,
                         check=False)
    assert out.returncode == 0, out.stderr
    lines = [json.loads(line) for line in out.stdout.splitlines()]
    assert any(line["emergency_at"] is not None for line in lines), lines
    assert not LONG_FLOAT.search(out.stdout), out.stdout
