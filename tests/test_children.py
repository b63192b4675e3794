"""The helper every test runs its commands through: a stuck command fails its test, naming it, and leaves nothing
running (a CI run waited its whole budget on one stuck child)."""

from __future__ import annotations

import os
import subprocess
import time
from pathlib import Path

import pytest

from children import run_child

GONE_WAIT_SECONDS = 30.0
"""Longest a killed process may take to be reaped on a loaded machine (not a timing under test)."""


def test_a_command_past_its_time_limit_fails_naming_it_and_its_whole_group_is_killed(tmp_path: Path) -> None:
    # The shell starts a child of its own and both hang: subprocess.run killed the shell only, and the child kept
    # the pipes open (so even run's own wait could hang) and outlived the test.
    pid_file = tmp_path / "grandchild.pid"
    command = ["sh", "-c", f"sleep 1000 & echo $! > {pid_file}; wait"]
    with pytest.raises(pytest.fail.Exception) as failed:
        run_child(command, capture_output=True, text=True, timeout=2)
    assert str(failed.value) == f"still running after 2 s, killed with its process group: {' '.join(command)}"
    grandchild = int(pid_file.read_text())
    deadline = time.monotonic() + GONE_WAIT_SECONDS
    while _alive(grandchild) and time.monotonic() < deadline:
        time.sleep(0.1)
    assert not _alive(grandchild)


def test_a_command_that_ends_is_what_subprocess_run_gives() -> None:
    done = run_child(["sh", "-c", "cat; echo err >&2; exit 3"], input="in\n", capture_output=True, text=True)
    assert (done.returncode, done.stdout, done.stderr) == (3, "in\n", "err\n")
    with pytest.raises(subprocess.CalledProcessError, match="returned non-zero exit status 3"):
        run_child(["sh", "-c", "exit 3"], check=True)


def _alive(pid: int) -> bool:
    """The process exists and is not a zombie waiting for its parent (the shell, itself killed)."""
    try:
        with open(f"/proc/{pid}/stat") as stat:
            return stat.read().rsplit(")", 1)[1].split()[0] != "Z"
    except FileNotFoundError:
        return False
    except OSError:
        return os.path.exists(f"/proc/{pid}")
