"""Emergency evidence per turn: what a 911 rested on, for true emergencies and for false ones (other talkers alone).

Not part of the product: it measures whether the evidence a turn carries
for its emergency, combined, tells the caregiver's emergency from one the
recogniser forced out of noise or other people's talk (#10). Per turn whose
readings hold an emergency (a partial acted on early, the final reading, an
n-best alternative), it writes one JSON line with:

- ``post``: the highest lattice posterior of the emergency sign's words (the
  sign's support, as ``confidence.py`` weighs it; 0 when no word of it is in
  the best reading);
- ``sources``: which readings held it (partial, final, alternatives);
- ``loud``: the turn's loudness above the room, dB (75th percentile of its
  0.1 s blocks minus the 10th percentile of every block heard so far);
  ``words_loud``: the same for the blocks where the best reading has the
  emergency sign's words (their median; None when it has none of them);
- ``share``: the share of the best reading's words that are inside a sign;
- ``steady``: of the partials from the first one showing the emergency to the
  turn's end, the share still showing it; ``hold``: the longest run of them.

Recordings: the bench sentences (bench_room's sample) in the chosen voices and
rooms, noise alone (babble, TV, pink, crying child) and ordinary talk. Held-out
voices are only ever scored (``emergency_score.py --apply``), never looked at.
Run: .venv/bin/python benchmarks/emergency_evidence.py --voices piper-joe,espeak-en-us --out FILE.jsonl
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np
import room_audio as ra
from bench_false_findings import CLIP_RMS, CLIP_SECONDS, TALK, sox_child, sox_tv
from bench_room import EarlyAnswers, WatchedReplies, chunks, in_room, rooms

from voicecare.domain import Level, Status
from voicecare.interfaces import Expectation, Recognizer, RecognizerStream, Transcript
from voicecare.speech_in import lm, pipeline, stt
from voicecare.speech_in.audio import AudioChunk, block_rms
from voicecare.speech_in.confidence import _Support
from voicecare.speech_in.early_reply import PROVISIONAL_SECONDS, STEADY_SECONDS
from voicecare.understanding.assistant import Assistant


class _Stream:
    def __init__(self, inner: RecognizerStream, finals: list[Transcript]) -> None:
        self._inner = inner
        self._finals = finals

    def accept(self, pcm: bytes) -> Transcript | None:
        return self._inner.accept(pcm)

    def finish(self) -> Transcript:
        final = self._inner.finish()
        self._finals.append(final)
        return final


class Tracing:
    """The recogniser, noting each stream's raw final reading (before ``confidence.judged``)."""

    def __init__(self, inner: Recognizer) -> None:
        self.inner = inner
        self.name, self.description, self.rate = inner.name, inner.description, inner.rate
        self.concurrent = inner.concurrent
        self.finals: list[Transcript] = []

    def stream(self, grammar: object = None, expect: Expectation | None = None) -> RecognizerStream:
        return _Stream(self.inner.stream(), self.finals)


@dataclass
class Turn:
    first: float = -1.0
    last: float = 0.0
    partials: list[str] = field(default_factory=list)


class TracedReplies(WatchedReplies):
    """Early replies as the live loop makes them, noting every partial the turn showed."""

    seen: list[str]

    def partial(self, transcript: Transcript, seconds: float) -> None:
        if not transcript.final:
            self.seen.append(transcript.text)
        super().partial(transcript, seconds)


def support_of(assistant: Assistant, best: Transcript, text: str) -> float:
    """The highest posterior among the words of ``text``'s emergency signs (0 when none was given)."""
    if not best.word_confidences or len(best.word_confidences) != len(best.words):
        return 0.0
    sure = _Support(assistant, best)
    tokens = list(assistant.intents.language.tokens(text))
    found = 0.0
    for match in assistant.matcher.match(text):
        if match.status is Status.PRESENT and assistant.intents.symptom(match.symptom).level is Level.EMERGENCY:
            found = max(found, sure.support(text, tokens, match.start, match.end) or 0.0)
    return found


