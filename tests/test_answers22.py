"""The answer reader on the labels that are hard to tell apart (answers22, #9): a partial told with "hasn't had
any", a side of a sign said beside another side denied, a remark said to nobody, a pause turned to the room. Each test in our own
words, with the real reader; every one keeps the asked sign counted when it is said."""

from __future__ import annotations

import pytest

from helpers import kind
from voicecare.conversation.answers import AnswerReader
from voicecare.domain import Status


@pytest.mark.parametrize(("question", "text"), [
    # One asked sign said, another denied across a verb of having and an amount: a mixed answer, in any order.
    ("heart_control", "his heart is thumping away but he hasn't had any accidents"),
    ("heart_control", "she hasn't had a single accident, but her heart is going really fast"),
    ("fever_chills", "he's shivering like mad but he hasn't got any temperature"),
    ("heart_control", "her heart is beating like crazy but she hasn't had a single accident"),
])
def test_a_sign_said_and_another_denied_with_not_any_is_partial(reader: AnswerReader, question: str,
                                                                text: str) -> None:
    answer = reader.read(question, text)
    assert kind(reader, question, text) == "partial"
    # The sign said is never lost (partial counts as yes for it).
    assert any(f.status is Status.PRESENT for f in answer.findings)


@pytest.mark.parametrize(("question", "text", "expected"), [
    # Alone, "hasn't had any" never makes a "no" here: the night sign is "hasn't had any sleep".
    ("cramps_night_weight", "he hasn't had any sleep", "unsure"),
    # A measure not taken ("haven't got a temp yet") denies no fever: the shivering stays a plain yes.
    ("fever_chills", "yes he's shaking with chills, I haven't got a temp yet", "yes"),
])
def test_not_any_alone_or_a_measure_not_taken_denies_nothing(reader: AnswerReader, question: str, text: str,
                                                             expected: str) -> None:
    assert kind(reader, question, text) == expected


@pytest.mark.parametrize(("question", "text"), [
    # Remarks about the caregiver's own situation, said to nobody: no answer, asked again.
    ("breathing_alertness", "good grief, I never thought I would be doing this with a machine"),
    ("fever_chills", "ugh, the neighbours have got the music on again, tonight of all nights"),
    ("limbs", "wow, I did not expect this many questions"),
    ("course", "my brother just texted me about the car"),
    ("heart_control", "oh jeez the battery is nearly dead"),
])
def test_a_remark_said_to_nobody_is_off_topic(reader: AnswerReader, question: str, text: str) -> None:
    assert kind(reader, question, text) == "off_topic"


@pytest.mark.parametrize(("question", "text", "expected"), [
    # The same exclamations with a sign, an answer word or a request stay what they were.
    ("fever_chills", "good grief, she's absolutely boiling", "yes"),
    ("breathing_alertness", "ugh, I honestly don't know", "unsure"),
    ("limbs", "wow, could we skip this one", "command:skip"),
    ("walking_toilet", "blimey, she can't walk at all", "yes"),
])
def test_an_exclamation_with_an_answer_is_the_answer(reader: AnswerReader, question: str, text: str,
                                                     expected: str) -> None:
    assert kind(reader, question, text) == expected


@pytest.mark.parametrize(("question", "text"), [
    # A pause, then words to someone in the room and no answer: to the room (asked again), not "stop".
    ("fever_chills", "hold on, sweetie, grandad is talking to the doctor thing"),
    ("course", "hang on, put your shoes on, we're going out"),
])
def test_a_pause_turned_to_the_room_is_off_topic(reader: AnswerReader, question: str, text: str) -> None:
    assert kind(reader, question, text) == "off_topic"


@pytest.mark.parametrize(("question", "text", "expected"), [
    # A pause alone, or one that is followed by the answer, is as before; so is a pause to think after a doubt
    # (answers13: the question waits, and silence after it still counts, rule 4).
    ("fever_chills", "hang on", "command:stop"),
    ("fever_chills", "hang on, sweetheart. yes she's burning up", "yes"),
    ("limbs", "erm, I'm not really sure, let me think", "command:stop"),
])
def test_a_pause_without_the_room_is_as_before(reader: AnswerReader, question: str, text: str,
                                               expected: str) -> None:
    assert kind(reader, question, text) == expected


@pytest.mark.parametrize(("question", "text"), [
    # One sign with many sides: a side said and another denied keeps the sign (it was lost: "her leg is weak, no
    # tingling" read the limb sign absent, an urgent sign under-triaged).
    ("limbs", "her leg keeps giving way, no tingling though"),
    ("limbs", "his arm is weak, but no pins and needles"),
    ("limbs", "the pain goes down her leg, no numbness"),
])
def test_a_side_of_a_sign_said_beside_another_side_denied_keeps_the_sign(reader: AnswerReader, question: str,
                                                                          text: str) -> None:
    answer = reader.read(question, text)
    assert kind(reader, question, text) in ("partial", "yes")
    assert any(f.symptom.id == "limb_symptoms" and f.status is Status.PRESENT for f in answer.findings)


@pytest.mark.parametrize(("question", "text"), [
    # The same side taken back is still taken back (rule 9: the later statement wins).
    ("limbs", "her legs are sore, wait no, her legs are fine"),
    ("limbs", "no tingling, no weakness, no pain"),
])
def test_a_side_taken_back_is_denied(reader: AnswerReader, question: str, text: str) -> None:
    assert kind(reader, question, text) == "no"
