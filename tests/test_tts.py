"""Speech out with the real pyttsx3 engine: WAV files, queue order, emergency interruption, failures."""

from __future__ import annotations

import contextlib
import functools
import os
import threading
import time
import wave
from collections.abc import Callable
from pathlib import Path
from typing import Any

import numpy as np
import pytest

from voicecare.domain import Level, Message, MessageKind
from voicecare.errors import SpeechError
from voicecare.interfaces import Clip
from voicecare.speech_out.sinks import WavSink
from voicecare.speech_out.tts import Pyttsx3Synthesizer, Speaker
from voicecare.speech_out.tts_process import Abandoned, WorkerFailed, WorkerSynthesizer
from voicecare.testing import FakeOutputDevice, fault_worker_command

HOME_CARE = ("Gently rub the sore muscles, and stop if it hurts too much. In the first days you can hold a cold pack "
             "wrapped in a thin towel on the sore spot, twenty minutes on and twenty minutes off, for about an hour. "
             "Normal play is fine and your child does not need bed rest.")


def message(text: str, level: Level = Level.HOME_CARE, kind: str = "home_care") -> Message:
    return Message(level, MessageKind(kind), text)


def test_pyttsx3_writes_real_speech(synth: Pyttsx3Synthesizer) -> None:
    clip = synth.synth("Call 911 now.", 165)
    samples = np.frombuffer(clip.pcm, dtype="<i2")
    assert clip.rate > 8000
    assert 0.5 < len(samples) / clip.rate < 4.0
    assert np.abs(samples).max() > 3000  # speech, not silence


def test_rate_changes_the_length(synth: Pyttsx3Synthesizer) -> None:
    text = "Is there anything else we can do for your child today?"
    slow = synth.synth(text, 100)
    fast = synth.synth(text, 250)
    assert len(slow.pcm) > 1.5 * len(fast.pcm)


def test_speaker_writes_a_wav_file_in_order(tmp_path: Path) -> None:
    path = tmp_path / "reply.wav"
    speaker = Speaker(Pyttsx3Synthesizer, WavSink(path))
    speaker.say([message("First message."), message("Second message.")])
    speaker.close()
    with wave.open(str(path)) as wav:
        assert wav.getnchannels() == 1 and wav.getsampwidth() == 2
        assert wav.getnframes() / wav.getframerate() > 1.0
    assert [e.text for e in speaker.events] == ["First message.", "Second message."]


def test_emergency_cuts_in_ahead_of_a_long_home_care_message() -> None:
    device = FakeOutputDevice(speed=1.0)
    speaker = Speaker(Pyttsx3Synthesizer, device, ready_texts=("Call 911 now.",))
    assert speaker.wait_ready()
    speaker.say([message(HOME_CARE), message("Follow up with the doctor.")])
    deadline = time.monotonic() + 10
    while not device.blocks and time.monotonic() < deadline:
        time.sleep(0.01)
    time.sleep(0.5)  # the long message is being heard
    asked = time.monotonic()
    speaker.say([message("Call 911 now.", Level.EMERGENCY, "emergency")])
    speaker.wait_idle(30)
    speaker.close()
    long, urgent = speaker.events[0], speaker.events[1]
    assert long.text == HOME_CARE and long.interrupted
    assert urgent.text == "Call 911 now." and not urgent.interrupted
    assert urgent.started - asked < 0.1  # ready in advance, within a few 20 ms blocks
    assert "Follow up with the doctor." not in [e.text for e in speaker.events]  # dropped, not said later
    assert device.flushes >= 1


def test_the_reply_file_starts_with_the_emergency_instruction(tmp_path: Path, synth: Pyttsx3Synthesizer) -> None:
    path = tmp_path / "reply.wav"
    speaker = Speaker(Pyttsx3Synthesizer, WavSink(path))
    speaker.say([message(HOME_CARE)])
    speaker.say([message("Call 911 now.", Level.EMERGENCY, "emergency"), message("Stay with your child.")])
    speaker.close()
    expected = np.frombuffer(synth.synth("Call 911 now.", speaker.rate_wpm).pcm, dtype="<i2").astype(np.float64)
    with wave.open(str(path)) as wav:
        written = np.frombuffer(wav.readframes(wav.getnframes()), dtype="<i2").astype(np.float64)
    # espeak is not bit-exact from run to run, so compare loudness envelopes
    # (20 ms frames): the file must open with the call-911 sentence.
    assert float(np.corrcoef(envelope(written[: len(expected)]), envelope(expected))[0, 1]) > 0.9
    said = [e.text for e in speaker.events if not e.interrupted]
    assert said[0] == "Call 911 now."


