"""A speaker whose open never returns (a sound device stuck in its driver, a sound server that accepts and never
replies): the speaker's thread waited on it for ever, every reply after it unsaid, no line saying why. Now the open
runs under the sound system's time limit: one line, the reply printed as in any speech failure, and the next reply
tries again; an open that answers late is closed and a fresh one used.

Real espeak-ng and the real PortAudio sink; only the sounddevice module under it is a fake, whose first output
stream does not open until the test lets it.
"""

from __future__ import annotations

import threading
import time
from typing import Any

import pytest

from voicecare.app.sound_open import speaker_open
from voicecare.domain import Level, Message, MessageKind
from voicecare.speech_out.sinks import SoundDeviceSink
from voicecare.speech_out.tts import Pyttsx3Synthesizer, Speaker

WAIT_SECONDS = 120.0
"""Longest the speaker may take to say or fail a message on a loaded machine (not a timing under test)."""
EMERGENCY = Message(Level.EMERGENCY, MessageKind.EMERGENCY, "Call 911 now.")


class FakeStream:
    def __init__(self) -> None:
        self.written = 0
        self.closed = False

    def start(self) -> None:
        """Started."""

    def write(self, pcm: bytes) -> None:
        self.written += len(pcm)

    def stop(self) -> None:
        """Stopped."""

    def abort(self) -> None:
        """Aborted."""

    def close(self) -> None:
        self.closed = True


class HangingSoundDevice:
    """sounddevice's face the speaker's sink uses: its first output stream opens only once ``answer`` is set."""

    def __init__(self) -> None:
        self.answer = threading.Event()
        self.streams: list[FakeStream] = []

    def RawOutputStream(self, **options: Any) -> FakeStream:  # sounddevice's own name
        if not self.streams:
            self.answer.wait(WAIT_SECONDS)
        self.streams.append(FakeStream())
        return self.streams[-1]


def waited(condition: Any) -> bool:
    deadline = time.monotonic() + WAIT_SECONDS
    while not condition() and time.monotonic() < deadline:
        time.sleep(0.05)
    return bool(condition())


def test_a_speaker_whose_open_hangs_says_so_and_speaks_once_it_answers(monkeypatch: pytest.MonkeyPatch) -> None:
    from voicecare.speech_in import devices

    device = HangingSoundDevice()
    monkeypatch.setattr(devices, "import_sounddevice", lambda: device)
    said: list[str] = []
    # As make_sink builds it, with the limit at 1 s to force it.
    speaker = Speaker(Pyttsx3Synthesizer, SoundDeviceSink(None, opener=speaker_open(seconds=1.0)),
                      ready_texts=(EMERGENCY.text,), on_error=said.append)
    try:
        assert speaker.wait_ready(WAIT_SECONDS)
        speaker.say([EMERGENCY])
        assert waited(lambda: said), "no line for a speaker that never opened"
        assert said[0] == ("cannot speak, replies are printed only: SoundHangs: the speaker did not answer within "
                           "1 s (a sound device that hangs, or a sound server that does not reply)"), said
        assert speaker.take_lost() == [EMERGENCY.text]  # printed by the caller as unsaid, as any speech failure
        device.answer.set()  # the device answers: the next reply is heard
        speaker.say([EMERGENCY])
        assert waited(lambda: len(device.streams) >= 2 and device.streams[-1].written > 0), device.streams
        assert device.streams[0].closed and device.streams[0].written == 0  # the late one closed, unused
        assert waited(lambda: "speaking again" in said), said
    finally:
        device.answer.set()
        speaker.close()
