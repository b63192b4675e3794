"""Everyday wordings of the warning signs as families of words, so that wordings nobody wrote are caught (#7).

The families came from a batch of everyday wordings written without the code (tests/data/fresh/
batch_ad_sign_words.tsv); these sentences are other wordings of the same families.
"""

from __future__ import annotations

import pytest

from helpers import level
from voicecare.domain import Level, Status
from voicecare.understanding.assistant import Assistant


def present(assistant: Assistant, text: str) -> set[str]:
    return {f.symptom.id for f in assistant.answer(text).findings if f.status is Status.PRESENT}


@pytest.mark.parametrize(("text", "symptom", "expected"), [
    ("he can't catch his wind and his back hurts", "trouble_breathing", Level.EMERGENCY),
    ("there's a little grunt with every puff and his back is sore", "trouble_breathing", Level.EMERGENCY),
    ("she doesn't recognise her own teddy", "confusion", Level.EMERGENCY),
    ("he is talking foolishness and holding his back", "confusion", Level.EMERGENCY),
    ("her eyes keep closing on me and her back is sore", "very_drowsy", Level.EMERGENCY),
    ("I tap him and he just moans", "very_drowsy", Level.EMERGENCY),
    ("she slept the whole day, her back is sore", "very_drowsy", Level.EMERGENCY),
    ("her heart is going like a hummingbird", "abnormal_heart_rate", Level.EMERGENCY),
    ("the wee is coming out on its own and her back is sore", "loss_of_control", Level.EMERGENCY),
    ("she fell, her eyes turned, then her back hurt", "fainting", Level.EMERGENCY),
    ("his cheeks look sunken and his back is sore", "weight_loss", Level.URGENT),
    ("her arms are like matchsticks and her back aches", "weight_loss", Level.URGENT),
    ("she is boiling to the touch and her back hurts", "fever", Level.URGENT),
    ("every few minutes the cramp grabs her again", "severe_cramping", Level.URGENT),
    ("he bolted out of sleep holding his back", "night_pain", Level.URGENT),
    ("she's puffing so much she can barely talk", "trouble_breathing", Level.EMERGENCY),
    ("she makes a honking noise when she breathes", "trouble_breathing", Level.EMERGENCY),
    ("he keeps drifting off while I talk to him", "very_drowsy", Level.EMERGENCY),
    ("she fell and was out for a second", "fainting", Level.EMERGENCY),
    ("his heart is going nineteen to the dozen", "abnormal_heart_rate", Level.EMERGENCY),
    # "a.m." is one word, not a full stop between the hour and the crying.
    ("around 3 a.m. he was crying with his back", "night_pain", Level.URGENT),
])
def test_a_sign_said_in_a_family_of_everyday_words_is_found(
        assistant: Assistant, text: str, symptom: str, expected: Level) -> None:
    assert symptom in present(assistant, text)
    assert level(assistant, text) is expected


def test_again_and_again_is_a_cramp_that_keeps_coming_back(assistant: Assistant) -> None:
    assert present(assistant, "the spasm comes again and again") == {"severe_cramping"}


@pytest.mark.parametrize("text", [
    # A back "seizing up" is a spasm, not a seizure.
    "her back seized up after the trampoline",
    # Care given at intervals is no cramp at intervals.
    "I give her ibuprofen every 6 hours and again at night, her back is sore",
    # A leg gone dead from sitting on it.
    "his leg went dead from sitting cross legged, his back is sore",
    # Warm again after the bath.
    "she shivered getting out of the bath but she was toasty after, her back is sore",
    # Going in the potty is no wee coming out on its own.
    "he pees, it comes out on its own in the potty, and his back is sore",
])
def test_everyday_circumstances_keep_the_words_no_sign(assistant: Assistant, text: str) -> None:
    assert level(assistant, text) is Level.HOME_CARE


def test_a_reading_belongs_to_what_was_named_before_it(assistant: Assistant) -> None:
    """"Heart rate one eighteen breathing normal": 118 is the heart's (normal), not 118 breaths a minute."""
    text = "heart rate one eighteen breathing normal and her back has hurt for three days now"
    assert level(assistant, text) is Level.FOLLOW_UP
    assert level(assistant, "he is breathing 60 breaths a minute") is Level.EMERGENCY
