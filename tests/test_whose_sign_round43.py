"""Another child in the room with a sign that is "Call 911 now" whatever the topic (#7, understand43): outside
review 17 F2 and batch_ba's other children, each checked with ``voicecare triage`` first. Policy, beyond the
sheet: a seizure now, a child who is not breathing, blue, or cannot be woken is "Call 911 now"; rule 9 keeps a
grown-up's signs, another child's milder signs, a past episode and a what-if out of this child's level."""

from __future__ import annotations

import pytest

from helpers import level
from voicecare.domain import Level, MessageKind, Status
from voicecare.understanding.assistant import Assistant


@pytest.mark.parametrize(("text", "symptom", "who"), [
    # Review 17 F2: home care was advised while a second toddler was blue, not breathing, or would not wake.
    ("Leo's back seized up. His little brother Max can't breathe properly and is turning blue", "trouble_breathing",
     "Max"),
    ("Leo's back seized up and his brother Max is not breathing", "trouble_breathing", "Max"),
    ("Leo's back seized up. Max, his twin, won't wake up", "very_drowsy", "Max"),
    # batch_ba: the same in other people's words, and in a recogniser's (no capitals: the kin words name them).
    ("im ringin about our niamhs sore back but her wee brother just went blue in the cot and hes not breathin",
     "trouble_breathing", "her wee brother"),
    ("Sorry I write about Kuba back but my older son is on floor and not breathing, what I do", "trouble_breathing",
     "your older son"),
    ("mi a call bout tyrone back but him cousin deh pon di settee an mi cyaan wake him at all him nah move",
     "very_drowsy", "him cousin"),
    ("his back is sore and his little sister is having a seizure", "seizure", "his little sister"),
    # A child who has just passed out lies there unconscious: one who cannot be woken now (rule 4).
    ("Leo's back seized up. His sister just fainted", "fainting", "His sister"),
])
def test_another_child_with_a_911_sign_now_is_911_for_them(
        assistant: Assistant, text: str, symptom: str, who: str) -> None:
    result = assistant.answer(text)
    assert result.disposition is Level.EMERGENCY
    theirs = {f.symptom.id: f for f in result.another_children}
    # Still theirs, never read back as this child's (rule 14), and the result says whom the 911 is for.
    assert theirs[symptom].status is Status.OTHER
    assert theirs[symptom].another_child.lower() == who.lower()
    assert symptom not in {f.symptom.id for f in result.present}
    said = [m.text for m in result.messages if m.kind is MessageKind.EMERGENCY]
    assert said[0] == "Call 911 now."
    assert said[1].lower().startswith(f"for {who.lower()}:")
    assert not any(m.kind is MessageKind.HOME_CARE for m in result.messages)


@pytest.mark.parametrize("text", [
    # A grown-up's signs stay theirs (the policy says a child; "my brother" is the caller's own).
    "his back is sore and my husband can't breathe",
    "his back is sore, my brother can't breathe with his asthma",
    # Another child's milder signs (rule 9), over, long ago, or a what-if.
    "his back is sore and his sister has a fever",
    "her back is tight, her brother is breathing fast",
    "his back is sore, his brother had a seizure last year",
    "his back is sore, his brother fainted at school last month but he is fine now",
    "his back is sore, his sister just fainted but she's fine now",
    "his back is sore. what if his sister stops breathing",
])
def test_a_grown_up_or_a_milder_past_or_imagined_sign_of_someone_else_stays_theirs(
        assistant: Assistant, text: str) -> None:
    result = assistant.answer(text)
    assert result.disposition is Level.HOME_CARE
    assert not result.another_children


@pytest.mark.parametrize(("text", "symptom"), [
    # "Just" said of someone else made their sign the child's: a false 911 and a false urgent (batch_ba's class).
    ("my husband just fainted, her back is sore", "fainting"),
    ("his sister just has a fever, his back is sore", "fever"),
])
def test_a_sign_someone_else_just_has_stays_theirs(assistant: Assistant, text: str, symptom: str) -> None:
    assert {f.symptom.id: f.status for f in assistant.answer(text).findings}[symptom] is Status.OTHER
    assert level(assistant, text) is Level.HOME_CARE


def test_just_after_a_denial_still_says_the_back_is_sore(assistant: Assistant) -> None:
    assert level(assistant, "no fever, just a sore back") is Level.HOME_CARE
    assert level(assistant, "his sister just has a cold, he has a fever and a sore back") is Level.URGENT


def test_the_childs_own_no_does_not_take_back_another_childs_911(assistant: Assistant) -> None:
    # "Max isn't breathing, Leo is breathing fine": Leo's "no" says nothing of Max.
    text = "Leo's back is sore and his brother Max is not breathing, Leo is breathing fine"
    assert level(assistant, text) is Level.EMERGENCY


def test_another_childs_911_alone_is_911_not_unclear(assistant: Assistant) -> None:
    # Nothing said of the child asked about: still never "I did not understand" for a child who is not breathing.
    assert level(assistant, "his older brother is not breathing") is Level.EMERGENCY


@pytest.mark.parametrize("text", [
    # A span too short to be a sign, said of a grown-up's back pain, is theirs too (it was read as the child's "no").
    "My wife have fever 39 and back pain since 2 days, what medicine she can take",
    # Jamaican "mi own": the caller's own knees (a limb sign of the child before).
    "mi own knee dem a kill mi wah cream mi can use",
])
def test_a_grown_ups_own_signs_alone_say_nothing_of_the_child(assistant: Assistant, text: str) -> None:
    assert level(assistant, text) is Level.UNCLEAR
