"""Issue #9 after outside review 21: a body said to be working ("she is breathing", "his heart is beating") is
reassurance, never a "yes" read back as "You said yes" (F5); a typed chat that ends mid-interview says the standing
action and the call-911 signs, as "goodbye" does (F15); after the wrap-up, the goodbye is said once (F16.4)."""

from __future__ import annotations

import subprocess
import sys

import pytest

from children import run_child
from helpers import real_seconds
from voicecare.conversation.answer_kinds import AnswerKind
from voicecare.conversation.dialog import Conversation, State
from voicecare.domain import Level, Status
from voicecare.speech_out.tts import DEFAULT_RATE_WPM, Pyttsx3Synthesizer
from voicecare.understanding.assistant import Assistant

CHAT_TIMEOUT = 120
GOODBYE_SECONDS = 19.0
"""A goodbye before the advice is a non-emergency turn: within the README's 19 s."""


def _said(turn: object) -> str:
    return " ".join(m.text for m in turn.said_aloud)  # type: ignore[attr-defined]


def _chat(lines: list[str]) -> subprocess.CompletedProcess[str]:
    return run_child([sys.executable, "-m", "voicecare", "chat"], input="\n".join(lines) + "\n",
                     capture_output=True, text=True, timeout=CHAT_TIMEOUT, check=True)


@pytest.mark.parametrize(("question", "answer"), [
    ("breathing_alertness", "she is breathing"),
    ("breathing_alertness", "he's still breathing"),
    ("breathing_alertness", "um, he is breathing."),
    ("heart_control", "his heart is beating"),
    ("heart_control", "her heart's still beating"),
])
def test_a_body_said_working_is_no_yes(assistant: Assistant, question: str, answer: str) -> None:
    talk = Conversation(assistant)
    read = talk.answers.read(question, answer)
    assert read.kind is AnswerKind.NO, read
    assert not any(f.status is Status.PRESENT for f in read.findings), read


@pytest.mark.parametrize(("question", "answer"), [
    ("breathing_alertness", "she is breathing funny"),
    ("breathing_alertness", "he is breathing really hard"),
    ("breathing_alertness", "she's barely breathing"),
    ("breathing_alertness", "she is breathing but it sounds noisy"),
    ("breathing_alertness", "yes she is breathing"),
    ("heart_control", "his heart is beating really fast"),
    ("heart_control", "her heart is beating like crazy"),
])
def test_a_body_said_working_with_how_still_counts(assistant: Assistant, question: str, answer: str) -> None:
    # Said with how it works, with a yes or a turn after it, the sign is still counted (rules 1 and 4).
    read = Conversation(assistant).answers.read(question, answer)
    assert read.kind is not AnswerKind.NO, read
    assert any(f.status is Status.PRESENT for f in read.findings), read


def test_she_is_breathing_in_the_interview_is_no_911(assistant: Assistant) -> None:
    talk = Conversation(assistant)
    talk.hear("her back is sore after the park")
    turn = talk.hear("she is breathing")
    words = _said(turn)
    assert "911 now" not in words and "You said yes" not in words, words
    assert turn.disposition is not Level.EMERGENCY and talk.state is State.INTERVIEW, words


def test_chat_ending_mid_interview_says_the_action_and_the_911_signs(synth: Pyttsx3Synthesizer,
                                                                      assistant: Assistant) -> None:
    out = _chat(["her back is sore"])
    after = out.stdout.split("you> her back is sore", 1)[1].split("?", 1)[1]  # after the first question
    assert "you can care for this at home" in after and "Call 911 for trouble breathing" in after, out.stdout
    # The same words "goodbye" says there, within a non-emergency turn's ceiling.
    talk = Conversation(assistant)
    talk.hear("her back is sore")
    ended = talk.input_ended()
    assert ended is not None and talk.state is State.DONE
    assert real_seconds(synth, ended.said_aloud, DEFAULT_RATE_WPM) <= GOODBYE_SECONDS, _said(ended)


def test_chat_ending_in_a_911_says_the_911_again() -> None:
    out = _chat(["her back hurts", "no", "his heart is racing"])
    last = out.stdout.rsplit("you> his heart is racing", 1)[1]
    assert last.count("Call 911 now.") == 2, out.stdout


def test_chat_ending_after_the_advice_adds_nothing() -> None:
    out = _chat(["his back is sore after playing", "no", "no", "no", "no", "no", "no"])
    assert out.stdout.rstrip().endswith("call your child's doctor, or 911 in an emergency."), out.stdout
    assert out.stdout.count("Take care") == 1, out.stdout


def test_the_goodbye_after_the_wrap_up_is_said_once_and_a_sign_after_it_is_heard() -> None:
    out = _chat(["his back is sore after playing", "no", "no", "no", "no", "no", "no", "no", "nope", "no thanks",
                 "she stopped breathing"])
    assert out.stdout.count("Take care") == 1, out.stdout
    last = out.stdout.rsplit("you> she stopped breathing", 1)[1]
    assert last.lstrip().startswith("voicecare> Call 911 now."), out.stdout


@pytest.mark.parametrize("answer", ["nothing like that, just a bit sleepy", "nah she's alright, bit dozy",
                                    "no, none of that. a little drowsy", "nope, nothing like that, a bit groggy"])
def test_a_denial_with_a_mild_word_doubts_one_sign_only(assistant: Assistant, answer: str) -> None:
    read = Conversation(assistant).answers.read("breathing_alertness", answer)
    present = {f.symptom.id for f in read.findings if f.status is Status.PRESENT}
    absent = {f.symptom.id for f in read.findings if f.status is Status.ABSENT}
    # At most the one sign the mild word is of counts (a word the matcher reads as that sign says it plainly).
    assert present == {"very_drowsy"} and read.kind in (AnswerKind.UNSURE, AnswerKind.YES), read
    assert not absent & present, read


def test_a_denial_with_a_mild_word_is_never_read_back_as_yes(assistant: Assistant,
                                                             synth: Pyttsx3Synthesizer) -> None:
    talk = Conversation(assistant)
    talk.hear("her back is sore after the park")
    turn = talk.hear("nothing like that, just a bit sleepy")
    words = _said(turn)
    # Unsure counts as yes (rule 4), said as a doubt of that one sign; nothing said of as a yes (rule 14).
    assert "You said yes" not in words and "Trouble breathing" not in words, words
    assert "not sure about very sleepy" in words or "Not sure counts as yes" in words, words
    assert real_seconds(synth, turn.said_aloud, DEFAULT_RATE_WPM) <= 15.0, words


@pytest.mark.parametrize("answer", ["no, she's very sleepy", "nothing like that but she is really hard to wake",
                                    "nah, a bit sleepy and her breathing is fast"])
def test_a_denial_with_the_sign_itself_still_counts_it(assistant: Assistant, answer: str) -> None:
    read = Conversation(assistant).answers.read("breathing_alertness", answer)
    assert any(f.status is Status.PRESENT and f.basis.name != "UNSURE" for f in read.findings), read
