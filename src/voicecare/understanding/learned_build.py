"""Building a topic's learned.toml: labelled tuning lines, read by the rules, counted into per-sign word counts.

Each emergency line is labelled with the emergency signs the full rules find in
it, and only its other words are counted (the words the rules matched are taken
away), so the counts say how people describe a sign around and beyond the
listed phrases. Every line that is no emergency is a quiet line. The settings
(threshold, smoothing, which signs.toml parts are each sign's body words) stay
as written in the existing file; only the counts are rebuilt.
"""

from __future__ import annotations

import collections
import json
from collections.abc import Collection, Iterable, Mapping, Sequence
from dataclasses import dataclass, replace
from typing import Any

from voicecare.domain import IntentSet, Level, Status
from voicecare.understanding.learned import LearnedSigns, SignCounts, features, gate_settings
from voicecare.understanding.matching import Matcher
from voicecare.understanding.text import Spelling


@dataclass(frozen=True)
class Example:
    """One tuning line as the counts see it."""

    emergency: bool
    """Labelled an emergency."""
    signs: frozenset[str]
    """Emergency signs the rules found in it (empty for a quiet line, or an emergency the rules missed)."""
    words: tuple[str, ...]
    """Its canonical words, those of the emergency mentions the rules found taken away."""
    mentioned: tuple[str, ...] = ()
    """The words of those emergency mentions: where a sign's state words are learned ("blue" in "lips look
    blue", "racing" in "heart is racing"), not from the rest of the line ("on the sofa")."""


def example(matcher: Matcher, spelling: Spelling, levels: Mapping[str, Level], utterance: str,
            emergency: bool) -> Example:
    """A labelled line read by the rules: the emergency signs found, and the words left besides them."""
    words = [spelling.canonical(w) for w in spelling.tokens_and_breaks(utterance)[0]]
    found = [m for m in matcher.match(utterance)
             if m.status is Status.PRESENT and levels.get(m.symptom) is Level.EMERGENCY]
    mentioned: list[str] = []
    for match in found:
        taken = [spelling.canonical(w) for w in spelling.tokens_and_breaks(match.heard)[0]]
        words, mentioned = _without(words, taken), [*mentioned, *taken]
    return Example(emergency, frozenset(m.symptom for m in found) if emergency else frozenset(), tuple(words),
                   tuple(mentioned))


def _without(words: list[str], taken: Sequence[str]) -> list[str]:
    """``words`` with the run ``taken`` removed (or, when it is not one run, each of its words once)."""
    size = len(taken)
    for start in range(len(words) - size + 1):
        if size and words[start:start + size] == list(taken):
            return words[:start] + words[start + size:]
    left = list(words)
    for word in taken:
        if word in left:
            left.remove(word)
    return left


def counted(examples: Iterable[Example], settings: LearnedSigns, everyday: Collection[str] = ()) -> LearnedSigns:
    """``settings`` (threshold, smoothing, signs and their body words) with counts from ``examples``.

    Kept are only the features that can count (seen in at least ``min_count`` lines of a sign and the
    quiet lines together), so the file stays small and says exactly what the model uses. ``everyday`` words
    (the language's common words and numbers) are never state words: "really", "look", "sofa" say no state.
    """
    quiet: collections.Counter[str] = collections.Counter()
    quiet_words: collections.Counter[str] = collections.Counter()
    quiet_lines = 0
    lines: collections.Counter[str] = collections.Counter()
    counts: dict[str, collections.Counter[str]] = {s.sign: collections.Counter() for s in settings.signs}
    whole: dict[str, collections.Counter[str]] = {s.sign: collections.Counter() for s in settings.signs}
    for ex in examples:
        said = features(ex.words)
        if not ex.emergency:
            quiet_lines += 1
            quiet.update(said)
            quiet_words.update({*ex.words, *ex.mentioned})
        for sign in ex.signs & counts.keys():
            lines[sign] += 1
            counts[sign].update(said)
            whole[sign].update(set(ex.mentioned))
    enough = settings.min_count
    signs = tuple(SignCounts(s.sign, s.body, lines[s.sign],
                             {f: n for f, n in counts[s.sign].items() if n + quiet[f] >= enough},
                             states(settings, s.body | frozenset(everyday), lines[s.sign], whole[s.sign], quiet_lines,
                                    quiet_words))
                  for s in settings.signs if lines[s.sign])
    used = {f for s in signs for f in s.counts}
    return replace(settings, quiet_lines=quiet_lines, quiet={f: n for f, n in quiet.items() if n >= enough or f in used},
                   signs=signs)


def states(settings: LearnedSigns, left_out: frozenset[str], lines: int, said: Mapping[str, int], quiet_lines: int,
           quiet: Mapping[str, int]) -> frozenset[str]:
    """A sign's state words: said in at least ``state_lines`` of its ``lines`` (``said``: lines per word of the
    rules' mentions in them) and ``state_ratio`` times likelier there than in the quiet lines, smoothed as
    ``LearnedSigns.log_odds`` draws rates towards the pooled one. ``left_out``: its body words (not states of
    themselves) and everyday words; a word with a digit is a reading, the number reader's."""
    prior, found = settings.prior, set()
    for word, hits in said.items():
        if word in left_out or hits < settings.state_lines or any(c.isdigit() for c in word):
            continue
        misses = quiet.get(word, 0)
        pooled = prior * (hits + misses) / (lines + quiet_lines)
        ratio = ((hits + pooled) / (lines + prior)) / ((misses + pooled) / (quiet_lines + prior))
        if ratio >= settings.state_ratio:
            found.add(word)
    return frozenset(found)


