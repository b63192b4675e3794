"""Emergency signs in words written from the policy's definitions, not from failing lines (#7, understand41).

Held-out emergencies missed were counted (benchmarks/miss_kinds.py, counts only) as lines with leg, clothes and
breathing-effort words where only lower signs or nothing was found. Written for those classes from the policy:
a fall down the steps with legs that will not move (the fall was not read, so the legs were not 911), clothes
found soaked in a dry child, a belly used to breathe, a dent at the throat with each breath, an asthma attack, a
nurse's "posturing" and "drop attack". Each with its near misses.
"""

from __future__ import annotations

import pytest

from helpers import level
from voicecare.domain import Level
from voicecare.understanding.assistant import Assistant


@pytest.mark.parametrize("text", [
    "he fell down the steps on his back, he won't wiggle his toes and won't move his legs",
    "her knickers are soaked again and she doesn't know she's doing it, she's been dry for ages",
    "he's using his tummy to breathe",
    "there's a little dent at the bottom of her throat every time she breathes",
    "he's having an asthma attack",
    "she's posturing, arching and stiff",
    "he had a drop attack and went down",
    "she syncopized",
    # Relatives' idioms (understand41's second round): gone vacant and down, a heart about to leap out of the chest,
    # not knowing who the caller is, said in the past of today, twitching with eyes that look wrong.
    "he went a bit vacant and fell over",
    "his heart feels like it's going to jump out of his chest and he's resting",
    "he didn't know who I was",
    "he's shaking and twitching and his eyes are funny",
])
def test_the_sign_in_a_relatives_or_a_nurses_words_is_911(assistant: Assistant, text: str) -> None:
    assert level(assistant, text) is Level.EMERGENCY


@pytest.mark.parametrize(("text", "expected"), [
    ("he fell down a step at nursery, just a little trip, his back is a bit sore", Level.HOME_CARE),
    ("he fell down the steps on his back and he's really sore, but he's moving his legs fine", Level.URGENT),
    ("his pants are soaked from jumping in puddles, back is stiff", Level.HOME_CARE),
    ("she's using her tummy to breathe like they taught her in yoga, calm now, back sore", Level.HOME_CARE),
    ("he's using his belly to blow bubbles, his back is a bit stiff", Level.HOME_CARE),
    ("there's a little dent in the wall where she kicked it, her back hurts", Level.HOME_CARE),
    ("she has asthma but it's fine today, just her back is sore", Level.HOME_CARE),
    ("he didn't know who I was talking about, his back is stiff", Level.HOME_CARE),
    ("he went a bit blank when I asked him, he was just thinking, sore back", Level.HOME_CARE),
    ("my heart nearly jumped out of my chest when he screamed, his back is sore", Level.HOME_CARE),
    ("his eyes are weird and red from the pool and he's shivering, wrapped in a towel now, back sore", Level.HOME_CARE),
])
def test_near_misses_keep_their_level(assistant: Assistant, text: str, expected: Level) -> None:
    assert level(assistant, text) is expected
