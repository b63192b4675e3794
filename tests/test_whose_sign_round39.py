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


@pytest.mark.parametrize(("text", "symptom"), [
    # Their illness, then "and" a sign: still theirs (batch_av).
    ("my wife have the flu and the chills since yesterday the kids are ok", "chills"),
    ("my husband has a cold and a fever", "fever"),
    # A close family friend in Mexican homes, said with her own pronoun.
    ("my comadre she have the chills and is hot since yesterday what she should take", "chills"),
])
def test_another_adults_sign_in_a_list_or_family_word_is_theirs(assistant: Assistant, text: str, symptom: str) -> None:
    assert statuses(assistant, text)[symptom] is Status.OTHER
    assert level(assistant, text) is Level.UNCLEAR


def test_a_pet_named_by_its_kind_is_no_child(assistant: Assistant) -> None:
    assert "back_spasm" not in statuses(assistant, "the collie's got a bad back and keeps limping")
    assert level(assistant, "the collie's got a bad back and keeps limping") is Level.UNCLEAR


def test_a_grandparent_the_child_calls_on_opens_the_childs_words(assistant: Assistant) -> None:
    # "she say abuela my leg hurts": the child's "my", quoted (the caregiver's own leg was read).
    text = "she dont want to stand on the left leg, she say abuela my leg hurts, since the back started"
    assert statuses(assistant, text)["limb_symptoms"] is Status.PRESENT
    assert level(assistant, "she say abuela my leg hurts") is Level.URGENT


def test_the_childs_sign_after_an_adults_illness_and_a_new_subject_stays_the_childs(assistant: Assistant) -> None:
    assert level(assistant, "my wife has the flu and the baby has a fever") is Level.URGENT


def test_a_limb_asleep_that_will_not_wake_is_numbness_not_a_child_who_will_not_wake(assistant: Assistant) -> None:
    # The policy's numbness in the limbs is urgent; "won't wake up" said of the leg is no very drowsy child (a
    # false 911 found by the lead).
    assert level(assistant, "she says her leg went to sleep and won't wake up") is Level.URGENT
    assert level(assistant, "his foot is asleep and won't wake up") is Level.URGENT
    # The child named after the "and", or asleep on a limb, is the child who will not wake.
    for text in ("her leg went to sleep and she won't wake up", "he fell asleep on his arm and won't wake up",
                 "he went to sleep on his arm and won't wake up"):
        assert level(assistant, text) is Level.EMERGENCY, text


def test_the_back_said_unchanged_after_a_relayed_instruction_is_home_care(assistant: Assistant) -> None:
    # Review 15 F14: "call back" is ringing again, and "his back is the same" is the child's back, mentioned.
    text = "the nurse on the phone said call back if he gets worse, his back is the same"
    assert statuses(assistant, text).get("back_spasm") is Status.PRESENT
    assert level(assistant, text) is Level.HOME_CARE


def test_sleep_kept_away_and_a_wee_bit(assistant: Assistant) -> None:
    # batch_av: hours to fall asleep with a hedge between; "a wee bit" is a little, no weeing.
    assert level(assistant, "she's cryin at bedtime cause her back hurts takes her like two hours to fall asleep but"
                            " once she's out she's out") is Level.FOLLOW_UP
    assert level(assistant, "she's greetin a wee bit cos her back's sore but she settled fine wi a cuddle and went"
                            " aff tae sleep nae bother") is Level.HOME_CARE
    assert level(assistant, "she cries when she does a wee and her back hurts") is Level.FOLLOW_UP


@pytest.mark.parametrize(("text", "expected"), [
    # Decided by rules 4 and 10 (the lead's question): "can't" is what is so now, as "doesn't" is ("should I be
    # worried if she doesn't know who I am?"): counted, unsure.
    ("should I be worried if she can't stand?", Level.FOLLOW_UP),
    ("is it bad if he can't walk properly?", Level.FOLLOW_UP),
    # A pure what-if, a condition that opens its clause, or a change to come stays a what-if (rule 9).
    ("what if she can't walk one day?", Level.UNCLEAR),
    ("if he can't walk, should I bring him in?", Level.UNCLEAR),
    ("should I worry if she starts to not be able to walk?", Level.UNCLEAR),
])
def test_a_worry_about_what_the_child_cannot_do_now_counts(assistant: Assistant, text: str, expected: Level) -> None:
    assert level(assistant, text) is expected


@pytest.mark.parametrize(("text", "symptom"), [
    # Outside review 16 F5: someone named, then a pronoun naming them again (speakers who are not fluent).
    ("her cousin he is confused, she only back tight", "confusion"),
    ("my mother she cannot breathe good, the girl back is tight", "trouble_breathing"),
    ("his brother he have fever, him only the back", "fever"),
])
def test_someone_named_then_their_pronoun_keeps_the_sign_theirs(assistant: Assistant, text: str, symptom: str) -> None:
    assert statuses(assistant, text)[symptom] is Status.OTHER
    assert level(assistant, text) is Level.HOME_CARE


def test_a_pronoun_of_another_gender_or_a_report_after_them_may_be_the_child(assistant: Assistant) -> None:
    assert level(assistant, "my sister he has a fever and back pain") is Level.URGENT
    assert level(assistant, "his dad he say she is not breathing") is Level.EMERGENCY


@pytest.mark.parametrize(("text", "expected"), [
    # Outside review 16 F4 (triage): a call made days ago, someone else's word to call that the caregiver answers,
    # and a call made and answered are no caregiver saying it is an emergency now (rule 9).
    ("we called 911 last night, today her back is still a bit sore", Level.HOME_CARE),
    ("my neighbour said call 911 but she only has a sore back", Level.HOME_CARE),
    ("I already called 911 and they said it is just a back spasm, what do I do at home", Level.HOME_CARE),
    # Now, help on its way, or someone's word to call left standing, stays the caregiver's alarm (rule 10).
    ("I called 911 an hour ago", Level.EMERGENCY),
    ("I called 911 ten minutes ago and they are coming", Level.EMERGENCY),
    ("the nurse said call 911", Level.EMERGENCY),
    ("I need to call 911", Level.EMERGENCY),
])
def test_a_call_to_911_made_before_or_answered_is_no_alarm_now(assistant: Assistant, text: str,
                                                               expected: Level) -> None:
    assert level(assistant, text) is expected
