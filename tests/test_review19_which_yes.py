"""An "actually yes" mid-interview after a "no" to the question before: which answer it is, is asked (review 19 F2's
rest: convo23 made "sorry, I meant yes" correct the last answer and left "actually yes" mid-interview a yes to the
question waiting, so a caregiver correcting the "no" just given lost that yes).

Before: "actually yes" at the limbs question was a yes to the limbs, and the fever stayed "no"."""

from __future__ import annotations

import subprocess
import sys

import pytest

from tests.test_turn_ceiling import problems
from voicecare.conversation.dialog import Conversation, State
from voicecare.domain import Level, Status
from voicecare.understanding.assistant import Assistant

TO_THE_LIMBS = ["my son has a back spasm", "no", "no", "no"]
"""The 911 questions and the fever question "no"; the limbs question waits."""
WHICH = "Did you mean yes to fever or chills?"
CHAT_TIMEOUT = 120


@pytest.fixture(scope="module")
def assistant() -> Assistant:
    return Assistant.load()


def _at_the_limbs(assistant: Assistant) -> Conversation:
    talk = Conversation(assistant)
    for line in TO_THE_LIMBS:
        talk.hear(line)
    assert talk.state is State.INTERVIEW and talk.asked[-1].id == "limbs"
    return talk


def _status(talk: Conversation, symptom: str) -> Status | None:
    return next((f.status for f in talk.found if f.symptom.id == symptom), None)


@pytest.mark.parametrize("said", ["actually yes", "wait, yes", "I mean yes", "actually, yeah"])
def test_an_ambiguous_yes_mid_interview_asks_which_and_counts_nothing_yet(assistant: Assistant, said: str) -> None:
    talk = _at_the_limbs(assistant)
    found = list(talk.found)
    turn = talk.hear(said)
    assert [m.text for m in turn.said_aloud] == [WHICH]
    assert talk.found == found and talk.state is State.INTERVIEW and not problems(turn, assistant.intents)


def test_yes_to_which_corrects_the_answer_before_and_asks_the_question_waiting_again(assistant: Assistant) -> None:
    talk = _at_the_limbs(assistant)
    talk.hear("actually yes")
    turn = talk.hear("yes")
    spoken = [m.text for m in turn.said_aloud]
    assert _status(talk, "fever") is Status.PRESENT and _status(talk, "limb_symptoms") is None, talk.found
    assert "Call your child's doctor right away." in spoken and spoken[-1] == talk.asked[-1].ask, spoken
    assert talk.asked[-1].id == "limbs"


def test_no_to_which_makes_it_a_yes_to_the_question_waiting(assistant: Assistant) -> None:
    talk = _at_the_limbs(assistant)
    talk.hear("actually yes")
    talk.hear("no")
    assert _status(talk, "limb_symptoms") is Status.PRESENT and _status(talk, "fever") is Status.ABSENT, talk.found
    assert talk.result().disposition is Level.URGENT


def test_an_unclear_reply_to_which_counts_as_yes_to_the_answer_before_said_as_unclear(assistant: Assistant) -> None:
    talk = _at_the_limbs(assistant)
    talk.hear("actually yes")
    turn = talk.hear("blah")
    spoken = " ".join(m.text for m in turn.said_aloud)
    assert _status(talk, "fever") is Status.PRESENT and "Unclear" in spoken, spoken  # rules 4 and 14
    assert talk.asked[-1].id == "limbs"


def test_a_sign_of_the_question_waiting_named_is_its_answer(assistant: Assistant) -> None:
    talk = _at_the_limbs(assistant)
    talk.hear("actually yes")
    talk.hear("her arms are tingling")
    assert _status(talk, "limb_symptoms") is Status.PRESENT and _status(talk, "fever") is Status.ABSENT, talk.found


def test_sorry_i_meant_yes_still_corrects_at_once_and_a_911_question_waiting_takes_the_yes(
        assistant: Assistant) -> None:
    talk = _at_the_limbs(assistant)
    talk.hear("sorry, I meant yes")  # convo23's: the last answer, no question
    assert _status(talk, "fever") is Status.PRESENT
    talk = Conversation(assistant)
    talk.hear("my son has a back spasm")
    talk.hear("no")
    turn = talk.hear("actually yes")  # the heart and bladder question waits: a yes is a 911 now (rule 3)
    assert turn.disposition is Level.EMERGENCY and turn.said_aloud[0].text == "Call 911 now."


def test_in_the_chat_actually_yes_is_asked_about(assistant: Assistant) -> None:
    typed = "\n".join([*TO_THE_LIMBS, "actually yes", "yes"]) + "\n"
    out = subprocess.run([sys.executable, "-m", "voicecare", "chat"], input=typed, capture_output=True, text=True,
                         timeout=CHAT_TIMEOUT, check=True)
    assert WHICH in out.stdout and "Call your child's doctor right away." in out.stdout.split(WHICH)[1], out.stdout


@pytest.mark.parametrize("said", ["actually yes", "wait, yes"])
def test_an_ambiguous_yes_after_a_no_to_a_911_question_is_a_911_at_once(assistant: Assistant, said: str) -> None:
    # "No" to the heart/bladder question, then "actually yes" at the fever question: the yes may be the 911 one;
    # asking "which?" first held a possible 911 back by a turn (rules 3 and 4: the lead's decision on convo24's).
    talk = Conversation(assistant)
    for line in ["my son has a back spasm", "no", "no"]:
        talk.hear(line)
    assert talk.asked[-1].id == "fever_chills", talk.asked
    turn = talk.hear(said)
    assert turn.disposition is Level.EMERGENCY and turn.said_aloud[0].text == "Call 911 now.", turn.said_aloud
