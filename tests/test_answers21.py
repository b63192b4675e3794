"""Interview answers (issue #9, answers21): an honest "no" told with a story of days gone by, and a start said in
words as the whole answer to how long; each class both ways, in our own words (not the tuning file's)."""

from __future__ import annotations

import pytest

from helpers import kind
from voicecare.conversation.answers import AnswerReader
from voicecare.domain import Status


@pytest.mark.parametrize(("question", "text"), [
    # The question's sign said of a day or more ago, then well now with a word of now: a story, the "no" answers.
    ("walking_toilet", "no, he was a little constipated last month but he's been going fine ever since"),
    ("walking_toilet", "No. She limped on Saturday because of her new wellies, but today she's walking well."),
    ("fever_chills", "nah, she had a temperature at the weekend but nothing since"),
    ("limbs", "no, his knee hurt yesterday from the slide, but it's fine today"),
    ("heart_control", "No. He had an accident on Monday when he was poorly but none since then."),
])
def test_a_sign_of_days_gone_by_then_well_now_is_a_no(reader: AnswerReader, question: str, text: str) -> None:
    assert kind(reader, question, text) == "no", text


@pytest.mark.parametrize(("question", "text"), [
    # Still there, or said to go on: the sign (rule 2).
    ("walking_toilet", "no, he limped on Saturday and he's still limping today"),
    ("walking_toilet", "no, she was constipated last week, and today she strains and cries on the potty"),
    ("fever_chills", "nah, she had a temperature at the weekend and today she's burning up again"),
    # No well part of now: the time alone says nothing is over ("lost a kilo last week" is weight loss).
    ("cramps_night_weight", "no, but she lost a kilo last week, the nurse weighed her"),
    ("limbs", "no, his knee hurt yesterday from the slide and he won't stand on it"),
    # A time of today is no day gone by: "woke screaming last night" is the sign.
    ("cramps_night_weight", "no, but she woke up screaming twice last night, holding her back"),
    # A doubt in the well part of now keeps the question's signs (rule 10).
    ("walking_toilet", "no, he limped yesterday, but today I'm not sure, he might be limping"),
])
def test_a_sign_still_there_or_not_said_over_is_never_a_clean_no(reader: AnswerReader, question: str,
                                                                 text: str) -> None:
    assert kind(reader, question, text) != "no", text


def test_an_emergency_of_days_gone_by_is_still_asked_about(reader: AnswerReader) -> None:
    # "She fainted, she's fine now" is asked about (answer_passed.over): never a clean "no" by a story.
    assert kind(reader, "breathing_alertness", "no, she fainted on Sunday at church but she's fine today") != "no"


@pytest.mark.parametrize("text", [
    "just this afternoon", "nah, only since last night", "It started yesterday.", "no, since lunchtime",
    "um, since this morning", "only since this arvo, mate",
])
def test_a_recent_start_said_alone_is_no_long_lasting_pain_and_asks_the_rest_again(reader: AnswerReader,
                                                                                     text: str) -> None:
    answer = reader.read("course", text)
    assert kind(reader, "course", text) == "no", text
    # Only how long it lasted is denied (under three days, measures.toml); worse and sleep are asked again.
    assert {f.symptom.id: f.status for f in answer.findings} == {"long_lasting_pain": Status.ABSENT}, text
    assert set(answer.unanswered) == {"pain_worsening", "pain_prevents_sleep"}, text


@pytest.mark.parametrize(("text", "label"), [
    # A start long enough by the threshold is long-lasting pain.
    ("since the day before yesterday", "yes"),
    # Anything said with the start besides it is no answer of how long: the other words are read as before.
    ("worse since this afternoon", "yes"),
    ("since last night, and she can't get to sleep", "yes"),
    ("just this morning, I'm not sure", "unsure"),
])
def test_a_start_said_with_more_is_not_read_as_a_duration(reader: AnswerReader, text: str, label: str) -> None:
    assert kind(reader, "course", text) == label, text


def test_a_start_is_read_only_at_the_course_question(reader: AnswerReader) -> None:
    # "Since this morning" to the fever question says when, nothing of a fever: never a "no".
    assert kind(reader, "fever_chills", "since this morning") != "no"
