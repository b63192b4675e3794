"""Urgent signs told only by time, by touch or by how a limb is used (#7, understand39).

The held-out misses of this round were counted by class only (benchmarks/miss_kinds.py: urgent lines told less,
with words of time or recurrence, fever words, limb words); none was read. These sentences are written from the
policy's definitions (TRIAGE_POLICY.md: severe cramping that lasts a long time, keeps coming back or is not
relieved by stretching; fever said by touch or a reading; pain, tingling or weakness in the arms or legs) and the
fresh batch tests/data/fresh/batch_av_tuning.tsv (read after the lead scored it), with the everyday look-alikes
that must stay lower.
"""

from __future__ import annotations

import pytest

from helpers import level
from voicecare.domain import Level, Status
from voicecare.understanding.assistant import Assistant


def present(assistant: Assistant, text: str) -> set[str]:
    return {f.symptom.id for f in assistant.answer(text).findings if f.status is Status.PRESENT}


def test_a_dropped_g_is_the_word_itself_not_a_look_alike(assistant: Assistant) -> None:
    # "limpin" was fuzzy, and read as "limp" (floppy, very drowsy): a false 911 for a limping child.
    assert level(assistant, "his back is sore and he is limpin") is Level.FOLLOW_UP
    assert "very_drowsy" not in present(assistant, "his leg's hurtin down the back of it from his bum and he's limpin")
    assert level(assistant, "his leg's hurtin down the back of it from his bum and he's limpin") is Level.URGENT


def test_the_nearer_limb_makes_the_mention_not_the_one_a_denial_reaches(assistant: Assistant) -> None:
    # "hand ... arm is weak" was one mention starting at the hand, inside the "can't": the weak arm was denied.
    assert level(assistant, "she can't pick things up with that hand, her arm is weak") is Level.URGENT
    assert level(assistant, "his legs and arms are weak") is Level.URGENT
    assert level(assistant, "no tingling in his legs, back a bit stiff") is Level.HOME_CARE


@pytest.mark.parametrize("text", [
    # Coming back, told with when, or as not staying away.
    "the knot comes back whenever she moves",
    "the tightness comes back every morning",
    "each night the spasm returns",
    "the cramp just won't stay away",
    # Seizing at every move, in the muscle's own verbs.
    "his back seizes up every time he stands",
    # Lasting, told by its span.
    "the cramp lasts most of the day",
    "the spasm has lasted since breakfast",
    "she has been in spasm since this morning",
    "his back has been locked up since yesterday",
    "back cramp's been goin solid since lunch, I tried stretchin him out like the PT showed me, does nothin",
    # Not let go by stretching, said after it or over a contrast.
    "the cramp doesn't go away when I stretch him",
    "I stretch him but it does not go away",
])
def test_severe_cramping_told_by_its_time_or_its_returns(assistant: Assistant, text: str) -> None:
    assert "severe_cramping" in present(assistant, text)
    assert level(assistant, text) is Level.URGENT


@pytest.mark.parametrize("text", [
    # Let go by stretching: the "not" is the coming back's (a bare "cramp" names no back: not understood).
    "his back cramp goes away when I stretch him and it doesn't come back",
    "his back went into a spasm but it went away when I stretched him",
    # Tight since yesterday's play, or for 36 hours, is the back's spasm.
    "her back has been a bit tight since the trampoline yesterday",
    "his back has been tight for 36 hours",
])
def test_a_cramp_let_go_or_only_sore_is_home_care(assistant: Assistant, text: str) -> None:
    assert "severe_cramping" not in present(assistant, text)
    assert level(assistant, text) is Level.HOME_CARE


@pytest.mark.parametrize(("text", "symptom"), [
    # Hot said of the child in other words (rule 4: "feels hot", "burning up" are a fever).
    ("he's burning and his back is sore", "fever"),
    ("he's too hot, I've taken his clothes off", "fever"),
    ("feels like he's cooking, back's tight", "fever"),
    ("I can feel the heat through his pyjamas", "fever"),
    # Scots: warm "tae" touch, "chitterin", a reading of "a hunner an' one".
    ("she's awfy warm tae touch and chitterin in her bed, her back's sore", "fever"),
    ("she's awfy warm tae touch and chitterin in her bed, her back's sore", "chills"),
    ("The thermometer says a hunner an' one, and the bairn's back's aw seized.", "fever"),
])
def test_fever_and_chills_said_by_touch_or_a_reading(assistant: Assistant, text: str, symptom: str) -> None:
    assert symptom in present(assistant, text)
    assert level(assistant, text) is Level.URGENT


@pytest.mark.parametrize("text", [
    "she's warm from the bath and her back is a bit stiff",
    "he's burning off energy at the park, back a bit stiff",
    "temperature is 37.2 and his back is sore",
])
def test_warm_for_an_everyday_reason_is_no_fever(assistant: Assistant, text: str) -> None:
    assert "fever" not in present(assistant, text)
    assert level(assistant, text) is Level.HOME_CARE


@pytest.mark.parametrize("text", [
    # Held and cried over, moved or weighted and cried over.
    "she keeps holding her leg and whimpering",
    "cries when I move his leg",
    "he screams if I straighten his legs",
    "she cries when she puts weight on her foot",
    # Refused.
    "she refuses to stand on her left leg",
    "she dont want to stand on the left leg, since the back started",
    "he won't bend his leg",
    "he won't push off with his left leg on the stairs",
])
def test_a_limb_held_spared_or_refused_is_its_pain_or_weakness(assistant: Assistant, text: str) -> None:
    assert "limb_symptoms" in present(assistant, text)
    assert level(assistant, text) is Level.URGENT


@pytest.mark.parametrize("text", [
    "I am holding her legs while she cries about her back",
    "she won't put her teddy down, back sore",
    "he kicked his legs in the bath and laughed, back's a bit stiff",
    "his back is sore, he's running about fine on his legs",
])
def test_a_limb_in_everyday_play_or_care_is_no_sign(assistant: Assistant, text: str) -> None:
    assert "limb_symptoms" not in present(assistant, text)
    assert level(assistant, text) is Level.HOME_CARE
