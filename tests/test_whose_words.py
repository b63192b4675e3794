"""Whose sign it is, numbers said in other orders, and signs that are over: classes left open on #7 (2026-11-26).

Each case is written in our own words for a class seen in the tuning files, never a tuning line itself.
"""

from __future__ import annotations

import pytest

from helpers import found, level
from voicecare.domain import Level, Status
from voicecare.understanding.assistant import Assistant
from voicecare.understanding.matching import Matcher


@pytest.mark.parametrize(("text", "expected"), [
    # The caller says who they are, with whose kin they are ("the", "his"): the signs after it are the child's.
    ("I'm the mum, her lips are blue", Level.EMERGENCY),
    ("I am his nan, she has gone floppy", Level.EMERGENCY),
    ("the father of the child here, the leg is sleeping and his back hurts", Level.URGENT),
    # "It's ... who": a cleft says who has the sign, not who calls.
    ("it's the mum who has the fever", Level.UNCLEAR),
    ("it's mum who has the fever", Level.UNCLEAR),
])
def test_the_caller_naming_themself_is_not_someone_else(assistant: Assistant, text: str, expected: Level) -> None:
    assert level(assistant, text) is expected


def test_someone_elses_list_of_signs_stays_theirs_past_the_cues_reach(matcher: Matcher) -> None:
    # The father's back pain "and the leg": one list, his, however far from "father" it runs.
    got = found(matcher, "the father of the child has very strong pain in the back and the leg is sleeping, "
                         "what pills can he take")
    assert got.get("limb_symptoms") is Status.OTHER


def test_a_list_past_the_reach_needs_its_joiner(matcher: Matcher) -> None:
    # Far from "my husband", with no "and" joining it to his signs, the fever may be the child's (rule 4).
    got = found(matcher, "my husband has a sore back from lifting the sofa all day yesterday, she has a fever")
    assert got.get("fever") is Status.PRESENT
