"""Issue #9 after outside review 23, F2: words about the child that answer nothing and name no sign are an unclear
answer, and rule 4 counts an unclear answer to a red-flag question as yes. They were read as news, the question was
asked again with nothing counted, and a goodbye then gave home care. Through the real ``Conversation`` and the real
answer reader."""

from __future__ import annotations

import pytest

from voicecare.conversation.answers import AnswerKind, AnswerReader
from voicecare.conversation.dialog import Conversation, Turn
from voicecare.domain import Basis, Level, Status
from voicecare.understanding.assistant import Assistant

NOTHING_TOLD = ["she's been really clingy and cranky", "he's just whiny and cross"]
"""Words about the child that the answer reader reads as news with no sign found (checked first, below)."""


def printed(turn: Turn) -> str:
    return " ".join(m.text for m in turn.messages)


def at_fever_question(assistant: Assistant) -> Conversation:
    talk = Conversation(assistant)
    talk.hear("my girl's back is sore from the playground")
    talk.hear("no")
    turn = talk.hear("no")
    assert talk.asked[-1].id == "fever_chills", printed(turn)
    return talk


@pytest.mark.parametrize("words", NOTHING_TOLD)
def test_the_words_are_news_with_no_sign(reader: AnswerReader, words: str) -> None:
    # The premise: if the reader learns to read a sign in them, these tests no longer test the class.
    read = reader.read("fever_chills", words)
    assert read.kind is AnswerKind.NEW_INFO and not read.findings, read


@pytest.mark.parametrize("words", NOTHING_TOLD)
def test_below_911_they_count_as_yes_and_are_asked_once_more(assistant: Assistant, words: str) -> None:
    talk = at_fever_question(assistant)
    turn = talk.hear(words)
    fever = next(f for f in talk.found if f.symptom.id == "fever")
    assert fever.status is Status.PRESENT and fever.basis is Basis.UNHEARD, talk.found
    assert talk.asked[-1].id == "fever_chills" and "counts as yes" in printed(turn), printed(turn)
    # Leaving now: the doctor today, said with why (not home care).
    left = printed(talk.hear("goodbye"))
    assert "doctor right away" in left and "counted as yes" in left and "at home" not in left, left


def test_a_no_after_them_takes_the_yes_back(assistant: Assistant) -> None:
    talk = at_fever_question(assistant)
    talk.hear(NOTHING_TOLD[0])
    talk.hear("no")
    assert all(f.status is Status.ABSENT for f in talk.found if f.symptom.id in ("fever", "chills")), talk.found


def test_a_sign_said_instead_is_still_news(assistant: Assistant) -> None:
    # Near miss: news that names a sign counts that sign, never a yes to the question it interrupted.
    talk = at_fever_question(assistant)
    talk.hear("her legs are hurting her now")
    assert not any(f.symptom.id == "fever" and f.status is Status.PRESENT for f in talk.found), talk.found


def at_911_question(assistant: Assistant) -> Conversation:
    talk = Conversation(assistant)
    talk.hear("my boy's back is sore since his nap")
    assert talk.asked[-1].level is Level.EMERGENCY
    return talk


@pytest.mark.parametrize("words", NOTHING_TOLD)
def test_at_a_911_question_they_are_asked_again_first(assistant: Assistant, words: str) -> None:
    # A false 911 is the second worst error: the first time, the question is only asked again.
    talk = at_911_question(assistant)
    turn = talk.hear(words)
    assert turn.disposition is not Level.EMERGENCY, printed(turn)
    assert not any(f.status is Status.PRESENT and f.symptom.level is Level.EMERGENCY for f in talk.found), talk.found


@pytest.mark.parametrize("words", NOTHING_TOLD)
def test_a_goodbye_after_them_at_a_911_question_says_911(assistant: Assistant, words: str) -> None:
    talk = at_911_question(assistant)
    talk.hear(words)
    left = printed(talk.hear("goodbye"))
    assert "Call 911 now" in left and "at home" not in left, left


def test_said_twice_at_a_911_question_they_count_said_as_unheard(assistant: Assistant) -> None:
    talk = at_911_question(assistant)
    talk.hear(NOTHING_TOLD[0])
    turn = talk.hear(NOTHING_TOLD[0])
    assert turn.disposition is Level.EMERGENCY, printed(turn)
    assert "did not hear a clear answer" in printed(turn), printed(turn)
