"""The answer reader on the classes the outside batches answers_ad/ae and the held-out confusion counts showed
(answers6, #9): each test in our own words."""

from __future__ import annotations

import pytest

from helpers import kind
from voicecare.conversation.answers import AnswerReader
from voicecare.domain import Status


@pytest.mark.parametrize(("question", "text", "sign"), [
    # The matcher may read a sign's words on over a clause break under the first part's negation; the statement
    # after the break names the sign by itself, so it is there (a wrong "no" hides a red flag).
    ("walking_toilet", "he hasn't pooed at all today, and he's straining and crying on the potty",
     "bladder_bowel_problems"),
    ("walking_toilet", "she can't walk right, she's hobbling about like an old lady", "trouble_walking"),
])
def test_a_statement_after_a_break_is_not_denied_by_the_part_before(reader: AnswerReader, question: str, text: str,
                                                                     sign: str) -> None:
    answer = reader.read(question, text)
    assert answer.kind.value == "yes"
    assert {f.symptom.id: f.status for f in answer.findings}[sign] is Status.PRESENT


@pytest.mark.parametrize(("question", "text"), [
    # A list said after a "no" has no statement of its own: still a "no".
    ("fever_chills", "no fever, no chills, no shivering"),
    ("walking_toilet", "no, he's walking fine and his nappies are normal"),
])
def test_a_list_after_a_no_stays_a_no(reader: AnswerReader, question: str, text: str) -> None:
    assert kind(reader, question, text) == "no"


@pytest.mark.parametrize("text", [
    # After "anything else?", a bare "no" with words beside it we cannot place, but no health word and no sign:
    # no question's red flag can hide in it, so the talk may end.
    "no that is all my dear",
    "honestly I could chat all day, but no, I think that's everything",
    "no, I'll ring the surgery in the morning",
])
def test_a_no_that_closes_the_talk(reader: AnswerReader, text: str) -> None:
    assert kind(reader, "anything_else", text) == "no"


@pytest.mark.parametrize("text", [
    # News first, then the closing words: the news was the answer.
    "my husband says to tell you she had a fall at nursery last week, and yeah I think that's it",
    # A "no" inside a statement is no answer, and a "no" turned from hears more.
    "he doesn't want to bend down for his toys, he squats instead",
    "no, but she's been acting odd since lunch",
])
def test_news_or_more_after_anything_else_is_heard_out(reader: AnswerReader, text: str) -> None:
    answer = reader.read("anything_else", text)
    assert (answer.kind.value, answer.news) == ("yes", True)


@pytest.mark.parametrize(("question", "text", "expected"), [
    # Each of the question's words said as a heading, answered by the part after it (an anxious parent going
    # through the list): a heading answered "normal", "no" or with a normal reading is denied there.
    ("breathing_alertness", "Breathing, fine, I watched her chest.", "no"),
    ("heart_control", "Heart, I counted it, seemed normal. Accidents, no, none.", "no"),
    ("fever_chills", "Fever, I checked, it's 99.1. Chills, no.", "no"),
    ("fever_chills", "Fever, normal. Chills, none.", "no"),
    ("walking_toilet", "no no, walking, toilet, everything is normal", "no"),
    # A heading answered with anything else stands: a sign, a fever reading, a yes, a little.
    ("breathing_alertness", "Breathing, fast and noisy. Sleepy, no.", "partial"),
    ("breathing_alertness", "Breathing, normal. Sleepy, a bit.", "partial"),
    ("fever_chills", "Fever, 39.5. Chills, no.", "partial"),
    ("fever_chills", "Fever, normal. Chills, yes.", "partial"),
    # A number is never a heading: "39.5" is a fever, whatever comes after it.
    ("fever_chills", "39.5. Chills, no.", "partial"),
])
def test_headings_are_answered_by_the_part_after_them(reader: AnswerReader, question: str, text: str,
                                                      expected: str) -> None:
    assert kind(reader, question, text) == expected


@pytest.mark.parametrize(("text", "expected"), [
    # A start said with a recent time is not back pain lasting days.
    ("nah it just started today and she went down fine for her nap", "no"),
    ("no, it started only this morning and it's already better", "no"),
    # "Just started" with what started is the sign.
    ("it just started getting worse", "yes"),
    ("it started today and it's getting worse", "yes"),
])
def test_a_recent_start_answers_how_long(reader: AnswerReader, text: str, expected: str) -> None:
    assert kind(reader, "course", text) == expected


