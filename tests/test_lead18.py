"""Typed chat with bytes that are not UTF-8 (outside review 23, F12), through the real command line.

Under a UTF-8 locale (a Raspberry Pi's en_GB.UTF-8) Python reads standard input strictly: one Latin-1 byte piped
into ``chat`` was a traceback, and the emergency on that line and every line after it was never heard. Under the
C.UTF-8 locale of this machine the byte was silently replaced and the chat ended 0. ``PYTHONIOENCODING`` gives the
child the strict reading of a real UTF-8 locale (this machine has no other UTF-8 locale installed).
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from children import run_child

STRICT = {"PYTHONIOENCODING": "utf-8:strict"}
"""How a Raspberry Pi's en_GB.UTF-8 locale makes Python read standard input."""


def chat(typed: bytes, **env: str) -> subprocess.CompletedProcess[bytes]:
    return run_child([sys.executable, "-m", "voicecare", "chat"], input=typed, capture_output=True, timeout=60,
                     env={**os.environ, **env})


@pytest.mark.parametrize("env", [STRICT, {}], ids=["strict-locale", "this-machine"])
def test_a_latin1_byte_is_said_in_one_line_and_the_emergency_after_it_heard(env: dict[str, str]) -> None:
    out = chat(b"caf\xe9 trip yesterday, her back hurts\nnow she is not breathing\n", **env)
    err = out.stderr.decode()
    assert "Traceback" not in err
    assert err.splitlines() == ["voicecare: error: typed line 1: not UTF-8 text; read with the bad bytes replaced"]
    assert "voicecare> Call 911 now." in out.stdout.decode()
    assert out.returncode == 2


def test_the_emergency_on_the_bad_line_itself_is_heard() -> None:
    out = chat(b"she is not breathing\xff\n", **STRICT)
    assert "voicecare> Call 911 now." in out.stdout.decode()
    assert out.returncode == 2 and "typed line 1" in out.stderr.decode()


def test_clean_utf8_is_no_fault() -> None:
    out = chat("her back hurts after the café\ngoodbye\n".encode(), **STRICT)
    assert out.returncode == 0, out.stderr.decode()
    assert out.stderr == b""


def test_an_over_long_line_is_refused_with_its_whole_length() -> None:
    # F12: a 111,645-character line was said to have "100,001 characters" (only the part read).
    out = chat(b"x" * 111_645 + b"\nshe is not breathing\n")
    assert out.stderr.decode().splitlines() == [
        "voicecare: error: typed line 1: 111,645 characters, more than the 100,000 one utterance may have; "
        "put each utterance on its own line"]
    assert "voicecare> Call 911 now." in out.stdout.decode() and out.returncode == 2


def answers_eval(tmp_path: Path, rows: str) -> subprocess.CompletedProcess[bytes]:
    corpus = tmp_path / "answers.tsv"
    corpus.write_text(rows)
    return run_child([sys.executable, "-m", "voicecare", "eval-answers", str(corpus)], capture_output=True,
                     timeout=60)


def test_eval_answers_folds_the_case_of_its_labels(tmp_path: Path) -> None:
    # Outside review 24 F11: "No" and "Yes" were scored as mistakes, and the "Yes" row left out of the missed
    # affirmations ("n/a").
    out = answers_eval(tmp_path, "fever_chills\tNo\tshe feels cool\tx\nfever_chills\tYes \tshe is burning up\tx\n")
    assert out.returncode == 0, out.stderr
    said = out.stdout.decode()
    assert "accuracy: 100.0%" in said and "missed affirmations: 0.0%" in said


def test_eval_answers_refuses_an_unknown_label_in_one_line(tmp_path: Path) -> None:
    out = answers_eval(tmp_path, "fever_chills\tno\tshe feels cool\tx\nfever_chills\tmaybe\tshe is hot\tx\n")
    assert out.returncode == 2 and not out.stdout
    err = out.stderr.decode().splitlines()
    assert len(err) == 1 and "answers.tsv:2: unknown expected answer 'maybe'" in err[0]
