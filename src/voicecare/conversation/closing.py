"""The interview's last spoken turn: what was heard, the action, and the call-911 signs, within the turn budget.

Rule 11 asks every answer below an emergency to end with the call-911 signs, rule 12 to say back what was
heard, rule 13 to stay short. The whole list of call-911 signs takes about 13 seconds, so with a read-back it
used to wait for "more": a caregiver who hung up after the advice never heard it. Here the read-back and the
list are each said in the longest form that still fits ``turn_seconds`` (``spoken.toml``): the read-back whole,
in few words (``compact_readback``) or the short honest line; the list whole or short (the topic's
``emergency_signs_short``). The read-back is shortened first: the list is what keeps a child safe.
"""

from __future__ import annotations

from collections.abc import Sequence

from voicecare.conversation import spoken, unanswered
from voicecare.domain import Finding, IntentSet, Level, Message, MessageKind, Status

CLOSING_LEVELS = (Level.URGENT, Level.FOLLOW_UP, Level.HOME_CARE)
"""Answers that end with the warning signs (rule 11)."""
ACTION = (MessageKind.INSTRUCTION, MessageKind.ADVICE)
"""What to do and why: a shortened read-back follows them."""
LAST = (MessageKind.CONVERSATION,)
"""What stays at the end of the turn: the offer ("say more for ...") or "is there anything else?"."""


def closing(said: Sequence[Message], answer: Sequence[Message], level: Level, found: Sequence[Finding],
            intents: IntentSet, rate_wpm: float, *, noted: Sequence[Message] = ()) -> tuple[Message, ...] | None:
    """What to say of the answer ``answer`` (at ``level``) instead of ``said`` (its planned short part), with the
    call-911 signs and a read-back; None when ``said`` stays (they are said already, or nothing to add).

    ``noted``: read-back lines every form of the read-back keeps ("some questions were skipped"); with them the
    turn is always rebuilt, since ``said`` may hold the call-911 list but not what was counted (rule 14)."""
    rules = intents.spoken
    if rules is None or rules.turn_seconds is None or level not in CLOSING_LEVELS:
        return None
    lists = unanswered.call_911_lists(found, intents)
    texts = {m.text for m in said}
    if not lists or (not noted and all(whole in texts for whole, _ in lists)):
        return None
    wholes = {whole for whole, _ in lists}
    body = [m for m in said if m.kind not in (MessageKind.READBACK, *LAST) and m.text not in wholes]
    last = [m for m in said if m.kind in LAST]
    for index, read_back in enumerate(_read_backs(answer, found, intents, level, noted)):
        # The whole read-back before the advice, as printed (rule 12); a shortened one after the action (rule 13,
        # as ``spoken.plan`` places it).
        said_first = index == 0 and read_back == tuple(m for m in answer if m.kind is MessageKind.READBACK)
        told = [*read_back, *body] if said_first else _after_action(body, read_back)
        for signs in ([whole for whole, _ in lists], [short for _, short in lists]):
            now = (*told, *(Message(level, MessageKind.INSTRUCTION, s) for s in signs), *last)
            if spoken.total_seconds(now, rate_wpm) <= rules.turn_seconds:
                return now
    # No room even so: the signs in few words and the short read-back (safety first, rule 11).
    return now


def _after_action(body: Sequence[Message], read_back: Sequence[Message]) -> list[Message]:
    at = max((i + 1 for i, m in enumerate(body) if m.kind in ACTION), default=0)
    return [*body[:at], *read_back, *body[at:]]


def _read_backs(answer: Sequence[Message], found: Sequence[Finding], intents: IntentSet,
                level: Level, noted: Sequence[Message] = ()) -> list[tuple[Message, ...]]:
    """The read-backs to try, longest first: the whole one (``noted`` among it), the compact one, the short honest
    line (each followed by ``noted``)."""
    rules = intents.spoken
    assert rules is not None
    whole = tuple(m for m in answer if m.kind is MessageKind.READBACK)
    out = [whole] if whole else []
    compact = unanswered.compact_readback(found, intents)
    if compact:
        out.append((Message(level, MessageKind.READBACK, compact), *noted))
    if rules.short_readback:
        unclear = any(f.status is Status.PRESENT and f.basis in spoken.UNCLEAR_BASES for f in found)
        out.append((Message(level, MessageKind.READBACK, rules.short_readback["unclear" if unclear else "said"]),
                    *noted))
    return out or [tuple(noted)]
