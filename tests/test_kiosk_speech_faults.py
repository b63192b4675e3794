"""A broken synthesiser (outside review 17 F11): one line of our own per fault, never espeak-ng's raw lines; a kiosk
that cannot speak says what really happens; a worker lost between messages is logged with its replacement.

Real espeak-ng throughout: broken by pointing it at an empty data folder, or its worker killed with SIGSEGV; only
the sound card is a fake.
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

from voicecare.app.events import EventLog
from voicecare.domain import Level, Message, MessageKind
from voicecare.speech_out.tts import Pyttsx3Synthesizer, Speaker
from voicecare.testing import FakeOutputDevice

DEATH_WAIT_SECONDS = 10.0
"""Longest a killed worker may take to be reaped on a loaded machine (not a timing under test)."""


def voicecare(*args: str, data: Path) -> subprocess.CompletedProcess[str]:
    """voicecare with espeak-ng pointed at ``data``, an empty folder: it cannot read its phoneme tables."""
    return subprocess.run([sys.executable, "-m", "voicecare", *args], capture_output=True, text=True, timeout=300,
                          check=False, env={**os.environ, "ESPEAK_DATA_PATH": str(data),
                                            "XDG_CACHE_HOME": str(data / "cache")})


def test_espeak_ngs_own_error_lines_stay_out_of_stderr(tmp_path: Path) -> None:
    # stderr had "Error processing file '.../phontab': No such file or directory." twice beside our line.
    out = voicecare("triage", "--text", "she can't breathe", "--say-to", str(tmp_path / "x.wav"), data=tmp_path)
    assert out.returncode == 1 and "Call 911 now." in out.stdout
    (line,) = out.stderr.splitlines()
    assert line.startswith("voicecare: cannot speak, replies are printed only: espeak-ng cannot start: "), line
    assert f"Error processing file '{tmp_path}/phontab'" in line  # espeak-ng's reason, inside our one line


def test_a_kiosk_that_cannot_speak_says_it_stops_not_that_it_restarts(tmp_path: Path) -> None:
    out = voicecare("kiosk", "--engine", "sphinx", "--wake-phrase", "none", data=tmp_path)
    last = out.stderr.splitlines()[-1]
    assert out.returncode == 2, out.stderr  # not the config's status: systemd starts it again
    assert last.startswith("voicecare: error: the kiosk cannot speak (espeak-ng cannot start: "), last
    assert "so it stops (as a service it is started again 10 s later)" in last and "restarting" not in last
    assert "Error processing file" not in out.stderr.replace(last, "")  # no raw espeak-ng line before it
    doctor = voicecare("doctor", data=tmp_path)
    assert "Error processing file" not in doctor.stderr, doctor.stderr


def say(speaker: Speaker, text: str) -> None:
    speaker.say([Message(Level.HOME_CARE, MessageKind.ADVICE, text)])
    assert speaker.wait_idle(60)


def kill_worker(synth: Pyttsx3Synthesizer) -> int:
    """SIGSEGV to the live worker, as a native crash would end it while idle; its pid."""
    pid = synth.pid
    assert pid is not None
    os.kill(pid, signal.SIGSEGV)
    deadline = time.monotonic() + DEATH_WAIT_SECONDS
    while synth.pid == pid and time.monotonic() < deadline:
        time.sleep(0.05)
    assert synth.pid is None, "the worker did not die"
    return pid


def test_a_worker_lost_between_messages_is_logged_with_its_replacement(tmp_path: Path) -> None:
    # Killed twice during a session it was replaced silently: no stderr line, no event-log line; a kiosk whose
    # synthesiser kept crashing left no trace in its journal.
    made: list[Pyttsx3Synthesizer] = []

    def make() -> Pyttsx3Synthesizer:
        made.append(Pyttsx3Synthesizer())
        return made[-1]

    log = EventLog(tmp_path / "events.jsonl")
    said: list[str] = []
    device = FakeOutputDevice(speed=200)
    with Speaker(make, device, ready_texts=("Call 911 now.",)) as speaker:
        assert speaker.wait_ready(60) and speaker.can_speak()

        def fault(message: str) -> None:  # as the kiosk's: set once it can speak, to stderr and the event log
            said.append(message)
            log.fault(message)

        speaker.on_error = fault
        say(speaker, "Rub the sore muscles gently.")
        assert said == []
        for count, text in enumerate(("Stop if it hurts too much.", "Normal play is fine."), start=1):
            old = kill_worker(made[0])
            say(speaker, text)
            assert len(said) == count, said
            assert said[-1] == (f"the speech engine crashed (signal {signal.SIGSEGV}) between messages; "
                                f"started a new one (pid {made[0].pid})"), said
            assert made[0].pid not in (None, old)
            assert speaker.events[-1].text == text and not speaker.failed  # the message itself was heard
    logged = [line for line in (tmp_path / "events.jsonl").read_text().splitlines() if '"fault"' in line]
    assert len(logged) == 2 and all("started a new one" in line for line in logged)
