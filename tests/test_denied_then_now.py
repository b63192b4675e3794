"""A sign denied before and affirmed after a turn (#7, rule 9: the later statement wins).

"She didn't have a fever this morning but now she does" was home care (the fever denied, the "does" unread);
"he wasn't breathing funny before but now he is" the same. The elided predicate is written out after "does" /
"is", up to a word of when, as "she was breathing fine but now she isn't" already was for the opposite turn.
"""

from __future__ import annotations

import pytest

from helpers import level
from voicecare.domain import Level
from voicecare.understanding.assistant import Assistant


@pytest.mark.parametrize(("text", "expected"), [
    ("she didn't have a fever this morning but now she does", Level.URGENT),
    ("he did not have a fever yesterday, but now he has", Level.URGENT),
    ("she wasn't hot this morning but now she is, and her back hurts", Level.URGENT),
    ("he wasn't breathing funny before but now he is", Level.EMERGENCY),
    ("she wasn't confused earlier but now she is", Level.EMERGENCY),
    # A habit denied with "never" (no verb between the subject and it) and a "did" today (understand44).
    ("she never wets herself but today she did", Level.EMERGENCY),
    ("she hasn't fainted before but today she did", Level.EMERGENCY),
])
def test_a_sign_denied_then_said_now_is_there(assistant: Assistant, text: str, expected: Level) -> None:
    assert level(assistant, text) is expected


@pytest.mark.parametrize("text", [
    "he didn't have a fever and he still doesn't, his back is sore",
    "she didn't have a fever but now she does not either, her back is sore",
    # Someone else did, or the caregiver only thought so: no turn to this child's "she did".
    "she didn't have a fever, her brother did, her back is stiff",
    "she didn't faint, but I thought she did, her back is sore",
])
def test_still_denied_stays_denied(assistant: Assistant, text: str) -> None:
    assert level(assistant, text) is Level.HOME_CARE
