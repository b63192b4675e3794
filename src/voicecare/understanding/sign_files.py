"""Families of wording (signs.toml): named classes of words, and the patterns each sign makes of them.

A warning sign concerns a body part or function (the lips' colour, the effort of
breathing, waking, the legs' strength, bladder control, the heart) and is said
with a kind of state word (a colour, a word of effort, a loss-of-function "won't /
stopped / gave out"); a serious thing outside the topic is said with a class of
things (what can be swallowed, what poisons). Lists of lines never end, but these
families are short: the language's ``signs.toml`` names the kinds of state words,
each topic's ``signs.toml`` names its own classes of words (``[words]``: body
parts, things) and, per sign, what it adds to the symptom of ``topic.toml``:
``phrases`` and ``near`` patterns (sure, as the symptom's own), ``families``
patterns (a guess: "@lips + @colour within 4"), ``ordinary`` circumstances, the
clinical words relatives use (``terms``: "cyanotic", "obtunded", "tachy", and
fixed expressions), which are the sign itself, ``term_patterns`` (sure patterns
kept out of the recogniser's language model, as terms are), ``own_words`` (the symptom is
said in the caregiver's own words: their "I am" is never someone else's cue), ``events`` (wordings
that make a mention of a lasting sign an event: "stopped breathing", "blue for a second") and ``contrary`` (states
the sign cannot be said beside, "wide awake": a correction during a 911 that takes the sign back).

A pattern's ``@name`` stands for a family's words. Expanded, it becomes one of the
sign's ``backoff`` patterns (a guess, read back as one, rules 4 and 14); a
pattern's ``ordinary`` circumstances join the sign's own. The frequency guard:
a state word among the language's most frequent words ("off", "hard", "not")
says something only close to the body word, so a pattern is also written once
with only the rarer words at its own reach and once whole within the guard's
tighter reach.
"""

from __future__ import annotations

from collections.abc import Collection, Iterable, Mapping, Sequence
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

from voicecare.domain import Symptom, Topic
from voicecare.toml_fields import flag as _flag
from voicecare.understanding.language import Language
from voicecare.understanding.text import WINDOW_LAST, misplaced_window, split_window

FILE_NAME = "signs.toml"
LANGUAGE_KEYS = ("guard", "states")
GUARD_KEYS = ("everyday_rank", "everyday_reach")
TOPIC_KEYS = ("words", "signs")
SIGN_KEYS = ("phrases", "near", "families", "ordinary", "terms", "term_patterns", "own_words", "events", "contrary")
FAMILY_MARK = "@"
UNLESS = " unless "


@dataclass(frozen=True)
class Guard:
    """How common a family word may be and still reach as far as its pattern says."""

    everyday_rank: int = 0
    """Words among this many most frequent of the language (frequent_words.txt order) are everyday ones."""
    everyday_reach: int = 4
    """An everyday family word counts only this close to the rest of its pattern (first to last word)."""


@dataclass(frozen=True)
class SignFamilies:
    """What one topic's signs.toml adds to one sign: phrases, near and backoff patterns, ordinary circumstances."""

    phrases: tuple[str, ...] = ()
    near: tuple[str, ...] = ()
    backoff: tuple[str, ...] = ()
    ordinary: tuple[str, ...] = ()
    terms: tuple[str, ...] = ()
    term_near: tuple[str, ...] = ()
    own_words: bool = False
    events: tuple[str, ...] = ()
    contrary: tuple[str, ...] = ()


def extended(topics: Sequence[Topic], language_table: Mapping[str, Any], topic_tables: Mapping[str, Mapping[str, Any]],
             ranked: Sequence[str], language: Language, problems: list[str]) -> tuple[Topic, ...]:
    """The topics with each sign's families expanded into its phrases, near, backoff, ordinary and terms.

    ``topic_tables`` maps a topic id to its parsed signs.toml (topics without one are left as they are);
    ``ranked`` is the language's frequent words, most frequent first.
    """
    where = f"{FILE_NAME} (language)"
    _unknown(language_table, LANGUAGE_KEYS, where, problems)
    guard_table = _mapping(language_table.get("guard", {}), f"{where}: guard", problems)
    _unknown(guard_table, GUARD_KEYS, f"{where}: guard", problems)
    guard = Guard(_number(guard_table, "everyday_rank", Guard.everyday_rank, where, problems),
                  _number(guard_table, "everyday_reach", Guard.everyday_reach, where, problems))
    states = _families(language_table.get("states", {}), f"{where}: states", problems)
    # Only the state words are guarded: a body word, or a word a pattern names itself, says what it means.
    guarded_words = {name: frozenset(ranked[:guard.everyday_rank]).intersection(words)
                     for name, words in states.items()}
    result = []
    for topic in topics:
        table = topic_tables.get(topic.id)
        if table is None:
            result.append(topic)
            continue
        where = f"{topic.id}/{FILE_NAME}"
        _unknown(table, TOPIC_KEYS, where, problems)
        families = {**states, **_families(table.get("words", {}), f"{where}: words", problems)}
        signs = _signs(table.get("signs", {}), families, guarded_words, guard, where, problems)
        unknown = set(signs) - {s.id for s in topic.symptoms}
        problems.extend(f"{where}: signs.{name}: no such symptom in the topic" for name in sorted(unknown))
        said = {_key(p, language): s.id for s in topic.symptoms for p in s.phrases}
        symptoms = tuple(_joined(s, signs.get(s.id), said, language, problems, where) for s in topic.symptoms)
        result.append(replace(topic, symptoms=symptoms))
    return tuple(result)


