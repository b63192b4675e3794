"""A "no" with news after it (#9): the "no" stands for the question, the news is heard and acted on."""

from __future__ import annotations

import pytest

from voicecare.app import answer_eval
from voicecare.conversation.answers import AnswerReader
from voicecare.conversation.dialog import Conversation, State
from voicecare.domain import Level, Message, Status
from voicecare.understanding.assistant import Assistant

OUTSIDE = "serious_illness_outside_topic"


@pytest.fixture(scope="module")
def reader() -> AnswerReader:
    return AnswerReader(Assistant.load())


def said(messages: tuple[Message, ...]) -> str:
    return " ".join(m.text for m in messages)


@pytest.mark.parametrize("question", ["fever_chills", "limbs", "breathing_alertness"])
@pytest.mark.parametrize("text", ["no, but she's been throwing up", "no but he's been sick twice"])
def test_a_no_then_news_denies_the_question_and_keeps_the_news(reader: AnswerReader, question: str,
                                                                text: str) -> None:
    answer = reader.read(question, text)
    found = {f.symptom.id: f.status for f in answer.findings}
    assert answer_eval.label(answer) == "new_info"
    # The "no" stands for every sign asked; the vomiting again is its own finding (beyond the sheet: urgent).
    assert found.pop(OUTSIDE) is Status.PRESENT
    assert set(found.values()) == {Status.ABSENT}


@pytest.mark.parametrize("text", ["no, but she's been throwing up", "no but he's been sick twice"])
def test_news_in_an_answer_is_read_back_and_raises_the_advice(assistant: Assistant, text: str) -> None:
    talk = Conversation(assistant)
    talk.hear("her back is sore after the park")
    asked = talk.asked[-1]
    turn = talk.hear(text)
    # Read back before the next question, never a yes to the question it answered (rule 14).
    assert "a serious sign this guide does not cover" in said(turn.said_aloud)
    assert talk.state is State.INTERVIEW and talk.asked[-1] is not asked
    while talk.state is State.INTERVIEW:
        turn = talk.hear("no")
    assert turn.disposition is Level.URGENT
    assert "call your child's doctor now" in said(turn.messages)
