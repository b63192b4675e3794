"""How far the red-flag backoff reaches on its own: emergency signs' own phrases taken away, what is still found.

The listed phrases of the emergency signs were written to fit the tuning files, so those files
say nothing about wordings nobody listed. Taking the phrases and ``near`` patterns of every
emergency sign away leaves the backoff (body words + a state word, as guesses) and the number
readings to find them:
its recall here estimates how much of an unlisted wording it covers, and its false-911 rate
(on lines that are not emergencies, with and without the phrases) what that costs.
Counts only, so it is safe on any file. Run: python benchmarks/backoff_probe.py FILE.tsv [...]
"""

from __future__ import annotations

import sys
from dataclasses import replace
from pathlib import Path

from voicecare.app.evaluation import Report, combine, evaluate, read_corpus
from voicecare.domain import IntentSet, Level, Symptom
from voicecare.understanding.assistant import Assistant
from voicecare.understanding.matching import Matcher


def stripped(intents: IntentSet) -> IntentSet:
    """The same intents with every emergency sign's phrases and near patterns gone (backoff and readings kept)."""
    def bare(symptom: Symptom) -> Symptom:
        return replace(symptom, phrases=(), near=()) if symptom.level is Level.EMERGENCY else symptom
    return replace(intents, topics=tuple(replace(t, symptoms=tuple(bare(s) for s in t.symptoms))
                                         for t in intents.topics))


def report(assistant: Assistant, path: Path) -> Report:
    def decide(text: str) -> Level:
        assistant.disclaimer_due = False
        return assistant.answer(text).disposition
    return evaluate(read_corpus(path), decide)


def line(name: str, full: Report, bare: Report) -> str:
    return (f"{name}: {len(full.outcomes)} lines; emergency recall {full.emergency_recall:.1%} with phrases, "
            f"{bare.emergency_recall:.1%} backoff alone; false 911 {full.false_emergency_rate:.1%} with phrases, "
            f"{bare.false_emergency_rate:.1%} backoff alone")


def main() -> None:
    full = Assistant.load()
    bare_intents = stripped(full.intents)
    bare = Assistant(bare_intents, Matcher(bare_intents))
    show = "--show-misses" in sys.argv  # tuning files only: prints lines
    fulls, bares = [], []
    for name in (a for a in sys.argv[1:] if a != "--show-misses"):
        fulls.append(report(full, Path(name)))
        bares.append(report(bare, Path(name)))
        print(line(Path(name).name, fulls[-1], bares[-1]))
        for outcome in bares[-1].outcomes if show else ():
            if (outcome.case.expected is Level.EMERGENCY) != (outcome.predicted is Level.EMERGENCY):
                print(f"  {outcome.case.expected.id} -> {outcome.predicted.id}: {outcome.case.utterance}")
    print(line("TOTAL", combine(fulls), combine(bares)))


if __name__ == "__main__":
    main()
