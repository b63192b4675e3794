"""What is said before the goodbye when the caregiver leaves before the advice was given.

"Goodbye" during the interview ended with only "If anything gets worse, call your child's doctor": a caregiver who
had said "not sure" to fever, or that the pain was getting worse, never heard "call your child's doctor right away"
nor why (outside review 14, F3). Rule 6 puts the urgent or follow-up action first, rule 12 says what it rests on,
rule 14 says it as it was counted ("unclear, counted as yes"); so the standing action and a few words of what was
counted come before the goodbye. An emergency standing is said again as "Call 911 now" and its signs.

Home care too (outside review 15, F17: "her back is stiff", "no", "goodbye" heard only "Take care"): what was heard
and that, from it, the child can be cared for at home; and below an emergency the call-911 signs in few words (rule
11), since the interview that would have covered them was cut short; the goodbye after them short enough for the
turn's ceiling (rule 13).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

from voicecare.conversation import budget, misheard, unanswered
from voicecare.domain import Basis, Finding, IntentSet, Level, Message, MessageKind, Status, TriageResult

STANDING = (Level.EMERGENCY, Level.URGENT, Level.FOLLOW_UP, Level.HOME_CARE)
"""Dispositions whose action must be heard before the conversation ends."""
ENDINGS = ("conversation.goodbye_listed", "conversation.goodbye_short")
"""The goodbye said after the call-911 signs, longest first: the first that keeps the turn within its ceiling."""
HOME_SO_FAR = "conversation.home_so_far"
"""Home care as it stands when the caregiver leaves during the questions: "from what you told me" (rule 14)."""


def goodbye(result: TriageResult, found: Sequence[Finding], intents: IntentSet, rate_wpm: float, *,
            worded: bool = False) -> list[Message]:
    """All that is said for "goodbye" before the advice: the standing action and what it rests on, below an
    emergency the call-911 signs in few words (rule 11) and a goodbye that fits the turn; a 911 without goodbye.
    ``worded``: the answer a 911 rests on had words, none understood ("not understood", not "not heard")."""
    standing = before_goodbye(result, found, intents, worded=worded)
    plain_goodbye = Message(Level.UNCLEAR, MessageKind.CONVERSATION, intents.messages["conversation.goodbye"])
    if any(m.kind is MessageKind.EMERGENCY for m in standing):
        return standing
    if not standing:
        return [plain_goodbye]
    lists = [Message(result.disposition, MessageKind.INSTRUCTION, short)
             for _, short in unanswered.call_911_lists(found, intents)]
    endings = [Message(Level.UNCLEAR, MessageKind.CONVERSATION, intents.messages[k]) for k in ENDINGS
               if k in intents.messages] or [plain_goodbye]
    said = [*standing, *lists]
    return next(([*said, end] for end in endings if budget.over([*said, end], None, intents, rate_wpm) <= 0),
                [*said, endings[-1]])


def before_goodbye(result: TriageResult, found: Sequence[Finding], intents: IntentSet, *,
                   worded: bool = False) -> list[Message]:
    """The standing action of ``result`` and what it rests on, to say before the goodbye; [] below follow-up."""
    level = result.disposition
    if level not in STANDING:
        return []
    if level is Level.EMERGENCY:
        # "Call 911 now", the signs and "stay with your child": the emergency turn's own first lines, and no goodbye
        # after them ("if anything gets worse, call your child's doctor" would blur the 911).
        said = [m for m in result.messages if m.kind is MessageKind.EMERGENCY][:3]
        return _not_heard(said, result, found, intents, worded=worded) or said
    action = [m for m in result.messages if m.kind is MessageKind.INSTRUCTION][:1]
    if level is Level.HOME_CARE and HOME_SO_FAR in intents.messages:
        action = [Message(level, MessageKind.INSTRUCTION, intents.messages[HOME_SO_FAR])]
    counted = unanswered.compact_readback(found, intents)
    told = [Message(level, MessageKind.READBACK, counted)] if counted else [
        m for m in result.messages if m.kind is MessageKind.READBACK][:1]
    return [*told, *action]


def _not_heard(said: list[Message], result: TriageResult, found: Sequence[Finding], intents: IntentSet, *,
               worded: bool) -> list[Message]:
    """A 911 at the goodbye resting only on an answer not heard or not understood, said as the interview says it:
    what was not heard and that it is counted to be safe, never the signs alone as if they were told (rule 14; outside
    review 23: "Call 911 now. Trouble breathing, very sleepy ..." after "he's just whiny and cross", "goodbye").
    [] when some call-911 sign was said or answered."""
    if not unanswered.only_assumed(found, Basis.UNHEARD):
        return []
    worded = worded or any(f.heard.strip() for f in found
                           if f.status is Status.PRESENT and f.symptom.level is Level.EMERGENCY)
    note = unanswered.guessed_emergency(said, intents, worded=worded)
    if note is None:
        return []
    why = [m for m in result.messages if m.kind is MessageKind.READBACK][:1]
    return [*note[:-1], *why, note[-1]]


def unasked_911(found: Sequence[Finding], intents: IntentSet) -> bool:
    """True when some call-911 sign of the topics talked about was neither said nor answered about (skipped, or
    the conversation ended before its question): nobody can say it is not an emergency."""
    settled = {f.symptom.id for f in found if f.status is Status.ABSENT and not misheard.doubted(f)}
    topics = {f.symptom.topic for f in found}
    return any(sign not in settled for t in intents.topics if t.id in topics for q in t.interview
               if q.level is Level.EMERGENCY for sign in q.symptoms)


def honest_follow_up(result: TriageResult, found: Sequence[Finding], intents: IntentSet) -> TriageResult:
    """``result`` with the follow-up advice that does not say "It is not an emergency" while a call-911 sign is
    unasked (outside review 14, F8: the 911 question skipped twice, and the advice still said so)."""
    unasked = intents.messages.get("conversation.follow_up_unasked")
    if result.disposition is not Level.FOLLOW_UP or not unasked or not unasked_911(found, intents):
        return result
    whole = intents.messages["follow_up"]
    return replace(result, messages=tuple(replace(m, text=unasked) if m.text == whole else m for m in result.messages))
