"""Outside review 22's findings left for review22b (issue #9 honesty and #7), each as a class with variants and near
misses written here: F1 (a sign said after "no not" is the sign), F11 (read-backs that claim words not said), F9 (a
half denial before a sign is a doubt) and F10 (the read-back kept beside a care question). Through the real
assistant, the real answer reader and the real ``Conversation``."""

from __future__ import annotations

import pytest

from voicecare.conversation import budget
from voicecare.conversation.answers import AnswerKind, AnswerReader
from voicecare.conversation.dialog import Conversation, Turn
from voicecare.domain import Finding, Level, Message, MessageKind, Status, TriageResult
from voicecare.speech_out.tts import DEFAULT_RATE_WPM
from voicecare.understanding.assistant import Assistant


def found(result: TriageResult) -> dict[str, Finding]:
    return {f.symptom.id: f for f in result.findings}


def readback(result: TriageResult) -> str:
    return " ".join(m.text for m in result.messages if m.kind is MessageKind.READBACK)


def said(turn: Turn) -> str:
    return " ".join(m.text for m in turn.said_aloud)


# F1: "no, but she feels really hot" heard "no not she feels really hot": a fever denied, "No fever", home care.


@pytest.mark.parametrize("text", ["no not she feels really hot", "no not he's burning up", "nope she's burning up",
                                  "no she feels really hot", "not she feels so hot",
                                  "no not he is burning up and his back hurts"])
def test_a_sign_said_after_a_leading_no_not_is_the_sign(assistant: Assistant, text: str) -> None:
    result = assistant.answer(text)
    fever = found(result)["fever"]
    assert fever.status is Status.PRESENT, result
    assert result.disposition is Level.URGENT, result
    assert "No fever" not in readback(result), readback(result)


@pytest.mark.parametrize("text", ["no, not hot at all", "not hot, no", "no she's not feeling hot", "not feeling hot",
                                  "no fever she feels fine"])
def test_a_denial_inside_the_clause_still_denies(assistant: Assistant, text: str) -> None:
    result = assistant.answer(text)
    assert result.disposition > Level.URGENT, result
    assert all(f.status is not Status.PRESENT for f in result.findings if f.symptom.id == "fever"), result


@pytest.mark.parametrize("text", ["no not she feels really hot", "no not he's burning up"])
def test_at_the_fever_question_a_sign_after_no_not_is_a_yes(reader: AnswerReader, text: str) -> None:
    read = reader.read("fever_chills", text)
    assert read.kind is AnswerKind.YES, read
    statuses = {f.symptom.id: f.status for f in read.findings}
    assert statuses.get("fever") is Status.PRESENT and statuses.get("chills") is not Status.ABSENT, read


@pytest.mark.parametrize("text", ["no, not hot at all", "not hot, no", "no she's not hot"])
def test_at_the_fever_question_the_near_misses_stay_noes(reader: AnswerReader, text: str) -> None:
    assert reader.read("fever_chills", text).kind is AnswerKind.NO


def test_in_chat_no_not_she_feels_really_hot_is_no_home_care(assistant: Assistant) -> None:
    talk = Conversation(assistant)
    turn = talk.hear("no not she feels really hot and her back hurts")
    assert turn.disposition is Level.URGENT, turn
    assert "No fever" not in " ".join(m.text for m in turn.messages)


# F11: read-backs that claim words not said.


@pytest.mark.parametrize("text", ["she went all pale and wobbly like she was going to faint",
                                  "he looked like he was about to pass out", "she is about to faint, her back hurts"])
def test_a_sign_on_its_way_is_a_doubt_as_almost_fainted_is(assistant: Assistant, text: str) -> None:
    result = assistant.answer(text)
    fainting = found(result)["fainting"]
    assert result.disposition is Level.EMERGENCY, result  # rule 4: still the 911
    assert fainting.status is Status.PRESENT and fainting.uncertain, result
    assert "I heard: fainting" not in readback(result)


def test_going_to_get_stays_a_what_if(assistant: Assistant) -> None:
    assert found(assistant.answer("she's going to get a fever"))["fever"].status is Status.HYPOTHETICAL


@pytest.mark.parametrize("text", ["I don't think it's an emergency, she's just very drowsy and hard to wake",
                                  "I don't think it's an emergency, her back is sore"])
