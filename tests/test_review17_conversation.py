"""Outside review 17 in the conversation: after a skip, "more" reaches what to do at home before the read-back again."""

from __future__ import annotations

from voicecare.conversation.dialog import Conversation
from voicecare.domain import Level, MessageKind
from voicecare.understanding.assistant import Assistant


def test_after_a_skip_the_second_more_gives_a_home_care_step(assistant: Assistant) -> None:
    # F12: the first "more" gave the call-the-doctor signs, the second the read-back again ("I heard: back pain or
    # spasm. Your other answers were no."), only the third a home-care step.
    talk = Conversation(assistant)
    for said in ("his back is sore after playing", "no", "no", "skip"):
        ending = talk.hear(said)
    assert ending.disposition is Level.HOME_CARE
    first = talk.hear("more").said_aloud
    assert first[0].kind is MessageKind.WARNING, first  # the signs nobody was asked about, first
    second = talk.hear("more").said_aloud
    assert second[0].kind is MessageKind.HOME_CARE, second
