"""Outside review 13, F18-F20: setup's argument, a missing speaker, and options that would do nothing.

Each runs the real thing: scripts/setup.sh in bash, and voicecare as a process (or through ``cli.main`` where
a speaker must be missing on a machine that has one).
"""

from __future__ import annotations

import contextlib
import io
import json
import os
import shutil
import subprocess
import sys
import tomllib
from pathlib import Path

import pytest

from children import run_child
from voicecare.app import unused_options
from voicecare.app.cli import build_parser, main
from voicecare.errors import InputError

REPO = Path(__file__).resolve().parent.parent
WAV = REPO / "examples" / "audio" / "1-lips-turning-blue.wav"
STUB = """#!/usr/bin/env bash
echo "$(basename "$0") $*" >> "{log}"
{body}
"""


def voicecare(*args: str) -> subprocess.CompletedProcess[str]:
    return run_child([sys.executable, "-m", "voicecare", *args], capture_output=True, text=True, timeout=120,
                     check=False)


def one_line(out: subprocess.CompletedProcess[str]) -> str:
    (line,) = [line for line in out.stderr.splitlines() if "recognising with" not in line]
    return line


# F18: scripts/setup.sh


def setup_copy(tmp_path: Path) -> tuple[Path, Path]:
    """The real setup.sh and pyproject.toml in a folder of their own, whose venv Python and apt tools only record
    how they were called: the script's own logic runs, nothing is installed. The script and the record."""
    (tmp_path / "scripts").mkdir()
    shutil.copy(REPO / "scripts" / "setup.sh", tmp_path / "scripts" / "setup.sh")
    shutil.copy(REPO / "pyproject.toml", tmp_path / "pyproject.toml")
    record = tmp_path / "calls.log"
    record.touch()
    tools = tmp_path / "bin"
    tools.mkdir()
    stubs = {tools / "dpkg-query": 'printf "install ok installed"', tools / "apt-get": "", tools / "sudo": "",
             tmp_path / ".venv" / "bin" / "python": ""}
    for path, body in stubs.items():
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(STUB.format(log=record, body=body))
        path.chmod(0o755)
    return tmp_path / "scripts" / "setup.sh", record


def setup(script: Path, *args: str) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "PATH": f"{script.parent.parent / 'bin'}:{os.environ['PATH']}"}
    return run_child(["bash", str(script), *args], capture_output=True, text=True, timeout=60, check=False,
                     env=env)


@pytest.mark.parametrize(("argument", "words"), [
    (("bogus",), ("unknown extra 'bogus'", "speech,dev")),
    (("speach",), ("unknown extra 'speach'",)),
    (("speech,bogus",), ("unknown extra 'bogus'",)),
    (("speech,",), ("empty extra",)),
    (("speech", "dev"), ("one argument at most",)),
    (("--force",), ("unknown option '--force'",)),
])
def test_setup_refuses_an_unknown_extra_in_one_line_before_installing_anything(
        tmp_path: Path, argument: tuple[str, ...], words: tuple[str, ...]) -> None:
    # "setup.sh speach" on a fresh Pi exited 0: pip's warning about the extra was buried in its output,
    # and the kiosk had no speech packages.
    script, record = setup_copy(tmp_path)
    out = setup(script, *argument)
    assert out.returncode == 2 and out.stdout == ""
    (line,) = out.stderr.splitlines()
    assert line.startswith("scripts/setup.sh: error: ") and all(word in line for word in words), line
    assert record.read_text() == ""  # neither apt nor pip was run


def test_setup_help_is_a_usage_naming_every_extra_of_pyproject(tmp_path: Path) -> None:
    # "setup.sh --help" handed "--help" to pip as an extra: a 40-line traceback.
    script, record = setup_copy(tmp_path)
    out = setup(script, "--help")
    assert out.returncode == 0 and out.stderr == "" and "Traceback" not in out.stdout
    assert out.stdout.startswith("Usage: scripts/setup.sh [EXTRAS]")
    extras = tomllib.loads((REPO / "pyproject.toml").read_text())["project"]["optional-dependencies"]
    assert f"some of {','.join(extras)}, separated by commas" in out.stdout
    assert record.read_text() == ""


