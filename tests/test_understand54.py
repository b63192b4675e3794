"""Under-triage classes left open by the last session (understand54, #7), with our own variants and near misses.

1. A later denial of one side of a grouped sign (pain, tingling, weakness, numbness in a limb) takes back no other
   side said; the same side denied is a correction (rule 9).
2. A "not" the recogniser bent into "no" after an auxiliary ("she will no to wake up", outside review 21 F2).
3. A sign said in one sentence, then a care or number question in the next ("her heart is too slow. What heart rate
   is normal?"): the question's "normal" takes nothing back.
"""

from __future__ import annotations

import pytest

from helpers import level
from voicecare.domain import Level, Status
from voicecare.understanding.assistant import Assistant


def status_of(assistant: Assistant, text: str, symptom: str) -> Status | None:
    return next((f.status for f in assistant.understand(text) if f.symptom.id == symptom), None)


@pytest.mark.parametrize("text", [
    "his back hurts, his leg is weak, no tingling",
    "pain down her leg, no numbness",
    "pain down her leg, no tingling",
    "the pain goes down his leg, no tingling though",
    "her arm is weak but no pins and needles",
    "he's not tingling but the leg is weak",
    "her leg is numb, no pain",
    "his back is sore and his legs are wobbly, no pain in them",
    "his back hurts, his leg is weak, no pain in the leg",
])
def test_a_denied_side_keeps_the_side_said(assistant: Assistant, text: str) -> None:
    assert status_of(assistant, text, "limb_symptoms") is Status.PRESENT, text
    assert level(assistant, text) is Level.URGENT, text


@pytest.mark.parametrize("text", [
    # The same side taken back is a correction (rule 9): the later statement wins.
    "her leg hurts. no, actually her leg doesn't hurt",
    "her legs are tingly, no wait, no tingling",
    "she has a fever, no wait, she doesn't",
])
def test_the_same_side_corrected_is_taken_back(assistant: Assistant, text: str) -> None:
    assert level(assistant, text) is not Level.URGENT, text


def test_a_correction_to_a_sign_still_wins(assistant: Assistant) -> None:
    assert level(assistant, "no fever... actually she feels hot") is Level.URGENT


@pytest.mark.parametrize("text", [
    "she will no to wake up properly and her back hurts",
    "he does no wake up",
    "she can no breathe",
    "he did no wake up when I called him",
    "she is no breathing right",
])
def test_a_bent_not_before_an_emergency_sign_is_no_home_care(assistant: Assistant, text: str) -> None:
    assert level(assistant, text) is Level.EMERGENCY, text


@pytest.mark.parametrize("text", [
    "no trouble breathing, her back is sore",
    "her back is sore and she has no fever",
    "her back hurts, she has no trouble breathing",
])
def test_a_real_no_stays_a_denial(assistant: Assistant, text: str) -> None:
    assert level(assistant, text) is Level.HOME_CARE, text


@pytest.mark.parametrize("text", [
    # Near misses: a denial in its own sentence still denies.
    "her back is sore. Her heart rate is normal.",
    "her back is sore. Her temperature is normal.",
])
def test_a_normal_said_in_its_own_sentence_still_denies(assistant: Assistant, text: str) -> None:
    assert level(assistant, text) is Level.HOME_CARE, text
