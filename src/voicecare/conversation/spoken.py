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
import tomllib
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from voicecare.domain import Basis, Finding, Level, Message, MessageKind, Status, TriageResult

FILE_NAME = "spoken.toml"
PAUSE_SECONDS = 0.25
"""Silence the speaker leaves after each message (tts.PAUSE_SECONDS)."""
SECONDS_PER_MINUTE = 60.0
LEAD_IN = ":"
"""A message ending so introduces the next one of its kind; the two are said together or not at all."""
HEARD = "heard"
"""The request "what did you hear?": answered with what was understood so far (rule 14), not from what waits."""
REQUESTS = ("more", "home_care", "watch_for", "why", HEARD)
"""Control kinds (controls.toml) that ask for what waits ("why" is answered from ``[why]``)."""
DRAWING = ("more", "home_care", "watch_for")
"""Requests answered from what waits, by the kinds in ``[requests]``."""
OFFERS = ("any", "next", "done")
"""Offers every language gives; more are keyed by the kind of the first item waiting."""
_DIGITS = re.compile(r"\d+")
SHORT_READBACKS = ("unclear", "said")
"""Short read-backs every language with ``turn_seconds`` gives: some signs counted from an unclear answer, or none."""
COMPACT_READBACKS = ("answered", "unclear")
"""The compact read-back's parts ({items} each): signs said yes to, signs counted from an unclear answer."""
UNCLEAR_BASES = (Basis.UNSURE, Basis.UNHEARD, Basis.GUESSED)
"""Signs counted to be safe, not because they were said (rule 14: the short read-back says so)."""
_SENTENCE_END = re.compile(r"[.;!?]\s+(?=\S)")
"""Where a care answer's first part ends: a sentence, or a clause ended by a semicolon."""


@dataclass(frozen=True)
class LevelRule:
    """How the first answer at one disposition is cut down."""

    seconds: float
    """The first answer's budget, seconds of speech (offers and closing included)."""
    if_room: tuple[MessageKind, ...] = ()
    """Kinds said first when they fit, most important first; the rest of them waits, at the front."""
    later: tuple[MessageKind, ...] = ()
    """Kinds that always wait for a request. Every other kind is always said."""
    offer: bool = True
    """Whether to say the "say more" offer when something waits (not while the caregiver should be calling 911)."""


@dataclass(frozen=True)
class SpokenRules:
    """The language's ``spoken.toml``: budgets by disposition, offers, requests and explanations."""

    levels: Mapping[Level, LevelRule] = field(hash=False)
    item_seconds: float
    """Most seconds of one answer to a request (at least one item is always given)."""
    requests: Mapping[str, tuple[MessageKind, ...]] = field(hash=False)
    """What each request draws from, by kind; empty: the next item, whatever it is."""
    offers: Mapping[str, str] = field(hash=False)
    """"Say more ..." by the kind of the first waiting item, or ``any``; ``next`` and ``done`` after a request."""
    why: Mapping[Level, str] = field(hash=False)
    """Why this is the advice, by disposition (said for "why")."""
    guessed_emergency: str = ""
    """Said after "stay with your child" when the emergency rests only on an answer not heard (rule 14): how to
    take it back ("if the answer is no, say no"); empty: nothing is said."""
    unsure_emergency: str = ""
    """Said after "stay with your child" when the emergency rests on a "not sure" answer (rules 10 and 14): that it
    was counted to be safe, and how to take it back; empty: nothing is said."""
    taken_back: str = ""
    """Said when a plain "no" next took back such an emergency (rule 9), before the interview goes on."""
    interview_requests: Mapping[str, str] = field(default_factory=dict, hash=False)
    """Said for a request ("what do I do at home") while the interview has nothing of it yet, by request
    (``DRAWING``), before the question is asked again; a request missing here is answered by the question alone."""
    compact_readback: Mapping[str, str] = field(default_factory=dict, hash=False)
    """The interview's closing read-back in few words, by ``COMPACT_READBACKS`` key (a yes, an unclear answer);
    empty: the short read-back is said when the whole one does not fit."""
    opening_seconds: float | None = None
    """Most seconds of the turn that opens the interview (a care answer, what was heard, the first question);
    None: no limit."""
    one_shot_seconds: float | None = None
    """Most seconds of a one-shot answer (``triage --say-to``) with the call-911 signs added; None: the level's
    seconds and one item more."""
    turn_seconds: float | None = None
    """Most seconds of an answer's spoken turn (issue #9): over it, the read-back, the part that grows with the
    signs and unclear answers, is said in its short form after the action; the full one waits. None: no limit."""
    short_readback: Mapping[str, str] = field(default_factory=dict, hash=False)
    """The short read-backs by ``SHORT_READBACKS`` key; honest (rule 14): "unclear" when a sign was counted to be
    safe, else "said"."""


