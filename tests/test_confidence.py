"""Heard, unsure, not heard: signs weighed by the recogniser's word posteriors (speech_in/confidence.py)."""

from __future__ import annotations

import wave
from pathlib import Path

import numpy as np
import pytest

from tests.conftest import AUDIO
from voicecare.conversation.voice import TurnReport, VoiceSession, VoiceSettings
from voicecare.domain import Level, MessageKind, Status
from voicecare.interfaces import Recognizer, Transcript
from voicecare.speech_in import confidence, pipeline
from voicecare.speech_in.audio import iter_wav
from voicecare.speech_out.tts import Pyttsx3Synthesizer, Speaker
from voicecare.testing import FakeOutputDevice
from voicecare.understanding.assistant import Assistant


def reading(text: str, *sure: float, alternatives: tuple[str, ...] = ()) -> Transcript:
    """A final reading with one posterior per word, as PocketSphinx gives it."""
    words = tuple((w, i * 0.3, i * 0.3 + 0.3) for i, w in enumerate(text.split()))
    assert len(sure) == len(words)
    return Transcript(text, True, alternatives, None, words, sure)


def test_a_sign_whose_words_were_barely_heard_is_not_heard(assistant: Assistant) -> None:
    doubted = confidence.judged(assistant, reading("she is not breathing", 0.9, 0.9, 0.1, 0.05))
    assert "breathing" not in doubted.text and not any("breathing" in a for a in doubted.alternatives)
    assert pipeline.answer_transcript(assistant, doubted).disposition is not Level.EMERGENCY


def test_an_unsure_emergency_is_still_called_and_offered_for_correction(assistant: Assistant) -> None:
    doubted = confidence.judged(assistant, reading("she is not breathing", 0.9, 0.9, 0.3, 0.35))
    assert "breathing" not in doubted.text  # not taken as said ...
    result = pipeline.answer_transcript(assistant, doubted)
    assert result.disposition is Level.EMERGENCY  # ... but acted on (rule 4)
    assert any(m.kind is MessageKind.CONFIRM for m in result.messages)  # "If I heard that wrong, tell me."
    assert all(f.uncertain for f in result.present if f.symptom.level is Level.EMERGENCY)


def test_a_sign_heard_surely_is_kept_as_said(assistant: Assistant) -> None:
    sure = reading("she is not breathing", 0.9, 0.9, 0.8, 0.95)
    assert confidence.judged(assistant, sure) is sure
    assert not any(m.kind is MessageKind.CONFIRM for m in pipeline.answer_transcript(assistant, sure).messages)


def test_another_reading_does_not_bring_back_a_sign_not_heard(assistant: Assistant) -> None:
    doubted = confidence.judged(assistant, reading("she is not breathing", 0.9, 0.9, 0.1, 0.05,
                                                   alternatives=("he is not breathing",)))
    assert pipeline.answer_transcript(assistant, doubted).disposition is not Level.EMERGENCY


def test_a_denial_is_never_turned_into_a_sign(assistant: Assistant) -> None:
    # Taking out the words of a sign not heard must never leave a sign behind: a denial is not weighed.
    doubted = confidence.judged(assistant, reading("no fever and her back is sore", 0.1, 0.1, 0.9, 0.9, 0.9, 0.9, 0.9))
    found = {f.symptom.id: f.status for f in assistant.understand(doubted.text)}
    assert found.get("fever") is not Status.PRESENT


def test_a_reading_without_word_posteriors_is_left_as_it_is(assistant: Assistant) -> None:
    vosk_like = Transcript("she is not breathing", True, (), 0.95, (("she", 0.0, 0.2),))
    assert confidence.judged(assistant, vosk_like) is vosk_like


def test_pocketsphinx_gives_a_posterior_per_word_and_a_clear_emergency_is_heard(sphinx: Recognizer,
                                                                               assistant: Assistant) -> None:
    heard = pipeline.recognize(iter_wav(AUDIO / "clean" / "em_not_breathing.wav"), sphinx, assistant, lambda _: None)
    transcript = heard.transcript
    assert len(transcript.word_confidences) == len(transcript.words) > 0
    assert all(0.0 <= p <= 1.0 for p in transcript.word_confidences)
    result = pipeline.answer_transcript(assistant, transcript, heard.early_findings)
    assert result.disposition is Level.EMERGENCY


# ---- babble: four of our recorded caregivers at once, no one speaking to the device


def babble_wav(path: Path, seed: int, seconds: float = 8.0, talkers: int = 4) -> Path:
    """Other talkers at equal level (our clean recordings, each from a random point), at a voice's loudness."""
    clips = sorted((AUDIO / "clean").glob("*.wav"))
    rng = np.random.default_rng(seed)
    n = int(seconds * 16_000)
    out = np.zeros(n, dtype=np.float32)
    for _ in range(talkers):
        with wave.open(str(clips[int(rng.integers(len(clips)))])) as clip:
            assert clip.getframerate() == 16_000
            voice = np.frombuffer(clip.readframes(clip.getnframes()), dtype="<i2").astype(np.float32) / 32768
        voice = voice / max(1e-6, float(np.sqrt(np.mean(voice[np.abs(voice) > 0.01] ** 2))))
        out += np.resize(np.roll(voice, -int(rng.integers(len(voice)))), n)
    out *= 0.1 / float(np.sqrt(np.mean(out**2)))
    out = np.concatenate([np.zeros(int(QUIET_BEFORE_SECONDS * 16_000), dtype=np.float32), out])
    with wave.open(str(path), "wb") as wav:
        wav.setnchannels(1)
        wav.setsampwidth(2)
        wav.setframerate(16_000)
        wav.writeframes((np.clip(out, -1, 1) * 32767).astype("<i2").tobytes())
    return path


QUIET_BEFORE_SECONDS = 1.0
"""The room is quiet before the talkers start (noise from the very first block is learnt as the room)."""
BABBLE_SEED = 0
"""A mix in which the recogniser forced "confusion" out of the talkers (a 911 before confidence was weighed)."""


def test_babble_alone_is_not_an_emergency_when_its_words_were_not_heard(sphinx: Recognizer, assistant: Assistant,
                                                                        tmp_path: Path) -> None:
    path = babble_wav(tmp_path / "babble.wav", BABBLE_SEED)
    heard = pipeline.recognize_recording(iter_wav(path), sphinx, assistant, lambda _: None)
    assert heard.parts  # loud enough to start a turn
    assert pipeline.answer_recording(assistant, heard).disposition is not Level.EMERGENCY


@pytest.mark.parametrize("early_replies", [True, False])
def test_the_conversation_weighs_the_same_words(sphinx: Recognizer, assistant: Assistant, tmp_path: Path,
                                                early_replies: bool) -> None:
    # The spoken conversation (VoiceSession, turn by turn as the microphone loop takes them) reads each turn
    # through the same pipeline: the babble that called 911 there (with and without replies started at a
    # pause) is no turn now, or one that is no emergency.
    path = babble_wav(tmp_path / "babble.wav", BABBLE_SEED)
    reports: list[TurnReport] = []
    speaker = Speaker(Pyttsx3Synthesizer, FakeOutputDevice(speed=200))
    session = VoiceSession(assistant, sphinx, speaker, VoiceSettings(early_replies=early_replies), reports.append)
    try:
        session.take_recording(iter_wav(path))
    finally:
        speaker.close()
    assert all(r.disposition != "emergency" and "Call 911 now." not in r.said for r in reports), [
        (r.heard, r.disposition) for r in reports]
