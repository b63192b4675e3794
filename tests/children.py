"""Processes a test starts and must not outlive it: ended on every way out of the test (a failed assert, a
timeout, Ctrl-C) by ``child``, and killed by the kernel when the test process itself is killed. ``run_child`` is
``subprocess.run`` for every test's commands, always under a time limit.

A CI run stopped with SIGKILL left its kiosks running (``finally`` never ran) beside the next run's; a kiosk stuck
in a device open also ignored SIGTERM, so ``terminate()`` then ``communicate(timeout=60)`` raised and left it.
"""

from __future__ import annotations

import contextlib
import os
import signal
import subprocess
import sys
from collections.abc import Iterator, Sequence
from typing import Any

import pytest

STOP_SECONDS = 60.0
"""Longest a child may take to stop after SIGTERM on a loaded machine before it is killed (not a timing under test)."""
RUN_SECONDS = 300.0
"""Longest a test's command may run when the test names no limit: generous, so a loaded machine is no failure;
without one a single stuck child held CI for its whole budget."""

LAUNCH = """import ctypes, os, runpy, signal, sys
ctypes.CDLL(None).prctl(1, signal.SIGKILL)  # PR_SET_PDEATHSIG: killed with the test, even by kill -9
if os.getppid() != int(sys.argv[1]):
    os._exit(1)  # the test died before the line above
sys.argv = sys.argv[2:]
runpy.run_module(sys.argv[0], run_name="__main__", alter_sys=True)
"""
"""Runs ``python -m MODULE ARGS`` as a child that dies with the process that started it (Linux)."""


def module_command(module: str, *args: str) -> list[str]:
    """``python -m module args``, dying with this process; plain ``python -m`` where prctl is missing."""
    if not sys.platform.startswith("linux"):
        return [sys.executable, "-m", module, *args]
    return [sys.executable, "-c", LAUNCH, str(os.getpid()), module, *args]


@contextlib.contextmanager
def child(command: Sequence[str], **popen: Any) -> Iterator[subprocess.Popen[str]]:
    """``command`` started in a process group of its own; on the way out SIGTERM to it (as systemd stops a
    service), then SIGKILL to the whole group (its speech worker too) if anything is left."""
    proc: subprocess.Popen[str] = subprocess.Popen(list(command), start_new_session=True, text=True, **popen)
    try:
        yield proc
    finally:
        stop(proc)


def stop(proc: subprocess.Popen[str]) -> None:
    """SIGTERM, a wait, then SIGKILL to the group; the pipes are drained so nothing blocks on them."""
    if proc.poll() is None:
        proc.terminate()
        with contextlib.suppress(subprocess.TimeoutExpired):
            proc.communicate(timeout=STOP_SECONDS)
    with contextlib.suppress(ProcessLookupError, PermissionError):
        os.killpg(proc.pid, signal.SIGKILL)  # what is left of the group: a stuck child, or a worker it left
    with contextlib.suppress(subprocess.TimeoutExpired, ValueError):
        proc.communicate(timeout=STOP_SECONDS)


def run_child(command: Sequence[str], *, timeout: float = RUN_SECONDS, input: str | bytes | None = None,
              capture_output: bool = False, check: bool = False, **popen: Any) -> subprocess.CompletedProcess[Any]:
    """``subprocess.run`` under a time limit, in a process group of its own: past ``timeout`` the whole group is
    killed (a speech worker it started too, which ``subprocess.run`` left running, holding the pipes open) and the
    test fails naming the command. Ctrl-C kills the group as well."""
    if capture_output:
        popen.update(stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    if input is not None:
        popen["stdin"] = subprocess.PIPE
    args = list(command)
    with subprocess.Popen(args, start_new_session=True, **popen) as proc:
        try:
            stdout, stderr = proc.communicate(input, timeout=timeout)
        except subprocess.TimeoutExpired:
            _kill_group(proc)
            pytest.fail(f"still running after {timeout:g} s, killed with its process group: "
                        f"{' '.join(map(str, args))}", pytrace=False)
        except BaseException:
            _kill_group(proc)
            raise
    done: subprocess.CompletedProcess[Any] = subprocess.CompletedProcess(args, proc.returncode, stdout, stderr)
    if check:
        done.check_returncode()
    return done


def _kill_group(proc: subprocess.Popen[Any]) -> None:
    with contextlib.suppress(ProcessLookupError, PermissionError):
        os.killpg(proc.pid, signal.SIGKILL)
    proc.wait()
