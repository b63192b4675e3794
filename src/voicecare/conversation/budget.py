"""Every spoken turn within rule 13's ceiling, whatever built it: the last step before a turn is said.

Each part of the conversation plans its own turn short (``spoken.plan``, ``closing``, ``emergency_words``), but
notes are added after planning (a 911 taken back, a lesser sign said back in a 911, "help" in a 911) and a turn
could end up over the budget: outside review 9 and the conversation bench measured 18.6-25.7 s turns. Here the
whole turn is measured once more and, when over its ceiling (``spoken.toml``: an emergency 15 s, any other turn
20 s, less the estimate's worst shortfall), cut down in a fixed order: the long call-911 list in its short form, a
care answer to its first sentence, the read-back in its short honest form, then the least needed parts wait for
"more" (printed in full as always). What is never left out: "Call 911 now", the sign and "stay with your child",
what a 911 rests on and how to take it back (rule 14), the action, the question, the unclear answer (rule 7), the
disclaimer (rule 8), and the closing words that say what the caregiver can do next.
"""

from __future__ import annotations

from collections.abc import Callable, Collection, Mapping, Sequence
from dataclasses import dataclass

from voicecare.conversation import spoken
from voicecare.conversation.answer_words import ANYTHING_ELSE
from voicecare.conversation.unanswered import call_911_lists
from voicecare.domain import Finding, IntentSet, Level, Message, MessageKind

KEPT = frozenset({MessageKind.EMERGENCY, MessageKind.CONFIRM, MessageKind.INSTRUCTION, MessageKind.QUESTION,
                  MessageKind.UNCLEAR, MessageKind.DISCLAIMER})
"""Kinds always said: the 911 and what it rests on, the action, the question, rule 7's answer, rule 8's line."""
WAITS_FIRST = (MessageKind.HOME_CARE, MessageKind.ADVICE, MessageKind.HYPOTHETICAL, MessageKind.PAST,
               MessageKind.OTHER, MessageKind.WARNING, MessageKind.CONVERSATION, MessageKind.READBACK,
               MessageKind.CARE_ANSWER)
"""The order in which the other kinds wait for "more" when a turn is still over its ceiling (the latest first).
The read-back is short by then ("I counted what you told me"); the care question asked is answered first and
briefly (the policy), its first sentence last to wait."""


Step = Callable[[list[Message], Sequence[Finding], IntentSet], tuple[list[Message], list[tuple[Message, ...]]]]
"""One way of making a turn shorter: what is said now, and what of it waits for "more"."""


@dataclass(frozen=True)
class Fitted:
    """A turn's spoken messages within its ceiling, and what was taken out of them to wait for "more"."""

    now: tuple[Message, ...]
    waiting: tuple[tuple[Message, ...], ...] = ()


def ceiling(level: Level | None, intents: IntentSet) -> float | None:
    """The most seconds a turn answered at ``level`` may take (None: the language sets none)."""
    rules = intents.spoken
    if rules is None:
        return None
    return rules.emergency_ceiling if level is Level.EMERGENCY else rules.ceiling


def pace(level: Level | None) -> spoken.Pace:
    """The estimate a turn at ``level`` is held to: a 911's never short of real speech (``spoken.NEVER_SHORT``)."""
    return spoken.NEVER_SHORT if level is Level.EMERGENCY else spoken.PLANNING


def over(said: Sequence[Message], level: Level | None, intents: IntentSet, rate_wpm: float) -> float:
    """Seconds by which ``said`` goes over its ceiling (0 or less: within it)."""
    most = ceiling(level, intents)
    return 0.0 if most is None else spoken.total_seconds(said, rate_wpm, pace(level)) - most


