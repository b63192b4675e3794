"""Benchmark: where a non-emergency reply's first audio waits after the end of speech (issue #10, goal 0.5 s).

The speech bench's non-emergency sentences (``bench_room.py``'s sample and voices, clean room) go through the live
loop's path, as ``bench_room.py`` runs them; each reply's wait is split into

- endpointing: from the end of the words to the block where the reply starts (a pause of
  ``early_reply.PROVISIONAL_SECONDS`` for a reply started at a pause, else the end of the turn);
- recognising: that block's work, and what of the reading at the pause the blocks since did not cover (CPU);
- triage: working out the reply to that reading (CPU);
- synthesis: from handing the reply's messages to the real speaker (espeak-ng in its worker process) to its first
  block of audio, three ways: cold (as it was: synthesised when said), ahead (``Speaker.ahead`` of its first message
  when the reply is worked out, ``AHEAD_SECONDS`` before it starts, as the live loop now does) and kept (a fixed text
  synthesised while idle, such as "Sorry, I missed that."; otherwise as cold).

Printed per voice and reason (reply at a pause, or at the turn's end because the reading was not understood):
medians and worst, and the total first-audio delay with synthesis as it was and as it is now. Wall-clock times
of synthesis depend on the machine's load; each is the median of ``--repeat`` tries.
Run: nice .venv/bin/python benchmarks/bench_reply.py [--voices A,B] [--per-label 6]
"""

from __future__ import annotations

import argparse
import statistics
import sys
import threading
import time
from collections.abc import Sequence
from dataclasses import dataclass, replace
from pathlib import Path

import room_audio as ra
from bench_room import (
    EarlyAnswers,
    TimedRecognizer,
    WatchedReplies,
    chunks,
    in_room,
    make_recognizer,
    speech_span,
)

from voicecare.app.speech_cli import fixed_phrases
from voicecare.domain import Level, Message, MessageKind
from voicecare.interfaces import Recognizer
from voicecare.speech_in import pipeline
from voicecare.speech_in.audio import BLOCK_SECONDS
from voicecare.speech_in.early_reply import (
    ASK_AGAIN_SECONDS,
    ASK_AGAIN_WHOLE_SECONDS,
    PROVISIONAL_SECONDS,
    STEADY_SECONDS,
)
from voicecare.speech_out.tts import DEFAULT_RATE_WPM, Pyttsx3Synthesizer, Speaker
from voicecare.understanding.assistant import Assistant

AHEAD_SECONDS = 0.1
"""How long before the start a reply is worked out at least: its reading is steady a block before it starts."""
KEPT_SECONDS = 2.0
"""Long enough for the speaker to make every fixed text while idle (a few ms each here)."""


@dataclass(frozen=True)
class Wait:
    """One reply's wait, in seconds."""

    why: str
    """"pause": started at a pause; "asks again": "Sorry, I missed that." started at a longer pause; "turn end": the
    reading at the pause was not understood (as before ``--ask-again``), or never steady."""
    endpointing: float
    recognising: float
    triage: float
    texts: tuple[str, ...]
    """What the reply starts with (its messages up to the first that may not be said early)."""
    asked: float = 0.0
    """For "asks again": the quiet its rule waited for (``early_reply.ask_again_wait``)."""


class FirstBlock:
    """A sink that notes when the first block of audio after ``expect()`` is written (the speaker's clock)."""

    def __init__(self) -> None:
        self.at: float | None = None
        self._written = threading.Event()

    def expect(self) -> None:
        self.at = None
        self._written.clear()

    def wait(self, timeout: float = 10.0) -> float | None:
        self._written.wait(timeout)
        return self.at

    def write(self, pcm: bytes, rate: int) -> None:
        if self.at is None:
            self.at = time.perf_counter()
            self._written.set()

    def flush(self) -> None:
        pass

    def close(self) -> None:
        pass


