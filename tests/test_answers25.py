"""The answer reader on honest noes followed only by words that deny, reassure or are neutral (answers25, #9; outside
review 23 F4 and F9, answers_bl): a short no leading a statement explains nothing of it, the asked sign said to be
well in other Englishes ("breathing is proper", "she is active only"), dry said of a child at the heart and toilet
question, nappies said with "use" or "wear", a fever "not back", a time of day ("since this afternoon"), and the
child's ordinary doings. Near misses that say a sign stay counted. Each test in our own words, with the real
reader."""

from __future__ import annotations

import pytest

from helpers import kind
from voicecare.conversation.answers import AnswerReader
from voicecare.domain import Status

COUNTED = ("yes", "partial", "unsure")
"""Kinds that count the question's signs (rules 4 and 10)."""


def _absent(reader: AnswerReader, question: str, text: str) -> set[str]:
    return {f.symptom.id for f in reader.read(question, text).findings if f.status is Status.ABSENT}


def _present(reader: AnswerReader, question: str, text: str) -> set[str]:
    return {f.symptom.id for f in reader.read(question, text).findings if f.status is Status.PRESENT}


@pytest.mark.parametrize(("question", "text"), [
    ("walking_toilet", "she hasn't peed since lunch"),
    ("walking_toilet", "no she hasn't done a poo for four days"),
    ("breathing_alertness", "he wasn't waking up when I called him"),
    ("limbs", "no, she didn't want to stand on her leg, it hurts"),
    ("fever_chills", "no she hasn't, but she's shivering now"),
    # A short no leading a statement explains nothing of it: the statement may be the sign.
    ("heart_control", "no she has not been able to hold it"),
    ("heart_control", "no she isn't able to hold it in"),
    ("breathing_alertness", "no he wasn't able to stay awake"),
    # "It's not that ..." is a double negation, never a short no.
    ("fever_chills", "no its not that he doesnt have a fever he does"),
    ("fever_chills", "no it isn't that she's not hot, she's boiling"),
])
def test_a_short_no_leading_a_sign_still_counts(reader: AnswerReader, question: str, text: str) -> None:
    # A short no ("she hasn't", "she isn't") is a whole answer only when nothing follows it in its part: "she hasn't
    # peed", "no she isn't able to hold it" say the sign (rule 2); base read the last as a clean no.
    assert kind(reader, question, text) in COUNTED


@pytest.mark.parametrize("text", [
    "No, breathing is proper, she is active only",
    "no breathing is proper",
    "no, he is very active, breathing proper",
    "no, she is active and playing",
])
def test_breathing_proper_and_an_active_child_are_no(reader: AnswerReader, text: str) -> None:
    assert kind(reader, "breathing_alertness", text) == "no"


@pytest.mark.parametrize("text", [
    "her breathing is not proper",
    "no, breathing is not proper, very fast",
    "she is not active, very sleepy",
    "breathing is proper but she is very hard to wake",
    # Northern English "proper" grades what follows: never a well word there.
    "no, his breathing is proper fast",
    "no his breathing's proper quick and noisy",
])
def test_breathing_not_proper_or_a_sign_beside_it_still_counts(reader: AnswerReader, text: str) -> None:
    assert kind(reader, "breathing_alertness", text) in COUNTED


def test_proper_grading_other_words_is_no_no(reader: AnswerReader) -> None:
    assert kind(reader, "breathing_alertness", "no, she is proper poorly") != "no"


@pytest.mark.parametrize("text", [
    "her pulse was about a hundred and ten, and she's dry",
    "pulse is 112 and he is dry",
    "no, she stays dry, heart is normal",
    "heart rate about a hundred, he is dry",
])
def test_dry_said_of_the_child_at_the_heart_question_is_no(reader: AnswerReader, text: str) -> None:
    # The heart is denied; the toilet, never said to be there, counts nothing (at most asked again).
    assert kind(reader, "heart_control", text) == "no"
    assert "abnormal_heart_rate" in _absent(reader, "heart_control", text)
    assert not _present(reader, "heart_control", text)


