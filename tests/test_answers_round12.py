"""Answers read by ``voicecare answer`` and the conversation alike (issue #9, answers12; outside review 13 F1, F6,
F16): a part of another question said to be fine is no "no", a hedge said of another part is news, and the command
line reads an answer as the conversation does."""

from __future__ import annotations

import json
import sys

import pytest

from children import run_child
from helpers import kind
from voicecare.conversation.answers import AnswerKind, AnswerReader
from voicecare.conversation.dialog import Conversation
from voicecare.domain import Basis, Level, Status
from voicecare.understanding.assistant import Assistant

DESCRIPTION = "her back's sore since the weekend"


def said(talk: Conversation, text: str) -> tuple[Level | None, str]:
    turn = talk.hear(text)
    return turn.disposition, " ".join(m.text for m in turn.said_aloud)


@pytest.mark.parametrize(("question", "text"), [
    *((q, t) for q in ("fever_chills", "breathing_alertness", "heart_control")
      for t in ("her legs are fine", "her back is fine now")),
    ("fever_chills", "breathing fine"), ("heart_control", "her breathing's fine"),
])
def test_another_part_said_fine_denies_nothing_asked(reader: AnswerReader, question: str, text: str) -> None:
    # F1: read as "no", it denied every sign of the question; about something else, it is asked again (rule 4).
    answer = reader.read(question, text)
    assert answer.kind is AnswerKind.OFF_TOPIC, answer
    asked = set(reader.questions[question].symptoms)
    assert not [f for f in answer.findings if f.symptom.id in asked and f.status is Status.ABSENT]


@pytest.mark.parametrize("question", ["fever_chills", "breathing_alertness"])
def test_a_nappy_said_fine_is_no_no_to_fever_or_breathing(reader: AnswerReader, question: str) -> None:
    assert kind(reader, question, "her nappy is fine") == "off_topic"


@pytest.mark.parametrize(("question", "text"), [
    ("fever_chills", "she's fine"),
    ("fever_chills", "no, she's fine, it's just her back"),
    ("fever_chills", "temperature's fine, and no shivering"),
    ("breathing_alertness", "her breathing is fine and she's wide awake, no fainting, not confused"),
    ("heart_control", "her heart is normal and no accidents"),
])
def test_the_child_or_the_question_said_fine_is_still_a_no(reader: AnswerReader, question: str, text: str) -> None:
    assert kind(reader, question, text) == "no"


@pytest.mark.parametrize("text", ["bit warm maybe", "maybe she's a bit warm", "she's a bit hot maybe"])
def test_a_hedge_about_another_part_is_news_never_unsure_about_the_question(reader: AnswerReader, text: str) -> None:
    # F6: both heart signs were "unsure", a false 911 read back as a doubt nobody said (rule 14).
    answer = reader.read("heart_control", text)
    assert answer.kind is AnswerKind.NEW_INFO, answer
    by_id = {f.symptom.id: f for f in answer.findings}
    assert not {"abnormal_heart_rate", "loss_of_control"} & set(by_id)
    # Hedged counts (rule 10), as a doubt.
    assert by_id["fever"].status is Status.PRESENT and by_id["fever"].basis is Basis.UNSURE


@pytest.mark.parametrize("text", ["no idea, she might be a bit warm I suppose", "not sure", "maybe"])
def test_a_hedge_that_answers_is_still_unsure(reader: AnswerReader, text: str) -> None:
    assert kind(reader, "heart_control", text) in ("unsure", "partial")


def test_a_hedged_other_part_in_the_conversation_counts_it_and_asks_again(assistant: Assistant) -> None:
    talk = Conversation(assistant)
    talk.hear(DESCRIPTION)
    talk.hear("no")
    level, words = said(talk, "bit warm maybe")
    assert level is Level.URGENT, words
    assert "911" not in words
    assert "heart" in words  # the heart question is asked again


def test_another_part_fine_in_the_conversation_asks_again_without_911(assistant: Assistant) -> None:
    talk = Conversation(assistant)
    talk.hear(DESCRIPTION)
    level, words = said(talk, "her legs are fine")
    assert level is not Level.EMERGENCY and "911" not in words, words
    assert "trouble breathing" in words  # asked again
    assert not talk.found or all(f.status is not Status.ABSENT or f.symptom.id == "back_spasm" for f in talk.found)


