"""A sign denied in one word and said again in another is still the sign (#7; policy table: lips blue, grey or
purple are trouble breathing; rules 1, 2, 4).

"Her lips are not blue, they're grey" gave home care: the "not" denied "blue", and "grey" alone named nothing.
The denial covers the word, not the sign, when the same sign (or a more serious one) is then said. The same holds
where the conversation reads an answer (the answer reader uses the same understanding) and where it judges a
take-back of a 911 ("no, not blue, they're grey" is no correction). Near misses: a new word that says nothing of
the sign ("they're pink", "it's normal"), or one denied too ("not grey either").
"""

from __future__ import annotations

import pytest

from helpers import kind, level
from voicecare.conversation.answers import AnswerReader
from voicecare.conversation.dialog import Conversation, State
from voicecare.domain import Level
from voicecare.understanding.assistant import Assistant


@pytest.mark.parametrize("text", [
    "her lips are not blue, they're grey",
    "her lips are not blue but grey",
    "her lips aren't blue, more like grey",
    "his lips aren't blue exactly, more purple",
    "lips not blue but grey",
    "Her lips aren't blue. They're grey.",
    "his heart is not fast exactly, it's racing",
    "his heart isn't fast, it's pounding like crazy",
    "she's not sleepy, more like floppy and won't wake",
])
def test_a_sign_said_again_in_other_words_after_not_is_911(assistant: Assistant, text: str) -> None:
    assert level(assistant, text) is Level.EMERGENCY


@pytest.mark.parametrize("text", [
    "her lips are not blue, they're pink",
    "her lips are not blue, they're fine",
    "her lips are not blue, not grey either, her back is sore",
    "his heart isn't racing, it's normal",
    "his sister's lips aren't blue, they're grey",
])
def test_a_word_that_says_no_sign_leaves_the_denial(assistant: Assistant, text: str) -> None:
    assert level(assistant, text) is not Level.EMERGENCY


@pytest.mark.parametrize("text", [
    "her lips are not blue, they're grey",
    "his lips aren't blue, more purple",
])
def test_an_answer_that_says_the_sign_in_other_words_is_yes(reader: AnswerReader, text: str) -> None:
    assert kind(reader, "breathing_alertness", text) == "yes"


@pytest.mark.parametrize("correction", [
    "no, not blue, they're grey",
    "no, her lips are not blue, they're grey",
    "they're not blue, more purple",
])
def test_a_correction_that_says_the_sign_again_keeps_the_911(assistant: Assistant, correction: str) -> None:
    talk = Conversation(assistant)
    assert talk.hear("her lips are blue").disposition is Level.EMERGENCY
    talk.hear(correction)
    assert talk.state is State.EMERGENCY


def test_a_correction_to_a_word_of_no_sign_takes_the_911_back(assistant: Assistant) -> None:
    talk = Conversation(assistant)
    talk.hear("her lips are blue")
    turn = talk.hear("no, not blue, they're pink")
    assert talk.state is not State.EMERGENCY and turn.disposition is not Level.EMERGENCY


@pytest.mark.parametrize(("text", "expected"), [
    # Said again in the backoff's words after the denial: the legs' sign (urgent).
    ("Not weak in the legs exactly, but she cannot lift her leg up to climb the step, before she can do it easy.",
     Level.URGENT),
    ("his legs aren't weak as such, he just can't lift his leg onto the step", Level.URGENT),
    # The denial alone, and a plain well sign after it, stay denied.
    ("her legs are not weak, she can walk fine, just a sore back", Level.HOME_CARE),
])
def test_a_denied_sign_said_again_in_looser_words_counts(assistant: Assistant, text: str, expected: Level) -> None:
    assert level(assistant, text) is expected
