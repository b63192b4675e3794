"""Classes found by outside review 21, fixed by the lead, each read by the real engine.

- A well word before a turn to the sign (F1, safety): "fine" said before "but" and a very sleepy child ("he's breathing
  fine but he is very sleepy") made the sleepiness a tired child's, as "sleepy but eating" is: the turn after the
  sign explains it; a turn before it turns to the sign, the news.
"""

from __future__ import annotations

import pytest

from helpers import level
from voicecare.domain import Level
from voicecare.understanding.assistant import Assistant


@pytest.mark.parametrize("text", [
    "my son's back hurts, he's breathing fine but he is very sleepy",
    "she seems fine but she is very sleepy",
    "he's eating alright but he's really drowsy",
    "she was playing normally but now she is so sleepy",
    "he answers me fine though he's very sleepy",
    "she wakes up when I talk to her but she is very sleepy",
])
def test_a_turn_before_the_sleepiness_turns_to_the_sign(assistant: Assistant, text: str) -> None:
    assert level(assistant, text) is Level.EMERGENCY


@pytest.mark.parametrize("text", [
    "very sleepy but chatting away and eating fine",
    "a bit groggy since his nap but he's eating his tea now",
    "really sleepy but she's laughing and playing",
])
def test_a_turn_after_the_sleepiness_to_a_well_child_still_explains_it(assistant: Assistant, text: str) -> None:
    assert level(assistant, f"her back is sore, {text}") is Level.HOME_CARE
