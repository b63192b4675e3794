"""Answers read by ``voicecare answer`` (issue #9, answers10): honest noes said as lists and stories."""

from __future__ import annotations

import pytest

from helpers import kind
from voicecare.conversation.answers import AnswerReader


@pytest.mark.parametrize("text", ["Cramps, just the once.", "Cramps, only the once. Weight, same."])
def test_a_heading_answered_by_a_whole_well_phrase_is_denied(reader: AnswerReader, text: str) -> None:
    # "just" leaves nothing out when it is part of the well phrase that ends the part.
    assert kind(reader, "cramps_night_weight", text) == "no"


@pytest.mark.parametrize("text", ["Cramps, only since yesterday.", "Cramps, just worse at night."])
def test_a_heading_answered_by_a_time_or_a_leaving_word_is_not_denied(reader: AnswerReader, text: str) -> None:
    assert kind(reader, "cramps_night_weight", text) != "no"


def test_a_hedge_is_not_read_across_a_pause(reader: AnswerReader) -> None:
    # "no, better": a "no" and then how it is, never the hedge "no better" (not getting better).
    assert kind(reader, "course", "Worse, no, better if anything.") == "no"
    assert kind(reader, "course", "it's no better") != "no"
