"""A first boot (outside review 17 F10): doctor checks a kiosk config exactly as the kiosk does, and the models it
passes are the ones the kiosk uses; a config no restart can fix stops the service instead of a restart every 10 s for
ever; keys outside the [kiosk] table are refused, and a file that sets nothing is every default, said plainly."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from children import child, module_command, run_child
from tests.test_kiosk_speech_faults import NULL_SOUND_CARD, START_WAIT_SECONDS, lines_until
from voicecare.errors import ConfigError

ROOT = Path(__file__).resolve().parents[1]
UNIT = ROOT / "deploy" / "voicecare-kiosk.service"
ERROR = "voicecare: error: "


def voicecare(*args: str, tmp_path: Path) -> subprocess.CompletedProcess[str]:
    return run_child([sys.executable, "-m", "voicecare", *args], capture_output=True, text=True, timeout=300,
                     check=False, env={**os.environ, "XDG_CACHE_HOME": str(tmp_path / "cache")})


def config_line(doctor: subprocess.CompletedProcess[str]) -> str:
    assert "Traceback" not in doctor.stderr, doctor.stderr
    return next(line for line in doctor.stdout.splitlines() if line.split()[1:3] == ["kiosk", "config"])


@pytest.mark.parametrize("toml", [
    '[kiosk]\nlanguage = "xx"\n',  # no default can stand in for the language it speaks (review 19 F4)
    'language = "en"\nwake_phrase = "none"\n',  # the language with no [kiosk] table: meant for it, or not?
])
def test_doctor_fails_the_config_the_kiosk_refuses_with_the_kiosks_own_words(tmp_path: Path, toml: str) -> None:
    config = tmp_path / "voicecare.toml"
    config.write_text(toml, encoding="utf-8")
    kiosk = voicecare("kiosk", "--config", str(config), tmp_path=tmp_path)
    # Refused before anything slow loads, in one line, with the exit status the service does not restart on.
    assert kiosk.returncode == ConfigError.exit_code, kiosk.stderr
    assert kiosk.stderr.count("\n") == 1 and kiosk.stderr.startswith(ERROR + str(config)), kiosk.stderr
    doctor = voicecare("doctor", "--config", str(config), tmp_path=tmp_path)
    assert doctor.returncode == 1
    line = config_line(doctor)
    # doctor said "PASS kiosk config ... every key valid" for the wake phrase and for the empty file.
    assert line.startswith("FAIL") and kiosk.stderr.strip().removeprefix(ERROR) in line, line
    # ... and "PASS language model" naming listen's model (no wake phrase), which this kiosk never gets to use.
    model = next(line for line in doctor.stdout.splitlines() if "language model" in line)
    assert model.startswith("FAIL") and "not checked: the kiosk config is refused" in model, model


def null_card_env(tmp_path: Path, **more: str) -> dict[str, str]:
    home = tmp_path / "home"
    home.mkdir(exist_ok=True)
    (home / ".asoundrc").write_text(NULL_SOUND_CARD)
    return {**os.environ, "HOME": str(home), "XDG_CACHE_HOME": str(tmp_path / "cache"), **more}


def kiosk_start_lines(config: Path, env: dict[str, str]) -> list[str]:
    """What a kiosk on ALSA's null sound card says on stderr up to "kiosk ready" (then it is stopped)."""
    with child(module_command("voicecare", "kiosk", "--config", str(config)), stderr=subprocess.PIPE, env=env) as kiosk:
        assert kiosk.stderr is not None
        return lines_until(kiosk.stderr, "kiosk ready", START_WAIT_SECONDS)


@pytest.mark.parametrize("toml", ["", "# voicecare\n# every setting left out\n", "[kiosk]\n"])
def test_a_config_that_sets_nothing_is_every_default_said_plainly(tmp_path: Path, toml: str) -> None:
    # Taken silently before ("kiosk ready", doctor "every key valid"); then refused with exit 78, which keeps the
    # service stopped: a file left empty (a copy cut short, a full SD card) left the family no kiosk at all.
    config = tmp_path / "voicecare.toml"
    config.write_text(toml, encoding="utf-8")
    said = f"{config} sets nothing: every setting is its default"
    started = kiosk_start_lines(config, null_card_env(tmp_path))
    assert started[0].startswith(f"voicecare: {said} (engine auto, "), started
    line = config_line(voicecare("doctor", "--config", str(config), tmp_path=tmp_path))
    assert line.startswith("PASS") and said in line, line


