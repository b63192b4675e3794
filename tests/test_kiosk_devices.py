"""The kiosk and a microphone plugged in after it started (review 10, E1, K5)."""

from __future__ import annotations

import threading
from pathlib import Path

from tests.conftest import AUDIO
from voicecare.app.kiosk_cli import rescanning_microphones, run_kiosk
from voicecare.app.sound_open import microphone_open
from voicecare.conversation.voice import TurnReport, VoiceSession, VoiceSettings
from voicecare.interfaces import Microphone, Recognizer
from voicecare.speech_out.tts import Pyttsx3Synthesizer, Speaker
from voicecare.testing import FakeOutputDevice, FileMicrophone, LateDevices, silence_wav
from voicecare.understanding.assistant import Assistant

TRIES = 6


def run(assistant: Assistant, sphinx: Recognizer, devices: LateDevices, plug_after: int,
        ) -> tuple[list[TurnReport], list[str]]:
    """The kiosk loop with the microphone plugged in after ``plug_after`` failed tries; what it heard and said."""
    reports: list[TurnReport] = []
    events: list[str] = []
    speaker = Speaker(Pyttsx3Synthesizer, FakeOutputDevice(speed=200))
    session = VoiceSession(assistant, sphinx, speaker, VoiceSettings(wake_phrase=None), reports.append)
    stop = threading.Event()
    make_mic = rescanning_microphones(devices.open, speaker, devices.rescan)
    tries = 0

    def counted() -> Microphone:
        nonlocal tries
        tries += 1
        if tries > TRIES:
            stop.set()
            raise OSError("test over")
        return make_mic()

    def sleep(seconds: float) -> None:
        if tries >= plug_after:
            devices.plug_in()

    run_kiosk(session, speaker, counted, stop, sleep=sleep, on_fault=lambda m: events.append("fault: " + m),
              on_ready=lambda: events.append("ready"))
    speaker.close()
    return reports, events


def test_a_microphone_plugged_in_after_start_is_found(assistant: Assistant, sphinx: Recognizer,
                                                      tmp_path: Path) -> None:
    devices = LateDevices([AUDIO / "clean" / "em_blue.wav", silence_wav(tmp_path / "quiet.wav", 3.0)])
    reports, events = run(assistant, sphinx, devices, plug_after=2)
    assert devices.rescans >= 2  # the list was read again on each retry
    assert any(r.disposition == "emergency" and r.said[0] == "Call 911 now." for r in reports), events


def test_ready_is_said_once_and_only_when_the_microphone_is_open(assistant: Assistant, sphinx: Recognizer) -> None:
    devices = LateDevices([AUDIO / "clean" / "em_blue.wav"])
    _, events = run(assistant, sphinx, devices, plug_after=2)
    assert events.count("ready") == 1
    first_ready = events.index("ready")
    assert all(e.startswith("fault: no input device") for e in events[:first_ready]) and first_ready >= 2, events


def test_a_microphone_whose_open_hangs_is_said_and_opened_afresh_once_it_answers(assistant: Assistant,
                                                                                sphinx: Recognizer,
                                                                                tmp_path: Path) -> None:
    # An open that never returned held the kiosk loop for ever: no line, no retry, no watchdog ping. Under the
    # time limit (1 s here, to force it) it is a fault said with its retry; the open that answers late is closed,
    # and a fresh one is used: its queue would hold audio from before (what was said while nobody listened).
    answered = threading.Event()
    files = [AUDIO / "clean" / "em_blue.wav", silence_wav(tmp_path / "quiet.wav", 3.0)]
    made: list[FileMicrophone] = []

    def open_mic() -> Microphone:
        if not made:
            answered.wait(60)  # the first open hangs until the device answers
        made.append(FileMicrophone(files, speed=0))
        return made[-1]

    reports: list[TurnReport] = []
    events: list[str] = []
    speaker = Speaker(Pyttsx3Synthesizer, FakeOutputDevice(speed=200))
    session = VoiceSession(assistant, sphinx, speaker, VoiceSettings(wake_phrase=None), reports.append)
    stop = threading.Event()
    make_mic = rescanning_microphones(open_mic, speaker, lambda: None, microphone_open(seconds=1.0))

    def tried() -> Microphone:
        if len(events) > 4:
            stop.set()
            raise OSError("test over")
        return make_mic()

    run_kiosk(session, speaker, tried, stop, sleep=lambda seconds: answered.set(),
              on_fault=lambda m: events.append("fault: " + m), on_ready=lambda: events.append("ready"))
    speaker.close()
    assert events[0] == ("fault: the microphone did not answer within 1 s (a sound device that hangs, or a sound "
                         "server that does not reply); retrying in 1 s"), events
    assert events[1] == "ready" and len(made) >= 2 and made[0]._closed, events  # the late one closed, unused
    assert any(r.disposition == "emergency" and r.said[0] == "Call 911 now." for r in reports), events
