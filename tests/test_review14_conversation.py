"""Outside review 14's conversation findings: "goodbye" before the advice (F3), a 911 from a sign the caregiver
corrects (F4), asking for a moment (F5), urgent with "not checked yet" (F7), the follow-up advice after the call-911
question was skipped (F8), and the home-care ending's "more" (F12). Typed turns through the real ``Conversation``;
every turn within rule 13's ceiling as ``test_turn_ceiling`` measures it."""

from __future__ import annotations

import pytest

from tests.test_turn_ceiling import problems
from voicecare.conversation.dialog import Conversation, State, Turn
from voicecare.domain import Level, MessageKind
from voicecare.understanding.assistant import Assistant

STIFF = "her back is stiff after the playground"
"""A home-care description: the interview asks the call-911 question first, then the rest."""
GREY = "it was raining and the sky turned grey, and her back is sore from the walk"
"""Words about the sky that read as a call-911 sign (trouble breathing), said plainly."""


def said(turn: Turn) -> list[str]:
    return [m.text for m in turn.said_aloud]


def talk(assistant: Assistant, *lines: str) -> tuple[Conversation, list[Turn]]:
    conversation = Conversation(assistant)
    conversation.greet()
    turns = [conversation.hear(line) for line in lines]
    for turn in turns:
        assert not problems(turn, assistant.intents), (turn.text, said(turn))
    return conversation, turns


@pytest.mark.parametrize("answer", ["yes", "not sure"])
def test_goodbye_after_a_fever_says_call_the_doctor_and_why(assistant: Assistant, answer: str) -> None:
    messages = assistant.intents.messages
    _, turns = talk(assistant, STIFF, "no", "no", answer, "goodbye")
    last = said(turns[-1])
    assert messages["urgent"] in last
    assert last[-1] in (messages["conversation.goodbye_listed"], messages["conversation.goodbye_short"])
    counted = [m.text for m in turns[-1].said_aloud if m.kind is MessageKind.READBACK]
    assert counted and "fever" in counted[0]


def test_goodbye_after_getting_worse_says_see_the_doctor(assistant: Assistant) -> None:
    _, turns = talk(assistant, "his back has been hurting for four days and it's getting worse", "no", "goodbye")
    last = " ".join(said(turns[-1]))
    assert "check this soon" in last and "getting worse" in last


def test_goodbye_before_any_red_flag_says_home_care_so_far_and_the_911_signs(assistant: Assistant) -> None:
    # Outside review 15 F17 (rule 11): only "Take care" was said; the home care standing and the call-911 signs now.
    messages = assistant.intents.messages
    _, turns = talk(assistant, STIFF, "goodbye")
    last = said(turns[-1])
    assert messages["conversation.home_so_far"] in last
    assert assistant.intents.topics[0].messages["emergency_signs_short"] in last


def test_goodbye_during_a_911_says_call_911(assistant: Assistant) -> None:
    # Outside review 18 F4: a goodbye during a 911 nobody said was called is asked about first ("Do you want to
    # stop? Say goodbye again."), the 911 said before it; the second goodbye ends it, the 911 first again.
    _, turns = talk(assistant, "she can't breathe and her back hurts", "goodbye", "goodbye")
    assert said(turns[-2])[0] == assistant.intents.messages["emergency"] and turns[-2].state is State.EMERGENCY
    assert said(turns[-1])[0] == assistant.intents.messages["emergency"]
    assert turns[-1].state is State.DONE


@pytest.mark.parametrize("correction", ["no, I meant the sky, she is breathing fine", "she is not grey",
                                        "she is breathing fine"])
def test_a_clear_correction_takes_back_the_911(assistant: Assistant, correction: str) -> None:
    conversation, turns = talk(assistant, GREY, correction)
    assert turns[0].disposition is Level.EMERGENCY
    assert conversation.result().disposition is not Level.EMERGENCY
    assert assistant.intents.spoken is not None
    assert assistant.intents.spoken.taken_back in said(turns[-1])


