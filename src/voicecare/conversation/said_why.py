"""Never the same turn again without a word of why: a question asked again, a 911 said again (rules 13 and 14).

An outside review (12, F5 and F11) heard the identical "Call 911 now" turn five times in a row after five plain
"no"s, and the same red-flag question again, with nothing in front of it, after "Emma, put that down! no" or
"she's just tired": to a caregiver holding a crying child it sounds as if nothing was heard. Said again because
the caregiver asked ("repeat", "slower"), it needs no reason.

Split from ``dialog`` (the conversation's state), which calls ``again`` once per turn.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from voicecare.conversation import budget, spoken, unanswered
from voicecare.conversation.spoken_rules import REQUESTS
from voicecare.conversation.turns import State, Turn
from voicecare.domain import Basis, Finding, Level, Message, MessageKind, Status

if TYPE_CHECKING:
    from voicecare.conversation.dialog import Conversation

ASKED_FOR = ("repeat", "slower", "faster", "stop", "help", *REQUESTS)
"""Commands that ask for the same words again (or for none, or for help, which says the 911 again before it, or for
what waits or was heard, which start with the 911 in one): said again without a reason (a second "help" in a 911
added "I did not hear a no." and took 15.6 s: outside review)."""
NAMED_MOST = 2
"""Signs a reason names; more are "other danger signs" (rule 13: the 911 turn is short)."""


@dataclass(frozen=True)
class Before:
    """What the caregiver heard last, taken before a turn is answered."""

    said: tuple[str, ...]
    """The texts of the last turn (printed in full; what was spoken of them may have been cut to fit)."""
    question: str | None
    """The id of the question waiting for an answer, if one was."""
    spoken: tuple[str, ...] = ()
    """What of the last turn was said aloud."""

    @classmethod
    def of(cls, talk: Conversation) -> Before:
        waiting = talk.asked[-1].id if talk.state is State.INTERVIEW and talk.asked else None
        return cls(tuple(m.text for m in (*talk.last_said, *talk.last_spoken)), waiting,
                   tuple(m.text for m in talk.last_spoken))


def again(talk: Conversation, turn: Turn, before: Before) -> Turn:
    """``turn``, with why it is said again when it repeats the last 911 or the waiting question with nothing new."""
    rules = talk.notes().said_again
    if turn.command in ASKED_FOR or not turn.said_aloud or _not_skipped(turn, rules.get("no_skip", "")):
        return turn
    said = {m.text for m in turn.messages}
    hedging = talk.state is State.EMERGENCY and any(m.kind is MessageKind.CONFIRM for m in turn.messages)
    other = _other_no(talk, turn, rules.get("other_no", "")) if hedging else ""
    if other:
        # A "no" about another sign is a no heard, never "I did not hear a no" (rule 14; outside review 21, F16.7);
        # said only within the 911's ceiling (a first 911 with its hedge and read-back was 20.8 s with it): the
        # printed read-back keeps the no.
        noted = talk.with_note(turn, other, last=True, kind=MessageKind.CONFIRM)
        over = budget.over(noted.said_aloud, Level.EMERGENCY, talk.assistant.intents, talk.rate_wpm) > 0
        return turn if over else noted
    if said <= set(before.said) and talk.state is State.EMERGENCY:  # nothing new is said
        short = rules.get("still_hedged", "")
        hedged = any(m.kind is MessageKind.CONFIRM for m in turn.messages)
        note = short if hedged else _still(talk, rules.get("still_emergency", ""), rules.get("still_answered", ""))
        noted = talk.with_note(turn, note, last=True, kind=MessageKind.CONFIRM)  # rule 3: the 911 first
        if note != short and budget.over(noted.said_aloud, Level.EMERGENCY, talk.assistant.intents, talk.rate_wpm) > 0:
            noted = talk.with_note(turn, short, last=True, kind=MessageKind.CONFIRM)  # within the 911's ceiling
        return noted
    if _question_only_again(talk, turn, before):
        return talk.with_note(turn, rules.get("asked_again", ""), last=False)
    return turn


def _other_no(talk: Conversation, turn: Turn, note: str) -> str:
    """The note for a 911 turn resting on doubted or unclear signs whose words denied other signs only ("no
    fever"): which were denied, and how to take back the rest; "" when the turn denied none of them, or denied one
    the 911 rests on."""
    if not note:
        return ""
    signs = [f for f in talk.found if f.status is Status.PRESENT and f.symptom.level is Level.EMERGENCY]
    resting = {f.symptom.id for f in signs}
    denied = [m.symptom for m in talk.assistant.matcher.match(turn.heard) if m.status is Status.ABSENT]
    if not signs or not denied or resting & set(denied):
        return ""
    intents = talk.assistant.intents
    names = [intents.symptom(s).name for s in dict.fromkeys(denied)]
    return note.format(items=unanswered.listed(names, intents.language.list_and), doubted=_items(talk, signs))


def _not_skipped(turn: Turn, note: str) -> bool:
    """True for the turn saying a "skip" cannot skip a 911 question (``interview.not_skipped``): said again for a
    "skip" said again, it needs no other reason (it is the reason)."""
    opening = note.split("{", 1)[0]
    return bool(opening) and turn.command == "skip" and any(m.text.startswith(opening) for m in turn.said_aloud)


def hedges_said_before(said: Sequence[Message], before: Before) -> dict[str, str]:
    """Short forms of the notes a 911 rests on ("Not sure counts as yes, to be safe. If it is no, say no.") that
    were said in the last turn: their last sentence, how to take the 911 back, said instead when the turn is over
    its ceiling (``budget.fit``; printed whole). A 911 resting on two signs said unsure, said again after words that
    took nothing back or with "help", ran 15.7-16.0 s by real speech (benchmarks/turn_speech.py): no sign is left
    out, and what the note explained was heard a turn ago. Its short form said last turn counts too: the whole note
    said again after it ("not sure", "not that no missed", "not sure") made a 911 turn of 15.9 s by real speech
    (benchmarks/turn_speech.py, once the planning estimate below 911 changed which conversations it walks)."""
    return {m.text: parts[-1] for m in said if m.kind is MessageKind.CONFIRM
            and len(parts := spoken.sentences(m.text)) > 1 and (m.text in before.spoken or parts[-1] in before.spoken)}


def _question_only_again(talk: Conversation, turn: Turn, before: Before) -> bool:
    """True when the turn says only the question that was waiting, asked again."""
    said = turn.said_aloud
    return (before.question is not None and talk.state is State.INTERVIEW and bool(talk.asked)
            and talk.asked[-1].id == before.question and len(said) == 1 and said[0].kind is MessageKind.QUESTION
            and said[0].text == talk.question_said(talk.asked[-1]).text)


def _still(talk: Conversation, still: str, answered: str) -> str:
    """Why the 911 stands: the signs it rests on; on a yes to a question, how to say it was no."""
    signs = [f for f in talk.found if f.status is Status.PRESENT and f.symptom.level is Level.EMERGENCY]
    if not signs:
        return ""
    items = _items(talk, signs)
    if answered and all(f.basis is Basis.ANSWERED for f in signs):
        # The words it offers take the yes back next turn (``misheard.take_back_answer``): an offer that cannot
        # work is what outside review 12 (F5) found.
        ids = {f.symptom.id for f in signs}
        talk.yes_to = next((q for q in reversed(talk.asked) if ids & set(q.symptoms)), talk.yes_to)
        return answered.format(items=items)
    return still.format(items=items) if still else ""


def _items(talk: Conversation, signs: list[Finding]) -> str:
    intents = talk.assistant.intents
    names = [f.symptom.name for f in signs]
    if len(names) > NAMED_MOST and intents.spoken is not None and intents.spoken.many_signs:
        return intents.spoken.many_signs.format(items=names[0]).rstrip(".")
    return unanswered.listed(names, intents.language.list_and)

