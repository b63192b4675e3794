"""Outside review 22's text findings (review22a): my own variants of each class and their near misses, not the
reviewer's lines.

F2: too weak for what a child does with a named limb is the limb's weakness (urgent). F3: a near faint said after a
denial ("she hasn't fainted but she almost did") is the near faint. F4: plain words of getting thin are weight loss.
F5: a temperature said digit by digit keeps its decimals; a lost number after "and" is read at its least. F8: a
sign taken back with "well no" / "oh no wait", and a sign in a past episode ("when he had croup last month"), do not
raise the level. F7: not breathing through a blocked nose is no trouble breathing. F6: asking what a sign or a
question means is a question, not the sign said, nor an unclear answer.
"""

from __future__ import annotations

import pytest

from voicecare.conversation.dialog import Conversation
from voicecare.domain import Level, MessageKind, Status
from voicecare.understanding.assistant import Assistant


@pytest.fixture(scope="module")
def assistant() -> Assistant:
    return Assistant.load()


def _level(assistant: Assistant, text: str) -> Level:
    return assistant.answer(text).disposition


def _status(assistant: Assistant, text: str, symptom: str) -> Status | None:
    return next((f.status for f in assistant.answer(text).findings if f.symptom.id == symptom), None)


# ---- F2: too weak for a limb's deed, the limb named
@pytest.mark.parametrize("text", [
    "she's too weak to stand up on her legs",
    "he is too weak to get up on his feet this morning, and his back hurts",
    "he's too weak to hold his cup in his hands",
    "she's so weak she can't stand on her legs",
    "he's too weak to walk on his legs since the spasm",
])
def test_too_weak_for_a_limbs_deed_is_the_limbs_weakness(assistant: Assistant, text: str) -> None:
    assert _status(assistant, text, "limb_symptoms") is Status.PRESENT
    assert _level(assistant, text) is Level.URGENT


@pytest.mark.parametrize("text", [
    "he's too weak to get on with his dinner, his legs are fine",
    "she's too weak to stand up",
])
def test_weakness_with_no_limb_in_it_stays_follow_up(assistant: Assistant, text: str) -> None:
    assert _level(assistant, text) is Level.FOLLOW_UP


def test_too_weak_on_his_legs_of_a_brother_or_past_is_no_finding(assistant: Assistant) -> None:
    assert _level(assistant, "his brother is too weak to stand on his legs, and his back is sore") is Level.HOME_CARE
    assert _level(assistant, "she was too weak to stand up on her legs last month when she had the flu, "
                             "now her back is sore") is Level.HOME_CARE


# ---- F3: a near faint after a denial
@pytest.mark.parametrize("text", [
    "he hasn't fainted but he nearly did, his back is sore",
    "she didn't pass out, but she almost did",
    "he has not fainted but he very nearly did",
])
def test_a_near_faint_after_a_denial_is_the_near_faint(assistant: Assistant, text: str) -> None:
    result = assistant.answer(text)
    assert result.disposition is Level.EMERGENCY
    assert not any(m.kind is MessageKind.READBACK and "No fainting" in m.text for m in result.messages)


@pytest.mark.parametrize("text", [
    "she has not fainted and her back hurts",
    "no she hasn't fainted, she's just tired, her back is sore",
])
def test_a_plain_denial_of_fainting_stays_a_denial(assistant: Assistant, text: str) -> None:
    assert _level(assistant, text) is Level.HOME_CARE


def test_a_sign_denied_then_said_again_now_still_counts(assistant: Assistant) -> None:
    assert _level(assistant, "she didn't have a fever this morning but now she does") is Level.URGENT


# ---- F4: plain words of getting thin
@pytest.mark.parametrize("text", [
    "she's gotten really skinny",
    "he has become so thin, his back hurts",
    "she's got so skinny lately",
    "he's slimmed right down",
    "she's lost her chubby cheeks",
])
def test_plain_words_of_getting_thin_are_weight_loss(assistant: Assistant, text: str) -> None:
    assert _status(assistant, text, "weight_loss") is Status.PRESENT
    assert _level(assistant, text) is Level.URGENT


@pytest.mark.parametrize("text", [
    "he's got skinny legs, his back hurts",
    "she was always skinny, her back is sore",
    "her brother has gotten skinny, her back is sore",
    "what if he gets skinny? his back hurts",
])
def test_skinny_as_she_is_made_or_of_someone_else_is_no_weight_loss(assistant: Assistant, text: str) -> None:
    assert _level(assistant, text) is Level.HOME_CARE


# ---- F5: readings said digit by digit or with a number lost
@pytest.mark.parametrize("text", [
    "it's one oh oh point six, back sore",
    "his temperature is one zero zero point nine and his back hurts",
    "her temp was a hundred and point five, back sore",
])
def test_a_fever_reading_in_digits_or_garbled_is_a_fever(assistant: Assistant, text: str) -> None:
    assert _level(assistant, text) is Level.URGENT


