"""Classes left by the session of 2026-11-26 18:30 and its outside review, each with wordings of our own.

1. The caregiver's own word of a fever said with a lower reading is a fever even across a contrast or a sentence
   ("burning up but the thermometer only says 99.5"; the policy's table: a lower reading "and nothing else" is no
   fever, "burning up" is one; when in doubt, the higher level), and is never read back "No fever". A belief or a
   doubt that the reading corrects ("I thought she had a fever, but it's 98.7") stays settled by it.
2. False 911s: a deed not done as usual is that deed ("not walking like himself" is trouble walking), "not
   himself" said with how the child is unwell ("hot and shivery") is an ill child, not confusion; a waking sign's
   "not" after a clause of falling asleep ("once he sleeps he does not wake up") sleeps through. Not knowing
   people, "not himself" alone, a modal ("once she's asleep I can't wake her") and any other sign's "not" ("he is
   not breathing at night", rule 2) stay the sign.
3. Other people: an adult's own sign with nothing about the child is no finding (the policy's table), also when a
   cleft names them ("it's my wife that's hurting, her heart's racing") or the caregiver says "myself" in Scots
   ("masel"); the child's own words quoted ("beta is saying papa my arms are paining") are the child's sign.
4. Roused only by force is hard to wake (emergency), and a shake given is no chill: "took a good shake to get him
   up"; far sleepier than usual is very drowsy ("a lot drowsier than normal": "than normal" is no reassurance).
5. Getting up off the floor is no sign: in triage it is nothing, and to the breathing-and-alertness question "off"
   a place is not "a bit off" (it was a sure "yes" to four 911 signs); an answer about something else stays
   unsure there (rule 4), never a sure yes.
6. A span said of a place, a doing, a medicine or another illness is theirs, not back pain lasting days ("not been
   to nursery for four days", "on antibiotics for a week"); with the back or its pain in the clause or its reason
   ("off nursery for a week because his back hurts") it is the pain's (policy table: 3 days or more, follow_up).
7. Numbers: "a hundred point two" is 100.2, under the policy's 100.4 (no fever), and "a hundred and something" is
   over a hundred, a fever when in doubt; "and a half" after digits counts ("100 and a half", "3 and a half days");
   a resting HR of 58 is a toddler's very slow heartbeat (policy: below 70 at rest), also in a note that opens
   with "nephew", while the caregiver's own ("my resting HR is 58") is theirs.
"""

from __future__ import annotations

import pytest

from helpers import kind
from voicecare.conversation.answers import AnswerReader
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


def _level(assistant: Assistant, text: str) -> tuple[Level, set[str]]:
    result = assistant.answer(text)
    return result.disposition, _present(result)


@pytest.mark.parametrize(("text", "level"), [
    ("he's not walking like himself", Level.FOLLOW_UP),
    ("she's not moving around like her normal self, back is sore", Level.HOME_CARE),
    ("he's not eating like his usual self and his back is stiff", Level.HOME_CARE),
    ("not been himself, hot and shivery", Level.URGENT),
    ("she's not herself at all, poorly with a cold and her back hurts", Level.HOME_CARE),
    ("he hasn't been himself, a bit grumpy and clingy, sore back", Level.HOME_CARE),
])
def test_not_himself_said_with_a_deed_or_an_illness_is_no_confusion(
        assistant: Assistant, text: str, level: Level) -> None:
    disposition, present = _level(assistant, text)
    assert disposition is level, text
    assert "confusion" not in present, text


@pytest.mark.parametrize("text", [
    "she's not acting like herself",
    "he's not himself and his back hurts",
    "he's not like himself",
    "he's not himself, hot and confused",
    "she's not herself, she's feverish and doesn't know who I am",
])
def test_not_himself_alone_or_with_confusion_stays_the_sign(assistant: Assistant, text: str) -> None:
    disposition, present = _level(assistant, text)
    assert disposition is Level.EMERGENCY, text
    assert "confusion" in present, text


@pytest.mark.parametrize("text", [
    "once he sleeps he does not wake up, his back is sore",
    "when she sleeps she doesn't wake up till morning, back tight",
    "once she finally falls asleep she doesn't wake at all, it's getting to sleep that's hard, sore back",
    "after he drops off he doesn't stir, the back is stiff",
    "she aint wakin up at night, back sore since yesterday",
])
def test_not_waking_once_asleep_sleeps_through(assistant: Assistant, text: str) -> None:
    disposition, present = _level(assistant, text)
    assert disposition is not Level.EMERGENCY, text
    assert "very_drowsy" not in present, text


