"""Classes a fresh batch written without the code showed (batch_ab_own_words, #7), in wordings written here.

Dialect spellings read as the words they are, red flags said as pictures ("wasn't there for a few
seconds", "her head lolls"), a simile that is no exertion, and the caregiver's own dozing.
"""

from __future__ import annotations

import pytest

from helpers import found, level
from voicecare.domain import Level, Status
from voicecare.understanding.assistant import Assistant
from voicecare.understanding.matching import Matcher


@pytest.mark.parametrize(("text", "expected"), [
    # Scots and Jamaican spellings: "cyaan" can't, "cannae haud" can't hold, "wisnae" wasn't, "doon" down, "nae" no.
    ("he cyaan breathe, him chest a pull in", Level.EMERGENCY),
    ("she's wet hersel twice the day and cannae haud it, she's been dry for a year", Level.EMERGENCY),
    ("she went doon in the kitchen and wisnae there for a few seconds", Level.EMERGENCY),
    ("nae fever, just a sore back", Level.HOME_CARE),
])
def test_dialect_spellings_are_read_as_their_words(assistant: Assistant, text: str, expected: Level) -> None:
    assert level(assistant, text) is expected


@pytest.mark.parametrize("text", [
    "he dropped and wasn't there for a moment, now he's crying",           # a faint, over: it happened today
    "I tickled her and shouted her name and she barely stirs",             # roused, barely reacting
    "his head keeps lolling to one side and he won't look at me",
    "her eyes open then roll and she's gone off again",
    "he doesn't recognise his own room",
    "he's talking without sense, mixing his words",
    "the pee was running down his leg and he didn't even notice, he's trained",
    "for a second his eyes were open but nobody home, now he's crying",
])
def test_red_flags_said_as_pictures_call_911(assistant: Assistant, text: str) -> None:
    assert level(assistant, text) is Level.EMERGENCY


def test_a_running_horse_is_a_picture_of_the_beat_not_exertion(assistant: Assistant) -> None:
    """A rate after running is not judged (the table is for a child at rest); "like a running horse" is no run."""
    assert level(assistant, "her heart is going like a running horse, I counted 95 in 30 seconds, she's lying still") \
        is Level.EMERGENCY
    assert level(assistant, "his pulse was 180 right after running around the park") is not Level.EMERGENCY


@pytest.mark.parametrize("text", [
    "sorry, I think I nodded off",
    "sorry what was that, I think I dozed off",
    "I think I fainted for a second, he's fine, just a sore back",
])
def test_the_caregivers_own_dozing_or_faint_is_theirs_even_when_unsure(assistant: Assistant, text: str) -> None:
    """ "I think I fainted": the doubt is about the caregiver's own sign, not a worry about the child's."""
    assert level(assistant, text) is not Level.EMERGENCY


def test_a_doubt_about_the_child_still_counts(assistant: Assistant) -> None:
    assert level(assistant, "I think he fainted") is Level.EMERGENCY
    assert level(assistant, "I'm worried she fainted") is Level.EMERGENCY


@pytest.mark.parametrize("text", [
    "her lips went blue in the cold pool, now they're pink again, her back is sore",
    "his mouth is blue from the blue icy he had, his back is sore",
])
def test_a_colour_from_the_cold_or_a_sweet_is_no_sign(assistant: Assistant, text: str) -> None:
    assert level(assistant, text) is not Level.EMERGENCY


def test_older_siblings_by_their_own_word_are_someone_else(assistant: Assistant) -> None:
    """ "Kuya" (Filipino: big brother) has the fever, not the child."""
    assert level(assistant, "kuya has a fever and the baby has a sore back") is Level.HOME_CARE


def test_it_is_me_that_is_the_caregivers_own(assistant: Assistant) -> None:
    assert level(assistant, "it's me that's shivering, not the wee one") is Level.UNCLEAR


def test_the_signs_own_not_opens_a_wider_loose_mention(matcher: Matcher) -> None:
    """ "Can't breathe proper, him a gasp": the looser "breathe ... gasp" must not leave "can't" outside as a
    denial of it; "not breathing hard" stays a denial of breathing hard."""
    assert found(matcher, "he can't breathe proper, him a gasp")["trouble_breathing"] is Status.PRESENT
    assert found(matcher, "he's not breathing hard, his back is sore")["trouble_breathing"] is Status.ABSENT