def envelope(samples: np.ndarray, frame: int = 441) -> np.ndarray:
    frames = len(samples) // frame
    return np.sqrt((samples[: frames * frame].reshape(frames, frame) ** 2).mean(axis=1))


class BrokenSynth:
    def __init__(self) -> None:
        self.calls = 0

    def synth(self, text: str, rate_wpm: int) -> Clip:
        self.calls += 1
        raise SpeechError("espeak-ng is not installed")


def test_a_failing_engine_is_reported_once_and_nothing_blocks() -> None:
    told: list[str] = []
    speaker = Speaker(BrokenSynth, FakeOutputDevice(speed=50), on_error=told.append)
    speaker.say([message("one"), message("two")])
    speaker.say([message("Call 911 now.", Level.EMERGENCY, "emergency")])
    assert speaker.wait_idle(5)
    speaker.close()
    assert told == ["cannot speak, replies are printed only: espeak-ng is not installed"]


def test_an_unplugged_speaker_is_reported_and_the_queue_still_drains() -> None:
    told: list[str] = []
    speaker = Speaker(Pyttsx3Synthesizer, FakeOutputDevice(speed=50, fail_after=3), on_error=told.append)
    speaker.say([message("one two three four"), message("five six seven")])
    assert speaker.wait_idle(10)
    speaker.close()
    assert len(told) == 1 and "unplugged" in told[0]


def test_stop_silences_at_once() -> None:
    device = FakeOutputDevice(speed=1.0)
    speaker = Speaker(Pyttsx3Synthesizer, device)
    speaker.say([message(HOME_CARE)])
    # Waits on the device's first block, not on the clock: under load a fixed sleep raced the synthesiser.
    assert device.played.wait(30)
    speaker.stop()
    written_at_stop = len(device.blocks)
    assert speaker.wait_idle(30)
    speaker.close()
    # At most the block being written when "stop" came follows it; the rest of the long reply never plays.
    assert len(device.blocks) <= written_at_stop + 1


# --- the synthesiser worker: faults injected behind the real protocol (testing.py) ---

class Clock:
    """A clock the test moves by hand, for back-off without sleeping."""

    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


def wait_until(condition: Callable[[], bool], timeout: float = 30.0) -> bool:
    """Poll a condition no event signals (generous timeout; returns as soon as it holds)."""
    deadline = time.monotonic() + timeout
    while not condition():
        if time.monotonic() > deadline:
            return False
        time.sleep(0.01)
    return True


def faulty(fault: str, healthy: int = 0, **options: Any) -> WorkerSynthesizer:
    return WorkerSynthesizer(fault_worker_command(fault, healthy), **options)


def test_a_segfaulting_worker_costs_one_message_and_is_restarted() -> None:
    synth = faulty("segfault", healthy=1)
    try:
        assert synth.synth("Call 911 now.", 165).pcm
        with pytest.raises(WorkerFailed, match=r"crashed \(signal 11\)"):
            synth.synth("Rub the sore muscles.", 165)
        assert synth.synth("Rub the sore muscles.", 165).pcm  # a fresh worker, its first message is good
    finally:
        synth.close()
    assert (synth.stats.starts, synth.stats.crashes) == (2, 1)


def test_a_hanging_worker_misses_its_deadline_and_is_replaced() -> None:
    synth = faulty("hang", healthy=1, request_seconds=2.0)  # ample for a healthy request on a busy machine
    try:
        synth.synth("one", 165)
        with pytest.raises(WorkerFailed, match="hung"):
            synth.synth("two", 165)
        assert synth.synth("three", 165).pcm
    finally:
        synth.close()
    assert synth.stats.hangs == 1 and synth.stats.starts == 2


def test_garbage_on_the_pipe_is_caught_not_trusted() -> None:
    synth = faulty("garbage")
    try:
        with pytest.raises(WorkerFailed, match="garbage"):
            synth.synth("one", 165)
    finally:
        synth.close()
    assert synth.stats.garbled == 1


