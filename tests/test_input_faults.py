"""Input that cannot be read: a closed stdin, intent files an editor saved in another encoding (review 10, C2/C3)."""

from __future__ import annotations

import os
import shutil
import sys
from pathlib import Path

import pytest

from children import run_child
from voicecare.app.cli import main

INTENTS = Path(__file__).parent.parent / "intents"


@pytest.mark.parametrize("args", [("triage", "--text-file", "-"), ("chat",)])
def test_a_closed_stdin_is_one_line_and_exit_2(args: tuple[str, ...]) -> None:
    out = run_child([sys.executable, "-m", "voicecare", *args], capture_output=True,
                    text=True, timeout=60, check=False,
                    preexec_fn=lambda: os.close(0))
    assert out.returncode == 2, out.stderr
    assert out.stderr == "voicecare: error: standard input is closed; pipe the text in, or give a file\n"


@pytest.mark.parametrize("name", ["language.toml", "controls.toml", "messages.toml", "spoken.toml",
                                  "frequent_words.txt", "common_words.txt"])
@pytest.mark.parametrize("command", [("triage", "--text", "he is not breathing"), ("check",)])
def test_an_intent_file_that_is_not_utf8_is_named_in_one_line(tmp_path: Path, capsys: pytest.CaptureFixture[str],
                                                               name: str, command: tuple[str, ...]) -> None:
    shutil.copytree(INTENTS, tmp_path / "intents")
    (tmp_path / "intents" / "en" / name).write_bytes(b"\xff\xfe\x00 saved as UTF-16 by an editor")
    code = main([*command, "--intents", str(tmp_path / "intents")])
    err = capsys.readouterr().err
    assert code == 2
    assert f"{name}: not UTF-8 text; save it as UTF-8" in err.splitlines()[0]


@pytest.mark.parametrize("where", ["en/answers.toml", "en/topics/back_spasm_toddler/answers.toml"])
@pytest.mark.parametrize("command", ["check", "doctor"])
def test_check_and_doctor_refuse_answer_files_the_kiosk_refuses(tmp_path: Path, capsys: pytest.CaptureFixture[str],
                                                                where: str, command: str) -> None:
    # triage never reads answers.toml; listen, chat and the kiosk do, and stopped at start (review 10, K1)
    shutil.copytree(INTENTS, tmp_path / "intents")
    with (tmp_path / "intents" / where).open("a", encoding="utf-8") as answers:
        answers.write("[[[broken\n")
    code = main([command, "--intents", str(tmp_path / "intents")])
    captured = capsys.readouterr()
    assert code != 0
    assert f"{where}: cannot be read: Invalid initial character" in captured.out + captured.err
    chat = main(["chat", "--intents", str(tmp_path / "intents")])
    assert chat == 2 and f"{where}: cannot be read" in capsys.readouterr().err  # what check and doctor now foresee
