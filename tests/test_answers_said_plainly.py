"""The answer reader on classes a fresh author wrote (answers_y, #9): shorthand, numbers named as other readings,
statements that open like a "no", news played down. Each test in our own words, with the real reader."""

from __future__ import annotations

import pytest

from helpers import kind
from voicecare.app import answer_eval
from voicecare.conversation.answers import AnswerReader
from voicecare.domain import Basis, Status


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


@pytest.mark.parametrize(("question", "text", "expected"), [
    # An apology or an aside, then back to us with the answer: that answer.
    ("fever_chills", "sorry I was talking to my husband. no.", "no"),
    ("walking_toilet", "the cat's on the counter, sorry. yes she's been limping", "yes"),
    # The return alone answers nothing: asked again.
    ("fever_chills", "sorry, I was talking to my sister", "off_topic"),
    # An order to a child, then "no": the "no" may be the child's, never taken as ours.
    ("fever_chills", "sorry, put that down. no!", "off_topic"),
])
def test_an_aside_then_an_answer(reader: AnswerReader, question: str, text: str, expected: str) -> None:
    assert kind(reader, question, text) == expected


@pytest.mark.parametrize(("question", "text", "expected"), [
    # A repair: the last word wins (rule 9).
    ("fever_chills", "no, sorry, yes she does", "yes"),
    ("fever_chills", "nope, I meant yes", "yes"),
    ("heart_control", "no... scratch that, yes", "yes"),
    ("cramps_night_weight", "yes, sorry, no, none of those", "no"),
    # A correction that takes back an earlier yes.
    ("heart_control", "no, I never said yes. his heart is normal and no accidents", "no"),
])
def test_the_last_word_of_a_repair_wins(reader: AnswerReader, question: str, text: str, expected: str) -> None:
    assert kind(reader, question, text) == expected


@pytest.mark.parametrize(("question", "text", "expected"), [
    # A care question asked with a denial: the "no" stands, the question's words say nothing of a sign.
    ("breathing_alertness", "she's breathing fine, can I give her some calpol?", "no"),
    ("limbs", "legs are fine is it ok to give him ibuprofen", "no"),
    # Only a care question: "is it ok" is no well child, and no answer either. The conversation answers the care
    # question and asks again, counting nothing (off_topic: it was "unsure", four signs counted, until answers8).
    ("fever_chills", "is it ok to give him calpol?", "off_topic"),
    # A sign named inside the care question still counts.
    ("fever_chills", "can I give him ibuprofen for the fever?", "yes"),
])
def test_a_care_question_beside_the_answer(reader: AnswerReader, question: str, text: str, expected: str) -> None:
    assert kind(reader, question, text) == expected


@pytest.mark.parametrize(("question", "text", "symptom"), [
    # A sign said in its own part, then another part said to be well: the "fine" is about the other part.
    ("limbs", "her leg is sore, her arms are fine", "limb_symptoms"),
    ("walking_toilet", "he's limping, wees are fine", "trouble_walking"),
    # One sign id covers arms and legs; the question asks of both as parts, so one part denied and another
    # affirmed is partial, as "arms are fine, but his leg hurts" always was. The finding is the same.
    ("limbs", "Arms fine. Leg hurts.", "limb_symptoms"),
])
def test_a_sign_beside_a_part_that_is_well(reader: AnswerReader, question: str, text: str, symptom: str) -> None:
    answer = reader.read(question, text)
    assert answer_eval.label(answer) == "partial"
    assert {f.symptom.id: f.status for f in answer.findings}[symptom] is Status.PRESENT


@pytest.mark.parametrize(("question", "text", "expected"), [
    # Asking what a sign means: the caregiver cannot say yet, so that part counts (rule 10).
    ("fever_chills", "what would count as chills?", "unsure"),
    ("walking_toilet", "what do you mean by weakness, like floppy?", "unsure"),
    ("course", "getting worse compared to what?", "unsure"),
    ("heart_control", "his heart is fine. what do you mean by accidents?", "partial"),
    # ...and asking for the question again after it is a request to repeat.
    ("cramps_night_weight", "what do you mean by coming back? can you say that again?", "command:repeat"),
])
def test_asking_what_a_sign_means(reader: AnswerReader, question: str, text: str, expected: str) -> None:
    assert kind(reader, question, text) == expected


@pytest.mark.parametrize(("question", "text", "expected"), [
    # "Ok" said first takes the question in; with more after it, it is never the well child's "ok" (these were
    # wrong noes).
    ("fever_chills", "okay can you go a bit slower please", "command:slower"),
    ("breathing_alertness", "alright, can you speak up", "command:repeat"),
    ("fever_chills", "ok she's fine", "no"),
    # A command after the answer "no" said first is the command, not the child's "could not stop".
    ("fever_chills", "no, slow down", "command:slower"),
    ("limbs", "no, what was the question again?", "command:repeat"),
    ("walking_toilet", "no, start again", "command:start_over"),
    # An order to a child after a "no": the "no" was the child's.
    ("fever_chills", "no, don't climb on that", "off_topic"),
])
def test_a_word_before_a_command(reader: AnswerReader, question: str, text: str, expected: str) -> None:
    assert kind(reader, question, text) == expected


