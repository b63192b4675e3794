"""Benchmark: which spoken emergencies get their "Call 911 now" late, and why (issue #10, goal: 0.3 s at worst).

Each emergency sentence of the speech bench (``bench_room.py``'s sample, its voices, clean room) is streamed
through the live loop's path (``pipeline.recognize_recording``), and every partial result is noted with the
time it came. For each recording this prints the delay from the end of the first emergency words (forced
alignment) to the 911, and the first moment the partials showed an emergency at all, said in words, or only
guessed; then one cause:

- ``heard late``: no partial showed an emergency until well after the words (the recogniser misheard them);
- ``guessed``: partials showed the sign only as a guess (a back-off match), which waits for a final reading;
- ``flicker``: partials showed it in words but changed before it held one block;
- ``turn end``: no partial ever showed it; it came from the turn's final reading or its alternatives;
- ``prompt``: acted on within ``--slow`` seconds.

Run: nice .venv/bin/python benchmarks/late_911.py [--voices A,B] [--slow 0.3] [--all]
"""

from __future__ import annotations

import argparse
import statistics
import sys
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import room_audio as ra
from bench_room import (
    ROOM_BEFORE_SECONDS,
    Aligner,
    chunks,
    emergency_end,
    emergency_word_ends,
    in_room,
    make_recognizer,
)

from voicecare.domain import Basis
from voicecare.interfaces import Recognizer, RecognizerStream, Transcript
from voicecare.speech_in import pipeline
from voicecare.understanding.assistant import Assistant

SLOW_SECONDS = 0.3
"""The goal: 911 at most this long after the emergency words end."""


@dataclass(frozen=True)
class Late:
    """One emergency recording's 911 timing."""

    voice: str
    text: str
    delay: float | None
    """Seconds from the end of the first emergency words to the 911 (None: never acted on early)."""
    shown: float | None
    """Seconds from those words to the first partial that showed an emergency in any way."""
    said: float | None
    """... to the first partial that showed one said in words (not only guessed)."""
    cause: str
    partials: tuple[tuple[float, str], ...]
    """(seconds after those words, text) of each new partial result."""


class NotingRecognizer:
    """The recogniser, noting each partial result with the seconds of audio it had been given."""

    def __init__(self, inner: Recognizer) -> None:
        self.inner = inner
        self.name, self.description, self.rate, self.concurrent = inner.name, inner.description, inner.rate, inner.concurrent
        self.partials: list[tuple[float, str]] = []
        self.fed = 0.0

    def stream(self, grammar: Sequence[str] | None = None, expect: Any = None) -> RecognizerStream:
        return _NotingStream(self.inner.stream(grammar, expect), self)


class _NotingStream:
    def __init__(self, inner: RecognizerStream, owner: NotingRecognizer) -> None:
        self.inner, self.owner = inner, owner

    def accept(self, pcm: bytes) -> Transcript | None:
        got = self.inner.accept(pcm)
        if got is not None and got.text and (not self.owner.partials or self.owner.partials[-1][1] != got.text):
            self.owner.partials.append((self.owner.fed, got.text))
        return got

    def finish(self) -> Transcript:
        return self.inner.finish()


def first(partials: Sequence[tuple[float, str]], shows: Any) -> float | None:
    return next((t for t, text in partials if shows(text)), None)


def one(recognizer: Recognizer, assistant: Assistant, voice: str, text: str, audio: ra.Audio, end: float,
        slow: float) -> Late:
    noting = NotingRecognizer(recognizer)

    def fed(stream: Any) -> Any:
        for chunk in stream:
            noting.fed = chunk.start + chunk.seconds
            yield chunk

    heard = pipeline.recognize_recording(fed(chunks(audio)), noting, assistant, lambda _: None)
    found = [(t, pipeline.emergencies(assistant, p)) for t, p in noting.partials]
    shown = next((t for t, f in found if pipeline.emergencies_in(list(f.values()), assistant)), None)
    said = next((t for t, f in found if pipeline.emergencies_in(
        [x for x in f.values() if x.basis is not Basis.GUESSED], assistant)), None)
    delay = None if heard.emergency_at is None else heard.emergency_at - end
    if delay is not None and delay <= slow:
        cause = "prompt"
    elif shown is None:
        cause = "turn end"
    elif shown - end > slow:
        cause = "heard late"
    elif said is None or said - end > slow:
        cause = "guessed"
    else:
        cause = "flicker"
    return Late(voice, text, delay, None if shown is None else shown - end, None if said is None else said - end,
                cause, tuple((t - end, p) for t, p in noting.partials))


def show(late: Late, verbose: bool) -> None:
    def secs(x: float | None) -> str:
        return "-" if x is None else f"{x:.2f}"

    print(f"{late.voice:16} 911 {secs(late.delay):>5} s  shown {secs(late.shown):>5}  in words {secs(late.said):>5}  "
          f"{late.cause:10} {late.text}")
    if verbose:
        for t, p in late.partials:
            if t > -1.0:
                print(f"{'':18}{t:+.2f} s  {p}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--voices", help="comma-separated voice names (default: the flite and espeak ones)")
    parser.add_argument("--per-label", type=int, default=6, help="as bench_room.py (emergencies: twice this)")
    parser.add_argument("--slow", type=float, default=SLOW_SECONDS, help="seconds after the words that count as late")
    parser.add_argument("--all", action="store_true", help="list every recording, not only the late ones")
    parser.add_argument("--partials", action="store_true", help="with each late one, its partial results")
    args = parser.parse_args()
    names = args.voices.split(",") if args.voices else ["flite-slt", "flite-rms", "flite-awb", "espeak-en-gb-f3"]
    lines = [line for line in ra.sample(args.per_label) if line.expected == "emergency"]
    assistant = Assistant.load()
    assistant.disclaimer_due = False
    recognizer = make_recognizer(argparse.Namespace(lm="room", mix=None, ns=None, front_end=False), assistant)
    aligner = Aligner()
    results: list[Late] = []
    for voice in (v for v in ra.voices() if v.name in names):
        for line in lines:
            said = ra.cached(voice, line.text)
            aligned = aligner.words(said, line.text)
            end = emergency_end(assistant, aligned)
            if end is None or not emergency_word_ends(assistant, aligned):
                continue  # the aligner could not place the words: no delay to measure
            late = one(recognizer, assistant, voice.name, line.text, in_room(said), end + ROOM_BEFORE_SECONDS,
                       args.slow)
            results.append(late)
            if args.all or late.cause != "prompt":
                show(late, args.partials and late.cause != "prompt")
    delays = [r.delay for r in results if r.delay is not None]
    causes = {c: sum(r.cause == c for r in results) for c in ("prompt", "heard late", "guessed", "flicker", "turn end")}
    print(f"{len(results)} emergency recordings; acted on early {len(delays)}: median "
          f"{statistics.median(delays) if delays else 0:.2f} s, worst {max(delays, default=0):.2f} s; "
          + ", ".join(f"{c} {n}" for c, n in causes.items()))


if __name__ == "__main__":
    sys.path.insert(0, str(Path(__file__).parent))
    main()
