"""Answers read by ``voicecare answer`` and the conversation alike (issue #9, answers14): an acknowledgement is no
answer, a "no" beside news is no clean "no", a command word among colour words is how the child looks, a
correction that names the same sign wins, a worried question about now is the sign, and a doubt about one sign of
a grouped question is not read back as doubt about the other (outside review 15, F6)."""

from __future__ import annotations

import pytest

from helpers import kind
from voicecare.conversation.answers import AnswerReader
from voicecare.conversation.dialog import Conversation
from voicecare.domain import Basis, Level, Status
from voicecare.understanding.assistant import Assistant

DESCRIPTION = "his back is sore after football"


def _present(reader: AnswerReader, question: str, text: str) -> dict[str, Basis]:
    return {f.symptom.id: f.basis for f in reader.read(question, text).findings if f.status is Status.PRESENT}


def _absent(reader: AnswerReader, question: str, text: str) -> set[str]:
    return {f.symptom.id for f in reader.read(question, text).findings if f.status is Status.ABSENT}


@pytest.mark.parametrize("text", ["ok", "okay", "alright", "all right", "right", "okay okay", "ok ok", "ok thanks"])
@pytest.mark.parametrize("question", ["breathing_alertness", "heart_control", "fever_chills", "limbs"])
def test_an_acknowledgement_alone_is_unclear_never_a_no(reader: AnswerReader, question: str, text: str) -> None:
    # "ok" was read as the well child's "ok": a "no" to every red flag asked.
    answer = reader.read(question, text)
    assert answer.kind.value == "unsure", text
    assert not any(f.status is Status.ABSENT for f in answer.findings)
    assert all(f.basis is Basis.UNHEARD for f in answer.findings)  # read back as not heard (rule 14)


@pytest.mark.parametrize(("text", "label"), [
    ("ok yes", "yes"),
    ("okay so yes he is", "yes"),
    ("alright yeah", "yes"),
    ("ok no", "no"),
    ("alright, no she's fine", "no"),
    ("okay, nope", "no"),
    ("yeah ok", "yes"),  # the "ok" after the yes takes the question in: never the well child's "ok"
])
def test_an_acknowledgement_then_the_answer_is_the_answer(reader: AnswerReader, text: str, label: str) -> None:
    assert kind(reader, "breathing_alertness", text) == label


def test_okay_in_the_callers_first_language_said_first(reader: AnswerReader) -> None:
    assert kind(reader, "fever_chills", "Sawa, no fever, no chills. Only the back.") == "no"


@pytest.mark.parametrize("text", ["ok", "right", "ok thanks"])
def test_an_acknowledgement_alone_after_anything_else_is_not_understood(reader: AnswerReader, text: str) -> None:
    answer = reader.read("anything_else", text)
    assert (answer.kind.value, answer.news, answer.findings) == ("unsure", False, ())


def test_ok_in_the_conversation_never_denies(assistant: Assistant) -> None:
    talk = Conversation(assistant)
    talk.hear(DESCRIPTION)
    turn = talk.hear("ok")
    assert turn.disposition is Level.EMERGENCY  # an unclear answer to a red-flag question counts (rule 4)
    assert not any(f.status is Status.ABSENT for f in talk.found)


@pytest.mark.parametrize("text", ["not eating, no", "she's been sick no", "no colour in her cheeks",
                                  "she's been crying no", "no, she's been sick"])
def test_a_no_beside_news_is_no_clean_no(reader: AnswerReader, text: str) -> None:
    # Rule: news instead of an answer; nothing denied, the question is asked again.
    answer = reader.read("breathing_alertness", text)
    assert answer.kind.value == "new_info", text
    assert not any(f.status is Status.ABSENT for f in answer.findings)


def test_a_no_said_to_the_room_beside_a_meal_stays_to_the_room(reader: AnswerReader) -> None:
    assert kind(reader, "cramps_night_weight", "No, you can't have a biscuit before dinner.") == "off_topic"


def test_pale_news_beside_breathing_fine_denies_the_breathing_only(reader: AnswerReader) -> None:
    answer = reader.read("breathing_alertness", "no colour in his cheeks but he's breathing fine")
    assert _absent(reader, "breathing_alertness", answer.input) == {"trouble_breathing"}
    assert set(answer.unanswered) == {"very_drowsy", "confusion", "fainting"}


def test_pale_then_no_blue_is_a_doubt_not_a_no(reader: AnswerReader) -> None:
    # "No" or "now" blue after news of the lips: rule 4, the breathing sign counts as unsure; the rest not heard.
    present = _present(reader, "breathing_alertness", "her lips are pale, no blue")
    assert present["trouble_breathing"] is Basis.UNSURE
    assert {present[s] for s in ("very_drowsy", "confusion", "fainting")} == {Basis.UNHEARD}


