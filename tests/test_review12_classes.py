"""Classes from outside review 12 (2026-11-26): F1, F2, F3, F18, F19, F22.

A vital function judged in plain words ("her breathing is really bad", "his pulse is terrible", "breathing is
weak") is its sign; its look-alikes (a smell, a back, a fine or better breathing) are not. Feeling wrong is the
limbs' sign in every tense. A bare denial says nothing about the topic. A child said to be very ill is the
policy's serious illness outside the topic. A dragged leg is the leg's weakness. An emergency said as the answer
to any question of the interview, or after "anything else?", is "Call 911 now" first.
"""

from __future__ import annotations

import pytest

from voicecare.conversation.dialog import Conversation, State
from voicecare.domain import Level, Status
from voicecare.understanding.assistant import Assistant

MIN_QUESTIONS = 5
"""The interview asks at least this many questions after a back pain description with every answer "no"."""


@pytest.mark.parametrize(("text", "sign"), [
    # F1: a function with a plain judgement word (rule 4: a plausible emergency is one).
    ("her breathing is really bad", "trouble_breathing"),
    ("she's breathing poorly", "trouble_breathing"),
    ("his breathing sounds terrible", "trouble_breathing"),
    ("breathing bad", "trouble_breathing"),
    ("her breathing sounds dodgy", "trouble_breathing"),
    ("his breathing has been rough all night", "trouble_breathing"),
    ("his breathing is weak", "trouble_breathing"),
    ("he is breathing weakly", "trouble_breathing"),
    ("his heartbeat is bad", "abnormal_heart_rate"),
    ("her heart sounds awful", "abnormal_heart_rate"),
    ("her pulse is terrible", "abnormal_heart_rate"),
    ("his heart rate is really bad", "abnormal_heart_rate"),
    ("his breathing is really poor", "trouble_breathing"),
    ("her breathing has got really bad", "trouble_breathing"),
    ("her heartbeat is not right", "abnormal_heart_rate"),
])
def test_a_vital_function_judged_bad_is_its_emergency(assistant: Assistant, text: str, sign: str) -> None:
    result = assistant.answer(text)
    assert result.disposition is Level.EMERGENCY, text
    assert {f.symptom.id for f in result.findings if f.status is Status.PRESENT} == {sign}, text


@pytest.mark.parametrize("text", [
    # Look-alikes: a smell, a back, breathing said to be fine, a judgement denied, what-ifs, past and over.
    "his breathing is fine", "his breathing is better now", "her breathing is normal again",
    "her breathing isn't bad", "his breathing is not too bad",
    "he has bad breath", "his breath smells bad", "his breath is really bad",
    "he has a bad back", "he has a weak back", "his back is really bad",
    "he has a bad chest", "what if his breathing gets bad", "her breathing was bad last night but it's fine now",
    "she's poorly and her breathing is fine", "poor thing, her breathing is fine",
    "it hurts badly when he breathes in", "bad cough but breathing fine", "he's breathing ok and has a bad back",
])
def test_a_judgement_not_said_of_a_vital_function_raises_no_911(assistant: Assistant, text: str) -> None:
    assert assistant.answer(text).disposition is not Level.EMERGENCY, text


@pytest.mark.parametrize("text", [
    # F3: feeling wrong in any tense is the limbs' sign ("feel funny" was, "felt funny" was nothing).
    "his legs felt funny", "her legs felt weird", "he did say his legs felt funny this morning",
    "his legs feel funny", "her feet have been feeling strange", "his arm feels odd",
    # F22: a dragged leg or foot is that limb's weakness ("when in doubt, the higher level").
    "he's dragging one leg", "she drags her left leg when she walks", "he dragged his foot all the way home",
])
def test_limbs_felt_wrong_or_dragged_are_urgent(assistant: Assistant, text: str) -> None:
    result = assistant.answer(text)
    assert result.disposition is Level.URGENT, text
    assert any(f.symptom.id == "limb_symptoms" and f.status is Status.PRESENT for f in result.findings), text


@pytest.mark.parametrize(("text", "level"), [
    # F19: said very ill, whatever the illness: the policy's serious-sounding illness outside the topic (urgent).
    ("he's very ill", Level.URGENT),
    ("she's really sick, she looks terrible", Level.URGENT),
    ("she's really unwell, I'm scared", Level.URGENT),
    # A bare "sick", someone else, "sick of", a denial: not the child's serious illness.
    ("his sister is very ill", Level.UNCLEAR),
    ("he's sick of lying down", Level.UNCLEAR),
    ("he's really sick of lying down", Level.UNCLEAR),
    ("she's so sick and tired of the car seat", Level.UNCLEAR),
    ("he gets really car sick", Level.UNCLEAR),
    ("he's not very ill, just a sore back", Level.HOME_CARE),
])
def test_a_child_said_to_be_very_ill_is_told_to_call_the_doctor(assistant: Assistant, text: str, level: Level) -> None:
    assert assistant.answer(text).disposition is level, text


@pytest.mark.parametrize("text", ["no fever", "no fever or chills", "um, no fever and no trouble breathing",
                                  "he doesn't have a fever"])
def test_a_bare_denial_is_not_home_care_for_a_back_never_mentioned(assistant: Assistant, text: str) -> None:
    # F18: policy: unclear when nothing about the topic was understood; the denial is read back (rule 14).
    result = assistant.answer(text)
    assert result.disposition is Level.UNCLEAR, text
    assert result.messages[0].text.startswith("No "), [m.text for m in result.messages]


@pytest.mark.parametrize("text", [
    "no fever, she's just sore from climbing all over everything",
    "no fever, her back is sore",
    "no fever, can I use ice?",
])
def test_a_denial_said_with_more_keeps_home_care(assistant: Assistant, text: str) -> None:
    assert assistant.answer(text).disposition is Level.HOME_CARE, text


def interview_up_to(assistant: Assistant, noes: int) -> Conversation:
    """A back pain description, then "no" to the first ``noes`` questions."""
    talk = Conversation(assistant)
    talk.hear("her back hurts")
    for _ in range(noes):
        talk.hear("no")
    return talk


@pytest.mark.parametrize("said", ["her breathing is really bad", "his heartbeat is bad", "his breathing is weak",
                                  "she's not breathing properly"])
def test_an_emergency_said_as_the_answer_to_any_question_is_911_first(assistant: Assistant, said: str) -> None:
    # F2: said to the fever question after a "no" to breathing, it was lost (a guess never replaced the "no").
    noes = 0
    while (talk := interview_up_to(assistant, noes)).state is State.INTERVIEW:
        question = talk.asked[-1].id
        spoken = [m.text for m in talk.hear(said).said_aloud]
        assert spoken[0] == "Call 911 now.", (question, said, spoken)
        noes += 1
    assert noes >= MIN_QUESTIONS and talk.state is State.ANYTHING_ELSE, (noes, talk.state)
    # After "anything else?" (it was "Sorry, I missed that").
    spoken = [m.text for m in talk.hear(said).said_aloud]
    assert spoken[0] == "Call 911 now.", (said, spoken)
