"""``spoken`` is what was said aloud, in the kiosk and live listening too (outside review 16 F8).

The replay (``listen --input-files``) held a recording's turns until its reply was played; the kiosk loop and live
listening printed each turn as soon as its reply was queued, with every sentence in ``spoken`` even when the
synthesiser had crashed. Here the real kiosk loop hears a real recording through PocketSphinx, and speaks through
the real espeak-ng worker: once made to crash on every message (``FaultySynthesizer`` behind the real interface),
once healthy, on a sound card that plays in real time."""

from __future__ import annotations

import functools
import threading

from tests.conftest import AUDIO
from voicecare.app.kiosk_cli import run_kiosk
from voicecare.conversation.voice import TurnReport, VoiceSession, VoiceSettings
from voicecare.interfaces import Microphone, Recognizer
from voicecare.speech_out.tts import Pyttsx3Synthesizer, Speaker
from voicecare.speech_out.tts_process import WorkerSynthesizer
from voicecare.testing import FakeOutputDevice, FileMicrophone, fault_worker_command
from voicecare.understanding.assistant import Assistant

EMERGENCY = AUDIO / "clean" / "em_not_breathing.wav"


def _kiosk(assistant: Assistant, recognizer: Recognizer, speaker: Speaker,
           show: list[tuple[TurnReport, bool]]) -> None:
    """The kiosk loop over one recording; each report shown with whether the speaker was idle then."""
    session = VoiceSession(assistant, recognizer, speaker, VoiceSettings(wake_phrase=None),
                           lambda report: show.append((report, speaker.wait_idle(0.0))))
    stop = threading.Event()
    mics = [FileMicrophone([EMERGENCY], speed=0)]

    def make_mic() -> Microphone:
        if not mics:
            stop.set()
            raise OSError("test over")
        return mics.pop(0)

    run_kiosk(session, speaker, make_mic, stop, sleep=lambda s: None, on_fault=lambda m: None)
    speaker.close()


def test_a_crashing_synthesiser_leaves_spoken_empty_and_says_why(assistant: Assistant, sphinx: Recognizer) -> None:
    crashing = functools.partial(WorkerSynthesizer, fault_worker_command("segfault", 0))
    shown: list[tuple[TurnReport, bool]] = []
    _kiosk(assistant, sphinx, Speaker(crashing, FakeOutputDevice(speed=200)), shown)
    turns = [report for report, _ in shown if report.said]
    assert any("Call 911 now." in report.said for report in turns), shown
    for report in turns:
        assert report.spoken == () and report.speech_error, report  # nothing was said aloud, and why


def test_a_turn_is_reported_only_once_its_reply_was_said(assistant: Assistant, sphinx: Recognizer) -> None:
    device = FakeOutputDevice(speed=1.0)  # real time: the 911 reply takes seconds to play
    shown: list[tuple[TurnReport, bool]] = []
    _kiosk(assistant, sphinx, Speaker(Pyttsx3Synthesizer, device), shown)
    turns = [(report, idle) for report, idle in shown if report.said]
    assert any("Call 911 now." in report.said for report, _ in turns), shown
    for report, idle in turns:
        assert idle, f"reported while its reply was still being said: {report.spoken}"
        assert report.spoken and not report.speech_error, report
