"""A batch file of typed lines with one pasted UTF-16 line (outside review 23, F8): the file was refused whole as
"binary data", and the emergencies on its other lines were never triaged. Through the real command line."""

from __future__ import annotations

import json
import math
import subprocess
import sys
from pathlib import Path

import pytest

from children import run_child

TYPED = ["she is very sleepy and hard to wake", "his back is sore", "she can't breathe", "he fainted",
         "her back hurts after soccer", "he is fine now"]


def run(*args: str) -> subprocess.CompletedProcess[str]:
    return run_child([sys.executable, "-m", "voicecare", *args], capture_output=True, text=True, timeout=60,
                     check=False)


def test_one_utf16_line_costs_only_itself(tmp_path: Path) -> None:
    batch = tmp_path / "mixed.txt"
    pasted = "\ufeffmy son is fine, just a sore back\n".encode("utf-16-le")
    batch.write_bytes("\n".join(TYPED).encode() + b"\n" + pasted)
    out = run("triage", "--text-file", str(batch), "--json")
    assert out.returncode == 2, out.stderr  # a bad line is still an error, said in its own line
    read = [json.loads(line) for line in out.stdout.splitlines()]
    assert [r["input"] for r in read[:len(TYPED)]] == TYPED
    assert [r["disposition"] for r in read[:4]] == ["emergency", "home_care", "emergency", "emergency"]
    errors = out.stderr.splitlines()
    assert errors and all(e.startswith(f"voicecare: error: {batch} line ") for e in errors), out.stderr


@pytest.mark.parametrize("codec", ["utf-16-le", "utf-16-be"])
def test_a_file_of_utf16_without_its_mark_is_read_and_said_in_one_line(tmp_path: Path, codec: str) -> None:
    # Was refused whole ("UTF-16 without its mark"), its emergencies never triaged: now read, the guess said in one
    # line, exit 2 (outside review 24 F10: never a lost emergency).
    batch = tmp_path / "u16.txt"
    batch.write_bytes("\n".join(TYPED).encode(codec))
    out = run("triage", "--text-file", str(batch), "--json")
    assert out.returncode == 2
    assert out.stderr.splitlines() == [f"voicecare: error: {batch}: UTF-16 text without its mark; read as UTF-16, "
                                       "save it as UTF-8"]
    read = [json.loads(line) for line in out.stdout.splitlines()]
    assert [r["input"] for r in read] == TYPED


def test_lines_of_many_encodings_are_each_read(tmp_path: Path) -> None:
    # Outside review 24 F10: seven lines (Latin-1, a UTF-16 line, Windows quotes, a mark mid-file, a NUL) were
    # refused whole as binary: the three emergencies among them never triaged.
    batch = tmp_path / "mixed.txt"
    batch.write_bytes(b"her back is sore after the park\n" + "il a de la fi\u00e8vre\n".encode("latin-1")
                      + "she is not breathing".encode("utf-16-le") + b"\n"
                      + "her back hurts and she has a fever \u201cshe says\u201d\n".encode("cp1252")
                      + "\ufeffhe is very hard to wake\n".encode() + b"she's not breathing \x00 properly\n"
                      + "she can\u2019t breathe\n".encode())
    out = run("triage", "--text-file", str(batch), "--json")
    read = [json.loads(line) for line in out.stdout.splitlines()]
    assert [r["disposition"] for r in read] == ["home_care", "unclear", "emergency", "urgent", "emergency",
                                                 "emergency", "emergency"]
    assert read[2]["input"] == "she is not breathing" and read[4]["input"] == "he is very hard to wake"
    assert out.returncode == 2 and len(out.stderr.splitlines()) == 4, out.stderr


@pytest.mark.parametrize("blob", [bytes(range(256)) * 20, b"".join(
    int(3000 * math.sin(i / 7)).to_bytes(2, "little", signed=True) for i in range(16000))], ids=["bytes", "pcm"])
def test_binary_and_raw_audio_are_still_refused_whole(tmp_path: Path, blob: bytes) -> None:
    # Near miss: not text at all: one line, never lines of garbage answered "unclear".
    batch = tmp_path / "blob.txt"
    batch.write_bytes(blob)
    out = run("triage", "--text-file", str(batch), "--json")
    assert out.returncode == 2 and not out.stdout, out.stdout
    assert out.stderr.count("\n") == 1 and "cannot read it as UTF-8 text" in out.stderr, out.stderr
