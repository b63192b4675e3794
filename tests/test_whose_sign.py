"""Whose sign, and whether it is new: adults' own signs, a sign back again, habits beside today's deed (#7)."""

from __future__ import annotations

import pytest

from helpers import level
from voicecare.domain import Level, Status
from voicecare.understanding.assistant import Assistant


def statuses(assistant: Assistant, text: str) -> dict[str, Status]:
    return {f.symptom.id: f.status for f in assistant.answer(text).findings}


@pytest.mark.parametrize("text", [
    # Back again, and still theirs: the owner is named right before the sign.
    "My husband's hands have gone numb again in the night",
    # An adult said to be one, then named again by a pronoun of their gender.
    "is my cousin a grown man he has pain going down his leg what should he do",
    "my friend is a grown woman she has tingling in her legs, what helps",
])
def test_an_adults_own_sign_is_theirs(assistant: Assistant, text: str) -> None:
    assert statuses(assistant, text).get("limb_symptoms") is Status.OTHER
    assert level(assistant, text) is Level.UNCLEAR


@pytest.mark.parametrize("text", [
    "she had a fever last week and it's back",
    "his sister had a fever and now he's got one too",
])
def test_a_sign_back_again_is_the_childs_now(assistant: Assistant, text: str) -> None:
    assert statuses(assistant, text).get("fever") is Status.PRESENT


@pytest.mark.parametrize("text", [
    "she's potty trained, not in nappies any more, and today she wet her pants",
    "he's been toilet trained for months, tonight he woke up soaked, couldn't hold it at all",
])
def test_a_potty_trained_child_wetting_today_is_loss_of_control(assistant: Assistant, text: str) -> None:
    assert statuses(assistant, text).get("loss_of_control") is Status.PRESENT
    assert level(assistant, text) is Level.EMERGENCY


def test_out_of_nappies_is_a_habit_not_fewer_wet_nappies(assistant: Assistant) -> None:
    assert level(assistant, "she's not in nappies any more and her back is sore") is Level.HOME_CARE
    assert level(assistant, "he's not potty trained yet, he wet his pants, his back is sore") is Level.HOME_CARE


@pytest.mark.parametrize(("text", "expected"), [
    # The caregiver's own breathing is theirs; a "he" or "she" after it is never the "I" who speaks.
    ("I can hardly breathe with this chest infection and her back has been tight since the swings", Level.HOME_CARE),
    ("i can barely breathe, she is blue", Level.EMERGENCY),
    ("I could barely breathe myself, he isn't breathing right", Level.EMERGENCY),
    # With the child named as the other gender by the possessive, a pronoun of the relative's gender right after
    # the relative is them, even where a new sentence begins ("her brother tom he's 39").
    ("it's not him with the temperature it's his sister amy she's thirty nine five but he just has a stiff back",
     Level.HOME_CARE),
    ("it's her brother. he has a fever. her back is stiff", Level.HOME_CARE),
    # ...but not when the pronoun could be the child: same gender, or no gender said for the child.
    ("it's her brother. she has a fever. her back is stiff", Level.URGENT),
    # Spoken family words are family too.
    ("mi sista have di chills, mi pickney only have a tight back", Level.HOME_CARE),
])
def test_whose_breath_and_whose_pronoun(assistant: Assistant, text: str, expected: Level) -> None:
    assert level(assistant, text) is expected


@pytest.mark.parametrize(("text", "expected"), [
    # Someone else said as a picture ("like a little bird") is no one with a sign: the sign is the child's.
    ("her heart is going like a little bird, so fast, and she is lying down", Level.EMERGENCY),
    ("his heart is beating like a little bird very fast while he rests", Level.EMERGENCY),
    ("he walks like a little old fella bent over", Level.FOLLOW_UP),
    # ...but not without a word of the picture: "like mum said" is no picture, and the one named keeps theirs.
    ("my dad is walking like an old man after the gym, her back is just stiff", Level.HOME_CARE),
    ("the puppy is shivering, her back is a bit stiff", Level.HOME_CARE),
])
def test_someone_said_as_a_picture(assistant: Assistant, text: str, expected: Level) -> None:
    assert level(assistant, text) is expected


@pytest.mark.parametrize(("text", "expected"), [
    # A limb "gone to sleep" is tingling or numbness there (urgent), said in any tense.
    ("both her legs have gone to sleep since her nap and her back aches", Level.URGENT),
    ("his foot went to sleep again and now his back is hurting", Level.URGENT),
    # A child going to sleep is no limb.
    ("she rubs her legs before she goes to sleep, her back is a little sore", Level.HOME_CARE),
])
def test_a_limb_gone_to_sleep(assistant: Assistant, text: str, expected: Level) -> None:
    assert level(assistant, text) is expected


@pytest.mark.parametrize(("text", "expected"), [
    # Someone's name is no one with a sign: the child calling the caregiver by it is the child's confusion.
    ("he's staring right past me and calling me by the dog's name and mumbling things that make no sense",
     Level.EMERGENCY),
    ("he's staring past me and calling me by the cat's name and babbling stuff that makes no sense and his back still hurts",
     Level.EMERGENCY),
    # ...but a name introduced with a verb keeps them the subject.
    ("my sister's name is amy and she has a fever, my son's back is stiff", Level.HOME_CARE),
])
def test_someones_name_is_no_one_with_a_sign(assistant: Assistant, text: str, expected: Level) -> None:
    assert level(assistant, text) is expected
