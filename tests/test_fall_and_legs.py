"""After a fall, legs that will not move are 911 (#7, the policy's injury rule, "Beyond the sheet").

Held-out misses (counts only: benchmarks/miss_kinds.py --words) held a fall, the top of something and legs
that did not move. These are our own wordings of that class, written from the policy: a fall said in other
words than "fell" (tumbled, slipped off, came off, from the top of), legs that do not move said in words only
a family knows (a guess no more serious than the fall, kept because together they are 911), and a child who
will not get up or move at all after the fall. Near misses: small falls, walking down the stairs, clothes.
"""

from __future__ import annotations

import pytest

from helpers import level
from voicecare.domain import Level, Status
from voicecare.understanding.assistant import Assistant


def present(assistant: Assistant, text: str) -> set[str]:
    return {f.symptom.id for f in assistant.answer(text).findings if f.status is Status.PRESENT}


@pytest.mark.parametrize("text", [
    # Legs said not to move in a family's words: the guess completes the fall's combination.
    "she fell from the top of the stairs and her legs don't move",
    "he fell out of the tree and his legs are not moving at all",
    "he fell off the trampoline, his legs won't move",
    "he fell from the top of the bunk on his back and he is not kicking his legs",
    "fell from top of bunk bed, legs not moving",
    "he fell off the swing and now he won't budge his legs",
    "he fall from top bunk, now legs no move",
    # A fall said in other words than "fell".
    "she tumbled down from the top bunk onto her back and her legs aren't moving",
    "she landed hard on her bottom from the top of the slide and now won't stand or move her legs",
    "he dropped from the top of the climbing frame onto his back and now he won't move his legs",
    "he crashed down from the top bunk and now he can't move his legs",
    "she hit the ground hard from the top of the monkey bars and she's not moving her legs",
    # Not getting up, not moving at all, after the fall.
    "he fell off the play frame and won't move from the waist down",
    "he fell off the top of the shed onto his back and now he can't move",
    "she fell off the bunk and she can't get up",
    "he fell down the stairs and he just lies there, won't get up",
    "she fell off the bunk bed and she's just lying flat not moving",
    "he fell down the stairs onto his back and has not moved since",
])
def test_legs_that_will_not_move_after_a_fall_are_911(assistant: Assistant, text: str) -> None:
    assert "serious_injury" in present(assistant, text)
    assert level(assistant, text) is Level.EMERGENCY


@pytest.mark.parametrize(("text", "expected"), [
    # A fall from a height with no warning sign: get care now, no 911.
    ("he slipped off the top bunk and hurt his back", Level.URGENT),
    ("he came off the trampoline and hurt his back", Level.URGENT),
    # Walking down the stairs, a sock, a slip on the floor, the top of the back.
    ("she came down the stairs crying about her back", Level.HOME_CARE),
    ("her sock slipped off and she's got a sore back", Level.HOME_CARE),
    ("he slipped on the wet floor and his back is sore now", Level.HOME_CARE),
    ("the top of her back is sore", Level.HOME_CARE),
    # A small fall, from no height: no serious fall.
    ("she had a little fall off the sofa, not high at all, back a bit sore", Level.HOME_CARE),
])
def test_near_misses_of_a_fall_stay_below_911(assistant: Assistant, text: str, expected: Level) -> None:
    assert level(assistant, text) is expected


def test_a_top_said_with_slipping_is_no_weight_loss(assistant: Assistant) -> None:
    # "Slipped off the top of the slide": the top of a place, no top slipping off a child gone thin (it was a
    # guess at weight loss, and with the fall a 911).
    text = "she slipped off the top of the slide and landed on her back, she's crying"
    assert "weight_loss" not in present(assistant, text)
    assert level(assistant, text) is Level.URGENT


def test_falling_asleep_is_no_fall(assistant: Assistant) -> None:
    # (Asleep and not getting up may be hard to wake, rule 4; but no fall, and no legs that will not move.)
    found = present(assistant, "she fell asleep on the sofa and won't get up, her back is a bit stiff")
    assert not found & {"serious_injury", "trouble_walking"}


@pytest.mark.parametrize("text", [
    # Legs that will not move after the injury, whenever it was (the policy's injury rule; #7 class 6).
    "fell down the stairs yesterday and now he won't move his legs",
    "she fell down the stairs last week and now she won't move her legs",
    "she fell off the slide last week and now she can't walk",
    "Ope, she fell off the hay wagon yesterday and now she can't stand up, her legs just buckle under her",
])
def test_legs_that_will_not_move_after_a_past_fall_are_911(assistant: Assistant, text: str) -> None:
    assert level(assistant, text) is Level.EMERGENCY


@pytest.mark.parametrize(("text", "expected"), [
    # A fall in the past with a fever or a sore back now: the fall stays history.
    ("he fell off the trampoline two days ago and now he has a fever", Level.URGENT),
    ("he fell down the stairs last month, now his back is a bit tight after football", Level.HOME_CARE),
    # A fall said small is no serious fall: legs that will not move are the legs' own sign (urgent).
    ("he had a little fall off the sofa and now he won't move his legs", Level.URGENT),
    ("he had a little fall off the sofa yesterday, his back is a bit sore", Level.HOME_CARE),
])
def test_a_past_or_small_fall_with_other_signs_is_not_911(assistant: Assistant, text: str, expected: Level) -> None:
    assert level(assistant, text) is expected
