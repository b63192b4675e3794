"""A "no" with news after it, and "what did you hear?" (#9): news is heard and acted on, read-backs are honest."""

from __future__ import annotations

import pytest

from voicecare.app import answer_eval
from voicecare.conversation.answers import AnswerReader
from voicecare.conversation.dialog import Conversation, State
from voicecare.domain import Level, Message, Status
from voicecare.understanding.assistant import Assistant

OUTSIDE = "serious_illness_outside_topic"



def said(messages: tuple[Message, ...]) -> str:
    return " ".join(m.text for m in messages)


@pytest.mark.parametrize("question", ["fever_chills", "limbs", "breathing_alertness"])
@pytest.mark.parametrize("text", ["no, but she's been throwing up", "no but he's been sick twice"])
def test_a_no_then_news_denies_the_question_and_keeps_the_news(reader: AnswerReader, question: str,
                                                                text: str) -> None:
    answer = reader.read(question, text)
    found = {f.symptom.id: f.status for f in answer.findings}
    assert answer_eval.label(answer) == "new_info"
    # The "no" stands for every sign asked; the vomiting again is its own finding (beyond the sheet: urgent).
    assert found.pop(OUTSIDE) is Status.PRESENT
    assert set(found.values()) == {Status.ABSENT}


@pytest.mark.parametrize("text", ["no, but she's been throwing up", "no but he's been sick twice"])
def test_news_in_an_answer_is_read_back_and_raises_the_advice(assistant: Assistant, text: str) -> None:
    talk = Conversation(assistant)
    talk.hear("her back is sore after the park")
    asked = talk.asked[-1]
    turn = talk.hear(text)
    # Read back before the next question, never a yes to the question it answered (rule 14).
    assert "a serious sign this guide does not cover" in said(turn.said_aloud)
    assert talk.state is State.INTERVIEW and talk.asked[-1] is not asked
    while talk.state is State.INTERVIEW:
        turn = talk.hear("no")
    assert turn.disposition is Level.URGENT
    assert "call your child's doctor now" in said(turn.messages)


@pytest.mark.parametrize("ask", ["what did you hear?", "what did you get", "what do you think I said"])
def test_what_did_you_hear_reads_back_what_was_understood(assistant: Assistant, ask: str) -> None:
    talk = Conversation(assistant)
    talk.hear("her back is sore after the park")
    question = talk.asked[-1]
    talk.hear("no")
    turn = talk.hear(ask)
    assert turn.command == "heard" and turn.disposition is None
    assert said(turn.said_aloud).startswith("I heard: back pain or spasm.")
    # Not an answer: nothing is counted, and the open question is asked again.
    assert talk.state is State.INTERVIEW and turn.said_aloud[-1].text == talk.asked[-1].ask
    assert talk.asked[-1] is not question


def test_what_did_you_hear_after_silence_says_it_was_not_heard(assistant: Assistant) -> None:
    talk = Conversation(assistant)
    talk.hear("her back is sore after the park")
    talk.hear("")  # silence counts as yes (rule 4): an emergency, taken as such, never claimed as heard
    turn = talk.hear("what did you hear")
    assert "I did not hear a clear answer about trouble breathing" in said(turn.said_aloud)
    assert "I heard: back pain or spasm." in said(turn.said_aloud)
    # A "no" still takes the unheard answer back, as it would have without the question in between.
    assert talk.hear("no").disposition is not Level.EMERGENCY


def test_what_did_you_hear_before_anything_says_nothing_was_understood(assistant: Assistant) -> None:
    talk = Conversation(assistant)
    turn = talk.hear("what did you hear")
    assert turn.command == "heard" and "I heard" not in said(turn.said_aloud)
    assert "Call 911 if" in said(turn.said_aloud)  # rule 7: nothing understood names the 911 signs
    # Asking used up nothing: the disclaimer is still said once, with the first answer (rule 8).
    assert "I do not replace a doctor." in said(talk.hear("her back is sore after the park").said_aloud)


AFFIRMING = {"yes", "partial", "unsure"}


@pytest.mark.parametrize(("question", "text"), [
    # A command word after a negation is what the child does: never "stop" (rule 2, the sign itself).
    ("heart_control", "yes he couldn't stop it"),
    ("heart_control", "yes sir, trained since summer, but today the susu came and she could not stop it"),
    # Text-speak said aloud, and someone else does the nappies: a hedge, never a no (rule 10).
    ("walking_toilet", "idk, his mum does the nappies, i don't change them"),
])
def test_answers_that_count_the_signs(reader: AnswerReader, question: str, text: str) -> None:
    assert answer_eval.label(reader.read(question, text)) in AFFIRMING