def everyday(intents: IntentSet) -> frozenset[str]:
    """Words that are never a sign's state word: the language's common words, number words, pronouns and the
    units an age is said in (canonical): "himself" is in "peed himself" and in "peed in the potty by himself";
    "months" is in "dry for months" and in "he's 18 months" (a toddler in nappies)."""
    spelling, numbers = intents.language.spelling, intents.language.numbers
    units = intents.measures.units if intents.measures else {}
    ages = {word for word, unit in (numbers.units or {}).items() if unit in units and units[unit].age}
    words = {*intents.common_words, *numbers.digits, *numbers.tens, *numbers.scales, *spelling.pronoun_classes, *ages}
    return frozenset(spelling.canonical(w) for w in words)


def dumps(model: LearnedSigns, parts: Mapping[str, Sequence[str]], sources: Mapping[str, str], header: str) -> str:
    """The learned.toml text: ``header`` comment lines, settings, the sources' digests, quiet and sign counts.

    ``parts`` are the signs.toml parts each sign's body words come from; ``sources`` the tuning files'
    names and sha256 digests. Keys are sorted, so the same corpora always give the same text.
    """
    out = [*(f"# {line}".rstrip() for line in header.splitlines()), "", "[settings]",
           f"threshold = {model.threshold!r}", f"prior = {model.prior!r}", f"min_count = {model.min_count}",
           f"reassured = {json.dumps(sorted(model.reassured))}", f"reassured_reach = {model.reassured_reach}",
           f"enabled = {json.dumps(model.enabled)}", f"state_lines = {model.state_lines}",
           f"state_ratio = {model.state_ratio!r}", f"min_words = {model.min_words}", "",
           "[settings.sources]", *(f"{_key(name)} = {_key(digest)}" for name, digest in sorted(sources.items())), "",
           "[quiet]", f"lines = {model.quiet_lines}", "", "[quiet.counts]", *_table(model.quiet)]
    for sign in model.signs:
        out += ["", f"[signs.{sign.sign}]", f"parts = {json.dumps(list(parts[sign.sign]))}",
                f"body = {json.dumps(sorted(sign.body))}", f"states = {json.dumps(sorted(sign.states))}",
                f"lines = {sign.lines}", "",
                f"[signs.{sign.sign}.counts]", *_table(sign.counts)]
    return "\n".join(out) + "\n"


def _key(text: str) -> str:
    return json.dumps(text, ensure_ascii=False)  # a TOML basic string: JSON's escapes are TOML's


def _table(counts: Mapping[str, int]) -> list[str]:
    return [f"{_key(feature)} = {n}" for feature, n in sorted(counts.items())]


def settings_of(data: Mapping[str, Any], parts: Mapping[str, str], spelling: Spelling) -> tuple[
        LearnedSigns, dict[str, list[str]]]:
    """The settings of an existing learned.toml (counts left empty) and each sign's parts.

    ``parts`` are the topic's signs.toml ``[parts]`` (name = words): a sign's body words are its parts' words.
    """
    chosen = {sign: list(table["parts"]) for sign, table in data["signs"].items()}
    signs = tuple(SignCounts(sign, frozenset(spelling.canonical(w) for name in names for w in parts[name].split()), 0, {})
                  for sign, names in chosen.items())
    settings = data["settings"]
    problems: list[str] = []
    gates = gate_settings(settings, "learned.toml", problems)
    if gates is None:
        raise ValueError(problems[0])
    return LearnedSigns(float(settings["threshold"]), float(settings["prior"]), int(settings["min_count"]), 0, {},
                        signs, frozenset(spelling.canonical(w) for w in settings.get("reassured", [])),
                        int(settings.get("reassured_reach", 0)), bool(settings.get("enabled", True)), *gates), chosen


HEADER = """Built by scripts/build_learned.py from the tuning corpora under [settings.sources] (name = sha256):
do not edit the counts by hand; a test rebuilds them and compares. Rebuild after the rules change:
    .venv/bin/python scripts/build_learned.py
The settings and each sign's parts (signs.toml [parts] holding its body words) are kept as written;
each sign's states (its state words, learned from the rules' mentions) are rebuilt with the counts.
enabled = false would switch the guesses off."""

Corpus = tuple[str, Sequence[tuple[bool, str]]]
"""A tuning file's sha256 digest and its lines: (labelled an emergency, utterance)."""


def rebuild(intents: IntentSet, data: Mapping[str, Any], parts: Mapping[str, str], corpora: Mapping[str, Corpus]) -> str:
    """The learned.toml text for these corpora, with the settings of ``data`` (the existing file, as parsed).

    The lines are read by the rules alone (no learned guesses), so a rebuild never feeds on itself.
    """
    spelling = intents.language.spelling
    settings, chosen = settings_of(data, parts, spelling)
    matcher = Matcher(replace(intents, learned=()))
    levels = {s.id: s.level for s in intents.symptoms}
    examples = [example(matcher, spelling, levels, text, emergency)
                for _, lines in corpora.values() for emergency, text in lines]
    digests = {name: digest for name, (digest, _) in corpora.items()}
    return dumps(counted(examples, settings, everyday(intents)), chosen, digests, HEADER)
