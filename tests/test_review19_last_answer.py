"""Outside review 19 F2: a correction of the last answer naming no sign ("sorry, I meant yes") is of the question
answered last, in every state (rule 9: the later statement wins), and the new action is said (rule 3).

Before: after the advice it was "Sorry, I missed that" and the urgent answer was never corrected; mid-interview it
was a yes to the question just asked, and the limbs question it was meant for stayed "no"."""

from __future__ import annotations

import sys

import pytest

from children import run_child
from voicecare.conversation.dialog import Conversation, State
from voicecare.domain import Level, Status
from voicecare.understanding.assistant import Assistant

CHAT_TIMEOUT = 120
DOCTOR_NOW = "Call your child's doctor right away."
TO_THE_LIMBS = ["my son has a back spasm", "no", "no", "no", "no"]
"""Every question "no" up to and including the limbs question; the cramps question waits."""
TO_THE_ADVICE = [*TO_THE_LIMBS, "no"]
"""Every question "no": the home-care advice and "Anything else?"."""


@pytest.fixture(scope="module")
def assistant() -> Assistant:
    return Assistant.load()


def _talk(assistant: Assistant, lines: list[str]) -> Conversation:
    talk = Conversation(assistant)
    for line in lines:
        talk.hear(line)
    return talk


def _status(talk: Conversation, symptom: str) -> Status | None:
    return next((f.status for f in talk.found if f.symptom.id == symptom), None)


@pytest.mark.parametrize("said", ["sorry, I meant yes", "wait, that was a yes", "I meant yes", "actually yes",
                                  "I mean yes"])
def test_a_yes_after_the_advice_corrects_the_last_answer_and_says_the_new_action(assistant: Assistant,
                                                                                said: str) -> None:
    talk = _talk(assistant, TO_THE_ADVICE)
    assert talk.state is State.ANYTHING_ELSE and talk.result().disposition is Level.HOME_CARE
    turn = talk.hear(said)
    spoken = [m.text for m in turn.said_aloud]
    assert turn.disposition is Level.URGENT and DOCTOR_NOW in spoken, spoken
    assert _status(talk, "severe_cramping") is Status.PRESENT
    assert "Sorry, I missed that. Please tell me again." not in spoken


def test_a_yes_mid_interview_corrects_the_question_answered_not_the_one_asked(assistant: Assistant) -> None:
    talk = _talk(assistant, TO_THE_LIMBS)
    assert talk.state is State.INTERVIEW and talk.asked[-1].id == "cramps_night_weight"
    turn = talk.hear("sorry, I meant yes")
    spoken = [m.text for m in turn.said_aloud]
    assert _status(talk, "limb_symptoms") is Status.PRESENT, talk.found
    assert _status(talk, "severe_cramping") is not Status.PRESENT, talk.found
    # The new action first (rule 3), then the cramps question, still not answered, asked again.
    assert DOCTOR_NOW in spoken and spoken[-1] == talk.asked[-1].ask and talk.asked[-1].id == "cramps_night_weight"
    assert spoken.index(DOCTOR_NOW) < len(spoken) - 1


def test_a_no_mid_interview_corrects_the_question_answered(assistant: Assistant) -> None:
    talk = _talk(assistant, ["my son has a back spasm", "no", "no", "no", "yes"])
    turn = talk.hear("sorry, I meant no")
    assert _status(talk, "limb_symptoms") is Status.ABSENT, talk.found
    assert [m.text for m in turn.said_aloud][-1] == talk.asked[-1].ask == turn.messages[-1].text
    assert _status(talk, "severe_cramping") is None  # the question waiting is still to be answered


def test_a_no_never_takes_back_a_911_resting_on_a_yes(assistant: Assistant) -> None:
    talk = _talk(assistant, ["my son has a back spasm", "yes"])
    assert talk.result().disposition is Level.EMERGENCY
    talk.hear("sorry, I meant no")
    assert talk.result().disposition is Level.EMERGENCY


def test_i_mean_no_to_the_question_asked_is_still_its_no(assistant: Assistant) -> None:
    # README: "I mean no" is a no (to the question waiting); it restates this answer, corrects no earlier one.
    talk = _talk(assistant, TO_THE_LIMBS[:-1])
    waiting = talk.asked[-1]
    talk.hear("I mean no")
    assert all(_status(talk, s) is Status.ABSENT for s in waiting.symptoms), talk.found


def test_a_yes_after_the_wrap_up_in_the_typed_chat_corrects_the_last_answer() -> None:
    lines = [*TO_THE_ADVICE, "no", "sorry, I meant yes"]
    out = run_child([sys.executable, "-m", "voicecare", "chat"], input="\n".join(lines) + "\n",
                    capture_output=True, text=True, timeout=CHAT_TIMEOUT, check=True)
    after = out.stdout.split("you> sorry, I meant yes", 1)[1]
    assert DOCTOR_NOW in after and "Sorry, I missed that" not in after, out.stdout
    assert "You said yes when I asked about severe cramping" in after, after


def test_sorry_yes_after_the_advice_is_still_something_else_to_tell(assistant: Assistant) -> None:
    talk = _talk(assistant, TO_THE_ADVICE)
    talk.hear("sorry, yes")
    assert talk.result().disposition is Level.HOME_CARE and _status(talk, "severe_cramping") is Status.ABSENT
