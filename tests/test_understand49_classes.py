"""Emergencies read from their parts, and their everyday look-alikes (understand49, #7).

Classes from the held-out miss kinds (counts only) and the policy, written for any wording of them and tried on the
probe tests/data/fresh/probe_emergency49.tsv and the fresh tuning batch_be:

- a child called "little" ("the little lad fell off the top bunk") is no little fall;
- a fall told as the event things date from ("since the fall she can't move her legs") is the injury paragraph's fall:
  with legs that will not move, 911;
- wet or soiled clothes, a seat or a bed, told with why it is new (out of nappies, dry for months), is lost control;
- panting at rest, pale and grey, too sleepy to open the eyes, eyes that open and go again, no reaction at all;
- legs said paralysed or dead below the waist, and leaving a height in other words than a fall;
- a serious thing outside the topic (tablets taken by the load, a near drowning, a shock, a bad burn) is urgent.
Near misses: the same words with their everyday reason stay below 911.
"""

from __future__ import annotations

import pytest

from helpers import level
from voicecare.domain import Level
from voicecare.understanding.assistant import Assistant


@pytest.mark.parametrize("text", [
    "little lad fell off the top bunk onto his back and now he'll not move his legs at all just lies there",
    "the little one tumbled down the whole flight of stairs and hasn't moved her legs since",
    "since the fall she can't move her legs",
    "she wet the car seat on the way home and she's been out of nappies since christmas, her back is sore",
    "hes panting and hes just sitting on the sofa doing nothing",
    "she's looking very pale and grey and not talking",
    "since lunch he's been too sleepy to open his eyes",
    "i'm shaking him and he opens his eyes for a second and he's gone again",
    "when i pick her up she doesnt react at all",
    "he went flying off the trampoline and now his legs just hang there",
    "she jumped off the top bunk and now she can't get up",
    "he fell off the top bunk onto his back and his legs are paralysed",
    "he fell off the top bunk onto his back and nothing below his waist is moving",
    "he went head first down the stairs and now he won't move his legs",
    "he's having trouble swallowing and drooling",
])
def test_emergency_read_from_its_parts(assistant: Assistant, text: str) -> None:
    assert level(assistant, text) is Level.EMERGENCY


@pytest.mark.parametrize(("text", "expected"), [
    ("his trousers got wet in the puddles, his back is stiff from football", Level.HOME_CARE),
    ("she's panting after running around the garden, now she's fine, her back is a bit tight", Level.HOME_CARE),
    ("he reckons his foot's gone to sleep and it won't wake up, been like that an hour, back's tight", Level.URGENT),
    ("she wet the car seat on the way home, she's only just out of nappies, her back is a bit sore", Level.HOME_CARE),
    ("her diapers been awful dry today just one wet one since breakfast and her back's stiff", Level.FOLLOW_UP),
    ("he had a little fall off the chair, he's fine, his back is a bit stiff", Level.HOME_CARE),
    ("she fell over and her legs won't move properly, her back is sore", Level.URGENT),
    ("la nina can't hold her sippy cup, her hands keep letting go of it, and she's holding her back", Level.URGENT),
    ("the little guy says it hurts when he tinkles, and he's holding his back", Level.FOLLOW_UP),
    ("he jumped off the swing and ran off laughing, back a bit stiff", Level.HOME_CARE),
    ("he fell off the bottom step of the deck onto the grass, ran off to play, his back is a bit tight", Level.HOME_CARE),
    ("she's drooling and finds it hard to swallow her food because of teething, her back is sore", Level.HOME_CARE),
    ("he fell over and his leg hurts, his back is sore", Level.URGENT),
])
def test_look_alike_stays_below_911(assistant: Assistant, text: str, expected: Level) -> None:
    assert level(assistant, text) is expected



@pytest.mark.parametrize("text", [
    "he took a load of my tablets",
    "she nearly drowned in the pool",
    "he got an electric shock from the socket",
    "she's burnt herself badly with boiling water",
])
def test_serious_outside_the_topic_is_never_not_understood(assistant: Assistant, text: str) -> None:
    """The policy's serious illness outside the topic: call the doctor now, not the unclear answer."""
    assert level(assistant, text) is Level.URGENT
