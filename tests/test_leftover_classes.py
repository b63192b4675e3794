"""Classes left by the session of 2026-11-26 18:30 and its outside review, each with wordings of our own.

1. The caregiver's own word of a fever said with a lower reading is a fever even across a contrast or a sentence
   ("burning up but the thermometer only says 99.5"; the policy's table: a lower reading "and nothing else" is no
   fever, "burning up" is one; when in doubt, the higher level), and is never read back "No fever". A belief or a
   doubt that the reading corrects ("I thought she had a fever, but it's 98.7") stays settled by it.
"""

from __future__ import annotations

import pytest

from voicecare.domain import Level, MessageKind, Status
from voicecare.understanding.assistant import Assistant


def _present(result: object) -> set[str]:
    return {f.symptom.id for f in result.findings if f.status is Status.PRESENT}  # type: ignore[attr-defined]


def _readback(result: object) -> str:
    return " ".join(m.text for m in result.messages if m.kind is MessageKind.READBACK)  # type: ignore[attr-defined]


@pytest.mark.parametrize("text", [
    "he's burning up but the thermometer only says 99.5, his back is stiff",
    "she feels really hot but the thermometer says 37.4 and her back hurts",
    "burning up though the ear thermometer says just 99.8, sore back",
    "she's red hot, forehead on fire, even though the thermometer only read 37.6",
    "he feels hot to me. The thermometer says 99.1. His back is tight.",
    "I think she's burning up, the thermometer says 99.5, back sore",
])
def test_a_fever_word_beside_a_lower_reading_is_a_fever(assistant: Assistant, text: str) -> None:
    result = assistant.answer(text)
    assert result.disposition is Level.URGENT, text
    assert "fever" in _present(result), text
    assert "No fever" not in _readback(result), text


@pytest.mark.parametrize("text", [
    "I thought she was burning up but it's only 98.7, her back is sore",
    "i thought she had a fever but it's 98 point 7 and her back is tight",
    "I was worried he was hot, but it's 36.6, just a stiff back",
    "I think she had fever but I check, 36.5, normal. Her back is sore.",
    "she felt hot earlier but now it's 36.8 and her back is a bit stiff",
])
def test_a_belief_the_reading_corrects_is_no_fever(assistant: Assistant, text: str) -> None:
    result = assistant.answer(text)
    assert result.disposition is Level.HOME_CARE, text
    assert "fever" not in _present(result), text
