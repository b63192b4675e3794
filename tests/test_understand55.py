"""Several statements about different signs in one line (understand55, #7).

Our own wordings of the classes fresh tuning lines showed (batch_bj), written from the policy, each with near misses:
a denial said of someone else named right before it ("his brother doesn't have a fever") takes back nothing said of
this child (rule 9 counts statements about this child only); "if anything" before a subject is no what-if; "worse
instead of better" with words between is still worse; a correction that moves a sign to the other side ("his right
leg, no wait, his left leg") keeps the sign; "nothing" right before a sign denies it ("nothing waking him at
night").
"""

from __future__ import annotations

import pytest

from helpers import level
from voicecare.domain import Level
from voicecare.understanding.assistant import Assistant


@pytest.mark.parametrize("text", [
    "He has a fever and a sore back. His brother doesn't have a fever.",
    "She has a fever of 39. Her sister has no fever.",
    "He's got a temperature of 101 and his back hurts. My other boy's back is sore too, but no fever.",
    "she's burning up with a fever and her back aches, her cousin has no fever though",
    "She has a fever of 39 and I have no fever.",
])
def test_a_denial_said_of_someone_else_keeps_the_childs_sign(assistant: Assistant, text: str) -> None:
    assert level(assistant, text) is Level.URGENT


@pytest.mark.parametrize("text", [
    # The child's own "no": said by the caregiver, by someone telling it, or after the child's own subject.
    "My husband says she has no fever, her back is sore.",
    "The nurse said no fever, her back is sore.",
    "He pulled something climbing the couch with his brothers, no fever, sleeps fine.",
    "Her sister had a fever last week but she has no fever, just a sore back.",
])
def test_the_childs_own_denial_still_denies(assistant: Assistant, text: str) -> None:
    assert level(assistant, text) is Level.HOME_CARE


def test_someone_elses_denial_alone_says_nothing_of_the_child(assistant: Assistant) -> None:
    # Nothing said of this child: not home care, and no 911 for the brother whose sign was denied.
    assert level(assistant, "His brother doesn't have a fever.") is Level.UNCLEAR


@pytest.mark.parametrize("text", [
    "She isn't hard to wake at all, if anything she can't fall asleep at bedtime because her back hurts.",
    "he's not sleepy if anything he can't get to sleep cause his back hurts",
    "Her back hurts. If anything, she can't sleep at night because of it.",
])
def test_if_anything_before_a_subject_is_no_what_if(assistant: Assistant, text: str) -> None:
    assert level(assistant, text) is Level.FOLLOW_UP


@pytest.mark.parametrize("text", [
    "her back is sore, if anything gets worse should I call",
    "his back is stiff, if anything happens like he can't sleep what do I do",
])
def test_if_anything_before_a_verb_is_still_a_condition(assistant: Assistant, text: str) -> None:
    assert level(assistant, text) is Level.HOME_CARE


@pytest.mark.parametrize("text", [
    "No fever, legs are fine, but the ache is getting worse each day instead of better.",
    "his back pain is worse this week instead of getting better",
])
def test_worse_instead_of_better_is_worse(assistant: Assistant, text: str) -> None:
    assert level(assistant, text) is Level.FOLLOW_UP


def test_better_now_than_it_was_is_no_worsening(assistant: Assistant) -> None:
    assert level(assistant, "it was worse yesterday, it's better now, his back is just stiff") is Level.HOME_CARE


@pytest.mark.parametrize("text", [
    "Pain's in his right leg, no wait, it's his left leg, the right one's fine, and his back's stiff.",
    "his right leg hurts, no wait, it's his left leg",
    "her left knee hurts, no sorry, it's her right knee, and her back is sore",
])
def test_a_correction_to_the_other_side_keeps_the_sign(assistant: Assistant, text: str) -> None:
    assert level(assistant, text) is Level.URGENT


@pytest.mark.parametrize("text", [
    "his leg hurts, no wait, it's his back",
    "his leg hurts, no wait, it was yesterday, his back is stiff",
    "his leg hurts, no sorry, it was his cousin, his back is stiff",
])
def test_a_correction_to_another_thing_still_takes_the_sign_back(assistant: Assistant, text: str) -> None:
    assert level(assistant, text) is Level.HOME_CARE


@pytest.mark.parametrize(("text", "expected"), [
    ("No fever, no leg pain, nothing waking him at night, but his back has hurt for five days now.", Level.FOLLOW_UP),
    ("his back hurts, he's breathing normally, nothing fast, heart rate about 110", Level.HOME_CARE),
])
def test_nothing_right_before_a_sign_denies_it(assistant: Assistant, text: str, expected: Level) -> None:
    assert level(assistant, text) is expected


def test_nothing_said_apart_from_a_sign_denies_nothing(assistant: Assistant) -> None:
    # "Nothing helps": the cramp said after it is still there.
    assert level(assistant, "nothing helps, the cramp in his back won't go away") is Level.URGENT


def test_feeling_nothing_is_numbness(assistant: Assistant) -> None:
    assert level(assistant, "his back hurts and his legs feel nothing, like they're numb") is Level.URGENT
