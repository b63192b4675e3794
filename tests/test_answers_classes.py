"""The answer reader on the classes of answers a fresh author wrote (answers_u): each test in our own words."""

from __future__ import annotations

import pytest

from voicecare.app import answer_eval
from voicecare.conversation.answers import AnswerReader
from voicecare.understanding.assistant import Assistant


@pytest.fixture(scope="module")
def reader() -> AnswerReader:
    return AnswerReader(Assistant.load())


def kind(reader: AnswerReader, question: str, text: str) -> str:
    return answer_eval.label(reader.read(question, text))


@pytest.mark.parametrize(("question", "text", "expected"), [
    # "Than normal" says a change from how the child usually is: never the well word inside it.
    ("limbs", "she's holding her arm differently than normal", "yes"),
    ("cramps_night_weight", "he's much sleepier than usual these days", "new_info"),
    # Someone else would know: a hedge, even beside an estimate.
    ("course", "maybe a day maybe two, i'd have to ask my partner", "unsure"),
])
def test_a_change_or_a_hedge_is_never_a_no(reader: AnswerReader, question: str, text: str, expected: str) -> None:
    assert kind(reader, question, text) == expected


@pytest.mark.parametrize(("question", "text"), [
    # To the child, another grown-up, the phone or another device: the question is asked again.
    ("fever_chills", "here, finish your juice, slowly now"),
    ("cramps_night_weight", "go back to bed, it's only me talking"),
    ("walking_toilet", "alexa, stop"),
    ("course", "i'll call you after, the little one's poorly"),
    ("heart_control", "hello? yes, it's me"),
    ("limbs", "kettle's boiled, can you make the tea"),
])
def test_talk_to_the_room_is_off_topic(reader: AnswerReader, question: str, text: str) -> None:
    assert kind(reader, question, text) == "off_topic"


def test_one_thing_after_anything_else_is_news(reader: AnswerReader) -> None:
    answer = reader.read("anything_else", "one thing, she won't sit in her car seat anymore")
    assert (answer_eval.label(answer), answer.news) == ("yes", True)
