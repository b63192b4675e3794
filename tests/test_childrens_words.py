"""Children's words for peeing and pooing, and a heart likened to a machine (#7, fresh batch_ar classes).

"Every time she make pipi she cry and squeeze" (crying when peeing: bladder problems, follow-up) and "his
heart's goin like a two stroke engine" (a very fast heartbeat, 911) were missed in batch_ar_tuning; these are
other wordings of the same families, with near misses.
"""

from __future__ import annotations

import pytest

from helpers import level
from voicecare.domain import Level
from voicecare.understanding.assistant import Assistant


@pytest.mark.parametrize(("text", "expected"), [
    ("he cries when he does pipi and his back hurts", Level.FOLLOW_UP),
    ("she screams when she makes pee-pee, back is sore", Level.FOLLOW_UP),
    ("he whimpers every time he tinkles", Level.FOLLOW_UP),
    ("she cries doing caca, back sore", Level.FOLLOW_UP),
    ("her pipi just comes out on its own now and she's been trained a year", Level.EMERGENCY),
    ("her heart is going like a jackhammer and she's lying down", Level.EMERGENCY),
    ("his heart's going like an engine and he's sat still", Level.EMERGENCY),
])
def test_childrens_words_and_a_machine_heart(assistant: Assistant, text: str, expected: Level) -> None:
    assert level(assistant, text) is expected


def test_an_engine_said_of_the_child_is_no_heart(assistant: Assistant) -> None:
    assert level(assistant, "he runs like an engine all day, his back is sore") is Level.HOME_CARE
