"""Serious things outside back pain are never "not understood"; small ones are; not-yet-checked is follow-up."""

from __future__ import annotations

import pytest

from helpers import level
from voicecare.domain import Level
from voicecare.understanding.assistant import Assistant


@pytest.mark.parametrize("text", [
    "she is fitting and won't respond to me",
    "he just started having a convulsion",
    "my baby has gone blue",
    "this is life threatening, please help",
    "he won't wake up at all",
    "she has stopped breathing",
    "he is choking on a grape",
])
def test_emergencies_whatever_the_topic(assistant: Assistant, text: str) -> None:
    result = assistant.answer(text)
    assert result.disposition is Level.EMERGENCY, text
    assert result.messages[0].text.startswith("Call 911")


@pytest.mark.parametrize("text", [
    "a purple rash came up and her neck is stiff",
    "he has vomited again and again since lunch",
    "she whacked her head on the counter",
    "i think he swallowed something from the bathroom cabinet",
    "the cut on her knee won't stop bleeding",
])
def test_serious_outside_the_topic_is_urgent_with_a_short_pointer(assistant: Assistant, text: str) -> None:
    result = assistant.answer(text)
    assert result.disposition is Level.URGENT, text
    assert any("This guide is for back pain" in m.text for m in result.messages)
    back_care = set(assistant.intents.topics[0].home_care)
    assert not back_care & {m.text for m in result.messages}  # short: no back-care tips for a head injury


@pytest.mark.parametrize("text", ["what helps a runny nose", "which nappy cream is best", "he has a little cough"])
def test_small_everyday_things_outside_the_topic_stay_unclear(assistant: Assistant, text: str) -> None:
    assert level(assistant, text) is Level.UNCLEAR


def test_a_hard_blow_to_the_back_with_a_warning_sign_is_911(assistant: Assistant) -> None:
    assert level(assistant, "he took a blow to the back at football") is Level.URGENT
    assert level(assistant, "he took a blow to the back and now he can't move his legs") is Level.EMERGENCY


@pytest.mark.parametrize("text", [
    "no doctor has looked at her back so far",
    "we never went to the clinic about his back",
    "nobody has checked his sore back yet",
    "she hasn't been seen by anyone for her back",
])
def test_not_yet_checked_by_a_provider_is_follow_up(assistant: Assistant, text: str) -> None:
    assert level(assistant, text) is Level.FOLLOW_UP, text


def test_a_doctor_who_saw_the_child_is_not_a_reason_to_follow_up(assistant: Assistant) -> None:
    assert level(assistant, "the doctor saw her yesterday and said her sore back is not serious") is Level.HOME_CARE


def test_saying_it_is_not_an_emergency_is_no_emergency(assistant: Assistant) -> None:
    assert level(assistant, "i do not think it is an emergency, his back is just tight") is Level.HOME_CARE
    assert level(assistant, "honestly i think this is emergency, something is off") is Level.EMERGENCY


@pytest.mark.parametrize("text", ["my wife is running a fever", "i have had a sore back since i lifted the sofa",
                                  "grandma's legs have been numb this week"])
def test_only_someone_elses_symptoms_is_unclear(assistant: Assistant, text: str) -> None:
    assert level(assistant, text) is Level.UNCLEAR, text


def test_never_taken_to_a_clinic_is_follow_up(assistant: Assistant) -> None:
    assert level(assistant, "we never took her to a clinic for this back pain") is Level.FOLLOW_UP


def test_a_hard_knock_to_the_head_is_urgent_an_everyday_bump_is_not(assistant: Assistant) -> None:
    assert level(assistant, "he bumped his head badly on the table and there is a lump") is Level.URGENT
    assert level(assistant, "she bumped her head a while ago and is fine") is Level.UNCLEAR


def test_kicking_legs_is_not_choking_and_poison_control_alone_is_no_poisoning(assistant: Assistant) -> None:
    assert level(assistant, "he fell off the swing onto his back, crying but kicking his legs") is Level.URGENT
    assert level(assistant, "what is the phone number of the poison line") is Level.UNCLEAR


@pytest.mark.parametrize(("text", "expected"), [
    ("she has blue eyes and a sore back", Level.HOME_CARE),
    ("he threw a fit at bath time, his back is still a bit sore", Level.HOME_CARE),
    ("is this an emergency? his back is sore", Level.HOME_CARE),
    ("she is having a fit, her arms are jerking", Level.EMERGENCY),
    ("my baby looks blue", Level.EMERGENCY),
])
def test_words_that_only_sound_serious(assistant: Assistant, text: str, expected: Level) -> None:
    assert level(assistant, text) is expected
