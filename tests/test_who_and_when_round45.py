"""Who, when and what kind of talk (#7, understand45): each class reproduced first with ``voicecare triage --text``.

Policy: beyond the sheet (a seizure now, a child not breathing or blue is "Call 911 now" whoever's child), rule 9
(someone else's, a story's or a past sign does not raise this child's level), rule 12 (the read-back says whose),
care questions (answered from the care facts, the level set by the signs said with them), rule 4 ("feels hot").
"""

from __future__ import annotations

import pytest

from helpers import level
from voicecare.domain import Level, MessageKind, Status
from voicecare.speech_in.pipeline import EarlyEmergency
from voicecare.understanding.assistant import Assistant


@pytest.mark.parametrize(("text", "symptom", "who"), [
    # Another child named by where they are (home care was advised while the baby beside him was blue).
    ("my toddler's back hurts and the baby next to him is blue", "trouble_breathing", "the baby next to him"),
    ("the baby next to him in the camp cot is blue", "trouble_breathing", "the baby next to him"),
    ("the baby in the next crib is not waking up even when i shake her", "very_drowsy", "the baby in the next crib"),
    # By kin, the colour said with "is" (nothing was found at all).
    ("his back is sore and his little brother is blue", "trouble_breathing", "his little brother"),
    # By name only, this child spoken of before by a pronoun or another name: the seizure was read back as his.
    ("his back is sore. Max is having a seizure", "seizure", "Max"),
    ("Leo's back is sore and Max is not breathing", "trouble_breathing", "Max"),
])
def test_another_child_by_place_kin_or_name_is_911_for_them(assistant: Assistant, text: str, symptom: str,
                                                             who: str) -> None:
    result = assistant.answer(text)
    assert result.disposition is Level.EMERGENCY
    theirs = {f.symptom.id: f for f in result.another_children}
    assert theirs[symptom].status is Status.OTHER
    assert theirs[symptom].another_child.lower() == who.lower()
    said = [m.text for m in result.messages if m.kind is MessageKind.EMERGENCY]
    assert said[0] == "Call 911 now."
    assert said[1].lower().startswith(f"for {who.lower()}:")


@pytest.mark.parametrize("text", [
    "Max is having a seizure",                        # a name said first: maybe this child's
    "Max is having a seizure, his back was sore",
    "Max's back is sore. Max is having a seizure",    # the same name: this child's
    "His back is sore. Now he stopped breathing",     # a capital that is no name
    "I've got a little boy who is not breathing",     # the caregiver's own child, introduced
])
def test_a_name_that_may_be_this_childs_keeps_the_sign_this_childs(assistant: Assistant, text: str) -> None:
    result = assistant.answer(text)
    assert result.disposition is Level.EMERGENCY
    assert not result.another_children
    assert result.messages[0].text == "Call 911 now."


def test_a_partial_result_with_another_childs_911_calls_911_at_once(assistant: Assistant) -> None:
    said: list[object] = []
    early = EarlyEmergency(assistant, said.append, None)
    early.settled("my toddlers back hurts and the baby next to him is blue", 1.0)
    assert early.at == 1.0
    assert [m.text for m in early.said] == ["Call 911 now."]
    calm = EarlyEmergency(assistant, said.append, None)
    calm.settled("my toddlers back hurts and the baby next to him is asleep", 1.0)
    assert calm.at is None


@pytest.mark.parametrize("text", [
    "on the telly a kid stopped breathing",
    "on the news a baby fainted",
    "Saw on the telly last neet a bairn havin a fit, proper scared us, what de ye dee if that happens?",
    "In church the pastor told a story of a small child who stopped breathing in the night.",
    "Watched this ER show where a kid was seizing, freaked me out.",
    "my friend's kid had a seizure last year",
])
def test_a_story_on_screen_or_told_is_no_911(assistant: Assistant, text: str) -> None:
    assert level(assistant, text) is not Level.EMERGENCY


@pytest.mark.parametrize("text", [
    "we were watching tv and he went blue",
    "she stopped breathing while watching the telly",
    "a kid at daycare had a seizure and now my son is having a seizure",
    "I have a boy who stopped breathing",
])
def test_the_same_words_about_this_child_now_stay_911(assistant: Assistant, text: str) -> None:
    assert level(assistant, text) is Level.EMERGENCY


@pytest.mark.parametrize(("text", "care_id"), [
    ("can she go to daycare?", "activity"),
    ("should I give her paracetamol?", "medicine"),
    ("is calpol ok?", "medicine"),
    ("can he have a bath?", "heat"),
])
def test_a_care_question_without_the_back_is_answered_and_the_level_stays_the_signs(
        assistant: Assistant, text: str, care_id: str) -> None:
    result = assistant.answer(text)
    assert result.disposition is Level.UNCLEAR  # no sign said: the policy's home care needs the back mentioned
    assert [q.id for q in result.care] == [care_id]
    assert result.messages[0].kind is MessageKind.CARE_ANSWER
    assert not any(m.kind is MessageKind.UNCLEAR for m in result.messages)  # "Sorry, I missed that" is untrue
    with_fever = assistant.answer(text.rstrip("?") + ", she has a fever")
    assert with_fever.disposition is Level.URGENT


@pytest.mark.parametrize(("text", "expected"), [
    # The denial's list ends at "or anything": the back spasm is said, not denied (REVIEW18 F7).
    ("his lips aren't blue or anything, back spasm after soccer", Level.HOME_CARE),
    # Over since a day: no fever now, and no pain lasting since then (REVIEW18 F9).
    ("he had a temperature on Tuesday, none since, his back is sore", Level.HOME_CARE),
    ("had a temp on tuesday nowt since just his back gone stiff", Level.HOME_CARE),
    # "None since" said of wet nappies or poos is the toilet sign going on.
    ("one wet nappy this morning, none since, his back hurts", Level.FOLLOW_UP),
    ("constipated on monday, nothing since, back sore", Level.FOLLOW_UP),
    # A comma list of what the child does at night: pain that wakes the child (urgent).
    ("waking every couple of hours, rubbing his back", Level.URGENT),
    # Hot said of the child by a noun: a fever felt (the policy's table, rule 4); a hot bottle is not.
    ("the baby is hot", Level.URGENT),
    ("the baby's bottle is hot", Level.UNCLEAR),
    ("the baby's blanket is blue", Level.UNCLEAR),
])
def test_time_denials_and_lists(assistant: Assistant, text: str, expected: Level) -> None:
    assert level(assistant, text) is expected


def test_the_back_is_not_read_back_as_denied_after_a_closed_denial(assistant: Assistant) -> None:
    result = assistant.answer("his lips aren't blue or anything, back spasm after soccer")
    assert "back_spasm" in {f.symptom.id for f in result.present}