@pytest.mark.parametrize(("text", "sign"), [
    ("once she's asleep I can't wake her", "very_drowsy"),
    ("he does not wake up in the morning", "very_drowsy"),
    ("after the fall he does not wake up", "very_drowsy"),
    ("he is not breathing at night", "trouble_breathing"),
    ("once he falls asleep he is not breathing right", "trouble_breathing"),
])
def test_a_sign_said_with_a_time_of_sleep_stays_the_sign(assistant: Assistant, text: str, sign: str) -> None:
    disposition, present = _level(assistant, text)
    assert disposition is Level.EMERGENCY, text
    assert sign in present, text


@pytest.mark.parametrize("text", [
    "It's my wife that's hurtin', her heart's racin'",
    "my wife's heart is racing",
    "it's my husband who is not well, he can barely breathe",
    "Ah've got a sore back fae the gym masel, is that a spasm or whit",
    "I've a sore back meself from lifting him, is that a spasm",
    "pulled my back mysel carrying the pram",
])
def test_an_adults_own_sign_is_no_finding(assistant: Assistant, text: str) -> None:
    disposition, present = _level(assistant, text)
    assert disposition is Level.UNCLEAR, text
    assert not present, text


@pytest.mark.parametrize(("text", "sign", "level"), [
    ("beta is saying papa my arms are paining and his back also", "limb_symptoms", Level.URGENT),
    ("she keeps saying mummy my legs hurt", "limb_symptoms", Level.URGENT),
    ("he told me my arms are tingly", "limb_symptoms", Level.URGENT),
    ("she told me daddy my legs are all tingly", "limb_symptoms", Level.URGENT),
    ("she keeps crying mummy my legs hurt", "limb_symptoms", Level.URGENT),
    ("he says my back hurts daddy", "back_spasm", Level.HOME_CARE),
])
def test_the_childs_own_words_quoted_are_the_childs_sign(
        assistant: Assistant, text: str, sign: str, level: Level) -> None:
    disposition, present = _level(assistant, text)
    assert disposition is level, text
    assert sign in present, text


@pytest.mark.parametrize("text", [
    "my husband says my back is killing me",
    "I told him my back hurts",
    "he's crying, I nearly fainted",
    "the baby keeps crying, my legs hurt",
    "she screamed so loud my heart was racing",
    "my husband came in, he says my heart is racing",
])
def test_the_caregivers_own_words_beside_the_child_stay_theirs(assistant: Assistant, text: str) -> None:
    disposition, _ = _level(assistant, text)
    assert disposition is Level.UNCLEAR, text


@pytest.mark.parametrize("text", [
    "a lot drowsier than normal, took a good shake to get him up",
    "took a good shake to get him up",
    "it took a proper shake to rouse her",
    "needed a shake to get her awake, her back is sore",
    "she's much drowsier than usual",
    "he's way sleepier than normal today",
])
def test_roused_only_by_force_or_far_drowsier_is_an_emergency(assistant: Assistant, text: str) -> None:
    disposition, present = _level(assistant, text)
    assert disposition is Level.EMERGENCY, text
    assert "very_drowsy" in present, text
    assert "chills" not in present, text


@pytest.mark.parametrize(("text", "level"), [
    ("he's a bit sleepier than usual after the long drive, back is stiff", Level.HOME_CARE),
    ("him a shake an a tremble like him cold, him back a hurt", Level.URGENT),
    ("she's shaking and shivering under the blanket, sore back", Level.URGENT),
])
def test_a_little_sleepier_or_a_child_who_shakes_is_no_emergency(
        assistant: Assistant, text: str, level: Level) -> None:
    disposition, _ = _level(assistant, text)
    assert disposition is level, text


@pytest.mark.parametrize("text", [
    "he pushed himself up off the floor",
    "he pushed himself up off the floor and his back is sore",
    "she pulled herself up on the sofa, back stiff",
    "he got himself up off the floor no bother",
    "she dragged herself up the stairs to find me, her back hurts",
])
def test_getting_up_off_the_floor_is_no_sign(assistant: Assistant, text: str) -> None:
    disposition, present = _level(assistant, text)
    assert disposition in (Level.HOME_CARE, Level.UNCLEAR), text
    assert present <= {"back_spasm"}, text


