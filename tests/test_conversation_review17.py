"""Outside review 17 in the conversation (convo21): a plain "no" to "please tell me again" is no goodbye (F9), a care
question about waiting is answered in every state (F5), and "what did you hear?" says back an episode's "now yes"
(F13). Typed turns through the real ``Conversation`` and ``voicecare chat``; by voice, flite recordings heard by
PocketSphinx in the real ``voicecare listen``."""

from __future__ import annotations

import json
import shutil
import sys
from pathlib import Path

import pytest

from children import run_child
from helpers import real_seconds
from voicecare.conversation import spoken
from voicecare.conversation.dialog import Conversation, State
from voicecare.domain import Level, MessageKind
from voicecare.speech_out.tts import DEFAULT_RATE_WPM, Pyttsx3Synthesizer
from voicecare.understanding.assistant import Assistant

UNCLEAR = "please help my little boys have has wont stiff"
"""The reviewer's description that nothing is understood in: "Sorry, I missed that. Please tell me again.\""""
GOODBYE = "Take care."
LISTEN_TIMEOUT = 300
TURN_SECONDS = 20.0
"""Issue #9: every spoken turn below 911 at most 20 s, by real speech."""
EMERGENCY_SECONDS = 15.0


def _said(turn_messages: object) -> str:
    return " ".join(m.text for m in turn_messages)  # type: ignore[attr-defined]


@pytest.mark.parametrize("plain", ["no", "No.", "nope", "no no"])
def test_a_plain_no_to_tell_me_again_is_no_goodbye(assistant: Assistant, plain: str) -> None:
    # F9: the plain "no" got "Take care ..." and the conversation ended; the child was never assessed.
    talk = Conversation(assistant)
    asked = _said(talk.hear(UNCLEAR).said_aloud)
    assert "Please tell me again" in asked, asked
    turn = talk.hear(plain)
    words = _said(turn.said_aloud)
    assert GOODBYE not in words and "missed" not in words and talk.state is not State.DONE, words
    assert "have not heard about your child" in words, words  # rule 14: what is known, said as it is
    told = talk.hear("her back is stiff")
    assert told.state is State.INTERVIEW and "back pain" in _said(told.said_aloud), _said(told.said_aloud)


def test_a_second_plain_no_ends_it_and_a_closing_still_does(assistant: Assistant) -> None:
    talk = Conversation(assistant)
    talk.hear(UNCLEAR)
    talk.hear("no")
    assert GOODBYE in _said(talk.hear("no").said_aloud) and talk.state is State.DONE
    closing = Conversation(assistant)
    closing.hear(UNCLEAR)
    assert GOODBYE in _said(closing.hear("no, that's all").said_aloud) and closing.state is State.DONE


def test_typed_chat_goes_on_after_a_plain_no_and_a_sign_typed_after_the_wrap_up_is_heard() -> None:
    # F9, both commands of the review: the plain "no" and the sign typed after "anything else?" "no".
    lines = [UNCLEAR, "no", "her back is stiff"]
    out = run_child([sys.executable, "-m", "voicecare", "chat"], input="\n".join(lines) + "\n",
                    capture_output=True, text=True, timeout=120, check=True).stdout
    after_no = out.split("you> no\n", 1)[1]
    assert not after_no.startswith(f"voicecare> {GOODBYE}"), out
    assert "I heard: back pain or spasm." in after_no and after_no.count("I do not replace a doctor.") == 0, out
    lines = ["her back is tight after the playground", *["no"] * 7, "wait, now she's really hard to wake"]
    out = run_child([sys.executable, "-m", "voicecare", "chat"], input="\n".join(lines) + "\n",
                    capture_output=True, text=True, timeout=120, check=True).stdout
    last = out.rsplit("you> wait, now she's really hard to wake\n", 1)[1]
    assert last.startswith("voicecare> Call 911 now."), out


def _flite(text: str, path: Path) -> str:
    run_child(["flite", "-voice", "slt", "-t", text, "-o", str(path)], check=True, capture_output=True)
    return str(path)