@pytest.mark.parametrize(("question", "text"), [
    # A well word beside other health news is no "no": news about the child (its own finding, when known).
    ("cramps_night_weight", "his dad says he's been very grumpy and off his food"),
])
def test_a_well_word_with_news_is_news(reader: AnswerReader, question: str, text: str) -> None:
    assert answer_eval.label(reader.read(question, text)) == "new_info"


@pytest.mark.parametrize(("question", "text"), [
    # A filler that is a well word explains its part: "okay" here says the sleep is fine.
    ("course", "no, not getting worse, and he is sleeping okay"),
    # Terms of address and fond asides say nothing about the child.
    ("limbs", "no, no weakness. strong as a horse, this one"),
    ("breathing_alertness", "my grandson? no dear, he is breathing nicely"),
    # Words that are well only for one question: telling you when a wee is coming is no accident.
    ("heart_control", "no, heartbeat is steady and he tells me every time he needs a wee"),
])
def test_honest_noes_said_with_detail(reader: AnswerReader, question: str, text: str) -> None:
    assert answer_eval.label(reader.read(question, text)) == "no"


def test_a_questions_own_well_words_deny_nothing_elsewhere(reader: AnswerReader) -> None:
    # To the walking and peeing question the same words say nothing of pain when peeing: never a "no".
    text = "he tells me every time he needs a wee and it stings"
    assert answer_eval.label(reader.read("walking_toilet", text)) != "no"


@pytest.mark.parametrize(("question", "text"), [
    # Telling a child what to do, or a grown-up on the phone what you will fetch: asked again, nothing counted.
    ("heart_control", "nadia sit down, do not jump on the bed"),
    ("walking_toilet", "come on walk to daddy that's it"),
    ("fever_chills", "yeah ok i'll grab bread on the way back"),
    # Back pain, the reason for the call, said to a sibling does not make it an answer.
    ("walking_toilet", "leave your brother alone, his back is sore"),
])
def test_talk_to_the_room(reader: AnswerReader, question: str, text: str) -> None:
    assert answer_eval.label(reader.read(question, text)) == "off_topic"


def test_a_red_flag_said_to_the_room_still_counts(reader: AnswerReader) -> None:
    assert answer_eval.label(reader.read("walking_toilet", "sit down, she can't walk at all")) in AFFIRMING


@pytest.mark.parametrize("text", ["pulse about one eighty no accidents though", "his heart rate's one ninety, no accidents"])
def test_a_denial_that_names_its_object_never_denies_the_sign_before_it(reader: AnswerReader, text: str) -> None:
    # Under-triage is the worst bug: "no accidents" denies accidents, never the very fast heartbeat just said.
    found = {f.symptom.id: f.status for f in reader.read("heart_control", text).findings}
    assert found["abnormal_heart_rate"] is Status.PRESENT


def test_anything_else_answered_with_something_we_cannot_place_adds_it(reader: AnswerReader) -> None:
    # No hedge in it: it adds something (a yes that carries news); the conversation hears it as a description.
    answer = reader.read("anything_else", "he had some calpol at teatime")
    assert (answer_eval.label(answer), answer.news) == ("yes", True)


@pytest.mark.parametrize(("question", "text"), [
    ("cramps_night_weight", "no, he sleeps like a top and the cramp came the once"),
    ("course", "no, she went straight off to sleep and it is easing"),
])
def test_sleeping_well_said_the_way_people_say_it(reader: AnswerReader, question: str, text: str) -> None:
    assert answer_eval.label(reader.read(question, text)) == "no"


@pytest.mark.parametrize(("question", "text"), [
    ("cramps_night_weight", "no, he's up every couple of hours crying"),
    ("breathing_alertness", "no, she's a lot quieter than normal"),
])
def test_news_we_cannot_place_denies_nothing(reader: AnswerReader, question: str, text: str) -> None:
    # It may be the question's own sign in other words: nothing is denied, the question is asked again (rule 4).
    assert not [f for f in reader.read(question, text).findings if f.status is Status.ABSENT]


def test_a_good_while_is_no_well_word(reader: AnswerReader) -> None:
    # "Good" grading an amount says the pain has lasted: never a "no" to "has it lasted more than a few days?".
    assert answer_eval.label(reader.read("course", "no, it's been going on a good while now")) != "no"


