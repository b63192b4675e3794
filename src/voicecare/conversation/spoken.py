"""What is spoken first, and what waits until the caregiver asks (policy rule 13).

Triage gives the full answer in order; printed and JSON output keep all of
it. A caregiver holding a crying child cannot follow a 90-second list, so
this layer chooses, by message kind and within a seconds budget for the
disposition, what is said at once; the rest waits as "more" items, given
one short item at a time when asked ("more", "what do I do at home", "what
should I watch for", "why"). Budgets, kinds, offers and explanations are
data (``spoken.toml`` of the language folder); seconds are estimated from
the words at the current speaking rate.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from voicecare.conversation import emergency_words
from voicecare.conversation.spoken_rules import COMPACT_READBACKS as COMPACT_READBACKS  # re-exported: callers import
from voicecare.conversation.spoken_rules import DRAWING as DRAWING  # them from here, as before the split
from voicecare.conversation.spoken_rules import FILE_NAME as FILE_NAME
from voicecare.conversation.spoken_rules import HEARD as HEARD
from voicecare.conversation.spoken_rules import OFFERS as OFFERS
from voicecare.conversation.spoken_rules import REQUESTS as REQUESTS
from voicecare.conversation.spoken_rules import SHORT_READBACKS as SHORT_READBACKS
from voicecare.conversation.spoken_rules import LevelRule as LevelRule
from voicecare.conversation.spoken_rules import SpokenRules as SpokenRules
from voicecare.conversation.spoken_rules import parse as parse
from voicecare.conversation.spoken_rules import read as read
from voicecare.domain import Basis, Finding, Level, Message, MessageKind, Status

PAUSE_SECONDS = 0.25
"""Silence the speaker leaves after each message (tts.PAUSE_SECONDS)."""
SECONDS_PER_MINUTE = 60.0
LEAD_IN = ":"
"""A message ending so introduces the next one of its kind; the two are said together or not at all."""
_DIGITS = re.compile(r"\d+")
_LETTERS = re.compile(r"[^\W\d_]")
_WORDS = re.compile(r"[^\W\d_]+")
_COMMAS = re.compile(r"[,;:]\s")
_COLONS = re.compile(r":\s")
_INNER_STOPS = re.compile(r"[.?!]\s+(?=\S)")


@dataclass(frozen=True)
class Pace:
    """How an estimate counts a message's seconds (``seconds``)."""

    letters_per_word: float
    comma: float
    """Seconds at a comma or semicolon."""
    colon: float
    sentence: float
    """Seconds after a sentence that another follows in the same message."""
    message: float = 0.0
    """Seconds every message takes beyond its words."""
    word: float = 0.0
    """Seconds every word takes beyond its letters: many short words ("so I ask again") are said slower than their
    letters alone say."""


PLANNING = Pace(letters_per_word=7.4, comma=0.25, colon=0.4, sentence=0.55, message=0.4, word=0.1)
"""The estimate every turn below 911 is planned with (its budgets in ``spoken.toml`` are in its seconds), fitted to
espeak-ng's real speech so that no whole turn is planned short: of a grid over its six figures, the one never short
of any of the 155 distinct turns below 911 of the turn-ceiling conversations (three seeds, 415 distinct messages
synthesised at 165 words a minute) that is long by the least, 0.41 s a turn on average (1.5 s at most). The one
before (4.6 letters a word, no per-message silence, no per-word time) was short of 88 of those turns, by up to
0.9 s, so a turn within its 19.5 s ceiling could be said in over 20 s (issue #9; outside review 17 F12;
``benchmarks/turn_speech.py`` prints the turns planned short, by kind)."""
NEVER_SHORT = Pace(letters_per_word=5.0, comma=0.2, colon=0.4, sentence=0.45, message=0.6)
"""The estimate a 911 turn is held to (``budget``, ``emergency_words``; issue #9: at most 15 s, 10 s to "stay with
your child"), fitted to espeak-ng's real speech so that a whole turn is not planned short. With ``PLANNING``, five
911 turns planned at 13.9-14.5 s ran 15.0-15.9 s said: its clips start and end with silence (``message``: 0.6 s a
message), a colon pauses twice as long as a comma. Fitted at 165 words a minute on the 459 messages of the
turn-ceiling conversations; of their 301 distinct turns four are planned short, by at most 0.09 s; a message is long
by 0.3 s on average (``benchmarks/turn_speech.py``)."""
UNCLEAR_BASES = (Basis.UNSURE, Basis.UNHEARD, Basis.GUESSED)
"""Signs counted to be safe, not because they were said (rule 14: the short read-back says so)."""
_SENTENCE_END = re.compile(r"[.;!?]\s+(?=\S)")
"""Where a care answer's first part ends: a sentence, or a clause ended by a semicolon."""