def _joined(symptom: Symptom, added: SignFamilies | None, said: Mapping[tuple[str, ...], str], language: Language,
            problems: list[str], where: str) -> Symptom:
    """The symptom with its families' phrases and patterns and its terms (matched as its phrases are).

    ``said`` maps the topic's phrases (as keys) to their symptom: a phrase or term is claimed once.
    """
    if added is None:
        return symptom
    own = {_key(p, language) for p in symptom.phrases}
    for term in added.terms:
        if _key(term, language) in own:
            problems.append(f"{where}: signs.{symptom.id}: term {term!r} is a phrase of the sign already")
    for phrase in added.phrases:
        if (owner := said.get(_key(phrase, language))) is not None:
            problems.append(f"{where}: signs.{symptom.id}: phrase {phrase!r} is a phrase of {owner} already")
    return replace(symptom, phrases=symptom.phrases + added.phrases, near=symptom.near + added.near,
                   terms=symptom.terms + added.terms, term_near=symptom.term_near + added.term_near,
                   backoff=symptom.backoff + added.backoff,
                   ordinary=symptom.ordinary + added.ordinary, own_words=symptom.own_words or added.own_words,
                   events=symptom.events + added.events, contrary=symptom.contrary + added.contrary)


def guarded(groups: Sequence[Sequence[str]], window: int | None, guard: Guard,
            everyday: Sequence[Collection[str]]) -> list[str]:
    """A pattern with its everyday state words (``everyday``, one set per group) only within the guard's reach.

    "breathing + hard" said far apart ("breathing seemed ok when I looked, hard to
    say") is no sign; "breathing really hard" is, and "breathing is all laboured"
    reaches as far as the pattern says. Returned: the whole pattern within the
    guard's reach, and the pattern without its everyday state words at its own.
    """
    rare = [[w for w in g if w not in common] for g, common in zip(groups, everyday, strict=True)]
    own = "" if window is None else f" within {window}"
    if rare == [list(g) for g in groups]:
        return [_text(groups) + own]
    reach = guard.everyday_reach if window is None else min(window, guard.everyday_reach)
    found = [f"{_text(groups)} within {reach}"]
    if all(rare):
        found.append(_text(rare) + own)
    return found


def _text(groups: Iterable[Sequence[str]]) -> str:
    return " + ".join(" ".join(g) for g in groups)


def _signs(value: Any, families: Mapping[str, tuple[str, ...]], guarded_words: Mapping[str, frozenset[str]],
           guard: Guard,
           where: str, problems: list[str]) -> dict[str, SignFamilies]:
    found = {}
    for name, table in _mapping(value, f"{where}: signs", problems).items():
        here = f"{where}: signs.{name}"
        body = _mapping(table, here, problems)
        _unknown(body, SIGN_KEYS, here, problems)
        backoff = []
        for pattern in _texts(body, "families", here, problems):
            groups, window = _expanded(pattern, families, here, problems)
            named = split_window(pattern)[0].split("+")
            everyday = [{w for name in group.split() if name.startswith(FAMILY_MARK)
                         for w in guarded_words.get(name[1:], ())} for group in named]
            backoff += guarded(groups, window, guard, everyday)
        near = tuple(_pattern(p, families, here, problems) for p in _texts(body, "near", here, problems))
        found[name] = SignFamilies(phrases=_texts(body, "phrases", here, problems), near=near,
                                   backoff=tuple(backoff),
                                   ordinary=tuple(_ordinary(p, families, here, problems)
                                                  for p in _texts(body, "ordinary", here, problems)),
                                   terms=_texts(body, "terms", here, problems),
                                   term_near=tuple(_pattern(p, families, here, problems)
                                                   for p in _texts(body, "term_patterns", here, problems)),
                                   own_words=_flag(body, "own_words", here, problems),
                                   # Written as ordinary circumstances are: the sign's own words, then the words
                                   # that make this mention of it an event ("stopped + breathing").
                                   events=tuple(_ordinary(p, families, here, problems)
                                                for p in _texts(body, "events", here, problems)),
                                   contrary=_texts(body, "contrary", here, problems))
    return found


