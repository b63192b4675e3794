"""Outside review 20's answer faults (F4-F9, F19), each as a class with more wordings than the reviewer's: a
correction to "no" naming no sign is a "no" (README: "I mean no" is a no; rule 9); awake is a "no" to "hard to
wake" alone, never a "yes"; a care question said instead of an answer counts nothing, and after "anything else?"
``care`` says which it is; a sign said to be over now is past; a question about a sign or a general story is no
"yes"; a time under a few days answers long-lasting pain alone. Read by the real reader, the CLI and the
conversation."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

from helpers import kind
from voicecare.conversation.answers import AnswerReader
from voicecare.conversation.dialog import Conversation
from voicecare.domain import Level, Status
from voicecare.understanding.assistant import Assistant

CALL_911 = ("trouble_breathing", "very_drowsy", "confusion", "fainting")
COURSE = ("long_lasting_pain", "pain_worsening", "pain_prevents_sleep")
DESCRIPTION = "her back is stiff after the playground"


def _statuses(reader: AnswerReader, question: str, text: str) -> dict[str, Status]:
    return {f.symptom.id: f.status for f in reader.read(question, text).findings}


def _cli(question: str, *texts: str) -> list[dict[str, object]]:
    args = [a for t in texts for a in ("--text", t)]
    out = subprocess.run([sys.executable, "-m", "voicecare", "answer", "--question", question, *args, "--json"],
                         capture_output=True, text=True, timeout=180, check=True)
    return [json.loads(line) for line in out.stdout.splitlines()]


# ---- F4: corrections towards "no"

NO_RESTATED = ["I meant no", "sorry, I mean no", "sorry no I meant no", "I meant to say no", "my bad, no",
               "scratch that, no", "oops, no", "whoops, no", "my mistake, no", "strike that, no", "sorry I meant nope",
               "I meant to say no."]


@pytest.mark.parametrize("text", NO_RESTATED)
def test_a_correction_to_no_naming_no_sign_is_a_no(reader: AnswerReader, text: str) -> None:
    assert kind(reader, "breathing_alertness", text) == "no"
    assert _statuses(reader, "breathing_alertness", text) == dict.fromkeys(CALL_911, Status.ABSENT)


@pytest.mark.parametrize("text", ["sorry, I meant yes", "my bad, yes", "scratch that, yes"])
def test_a_correction_to_yes_is_still_a_yes(reader: AnswerReader, text: str) -> None:
    assert kind(reader, "breathing_alertness", text) == "yes"


@pytest.mark.parametrize("text", [
    "sorry i meant to say enough emergency is not not at all",  # heard in noise: more than an answer word after it
    "I meant no but then she went floppy",
    "scratch that, no, she is struggling to breathe",
])
def test_a_correction_with_more_after_it_is_no_clean_no(reader: AnswerReader, text: str) -> None:
    assert kind(reader, "breathing_alertness", text) != "no"


def test_a_correction_naming_a_sign_still_corrects_that_sign(reader: AnswerReader) -> None:
    answer = reader.read("limbs", "sorry, I meant no fever")
    assert answer.amends and {f.symptom.id for f in answer.findings} == {"fever"}


def test_the_cli_reads_a_correction_to_no_as_a_no() -> None:
    assert [d["answer"] for d in _cli("breathing_alertness", "I meant no", "oops, no", "scratch that, no")] == ["no"] * 3


def test_i_meant_no_after_a_911_keeps_the_rule_for_taking_a_911_back(assistant: Assistant) -> None:
    talk = Conversation(assistant)
    talk.hear(DESCRIPTION)
    assert talk.hear("yes").disposition is Level.EMERGENCY
    turn = talk.hear("I meant no")
    assert turn.disposition is Level.EMERGENCY  # only "I did not say yes" takes it back (corrections.py)


def test_i_meant_no_mid_interview_still_corrects_the_last_answer(assistant: Assistant) -> None:
    talk = Conversation(assistant)
    for said in (DESCRIPTION, "no", "no", "yes"):
        talk.hear(said)
    turn = talk.hear("sorry, I meant no")
    spoken = " ".join(m.text for m in turn.said_aloud).lower()
    assert "fever" in spoken and "arms or legs" in spoken  # the fever answer changed, the limbs asked again


def test_i_meant_no_at_the_first_question_goes_on(assistant: Assistant) -> None:
    talk = Conversation(assistant)
    talk.hear(DESCRIPTION)
    turn = talk.hear("oops, no")
    assert turn.disposition is not Level.EMERGENCY
    assert "heart" in " ".join(m.text for m in turn.said_aloud)


# ---- F5: awake is no "yes"

@pytest.mark.parametrize("text", ["she just woke up from her nap", "he's just woken up from his nap",
                                  "she just woke up", "he's wide awake now", "she woke up from her nap"])
def test_awake_denies_hard_to_wake_alone(reader: AnswerReader, text: str) -> None:
    statuses = _statuses(reader, "breathing_alertness", text)
    assert statuses.get("very_drowsy") is Status.ABSENT
    assert all(statuses.get(s) is not Status.PRESENT for s in CALL_911)
    # Nothing said of breathing: never denied by being awake (asked again).
    assert statuses.get("trouble_breathing") is not Status.ABSENT


@pytest.mark.parametrize("text", ["woke", "council woke", "like an old lady council woke"])
def test_a_lone_woke_is_no_yes(reader: AnswerReader, text: str) -> None:
    answer = reader.read("breathing_alertness", text)
    assert kind(reader, "breathing_alertness", text) != "yes"
    assert all(f.basis.value != "answered" for f in answer.findings)


@pytest.mark.parametrize("text", ["she's asleep but she's breathing fine", "she's asleep but her breathing is fine"])
def test_asleep_with_breathing_denied_counts_no_breathing(reader: AnswerReader, text: str) -> None:
    assert _statuses(reader, "breathing_alertness", text).get("trouble_breathing") is not Status.PRESENT


@pytest.mark.parametrize("text", ["he was really hard to wake from his nap", "she won't wake up from her nap",
                                  "she woke up from her nap but she's really confused", "she never woke up from her nap",
                                  "he didn't wake up from his nap", "she isn't wide awake", "she can't stay awake"])
def test_hard_to_wake_or_a_sign_after_waking_still_counts(reader: AnswerReader, text: str) -> None:
    assert any(s is Status.PRESENT for s in _statuses(reader, "breathing_alertness", text).values())


# ---- F6 and F19: a care question said instead of an answer

@pytest.mark.parametrize(("question", "text"), [
    ("cramps_night_weight", "can I use a heating pad at night?"),
    ("cramps_night_weight", "is it ok to give her calpol at night"),
    ("course", "how long do I ice it"),
    ("course", "how long will it last"),
    ("course", "how long before she can go to daycare"),
    ("course", "when can she go back to nursery"),
])
def test_a_care_question_alone_counts_nothing(reader: AnswerReader, question: str, text: str) -> None:
    answer = reader.read(question, text)
    assert kind(reader, question, text) == "off_topic" and answer.care
    assert not answer.findings


def test_a_care_question_with_an_answer_still_answers(reader: AnswerReader) -> None:
    answer = reader.read("heart_control", "no his heart's fine is it ok to give him calpol")
    assert kind(reader, "heart_control", "no his heart's fine is it ok to give him calpol") == "no" and answer.care


def test_the_cli_reports_care_questions_after_anything_else() -> None:
    read = _cli("anything_else", "how long do I ice it", "can she go to daycare", "no")
    assert [d["care"] for d in read] == [["ice"], ["activity"], []]
    assert _cli("course", "how long do I ice it")[0]["answer"] == "off_topic"


def test_a_care_question_at_the_night_question_is_answered_not_counted(assistant: Assistant) -> None:
    talk = Conversation(assistant)
    turn = talk.hear(DESCRIPTION)
    while "night" not in " ".join(m.text for m in turn.said_aloud):
        turn = talk.hear("no")
    turn = talk.hear("can I use a heating pad at night?")
    assert turn.disposition in (None, Level.HOME_CARE)
    assert not any(f.status is Status.PRESENT and f.symptom.id == "night_pain" for f in talk.found)


# ---- F7: over now

@pytest.mark.parametrize("text", ["he was hot earlier but now he's cool", "he was hot earlier, not now",
                                  "she was warm this morning but not anymore", "he was hot earlier but not any more",
                                  "she was shivering earlier, not now"])
def test_a_sign_said_to_be_over_is_not_there_now(reader: AnswerReader, text: str) -> None:
    assert kind(reader, "fever_chills", text) in ("no", "off_topic")
    assert all(s is not Status.PRESENT for s in _statuses(reader, "fever_chills", text).values())


@pytest.mark.parametrize("text", ["he was hot earlier and he still is", "she was hot this morning and she's hot now",
                                  "he was hot earlier"])
def test_a_sign_still_there_or_not_said_over_counts(reader: AnswerReader, text: str) -> None:
    assert _statuses(reader, "fever_chills", text).get("fever") is Status.PRESENT


def test_over_now_in_a_description_is_no_fever(assistant: Assistant) -> None:
    assert assistant.answer("his back is sore, he was hot earlier but now he's cool").disposition is Level.HOME_CARE


# ---- F8: a question or a general story

@pytest.mark.parametrize("text", ["what temperature counts as a fever", "the tv said kids get fevers",
                                  "I read that children get chills with this", "kids can get fevers with this"])
def test_a_question_or_a_general_story_is_no_yes(reader: AnswerReader, text: str) -> None:
    assert kind(reader, "fever_chills", text) != "yes"
    assert all(s is not Status.PRESENT for s in _statuses(reader, "fever_chills", text).values())


def test_a_sign_said_with_such_a_question_still_counts(reader: AnswerReader) -> None:
    assert _statuses(reader, "fever_chills", "she's hot, what temperature counts as a fever").get(
        "fever") is Status.PRESENT


# ---- F9: how long, and nothing else

@pytest.mark.parametrize("text", ["it started an hour ago", "a couple of days", "it started a few hours ago"])
def test_a_short_time_is_no_yes_to_worse_or_sleep(reader: AnswerReader, text: str) -> None:
    # How long says nothing of pain getting worse or keeping her from sleep (it was a "yes" to all three).
    statuses = _statuses(reader, "course", text)
    assert all(statuses.get(s) is not Status.PRESENT for s in COURSE[1:])


@pytest.mark.parametrize("text", ["started yesterday", "it only started yesterday", "started this morning"])
def test_a_start_under_a_few_days_denies_long_lasting_pain_alone(reader: AnswerReader, text: str) -> None:
    statuses = _statuses(reader, "course", text)
    assert statuses.get("long_lasting_pain") is Status.ABSENT
    assert all(s not in statuses for s in COURSE[1:])  # asked again, never a "no"


@pytest.mark.parametrize("text", ["worse since yesterday yeah", "she got worse a few hours ago", "worse a couple of days",
                                  "about a week", "since last Friday", "since yesterday and it's getting worse"])
def test_a_sign_said_with_a_time_or_a_long_time_still_counts(reader: AnswerReader, text: str) -> None:
    assert kind(reader, "course", text) != "no"
    assert any(s is Status.PRESENT for s in _statuses(reader, "course", text).values())
