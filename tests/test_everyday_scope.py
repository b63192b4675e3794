"""Everyday wordings that moved a denial or a duration to the wrong sign (issue #7, batch l classes).

Each group is one class of failure; the sentences are our own, not corpus lines.
"""

from __future__ import annotations

import pytest

from helpers import found, level
from voicecare.domain import Level, Status
from voicecare.understanding.assistant import Assistant
from voicecare.understanding.matching import Matcher

# ---- learner and dialect negation: "no" for the verb's "not" is the sign (rule 2), never its denial


@pytest.mark.parametrize(("text", "symptom"), [
    ("my daughter she is no breathing right since lunch", "trouble_breathing"),
    ("the baby no can walk today, the back is paining", "trouble_walking"),
    ("him no wake up easy this morning", "very_drowsy"),
])
def test_learner_no_before_a_verb_is_the_sign(matcher: Matcher, text: str, symptom: str) -> None:
    assert found(matcher, text)[symptom] is Status.PRESENT


@pytest.mark.parametrize("text", [
    "there is no fever and her back is sore",
    "she no fever, just the back sore",
])
def test_learner_rule_leaves_a_denial_of_a_noun_alone(matcher: Matcher, text: str) -> None:
    assert found(matcher, text)["fever"] is Status.ABSENT


# ---- a denial, or the caregiver's own words, end with their clause at a comma when they named no sign


@pytest.mark.parametrize(("text", "symptom"), [
    ("she dropped a kilo and we were not trying, back sore", "back_spasm"),
    ("no, the pain shoots down her leg", "limb_symptoms"),
    ("not at all, legs all tingly", "limb_symptoms"),
])
def test_a_denial_that_ends_its_clause_does_not_reach_the_next(matcher: Matcher, text: str, symptom: str) -> None:
    assert found(matcher, text)[symptom] is Status.PRESENT


def test_a_denial_naming_a_sign_still_runs_on_as_a_list(matcher: Matcher) -> None:
    assert found(matcher, "no fever, chills or cough") == {"fever": Status.ABSENT, "chills": Status.ABSENT}


# ---- a denial glued to its word ("nofever") is a denial, not a look-alike of the sign


@pytest.mark.parametrize(("text", "symptom", "status"), [
    ("back sore for four days nofever", "fever", Status.ABSENT),
    ("nochills and her back is stiff", "chills", Status.ABSENT),
    ("he is notbreathing", "trouble_breathing", Status.PRESENT),
])
def test_a_glued_denial_is_split_off(matcher: Matcher, text: str, symptom: str, status: Status) -> None:
    assert found(matcher, text)[symptom] is status


def test_a_real_word_starting_with_no_is_kept(assistant: Assistant) -> None:
    # "nothing" is a word of its own; "no thing" would be no different, but "notice" or "nosy" must stay whole.
    assert level(assistant, "nothing else, just a stiff back after the park") is Level.HOME_CARE


# ---- a duration said of a deed in its own clause is the deed's, even with no full stop to end it


@pytest.mark.parametrize("text", [
    "hes been potty trained for a year and his back is sore",
    "she was fine for a week and now her back hurts",
])
def test_a_duration_of_a_deed_is_not_the_pain(assistant: Assistant, text: str) -> None:
    assert level(assistant, text) is Level.HOME_CARE


@pytest.mark.parametrize("text", [
    "his back is sore and it has been a week",
    "her back has been sore and has been for a week",
    "he has not pooed for five days and his back is sore",  # a deed not done has lasted
])
def test_a_duration_of_the_pain_still_counts(assistant: Assistant, text: str) -> None:
    assert level(assistant, text) is Level.FOLLOW_UP


# ---- a sign's own "not" said with when it does not happen is no sign: "she doesn't wake after that"


def test_not_waking_after_that_is_sleeping_through(matcher: Matcher) -> None:
    assert "very_drowsy" not in found(matcher, "she fusses till nine but she does not wake after that")


@pytest.mark.parametrize("text", ["can't wake him at night", "he is not waking up"])
def test_cannot_wake_stays_the_sign(matcher: Matcher, text: str) -> None:
    assert found(matcher, text)["very_drowsy"] is Status.PRESENT


# ---- "back" describing another place ("the back molars") does not make a question about the back


def test_back_teeth_are_not_the_back(assistant: Assistant) -> None:
    assert level(assistant, "his back teeth are coming in and he chews everything, any tips?") is Level.UNCLEAR


def test_a_question_about_the_back_is_still_ours(assistant: Assistant) -> None:
    assert assistant.care_questions("can I put a heat pad on her back tonight?")
