"""Language written by other people: look-alike words, negation scope and context (issue #7).

Each group is one class of failure; the sentences are our own, not corpus lines.
"""

from __future__ import annotations

import pytest

from voicecare.assistant import Assistant
from voicecare.domain import IntentSet, Level, Status
from voicecare.matching import Matcher


@pytest.fixture(scope="module")
def matcher(intents: IntentSet) -> Matcher:
    return Matcher(intents)


def found(matcher: Matcher, text: str) -> dict[str, Status]:
    got: dict[str, Status] = {}
    for m in matcher.match(text):
        got[m.symptom] = m.status  # the later mention wins, as in triage
    return got


def level(assistant: Assistant, text: str) -> Level:
    return assistant.answer(text).disposition


# ---- look-alike words: an everyday word is itself, not a misheard symptom

@pytest.mark.parametrize(("text", "not_this"), [
    ("she keeps wanting to be carried around", "fainting"),
    ("he was climbing the bookshelf and now his back is tight", "trouble_walking"),
    ("can you tell me when the clinic will close", "chills"),
    ("his swim class wore him out and his back aches", "chills"),
    ("we walked up the hill and her back got sore", "chills"),
    ("how do I clean marker off a painted door", "fainting"),
    ("the dog was panting after the walk", "fainting"),
    ("never mind, sorry", "fever"),
])
def test_an_everyday_word_is_not_a_misheard_symptom(matcher: Matcher, text: str, not_this: str) -> None:
    assert not_this not in found(matcher, text)


def test_ever_in_a_what_if_is_not_a_fever_now(matcher: Matcher) -> None:
    assert found(matcher, "what if she ever runs a fever, what then") == {"fever": Status.HYPOTHETICAL}


@pytest.mark.parametrize(("text", "symptom"), [
    ("she painted, she went down on the floor", "fainting"),  # where a verb for the child goes
    ("he has a fewer since lunch", "fever"),  # where a noun goes
    ("her heart is raising", "abnormal_heart_rate"),  # the rest of the phrase heard as it is
])
def test_a_look_alike_still_counts_where_the_symptom_word_would_be(matcher: Matcher, text: str, symptom: str) -> None:
    assert found(matcher, text).get(symptom) is Status.PRESENT


# ---- negation scope

@pytest.mark.parametrize("text", [
    "he does not have any trouble breathing",
    "not droopy, not sleepy, breathing just fine",
    "she is not feverish, breathing okay, her back is sore",
])
def test_a_not_belonging_to_another_word_does_not_make_not_breathing(assistant: Assistant, text: str) -> None:
    assert level(assistant, text) is not Level.EMERGENCY


@pytest.mark.parametrize("text", [
    "he can't, um, breathe",
    "she won't sit or walk",
])
def test_a_not_that_is_the_symptom_still_reaches_over_filler(matcher: Matcher, text: str) -> None:
    assert Status.PRESENT in found(matcher, text).values()


def test_a_cue_inside_another_mentions_span_serves_the_next_mention(matcher: Matcher) -> None:
    got = found(matcher, "his wees are normal and no trouble breathing at all")
    assert got.get("trouble_breathing") is Status.ABSENT
