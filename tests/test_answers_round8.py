"""Answers read the same by ``voicecare answer`` and the conversation (issue #9, answers8): short no-words, care
questions said instead of an answer, yes-words with words that are no answer, hedge words in garble."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

from helpers import kind
from voicecare.conversation.answers import AnswerKind, AnswerReader
from voicecare.conversation.dialog import Conversation, State
from voicecare.domain import Status
from voicecare.understanding.assistant import Assistant

SHORT_NOS = ("nah", "nope", "naw", "no no", "not really", "na", "noo", "nahh", "nuh uh")


def interviewed(assistant: Assistant) -> Conversation:
    """A conversation waiting on its first red-flag question."""
    talk = Conversation(assistant)
    talk.hear("my toddler's back is sore")
    assert talk.state is State.INTERVIEW
    return talk


@pytest.mark.parametrize("text", SHORT_NOS)
def test_every_short_no_word_is_no_to_the_reader(reader: AnswerReader, text: str) -> None:
    assert kind(reader, "heart_control", text) == "no"


@pytest.mark.parametrize("text", SHORT_NOS)
def test_every_short_no_word_is_no_in_the_conversation(assistant: Assistant, text: str) -> None:
    # A "no" the conversation took as unclear would count all four 911 signs (rule 4) and call 911.
    talk = interviewed(assistant)
    question = talk.asked[-1]
    talk.hear(text)
    assert talk.state is State.INTERVIEW
    assert {f.symptom.id: f.status for f in talk.found if f.symptom.id in question.symptoms} == dict.fromkeys(
        question.symptoms, Status.ABSENT)


@pytest.mark.parametrize("text", ["can I use a heating pad at night?", "is it ok to give him calpol?",
                                  "how long do I ice it for"])
def test_a_care_question_alone_counts_nothing_in_both(reader: AnswerReader, assistant: Assistant, text: str) -> None:
    # The conversation answers the care question and asks again; ``answer`` must not say "unsure" with four
    # 911 signs counted (README: both read answers the same way).
    answer = reader.read("breathing_alertness", text)
    assert (answer.kind, answer.findings) == (AnswerKind.OFF_TOPIC, ())
    assert answer.care
    talk = interviewed(assistant)
    before = list(talk.found)
    turn = talk.hear(text)
    assert talk.found == before and turn.disposition is None and talk.state is State.INTERVIEW


def test_an_answer_said_with_a_care_question_is_read_without_it(reader: AnswerReader) -> None:
    answer = reader.read("breathing_alertness", "no. can I use a heating pad at night?")
    assert answer.kind is AnswerKind.NO and answer.care


def test_the_care_question_is_in_the_json() -> None:
    out = subprocess.run([sys.executable, "-m", "voicecare", "answer", "--question", "breathing_alertness", "--text",
                          "can I use a heating pad at night?", "--json"], capture_output=True, text=True, timeout=120)
    assert out.returncode == 0, out.stderr
    got = json.loads(out.stdout)
    assert (got["answer"], got["symptoms"], bool(got["care"])) == ("off_topic", [], True)
