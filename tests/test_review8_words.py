"""Classes from the lines an outside reviewer typed on 2026-11-26 (tests/data/fresh/review8_lines.tsv, review 8).

Degree is not doubt, a toddler's leg pain shown by behaviour, a fever brought down by medicine, denials of a
whole statement, corrections after a pause, durations of other things, and answers to what was heard that is
not this child's.
"""

from __future__ import annotations

import pytest

from helpers import found
from voicecare.conversation.dialog import Conversation
from voicecare.domain import Level, MessageKind, Status
from voicecare.understanding.assistant import Assistant
from voicecare.understanding.matching import Matcher


@pytest.mark.parametrize("text", [
    # F1: a word of degree before a sign's word says how much, not whether.
    "his back's sore and he's a bit hot",
    "he's a little bit hot and his back's sore",
    "her back is sore and she is quite hot",
    "he's kinda hot and his back is stiff",
    "she's slightly warm and her back's sore",
    "his back is sore and he's kinda warm",
    "her back hurts and she's a tad warm",
    "his back is stiff and he's somewhat hot",
    "i'm not sure if he's got a fever or not he feels kinda warm and his back hurts",
    # Hot said in a list of how the child is.
    "his back is sore and he's sweating and hot",
])
def test_a_degree_word_keeps_the_fever(assistant: Assistant, text: str) -> None:
    assert assistant.answer(text).disposition is Level.URGENT, text


@pytest.mark.parametrize(("text", "symptom"), [
    # F5, F18: said plainly with "a bit", the sign is heard, not guessed (rule 10 is about doubt).
    ("his lips are a bit blue", "trouble_breathing"),
    ("he's a bit hard to wake this morning", "very_drowsy"),
    ("she's a bit breathless just sitting there", "trouble_breathing"),
    ("my husband has a fever but the baby's back is just a bit tight from jumping", "back_spasm"),
    ("she banged her head hard on the table and now she's being sick, back's a bit sore too", "back_spasm"),
])
def test_a_degree_word_is_no_doubt(assistant: Assistant, text: str, symptom: str) -> None:
    result = assistant.answer(text)
    finding = next(f for f in result.findings if f.symptom.id == symptom)
    assert finding.status is Status.PRESENT and not finding.uncertain, text
    assert not any(m.kind is MessageKind.CONFIRM for m in result.messages), text


def test_a_degree_word_before_a_person_or_a_thing_stays(matcher: Matcher) -> None:
    # Before a person named ("a little old man") or a small word ("a bit of a temp") nothing is dropped.
    assert found(matcher, "He's walking like a little old man, bent over, shuffling.") == {
        "trouble_walking": Status.PRESENT}
    assert found(matcher, "he's got a bit of a temp and his back hurts")["fever"] is Status.PRESENT
    # A doubt is still a doubt.
    got = [m for m in matcher.match("i'm not sure if his lips are blue") if m.symptom == "trouble_breathing"]
    assert got and got[0].uncertain


def test_a_plain_sign_with_a_degree_word_survives_a_reflexive_no(assistant: Assistant) -> None:
    # F5: only a doubted 911 is taken back by a "no"; "a bit blue" is said, not doubted.
    talk = Conversation(assistant)
    talk.hear("his lips are a bit blue")
    assert talk.hear("no").disposition is Level.EMERGENCY


@pytest.mark.parametrize("text", [
    # F3: a toddler's leg pain shown by what the child does.
    "he keeps crying when I touch his legs",
    "she screams when I touch her leg",
    "he keeps crying when I touch his legs and his back",
    "she flinches when I touched her foot",
    "he won't put any weight on his left leg since his back went",
    "she won't stand on her right foot and her back is sore",
    # F12: floppy legs are the legs' weakness, not a drowsy child.
    "his legs are floppy and weak",
    "her arms are floppy and her back hurts",
])
def test_leg_pain_or_weakness_shown_not_said(assistant: Assistant, text: str) -> None:
    assert assistant.answer(text).disposition is Level.URGENT, text


def test_a_whole_floppy_child_stays_an_emergency(assistant: Assistant) -> None:
    assert assistant.answer("he's floppy and his legs are all floppy").disposition is Level.EMERGENCY


@pytest.mark.parametrize("text", [
    # F7: a fever brought down by medicine is still a fever tonight.
    "her temperature was 39 last night, now it's 37.5 after calpol, back still sore",
    "he had 38.9 this morning, it's 37.2 now with the ibuprofen, and his back hurts",
])
def test_a_fever_brought_down_by_medicine_is_still_a_fever(assistant: Assistant, text: str) -> None:
    result = assistant.answer(text)
    assert result.disposition is Level.URGENT, text
    assert not any(f.status is Status.ABSENT for f in result.findings), text  # never "No fever"


def test_a_normal_reading_after_medicine_denies_nothing(matcher: Matcher) -> None:
    assert "fever" not in found(matcher, "his temp is 37.2 after calpol and his back is sore")
    assert found(matcher, "his temp is 37.2 and his back is sore")["fever"] is Status.ABSENT


@pytest.mark.parametrize("text", [
    # F11: a denial of the whole statement denies even a sign whose own "not" is the sign.
    "it's not that he can't breathe, he just has a stuffy nose, and his back's sore from the trampoline",
    "it's not like she can't walk, her back is just stiff",
])
def test_it_is_not_that_denies_the_statement(assistant: Assistant, text: str) -> None:
    assert assistant.answer(text).disposition is Level.HOME_CARE, text


