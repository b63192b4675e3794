"""The note that only the child's signs were counted, said on the turn that told of someone else only.

Triage reads every finding counted so far, someone else's too, so "I only counted what is happening to your child."
came back on every later answer: after "his sister is burning up and I feel dizzy myself", the next turn, "he's now
saying his legs feel funny", was told it again though it named no one else (outside review 23 F7; rule 14: never claim
what was not said). The note belongs to the turn whose words were about someone else.
"""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING

from voicecare.conversation.turns import Turn
from voicecare.domain import MessageKind, Status

if TYPE_CHECKING:
    from voicecare.conversation.dialog import Conversation


def noted_when_said(talk: Conversation, text: str, turn: Turn) -> Turn:
    """``turn`` without the someone-else note when ``text`` told of no one but the child."""
    if not any(m.kind is MessageKind.OTHER for m in turn.messages):
        return turn
    if any(f.status is Status.OTHER for f in talk.assistant.understand(text, guess=False)):
        return turn
    kept = [m for m in turn.messages if m.kind is not MessageKind.OTHER]
    said = [m for m in turn.said_aloud if m.kind is not MessageKind.OTHER]
    return replace(turn, messages=tuple(kept), spoken=tuple(said))
