"""The triage engine keeps every rule of docs/policy.md (one test or more per rule)."""

from __future__ import annotations

import itertools

import pytest

from voicecare.domain import Finding, IntentSet, Level, Status, TriageResult
from voicecare.understanding.assistant import Assistant
from voicecare.understanding.triage import triage


def answer(assistant: Assistant, text: str) -> TriageResult:
    return assistant.answer(text)


def kinds(result: TriageResult) -> list[str]:
    return [m.kind for m in result.messages]


def finding(intents: IntentSet, symptom: str, status: Status = Status.PRESENT, uncertain: bool = False) -> Finding:
    return Finding(intents.symptom(symptom), status, 100.0, symptom, uncertain)


# Rule 1: the highest affirmed level; denials never raise it.
def test_rule1_disposition_is_the_highest_affirmed_level_for_every_pair(intents: IntentSet) -> None:
    for a, b in itertools.combinations(intents.symptoms, 2):
        result = triage([finding(intents, a.id), finding(intents, b.id)], intents)
        # After a fall or blow, a warning sign (a call-911 or call-right-away one, rule 11) is 911.
        injury_with_flag = "serious_injury" in (a.id, b.id) and max(a.level, b.level) <= Level.URGENT
        expected = Level.EMERGENCY if injury_with_flag else min(a.level, b.level)
        assert result.disposition is expected, (a.id, b.id)


@pytest.mark.parametrize("status", [Status.ABSENT, Status.OTHER, Status.HYPOTHETICAL, Status.PAST])
def test_rule1_and_9_mentions_that_are_not_findings_never_raise(intents: IntentSet, status: Status) -> None:
    for symptom in intents.symptoms:
        found = [finding(intents, "back_spasm"), finding(intents, symptom.id, status)]
        assert triage(found, intents).disposition is Level.HOME_CARE, (symptom.id, status)


def test_rule1_denials_in_words(assistant: Assistant) -> None:
    assert answer(assistant, "her back hurts, no fever, she is not breathing hard").disposition is Level.HOME_CARE


# Rule 2: the symptom's own "not" is no denial.
@pytest.mark.parametrize("text", ["he can't breathe", "she's not breathing", "he won't wake up",
                                  "she can't control her bladder"])
def test_rule2_symptom_words_are_not_negations(assistant: Assistant, text: str) -> None:
    assert answer(assistant, text).disposition is Level.EMERGENCY


def test_rule2_can_t_walk(assistant: Assistant) -> None:
    assert answer(assistant, "her back hurts and she can't walk").disposition is Level.FOLLOW_UP


# Rule 3: emergency first, nothing before it, no question.
def test_rule3_emergency_is_said_first(intents: IntentSet) -> None:
    for symptom in intents.symptoms:
        if symptom.level is not Level.EMERGENCY:
            continue
        for other in intents.symptoms:
            result = triage([finding(intents, other.id), finding(intents, symptom.id)], intents)
            assert result.messages[0].kind == "emergency"
            assert result.messages[0].text.startswith("Call 911")
            assert result.messages[0].level is Level.EMERGENCY
            assert "question" not in kinds(result)


# Rule 4: uncertain emergencies escalate.
def test_rule4_uncertain_emergency_match_still_escalates(assistant: Assistant) -> None:
    result = answer(assistant, "she painted and her back hurts")
    assert result.disposition is Level.EMERGENCY
    assert "confirm" in kinds(result)


def test_rule4_hedged_emergency_escalates(assistant: Assistant) -> None:
    assert answer(assistant, "I think he might have passed out").disposition is Level.EMERGENCY


# Rule 6: home care only without an emergency, after the instruction otherwise.
def test_rule6_no_home_care_with_an_emergency(intents: IntentSet) -> None:
    for symptom in intents.symptoms:
        result = triage([finding(intents, "back_spasm"), finding(intents, symptom.id)], intents)
        has_home_care = "home_care" in kinds(result)
        assert has_home_care is (result.disposition is not Level.EMERGENCY), symptom.id


@pytest.mark.parametrize("symptom", ["fever", "trouble_walking"])
def test_rule6_home_care_comes_after_the_instruction(intents: IntentSet, symptom: str) -> None:
    result = triage([finding(intents, "back_spasm"), finding(intents, symptom)], intents)
    order = kinds(result)
    assert order.index("instruction") < order.index("home_care")


# Rule 7: unclear says so, invites a retry, names the 911 signs.
def test_rule7_unclear_names_the_emergency_signs(assistant: Assistant) -> None:
    result = answer(assistant, "can you play some music")
    assert result.disposition is Level.UNCLEAR
    text = " ".join(m.text for m in result.messages)
    assert "tell me again" in text
    for sign in ("trouble breathing", "confused", "hard to wake", "faints", "heartbeat", "pee or poop"):
        assert sign in text


# Rule 8: the disclaimer once; never a diagnosis.
def test_rule8_disclaimer_is_said_once_per_session(assistant: Assistant) -> None:
    first = answer(assistant, "his back hurts")
    second = answer(assistant, "she has a fever")
    assert kinds(first).count("disclaimer") == 1
    assert "disclaimer" not in kinds(second)


def test_rule8_never_diagnoses(assistant: Assistant) -> None:
    for text in ("she has a fever and her back hurts", "he can't walk", "his back is tight"):
        said = " ".join(m.text for m in answer(assistant, text).messages).lower()
        for word in ("appendicitis is", "you have", "diagnos", "it is an infection"):
            assert word not in said