def test_the_caregivers_own_judgement_denied_is_not_read_back(assistant: Assistant, text: str) -> None:
    result = assistant.answer(text)
    assert "what you said is an emergency" not in readback(result).lower(), readback(result)
    assert readback(result).startswith("I heard:"), readback(result)


@pytest.mark.parametrize(("text", "sign", "status"), [
    ("she has a fever, no wait, that was her brother; her back is sore", "fever", Status.OTHER),
    ("she has a fever, no sorry, that's her brother, her back is sore", "fever", Status.OTHER),
    ("he has chills, no wait, that was my husband, his back hurts", "chills", Status.OTHER),
    ("she has a fever, oh no wait, that was yesterday, her back is sore", "fever", Status.PAST),
])
def test_a_sign_taken_back_as_someone_elses_or_gone_by_is_not_read_back_as_no(
        assistant: Assistant, text: str, sign: str, status: Status) -> None:
    result = assistant.answer(text)
    assert found(result)[sign].status is status, result
    assert result.disposition is Level.HOME_CARE, result
    assert "No fever" not in readback(result) and "No chills" not in readback(result), readback(result)


@pytest.mark.parametrize("text", ["he fainted, no wait, he just sat down hard, his back is sore",
                                  "burning up, no sorry, my hands are cold, her back is sore"])
def test_a_plain_taking_back_still_denies(assistant: Assistant, text: str) -> None:
    result = assistant.answer(text)
    assert result.disposition is Level.HOME_CARE, result
    assert any(f.status is Status.ABSENT for f in result.findings), result


@pytest.mark.parametrize("text", ["I'd say she's around thirty seven point eight", "37.8", "99.5"])
def test_a_normal_temperature_answers_the_fever_only(reader: AnswerReader, text: str) -> None:
    read = reader.read("fever_chills", text)
    statuses = {f.symptom.id: f.status for f in read.findings}
    assert read.kind is AnswerKind.NO and statuses.get("fever") is Status.ABSENT, read
    assert "chills" not in statuses and "chills" in read.unanswered, read


@pytest.mark.parametrize("text", ["no, 37.2", "98.6 and no shivers"])
def test_a_normal_temperature_with_a_no_answers_both(reader: AnswerReader, text: str) -> None:
    read = reader.read("fever_chills", text)
    statuses = {f.symptom.id: f.status for f in read.findings}
    assert statuses == {"fever": Status.ABSENT, "chills": Status.ABSENT}, read


# F9: "not really hard to wake, more just grumpy": still counted (rule 4), said as a doubt (rule 14).


@pytest.mark.parametrize(("text", "sign"), [
    ("not really hard to wake, more just grumpy, and her back hurts", "very_drowsy"),
    ("she's not really confused, just tired", "confusion"),
])
def test_a_half_denial_before_a_sign_is_a_doubt(assistant: Assistant, text: str, sign: str) -> None:
    result = assistant.answer(text)
    finding = found(result)[sign]
    assert result.disposition is Level.EMERGENCY and finding.status is Status.PRESENT and finding.uncertain, result
    assert not readback(result).startswith("I heard: very sleepy"), readback(result)


@pytest.mark.parametrize("text", ["trouble breathing, not really", "not really, her back hurts"])
def test_not_really_after_a_sign_or_alone_is_no_doubt(assistant: Assistant, text: str) -> None:
    assert assistant.answer(text).disposition is not Level.EMERGENCY


@pytest.mark.parametrize(("text", "sign"), [("his breathing is fine hard to wake though", "very_drowsy"),
                                           ("everything is fine she feels really hot", "fever")])
def test_a_sign_said_plainly_after_a_well_word_is_no_doubt(assistant: Assistant, text: str, sign: str) -> None:
    result = assistant.answer(text)
    assert found(result)[sign].status is Status.PRESENT and not found(result)[sign].uncertain, result


# F10: the spoken read-back dropped beside a care question.


@pytest.mark.parametrize("text", ["his legs are weak and he has chills, how long should I ice his back?",
                                  "she has a fever and her legs tingle, can I use a heating pad on her back tonight?"])
