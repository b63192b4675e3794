"""A sign said to be fine earlier and present now is present (#7, rule 9: the later statement wins).

"Her breathing was fine this morning but now she's grunting" was "not understood": the part (the breathing) is
named in the clause that says it was fine, the state (the grunting) in the clause after "now", which names only
the child or "it". ``ellipsis.resumed`` writes the part into the now clause. And "he was fine this morning but now
he's really hard to wake" was explained away as sleepy earlier and fine now (an ordinary circumstance of the sign
read in either order): a circumstance's own "but" now comes after the sign it explains (``turning``).
"""

from __future__ import annotations

import pytest

from helpers import level
from voicecare.domain import Level
from voicecare.understanding.assistant import Assistant


@pytest.mark.parametrize("text", [
    # Breathing: the part named before the turn, the work of breathing after it.
    "her breathing was fine this morning but now she's grunting",
    "this morning her breathing was fine, now she's panting",
    "his breathing was normal an hour ago but now he's gasping",
    "her breathing was fine earlier but now it's really fast",
    "breathing was ok at lunch, now she's struggling",
    "breathing fine this morning, now she's grunting",
    "her breathing seemed fine an hour ago. Now she's panting.",
    "his breathing was perfectly normal at breakfast and now he's really struggling",
    "she was breathing fine earlier but now she's wheezing",
    # The heart: "it" after the turn is the part said fine.
    "his heart rate was normal this morning but now it's racing",
    "her heart was fine earlier, now it's pounding really fast at rest",
    "his pulse was ok this morning but now it's super slow",
    # The child said fine, the sign said plainly after "but now" (no longer explained as sleepy earlier, fine now).
    "he was fine this morning but now he's really hard to wake",
    "she was ok at breakfast but now she is very hard to wake",
    # Every other 911 sign, said fine before and present after the turn (these were read already; kept so they stay).
    "his lips were pink this morning but now they're blue",
    "earlier he was fine, now he's confused and doesn't know me",
    "this morning she was ok, now she fainted",
    "her pulse was 120 this morning but now it's 50",
    "she was fine this morning but now she's having a seizure",
    "he was dry all morning but now he's wetting himself and can't hold it",
    # Grunting said as how the child is now, with nothing else (rule 4: the grunt of a child working to breathe).
    "this morning nothing, now she's grunting",
    "she was perfectly fine this morning but now she's grunting",
    "he keeps grunting and he looks really pale",
])
def test_fine_before_and_a_sign_now_is_911(assistant: Assistant, text: str) -> None:
    assert level(assistant, text) is Level.EMERGENCY


@pytest.mark.parametrize(("text", "expected"), [
    # The state now says something else of the child: no breathing is written into it.
    ("her breathing was fine earlier but now she's fast asleep, her back is sore", Level.HOME_CARE),
    ("his breathing was fine earlier, now he's being difficult, won't let me touch his sore back", Level.HOME_CARE),
    ("her breathing was fine this morning but now she's struggling to walk", Level.FOLLOW_UP),
    ("his breathing was ok at lunch, now he's eating dinner, back hurts a little", Level.HOME_CARE),
    # Sleepy earlier and well now stays explained (the sign before the turn).
    ("he was really drowsy earlier but now he perked up and he's playing, just a sore back", Level.HOME_CARE),
    # Well now, sleepy before: the sign after the turn is the one that is over (a held-out answer showed the turn
    # read in this order as the sign now; no word of now stands between the turn and the sign).
    ("she's fine now and playing, but she was really drowsy earlier this morning, her back is sore", Level.HOME_CARE),
    # A grunt of effort or of pain is no breathing sign.
    ("he grunts when I lift him because his back is sore", Level.HOME_CARE),
    ("she's grunting when she bends over, her back is stiff", Level.HOME_CARE),
    ("he's grunting on the potty, and his back is a bit sore", Level.HOME_CARE),
])
def test_near_misses_stay_below_911(assistant: Assistant, text: str, expected: Level) -> None:
    assert level(assistant, text) is expected
