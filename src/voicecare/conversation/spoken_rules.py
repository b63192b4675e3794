"""The language's ``spoken.toml``: budgets by disposition, offers, requests and explanations (policy rule 13).

Split from ``spoken`` (which plans what is said from these rules, and re-exports them): the rules and their
loading, with problems reported as ``file: key: what is wrong`` like the other intent files.
"""

from __future__ import annotations

import tomllib
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from voicecare.domain import Level, MessageKind
from voicecare.toml_fields import table as _table

FILE_NAME = "spoken.toml"
HEARD = "heard"
"""The request "what did you hear?": answered with what was understood so far (rule 14), not from what waits."""
REQUESTS = ("more", "home_care", "watch_for", "why", HEARD)
"""Control kinds (controls.toml) that ask for what waits ("why" is answered from ``[why]``)."""
DRAWING = ("more", "home_care", "watch_for")
"""Requests answered from what waits, by the kinds in ``[requests]``."""
OFFERS = ("any", "next", "done")
"""Offers every language gives; more are keyed by the kind of the first item waiting."""
SHORT_READBACKS = ("unclear", "said")
"""Short read-backs every language with ``turn_seconds`` gives: some signs counted from an unclear answer, or none."""
COMPACT_READBACKS = ("answered", "unclear")
SAID_AGAIN = ("asked_again", "still_emergency", "still_answered", "still_hedged", "past_episode", "past_when",
              "confirmed", "still_vague", "episode_yes", "no_unclear", "no_twice", "no_unconfirmed",
              "stop_confirm", "early_taken_back", "missed_often", "missed_after_advice", "no_skip",
              "which_yes", "other_no")
"""Keys of ``[said_again]``: why a question or a 911 is said again, and a past episode noticed (``said_why``)."""
"""The compact read-back's parts ({items} each): signs said yes to, signs counted from an unclear answer."""
CALLING = ("done", "going")
"""Keys of ``[calling_911]``: the call is made or help is here; the call is being made."""
Tokens = Callable[[str], list[str]]
"""A language's tokeniser (``Language.tokens``)."""


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
    unclear_emergency: str = ""
    """As ``guessed_emergency``, when the answer had words but none understood: it was heard, not understood
    (rule 14); empty: ``guessed_emergency`` is said."""
    doubted_emergency: str = ""
    """As ``guessed_emergency``, when the answer was read as a yes the answer reader doubted (a yes-word in words it
    could not place, "yeah long dad say that"): "I am not sure, but ..." (rule 14: never "you said yes"); empty:
    ``unclear_emergency`` is said."""
    rival_emergency: str = ""
    """``doubted_emergency`` when another reading of the same audio was a "no" (flite kal's "No." read "yup" by one
    model, "no" by the other): the no is said as heard, the yes counted to be safe (rules 4 and 14; outside review
    18 F5: "I think you said yes" to a clean "no"). Empty: ``doubted_emergency``."""
    unsure_emergency: str = ""
    """Said after "stay with your child" when the emergency rests on a "not sure" answer (rules 10 and 14): that it
    was counted to be safe, and how to take it back; empty: nothing is said."""
    unclear_asked_again: str = ""
    """Said before a question below 911 is asked again after an answer not heard or not understood, which counts
    as yes (rule 4) unless the answer to it now is no; empty: the interview goes on to the next question."""
    taken_back: str = ""
    """Said when a plain "no" next took back such an emergency (rule 9), before the interview goes on."""
    doubted_reason: str = ""
    """The sign line of a 911 whose every sign was guessed or heard only in a doubted reading ("I may have heard
    {items}."): spoken as a guess (rule 14); empty: said as triage words it."""
    doubted_own_words: str = ""
    """The sign line of such a 911 when what was doubted is the caregiver's own alarm ("we're calling 911",
    a sign with ``own_words``): what they may have said, in plain words; empty: ``doubted_reason``."""
    many_signs: str = ""
    """The sign line of a 911 naming too many signs for ``emergency_seconds``: the first ones and the rest in
    few words ("{items} and other danger signs.")."""
    emergency_seconds: float | None = None
    """Most seconds of "Call 911 now", the sign line and "stay with your child" (rule 13: under 10 s)."""
    asking_why: Mapping[Level, str] = field(default_factory=dict, hash=False)
    """Said for "why?" / "why are you asking?" while a red-flag question waits, by the question's level: why the
    question matters (what its signs would mean), before it is asked again; a level missing here is answered
    from ``why`` (the advice's reason)."""
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
    emergency_help: str = ""
    """Said for "help" during a 911, after it, when the whole help would take the turn over its ceiling
    (``budget``); empty: the conversation's ``help``."""
    ceiling: float | None = None
    """Most seconds of any spoken turn but a 911, whatever built it (``budget``); None: no ceiling."""
    emergency_ceiling: float | None = None
    """Most seconds of a spoken 911 turn, whatever built it (``budget``); None: no ceiling."""
    said_again: Mapping[str, str] = field(default_factory=dict, hash=False)
    """Why a turn is said again, by ``SAID_AGAIN`` key (``said_why``); a key missing: that note is not said."""
    more_description: tuple[str, ...] = ()
    """Words that open more of the description ("and", "also"): a turn starting with one that the answer reader
    could not read as an answer is the rest of the description, not an unclear answer (``interview``)."""
    improving: tuple[str, ...] = ()
    """Words that tell a call-911 sign getting better ("breathing better now"): during a 911 no correction of it,
    so they take nothing back (``corrections``)."""
    closing: tuple[str, ...] = ()
    """Words that say all was told ("that's all", "that's it"): a "no" with words after it to "please tell me again"
    ends the conversation only when one of these is among them (``afterwards.nothing_told``)."""
    episode_over: tuple[str, ...] = ()
    """Words that say an episode told in an answer is over ("not now", "not anymore"), beside the language's own
    cues: said back as over only then (``episodes``)."""
    episode_now: tuple[str, ...] = ()
    """Words that say a sign told of as earlier is there now ("still", "but now", "keeps"): the episode is a yes
    for now when they come after every word of it being over (rule 9, the later statement wins; ``episodes``)."""
    waiting: tuple[str, ...] = ()
    """Words asking what to do until help or the doctor comes ("while I wait", "in the meantime"): below a 911 the
    question is answered with the care answer ``waiting_care`` names (``waiting``; outside review 17 F5)."""
    waiting_care: str = ""
    """The care question (a topic's ``care.toml`` id) whose short answer says what to do while waiting."""
    calling: Mapping[str, tuple[str, ...]] = field(default_factory=dict, hash=False)
    """During a 911, words saying the call is made or help is here (``done``), or that it is being made (``going``),
    by ``CALLING`` key (``calling_911``); empty: every turn of a 911 says it again."""
    calling_said: Mapping[str, str] = field(default_factory=dict, hash=False)
    """What is said to them, by ``CALLING`` key, and ``tell``: the signs to tell the 911 team ({items})."""
    calling_words: Mapping[str, tuple[tuple[str, ...], ...]] = field(default_factory=dict, hash=False)
    """``calling`` in the language's tokens, made once when the rules are read (``read``'s ``tokens``): every turn
    of a 911 looks for them, and tokenised the phrases again each time; empty when read without the language."""



