"""Rule 13 by real speech: the estimate a 911 turn is held to (``spoken.NEVER_SHORT``) is not short of espeak-ng's
own output, and the 911 turns that ran 15.0-15.9 s when said (while planned at 13.9-14.5 s) now fit, every sign
still named.

The turn-ceiling test measures thousands of turns with the estimates (``spoken.seconds``); this one says the turns
that went over, and a few more, with the product's synthesiser (espeak-ng in its worker), and measures the audio.
``benchmarks/turn_speech.py`` prints the same for every turn of the ceiling test's conversations."""

from __future__ import annotations

from collections.abc import Iterable

import pytest

from helpers import real_seconds
from voicecare.conversation import spoken
from voicecare.conversation.dialog import Conversation, State
from voicecare.domain import Level, Message, MessageKind
from voicecare.speech_out.tts import DEFAULT_RATE_WPM, Pyttsx3Synthesizer
from voicecare.understanding.assistant import Assistant

EMERGENCY_SECONDS = 15.0
STAY_SECONDS = 10.0

OVER_BEFORE = [
    # Turns of the ceiling test's conversations that espeak-ng said in 15.0-15.9 s, planned at 13.9-14.3 s.
    ("Call 911 now.", "A very fast or very slow heartbeat or loss of bladder or bowel control.", "Stay with your child.",
     "Not sure counts as yes, to be safe. If it is no, say no.", "I did not hear a no."),
    ("Call 911 now.", "Very sleepy or hard to wake and a very fast or very slow heartbeat.", "Stay with your child.",
     "You did not say which sign.", "If that is wrong, tell me what is right, or say start over."),
    ("Call 911 now.", "Trouble breathing.", "Stay with your child.", "After a fall, these signs are an emergency.",
     "You did not say which sign.", "If that is wrong, tell me what is right, or say start over."),
    ("Call 911 now.", "You were not sure about very sleepy or hard to wake, confusion or fainting or passing out, so to "
     "be safe I count it as a yes.", "I heard: back pain or spasm.", "Say more for the next."),
    ("Call 911 now.", "Very sleepy or hard to wake, trouble breathing and other danger signs.", "Stay with your child.",
     "Not sure counts as yes, to be safe. If it is no, say no.", "Tell me what you see."),
    ("Call 911 now.", "Very sleepy or hard to wake and a very fast or very slow heartbeat.", "Stay with your child.",
     "I say this again because of very sleepy or hard to wake and a very fast or very slow heartbeat."),
]


def _messages(texts: Iterable[str]) -> list[Message]:
    return [Message(Level.EMERGENCY, MessageKind.EMERGENCY, t) for t in texts]


@pytest.mark.parametrize("texts", OVER_BEFORE)
def test_the_estimate_is_not_short_of_real_speech_on_the_turns_that_ran_over(synth: Pyttsx3Synthesizer,
                                                                           texts: tuple[str, ...]) -> None:
    # Before: 13.9-14.3 s estimated for 15.0-15.9 s said (each message's clip has its own silence, never counted).
    said = _messages(texts)
    real = real_seconds(synth, said, DEFAULT_RATE_WPM)
    assert spoken.total_seconds(said, DEFAULT_RATE_WPM, spoken.NEVER_SHORT) >= real, real


@pytest.mark.parametrize("garbled", ["our little", "not that no missed"])
def test_a_911_on_a_not_sure_said_again_fits_by_real_speech_and_names_both_signs(
        assistant: Assistant, synth: Pyttsx3Synthesizer, garbled: str) -> None:
    # 16.0 s by espeak-ng after the calibration named both signs: the hedge said again is said as how to take it back.
    talk = Conversation(assistant, heard_by_ear=True)
    for said in ("her back hurts and she might have a fever", "no", "not sure"):
        talk.hear(said)
    assert talk.state is State.EMERGENCY
    first = talk.hear(garbled).said_aloud
    words = " ".join(m.text for m in first)
    assert "heartbeat" in words and "bladder or bowel control" in words, words
    assert "If it is no, say no." in words and "I did not hear a no." in words, words  # rule 14: how to take it back
    texts = [m.text for m in first]
    stay = texts.index(assistant.intents.messages["emergency_stay"])
    assert real_seconds(synth, first, DEFAULT_RATE_WPM) <= EMERGENCY_SECONDS, words
    assert real_seconds(synth, first[:stay + 1], DEFAULT_RATE_WPM) <= STAY_SECONDS, words


def test_the_short_sign_line_names_the_sign_the_caregiver_spoke_of_first(assistant: Assistant) -> None:
    # "Hard to say, he's been napping a lot" is very sleepy said unsure; the other three were counted from the
    # unclear answer. The short line named "Trouble breathing and other danger signs": not the sign talked about.
    talk = Conversation(assistant, heard_by_ear=True)
    talk.hear("the back pain is already nine days, and it is more bad now than at the start")
    turn = talk.hear("Hard to say. He's been napping a lot, but he's a sleepy kid anyway.")
    assert turn.disposition is Level.EMERGENCY
    line = turn.said_aloud[1].text
    assert line.startswith("Very sleepy or hard to wake"), line