@pytest.mark.skipif(shutil.which("flite") is None, reason="flite is not installed: no recordings to replay")
def test_by_voice_a_plain_no_to_tell_me_again_is_no_goodbye(tmp_path: Path) -> None:
    # F9 in listen: in the review's noisy replay a "No" to "Please tell me again" got the goodbye.
    files = [_flite(text, tmp_path / f"{i}.wav") for i, text in enumerate((UNCLEAR, "No.", "Her back is stiff."))]
    out = run_child([sys.executable, "-m", "voicecare", "listen", "--engine", "sphinx", "--fast", "--json",
                          "--quiet", "--input-files", *files], capture_output=True, text=True, timeout=LISTEN_TIMEOUT,
                         check=False)
    assert out.returncode == 0, out.stderr
    turns = [json.loads(line) for line in out.stdout.splitlines() if line.strip()][1:]  # after the greeting
    assert "Please tell me again." in " ".join(turns[0]["spoken"]), turns[0]
    assert turns[1]["heard"] == "no", turns[1]
    assert not turns[1]["spoken"][0].startswith(GOODBYE), turns[1]
    assert "back pain or spasm" in " ".join(turns[2]["spoken"]), turns[2]


WAIT_QUESTIONS = ["what should I do while I wait?", "what should I do while I wait for the doctor to call back?",
                  "what do I do in the meantime"]


def _care_answer(assistant: Assistant) -> str:
    rules = assistant.intents.spoken
    book = assistant.intents.care
    assert rules is not None and book is not None
    return next(c.answer for c in book.intents if c.id == rules.waiting_care)


@pytest.mark.parametrize("asked", WAIT_QUESTIONS)
def test_waiting_for_the_doctor_gets_the_care_answer_in_the_interview(assistant: Assistant, asked: str) -> None:
    # F5: after "Call your child's doctor right away", "what should I do while I wait?" got the question again.
    talk = Conversation(assistant)
    first = _said(talk.hear("his back is sore and he has a fever").said_aloud)
    assert "Call your child's doctor right away." in first, first
    question = talk.asked[-1]
    turn = talk.hear(asked)
    words = _said(turn.said_aloud)
    assert _care_answer(assistant) in words and question.ask in words, words
    assert talk.state is State.INTERVIEW and talk.asked[-1] == question and turn.disposition is None


@pytest.mark.parametrize("asked", WAIT_QUESTIONS)
def test_waiting_for_the_doctor_gets_the_care_answer_after_the_urgent_advice(assistant: Assistant, asked: str) -> None:
    talk = Conversation(assistant)
    for said in ("his back is sore and he has a fever", *["no"] * 5):
        ending = talk.hear(said)
    assert talk.state is State.ANYTHING_ELSE and "Call your child's doctor right away." in _said(ending.said_aloud)
    words = _said(talk.hear(asked).said_aloud)
    assert _care_answer(assistant) in words and "Anything else?" in words, words
    assert talk.state is State.ANYTHING_ELSE


def test_waiting_asked_after_the_goodbye_reopens_the_advice_in_chat() -> None:
    lines = ["his back is sore and he has a fever", *["no"] * 6, WAIT_QUESTIONS[1]]
    out = run_child([sys.executable, "-m", "voicecare", "chat"], input="\n".join(lines) + "\n",
                    capture_output=True, text=True, timeout=120, check=True).stdout
    last = out.rsplit(f"you> {WAIT_QUESTIONS[1]}\n", 1)[1]
    assert last.startswith("voicecare> At home:"), out


def test_a_sign_told_while_asking_about_waiting_is_news_and_a_911_still_answers_waiting(assistant: Assistant) -> None:
    talk = Conversation(assistant)
    talk.hear("his back is sore and he has a fever")
    turn = talk.hear("what should I do while I wait, he is not breathing")
    assert turn.disposition is not None and _said(turn.said_aloud).startswith("Call 911 now."), _said(turn.said_aloud)
    waiting = _said(talk.hear(WAIT_QUESTIONS[0]).said_aloud)
    assert waiting.startswith("Good. Stay with your child"), waiting  # calling_911's words while help comes