# Rule 9: context and self-correction.
def test_rule9_hypothetical_is_explained(assistant: Assistant) -> None:
    result = answer(assistant, "his back is sore, what if he gets a fever")
    assert result.disposition is Level.HOME_CARE
    assert any(m.kind == "hypothetical" and "fever" in m.text and "right away" in m.text for m in result.messages)


def test_rule9_past_is_asked_about(assistant: Assistant) -> None:
    result = answer(assistant, "her back is sore, she had a fever last week")
    assert result.disposition is Level.HOME_CARE
    assert any(m.kind == "past" and "fever" in m.text for m in result.messages)


def test_rule9_someone_else(assistant: Assistant) -> None:
    assert answer(assistant, "his back is sore and his sister has a fever").disposition is Level.HOME_CARE


def test_rule9_later_statement_wins(assistant: Assistant) -> None:
    assert answer(assistant, "no fever... actually she feels hot").disposition is Level.URGENT
    assert answer(assistant, "she feels hot, no wait, no fever, her back is sore").disposition is Level.HOME_CARE


def test_rule9_someone_else_does_not_undo_this_child(assistant: Assistant) -> None:
    assert answer(assistant, "he has a fever and his sister has a fever too").disposition is Level.URGENT


# Rule 10: "not sure" counts; the caregiver saying emergency is an emergency.
def test_rule10_not_sure_counts(assistant: Assistant) -> None:
    assert answer(assistant, "I'm not sure if she has a fever").disposition is Level.URGENT


def test_rule10_caregiver_says_emergency(assistant: Assistant) -> None:
    assert answer(assistant, "this is an emergency, his back").disposition is Level.EMERGENCY


# Rule 11: every answer below emergency ends with the warning signs, 911 signs first.
def test_rule11_answers_below_emergency_end_with_warnings(intents: IntentSet) -> None:
    for symptom in intents.symptoms:
        if symptom.note:
            continue  # a note ("seen by the GP") is no sign: alone it says nothing (see test_whose_words)
        result = triage([finding(intents, symptom.id)], intents)
        if result.disposition is Level.EMERGENCY:
            continue
        tail = [m.text for m in result.messages[-3:]]
        assert [m.kind for m in result.messages[-3:]] == ["warning"] * 3
        assert tail[1].startswith("Call 911") and "doctor right away" in tail[2]


# Rule 12: read back what was understood, before the advice.
def test_rule12_readback_comes_before_the_advice(assistant: Assistant) -> None:
    result = answer(assistant, "she has a fever and her back hurts")
    assert result.messages[0].kind == "readback"
    assert result.messages[0].text == "I heard: fever and back pain or spasm."


def test_rule12_readback_mentions_denials(assistant: Assistant) -> None:
    result = answer(assistant, "his back is sore, no fever")
    assert result.messages[0].text == "I heard: back pain or spasm. No fever."


# Beyond the sheet.
def test_injury_is_outside_the_sheet_and_needs_care_now(assistant: Assistant) -> None:
    result = answer(assistant, "he fell down the stairs and his back hurts")
    assert result.disposition is Level.URGENT
    assert any("without an injury" in m.text for m in result.messages)


def test_injury_with_a_warning_sign_is_911(assistant: Assistant) -> None:
    for text in ("she fell off the trampoline and won't move her legs", "he fell down the stairs and has a fever",
                 "he had a bad fall and now he won't stand"):
        assert answer(assistant, text).disposition is Level.EMERGENCY, text


def test_child_not_seen_by_a_doctor_is_follow_up(assistant: Assistant) -> None:
    assert answer(assistant, "his back is sore and he hasn't seen a doctor").disposition is Level.FOLLOW_UP


def test_home_care_answer_says_to_call_if_not_checked(assistant: Assistant) -> None:
    result = answer(assistant, "his back is sore")
    assert any("has not checked" in m.text for m in result.messages)


def test_diapers_are_bladder_problems_not_loss_of_control(assistant: Assistant) -> None:
    assert answer(assistant, "she has fewer wet diapers and a sore back").disposition is Level.FOLLOW_UP


def test_nothing_found_is_unclear(intents: IntentSet) -> None:
    result = triage([], intents)
    assert result.disposition is Level.UNCLEAR and result.messages[0].kind == "unclear"


def test_one_front_door_for_final_and_partial_transcripts(assistant: Assistant) -> None:
    final = {f.symptom.id: f.status for f in assistant.understand("no fever, but his back hurts")}
    assert final == {"fever": Status.ABSENT, "back_spasm": Status.PRESENT}
    # A partial transcript is acted on only when it already makes an emergency.
    assert assistant.understand_partial("he has a fever and") == {}
    assert set(assistant.understand_partial("he stopped breathing and")) == {"trouble_breathing"}
    assert assistant.understand_partial("no he is not breathing hard") == {}


def test_message_kinds_are_an_enum_that_reads_as_text(assistant: Assistant) -> None:
    from voicecare.domain import MessageKind

    result = assistant.answer("she can't breathe")
    assert all(isinstance(m.kind, MessageKind) for m in result.messages)
    assert result.messages[0].kind is MessageKind.EMERGENCY and result.messages[0].kind == "emergency"