def test_the_models_doctor_passes_are_the_ones_the_kiosk_uses(tmp_path: Path) -> None:
    # doctor named listen's model (no wake phrase) for a kiosk's, and passed with the noise model missing, which the
    # kiosk then built at its start without a word. Passed by doctor, a kiosk start builds nothing.
    from voicecare.app import prepared

    config = tmp_path / "voicecare.toml"
    config.write_text('[kiosk]\nwake_phrase = "hello helper"\n', encoding="utf-8")
    ready, cache = tmp_path / "prepared", tmp_path / "cache"
    env = null_card_env(tmp_path, **{prepared.PREPARED_ENV: str(ready)})
    doctor = run_child([sys.executable, "-m", "voicecare", "doctor", "--config", str(config)],
                       capture_output=True, text=True, timeout=300, check=False, env=env)
    model = next(line for line in doctor.stdout.splitlines() if "language model" in line)
    assert model.startswith("FAIL") and "not built" in model, model
    built = run_child([sys.executable, "-m", "voicecare", "prepare", "--config", str(config)],
                      capture_output=True, text=True, timeout=900, check=False, env=env)
    assert built.returncode == 0, built.stderr
    doctor = run_child([sys.executable, "-m", "voicecare", "doctor", "--config", str(config)],
                       capture_output=True, text=True, timeout=300, check=False, env=env)
    model = next(line for line in doctor.stdout.splitlines() if "language model" in line)
    assert model.startswith("PASS") and str(ready) in model, model
    started = kiosk_start_lines(config, env)
    assert not any("building" in line for line in started), started
    assert not list(cache.rglob("voicecare-*.lm")), sorted(cache.rglob("voicecare-*.lm"))  # nothing built at start


def test_a_wake_phrase_doctor_passes_is_one_the_kiosk_can_hear(tmp_path: Path) -> None:
    config = tmp_path / "voicecare.toml"
    config.write_text('[kiosk]\nwake_phrase = "hello helper"\n', encoding="utf-8")
    line = config_line(voicecare("doctor", "--config", str(config), tmp_path=tmp_path))
    assert line.startswith("PASS"), line
    # prepare reads the config through the same check: it builds no model for a config the kiosk would refuse.
    config.write_text('[kiosk]\nlanguage = "xx"\n', encoding="utf-8")
    built = voicecare("prepare", "--config", str(config), tmp_path=tmp_path)
    assert built.returncode == ConfigError.exit_code and '"xx"' in built.stderr and built.stdout == ""


def test_an_empty_kiosk_table_keeps_every_default(tmp_path: Path) -> None:
    from voicecare.app import kiosk_config
    from voicecare.app.cli import build_parser

    config = tmp_path / "voicecare.toml"
    config.write_text("[kiosk]\n", encoding="utf-8")
    built = kiosk_config.build(build_parser().parse_args(["kiosk", "--config", str(config)]))
    assert built == kiosk_config.KioskSettings(config=config)


def unit_settings() -> dict[str, list[str]]:
    settings: dict[str, list[str]] = {}
    for line in UNIT.read_text().splitlines():
        if "=" in line and not line.startswith("#"):
            key, value = line.split("=", 1)
            settings.setdefault(key, []).append(value)
    return settings


def test_the_unit_stops_on_a_config_error_and_restarts_on_anything_else() -> None:
    settings = unit_settings()
    # Only the config's exit status: a crash (a signal), the watchdog, exit 1 (cannot speak) or 2 are restarted.
    assert settings["RestartPreventExitStatus"] == [str(ConfigError.exit_code)]
    assert settings["Restart"] == ["on-failure"] and settings["RestartSec"] == ["10"]
    assert settings["StartLimitIntervalSec"] == ["0"]  # a microphone plugged in late is still retried for ever
    assert "SuccessExitStatus" not in settings  # exit 78 must count as a failure, shown by systemctl status


@pytest.mark.skipif(shutil.which("systemd-analyze") is None, reason="systemd-analyze is not installed")
def test_systemd_reads_every_line_of_the_unit(tmp_path: Path) -> None:
    # A misspelt key or a value systemd cannot parse is only a warning, "ignoring": the unit would loop as before.
    unit = tmp_path / UNIT.name
    unit.write_text(re.sub(r"ExecStart=\S+", f"ExecStart={shutil.which('true')}", UNIT.read_text()))
    out = run_child(["systemd-analyze", "verify", str(unit)], capture_output=True, text=True, timeout=60,
                    check=False)
    assert str(unit) not in out.stdout + out.stderr, out.stdout + out.stderr


def test_a_second_kiosk_on_the_same_config_stops_in_one_line_and_the_first_goes_on(tmp_path: Path) -> None:
    # Both said "kiosk ready" and ran: two voices answering the family, hearing each other, one event log
    # (outside review 20 F15). Two real kiosks on ALSA's null card.
    config = tmp_path / "voicecare.toml"
    config.write_text('[kiosk]\nevent_log = "events.jsonl"\n', encoding="utf-8")
    env = null_card_env(tmp_path)
    with child(module_command("voicecare", "kiosk", "--config", str(config)), stderr=subprocess.PIPE,
               env=env) as first:
        assert first.stderr is not None
        assert "kiosk ready" in lines_until(first.stderr, "kiosk ready", START_WAIT_SECONDS)[-1]
        second = run_child(module_command("voicecare", "kiosk", "--config", str(config)), capture_output=True,
                           text=True, timeout=120, check=False, env=env)
        assert second.returncode == 2, second.stderr
        assert second.stderr == (f"{ERROR}{config}: another kiosk is running with this config, so this one stops "
                                 "without opening the microphone, speaker or event log (stop the other first)\n")
        assert first.poll() is None  # the first kiosk still runs