def test_what_did_you_hear_says_the_yes_for_now(assistant: Assistant) -> None:
    # F13: after "earlier no, but now yes" it said "Your other answers were no" and asked the fever question anew.
    # The answer reader now takes the "no" as said of earlier and the "yes" of now (answers17; rule 9: the later
    # statement wins), so it is a yes to fever or chills, counted now and said back as one.
    talk = Conversation(assistant)
    for said in ("his back is sore", "no", "no"):
        talk.hear(said)
    told = talk.hear("earlier no, but now yes")
    assert "Call your child's doctor right away." in _said(told.said_aloud), _said(told.said_aloud)
    heard = _said(talk.hear("what did you hear?").said_aloud)
    assert "yes when I asked about fever or chills" in heard, heard
    assert any(f.symptom.id in ("fever", "chills") and f.status.value == "present" for f in talk.found), talk.found


def test_an_episode_said_over_is_still_past_and_no_yes_is_claimed(assistant: Assistant) -> None:
    talk = Conversation(assistant)
    for said in ("his back is sore", "no", "no", "he did this morning but he's fine now"):
        talk.hear(said)
    heard = _said(talk.hear("what did you hear?").said_aloud)
    assert "yes" not in heard and heard.endswith("Which was it: fever or chills?"), heard


@pytest.mark.parametrize(("lines", "offer"), [
    (["her back is tight", "no", "no", "no", "no", "no"], "home_care"),
    (["her back is tight", "no", "skip", "skip"], "warning"),
    (["her back is tight", "skip", "skip"], "warning"),
])
def test_the_home_care_ending_keeps_its_offer_within_20_s_of_real_speech(
        assistant: Assistant, synth: Pyttsx3Synthesizer, lines: list[str], offer: str) -> None:
    # F12: the planning estimate below 911 was short of espeak-ng by up to 0.9 s a turn; fitted never short, the
    # ending first lost its offer ("say more for home care") and after a skip had no step to reach: measured as the
    # offer it replaces, and planned with the fitted estimate, it keeps it.
    talk = Conversation(assistant)
    for line in lines:
        ending = talk.hear(line)
    assert ending.disposition is Level.HOME_CARE and talk.state is State.ANYTHING_ELSE
    rules = assistant.intents.spoken
    assert rules is not None
    texts = [m.text for m in ending.said_aloud]
    assert rules.offers[offer] in texts and "You can care for this at home." in texts, texts
    real = real_seconds(synth, ending.said_aloud, DEFAULT_RATE_WPM)
    assert real <= TURN_SECONDS, (real, texts)
    assert spoken.total_seconds(ending.said_aloud, DEFAULT_RATE_WPM) >= real, texts  # planned never short
    steps = [talk.hear("more").said_aloud for _ in range(2)]
    assert any(m.kind is MessageKind.HOME_CARE for turn in steps for m in turn), steps  # a step within two "more"s


def test_a_hedge_said_short_last_turn_is_said_short_again_within_15_s(
        assistant: Assistant, synth: Pyttsx3Synthesizer) -> None:
    # A 911 resting on "not sure", said again after words that took nothing back and "not sure" again, said the
    # whole hedge after its short form and ran 15.9 s by espeak-ng (benchmarks/turn_speech.py).
    talk = Conversation(assistant)
    for line in ("he woke up three times last night screaming about his back", "what", "not sure",
                 "not that no missed"):
        talk.hear(line)
    turn = talk.hear("not sure")
    texts = [m.text for m in turn.said_aloud]
    assert turn.disposition is Level.EMERGENCY and texts[0] == "Call 911 now.", texts
    assert "If it is no, say no." in " ".join(texts), texts  # how to take it back, still said (rule 14)
    assert real_seconds(synth, turn.said_aloud, DEFAULT_RATE_WPM) <= EMERGENCY_SECONDS, texts


def test_an_answer_that_only_mentions_the_doctor_is_read_as_the_answer(assistant: Assistant) -> None:
    # The waiting words are questions ("what should I do while ..."): an answer naming a time is still the answer.
    talk = Conversation(assistant)
    talk.hear("his back is sore and he has a fever")
    first = talk.asked[-1]
    turn = talk.hear("no, he was fine before the doctor came")
    assert _care_answer(assistant) not in _said(turn.said_aloud) and talk.asked[-1] != first, _said(turn.said_aloud)
