"""Answers read by ``voicecare answer`` (issue #9, answers9): a decimal is no count, news that holds its own
"nothing", a sign said before "that's it", a one-word command inside a description."""

from __future__ import annotations

import pytest

from helpers import kind
from voicecare.conversation.answers import ANYTHING_ELSE, AnswerReader
from voicecare.domain import Status


@pytest.mark.parametrize("text", ["T 37.4", "37.4", "temp was 36.9"])
def test_a_decimal_is_no_pulse_so_never_a_no_to_the_heart_question(reader: AnswerReader, text: str) -> None:
    # Beats are counted: read as a normal pulse, "37.4" denied a fast or slow heart and loss of control (rule 4).
    assert kind(reader, "heart_control", text) != "no"


@pytest.mark.parametrize("text", ["110", "about 110"])
def test_a_whole_number_is_still_a_pulse(reader: AnswerReader, text: str) -> None:
    assert kind(reader, "heart_control", text) == "no"


@pytest.mark.parametrize("question", ["breathing_alertness", "heart_control", "limbs"])
@pytest.mark.parametrize("text", ["he eat nothing since morning only little bit water", "she's eaten nothing all day",
                                  "drinking none of it"])
def test_news_that_holds_its_own_nothing_is_news_never_no(reader: AnswerReader, question: str, text: str) -> None:
    assert kind(reader, question, text) == "new_info"


@pytest.mark.parametrize("text", ["no vomiting, nothing like that", "nothing", "no, none"])
def test_a_nothing_said_as_the_answer_is_still_no(reader: AnswerReader, text: str) -> None:
    assert kind(reader, "heart_control", text) == "no"


def test_a_sign_told_before_thats_it_is_news_after_anything_else(reader: AnswerReader) -> None:
    answer = reader.read(ANYTHING_ELSE, "she said her back hurts when she bends to pick stuff up thats it")
    assert kind(reader, ANYTHING_ELSE, answer.input) == "yes"
    assert any(f.status is Status.PRESENT for f in answer.findings)
    assert kind(reader, ANYTHING_ELSE, "no that's it") == "no"


def test_a_command_word_inside_a_description_is_no_command(reader: AnswerReader) -> None:
    assert not kind(reader, "walking_toilet", "He walk funny, like old man, slow and bent.").startswith("command")
    # Said first, the same kind of word still asks for help.
    assert kind(reader, "limbs", "help i don't understand the question").startswith("command")
    # Asking what a sign means is that question, read as the conversation answers it ("About pain, tingling or
    # weakness ...: if that happens, ...", then the question again): off topic, the sign a what-if (outside review 15,
    # F7: one reading for `voicecare answer` and the conversation).
    answer = reader.read("limbs", "help what does tingling mean")
    assert answer.kind.value == "off_topic" and {f.status for f in answer.findings} == {Status.HYPOTHETICAL}


@pytest.mark.parametrize(("question", "text"), [
    ("heart_control", "HR 130, continent"),  # 98-140 awake is normal (the policy's table); continent: no accidents
    ("breathing_alertness", "No, thank God. She is breathing well and she answers when I call her name."),
    ("walking_toilet", "No. He passes urine without any complaint and his bowels are moving well."),
    ("cramps_night_weight", "No. The cramp came once, it went, and it has not returned."),
    ("course", "No, it is already softening."),
])
def test_well_said_in_more_words_is_no(reader: AnswerReader, question: str, text: str) -> None:
    assert kind(reader, question, text) == "no"


@pytest.mark.parametrize(("text", "command"), [
    ("Could you kindly ask the question once more? My wife was speaking to me.", "repeat"),
    ("slowly please my english not so good", "slower"),
    ("Could ye go a wee bit quicker? I've got the gist.", "faster"),
    ("Please, can we go back to the very beginning? I gave you the wrong age.", "start_over"),
    ("All right, stop there, I got what I need.", "stop"),
])
def test_commands_in_more_words(reader: AnswerReader, text: str, command: str) -> None:
    assert kind(reader, "heart_control", text) == f"command:{command}"


@pytest.mark.parametrize("text", ["Shona don't cry, nani is here", "Sofia, is not toy, is for baby",
                                  "please take that phone call, I am answering the machine"])
