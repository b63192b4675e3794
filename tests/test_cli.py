"""The command-line contract, run as a real process."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

JSON_KEYS = {"input", "transcript", "disposition", "symptoms", "messages"}
DISPOSITIONS = {"emergency", "urgent", "follow_up", "home_care", "unclear"}


def run(*args: str, stdin: str = "") -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "voicecare", *args], input=stdin, capture_output=True,
                          text=True, timeout=60, check=False)


def test_triage_text_json_contract() -> None:
    out = run("triage", "--text", "he can't breathe and his back hurts", "--json")
    assert out.returncode == 0, out.stderr
    (line,) = out.stdout.splitlines()
    result = json.loads(line)
    assert result.keys() >= JSON_KEYS
    assert result["disposition"] == "emergency"
    assert result["messages"][0] == {"level": "emergency", "kind": "emergency", "text": result["messages"][0]["text"]}
    assert result["messages"][0]["text"].startswith("Call 911")
    symptom = result["symptoms"][0]
    assert {"id", "level", "status", "score", "heard"} <= symptom.keys()
    assert symptom["status"] in {"present", "absent", "other", "hypothetical", "past"}


def test_text_file_gives_one_result_per_line_in_order(tmp_path: Path) -> None:
    lines = ["she fainted", "his back is sore", "hello there", "she has a fever", ""]
    source = tmp_path / "in.txt"
    source.write_text("\n".join(lines) + "\n")
    out = run("triage", "--text-file", str(source), "--json")
    assert out.returncode == 0, out.stderr
    results = [json.loads(line) for line in out.stdout.splitlines()]
    assert [r["input"] for r in results] == lines
    assert [r["disposition"] for r in results] == ["emergency", "home_care", "unclear", "urgent", "unclear"]
    assert all(r["disposition"] in DISPOSITIONS for r in results)


def test_plain_output_is_readable() -> None:
    out = run("triage", "--text", "she has a fever and her back hurts")
    assert out.returncode == 0
    assert "URGENT" in out.stdout and "I heard: fever" in out.stdout


@pytest.mark.parametrize(("args", "message"), [
    (("triage", "--text-file", "/nonexistent/file.txt"), "no such file"),
    (("triage",), "one of the arguments --text --text-file --audio is required"),
    (("triage", "--text", "x", "--intents", "/nonexistent"), "intents folder not found"),
    (("eval", "/nonexistent.tsv"), "cannot read corpus"),
    (("bogus",), "invalid choice"),
])
def test_errors_are_one_line_exit_2_no_traceback(args: tuple[str, ...], message: str) -> None:
    out = run(*args)
    assert out.returncode == 2
    assert len(out.stderr.strip().splitlines()) == 1, out.stderr
    assert message in out.stderr and "Traceback" not in out.stderr


def test_binary_text_file_is_a_clear_error(tmp_path: Path) -> None:
    blob = tmp_path / "audio.wav"
    blob.write_bytes(b"RIFF\xff\xfe\x00\x81\x82")
    out = run("triage", "--text-file", str(blob))
    assert out.returncode == 2 and "cannot read it as UTF-8 text" in out.stderr


def test_malformed_intents_exit_2_and_debug_shows_traceback(tmp_path: Path) -> None:
    (tmp_path / "messages.toml").write_text("[messages\n")
    out = run("triage", "--text", "x", "--intents", str(tmp_path))
    assert out.returncode == 2 and "messages.toml: cannot be read" in out.stderr
    assert len(out.stderr.strip().splitlines()) == 1
    debug = run("triage", "--text", "x", "--intents", str(tmp_path), "--debug")
    assert "Traceback" in debug.stderr


def test_check_prints_a_summary_and_fails_on_bad_files(tmp_path: Path) -> None:
    good = run("check")
    assert good.returncode == 0 and "back_spasm_toddler: 24 symptoms" in good.stdout
    (tmp_path / "messages.toml").write_text("[messages]\n")
    bad = run("check", "--intents", str(tmp_path))
    assert bad.returncode == 2 and "messages.toml: messages: emergency: missing text" in bad.stderr


def test_chat_with_piped_stdin_runs_the_interview() -> None:
    out = run("chat", stdin="my daughter's back is all tight\nno\nno\nno\nno\ngoodbye\n")
    assert out.returncode == 0, out.stderr
    said = out.stdout
    assert "trouble breathing" in said and "fever or chills" in said
    assert "Gently rub" in said and "Take care" in said


def test_eval_prints_the_figures() -> None:
    corpus = Path(__file__).parent / "data" / "corpus.tsv"
    out = run("eval", str(corpus))
    assert out.returncode == 0
    for label in ("exact accuracy", "under-triage rate", "emergency recall", "false-emergency rate", "confusion"):
        assert label in out.stdout


def test_eval_prints_one_line_per_file_a_total_and_the_failures_on_request(tmp_path: Path) -> None:
    first, second = tmp_path / "first.tsv", tmp_path / "second.tsv"
    first.write_text("emergency\tshe fainted\tnote\nhome_care\this back is a bit sore\tnote\n")
    second.write_text("urgent\thello there\tnote: a deliberate miss\n")
    out = run("eval", str(first), str(second), "--show-failures")
    assert out.returncode == 0, out.stderr
    lines = out.stdout.splitlines()
    assert lines[0].startswith("first.tsv: 2 cases, exact accuracy 100.0%")
    assert lines[1].startswith("second.tsv: 1 cases, exact accuracy 0.0%") and "serious under-triage 100.0%" in lines[1]
    assert lines[2].startswith("TOTAL: 3 cases")
    assert "second.tsv:1: expected urgent, got unclear UNDER-TRIAGE: hello there" in out.stdout
    assert "note" not in out.stdout


@pytest.mark.parametrize("command", ["triage", "chat", "check", "eval"])
def test_every_subcommand_has_help(command: str) -> None:
    out = run(command, "--help")
    assert out.returncode == 0 and "usage: voicecare" in out.stdout


AUDIO = Path(__file__).parent / "data" / "audio"


def test_triage_audio_json_and_spoken_reply(tmp_path: Path) -> None:
    reply = tmp_path / "reply.wav"
    files = [AUDIO / "clean" / "em_blue.wav", AUDIO / "other" / "silence.wav", AUDIO / "formats" / "fever_48k_mono_float.wav"]
    out = run("triage", "--audio", *map(str, files), "--json", "--engine", "sphinx", "--say-to", str(reply))
    assert out.returncode == 0, out.stderr
    assert "recognising with sphinx" in out.stderr
    results = [json.loads(line) for line in out.stdout.splitlines()]
    assert [r["input"] for r in results] == list(map(str, files))
    assert [r["disposition"] for r in results] == ["emergency", "unclear", "urgent"]
    for result in results:
        assert JSON_KEYS | {"engine", "audio_seconds", "timings"} <= result.keys()
        assert result["engine"] == "sphinx" and result["audio_seconds"] > 1
    assert results[0]["messages"][0]["text"] == "Call 911 now."
    assert reply.stat().st_size > 100_000


def test_triage_audio_errors_are_one_line(tmp_path: Path) -> None:
    text = tmp_path / "notes.wav"
    text.write_text("not audio")
    out = run("triage", "--audio", str(text))
    assert out.returncode == 2 and "not a WAV file" in out.stderr and len(out.stderr.splitlines()) == 1
    missing = run("triage", "--audio", str(tmp_path / "none.wav"))
    assert missing.returncode == 2 and "no such audio file" in missing.stderr
    bad_model = run("triage", "--audio", str(AUDIO / "clean" / "hc_sore.wav"), "--model", str(tmp_path))
    assert bad_model.returncode == 2 and "not a usable Vosk model" in bad_model.stderr
    assert "Traceback" not in bad_model.stderr + missing.stderr + out.stderr


def test_models_list_and_verify(tmp_path: Path) -> None:
    listed = run("models", "list")
    assert listed.returncode == 0 and "small-en-us (default)" in listed.stdout
    bad = run("models", "verify", str(tmp_path))
    assert bad.returncode == 2 and "missing am/final.mdl" in bad.stderr


@pytest.mark.parametrize("command", ["devices", "models", "listen", "kiosk", "doctor"])
def test_speech_subcommands_have_help(command: str) -> None:
    out = run(command, "--help")
    assert out.returncode == 0 and "usage: voicecare" in out.stdout


def test_help_offers_intent_options_only_where_they_are_used_and_shows_defaults() -> None:
    import argparse

    from voicecare.cli import build_parser

    commands = next(a for a in build_parser()._actions if isinstance(a, argparse._SubParsersAction))
    helps = {name: sub.format_help() for name, sub in commands.choices.items()}
    for name in ("devices", "models"):
        assert "--intents" not in helps[name] and "--topic" not in helps[name], name
    for name in ("triage", "chat", "check", "eval", "listen", "kiosk", "doctor"):
        assert "--intents" in helps[name] and "--language" in helps[name] and "--topic" in helps[name], name
    assert "(text)" not in helps["triage"] and "recorded audio" in helps["triage"]
    for name in ("chat", "listen", "kiosk"):
        assert "(default 4)" in " ".join(helps[name].split()), name
