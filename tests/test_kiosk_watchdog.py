"""The kiosk's systemd watchdog: READY and WATCHDOG pings on a real datagram socket (review 10, K4)."""

from __future__ import annotations

import socket
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.conftest import AUDIO
from voicecare.app.kiosk_cli import run_kiosk
from voicecare.app.notify import Notifier
from voicecare.conversation.voice import TurnReport, VoiceSession, VoiceSettings
from voicecare.interfaces import Microphone, Recognizer
from voicecare.speech_out.tts import Pyttsx3Synthesizer, Speaker
from voicecare.testing import FakeOutputDevice, FileMicrophone
from voicecare.understanding.assistant import Assistant

UNIT = Path(__file__).parent.parent / "deploy" / "voicecare-kiosk.service"


@pytest.fixture
def systemd(tmp_path: Path) -> Iterator[socket.socket]:
    """What systemd listens on: a datagram socket named in $NOTIFY_SOCKET."""
    with socket.socket(socket.AF_UNIX, socket.SOCK_DGRAM) as sock:
        sock.bind(str(tmp_path / "notify"))
        sock.settimeout(0)
        yield sock


def received(sock: socket.socket) -> list[str]:
    got = []
    while True:
        try:
            got.append(sock.recv(256).decode())
        except BlockingIOError:
            return got


def test_the_kiosk_loop_pings_while_it_takes_audio(assistant: Assistant, sphinx: Recognizer, tmp_path: Path,
                                                   systemd: socket.socket) -> None:
    notifier = Notifier(str(tmp_path / "notify"), ping_seconds=0.0)
    reports: list[TurnReport] = []
    speaker = Speaker(Pyttsx3Synthesizer, FakeOutputDevice(speed=200))
    session = VoiceSession(assistant, sphinx, speaker, VoiceSettings(wake_phrase=None), reports.append)
    stop = threading.Event()
    mics = [FileMicrophone([AUDIO / "clean" / "hc_sore.wav"], speed=0)]

    def make_mic() -> Microphone:
        if not mics:
            stop.set()
            raise OSError("test over")
        return mics.pop(0)

    notifier.ready()
    run_kiosk(session, speaker, make_mic, stop, sleep=lambda s: None, on_fault=lambda m: None, alive=notifier.alive)
    speaker.close()
    got = received(systemd)
    assert got[0] == "READY=1"
    assert got.count("WATCHDOG=1") >= 5  # a ping per block of audio (unthrottled here; the queue keeps ~10)


def test_pings_are_throttled_and_nothing_is_sent_outside_systemd(tmp_path: Path, systemd: socket.socket) -> None:
    now = [0.0]
    notifier = Notifier("@" + str(tmp_path / "abstract"), ping_seconds=5.0, clock=lambda: now[0])
    notifier.alive()  # an abstract address nobody listens on: ignored, never raised
    notifier = Notifier(str(tmp_path / "notify"), ping_seconds=5.0, clock=lambda: now[0])
    for now[0] in (0.0, 1.0, 4.9, 5.0, 6.0, 10.5):
        notifier.alive()
    assert received(systemd) == ["WATCHDOG=1"] * 3
    Notifier(None).alive()  # $NOTIFY_SOCKET unset: nothing to do


def test_the_unit_waits_for_ready_and_has_a_watchdog() -> None:
    unit = UNIT.read_text(encoding="utf-8").splitlines()
    assert "Type=notify" in unit and "NotifyAccess=main" in unit and "Restart=on-failure" in unit
    watchdog = next(int(line.split("=")[1]) for line in unit if line.startswith("WatchdogSec="))
    assert watchdog > 30  # above the longest back-off between pings (30 s)
