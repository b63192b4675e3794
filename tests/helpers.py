"""Small helpers the understanding tests share (pytest puts this folder on the import path)."""

from __future__ import annotations

from collections.abc import Iterable

from voicecare.app import answer_eval
from voicecare.conversation.answers import AnswerReader
from voicecare.conversation.dialog import Conversation, State, Turn
from voicecare.domain import Level, Message, Status
from voicecare.speech_out.tts import PAUSE_SECONDS, Pyttsx3Synthesizer
from voicecare.understanding.assistant import Assistant
from voicecare.understanding.matching import Matcher


def found(matcher: Matcher, text: str) -> dict[str, Status]:
    """Each symptom mentioned and its status; the later mention wins, as in triage."""
    got: dict[str, Status] = {}
    for m in matcher.match(text):
        got[m.symptom] = m.status
    return got


def level(assistant: Assistant, text: str) -> Level:
    """The disposition of one utterance."""
    return assistant.answer(text).disposition


def kind(reader: AnswerReader, question: str, text: str) -> str:
    """The corpus label of an answer to ``question`` ("no", "partial", "command:skip", ...)."""
    return answer_eval.label(reader.read(question, text))


def skip_questions(talk: Conversation) -> Turn:
    """"Skip", and "skip" again when the first one asked the 911 questions (the issue: never dropped silently)."""
    turn = talk.hear("skip")
    return talk.hear("skip") if talk.state is State.INTERVIEW else turn


def real_seconds(synth: Pyttsx3Synthesizer, messages: Iterable[Message], rate_wpm: int) -> float:
    """Seconds espeak-ng takes to say ``messages`` (16-bit clips), with the speaker's pause after each, as the
    speaker plays them: rule 13 measured by real speech, not the planner's estimate."""
    clips = [synth.synth(m.text, rate_wpm) for m in messages]
    return sum(len(c.pcm) / 2 / c.rate + PAUSE_SECONDS for c in clips)
