"""A "Call 911 now." said on a partial result, before the whole turn was read (outside review 15, F2).

The speaker says it at once (rule 3) and keeps it whatever comes next, so it was said aloud: ``listen --json``'s
``spoken`` and ``said`` hold it, in front of the turn's own words (a script reading ``spoken`` could not tell that a
911 was voiced). When the whole turn is no emergency after all, the turn first says that the 911 is taken back
(README: "Whatever takes a 911 back, voicecare says so first"): the caregiver heard "Call 911 now" and then a
question about the heart.

Outside review 18 (F10): that note alone, or nothing at all when the turn was a command ("Repeat that please" heard
as "pale and limp" on the partial), left "Call 911 now. What about trouble breathing ...?" and "Call 911 now. Okay,
then that is not an emergency." with no sign named and nothing explained. Now the turn says first which sign the 911
was said for and that the whole turn did not hold it (rule 14), before its own words, a command's too.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from voicecare.conversation import unanswered
from voicecare.conversation.turns import State, Turn
from voicecare.domain import Finding, Level, Message

if TYPE_CHECKING:
    from voicecare.conversation.dialog import Conversation


def taken_back(talk: Conversation, turn: Turn, voiced: Sequence[Message], early: Sequence[Finding] = ()) -> Turn:
    """``turn`` saying first that the 911 is taken back, when ``voiced`` (said on a partial) held one and the whole
    turn is no emergency: which sign it was said for (``early``, the partial's findings), when a language says how
    (spoken.toml ``said_again.early_taken_back``); as it is otherwise, and after "stop" (nothing is said)."""
    note = talk.notes().taken_back
    if not voiced or not note:
        return turn
    if turn.disposition is Level.EMERGENCY or talk.state is State.EMERGENCY or talk.result().disposition is Level.EMERGENCY:
        return turn
    named = _named(talk, early)
    said = [m.text for m in turn.said_aloud]
    if (turn.command is not None and not said) or (not named and (turn.command is not None or note in said)):
        return turn  # a command acts on what is being said; the note is said already
    if note not in said:
        turn = talk.with_note(turn, note, last=False)
    return talk.with_note(turn, named, last=False) if named else turn  # the sign first, then "not an emergency"


def _named(talk: Conversation, early: Sequence[Finding]) -> str:
    """Why the 911 was said on the partial, naming its signs ("I said 911 because I first heard trouble breathing.
    ..."); empty when no sign or no words for it."""
    words = talk.notes().said_again.get("early_taken_back", "")
    signs = list(dict.fromkeys(f.symptom.name for f in early if f.symptom.level is Level.EMERGENCY))
    if not words or not signs:
        return ""
    return words.format(items=unanswered.listed(signs, talk.assistant.intents.language.list_or))


def in_front(voiced: Sequence[Message], texts: Sequence[str]) -> tuple[str, ...]:
    """``texts`` (what a turn said) with what was ``voiced`` on a partial and is not among them, first: said aloud
    before them."""
    return (*(m.text for m in voiced if m.text not in texts), *texts)
