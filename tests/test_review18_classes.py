"""Classes from outside review 18 (2026-11-27): F7 and F9 (understanding other people's words).

F7: breathing said to be no different ("she isn't breathing any differently") is a denial of a change in breathing,
not the 911 sign "not breathing"; said as a change ("she's breathing differently", "breathing harder") it is a
change in breathing, which rule 4 escalates. F9: a sign said in the past and denied for today ("chills yesterday but
not today", the reviewer's "a temperature on Tuesday, none since" is left: "none since" is also how a toilet sign is said) is
over (rule 9), as "gone today" was.
"""

from __future__ import annotations

import pytest

from voicecare.domain import Level, Status
from voicecare.understanding.assistant import Assistant


def _statuses(result: object, symptom: str) -> set[Status]:
    return {f.status for f in result.findings if f.symptom.id == symptom}  # type: ignore[attr-defined]


@pytest.mark.parametrize("text", [
    "she isn't breathing any differently, just her back",
    "she isn't breathing any differently than usual, back sore",
    "he's not breathing any different to normal, his back is stiff",
    "she's not breathing any harder than normal, her back is sore",
])
def test_breathing_no_different_is_no_911(assistant: Assistant, text: str) -> None:
    result = assistant.answer(text)
    assert Status.PRESENT not in _statuses(result, "trouble_breathing"), text
    assert result.disposition is not Level.EMERGENCY, text


@pytest.mark.parametrize("text", [
    # The near misses: the sign itself, and breathing said to have changed (rule 4: escalate).
    "he is not breathing, his back",
    "she is breathing differently, back sore",
    "her breathing is harder now and her back hurts",
    "she isn't breathing, her back seized up",
])
def test_not_breathing_and_breathing_changed_stay_911(assistant: Assistant, text: str) -> None:
    result = assistant.answer(text)
    assert Status.PRESENT in _statuses(result, "trouble_breathing"), text
    assert result.disposition is Level.EMERGENCY, text


@pytest.mark.parametrize(("text", "symptom"), [
    ("my son had the chills yesterday but not today, back still sore", "chills"),
    ("she had a fever yesterday, not today, her back hurts", "fever"),
])
def test_a_sign_had_and_denied_since_is_over(assistant: Assistant, text: str, symptom: str) -> None:
    result = assistant.answer(text)
    assert _statuses(result, symptom) == {Status.PAST}, text
    assert result.disposition not in (Level.EMERGENCY, Level.URGENT), text


@pytest.mark.parametrize(("text", "symptom"), [
    # Said now, "not today" is no cure: the sign is said in the present.
    ("he has chills but not today's worry is his back", "chills"),
    # "Nothing since" is the toilet sign itself, never a cure.
    ("walking's fine, but she's been bunged up, nothing since Tuesday", "bladder_bowel_problems"),
    ("she has a fever since tuesday, back sore", "fever"),
])
def test_a_sign_said_now_stays(assistant: Assistant, text: str, symptom: str) -> None:
    result = assistant.answer(text)
    assert Status.PRESENT in _statuses(result, symptom), text
    assert result.disposition in (Level.URGENT, Level.FOLLOW_UP), text