def test_an_engine_error_costs_the_message_and_errors_in_a_row_replace_the_worker() -> None:
    synth = faulty("raise", healthy=1)
    try:
        synth.synth("one", 165)
        with pytest.raises(SpeechError, match="injected failure"):
            synth.synth("two", 165)
        assert synth.stats.starts == 1  # one refusal: the worker is kept
        with pytest.raises(SpeechError, match="injected failure"):
            synth.synth("three", 165)
        assert synth.synth("four", 165).pcm  # two in a row: a fresh worker
    finally:
        synth.close()
    assert synth.stats.starts == 2 and synth.stats.errors == 2


def test_a_worker_that_keeps_dying_is_retried_with_back_off() -> None:
    clock = Clock()
    synth = faulty("dead", clock=clock)
    for _ in range(2):  # the first failure is retried at once, the second starts the back-off
        with pytest.raises(WorkerFailed):
            synth.synth("one", 165)
    with pytest.raises(WorkerFailed, match=r"crashed \(.*\); tried again in 1 s"):  # why, not only when
        synth.synth("one", 165)
    assert synth.stats.starts == 2 and synth.retry_in() == 0.5
    clock.now += 60
    with pytest.raises(WorkerFailed, match="crashed"):
        synth.synth("one", 165)
    assert synth.stats.starts == 3


def test_abandon_frees_the_caller_of_a_hanging_request() -> None:
    synth = faulty("hang", request_seconds=3600)
    outcome: list[BaseException] = []
    done = threading.Event()

    def ask() -> None:
        try:
            synth.synth("one", 165)
        except SpeechError as exc:
            outcome.append(exc)
        done.set()

    thread = threading.Thread(target=ask)
    thread.start()
    assert wait_until(lambda: synth.busy)
    synth.abandon()
    assert done.wait(30)
    thread.join(30)
    synth.close()
    assert outcome and isinstance(outcome[0], Abandoned)


def test_the_emergency_clip_plays_while_the_synthesiser_hangs() -> None:
    told: list[str] = []
    device = FakeOutputDevice(speed=50)
    synth = faulty("hang", healthy=1, request_seconds=3600)  # made the 911 clip, then hangs for an hour
    speaker = Speaker(lambda: synth, device, ready_texts=("Call 911 now.",), on_error=told.append)
    assert speaker.wait_ready(30) and speaker.can_speak()
    speaker.say([message(HOME_CARE)])
    assert wait_until(lambda: synth.busy)  # the home-care message is stuck in the worker
    speaker.say([message("Call 911 now.", Level.EMERGENCY, "emergency")])
    assert speaker.wait_idle(30)  # not an hour
    worker = synth.pid
    assert worker is not None
    speaker.close()
    assert [e.text for e in speaker.events] == ["Call 911 now."]
    with pytest.raises(ProcessLookupError):  # closing the speaker stopped the (hung) worker
        os.kill(worker, 0)
    assert told == []  # abandoning a message for an emergency is not a failure


def test_a_crash_is_reported_once_and_speech_comes_back() -> None:
    told: list[str] = []
    device = FakeOutputDevice(speed=200)
    synth = faulty("segfault", healthy=1)
    speaker = Speaker(lambda: synth, device, on_error=told.append)
    speaker.say([message("one"), message("two"), message("three")])
    assert speaker.wait_idle(30)
    speaker.close()
    assert [e.text for e in speaker.events] == ["one", "three"]  # "two" died with the first worker
    assert told[0].startswith("cannot speak, replies are printed only: the speech engine crashed")
    assert told[1:] == ["speaking again"]
    assert speaker.failures == 1


def test_reply_files_are_private(tmp_path: Path) -> None:
    path = tmp_path / "reply.wav"
    path.write_bytes(b"")
    path.chmod(0o644)
    sink = WavSink(path)
    sink.write(b"\x00\x00" * 100, 16_000)
    sink.close()
    assert path.stat().st_mode & 0o777 == 0o600
    with wave.open(str(path)) as wav:
        assert wav.getnframes() == 100


def test_an_abandoned_reply_is_dropped_and_the_worker_kept_in_step() -> None:
    synth = Pyttsx3Synthesizer()
    try:
        for attempt in range(20):  # abandon at whatever point the request has reached
            asker = threading.Thread(target=_attempt, args=(synth, HOME_CARE))
            asker.start()
            assert wait_until(functools.partial(_busy_or_done, synth, asker))
            time.sleep(attempt * 0.002)  # spread the abandon over start-up, request and reply
            synth.abandon()
            asker.join(30)
            clip = synth.synth("Call 911 now.", 165)  # the next reply is this text's, never the abandoned one's
            assert clip.text == "Call 911 now." and 0.5 < len(clip.pcm) / 2 / clip.rate < 4.0
    finally:
        synth.close()
    assert synth.stats.crashes == synth.stats.hangs == synth.stats.garbled == 0