@dataclass(frozen=True)
class Plan:
    """One answer split into what is said now and what waits."""

    now: tuple[Message, ...]
    """Spoken now, in triage's order; when something waits, an offer in place of the closing words."""
    waiting: tuple[tuple[Message, ...], ...] = ()
    """Items said on request, in the order they will be given; each item is one or a few messages."""


def seconds(text: str, rate_wpm: float, pace: Pace = PLANNING) -> float:
    """Estimated seconds to say ``text`` at ``rate_wpm`` words a minute, with its pauses and the pause after it.

    Words are counted by their letters (``Pace.letters_per_word``); a number is said as about one word per digit
    ("911" is "nine one one"); each comma, colon and sentence inside the message adds its pause, and every message
    its own (``Pace.message``).
    """
    words = len(_LETTERS.findall(text)) / pace.letters_per_word + sum(len(d) for d in _DIGITS.findall(text))
    spaced = len(_WORDS.findall(text)) * pace.word
    colons = len(_COLONS.findall(text))
    pauses = ((len(_COMMAS.findall(text)) - colons) * pace.comma + colons * pace.colon
              + len(_INNER_STOPS.findall(text)) * pace.sentence)
    return words * SECONDS_PER_MINUTE / max(rate_wpm, 1.0) + spaced + pauses + pace.message + PAUSE_SECONDS


def total_seconds(messages: Iterable[Message], rate_wpm: float, pace: Pace = PLANNING) -> float:
    """Estimated seconds to say all of ``messages``."""
    return sum(seconds(m.text, rate_wpm, pace) for m in messages)


def units(messages: Sequence[Message]) -> list[tuple[Message, ...]]:
    """Messages grouped so that a lead-in ("Watch for these warning signs:") stays with what it introduces."""
    out: list[tuple[Message, ...]] = []
    for message in messages:
        if out and out[-1][-1].text.endswith(LEAD_IN) and out[-1][-1].kind == message.kind:
            out[-1] = (*out[-1], message)
        else:
            out.append((message,))
    return out


def unsaid(waiting: Sequence[tuple[Message, ...]], said: Sequence[Message]) -> tuple[tuple[Message, ...], ...]:
    """``waiting`` without what ``said`` said already (the call-911 list a closing turn took in), its lead-ins kept
    with what they introduce: "tell me more" said only "Warning signs to watch for:" when the list after it had
    been said (outside review 9)."""
    texts = {m.text for m in said}
    return tuple(units([m for u in waiting for m in u if m.text not in texts or m.text.endswith(LEAD_IN)]))


def plan(messages: Sequence[Message], level: Level | None, rules: SpokenRules | None, rate_wpm: float,
         *, offer: bool = True, findings: Sequence[Finding] = ()) -> Plan:
    """What to say now of ``messages`` (an answer at ``level``), and the items that wait.

    Kinds outside the level's ``if_room`` and ``later`` are always said. Of
    the ``if_room`` kinds, whole units are added, most important kind first,
    while the budget allows; the rest wait, ahead of the ``later`` kinds.
    ``offer`` adds the "say more" line (not for a one-shot answer nobody can
    reply to). When what is always said would go over ``turn_seconds``, the
    read-back is said short, after the action (rule 13), chosen by the
    ``findings`` behind it (rule 14); the full read-back waits after the
    ``if_room`` kinds. Without rules everything is said.
    """
    rule = rules.levels.get(level) if rules is not None and level is not None else None
    if rules is None or rule is None:
        return Plan(tuple(messages))
    grouped = units(messages)
    chosen = [u for u in grouped if u[0].kind not in (*rule.if_room, *rule.later)]
    waiting = [u for u in grouped if u[0].kind in rule.later]
    offer = offer and rule.offer
    chosen, read_back = _short_read_back(chosen, rules, rate_wpm, offer, len(chosen) < len(grouped), findings)
    short = chosen[-1][0] if read_back else None
    spare = rule.seconds - sum(total_seconds(u, rate_wpm) for u in chosen)
    if offer and len(chosen) < len(grouped):  # room for the longest offer, in case something waits
        spare -= max(seconds(rules.offers[k], rate_wpm) for k in rules.offers if k not in ("next", "done"))
    left_over: list[tuple[Message, ...]] = []
    for kind in rule.if_room:
        for unit in (u for u in grouped if u[0].kind == kind):
            cost = total_seconds(unit, rate_wpm)
            if cost <= spare and not any(u[0].kind == kind for u in left_over):
                chosen.append(unit)
                spare -= cost
            else:
                left_over.append(unit)  # a kind's items keep their order: none jumps ahead of one that waits
    waiting = [*left_over, *read_back, *waiting]
    said = [m for u in grouped if u in chosen for m in u]
    if level is Level.EMERGENCY:  # the sign line as it is to be heard (honest and short: ``emergency_words``)
        said = emergency_words.reason_said(said, findings, rules, rate_wpm)
    if short is not None:
        said = _after_action(said, short)
    if waiting and offer:
        said = with_offer(said, Message(level or Level.UNCLEAR, MessageKind.CONVERSATION,
                                         _offer_text(rules, waiting)))
    return Plan(tuple(said), tuple(waiting))


