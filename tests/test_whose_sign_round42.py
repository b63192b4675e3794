"""Two people named in one story, the child said to have "only" the back (#7, understand42): outside review 16 F6,
batch_av 74 and batch_aw 15, each checked with ``voicecare triage`` first. Rule 9: a sign of someone else is no
finding for this child; rule 4: when it cannot be told whose it is, it is the child's."""

from __future__ import annotations

import pytest

from helpers import level
from voicecare.domain import Level, Status
from voicecare.understanding.assistant import Assistant


def statuses(assistant: Assistant, text: str) -> dict[str, Status]:
    return {f.symptom.id: f.status for f in assistant.answer(text).findings}


@pytest.mark.parametrize(("text", "symptom"), [
    # Review 16 F6: one child's fever, the other child "just" the back.
    ("my son has a fever but my daughter just has a sore tight back from the trampoline", "fever"),
    ("my daughter just has a sore back but my son has a fever", "fever"),
    ("the baby has a fever but my toddler only has a sore back", "fever"),
    # A niece with a fever, the caregiver's own child by name, fine but for the back (batch_av).
    ("me sister's little one had a fever wi her back pain last time but our Hamza's fine, just a sore back", "fever"),
    # "It was X that ...": who had the sign, then the child said not to, with only the back (batch_aw).
    ("It was our Sean that passed out at the weddin, not the wee one, she's only got the sore back", "fainting"),
    ("my son's lips went blue in the pool but my daughter just has a sore back", "trouble_breathing"),
])
def test_someone_named_beside_a_child_with_only_the_back_keeps_their_sign(
        assistant: Assistant, text: str, symptom: str) -> None:
    assert statuses(assistant, text)[symptom] is Status.OTHER
    assert statuses(assistant, text)["back_spasm"] is Status.PRESENT
    assert level(assistant, text) is Level.HOME_CARE


@pytest.mark.parametrize(("text", "expected"), [
    # One child, named twice or by a pronoun: the sign is theirs.
    ("my son has a fever but my son just has a sore back", Level.URGENT),
    ("my daughter had a fever this morning but she just has a sore back now", Level.URGENT),
    # No "only": either child may be the one asked about (rule 4).
    ("my son has a fever but my daughter has a sore back", Level.URGENT),
    # One clause: the fever and the back are the son's.
    ("my son has a fever and a sore back", Level.URGENT),
    # A name alone may be the child: "our Sean" fainted (rule 4: escalate when it cannot be told).
    ("It was our Sean that passed out", Level.EMERGENCY),
    # The child named with a pronoun inside their clause, or a thing, or a sign told by someone: the child's.
    ("my son said she has a fever but my daughter just has a sore back", Level.URGENT),
    ("my thermometer read 39 but the baby just has a sore back", Level.URGENT),
    # The child's "only" clause holds a higher sign of its own: nothing is only the back.
    ("my son has a fever but my daughter only has a sore back and she fainted", Level.EMERGENCY),
])
def test_the_childs_sign_stays_the_childs_when_it_cannot_be_told(
        assistant: Assistant, text: str, expected: Level) -> None:
    assert level(assistant, text) is expected


def test_the_wee_one_is_a_child_not_a_wee(assistant: Assistant) -> None:
    # "Not the wee one" was read as "no wee" (fewer wet nappies); a wee not done is still one.
    assert "bladder_bowel_problems" not in statuses(assistant, "not the wee one, she's only got the sore back")
    assert level(assistant, "the wee one hasn't had a wee all day and her back is sore") is Level.FOLLOW_UP


@pytest.mark.parametrize(("text", "expected"), [
    # Scots "ma" is "my": an older child calling about their wee sister (batch_ap 62).
    ("ma wee sister's back is pure sore and she's roastin man like proper roastin", Level.URGENT),
    ("ma wee brother's back is sore and he's burning up", Level.URGENT),
    # The wean, the bairn, the pickney is the child: it ends someone else's story (the back was the sister's).
    ("ma sister has a fever and the wean's back is sore", Level.HOME_CARE),
    ("my sister has a fever and the bairn's back is sore", Level.HOME_CARE),
    ("my brother has the flu and the pickney back hurt", Level.HOME_CARE),
])
def test_the_childs_own_words_in_dialect_keep_the_childs_signs(assistant: Assistant, text: str, expected: Level) -> None:
    assert level(assistant, text) is expected


@pytest.mark.parametrize(("text", "expected"), [
    # Several children who all have it: the child is one of them (the twins were someone else: unclear).
    ("the twins have fevers", Level.URGENT),
    ("my twins both have a fever", Level.URGENT),
    ("both kids have a temperature", Level.URGENT),
    ("both of them have the chills", Level.URGENT),
    # The child pointed at after another child: "this one" ends the other's story.
    ("my other son had chickenpox, this one has a fever and sore back", Level.URGENT),
    # A twin alone, and the caregiver's own temperature, stay theirs.
    ("his twin has a fever", Level.UNCLEAR),
    ("I have a temperature and her back is sore", Level.HOME_CARE),
    ("my sister has a fever, this one just has a sore back", Level.HOME_CARE),
])
def test_a_sign_said_of_several_children_is_the_childs(assistant: Assistant, text: str, expected: Level) -> None:
    assert level(assistant, text) is expected


@pytest.mark.parametrize(("text", "expected"), [
    # The child named by name has it now too, after someone else's sign (as "she has one now too" was).
    ("Kayla's brother had a temperature, and now Kayla has one too", Level.URGENT),
    ("his brother had a fever and now Jack has it too", Level.URGENT),
    # Someone else named right before keeps it theirs.
    ("her brother had a fever and now my husband has one too", Level.UNCLEAR),
    ("her brother has the chills and now his dad has got the same", Level.UNCLEAR),
])
def test_a_sign_come_to_the_child_by_name_is_the_childs(assistant: Assistant, text: str, expected: Level) -> None:
    assert level(assistant, text) is expected