def test_the_read_back_is_said_beside_a_care_question(assistant: Assistant, text: str) -> None:
    talk = Conversation(assistant)
    turn = talk.hear(text)
    assert turn.disposition is Level.URGENT, turn
    spoken = [m.kind for m in turn.said_aloud]
    assert MessageKind.READBACK in spoken and MessageKind.INSTRUCTION in spoken, said(turn)
    assert any(m.kind is MessageKind.QUESTION for m in turn.said_aloud), said(turn)
    # The care answer waits for "more" when it does not fit, never lost.
    if MessageKind.CARE_ANSWER not in spoken:
        more = talk.hear("more")
        assert any(m.kind is MessageKind.CARE_ANSWER for m in more.said_aloud), said(more)


def test_a_home_care_answer_keeps_its_care_answer_first(assistant: Assistant) -> None:
    talk = Conversation(assistant)
    turn = talk.hear("how long should I keep the ice pack on his sore back?")
    assert turn.said_aloud[0].kind is MessageKind.CARE_ANSWER, said(turn)


# F6 at a question: asking what the question means is told what its signs look like, once, and asked again.


@pytest.mark.parametrize(("first", "question", "asked"), [
    ("no", "breathing_alertness", "what do you mean, hard to wake?"),
    ("no", "breathing_alertness", "what do you mean by confused?"),
    ("no, none of those", "heart_control", "what do you mean by lost control?"),
    ("no, none of those", "heart_control", "what counts as a fast heartbeat?"),
])
def test_asking_what_a_question_means_explains_it_and_asks_again(assistant: Assistant, first: str, question: str,
                                                                  asked: str) -> None:
    talk = Conversation(assistant)
    talk.hear("my son's back hurts after the trampoline")
    if question != "breathing_alertness":
        talk.hear(first)
    assert talk.asked[-1].id == question
    turn = talk.hear(asked)
    asking = talk.asked[-1]
    assert asking.id == question and turn.said_aloud[-1].text == talk.question_said(asking).text, said(turn)
    assert asking.explain in said(turn), said(turn)
    assert turn.disposition is None and not any(m.kind is MessageKind.EMERGENCY for m in turn.messages), said(turn)
    assert not any("not sure" in m.text.lower() for m in turn.messages), said(turn)
    assert not any(f.symptom.id in asking.symptoms for f in talk.found), talk.found


def test_asking_again_what_it_means_counts_as_unsure(assistant: Assistant) -> None:
    """Rule 4: a caregiver who still cannot say after the explanation is counted to be safe."""
    talk = Conversation(assistant)
    talk.hear("my son's back hurts after the trampoline")
    talk.hear("what do you mean, hard to wake?")
    turn = talk.hear("what do you mean?")
    assert turn.disposition is Level.EMERGENCY, said(turn)


def test_a_sign_said_with_the_asking_is_read_as_said(assistant: Assistant) -> None:
    talk = Conversation(assistant)
    talk.hear("my son's back hurts after the trampoline")
    turn = talk.hear("what do you mean? he can't breathe!")
    assert turn.disposition is Level.EMERGENCY, said(turn)


def test_every_interview_question_explained_fits_a_turn(assistant: Assistant) -> None:
    for question in assistant.intents.topics[0].interview:
        assert question.explain, question.id
        said_now = [Message(question.level, MessageKind.CONVERSATION, question.explain),
                    Message(question.level, MessageKind.QUESTION, question.ask)]
        assert budget.over(said_now, None, assistant.intents, DEFAULT_RATE_WPM) <= 0, question.id


# F12: a care question with no sign said had no read-back at all (rule 12).


@pytest.mark.parametrize("text", ["can I give him ibuprofen for his back?",
                                  "Can I put a heating pad on her back while she sleeps tonight?",
                                  "is it ok to massage her back?"])
def test_a_care_question_alone_is_read_back(assistant: Assistant, text: str) -> None:
    result = assistant.answer(text)
    assert result.disposition is Level.HOME_CARE, result
    kinds = [m.kind for m in result.messages]
    assert kinds[0] is MessageKind.CARE_ANSWER and MessageKind.READBACK in kinds, kinds
    assert readback(result) == assistant.intents.messages["readback_care"]


def test_a_care_question_with_a_sign_reads_back_the_sign(assistant: Assistant) -> None:
    result = assistant.answer("how long should I keep the ice pack on his sore back?")
    assert readback(result).startswith("I heard: back pain"), readback(result)
