"""An outside review (9) of spoken conversations: the first answer to an urgent description says what to do."""

from __future__ import annotations

from voicecare.conversation.dialog import Conversation, State
from voicecare.domain import Level
from voicecare.understanding.assistant import Assistant


def test_the_first_answer_to_an_urgent_description_says_to_call_the_doctor(assistant: Assistant) -> None:
    # Rule 13: the action first. It came only after four or five questions; the questions may raise it, never lower.
    for text in ("his back hurts and he has a fever", "his back hurts and the pain goes down his leg"):
        talk = Conversation(assistant)
        turn = talk.hear(text)
        spoken = [m.text for m in turn.said_aloud]
        assert talk.state is State.INTERVIEW and turn.disposition is Level.URGENT, spoken
        assert "Call your child's doctor right away." in spoken, spoken
        assert spoken.index("Call your child's doctor right away.") < len(spoken) - 1  # before the question
        assert spoken[-1].endswith("?"), spoken


def test_a_home_care_description_still_waits_for_the_answers(assistant: Assistant) -> None:
    talk = Conversation(assistant)
    spoken = [m.text for m in talk.hear("her back is sore after the trampoline").said_aloud]
    assert not any("doctor right away" in text or "Call 911" in text for text in spoken), spoken


def test_help_in_a_911_says_the_911_again_and_in_the_interview_asks_again(assistant: Assistant) -> None:
    talk = Conversation(assistant)
    talk.hear("her lips are blue and her back hurts")
    spoken = [m.text for m in talk.hear("help").said_aloud]
    assert spoken[0] == "Call 911 now." and spoken[-1].startswith("Tell me in your own words"), spoken
    assert talk.state is State.EMERGENCY
    talk = Conversation(assistant)
    talk.hear("her back is sore after the trampoline")
    spoken = [m.text for m in talk.hear("help").said_aloud]
    assert spoken[0].startswith("Tell me in your own words") and spoken[-1].endswith("?"), spoken
    assert talk.state is State.INTERVIEW