def test_a_no_said_of_the_sign_itself_still_denies_it(reader: AnswerReader) -> None:
    assert "trouble_breathing" in _absent(reader, "breathing_alertness", "her lips are fine, no blue")


@pytest.mark.parametrize("text", ["they're not blue, more grey", "not blue more grey", "not blue, more purple"])
def test_a_command_word_among_colours_is_how_the_child_looks(reader: AnswerReader, text: str) -> None:
    # Never the command "more", never a "no": the colour is told, and the question asked again.
    answer = reader.read("breathing_alertness", text)
    assert answer.kind.value not in ("command", "no", "off_topic"), text
    assert "trouble_breathing" not in _absent(reader, "breathing_alertness", text)


def test_a_colour_said_of_the_lips_in_other_words_is_the_sign(reader: AnswerReader) -> None:
    assert kind(reader, "breathing_alertness", "her lips are not blue, they're grey") == "yes"


def test_more_alone_is_still_the_command(reader: AnswerReader) -> None:
    assert kind(reader, "breathing_alertness", "more") == "command:more"


@pytest.mark.parametrize("text", ["her lips are blue, no sorry, they're pink",
                                  "her lips are blue, no sorry, her lips are fine",
                                  "she's breathing fast, sorry, I mean she's breathing normally"])
def test_a_correction_naming_the_same_sign_wins(reader: AnswerReader, text: str) -> None:
    answer = reader.read("breathing_alertness", text)
    assert answer.kind.value == "no", text
    assert _absent(reader, "breathing_alertness", text) == {"trouble_breathing"}
    # The other signs were not talked about: asked again, never denied.
    assert set(answer.unanswered) == {"very_drowsy", "confusion", "fainting"}


@pytest.mark.parametrize(("text", "label"), [
    ("yes, no wait, sorry, no", "no"),
    # A later bare "no" does not name the sign: the sign said stands (a wrong "no" hides a red flag).
    ("she's breathing really fast, no wait, no", "yes"),
    ("her lips are blue, no sorry, she's fine", "yes"),
    ("yes, no wait, sorry, I'm not sure", "unsure"),
])
def test_a_correction_that_does_not_name_the_sign(reader: AnswerReader, text: str, label: str) -> None:
    assert kind(reader, "breathing_alertness", text) == label


@pytest.mark.parametrize(("question", "text", "sign"), [
    ("heart_control", "what if that's her heart racing?", "abnormal_heart_rate"),
    ("breathing_alertness", "what if she's breathing too fast?", "trouble_breathing"),
    ("breathing_alertness", "is it serious if her lips look a bit blue?", "trouble_breathing"),
    ("breathing_alertness", "is it bad she's breathing so fast?", "trouble_breathing"),
])
def test_a_worried_question_about_now_is_the_sign(reader: AnswerReader, question: str, text: str, sign: str) -> None:
    answer = reader.read(question, text)
    assert answer.kind.value in ("yes", "unsure"), text
    assert sign in _present(reader, question, text)


@pytest.mark.parametrize(("question", "text"), [
    ("fever_chills", "what if she gets a fever?"),
    ("breathing_alertness", "what if she gets breathless later"),
])
def test_a_what_if_about_later_stays_a_what_if(reader: AnswerReader, question: str, text: str) -> None:
    assert kind(reader, question, text) == "off_topic"


@pytest.mark.parametrize("text", ["I'm not sure, his heart seemed fast",
                                  "no, well, actually, I'm not sure, his heart seemed fast earlier when he was crying",
                                  "not sure about his heart"])
def test_a_doubt_about_one_sign_is_not_doubt_about_the_other(reader: AnswerReader, text: str) -> None:
    # Outside review 15, F6: "You were not sure about loss of bladder or bowel control" - nobody spoke of it.
    present = _present(reader, "heart_control", text)
    assert present["loss_of_control"] is Basis.UNHEARD  # still counted (rule 4), read back as not heard
    assert present["abnormal_heart_rate"] is not Basis.UNHEARD


def test_not_sure_alone_is_doubt_about_every_sign(reader: AnswerReader) -> None:
    assert set(_present(reader, "heart_control", "I'm not sure").values()) == {Basis.UNSURE}


def test_f6_in_the_conversation_reads_back_the_toilet_as_not_heard(assistant: Assistant) -> None:
    talk = Conversation(assistant)
    talk.hear(DESCRIPTION)
    talk.hear("no")
    turn = talk.hear("no, well, actually, I'm not sure, his heart seemed fast earlier when he was crying")
    words = " ".join(m.text for m in turn.messages)
    assert "not sure about loss of bladder" not in words, words
