"""Classes left by the last session (#7, understand43), each checked with ``voicecare triage`` first: a faint and a
collapse in everyday words, pain that wakes the child told by the clock, a past reading said with its number, and
two false urgents ("no use crying about it", "came back from nan's")."""

from __future__ import annotations

import pytest

from helpers import level
from voicecare.domain import Level
from voicecare.understanding.assistant import Assistant


@pytest.mark.parametrize(("text", "expected"), [
    # Out on the floor, woozy and going down, going into shock: a faint told as seen (emergency, rule 4).
    ("his back hurts and he just flaked out on the kitchen floor", Level.EMERGENCY),
    ("his back hurts and he's woozy and falling over", Level.EMERGENCY),
    ("her back is sore and I think she's going into shock", Level.EMERGENCY),
    # Their near misses: asleep in front of the telly, a spinning game.
    ("he flaked out on the floor asleep in front of the telly, his back is sore", Level.HOME_CARE),
    ("she was spinning till she was woozy and laughing, her back is tight", Level.HOME_CARE),
])
def test_a_faint_in_everyday_words_and_its_near_misses(assistant: Assistant, text: str, expected: Level) -> None:
    assert level(assistant, text) is expected


@pytest.mark.parametrize("text", [
    # Woken in the night again and again about the back (the policy's pain that wakes the child, urgent).
    "she were up at two and again at five cryin about her back",
    "he's waking every couple of hours rubbing his back",
])
def test_woken_again_and_again_about_the_back_is_pain_that_wakes(assistant: Assistant, text: str) -> None:
    assert level(assistant, text) is Level.URGENT


@pytest.mark.parametrize(("text", "expected"), [
    # The time said after the number is the whole fever's: "had a temp of a hundred and two last week" is past.
    ("she had a temp of a hundred and two last week but her back is just stiff now", Level.HOME_CARE),
    ("she had a temp of a hundred and two last week with a virus but thats long gone now its just the back muscle",
     Level.HOME_CARE),
    # A reading now, or a fever back now, still counts.
    ("she has a temp of a hundred and two since last week and her back is sore", Level.URGENT),
    ("she had a fever of 39 last week, and now she's hot again, her back is sore", Level.URGENT),
])
def test_a_past_reading_said_with_its_number_is_past(assistant: Assistant, text: str, expected: Level) -> None:
    assert level(assistant, text) is expected


@pytest.mark.parametrize(("text", "expected"), [
    # Two false urgents: a saying is no stretching of no use, coming back from a place is no fever come back.
    ("we stretch every morning, no use crying about it, her back is a bit tight", Level.HOME_CARE),
    ("she had a fever last week but came back from nan's, her back is tight", Level.HOME_CARE),
    # The signs themselves stay: stretching of no use, a fever that came back.
    ("we've stretched and stretched, no use, the cramp won't let go", Level.URGENT),
    ("she had a fever last week and it came back today, her back is tight", Level.URGENT),
])
def test_a_saying_or_a_trip_back_is_no_sign(assistant: Assistant, text: str, expected: Level) -> None:
    assert level(assistant, text) is expected


@pytest.mark.parametrize(("text", "expected"), [
    # Not yet seen by a doctor, in learner English (policy, beyond the sheet: follow_up).
    ("We never was with doctor for this back problem, it is two days, no other symptom. Should we go?",
     Level.FOLLOW_UP),
    ("he was never with a doctor before, no fever, back tight", Level.FOLLOW_UP),
])
def test_never_with_a_doctor_is_not_seen_yet(assistant: Assistant, text: str, expected: Level) -> None:
    assert level(assistant, text) is expected