def _pattern(pattern: str, families: Mapping[str, tuple[str, ...]], where: str, problems: list[str]) -> str:
    """A sure ``near`` pattern ("@swallowed + @objects within 6") with its families written out (no guard)."""
    groups, window = _expanded(pattern, families, where, problems)
    return _text(groups) + ("" if window is None else f" within {window}")



def _ordinary(pattern: str, families: Mapping[str, tuple[str, ...]], where: str, problems: list[str]) -> str:
    """An ordinary circumstance ("@colour + bruise paint unless breathing within 5") with its families expanded."""
    body, window = split_window(pattern)
    head, _, unless = body.partition(UNLESS)
    groups, _ = _expanded(head, families, where, problems)
    if misplaced_window(pattern) and not misplaced_window(head):  # "... within 2 unless ...": head alone looks fine
        problems.append(f"{where}: {pattern!r}: {WINDOW_LAST}")
    kept = f"{UNLESS}{' '.join(_words(unless.split(), families, where, problems))}" if unless else ""
    return _text(groups) + kept + ("" if window is None else f" within {window}")


def _expanded(pattern: str, families: Mapping[str, tuple[str, ...]], where: str,
              problems: list[str]) -> tuple[list[list[str]], int | None]:
    """The pattern's word groups with each ``@name`` replaced by its family's words, and its window."""
    body, window = split_window(pattern)
    groups = [_words(group.split(), families, where, problems) for group in body.split("+")]
    if len(groups) < 2 or not all(groups):
        problems.append(f"{where}: {pattern!r} needs two or more word groups joined by '+'")
    if misplaced_window(pattern):
        problems.append(f"{where}: {pattern!r}: {WINDOW_LAST}")
    return groups, window


def _words(words: Iterable[str], families: Mapping[str, tuple[str, ...]], where: str,
           problems: list[str]) -> list[str]:
    found: list[str] = []
    for word in words:
        if not word.startswith(FAMILY_MARK):
            found.append(word)
        elif word[1:] in families:
            found.extend(families[word[1:]])
        else:
            problems.append(f"{where}: no family {word!r} (known: {', '.join(sorted(families))})")
    return found


def _families(value: Any, where: str, problems: list[str]) -> dict[str, tuple[str, ...]]:
    found = {}
    for name, words in _mapping(value, where, problems).items():
        if not isinstance(words, str) or not words.split():
            problems.append(f"{where}.{name}: must be a string of words separated by spaces")
            continue
        found[name] = tuple(words.split())
    return found


def _key(text: str, language: Language) -> tuple[str, ...]:
    return tuple(language.spelling.canonical(w) for w in language.tokens(text))


def _mapping(value: Any, where: str, problems: list[str]) -> dict[str, Any]:
    if isinstance(value, dict):
        return value
    problems.append(f"{where}: must be a table")
    return {}


def _texts(table: Mapping[str, Any], key: str, where: str, problems: list[str]) -> tuple[str, ...]:
    value = table.get(key, [])
    if not isinstance(value, list) or not all(isinstance(v, str) and v.strip() for v in value):
        problems.append(f"{where}: {key}: must be a list of non-empty strings")
        return ()
    return tuple(value)


def _number(table: Mapping[str, Any], key: str, default: int, where: str, problems: list[str]) -> int:
    value = table.get(key, default)
    if not isinstance(value, int) or isinstance(value, bool) or value < 0:
        problems.append(f"{where}: guard.{key}: must be a whole number, 0 or more")
        return default
    return value


def _unknown(table: Mapping[str, Any], allowed: tuple[str, ...], where: str, problems: list[str]) -> None:
    problems.extend(f"{where}: {key}: unknown key (expected one of: {', '.join(allowed)})"
                    for key in table if key not in allowed)


def ranked_words(path: Path) -> list[str]:
    """The words of frequent_words.txt in file order, most frequent first (empty when there is no file)."""
    if not path.is_file():
        return []
    lines = path.read_text(encoding="utf-8", errors="replace").splitlines()  # not UTF-8: intents._words says so
    return [w for line in lines if not line.startswith("#") for w in line.split()]