@pytest.mark.parametrize("text", [
    "she's dry but her heart is racing",
    "his pulse is about 190 and he is dry",
    "she was dry and now she has wet herself twice",
    "he's been dry for months, and today he wet himself twice",
])
def test_dry_beside_a_sign_still_counts(reader: AnswerReader, text: str) -> None:
    assert kind(reader, "heart_control", text) in COUNTED


def test_dry_nappies_stay_the_walking_and_toilet_sign(reader: AnswerReader) -> None:
    # Only at the heart and toilet question is "dry" continence; fewer wet diapers is the walking question's sign.
    assert kind(reader, "walking_toilet", "her nappies have been dry since this morning") in COUNTED


@pytest.mark.parametrize("text", [
    "No, nothing like that, the heart is normal, he uses nappy still",
    "no, heart fine, she still wears nappies",
    "nope, he uses diapers, heart is ok",
    "no, she wears a nappy, her heart is normal",
])
def test_nappies_used_or_worn_set_the_toilet_part_apart(reader: AnswerReader, text: str) -> None:
    assert kind(reader, "heart_control", text) == "no"


@pytest.mark.parametrize("text", [
    "he uses nappies but his heart is pounding really fast",
    "she wears nappies and they've been soaked through, she can't hold it at all, she used to",
])
def test_nappies_beside_a_sign_still_count(reader: AnswerReader, text: str) -> None:
    assert kind(reader, "heart_control", text) in COUNTED


@pytest.mark.parametrize("text", [
    "no, it's not back, I checked, thirty six point nine",
    "no the fever is not back, she is fine",
    "nope, it hasn't come back",
    "nope, it is not back, thirty six point eight",
])
def test_a_fever_not_back_and_a_normal_reading_are_no(reader: AnswerReader, text: str) -> None:
    assert kind(reader, "fever_chills", text) == "no"


@pytest.mark.parametrize("text", [
    "it's back, 39.2",
    "it's not back but she's shivering",
    "the fever went down but now it's back up to 39",
])
def test_a_fever_back_or_chills_beside_it_still_count(reader: AnswerReader, text: str) -> None:
    assert kind(reader, "fever_chills", text) in COUNTED


@pytest.mark.parametrize("text", [
    "no, she's sleeping okay, it's just been since this afternoon",
    "no, he's fine, it's only been since this evening",
    "nah, just since the afternoon, she's okay",
])
def test_a_time_of_day_after_a_no_is_no_news(reader: AnswerReader, text: str) -> None:
    assert kind(reader, "anything_else", text) == "no"


def test_news_since_this_afternoon_is_still_news(reader: AnswerReader) -> None:
    assert kind(reader, "anything_else", "she's been throwing up since this afternoon") == "yes"


@pytest.mark.parametrize(("question", "text"), [
    ("walking_toilet", "No, he walks and climbs the stairs."),
    ("cramps_night_weight", "nah just the once, she slept till seven"),
    ("cramps_night_weight", "No lah, only that one cramp yesterday. Night time she sleep through, never wake up."),
    ("course", "no only start yesterday, today is better, he sleep fast last night"),
    ("walking_toilet", "no no she is walking properly and she is doing potty daily"),
    ("heart_control", "No, heart is calm, I count 104. He use the toilet normal today."),
    ("limbs", "No, arms legs all OK. He play blocks, no problem."),
])
def test_a_no_then_the_childs_ordinary_doings_is_a_no(reader: AnswerReader, question: str, text: str) -> None:
    assert kind(reader, question, text) == "no"


@pytest.mark.parametrize(("question", "text"), [
    ("walking_toilet", "he can't climb the stairs, his legs give way"),
    ("cramps_night_weight", "she slept till two and then woke up screaming with the cramps"),
    ("heart_control", "he is not calm, his heart is racing"),
    ("walking_toilet", "she hasn't pooped daily, it's been four days"),
    ("cramps_night_weight", "only that one cramp, but it keeps coming back every night"),
])
def test_the_same_doings_beside_a_sign_still_count(reader: AnswerReader, question: str, text: str) -> None:
    assert kind(reader, question, text) in (*COUNTED, "new_info")
    assert _present(reader, question, text)
