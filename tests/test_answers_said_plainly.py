"""The answer reader on classes a fresh author wrote (answers_y, #9): shorthand, numbers named as other readings,
statements that open like a "no", news played down. Each test in our own words, with the real reader."""

from __future__ import annotations

import pytest

from voicecare.app import answer_eval
from voicecare.conversation.answers import AnswerReader
from voicecare.domain import Status
from voicecare.understanding.assistant import Assistant


@pytest.fixture(scope="module")
def reader() -> AnswerReader:
    return AnswerReader(Assistant.load())


def kind(reader: AnswerReader, question: str, text: str) -> str:
    return answer_eval.label(reader.read(question, text))


@pytest.mark.parametrize(("question", "text", "expected"), [
    # "He isn't" is a whole answer only when nothing follows it in its part: here it opens news about the child.
    ("course", "she is not drinking much since lunch, only sips", "new_info"),
    ("limbs", "she isn't using her left arm at all", "yes"),
    ("fever_chills", "she isn't", "no"),
])
def test_a_statement_that_opens_like_no_is_a_statement(reader: AnswerReader, question: str, text: str,
                                                       expected: str) -> None:
    assert kind(reader, question, text) == expected


@pytest.mark.parametrize(("question", "text", "expected"), [
    # A nurse or medic answering in shorthand: negative / nil / NAD is a no, affirmative a yes; a reading under
    # the policy's threshold denies its sign.
    ("breathing_alertness", "negative. rr 30, sats are good, she's alert", "no"),
    ("fever_chills", "negative, apyrexial, 36.8 under the arm", "no"),
    ("heart_control", "negative on both, HR 115 and regular", "no"),
    ("walking_toilet", "nil, bowels open this morning, walking normally", "no"),
    ("fever_chills", "affirmative", "yes"),
    ("anything_else", "nothing further, over and out", "command:goodbye"),
])
def test_clinical_shorthand(reader: AnswerReader, question: str, text: str, expected: str) -> None:
    assert kind(reader, question, text) == expected


def test_negative_inside_a_statement_is_no_answer(reader: AnswerReader) -> None:
    # A test result is not the caregiver's "no": a wrong "no" hides a red flag.
    assert kind(reader, "fever_chills", "his strep test came back negative yesterday") != "no"


@pytest.mark.parametrize(("question", "text", "symptom"), [
    # A number named as another reading is never the question's measure: "sats 97" is no breathing rate of 97
    # (a false 911), "rr 26" no pulse of 26.
    ("breathing_alertness", "rr 26, sats 97, alert", "trouble_breathing"),
    ("heart_control", "rr 26, heart rate 118", "abnormal_heart_rate"),
    ("breathing_alertness", "her heart rate is 130 and her breathing is fine", "trouble_breathing"),
])
def test_a_number_named_as_another_reading(reader: AnswerReader, question: str, text: str, symptom: str) -> None:
    answer = reader.read(question, text)
    assert answer_eval.label(answer) == "no"
    assert {f.symptom.id: f.status for f in answer.findings}[symptom] is Status.ABSENT


def test_a_low_reading_named_as_its_own_measure_still_counts(reader: AnswerReader) -> None:
    assert kind(reader, "breathing_alertness", "her breaths are 58 a minute") == "yes"


@pytest.mark.parametrize(("question", "text"), [
    # News said with a yes and a denial that names what it denies ("no loss of consciousness"): news, never
    # "nothing else".
    ("anything_else", "affirmative, he bumped his head on the table earlier, no vomiting"),
    # Played down, then said: "it's probably nothing, but ...".
    ("anything_else", "this might be nothing but she's gone off her food"),
    # Whether it matters is doubt about our interest, not about the news.
    ("anything_else", "she had a nosebleed this morning, not sure if that matters"),
])
def test_news_said_beside_a_denial_or_a_doubt_is_news(reader: AnswerReader, question: str, text: str) -> None:
    answer = reader.read(question, text)
    assert (answer_eval.label(answer), answer.news) == ("yes", True)


def test_played_down_sign_is_a_yes(reader: AnswerReader) -> None:
    assert kind(reader, "fever_chills", "probably nothing but her forehead felt warm at bedtime") == "yes"
