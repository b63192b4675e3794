"""Benchmark: 1,000 consecutive spoken replies through the real espeak-ng worker (issue #8, reliability).

Each reply is triaged from a corpus line (emergencies among them), printed
(into a buffer), then spoken into a sink that plays instantly; the clip cache
is dropped after every reply, as after every family at the kiosk, so every
message is really synthesised. Prints crashes survived, restarts, the worst
decision-to-printed delay, time and peak memory.

``--fault KIND --healthy N`` runs the same through testing.py's worker, which
fails (segfault, hang, raise, garbage) after every N good messages.
Run: .venv/bin/python benchmarks/bench_tts.py [--replies N] [--fault segfault --healthy 20]
"""

from __future__ import annotations

import argparse
import io
import resource
import time
from pathlib import Path

from voicecare.conversation import render
from voicecare.speech_out.sinks import NullSink
from voicecare.speech_out.tts import Speaker
from voicecare.speech_out.tts_process import WorkerSynthesizer, espeak_command
from voicecare.testing import SYNTH_FAULTS, fault_worker_command
from voicecare.understanding.assistant import Assistant

CORPUS = Path(__file__).resolve().parents[1] / "tests" / "data" / "corpus.tsv"


def utterances() -> list[tuple[str, str]]:
    """(expected disposition, utterance) from the labelled corpus."""
    lines = [line.split("\t", 1) for line in CORPUS.read_text(encoding="utf-8").splitlines()
             if line.strip() and not line.startswith("#")]
    return [(label.strip(), text.strip()) for label, text in lines]


def worker_peak_mb(synth: WorkerSynthesizer) -> float:
    """Peak RSS of the live worker (VmHWM), 0 when none is running."""
    if synth.pid is None:
        return 0.0
    for line in Path(f"/proc/{synth.pid}/status").read_text().splitlines():
        if line.startswith("VmHWM:"):
            return int(line.split()[1]) / 1024
    return 0.0


def run(replies: int, command: list[str]) -> None:
    assistant = Assistant.load()
    emergency_text = assistant.intents.messages["emergency"]
    synth = WorkerSynthesizer(command)
    failures: list[str] = []
    speaker = Speaker(lambda: synth, NullSink(), ready_texts=(emergency_text,), on_error=failures.append)
    began = time.perf_counter()
    speaker.wait_ready()
    corpus = utterances()
    printed = io.StringIO()
    worst_print = worst_say = 0.0
    emergencies = emergencies_heard_first = 0
    worker_peak = 0.0
    for index in range(replies):
        _, text = corpus[index % len(corpus)]
        decided = time.perf_counter()
        result = assistant.answer(text)
        printed.write(render.as_text(result, text) + "\n")  # printed before anything is spoken
        worst_print = max(worst_print, time.perf_counter() - decided)
        asked = time.perf_counter()
        speaker.say(result.messages)
        worst_say = max(worst_say, time.perf_counter() - asked)
        speaker.wait_idle()
        if result.messages and result.messages[0].text == emergency_text:
            emergencies += 1
            first = speaker.events[0] if speaker.events else None
            emergencies_heard_first += first is not None and first.text == emergency_text
        worker_peak = max(worker_peak, worker_peak_mb(synth))
        speaker.forget()  # the next family: nothing reused, every message synthesised again
    elapsed = time.perf_counter() - began
    speaker.close()
    stats = synth.stats
    parent_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    children_mb = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    print(f"replies: {replies} ({emergencies} emergencies; 911 clip heard first in {emergencies_heard_first})")
    print(f"worker: {stats.starts} starts ({stats.starts - 1} restarts); crashes survived {stats.crashes}, "
          f"hangs {stats.hangs}, garbled {stats.garbled}, engine errors {stats.errors}")
    print(f"messages lost to the synthesiser: {speaker.failures}; failure reports: {len(failures)}")
    print(f"worst decision-to-printed: {worst_print * 1000:.2f} ms; worst say() (queueing, never waits on synthesis): "
          f"{worst_say * 1000:.2f} ms")
    print(f"time: {elapsed:.1f} s ({elapsed / replies * 1000:.1f} ms per reply)")
    print(f"peak RSS: voicecare {parent_mb:.0f} MB, worker {max(worker_peak, children_mb):.0f} MB")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--replies", type=int, default=1000)
    parser.add_argument("--fault", choices=SYNTH_FAULTS, help="use testing.py's failing worker")
    parser.add_argument("--healthy", type=int, default=20, help="good messages between two faults")
    args = parser.parse_args()
    command = fault_worker_command(args.fault, args.healthy) if args.fault else espeak_command()
    print(f"worker: {' '.join(command[1:])}")
    run(args.replies, command)


if __name__ == "__main__":
    main()