def sign_time(assistant: Assistant, best: Transcript, readings: list[str]) -> tuple[float, float] | None:
    """Seconds into the turn where the best reading has the words of the first emergency sign of ``readings``."""
    tokens = assistant.intents.language.tokens
    placed = [(token, start, end) for word, start, end in best.words for token in tokens(word)]
    for text in readings:
        for match in assistant.matcher.match(text):
            if match.status is not Status.PRESENT or assistant.intents.symptom(match.symptom).level is not Level.EMERGENCY:
                continue
            if text == best.text and [t for t, _, _ in placed] == list(tokens(text)):
                times = [(s, e) for _, s, e in placed[match.start:match.end]]
            else:
                sign = set(list(tokens(text))[match.start:match.end])
                times = [(s, e) for t, s, e in placed if t in sign]
            if times:
                return min(s for s, _ in times), max(e for _, e in times)
    return None


def sign_share(assistant: Assistant, text: str) -> float:
    tokens = list(assistant.intents.language.tokens(text))
    inside: set[int] = set()
    for match in assistant.matcher.match(text):
        inside |= set(range(match.start, match.end))
    return len(inside) / len(tokens) if tokens else 0.0


def evidence(assistant: Assistant, heard: pipeline.Heard, raw: Transcript, turn: Turn, levels: list[float],
             cache: dict[str, bool]) -> dict[str, object] | None:
    """The turn's emergency evidence, or None when no reading of it held an emergency."""
    def emergency(text: str) -> bool:
        if text not in cache:
            cache[text] = bool(text) and pipeline.emergencies_in(assistant.understand(text, guess=False), assistant)
        return cache[text]

    sources = []
    if heard.early_findings:
        sources.append("partial")
    if emergency(raw.text):
        sources.append("final")
    if any(emergency(a) for a in raw.alternatives):
        sources.append("alternatives")
    shown = [bool(p) and bool(pipeline.emergencies(assistant, p)) for p in turn.partials]
    if not sources and not any(shown):
        return None
    readings = [t for t in (raw.text, *raw.alternatives) if emergency(t)]
    readings += [p for p, s in zip(turn.partials, shown, strict=True) if s][-1:]
    post = max((support_of(assistant, raw, t) for t in readings), default=0.0)
    first = next((i for i, s in enumerate(shown) if s), None)
    after = shown[first:] if first is not None else []
    hold = run = 0
    for s in shown:
        run = run + 1 if s else 0
        hold = max(hold, run)
    room = float(np.percentile(levels, 10))
    own = [lv for t, lv in zip(_times(levels), levels, strict=True) if turn.first <= t < turn.last] or [room]
    span = sign_time(assistant, raw, readings)
    said = [lv for t, lv in zip(_times(levels), levels, strict=True)
            if span is not None and turn.first + span[0] - 0.05 <= t < turn.first + span[1]]
    words_loud = round(float(np.median(said)) - room, 2) if said else None
    return {"sources": sources, "post": round(post, 3), "loud": round(float(np.percentile(own, 75)) - room, 2),
            "words_loud": words_loud,
            "share": round(sign_share(assistant, raw.text), 3), "steady": round(sum(after) / len(after), 3) if after else 0.0,
            "hold": hold, "text": raw.text}


def _times(levels: list[float]) -> list[float]:
    return [i * 0.1 for i in range(len(levels))]


