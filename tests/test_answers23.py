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