@pytest.mark.parametrize(("extras", "installs", "next_command"), [
    ((), ".[speech]", ".venv/bin/voicecare doctor"),
    (("speech,dev",), ".[speech,dev]", ".venv/bin/voicecare doctor"),
    (("dev",), ".[dev]", ".venv/bin/voicecare triage --text"),
])
def test_setup_ends_with_one_line_saying_what_is_ready_and_what_to_run_next(
        tmp_path: Path, extras: tuple[str, ...], installs: str, next_command: str) -> None:
    script, record = setup_copy(tmp_path)
    out = setup(script, *extras)
    assert out.returncode == 0, out.stderr
    assert f"python -m pip install -q -e {installs}" in record.read_text().splitlines()
    last = out.stdout.splitlines()[-1]
    assert last.startswith(f"scripts/setup.sh: done: .venv/bin/voicecare is installed with the extras {installs[2:-1]};")
    assert f"next: {next_command}" in last


def test_setup_with_speech_prepares_the_language_models_and_goes_on_if_it_cannot(tmp_path: Path) -> None:
    # The quiet room's model was built at a kiosk's first start, before it could say it was ready (minutes on a
    # Pi against systemd's 300 s): setup builds it. Failing that, a start still builds it: a warning, not a stop.
    script, record = setup_copy(tmp_path)
    assert setup(script, "dev").returncode == 0
    assert not any("prepare" in line for line in record.read_text().splitlines())  # no speech engines: nothing to build
    out = setup(script, "speech")
    assert out.returncode == 0 and "python -m voicecare prepare" in record.read_text().splitlines()
    failing = tmp_path / ".venv" / "bin" / "python"
    failing.write_text(STUB.format(log=record, body='case "$*" in *prepare*) exit 1 ;; esac'))
    out = setup(script, "speech")
    assert out.returncode == 0
    (warning,) = out.stderr.splitlines()
    assert warning.startswith("scripts/setup.sh: warning: the language models were not prepared") and "doctor" in warning
    assert out.stdout.splitlines()[-1].startswith("scripts/setup.sh: done: ")


# F19: no speaker


def test_no_speaker_is_one_line_naming_say_to_and_quiet_and_every_result_is_printed(
        monkeypatch: pytest.MonkeyPatch) -> None:
    # Without --quiet on a machine with no speaker, triage exited 1 with "or write the reply with --say-to":
    # nothing said how a script stops that. The README promises exit 1 when the replies could not be spoken.
    from voicecare.speech_in import devices

    monkeypatch.setattr(devices, "list_devices", lambda: [])  # this machine's sound cards, whatever they are: none
    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        code = main(["triage", "--audio", str(WAV), str(WAV), "--json", "--engine", "sphinx"])
    assert [json.loads(line)["disposition"] for line in out.getvalue().splitlines()] == ["emergency", "emergency"]
    assert code == 1
    line = one_line(subprocess.CompletedProcess([], code, out.getvalue(), err.getvalue()))
    assert line == ("voicecare: cannot speak, replies are printed only: no speaker found; plug one in (see "
                    "'voicecare devices'), write the reply to a file with --say-to FILE.wav, or print only with --quiet")


# F20: options that would do nothing


@pytest.mark.parametrize(("args", "words"), [
    (("triage", "--text", "she is not breathing", "--engine", "vosk", "--model", "/nonexistent"),
     "typed text is not recognised as speech, so --engine and --model do nothing; drop them, or give --audio FILE"),
    (("triage", "--text", "x", "--general-english"), "so --general-english does nothing"),
    (("triage", "--text", "x", "--front-end"), "so --front-end does nothing"),
    (("triage", "--text", "x", "--say-to", "/tmp/r.wav", "--speaker", "1"), "so --speaker does nothing"),
    (("triage", "--audio", str(WAV), "--engine", "sphinx", "--model", "/nonexistent"), "so --model does nothing"),
    (("triage", "--audio", str(WAV), "--engine", "vosk", "--general-english"), "so it does nothing"),
    (("listen", "--input-files", str(WAV), "--device", "1"), "so --device does nothing"),
    (("listen", "--fast"), "--fast is for replaying recordings with --input-files"),
    (("listen", "--say-to-dir", "/tmp", "--input-files", str(WAV), "--say-to", "/tmp/r.wav"),
     "so --say-to does nothing"),
    (("listen", "--say-to-dir", "/tmp", "--input-files", str(WAV), "--quiet"),
     "--quiet prints only, so it cannot also speak to --say-to-dir"),
    (("models", "list", "--language", "de"), "so --language does nothing"),
    (("models", "list", "small-en-us"), "models list shows every model in the manifest and takes no NAME"),
    (("models", "download", "--language", "de"), "so --language does nothing"),
    (("models", "verify", "/tmp", "--no-progress"), "so --no-progress does nothing"),
])
def test_an_option_that_would_do_nothing_is_refused_in_one_line(args: tuple[str, ...], words: str) -> None:
    # "triage --text ... --model /nonexistent" exited 0 and said nothing, while a bad --voice was caught.
    out = voicecare(*args)
    assert out.returncode == 2 and out.stdout == ""
    (line,) = out.stderr.splitlines()
    assert line.startswith("voicecare: error: ") and words in line, line


