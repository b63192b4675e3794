"""Questions only the signs answer ("should I call 911?"): answered, never "I missed that" (issue #7, review 5)."""

from __future__ import annotations

import pytest

from voicecare.domain import Level, MessageKind
from voicecare.understanding.assistant import Assistant


@pytest.mark.parametrize("text", [
    "should I call 911?",
    "should I take her to the ER?",
    "is this serious?",
    "is this an emergency?",
    "do I need to go to the emergency room",
    "Are you able to call 911 for me, or can you only give advice?",
])
def test_asking_whether_to_call_is_answered_with_the_911_signs(assistant: Assistant, text: str) -> None:
    # Not itself an emergency (no sign was said: a false 911 helps nobody), and not "I missed that" (rule 14):
    # the answer asks what they see and names the call-911 signs (rule 7).
    result = assistant.answer(text)
    assert result.disposition is Level.UNCLEAR, text
    texts = [m.text for m in result.messages]
    assert not any(m.kind is MessageKind.UNCLEAR for m in result.messages), texts
    assert result.messages[0].kind is MessageKind.CARE_ANSWER and "tell me what you see" in texts[0], texts
    assert any(t.startswith("Call 911 if your child has trouble breathing") for t in texts), texts


@pytest.mark.parametrize(("text", "expected"), [
    ("should I call 911? she's not breathing right", Level.EMERGENCY),
    ("his back hurts, should I call an ambulance or is that overreacting", Level.HOME_CARE),
    ("is it serious? her back hurts", Level.HOME_CARE),
])
def test_the_signs_said_with_the_question_decide(assistant: Assistant, text: str, expected: Level) -> None:
    result = assistant.answer(text)
    assert result.disposition is expected, text
    assert not any("tell me what you see" in m.text for m in result.messages)