def test_can_not_breathe_after_a_comma_is_still_said(matcher: Matcher) -> None:
    assert found(matcher, "not that I know, he can't breathe")["trouble_breathing"] is Status.PRESENT


@pytest.mark.parametrize("text", [
    # F13: a correction after a pause ("...") takes back what was said right before it (rule 9).
    "his temperature's 102 and he's hard to wake... no sorry, he's just sleepy because it's nap time",
    "he's got a fever and he's hard to wake. No sorry, he's just sleepy",
])
def test_a_correction_after_a_pause_wins(assistant: Assistant, text: str) -> None:
    assert assistant.answer(text).disposition is Level.URGENT, text


def test_under_the_arm_is_where_the_temperature_was_taken(matcher: Matcher) -> None:
    # F16: no arm symptom read back for the thermometer's place; pain said of the arm keeps it.
    assert "limb_symptoms" not in found(matcher, "thirty eight nine under the arm and a sore back")
    assert found(matcher, "she has pain under her arm and her back hurts")["limb_symptoms"] is Status.PRESENT


@pytest.mark.parametrize("text", [
    # F17: a span said right after another sign, as serious, is that sign's.
    "he hasn't done a poo in four days and his back's sore",
    "she's suddenly pooing herself and she's been out of nappies for a year, and her back hurts",
])
def test_a_span_of_another_sign_is_not_long_back_pain(matcher: Matcher, text: str) -> None:
    assert "long_lasting_pain" not in found(matcher, text), text


def test_a_span_of_the_back_still_counts(matcher: Matcher) -> None:
    assert found(matcher, "she has a fever and her back has hurt for five days")["long_lasting_pain"] is Status.PRESENT
    assert found(matcher, "his back has been sore for four days")["long_lasting_pain"] is Status.PRESENT


def test_a_what_if_alone_is_answered_without_back_care(assistant: Assistant) -> None:
    # F26: home care is for a child whose back was mentioned; a what-if alone is explained.
    for text in ("what if he stops breathing?", "What if he gets a fever?"):
        result = assistant.answer(text)
        assert result.disposition is Level.UNCLEAR, text
        kinds = {m.kind for m in result.messages}
        assert MessageKind.HYPOTHETICAL in kinds and MessageKind.HOME_CARE not in kinds, text
        assert MessageKind.UNCLEAR not in kinds, text  # it was heard (rule 14)
    assert assistant.answer("What if she gets a fever? Right now it's just her back that's tight.").disposition \
        is Level.HOME_CARE


def test_an_adults_own_signs_are_not_missed(assistant: Assistant) -> None:
    # F28: heard, and not the child's: say only the child's signs count, never "Sorry, I missed that".
    result = assistant.answer("I've got terrible back pain myself and a fever, what should I take?")
    assert result.disposition is Level.UNCLEAR
    kinds = [m.kind for m in result.messages]
    assert MessageKind.OTHER in kinds and MessageKind.UNCLEAR not in kinds


def test_the_caregivers_alarm_is_not_named_as_a_sign(assistant: Assistant) -> None:
    # F29: "Fainting or passing out.", not "What you said is an emergency and fainting".
    result = assistant.answer("my wife is calling 911, he collapsed on the floor")
    assert result.disposition is Level.EMERGENCY
    reason = [m.text for m in result.messages if m.kind is MessageKind.EMERGENCY][1]
    caregiver = assistant.intents.symptom("caregiver_emergency").name
    assert caregiver.lower() not in reason.lower() and "fainting" in reason.lower()
    # Said alone, the alarm is still the reason.
    alone = assistant.answer("my wife is calling 911")
    assert alone.disposition is Level.EMERGENCY


def test_a_care_question_said_with_a_sign_is_answered(assistant: Assistant) -> None:
    # F23: "can I ice her back?" is a care question, with or without a sign beside it.
    for text, level in (("can I ice her back?", Level.HOME_CARE),
                        ("can I ice her back? she's got a temp of 39", Level.URGENT)):
        result = assistant.answer(text)
        assert result.disposition is level, text
        assert any(m.kind is MessageKind.CARE_ANSWER for m in result.messages), text


def test_a_signs_own_not_said_as_a_statement_denies_no_wider_mention(matcher: Matcher) -> None:
    # "not breathing right, he's gasping": the loose "breathing ... gasping" starts at the sign's own "not"
    # (found when "kind of" was no longer a hedge in front of "gasping"); one statement still denies.
    assert found(matcher, "He's not breathing right, he's gasping.")["trouble_breathing"] is Status.PRESENT
    assert found(matcher, "He's not breathing right, he's kind of gasping.")["trouble_breathing"] is Status.PRESENT
    assert found(matcher, "no he's not breathing hard")["trouble_breathing"] is Status.ABSENT


def test_a_signs_own_not_ends_at_a_new_subject(matcher: Matcher) -> None:
    # "hasn't peed all day and he's crying": the loose "peed ... crying" reaches over a new subject, so
    # the sign's own "not" (fewer wet diapers) is the mention, not a denial of the wider one.
    assert found(matcher, "he hasn't peed all day and he's crying")["bladder_bowel_problems"] is Status.PRESENT
    assert found(matcher, "she's not walking right and she is limping")["trouble_walking"] is Status.PRESENT
    # The same over a comma (already so before this class was fixed; kept as its neighbours).
    assert found(matcher, "she can't walk right, she's hobbling")["trouble_walking"] is Status.PRESENT
    assert found(matcher, "he hasn't done a poo for days, and she is straining and crying on the potty")[
        "bladder_bowel_problems"] is Status.PRESENT
