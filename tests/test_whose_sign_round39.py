"""Whose sign it is, and what the back said alone means (#7, understand39): outside reviews 15 (F13, F14) and the
fresh batch_av (other adults, pets, a grandparent the child calls on), each checked with ``voicecare triage``
first. Rule 9: a symptom of someone else does not raise the level."""

from __future__ import annotations

import pytest

from helpers import level
from voicecare.domain import Level, Status
from voicecare.understanding.assistant import Assistant


def statuses(assistant: Assistant, text: str) -> dict[str, Status]:
    return {f.symptom.id: f.status for f in assistant.answer(text).findings}


@pytest.mark.parametrize("text", [
    # Review 15 F13: another child's fever in a long story ("her boy" after "my sister's").
    "long story, we were at my sister's on Sunday, her boy had a fever and was sick all night, and my little one was"
    " running round with the cousins all day, and now his back is a bit sore but he is fine in himself",
    "we were at my sister's, her boy had a fever, and my little one's back is a bit sore",
    "we were at my brother's, his girl had a fever, and my son's back is sore",
])
def test_a_child_named_with_someone_elses_pronoun_is_theirs(assistant: Assistant, text: str) -> None:
    assert statuses(assistant, text)["fever"] is Status.OTHER
    assert level(assistant, text) is Level.HOME_CARE


def test_the_childs_own_sign_after_someone_else_stays_the_childs(assistant: Assistant) -> None:
    # A pronoun of another gender than theirs, or a verb of telling between, leaves the child.
    assert level(assistant, "we were at my sister's, his back is sore and he has a fever") is Level.URGENT
    assert level(assistant, "my sister says her boy has a fever") is Level.URGENT
