"""Who a sign belongs to and what state it is said in, as other people say it (#7, context and look-alikes)."""

from __future__ import annotations

import pytest

from helpers import level
from voicecare.domain import Level, Status
from voicecare.understanding.assistant import Assistant


def statuses(assistant: Assistant, text: str) -> dict[str, Status]:
    return {f.symptom.id: f.status for f in assistant.answer(text).findings}


@pytest.mark.parametrize("text", [
    # Someone else named as the subject of a deed done to the child: the child is its object, not them.
    "Me and my wife can't get him to wake up",
    "me and my husband can't wake her up, her back was sore",
    "me and his dad can't get him to respond",
    "me and the missus can't wake the wee one",
    "the nanny couldn't wake her from her nap",
    "his grandad tried everything and can't rouse him",
])
def test_a_deed_done_to_the_child_is_the_childs_sign(assistant: Assistant, text: str) -> None:
    assert level(assistant, text) is Level.EMERGENCY


@pytest.mark.parametrize(("text", "sign"), [
    # Their own body, their own sign: a possessive of their gender, or their body part as the subject.
    ("my wife can't feel her legs, his back is sore", "limb_symptoms"),
    ("my dad can't catch his breath, her back is sore", "trouble_breathing"),
    ("my mum's legs are numb and tingling, her back hurts too", "limb_symptoms"),
])
def test_their_own_body_stays_theirs(assistant: Assistant, text: str, sign: str) -> None:
    assert statuses(assistant, text).get(sign) is Status.OTHER
    assert level(assistant, text) is Level.HOME_CARE


@pytest.mark.parametrize("text", [
    "My husband's back is killing him after moving the sofa.",
    "my sister has a fever and chills and her back is killing her, she is thirty",
])
def test_a_pain_that_troubles_them_is_theirs(assistant: Assistant, text: str) -> None:
    assert level(assistant, text) is Level.UNCLEAR


@pytest.mark.parametrize("text", [
    # A grown-up's word said small is the child (no other child named).
    "the little fella's lips are blue",
    "the young fella is not breathing right",
    "my little mate has gone floppy",
    "wee fella keeps passing out",
    # "My maid": a girl in Newfoundland and West Country English.
    "My maid's lips are gone some grey looking and she's heaving for air",
])
def test_the_child_in_regional_words_is_the_child(assistant: Assistant, text: str) -> None:
    assert level(assistant, text) is Level.EMERGENCY


@pytest.mark.parametrize("text", [
    "my maid has a fever and my son's back is sore",
    "my little cousin has a fever and my daughter's back is sore",
])
def test_with_another_child_named_they_stay_someone_else(assistant: Assistant, text: str) -> None:
    assert statuses(assistant, text).get("fever") is Status.OTHER
    assert level(assistant, text) is Level.HOME_CARE
