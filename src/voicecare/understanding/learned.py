"""Emergency signs said in words no rule lists: per-sign word counts, tried as a last guess after the rules.

Issue #7 allows "a statistical layer trained on data". For each emergency sign a
topic's ``learned.toml`` holds how often each word and word pair was said in the
tuning lines where the rules found that sign (with the words the rules matched
taken away, so the counts are of the OTHER words people use), and in every line
that was no emergency. Naive Bayes log-odds over those counts name the sign a
line most likely describes. The guess is used only when the rules found no
emergency sign, a body word of the suspected sign was said, the context rules
(``context``) say that word is about this child now (not denied, not someone
else's, not a what-if), and a *state word* of that sign is said in the body
word's sentence: a word the sign's lines (their matched words included) say far
more often than the quiet lines ("blue", "fast", "gasping", "control"), learned
per sign. A body word and its neighbours alone ("he pursed his lips", "she's
breathing on the window") are no evidence. Never on a turn that is a command
(controls.toml) or shorter than ``min_words``: a recogniser's reading of "Slower."
may be "soiled". A guess counts (rule 4: unsure is yes) and is
read back as one (rule 14). The counts are built by ``learned_build`` from the
tuning corpora (``scripts/build_learned.py``); nothing here touches disk.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Collection, Iterable, Mapping, Sequence
from dataclasses import dataclass
from itertools import pairwise
from typing import Any

from voicecare.domain import Level, Match, Status
from voicecare.understanding import context

FILE_NAME = "learned.toml"
PAIR_JOINER = " "
"""Joins the two words of a word-pair feature (a space: no single word holds one)."""
PERCENT = 100.0


@dataclass(frozen=True)
class SignCounts:
    """What the tuning lines of one emergency sign said besides the sign's own listed words."""

    sign: str
    body: frozenset[str]
    """Canonical words one of which must be said for a guess at this sign ("lips", "breathing")."""
    lines: int
    """Tuning lines in which the rules found this sign."""
    counts: Mapping[str, int]
    """Lines holding each word or word pair (pairs joined by PAIR_JOINER)."""
    states: frozenset[str] = frozenset()
    """Words saying the state of the sign's body words (learned, see ``learned_build.states``): one must be said
    in the body word's sentence for a guess."""


@dataclass(frozen=True)
class LearnedSigns:
    """One topic's learned counts and the settings they are read with."""

    threshold: float
    """Log-odds above which a sign is guessed (chosen by leave-one-file-out on the tuning files)."""
    prior: float
    """Lines' worth of the pooled rate (sign and quiet lines together) each rate is drawn towards (smoothing)."""
    min_count: int
    """A feature seen in fewer lines than this (sign and quiet lines together) says nothing."""
    quiet_lines: int
    """Tuning lines that were no emergency."""
    quiet: Mapping[str, int]
    """Lines of those holding each word or word pair."""
    signs: tuple[SignCounts, ...]
    reassured: frozenset[str] = frozenset()
    """Words saying a body part is all right ("fine", "normal"): just after a body word, no guess from it."""
    reassured_reach: int = 0
    """How many words after the body word, in its clause, such a word may come ("arms and legs are fine")."""
    enabled: bool = True
    """Whether guesses are made; a file may ship switched off while known false alarms are open."""
    state_lines: int = 3
    """A state word was said in at least this many of the sign's lines."""
    state_ratio: float = 6.0
    """... and is at least this many times likelier there than in the quiet lines (smoothed as ``log_odds``)."""
    min_words: int = 3
    """Turns shorter than this (words) are never guessed at: too little said, and a misheard command is short."""

    def log_odds(self, sign: SignCounts, said: Collection[str]) -> float:
        """Naive Bayes log-odds that a line with these features describes ``sign`` rather than no emergency."""
        odds = math.log(sign.lines / self.quiet_lines)
        lines = sign.lines + self.quiet_lines
        for feature in said:
            hits, misses = sign.counts.get(feature, 0), self.quiet.get(feature, 0)
            if hits + misses >= self.min_count:
                # Both rates are drawn towards the pooled one by ``prior`` lines, so a word the sign's few lines
                # never held speaks against it, however rare it is among the quiet lines.
                pooled = self.prior * (hits + misses) / lines
                odds += math.log((hits + pooled) / (sign.lines + self.prior)) - math.log(
                    (misses + pooled) / (self.quiet_lines + self.prior))
        return odds

    def suspected(self, words: Sequence[str]) -> list[tuple[SignCounts, float]]:
        """Signs whose log-odds pass the threshold and whose body word was said, likeliest first."""
        said = features(words)
        ranked = [(sign, self.log_odds(sign, said)) for sign in self.signs if sign.body.intersection(words)]
        return sorted(((s, odds) for s, odds in ranked if odds > self.threshold), key=lambda pair: -pair[1])