def test_words_to_the_room_are_off_topic(reader: AnswerReader, text: str) -> None:
    assert kind(reader, "limbs", text) == "off_topic"


def test_the_caregiver_elsewhere_is_still_unsure(reader: AnswerReader) -> None:
    # "In the other room" is where the caregiver was, not words to the room: the signs count (rule 10).
    assert kind(reader, "breathing_alertness", "not sure, I was in the other room") == "unsure"


@pytest.mark.parametrize("text", ["she has no appetite", "no interest in food", "she doesn't want her milk",
                                  "she's had nothing to drink", "no energy at all"])
def test_a_no_about_other_health_news_is_no_no_to_the_question(reader: AnswerReader, text: str) -> None:
    # The "no" is the news's own ("no appetite"): read as the answer it denied a fast heart and accidents.
    assert kind(reader, "heart_control", text) == "new_info"


def test_a_no_to_the_question_beside_denied_news_is_still_no(reader: AnswerReader) -> None:
    assert kind(reader, "heart_control", "no, no accidents, no vomiting") == "no"
    # After "anything else?" no sign was asked: a denied health word there ends the talk as before.
    assert kind(reader, ANYTHING_ELSE, "no vomiting") == "no"


@pytest.mark.parametrize(("question", "text"), [
    ("course", "no no only since yesterday and it is less today he slept nicely"),  # "no no" is the answer
    ("walking_toilet", "no no, walking, toilet, everything is normal only"),  # "only" said last stresses
])
def test_an_answer_no_and_a_stressing_only_deny_nothing_of_the_well_words(reader: AnswerReader, question: str,
                                                                         text: str) -> None:
    assert kind(reader, question, text) == "no"


def test_also_said_later_is_no_yes(reader: AnswerReader) -> None:
    assert kind(reader, "heart_control", "heart is normal, toilet also normal") == "no"
    assert kind(reader, ANYTHING_ELSE, "also, she has been sick twice") == "yes"


@pytest.mark.parametrize("text", ["Week now. Not worse.", "only two days, but it's worse today"])
def test_a_turn_word_that_turns_still_keeps_its_part(reader: AnswerReader, text: str) -> None:
    assert kind(reader, "course", text) == "partial"


@pytest.mark.parametrize("text", ["Negative. Onset yesterday afternoon, improving, fell asleep no problem.",
                                  "No. It began only this afternoon and it is already softening."])
def test_a_start_within_the_day_is_no_long_lasting_pain(reader: AnswerReader, text: str) -> None:
    assert kind(reader, "course", text) == "no"


def test_a_recent_start_with_worse_pain_still_counts(reader: AnswerReader) -> None:
    assert kind(reader, "course", "It began yesterday, but it is getting worse.") in ("yes", "partial")


@pytest.mark.parametrize(("question", "text"), [
    ("cramps_night_weight", "No sir, only one time it came, and night she slept nicely, weight also same"),
    ("heart_control", "No sir, heartbeat is normal only, and toilet also she is telling properly"),
])
def test_a_heading_answered_by_a_statement_about_it_is_denied(reader: AnswerReader, question: str,
                                                              text: str) -> None:
    assert kind(reader, question, text) == "no"


def test_a_statement_about_something_else_after_a_heading_still_leaves_it_open(reader: AnswerReader) -> None:
    # "Night, she keeps screaming, fine otherwise": the heading's statement is no well word.
    assert kind(reader, "cramps_night_weight", "night she screams with it, she is fine in the day") != "no"


@pytest.mark.parametrize("text", ["Sorry, what am I meant to say to this? Do I just say yes or no?",
                                  "I don't know what to say to that"])
def test_asking_how_to_answer_is_help(reader: AnswerReader, text: str) -> None:
    assert kind(reader, "course", text) == "command:help"


@pytest.mark.parametrize(("question", "text"), [
    ("heart_control", "Her heart? Och, I'd no ken how fast it's meant to go. It's thumping away under my hand."),
    ("cramps_night_weight", "Weight? Couldnae tell ye, we've no scales in the house."),
])
def test_scots_and_irish_hedges_are_unsure(reader: AnswerReader, question: str, text: str) -> None:
    assert kind(reader, question, text) == "unsure"
