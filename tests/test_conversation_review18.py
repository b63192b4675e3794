"""Issue #9 after outside review 18: a sign that began earlier and is there now is a yes for now at every question
(not an episode made past), and a "no" the recogniser added a word to ("no if") is said back as heard, with a way
out of the 911 it raised (F2)."""

from __future__ import annotations

import json
import shutil
import sys
from pathlib import Path

import pytest

from children import run_child
from helpers import real_seconds
from voicecare.conversation.dialog import Conversation, State
from voicecare.domain import Level, Status
from voicecare.speech_out.tts import DEFAULT_RATE_WPM, Pyttsx3Synthesizer
from voicecare.understanding.assistant import Assistant

DESCRIPTION = "my son's back is in spasm"
QUESTIONS = ["breathing_alertness", "heart_control", "fever_chills", "limbs", "cramps_night_weight"]
"""The interview's questions in the order asked after a plain "no" to each before."""
STILL_THERE = ["he had it earlier and still does", "not earlier but now he does",
               "she had it this morning and she still has it", "it went away this morning but it's back now"]
EMERGENCY_SECONDS = 15.0
LISTEN_TIMEOUT = 300


def _said(messages: object) -> str:
    return " ".join(m.text for m in messages)  # type: ignore[attr-defined]


def _at(assistant: Assistant, question: str) -> Conversation:
    talk = Conversation(assistant)
    talk.hear(DESCRIPTION)
    while talk.asked[-1].id != question:
        talk.hear("no")
    return talk


@pytest.mark.parametrize("question", QUESTIONS)
@pytest.mark.parametrize("told", STILL_THERE)
def test_a_sign_there_earlier_and_still_now_is_a_yes_for_now_at_every_question(
        assistant: Assistant, question: str, told: str) -> None:
    # "he had it earlier and still does" at the fever question was asked "You told me when, but not which one",
    # then "fever" was made past ("You said fever happened before") and home care given: under-triage (rule 9).
    talk = _at(assistant, question)
    signs = set(talk.asked[-1].symptoms)
    turn = talk.hear(told)
    words = _said(turn.said_aloud)
    assert "told me when" not in words and "happened before" not in words, words
    counted = {f.symptom.id for f in talk.found if f.status is Status.PRESENT}
    assert signs <= counted, (told, talk.found)
    assert not any(f.status is Status.PAST for f in talk.found if f.symptom.id in signs), talk.found
    if question in ("breathing_alertness", "heart_control"):
        assert turn.disposition is Level.EMERGENCY and words.startswith("Call 911 now."), words
    heard = _said(talk.hear("what did you hear?").said_aloud)
    assert "yes when I asked about" in heard, heard  # rule 14: the yes for now is said back, never a "no"


@pytest.mark.parametrize("told", ["he had it earlier", "he did this morning but he's fine now"])
def test_the_which_answer_telling_still_keeps_the_sign_now(assistant: Assistant, told: str) -> None:
    # The time told with the sign named after "Which was it?" applies: "fever, and he still has it" is now.
    talk = _at(assistant, "fever_chills")
    assert "Which was it" in _said(talk.hear(told).said_aloud)
    words = _said(talk.hear("fever, and he still has it").said_aloud)
    assert "happened before" not in words, words
    assert any(f.symptom.id == "fever" and f.status is Status.PRESENT for f in talk.found), talk.found


@pytest.mark.parametrize("told", ["he did this morning but he's fine now", "she did earlier but not now",
                                  "not right now but earlier he did"])
def test_an_episode_said_over_is_still_asked_which_and_not_counted(assistant: Assistant, told: str) -> None:
    talk = _at(assistant, "fever_chills")
    words = _said(talk.hear(told).said_aloud)
    assert "happened before but not now" in words, words
    assert not any(f.symptom.id in ("fever", "chills") and f.status is Status.PRESENT for f in talk.found)


def test_still_with_no_time_or_no_answer_is_no_yes(assistant: Assistant) -> None:
    # "he is still crying" tells nothing of fever or chills: never a yes to them (no false urgent advice).
    talk = _at(assistant, "fever_chills")
    talk.hear("he is still crying")
    assert not any(f.symptom.id in ("fever", "chills") and f.basis.value == "answered" for f in talk.found)


def test_chat_the_reviewed_lines_count_the_fever_now() -> None:
    lines = [DESCRIPTION, "no", "no", "he had it earlier and still does", "what did you hear?", "fever"]
    out = run_child([sys.executable, "-m", "voicecare", "chat"], input="\n".join(lines) + "\n",
                    capture_output=True, text=True, timeout=120, check=True).stdout
    assert "told me when" not in out and "happened before" not in out, out
    heard = out.split("you> what did you hear?\n", 1)[1].split("you>", 1)[0]
    assert "yes when I asked about fever or chills" in heard, out
    assert "Call your child's doctor right away." in out and "care for this at home" not in out, out


def _flite(text: str, path: Path) -> str:
    run_child(["flite", "-voice", "slt", "-t", text, "-o", str(path)], check=True, capture_output=True)
    return str(path)


