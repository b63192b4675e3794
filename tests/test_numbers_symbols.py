"""Readings typed with symbols and abbreviations, judged by the policy's thresholds both ways (#7).

"pulse: 45" and "heart rate: 190" were not understood: a colon was a full stop, so the number was cut off from
the word that says what it measures. "breathing 55/min" was not understood: the slash was dropped and "55 min"
read as 55 minutes. A colon between a word and a number now labels the number (a clock's "10:45" and a colon
before words, "breathing: fine", stay full stops); a slash between a number and a word is "per".
Thresholds (TRIAGE_POLICY.md): heart rate at rest above 160 or below 70, breathing above 40 a minute: 911;
temperature 100.4 F / 38.0 C or more: fever (urgent).
"""

from __future__ import annotations

import pytest

from helpers import level
from voicecare.domain import Level
from voicecare.understanding.assistant import Assistant


@pytest.mark.parametrize(("text", "expected"), [
    # Over (or under) the line: the level the table gives.
    ("pulse: 45", Level.EMERGENCY),
    ("his pulse: 45, back is sore", Level.EMERGENCY),
    ("heart rate: 190", Level.EMERGENCY),
    ("pulse: 165", Level.EMERGENCY),
    ("pulse: 65", Level.EMERGENCY),
    ("respirations: 60", Level.EMERGENCY),
    ("breathing rate: 55", Level.EMERGENCY),
    ("resp: 48, sore back", Level.EMERGENCY),
    ("breathing 55/min", Level.EMERGENCY),
    ("breathing 55 / min", Level.EMERGENCY),
    ("she's breathing 60/min", Level.EMERGENCY),
    ("breathing rate: 44/min", Level.EMERGENCY),
    ("his heart is going 180/min", Level.EMERGENCY),
    ("HR 190", Level.EMERGENCY),
    ("resp 50", Level.EMERGENCY),
    # Outside review 17 F1: "HR 65/min" was read as a cramp of 65 minutes (urgent, "severe cramping" read back),
    # "resp 50/min" and "pulse 190 / min" as home care, "hr190" with its label glued on, "resps 50" not at all.
    ("HR 65/min back spasm", Level.EMERGENCY),
    ("HR 190/min, back spasm", Level.EMERGENCY),
    ("pulse 190 / min, back tight", Level.EMERGENCY),
    ("resp 50/min and his back is seized up", Level.EMERGENCY),
    ("RR of 60/min, back locked", Level.EMERGENCY),
    ("HR: 190", Level.EMERGENCY),
    ("hr190 back sore", Level.EMERGENCY),
    ("resps 50", Level.EMERGENCY),
    ("hr120 back sore", Level.HOME_CARE),
    ("resp 28/min, sore back from climbing", Level.HOME_CARE),
    ("temp: 38,0", Level.URGENT),
    ("temp 39,2", Level.URGENT),
    ("38.9C", Level.URGENT),
    ("101F", Level.URGENT),
    ("temp: 100.4F", Level.URGENT),
    # Under the line: no raise.
    ("pulse: 155, sore back", Level.HOME_CARE),
    ("pulse: 75, sore back", Level.HOME_CARE),
    ("resp: 36/min, sore back", Level.HOME_CARE),
    ("breathing 30/min, back sore", Level.HOME_CARE),
    ("breathing: 38, sore back", Level.HOME_CARE),
    ("temp: 37,9, sore back", Level.HOME_CARE),
    ("temp: 100.2F and sore back", Level.HOME_CARE),
    ("heart rate: 130, temp: 37.4, back sore", Level.HOME_CARE),
])
def test_a_reading_typed_with_symbols_is_judged_by_the_table(assistant: Assistant, text: str,
                                                             expected: Level) -> None:
    assert level(assistant, text) is expected


@pytest.mark.parametrize("text", [
    # A list of labels with words after them, and a clock's time, are what they were.
    "temp: 37, breathing: fine, pulse: 110, sore back",
    "Breathing: fine. Temp: 37.2. Back sore.",
    "she was breathing fine at 10:45 but her back hurts",
    "checked her pulse at 11:50, it was 110, back sore",
    # A slash that is no rate.
    "24/7 she's moaning about her back",
    "20 min on/20 off with the ice for her sore back",
    # A saturation's name with its digit is no label glued on a reading.
    "spo2 97, breathing ok, back sore",
])
def test_labels_clocks_and_other_slashes_raise_nothing(assistant: Assistant, text: str) -> None:
    assert level(assistant, text) is Level.HOME_CARE
