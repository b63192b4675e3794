"""Spoken-form text from varied caregivers: clinical shorthand, device numbers, dialect spellings.

Each class of miss found in a tuning batch, tried on sentences of our own.
"""

from __future__ import annotations

import pytest

from helpers import level
from voicecare.domain import Level
from voicecare.understanding.assistant import Assistant


@pytest.mark.parametrize("text", [
    "38.9, and a spasm in her lower back",
    "102.4, back spasms off and on",
])
def test_a_number_without_a_unit_is_never_how_long_a_cramp_lasted(assistant: Assistant, text: str) -> None:
    # the nearest cue was "spasm", which took the bare temperature as a cramp of 38.9 days
    assert level(assistant, text) is Level.URGENT


@pytest.mark.parametrize("text", [
    "RR 48, HR 130, spasm in the lower back since lunch",
    "breathing 56, hr 120, sore back",
])
def test_a_unit_word_does_not_reach_over_a_comma(assistant: Assistant, text: str) -> None:
    # "48, hr" was 48 hours: a duration, so no breathing rate was read
    assert level(assistant, text) is Level.EMERGENCY


def test_a_cue_that_starts_the_next_reading_is_not_the_previous_ones(assistant: Assistant) -> None:
    # the 120 took the "breathing" that introduces the 26: a breathing rate of 120
    assert level(assistant, "his watch says 120 at rest breathing 26 and his back is sore") is Level.HOME_CARE


@pytest.mark.parametrize("text", [
    "her fitbit is showing one ninety and she's lying on the sofa",
    "i counted her breaths over one full minute and it was fifty two",
])
def test_device_and_counted_readings_at_rest(assistant: Assistant, text: str) -> None:
    assert level(assistant, text) is Level.EMERGENCY


def test_a_digit_heard_as_its_sound_alike_after_and(assistant: Assistant) -> None:
    assert level(assistant, "he is a hundred and too under the arm and his back is sore") is Level.URGENT


def test_a_clipped_ending_is_restored(assistant: Assistant) -> None:
    assert level(assistant, "she's been burnin' up since supper, back's achin'") is Level.URGENT


@pytest.mark.parametrize("text", [
    "he's in resp distress and his back is in spasm",
    "intercostal retractions, back spasm since morning",
    "she only responds to painful stimuli now",
])
def test_clinical_shorthand_for_emergency_signs(assistant: Assistant, text: str) -> None:
    assert level(assistant, text) is Level.EMERGENCY


@pytest.mark.parametrize("text", [
    "no fever in the morning, by supper 38.9 and her back is stiff",
    "not febrile on waking, after nap 101.6 and he holds his back",
])
def test_a_reading_over_the_line_after_a_comma_is_not_in_the_denied_list(assistant: Assistant, text: str) -> None:
    # the denial ran on over the comma as a list and swallowed the later fever (rule 9: the later statement wins)
    assert level(assistant, text) is Level.URGENT


def test_a_low_reading_after_a_denial_still_denies(assistant: Assistant) -> None:
    assert level(assistant, "no fever, 37.1 under the arm, just a stiff back") is Level.HOME_CARE


@pytest.mark.parametrize("text", ["afebrile, walking ok, back spasm x3", "she is apyrexial, lower back spasm"])
def test_shorthand_for_no_fever_is_a_denial(assistant: Assistant, text: str) -> None:
    # "afebrile" was close enough to "febrile" to be read as a fever
    assert level(assistant, text) is Level.HOME_CARE


@pytest.mark.parametrize("text", ["low back spasm x4d, walking fine", "sore back for 6d now"])
def test_shorthand_durations_count(assistant: Assistant, text: str) -> None:
    assert level(assistant, text) is Level.FOLLOW_UP


@pytest.mark.parametrize("text", [
    "i read about babies who turn blue in their sleep, he just has a stiff back",
    "the radio had a story about toddlers that stop breathing, hers is only a sore back",
])
def test_children_in_general_are_not_this_child(assistant: Assistant, text: str) -> None:
    assert level(assistant, text) is Level.HOME_CARE


def test_this_child_is_still_heard_beside_children_in_general(assistant: Assistant) -> None:
    assert level(assistant, "she can't breathe and the doctor said kids who have asthma do that") is Level.EMERGENCY
