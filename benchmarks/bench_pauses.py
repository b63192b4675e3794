"""Benchmark: voicecare talking into a pause mid-sentence, the caregiver not done (issue #10).

Each sampled sentence (``bench_room.py``'s sample) is said in two halves by the same voice, split at a comma near
its middle or else at its middle word, with ``--gaps`` seconds of quiet between, and goes through the live loop's
path (``pipeline.recognize_recording`` with ``EarlyReplies``, as ``bench_room.py``). Counted per voice and gap:

- cut in: a reply started inside the pause, before the second half (voicecare talks while the caregiver has more
  to say; the reply is withdrawn when the second half changes it), per rule for a reply that only asks to hear it
  again: never (as before), or at ``--ask-again`` seconds of quiet; beside it, how many of those only asked again;
- split: the turn ended inside the pause (the second half a turn of its own; only a pause past the turn's end).

The recogniser reads the turn the same way whatever the rule (it is read to its end at every pause), so every
rule is judged on one recognition of each recording. The reply's start after whole sentences is ``bench_reply.py``.
Run: nice .venv/bin/python benchmarks/bench_pauses.py [--voices A,B] [--per-label 4] [--gaps 0.5,0.7,0.9,1.2]
"""

from __future__ import annotations

import argparse
import sys
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np
import room_audio as ra
from bench_room import EarlyAnswers, chunks, in_room, make_recognizer, speech_span

from voicecare.interfaces import Recognizer, Transcript
from voicecare.speech_in import pipeline
from voicecare.speech_in.early_reply import PROVISIONAL_SECONDS, STEADY_SECONDS, EarlyReplies
from voicecare.understanding.assistant import Assistant

ROOM_BEFORE_SECONDS = 2.0
"""As ``bench_room.in_room``: quiet before the words."""
NEVER = 0.0
"""The rule of before: a reply that only asks again waits for the turn's end."""


@dataclass
class Rule:
    """One rule's early replies for one recording."""

    ask_again: float
    """Quiet before a reply that only asks again starts (0: never) when the words end as no sentence does."""
    whole: float
    """The same when they may be a whole sentence (``early_reply.ask_again_wait``)."""
    answers: EarlyAnswers
    started: list[tuple[float, bool]] = field(default_factory=list)
    """(seconds into the audio, only asks again) of each reply started."""


class Fanned(EarlyReplies[tuple[str, ...]]):
    """Early replies under several rules at once: each sees every partial and every block of quiet."""

    def __init__(self, rules: list[Rule]) -> None:
        self.rules = rules
        self.inner = [self._replies(rule) for rule in rules]
        super().__init__(lambda _: None, lambda _: None)

    @staticmethod
    def _replies(rule: Rule) -> EarlyReplies[tuple[str, ...]]:
        def start(reply: tuple[str, ...]) -> None:
            rule.answers.start(reply)
            rule.started.append((replies.latest, rule.answers.asks_again(reply)))

        replies = _Timed(rule.answers.prepare, start, after=PROVISIONAL_SECONDS, steady=STEADY_SECONDS,
                         wait=rule.answers.wait)
        return replies

    def partial(self, heard: Transcript, seconds: float) -> None:
        for replies in self.inner:
            replies.partial(heard, seconds)

    def feed(self, quiet_for: float, heard_speech: bool, seconds: float, acted: bool) -> None:
        for replies in self.inner:
            replies.feed(quiet_for, heard_speech, seconds, acted)


class _Timed(EarlyReplies[tuple[str, ...]]):
    """``EarlyReplies`` that knows the time of the block it is judging (for ``start`` to note)."""

    latest = 0.0

    def feed(self, quiet_for: float, heard_speech: bool, seconds: float, acted: bool) -> None:
        self.latest = seconds
        super().feed(quiet_for, heard_speech, seconds, acted)


