"""Answers read by ``voicecare answer`` and the conversation alike (issue #9, answers13): "also" brings news and
never a yes, a pause then an answer is the answer, a "no" that names its part after a hedge denies that part, and
an honest "no" told with what a well child is doing."""

from __future__ import annotations

import pytest

from helpers import kind
from voicecare.conversation.answers import AnswerReader
from voicecare.conversation.dialog import Conversation
from voicecare.domain import Level, Status
from voicecare.understanding.assistant import Assistant

DESCRIPTION = "her back's sore since the weekend"


@pytest.mark.parametrize("question", ["breathing_alertness", "heart_control", "fever_chills"])
def test_also_brings_news_never_a_yes_to_every_sign(reader: AnswerReader, question: str) -> None:
    # "also she won't eat" was a yes to all four breathing and alertness signs: a false 911.
    answer = reader.read(question, "also she won't eat")
    assert answer.kind.value == "new_info"
    assert not any(f.status is Status.PRESENT for f in answer.findings)


def test_also_with_the_questions_sign_is_still_that_sign(reader: AnswerReader) -> None:
    answer = reader.read("breathing_alertness", "also she's been very sleepy")
    assert kind(reader, "breathing_alertness", answer.input) == "yes"
    assert {f.symptom.id for f in answer.findings if f.status is Status.PRESENT} == {"very_drowsy"}


def test_also_after_anything_else_is_news(reader: AnswerReader) -> None:
    answer = reader.read("anything_else", "also she won't eat")
    assert (answer.kind.value, answer.news) == ("yes", True)


def test_also_she_wont_eat_in_the_conversation_asks_again_without_911(assistant: Assistant) -> None:
    talk = Conversation(assistant)
    talk.hear(DESCRIPTION)
    turn = talk.hear("also she won't eat")
    words = " ".join(m.text for m in turn.said_aloud)
    assert turn.disposition is not Level.EMERGENCY and "911" not in words, words
    assert "trouble breathing" in words  # asked again


@pytest.mark.parametrize(("text", "label"), [
    ("hang on. she's breathing fine", "no"),
    ("hold on, her lips look a bit blue", "yes"),
    ("wait a sec. she's breathing really fast", "yes"),
])
def test_a_pause_then_an_answer_is_the_answer(reader: AnswerReader, text: str, label: str) -> None:
    assert kind(reader, "breathing_alertness", text) == label


@pytest.mark.parametrize(("text", "label"), [
    ("hang on", "command:stop"),
    # "Let me think" asks for time: the question waits, and silence after it still counts (rule 4).
    ("hmm not sure let me think", "command:stop"),
    ("hang on, slow down a bit", "command:slower"),
    ("say that again, the breathing part?", "command:repeat"),
    ("sorry can you speak more slow please my english is not so good", "command:slower"),
])
def test_a_pause_or_a_request_alone_is_still_a_command(reader: AnswerReader, text: str, label: str) -> None:
    assert kind(reader, "breathing_alertness", text) == label


def test_a_pause_then_the_answer_in_the_conversation_is_heard(assistant: Assistant) -> None:
    talk = Conversation(assistant)
    talk.hear(DESCRIPTION)
    talk.hear("hang on. she's breathing fine and she's awake and knows me, no fainting")
    denied = {f.symptom.id for f in talk.found if f.status is Status.ABSENT}
    assert {"trouble_breathing", "very_drowsy", "fainting"} <= denied


def test_a_no_that_names_its_part_after_a_hedge_denies_that_part(reader: AnswerReader) -> None:
    answer = reader.read("fever_chills", "bit warm maybe no shivers though")
    assert kind(reader, "fever_chills", answer.input) == "partial"
    status = {f.symptom.id: f.status for f in answer.findings}
    assert status == {"chills": Status.ABSENT, "fever": Status.PRESENT}


@pytest.mark.parametrize("text", ["can't say about chills", "maybe no", "not sure no"])
def test_a_no_in_the_hedges_doubt_is_still_unsure(reader: AnswerReader, text: str) -> None:
    assert kind(reader, "fever_chills", text) == "unsure"


@pytest.mark.parametrize(("question", "text"), [
    ("breathing_alertness", "No. Grandson breathing normal, he is awake, he play with blocks now."),
    ("limbs", "No, her legs are fine, she was jumping on the sofa before."),
    ("breathing_alertness", "Well now, lemme think... no, she's breathing just fine and wide awake."),
    ("limbs", "Let me see... no, she's grabbing her toys fine, legs are fine."),
    ("fever_chills", "Nah, I checked her, thirty-six eight, she's canny."),
])
def test_an_honest_no_told_with_a_well_child_at_play_is_no(reader: AnswerReader, question: str, text: str) -> None:
    assert kind(reader, question, text) == "no"


