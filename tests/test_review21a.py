"""Outside review 21's understanding findings (review21a): my own variants of each class, not the reviewer's lines.

F3: a fever brought down by a medicine today is today's fever. F4: every medicine a family may name (aspirin above
all) gets the medicine care answer. F7: a grown-up's story told on with "and now" keeps their signs theirs.
"""

from __future__ import annotations

import pytest

from voicecare.domain import Level, Status
from voicecare.understanding.assistant import Assistant


@pytest.fixture(scope="module")
def assistant() -> Assistant:
    return Assistant.load()


def _statuses(assistant: Assistant, text: str) -> dict[str, Status]:
    return {f.symptom.id: f.status for f in assistant.answer(text).findings}


@pytest.mark.parametrize("text", [
    "he had 39.2 this morning but it's normal now after the calpol, and his back is stiff",
    "her fever went away once I gave her motrin, her back still hurts",
    "his fever came down with ibuprofen an hour ago, sore back",
    "she was burning up at breakfast, now she's fine after the nurofen, back is tight",
])
def test_a_fever_brought_down_by_medicine_is_a_fever_now(assistant: Assistant, text: str) -> None:
    result = assistant.answer(text)
    assert result.disposition is Level.URGENT, [m.text for m in result.messages]


@pytest.mark.parametrize("text", [
    "she had a fever two weeks ago, calpol sorted it, her back is sore now",
    "he had a fever last week and it went away with tylenol, now just a stiff back",
])
def test_a_fever_long_gone_stays_history_even_with_a_medicine(assistant: Assistant, text: str) -> None:
    result = assistant.answer(text)
    assert result.disposition is Level.HOME_CARE
    assert _statuses(assistant, text)["fever"] is Status.PAST


@pytest.mark.parametrize("text", [
    "can she have aspirin for her sore back",
    "is aspirin safe to give him for his back",
    "should I give her some aleve, her back hurts",
    "can I give him naproxen for his back",
])
def test_any_named_medicine_gets_the_medicine_answer(assistant: Assistant, text: str) -> None:
    result = assistant.answer(text)
    assert result.disposition is Level.HOME_CARE
    assert [q.id for q in result.care] == ["medicine"]


@pytest.mark.parametrize("text", [
    "my wife pulled her back gardening and now she has chills",
    "my dad hurt his back at work and now he has a fever",
    "my husband has a bad cold and now he has a temperature",
])
def test_a_grown_ups_story_told_on_with_and_now_stays_theirs(assistant: Assistant, text: str) -> None:
    assert assistant.answer(text).disposition is Level.UNCLEAR


@pytest.mark.parametrize(("text", "level"), [
    # Another person of the other gender: the pronoun after "and now" may be the child (when unsure, escalate).
    ("my husband hurt his back and now she has a fever", Level.URGENT),
    # The child named by a noun after the turn.
    ("my husband has a sore back and now my son has a fever", Level.URGENT),
    # The child of the pronoun's gender named before: the pronoun may be the child.
    ("my son's back is sore, my husband has a cold and now he has a fever", Level.URGENT),
])
def test_and_now_leaves_a_sign_that_may_be_the_childs_to_the_child(assistant: Assistant, text: str,
                                                                    level: Level) -> None:
    assert assistant.answer(text).disposition is level
