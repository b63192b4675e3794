"""ConText statuses: denied, someone else, hypothetical, past, hedged, corrected."""

from __future__ import annotations

import pytest

from voicecare.domain import Status
from voicecare.understanding.matching import Matcher


def status(matcher: Matcher, text: str, symptom: str) -> Status:
    (match,) = [m for m in matcher.match(text) if m.symptom == symptom][-1:]
    return match.status


@pytest.mark.parametrize(("text", "symptom", "expected"), [
    ("no fever", "fever", Status.ABSENT),
    # A denial and a "without" inside the mention cancel: he cries when he pees, she limps.
    ("he can't pee without crying", "bladder_bowel_problems", Status.PRESENT),
    ("she won't walk without limping", "trouble_walking", Status.PRESENT),
    ("he can pee without crying", "bladder_bowel_problems", Status.ABSENT),
    # An ability denied, then the sign right after "without": he stops for air, she gasps (understand22 left it).
    ("he can't finish a sentence without stopping for air", "trouble_breathing", Status.PRESENT),
    ("she can't say two words without gasping", "trouble_breathing", Status.PRESENT),
    ("he can't finish his bottle without stopping for air", "trouble_breathing", Status.PRESENT),
    ("he won't eat his dinner but breathes without trouble", "trouble_breathing", Status.ABSENT),
    ("no, he breathes without trouble", "trouble_breathing", Status.ABSENT),
    ("he can talk without stopping for air", "trouble_breathing", Status.ABSENT),
    ("she doesn't have a fever", "fever", Status.ABSENT),
    ("he has no fever, chills or trouble breathing", "trouble_breathing", Status.ABSENT),
    ("I don't think he has a fever", "fever", Status.ABSENT),
    ("she's not breathing hard", "trouble_breathing", Status.ABSENT),
    ("his sister has a fever", "fever", Status.OTHER),
    ("I have the chills", "chills", Status.OTHER),
    ("what if she gets a fever", "fever", Status.HYPOTHETICAL),
    ("should I worry if he passes out", "fainting", Status.HYPOTHETICAL),
    ("she had a fever last week", "fever", Status.PAST),
    ("his fever went away", "fever", Status.PAST),
    ("I'm not sure if she has a fever", "fever", Status.PRESENT),
    ("I can't tell if he's confused", "confusion", Status.PRESENT),
    ("no he can't breathe", "trouble_breathing", Status.PRESENT),
    ("no fever but she is breathing hard", "trouble_breathing", Status.PRESENT),
    ("his sister said he can't breathe", "trouble_breathing", Status.PRESENT),
    ("what if she gets a fever she can't breathe", "trouble_breathing", Status.PRESENT),
    ("he's had a fever since last week", "fever", Status.PRESENT),
    ("she had a fever last week and it's back now", "fever", Status.PRESENT),
    ("he had chills a few weeks ago", "chills", Status.PAST),
    ("her legs are not numb", "limb_symptoms", Status.ABSENT),
    ("her legs feel all tingly", "limb_symptoms", Status.PRESENT),
    ("he's panting and can't get air", "trouble_breathing", Status.PRESENT),
    ("she has a normal temperature", "fever", Status.ABSENT),
    ("is it serious if he passed out", "fainting", Status.PRESENT),
    ("what if he passed out", "fainting", Status.HYPOTHETICAL),
    ("would it be bad if he gets a fever", "fever", Status.HYPOTHETICAL),
])
def test_status(matcher: Matcher, text: str, symptom: str, expected: Status) -> None:
    assert status(matcher, text, symptom) is expected


def test_hedge_is_marked_uncertain(matcher: Matcher) -> None:
    (match,) = matcher.match("maybe she has a fever")
    assert match.status is Status.PRESENT and match.uncertain


def test_self_correction_gives_two_mentions_in_order(matcher: Matcher) -> None:
    statuses = [m.status for m in matcher.match("no fever... actually she feels hot") if m.symptom == "fever"]
    assert statuses == [Status.ABSENT, Status.PRESENT]


def test_comma_ends_a_what_if(matcher: Matcher) -> None:
    assert status(matcher, "what if she gets a fever, her back is sore", "back_spasm") is Status.PRESENT


def test_a_question_about_an_emergency_is_not_a_declared_emergency(matcher: Matcher) -> None:
    assert "caregiver_emergency" not in {m.symptom for m in matcher.match("would it be an emergency if he fell")}
    assert "caregiver_emergency" in {m.symptom for m in matcher.match("it's an emergency, his back")}


@pytest.mark.parametrize(("text", "symptom"), [
    # Negative concord: a "not" before "hardly" or "barely" says barely, no denial.
    ("she ain't hardly breathing", "trouble_breathing"),
    ("he won't hardly open his eyes when I shake him", "very_drowsy"),
    ("her lips are grey and she ain't barely getting any air in", "trouble_breathing"),
    ("she can't hardly breathe", "trouble_breathing"),
])
def test_negative_concord_is_no_denial(matcher: Matcher, text: str, symptom: str) -> None:
    assert status(matcher, text, symptom) is Status.PRESENT


@pytest.mark.parametrize(("text", "symptom", "expected"), [
    # A time a state began, inside a mention that spans it, dates the habit, not the deed after it.
    ("he's been potty trained since like last summer and he just peed all over himself on the couch and didn't even "
     "notice", "loss_of_control", Status.PRESENT),
    ("she's been potty trained since last summer and she just peed all over herself in the car and didn't notice",
     "loss_of_control", Status.PRESENT),
    # A time said of the deed itself still makes it past.
    ("she was toilet trained last spring and she wet herself on the rug last week", "loss_of_control", Status.PAST),
])
def test_a_habits_start_does_not_date_the_deed(matcher: Matcher, text: str, symptom: str, expected: Status) -> None:
    assert status(matcher, text, symptom) is expected


@pytest.mark.parametrize(("text", "symptom"), [
    # Spanish denials said inside English.
    ("she uses the potty like a big girl now, ni un accidente", "loss_of_control"),
    ("ninguna fever, just the back", "fever"),
])
def test_spanish_denials_said_in_english(matcher: Matcher, text: str, symptom: str) -> None:
    assert status(matcher, text, symptom) is Status.ABSENT