@pytest.mark.parametrize(("question", "text"), [
    # Not being able to is the sign itself (rule 2), as "can't" is.
    ("breathing_alertness", "no he hasnt been able to catch his breath"),
    # A "not" before what the child does negates the doing: not doing it is the sign.
    ("limbs", "no she hasnt used her left arm since lunch"),
    ("cramps_night_weight", "no it just doesnt stop coming back"),
    # Weight lost said without the word "weight".
    ("cramps_night_weight", "nope she hasnt put on any weight she's lost a little"),
])
def test_a_negative_statement_that_is_the_sign_is_never_a_no(reader: AnswerReader, question: str,
                                                             text: str) -> None:
    assert answer_eval.label(reader.read(question, text)) in AFFIRMING


def test_not_being_able_to_breathe_is_an_emergency_in_a_description(assistant: Assistant) -> None:
    assert assistant.answer("her back hurts and she hasn't been able to catch her breath").disposition \
        is Level.EMERGENCY


@pytest.mark.parametrize(("question", "text"), [
    ("walking_toilet", "no, she is crying while doing susu"),  # children's and other Englishes' words for peeing
    ("course", "no, the pain is more than before"),  # getting worse, said as "more than before"
])
def test_other_words_for_the_questions_signs(reader: AnswerReader, question: str, text: str) -> None:
    assert answer_eval.label(reader.read(question, text)) in AFFIRMING


def test_someone_else_does_the_nappies_is_no_hedge_about_what_she_does(reader: AnswerReader) -> None:
    # "She does those" (someone else changes them) is a hedge; "she does her wee fine" is a plain no.
    assert answer_eval.label(reader.read("walking_toilet", "no, she does her wee fine")) == "no"


def test_a_yeah_to_someone_else_inside_a_no_is_an_aside(reader: AnswerReader) -> None:
    # A parent on the phone: "yeah babe" answers the other person; the answer around it is a plain no.
    text = "no his arms and legs are fine yeah babe i know no pain down the leg either"
    assert answer_eval.label(reader.read("limbs", text)) == "no"
    # Words to the child with a "no" in them are still talk to the room, never a "no" to the question.
    assert answer_eval.label(reader.read("walking_toilet", "no, stop it, walk properly darling")) == "off_topic"


@pytest.mark.parametrize("text", [
    "no he is hot though",  # recogniser form: "no" then a statement of the sign, no comma (rule 2)
    "nope she's toasty",  # hot said the way people say it
])
def test_a_no_then_the_sign_said_plainly_counts_the_sign(reader: AnswerReader, text: str) -> None:
    found = {f.symptom.id: f.status for f in reader.read("fever_chills", text).findings}
    assert found["fever"] is Status.PRESENT


def test_teeth_chattering_is_chills_and_chattering_away_is_talk_elsewhere(reader: AnswerReader) -> None:
    # "Chattering away" says a child is alert and talking, except to the fever question, where teeth chatter.
    assert answer_eval.label(reader.read("fever_chills", "his teeth are chattering away")) in AFFIRMING
    assert answer_eval.label(reader.read("breathing_alertness", "no, he is chattering away")) == "no"


def test_a_sign_whose_own_words_end_in_well_words_is_the_sign(reader: AnswerReader) -> None:
    # "Is right" is a well word, but inside the sign's own phrase it is the sign: never a "no" (rule 2).
    assert answer_eval.label(reader.read("breathing_alertness", "dont think her breathing is right")) in AFFIRMING


@pytest.mark.parametrize(("question", "text"), [
    # Room words that an answer about the child may hold are not talk to the room.
    ("walking_toilet", "no she can sit down and stand up fine"),
    ("breathing_alertness", "no she is watching telly on the sofa"),
    # A reading said well is never turned into the sign by a leading "no".
    ("fever_chills", "no she has a normal temperature"),
])
def test_honest_noes_in_recogniser_form(reader: AnswerReader, question: str, text: str) -> None:
    assert answer_eval.label(reader.read(question, text)) == "no"


def test_it_does_not_stop_her_walking_is_a_no(reader: AnswerReader) -> None:
    # "Not stop" is the sign only for what never ends ("it doesn't stop coming back"), not for what it allows.
    assert answer_eval.label(reader.read("walking_toilet", "no it does not stop her walking")) == "no"
