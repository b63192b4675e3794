"""Outside review 16's answer faults (F3, F10, F11) and the classes of answers_aw: an answer cut off before it ends
carries no clean "no"; "I mean" restates the answer; a murmured "mm" and a sign told of earlier today count but are
said back as doubted. Read by the answer reader, ``voicecare answer`` and the conversation alike."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import pytest

from children import run_child
from helpers import kind
from tests import replay
from voicecare.conversation.answers import AnswerReader
from voicecare.conversation.dialog import Conversation
from voicecare.domain import Basis, Level, Status
from voicecare.understanding.assistant import Assistant

CALL_911 = ("trouble_breathing", "very_drowsy", "confusion", "fainting")

# ---- F3: cut off, trailing off

CUT_OFF = [
    "I don't think",
    "no she",
    "Mm, I don't think",
    "i'm meant i don't think",  # "Mm, I don't think" as PocketSphinx heard it
    "mm I don't think so but",
    "well he was, I mean",
    "no I mean",
    "no and",
    "no, she's",
    "i think no but",
    "I don't think, um",
    "not that I",
]


@pytest.mark.parametrize("text", CUT_OFF)
def test_an_answer_cut_off_is_no_clean_no(reader: AnswerReader, text: str) -> None:
    # It was a "no" with all four call-911 signs absent; rule 4 counts it, rule 14 says it was not clearly heard.
    answer = reader.read("breathing_alertness", text)
    assert answer.kind.value == "unsure", answer
    found = {f.symptom.id: f for f in answer.findings}
    for sign in CALL_911:
        assert found[sign].status is Status.PRESENT and found[sign].basis is Basis.UNHEARD, found


@pytest.mark.parametrize("text", ["no", "nope", "no she's not", "I don't think so", "no, um", "not that I know of",
                                  "bright as a button she is", "I don't think she is", "no she doesn't",
                                  "No, she's fine, I checked on her"])
def test_an_honest_short_no_stays_a_no(reader: AnswerReader, text: str) -> None:
    assert kind(reader, "breathing_alertness", text) == "no"


def test_a_sign_said_before_the_cut_stays_said(reader: AnswerReader) -> None:
    answer = reader.read("breathing_alertness", "no but she's really hard to wake and")
    found = {f.symptom.id: f for f in answer.findings}
    assert found["very_drowsy"].status is Status.PRESENT and found["very_drowsy"].basis is Basis.SAID, found
    assert all(f.status is Status.PRESENT for f in answer.findings), found


def test_voicecare_answer_reads_a_cut_off_answer_as_unclear() -> None:
    out = run_child([sys.executable, "-m", "voicecare", "answer", "--question", "breathing_alertness", "--text",
                          "I don't think", "--json"], capture_output=True, text=True, timeout=120, check=True)
    read = json.loads(out.stdout)
    assert read["answer"] == "unsure", read
    assert {(s["id"], s["status"], s["basis"]) for s in read["symptoms"]} == {
        (sign, "present", "unheard") for sign in CALL_911}, read


def test_a_cut_off_answer_to_the_911_question_calls_911_saying_it_was_not_clear(assistant: Assistant) -> None:
    talk = Conversation(assistant)
    talk.hear("her back is tight after the trampoline")
    turn = talk.hear("I don't think")
    said = " ".join(m.text for m in turn.messages)
    assert turn.disposition is Level.EMERGENCY and said.startswith("Call 911 now."), said
    assert "did not hear a clear answer" in said and "answers were no" not in said, said


# ---- F11: "I mean", "mm"

@pytest.mark.parametrize(("text", "expected"), [
    ("I mean no", "no"), ("I mean yes", "yes"), ("no I mean no", "no"), ("yes, no, I mean no", "no"),
    ("no, yes, I mean yes", "yes"), ("yes I mean no", "no"), ("I mean, no, she's fine", "no"),
    # Read alone, "I meant no" restates this answer too (outside review 20, F4: README's "I mean no"; rule 9); said
    # at the next question, the conversation first corrects the last answer with it (last_answer.py;
    # test_answers_review20.test_i_meant_no_mid_interview_still_corrects_the_last_answer).
    ("sorry, I meant no", "no"),
    ("sorry I mean no", "no"),
])
def test_i_mean_restates_this_answer(reader: AnswerReader, text: str, expected: str) -> None:
    # A first answer was told "nothing was changed": nothing had been said to change.
    assert kind(reader, "limbs", text) == expected


def test_i_mean_naming_another_sign_still_corrects_that_sign(reader: AnswerReader) -> None:
    # "Sorry, I mean no fever" at the limbs question is about the fever: never a "no" to the limbs.
    answer = reader.read("limbs", "sorry, I mean no fever")
    statuses = {f.symptom.id: f.status for f in answer.findings}
    assert statuses == {"fever": Status.ABSENT} and answer.amends, answer


def test_a_murmured_mm_counts_but_is_said_back_as_doubted(reader: AnswerReader, assistant: Assistant) -> None:
    answer = reader.read("fever_chills", "mm")
    assert answer.kind.value == "yes" and {f.basis for f in answer.findings} == {Basis.GUESSED}, answer
    assert {f.basis for f in reader.read("fever_chills", "mm hmm").findings} == {Basis.ANSWERED}
    talk = Conversation(assistant)
    talk.hear("her back is sore after playing")
    talk.hear("no")
    talk.hear("no")
    said = " ".join(m.text for m in talk.hear("mm").messages)
    assert "You said yes" not in said and "fever or chills" in said, said


# ---- F10: a sign told of earlier today

@pytest.mark.parametrize(("text", "basis"), [
    ("she was hot earlier but", Basis.GUESSED),
    ("she was hot earlier", Basis.GUESSED),
    ("she's been hot since this morning", Basis.SAID),  # since then: still hot
    ("she had a fever this morning and she still has", Basis.SAID),
    ("she is burning up", Basis.SAID),
])
def test_a_sign_told_of_earlier_is_counted_as_doubted(reader: AnswerReader, text: str, basis: Basis) -> None:
    found = {f.symptom.id: f for f in reader.read("fever_chills", text).findings}
    assert found["fever"].status is Status.PRESENT and found["fever"].basis is basis, found


def test_a_sign_told_of_earlier_is_not_said_back_as_a_plain_fact(assistant: Assistant) -> None:
    talk = Conversation(assistant)
    talk.hear("her back is sore after playing")
    talk.hear("no")
    talk.hear("no")
    turn = talk.hear("she was hot earlier but")
    said = " ".join(m.text for m in turn.messages)
    assert turn.disposition is Level.URGENT and "I heard: fever" not in said and "may be fever" in said, said


# ---- answers_aw: a well word joined to a sign word, commands said with other talk

@pytest.mark.parametrize("text", ["no accident but the heart is boom boom boom very strong and fast when i put my hand",
                                  "no, his heart is steady and slow"])
def test_a_well_word_joined_to_more_is_no_clean_no(reader: AnswerReader, text: str) -> None:
    assert kind(reader, "heart_control", text) != "no"


@pytest.mark.parametrize("text", ["No, mija walks good and goes to the bathroom normal.",
                                  "No, sleeps like a log and eats like a gull, he does."])
def test_a_well_word_joined_to_more_well_words_is_a_no(reader: AnswerReader, text: str) -> None:
    assert kind(reader, "walking_toilet", text) == "no"


@pytest.mark.parametrize(("question", "text", "expected"), [
    ("course", "let's start this whole thing over from the beginning i got confused", "command:start_over"),
    ("anything_else", "alright that's all thank you kindly goodbye now", "command:goodbye"),
    ("anything_else", "Thank you darlin', I gotta go now, goodbye.", "command:goodbye"),
])
def test_a_command_said_with_other_talk(reader: AnswerReader, question: str, text: str, expected: str) -> None:
    assert kind(reader, question, text) == expected


def test_a_cut_off_answer_replayed_as_a_recording_denies_no_911_sign(tmp_path: Path) -> None:
    # As outside review 16 heard it: a caregiver trailing off at the call-911 question ("I don't think") set all
    # four signs absent, and "what did you hear" said "Your other answers were no".
    voices = replay.voices()
    if "flite-rms" not in voices:
        pytest.skip("flite not installed here: replay skipped")
    voice = replay.padded(voices["flite-rms"])
    caregiver = replay.Caregiver("review16", ("Her back is tight after the trampoline.", "I don't think.",
                                              "Goodbye."), "emergency", 1)
    run = replay.replay(caregiver, "flite-rms", voice, tmp_path)
    answer = run.turns[2]
    assert not any(answer["symptoms"].get(sign) == "absent" for sign in CALL_911), answer
    assert answer["disposition"] == Level.EMERGENCY.id, answer
