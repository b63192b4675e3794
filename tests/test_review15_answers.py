"""Outside review 15's answer faults (F1, F3-F5, F7): the answer reader, ``voicecare answer`` and the conversation
reading the same words the same way, typed and replayed as recordings."""

from __future__ import annotations

from pathlib import Path

import pytest

from helpers import kind
from tests import replay
from voicecare.conversation.answers import AnswerReader
from voicecare.conversation.dialog import Conversation
from voicecare.domain import Level, Status
from voicecare.understanding.assistant import Assistant

TAKEN_BACK = "Okay, then that is not an emergency."

# ---- F1: a sign said in a statement, then a bare "no" (often a misheard "now")

STATED = [
    ("heart_control", "no she is really hard to wake no", "very_drowsy"),
    ("breathing_alertness", "his lips are turning blue, no", "trouble_breathing"),
    ("breathing_alertness", "she is really hard to wake no", "very_drowsy"),
    ("breathing_alertness", "she's confused no", "confusion"),
    ("breathing_alertness", "he fainted no", "fainting"),
    ("fever_chills", "she is hot no", "fever"),
    ("limbs", "her legs are tingling no", "limb_symptoms"),
]


@pytest.mark.parametrize(("question", "text", "symptom"), STATED)
def test_a_stated_sign_is_not_taken_back_by_a_bare_no_after_it(reader: AnswerReader, assistant: Assistant,
                                                                 question: str, text: str, symptom: str) -> None:
    # A bare "no" names no sign: it cannot take back one said in a statement (rule 9), and triage reads the same
    # words as the sign, so the reader must too (it read "very_drowsy: absent" and the 911 was withdrawn).
    statuses = {f.symptom.id: f.status for f in reader.read(question, text).findings}
    assert statuses.get(symptom) is Status.PRESENT, statuses
    described = {f.symptom.id: f.status for f in reader.understand(text)}
    triaged = {f.symptom.id: f.status for f in assistant.understand(text)}
    assert described.get(symptom) is Status.PRESENT and triaged.get(symptom) is Status.PRESENT


@pytest.mark.parametrize(("question", "text"), [
    ("fever_chills", "fever no"),  # a checklist's fragment
    ("fever_chills", "fever? nope"),
    ("fever_chills", "she has a fever? no"),  # the question said back, typed as one
    ("fever_chills", "she has a fever? no she doesn't"),
    ("breathing_alertness", "is he hard to wake no"),  # asked, by its word order
    ("fever_chills", "does she have a fever no"),
])
def test_a_no_after_a_fragment_or_a_question_still_denies(reader: AnswerReader, question: str, text: str) -> None:
    assert kind(reader, question, text) == "no"


def test_a_stated_sign_then_no_in_the_conversation_calls_911(assistant: Assistant) -> None:
    talk = Conversation(assistant)
    talk.hear("her back is stiff after dancing")
    turn = talk.hear("his lips are going blue, no")
    assert turn.disposition is Level.EMERGENCY and turn.messages[0].text == "Call 911 now."


def test_a_new_sign_heard_with_a_trailing_no_keeps_its_911(tmp_path: Path) -> None:
    # Replayed as outside review 15 made it: flite rms "Wait, his lips are turning blue now." was heard "wait he's
    # lips are turning blue no"; the 911 started and was withdrawn by the turn's own "no" ("I could not tell if
    # that was a yes or a no") with trouble breathing absent. Whatever the recogniser hears, it must stand.
    voices = replay.voices()
    if "flite-rms" not in voices:
        pytest.skip("flite not installed here: replay skipped")
    voice = replay.padded(voices["flite-rms"])
    caregiver = replay.Caregiver("review15", ("His back is stiff after playing at the park.", "No.",
                                              "Wait, his lips are turning blue now.", "Goodbye."), "emergency", 3)
    run = replay.replay(caregiver, "flite-rms", voice, tmp_path)
    sign = run.turns[3]
    assert sign["disposition"] == Level.EMERGENCY.id and sign["spoken"][0] == "Call 911 now.", sign
    assert sign["symptoms"].get("trouble_breathing") == "present", sign
    assert TAKEN_BACK not in " ".join(t for turn in run.turns for t in turn["spoken"])


# ---- F7: another person's sign given as an answer


@pytest.mark.parametrize(("question", "text"), [
    ("breathing_alertness", "his sister is struggling to breathe"),
    ("fever_chills", "his sister has a fever"),
    ("fever_chills", "my husband has chills"),
])
def test_someone_elses_sign_is_off_topic_in_answer_and_in_the_conversation(
        reader: AnswerReader, assistant: Assistant, question: str, text: str) -> None:
    # `voicecare answer` read "his sister is struggling to breathe" as unsure, the four 911 signs present by rule 4,
    # while the conversation said "I only counted what is happening to your child." and asked again.
    answer = reader.read(question, text)
    assert answer.kind.value == "off_topic" and answer.findings, answer
    assert all(f.status is not Status.PRESENT for f in answer.findings)
    talk = Conversation(assistant)
    talk.hear("her back is sore")
    while talk.asked[-1].id != question:
        talk.hear("no")
    turn = talk.hear(text)
    assert turn.disposition is not Level.EMERGENCY and turn.messages[-1].text == talk.asked[-1].ask
    assert talk.asked[-1].id == question
    assert not any(f.status is Status.PRESENT and f.symptom.id != "back_spasm" for f in talk.found)

