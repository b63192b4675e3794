"""Does the evidence for a turn's emergency, combined, tell a true emergency from a false one? (#10)

Reads ``emergency_evidence.py``'s JSON lines. A recording that ended in 911
is a true emergency when its sentence is one (bench), else a false one (the
bench's other sentences, ordinary talk, noise alone). Each turn's evidence
gets a doubt score; a recording's score is its most certain turn's (one sure
turn is enough for 911 at once). For each threshold: how many true
emergencies would be asked "did you say ...?" first (clean and noisy apart),
and how many false ones.

``--fit``: on tuned voices only, print the features' spread (true vs false)
and fit the score. ``--apply FILE``: the fitted score on another file (held-out
voices), counts only, no lines.
Run: .venv/bin/python benchmarks/emergency_score.py --fit ev_tuned.jsonl [--apply ev_heldout.jsonl]
"""

from __future__ import annotations

import argparse
import json
from collections.abc import Callable, Sequence
from itertools import pairwise
from pathlib import Path

import numpy as np

FEATURES = ("post", "sources", "loud", "words_loud", "share", "steady", "hold")
LOUD_CAP = 30.0
"""dB above the room; a clean recording's room is digital silence (100 dB and more), kept at a real room's top."""


def vector(turn: dict[str, object]) -> list[float]:
    sources = turn["sources"]
    assert isinstance(sources, list)
    loud = min(LOUD_CAP, float(turn["loud"]))  # type: ignore[arg-type]
    said = turn.get("words_loud")
    return [float(turn["post"]), float(len(sources)), loud, loud if said is None else min(LOUD_CAP, float(said)),  # type: ignore[arg-type]
            float(turn["share"]), float(turn["steady"]), min(10.0, float(turn["hold"]))]  # type: ignore[arg-type]


def load(path: Path) -> list[dict[str, object]]:
    rows = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line]
    return [r for r in rows if r["got"] == "emergency" and r["turns"]]


def kind(row: dict[str, object]) -> str:
    if row["expected"] == "emergency":
        return "true clean" if row["room"] == "clean" else "true noisy"
    if row["group"] == "noise":
        return f"false noise {row['room']}"
    return f"false {row['group']}"


def fit(xs: np.ndarray, ys: np.ndarray, steps: int = 4000, rate: float = 0.1, l2: float = 0.01) -> np.ndarray:
    """Logistic regression (standardised features, L2), by gradient descent: small and explainable."""
    w = np.zeros(xs.shape[1] + 1)
    design = np.hstack([xs, np.ones((len(xs), 1))])
    for _ in range(steps):
        p = 1 / (1 + np.exp(-design @ w))
        w -= rate * (design.T @ (p - ys) / len(ys) + l2 * np.r_[w[:-1], 0])
    return w


def scorer(rows: list[dict[str, object]]) -> tuple[Callable[[dict[str, object]], float], str]:
    turns = [(vector(t), r["expected"] == "emergency") for r in rows for t in r["turns"]]  # type: ignore[union-attr]
    xs = np.array([x for x, _ in turns])
    ys = np.array([float(y) for _, y in turns])
    mean, std = xs.mean(axis=0), xs.std(axis=0) + 1e-9
    w = fit((xs - mean) / std, ys)
    desc = ", ".join(f"{n} {c:+.2f}" for n, c in zip(FEATURES, w[:-1], strict=True)) + f", bias {w[-1]:+.2f}"

    def score(row: dict[str, object]) -> float:
        best = max(float(np.r_[(np.array(vector(t)) - mean) / std, 1] @ w) for t in row["turns"])  # type: ignore[union-attr]
        return 1 / (1 + np.exp(-best))

    return score, desc


def thresholds(rows: list[dict[str, object]], score: Callable[[dict[str, object]], float],
               cuts: Sequence[float]) -> None:
    kinds = sorted({kind(r) for r in rows})
    print("| ask first when score < | " + " | ".join(kinds) + " |\n" + "|---" * (len(kinds) + 1) + "|")
    for cut in cuts:
        cells = []
        for k in kinds:
            these = [r for r in rows if kind(r) == k]
            cells.append(f"{sum(score(r) < cut for r in these)}/{len(these)}")
        print(f"| {cut:.2f} | " + " | ".join(cells) + " |")


