"""Would a small statistical layer find emergencies the rules miss? Leave-one-file-out, counts only.

A naive Bayes "is this line an emergency" model over words and word pairs, trained
on every file but one and tried on that one, added as a last guess (only when the
line holds a body word of signs.toml). Printed per threshold: emergency recall and
false 911, of the rules alone and with the model; with the phrases of the emergency
signs taken away (as in backoff_probe.py) and with them. ``--show`` prints the lines
the model changes (tuning files only).

Measured on 2026-11-26 (2,630 tuning lines, 17 files), threshold 12: with the
phrases 99.0% -> 99.6% recall for 0.2% -> 0.6% false 911; the lines it adds are
mostly heart and breathing counts (the number reader's job) and its false alarms
denials, what-ifs and "bless his heart": it learns the body words, not the states,
so it is not shipped.
Run: python benchmarks/lofo_bayes.py [--show] FILE.tsv [...]
"""

from __future__ import annotations

import collections
import itertools
import math
import sys
import tomllib
from pathlib import Path

from backoff_probe import stripped

from voicecare.app.evaluation import read_corpus
from voicecare.domain import Level
from voicecare.intents import default_dir
from voicecare.understanding.assistant import Assistant
from voicecare.understanding.matching import Matcher

THRESHOLDS = (6.0, 8.0, 10.0, 12.0)
PRIOR = 0.5
"""Added to every count (Laplace smoothing)."""
MIN_COUNT = 2
"""Words seen fewer times than this say nothing."""
BODY_FAMILIES = ("colour_parts", "breathing", "waking", "heart", "excreta", "answering")

Row = tuple[bool, frozenset[str], bool, bool]
"""Expected emergency, the line's words and pairs, the rules' emergency with phrases, and without."""
Model = tuple[collections.Counter[bool], dict[bool, collections.Counter[str]]]


def rows(path: Path, full: Assistant, bare: Assistant) -> list[Row]:
    spelling = full.intents.language.spelling
    found = []
    for case in read_corpus(path):
        words = [spelling.canonical(w) for w in spelling.tokens_and_breaks(case.utterance)[0]]
        full.disclaimer_due = bare.disclaimer_due = False
        found.append((case.expected is Level.EMERGENCY,
                      frozenset(words) | {f"{a}_{b}" for a, b in itertools.pairwise(words)},
                      full.answer(case.utterance).disposition is Level.EMERGENCY,
                      bare.answer(case.utterance).disposition is Level.EMERGENCY))
    return found


def train(data: list[Row]) -> Model:
    lines: collections.Counter[bool] = collections.Counter()
    seen: dict[bool, collections.Counter[str]] = {True: collections.Counter(), False: collections.Counter()}
    for emergency, words, *_ in data:
        lines[emergency] += 1
        seen[emergency].update(words)
    return lines, seen


def log_odds(model: Model, words: frozenset[str]) -> float:
    lines, seen = model
    odds = math.log(lines[True] / lines[False])
    for word in words:
        if seen[True][word] + seen[False][word] >= MIN_COUNT:
            odds += math.log(((seen[True][word] + PRIOR) / (lines[True] + 1))
                             / ((seen[False][word] + PRIOR) / (lines[False] + 1)))
    return odds


def main() -> None:
    show = "--show" in sys.argv
    files = [Path(a) for a in sys.argv[1:] if a != "--show"]
    full = Assistant.load()
    bare_intents = stripped(full.intents)
    bare = Assistant(bare_intents, Matcher(bare_intents))
    spelling = full.intents.language.spelling
    with (default_dir() / "en" / "topics" / "back_spasm_toddler" / "signs.toml").open("rb") as handle:
        parts = tomllib.load(handle)["parts"]
    body = {spelling.canonical(w) for name in BODY_FAMILIES for w in parts[name].split()}
    data = {f: rows(f, full, bare) for f in files}
    models = {f: train([r for g in files if g != f for r in data[g]]) for f in files}
    for threshold in THRESHOLDS:
        count: collections.Counter[str] = collections.Counter()
        for f in files:
            for emergency, words, with_phrases, without in data[f]:
                guess = log_odds(models[f], words) > threshold and bool(words & body)
                kind = "hit" if emergency else "false"
                count[kind + "s"] += 1
                count[kind + " rules"] += with_phrases
                count[kind + " rules+model"] += with_phrases or guess
                count[kind + " bare"] += without
                count[kind + " bare+model"] += without or guess
                if show and threshold == THRESHOLDS[-1] and guess and not with_phrases:
                    print(f"  {'caught' if emergency else 'false 911'} {f.name}")
        print(f"threshold {threshold}: with phrases recall {count['hit rules'] / count['hits']:.1%} -> "
              f"{count['hit rules+model'] / count['hits']:.1%}, false 911 {count['false rules'] / count['falses']:.1%} -> "
              f"{count['false rules+model'] / count['falses']:.1%}; without: recall {count['hit bare'] / count['hits']:.1%}"
              f" -> {count['hit bare+model'] / count['hits']:.1%}, false 911 {count['false bare'] / count['falses']:.1%}"
              f" -> {count['false bare+model'] / count['falses']:.1%}")


if __name__ == "__main__":
    main()
