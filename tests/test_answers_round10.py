"""Answers read by ``voicecare answer`` (issue #9, answers10): honest noes said as lists and stories."""

from __future__ import annotations

import pytest

from helpers import kind
from voicecare.conversation.answers import AnswerReader


@pytest.mark.parametrize("text", ["Cramps, just the once.", "Cramps, only the once. Weight, same."])
def test_a_heading_answered_by_a_whole_well_phrase_is_denied(reader: AnswerReader, text: str) -> None:
    # "just" leaves nothing out when it is part of the well phrase that ends the part.
    assert kind(reader, "cramps_night_weight", text) == "no"


@pytest.mark.parametrize("text", ["Cramps, only since yesterday.", "Cramps, just worse at night."])
def test_a_heading_answered_by_a_time_or_a_leaving_word_is_not_denied(reader: AnswerReader, text: str) -> None:
    assert kind(reader, "cramps_night_weight", text) != "no"


def test_a_hedge_is_not_read_across_a_pause(reader: AnswerReader) -> None:
    # "no, better": a "no" and then how it is, never the hedge "no better" (not getting better).
    assert kind(reader, "course", "Worse, no, better if anything.") == "no"
    assert kind(reader, "course", "it's no better") != "no"


@pytest.mark.parametrize(("question", "text"), [
    ("walking_toilet", "it's not like she can't walk, she's running around"),
    ("limbs", "No, it's not like he can't move his legs or nothing, he's kicking his brother right now."),
])
def test_a_sign_said_with_its_own_negation_inside_a_denied_frame_is_denied(reader: AnswerReader, question: str,
                                                                           text: str) -> None:
    # "Not like he can't walk": the two negations cancel, so he can walk.
    assert kind(reader, question, text) == "no"


@pytest.mark.parametrize(("question", "text"), [
    ("fever_chills", "it's not that he doesn't have a fever"),  # the denial cancelled: the fever is there
    ("walking_toilet", "it's not that she can't walk, she's limping badly"),  # another sign said plainly
])
def test_a_denied_frame_never_hides_a_sign(reader: AnswerReader, question: str, text: str) -> None:
    assert kind(reader, question, text) in ("yes", "partial")


def test_a_question_word_inside_longer_health_news_is_the_news(reader: AnswerReader) -> None:
    # "off" is a word of the alertness question ("off with the fairies"); in "off her food" it is news.
    assert kind(reader, "breathing_alertness", "She's gone right off her food, hardly touched her sandwich.") == \
        "new_info"
    assert kind(reader, "fever_chills", "bit of a temperature yeah but no shaking or whatever") == "partial"


@pytest.mark.parametrize("text", [
    "nah she had a temp on the weekend but thats long gone shes been normal since monday",
    "He had a fever last week but it's gone, he's been cool since Saturday.",
])
def test_a_sign_said_and_then_said_to_be_over_is_past(reader: AnswerReader, text: str) -> None:
    # Rule 9: a past fever does not raise the level; "since Saturday" is how long he has been well.
    assert kind(reader, "fever_chills", text) == "no"


@pytest.mark.parametrize(("question", "text"), [
    ("fever_chills", "she had a fever this morning, it's gone now but she's shivering"),  # another sign after it
    ("breathing_alertness", "she fainted this morning but it's gone now"),  # never an emergency sign
    ("fever_chills", "she's fine, can't walk since monday"),  # a sign's own words before the time
])
def test_over_never_hides_a_sign_said_now_or_an_emergency(reader: AnswerReader, question: str, text: str) -> None:
    assert kind(reader, question, text) != "no"


@pytest.mark.parametrize(("question", "text"), [
    ("fever_chills", "No, she's not got a temperature. Her hands are a bit cold, but that's from the ice pack."),
    ("cramps_night_weight", "no, she woke up once but that was from the thunder"),
])
def test_words_of_the_question_explained_by_an_ordinary_cause_say_no_sign(reader: AnswerReader, question: str,
                                                                          text: str) -> None:
    assert kind(reader, question, text) == "no"


@pytest.mark.parametrize(("question", "text"), [
    ("cramps_night_weight", "no, she woke up once, but that was because of her back"),  # the complaint itself
    ("fever_chills", "no, her hands are cold, that's just how she is, but she's shivering"),  # a sign said
    ("cramps_night_weight", "no, she woke up screaming but that was from the cramp"),
])
def test_a_cause_that_names_the_complaint_or_a_sign_explains_nothing_away(reader: AnswerReader, question: str,
                                                                          text: str) -> None:
    assert kind(reader, question, text) != "no"


@pytest.mark.parametrize(("question", "text"), [
    ("walking_toilet", "No. Gait's normal, he wees without any fuss and he did a normal poo this morning."),
    ("heart_control", "Yeah nah, nothing like that. Heart's normal and she's going on the potty like a big girl."),
    ("cramps_night_weight", "negative on all three it was a one off he slept through and hes gaining weight"),
])
def test_done_with_no_trouble_is_well(reader: AnswerReader, question: str, text: str) -> None:
    assert kind(reader, question, text) == "no"


