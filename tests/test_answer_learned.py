"""The learned "no": counts of answer words per label, asked only where the rules cannot place a "no"."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from helpers import kind
from voicecare.conversation import answer_learned
from voicecare.conversation.answers import AnswerReader
from voicecare.errors import IntentError
from voicecare.intents import default_dir
from voicecare.understanding.assistant import Assistant

# Answers as people write them, tokens spelled the way the reader spells them ("she" reads "he").
EXAMPLES = [
    ("no", "breathing_alertness", ("no", "he", "is", "fine", "he", "is", "asking", "for", "him", "teddy",)),
    ("no", "breathing_alertness", ("no", "he", "is", "grand", "he", "is", "asking", "for", "him", "blanket",)),
    ("no", "breathing_alertness", ("nope", "he", "is", "asking", "for", "him", "juice",)),
    ("yes", "breathing_alertness", ("yes", "he", "is", "breathing", "really", "fast",)),
    ("unsure", "breathing_alertness", ("i", "do", "not", "know",)),
]


@pytest.fixture(scope="module")
def taught(assistant_for_module: Assistant) -> AnswerReader:
    return AnswerReader(assistant_for_module, learned=answer_learned.build(EXAMPLES, 0.9, 1))


@pytest.fixture(scope="module")
def assistant_for_module(reader: AnswerReader) -> Assistant:
    return reader.assistant


def test_the_shipped_counts_load_and_hold_every_label() -> None:
    counts = answer_learned.load(default_dir() / "en")
    assert counts is not None and 0 < counts.threshold <= 1
    assert {"yes", "no", "unsure", "partial", "new_info", "off_topic"} <= set(counts.priors)


def test_a_no_with_talk_the_rules_cannot_place_is_a_no_the_counts_know(reader: AnswerReader,
                                                                        taught: AnswerReader) -> None:
    text = "no she's grand, she's asking for her soother"
    rules_alone = AnswerReader(reader.assistant, learned=None)
    assert kind(rules_alone, "breathing_alertness", text) == "unsure"
    assert kind(taught, "breathing_alertness", text) == "no"


@pytest.mark.parametrize("text", [
    # Never where the rules place the answer, never without a "no" said, never over a hedge, a health word, a
    # sign said or a turn after the "no".
    "yes she's asking for her soother",
    "she's asking for her soother",
    "no, I don't know, she's asking for her soother",
    "no she's asking for her soother and her tummy hurts",
    "no but she's asking for her soother",
    "no she's asking for her soother, she's breathing really fast",
    "no she's asking for her soother, she keeps fussing with her teddy though",
])
def test_the_counts_change_nothing_here(reader: AnswerReader, taught: AnswerReader, text: str) -> None:
    rules_alone = AnswerReader(reader.assistant, learned=None)
    assert kind(taught, "breathing_alertness", text) == kind(rules_alone, "breathing_alertness", text)


def test_counts_that_cannot_be_read_are_a_clear_error(tmp_path: Path) -> None:
    (tmp_path / answer_learned.FILE_NAME).write_text(json.dumps({"threshold": 2, "priors": {"no": 1}, "counts": {}}))
    with pytest.raises(IntentError, match="threshold"):
        answer_learned.load(tmp_path)
    (tmp_path / answer_learned.FILE_NAME).write_text("{")
    with pytest.raises(IntentError, match="cannot read"):
        answer_learned.load(tmp_path)
    assert answer_learned.load(tmp_path / "elsewhere") is None


@pytest.mark.parametrize("text", [
    # A turn back to a part said to be well turns to no sign.
    "no she's a bit quiet but she's grand, asking for her soother",
    # A "no" said before "she's fine" is the same answer, never a loose negation.
    "no she's fine, a bit quiet, she's asking for her soother",
])
def test_the_counts_hear_a_no_that_turns_back_to_well(reader: AnswerReader, taught: AnswerReader, text: str) -> None:
    rules_alone = AnswerReader(reader.assistant, learned=None)
    assert kind(rules_alone, "breathing_alertness", text) == "unsure"
    assert kind(taught, "breathing_alertness", text) == "no"
