"""Serious signs said but lost (understand56, #7): our own wordings of the classes the lead found on main and
fresh tuning lines showed (batch_bl), each with near misses.

- A list of body parts without commas: "her knees hurt her arms are fine" keeps the knees' pain; the arms' "fine"
  takes back only the arms (an owner's noun and its verb open a statement of their own).
- A question after a full stop denies nothing said before it: "her heart is too slow. What heart rate is normal?".
- A correction turns to now: "her heart rate is normal. No wait, it's racing" is a racing heart (rule 9).
- "Isn't breathing fast, he's just crying" denies fast breathing; it is no "not breathing" (rule 2 stays for the
  real ones).
- A dash before a number labels it as a colon does: "counted his breaths ... - 54 in one minute".
- Called by name and not getting up is hard to wake, whatever sleep was short before it.
- A limb named, then "can't feel it", is the limb's numbness (urgent).
- "Confused why she can't go to nursery" is puzzled, no confusion.
"""

from __future__ import annotations

import pytest

from helpers import level
from voicecare.domain import Level
from voicecare.understanding.assistant import Assistant


@pytest.mark.parametrize("text", [
    "her back hurts her knees hurt her arms are fine",
    "her back hurts, her knees hurt, her arms are fine",
    "her knees hurt her arms are fine",
    "his back is sore his legs ache his arms are okay",
    "her back hurts her legs hurt her neck is fine",
])
def test_a_part_said_fine_after_a_list_keeps_the_parts_that_hurt(assistant: Assistant, text: str) -> None:
    assert level(assistant, text) is Level.URGENT


@pytest.mark.parametrize("text", [
    "her back hurts her legs are fine her arms are fine",
    "her back is sore, her legs are fine",
    # A what-if that runs on past a comma stays one (the comma is no new part's statement).
    "what if his back gets worse, right now it's just a bit tight",
])
def test_parts_said_fine_stay_fine(assistant: Assistant, text: str) -> None:
    assert level(assistant, text) is Level.HOME_CARE


@pytest.mark.parametrize("text", [
    "her heart is too slow. What heart rate is normal?",
    "her heart is too slow. What's a normal heart rate?",
    "his heart is really slow. Is that normal?",
    "his heart is racing. What heart rate is normal for a toddler?",
])
def test_a_question_after_a_full_stop_takes_nothing_back(assistant: Assistant, text: str) -> None:
    assert level(assistant, text) is Level.EMERGENCY


@pytest.mark.parametrize("text", [
    "her heart rate is normal. No wait, it's racing.",
    "her breathing is fine. no wait, it's really fast",
    "his breathing is fine, actually he's grunting",
    "his heart rate was normal earlier, now, it's racing",
])
def test_a_correction_to_the_sign_after_a_part_said_fine_is_the_sign(assistant: Assistant, text: str) -> None:
    assert level(assistant, text) is Level.EMERGENCY


def test_a_correction_to_something_else_names_no_sign(assistant: Assistant) -> None:
    assert level(assistant, "her heart rate is normal, actually it was the tv that was loud, her back is sore") \
        is Level.HOME_CARE


@pytest.mark.parametrize("text", [
    "he isn't breathing fast, he's just crying, his back is sore",
    "she's not breathing hard, she was just running around, her back hurts",
    "not breathing fast because he was crying, his back hurts",
])
def test_denied_fast_breathing_explained_is_no_not_breathing(assistant: Assistant, text: str) -> None:
    assert level(assistant, text) is Level.HOME_CARE


@pytest.mark.parametrize("text", [
    "he isn't breathing, he's just lying there",
    "he's not breathing properly, he was crying",
    "he stopped breathing while crying",
    "she's not breathing right after crying so hard",
])
def test_not_breathing_stays_911(assistant: Assistant, text: str) -> None:
    assert level(assistant, text) is Level.EMERGENCY


@pytest.mark.parametrize("text", [
    "I counted his breaths while he was lying on the couch watching TV - 54 in one minute.",
    "I counted her heartbeats while she slept \u2014 58 in a minute",
    "counted his breathing while he sat still \u2013 60 in a minute, his back hurts",
])
def test_a_dash_before_a_count_labels_it(assistant: Assistant, text: str) -> None:
    assert level(assistant, text) is Level.EMERGENCY


@pytest.mark.parametrize("text", [
    "sir the child is very very sleepy since evening we are calling her name loudly she is not getting up properly",
    "she's so sleepy since lunch, I called her name and she didn't get up",
])
def test_called_by_name_and_not_getting_up_is_hard_to_wake(assistant: Assistant, text: str) -> None:
    assert level(assistant, text) is Level.EMERGENCY


def test_sleepy_after_a_night_up_stays_ordinary(assistant: Assistant) -> None:
    assert level(assistant, "he's a bit sleepy because he was up late at a party, his back is sore") \
        is Level.HOME_CARE


@pytest.mark.parametrize("text", [
    "She poked her own leg and said she can't feel it. Back pain since this morning.",
    "he touched his foot and says he can't feel it, his back hurts",
])
def test_a_limb_then_cant_feel_it_is_the_limbs_numbness(assistant: Assistant, text: str) -> None:
    assert level(assistant, text) is Level.URGENT


def test_legs_that_dont_hurt_or_feel_funny_stay_fine(assistant: Assistant) -> None:
    text = ("She's walking normally, peeing fine, and says her legs don't hurt or feel funny \u2014 it's just tight "
            "muscles in her lower back after the kiddie pool.")
    assert level(assistant, text) is Level.HOME_CARE


def test_confused_why_is_puzzled(assistant: Assistant) -> None:
    text = "she's a bit confused why she can't go to nursery today, she's cross with me, her back's a bit sore"
    assert level(assistant, text) is Level.HOME_CARE


@pytest.mark.parametrize("text", [
    "he's confused why is he like this",
    "she is confused why we are at the hospital and doesn't know me",
])
def test_confused_as_a_state_stays_911(assistant: Assistant, text: str) -> None:
    assert level(assistant, text) is Level.EMERGENCY
