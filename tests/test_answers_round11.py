"""Answers read by ``voicecare answer`` (issue #9, answers11): honest noes told with what the child is doing,
readings said in words, and news said with a doubt after "anything else?"."""

from __future__ import annotations

import pytest

from helpers import kind
from voicecare.conversation.answers import AnswerReader


@pytest.mark.parametrize("text", [
    "Heart rate's a hundred and ten, regular, that's normal for him. And he's dry, no accidents.",
    "heart rate is about ninety five, and she's dry, no accidents",
])
def test_a_normal_reading_said_in_words_denies_its_part(reader: AnswerReader, text: str) -> None:
    # The matcher reads the number as a normal heart rate; in words it denies "heart rate" as digits do.
    assert kind(reader, "heart_control", text) == "no"


@pytest.mark.parametrize("text", [
    "heart rate's a hundred and ninety, no accidents",
    "heart rate about sixty, he's dry, no accidents",
])
def test_an_abnormal_reading_said_in_words_is_the_sign(reader: AnswerReader, text: str) -> None:
    assert kind(reader, "heart_control", text) == "partial"


@pytest.mark.parametrize(("question", "text"), [
    ("limbs", "No. He kicks the football in the garden with both legs and he climbs on the sofa."),
    ("limbs", "no, she's carrying her little bucket with both hands"),
    ("walking_toilet", "no no she is walking well and she is going to the toilet well too"),
    ("walking_toilet", "No, she walked all the way to the shop with me."),
    ("walking_toilet", "no, now she poops every day and she walks normal"),
    ("cramps_night_weight", "ah no she was snoring away all night"),
    ("breathing_alertness", "No, she wake up straight away from her nap and asked for juice."),
    ("fever_chills", "No fever. I measured 37.1 in the ear, and he is not shivering, he runs around in only a T-shirt."),
    ("limbs", "no lah the pain only at the back she jumping on the bed with both legs"),
])
def test_what_a_well_child_does_denies_the_part(reader: AnswerReader, question: str, text: str) -> None:
    assert kind(reader, question, text) == "no"


@pytest.mark.parametrize(("question", "text"), [
    ("limbs", "both legs are tingling"),
    ("walking_toilet", "she can't walk all the way to the car"),
    ("walking_toilet", "she hasn't pooped every day"),
    ("breathing_alertness", "she didn't wake up straight away, I had to shake her"),
    ("limbs", "the pain is not only in the back, it goes down her leg"),
])
def test_the_same_words_denied_or_beside_a_sign_still_count(reader: AnswerReader, question: str, text: str) -> None:
    # "With both", "all the way", "straight away" are well only as said: negated or beside a sign, never a "no".
    assert kind(reader, question, text) in ("yes", "partial", "unsure", "new_info")


@pytest.mark.parametrize("text", [
    "maybe shes been a bit quieter than usual not sure if its anything",
    "Possibly decreased appetite, hard to say, she's always picky.",
])
def test_news_said_with_a_doubt_after_anything_else_is_news(reader: AnswerReader, text: str) -> None:
    # No sign was asked: the doubt is whether it matters, and the news is heard out (a yes, as the shared corpus).
    assert kind(reader, "anything_else", text) == "yes"


def test_a_bare_doubt_after_anything_else_stays_unsure(reader: AnswerReader) -> None:
    assert kind(reader, "anything_else", "I'm not sure") == "unsure"


@pytest.mark.parametrize("text", [
    "no he's walking fine nappies normal yeah i'm nearly done no poo's normal too",
    "no pee is normal",
])
def test_a_no_run_into_a_part_said_to_be_well_is_the_answer(reader: AnswerReader, text: str) -> None:
    # A recogniser writes "No, poo's normal" without the comma: "no poo" is not the sign there.
    assert kind(reader, "walking_toilet", text) == "no"


@pytest.mark.parametrize("text", ["no poo for four days", "no poo since monday, she's fine otherwise"])
def test_no_poo_with_a_time_is_still_the_sign(reader: AnswerReader, text: str) -> None:
    assert kind(reader, "walking_toilet", text) in ("yes", "partial")


def test_asleep_with_no_trouble_is_well(reader: AnswerReader) -> None:
    assert kind(reader, "course", "No, it's just since yesterday, it's easing off, and he dozed off no problem.") == "no"
    assert kind(reader, "breathing_alertness", "she keeps dozing off") == "yes"


@pytest.mark.parametrize(("question", "text", "command"), [
    ("breathing_alertness", "please slower my english is not so good", "slower"),
    ("anything_else", "Sweet, thanks, see ya.", "goodbye"),
])
def test_commands_in_everyday_words(reader: AnswerReader, question: str, text: str, command: str) -> None:
    assert kind(reader, question, text) == f"command:{command}"


@pytest.mark.parametrize(("question", "text"), [
    ("fever_chills", "He has 38.2, yes. But chills I am not sure, maybe he is cold from the open window."),
    ("limbs", "He says the leg hurts, yes. But tingling I cannot know, he does not know this word."),
])
def test_yes_to_one_sign_and_a_doubt_about_another_part_is_partial(reader: AnswerReader, question: str,
                                                                   text: str) -> None:
    assert kind(reader, question, text) == "partial"


@pytest.mark.parametrize(("question", "text", "expected"), [
    ("heart_control", "Possibly? His heart feels fast, but he's been crying, so who knows.", "unsure"),
    ("fever_chills", "yes she's burning up, I think", "yes"),
])
def test_a_doubt_about_the_sign_said_is_no_partial(reader: AnswerReader, question: str, text: str,
                                                   expected: str) -> None:
    assert kind(reader, question, text) == expected


@pytest.mark.parametrize("text", ["she is passing loose stool since morning", "And she's had diarrhea since lunch"])
def test_news_since_a_time_of_day_is_news_not_the_course(reader: AnswerReader, text: str) -> None:
    # "Since lunch" says when the news began, not that the back pain has lasted (the course question's "since").
    assert kind(reader, "course", text) == "new_info"


def test_worse_since_a_time_of_day_is_still_worse(reader: AnswerReader) -> None:
    assert kind(reader, "course", "it's been getting worse since lunch") == "yes"