def halves(text: str) -> tuple[str, str]:
    """The sentence split where a caregiver might pause: a comma in its middle third, else its middle word."""
    words = text.split()
    middle = [k for k in range(len(words) // 3, 2 * len(words) // 3 + 1) if 0 < k < len(words)]
    commas = [k for k in middle if words[k - 1].endswith((",", ";", "."))]
    k = commas[0] if commas else max(1, len(words) // 2)
    return " ".join(words[:k]), " ".join(words[k:])


def paused(voice: ra.Voice, text: str, gap: float) -> tuple[ra.Audio, float, float]:
    """The sentence said in two halves with ``gap`` seconds between; the pause's start and end in the audio."""
    first, second = (ra.cached(voice, half) for half in halves(text))
    end = int(speech_span(first)[1] * ra.RATE) + 1
    start = int(speech_span(second)[0] * ra.RATE)
    quiet = np.zeros(int(gap * ra.RATE), dtype=np.float32)
    audio = in_room(np.concatenate([first[:end], quiet, second[start:]]).astype(np.float32))
    pause_start = ROOM_BEFORE_SECONDS + end / ra.RATE
    return audio, pause_start, pause_start + gap


def run(recognizer: Recognizer, assistant: Assistant, audio: ra.Audio, rules: list[tuple[float, float]],
        ) -> tuple[list[Rule], pipeline.Recording]:
    made = [Rule(a, w, EarlyAnswers(assistant, a or None, w or None)) for w, a in rules]
    heard = pipeline.recognize_recording(chunks(audio), recognizer, assistant, lambda _: None,
                                         early=lambda: Fanned(made))
    return made, heard


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--voices", default="piper-joe,espeak-en-us", help="comma-separated voice names (tuned)")
    parser.add_argument("--per-label", type=int, default=4, help="as bench_room.py")
    parser.add_argument("--gaps", default="0.5,0.7,0.9,1.2", help="pauses mid-sentence, seconds")
    parser.add_argument("--rules", default="0,1.0,0.4/1.0,0.6/1.0,0.8/1.0",
                        help="quiet before a reply that only asks again starts (0: never, as before); W/U: W for "
                             "words that may be a whole sentence, U for those that end as none does")
    args = parser.parse_args()
    gaps = [float(g) for g in args.gaps.split(",")]
    rules = [(float(r.split("/")[0]), float(r.split("/")[-1])) for r in args.rules.split(",")]
    lines = ra.sample(args.per_label)
    assistant = Assistant.load()
    assistant.disclaimer_due = False
    recognizer = make_recognizer(argparse.Namespace(lm="room", mix=None, ns=None, front_end=False), assistant)
    names = ", ".join("never (before)" if u == NEVER else f"at {w:.1f} s / {u:.1f} s" for w, u in rules)
    print(f"{len(lines)} sentences said in two halves; a reply that only asks again: {names}")
    print("| voice | pause s | split turns | cut in: " + " | ".join(
        "never" if u == NEVER else f"ask again at {w:.1f} / {u:.1f} s (of which asks again)" for w, u in rules) + " |")
    print("|---|---|---|" + "---|" * len(rules))
    for voice in (v for v in ra.voices() if v.name in args.voices.split(",")):
        for gap in gaps:
            cut = [0] * len(rules)
            asks = [0] * len(rules)
            split = 0
            for line in lines:
                audio, start, end = paused(voice, line.text, gap)
                made, heard = run(recognizer, assistant, audio, rules)
                split += any(start < p.audio_seconds < end for p in heard.parts[:-1])
                for k, rule in enumerate(made):
                    inside = [asked for at, asked in rule.started if start < at < end]
                    cut[k] += bool(inside)
                    asks[k] += any(inside)
            cells = " | ".join(f"{c}/{len(lines)}" + (f" ({a})" if r[1] != NEVER else "")
                               for c, a, r in zip(cut, asks, rules, strict=True))
            print(f"| {voice.name}{'' if voice.tuned else ' (held out)'} | {gap:.1f} | {split}/{len(lines)} | {cells} |",
                  flush=True)


if __name__ == "__main__":
    sys.path.insert(0, str(Path(__file__).parent))
    main()