@pytest.mark.parametrize("source", [("triage", "--text", "x"), ("triage", "--engine", "sphinx", "--audio", str(WAV)),
                                    ("listen", "--engine", "sphinx", "--fast", "--input-files", str(WAV))])
@pytest.mark.parametrize(("option", "value", "words"), [
    ("--voice", "klingon", "voice 'klingon': espeak-ng"),
    ("--rate", "1000", "rate 1000: give a whole number of words per minute from 90 to 260"),
])
def test_a_bad_voice_or_rate_is_refused_in_every_mode_with_quiet_too(source: tuple[str, ...], option: str, value: str,
                                                                     words: str) -> None:
    # With --quiet, a recording's triage took --rate 1000 and --voice klingon ("printing only"); text refused them.
    out = voicecare(*source, "--quiet", option, value)
    assert out.returncode == 2 and out.stdout == ""
    assert one_line(out).startswith(f"voicecare: error: {words}")


def test_a_good_voice_with_quiet_is_noted_and_the_recording_still_triaged() -> None:
    out = voicecare("triage", "--audio", str(WAV), "--engine", "sphinx", "--quiet", "--json", "--voice", "gmw/en-us")
    assert out.returncode == 0 and json.loads(out.stdout)["disposition"] == "emergency"
    assert one_line(out) == "voicecare: --rate and --voice shape speech, and --quiet speaks nothing; printing only"


def test_every_option_a_rule_names_is_one_its_commands_have() -> None:
    # A renamed option would leave its rule checking nothing.
    commands = next(a.choices for a in build_parser()._actions if hasattr(a, "choices") and a.choices)
    for rule in unused_options.RULES:
        for name in rule.commands:
            dests = {action.dest for action in commands[name]._actions}
            named = (*rule.options, *(word for word in rule.why.split() if word.startswith("--")))
            for option in named:
                assert option.strip(",;().").removeprefix("--").replace("-", "_") in dests, (name, option)


def test_a_kiosk_config_whose_model_would_do_nothing_says_so(tmp_path: Path) -> None:
    # The kiosk merges its config file with its command line: "engine = sphinx" there dropped the model silently;
    # then it was refused (exit 78, never restarted: review 19 F4). Now the file's model is left out, said in a line.
    from voicecare.app import kiosk_config
    from voicecare.app.cli import build_parser

    config = tmp_path / "kiosk.toml"
    config.write_text('[kiosk]\nengine = "sphinx"\nmodel = "/nonexistent"\n')
    built = kiosk_config.build(build_parser().parse_args(["kiosk", "--config", str(config)]))
    assert built.model is None and built.engine == "sphinx"
    assert built.faults == (f"{config}: model: --model names a Vosk model and --engine sphinx uses PocketSphinx, so "
                            "--model does nothing; drop one of them; the kiosk leaves model out",)
    # Typed on the command line, both of them: refused as every command refuses them, whoever typed it is there.
    out = voicecare("kiosk", "--engine", "sphinx", "--model", "/nonexistent")
    assert out.returncode == InputError.exit_code and out.stdout == ""
    assert out.stderr.strip() == ("voicecare: error: --model names a Vosk model and --engine sphinx uses PocketSphinx, "
                                  "so --model does nothing; drop one of them")


def test_general_english_when_auto_finds_a_vosk_model_is_said_in_one_line(tmp_path: Path) -> None:
    # --engine auto with a Vosk model installed took --general-english without a word: it only shapes PocketSphinx.
    from conftest import korean_vosk_model, models_taking_korean_for_english

    # The Korean model stands in for an English one: its manifest says so, else it is refused as not English.
    env = {**os.environ, "VOICECARE_MODEL": str(korean_vosk_model()),
           "VOICECARE_MODELS": str(models_taking_korean_for_english(tmp_path / "models"))}
    out = run_child([sys.executable, "-m", "voicecare", "triage", "--audio", str(WAV), "--general-english",
                          "--quiet", "--json"], capture_output=True, text=True, timeout=300, check=False, env=env)
    assert out.returncode == 0 and json.loads(out.stdout)["engine"] == "vosk"
    assert one_line(out) == ("voicecare: --general-english changes only PocketSphinx's language model, and a Vosk "
                             "model was found, so it does nothing; add --engine sphinx to use it")