def test_the_command_line_reads_a_part_as_the_conversation_does(assistant: Assistant) -> None:
    # F16: `answer` said "no" to all four signs; the conversation asks about confusion and fainting again.
    text = "she's breathing fine and she's awake and chatty"
    out = run_child([sys.executable, "-m", "voicecare", "answer", "--question", "breathing_alertness", "--text",
                          text, "--json"], capture_output=True, text=True, timeout=120)
    assert out.returncode == 0, out.stderr
    line = json.loads(out.stdout)
    assert line["answer"] == "no"
    assert sorted(line["unanswered"]) == ["confusion", "fainting"]
    assert {s["id"] for s in line["symptoms"]} == {"trouble_breathing", "very_drowsy"}
    talk = Conversation(assistant)
    talk.hear(DESCRIPTION)
    _, words = said(talk, text)
    assert "confusion or fainting" in words, words
    assert {f.symptom.id for f in talk.found if f.status is Status.ABSENT} == {"trouble_breathing", "very_drowsy"}


@pytest.mark.parametrize(("question", "text", "label"), [
    # A one-word no in the caregiver's first language; "non stop" is how much, never a no.
    ("heart_control", "nie", "no"),
    ("limbs", "non", "no"),
    ("anything_else", "no more already", "no"),
    # Asleep all night and holding it, said as a learner or a dialect says it.
    ("cramps_night_weight", "No, she sleep through whole night, weight same, cramp only once.", "no"),
    ("heart_control", "No, heart's steady, and she told me when she needed the potty just now.", "no"),
    # Commands said indirectly.
    ("limbs", "come on get on with it boy", "command:faster"),
    ("course", "quicker if you please we ent got all day", "command:faster"),
    ("cramps_night_weight", "i dont know how this work what am i supposed to answer", "command:help"),
    ("anything_else", "Alright, I will go now, God bless.", "command:goodbye"),
    ("anything_else", "I want to answer all again from first question.", "command:start_over"),
    # Talk to someone else or about the device.
    ("fever_chills", "sorry madam the lady is calling me on the other line", "off_topic"),
    ("anything_else", "My husband say this machine is useless haha.", "off_topic"),
    ("anything_else", "manman the pot is burning turn off the stove", "off_topic"),
])
def test_aq_classes(reader: AnswerReader, question: str, text: str, label: str) -> None:
    assert kind(reader, question, text) == label


@pytest.mark.parametrize("text", ["she's been crying non stop with it", "the cramps come back non stop"])
def test_non_stop_is_no_no(reader: AnswerReader, text: str) -> None:
    assert kind(reader, "cramps_night_weight", text) != "no"


@pytest.mark.parametrize(("question", "text", "label"), [
    ("anything_else", "No sir, that about covers it. She's eatin' and playin' like normal.", "no"),
    ("anything_else", "No, that's everything, she's playing now, she seem happier.", "no"),
    ("anything_else", "she seems happier now but she's been sick twice", "yes"),
    ("heart_control", "heart is fine, toilet question not apply to him, he is in nappies", "no"),
])
def test_well_as_before_and_a_part_that_does_not_apply(reader: AnswerReader, question: str, text: str,
                                                       label: str) -> None:
    assert kind(reader, question, text) == label


def test_well_words_that_name_another_part_are_no_no(reader: AnswerReader) -> None:
    # "She's in diapers" is about the toilet: said with "heart's fine" to the breathing question, it was a "no" to
    # all four 911 signs (found replaying review 13's F6 conversation).
    assert kind(reader, "breathing_alertness", "heart's fine, she's in diapers") == "off_topic"
    answer = reader.read("breathing_alertness", "her breathing is fine she's in diapers")
    assert answer.kind is AnswerKind.NO and set(answer.unanswered) == {"very_drowsy", "confusion", "fainting"}


def test_a_sign_of_the_question_said_over_is_still_about_it(reader: AnswerReader) -> None:
    assert kind(reader, "limbs", "Her leg hurt last month after the playground, but that's long gone.") == "no"
