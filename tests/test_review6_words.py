"""Classes from the second outside review of 2026-11-26 (conversations by six caregivers)."""

from __future__ import annotations

import pytest

from voicecare.domain import Level
from voicecare.understanding.assistant import Assistant


@pytest.mark.parametrize(("text", "expected"), [
    # One limb floppy or limp is that limb's weakness (urgent), not a drowsy child (911).
    ("her left leg seems floppy", Level.URGENT),
    ("his right arm is limp", Level.URGENT),
    # The child floppy stays 911, whatever a limb does too.
    ("she is floppy, her arm just hangs", Level.EMERGENCY),
    ("she's gone all floppy", Level.EMERGENCY),
    # Knees that give way are weak legs; someone else's knees are theirs.
    ("her knees buckle when she tries to walk", Level.URGENT),
    ("her knees gave way when she stood up", Level.URGENT),
    ("my mum's knees are giving her grief again", Level.UNCLEAR),
    # Learner English: numb legs are urgent (the policy's table), not numbness elsewhere.
    ("he no can feel he legs", Level.URGENT),
    # Learner English: no longer using the toilet and soiling, in a trained child, is a loss of control.
    ("her back hurts and she don't make pee pee in toilet no more, she make in pants and not know", Level.EMERGENCY),
])
def test_review_words(assistant: Assistant, text: str, expected: Level) -> None:
    assert assistant.answer(text).disposition is expected, text
