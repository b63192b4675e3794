"""Benchmark: matching plus triage time per utterance, all intents loaded, on one core.

Goal (issue 2): median under 1 ms, 99th percentile under 5 ms.
Run: .venv/bin/python benchmarks/bench_triage.py
"""

from __future__ import annotations

import os
import statistics
import time
from pathlib import Path

from voicecare.app.evaluation import read_corpus
from voicecare.understanding.assistant import Assistant

CORPUS = Path(__file__).resolve().parents[1] / "tests" / "data" / "corpus.tsv"
ROUNDS = 20
MEDIAN_GOAL_MS = 1.0
P99_GOAL_MS = 5.0


def one(assistant: Assistant, text: str) -> float:
    """Milliseconds to answer one utterance: matching (numbers included), care questions and triage."""
    start = time.perf_counter_ns()
    assistant.answer(text)
    return (time.perf_counter_ns() - start) / 1e6


def percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(share * len(ordered)))]


def report(label: str, times: list[float], *, goal: bool = True) -> None:
    median, p99 = statistics.median(times), percentile(times, 0.99)
    verdict = "meets" if median < MEDIAN_GOAL_MS and p99 < P99_GOAL_MS else "MISSES"
    note = f"({verdict} goal: median < {MEDIAN_GOAL_MS} ms, p99 < {P99_GOAL_MS} ms)" if goal else "(stress case, no goal)"
    print(f"{label:<34} n={len(times):>5}  median {median:6.3f} ms  p99 {p99:6.3f} ms  max {max(times):6.3f} ms  {note}")


def main() -> None:
    if hasattr(os, "sched_setaffinity"):
        os.sched_setaffinity(0, {min(os.sched_getaffinity(0))})
    texts = [case.utterance for case in read_corpus(CORPUS)]
    assistant = Assistant.load()
    symptoms = len(assistant.intents.symptoms)
    phrases = sum(len(s.phrases) for s in assistant.intents.symptoms)
    print(f"{len(texts)} utterances, {symptoms} symptoms, {phrases} phrases, one core")
    report("first pass (cold word cache)", [one(assistant, t) for t in texts])
    report("steady state", [one(assistant, t) for _ in range(ROUNDS) for t in texts])
    # The least of a few runs per utterance is its own cost, without the noise of a busy machine.
    report("steady state, least of 5 per utterance", [min(one(assistant, t) for _ in range(5)) for t in texts])
    long_text = " ".join(texts)[:2000]
    report("2,000-character input (cap)", [one(assistant, long_text) for _ in range(50)], goal=False)


if __name__ == "__main__":
    main()