@pytest.mark.parametrize("text", ["Nah yeah, she's walking funny.", "yeah she's walking all funny bent over"])
def test_walking_said_with_how_is_never_well(reader: AnswerReader, text: str) -> None:
    assert kind(reader, "walking_toilet", text) != "no"


def test_the_everyday_no_said_with_other_verbs(reader: AnswerReader) -> None:
    assert kind(reader, "walking_toilet", "I don't believe so, her nappies are as wet as they always are") == "no"
    assert kind(reader, "walking_toilet", "I don't believe so, but she's limping") != "no"
    assert kind(reader, "fever_chills", "She won't eat since yesterday, only drinks a little water.") == "new_info"


@pytest.mark.parametrize("text", ["Definitely not.", "Absolutely not.", "Not in the slightest.", "Not one bit.",
                                  "Nope, fit as a fiddle.", "no she's bouncing off the walls"])
def test_a_stronger_not_and_a_lively_child_are_no(reader: AnswerReader, text: str) -> None:
    # "Definitely" alone is a yes; "definitely not" never is.
    assert kind(reader, "breathing_alertness", text) == "no"


@pytest.mark.parametrize(("question", "text"), [
    ("breathing_alertness", "She's definitely not breathing right."),
    ("walking_toilet", "She can't walk, no way."),
])
def test_a_stronger_not_inside_a_sign_is_the_sign(reader: AnswerReader, question: str, text: str) -> None:
    assert kind(reader, question, text) == "yes"


@pytest.mark.parametrize(("question", "text"), [
    ("breathing_alertness", "No, she's been on the go all day."),
    ("breathing_alertness", "Nope, breathing easy, eyes bright."),
    ("cramps_night_weight", "No, she hasn't woken up with it."),
    ("course", "No, she went to sleep without any problem."),
])
def test_well_said_in_everyday_words_is_no(reader: AnswerReader, question: str, text: str) -> None:
    assert kind(reader, question, text) == "no"


@pytest.mark.parametrize(("question", "text"), [
    ("cramps_night_weight", "She's woken up with it every night."),
    ("walking_toilet", "She can't wee without crying."),
])
def test_the_same_words_inside_a_sign_stay_the_sign(reader: AnswerReader, question: str, text: str) -> None:
    assert kind(reader, question, text) == "yes"


@pytest.mark.parametrize(("question", "text"), [
    ("heart_control", "I wouldn't know what's normal for a heartbeat."),  # was a wrong "no" from its "normal"
    ("fever_chills", "I'm not a hundred percent sure."),  # was a yes from its "sure"
    ("fever_chills", "Your guess is as good as mine."),
])
def test_cannot_say_in_everyday_words_is_unsure(reader: AnswerReader, question: str, text: str) -> None:
    assert kind(reader, question, text) == "unsure"


@pytest.mark.parametrize(("question", "text"), [
    ("breathing_alertness", "No, she had a long nap but woke up fine and she's playing now."),
    ("limbs", "No, she's not said anything about her legs, and she's running around."),
    ("cramps_night_weight", "No, she's still chubby, she hasn't lost any weight."),
    ("course", "No, it's a bit better now than this morning."),
])
def test_a_no_told_with_an_ordinary_day_is_no(reader: AnswerReader, question: str, text: str) -> None:
    assert kind(reader, question, text) == "no"


@pytest.mark.parametrize(("question", "text"), [
    ("walking_toilet", "She's been to the toilet twice and it hurt both times."),
    ("walking_toilet", "She walked to the kitchen and it hurt."),
    ("limbs", "She's not said anything but she won't move her arm."),
    ("cramps_night_weight", "She had a nap and woke up screaming."),
])
def test_an_errand_told_with_a_complaint_is_never_no(reader: AnswerReader, question: str, text: str) -> None:
    assert kind(reader, question, text) != "no"


@pytest.mark.parametrize("text", ["She's walking a bit slower than usual.", "yeah she's walking a little slower"])
def test_a_command_word_said_of_the_child_is_how_the_child_is(reader: AnswerReader, text: str) -> None:
    # Was command:slower: a missed affirmation.
    assert kind(reader, "walking_toilet", text) == "yes"


@pytest.mark.parametrize("text", ["bit slower mate", "she is crying please slow down",
                                  "he is crying can you go a bit slower"])
def test_a_request_is_still_a_command(reader: AnswerReader, text: str) -> None:
    assert kind(reader, "walking_toilet", text) == "command:slower"


@pytest.mark.parametrize(("question", "text"), [
    ("limbs", "Her leg is numb, the rest is long gone."),  # "the rest", not the leg
    ("limbs", "his leg hurts, it is gone weak"),  # "gone weak" says a sign
    ("walking_toilet", "She's limping, the constipation has cleared up."),
])
def test_over_only_of_what_it_points_back_at(reader: AnswerReader, question: str, text: str) -> None:
    assert kind(reader, question, text) in ("yes", "partial", "unsure")


def test_a_start_said_as_early_days_is_no(reader: AnswerReader) -> None:
    assert kind(reader, "course", "No, it's early days, only started today.") == "no"
    assert kind(reader, "course", "It's been going on a week, it's not early days.") != "no"
