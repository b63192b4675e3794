"""The kiosk's stdout is the journal, kept on disk: no family's words unless asked (review 10, K7)."""

from __future__ import annotations

import json

import pytest

from voicecare.app.kiosk_config import KioskSettings
from voicecare.app.voice_cli import turn_printer
from voicecare.conversation.voice import TurnReport

WORDS = "my son is not breathing and his lips are blue"


def report() -> TurnReport:
    return TurnReport(turn=1, heard=WORDS, said=("Call 911 now.", "I heard: his lips are blue."), state="emergency",
                      disposition="emergency", command=None, emergency_at=0.5, audio_seconds=3.0,
                      symptoms={"trouble_breathing": "present"}, spoken=("Call 911 now.",))


@pytest.mark.parametrize("as_json", [False, True])
def test_the_kiosk_prints_no_words_by_default(capsys: pytest.CaptureFixture[str], as_json: bool) -> None:
    assert KioskSettings().show_words is False
    turn_printer(as_json, words=KioskSettings().show_words)(report())
    out = capsys.readouterr().out
    assert "breathing and" not in out and "lips" not in out and "911" not in out
    assert "emergency" in out and "trouble_breathing" in out
    if as_json:
        assert set(json.loads(out)) & {"heard", "said", "spoken"} == set()


def test_show_words_prints_them(capsys: pytest.CaptureFixture[str]) -> None:
    turn_printer(False, words=True)(report())
    assert f"you> {WORDS}" in capsys.readouterr().out
