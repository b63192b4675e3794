"""The recorded "Call 911 now.": said aloud through the same output when no synthesiser can make it.

Real parts: the shipped WAV (made by scripts/make_recorded.py from espeak-ng), the real speaker thread and its
sink; the synthesisers are fakes that never start or always fail, and a real espeak-ng worker that dies before it
is ready (testing_faults "dead"), as on a kiosk whose engine never worked.
"""

from __future__ import annotations

import contextlib
import functools
import io
import sys
import wave
from pathlib import Path

import numpy as np
import pytest

from children import run_child
from voicecare.app.cli import main
from voicecare.domain import Level, Message, MessageKind
from voicecare.errors import SpeechError
from voicecare.intents import load
from voicecare.interfaces import Clip, Synthesizer
from voicecare.speech_out.recorded import RECORDED_DIR, recorded_clips
from voicecare.speech_out.tts import Speaker
from voicecare.speech_out.tts_process import WorkerSynthesizer
from voicecare.testing import FakeOutputDevice, fault_worker_command

ROOT = Path(__file__).resolve().parent.parent
EMERGENCY = load().messages["emergency"]


class AlwaysFails:
    """A synthesiser that starts and then fails every request (espeak-ng's data gone after an update)."""

    def __init__(self) -> None:
        self.calls = 0

    def synth(self, text: str, rate_wpm: int) -> Clip:
        self.calls += 1
        raise SpeechError("espeak-ng: no voice data")


def never_starts() -> Synthesizer:
    raise SpeechError("espeak-ng is not installed")


def emergency() -> Message:
    return Message(Level.EMERGENCY, MessageKind.EMERGENCY, EMERGENCY)


def recording() -> Clip:
    return recorded_clips([EMERGENCY])[EMERGENCY]


def test_the_shipped_recording_says_the_emergency_message_and_is_small() -> None:
    # A reworded message with no new recording would leave a dead kiosk silent again: this fails until it is made.
    clip = recording()
    samples = np.frombuffer(clip.pcm, dtype="<i2")
    assert 0.5 < len(samples) / clip.rate < 3.0
    assert np.abs(samples).max() > 3000  # speech, not silence
    assert sum(p.stat().st_size for p in RECORDED_DIR.iterdir()) < 150_000
    check = run_child([sys.executable, str(ROOT / "scripts" / "make_recorded.py"), "--check"],
                      capture_output=True, text=True, timeout=120)
    assert check.returncode == 0, check.stderr


@pytest.mark.parametrize("make_synth", [never_starts, AlwaysFails], ids=["never starts", "always fails"])
def test_an_engine_that_never_worked_still_says_call_911_now(make_synth: object) -> None:
    told: list[str] = []
    device = FakeOutputDevice(speed=50)
    speaker = Speaker(make_synth, device, ready_texts=(EMERGENCY,),  # type: ignore[arg-type]
                      recorded=recorded_clips([EMERGENCY]), on_error=told.append)
    assert speaker.wait_ready(30)
    assert not speaker.can_speak()  # the engine is still down: a kiosk says so and keeps retrying it
    speaker.say([Message(Level.HOME_CARE, MessageKind("home_care"), "Rest and a warm bath.")])
    assert speaker.wait_idle(30)  # tried (and lost) before the emergency, which would drop it from the queue
    speaker.say([emergency(), Message(Level.EMERGENCY, MessageKind("emergency"), "Stay with your child.")])
    assert speaker.wait_idle(30)
    speaker.close()
    words = recording().pcm
    assert device.audio().startswith(words)  # the recording, whole, through the same sink
    assert len(device.audio()) < 2 * len(words)  # and nothing else: the synthesised messages were not made
    assert [e.text for e in speaker.events] == [EMERGENCY]
    assert speaker.take_lost() == ["Rest and a warm bath.", "Stay with your child."]  # said lost, the 911 was not
    assert len(told) == 1 and told[0].startswith("cannot speak")  # the failure is still reported, once


def test_without_a_recording_nothing_is_played_as_before() -> None:
    device = FakeOutputDevice(speed=50)
    speaker = Speaker(never_starts, device, ready_texts=(EMERGENCY,))
    speaker.say([emergency()])
    assert speaker.wait_idle(30)
    speaker.close()
    assert device.blocks == [] and speaker.take_lost() == [EMERGENCY]


def test_a_working_engine_speaks_in_its_own_voice_not_the_recording() -> None:
    device = FakeOutputDevice(speed=50)
    own = Clip(pcm=np.full(4410, 1000, dtype="<i2").tobytes(), rate=22050, text=EMERGENCY)

    class Works:
        def synth(self, text: str, rate_wpm: int) -> Clip:
            return own

    speaker = Speaker(Works, device, ready_texts=(EMERGENCY,), recorded=recorded_clips([EMERGENCY]))
    speaker.say([emergency()])
    assert speaker.wait_idle(30)
    speaker.close()
    assert device.audio().startswith(own.pcm) and not device.audio().startswith(recording().pcm[:64])


def test_the_command_line_says_the_recording_when_the_worker_dies_before_it_is_ready(tmp_path: Path) -> None:
    # The real espeak-ng worker, crashing before it is ready: the reply file holds the recorded "Call 911 now."
    reply = tmp_path / "reply.wav"
    out, err = io.StringIO(), io.StringIO()
    dead = functools.partial(WorkerSynthesizer, fault_worker_command("dead", 0))
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        code = main(["triage", "--text", "he can't breathe and his lips are blue", "--say-to", str(reply)],
                    synthesizer=dead)
    assert code == 1 and "cannot speak" in err.getvalue()  # speech still failed, and says so
    assert "Call 911 now." in out.getvalue()
    with wave.open(str(reply)) as wav:
        said = wav.readframes(wav.getnframes())
    assert said.startswith(recording().pcm)