def fit(said: Sequence[Message], level: Level | None, found: Sequence[Finding], intents: IntentSet,
        rate_wpm: float, short_forms: Mapping[str, str] | None = None, *, asked: bool = False,
        held: Collection[str] = ()) -> Fitted:
    """``said`` (a turn answered at ``level``, None for a command's or request's turn) within its ceiling;
    ``short_forms``: shorter words for some of its messages, said instead when over (nothing waits for them);
    ``asked``: the turn is what the caregiver asked for ("what did you hear?"): said whole sentences at a time,
    never in a short form, the rest waiting for "more"; ``held``: words always said (help asked for in a 911,
    in its short form when it has one), as ``KEPT`` kinds are."""
    if over(said, level, intents, rate_wpm) <= 0:
        return Fitted(tuple(said))
    short = {**dict(call_911_lists(found, intents)), **(short_forms or {})}
    now = [Message(m.level, m.kind, short.get(m.text, m.text)) for m in said]
    waiting: list[tuple[Message, ...]] = []
    # Below home care the read-back is the "why" of the action (rules 12 and 13): a care answer that does not fit
    # beside it waits for "more" before the read-back is cut (outside review 22 F10: "Call your child's doctor right
    # away", the ice timings and the question, with no word of the fever and chills heard, a misrecognition).
    caring = (_care_first_sentence, _care_waits) if level in (Level.URGENT, Level.FOLLOW_UP) else (_care_first_sentence,)
    steps = (_asked_in_part(level, rate_wpm),) if asked else (*caring, _short_read_back)
    for step in steps:
        if over(now, level, intents, rate_wpm) <= 0:
            break
        now, waited = step(now, found, intents)
        waiting += waited
    offer = _offer(level, intents)
    while over(now, level, intents, rate_wpm) > 0:
        at = _next_to_wait(now, intents, {short.get(text, text) for text in held})
        if at is None:
            break
        waiting.insert(0, (now.pop(at),))
    # _without_closing drops one closing line per call: the offer first, then "anything else?" if still over.
    for last_step in (_action_first_sentence, _without_closing, _without_closing):
        # Still over with only what is always said (the ending after a skip and a 911 taken back: 20.3-20.5 s):
        # the action's second sentence ("It is not an emergency.", which the taken-back note says too) waits,
        # then the closing words go one at a time, the offer first ("more" still gives what waits).
        if over(now, level, intents, rate_wpm) <= 0:
            break
        now, waited = last_step(now, found, intents)
        waiting += waited
    if waiting and offer and over([*now, *offer], level, intents, rate_wpm) <= 0:
        now = spoken.with_offer(now, offer[0])  # without room for it, "more" still gives what waits
    return Fitted(tuple(now), tuple(waiting))


def _care_first_sentence(said: list[Message], found: Sequence[Finding],
                         intents: IntentSet) -> tuple[list[Message], list[tuple[Message, ...]]]:
    """A care answer said to its first sentence, the rest waiting (the policy: briefly and first)."""
    return _first_sentences(said, MessageKind.CARE_ANSWER)


def _care_waits(said: list[Message], found: Sequence[Finding],
                intents: IntentSet) -> tuple[list[Message], list[tuple[Message, ...]]]:
    """The care answer waiting whole for "more", beside a read-back it would push out (see ``fit``)."""
    if not any(m.kind is MessageKind.READBACK for m in said):
        return said, []
    care = [m for m in said if m.kind is MessageKind.CARE_ANSWER]
    return [m for m in said if m.kind is not MessageKind.CARE_ANSWER], [(m,) for m in care]


def _asked_in_part(level: Level | None, rate_wpm: float) -> Step:
    """The step that says what was asked for ("what did you hear?", a read-back of six signs: 22-25 s) in whole
    sentences while the turn fits, at least its first, the rest waiting for "more" in order; what is always said
    (a 911, its closing words, the question still open) stays whole."""

    def step(said: list[Message], found: Sequence[Finding],
             intents: IntentSet) -> tuple[list[Message], list[tuple[Message, ...]]]:
        keep = _closing(said, intents) | {i for i, m in enumerate(said) if m.kind in KEPT}
        speed = pace(level)
        room = (ceiling(level, intents) or 0.0) - spoken.total_seconds(
            [m for i, m in enumerate(said) if i in keep], rate_wpm, speed) - spoken.total_seconds(
            _offer(level, intents), rate_wpm, speed)
        now: list[Message] = []
        waiting: list[tuple[Message, ...]] = []
        told = False  # the first sentence asked for is said whatever its length: the caregiver asked
        for i, message in enumerate(said):
            if i in keep:
                now.append(message)
                continue
            parts = spoken.sentences(message.text)
            fits = 0
            while not waiting and fits < len(parts) and (
                    not told or spoken.seconds(" ".join(parts[:fits + 1]), rate_wpm, speed) <= room):
                fits, told = fits + 1, True
            if fits:
                now.append(Message(message.level, message.kind, " ".join(parts[:fits])))
                room -= spoken.seconds(now[-1].text, rate_wpm, speed)
            if fits < len(parts):
                waiting.append((Message(message.level, message.kind, " ".join(parts[fits:])),))
        return now, waiting

    return step


def _action_first_sentence(said: list[Message], found: Sequence[Finding],
                           intents: IntentSet) -> tuple[list[Message], list[tuple[Message, ...]]]:
    """What to do said to its first sentence ("Have your child's doctor check this soon."), the rest waiting."""
    return _first_sentences(said, MessageKind.INSTRUCTION)


