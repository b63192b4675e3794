"""Whole conversations held by an outside reviewer (issue #9, review 6): a care question while a red-flag
question waits, a 911 taken back, "repeat", requests during the interview, and the interview's last turn."""

from __future__ import annotations

from voicecare.conversation import spoken
from voicecare.conversation.dialog import Conversation, State
from voicecare.domain import Level, Message, MessageKind
from voicecare.speech_out.tts import DEFAULT_RATE_WPM
from voicecare.understanding.assistant import Assistant


def said(messages: tuple[Message, ...]) -> str:
    return " ".join(m.text for m in messages)


# ---- "repeat" repeats what waits: the question, never the disclaimer again (rule 8)


def test_what_was_the_question_asks_the_question_again_without_the_opening(assistant: Assistant) -> None:
    talk = Conversation(assistant)
    talk.hear("hold on - Mike, can you grab the Calpol? - sorry, my son's back is really stiff after the park")
    question = talk.asked[-1]
    turn = talk.hear("Mike not now! sorry, what was the question?")
    assert turn.command == "repeat" and talk.state is State.INTERVIEW
    assert [m.text for m in turn.said_aloud] == [question.ask]
    assert assistant.intents.messages["disclaimer"] not in said(turn.messages)


def test_repeat_after_being_asked_again_repeats_the_question_not_the_note(assistant: Assistant) -> None:
    talk = Conversation(assistant)
    talk.hear("my boy's back hurts, he's two")
    again = talk.hear("no but hes a bit sleepier than usual")
    note = assistant.intents.messages["conversation.which_sign"]
    assert note in said(again.said_aloud)  # the note was said, once
    turn = talk.hear("what? what did you say? repeat")
    assert turn.command == "repeat"
    assert note not in said(turn.said_aloud) and [m.text for m in turn.said_aloud] == [talk.asked[-1].ask]