@pytest.mark.parametrize("vague", ["no", "that's wrong", "I did not say that"])
def test_a_vague_no_keeps_the_911_and_says_how_to_correct_it(assistant: Assistant, vague: str) -> None:
    conversation, turns = talk(assistant, GREY, vague)
    assert turns[-1].disposition is Level.EMERGENCY
    assert said(turns[-1])[0] == assistant.intents.messages["emergency"]
    assert assistant.intents.messages["conversation.correct_how"] in said(turns[-1])
    assert conversation.hear("start over").state is State.LISTENING


@pytest.mark.parametrize("still", ["she is not breathing", "no, her lips are grey"])
def test_the_sign_said_again_is_no_correction(assistant: Assistant, still: str) -> None:
    conversation, _ = talk(assistant, GREY, still)
    assert conversation.result().disposition is Level.EMERGENCY


def test_a_plainly_said_sign_denied_in_words_is_taken_back_but_others_stay(assistant: Assistant) -> None:
    conversation, _ = talk(assistant, "she fainted and she is breathing really fast, her back hurts",
                           "she did not faint")
    assert conversation.result().disposition is Level.EMERGENCY
    present = {f.symptom.id for f in conversation.found if f.status.value == "present"}
    assert "trouble_breathing" in present and "fainting" not in present


@pytest.mark.parametrize("pause", ["let me check on her", "wait a sec", "one moment", "let me think"])
def test_asking_for_a_moment_is_a_pause(assistant: Assistant, pause: str) -> None:
    conversation, turns = talk(assistant, STIFF, pause)
    assert turns[-1].command == "stop" and not turns[-1].said_aloud
    assert conversation.state is State.INTERVIEW and conversation.result().disposition is Level.HOME_CARE


def test_let_me_think_then_no_is_a_no(assistant: Assistant) -> None:
    conversation, turns = talk(assistant, STIFF, "Let me think... No.")
    assert turns[-1].disposition is not Level.EMERGENCY
    assert conversation.state is State.INTERVIEW and len(conversation.asked) == 2


def test_urgent_and_not_checked_gives_one_instruction(assistant: Assistant) -> None:
    messages = assistant.intents.messages
    office = "opening hours"
    result = assistant.triage(assistant.understand(
        "she's got a fever and her back hurts, and no doctor has looked at her yet"))
    assert result.disposition is Level.URGENT
    assert not any(office in m.text for m in result.messages)
    _, turns = talk(assistant, STIFF, "no", "no", "yes", "she hasn't been seen by a doctor yet")
    assert messages["urgent"] in said(turns[-1])
    assert not any(office in t for t in said(turns[-1]))


def test_follow_up_after_skipping_the_911_question_does_not_say_it_is_no_emergency(assistant: Assistant) -> None:
    whole = assistant.intents.messages["follow_up"]
    _, turns = talk(assistant, "his back has been sore for five days", "skip", "skip")
    assert turns[-1].state is State.ANYTHING_ELSE
    assert whole not in [m.text for m in turns[-1].messages]
    assert assistant.intents.messages["conversation.follow_up_unasked"] in said(turns[-1])


def test_follow_up_with_every_911_sign_denied_still_says_it_is_no_emergency(assistant: Assistant) -> None:
    conversation, _ = talk(assistant, "his back has been sore for five days", *["no"] * 7)
    assert assistant.intents.messages["follow_up"] in [m.text for m in conversation.answer]


def test_home_care_more_gives_the_steps_first(assistant: Assistant) -> None:
    intents = assistant.intents
    assert intents.spoken is not None
    conversation, turns = talk(assistant, STIFF, *["no"] * 5)
    ending = turns[-1]
    assert ending.state is State.ANYTHING_ELSE and ending.disposition is Level.HOME_CARE
    assert intents.spoken.offers["home_care"] in said(ending)
    first = conversation.hear("more")
    assert [m.kind for m in first.said_aloud][:2] == [MessageKind.HOME_CARE, MessageKind.HOME_CARE]
    assert intents.topics[0].messages["unchecked"] in said(first)
    assert not problems(first, intents)
