"""Output that cannot be written (a full disk, a closed stdout, a narrow encoding): one line, non-zero, no lost triage.

Run as real processes: /dev/full is a real full device, and a full disk is a real 400 KB tmpfs mounted in a
private mount namespace (``unshare -rm``), the way an SD card fills up on a Raspberry Pi.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import wave
from pathlib import Path

import pytest

from children import run_child

AUDIO = Path(__file__).parent / "data" / "audio" / "clean"
EXAMPLES = Path(__file__).parent.parent / "examples" / "audio"
EMERGENCY = "he is not breathing and his lips are blue"
VOICECARE = [sys.executable, "-m", "voicecare"]


def run_to(stdout: object, *args: str, close_stdout: bool = False, env: dict[str, str] | None = None,
           ) -> subprocess.CompletedProcess[str]:
    return run_child([*VOICECARE, *args], stdout=stdout, stderr=subprocess.PIPE, stdin=subprocess.DEVNULL,
                     text=True, timeout=120, check=False, env=env,
                     preexec_fn=(lambda: os.close(1)) if close_stdout else None)


def assert_one_line(stderr: str, reason: str) -> None:
    assert "Traceback" not in stderr and "Exception ignored" not in stderr, stderr
    assert [line for line in stderr.splitlines() if "cannot write the output" in line] == [
        f"voicecare: error: cannot write the output ({reason}); replies are no longer printed (speech, if any, "
        "goes on)"], stderr


@pytest.mark.parametrize("args", [("triage", "--text", EMERGENCY), ("triage", "--text", EMERGENCY, "--json"),
                                  ("triage", "--audio", str(AUDIO / "em_blue.wav"), "--engine", "sphinx", "--quiet"),
                                  ("listen", "--input-files", str(AUDIO / "em_blue.wav"), "--engine", "sphinx",
                                   "--fast", "--quiet")])
def test_a_full_stdout_is_one_line_and_exit_2(args: tuple[str, ...]) -> None:
    with open("/dev/full", "w") as full:
        out = run_to(full, *args)
    assert out.returncode == 2, out.stderr
    assert_one_line(out.stderr, "No space left on device")


def test_a_closed_stdout_is_not_exit_0() -> None:
    out = run_to(None, "triage", "--text", EMERGENCY, "--quiet", close_stdout=True)
    assert out.returncode == 2, out.stderr
    assert_one_line(out.stderr, "standard output is closed")


def test_text_the_output_encoding_cannot_hold_still_gives_the_disposition(tmp_path: Path) -> None:
    said = tmp_path / "said.txt"
    said.write_text("he is not breathing \u2014 lips blue\n", encoding="utf-8")
    env = {"PATH": os.environ.get("PATH", "/usr/bin:/bin"), "LC_ALL": "C", "PYTHONIOENCODING": "latin-1",
           "PYTHONPATH": os.pathsep.join(sys.path)}
    out = run_to(subprocess.PIPE, "triage", "--text-file", str(said), env=env)
    assert out.returncode == 0, out.stderr
    assert out.stdout.splitlines()[:2] == ["> he is not breathing ? lips blue", "EMERGENCY: call 911"]


def full_disk(command: str) -> subprocess.CompletedProcess[str]:
    """``command`` run with a 400 KB tmpfs mounted on /mnt/full in its own mount namespace."""
    if shutil.which("unshare") is None:
        pytest.skip("unshare is not installed")
    script = f"mount -t tmpfs -o size=400k tmpfs /mnt && mkdir /mnt/full && {command}"
    out = run_child(["unshare", "-rm", "sh", "-c", script], capture_output=True, text=True, timeout=180,
                    check=False)
    if ("mount" in out.stderr and "Operation not permitted" in out.stderr) or "unshare failed" in out.stderr:
        pytest.skip(f"no private mounts here: {out.stderr.strip()}")
    return out


def recordings() -> str:
    fever = str(EXAMPLES / "2-fever-and-back-pain.wav")
    return f"{fever} {fever} {EXAMPLES / '1-lips-turning-blue.wav'}"


def test_a_disk_filling_up_under_reply_files_costs_no_later_emergency() -> None:
    out = full_disk(f"{sys.executable} -m voicecare listen --input-files {recordings()} --engine sphinx --fast "
                    "--say-to-dir /mnt/full/replies")
    assert "Traceback" not in out.stderr, out.stderr
    assert "Call 911 now." in out.stdout, out.stdout
    assert out.returncode == 1, out.stderr
    assert "cannot speak, replies are printed only" in out.stderr and "No space left on device" in out.stderr


def test_a_disk_filling_up_under_one_reply_file_ends_without_a_traceback() -> None:
    out = full_disk(f"{sys.executable} -m voicecare triage --audio {recordings()} --engine sphinx "
                    "--say-to /mnt/full/reply.wav")
    assert "Traceback" not in out.stderr, out.stderr
    assert out.stdout.count("EMERGENCY: call 911") == 1
    assert out.returncode == 1, out.stderr
    assert all(line.startswith("voicecare: ") for line in out.stderr.splitlines()), out.stderr


def test_reply_files_on_a_full_disk_are_whole_or_missing_and_their_lines_say_so(tmp_path: Path) -> None:
    # Outside review 16 F9: a cut-off 000.wav and empty ones were left, and no JSON line said which failed.
    out = full_disk(f"{sys.executable} -m voicecare listen --input-files {recordings()} --engine sphinx --fast --json "
                    f"--say-to-dir /mnt/full/replies; cp -r /mnt/full/replies {tmp_path}/replies")
    assert "Traceback" not in out.stderr and "Exception ignored" not in out.stderr, out.stderr
    lines = [json.loads(line) for line in out.stdout.splitlines()]
    left = {p.name: p for p in (tmp_path / "replies").iterdir()}
    assert all(not name.startswith(".") for name in left), left  # no half-written file under its hidden name
    for number, turn in enumerate(lines):
        name = f"{number:03d}.wav"
        if name in left:  # whole: as long as the header says, and said aloud
            assert turn["spoken"] and "speech_error" not in turn, turn
            with wave.open(str(left[name])) as wav:
                assert wav.getnframes() * 2 + 44 == left[name].stat().st_size
        else:
            assert turn["spoken"] == [] and name in turn["speech_error"], turn
    assert any(f"{n:03d}.wav" not in left for n in range(len(lines))), left  # the disk did fill up
