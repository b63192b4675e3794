"""Outside review 23's under-triage (F1, F3 and F2's words, #7/#9), each as a class with variants and near misses:

- The caregiver cannot, or can hardly, get the child up ("it's hard to get her up", "we can't hardly get him up
  from his nap") is hard to wake (emergency); getting the child up the stairs, off the floor or to walk is a place,
  and hard to get up for nursery every morning a habit.
- Force needed to wake the child ("we had to shake him to wake him") is hard to wake; waking the child oneself
  ("to wake him") is no pain that wakes the child at night (rule 14: never claim what was not said).
- The child hotter or warmer than before is "feels hot", a fever (the policy's table); warmer weather, a warmer
  bath or warmer clothes are not.
- A one-word command right after a word of amount ("napping a lot more") is part of the caregiver's story, never a
  request: the story is read, and a sign in it counts.
"""

from __future__ import annotations

import pytest

from helpers import kind, level
from voicecare.conversation.answers import AnswerReader
from voicecare.conversation.dialog import Conversation
from voicecare.domain import Level, Status
from voicecare.understanding.assistant import Assistant


def _status(assistant: Assistant, text: str, symptom: str) -> Status | None:
    return next((f.status for f in assistant.answer(text).findings if f.symptom.id == symptom), None)


# ---- F1: hard to get the child up

@pytest.mark.parametrize("text", [
    "her back is sore and it's really hard to get her up this morning",
    "we can't hardly get him up from his nap, he just flops back down, and his back's been sore since Sunday",
    "it's hard to get her up, her back is sore",
    "I can barely get him up this afternoon, his back hurts",
    "we struggled to get him up from his nap and he keeps flopping back down",
    "I could not get her up from her nap at all",
    "it's so difficult to get him up today and his back is stiff",
])
def test_hard_to_get_the_child_up_is_hard_to_wake(assistant: Assistant, text: str) -> None:
    assert level(assistant, text) is Level.EMERGENCY
    assert _status(assistant, text, "very_drowsy") is Status.PRESENT


@pytest.mark.parametrize("text", [
    "it's hard to get him up the stairs, his back hurts",
    "I can't get her up off the floor, she says her back hurts",
    "it's always hard to get her up for nursery, her back is a bit stiff",
    "it's not hard to get him up, he's just got a sore back",
    "she doesn't cry when I get her up, her back is just stiff",
    "I had to shake him to get him up this morning, his back is stiff",
])
def test_getting_the_child_up_a_place_or_as_a_habit_is_no_drowsiness(assistant: Assistant, text: str) -> None:
    assert level(assistant, text) is not Level.EMERGENCY
    assert _status(assistant, text, "very_drowsy") is not Status.PRESENT


@pytest.mark.parametrize("question", ["heart_control", "fever_chills", "breathing_alertness"])
@pytest.mark.parametrize("text", [
    "she's napping a lot more, it's hard to get her up",
    "um, well, she's been kinda sleepy, I mean she's napping a lot more, it's hard to get her up honestly",
    "he's sleeping way more, we can't hardly get him up",
])
def test_a_command_word_inside_a_story_is_not_the_command(reader: AnswerReader, question: str, text: str) -> None:
    read = reader.read(question, text)
    assert not kind(reader, question, text).startswith("command")
    assert any(f.symptom.id == "very_drowsy" and f.status is Status.PRESENT for f in read.findings)


@pytest.mark.parametrize("text", ["she's napping a lot more these days", "he's walking a lot slower",
                                  "she sleeps much more than she did"])
def test_an_amount_before_a_command_word_is_no_request(reader: AnswerReader, text: str) -> None:
    assert not kind(reader, "heart_control", text).startswith("command")


@pytest.mark.parametrize(("text", "command"), [
    ("more", "more"), ("tell me more", "more"), ("can you go much slower", "slower"), ("ok more", "more"),
])
def test_a_short_request_is_still_the_command(reader: AnswerReader, text: str, command: str) -> None:
    assert kind(reader, "heart_control", text) == f"command:{command}"


def test_the_reviewers_conversation_ends_in_911(assistant: Assistant) -> None:
    """c01b: the hedged emergency at the heart/toilet question was taken as "more" and the family went home."""
    talk = Conversation(assistant)
    talk.hear("hi, my daughter Maya is two and her back has been sore since yesterday, she was climbing the "
              "playground all day")
    talk.hear("no")
    turn = talk.hear("um, well, she's been kinda sleepy, I mean she's napping a lot more, it's hard to get her up "
                     "honestly")
    assert turn.command is None
    assert turn.disposition is Level.EMERGENCY


# ---- F3: force to wake, and waking the child oneself is no night pain

@pytest.mark.parametrize("text", [
    "we had to shake him to wake him and his back hurts",
    "I have to shout to wake her and her back hurts",
    "we had to pinch her to wake her, her back is sore",
])
def test_force_needed_to_wake_is_hard_to_wake(assistant: Assistant, text: str) -> None:
    assert level(assistant, text) is Level.EMERGENCY
    assert _status(assistant, text, "very_drowsy") is Status.PRESENT


@pytest.mark.parametrize("text", [
    "we had to shake him to wake him and his back hurts",
    "I can't get him to wake up properly, his back hurts",
    "I tried to wake her and her back hurts",
])
def test_waking_the_child_oneself_is_no_night_pain(assistant: Assistant, text: str) -> None:
    assert _status(assistant, text, "night_pain") is None


@pytest.mark.parametrize("text", [
    "the pain wakes him up and his back hurts",
    "he started to wake up crying, his back hurts",
    "his back hurts, it woke him twice",
])
def test_pain_that_wakes_the_child_stays_night_pain(assistant: Assistant, text: str) -> None:
    assert _status(assistant, text, "night_pain") is Status.PRESENT


# ---- F2's words: hotter or warmer than before is "feels hot"

@pytest.mark.parametrize("text", [
    "she's even hotter than before",
    "he's warmer than this morning and his back hurts",
    "he feels warmer than earlier and his back hurts",
    "she's still hotter than she was, her back is sore",
])
def test_the_child_hotter_than_before_is_a_fever(assistant: Assistant, text: str) -> None:
    assert _status(assistant, text, "fever") is Status.PRESENT
    assert level(assistant, text) is Level.URGENT


@pytest.mark.parametrize("text", [
    "it's warmer weather today and his back is stiff",
    "he had a warmer bath than usual, his back is sore",
    "he's in warmer clothes than before and his back hurts",
    "the weather is hotter than last week, his back is sore",
    "his hands are warmer than before, back is sore",
    "he loved his warm bath tonight, his back is sore",
])
def test_warmer_things_are_no_fever(assistant: Assistant, text: str) -> None:
    assert _status(assistant, text, "fever") is not Status.PRESENT
    assert level(assistant, text) is Level.HOME_CARE