def read(path: Path, problems: list[str], tokens: Tokens | None = None) -> SpokenRules | None:
    """The rules in ``path``, or None when the language has no such file (then everything is said); ``tokens``: the
    language's tokeniser, for the phrases looked for in every turn (``calling_words``)."""
    try:
        with path.open("rb") as handle:
            data = tomllib.load(handle)
    except FileNotFoundError:
        return None
    except UnicodeDecodeError:  # an editor that saved UTF-16 or Latin-1: one line, not a traceback
        problems.append(f"{path}: not UTF-8 text; save it as UTF-8")
        return None
    except (OSError, tomllib.TOMLDecodeError) as exc:
        problems.append(f"{path}: cannot be read: {exc}")
        return None
    return parse(data, str(path), problems, tokens)


def parse(data: Mapping[str, Any], where: str, problems: list[str], tokens: Tokens | None = None) -> SpokenRules:
    """Build the rules from parsed TOML, adding a line to ``problems`` for each thing wrong (``tokens``: as ``read``)."""
    _unknown(data, ("levels", "item_seconds", "opening_seconds", "one_shot_seconds", "guessed_emergency", "requests",
                    "offers", "why", "turn_seconds", "short_readback", "unsure_emergency", "taken_back",
                    "unclear_emergency", "doubted_emergency", "rival_emergency", "unclear_asked_again",
                    "interview_requests", "compact_readback", "asking_why", "doubted_reason", "doubted_own_words",
                    "many_signs", "emergency_seconds", "ceiling_seconds", "emergency_ceiling_seconds", "emergency_help",
                     "said_again", "more_description", "episode_over", "episode_now", "improving", "closing",
                     "calling_911", "waiting",
                    "waiting_care"),
           where,
           problems)
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
    asking_table = _table(data, "asking_why", where, problems) if "asking_why" in data else {}
    _unknown(asking_table, tuple(level.id for level in Level), f"{where}: asking_why", problems)
    asking_why = {level: _text(asking_table, level.id, f"{where}: asking_why", problems) for level in Level
                  if level.id in asking_table}
    interview_table = _table(data, "interview_requests", where, problems) if "interview_requests" in data else {}
    _unknown(interview_table, DRAWING, f"{where}: interview_requests", problems)
    interview_requests = {k: _text(interview_table, k, f"{where}: interview_requests", problems)
                          for k in DRAWING if k in interview_table}
    compact_table = _table(data, "compact_readback", where, problems) if "compact_readback" in data else {}
    _unknown(compact_table, COMPACT_READBACKS, f"{where}: compact_readback", problems)
    compact = {k: _text(compact_table, k, f"{where}: compact_readback", problems) for k in COMPACT_READBACKS
               if compact_table}
    again_table = _table(data, "said_again", where, problems) if "said_again" in data else {}
    _unknown(again_table, SAID_AGAIN, f"{where}: said_again", problems)
    said_again = {k: _text(again_table, k, f"{where}: said_again", problems) for k in SAID_AGAIN if k in again_table}
    calling, calling_said = _calling(data, where, problems)
    opening = data.get("opening_seconds")
    one_shot_most = data.get("one_shot_seconds")
    turn_most = data.get("turn_seconds")
    short_readback = _short_readbacks(data, where, problems) if turn_most is not None else {}
    return SpokenRules(levels=levels, item_seconds=_seconds(data.get("item_seconds"), f"{where}: item_seconds", problems),
                       requests=requests, offers=offers, why=why,
                       guessed_emergency=_text(data, "guessed_emergency", where, problems)
                       if "guessed_emergency" in data else "",
                       unclear_emergency=_optional_text(data, "unclear_emergency", where, problems),
                       doubted_emergency=_optional_text(data, "doubted_emergency", where, problems),
                       rival_emergency=_optional_text(data, "rival_emergency", where, problems),
                       unsure_emergency=_optional_text(data, "unsure_emergency", where, problems),
                       taken_back=_optional_text(data, "taken_back", where, problems),
                       unclear_asked_again=_optional_text(data, "unclear_asked_again", where, problems),
                       doubted_reason=_optional_text(data, "doubted_reason", where, problems),
                       doubted_own_words=_optional_text(data, "doubted_own_words", where, problems),
                       many_signs=_optional_text(data, "many_signs", where, problems),
                       emergency_seconds=None if data.get("emergency_seconds") is None
                       else _seconds(data.get("emergency_seconds"), f"{where}: emergency_seconds", problems),
                       interview_requests=interview_requests, compact_readback=compact, asking_why=asking_why,
                       opening_seconds=None if opening is None else _seconds(opening, f"{where}: opening_seconds",
                                                                             problems),
                       one_shot_seconds=None if one_shot_most is None
                       else _seconds(one_shot_most, f"{where}: one_shot_seconds", problems),
                       turn_seconds=None if turn_most is None else _seconds(turn_most, f"{where}: turn_seconds",
                                                                            problems),
                       short_readback=short_readback,
                       emergency_help=_optional_text(data, "emergency_help", where, problems),
                       ceiling=_optional_seconds(data, "ceiling_seconds", where, problems),
                       emergency_ceiling=_optional_seconds(data, "emergency_ceiling_seconds", where, problems),
                       said_again=said_again,
                       more_description=_phrases(data.get("more_description", []), f"{where}: more_description",
                                                 problems),
                       episode_over=_phrases(data.get("episode_over", []), f"{where}: episode_over", problems),
                       episode_now=_phrases(data.get("episode_now", []), f"{where}: episode_now", problems),
                       improving=_phrases(data.get("improving", []), f"{where}: improving", problems),
                       closing=_phrases(data.get("closing", []), f"{where}: closing", problems),
                       waiting=_phrases(data.get("waiting", []), f"{where}: waiting", problems),
                       waiting_care=_optional_text(data, "waiting_care", where, problems),
                       calling=calling, calling_said=calling_said,
                       calling_words={k: tuple(tuple(tokens(p)) for p in phrases) for k, phrases in calling.items()}
                       if tokens is not None else {})


