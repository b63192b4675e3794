"""Language models built at setup (``voicecare prepare``): found at start, never rebuilt, reported by doctor."""

from __future__ import annotations

import os
import stat
import subprocess
import sys
from pathlib import Path

import pytest

from children import run_child
from voicecare.app import prepared
from voicecare.speech_in import lm, lmmix, stt

WAV = Path(__file__).resolve().parent.parent / "examples" / "audio" / "1-lips-turning-blue.wav"
NO_WAKE = '[kiosk]\nwake_phrase = "none"\n'


def voicecare(*args: str, env: dict[str, str]) -> subprocess.CompletedProcess[str]:
    return run_child([sys.executable, "-m", "voicecare", *args], capture_output=True, text=True, timeout=900,
                     check=False, env={**os.environ, **env})


def folders(tmp_path: Path) -> tuple[Path, Path, dict[str, str]]:
    """An empty prepared folder and cache, and the environment naming them."""
    ready, cache = tmp_path / "prepared", tmp_path / "cache"
    return ready, cache, {prepared.PREPARED_ENV: str(ready), "XDG_CACHE_HOME": str(cache)}


def doctor_line(out: subprocess.CompletedProcess[str]) -> str:
    assert "Traceback" not in out.stderr, out.stderr
    return next(line for line in out.stdout.splitlines() if "language model" in line)


def test_prepared_models_are_used_at_start_and_doctor_passes_them(tmp_path: Path) -> None:
    ready, cache, env = folders(tmp_path)
    ready.mkdir()
    stale = ready / "voicecare-mixed-0123456789abcdef.lm"  # of intents since changed
    stale.write_text("\\data\\\n\\end\\\n")
    config = tmp_path / "voicecare.toml"
    config.write_text(NO_WAKE)
    built = voicecare("prepare", "--config", str(config), env=env)
    assert built.returncode == 0, built.stderr
    assert "removed 1 model(s)" in built.stdout and not stale.exists()
    models = sorted(ready.glob("voicecare-*.lm"))
    # The mixture, the intents' model heard in noise, and the one the mixture is made from (with the sentences that
    # are no sign: lm.build's with_said), which a start looks for to name the mixture.
    assert [p.name.startswith("voicecare-mixed-") for p in models].count(True) == 1 and len(models) == 3
    # Setup runs as root, the kiosk as its own user: each must be readable by others.
    assert all(stat.S_IMODE(p.stat().st_mode) == prepared.READABLE_FILE for p in models)
    assert all(prepared.whole(p) for p in models)

    heard = voicecare("triage", "--audio", str(WAV), "--engine", "sphinx", "--quiet", "--json", env=env)
    assert heard.returncode == 0 and '"disposition": "emergency"' in heard.stdout, heard.stderr
    assert "in a quiet room" in heard.stderr and "building" not in heard.stderr
    # Found prepared: nothing mixed again, nor the intents' model made again into the start's own cache.
    assert not list(cache.rglob("voicecare-*.lm")), sorted(cache.rglob("voicecare-*.lm"))

    line = doctor_line(voicecare("doctor", "--config", str(config), env=env))
    assert line.startswith("PASS") and str(ready) in line, line
    # Outside review 17 F10: only the quiet room's model was checked; with the noise model gone doctor passed and
    # the kiosk built it again at its start without a word.
    # Two of the three are not mixed (the noise model and the one the mixture is made from); their names are
    # hashes of what they are made from, so which sorts first says nothing: the noise model is the one doctor names.
    plain = [p for p in models if not p.name.startswith("voicecare-mixed-")]
    named = [p for p in plain if f"noise model {p}" in line]
    assert len(plain) == 2 and len(named) == 1, line
    noise = named[0]
    noise.unlink()
    line = doctor_line(voicecare("doctor", "--config", str(config), env=env))
    assert line.startswith("FAIL") and "the noise model is not built: the first start builds it" in line, line
    assert "quiet room" not in line.split("->")[0] and line.endswith(f"prepare --config {config}")


def test_doctor_fails_a_quiet_room_model_nobody_built_and_says_how(tmp_path: Path) -> None:
    _, _, env = folders(tmp_path)
    config = tmp_path / "voicecare.toml"
    config.write_text(NO_WAKE)
    line = doctor_line(voicecare("doctor", "--config", str(config), env=env))
    assert line.startswith("FAIL") and "the quiet room's model and the noise model are not built" in line, line
    assert "first start builds them" in line and line.endswith(f"-> fix: sudo .venv/bin/voicecare prepare --config {config}")
    config.write_text(NO_WAKE + "intents_only = true\n")  # then no mixture is ever used, but the intents' model is
    line = doctor_line(voicecare("doctor", "--config", str(config), env=env))
    assert line.startswith("FAIL") and "the noise model is not built" in line and "quiet room" not in line, line
    assert voicecare("prepare", "--config", str(config), env=env).returncode == 0
    line = doctor_line(voicecare("doctor", "--config", str(config), env=env))
    assert line.startswith("PASS") and "intents_only" in line, line


def test_a_prepared_model_cut_short_is_passed_over_for_the_cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # A setup stopped by a full disk or a power cut leaves half a file: PocketSphinx must never be given it.
    ready, cache, env = folders(tmp_path)
    for name, value in env.items():
        monkeypatch.setenv(name, value)
    own = tmp_path / "own.lm"
    own.write_text(lm.arpa(["he stopped breathing", "her back is sore"]))
    general = stt.sphinx_model_dir() / "en-us.lm.bin"
    said: list[str] = []
    half, cached = lmmix.mixed_path(own, general, ready), lmmix.mixed_path(own, general, cache)
    for path, text in ((half, "\\data\\\nngram 1=3\n"), (cached, "\\data\\\n\\end\\\n")):
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text)
    assert prepared.mixture(own, general, cache, said.append) == cached and said == []
    half.write_text("\\data\\\n\\end\\\n")
    assert prepared.mixture(own, general, cache, said.append) == half and said == []
