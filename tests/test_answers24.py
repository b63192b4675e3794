"""The answer reader on honest noes said as a checklist or a story (answers24, #9): wees and poos done in the potty,
going every day, "Fainted: never.", a waking explained by a bad dream or the thunder, an illness over Easter that is
long gone, "she hasn't said a word about her legs". Each a "no" only for what it speaks of; near misses that say a
sign stay counted. Each test in our own words, with the real reader."""

from __future__ import annotations

import pytest

from helpers import kind
from voicecare.conversation.answers import AnswerReader
from voicecare.domain import Status

COUNTED = ("yes", "partial", "unsure")
"""Kinds that count the question's signs (rules 4 and 10)."""


def _absent(reader: AnswerReader, question: str, text: str) -> set[str]:
    return {f.symptom.id for f in reader.read(question, text).findings if f.status is Status.ABSENT}


def _present(reader: AnswerReader, question: str, text: str) -> set[str]:
    return {f.symptom.id for f in reader.read(question, text).findings if f.status is Status.PRESENT}


@pytest.mark.parametrize("text", [
    "she does her wees in the potty",
    "he pees on the potty, his heart is normal",
    "Heart: normal. Wees: in the potty. Poos: on the toilet.",
    "heartbeat steady and she poos in the potty like a big girl",
])
def test_wees_and_poos_done_in_the_potty_are_no_accident(reader: AnswerReader, text: str) -> None:
    assert kind(reader, "heart_control", text) == "no"
    assert "loss_of_control" in _absent(reader, "heart_control", text)


def test_the_potty_said_alone_denies_only_the_accidents(reader: AnswerReader) -> None:
    # Nothing was said of the heart: it is left open, never "you said no" (rule 14).
    assert _absent(reader, "heart_control", "she does her wees in the potty") == {"loss_of_control"}


@pytest.mark.parametrize("text", [
    "she wet herself, not in the potty",
    "she does her wees in the potty, but her heart is racing",
    "he's been wetting himself instead of going in the potty",
    "she won't go in the potty",
])
def test_the_potty_beside_a_sign_or_refused_still_counts(reader: AnswerReader, text: str) -> None:
    assert kind(reader, "heart_control", text) in COUNTED


@pytest.mark.parametrize("text", [
    "she goes every day",
    "he's going every day, no trouble",
    "she walks fine and she's going every day",
])
def test_going_every_day_is_no_constipation(reader: AnswerReader, text: str) -> None:
    assert kind(reader, "walking_toilet", text) == "no"
    assert "bladder_bowel_problems" in _absent(reader, "walking_toilet", text)


@pytest.mark.parametrize("text", [
    "she goes every day but it hurts",
    "he's going every day but he cries",
    "she's not going every day like she used to",
    "he isn't going regularly",
])
def test_going_with_pain_or_not_going_still_counts(reader: AnswerReader, text: str) -> None:
    assert kind(reader, "walking_toilet", text) in COUNTED


@pytest.mark.parametrize("text", [
    "fainted never",
    "Fainted: never.",
    "fainted, never",
    "confused never, fainted never",
])
def test_never_said_after_a_sign_denies_it(reader: AnswerReader, text: str) -> None:
    assert "fainting" in _absent(reader, "breathing_alertness", text)
    assert "fainting" not in _present(reader, "breathing_alertness", text)


@pytest.mark.parametrize("text", [
    # "Never" before the sign, or with more after it, is no answer: the sign is said (rule 2).
    "she's never been this sleepy",
    "she fainted, never done that before",
    "breathing fast, fainted never",
    "never",
])
def test_never_elsewhere_is_no_answer(reader: AnswerReader, text: str) -> None:
    assert kind(reader, "breathing_alertness", text) in COUNTED


@pytest.mark.parametrize("text", [
    "no, she woke once but that was a bad dream",
    "She woke once in the night last week, but that was a bad dream, nothing to do with her back.",
])
def test_a_waking_explained_by_a_bad_dream_is_no(reader: AnswerReader, text: str) -> None:
    assert kind(reader, "cramps_night_weight", text) == "no"


@pytest.mark.parametrize("text", [
    "she woke up screaming holding her back, it was the thunder I think",
    "he woke up crying with his back, then later it was the thunder",
])
def test_a_waking_with_the_back_stays_counted(reader: AnswerReader, text: str) -> None:
    assert kind(reader, "cramps_night_weight", text) in COUNTED


@pytest.mark.parametrize("text", [
    "she had a fever over christmas, that's long gone",
    "he had a temperature over the holidays but it cleared up and he's been fine since",
])
def test_an_illness_over_a_holiday_long_gone_is_no(reader: AnswerReader, text: str) -> None:
    assert kind(reader, "fever_chills", text) in ("no", "off_topic", "new_info")
    assert "fever" not in _present(reader, "fever_chills", text)


@pytest.mark.parametrize("text", [
    "she had a fever over christmas and she's hot again now",
    "he had a fever over the holidays and it's back today",
])
def test_an_illness_over_a_holiday_that_is_back_counts(reader: AnswerReader, text: str) -> None:
    assert kind(reader, "fever_chills", text) in COUNTED
    assert "fever" in _present(reader, "fever_chills", text)


def test_an_emergency_sign_of_last_winter_now_again_counts(reader: AnswerReader) -> None:
    text = "she had croup last winter but she's breathing fast now"
    assert "trouble_breathing" in _present(reader, "breathing_alertness", text)


@pytest.mark.parametrize("text", [
    "she hasn't said a word about her arms or legs",
    "She's climbing like normal, and she hasn't said a word about her legs.",
])
def test_not_a_word_about_the_limbs_is_no(reader: AnswerReader, text: str) -> None:
    assert kind(reader, "limbs", text) == "no"


def test_not_a_word_said_alone_to_the_911_question_counts(reader: AnswerReader) -> None:
    # A child who has not said a word all day may be the sign (not responding): never a "no".
    assert kind(reader, "breathing_alertness", "she hasn't said a word all day") in COUNTED
