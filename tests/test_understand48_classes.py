"""Two false-911 classes (understand48, #7).

- A story told with a verb of telling, of some child ("a kid", "a little girl"), is that child's, not this one's:
  "on the news they said a kid stopped breathing", "the radio said a little girl couldn't breathe" (rule 9). The
  same telling about this child ("they said at nursery he stopped breathing") is this child's sign (rules 4 and 9).
- A "normal" said of one body part after a comma denies no other part named before it ("his back hurts, heart is
  normal only"); a denial among a sign's own words denies that sign whatever narrows before it ("..., and toilet
  he is doing properly, no accidents").
"""

from __future__ import annotations

import pytest

from helpers import level
from voicecare.domain import Level, Status
from voicecare.understanding.assistant import Assistant


@pytest.mark.parametrize("text", [
    "on the news they said a kid stopped breathing, anyway my son's back is a bit sore",
    "the radio said a little girl couldn't breathe, his back is a bit sore",
    "my friend told us a little boy went blue at the park, his back is sore",
    "my friend said her kid stopped breathing last week, his back is sore",
])
def test_a_reported_stranger_child_is_not_this_one(assistant: Assistant, text: str) -> None:
    assert level(assistant, text) is Level.HOME_CARE


@pytest.mark.parametrize("text", [
    "they said at nursery he stopped breathing",
    "my mum said he went blue just now",
    "the nurse said she's not breathing right",
    "the nurse said my little girl couldn't breathe",
    "he's a little boy and he is a bit blue",
])
def test_a_report_about_this_child_stays_911(assistant: Assistant, text: str) -> None:
    assert level(assistant, text) is Level.EMERGENCY


@pytest.mark.parametrize("text", [
    "his back hurts, heart is normal only, and toilet he is doing properly, no accidents",
    "his back hurts, heart is normal, and toilet he is doing properly, no accidents",
    "his back hurts, breathing is fine, no accidents with the toilet",
])
def test_normal_of_one_part_denies_no_other(assistant: Assistant, text: str) -> None:
    found = {f.symptom.id: f.status for f in assistant.understand(text)}
    assert found.get("back_spasm") is Status.PRESENT
    assert found.get("loss_of_control") is Status.ABSENT
    assert level(assistant, text) is Level.HOME_CARE


@pytest.mark.parametrize("text", [
    "his back hurts, heart is normal only, and he keeps wetting himself, can't hold his pee",
    "his back hurts, his breathing is fine, just now he had an accident and wet himself",
])
def test_a_sign_said_after_a_normal_part_stays_911(assistant: Assistant, text: str) -> None:
    assert level(assistant, text) is Level.EMERGENCY
