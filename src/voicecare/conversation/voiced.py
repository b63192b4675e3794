"""A "Call 911 now." said on a partial result, before the whole turn was read (outside review 15, F2).

The speaker says it at once (rule 3) and keeps it whatever comes next, so it was said aloud: ``listen --json``'s
``spoken`` and ``said`` hold it, in front of the turn's own words (a script reading ``spoken`` could not tell that a
911 was voiced). When the whole turn is no emergency after all, the turn first says that the 911 is taken back
(README: "Whatever takes a 911 back, voicecare says so first"): the caregiver heard "Call 911 now" and then a
question about the heart.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from voicecare.conversation.turns import State, Turn
from voicecare.domain import Level, Message

if TYPE_CHECKING:
    from voicecare.conversation.dialog import Conversation


def taken_back(talk: Conversation, turn: Turn, voiced: Sequence[Message]) -> Turn:
    """``turn`` saying first that the 911 is taken back, when ``voiced`` (said on a partial) held one and the whole
    turn is no emergency; as it is otherwise (a command acts on what is being said, and takes nothing back)."""
    note = talk.notes().taken_back
    if not voiced or not note or turn.command is not None:
        return turn
    if turn.disposition is Level.EMERGENCY or talk.state is State.EMERGENCY or talk.result().disposition is Level.EMERGENCY:
        return turn
    if note in [m.text for m in turn.said_aloud]:
        return turn
    return talk.with_note(turn, note, last=False)


def in_front(voiced: Sequence[Message], texts: Sequence[str]) -> tuple[str, ...]:
    """``texts`` (what a turn said) with what was ``voiced`` on a partial and is not among them, first: said aloud
    before them."""
    return (*(m.text for m in voiced if m.text not in texts), *texts)
