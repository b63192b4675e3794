"""A red flag only the recogniser's other readings held, during the interview (bench_conversations, piper's joe:
"Nope, he's breathing fine and he's wide awake" had "chills" in another reading): counted (rule 4), said back as
unclear, never as heard (rules 12 and 14), and asked about, so a "no" to its question takes it back. It was
counted in silence, its question narrowed to "What about fever?", and the conversation ended "Call your child's
doctor right away" with no word of why. Driven through the real dialog's public interface, as ``listen`` drives
it (``hear(text, unsure)``)."""

from __future__ import annotations

from voicecare.conversation.dialog import Conversation, State
from voicecare.domain import Finding, Level, MessageKind, Status
from voicecare.understanding.assistant import Assistant

DESCRIPTION = "my son's back is really tight after playing at the park"


def other_reading(assistant: Assistant, symptom: str) -> Finding:
    """A red flag heard only in another reading of the turn (as ``pipeline.unsure_red_flags`` gives it)."""
    return Finding(assistant.intents.symptom(symptom), Status.PRESENT, 90.0, symptom, uncertain=True)


def test_a_red_flag_from_another_reading_is_said_back_as_unclear(assistant: Assistant) -> None:
    talk = Conversation(assistant)
    talk.hear(DESCRIPTION)
    turn = talk.hear("nope he's breathing fine and he's wide awake", [other_reading(assistant, "chills")])
    assert turn.disposition is Level.URGENT and talk.state is State.INTERVIEW
    readback = [m.text for m in turn.said_aloud if m.kind is MessageKind.READBACK]
    chills = assistant.intents.symptom("chills").name
    assert any(chills in text for text in readback), [m.text for m in turn.said_aloud]
    assert not any(text.startswith("I heard") and chills in text for text in readback)
    # The new instruction comes with it (rule 13: the action first).
    assert any(m.kind is MessageKind.INSTRUCTION for m in turn.said_aloud)


def test_its_question_still_asks_about_it_and_a_no_takes_it_back(assistant: Assistant) -> None:
    talk = Conversation(assistant)
    talk.hear(DESCRIPTION)
    talk.hear("nope he's breathing fine and he's wide awake", [other_reading(assistant, "chills")])
    while talk.state is State.INTERVIEW and "chills" not in talk.asked[-1].symptoms:
        talk.hear("no")
    asked = talk.last_spoken[-1].text
    assert "chills" in asked, asked  # not narrowed to "What about fever?"
    talk.hear("Nope. I checked, 98.4.")
    assert {f.symptom.id: f.status for f in talk.found}["chills"] is Status.ABSENT
    while talk.state is State.INTERVIEW:
        turn = talk.hear("no")
    assert turn.disposition is Level.HOME_CARE


def test_a_sign_the_caregiver_said_is_not_denied_by_a_blanket_no(assistant: Assistant) -> None:
    # Unchanged: "she feels hot", then "no" to "fever or chills?", is still a fever (when in doubt, the higher level).
    talk = Conversation(assistant)
    talk.hear("her back hurts and she feels hot")
    while talk.state is State.INTERVIEW:
        turn = talk.hear("no")
    assert turn.disposition is Level.URGENT
