"""Sentence ends guessed in a recogniser's unpunctuated text bound the context cues (issue 7)."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

import pytest

from voicecare.domain import Level
from voicecare.intents import IntentSet
from voicecare.understanding import clauses
from voicecare.understanding.assistant import Assistant

BENCHMARKS = Path(__file__).resolve().parents[1] / "benchmarks"


def breaks_of(intents: IntentSet, text: str, *, subjects: bool = True) -> list[str]:
    """The text with a "|" where a sentence break was guessed."""
    language = intents.language
    words = [language.spelling.canonical(w) for w in language.spelling.tokens(text)]
    found = clauses.spoken_breaks(words, language.context.clauses, subjects=subjects)
    return [("| " if i in found else "") + w for i, w in enumerate(words)]


@pytest.mark.parametrize(("text", "expected"), [
    # A new subject and its verb after a clause with a verb: the past cue stops at it.
    ("her brother had a fever last week she is not breathing right",
     "him brother had a fever last week | he is not breathing right"),
    # An answer said alone after a question form, and the new subject after the answer.
    ("does the pain wake him at night no not at all he sleeps",
     "does the pain wake him at night | no not at all | he sleeps"),
    ("does he have a fever nope just a sore back", "does he have a fever | nope | just a sore back"),
    # A discourse marker opens a new thought.
    ("my partner has the chills anyway his back is sore", "my partner has the chills | anyway him back is sore"),
    # A word that takes a clause runs into the subject; "no fever" is a denial, not an answer.
    ("i think she has a fever", "i think he has a fever"),
    ("what if she gets a fever", "what if he gets a fever"),
    ("can he go to daycare tomorrow no fever", "can he go to daycare tomorrow no fever"),
])
def test_sentence_breaks_are_guessed_where_a_typist_would_write_them(intents: IntentSet, text: str,
                                                                       expected: str) -> None:
    assert " ".join(breaks_of(intents, text)) == expected


def test_a_name_said_twice_may_open_a_sentence(intents: IntentSet) -> None:
    language = intents.language
    words = language.spelling.tokens("calling for lulu's dad from nursery lulu has been dry")
    found = clauses.spoken_breaks(words, language.context.clauses, known={"calling", "for", "dad", "from", "has"})
    assert list(found) == [6]


def test_a_new_subject_bounds_only_the_scopes_not_the_mentions(intents: IntentSet) -> None:
    # One sign may be told over two clauses ("vomiting and vomiting i cannot count how many times").
    assert "|" not in " ".join(breaks_of(intents, "her brother had a fever last week she is sleepy", subjects=False))


def test_text_with_its_own_punctuation_keeps_its_own_breaks() -> None:
    assert clauses.unpunctuated(["he", "is", "sore"], {})
    assert clauses.unpunctuated(["he", "is", "sore"], {3: True})  # a closing full stop only
    assert not clauses.unpunctuated(["no", "he", "is", "sore"], {1: False})


@pytest.mark.parametrize(("text", "expected"), [
    ("does the pain wake her up at night no she sleeps fine her back is just sore", Level.HOME_CARE),
    ("does the pain wake him at night no not at all he sleeps right through he's just grumpy about his back",
     Level.HOME_CARE),
    ("is she hard to wake no she's just tired her back is sore", Level.HOME_CARE),
    ("does she have trouble breathing no she is fine her back is sore", Level.HOME_CARE),
    ("does he have a fever nope just a sore back", Level.HOME_CARE),
    ("my husband has back spasms our daughter's back is sore too", Level.HOME_CARE),
    # A name said again as a subject ends the caller's own words ("mia's mom").
    ("calling for lulu's mom from nursery lulu has been potty trained since may today she wet herself twice and couldn't hold it",
     Level.EMERGENCY),
    # The child named again as a subject ("the baby is"), and a reading in the sentence after a past one.
    ("grandma had a fever last week the baby is not breathing right", Level.EMERGENCY),
    ("she had a fever last week her temperature is thirty nine now", Level.URGENT),
    # Still said, so still counted: the break never hides a sign of the child.
    ("is she breathing no", Level.EMERGENCY),
    ("can you wake her no", Level.EMERGENCY),
    ("her brother had a fever last week she is not breathing right", Level.EMERGENCY),
    ("can he go to daycare tomorrow his back was a little sore today no fever", Level.HOME_CARE),
])
def test_spoken_answers_and_new_subjects_are_read_as_sentences(assistant: Assistant, text: str,
                                                               expected: Level) -> None:
    assert assistant.answer(text).disposition is expected


def test_the_typed_form_reads_the_same(assistant: Assistant) -> None:
    assert assistant.answer("Is she hard to wake? No, she's just tired. Her back is sore.").disposition \
        is Level.HOME_CARE


def test_the_spoken_form_tool_says_what_a_recogniser_writes() -> None:
    spec = importlib.util.spec_from_file_location("spoken_form", BENCHMARKS / "spoken_form.py")
    assert spec is not None and spec.loader is not None
    tool = importlib.util.module_from_spec(spec)
    sys.modules["spoken_form"] = tool
    spec.loader.exec_module(tool)
    numbers = tool.Numbers(tool.LANGUAGE)
    said = tool.spoken("Fever? No. It's 38.9 at 2:30, pulse 175!", numbers)
    assert said == "fever no it's thirty eight point nine at two thirty pulse one hundred and seventy five"
    assert tool.spoken("She can't walk.", numbers, apostrophes=False) == "she cant walk"
