"""Classes from outside review 11 (2026-11-26; tests/data/fresh/review11_lines.tsv): F5, F6, F8, F19, F20.

Saying more never lowers the level; clothes falling are no fall; "back" as a direction is no back; a denial
for everyone includes the child; a what-if about any sign is answered by what it would mean; someone else's
signs alone end with the invitation to describe the child (rule 7).
"""

from __future__ import annotations

import pytest

from helpers import found
from voicecare.domain import Level, MessageKind, Status
from voicecare.understanding.assistant import Assistant
from voicecare.understanding.matching import Matcher


@pytest.mark.parametrize(("text", "level"), [
    # F5: a clause added after a denial word of another sentence ("been") must not undo the check not done.
    ("we haven't had a doctor look at her back yet, it's been sore since yesterday", Level.FOLLOW_UP),
    ("we haven't had a doctor look at her back yet. it's been sore since yesterday", Level.FOLLOW_UP),
    ("we haven't had the doctor look at it yet. she's been crying since monday", Level.FOLLOW_UP),
    # A check said with its "not" and no doctor named is the check not done, not a denied check.
    ("we haven't had her back checked", Level.FOLLOW_UP),
    ("we haven't had his back looked at yet, it hurts", Level.FOLLOW_UP),
])
def test_saying_more_never_lowers_the_level(assistant: Assistant, text: str, level: Level) -> None:
    assert assistant.answer(text).disposition is level, text


@pytest.mark.parametrize("text", [
    # F5: "yet" ending its clause is the adverb, not the contrast that splits "back ... sore" in two.
    "we haven't had a doctor look at her back yet, it's been sore since yesterday",
    "nobody has looked at his back yet, it's sore",
])
def test_a_clause_final_yet_joins_the_back_to_its_pain(matcher: Matcher, text: str) -> None:
    assert found(matcher, text).get("back_spasm") is Status.PRESENT, text


@pytest.mark.parametrize("text", [
    # F6: clothes and things falling off or down are not the child falling.
    "his jeans are falling off him, he's lost weight and we weren't trying",
    "her trousers keep falling down, she's lost weight",
    "his nappy keeps falling off and he's lost weight",
    "the blanket fell off the bed and his back is sore",
    "her hair is falling out and she's lost weight",
])
def test_things_falling_are_no_fall(assistant: Assistant, text: str) -> None:
    result = assistant.answer(text)
    assert "serious_injury" not in {f.symptom.id for f in result.findings}, text
    assert "trouble_walking" not in {f.symptom.id for f in result.findings}, text
    assert result.disposition is not Level.EMERGENCY, text


@pytest.mark.parametrize("text", [
    "his toy fell off the shelf and then he fell off the bed onto his back",
    "he tripped over a toy and fell on his back",
    "his shoe came off and he fell down the stairs",
    "he fell off the top bunk and now he cant move his legs",
])
def test_the_childs_own_fall_beside_a_thing_stays_a_fall(assistant: Assistant, text: str) -> None:
    result = assistant.answer(text)
    assert "serious_injury" in {f.symptom.id for f in result.findings if f.status is Status.PRESENT}, text


@pytest.mark.parametrize("text", [
    # F19: "back" as a direction is no back (rule 14: the read-back names only what was said).
    "I can't get him to open his eyes properly, he just flops back down when I shake him",
    "she just lies back down and won't open her eyes",
    "he wakes for a second and goes straight back to sleep, I can't keep him awake",
])
def test_back_as_a_direction_is_no_back(assistant: Assistant, text: str) -> None:
    result = assistant.answer(text)
    assert "back_spasm" not in {f.symptom.id for f in result.findings}, text
    readback = " ".join(m.text for m in result.messages if m.kind is MessageKind.READBACK)
    assert "back pain" not in readback, text
    assert result.disposition is Level.EMERGENCY, text


@pytest.mark.parametrize("text", [
    "we just got back from the park and he is wheezing",
    "he only just came back from nursery and he's burning up",
    "he just leans back and stares",
])
def test_back_beside_a_coming_or_lying_verb_is_no_back(matcher: Matcher, text: str) -> None:
    assert "back_spasm" not in found(matcher, text), text


@pytest.mark.parametrize("text", [
    "he went back to sleep but his back is still sore",
    "it's just his back",
    "the little one's only got a crick in her back from the car seat",
    "his back went out",
    "she lies back down and cries, her back hurts",
    "her back hurts when she lies back down",
])
def test_a_back_said_with_its_pain_stays(matcher: Matcher, text: str) -> None:
    assert found(matcher, text).get("back_spasm") is Status.PRESENT, text


@pytest.mark.parametrize("text", [
    # F19: a denial for everyone ("nobody", "no one", "none of us") includes the child.
    "nobody in the house has a fever, she's got a sore back",
    "no one at home has a fever and his back hurts",
    "none of us has a temperature, her back is stiff",
    "nobody here has had chills, his back is sore",
])
def test_a_denial_for_everyone_includes_the_child(assistant: Assistant, text: str) -> None:
    result = assistant.answer(text)
    assert result.disposition is Level.HOME_CARE, text
    assert not any(f.status is Status.PRESENT and f.symptom.level < Level.HOME_CARE for f in result.findings), text


@pytest.mark.parametrize(("text", "symptom"), [
    # "Nobody can wake her" is hard to wake said of everyone (rule 2), not a denial: a missed 911 otherwise.
    ("nobody can wake her up", "very_drowsy"),
    ("no one can wake him, he's so floppy", "very_drowsy"),
    ("nobody knows why she has a fever, her back hurts", "fever"),
])
def test_nobody_before_a_deed_or_a_thought_denies_nothing(assistant: Assistant, text: str, symptom: str) -> None:
    result = assistant.answer(text)
    assert any(f.symptom.id == symptom and f.status is Status.PRESENT for f in result.findings), text


@pytest.mark.parametrize(("text", "action"), [
    # F8: a what-if about a sign is answered by what it would mean, emergency signs above all, also when the
    # caregiver asks whether to call 911 (rule 9); the disposition of a what-if alone stays unclear.
    ("is it an emergency if her lips go blue?", "call 911"),
    ("if he can't wake up should I call 911?", "call 911"),
    ("what if he faints?", "call 911"),
    ("should I call an ambulance if she stops breathing?", "call 911"),
    ("is it serious if he gets chills?", "doctor right away"),
    ("is it bad if she pees less than usual?", "doctor check it soon"),
])
def test_a_what_if_is_answered_by_what_it_would_mean(assistant: Assistant, text: str, action: str) -> None:
    result = assistant.answer(text)
    assert result.disposition is Level.UNCLEAR, text
    notes = [m.text for m in result.messages if m.kind is MessageKind.HYPOTHETICAL]
    assert notes and action in notes[0], (text, notes)
    first = result.messages[0]
    assert first.kind is MessageKind.HYPOTHETICAL, (text, first)


@pytest.mark.parametrize("text", [
    # F20: someone else's signs alone (the caregiver's own, a husband's) end with the invitation of rule 7.
    "my husband has chills and a temperature of 39",
    "I've got a fever and my back is killing me",
    "his sister has a fever",
])
def test_someone_elses_signs_invite_the_childs(assistant: Assistant, text: str) -> None:
    result = assistant.answer(text)
    assert result.disposition is Level.UNCLEAR, text
    kinds = [m.kind for m in result.messages]
    assert MessageKind.OTHER in kinds, text
    invite = assistant.intents.messages["describe_child"]
    assert invite in [m.text for m in result.messages], text
    assert kinds.index(MessageKind.OTHER) < [m.text for m in result.messages].index(invite), text
