"""Choosing the learned layer's threshold by leave-one-file-out on the tuning files (counts only).

For each tuning file, per-sign counts are built from the other files (as
scripts/build_learned.py builds the shipped ones from all of them: emergency lines
labelled with the signs the rules find, their matched words taken away; quiet
lines as they are) and tried on that file as the matcher's last guess. Printed per
threshold: emergency recall and false 911 of the rules alone and with the guess,
over all files. ``--show`` prints, for the largest threshold, the held-out tuning
lines the guess changes (tuning files only: never give it held-out files).

The state-word gate (``learned_build.states``) is chosen the same way: ``--state-lines 2,3`` and
``--state-ratios 4,8`` try each pair with each threshold.

Run: python benchmarks/lofo_bayes.py [--show] [--thresholds 4,6,8] [--state-lines 3] [--state-ratios 6] FILE.tsv [...]
"""

from __future__ import annotations

import argparse
import sys
import tomllib
from dataclasses import dataclass, replace
from pathlib import Path

from voicecare.app.evaluation import read_corpus
from voicecare.domain import Basis, IntentSet, Level
from voicecare.intents import default_dir
from voicecare.understanding import learned, learned_build, sign_files
from voicecare.understanding.assistant import Assistant
from voicecare.understanding.matching import Matcher

sys.path.insert(0, str(Path(__file__).parent))
from backoff_probe import stripped  # a benchmark beside this one

TOPIC = default_dir() / "en" / "topics" / "back_spasm_toddler"
THRESHOLDS = "2,4,6,8,10,12"


@dataclass(frozen=True)
class Line:
    """One tuning line: its label, what the rules alone say, and how the counts see it."""

    text: str
    emergency: bool
    rules: bool
    """The rules alone call 911."""
    example: learned_build.Example


def lines_of(path: Path, rules: Assistant, matcher: Matcher, levels: dict[str, Level]) -> list[Line]:
    spelling = rules.intents.language.spelling
    found = []
    for case in read_corpus(path):
        rules.disclaimer_due = False
        emergency = case.expected is Level.EMERGENCY
        found.append(Line(case.utterance, emergency, rules.answer(case.utterance).disposition is Level.EMERGENCY,
                          learned_build.example(matcher, spelling, levels, case.utterance, emergency)))
    return found


def guessed(intents: IntentSet, model: learned.LearnedSigns, texts: list[str]) -> dict[str, str]:
    """The sign guessed in each text (by the rules plus this model), for those the guess makes an emergency."""
    with_model = replace(intents, learned=(model,))
    assistant = Assistant(with_model, Matcher(with_model))
    found = {}
    for text in texts:
        assistant.disclaimer_due = False
        result = assistant.answer(text)
        if result.disposition is Level.EMERGENCY:
            found[text] = next((f.symptom.id for f in result.present if f.basis is Basis.GUESSED), "?")
    return found


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("files", nargs="+", type=Path)
    parser.add_argument("--show", action="store_true", help="print changed lines (tuning files only)")
    parser.add_argument("--thresholds", default=THRESHOLDS)
    parser.add_argument("--state-lines", default="", help="state words' least lines (default: learned.toml's)")
    parser.add_argument("--state-ratios", default="", help="state words' least ratio (default: learned.toml's)")
    parser.add_argument("--bare", action="store_true",
                        help="rules without the emergency signs' phrases (backoff_probe.stripped): unseen wording")
    args = parser.parse_args()
    base = Assistant.load()
    full = replace(base.intents, learned=())
    intents = stripped(full) if args.bare else full
    rules = Assistant(intents, Matcher(intents))
    labels = Matcher(full)  # the training labels come from the full rules either way
    levels = {s.id: s.level for s in intents.symptoms}
    with (TOPIC / learned.FILE_NAME).open("rb") as handle:
        data = tomllib.load(handle)
    with (TOPIC / sign_files.FILE_NAME).open("rb") as handle:
        parts = tomllib.load(handle)["words"]
    settings, _ = learned_build.settings_of(data, parts, intents.language.spelling)
    data_of = {f: lines_of(f, rules, labels, levels) for f in args.files}
    everyday = learned_build.everyday(full)
    thresholds = [float(t) for t in args.thresholds.split(",")]
    least = [int(n) for n in args.state_lines.split(",")] if args.state_lines else [settings.state_lines]
    ratios = [float(r) for r in args.state_ratios.split(",")] if args.state_ratios else [settings.state_ratio]
    grid = [(t, n, r) for n in least for r in ratios for t in thresholds]
    for threshold, state_lines, ratio in grid:
        hits = falses = hit_rules = false_rules = hit_both = false_both = 0
        shown = []
        tried = replace(settings, threshold=threshold, enabled=True, state_lines=state_lines, state_ratio=ratio)
        for f in args.files:
            others = [line.example for g in args.files if g != f for line in data_of[g]]
            model = learned_build.counted(others, tried, everyday)
            open_lines = [line.text for line in data_of[f] if not line.rules]
            guesses = guessed(intents, model, open_lines)
            for line in data_of[f]:
                both = line.rules or line.text in guesses
                if line.emergency:
                    hits, hit_rules, hit_both = hits + 1, hit_rules + line.rules, hit_both + both
                else:
                    falses, false_rules, false_both = falses + 1, false_rules + line.rules, false_both + both
                if both and not line.rules:
                    shown.append(f"  {'caught' if line.emergency else 'FALSE 911'} as {guesses[line.text]} "
                                 f"({f.name}): {line.text}")
        print(f"threshold {threshold:g}, states {state_lines}/{ratio:g}: "
              f"emergency recall {hit_rules / hits:.1%} -> {hit_both / hits:.1%} "
              f"(+{hit_both - hit_rules}), false 911 {false_rules / falses:.2%} -> {false_both / falses:.2%} "
              f"(+{false_both - false_rules}); {hits} emergencies, {falses} other lines")
        if args.show and (threshold, state_lines, ratio) == grid[-1]:
            print("\n".join(shown))


if __name__ == "__main__":
    main()
