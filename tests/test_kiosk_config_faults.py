"""One typo in the kiosk's config (outside review 19 F4): it exited 78, which the unit never restarts, so the kiosk
stayed silent, no voice and no 911, until someone came with a keyboard. Now a bad optional key is one warning line
and that key's default (a file TOML cannot read at all: every default), the kiosk starts and still says "Call 911
now" for an emergency, and doctor still fails the file so the operator learns of the typo.

The real kiosk on ALSA's null sound card, one test per class of fault, each made from the shipped config.
"""

from __future__ import annotations

import argparse
import dataclasses
from pathlib import Path

import pytest

from tests.test_kiosk import kiosk_reports_to_em_blue
from tests.test_kiosk_config_check import config_line, kiosk_start_lines, null_card_env, voicecare
from voicecare.interfaces import Recognizer
from voicecare.testing import FakeOutputDevice

SHIPPED = Path(__file__).resolve().parents[1] / "deploy" / "voicecare.toml"

FAULTS = {
    # The reviewer's own typos: a key misspelt, a letter O for a zero (a line TOML cannot read), a stray comma.
    "unknown key": (("wake_phrase =", "wake_prase ="), "wake_prase: unknown key; did you mean wake_phrase?"),
    "bad value": (("reset_after = 120", "reset_after = 5"), "reset_after: must be between 30 and 86400 seconds"),
    "a line TOML cannot read": (("reset_after = 120", "reset_after = 12O"), "reset_after: line {line} is not valid TOML"),
    "a stray comma": (("rate = 165", "rate = 165,"), "rate: line {line} is not valid TOML"),
    # Checked after the file is read: a wake phrase the recogniser could never hear (the language's own instead).
    "a wake phrase it cannot hear": (('wake_phrase = "hey voice care"', 'wake_phrase = "zyxq plorf"'),
                                     'wake_phrase: "zyxq plorf": the speech recogniser does not know'),
    # The whole file unreadable (its table's header broken): every setting its default, said so.
    "a file TOML cannot read": (("\n[kiosk]\n", "\n[kiosk\n"), "not valid TOML"),
}


def faulty_config(tmp_path: Path, fault: str) -> tuple[Path, str]:
    """The shipped config with ``fault`` typed into it, and the start of the line that names it."""
    (old, new), said = FAULTS[fault]
    text = SHIPPED.read_text(encoding="utf-8")
    assert text.count(old) == 1, old
    config = tmp_path / "voicecare.toml"
    config.write_text(text.replace(old, new), encoding="utf-8")
    line = text[:text.index(old.strip())].count("\n") + 1
    return config, f"{config}: {said.format(line=line)}"


@pytest.mark.parametrize("fault", FAULTS)
def test_a_kiosk_with_a_config_fault_starts_saying_it_once_and_doctor_fails_it(tmp_path: Path, fault: str) -> None:
    config, said = faulty_config(tmp_path, fault)
    started = kiosk_start_lines(config, null_card_env(tmp_path))
    warnings = [line for line in started if "warning:" in line]
    assert len(warnings) == 1 and warnings[0].startswith(f"voicecare: warning: {said}"), started
    assert "kiosk ready; say 'hey voice care' to begin" in started[-1], started
    if fault == "a file TOML cannot read":
        assert "the kiosk starts with every setting at its default (the shipped config's)" in warnings[0]
    # The operator must still learn of the typo: doctor fails the file with the kiosk's own line.
    doctor = voicecare("doctor", "--config", str(config), tmp_path=tmp_path)
    line = config_line(doctor)
    assert doctor.returncode == 1 and line.startswith(f"FAIL  kiosk config   {said}"), line
    fault_text = warnings[0].removeprefix("voicecare: warning: ").removesuffix(" (voicecare doctor --config checks the file)")
    assert fault_text in line, (fault_text, line)


@pytest.mark.parametrize("fault", FAULTS)
def test_a_kiosk_with_a_config_fault_still_says_call_911_for_an_emergency(
        tmp_path: Path, fault: str, sphinx: Recognizer, monkeypatch: pytest.MonkeyPatch) -> None:
    # The session the kiosk builds from the faulty file (its intents, voice and settings as checked at start),
    # hearing the recording a working kiosk answers with 911; no wake phrase, so the recording need not say it.
    from voicecare.app import kiosk_start, voice_cli

    config, said = faulty_config(tmp_path, fault)
    checked = kiosk_start.check(argparse.Namespace(config=config))
    assert checked.settings.faults[0].startswith(said), checked.settings.faults
    monkeypatch.setattr(voice_cli, "load_recognizer", lambda *args, **kwargs: sphinx)  # the real one, loaded once
    session, speaker, fault_said, _ = voice_cli.voice_session(
        checked.settings.namespace(), dataclasses.replace(checked.voice, wake_phrase=None),
        speaker_sink=FakeOutputDevice(speed=200), log_given=checked.settings.where("event_log"),
        assistant=checked.assistant, log_optional=True)
    reports = kiosk_reports_to_em_blue(session, speaker, fault_said, tmp_path)
    assert any(r.disposition == "emergency" and r.said[0] == "Call 911 now." for r in reports), reports