@pytest.mark.parametrize("text", [
    "he pushed himself up off the floor",
    "she climbed up off the floor",
    "he got himself up off the floor",
    "she jumped off the sofa and ran to me",
])
def test_off_a_place_is_no_yes_to_alertness(reader: AnswerReader, text: str) -> None:
    assert kind(reader, "breathing_alertness", text) != "yes", text


@pytest.mark.parametrize("text", [
    "she's a bit off",
    "he keeps dozing off",
    "i shook her and she only opened her eyes for a second then went back off",
])
def test_off_as_a_state_is_still_a_yes(reader: AnswerReader, text: str) -> None:
    assert kind(reader, "breathing_alertness", text) == "yes", text


@pytest.mark.parametrize("text", [
    "his back is sore, he's not been to nursery for four days",
    "sore back since yesterday, not been to nursery for four days because of the holiday",
    "his back is tight, he's been on antibiotics for a week for his ear",
    "her back hurts, she's been off school for a week with chickenpox",
    "back went tight this morning, he's had a cough for five days",
    "her back is stiff today, we've been on holiday for a week",
])
def test_a_span_of_something_else_is_no_lasting_pain(assistant: Assistant, text: str) -> None:
    disposition, present = _level(assistant, text)
    assert disposition is Level.HOME_CARE, text
    assert "long_lasting_pain" not in present, text


@pytest.mark.parametrize("text", [
    "his back has been sore for four days",
    "back sore, it has been four days now",
    "he's been off nursery for a week because his back hurts so much",
    "she's been off school for a week with her sore back",
    "back pain for five days, he's been off nursery",
])
def test_a_span_of_the_pain_is_lasting_pain(assistant: Assistant, text: str) -> None:
    disposition, present = _level(assistant, text)
    assert disposition is Level.FOLLOW_UP, text
    assert "long_lasting_pain" in present, text


@pytest.mark.parametrize(("text", "level", "fever"), [
    ("temperature is a hundred point two, back sore", Level.HOME_CARE, False),
    ("his temperature is one hundred point two and his back hurts", Level.HOME_CARE, False),
    ("temperature is a hundred, back sore", Level.HOME_CARE, False),
    ("temperature is a hundred and two, back sore", Level.URGENT, True),
    ("temp a hundred point six, back sore", Level.URGENT, True),
    ("her temperature was 100 and something, back sore", Level.URGENT, True),
    ("temp 100 and a half, back sore", Level.URGENT, True),
    ("temp is 99 and a half, back sore", Level.HOME_CARE, False),
])
def test_temperatures_said_in_words(assistant: Assistant, text: str, level: Level, fever: bool) -> None:
    disposition, present = _level(assistant, text)
    assert disposition is level, text
    assert ("fever" in present) is fever, text


@pytest.mark.parametrize(("text", "level"), [
    ("back sore 3 and a half days", Level.FOLLOW_UP),
    ("his back has been sore for 1 and a half weeks", Level.FOLLOW_UP),
    ("back sore for 2 and a half days", Level.HOME_CARE),
])
def test_and_a_half_after_digits_counts(assistant: Assistant, text: str, level: Level) -> None:
    disposition, _ = _level(assistant, text)
    assert disposition is level, text


@pytest.mark.parametrize(("text", "level"), [
    ("resting HR 58", Level.EMERGENCY),
    ("nephew awake, resting HR 58 by my count, pale and clammy, back spasm earlier", Level.EMERGENCY),
    ("I took his pulse with my watch, 58, he is lying still", Level.EMERGENCY),
    ("my resting HR is 58, his back is sore", Level.HOME_CARE),
    ("I'm a runner, my resting heart rate is 58, and his back is sore", Level.HOME_CARE),
    ("my pulse is 58 but his is 180", Level.EMERGENCY),
])
def test_a_resting_heart_rate_is_whose_it_is_said_to_be(assistant: Assistant, text: str, level: Level) -> None:
    disposition, _ = _level(assistant, text)
    assert disposition is level, text


def test_a_hundred_point_two_answers_no_to_the_fever_question(reader: AnswerReader) -> None:
    assert kind(reader, "fever_chills", "temperature is a hundred point two") == "no"
