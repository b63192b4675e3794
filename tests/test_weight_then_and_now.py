"""Weight lost, said as then and now in words, or against a time gone by (#7, urgent: any weight lost).

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