def features(words: Iterable[str]) -> frozenset[str]:
    """The words of a line (canonical) and its neighbouring word pairs."""
    said = list(words)
    return frozenset(said) | {a + PAIR_JOINER + b for a, b in pairwise(said)}


Explained = Callable[[str, tuple[int, ...]], bool]
"""Whether an everyday circumstance of the sign (its ``ordinary`` patterns) explains the words at these positions."""


def guesses(models: Sequence[LearnedSigns], heard: Sequence[str], words: Sequence[str], where: context.Scene,
            signs: Collection[int], matches: Sequence[Match], levels: Mapping[str, Level],
            numbers: Collection[str], commands: Collection[tuple[str, ...]] = (),
            explained: Explained | None = None, measured: Collection[str] | None = None) -> list[Match]:
    """At most one guessed emergency sign, when the rules found none (see the module docstring).

    ``words`` are the canonical words, ``heard`` as said; ``where`` is the matcher's scene and ``signs`` the
    positions of sign words, so the body word is judged by the same context rules as any mention.
    ``numbers`` are the language's number words; ``commands`` the control phrases (canonical words): a turn
    that is one of them is a command, never a description. ``explained`` tells when the sign's everyday
    circumstances explain the body and state words ("blue from the crayons", "not potty trained yet").
    ``measured``: signs a reading decides (a number in the body word's sentence is then the number reader's to
    judge); None: all.
    """
    if not models or any(m.status is Status.PRESENT and levels.get(m.symptom) is Level.EMERGENCY for m in matches):
        return []
    if tuple(words) in commands:
        return []
    judged = {m.symptom for m in matches}  # the rules have spoken on it: "no accidents", "what if he can't wake"
    for model in (m for m in models if m.enabled and len(words) >= m.min_words):
        for sign, odds in model.suspected(words):
            if sign.sign not in levels or sign.sign in judged:
                continue
            readings = numbers if measured is None or sign.sign in measured else None
            for i, said in _open_body_words(model, sign, words, where, signs, matches, readings):
                if explained is not None and explained(sign.sign, said):
                    continue
                likely = PERCENT / (1 + math.exp(-odds))
                return [Match(symptom=sign.sign, status=Status.PRESENT, score=round(likely, 1), heard=heard[i],
                              start=i, end=i + 1, uncertain=True, guessed=True)]
    return []


def _open_body_words(model: LearnedSigns, sign: SignCounts, words: Sequence[str], where: context.Scene, signs: Collection[int],
                     matches: Sequence[Match], numbers: Collection[str] | None) -> Iterable[tuple[int, tuple[int, ...]]]:
    """Positions of the sign's body words that are about this child now and that nothing else explains, each
    with the positions of it and its state words.

    A word inside a sure mention of another sign is that sign's ("her arms and legs are weak"); a number in
    its sentence is the number reader's to judge ("his pulse is 110 and he's calm"), for a sign a reading decides
    (``numbers`` None for the others: "out for 5 seconds", "trained since 2" are times and ages); a sentence without one
    of the sign's state words (outside other sure mentions) says nothing of its state ("he pursed his
    lips"); a reassuring word just after it says it is all right ("breathing fine", "his colour is good");
    the context rules decide whether it is denied, someone else's, a what-if or past.
    """
    blocked = {i for m in matches for i in range(m.start, m.end)}
    explained = {i for m in matches if not m.uncertain for i in range(m.start, m.end)}
    for i, word in enumerate(words):
        if word not in sign.body or i in explained:
            continue
        sentence = _sentence(where, i)
        if numbers is not None and any(words[j][:1].isdigit() or words[j] in numbers for j in sentence):
            continue
        states = tuple(j for j in sentence if words[j] in sign.states and j not in explained)
        if not states:
            continue
        if _reassured(model, where, i):
            continue
        status, _ = context.status_of(where, i, i + 1, (i,), negation_inside=False, blocked=blocked - {i}, signs=signs)
        if status is Status.PRESENT:
            yield i, tuple(sorted((i, *states)))


def _reassured(model: LearnedSigns, where: context.Scene, i: int) -> bool:
    """True when a reassuring word follows words[i] closely, before any comma and with no denial between:
    "his arms and legs are fine" (but not "his colour isn't good")."""
    for j in range(i + 1, min(len(where.words), i + 1 + model.reassured_reach)):
        if j in where.breaks:
            return False
        if where.words[j] in model.reassured:
            return not any(c.trigger.status is Status.ABSENT and i < c.start and c.end <= j for c in where.cues)
    return False


