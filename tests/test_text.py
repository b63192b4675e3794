"""Normalisation: contractions, pronouns, punctuation, with the shipped English word lists."""

from __future__ import annotations

import pytest

from voicecare.domain import IntentSet
from voicecare.understanding.text import Spelling


@pytest.fixture(scope="module")
def en(intents: IntentSet) -> Spelling:
    return intents.language.spelling


def test_contractions_expand_to_the_same_words(en: Spelling) -> None:
    assert en.tokens("He can't breathe") == en.tokens("he cannot breathe") == ["he", "can", "not", "breathe"]
    assert en.tokens("she won't wake up") == ["she", "will", "not", "wake", "up"]
    assert en.tokens("it doesn't") == ["it", "does", "not"]


def test_possessive_s_is_dropped_and_911_is_spoken(en: Spelling) -> None:
    assert en.tokens("My son's back") == ["my", "son", "back"]
    assert en.tokens("call 911") == ["call", "nine", "one", "one"]


def test_pronouns_fold_to_one_class(en: Spelling) -> None:
    assert {en.canonical(w) for w in ("he", "she", "they")} == {"he"}
    assert en.canonical("herself") == en.canonical("himself")


def test_stem_equates_forms(en: Spelling) -> None:
    assert en.stem("breathing") == en.stem("breathe") == en.stem("breathes")


def test_breaks_record_full_stops_and_commas(en: Spelling) -> None:
    words, breaks = en.tokens_and_breaks("no fever... actually, she is hot")
    assert words == ["no", "fever", "actually", "she", "is", "hot"]
    assert breaks == {2: True, 3: False}


def test_phrase_key_ignores_case_and_punctuation(en: Spelling) -> None:
    assert en.phrase_key("Can't breathe!") == en.phrase_key("can not breathe")


def test_words_of_any_alphabet_stay_whole() -> None:
    # A spelling with no word lists still splits words; letters outside a-z do not cut them.
    assert Spelling().tokens("Er hat Fieber, größer geht's nicht") == ["er", "hat", "fieber", "größer", "gehts", "nicht"]
