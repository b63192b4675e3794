"""The answer reader on honest noes and hidden signs (answers23, #9): a sign told as past that is not over - a night
sign said of last night beside a well day, a past sign a later part says goes on - counts, and the story of days gone
by with a well part of now stays a "no". Each test in our own words, with the real reader."""

from __future__ import annotations

import pytest

from helpers import kind
from voicecare.conversation.answers import AnswerReader
from voicecare.domain import Status


@pytest.mark.parametrize(("question", "text", "sign"), [
    # Pain that wakes the child at night is asked of nights: a well day says nothing of last night (answers21).
    ("cramps_night_weight", "no, she woke up screaming twice last night, she's fine today", "night_pain"),
    ("cramps_night_weight", "nah he woke up crying in pain in the night but he's grand this morning", "night_pain"),
    ("cramps_night_weight", "No. He was up crying with his back overnight, he's okay now though.", "night_pain"),
    # A past sign a later part says goes on (answers21): the "no" hides it.
    ("walking_toilet", "No, he was constipated last week, and he still strains", "bladder_bowel_problems"),
    ("walking_toilet", "no she was constipated on monday and she still keeps straining", "bladder_bowel_problems"),
    ("walking_toilet", "nope, he was limping yesterday and he's still at it", "trouble_walking"),
])
def test_a_sign_told_as_past_that_is_not_over_counts(reader: AnswerReader, question: str, text: str,
                                                     sign: str) -> None:
    answer = reader.read(question, text)
    assert kind(reader, question, text) in ("yes", "partial")
    assert any(f.symptom.id == sign and f.status is Status.PRESENT for f in answer.findings)


@pytest.mark.parametrize(("question", "text"), [
    # A night gone by days ago, with the nights well now, stays history; so does a past sign well now.
    ("cramps_night_weight", "no, he woke crying last week, he sleeps through now"),
    ("walking_toilet", "No, he was constipated last week, he's still fine"),
    ("walking_toilet", "no, she was constipated at christmas but she's regular as clockwork since"),
])
def test_a_past_sign_well_now_stays_no(reader: AnswerReader, question: str, text: str) -> None:
    assert kind(reader, question, text) in ("no", "unsure")


@pytest.mark.parametrize(("question", "text"), [
    # "She did <verb>" stresses a story; it answers nothing, so an episode over is no "yes" (answers_bh).
    ("limbs", "She did complain her leg hurt after ballet last week, but that cleared up in a day and she's fine now."),
    ("limbs", "he did say his arm was sore after the park last weekend, but that went away and he's fine now"),
])
def test_a_stressed_did_before_a_story_of_days_gone_by_is_no_yes(reader: AnswerReader, question: str,
                                                                  text: str) -> None:
    assert kind(reader, question, text) == "no"


@pytest.mark.parametrize(("question", "text"), [
    # Alone, or before a time, "he did" is the answer.
    ("limbs", "she did"),
    ("cramps_night_weight", "he did last night"),
    # With the sign in it, the sign counts.
    ("limbs", "she did complain her leg hurts"),
])
def test_did_alone_or_with_the_sign_is_yes(reader: AnswerReader, question: str, text: str) -> None:
    assert kind(reader, question, text) == "yes"


def test_a_fever_that_has_not_come_back_is_not_present(reader: AnswerReader) -> None:
    answer = reader.read("fever_chills", "She had a temperature on Monday, but it broke and hasn't come back.")
    assert not any(f.symptom.id == "fever" and f.status is Status.PRESENT for f in answer.findings)
    back = reader.read("fever_chills", "she had a temperature on monday and it's come back")
    assert any(f.symptom.id == "fever" and f.status is Status.PRESENT for f in back.findings)


@pytest.mark.parametrize(("question", "text", "expected"), [
    # Someone else is "the one with" the sign, "not her", then the child's own signs denied: an honest no.
    ("limbs", "Her grandad's the one with the sore legs, not her. She's got no pins and needles or anything.", "no"),
    ("limbs", "it's her brother with the numb leg, not her. her arms and legs are fine", "no"),
    # The child's own sign said after it still counts.
    ("limbs", "her grandad's got sore legs, not her, she's limping", "new_info"),
])
def test_another_persons_sign_not_the_childs_then_a_denial(reader: AnswerReader, question: str, text: str,
                                                             expected: str) -> None:
    assert kind(reader, question, text) == expected