def _sentence(where: context.Scene, i: int) -> range:
    """The positions of the sentence holding words[i] (a full stop, said or guessed, ends one)."""
    start = i
    while start > 0 and not where.breaks.get(start, False):
        start -= 1
    end = i + 1
    while end < len(where.words) and not where.breaks.get(end, False):
        end += 1
    return range(start, end)


def read(data: Mapping[str, Any], known: Collection[str], where: str, problems: list[str]) -> LearnedSigns | None:
    """A topic's learned.toml (as parsed), its problems added to ``problems``; None when unusable.

    A file with settings only (not built yet: no ``quiet`` table) guesses nothing and is no problem.
    """
    if "quiet" not in data:
        return None
    start = len(problems)
    settings = data.get("settings", {})
    quiet = data.get("quiet", {})
    signs = data.get("signs", {})
    if not isinstance(settings, dict) or not isinstance(quiet, dict) or not isinstance(signs, dict):
        problems.append(f"{where}: settings, quiet and signs must be tables")
        return None
    threshold, prior = _number(settings, "threshold", where, problems), _number(settings, "prior", where, problems)
    min_count = _number(settings, "min_count", where, problems)
    quiet_lines, quiet_counts = _counts(quiet, "quiet", where, problems)
    read_signs = []
    for sign_id, table in signs.items():
        if sign_id not in known:
            problems.append(f"{where}: signs.{sign_id}: not a symptom of the topic")
            continue
        if not isinstance(table, dict) or not isinstance(table.get("body"), list) or not table["body"]:
            problems.append(f"{where}: signs.{sign_id}: needs body, a list of words")
            continue
        lines, counts = _counts(table, f"signs.{sign_id}", where, problems)
        states = table.get("states", [])
        if not isinstance(states, list) or not all(isinstance(w, str) for w in states):
            problems.append(f"{where}: signs.{sign_id}.states: must be a list of words")
            continue
        read_signs.append(SignCounts(sign_id, frozenset(str(w) for w in table["body"]), lines, counts,
                                     frozenset(states)))
    if len(problems) > start:
        return None
    enabled = settings.get("enabled", True)
    if not isinstance(enabled, bool):
        problems.append(f"{where}: settings.enabled must be true or false")
        return None
    reassured = settings.get("reassured", [])
    reach = settings.get("reassured_reach", 0)
    if not isinstance(reassured, list) or not all(isinstance(w, str) for w in reassured) \
            or isinstance(reach, bool) or not isinstance(reach, int):
        problems.append(f"{where}: settings.reassured must be a list of words, reassured_reach a whole number")
        return None
    gates = gate_settings(settings, where, problems)
    if gates is None:
        return None
    return LearnedSigns(threshold, prior, int(min_count), quiet_lines, quiet_counts, tuple(read_signs),
                        frozenset(reassured), reach, enabled, *gates)


def gate_settings(settings: Mapping[str, Any], where: str, problems: list[str]) -> tuple[int, float, int] | None:
    """``state_lines``, ``state_ratio`` and ``min_words`` of a [settings] table (defaults when absent)."""
    default = LearnedSigns(0.0, 0.0, 0, 0, {}, ())
    lines = settings.get("state_lines", default.state_lines)
    ratio = settings.get("state_ratio", default.state_ratio)
    shortest = settings.get("min_words", default.min_words)
    if any(isinstance(v, bool) or not isinstance(v, int) for v in (lines, shortest)) \
            or isinstance(ratio, bool) or not isinstance(ratio, int | float):
        problems.append(f"{where}: settings.state_lines and min_words must be whole numbers, state_ratio a number")
        return None
    return int(lines), float(ratio), int(shortest)


def _number(table: Mapping[str, Any], key: str, where: str, problems: list[str]) -> float:
    value = table.get(key)
    if isinstance(value, bool) or not isinstance(value, int | float):
        problems.append(f"{where}: settings.{key}: must be a number")
        return 0.0
    return float(value)


def _counts(table: Mapping[str, Any], key: str, where: str, problems: list[str]) -> tuple[int, dict[str, int]]:
    lines, counts = table.get("lines"), table.get("counts", {})
    if isinstance(lines, bool) or not isinstance(lines, int) or lines < 1:
        problems.append(f"{where}: {key}.lines: must be a whole number above 0")
        return 0, {}
    if not isinstance(counts, dict) or not all(isinstance(v, int) and not isinstance(v, bool) for v in counts.values()):
        problems.append(f"{where}: {key}.counts: must be a table of feature = whole number")
        return 0, {}
    return lines, {str(k): int(v) for k, v in counts.items()}