@pytest.mark.skipif(shutil.which("flite") is None, reason="flite is not installed: no recordings to replay")
def test_by_voice_now_said_at_the_fever_question_is_never_home_care(tmp_path: Path) -> None:
    # In listen (flite slt, PocketSphinx): "Not earlier, but now he does." at the fever question was heard "not
    # really air bye now he does", a goodbye: home care and "Take care", the fever question never answered. Whatever
    # the recogniser makes of the words, a sign said to be there now is never made past and the interview is not
    # ended by a goodbye among other words (review 18 F4: asked "Do you want to stop?").
    said = ("My child's back is stiff.", "No.", "No.", "Not earlier, but now he does.",
            "He had it earlier and still does.")
    files = [_flite(text, tmp_path / f"{i}.wav") for i, text in enumerate(said)]
    out = run_child([sys.executable, "-m", "voicecare", "listen", "--engine", "sphinx", "--fast", "--json",
                          "--quiet", "--input-files", *files], capture_output=True, text=True, timeout=LISTEN_TIMEOUT,
                         check=False)
    assert out.returncode == 0, out.stderr
    turns = [json.loads(line) for line in out.stdout.splitlines() if line.strip()][1:]
    assert "Does your child have a fever or chills?" in " ".join(turns[2]["spoken"]), turns[2]
    assert len(turns) == len(said) and all(t["state"] != "done" for t in turns), turns
    after = " ".join(" ".join(t["spoken"]) for t in turns[3:])
    assert "care for this at home" not in after and "Take care" not in after, turns[3:]
    assert "happened before" not in after and "told me when" not in after, turns[3:]


# ---- F2: "no if"
# The reader now takes "no if" itself as a no (answers18: a stray "if" after a bare no); what is left of the class is
# a no the recogniser cut short, which the reader still cannot call a no.
CUT_NO = "no she"


@pytest.mark.parametrize("first", [CUT_NO, ""])
def test_no_if_is_said_as_heard_and_the_second_is_a_no(assistant: Assistant, synth: Pyttsx3Synthesizer,
                                                      first: str) -> None:
    talk = Conversation(assistant)
    talk.hear(DESCRIPTION)
    call = talk.hear(first)
    assert call.disposition is Level.EMERGENCY
    if not first:  # a silent answer's 911: the first "no if" is said back as heard, the 911 stands, saying why
        again = talk.hear(CUT_NO)
        words = _said(again.said_aloud)
        assert again.disposition is Level.EMERGENCY and words.startswith("Call 911 now."), words
        assert f'I heard "{CUT_NO}", not a clear no.' in words and "I did not hear a no" not in words, words
        assert real_seconds(synth, again.said_aloud, DEFAULT_RATE_WPM) <= EMERGENCY_SECONDS, words
    out = talk.hear(CUT_NO)
    words = _said(out.said_aloud)
    assert "I did not hear a no" not in words and f'I heard "{CUT_NO}" again, so I take it as a no.' in words, words
    assert out.disposition is not Level.EMERGENCY and talk.state is State.INTERVIEW, words
    assert talk.asked[-1].id == "heart_control", talk.asked


@pytest.mark.parametrize("second", ["no, I'm not sure", "no, she's breathing funny", "yes"])
def test_a_real_emergency_after_no_if_is_never_taken_back(assistant: Assistant, second: str) -> None:
    talk = Conversation(assistant)
    talk.hear(DESCRIPTION)
    talk.hear(CUT_NO)
    turn = talk.hear(second)
    assert turn.disposition is Level.EMERGENCY and talk.state is State.EMERGENCY, _said(turn.said_aloud)


@pytest.mark.parametrize("description", [DESCRIPTION, "he woke up three times last night screaming about his back"])
def test_the_911_said_again_on_no_if_stays_within_15_s(assistant: Assistant, synth: Pyttsx3Synthesizer,
                                                      description: str) -> None:
    talk = Conversation(assistant)
    for said in (description, "", "what"):
        talk.hear(said)
    turn = talk.hear(CUT_NO)
    words = _said(turn.said_aloud)
    assert turn.disposition is Level.EMERGENCY and f'I heard "{CUT_NO}"' in words, words
    assert real_seconds(synth, turn.said_aloud, DEFAULT_RATE_WPM) <= EMERGENCY_SECONDS, words


# ---- F13: "repeat" after the wrap-up, the call said in other words


def test_repeat_after_the_wrap_up_says_it_again() -> None:
    lines = ["she has a fever and her back hurts", "skip", "skip", "no", "repeat"]
    out = run_child([sys.executable, "-m", "voicecare", "chat"], input="\n".join(lines) + "\n",
                    capture_output=True, text=True, timeout=120, check=True).stdout
    wrap_up, repeated = out.rsplit("you> no\n", 1)[1].split("you> repeat\n", 1)
    assert "missed" not in repeated and repeated.strip() == wrap_up.strip(), out


@pytest.mark.parametrize("told", ["I've called them", "they're on the way", "ambulance is coming",
                                  "I phoned an ambulance", "911 is on the phone", "I rang for an ambulance"])
