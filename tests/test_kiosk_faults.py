"""An emergency said just before a fault is never lost (issue #10): the microphone going at any block around the
emergency's words, and the synthesiser crashing on the reply. Real recordings, the real recogniser and the real
espeak-ng worker (made to crash by ``testing_faults``); only the sound devices are fakes.
"""

from __future__ import annotations

from pathlib import Path

from tests.conftest import AUDIO
from tests.test_voice import drive, fast, kiosk_session
from voicecare.interfaces import Recognizer
from voicecare.speech_in import pipeline
from voicecare.speech_in.audio import BLOCK_SECONDS, iter_wav
from voicecare.speech_out.tts import Speaker
from voicecare.speech_out.tts_process import WorkerSynthesizer
from voicecare.testing import FakeOutputDevice, fault_worker_command
from voicecare.understanding.assistant import Assistant

EMERGENCY = AUDIO / "clean" / "em_blue.wav"
"""'His lips are turning blue' (a clean recording of the bench)."""
BEFORE_SHOWN = 6
"""Blocks before the one whose partial first shows the emergency at which the microphone is made to go."""


def heard_by(assistant: Assistant, sphinx: Recognizer, path: Path, blocks: int) -> bool:
    """True when the first ``blocks`` of ``path``, read to their end, hold an emergency (what was said by then)."""
    chunks = list(iter_wav(path, sphinx.rate))[:blocks]
    heard = pipeline.recognize(iter(chunks), sphinx, assistant, lambda messages: None)
    return bool(pipeline.emergencies(assistant, heard.transcript.text)) or heard.emergency_at is not None


def test_an_emergency_said_before_the_microphone_goes_is_kept_at_every_block(
        assistant: Assistant, sphinx: Recognizer) -> None:
    # The existing tests cut the microphone once a partial had shown the emergency; here it goes at every block
    # from BEFORE_SHOWN blocks before that: whenever the words heard up to the fault hold the emergency (the same
    # audio read to its end), the kiosk says "Call 911 now." and reports it, never drops the fragment as no turn.
    reports: list = []
    session, speaker = kiosk_session(assistant, sphinx, reports)
    drive(session, speaker, [fast([EMERGENCY])])
    acted = reports[0].emergency_at
    assert acted is not None
    shown = round(acted / BLOCK_SECONDS) - 1
    kept = []
    for blocks in range(shown - BEFORE_SHOWN, shown + 1):
        said = heard_by(assistant, sphinx, EMERGENCY, blocks)
        reports.clear()
        session, speaker = kiosk_session(assistant, sphinx, reports)
        faults = drive(session, speaker, [fast([EMERGENCY], vanish_after=blocks)])
        assert faults[0].startswith("the microphone stopped sending audio"), faults
        if said:
            (report,) = reports
            assert report.disposition == "emergency" and report.said[0] == "Call 911 now.", (blocks, report)
            assert "Call 911 now." in [e.text for e in speaker.events], blocks
            kept.append(blocks)
    # Not vacuous: the words were whole before any partial showed them at least once.
    assert kept and min(kept) < shown, kept


def test_an_emergency_is_said_when_the_synthesiser_crashes_on_the_reply(
        assistant: Assistant, sphinx: Recognizer, tmp_path: Path) -> None:
    # The espeak-ng worker makes "Call 911 now." at start, then dies (a native crash) on the next message: the
    # emergency's own instruction is still heard first and in full, the turn is reported, and speech comes back
    # (the worker is started again) for the rest.
    synth = WorkerSynthesizer(fault_worker_command("segfault", 1))
    speaker = Speaker(lambda: synth, FakeOutputDevice(speed=200), ready_texts=("Call 911 now.",))
    assert speaker.wait_ready(60)
    reports: list = []
    session, _ = kiosk_session(assistant, sphinx, reports)
    session.speaker = speaker
    drive(session, speaker, [fast([EMERGENCY])])
    (report,) = reports
    assert report.disposition == "emergency" and report.said[0] == "Call 911 now.", report
    events = list(speaker.events)
    assert events and (events[0].text, events[0].interrupted) == ("Call 911 now.", False), events
    assert speaker.failed is not None, "the crash was not seen"