def _short_read_back(chosen: list[tuple[Message, ...]], rules: SpokenRules, rate_wpm: float, offer: bool,
                     waits: bool, findings: Sequence[Finding]) -> tuple[list[tuple[Message, ...]], list[tuple[Message, ...]]]:
    """``chosen`` with its read-back made short when the turn would go over ``turn_seconds`` (the short one last),
    and the full read-back units, which then wait; else ``chosen`` as it is and nothing."""
    full = [u for u in chosen if u[0].kind is MessageKind.READBACK]
    if rules.turn_seconds is None or not full or not rules.short_readback:
        return chosen, []
    said = list(chosen)
    if offer and waits:  # the longest offer, in place of the closing words (see ``with_offer``)
        while said and said[-1][0].kind is MessageKind.CONVERSATION:
            said.pop()
        said.append((Message(Level.UNCLEAR, MessageKind.CONVERSATION, max(
            (rules.offers[k] for k in rules.offers if k not in ("next", "done")), key=lambda t: seconds(t, rate_wpm))),))
    if sum(total_seconds(u, rate_wpm) for u in said) <= rules.turn_seconds:
        return chosen, []
    return [*(u for u in chosen if u not in full), (short_readback(full[0][0].level, findings, rules),)], full


def short_readback(level: Level, findings: Sequence[Finding], rules: SpokenRules, *, doubted: bool = False) -> Message:
    """The read-back in one short honest line (rule 14: "counted to be safe" whenever a sign rests on an unsure,
    unheard or guessed answer; with ``doubted``, also on a reading only doubted). ``rules.short_readback`` is set."""
    unclear = any(f.status is Status.PRESENT and (f.basis in UNCLEAR_BASES or (doubted and f.uncertain))
                  for f in findings)
    return Message(level, MessageKind.READBACK, rules.short_readback["unclear" if unclear else "said"])


def _after_action(said: list[Message], short: Message) -> list[Message]:
    """The short read-back after the action and why (rule 13), before the notes and closing words."""
    action = (MessageKind.EMERGENCY, MessageKind.INSTRUCTION, MessageKind.ADVICE)
    at = max((i + 1 for i, m in enumerate(said) if m.kind in action), default=0)
    return [*said[:at], short, *said[at:]]


def opening(care: Sequence[Message], fixed: Sequence[Message], optional: Sequence[Message], question: Message,
            rules: SpokenRules | None, rate_wpm: float, *, budget: float | None = None) -> Plan:
    """The turn that opens the interview: the care answer (first, or after the action: ``with_care``) and ``fixed``
    (what was heard, the action, the disclaimer), ``optional`` (the interview's introduction) if it fits, the question.

    Within ``opening_seconds`` (or ``budget``) the care answer is cut to its first sentence, the rest waiting for
    "more" (rule 13); the question and the fixed parts are always said.
    """
    if budget is None:
        budget = rules.opening_seconds if rules is not None else None
    whole = [*with_care(care, fixed), *optional, question]
    if budget is None or total_seconds(whole, rate_wpm) <= budget:
        return Plan(tuple(whole))
    short, rest = [], []
    for message in care:
        first, more = first_sentence(message.text)
        short.append(Message(message.level, message.kind, first))
        if more:
            rest.append((Message(message.level, message.kind, more),))
    spare = budget - total_seconds([*short, *fixed, question], rate_wpm)
    extra = list(optional) if total_seconds(optional, rate_wpm) <= spare else []
    return Plan((*with_care(short, fixed), *extra, question), tuple(rest))