def test_a_no_before_what_the_child_cannot_stop_is_not_a_command(reader: AnswerReader) -> None:
    assert kind(reader, "heart_control", "no she could not stop it") != "command:stop"


@pytest.mark.parametrize(("question", "text", "expected"), [
    # What a well child does, said missing, is the sign: "no" is part of it (rule 2), never the answer.
    ("walking_toilet", "no wee since breakfast", "yes"),
    ("walking_toilet", "nothing wet since lunchtime", "yes"),
    ("cramps_night_weight", "no sleep at all, the pain kept waking him up", "yes"),
    # ...unless its part says that is well.
    ("walking_toilet", "no, wees are normal", "no"),
    ("walking_toilet", "no pain when she pees", "no"),
])
def test_a_missing_function_is_the_sign(reader: AnswerReader, question: str, text: str, expected: str) -> None:
    assert kind(reader, question, text) == expected


@pytest.mark.parametrize(("question", "text", "expected"), [
    # A "no" drawn from what was just told: the words about the question before it were the evidence.
    ("limbs", "he was climbing the stairs on his hands and knees all morning, so no, nothing wrong there", "no"),
    ("walking_toilet", "she ran to the park and did a big wee on the potty, so no", "no"),
])
def test_a_no_drawn_from_what_was_told(reader: AnswerReader, question: str, text: str, expected: str) -> None:
    assert kind(reader, question, text) == expected


def test_a_no_drawn_after_a_sign_is_never_a_no(reader: AnswerReader) -> None:
    assert kind(reader, "walking_toilet", "she won't walk, so no") == "yes"


@pytest.mark.parametrize(("question", "text", "expected"), [
    # News said first, then a word to the child: the news was for us.
    ("anything_else", "she's had a cough and a runny nose since friday, shh sweetheart", "yes"),
    # ...but an order that holds the health word is to the child.
    ("fever_chills", "drink your milk, little sips", "off_topic"),
    ("breathing_alertness", "what, say it again, he's screaming in my ear", "command:repeat"),
])
def test_a_child_named_or_soothed_beside_an_answer(reader: AnswerReader, question: str, text: str,
                                                   expected: str) -> None:
    assert kind(reader, question, text) == expected


def test_this_one_names_the_child_never_a_temperature(reader: AnswerReader) -> None:
    # "This one" was read as a temperature of one, which the cue word made a fever said.
    answer = reader.read("fever_chills", "her cousin had a fever on sunday, poor thing, but this one hasn't had it")
    assert not [f for f in answer.findings if f.status is Status.PRESENT and f.basis is Basis.SAID]


@pytest.mark.parametrize(("question", "text", "expected"), [
    # A story told before a turn, naming nothing about the question: its "the same" is not the answer.
    ("breathing_alertness", "his dad slept like a log as a baby and this one's the same, so I thought nothing of it. "
                            "but just now I lifted him and he barely opened his eyes", "yes"),
    # A preamble with a hedge is an answer, never a story.
    ("fever_chills", "possibly. she had a little shiver after her bath, but the bathroom was cold", "unsure"),
])
def test_a_story_before_the_answer(reader: AnswerReader, question: str, text: str, expected: str) -> None:
    assert kind(reader, question, text) == expected


@pytest.mark.parametrize(("question", "text", "expected"), [
    # Requests said beside a "yes" or an "ok": never a yes to the signs, never a "no".
    ("fever_chills", "ok ok enough", "command:stop"),
    ("heart_control", "yes yes stop stop", "command:stop"),
    ("limbs", "yes, sorry, I missed that", "command:repeat"),
    ("course", "yeah what was that", "command:repeat"),
    ("cramps_night_weight", "definitely, can you go over that again", "command:repeat"),
])
def test_a_request_beside_a_yes_or_an_ok(reader: AnswerReader, question: str, text: str, expected: str) -> None:
    assert kind(reader, question, text) == expected


@pytest.mark.parametrize(("question", "text", "expected"), [
    # Words that are the sign itself, said with a negation (rule 2): these were wrong noes.
    ("heart_control", "not normal", "unsure"),
    ("breathing_alertness", "he can't hardly breathe", "yes"),
    ("breathing_alertness", "no reaction when I say his name", "yes"),
    ("breathing_alertness", "no, she doesn't answer me", "yes"),
    ("cramps_night_weight", "nothing stops the cramps", "yes"),
    ("walking_toilet", "he isn't peeing much", "yes"),
    # ...and the honest noes beside them.
    ("breathing_alertness", "no, he's answering me and breathing fine", "no"),
    ("heart_control", "no, normal", "no"),
])
def test_the_sign_said_with_a_negation(reader: AnswerReader, question: str, text: str, expected: str) -> None:
    assert kind(reader, question, text) == expected
