"""A sound system that never answers (the CI failure "no 'kiosk ready' within 300 s"): the kiosk says so in its
own line, keeps trying, and starts once the device answers; SIGTERM still stops it.

The real kiosk, real PortAudio and ALSA: its microphone is ALSA's ``file`` plugin reading a named pipe, whose open
blocks until something writes to it, as a device stuck in its driver or a sound server that never replies does.
PortAudio opens every device as it starts, so nothing answers until the test opens the pipe's other end.
"""

from __future__ import annotations

import contextlib
import os
import subprocess
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest

from children import child, module_command, run_child
from tests.test_kiosk_speech_faults import START_WAIT_SECONDS, lines_until
from voicecare.app.sound_open import OPEN_SECONDS

HANGING_CARD = """pcm.!default {{ type asym playback.pcm "nullout" capture.pcm "piped" }}
pcm.nullout {{ type null }}
pcm.piped {{ type file slave.pcm "nullin" file "/dev/null" infile "{pipe}" format "raw" }}
pcm.nullin {{ type null }}
"""
"""ALSA's null speaker, and a microphone whose audio comes from ``pipe``: opening it waits for a writer."""
ANSWER_WAIT_SECONDS = 120.0
"""Longest the kiosk may take to start once the device answers (a retry is at most 30 s away; not a timing under test)."""


@pytest.fixture()
def pipe(tmp_path: Path) -> Iterator[Path]:
    path = tmp_path / "microphone.fifo"
    os.mkfifo(path)
    yield path


def feed(pipe: Path, stop: threading.Event) -> threading.Thread:
    """The microphone answering: the pipe held open for reading and writing (its opens no longer wait), silence
    written into it until ``stop``."""
    fd = os.open(pipe, os.O_RDWR | os.O_NONBLOCK)
    block = bytes(3200)

    def write() -> None:
        try:
            while not stop.wait(0.01):
                with contextlib.suppress(BlockingIOError):  # full: the kiosk reads it at its own pace
                    os.write(fd, block)
        finally:
            os.close(fd)

    thread = threading.Thread(target=write, daemon=True)
    thread.start()
    return thread


def test_a_kiosk_whose_sound_system_hangs_says_so_retries_and_starts_once_it_answers(tmp_path: Path,
                                                                                      pipe: Path) -> None:
    # It hung in PortAudio's start for ever, silently: no "kiosk ready", no line in the journal (sounddevice points
    # descriptor 2 at /dev/null while PortAudio starts, so even a line from another thread was lost), and SIGTERM
    # was never acted on, so the stopped test left it running beside the next CI run.
    home = tmp_path / "home"
    home.mkdir()
    (home / ".asoundrc").write_text(HANGING_CARD.format(pipe=pipe))
    env = {**os.environ, "HOME": str(home), "XDG_CACHE_HOME": str(tmp_path / "cache")}
    command = module_command("voicecare", "kiosk", "--engine", "sphinx", "--wake-phrase", "none")
    stop = threading.Event()
    with child(command, stderr=subprocess.PIPE, env=env) as kiosk:
        assert kiosk.stderr is not None
        waited = lines_until(kiosk.stderr, "did not answer", START_WAIT_SECONDS + OPEN_SECONDS)
        assert waited[-1].startswith("voicecare: the sound system") and f"within {OPEN_SECONDS:g} s" in waited[-1]
        assert not any("kiosk ready" in line for line in waited), waited
        lines_until(kiosk.stderr, "did not answer", 2 * OPEN_SECONDS)  # still trying, and saying so
        writer = feed(pipe, stop)
        try:
            ready = lines_until(kiosk.stderr, "kiosk ready", ANSWER_WAIT_SECONDS)
            assert kiosk.poll() is None and not any("Traceback" in line for line in ready), ready
        finally:
            stop.set()
            writer.join(10)
    assert kiosk.returncode == -15  # SIGTERM stopped it: nothing of it was left to kill


def test_a_kiosk_stuck_in_its_sound_system_still_stops_on_sigterm(tmp_path: Path, pipe: Path) -> None:
    # systemctl stop (SIGTERM) waited out its timeout, then SIGKILL: the handler never ran while the main thread
    # was inside PortAudio's start.
    home = tmp_path / "home"
    home.mkdir()
    (home / ".asoundrc").write_text(HANGING_CARD.format(pipe=pipe))
    env = {**os.environ, "HOME": str(home), "XDG_CACHE_HOME": str(tmp_path / "cache")}
    command = module_command("voicecare", "kiosk", "--engine", "sphinx", "--wake-phrase", "none")
    with child(command, stderr=subprocess.PIPE, env=env) as kiosk:
        assert kiosk.stderr is not None
        lines_until(kiosk.stderr, "did not answer", START_WAIT_SECONDS + OPEN_SECONDS)
        kiosk.terminate()
        kiosk.wait(60)
    assert kiosk.returncode == -15


def test_doctor_says_a_sound_system_that_hangs_and_ends(tmp_path: Path, pipe: Path) -> None:
    # doctor's PortAudio check hung the same way, printing nothing at all.
    home = tmp_path / "home"
    home.mkdir()
    (home / ".asoundrc").write_text(HANGING_CARD.format(pipe=pipe))
    env = {**os.environ, "HOME": str(home), "XDG_CACHE_HOME": str(tmp_path / "cache")}
    doctor = run_child(module_command("voicecare", "doctor"), capture_output=True, text=True, env=env, check=False,
                       timeout=START_WAIT_SECONDS + OPEN_SECONDS)
    lines = doctor.stdout.splitlines()
    assert doctor.returncode == 1 and doctor.stderr == "", doctor.stderr
    assert lines[0].startswith("FAIL  PortAudio") and f"did not answer within {OPEN_SECONDS:g} s" in lines[0], lines
    assert [line.split()[:2] for line in lines[2:4]] == [["FAIL", "microphone"], ["FAIL", "speaker"]], lines
    assert all("not checked: PortAudio does not answer" in line for line in lines[2:4]), lines


@pytest.mark.parametrize("quiet", [("--quiet",), ()])
def test_listen_on_a_sound_device_that_never_answers_says_so_and_ends(tmp_path: Path, pipe: Path,
                                                                      quiet: tuple[str, ...]) -> None:
    # listen made its microphone with no time limit: on this card it waited for ever, printing nothing. Now it
    # waits as the kiosk does, then one line and exit 2 (whoever runs listen is there to read it; the kiosk retries).
    home = tmp_path / "home"
    home.mkdir()
    (home / ".asoundrc").write_text(HANGING_CARD.format(pipe=pipe))
    env = {**os.environ, "HOME": str(home), "XDG_CACHE_HOME": str(tmp_path / "cache")}
    out = run_child(module_command("voicecare", "listen", "--engine", "sphinx", *quiet), capture_output=True,
                    text=True, env=env, timeout=START_WAIT_SECONDS + OPEN_SECONDS)
    assert out.returncode == 2 and out.stdout == "", out.stderr
    assert out.stderr.splitlines()[-1] == ("voicecare: error: the sound system (PortAudio opening each device as it "
                                           f"starts) did not answer within {OPEN_SECONDS:g} s (a sound device that "
                                           "hangs, or a sound server that does not reply)")
    assert "Traceback" not in out.stderr
