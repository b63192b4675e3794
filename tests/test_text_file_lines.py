"""A batch file of typed lines with one pasted UTF-16 line (outside review 23, F8): the file was refused whole as
"binary data", and the emergencies on its other lines were never triaged. Through the real command line."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

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


def test_a_file_of_utf16_without_its_mark_is_still_refused_whole(tmp_path: Path) -> None:
    # Near miss: every line holds NULs, so nothing is clean text: one line, never lines of garbage answered "unclear".
    batch = tmp_path / "u16.txt"
    batch.write_bytes("\n".join(TYPED).encode("utf-16-le"))
    out = run("triage", "--text-file", str(batch), "--json")
    assert out.returncode == 2 and not out.stdout, out.stdout
    assert out.stderr.count("\n") == 1 and "cannot read it as UTF-8 text" in out.stderr, out.stderr
