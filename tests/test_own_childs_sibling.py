"""The brother or sister of the caller's own child is the caller's child (#7, understand41).

"My daughter says her brother is breathing funny and his lips are grey" was "not understood": "her brother" was
someone else's sign, as "his sister fainted at work" is after "my husband says". After the caller's own child is
named in the sentence, that child's sibling is the caller's child too (rule 4), unless another child is named.
"""

from __future__ import annotations

import pytest

from helpers import level
from voicecare.domain import Level
from voicecare.understanding.assistant import Assistant


@pytest.mark.parametrize("text", [
    "my daughter says her brother is breathing funny and his lips are grey",
    "my son says his little sister won't wake up",
])
def test_the_sibling_of_the_callers_child_is_the_child(assistant: Assistant, text: str) -> None:
    assert level(assistant, text) is Level.EMERGENCY


@pytest.mark.parametrize(("text", "expected"), [
    # A grown-up's sibling stays theirs.
    ("my husband says his sister fainted at work, my son just has a sore back", Level.HOME_CARE),
    # Another child named: the sign stays the sibling's.
    ("my daughter says her brother has a cold and my son's back hurts", Level.HOME_CARE),
    # A past sign of the sibling stays past.
    ("my daughter says her brother had a fever last week, now he's fine, just a stiff back", Level.HOME_CARE),
])
def test_others_keep_their_signs(assistant: Assistant, text: str, expected: Level) -> None:
    assert level(assistant, text) is expected