@pytest.mark.parametrize(("text", "expected"), [
    # A negation just before what a well child does is the sign (rule 2), even where the matcher read a longer
    # sign from the deed on under that negation.
    ("he hasn't peed all day and he's crying", "yes"),
    ("she hasn't had a wee since lunch and she keeps crying", "yes"),
    # The negation of the trouble itself still denies it.
    ("she doesn't cry when she pees", "no"),
    ("no he's not crying when he pees and he walks fine", "no"),
])
def test_a_deed_not_done_is_the_sign(reader: AnswerReader, text: str, expected: str) -> None:
    assert kind(reader, "walking_toilet", text) == expected


@pytest.mark.parametrize("text", [
    # Promises and questions to a child in the room are no answer: asked again, never a "no" from the "ok".
    "ok ok charlie I'll give you the tablet in a sec",
    "are you watching that again, turn it down please",
])
def test_promises_and_questions_to_the_room_are_off_topic(reader: AnswerReader, text: str) -> None:
    assert kind(reader, "walking_toilet", text) == "off_topic"


def test_a_sign_said_beside_words_to_the_room_still_counts(reader: AnswerReader) -> None:
    assert kind(reader, "walking_toilet", "in a sec, she can't walk, her legs keep giving way") == "yes"


@pytest.mark.parametrize(("question", "text", "expected"), [
    # A normal number a few words after the question's word answers it ("her temp was 37.2"); a high one is
    # the sign.
    ("fever_chills", "nah she's not hot or shivery, her temp was 37.2 an hour ago", "no"),
    ("fever_chills", "she's not shivery, her temp was 39.2 an hour ago", "partial"),
])
def test_a_normal_number_a_few_words_on_answers_the_word(reader: AnswerReader, question: str, text: str,
                                                         expected: str) -> None:
    assert kind(reader, question, text) == expected


@pytest.mark.parametrize(("question", "text", "expected"), [
    # News first, a word to someone beside the caregiver, then the news again: the news was for us.
    ("fever_chills", "she keeps pulling at her ear, Mum, let me say it, pulling at her left ear", "new_info"),
    # A person talked about is no one talked to.
    ("cramps_night_weight", "nope, she slept fine, her mum said so", "no"),
    # The order itself stays words to the room.
    ("fever_chills", "here, drink your water, little sips", "off_topic"),
])
def test_asides_beside_news_and_people_talked_about(reader: AnswerReader, question: str, text: str,
                                                    expected: str) -> None:
    assert kind(reader, question, text) == expected


def test_asking_whether_to_say_yes_or_no_is_never_a_no(reader: AnswerReader) -> None:
    assert kind(reader, "course", "sorry, what should I tell you here? do I just say yes or no?") != "no"


@pytest.mark.parametrize(("text", "expected"), [
    # "Can't ... without crying": the trouble comes every time (rule 2), never a "no".
    ("he can't pee without crying", "yes"),
    ("no, he pees without crying", "no"),
])
def test_not_without_is_the_sign(reader: AnswerReader, text: str, expected: str) -> None:
    assert kind(reader, "walking_toilet", text) == expected


def test_a_no_said_twice_is_still_a_no(reader: AnswerReader) -> None:
    # Negative concord: "hasn't had no problem" denies; the sign after the turn counts.
    text = "she hasn't had no problem with her heart but she pooped her pants and she can't hold it"
    assert kind(reader, "heart_control", text) == "partial"


@pytest.mark.parametrize(("question", "text", "expected"), [
    # A statement started at a subject inside a sign's words, said without a pause, is not denied by the
    # negation before it.
    ("fever_chills", "no she's not hot she's roasting", "yes"),
    ("fever_chills", "no she's not hot she's fine", "no"),
    # A stated denial of a well word is a doubt, never a "no".
    ("fever_chills", "she doesn't feel cool at all", "unsure"),
    ("fever_chills", "no she doesn't, she feels fine", "no"),
])
def test_statements_without_a_pause(reader: AnswerReader, question: str, text: str, expected: str) -> None:
    assert kind(reader, question, text) == expected


@pytest.mark.parametrize(("text", "expected"), [
    # News said as a statement right after a bare "no" is news, as after "no, but ...": the question is not
    # taken as answered by a "no" that came with news.
    ("no she's been off her food", "new_info"),
    ("no he threw up this morning", "new_info"),
    ("no she's eating fine", "no"),
])
def test_news_stated_right_after_a_no(reader: AnswerReader, text: str, expected: str) -> None:
    assert kind(reader, "cramps_night_weight", text) == expected
