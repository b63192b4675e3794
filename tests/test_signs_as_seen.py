"""Warning signs described as a relative sees them (#7): families written from the policy's sign definitions.

Each wording here was written from the policy's list of call-911 signs (what a relative sees, hears, feels
or is told: colour, sound, movement, response, toilet), before any family for it existed; none is a tuning
or held-out line.
"""

from __future__ import annotations

import pytest

from helpers import level
from voicecare.domain import Level
from voicecare.understanding.assistant import Assistant


@pytest.mark.parametrize("text", [
    # A fall that is also a faint: the stumble's phrase does not take the faint's words from it.
    "she fell over and was out for a minute",
    "he fell over and was gone for a bit, then woke up crying",
    # Confusion: the familiar taken for another, asking who the caregiver is, knowing nobody, words scrambled.
    "she keeps calling me grandma and I'm her mum",
    "he asked me who I was",
    "the child is not knowing anyone",
    "she's talking but it's just jumbled up words",
    "she keeps trying to grab things that aren't there",
    "she's in a world of her own and won't look at me",
    "she's gone all vague and doesn't follow anything I say",
    # Hard to wake, limp: sleeping on and on, limp as a wet thing.
    "when I pick her up she's like a wet noodle",
    "he's just lying there like he's not there",
    # Trouble breathing: too short of breath to talk, a nose working with each breath.
    "she can only get out a word or two before she has to breathe",
    "his nostrils are going in and out really fast",
    # Loss of control in a toilet-trained child.
    "her bladder just lets go",
    "he can't tell when he needs to go anymore, it just happens",
])
def test_a_sign_described_as_seen_is_an_emergency(assistant: Assistant, text: str) -> None:
    assert level(assistant, text) is Level.EMERGENCY, text


@pytest.mark.parametrize(("text", "expected"), [
    # Everyday look-alikes of those families stay what they are.
    ("she doesn't know anyone at the new nursery and her back is sore", Level.HOME_CARE),
    ("he keeps calling me mummy and his back is stiff", Level.HOME_CARE),
    ("she fell over at the park and her back is sore", Level.FOLLOW_UP),
])
def test_everyday_look_alikes_stay_what_they_are(assistant: Assistant, text: str, expected: Level) -> None:
    assert level(assistant, text) is expected, text
