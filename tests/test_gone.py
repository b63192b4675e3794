"""A "gone" said after a sign: over, or how much was lost (lead, after the merge of 2026-11-27).

"That's gone" and "that went away" after a "but" make the sign before them over, as "it's gone" does: "she was
wheezing but that's gone" was a false 911. A weight said before "gone" is the loss itself: "lighter than he was,
a good pound gone" was read as a weight loss that is over (home care, an urgent sign hidden).
"""

from __future__ import annotations

import pytest

from voicecare.domain import Level, Status
from voicecare.understanding.assistant import Assistant


def _status(assistant: Assistant, text: str, symptom: str) -> set[Status]:
    return {f.status for f in assistant.answer(text).findings if f.symptom.id == symptom}


@pytest.mark.parametrize(("text", "symptom"), [
    ("she was wheezing but that's gone", "trouble_breathing"),
    ("he had a fever yesterday but that went away", "fever"),
    ("wheezing with a cold, that's long gone", "trouble_breathing"),
    ("last week he was wheezing a bit, that's long gone; now it's only his sore back", "trouble_breathing"),
])
def test_a_sign_then_thats_gone_is_over(assistant: Assistant, text: str, symptom: str) -> None:
    assert _status(assistant, text, symptom) == {Status.PAST}, text
    assert assistant.answer(text).disposition is not Level.EMERGENCY, text


# A blue spell earlier today is an event, as a faint is (docs/policy.md, outside review 19 F16): over, it still
# happened, so it stays a 911 where a state that is over ("wheezing but that's gone") does not.
@pytest.mark.parametrize("text", [
    "her lips are blue, that is not gone",
    "her lips were blue but that is gone now",
    "she fainted but that's gone and now she's not waking up",
])
def test_a_sign_said_now_stays(assistant: Assistant, text: str) -> None:
    assert assistant.answer(text).disposition is Level.EMERGENCY, text


@pytest.mark.parametrize("text", [
    "he's lighter than he was, a good pound gone",
    "he's lighter than he was at Christmas, a good pound gone",
    "she's thinner, two kilos gone since the summer",
    "he's lost weight, pounds gone off him",
])
def test_a_weight_before_gone_is_the_loss(assistant: Assistant, text: str) -> None:
    result = assistant.answer(text)
    assert _status(assistant, text, "weight_loss") == {Status.PRESENT}, text
    assert result.disposition is Level.URGENT, text