@pytest.mark.parametrize("text", [
    "it's one oh oh point two, back sore",
    "her temp was ninety nine and point five, back sore",
])
def test_a_lower_reading_so_said_is_no_fever(assistant: Assistant, text: str) -> None:
    assert _level(assistant, text) is Level.HOME_CARE


def test_a_heart_rate_said_as_hundreds_keeps_its_reading(assistant: Assistant) -> None:
    assert _level(assistant, "her heart rate is one eighty point five") is Level.EMERGENCY


# ---- F8: taken back, or in a past episode
@pytest.mark.parametrize("text", [
    "she passed out, well no, she just sat down fast, her back is sore",
    "he fainted well no he just flopped onto the sofa his back hurts",
    "she's breathing really fast, oh no wait, that was after running, her back is tight",
    "he fainted, wait no, he just lay down, his back hurts",
])
def test_a_sign_taken_back_does_not_count(assistant: Assistant, text: str) -> None:
    assert _level(assistant, text) is Level.HOME_CARE


@pytest.mark.parametrize("text", [
    "her back hurts as well no fever",
    "her legs hurt as well, no fever",
])
def test_as_well_then_a_denial_takes_nothing_back(assistant: Assistant, text: str) -> None:
    result = assistant.answer(text)
    assert {f.symptom.id for f in result.findings if f.status is Status.ABSENT} == {"fever"}


def test_oh_wait_adding_a_sign_takes_nothing_back(assistant: Assistant) -> None:
    assert _level(assistant, "she has trouble breathing, oh wait, she's also got a fever") is Level.EMERGENCY


@pytest.mark.parametrize("text", [
    "she had a fever when she had the flu last month, now her back is stiff",
    "he was really hard to wake when he had that tummy bug last winter, his back hurts now",
    "she was breathing really fast during her chest infection last year, now just a sore back",
])
def test_a_sign_in_a_past_episode_is_past(assistant: Assistant, text: str) -> None:
    assert _level(assistant, text) is Level.HOME_CARE


@pytest.mark.parametrize("text", [
    "she's breathing really fast when she lies down, it started last week",
    "she fainted when she stood up, last week her back started hurting",
])
def test_a_sign_now_with_a_time_after_another_clause_stays(assistant: Assistant, text: str) -> None:
    assert _level(assistant, text) is Level.EMERGENCY


# ---- F7: a blocked nose
@pytest.mark.parametrize("text", [
    "she can't breathe through her nose with this cold, her back is sore",
    "he's all stuffed up and can't breathe through his nose, back stiff",
    "his brother has a blocked nose and can't breathe through it, his back hurts",
])
def test_a_blocked_nose_is_no_trouble_breathing(assistant: Assistant, text: str) -> None:
    assert _level(assistant, text) is Level.HOME_CARE


@pytest.mark.parametrize("text", [
    "he can't breathe through his nose or his mouth",
    "she can't breathe through her nose and her lips are going blue",
    "he can't breathe through his nose, he's gasping",
    "she's breathing through her nose funny, back sore",
    "he can't breathe, his nose is running and his back hurts",
])
def test_a_blocked_nose_with_a_real_sign_stays_911(assistant: Assistant, text: str) -> None:
    assert _level(assistant, text) is Level.EMERGENCY


# ---- F6: what a sign or a question means
@pytest.mark.parametrize("text", [
    "is heavy breathing bad? his back is sore",
    "is a fever dangerous? her back hurts",
    "how would I know if it's trouble breathing? his back is stiff",
    "what do you mean, very sleepy? her back is sore",
])
def test_a_question_about_a_sign_is_no_finding(assistant: Assistant, text: str) -> None:
    assert _level(assistant, text) is Level.HOME_CARE


@pytest.mark.parametrize("text", [
    "she has a fever and is breathing really fast",
    "he has a cough and is hard to wake",
    "what do you mean? she can't breathe",
    "is heavy breathing bad? he's breathing really heavily and his ribs suck in",
])
def test_a_sign_said_beside_such_words_stays(assistant: Assistant, text: str) -> None:
    assert _level(assistant, text) is Level.EMERGENCY


def test_what_do_you_mean_is_no_care_question_with_the_sign_as_its_answer(assistant: Assistant) -> None:
    """ "What do you mean, hard to wake?" was the comfort care question ("what ... do") and "hard to wake" an answer
    said plainly: a 911 read back "I heard: ... very sleepy or hard to wake" (rule 14)."""
    talk = Conversation(assistant)
    talk.hear("my son's back hurts after the trampoline")
    turn = talk.hear("what do you mean, hard to wake?")
    assert not any(m.kind is MessageKind.CARE_ANSWER for m in turn.messages)
    assert not any(m.kind is MessageKind.READBACK and "and very sleepy or hard to wake." in m.text for m in turn.messages)


def test_what_do_i_do_is_still_the_care_question(assistant: Assistant) -> None:
    talk = Conversation(assistant)
    talk.hear("my daughter's back hurts after the trampoline")
    turn = talk.hear("what do I do for her in the meantime?")
    assert any(m.kind is MessageKind.CARE_ANSWER for m in turn.messages)