def _calling(data: Mapping[str, Any], where: str,
             problems: list[str]) -> tuple[dict[str, tuple[str, ...]], dict[str, str]]:
    """``[calling_911]``: each ``CALLING`` key's words, and what is said to them (``<key>_said``, and ``tell``)."""
    if "calling_911" not in data:
        return {}, {}
    table = _table(data, "calling_911", where, problems)
    said_keys = (*(f"{k}_said" for k in CALLING), "tell")
    _unknown(table, (*CALLING, *said_keys), f"{where}: calling_911", problems)
    phrases = {k: _phrases(table.get(k, []), f"{where}: calling_911: {k}", problems) for k in CALLING}
    said = {k.removesuffix("_said"): _text(table, k, f"{where}: calling_911", problems) for k in said_keys}
    return phrases, said


def _optional_seconds(data: Mapping[str, Any], key: str, where: str, problems: list[str]) -> float | None:
    return None if data.get(key) is None else _seconds(data.get(key), f"{where}: {key}", problems)


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


def _phrases(value: Any, where: str, problems: list[str]) -> tuple[str, ...]:
    if not isinstance(value, list) or not all(isinstance(item, str) and item.strip() for item in value):
        problems.append(f"{where}: must be a list of non-empty words or phrases")
        return ()
    return tuple(item.strip() for item in value)


def _kinds(value: Any, where: str, problems: list[str]) -> tuple[MessageKind, ...]:
    if not isinstance(value, list):
        problems.append(f"{where}: must be a list of message kinds")
        return ()
    known = {k.value: k for k in MessageKind}
    for item in value:
        if item not in known:
            problems.append(f"{where}: {item!r} is not a message kind (known: {', '.join(known)})")
    return tuple(known[item] for item in value if item in known)



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