@dataclass(frozen=True)
class Plan:
    """One answer split into what is said now and what waits."""

    now: tuple[Message, ...]
    """Spoken now, in triage's order; when something waits, an offer in place of the closing words."""
    waiting: tuple[tuple[Message, ...], ...] = ()
    """Items said on request, in the order they will be given; each item is one or a few messages."""


def seconds(text: str, rate_wpm: float) -> float:
    """Estimated seconds to say ``text`` at ``rate_wpm`` words a minute, with the pause after it.

    A number is said as about one word per digit ("911" is "nine one one").
    """
    words = len(text.split()) + sum(max(0, len(d) - 1) for d in _DIGITS.findall(text))
    return words * SECONDS_PER_MINUTE / max(rate_wpm, 1.0) + PAUSE_SECONDS


def total_seconds(messages: Iterable[Message], rate_wpm: float) -> float:
    """Estimated seconds to say all of ``messages``."""
    return sum(seconds(m.text, rate_wpm) for m in messages)


def units(messages: Sequence[Message]) -> list[tuple[Message, ...]]:
    """Messages grouped so that a lead-in ("Watch for these warning signs:") stays with what it introduces."""
    out: list[tuple[Message, ...]] = []
    for message in messages:
        if out and out[-1][-1].text.endswith(LEAD_IN) and out[-1][-1].kind == message.kind:
            out[-1] = (*out[-1], message)
        else:
            out.append((message,))
    return out


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
    if short is not None:
        said = _after_action(said, short)
    if waiting and offer:
        said = _with_offer(said, Message(level or Level.UNCLEAR, MessageKind.CONVERSATION,
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
    if offer and waits:  # the longest offer, in place of the closing words (see ``_with_offer``)
        while said and said[-1][0].kind is MessageKind.CONVERSATION:
            said.pop()
        said.append((Message(Level.UNCLEAR, MessageKind.CONVERSATION, max(
            (rules.offers[k] for k in rules.offers if k not in ("next", "done")), key=lambda t: seconds(t, rate_wpm))),))
    if sum(total_seconds(u, rate_wpm) for u in said) <= rules.turn_seconds:
        return chosen, []
    # Rule 14: "counted to be safe" whenever a sign rests on an unsure, unheard or guessed answer.
    unclear = any(f.status is Status.PRESENT and f.basis in UNCLEAR_BASES for f in findings)
    short = Message(full[0][0].level, MessageKind.READBACK, rules.short_readback["unclear" if unclear else "said"])
    return [*(u for u in chosen if u not in full), (short,)], full


def _after_action(said: list[Message], short: Message) -> list[Message]:
    """The short read-back after the action and why (rule 13), before the notes and closing words."""
    action = (MessageKind.EMERGENCY, MessageKind.INSTRUCTION, MessageKind.ADVICE)
    at = max((i + 1 for i, m in enumerate(said) if m.kind in action), default=0)
    return [*said[:at], short, *said[at:]]


def opening(care: Sequence[Message], fixed: Sequence[Message], optional: Sequence[Message], question: Message,
            rules: SpokenRules | None, rate_wpm: float) -> Plan:
    """The turn that opens the interview: the care answer first (the policy: briefly and first), then ``fixed``
    (what was heard, the disclaimer), ``optional`` (the interview's introduction) if it fits, the question.

    Within ``opening_seconds`` the care answer is cut to its first sentence, the rest waiting for "more"
    (rule 13); the question and the fixed parts are always said.
    """
    budget = rules.opening_seconds if rules is not None else None
    whole = [*care, *fixed, *optional, question]
    if budget is None or total_seconds(whole, rate_wpm) <= budget:
        return Plan(tuple(whole))
    short, rest = [], []
    for message in care:
        first, more = _first_sentence(message.text)
        short.append(Message(message.level, message.kind, first))
        if more:
            rest.append((Message(message.level, message.kind, more),))
    spare = budget - total_seconds([*short, *fixed, question], rate_wpm)
    extra = list(optional) if total_seconds(optional, rate_wpm) <= spare else []
    return Plan((*short, *fixed, *extra, question), tuple(rest))


def _first_sentence(text: str) -> tuple[str, str]:
    """``text`` split after its first sentence (or a clause ended by a semicolon), and the rest ("" if none)."""
    match = _SENTENCE_END.search(text)
    if match is None:
        return text, ""
    rest = text[match.end():]
    return text[:match.start()] + ".", rest[:1].upper() + rest[1:]


def one_shot(result: TriageResult, rules: SpokenRules | None, rate_wpm: float) -> tuple[Message, ...]:
    """What to say of a single answer nobody can ask "more" about (``triage``).

    The short part, no offer; and, since nobody can ask for them, the first
    ``warning`` item that did not fit (the call-911 signs, rule 11), when the
    whole stays within ``one_shot_seconds``. To make room for them the
    disclaimer is left to the printed reply (rule 11 is about safety, rule 8
    is printed with every answer); without room, the short part alone.
    """
    planned = plan(result.messages, result.disposition, rules, rate_wpm, offer=False, findings=result.findings)
    rule = rules.levels.get(result.disposition) if rules is not None else None
    if rules is None or rule is None:
        return planned.now
    warnings = [u for u in planned.waiting if u[0].kind is MessageKind.WARNING and MessageKind.WARNING in rule.if_room]
    # Without its lead-in ("Warning signs to watch for:"): the list says what it is, and seconds count.
    first = [m for m in warnings[0] if not m.text.endswith(LEAD_IN)] if warnings else []
    most = rules.one_shot_seconds or rule.seconds + rules.item_seconds
    now = list(planned.now)
    if first and total_seconds([*now, *first], rate_wpm) > most:
        now = [m for m in now if m.kind is not MessageKind.DISCLAIMER]
    if total_seconds([*now, *first], rate_wpm) > most:
        return planned.now
    return tuple(m for m in result.messages if m in now or m in first)


def _offer_text(rules: SpokenRules, waiting: Sequence[tuple[Message, ...]]) -> str:
    return rules.offers.get(waiting[0][0].kind.value, rules.offers["any"])


def _with_offer(said: list[Message], offer: Message) -> list[Message]:
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

    One item at least, then more of the same kind while they fit ``item_seconds``.
    """
    fits = [i for i, u in enumerate(waiting) if not kinds or u[0].kind in kinds]
    if not fits:
        return [], tuple(waiting)
    first = fits[0]
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


# ---- loading ``spoken.toml`` (problems as ``file: key: what is wrong``, like the other intent files)


def read(path: Path, problems: list[str]) -> SpokenRules | None:
    """The rules in ``path``, or None when the language has no such file (then everything is said)."""
    try:
        with path.open("rb") as handle:
            data = tomllib.load(handle)
    except FileNotFoundError:
        return None
    except (OSError, tomllib.TOMLDecodeError) as exc:
        problems.append(f"{path}: cannot be read: {exc}")
        return None
    return parse(data, str(path), problems)


def parse(data: Mapping[str, Any], where: str, problems: list[str]) -> SpokenRules:
    """Build the rules from parsed TOML, adding a line to ``problems`` for each thing wrong."""
    _unknown(data, ("levels", "item_seconds", "opening_seconds", "one_shot_seconds", "guessed_emergency", "requests",
                    "offers", "why", "turn_seconds", "short_readback", "unsure_emergency", "taken_back",
                    "interview_requests", "compact_readback"), where, problems)
    levels_table = _table(data, "levels", where, problems)
    _unknown(levels_table, tuple(level.id for level in Level), f"{where}: levels", problems)
    levels = {level: _level_rule(levels_table.get(level.id), f"{where}: levels.{level.id}", problems)
              for level in Level}
    requests_table = _table(data, "requests", where, problems)
    _unknown(requests_table, DRAWING, f"{where}: requests", problems)
    requests = {name: _kinds(requests_table.get(name, []), f"{where}: requests.{name}", problems) for name in DRAWING}
    offers_table = _table(data, "offers", where, problems)
    _unknown(offers_table, (*OFFERS, *(k.value for k in MessageKind)), f"{where}: offers", problems)
    offers = {str(k): _text(offers_table, str(k), f"{where}: offers", problems) for k in offers_table}
    for key in OFFERS:
        if key not in offers:
            problems.append(f"{where}: offers: {key}: missing text")
    why_table = _table(data, "why", where, problems)
    _unknown(why_table, tuple(level.id for level in Level), f"{where}: why", problems)
    why = {level: _text(why_table, level.id, f"{where}: why", problems) for level in Level}
    interview_table = _table(data, "interview_requests", where, problems) if "interview_requests" in data else {}
    _unknown(interview_table, DRAWING, f"{where}: interview_requests", problems)
    interview_requests = {k: _text(interview_table, k, f"{where}: interview_requests", problems)
                          for k in DRAWING if k in interview_table}
    compact_table = _table(data, "compact_readback", where, problems) if "compact_readback" in data else {}
    _unknown(compact_table, COMPACT_READBACKS, f"{where}: compact_readback", problems)
    compact = {k: _text(compact_table, k, f"{where}: compact_readback", problems) for k in COMPACT_READBACKS
               if compact_table}
    opening = data.get("opening_seconds")
    one_shot_most = data.get("one_shot_seconds")
    turn_most = data.get("turn_seconds")
    short_readback = _short_readbacks(data, where, problems) if turn_most is not None else {}
    return SpokenRules(levels=levels, item_seconds=_seconds(data.get("item_seconds"), f"{where}: item_seconds", problems),
                       requests=requests, offers=offers, why=why,
                       guessed_emergency=_text(data, "guessed_emergency", where, problems)
                       if "guessed_emergency" in data else "",
                       unsure_emergency=_optional_text(data, "unsure_emergency", where, problems),
                       taken_back=_optional_text(data, "taken_back", where, problems),
                       interview_requests=interview_requests, compact_readback=compact,
                       opening_seconds=None if opening is None else _seconds(opening, f"{where}: opening_seconds",
                                                                             problems),
                       one_shot_seconds=None if one_shot_most is None
                       else _seconds(one_shot_most, f"{where}: one_shot_seconds", problems),
                       turn_seconds=None if turn_most is None else _seconds(turn_most, f"{where}: turn_seconds",
                                                                            problems),
                       short_readback=short_readback)


def _optional_text(data: Mapping[str, Any], key: str, where: str, problems: list[str]) -> str:
    return _text(data, key, where, problems) if key in data else ""


def _short_readbacks(data: Mapping[str, Any], where: str, problems: list[str]) -> dict[str, str]:
    """The short read-backs, each one required: a turn over ``turn_seconds`` must have an honest one to say."""
    table = _table(data, "short_readback", where, problems)
    _unknown(table, SHORT_READBACKS, f"{where}: short_readback", problems)
    return {key: _text(table, key, f"{where}: short_readback", problems) for key in SHORT_READBACKS}


def _level_rule(table: Any, where: str, problems: list[str]) -> LevelRule:
    if not isinstance(table, dict):
        problems.append(f"{where}: missing table" if table is None else f"{where}: must be a table")
        return LevelRule(seconds=0.0)
    _unknown(table, ("seconds", "if_room", "later", "offer"), where, problems)
    offer = table.get("offer", True)
    if not isinstance(offer, bool):
        problems.append(f"{where}: offer: must be true or false, not {offer!r}")
        offer = True
    rule = LevelRule(seconds=_seconds(table.get("seconds"), f"{where}: seconds", problems),
                     if_room=_kinds(table.get("if_room", []), f"{where}: if_room", problems),
                     later=_kinds(table.get("later", []), f"{where}: later", problems), offer=offer)
    for kind in set(rule.if_room) & set(rule.later):
        problems.append(f"{where}: {kind.value}: in both if_room and later")
    return rule


def _seconds(value: Any, where: str, problems: list[str]) -> float:
    if isinstance(value, bool) or not isinstance(value, int | float) or not 0 < value <= 600:
        problems.append(f"{where}: must be a number of seconds from 0 to 600, not {value!r}")
        return 0.0
    return float(value)


def _kinds(value: Any, where: str, problems: list[str]) -> tuple[MessageKind, ...]:
    if not isinstance(value, list):
        problems.append(f"{where}: must be a list of message kinds")
        return ()
    known = {k.value: k for k in MessageKind}
    for item in value:
        if item not in known:
            problems.append(f"{where}: {item!r} is not a message kind (known: {', '.join(known)})")
    return tuple(known[item] for item in value if item in known)


def _table(data: Mapping[str, Any], key: str, where: str, problems: list[str]) -> dict[str, Any]:
    value = data.get(key)
    if isinstance(value, dict):
        return value
    problems.append(f"{where}: {key}: missing table" if value is None else f"{where}: {key}: must be a table")
    return {}


def _text(table: Mapping[str, Any], key: str, where: str, problems: list[str]) -> str:
    value = table.get(key)
    if not isinstance(value, str) or not value.strip():
        problems.append(f"{where}: {key}: missing text" if value is None else f"{where}: {key}: must be non-empty text")
        return ""
    return value.strip()


def _unknown(table: Mapping[str, Any], allowed: Sequence[str], where: str, problems: list[str]) -> None:
    for key in table:
        if key not in allowed:
            problems.append(f"{where}: {key}: unknown key (expected one of: {', '.join(allowed)})")
