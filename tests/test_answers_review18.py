"""Outside review 18's answer faults (F2, F8, F11) and classes of answers_ba: a stray word a recogniser adds after a
plain "no" ("no if") is no cut-off answer; a remark graded below the sign ("a bit dozy but wakes up fine") or an
everyday one ("yawning a lot") is no "yes" to all four call-911 signs; a request asked first with its reason after
it ("can you talk a bit slower please, I'm holding her") is the request; a correction of a 911 must name the sign,
never only its everyday words ("it", "what", "you"). Read by the answer reader and the conversation alike."""

from __future__ import annotations

import pytest

from helpers import kind
from voicecare.conversation import corrections
from voicecare.conversation.answers import AnswerReader
from voicecare.conversation.dialog import Conversation
from voicecare.domain import Level, Status
from voicecare.understanding.assistant import Assistant

CALL_911 = ("trouble_breathing", "very_drowsy", "confusion", "fainting")
DESCRIPTION = "my son's back is really tight after playing at the park"


# ---- F2: "no if", "no so", "no uh": a filler after a plain "no"

@pytest.mark.parametrize("text", ["no if", "No if.", "no no if", "nope uh if", "no so", "no uh"])
def test_a_stray_word_after_a_plain_no_is_a_no(reader: AnswerReader, text: str) -> None:
    answer = reader.read("breathing_alertness", text)
    assert kind(reader, "breathing_alertness", text) == "no"
    assert {f.symptom.id: f.status for f in answer.findings} == dict.fromkeys(CALL_911, Status.ABSENT)


@pytest.mark.parametrize("text", ["no if she", "no but", "no she", "no and", "if"])
def test_a_no_cut_off_before_its_part_is_still_no_clean_no(reader: AnswerReader, text: str) -> None:
    # Only the one stray word after a bare "no": "no but" and "no she" may go on to a sign (review 16 F3).
    assert kind(reader, "breathing_alertness", text) != "no"


def test_no_if_at_the_call_911_question_goes_on_to_the_next_question(assistant: Assistant) -> None:
    # It gave "Call 911 now ... I did not hear a no" each time it was said (review 18 F2).
    talk = Conversation(assistant)
    talk.hear(DESCRIPTION)
    turn = talk.hear("no if")
    assert turn.disposition is not Level.EMERGENCY
    assert "heart" in " ".join(m.text for m in turn.said_aloud)


# ---- F8: graded below the sign, everyday remarks

@pytest.mark.parametrize("text", [
    "he's a bit dozy but wakes up fine",
    "No ah, she is a bit dozy but wake up fine when I call her. Breathing normal.",
    "they're all fine except he's yawning a lot",
    "no he's just yawning",
])
def test_a_remark_below_the_sign_with_the_rest_well_is_a_no(reader: AnswerReader, text: str) -> None:
    assert kind(reader, "breathing_alertness", text) == "no"


@pytest.mark.parametrize("text", [
    "he's a bit dozy",  # alone: counted (rule 4)
    "he's very dozy but wakes up fine",  # "very" is the sign's own grade
    "he's a bit dozy and hard to wake",
    "i think she is a little bit sleepy more than normal but breathing is ok i think",  # a doubt stays a doubt
    "yawning a lot",
])
def test_the_sign_said_or_doubted_still_counts(reader: AnswerReader, text: str) -> None:
    assert kind(reader, "breathing_alertness", text) != "no"


def test_a_graded_remark_never_reads_back_as_yes_to_all_four(assistant: Assistant) -> None:
    talk = Conversation(assistant)
    talk.hear(DESCRIPTION)
    turn = talk.hear("he's a bit dozy but wakes up fine")
    assert turn.disposition is not Level.EMERGENCY and "You said yes" not in " ".join(m.text for m in turn.said_aloud)


# ---- talk to the children, requests with a reason

@pytest.mark.parametrize(("question", "text", "expected"), [
    ("breathing_alertness", "stop stop hold on a wee minute pet get down off that table", "off_topic"),
    ("breathing_alertness", "stop stop hold on a wee minute", "command:stop"),  # answers_ay's label
    ("fever_chills", "Can you talk a bit slower please, I'm holding her and I can't hear properly.", "command:slower"),
    ("limbs", "Can you go a bit faster hey, she won't sit still for long.", "command:faster"),
    ("limbs", "Can we start from beginning again? I answer wrong before.", "command:start_over"),
])
def test_words_to_the_room_and_requests(reader: AnswerReader, question: str, text: str, expected: str) -> None:
    assert kind(reader, question, text) == expected


@pytest.mark.parametrize(("question", "text", "expected"), [
    ("walking_toilet", "No ma'am, he's a-walkin' fine and he done had a big poop this mornin'.", "no"),
    ("fever_chills", "No fever. I checked it, 37.1. He is only crying for the back.", "no"),
    ("course", "No, only start this morning, and now better already after massage.", "no"),
    # The sign: never a poo done, never a start that says nothing of the course.
    ("walking_toilet", "she has not done a poo for three days", "yes"),
    ("course", "it just started yesterday but it's getting worse", "partial"),
])
def test_honest_noes_with_a_story(reader: AnswerReader, question: str, text: str, expected: str) -> None:
    assert kind(reader, question, text) == expected


# ---- F11: a correction must name the sign

@pytest.mark.parametrize("heard", ["repeat that please it's not", "repeat that please not what you said"])
def test_everyday_words_never_name_the_sign_a_911_rests_on(assistant: Assistant, heard: str) -> None:
    # "What you said is an emergency" was named by its "what", "you", "said", "is": "Repeat that please" heard with
    # a "not" over a television took the 911 back.
    talk = Conversation(assistant)
    assert talk.hear("it's an emergency, his back").disposition is Level.EMERGENCY
    assert corrections.denied_signs(talk, heard) == []


@pytest.mark.parametrize(("description", "correction"), [
    ("his back is stuck and he is passing out", "he's not passing out"),
    ("he is gasping for air", "he's not gasping for air, he's fine"),
])
def test_a_correction_naming_the_sign_still_takes_it_back(assistant: Assistant, description: str,
                                                          correction: str) -> None:
    talk = Conversation(assistant)
    assert talk.hear(description).disposition is Level.EMERGENCY
    assert corrections.denied_signs(talk, correction)
