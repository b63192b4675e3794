"""Benchmark: what the live loop's recognition costs when the caregiver goes on after a pause (issue #10, 911 latency).

At a pause the turn so far is read to its end (``pipeline._TurnStreams.finish``) for a reply started there; when
the caregiver speaks again, fresh streams are given the whole turn again (``reopen``) in the block where speech
came back. On a live microphone the blocks that arrive meanwhile wait in its queue, so an emergency said just after
the pause is acted on that much later in wall-clock time (the benches count audio time, and do not show it).
Printed per length of the turn before the pause: CPU milliseconds of the reading at the pause, of the re-reading,
and of one ordinary block, median of ``--repeat`` tries.
Run: nice .venv/bin/python benchmarks/bench_resume.py [--repeat 3]
"""

from __future__ import annotations

import argparse
import statistics
import time
from pathlib import Path

from voicecare.app.speech_cli import load_recognizer
from voicecare.interfaces import Recognizer
from voicecare.speech_in import pipeline
from voicecare.speech_in.audio import BLOCK_SECONDS, iter_wav
from voicecare.understanding.assistant import Assistant

AUDIO = Path(__file__).resolve().parents[1] / "tests" / "data" / "audio"
SPEECH = [AUDIO / "turns" / "describe.wav", AUDIO / "clean" / "hc_sister.wav", AUDIO / "clean" / "fu_days.wav",
          AUDIO / "clean" / "ur_night.wav"]
"""Recorded descriptions, one after another: up to about 12 s of a turn."""
TURN_SECONDS = (3.0, 6.0, 9.0, 12.0)


def costs(recognizer: Recognizer, assistant: Assistant, blocks: list[bytes], seconds: float) -> tuple[float, float, float]:
    """CPU seconds of the reading at a pause after ``seconds`` of the turn, of the re-reading, of the next block."""
    streams = pipeline._TurnStreams(recognizer, None, assistant)
    fed = round(seconds / BLOCK_SECONDS)
    for pcm in blocks[:fed]:
        streams.accept(pcm)
    began = time.process_time()
    streams.finish()
    reading = time.process_time() - began
    began = time.process_time()
    streams.reopen()
    again = time.process_time() - began
    began = time.process_time()
    streams.accept(blocks[fed])
    block = time.process_time() - began
    streams.finish()  # one stream open at a time (PocketSphinx)
    return reading, again, block


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    assistant = Assistant.load()
    recognizer = load_recognizer(argparse.Namespace(engine="sphinx", model=None, intents=None, front_end=False,
                                                    general_english=False), assistant)
    blocks = [chunk.pcm for path in SPEECH for chunk in iter_wav(path, recognizer.rate)]
    print("| turn before the pause s | reading at the pause ms CPU | re-reading when speech comes back ms CPU "
          "| one block ms CPU |\n|---|---|---|---|")
    for seconds in (s for s in TURN_SECONDS if s / BLOCK_SECONDS < len(blocks)):
        tries = [costs(recognizer, assistant, blocks, seconds) for _ in range(args.repeat)]
        reading, again, block = (statistics.median(t[k] for t in tries) * 1000 for k in range(3))
        print(f"| {seconds:.0f} | {reading:.0f} | {again:.0f} | {block:.0f} |", flush=True)


if __name__ == "__main__":
    main()
