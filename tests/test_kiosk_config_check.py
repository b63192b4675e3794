"""A first boot (outside review 17 F10): doctor checks a kiosk config exactly as the kiosk does, a config no restart
can fix stops the service instead of a restart every 10 s for ever, and a config with no [kiosk] table is refused."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from voicecare.errors import ConfigError

ROOT = Path(__file__).resolve().parents[1]
UNIT = ROOT / "deploy" / "voicecare-kiosk.service"
ERROR = "voicecare: error: "


def voicecare(*args: str, tmp_path: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "voicecare", *args], capture_output=True, text=True, timeout=300,
                          check=False, env={**os.environ, "XDG_CACHE_HOME": str(tmp_path / "cache")})


def config_line(doctor: subprocess.CompletedProcess[str]) -> str:
    assert "Traceback" not in doctor.stderr, doctor.stderr
    return next(line for line in doctor.stdout.splitlines() if line.split()[1:3] == ["kiosk", "config"])


@pytest.mark.parametrize("toml", [
    '[kiosk]\nwake_phrase = "zyxq plorf"\n',  # words PocketSphinx's dictionary lacks: the kiosk could never wake
    "",  # an empty file (a copy cut short, a full SD card): no [kiosk] table
    "# voicecare\n# every setting left out\n",
    'rate = 165\nwake_phrase = "none"\n',  # keys with no [kiosk] table
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


def test_a_wake_phrase_doctor_passes_is_one_the_kiosk_can_hear(tmp_path: Path) -> None:
    config = tmp_path / "voicecare.toml"
    config.write_text('[kiosk]\nwake_phrase = "hello helper"\n', encoding="utf-8")
    line = config_line(voicecare("doctor", "--config", str(config), tmp_path=tmp_path))
    assert line.startswith("PASS"), line
    # prepare reads the config through the same check: it builds no model for a config the kiosk would refuse.
    config.write_text('[kiosk]\nwake_phrase = "zyxq plorf"\n', encoding="utf-8")
    built = voicecare("prepare", "--config", str(config), tmp_path=tmp_path)
    assert built.returncode == ConfigError.exit_code and "zyxq plorf" in built.stderr and built.stdout == ""


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
    out = subprocess.run(["systemd-analyze", "verify", str(unit)], capture_output=True, text=True, timeout=60,
                         check=False)
    assert str(unit) not in out.stdout + out.stderr, out.stdout + out.stderr
