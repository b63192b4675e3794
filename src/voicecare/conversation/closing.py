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
from voicecare.domain import Basis, Finding, IntentSet, Level, Message, MessageKind, Status

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
    wholes = {text for pair in lists for text in pair}  # either form: ``said`` may have the short one already
    body = [m for m in said if m.kind not in (MessageKind.READBACK, *LAST) and m.text not in wholes]
    last = [m for m in said if m.kind in LAST]
    # "Is there anything else?" is the question the next turn answers: said when it fits, before the offer is
    # (outside review 12, F10: an urgent ending waited for its answer without asking it).
    ask = [m for m in answer[-1:] if m.kind in LAST and m not in last]
    endings = [e for i, e in enumerate(([*last, *ask], ask, last, [])) if e not in ([*last, *ask], ask, last, [])[:i]]
    # The advice's "why" waits for "more" before the call-911 signs are cut (rule 11 first; a follow-up ending with
    # it took 25.5 s: outside review 9).
    bodies = [body, [m for m in body if m.kind is not MessageKind.ADVICE]][: 1 + any(
        m.kind is MessageKind.ADVICE for m in body)]
    # Then the action to its first sentence ("It is not an emergency." is printed, and the call-911 signs follow):
    # a follow-up ending with a long read-back had no room left for the offer or "anything else?" (20.7 s with it).
    bodies += [cut for cut in [_first_sentences(bodies[-1])] if cut != bodies[-1]]
    naming, short_line = _read_backs(answer, found, intents, level, noted)
    # What was understood, in the longest form that fits: a read-back that names the signs (the whole one, or the
    # compact one) before the action (rule 12; rule 14 counts each as it was counted), the short honest line after
    # it (rule 13, as ``spoken.plan`` places it). The offer ("say more for ...") is left out before a read-back
    # naming the signs is; the call-911 signs are said whatever else is left out (rule 11).
    # After a skip the first offer is of the warning signs: the call-the-doctor signs nobody was asked about are the
    # first thing "more" gives, and an ending without the offer left them unheard (issue #9: every urgent sign
    # covered; said with the call-911 signs the turn needs 21-22 s, so they come one item at a time, on "more").
    warning = rules.offers.get("warning")
    if noted and warning:
        endings = [[Message(level, MessageKind.CONVERSATION, warning)], *endings]
    for forms in (naming, short_line):
        for offer in endings:
            for read_back in forms:
                for kept in bodies:
                    told = [*read_back, *kept] if read_back in naming else _after_action(kept, read_back)
                    for signs in ([long for long, _ in lists], [short for _, short in lists]):
                        now = (*told, *(Message(level, MessageKind.INSTRUCTION, s) for s in signs), *offer)
                        if spoken.total_seconds(now, rate_wpm) <= rules.turn_seconds:
                            return now
    # No room even so: the shortest read-back after the action, the signs in few words, no offer.
    return (*_after_action(bodies[-1], [*naming, *short_line][-1]), *(Message(level, MessageKind.INSTRUCTION, short)
                                                                      for _, short in lists))


def _first_sentences(body: Sequence[Message]) -> list[Message]:
    """``body`` with each action said to its first sentence only."""
    return [Message(m.level, m.kind, spoken.first_sentence(m.text)[0]) if m.kind is MessageKind.INSTRUCTION else m
            for m in body]


def _after_action(body: Sequence[Message], read_back: Sequence[Message]) -> list[Message]:
    at = max((i + 1 for i, m in enumerate(body) if m.kind in ACTION), default=0)
    return [*body[:at], *read_back, *body[at:]]


def waiting(waited: Sequence[tuple[Message, ...]], answer: Sequence[Message],
            now: Sequence[Message]) -> tuple[tuple[Message, ...], ...]:
    """What waits for "more" after the closing turn ``now`` of ``answer``: not what it said, but what it left out of
    the answer: the advice first, the whole read-back after the warning signs (as ``spoken.plan`` places it). The
    whole call-911 list waits when its short form was said: it names each sign as the caregiver may see it."""
    told = {m.text for m in now} | {m.text for u in waited for m in u}
    left = [m for m in answer if m.text not in told and m.kind not in LAST]
    advice = [(m,) for m in left if m.kind is MessageKind.ADVICE]
    read_back = tuple(m for m in left if m.kind is MessageKind.READBACK)
    out = [*advice, *waited]
    if read_back:
        out.insert(len(advice) + sum(1 for u in waited if u[0].kind is MessageKind.WARNING), read_back)
    return spoken.unsaid(out, now)


def _read_backs(answer: Sequence[Message], found: Sequence[Finding], intents: IntentSet, level: Level,
                noted: Sequence[Message] = ()) -> tuple[list[tuple[Message, ...]], list[tuple[Message, ...]]]:
    """The read-backs to try, longest first: those naming the signs (the whole one, ``noted`` among it; the compact
    one), and the short honest line (each followed by ``noted``); with none, ``noted`` alone."""
    rules = intents.spoken
    assert rules is not None
    whole = tuple(m for m in answer if m.kind is MessageKind.READBACK)
    naming = [whole] if whole else []
    compact = unanswered.compact_readback(found, intents)
    if compact:
        naming.append((Message(level, MessageKind.READBACK, compact), *noted))
    # Without room for every sign: the ones counted without being said plainly, each as it was counted, so the
    # caregiver hears which answer was taken as a yes (rule 14; outside review 12, F10: "unclear answers count as
    # yes" never said which).
    assumed = unanswered.counted_as([f for f in found if f.status is Status.PRESENT and f.symptom.level < Level.HOME_CARE
                                     and not (f.basis is Basis.SAID and not f.uncertain)], intents)
    if assumed and assumed != compact:
        naming.append((Message(level, MessageKind.READBACK, assumed), *noted))
    short: list[tuple[Message, ...]] = []
    if rules.short_readback:
        short.append((spoken.short_readback(level, found, rules), *noted))
    return (naming, short) if naming or short else ([], [tuple(noted)])
