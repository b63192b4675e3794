"""The rest of review 17's answer class (F3, F4, F5, F8, F13): answers about earlier, about another person or
named children, and care questions said instead of an answer, at the red-flag questions. A "no" said of earlier,
of someone else or of one child of two is no clean "no" for this child (rules 4, 9, 14); "earlier no, but now
yes" is a yes (the later statement wins); a care question is answered and the question asked again, never read
as a yes to the 911 signs or as a command."""

from __future__ import annotations

import pytest

from voicecare.conversation.answers import AnswerKind, AnswerReader
from voicecare.conversation.dialog import Conversation
from voicecare.domain import Level, Status
from voicecare.understanding.assistant import Assistant

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


@pytest.mark.parametrize("text", ["his sister isn't, no", "his sister isnt no", "my husband asked, no"])
def test_a_no_said_of_someone_else_is_asked_again(reader: AnswerReader, text: str) -> None:
    # F13: "his sister isn't, no" denied all four 911 signs; it says nothing of this child (rules 4, 9, 14).
    kind, found = _found(reader, "breathing_alertness", text)
    assert kind is AnswerKind.OFF_TOPIC and not found, (kind, found)


@pytest.mark.parametrize("text", ["no his sister is", "his sister is, he isn't, no",
                                  "his sister has a temperature but he's fine"])
def test_a_no_said_of_the_child_beside_someone_else_stays_a_no(reader: AnswerReader, text: str) -> None:
    kind, _ = _found(reader, "breathing_alertness" if "temperature" not in text else "fever_chills", text)
    assert kind is AnswerKind.NO, kind


def test_a_yes_and_a_no_for_two_named_children_is_no_clean_no(reader: AnswerReader) -> None:
    # F8: the reader cannot know which name is the child's; one "yes" counts (rule 4), never a "no" to both signs.
    kind, found = _found(reader, "heart_control", "Hodan yes, Abdi no.")
    assert kind is not AnswerKind.NO and not any(s is Status.ABSENT for s in found.values()), (kind, found)


@pytest.mark.parametrize(("question", "text"), [
    ("breathing_alertness", "what should i do while i wait"),
    ("fever_chills", "what should I do while I wait?"),
    ("breathing_alertness", "Can she go to daycare with her sore back?"),
    ("breathing_alertness", "Is ibuprofen alright for him?"),
])
def test_a_care_question_is_answered_never_a_yes_or_a_command(reader: AnswerReader, question: str,
                                                               text: str) -> None:
    # F5 and typed care questions: "what" was a command to repeat; "her sore back" made the question a false 911.
    answer = reader.read(question, text)
    assert answer.kind is AnswerKind.OFF_TOPIC and answer.care and not answer.findings, answer


@pytest.mark.parametrize("text", ["what?", "what did you say"])
def test_what_alone_still_asks_for_the_question_again(reader: AnswerReader, text: str) -> None:
    answer = reader.read("breathing_alertness", text)
    assert answer.kind is AnswerKind.COMMAND and answer.command == "repeat", answer


@pytest.mark.parametrize(("question", "text"), [("breathing_alertness", "Leo does"), ("heart_control", "Mia has")])
def test_a_childs_name_with_a_verb_is_a_yes_heard(reader: AnswerReader, question: str, text: str) -> None:
    # F8: "Leo does" was "I did not hear a clear answer" (rule 14): it is a yes said with the child's name.
    answer = reader.read(question, text)
    assert answer.kind is AnswerKind.YES, answer


@pytest.mark.parametrize("text", ["nobody does", "which is", "Mia does, Leo doesn't", "leo doesn't"])
def test_no_name_or_two_names_is_no_clean_answer(reader: AnswerReader, text: str) -> None:
    # "Leo doesn't" may be another child's (rule 4): never a "no"; "nobody does" names no child: never a "yes" read.
    answer = reader.read("breathing_alertness", text)
    assert answer.kind is AnswerKind.UNSURE, answer


def test_the_conversation_answers_a_care_question_and_asks_again(assistant: Assistant) -> None:
    talk = Conversation(assistant)
    first = talk.hear("his back is sore and he has a fever")
    asked = [m.text for m in first.messages if m.kind.value == "question"]
    for said in ("Can she go to daycare with her sore back?", "what should I do while I wait?",
                 "Is ibuprofen alright for him?"):
        turn = talk.hear(said)
        kinds = [m.kind.value for m in turn.messages]
        assert turn.disposition is not Level.EMERGENCY and "care_answer" in kinds, turn
        assert [m.text for m in turn.messages if m.kind.value == "question"] == asked, turn  # asked again


@pytest.mark.parametrize("text", ["no sah she was a likkle drowsy earlier after her nap but she wide awake now running round",
                                  "she was drowsy this morning but she's fine now"])
def test_a_sign_told_of_earlier_and_well_now_is_no_false_911(reader: AnswerReader, text: str) -> None:
    # A past sign does not raise the level (rule 9): the question's words said of then were counted as a doubt now.
    kind, _ = _found(reader, "breathing_alertness", text)
    assert kind is AnswerKind.NO, kind


@pytest.mark.parametrize("text", ["she was really drowsy earlier and she's still drowsy now",
                                  "she was a bit sleepy earlier, now she's hard to wake",
                                  "she fainted earlier but she's fine now"])
def test_a_sign_still_there_or_a_faint_earlier_still_counts(reader: AnswerReader, text: str) -> None:
    kind, found = _found(reader, "breathing_alertness", text)
    assert kind is AnswerKind.YES and Status.PRESENT in found.values(), (kind, found)