def _first_sentences(said: list[Message], kind: MessageKind) -> tuple[list[Message], list[tuple[Message, ...]]]:
    """``said`` with each message of ``kind`` cut to its first sentence, and the rest of each, waiting."""
    now: list[Message] = []
    waiting: list[tuple[Message, ...]] = []
    for message in said:
        first, rest = spoken.first_sentence(message.text) if message.kind is kind else ("", "")
        if rest:
            now.append(Message(message.level, message.kind, first))
            waiting.append((Message(message.level, message.kind, rest),))
        else:
            now.append(message)
    return now, waiting


def _without_closing(said: list[Message], found: Sequence[Finding],
                     intents: IntentSet) -> tuple[list[Message], list[tuple[Message, ...]]]:
    """``said`` without the closing line it ends with, if it is one: the "say more" offer (what waits is still
    given on "more") or "Is there anything else?" (the call-911 signs stay; the conversation waits for the answer
    all the same). Nothing of it waits: it is no part of the answer. (Two near-twin helpers, one per line, merged.)"""
    rules = intents.spoken
    closings: list[set[str]] = [set(rules.offers.values()) if rules is not None else set(),
                                {intents.messages.get(f"conversation.{ANYTHING_ELSE}", "")}]
    for texts in closings:
        if said and said[-1].kind is MessageKind.CONVERSATION and said[-1].text in texts:
            return said[:-1], []
    return said, []


def _short_read_back(said: list[Message], found: Sequence[Finding],
                     intents: IntentSet) -> tuple[list[Message], list[tuple[Message, ...]]]:
    """The read-back in its short honest form (rule 14: "counted to be safe" when a sign rests on an unclear
    answer), the whole one waiting; a note that questions were skipped stays as it is."""
    rules = intents.spoken
    note = intents.messages.get("conversation.not_asked", "")
    full = [m for m in said if m.kind is MessageKind.READBACK and m.text != note]
    if rules is None or not rules.short_readback or not full:
        return said, []
    short = spoken.short_readback(full[0].level, found, rules, doubted=True)
    if all(m.text == short.text for m in full):
        return said, []
    now = [short if m is full[0] else m for m in said if m is full[0] or m not in full]
    return now, [tuple(full)]


def _offer(level: Level | None, intents: IntentSet) -> list[Message]:
    """The "say more" line a turn at ``level`` ends with when something of it waits (none during a 911)."""
    rules = intents.spoken
    rule = rules.levels.get(level) if rules is not None and level is not None else None
    if rules is None or (rule is not None and not rule.offer):
        return []
    return [Message(level or Level.UNCLEAR, MessageKind.CONVERSATION, rules.offers["any"])]


def _next_to_wait(said: Sequence[Message], intents: IntentSet, held: Collection[str] = ()) -> int | None:
    """Where the next message to leave the turn is: the least needed kind, the latest of it; None when only what
    is always said (``KEPT`` kinds, the closing words, ``held``) is left."""
    closing = _closing(said, intents) | {i for i, m in enumerate(said) if m.text in held}
    # That questions were skipped stays: without it the ending reads as if every sign had been denied (rule 14).
    closing |= {i for i, m in enumerate(said) if m.text == intents.messages.get("conversation.not_asked")}
    stay = intents.messages.get("emergency_stay")
    after_stay = next((i for i, m in enumerate(said) if m.kind is MessageKind.EMERGENCY and m.text == stay), len(said))
    # What a 911 says after "stay with your child" about why ("After a fall, these signs are an emergency.") waits
    # as advice does: what the 911 rests on (CONFIRM) is said instead.
    explained = {i for i, m in enumerate(said) if m.kind is MessageKind.EMERGENCY and i > after_stay}
    for kind in WAITS_FIRST:
        spots = [i for i, m in enumerate(said) if i not in closing and (
            m.kind is kind or (kind is MessageKind.ADVICE and i in explained))]
        if spots:
            return spots[-1]
    return None


def _closing(said: Sequence[Message], intents: IntentSet) -> set[int]:
    """The words around the turn that say what happens next, kept: a 911 taken back said first, and the last
    words when they ask ("Is there anything else?") or offer more."""
    rules = intents.spoken
    offers = set(rules.offers.values()) if rules is not None else set()
    kept = {0} if said and rules is not None and said[0].text == rules.taken_back else set()
    last = len(said) - 1
    if last >= 0 and said[last].kind is MessageKind.CONVERSATION and (
            said[last].text.endswith("?") or said[last].text in offers):
        kept.add(last)
    return kept