def _attempt(synth: Pyttsx3Synthesizer, text: str) -> None:
    with contextlib.suppress(SpeechError):  # Abandoned, or done before the abandon
        synth.synth(text, 165)


def _busy_or_done(synth: Pyttsx3Synthesizer, asker: threading.Thread) -> bool:
    return synth.busy or not asker.is_alive()


def test_withdraw_stops_one_reply_and_keeps_the_next() -> None:
    # A reply started at a pause is withdrawn when the caregiver goes on: cut like an emergency cuts in, but
    # only that reply (what was queued after it is still said).
    device = FakeOutputDevice(speed=1.0)
    speaker = Speaker(Pyttsx3Synthesizer, device)
    assert speaker.wait_ready()
    early = speaker.say([message(HOME_CARE), message("Follow up with the doctor.")])
    speaker.say([message("Is your child having trouble breathing?")])
    assert device.played.wait(30)  # the early reply is being heard
    speaker.withdraw(early)
    device.speed = 50.0
    assert speaker.wait_idle(30)
    speaker.close()
    assert [(e.text, e.interrupted) for e in speaker.events] == [
        (HOME_CARE, True), ("Is your child having trouble breathing?", False)]


class Counting:
    """The real synthesiser, noting each text it is asked for (to tell a clip made ahead from one made when said)."""

    def __init__(self) -> None:
        self.inner = Pyttsx3Synthesizer()
        self.texts: list[str] = []

    def synth(self, text: str, rate_wpm: int) -> Clip:
        self.texts.append(text)
        return self.inner.synth(text, rate_wpm)

    def close(self) -> None:
        self.inner.close()


def test_a_reply_made_ahead_is_said_from_its_clip_not_synthesised_again() -> None:
    # Issue #10: a reply worked out at a pause is synthesised then, so when the pause has lasted long enough
    # to start it, its first audio does not wait for synthesis.
    synth, device = Counting(), FakeOutputDevice(speed=50)
    speaker = Speaker(lambda: synth, device)
    assert speaker.wait_ready()
    speaker.ahead(["I heard: back pain or spasm.", "Is your child having trouble breathing?"])
    assert wait_until(lambda: len(synth.texts) == 2)
    speaker.say([message("I heard: back pain or spasm.", kind="readback")])
    assert speaker.wait_idle(30)
    speaker.close()
    assert [e.text for e in speaker.events] == ["I heard: back pain or spasm."]
    assert synth.texts == ["I heard: back pain or spasm.", "Is your child having trouble breathing?"]


def test_fixed_texts_are_made_while_idle_and_kept_for_the_next_family_and_its_words_are_not() -> None:
    synth, device = Counting(), FakeOutputDevice(speed=50)
    sorry, family = "Sorry, I missed that. Please tell me again.", "I heard: a fever."
    speaker = Speaker(lambda: synth, device, fixed_texts=(sorry,))
    assert wait_until(lambda: synth.texts == [sorry])  # nobody asked: made while idle
    speaker.say([message(family, kind="readback")])
    assert speaker.wait_idle(30)
    speaker.forget()  # the next family
    speaker.say([message(sorry, kind="unclear"), message(family, kind="readback")])
    assert speaker.wait_idle(30)
    speaker.close()
    assert [e.text for e in speaker.events] == [sorry, family]
    assert synth.texts == [sorry, family, family]  # the family's words were made again, the fixed text was kept


def test_an_emergency_is_not_held_up_by_a_reply_made_ahead_that_hangs() -> None:
    told: list[str] = []
    device = FakeOutputDevice(speed=50)
    synth = faulty("hang", healthy=1, request_seconds=3600)  # made the 911 clip, then hangs for an hour
    speaker = Speaker(lambda: synth, device, ready_texts=("Call 911 now.",), on_error=told.append)
    assert speaker.wait_ready(30) and speaker.can_speak()
    speaker.ahead(["I heard: back pain or spasm."])
    assert wait_until(lambda: synth.busy)  # stuck in the worker, though nobody asked to say it yet
    speaker.say([message("Call 911 now.", Level.EMERGENCY, "emergency")])
    assert speaker.wait_idle(30)  # not an hour
    speaker.close()
    assert [e.text for e in speaker.events] == ["Call 911 now."]
    assert told == []