@pytest.mark.parametrize(("question", "text"), [
    # Never "jumping" or "running" alone: what the child does there may be the sign.
    ("heart_control", "no, but her heart keeps jumping"),
    ("fever_chills", "no, she's running a temperature"),
    ("cramps_night_weight", "Happen it's come back once or twice, love, but she slept fine and she's not lost owt."),
])
def test_play_words_and_come_back_never_make_a_no(reader: AnswerReader, question: str, text: str) -> None:
    assert kind(reader, question, text) != "no"


@pytest.mark.parametrize(("question", "text"), [
    ("fever_chills", "No fever. I check morning and evening, normal. Only she cry for back."),
    ("walking_toilet", "No, she's walking around fine, nappies are normal, she's pooping fine. It's just when she bends."),
    ("limbs", "no, only the back"),
])
def test_the_back_said_after_an_honest_no_is_the_complaint_not_a_part(reader: AnswerReader, question: str,
                                                                      text: str) -> None:
    assert kind(reader, question, text) == "no"


def test_only_the_back_denies_nothing_said_after_it(reader: AnswerReader) -> None:
    # The back the call is about is said, not a well word: the legs said with it stand (rule 4).
    assert kind(reader, "limbs", "only the back and her legs") != "no"


@pytest.mark.parametrize("question", ["breathing_alertness", "heart_control", "fever_chills", "limbs"])
@pytest.mark.parametrize("text", ["no breakfast, no lunch", "no dinner tonight", "not a bite all day"])
def test_a_meal_missed_is_news_never_a_no(reader: AnswerReader, question: str, text: str) -> None:
    assert kind(reader, question, text) == "new_info"


@pytest.mark.parametrize(("question", "text"), [
    ("cramps_night_weight", "No, she has not lost weight, she slept well."),
    ("breathing_alertness", "No, airway's clear, breathing quiet, she's alert."),
])
def test_a_deed_done_well_denies_its_part(reader: AnswerReader, question: str, text: str) -> None:
    assert kind(reader, question, text) == "no"


@pytest.mark.parametrize("question", ["limbs", "course", "breathing_alertness"])
@pytest.mark.parametrize("text", ["gave him 5 ml of ibuprofen at 6 pm",
                                  "She took a tumble off the settee yesterday teatime, landed on her bottom.",
                                  "Nobody has seen her for this yet, we haven't taken her to the doctor."])
def test_a_dose_a_fall_or_no_doctor_yet_is_news(reader: AnswerReader, question: str, text: str) -> None:
    assert kind(reader, question, text) == "new_info"


def test_no_doctor_yet_is_counted_as_its_own_sign(reader: AnswerReader) -> None:
    # The hedge-like "haven't taken" is the sign's own words: the news counts, the question is asked again.
    answer = reader.read("course", "we haven't taken her to the doctor")
    present = {f.symptom.id for f in answer.findings if f.status is Status.PRESENT}
    assert present == {"not_seen_by_provider"}


def test_a_hedge_said_with_no_doctor_yet_still_doubts_the_question(reader: AnswerReader) -> None:
    assert kind(reader, "breathing_alertness", "not sure, we haven't taken her to the doctor") == "unsure"


def test_a_medicine_fetched_in_the_room_is_still_talk_to_the_room(reader: AnswerReader) -> None:
    assert kind(reader, "fever_chills", "Where did you put the Calpol?") == "off_topic"


@pytest.mark.parametrize(("text", "label"), [
    ("help what i must do how to use this", "command:help"),
    ("Okay stop that please, just stop talking for now.", "command:stop"),
    # "Stop that" alone is said to a child.
    ("stop that, she's breathing fine", "off_topic"),
])
def test_commands_said_with_what_they_are_about(reader: AnswerReader, text: str, label: str) -> None:
    assert kind(reader, "heart_control", text) == label


def test_a_parent_missed_after_an_honest_no_is_no_part_of_the_question(reader: AnswerReader) -> None:
    text = "No, she has not lost weight, she slept well, but she is asking for her mother who is travelling."
    assert kind(reader, "cramps_night_weight", text) == "no"
    assert kind(reader, "breathing_alertness", "she's missing her mum, she keeps dozing off") == "yes"
