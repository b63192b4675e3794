"""Outside review 18's spoken answers at the call-911 question: a request with stray "no"s around it ("repeat no
no", a crying child heard as "no"s) was a clear "no" to all four call-911 signs (F3); television talk with a goodbye
word in it ended the session (F4); "I'm not sure" heard inside television talk took a 911 back (F11).

The reviewer's own recordings (flite voices, sox noise: a crying-child stand-in, a television) are replayed through
the real ``voicecare listen`` and PocketSphinx; the same readings typed go through the real answer reader and
conversation, so the class is held whatever a recogniser hears next time."""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any

import pytest

from children import run_child
from voicecare.conversation.answers import AnswerKind, AnswerReader
from voicecare.conversation.dialog import Conversation, State
from voicecare.domain import Level, Status
from voicecare.understanding.assistant import Assistant

AUDIO = Path(__file__).parent / "data" / "audio" / "review18"
CALL_911 = ("trouble_breathing", "very_drowsy", "confusion", "fainting")
QUESTION = "breathing_alertness"


def _listen(*names: str) -> list[dict[str, Any]]:
    files = [str(AUDIO / f"{name}.wav") for name in names]
    out = run_child([sys.executable, "-m", "voicecare", "listen", "--engine", "sphinx", "--fast", "--json",
                          "--quiet", "--input-files", *files], capture_output=True, text=True, timeout=600,
                         check=False)
    assert out.returncode in (0, 2), out.stderr
    return [t for t in (json.loads(line) for line in out.stdout.splitlines() if line.strip()) if "error" not in t]


# F3: what PocketSphinx heard for "Repeat that." and "What was that?" over the crying stand-in, and one more.
STRAY_NOES = ["repeat no no", "what was no no", "no tell me more no no"]


@pytest.mark.parametrize("text", STRAY_NOES)
def test_a_request_with_stray_noes_denies_no_911_sign(reader: AnswerReader, text: str) -> None:
    answer = reader.read(QUESTION, text)
    assert answer.kind is AnswerKind.COMMAND, answer
    assert not any(f.status is Status.ABSENT for f in answer.findings), answer


@pytest.mark.parametrize("text", ["hang on no", "no no no", "no", "no repeat"])
def test_a_pause_then_no_and_plain_noes_are_read_as_before(reader: AnswerReader, text: str) -> None:
    answer = reader.read(QUESTION, text)
    assert answer.kind in (AnswerKind.NO, AnswerKind.COMMAND), answer
    assert (answer.kind is AnswerKind.COMMAND) == (text == "no repeat"), answer


@pytest.mark.parametrize("names", [("k_flite-rms_d", "k_flite-rms_p4"), ("k_flite-rms_d", "k_flite-slt_p4"),
                                   ("k_flite-rms_d", "k_flite-rms_p2")])
def test_spoken_repeat_over_crying_never_denies_the_911_signs(names: tuple[str, str]) -> None:
    # "Repeat that." and "What was that?" said over the crying stand-in at 15 dB: the reviewer heard "repeat no no"
    # and "what was no no", and all four call-911 signs were counted absent (rule 4: unclear is yes).
    turns = _listen(*names)
    answered = turns[-1]
    assert answered["state"] != State.DONE.value, answered
    assert not any(answered["symptoms"].get(sign) == Status.ABSENT.value for sign in CALL_911), answered


GOODBYE_IN_TALK = ["over and out and went morning", "we're done warning what about what",
                   "what did you heard he's lying on goofy and quit"]


@pytest.mark.parametrize("text", GOODBYE_IN_TALK)
def test_a_goodbye_word_inside_other_talk_is_no_goodbye(reader: AnswerReader, text: str) -> None:
    answer = reader.read(QUESTION, text)
    assert answer.command != "goodbye", answer
    assert not any(f.status is Status.ABSENT for f in answer.findings), answer


@pytest.mark.parametrize("question,text", [
    (QUESTION, "thanks bye"), (QUESTION, "i'm gonna hang up now thanks"), ("anything_else", "alright ta ra love"),
    ("anything_else", "goodbye, I'm taking her to the doctor now"), ("course", "OK, we're heading to the ER now. Bye."),
    ("anything_else", "Thank you darlin', I gotta go now, goodbye."), ("anything_else", "ok that's all bye bye")])
def test_a_goodbye_said_as_one_is_still_a_goodbye(reader: AnswerReader, question: str, text: str) -> None:
    answer = reader.read(question, text)
    assert answer.kind is AnswerKind.COMMAND and answer.command == "goodbye", answer


def test_spoken_no_under_television_never_ends_the_session() -> None:
    # "No." under television at 20 dB, heard "over and out and went morning ...": it was `quit`, state done, and
    # the recordings after it went unheard. The caregiver said no goodbye.
    turns = _listen("n_flite-awb_d", "n_flite-awb_tv_no")
    answered = turns[-1]
    assert answered["state"] != State.DONE.value and answered["command"] != "quit", answered


C1 = ("learn islands and legs he's let up to listening on the trampoline and out of it bleeding",
      "were noted morning what about what it", "where it i'm not sure what about what it read")
"""What the reviewer's c1 replay heard (flite slt under television at 12 dB): the television raised a 911 for
confusion, "No." was not heard, then "I'm not sure"."""


def test_not_sure_heard_in_television_talk_never_takes_a_911_back(assistant: Assistant) -> None:
    talk = Conversation(assistant)
    talk.greet()
    turns = [talk.hear(line) for line in C1]
    assert turns[0].disposition is Level.EMERGENCY
    assert talk.state is State.EMERGENCY and turns[-1].disposition is Level.EMERGENCY, turns[-1].said_aloud
    assert assistant.intents.spoken is not None
    said = [m.text for m in turns[-1].said_aloud]
    assert "Okay, then that is not an emergency." not in said, said
    assert not any(f.symptom.id == "confusion" and f.status is Status.ABSENT for f in talk.found)


def test_a_plain_denial_still_takes_a_911_back(assistant: Assistant) -> None:
    talk = Conversation(assistant)
    talk.greet()
    talk.hear(C1[0])
    turn = talk.hear("no he is not confused")
    assert turn.disposition is not Level.EMERGENCY, turn.said_aloud


def test_spoken_not_sure_under_television_keeps_the_911() -> None:
    turns = _listen("c1_1", "c1_2", "c1_3")
    called = [t for t in turns if t["disposition"] == Level.EMERGENCY.id]
    if not called:
        pytest.skip("no 911 was raised by the television this time: nothing to take back")
    last = turns[-1]
    assert not any(last["symptoms"].get(sign) == Status.ABSENT.value for sign in CALL_911), last
    assert "Okay, then that is not an emergency." not in last["said"], last
