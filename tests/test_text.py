"""Normalisation: contractions, pronouns, punctuation."""

from voicecare.text import canonical, phrase_key, stem, tokens, tokens_and_breaks


def test_contractions_expand_to_the_same_words() -> None:
    assert tokens("He can't breathe") == tokens("he cannot breathe") == ["he", "can", "not", "breathe"]
    assert tokens("she won't wake up") == ["she", "will", "not", "wake", "up"]
    assert tokens("it doesn't") == ["it", "does", "not"]


def test_possessive_s_is_dropped_and_911_is_spoken() -> None:
    assert tokens("My son's back") == ["my", "son", "back"]
    assert tokens("call 911") == ["call", "nine", "one", "one"]


def test_pronouns_fold_to_one_class() -> None:
    assert {canonical(w) for w in ("he", "she", "they")} == {"he"}
    assert canonical("herself") == canonical("himself")


def test_stem_equates_forms() -> None:
    assert stem("breathing") == stem("breathe") == stem("breathes")


def test_breaks_record_full_stops_and_commas() -> None:
    words, breaks = tokens_and_breaks("no fever... actually, she is hot")
    assert words == ["no", "fever", "actually", "she", "is", "hot"]
    assert breaks == {2: True, 3: False}


def test_phrase_key_ignores_case_and_punctuation() -> None:
    assert phrase_key("Can't breathe!") == phrase_key("can not breathe")
