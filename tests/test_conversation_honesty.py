"""A conversation a caregiver can follow (issue #9): read-backs true to what was said, nothing asked twice,
nothing red-flag skipped silently, "more" that goes on with what was asked for."""

from __future__ import annotations

from voicecare.conversation import spoken
from voicecare.conversation.answers import AnswerKind, AnswerReader
from voicecare.conversation.dialog import Conversation, State
from voicecare.domain import Basis, Level, Message, MessageKind, Status
from voicecare.speech_out.tts import DEFAULT_RATE_WPM
from voicecare.understanding.assistant import Assistant

HOME_CARE_TURN_SECONDS = 20.0
"""Issue #9: no spoken home-care turn over 20 s (estimated from the words, as spoken.py does)."""


def texts(messages: tuple[Message, ...]) -> list[str]:
    return [m.text for m in messages]


def call_911_lists(assistant: Assistant) -> set[str]:
    """The topic's call-911 signs, whole and in few words (said in few words when a read-back must fit too)."""
    return {t.messages[k] for t in assistant.intents.topics for k in ("emergency_signs", "emergency_signs_short")}


def said(messages: tuple[Message, ...]) -> str:
    return " ".join(texts(messages))


def test_a_no_turned_to_one_part_is_partial_and_claims_no_yes(assistant: Assistant) -> None:
    # "No, but he's a bit sleepier": not a "yes" to every sign of the group (rule 14).
    answer = AnswerReader(assistant).read("breathing_alertness", "no but hes a bit sleepier than usual")
    assert answer.kind is AnswerKind.PARTIAL
    assert not [f for f in answer.findings if f.basis is Basis.ANSWERED]


def test_a_partial_answer_naming_no_sign_is_asked_again_not_read_back_as_yes(assistant: Assistant) -> None:
    talk = Conversation(assistant)
    talk.hear("his back hurts")
    again = talk.hear("no but hes a bit sleepier than usual")
    assert again.disposition is None and talk.state is State.INTERVIEW
    assert texts(again.messages)[-1] == talk.asked[-1].ask and talk.asked[-1].id == "breathing_alertness"
    assert "You said yes" not in said(again.messages)
    # Asked again and answered the same way: counted to be safe (rules 4, 10), read back as not sure: the answer
    # was heard, so never "I did not hear".
    turn = talk.hear("no but hes a bit sleepier than usual")
    assert turn.disposition is Level.EMERGENCY
    assert "You said yes" not in said(turn.messages) and "did not hear" not in said(turn.messages)
    assert "You were not sure about" in said(turn.messages)


def test_a_partial_answer_naming_the_sign_marks_only_it(assistant: Assistant) -> None:
    talk = Conversation(assistant)
    talk.hear("his back hurts")
    turn = talk.hear("no but he is very sleepy")
    assert turn.disposition is Level.EMERGENCY
    status = {f.symptom.id: f.status for f in talk.found}
    assert status["very_drowsy"] is Status.PRESENT
    assert status["trouble_breathing"] is status["fainting"] is status["confusion"] is Status.ABSENT


def test_the_summary_after_a_skip_names_what_was_not_answered(assistant: Assistant) -> None:
    talk = Conversation(assistant)
    talk.hear("his back hurts")
    for answer in ("erm not really", "no", "no", "nah"):
        talk.hear(answer)
    skipped = talk.asked[-1]
    turn = talk.hear("skip")
    assert turn.disposition is Level.HOME_CARE
    readback = said(turn.messages)
    assert "You said no to my other questions" not in readback
    assert skipped.level is Level.URGENT
    assert "Questions were skipped." in readback
    # The call-911 signs are said at once (not left for "more"), whole or in few words beside what was counted;
    # the rest of the warning signs on "more".
    assert call_911_lists(assistant) & set(texts(turn.said_aloud))
    assert spoken.total_seconds(turn.said_aloud, DEFAULT_RATE_WPM) <= HOME_CARE_TURN_SECONDS


def test_a_sign_already_said_is_not_asked_again(assistant: Assistant) -> None:
    talk = Conversation(assistant)
    talk.hear("she has a fever and her back is sore")
    asked = []
    while talk.state is State.INTERVIEW:
        asked.append(texts(talk.last_said)[-1])
        talk.hear("no")
    assert not [q for q in asked if "fever" in q.lower()]
    assert "What about chills?" in asked
    assert {f.symptom.id for f in talk.found if f.status is Status.PRESENT} >= {"fever"}


def test_a_yes_to_the_rest_of_a_group_says_nothing_of_the_sign_denied_before(assistant: Assistant) -> None:
    talk = Conversation(assistant)
    talk.hear("her back is sore, no fever")
    while talk.state is State.INTERVIEW and texts(talk.last_said)[-1] != "What about chills?":
        talk.hear("no")
    talk.hear("yes")
    status = {f.symptom.id: f.status for f in talk.found}
    assert status["fever"] is Status.ABSENT and status["chills"] is Status.PRESENT


def test_skip_asks_the_911_questions_first_and_a_second_skip_says_the_911_signs(assistant: Assistant) -> None:
    talk = Conversation(assistant)
    talk.hear("his back hurts")
    first = talk.hear("skip")
    assert talk.state is State.INTERVIEW and talk.asked[-1].level is Level.EMERGENCY
    assert "911" in texts(first.said_aloud)[0]
    advice = talk.hear("skip")
    assert advice.disposition is Level.HOME_CARE
    # Said at once, whole or in few words, not left waiting for "more" (never silently dropped).
    assert call_911_lists(assistant) & set(texts(advice.said_aloud))
    assert "Questions were skipped." in said(advice.messages)
    assert spoken.total_seconds(advice.said_aloud, DEFAULT_RATE_WPM) <= HOME_CARE_TURN_SECONDS


def test_skip_after_the_911_questions_goes_to_the_advice(assistant: Assistant) -> None:
    talk = Conversation(assistant)
    talk.hear("his back hurts")
    talk.hear("no")
    talk.hear("no")
    turn = talk.hear("skip")
    assert talk.state is State.ANYTHING_ELSE and turn.disposition is Level.HOME_CARE


def test_more_goes_on_with_home_care_after_asking_for_it(assistant: Assistant) -> None:
    talk = Conversation(assistant)
    talk.hear("his back is stiff, no trouble breathing, not sleepy, not confused, no fainting")
    while talk.state is State.INTERVIEW:
        talk.hear("no")
    home = talk.hear("what do I do at home")
    assert home.said_aloud[0].kind is MessageKind.HOME_CARE
    more = talk.hear("more")
    assert more.said_aloud[0].kind is MessageKind.HOME_CARE
    assert more.said_aloud[0].text not in texts(home.said_aloud)


def test_more_after_a_new_answer_is_its_next_item(assistant: Assistant) -> None:
    talk = Conversation(assistant)
    talk.hear("his back is stiff, no trouble breathing, not sleepy, not confused, no fainting")
    while talk.state is State.INTERVIEW:
        talk.hear("no")
    talk.hear("what do I do at home")
    answer = talk.hear("and now he has a fever")
    assert answer.disposition is Level.URGENT
    first_waiting = talk.waiting[0][0]
    more = talk.hear("more")
    assert more.said_aloud[0] == first_waiting
