"""Commands heard by voice, outside review 19: "Slower." read "no air" (F6) or heard as a command while another
reading held a 911 sign (F5), and a "no" with words after it to "please tell me again" taken for "no, that's all"
(F8). Typed turns through the real ``Conversation`` with the recogniser's readings as it gave them; by voice,
espeak-ng recordings made at test time, heard by PocketSphinx in the real ``voicecare listen``."""

from __future__ import annotations

import json
import shutil
import sys
from pathlib import Path

import pytest

from children import run_child
from voicecare.conversation import readings
from voicecare.conversation.dialog import Conversation, State
from voicecare.domain import Finding, Level, Status
from voicecare.interfaces import Transcript
from voicecare.understanding.assistant import Assistant

DESCRIBE = "his back is stiff after the trampoline"
UNCLEAR = "please help my little boys have has wont stiff"
GOODBYE = "Take care."
LISTEN_TIMEOUT = 300


def _said(turn_messages: object) -> str:
    return " ".join(m.text for m in turn_messages)  # type: ignore[attr-defined]


def _asking(assistant: Assistant) -> Conversation:
    talk = Conversation(assistant)
    talk.hear(DESCRIBE)
    assert talk.state is State.INTERVIEW
    return talk


@pytest.mark.parametrize(("best", "others"), [
    ("no air", ("slow air", "oh air", "go air")),  # the review's eA t10 and fA t07: the same misreading
    ("slow air", ("no air", "oh air")),  # en-us+f3 at 135 wpm, best reading "slow air": a 911 too
])
def test_a_short_reading_of_slower_is_slower_not_a_911(assistant: Assistant, best: str, others: tuple[str, ...]) -> None:
    talk = _asking(assistant)
    heard = Transcript(best, True, others)
    assert readings.command_reading(talk, best, heard) == "slower"


def test_the_description_models_same_misreading_counts_no_sign(assistant: Assistant) -> None:
    # en-us+f3 at 135 wpm: the answer model read "slow air", the description model "no air" (a 911 either way).
    talk = _asking(assistant)
    heard = Transcript("slow air", True, ("no air", "oh air"), described="no air")
    assert readings.command_reading(talk, "slow air", heard) == "slower"
    assert readings.signs_heard(talk, "slower", heard).described is None
    plain = Transcript("slow air", True, ("no air",), described="he has no air")
    assert readings.command_reading(talk, "slow air", plain) == "slow air"
    assert readings.signs_heard(talk, "slow air", plain).described == "he has no air"


@pytest.mark.parametrize(("best", "others", "described"), [
    ("no air", ("slow air",), "he has no air"),  # the other model heard the sign plainly: it counts (rule 4)
    ("no air he's gasping", ("slow air he's gasping",), None),  # more words than a command is said in
    ("no air", ("slower",), None),  # another length: not the same sounds read twice
    ("slow he fainted", ("no he fainted",), None),
])
def test_a_sign_said_in_more_words_or_heard_plainly_still_counts(assistant: Assistant, best: str,
                                                                 others: tuple[str, ...], described: str | None) -> None:
    talk = _asking(assistant)
    heard = Transcript(best, True, others, described=described)
    taken = readings.command_reading(talk, best, heard)
    assert taken == best
    assert talk.hear(taken).disposition is Level.EMERGENCY


def test_an_emergency_heard_only_in_another_reading_of_a_command_acts_now(assistant: Assistant) -> None:
    # F5: the sign was counted silently, only the question said; the 911 came on the next "No.".
    talk = _asking(assistant)
    doubted = [Finding(assistant.intents.symptom("trouble_breathing"), Status.PRESENT, 80.0, "no air", uncertain=True)]
    turn = talk.hear("slower", doubted)
    assert turn.disposition is Level.EMERGENCY and _said(turn.said_aloud).startswith("Call 911 now"), turn
    assert "trouble breathing" in _said(turn.said_aloud).lower()


def test_a_lesser_sign_in_another_reading_of_a_command_is_not_counted_silently(assistant: Assistant) -> None:
    talk = _asking(assistant)
    asked = talk.asked[-1]
    lesser = [Finding(assistant.intents.symptom("fever"), Status.PRESENT, 80.0, "fever", uncertain=True)]
    turn = talk.hear("slower", lesser)
    assert turn.command == "slower" and "fever" not in {f.symptom.id for f in talk.found}
    assert talk.asked[-1] == asked


@pytest.mark.parametrize("said", ["no, she is breathing fine", "no all", "no all she's breathing if i it"])
def test_a_no_with_words_after_it_to_tell_me_again_is_no_goodbye(assistant: Assistant, said: str) -> None:
    # F8: each got "Take care ..." and the conversation ended; the child was never assessed.
    talk = Conversation(assistant)
    assert "Please tell me again" in _said(talk.hear(UNCLEAR).said_aloud)
    words = _said(talk.hear(said).said_aloud)
    assert GOODBYE not in words and talk.state is not State.DONE, words


@pytest.mark.parametrize("said", ["no, that's all", "no that's it", "nothing else", "no, that is all thanks"])
def test_that_is_all_clearly_said_still_ends_it(assistant: Assistant, said: str) -> None:
    talk = Conversation(assistant)
    talk.hear(UNCLEAR)
    assert GOODBYE in _said(talk.hear(said).said_aloud) and talk.state is State.DONE


def _espeak(voice: str, text: str, path: Path) -> str:
    run_child(["espeak-ng", "-v", voice, "-s", "150", "-w", str(path), text], check=True, capture_output=True)
    return str(path)


def _listen(files: list[str]) -> list[dict[str, object]]:
    out = run_child([sys.executable, "-m", "voicecare", "listen", "--engine", "sphinx", "--fast", "--json",
                          "--quiet", "--input-files", *files], capture_output=True, text=True, timeout=LISTEN_TIMEOUT,
                         check=False)
    assert out.returncode == 0, out.stderr
    return [json.loads(line) for line in out.stdout.splitlines() if line.strip()][1:]  # after the greeting


EXAMPLE = Path(__file__).resolve().parents[1] / "examples" / "audio" / "3-back-spasm-after-trampoline.wav"


@pytest.mark.skipif(shutil.which("espeak-ng") is None, reason="espeak-ng is not installed: no recordings to replay")
def test_by_voice_slower_is_no_911_and_a_no_after_tell_me_again_is_no_goodbye(tmp_path: Path) -> None:
    # F6 by voice: en-us+f3's clean "Slower." was read "no air" / "slow air": "Call 911 now. Trouble breathing."
    # F8 by voice: its "No, she's breathing fine." after "Sorry, I missed that" was "no all she's ...": "Take care".
    slower = _espeak("en-us+f3", "Slower.", tmp_path / "slower.wav")
    turns = _listen([str(EXAMPLE), slower])
    assert turns[1]["disposition"] != Level.EMERGENCY.id and not " ".join(turns[1]["spoken"]).startswith(  # type: ignore[arg-type]
        "Call 911"), turns[1]
    unclear = _espeak("en-us+f3", "The thing with the whatsit.", tmp_path / "unclear.wav")
    fine = _espeak("en-us+f3", "No, she's breathing fine.", tmp_path / "fine.wav")
    turns = _listen([unclear, fine])
    assert turns[1]["state"] != State.DONE.value and GOODBYE not in " ".join(turns[1]["spoken"]), turns[1]  # type: ignore[arg-type]
