"""Seconds of recognition per second of audio (real-time factor) for answers to a red-flag question.

Each short answer, command and emergency is said by every installed voice and recognised three ways:
with the model for descriptions alone, and with the answer model (which, since the check, also reads the
same audio with the description model after the utterance ends). The goal is under 0.3x real time on one
core (run it pinned: ``taskset -c 0``). The second reading's cost is the difference from the answer model
alone, measured by running this file against the commit before the check.
Measured (7 voices x 7 answers, 51 s, one core each): description model 0.12x; answer model alone 0.11x;
answer model + the description model's second reading 0.22x real time (+0.11x, under the 0.3x goal).
Run: taskset -c 0 .venv/bin/python benchmarks/bench_answer_check.py
"""

from __future__ import annotations

import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from tests import replay  # noqa: E402
from voicecare.intents import load  # noqa: E402
from voicecare.interfaces import Expectation, Recognizer  # noqa: E402
from voicecare.speech_in import lm, stt  # noqa: E402
from voicecare.speech_in.audio import iter_wav  # noqa: E402

SAID = ("No.", "Yes.", "Slower.", "Repeat.", "Stop.", "No, nothing like that.", "Now she won't wake up.")


def timed(recognizer: Recognizer, path: Path, expect: Expectation | None) -> tuple[float, float]:
    """(seconds spent recognising, seconds of audio)."""
    stream = recognizer.stream(None, expect)
    began, seconds = time.perf_counter(), 0.0
    for chunk in iter_wav(path, recognizer.rate):
        stream.accept(chunk.pcm)
        seconds = chunk.start + chunk.seconds
    stream.finish()
    return time.perf_counter() - began, seconds


def main() -> None:
    intents = load()
    with tempfile.TemporaryDirectory() as folder:
        recognizer = stt.SphinxRecognizer.load(lm.build(intents, stt.sphinx_words(), Path(folder)))
        expect = lm.answer_expectation(intents, intents.topics[0].interview[0])
        spent = {"description model": 0.0, "answer model (+ check)": 0.0}
        audio = 0.0
        wavs = []
        for name, voice in sorted(replay.voices().items()):
            for index, text in enumerate(SAID):
                wav = Path(folder) / f"{name}-{index}.wav"
                voice(text, wav)
                wavs.append(wav)
        timed(recognizer, wavs[0], expect)  # the answer search is built once, not counted
        for wav in wavs:
            for model, hint in zip(spent, (None, expect), strict=True):
                seconds, length = timed(recognizer, wav, hint)
                spent[model] += seconds
            audio += length
    for model, seconds in spent.items():
        print(f"{model:24} {seconds / audio:.3f}x real time ({audio:.0f} s of audio, {len(wavs)} answers)")


if __name__ == "__main__":
    main()