def waits(recognizer: Recognizer, assistant: Assistant, audio: ra.Audio, end: float,
          ask_again: float | None = ASK_AGAIN_SECONDS, whole: float | None = ASK_AGAIN_WHOLE_SECONDS) -> Wait | None:
    """The reply's wait for one recording, as ``bench_room.run_one`` counts it (None: an emergency or no turn)."""
    early = EarlyAnswers(assistant, ask_again, whole)
    timed = TimedRecognizer(recognizer)
    watched: list[WatchedReplies] = []

    def replies() -> WatchedReplies:
        watched.append(WatchedReplies(early.prepare, early.start, after=PROVISIONAL_SECONDS, steady=STEADY_SECONDS,
                                      wait=early.wait))
        watched[-1].timed = timed
        return watched[-1]

    cpu = time.process_time()
    heard = pipeline.recognize_recording(chunks(audio), timed, assistant, lambda _: None, early=replies)
    per_block = (time.process_time() - cpu) / max(1.0, heard.audio_seconds / BLOCK_SECONDS)
    began = time.process_time()
    result = pipeline.answer_recording(assistant, heard)
    triage = time.process_time() - began
    last = next((p for p in heard.parts if p.audio_seconds >= end), None)
    if result.disposition is Level.EMERGENCY or last is None:
        return None
    kept = last.provisional[-1] if last.provisional and not last.provisional[-1].withdrawn else None
    begun = early.started[-1][0] if early.started else ()
    if kept is not None and begun == tuple(m.text for m in result.messages[:len(begun)]):
        wait = watched[heard.parts.index(last)].reading_wait(kept.at)
        why = "asks again" if early.asks_again(begun) else "pause"
        return Wait(why, kept.at - end, per_block + wait, early.started[-1][1], begun,
                    early.waited[-1] if why == "asks again" else 0.0)
    opening = tuple(m.text for m in _opening(result.messages))
    return Wait("turn end", last.audio_seconds - end, per_block, triage, opening)


def _opening(messages: Sequence[Message]) -> Sequence[Message]:
    """The messages up to and with the first sentence that is no read-back (what the first audio waits for)."""
    for k, message in enumerate(messages):
        if message.kind is not MessageKind.READBACK:
            return messages[:k + 1]
    return messages


def first_audio(speaker: Speaker, sink: FirstBlock, texts: tuple[str, ...], how: str) -> float:
    """Seconds from handing ``texts`` to the speaker to its first block of audio (``how``: cold, ahead or kept)."""
    kept = speaker.fixed_texts
    if how == "cold":
        speaker.fixed_texts = ()
    speaker.forget()  # no clip of an earlier try, nor (cold) of the fixed texts
    if how == "ahead":
        speaker.ahead(texts[:1])  # as the live loop does: the first message, when the reply is worked out
        time.sleep(AHEAD_SECONDS)
    sink.expect()
    said = time.perf_counter()
    speaker.say([Message(Level.HOME_CARE, MessageKind.READBACK, t) for t in texts])
    at = sink.wait()
    speaker.wait_idle()  # said to its end (the sink takes it at once): stopped, the worker might be replaced
    speaker.fixed_texts = kept
    return (at if at is not None else said) - said


def synthesis(speaker: Speaker, sink: FirstBlock, texts: tuple[str, ...], how: str, repeat: int) -> float:
    if how != "cold":  # the fixed texts a cold try dropped are made again first, as they are once at a start
        speaker.ahead(())
        time.sleep(KEPT_SECONDS)
    return statistics.median(first_audio(speaker, sink, texts, how) for _ in range(repeat))