def run(recognizer: Tracing, assistant: Assistant, audio: ra.Audio, cache: dict[str, bool]) -> dict[str, object]:
    """The recording through the live loop's path, turn by turn, with each turn's emergency evidence."""
    levels: list[float] = []
    turns: list[Turn] = []
    parts: list[pipeline.Heard] = []
    raws: list[Transcript] = []

    def heard(stream: Iterator[AudioChunk]) -> Iterator[AudioChunk]:
        for chunk in stream:
            levels.append(20 * float(np.log10(max(block_rms(chunk)[0], 1e-6))))
            yield chunk

    def within(utterance: pipeline.Utterance, turn: Turn) -> Iterator[AudioChunk]:
        for chunk in utterance:
            turn.first = chunk.start if turn.first < 0 else turn.first
            turn.last = chunk.start + chunk.seconds
            yield chunk

    early = EarlyAnswers(assistant)
    for utterance in pipeline.utterances(heard(chunks(audio))):
        turn = Turn()
        replies = TracedReplies(early.prepare, early.start, after=PROVISIONAL_SECONDS, steady=STEADY_SECONDS,
                                wait=early.wait)
        replies.seen = turn.partials
        recognizer.finals.clear()
        endpoint = pipeline.Endpointer()
        part = pipeline.recognize(pipeline.Utterance(within(utterance, turn), utterance.room), recognizer, assistant,
                                  lambda _: None, endpoint=endpoint, early=replies)
        parts.append(part)
        raws.append(recognizer.finals[-1] if recognizer.finals else part.transcript)
        turns.append(turn)
    result = pipeline.answer_recording(assistant, pipeline.Recording(tuple(parts), len(audio) / ra.RATE))
    found = [e for p, r, t in zip(parts, raws, turns, strict=True)
             if (e := evidence(assistant, p, r, t, levels[:int(t.last * 10) + 1], cache)) is not None]
    return {"got": result.disposition.name.lower(), "turns": found, "early": any(p.emergency_at is not None for p in parts)}


def bench_lines(args: argparse.Namespace) -> Iterator[tuple[dict[str, object], ra.Audio]]:
    lines = ra.sample(args.per_label)
    talkers = [ra.cached(v, t) for v, t in zip(ra.voices(), ra.spare_lines(lines, 12) * 2, strict=False)]
    chosen = [v for v in ra.voices() if v.name in args.voices.split(",")]
    if not args.no_noise:
        rng = np.random.default_rng(ra.SEED)
        n = int(CLIP_SECONDS * ra.RATE)
        kinds = {"babble": lambda: ra.babble(n, rng, talkers), "tv": lambda: sox_tv(n, rng, talkers),
                 "pink": lambda: ra.pink(n, rng), "child": lambda: sox_child(n, rng)}
        for name, make in kinds.items():
            for clip in range(args.clips):
                audio = make()
                audio = (audio * CLIP_RMS / max(1e-6, float(np.sqrt(np.mean(audio**2))))).astype(np.float32)
                yield {"group": "noise", "voice": "-", "room": name, "id": str(clip), "expected": "none"}, audio
    talk = [s for s in TALK.read_text(encoding="utf-8").splitlines() if s and not s.startswith("#")][:args.talk]
    for voice in chosen:
        clean = [in_room(ra.cached(voice, line.text)) for line in lines]
        said = [in_room(ra.cached(voice, s)) for s in talk]
        for room, make in rooms(False, talkers):
            rng = np.random.default_rng(ra.SEED)
            for line, audio in zip(lines, clean, strict=True):
                yield ({"group": "bench", "voice": voice.name, "room": room, "id": line.ident,
                        "expected": line.expected}, make(audio, rng))
            rng = np.random.default_rng(ra.SEED)
            for number, audio in enumerate(said):
                yield ({"group": "talk", "voice": voice.name, "room": room, "id": str(number), "expected": "none"},
                       make(audio, rng))


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--voices", required=True)
    parser.add_argument("--out", type=Path, required=True)
    parser.add_argument("--per-label", type=int, default=6)
    parser.add_argument("--talk", type=int, default=12, help="ordinary sentences per voice and room")
    parser.add_argument("--clips", type=int, default=6)
    parser.add_argument("--no-noise", action="store_true")
    args = parser.parse_args()
    assistant = Assistant.load()
    assistant.disclaimer_due = False
    recognizer = Tracing(stt.SphinxRecognizer.load(lm.build(assistant.intents, stt.sphinx_words(), ra.CACHE / "lm")))
    cache: dict[str, bool] = {}
    with args.out.open("w", encoding="utf-8") as out:
        for row, audio in bench_lines(args):
            row.update(run(recognizer, assistant, audio, cache))
            out.write(json.dumps(row) + "\n")
            out.flush()


if __name__ == "__main__":
    sys.path.insert(0, str(Path(__file__).parent))
    main()
