"""The rest of review 17's answer class (F3, F4, F5, F8, F13): answers about earlier, about another person or
named children, and care questions said instead of an answer, at the red-flag questions. A "no" said of earlier,
of someone else or of one child of two is no clean "no" for this child (rules 4, 9, 14); "earlier no, but now
yes" is a yes (the later statement wins); a care question is answered and the question asked again, never read
as a yes to the 911 signs or as a command."""

from __future__ import annotations

import pytest

from voicecare.conversation.answers import AnswerKind, AnswerReader
from voicecare.domain import Status

CALL_911 = ("trouble_breathing", "very_drowsy", "confusion", "fainting")


def _found(reader: AnswerReader, question: str, text: str) -> tuple[AnswerKind, dict[str, Status]]:
    answer = reader.read(question, text)
    return answer.kind, {f.symptom.id: f.status for f in answer.findings}


@pytest.mark.parametrize(("question", "text", "sign"), [
    ("breathing_alertness", "earlier no, but now yes", None),
    ("breathing_alertness", "Earlier no, but now yeah, he's wicked drowsy, I can't hardly get him up.", "very_drowsy"),
    ("breathing_alertness", "no, earlier he was fine, now he's breathing weird", "trouble_breathing"),
    ("heart_control", "no earlier he was fine now his hearts banging away proper fast", "abnormal_heart_rate"),
])
def test_a_no_said_of_earlier_gives_way_to_now(reader: AnswerReader, question: str, text: str,
                                                sign: str | None) -> None:
    kind, found = _found(reader, question, text)
    assert kind is AnswerKind.YES, (kind, found)
    assert not any(status is Status.ABSENT for status in found.values()), found  # nothing denied for now
    if sign is not None:
        assert found[sign] is Status.PRESENT, found


@pytest.mark.parametrize(("question", "text"), [
    ("breathing_alertness", "no she was fine an hour ago, still is"),
    ("fever_chills", "no, she was fine this morning, she's still eating now"),
    ("breathing_alertness", "no, he was fine earlier and he's still running around now"),
    ("breathing_alertness", "earlier no and now no"),
])
def test_a_no_with_a_story_of_earlier_still_answers(reader: AnswerReader, question: str, text: str) -> None:
    kind, found = _found(reader, question, text)
    assert kind is AnswerKind.NO, (kind, found)
    assert all(found[s] is Status.ABSENT for s in reader.questions[question].symptoms), found