def row(name: str, items: list[Wait], cold: list[float], now: list[float]) -> str:
    def mm(values: Sequence[float]) -> str:
        return f"{statistics.median(values):.3f}/{max(values):.3f}" if values else "-"

    before = [w.endpointing + w.recognising + w.triage + s for w, s in zip(items, cold, strict=True)]
    after = [w.endpointing + w.recognising + w.triage + s for w, s in zip(items, now, strict=True)]
    return (f"| {name} | {len(items)} | {mm([w.endpointing for w in items])} | {mm([w.recognising for w in items])} | "
            f"{mm([w.triage for w in items])} | {mm(cold)} | {mm(now)} | {mm(before)} | {mm(after)} |")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--voices", help="comma-separated voice names (default: the flite and espeak ones)")
    parser.add_argument("--per-label", type=int, default=6, help="as bench_room.py")
    parser.add_argument("--repeat", type=int, default=3, help="tries per synthesis time (median)")
    parser.add_argument("--ask-again", type=float, default=ASK_AGAIN_SECONDS,
                        help="quiet before a reply that only asks to hear it again starts (0: never, as before)")
    parser.add_argument("--ask-whole", type=float, default=ASK_AGAIN_WHOLE_SECONDS,
                        help="the same when the words may be a whole sentence (early_reply.ask_again_wait)")
    args = parser.parse_args()
    names = args.voices.split(",") if args.voices else ["flite-slt", "flite-rms", "flite-awb", "espeak-en-gb-f3"]
    lines = [line for line in ra.sample(args.per_label) if line.expected != "emergency"]
    assistant = Assistant.load()
    assistant.disclaimer_due = False
    recognizer = make_recognizer(argparse.Namespace(lm="room", mix=None, ns=None, front_end=False), assistant)
    sink = FirstBlock()
    speaker = Speaker(Pyttsx3Synthesizer, sink, rate_wpm=DEFAULT_RATE_WPM,
                      ready_texts=(assistant.intents.messages["emergency"],), fixed_texts=fixed_phrases(assistant))
    speaker.wait_ready()
    print("seconds, median/worst: endpointing | recognising (CPU) | triage (CPU) | synthesis to the first block "
          "(wall clock), as it was | as it is now (ahead at a pause, kept fixed texts at the turn's end) | "
          "first audio after the words, as it was | as it is now")
    print("| voice | reason | replies | endpointing | recognising | triage | synthesis was | synthesis now "
          "| first audio was | first audio now |")
    print("|---|---|---|---|---|---|---|---|---|---|")
    everything: list[tuple[Wait, float, float]] = []
    for voice in (v for v in ra.voices() if v.name in names):
        found = []
        for line in lines:
            audio = in_room(ra.cached(voice, line.text))
            wait = waits(recognizer, assistant, audio, speech_span(audio)[1], args.ask_again or None,
                         args.ask_whole or None)
            if wait is not None and wait.texts:
                cold = synthesis(speaker, sink, wait.texts, "cold", args.repeat)
                now = synthesis(speaker, sink, wait.texts, "ahead" if wait.why != "turn end" else "kept", args.repeat)
                found.append((wait, cold, now))
        everything += found
        for why in ("pause", "asks again", "turn end"):
            these = [f for f in found if f[0].why == why]
            if these:
                print(row(f"{voice.name} | {why}", [w for w, _, _ in these], [c for _, c, _ in these],
                          [n for _, _, n in these]), flush=True)
    print(row("all | all", [w for w, _, _ in everything], [c for _, c, _ in everything], [n for _, _, n in everything]))
    # Every ask-again at --ask-again (the rule before ``ask_again_wait``): the same recognition, its start later by
    # the difference in quiet waited for (counted in blocks of audio, so exact), all else as measured.
    late = [max(0.0, args.ask_again - w.asked) if w.why == "asks again" else 0.0 for w, _, _ in everything]
    print(row(f"all | all, every ask-again at {args.ask_again:.1f} s",
              [replace(w, endpointing=w.endpointing + d) for (w, _, _), d in zip(everything, late, strict=True)],
              [c for _, c, _ in everything], [n for _, _, n in everything]))
    asks = [w for w, _, _ in everything if w.why == "asks again"]
    print(f"asks again: {len(asks)}, of which {sum(w.asked < args.ask_again for w in asks)} at "
          f"{args.ask_whole:.1f} s (words that may be a whole sentence)")
    speaker.close(drain=False)


if __name__ == "__main__":
    sys.path.insert(0, str(Path(__file__).parent))
    main()