def test_the_call_said_in_other_words_is_heard_as_made(assistant: Assistant, told: str) -> None:
    talk = Conversation(assistant)
    talk.hear("she is not breathing right")
    words = _said(talk.hear(told).said_aloud)
    assert words.startswith("Good. Stay with your child") and talk.called, words


# ---- F4: a goodbye that may not be one


@pytest.mark.parametrize("goodbye", ["Goodbye?", "thanks bye see you later", "not really air bye now he does"])
def test_a_doubted_goodbye_in_the_interview_is_asked_about(assistant: Assistant, goodbye: str) -> None:
    talk = Conversation(assistant)
    talk.hear(DESCRIPTION)
    talk.hear("no")
    turn = talk.hear(goodbye)
    words = _said(turn.said_aloud)
    assert talk.state is State.INTERVIEW and turn.command is None, words
    assert words.startswith("Do you want to stop? Say goodbye again.") and words.endswith("?"), words
    assert talk.hear("no").state is State.INTERVIEW  # the question waiting is answered: the interview goes on
    talk.hear("goodbye?")
    assert talk.hear("goodbye").state is State.DONE  # said again, it ends


def test_a_plain_goodbye_in_the_interview_still_ends_it(assistant: Assistant) -> None:
    talk = Conversation(assistant)
    talk.hear(DESCRIPTION)
    assert talk.hear("goodbye").state is State.DONE


def test_a_goodbye_during_an_unacknowledged_911_is_asked_about_after_the_911(
        assistant: Assistant, synth: Pyttsx3Synthesizer) -> None:
    talk = Conversation(assistant)
    talk.hear("she is not breathing")
    turn = talk.hear("goodbye")
    words = _said(turn.said_aloud)
    assert talk.state is State.EMERGENCY and words.startswith("Call 911 now."), words
    assert words.endswith("Do you want to stop? Say goodbye again."), words
    assert real_seconds(synth, turn.said_aloud, DEFAULT_RATE_WPM) <= EMERGENCY_SECONDS, words
    last = talk.hear("goodbye")
    assert talk.state is State.DONE and _said(last.said_aloud).startswith("Call 911 now."), _said(last.said_aloud)


# ---- F10: a 911 said on a partial result, the whole turn no emergency


@pytest.mark.parametrize("said", ["repeat that please", "no"])
def test_a_911_said_on_a_partial_is_taken_back_naming_the_sign(assistant: Assistant, said: str) -> None:
    # The speaker said "Call 911 now." on a partial ("pale and limp") of "Repeat that please." / "No.": the turn
    # went on with the question, or "then that is not an emergency", naming nothing (rule 14).
    from voicecare.conversation import voiced
    from voicecare.domain import Message, MessageKind

    talk = Conversation(assistant)
    talk.hear(DESCRIPTION)
    early = tuple(f for f in assistant.understand("she is not breathing") if f.symptom.level is Level.EMERGENCY)
    assert early
    call = (Message(Level.EMERGENCY, MessageKind.EMERGENCY, "Call 911 now."),)
    turn = voiced.taken_back(talk, talk.hear(said), call, early)
    words = _said(turn.said_aloud)
    assert turn.disposition is not Level.EMERGENCY, words
    assert words.startswith("I said 911 because I first heard trouble breathing."), words
    assert "not an emergency" in words and words.index("I said 911") < words.index("not an emergency"), words


# ---- F5: a "no" one reading held and a "yup" the other


def test_a_yes_another_reading_heard_as_no_is_said_back_as_the_no_it_was(
        assistant: Assistant, synth: Pyttsx3Synthesizer) -> None:
    # flite kal's clean "No." was "no" to one model and "yup" to the other: counted to be safe (rule 4), but it was
    # read back "I think you said yes" (rule 14). The voice loop passes ``rival_no`` (readings.denied_elsewhere);
    # no second recogniser model is installed here to make the two readings from a recording.
    talk = Conversation(assistant)
    talk.hear(DESCRIPTION)
    turn = talk.hear("yup", rival_no=True)
    words = _said(turn.said_aloud)
    assert turn.disposition is Level.EMERGENCY and "I heard no, but maybe yes" in words, words
    assert "think you said yes" not in words, words
    assert real_seconds(synth, turn.said_aloud, DEFAULT_RATE_WPM) <= EMERGENCY_SECONDS, words
    assert talk.hear("no").disposition is not Level.EMERGENCY  # a "no" next takes it back


def test_stop_said_to_children_is_no_yes(assistant: Assistant) -> None:
    # "stop stop hold on a wee minute" said to the children at the call-911 question: a stop, never a yes (no 911).
    talk = Conversation(assistant)
    talk.hear(DESCRIPTION)
    turn = talk.hear("stop stop hold on a wee minute")
    assert turn.disposition is not Level.EMERGENCY and talk.state is State.INTERVIEW, _said(turn.said_aloud)
    assert talk.asked[-1].id == "breathing_alertness"
    assert not any(f.status is Status.PRESENT and f.symptom.level is Level.EMERGENCY for f in talk.found)
