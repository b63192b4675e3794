"""Outside review 16's conversation faults (F7, F11), driven through the real dialog's public interface (text
turns, as ``voicecare chat`` takes them) with the shipped intents; their spoken forms are in test_voice.py."""

from __future__ import annotations

import subprocess
import sys

import pytest

from voicecare.conversation.dialog import Conversation, State, Turn
from voicecare.domain import Level, Status
from voicecare.understanding.assistant import Assistant


def said(turn: Turn) -> str:
    return " ".join(m.text for m in turn.said_aloud)


def after_the_goodbye(assistant: Assistant) -> Conversation:
    """An urgent conversation ended with "anything else?" "no" (outside review 16's long replay)."""
    talk = Conversation(assistant)
    for text in ("my daughter's back is stiff after the playground", "no", "no", "not sure", "no", "no"):
        talk.hear(text)
    assert talk.state is State.ANYTHING_ELSE and talk.result().disposition is Level.URGENT
    talk.hear("no")
    assert talk.state is State.DONE
    return talk


def test_after_the_goodbye_a_request_gives_the_last_advice(assistant: Assistant) -> None:
    # F7: "tell me more", "what should I watch for?" got "I am listening"; the warning signs were never heard.
    from voicecare.conversation import afterwards

    talk = after_the_goodbye(assistant)
    assert afterwards.asks_last_answer(talk, "what should I watch for")
    assert not afterwards.asks_last_answer(talk, "she has a fever")  # a new description starts a new conversation
    afterwards.reopen(talk)
    watch = said(talk.hear("what should I watch for"))
    assert "Call the doctor right away for fever" in watch or "Call 911 if" in watch, watch
    heard = said(talk.hear("what did you hear"))
    assert heard.startswith("I heard: back pain or spasm") and "Sorry" not in heard, heard


@pytest.mark.parametrize("closing", ["No, that's all.", "no"])
def test_no_thats_all_with_nothing_told_is_a_goodbye_not_i_missed_that(assistant: Assistant, closing: str) -> None:
    talk = Conversation(assistant)
    talk.hear("can i used eating can at night")  # not understood: "Sorry, I missed that"
    turn = talk.hear(closing)
    assert "missed" not in said(turn) and "911" in said(turn) and talk.state is State.DONE, said(turn)


def test_typed_chat_answers_a_request_after_the_goodbye() -> None:
    lines = ["my daughter's back is stiff after the playground", "no", "no", "not sure", "no", "no", "no",
             "tell me more", "what should I watch for", "what did you hear", "no", "she is fine, bye"]
    out = subprocess.run([sys.executable, "-m", "voicecare", "chat"], input="\n".join(lines) + "\n",
                         capture_output=True, text=True, timeout=120, check=True)
    after = out.stdout.split("you> tell me more", 1)[1]
    assert "I am listening" not in after and "Sorry, I missed that" not in after, after
    assert "Warning signs to watch for:" in after and "You were not sure about fever or chills" in after, after
    assert "you> she is fine, bye" not in out.stdout  # anything else after the goodbye still ends the chat


@pytest.mark.parametrize(("answer", "fever"), [("yes, no, I mean no", Status.ABSENT),
                                               ("no, yes, I mean yes", Status.PRESENT),
                                               ("yes, no, sorry I meant no", Status.ABSENT)])
def test_a_correction_inside_the_first_answer_is_the_answer(assistant: Assistant, answer: str,
                                                           fever: Status) -> None:
    # F11: "nothing was changed" was said to a first answer; the later statement wins (rule 9).
    talk = Conversation(assistant)
    talk.hear("her back is sore after playing")
    talk.hear("no")
    talk.hear("no")
    turn = talk.hear(answer)
    assert "nothing was changed" not in said(turn), said(turn)
    assert {f.symptom.id: f.status for f in talk.found}["fever"] is fever, said(turn)


def test_more_during_a_911_says_the_sign_it_rests_on(assistant: Assistant) -> None:
    # F11: "more" said "Call 911 now. I heard: back pain or spasm.", leaving out the yes that made the 911.
    talk = Conversation(assistant)
    talk.hear("her back hurts and she might have a fever")
    talk.hear("no")
    assert talk.hear("yes").disposition is Level.EMERGENCY
    more = said(talk.hear("more"))
    assert more.startswith("Call 911 now.") and "heartbeat" in more, more
