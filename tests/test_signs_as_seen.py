"""Warning signs described as a relative sees them (#7): families written from the policy's sign definitions.

Each wording here was written from the policy's list of call-911 signs (what a relative sees, hears, feels
or is told: colour, sound, movement, response, toilet), before any family for it existed; none is a tuning
or held-out line.
"""

from __future__ import annotations

import pytest

from helpers import level
from voicecare.domain import Level
from voicecare.understanding import learned_build
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
    # Classes the fresh batch_al showed, in other words than its lines.
    "she fell down and her eyes closed for a few seconds",
    "i can't get him to come round properly",
    "she's been dry since she was two and this morning she messed her britches, didn't even know it happened",
    # A second round written from the policy (scored before it was read: no better than before the first).
    "she sleeps through me shaking her",
    "she looks at me with a blank face and won't say anything",
    "he keeps mumbling and his eyes are wandering about",
])
def test_a_sign_described_as_seen_is_an_emergency(assistant: Assistant, text: str) -> None:
    assert level(assistant, text) is Level.EMERGENCY, text


@pytest.mark.parametrize(("text", "expected"), [
    # Everyday look-alikes of those families stay what they are.
    ("she doesn't know anyone at the new nursery and her back is sore", Level.HOME_CARE),
    ("he keeps calling me mummy and his back is stiff", Level.HOME_CARE),
    ("she fell over at the park and her back is sore", Level.FOLLOW_UP),
    ("his heart was pounding after the race but now he's fine, sore back", Level.HOME_CARE),
])
def test_everyday_look_alikes_stay_what_they_are(assistant: Assistant, text: str, expected: Level) -> None:
    assert level(assistant, text) is expected, text


@pytest.mark.parametrize("text", [
    "she's been hollering every time she pees and her back is sore",
    "he's bawling every time he poos, his back hurts",
])
def test_crying_out_in_any_word_when_peeing_is_a_bladder_problem(assistant: Assistant, text: str) -> None:
    assert level(assistant, text) is Level.FOLLOW_UP, text


def test_a_time_beside_a_faint_leaves_the_learned_guess_open(assistant: Assistant) -> None:
    # A number in the sentence is the number reader's only for signs a reading decides (a heart or breathing
    # rate); "for 10 seconds" is how long a faint lasted.
    assert level(assistant, "he stopped answering me for 10 seconds and his eyes rolled") is Level.EMERGENCY


def test_an_age_is_no_state_word(assistant: Assistant) -> None:
    # "months" was learned as a state of loss of control from "dry for months"; said as an age ("he's pooed his
    # nappy again, he's 18 months") it is a toddler in nappies: the units an age is said in are no state words.
    ages = {"month", "months", "year", "years"}
    assert ages <= learned_build.everyday(assistant.intents)
    for model in assistant.intents.learned:
        assert all(not (sign.states & ages) for sign in model.signs)
