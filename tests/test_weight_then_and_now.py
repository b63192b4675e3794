"""Weight lost told as a story, and hot said over a while (#7, urgent: any weight lost; a fever).

Held-out urgent misses (counts only) held weight words with days, weeks or months; these are our own wordings
of the policy's "any weight lost without trying" told as a story: the when between the two readings, a
comparison with last month.
"""

from __future__ import annotations

import pytest

from helpers import level
from voicecare.domain import Level
from voicecare.understanding.assistant import Assistant


@pytest.mark.parametrize("text", [
    "he was twenty eight pounds at his checkup two months ago and today the scale says twenty six",
    "she weighed thirteen kilos a month ago and now she's twelve and a half",
    "he weighs less than he did last month, twelve kilos now, was thirteen",
    "his weight was fifteen kilos in march and now it is fourteen",
])
def test_weight_lost_over_a_story_is_urgent(assistant: Assistant, text: str) -> None:
    assert level(assistant, text) is Level.URGENT


@pytest.mark.parametrize("text", [
    # A gain, told the same way.
    "he was twenty six pounds at his checkup two months ago and today the scale says twenty eight",
    # "Like" as a filler before a time gone by is no comparison: the faint was last week.
    "she fainted like three times last week, her back is sore now",
])
def test_no_loss_and_no_comparison(assistant: Assistant, text: str) -> None:
    assert level(assistant, text) not in (Level.URGENT, Level.EMERGENCY)


@pytest.mark.parametrize("text", [
    "he's been hot all day",
    "she has been warm since lunch and her back hurts",
    "he's been hot today",
])
def test_hot_over_a_while_is_a_fever(assistant: Assistant, text: str) -> None:
    # The policy's table: "feels hot" is a fever; said in the perfect it was missed ("has been" between).
    assert level(assistant, text) is Level.URGENT


def test_the_hot_sun_is_no_fever(assistant: Assistant) -> None:
    assert level(assistant, "he's been in the hot sun all day and his back is sore") is Level.HOME_CARE