def with_care(care: Sequence[Message], fixed: Sequence[Message]) -> list[Message]:
    """``fixed`` (what was heard, the action, the disclaimer) with the care answer ``care`` where the policy puts it:
    first in a home-care answer ("briefly and first"), after what was heard and the instruction in an urgent or
    follow-up one (rules 6 and 12, as triage orders them; outside review 11, F13: "Warmth can ease the muscles."
    was said before "I heard: fever." and "Call your child's doctor right away.")."""
    if not care or care[0].level >= Level.HOME_CARE:
        return [*care, *fixed]
    action = (MessageKind.READBACK, MessageKind.INSTRUCTION, MessageKind.ADVICE)
    at = max((i + 1 for i, m in enumerate(fixed) if m.kind in action), default=0)
    return [*fixed[:at], *care, *fixed[at:]]


def first_sentence(text: str) -> tuple[str, str]:
    """``text`` split after its first sentence (or a clause ended by a semicolon), and the rest ("" if none)."""
    match = _SENTENCE_END.search(text)
    if match is None:
        return text, ""
    rest = text[match.end():]
    return text[:match.start()] + ".", rest[:1].upper() + rest[1:]


def _offer_text(rules: SpokenRules, waiting: Sequence[tuple[Message, ...]]) -> str:
    return rules.offers.get(waiting[0][0].kind.value, rules.offers["any"])


def with_offer(said: list[Message], offer: Message) -> list[Message]:
    """The offer instead of a closing ("Is there anything else?", asked once nothing waits), before a question."""
    closing = MessageKind.CONVERSATION, MessageKind.QUESTION
    at = len(said)
    while at > 0 and said[at - 1].kind in closing:
        at -= 1
    questions = [m for m in said[at:] if m.kind is MessageKind.QUESTION]
    return [*said[:at], offer, *questions]


def take(waiting: Sequence[tuple[Message, ...]], kinds: Sequence[MessageKind], rules: SpokenRules,
         rate_wpm: float) -> tuple[list[Message], tuple[tuple[Message, ...], ...]]:
    """The next short answer to a request for ``kinds`` (empty: anything), and what still waits.

    One item at least, then more of the same kind while they fit ``item_seconds``. An item longer than that which
    is one message of several sentences (the whole read-back after many unclear answers took 21-23 s) is given a
    few sentences at a time, the rest waiting as the next item.
    """
    fits = [i for i, u in enumerate(waiting) if not kinds or u[0].kind in kinds]
    if not fits:
        return [], tuple(waiting)
    first = fits[0]
    pieces = in_pieces(waiting[first], rules.item_seconds, rate_wpm)
    if len(pieces) > 1:
        waiting = [*waiting[:first], *pieces, *waiting[first + 1:]]
    taken = [first]
    spent = total_seconds(waiting[first], rate_wpm)
    for index in fits[1:]:
        unit = waiting[index]
        cost = total_seconds(unit, rate_wpm)
        if unit[0].kind != waiting[first][0].kind or spent + cost > rules.item_seconds:
            break
        taken.append(index)
        spent += cost
    said = [m for i in taken for m in waiting[i]]
    return said, tuple(u for i, u in enumerate(waiting) if i not in taken)


def sentences(text: str) -> list[str]:
    """``text`` cut into its sentences (each with its stop)."""
    out, start = [], 0
    for match in _INNER_STOPS.finditer(text):
        out.append(text[start:match.start() + 1])
        start = match.end()
    return [*out, text[start:]]


def in_pieces(unit: tuple[Message, ...], most: float, rate_wpm: float) -> list[tuple[Message, ...]]:
    """``unit`` as items of whole sentences, each within ``most`` seconds where a sentence allows (one sentence at
    least each); ``unit`` alone when it fits, or is no single message of several sentences."""
    if len(unit) != 1 or total_seconds(unit, rate_wpm) <= most:
        return [unit]
    message = unit[0]
    pieces: list[list[str]] = []
    for sentence in sentences(message.text):
        if pieces and seconds(" ".join([*pieces[-1], sentence]), rate_wpm) <= most:
            pieces[-1].append(sentence)
        else:
            pieces.append([sentence])
    return [(Message(message.level, message.kind, " ".join(piece)),) for piece in pieces]
