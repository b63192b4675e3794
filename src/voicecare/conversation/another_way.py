"""Another way in, offered once, when "Sorry, I missed that" has been said several turns in a row (issue #9).

Outside review 19 (F14): in a reverberant kitchen and in one clean new voice nothing was understood for 7-13 turns,
each answered "Sorry, I missed that" with the call-911 signs, and nothing else was ever offered. Rule 7 asks for that
answer every time (say so, invite a new description, name the call-911 signs) and it stays; after
``MISSED_IN_A_ROW`` of them the turn also says, once per conversation and in one short sentence, what else the
caregiver can do (a few words at a time, or call the child's doctor; 911 is already named in the turn). After "is
there anything else?" the turn says instead that there is no need to say more: the advice was given, and a goodbye
the recogniser cannot hear (outside review 19 F17) need not be said.
"""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING

from voicecare.conversation.turns import State, Turn
from voicecare.domain import MessageKind

if TYPE_CHECKING:
    from voicecare.conversation.dialog import Conversation

MISSED_IN_A_ROW = 3
"""Turns in a row answered "Sorry, I missed that" before another way is offered. One or two can be a noise in the
room or a word cut off, and the request to say it again is what helps then; by the third the same way in is not
working (review 19 saw 7-13 in a row). Offered once: said every turn it would lengthen each of them (rule 13)."""
AFTER_ADVICE_IN_A_ROW = 2
"""The same after "is there anything else?": the advice was given, and a caregiver saying goodbye there (heard as
"what was", "our", "body" by espeak-ng voices: review 19 F17) should not have to say it three times."""
NOTES = {State.ANYTHING_ELSE: ("missed_after_advice", AFTER_ADVICE_IN_A_ROW)}
"""The ``[said_again]`` note and the misses before it in a state other than the default's (``missed_often``)."""


def noted(talk: Conversation, turn: Turn) -> Turn:
    """``turn``, its "Sorry, I missed that" said as another way in when it is the ``MISSED_IN_A_ROW``-th in a row
    and none was offered yet; counts the misses in a row (any other turn starts the count again).

    The way in replaces the request to say it again rather than follow it: said after it, the turn ran 19.9 s
    (rule 13, about 15 s), and it says both that it was missed and how to try again (rule 7)."""
    said = turn.said_aloud
    if not said or said[0].kind is not MessageKind.UNCLEAR:
        talk.missed_in_row = 0
        return turn
    talk.missed_in_row += 1
    key, misses = NOTES.get(turn.state, ("missed_often", MISSED_IN_A_ROW))
    note = talk.notes().said_again.get(key, "")
    if talk.missed_in_row < misses or talk.another_way_said or not note:
        return turn
    talk.another_way_said = True
    missed = said[0]
    other = replace(missed, text=note)
    messages = tuple(other if m == missed else m for m in turn.messages)
    now = (other, *said[1:])
    talk.last_said, talk.last_spoken = messages, now
    return replace(turn, messages=messages, spoken=now)
