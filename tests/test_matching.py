"""The matcher: every symptom in an utterance, through recogniser slips and negation."""

from __future__ import annotations

import pytest

from helpers import found
from voicecare.domain import Status
from voicecare.understanding.matching import Matcher


def test_finds_every_symptom_in_a_multi_symptom_utterance(matcher: Matcher) -> None:
    got = found(matcher, "his back is stiff he has a fever he's limping and he's breathing hard")
    assert got == {"back_spasm": Status.PRESENT, "fever": Status.PRESENT, "trouble_walking": Status.PRESENT,
                   "trouble_breathing": Status.PRESENT}


@pytest.mark.parametrize(("heard", "symptom"), [
    ("she painted this morning", "fainting"),
    ("he has a fewer", "fever"),
    ("he has a fevr and chils", "fever"),
    ("she past out", "fainting"),
    ("he is breathin hard", "trouble_breathing"),
    ("hard to uh wake", "very_drowsy"),
    ("cant catch breath", "trouble_breathing"),
    ("his heart is raising", "abnormal_heart_rate"),  # sounds like "racing"
    ("she feinted at the park", "fainting"),
    ("her tempature is high", "fever"),  # no such word: a loose pattern may take the look-alike
])
def test_tolerates_recogniser_errors(matcher: Matcher, heard: str, symptom: str) -> None:
    assert found(matcher, heard).get(symptom) is Status.PRESENT


def test_fuzzy_match_is_scored_below_an_exact_one(matcher: Matcher) -> None:
    (slip,) = matcher.match("she painted")
    (exact,) = matcher.match("she fainted")
    assert slip.score < exact.score == 100.0
    assert slip.uncertain and not exact.uncertain
    assert slip.heard == "painted"


def test_short_words_are_not_matched_fuzzily(matcher: Matcher) -> None:
    assert "weakness_numbness" not in found(matcher, "he has been like this a week")


def test_longer_phrase_of_another_symptom_wins(matcher: Matcher) -> None:
    assert found(matcher, "he has had fewer wet diapers") == {"bladder_bowel_problems": Status.PRESENT}
    assert found(matcher, "her legs are weak") == {"limb_symptoms": Status.PRESENT}


@pytest.mark.parametrize("text", [
    "he can't breathe", "she is not breathing", "he won't wake up", "I cannot wake her",
    "she can't control her bladder",
])
def test_symptom_words_with_not_are_affirmed(matcher: Matcher, text: str) -> None:
    assert set(found(matcher, text).values()) == {Status.PRESENT}


@pytest.mark.parametrize("text", ["slower he is not breathing", "slow down, she is not breathing",
                                  "faster he is not breathing"])
def test_a_command_before_a_symptom_s_own_not_does_not_deny_it(matcher: Matcher, text: str) -> None:
    # "slower ... breathing" is also a loose breathing pattern; it must not take the "not" of "not breathing".
    assert found(matcher, text) == {"trouble_breathing": Status.PRESENT}
    assert found(matcher, "he is not breathing hard") == {"trouble_breathing": Status.ABSENT}


def test_can_t_walk_is_affirmed(matcher: Matcher) -> None:
    assert found(matcher, "she can't walk") == {"trouble_walking": Status.PRESENT}


def test_each_match_carries_the_words_it_came_from(matcher: Matcher) -> None:
    match = next(m for m in matcher.match("um so uh his heart is pounding") if m.symptom == "abnormal_heart_rate")
    assert match.heard == "heart is pounding"
    assert (match.start, match.end) == (4, 7)


def test_lowercase_no_punctuation_and_case_do_not_matter(matcher: Matcher) -> None:
    assert found(matcher, "HE HAS A FEVER!!!") == found(matcher, "he has a fever")


def test_very_long_input_is_handled(matcher: Matcher) -> None:
    text = "his back hurts " * 400 + "and he fainted"
    assert found(matcher, text)["fainting"] is Status.PRESENT


@pytest.mark.parametrize(("text", "absent"), [
    ("her back hurts more every day", "fever"),  # "every" is an everyday word, not a slip for "fever"
    ("she's having a hard time walking", "very_drowsy"),  # "walking" only looks like "waking"
    ("he's limping", "very_drowsy"),  # "limping" is not "limp"
])
def test_look_alikes_are_not_symptoms(matcher: Matcher, text: str, absent: str) -> None:
    assert absent not in found(matcher, text)


def test_a_sure_serious_mention_is_not_swallowed_by_a_looser_one(matcher: Matcher) -> None:
    assert found(matcher, "the spasm keeps coming back over and over").get("severe_cramping") is Status.PRESENT
