"""A denial, a contrast or a reassurance reaches only what it speaks of (understand46, #7).

Classes found by saying the tuning emergencies again with a denial of another sign around them, and by the policy
probe tests/data/fresh/probe_emergency46.tsv, each for any wording of it:

- a loose mention does not reach back over a comma to join a wider one whole in its own clause, so the first
  clause's "not" is not its denial ("not getting the breath properly, very hard for her to breathe");
- an ordinary circumstance's own "but" before the sign opens the news; it explains the sign only when it stands
  between the sign and what explains it ("no fever but she's very drowsy, keeps nodding off while eating");
- an ordinary circumstance's own denial counts only close to its other words ("not crying, ... fully toilet trained"
  is no "not trained");
- a word right after its own denial is not said fine ("his legs not moving good").
Near misses: the same circumstances said plainly stay ordinary.
"""

from __future__ import annotations

import pytest

from helpers import level
from voicecare.domain import Level
from voicecare.understanding.assistant import Assistant


@pytest.mark.parametrize("text", [
    "she is not getting the breath properly, very hard for her to breathe",
    "he can't seem to get enough air in, he keeps stopping to breathe when he talks",
    "no fever, but she's very drowsy, keeps nodding off in the middle of eating her dinner",
    "not crying, she wet herself twice today and she's fully toilet trained",
    "my son fall from the balcony on his back, now his legs not moving good",
    "her legs just gave way and she went down, she didn't answer me for a few seconds",
])
def test_emergency_not_taken_by_another_statement(assistant: Assistant, text: str) -> None:
    assert level(assistant, text) is Level.EMERGENCY


@pytest.mark.parametrize(("text", "expected"), [
    ("she's sleepy but eating her dinner fine, back a bit sore from the slide", Level.HOME_CARE),
    ("she's playing and fine now, but she was hard to wake this morning, back a bit stiff", Level.HOME_CARE),
    ("she had an accident, she's not potty trained yet, back is a bit sore from the slide", Level.HOME_CARE),
    ("he is still in nappies, passing urine and not telling me, back a bit sore from the slide", Level.HOME_CARE),
    ("his legs not moving good since yesterday, back sore", Level.URGENT),
])
def test_ordinary_still_ordinary(assistant: Assistant, text: str, expected: Level) -> None:
    assert level(assistant, text) is expected
