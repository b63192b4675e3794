"""Urgent and follow-up signs told in everyday words of time, recurrence, touch and use (#7, understand42).

The held-out misses were counted by class only (benchmarks/miss_kinds.py: urgent lines told less, "only lower signs
found"); none was read. These sentences are written from the policy's definitions (TRIAGE_POLICY.md: severe cramping
that lasts, returns or is not relieved by stretching; pain spreading down a leg; pain that wakes the child; weight
lost; fever by touch; trouble walking; a back not yet checked) and the fresh batch
tests/data/fresh/batch_ay_tuning.tsv (read after the lead scored it), with the look-alikes that must stay lower.
"""

from __future__ import annotations

import pytest

from helpers import level
from voicecare.domain import Level
from voicecare.understanding.assistant import Assistant


@pytest.mark.parametrize(("text", "expected"), [
    # Severe cramping on and off, or let go by nothing (batch_ay 70: Yorkshire "nowt" is nothing).
    ("That cramp in her back's been on and off all day and stretchin' her out does nowt for it.", Level.URGENT),
    ("the cramp has been on and off all day", Level.URGENT),
    ("his back spasms have been off and on since lunch", Level.URGENT),
    ("stretchin' her out does nowt for it", Level.URGENT),
    ("her back has been in knots since breakfast", Level.URGENT),
    ("every time he stands his back locks", Level.URGENT),
    ("we've stretched and stretched, no use", Level.URGENT),
    # Pain going down to a part of the leg.
    ("the pain goes all the way to his toes", Level.URGENT),
    ("her back hurts and it goes down to her ankle", Level.URGENT),
    # Woken by the pain, said without "the night".
    ("he doesn't sleep through anymore because of the back", Level.URGENT),
    # Weight lost, in everyday words.
    ("he's a bag of bones and his back is sore", Level.URGENT),
    ("she's dropped a nappy size", Level.URGENT),
    ("her nappies are looser round the waist", Level.URGENT),
    # Fever by touch.
    ("his cheeks are bright red and hot", Level.URGENT),
    ("you could fry an egg on her forehead", Level.URGENT),
    # A limb tickly or shaky; cold sweats (chills).
    ("he says his leg is tickly inside", Level.URGENT),
    ("her legs are shaky and she sits down", Level.URGENT),
    ("he's got cold sweats and the back", Level.URGENT),
    # Walking like an old one (batch_ay 72), a back not yet checked (batch_ay 57: "not yet" is no contrast).
    ("He's walkin' like an old farmer, all bent over an' slow, since his back went, not right at all. No temp.",
     Level.FOLLOW_UP),
    ("We have not yet taken him to the doctor for this back. It is the second day. Otherwise he is fine.",
     Level.FOLLOW_UP),
])
def test_a_sign_told_in_everyday_words_is_the_sign(assistant: Assistant, text: str, expected: Level) -> None:
    assert level(assistant, text) is expected


@pytest.mark.parametrize(("text", "expected"), [
    # Care put on and taken off, or things taken on and off, are no cramp on and off.
    ("ice on and off her back for the cramp, 20 minutes each", Level.HOME_CARE),
    ("she took her shoes on and off, her back has a little cramp", Level.HOME_CARE),
    # Going somewhere is no pain going; a size is no weight lost; red from the sun or crying is no fever.
    ("we went walking in the old town and her back got sore", Level.HOME_CARE),
    ("he went down the slide and his back hurts, size 3 shoes", Level.HOME_CARE),
    ("her face went red and hot after crying and her back is sore", Level.HOME_CARE),
    ("is there owt I can give her for a sore back", Level.HOME_CARE),
    ("I tickled her feet and she laughed, her back is sore", Level.HOME_CARE),
    ("his nappy came loose and leaked, his back is sore", Level.HOME_CARE),
])
def test_the_look_alikes_stay_lower(assistant: Assistant, text: str, expected: Level) -> None:
    assert level(assistant, text) is expected


def test_a_cold_sweat_is_no_one_out_cold(assistant: Assistant) -> None:
    # "Break out in a cold sweat" read "out ... cold" (very drowsy): a false 911. Out cold stays out cold.
    assert level(assistant, "she broke out in a cold sweat and her back is sore") is Level.URGENT
    assert level(assistant, "she's out cold, sweaty") is Level.EMERGENCY
    assert level(assistant, "she's out cold in a sweat") is Level.EMERGENCY


@pytest.mark.parametrize(("text", "expected"), [
    # A sign gone and come back, "came back" with no "it" right after the "but" (the sign is still the subject).
    ("the fever went away but came back tonight", Level.URGENT),
    ("the chills stopped but came back after tea", Level.URGENT),
    # A time said first, then the sign's start: it began then and lasts.
    ("two days ago her leg started hurting", Level.URGENT),
    ("last week his legs started tingling", Level.URGENT),
    # Weight lost then is lost now (the policy: any weight lost without trying), unless put back on.
    ("she lost two pounds last month", Level.URGENT),
    ("he lost a kilo last week without trying", Level.URGENT),
    ("she lost weight last year but she's put it all back on", Level.HOME_CARE),
    ("she lost weight when she was ill but she's fine now", Level.HOME_CARE),
    # Still history: a sign said with a time long gone and no start.
    ("last week she had a fever, just a sore back now", Level.HOME_CARE),
])
def test_a_sign_told_with_its_time_keeps_its_level(assistant: Assistant, text: str, expected: Level) -> None:
    assert level(assistant, text) is expected
