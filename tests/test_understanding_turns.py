"""More classes of misunderstanding on caregivers' own words (issue #7): contrasts, time, who.

Every sentence here is our own wording of a class, not a corpus line; each
test fails when its class of failure comes back.
"""

from __future__ import annotations

import pytest

from helpers import found, level
from voicecare.domain import Level, Status
from voicecare.understanding.assistant import Assistant
from voicecare.understanding.matching import Matcher

# ---- a contrast before the sign: the background, then the news


@pytest.mark.parametrize("text", [
    "she's been dry for months but she had an accident today",
    "he's fully potty trained though he wet himself twice this afternoon",
    "she's been dry at night for ages but this morning she had an accident",
])
def test_a_contrast_between_the_background_and_the_sign_does_not_hide_it(assistant: Assistant, text: str) -> None:
    assert level(assistant, text) is Level.EMERGENCY


@pytest.mark.parametrize("text", [
    "he had an accident last week but he's been dry since",
    "she used to have accidents but she's dry now",
    "he's potty trained but no accidents at all, just a sore back",
])
def test_the_sign_before_a_contrast_or_denied_after_it_is_no_new_accident(assistant: Assistant, text: str) -> None:
    assert level(assistant, text) is not Level.EMERGENCY


def test_a_cue_said_with_the_background_is_not_the_signs(matcher: Matcher) -> None:
    # The "without" belongs to the months of dry days, not to today's accident.
    text = "she's been dry for months without a single slip but she had an accident today"
    assert found(matcher, text)["loss_of_control"] is Status.PRESENT