def spread(rows: list[dict[str, object]]) -> None:
    for i, name in enumerate(FEATURES):
        for k in sorted({kind(r) for r in rows}):
            values = sorted(vector(t)[i] for r in rows if kind(r) == k for t in r["turns"])  # type: ignore[union-attr]
            qs = np.percentile(values, [0, 10, 50, 90, 100]) if values else []
            print(f"{name:8} {k:22} n={len(values):3} min/p10/med/p90/max " + "/".join(f"{q:.2f}" for q in qs))


Rule = tuple[tuple[int, float], ...]
"""Ask first when every (feature index, cut) holds: the turn's feature is under the cut."""


def doubted(row: dict[str, object], rule: Rule) -> bool:
    """True when every turn of the recording is doubted by ``rule`` (one sure turn is enough for 911 at once)."""
    return all(all(vector(t)[i] < cut for i, cut in rule) for t in row["turns"])  # type: ignore[union-attr]


def rules(rows: list[dict[str, object]], noisy_lost: int) -> list[tuple[int, int, Rule]]:
    """One- and two-feature rules that ask first for no true clean emergency and at most ``noisy_lost`` noisy ones,
    by how many false 911s they ask first (most first)."""
    values = [sorted({vector(t)[i] for r in rows for t in r["turns"]}) for i in range(len(FEATURES))]  # type: ignore[union-attr]
    cuts = [[(a + b) / 2 for a, b in pairwise(v)] for v in values]
    singles: list[Rule] = [((i, c),) for i in range(len(FEATURES)) for c in cuts[i]]
    pairs: list[Rule] = [((i, a), (j, b)) for i in range(len(FEATURES)) for j in range(i + 1, len(FEATURES))
                         for a in cuts[i][::2] for b in cuts[j][::2]]
    found = []
    for rule in singles + pairs:
        true_clean = sum(doubted(r, rule) for r in rows if kind(r) == "true clean")
        true_noisy = sum(doubted(r, rule) for r in rows if kind(r) == "true noisy")
        if true_clean or true_noisy > noisy_lost:
            continue
        false = sum(doubted(r, rule) for r in rows if not kind(r).startswith("true"))
        found.append((false, -true_noisy, rule))
    found.sort(key=lambda f: (-f[0], -f[1], len(f[2])))
    return found


def describe(rule: Rule) -> str:
    return " and ".join(f"{FEATURES[i]} < {c:.3g}" for i, c in rule)


def rule_table(rows: list[dict[str, object]], rule: Rule) -> str:
    kinds = sorted({kind(r) for r in rows})
    return "; ".join(f"{k} {sum(doubted(r, rule) for r in rows if kind(r) == k)}/{sum(kind(r) == k for r in rows)}"
                     for k in kinds)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--fit", type=Path, required=True, help="tuned voices' evidence (looked at)")
    parser.add_argument("--apply", type=Path, help="held-out voices' evidence (counts only)")
    parser.add_argument("--cuts", default="0.05,0.1,0.15,0.2,0.3,0.4,0.5")
    parser.add_argument("--lost", type=int, default=2, help="most true noisy emergencies a rule may ask first")
    parser.add_argument("--top", type=int, default=3, help="rules shown per loss")
    args = parser.parse_args()
    tuned = load(args.fit)
    spread(tuned)
    score, desc = scorer(tuned)
    print(f"score: logistic, {desc}")
    cuts = [float(c) for c in args.cuts.split(",")]
    print("tuned voices (fit here):")
    thresholds(tuned, score, cuts)
    held = load(args.apply) if args.apply else []
    if held:
        print("held-out voices (scored only):")
        thresholds(held, score, cuts)
    for lost in range(args.lost + 1):
        best = rules(tuned, lost)[:args.top]
        print(f"best rules losing no true clean and at most {lost} true noisy emergencies (tuned):")
        for _, _, rule in best:
            print(f"  ask first when {describe(rule)}: tuned {rule_table(tuned, rule)}")
            if held:
                print(f"      held out: {rule_table(held, rule)}")


if __name__ == "__main__":
    main()
