"""Worried questions about now, pain that keeps a child from sleep, whose sign it is, rousing by force (#7).

Each a class written from the policy, with near misses:

- A worried question about a state said in the present ("should I be worried if she doesn't know who I am?") is
  the sign, unsure (rules 4, 10); a what-if about a change to come ("what if she gets a fever?", "if he ever...")
  stays a what-if (rule 9), as does a condition that opens its clause ("if he has a fever, can I give him...").
- "Not sleeping because of the pain" is pain keeping the child from sleep (follow_up, as "can't sleep" is); a
  reason after a word of waking still says the child sleeps through ("doesn't wake up with the pain").
- A sign the child reports of someone else ("his papa has a fever") and the caller's own ("I were confused")
  are theirs; "me little sister" (Geordie "my") is the child a young caller rings about.
- "Gave him a good shake to get him up" is hard to wake, the child named between.
"""

from __future__ import annotations

import pytest

from helpers import level
from voicecare.domain import Level, Status
from voicecare.understanding.assistant import Assistant


def status_of(assistant: Assistant, text: str, symptom: str) -> Status | None:
    return next((f.status for f in assistant.answer(text).findings if f.symptom.id == symptom), None)


@pytest.mark.parametrize(("text", "symptom"), [
    ("should I be worried if she doesn't know who I am?", "confusion"),
    ("is it bad that he keeps wetting himself? he's been potty trained a year", "loss_of_control"),
    ("should I worry if he has a fever and his back hurts", "fever"),
    ("do I need to worry if she feels hot?", "fever"),
    ("is it normal that he keeps falling asleep while I talk to him", "very_drowsy"),
])
def test_a_worried_question_about_now_is_the_sign(assistant: Assistant, text: str, symptom: str) -> None:
    assert status_of(assistant, text, symptom) is Status.PRESENT


@pytest.mark.parametrize(("text", "symptom"), [
    ("what if she gets a fever?", "fever"),
    ("should I be worried if she gets a fever?", "fever"),
    ("should I worry if he ever has a fever", "fever"),
    ("What is the meaning if she start to have chills? I ask only to know.", "chills"),
    ("if he has a fever can I give him tylenol", "fever"),
    ("If she has trouble breathing, should I call 911?", "trouble_breathing"),
    ("god forbid she has trouble breathing", "trouble_breathing"),
])
def test_a_what_if_about_a_change_or_a_condition_stays_a_what_if(assistant: Assistant, text: str,
                                                                  symptom: str) -> None:
    assert status_of(assistant, text, symptom) is Status.HYPOTHETICAL


@pytest.mark.parametrize("text", [
    "she's not sleeping because of the pain",
    "he isn't sleeping with the pain",
    "she hasn't slept because of the pain",
    "she isn't sleeping from the pain",
    "She's not sleepin' cos of her back, tosses and turns for ages before she drops off, but she doesn't wake up after.",
])
def test_not_sleeping_for_the_pain_is_kept_from_sleep(assistant: Assistant, text: str) -> None:
    assert status_of(assistant, text, "pain_prevents_sleep") is Status.PRESENT
    assert level(assistant, text) is Level.FOLLOW_UP


@pytest.mark.parametrize("text", [
    "she doesn't wake up with the pain",
    "didn't sleep through the night, he was teething",
])
def test_sleeping_through_is_no_sign(assistant: Assistant, text: str) -> None:
    assert level(assistant, text) not in (Level.EMERGENCY, Level.FOLLOW_UP)


@pytest.mark.parametrize("text", [
    "he keeps saying his papa has a fever",
    "she keeps saying her mama is hot",
    "His paw-paw got de chills an' fever from de flu",
    "her ouma has a fever and chills",
    "i were confused whether to use ice or heat",
])
def test_someone_elses_sign_is_theirs(assistant: Assistant, text: str) -> None:
    assert level(assistant, text) is Level.UNCLEAR


@pytest.mark.parametrize(("text", "expected"), [
    ("beta is saying papa my arms are paining", Level.URGENT),
    ("howay man me little sister's gone all floppy and a cannot wake her up proper", Level.EMERGENCY),
    ("His paw-paw got de chills an' fever from de flu, but de boy jus' got a tight back", Level.HOME_CARE),
    ("my husband's got the chills and a fever and our little guy just has a crampy back from sledding",
     Level.HOME_CARE),
])
def test_the_childs_own_sign_beside_someone_elses(assistant: Assistant, text: str, expected: Level) -> None:
    assert level(assistant, text) is expected


@pytest.mark.parametrize("text", [
    "gave him a good shake to get him up",
    "I gave her a really good shake to wake her up",
    "had to give him a good shake to get him up",
])
def test_rousing_by_force_with_the_child_named_between_is_hard_to_wake(assistant: Assistant, text: str) -> None:
    assert level(assistant, text) is Level.EMERGENCY


def test_an_ordinary_morning_shake_stays_ordinary(assistant: Assistant) -> None:
    assert level(assistant, "I had to shake him to get him up this morning") is not Level.EMERGENCY
