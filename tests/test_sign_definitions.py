"""Signs said in wordings written from the policy's definitions (#7): severe cramping counted, timed or not let go by
stretching; pain spreading TO a leg; limp as a state; a bladder that no longer works; and their everyday look-alikes."""

from __future__ import annotations

import pytest

from helpers import level
from voicecare.domain import Level
from voicecare.understanding.assistant import Assistant


@pytest.mark.parametrize("text", [
    # Keeps coming back, counted (the policy: "keeps coming back").
    "his back has locked up five times today",
    "third time this morning her back has seized up",
    "she's had three spasms today",
    "it's one spasm after another",
    "his back cramps up over and over",
    "his back pain keeps coming back every few minutes",
    "the back pain returns every half hour",
    "his back seizes up again every time he moves, over and over",
    # Lasts a long time.
    "a really long cramp in her back",
    "the back cramp has not gone away after 30 minutes",
    "her back muscles stay tight for hours",
    "her back has been in spasm all afternoon",
    "her back's been knotted up for ages and won't relax",
    "the tightness in his back hasn't let up since lunch",
    # Not relieved by stretching.
    "his back is still locked after an hour of stretching",
])
def test_severe_cramping_counted_timed_or_unrelieved_is_urgent(assistant: Assistant, text: str) -> None:
    assert level(assistant, text) is Level.URGENT


@pytest.mark.parametrize("text", [
    "it travels from his back to his knee",
    "his back pain is spreading to his bottom and legs",
    "she says her back hurts all the way down to her foot",
])
def test_pain_spreading_to_a_leg_is_urgent(assistant: Assistant, text: str) -> None:
    assert level(assistant, text) is Level.URGENT


@pytest.mark.parametrize("text", [
    "he's white as a sheet and limp",
    "he was limp and grey",
    "she can't feel her wee coming and it just goes everywhere",
    "she's peeing without being able to stop it",
    "his lower back is sore and now his bladder doesn't seem to work, he leaks all the time",
    "he's going in his pants and he's been trained for ages",
    "she's doing number twos in her knickers and doesn't know",
    "wee is just dribbling out of her",
    "he doesn't seem to know what's going on around him",
    "his legs just gave way and he went down and didn't answer me for a bit",
    "she's using her tummy muscles to breathe",
    "he sounds like he's sucking through a straw",
])
def test_emergency_signs_in_the_policys_words_are_911(assistant: Assistant, text: str) -> None:
    assert level(assistant, text) is Level.EMERGENCY


@pytest.mark.parametrize(("text", "expected"), [
    # The sheet's own care words and an ordinary cramp are no severe cramping.
    ("can I give him ibuprofen three times a day for the back spasm?", Level.HOME_CARE),
    ("should I ice the spasm 20 minutes on and 20 minutes off?", Level.HOME_CARE),
    ("the spasm lasted 10 minutes then went", Level.HOME_CARE),
    ("his back seized up the first time he tried to stand", Level.HOME_CARE),
    ("we had a long day at the zoo and his back spasm is mild", Level.HOME_CARE),
    # A rash or a bruise spreading is no pain going down a leg; a heater's heat is no fever.
    ("the rash is spreading to his legs", Level.UNCLEAR),
    ("the bruise spread to his thigh", Level.UNCLEAR),
    ("the heat pack is radiating heat on his back", Level.UNCLEAR),
    # A limp is a way of walking; the caregiver's own not knowing is no confusion.
    ("he was limping yesterday", Level.FOLLOW_UP),
    ("i don't know what's going on around here lately, she's sore", Level.HOME_CARE),
    ("the bladder infection meds don't seem to be working", Level.UNCLEAR),
])
def test_look_alikes_of_those_wordings_stay_what_they_are(assistant: Assistant, text: str, expected: Level) -> None:
    assert level(assistant, text) is expected


def test_heat_given_off_by_the_child_is_a_fever(assistant: Assistant) -> None:
    assert level(assistant, "she's radiating heat") is Level.URGENT
