"""An everyday explanation said after "but that's ..." and a sign word said to be fine (#7, false 911s).

"Her lips are blue but it's from the blue raspberry ice pop, she's breathing normal" was a 911 twice in tuning
(batch_ao 87, batch_ar 104): the "but" ended the explanation's reach, and "breathing", said as normal, kept the
blue a sign as if breathing had been said to be bad. These are other wordings of the same two classes, and
their opposites: an explanation denied, a sign said after the contrast.
"""

from __future__ import annotations

import pytest

from helpers import level
from voicecare.domain import Level
from voicecare.understanding.assistant import Assistant


@pytest.mark.parametrize("text", [
    "his lips went blue but that was the blueberries, he's breathing ok, his back is sore",
    "her lips are purple but it's the grape juice, back hurts",
    "his lips are blue from the ice lolly and his breathing is fine, back sore",
    "her lips are purple from the ribena, breathing ok, back hurts",
    "Her lips are blue but it's from the blue raspberry ice pop, she's breathing normal, her back's just a little stiff.",
])
def test_an_everyday_explanation_and_breathing_said_fine_are_no_911(assistant: Assistant, text: str) -> None:
    assert level(assistant, text) is Level.HOME_CARE


@pytest.mark.parametrize("text", [
    # The explanation denied.
    "her lips are blue but it's not from the slush, she hasn't had any",
    # The breathing said to be bad, not fine.
    "his lips are blue from the ice lolly and his breathing is not fine",
    "her lips are purple from the ribena but she's breathing funny",
    "his lips are blue from the ice lolly and he's breathing hard",
    # A sign said after the contrast.
    "his lips were blue from the pool but it's been an hour and they're still blue",
    "his lips are purple but it is not the juice, he is struggling to breathe",
])
def test_a_denied_explanation_or_a_sign_after_it_stays_911(assistant: Assistant, text: str) -> None:
    assert level(assistant, text) is Level.EMERGENCY


def test_a_denial_is_never_said_fine(assistant: Assistant) -> None:
    # "not waking up easily": the "not" keeps the sign; "easily" after it is no word of being fine.
    assert level(assistant, "he was waking up easily before but now he isn't") is Level.EMERGENCY
