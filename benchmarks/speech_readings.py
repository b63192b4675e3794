"""Every reading the bench's live path took, per recording, written as JSON lines to study false findings offline.

Runs ``bench_room``'s path (room before and after, turns, early replies and
the early-emergency rule) for the chosen voices and rooms and writes, per
recording: the sampled line's file and label, the disposition got and the
one the typed line gets, and per turn the raw reading (before
``confidence.judged``), the judged one, the alternatives, the word
posteriors, the described reading and the emergency signs a partial acted
on, and (``partials``) each partial result and each reading at a pause as the early-911 rule saw them. ``--show``
prints the readings of false 911s and missed emergencies,
never for lines of held-out text files (their words are not printed).

Run: .venv/bin/python benchmarks/speech_readings.py --voices flite-slt --rooms clean [--lm mixed|room] [--out FILE]
[--noise-floor F] (the noise rule on, at F: each recording is answered with and without it, from one decoding)
(--lm room: the mixture with general English where a turn starts in a quiet room, the intents' model elsewhere)
[--noisy-ns N] (the front end in a noisy room only, picked as the model is)
[--noisy-ns 0 --suppressor speex --speex-db -30] (Speex's suppressor instead of WebRTC's, in a noisy room only)
[--vad energy|silero|webrtc] (what tells speech from the room where turns start and end, as voicecare --vad)
"""

from __future__ import annotations

import argparse
import itertools
import json
import sys
import time
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import bench_room as br
import numpy as np
import room_audio as ra

from voicecare.domain import Status
from voicecare.interfaces import Recognizer, RecognizerStream, Transcript
from voicecare.speech_in import confidence, lm, lmmix, pipeline, stt, stt_sphinx
from voicecare.speech_in.vad import DEFAULT_VAD, VADS
from voicecare.understanding.assistant import Assistant, most_serious

HELD_OUT_TEXT = ("commonwealth",)
"""Corpus files whose lines are held out: scored only, their words never printed."""


def turn_record(part: pipeline.Heard) -> dict[str, Any]:
    t = part.transcript
    return {"text": t.text, "alternatives": list(t.alternatives), "described": t.described,
            "words": [[w, round(s, 2), round(e, 2)] for w, s, e in t.words],
            "posteriors": [round(p, 3) for p in t.word_confidences],
            "early": [f.symptom.id for f in part.early_findings], "emergency_at": part.emergency_at,
            "room_spread": None if t.room_spread is None else round(t.room_spread, 1)}


class LoggedReplies(br.WatchedReplies):
    """``WatchedReplies`` that keeps what the early-emergency rule saw: each partial's text, and each reading of the
    turn to its end at a pause as the rule takes it (before ``confidence.judged``), so rules for acting on partials
    can be replayed offline on one decoding (``speech_classes.py --hold``)."""

    log: list[tuple[str, float, str]]

    def partial(self, heard: Transcript, seconds: float) -> None:
        if not hasattr(self, "log"):
            self.log = []
        raw = self.timed.raws[-1] if heard.final and self.timed is not None and self.timed.raws else heard.text
        self.log.append(("settled" if heard.final else "partial", round(seconds, 2), raw))
        super().partial(heard, seconds)


class RawRecognizer(br.TimedRecognizer):
    """``TimedRecognizer`` that also keeps each reading to the end before it is judged (its text in ``raws``, the
    whole transcript in ``whole``: at each pause and at the turn's end)."""

    def __init__(self, inner: Recognizer) -> None:
        super().__init__(inner)
        self.raws: list[str] = []
        self.whole: list[Transcript] = []

    def stream(self, grammar: Sequence[str] | None = None, expect: Any = None) -> RecognizerStream:
        return _RawStream(self.inner.stream(grammar, expect), self.finishes, self.raws, self.whole)


class _RawStream(br._TimedStream):
    def __init__(self, inner: RecognizerStream, finishes: list[float], raws: list[str],
                 whole: list[Transcript]) -> None:
        super().__init__(inner, finishes)
        self.raws = raws
        self.whole = whole

    def finish(self) -> Transcript:
        final = super().finish()
        self.raws.append(final.text)
        self.whole.append(final)
        return final


CANDIDATE_FLOOR = 0.2
"""Emergency signs not heard in noise are logged up to this support, so ``--summary`` can weigh other floors."""


def noise_rule(assistant: Assistant, turns: Sequence[Sequence[Transcript]], early: Sequence[Sequence[Any]],
               got: str) -> dict[str, Any]:
    """What ``confidence.NOISY_NOT_HEARD`` did to one recording, from the same decoding: the signs it would drop in
    each reading (pause or final) up to ``CANDIDATE_FLOOR``, and the disposition without the rule ("before").

    Without the rule a reading at a pause is settled on as heard (an emergency there is a 911), and the turn's
    final reading is judged with the floor at 0.
    """
    dropped = [[[sid, round(sup, 3)] for sid, sup in confidence.unheard_in_noise(assistant, t, CANDIDATE_FLOOR)]
               for readings in turns for t in readings]
    fired = [[sid for sid, sup in confidence.unheard_in_noise(assistant, t)] for readings in turns for t in readings]
    if not any(fired):
        return {"dropped": dropped, "before": got}
    paused = any(pipeline.emergencies_in(list(pipeline._said(pipeline.emergencies(assistant, t.text)).values()),
                                         assistant)
                 for readings in turns for t in readings[:-1] if confidence.unheard_in_noise(assistant, t))
    finals = [confidence.judged(assistant, readings[-1], 0.0) for readings in turns if readings]
    found = [pipeline.heard_findings(assistant, t, e) for t, e in zip(finals, early, strict=False)]
    before = assistant.triage(most_serious(found)).disposition.name.lower()
    return {"dropped": dropped, "before": "emergency" if paused else before}


def make_recognizer(args: argparse.Namespace, assistant: Assistant) -> Recognizer:
    """As bench_room's; ``--lm room``: the intents' model, and its mixture with general English in a quiet room.
    ``--noisy-ns``: WebRTC's cleaning for a turn begun in a noisy room, with voicecare's own models (room or mixed)."""
    if args.noisy_ns is not None:
        return br.noisy_front_recognizer(args.lm, args.noisy_ns, args.agc, assistant, args.suppressor, args.speex_db)
    if args.lm != "room":
        return br.make_recognizer(argparse.Namespace(lm=args.lm, mix=args.mix, ns=args.ns, agc=args.agc,
                                                     front_end=False, sphinx=None), assistant)
    cache = ra.CACHE / "lm"
    ours = lm.build(assistant.intents, stt.sphinx_words(), cache)
    words, weight, floor = (args.mix or f"{lmmix.GENERAL_WORDS},{lmmix.INTENT_WEIGHT},{lmmix.GENERAL_FLOOR}").split(",")
    mixed = lmmix.build(ours, stt.sphinx_model_dir() / "en-us.lm.bin", cache, int(words), float(weight), float(floor))
    return stt.SphinxRecognizer.load(ours, quiet_language=mixed)


def run(args: argparse.Namespace) -> None:
    lines = ra.sample(args.per_label)
    voices = [v for v in ra.voices() if not args.voices or v.name in args.voices.split(",")]
    talkers = [ra.cached(v, t) for v, t in zip(ra.voices(), ra.spare_lines(lines, 12) * 2, strict=False)]
    assistant = Assistant.load()
    assistant.disclaimer_due = False
    if args.keep_respellings:
        # The readings as before stt_sphinx.heard_apart, so both can be answered from one decoding (see --summary).
        stt_sphinx.heard_apart = lambda best, readings, pronounce: list(readings)
    logged = RawRecognizer(make_recognizer(args, assistant))
    out = Path(args.out)
    out.parent.mkdir(parents=True, exist_ok=True)
    with out.open("a", encoding="utf-8") as sink:
        for voice in voices:
            clean = [br.in_room(ra.cached(voice, line.text)) for line in lines]
            for room, make in br.rooms(True, talkers):
                if room not in args.rooms.split(","):
                    continue
                rng = np.random.default_rng(ra.SEED)
                mixed = [make(a, rng) for a in clean]
                cpu_start = time.process_time()
                for line, noisy in zip(lines, mixed, strict=True):
                    early = br.EarlyAnswers(assistant)
                    made: list[LoggedReplies] = []
                    starts: list[int] = []

                    def replies(early: br.EarlyAnswers = early, made: list[LoggedReplies] = made,
                                starts: list[int] = starts) -> LoggedReplies:
                        made.append(LoggedReplies(early.prepare, early.start, after=br.PROVISIONAL_SECONDS,
                                                  steady=br.STEADY_SECONDS, wait=early.wait))
                        made[-1].timed = logged
                        starts.append(len(logged.whole))
                        return made[-1]

                    heard = pipeline.recognize_recording(br.chunks(noisy), logged, assistant, lambda _: None,
                                                         early=replies, vad=args.vad)
                    result = pipeline.answer_recording(assistant, heard)
                    bounds = [*starts, len(logged.whole)]
                    raw_turns = [logged.whole[a:b] for a, b in itertools.pairwise(bounds)]
                    rule = noise_rule(assistant, raw_turns, [p.early_findings for p in heard.parts],
                                      result.disposition.name.lower())
                    typed = assistant.answer(line.text)
                    record = {"label": args.label, "voice": voice.name, "tuned": voice.tuned, "room": room,
                              "ident": line.ident, "expected": line.expected, "typed": typed.disposition.name.lower(),
                              "got": result.disposition.name.lower(),
                              "findings": [[f.symptom.id, f.symptom.level.name.lower(), f.uncertain, f.heard]
                                           for f in result.findings if f.status is Status.PRESENT],
                              "typed_findings": [f.symptom.id for f in typed.present], **rule,
                              "turns": [{**turn_record(p), "partials": getattr(r, "log", [])}
                                        for p, r in zip(heard.parts, made, strict=False)]}
                    sink.write(json.dumps(record) + "\n")
                    sink.flush()
                # CPU seconds of this process (one core) per second of audio: the goal is < 0.3.
                cpu_rtf = (time.process_time() - cpu_start) / (sum(len(a) for a in mixed) / ra.RATE)
                print(f"{voice.name} {room} done: {cpu_rtf:.3f} x real time (CPU, one core)", flush=True)


def show(path: Path) -> None:
    """The readings behind false 911s and missed emergencies (lines of held-out text files: counted, not shown)."""
    hidden = 0
    for raw in path.read_text(encoding="utf-8").splitlines():
        r = json.loads(raw)
        false911 = r["got"] == "emergency" and r["expected"] != "emergency"
        missed = r["expected"] == "emergency" and r["got"] != "emergency"
        if not (false911 or missed):
            continue
        if r["ident"].split(":")[0] in HELD_OUT_TEXT:
            hidden += 1
            continue
        print(f"{'FALSE' if false911 else 'MISS '} {r['voice']} {r['room']} {r['ident']} exp={r['expected']} "
              f"typed={r['typed']} got={r['got']} findings={r['findings']} typed_f={r['typed_findings']}")
        for t in r["turns"]:
            words = " ".join(f"{w}:{p:.2f}" for (w, _, _), p in zip(t["words"], t["posteriors"], strict=False))
            print(f"    best: {t['text']!r}\n    post: {words}\n    alts: {t['alternatives']}  early={t['early']}")
    print(f"({hidden} from held-out text files not shown)")


def summary(paths: list[Path]) -> None:
    """Per run label, voice and room: exact, emergency recall, false 911, invented findings (counts)."""
    cells: dict[tuple[str, str, str], list[dict[str, Any]]] = {}
    for path in paths:
        for raw in path.read_text(encoding="utf-8").splitlines():
            r = json.loads(raw)
            cells.setdefault((r["label"], r["voice"], r["room"]), []).append(r)
    print("| run | voice | room | exact | em. recall | false 911 | invented | without the noise rule |\n"
          + "|---" * 8 + "|")
    for (label, voice, room), rs in sorted(cells.items(), key=lambda kv: (kv[0][1], kv[0][2], kv[0][0])):
        em = [r for r in rs if r["expected"] == "emergency"]
        other = [r for r in rs if r["expected"] != "emergency"]
        invented = sum(any(f[0] not in r["typed_findings"] for f in r["findings"]) for r in rs)
        before = "" if not all("before" in r for r in rs) else _figures(rs, em, other, "before")
        print(f"| {label} | {voice} | {room} | {_figures(rs, em, other, 'got')} | {invented}/{len(rs)} | {before} |")
    floors(paths)


def _figures(rs: list[dict[str, Any]], em: list[dict[str, Any]], other: list[dict[str, Any]], key: str) -> str:
    exact = sum(r[key] == r["expected"] for r in rs)
    caught = sum(r[key] == "emergency" for r in em)
    false = sum(r[key] == "emergency" for r in other)
    return f"{exact}/{len(rs)} | {caught}/{len(em)} | {false}/{len(other)}"


def floors(paths: list[Path]) -> None:
    """Per voice and room, the emergency signs ``confidence.NOISY_NOT_HEARD`` would drop at other floors (counts of
    recordings with one, by what they are: a false 911 or a true emergency; a drop changes the answer only when no
    other sign makes it an emergency)."""
    cells: dict[tuple[str, str], list[float]] = {}
    for path in paths:
        for raw in path.read_text(encoding="utf-8").splitlines():
            r = json.loads(raw)
            lowest = min((sup for reading in r.get("dropped", []) for _, sup in reading), default=None)
            if lowest is not None:
                kind = "true" if r["expected"] == "emergency" else "false"
                cells.setdefault((f"{r['voice']} {r['room']}", kind), []).append(lowest)
    for (cell, kind), lows in sorted(cells.items()):
        counts = ", ".join(f"<{f}: {sum(low < f for low in lows)}" for f in (0.02, 0.05, 0.1, 0.2))
        print(f"{cell}: {kind} emergencies with a sign droppable {counts}")


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--voices", default="")
    parser.add_argument("--rooms", default="clean")
    parser.add_argument("--per-label", type=int, default=6)
    parser.add_argument("--lm", choices=("intents", "mixed", "room"), default="room")
    parser.add_argument("--mix", help="WORDS,WEIGHT,FLOOR (see lmmix.py)")
    parser.add_argument("--ns", type=int, help="--lm intents: behind WebRTC noise suppression (0-4) and --agc")
    parser.add_argument("--agc", type=int, default=0, help="with --ns: automatic gain target, dB below full scale")
    parser.add_argument("--noisy-ns", type=int,
                        help="WebRTC noise suppression (0-4, and --agc) for a turn begun in a noisy room only")
    parser.add_argument("--suppressor", choices=("webrtc", "speex"), default="webrtc",
                        help="with --noisy-ns: which library cleans (speex: --speex-db, no gain; --noisy-ns is then ignored)")
    parser.add_argument("--speex-db", type=int, default=-30, help="--suppressor speex: the most a band is attenuated, dB")
    parser.add_argument("--label", default="")
    parser.add_argument("--vad", choices=VADS, default=DEFAULT_VAD,
                        help="what tells speech from the room (voicecare --vad): energy, silero or webrtc")
    parser.add_argument("--keep-respellings", action="store_true",
                        help="keep other readings that only respell the best one (as before stt_sphinx.heard_apart)")
    parser.add_argument("--noise-floor", type=float,
                        help="confidence.NOISY_NOT_HEARD for this run (round speech16 decoded 0.05; the default is 0)")
    parser.add_argument("--out", default=str(ra.CACHE / "readings" / "readings.jsonl"))
    parser.add_argument("--show", help="print false 911s and misses of this JSON-lines file")
    parser.add_argument("--summary", nargs="+", help="figures per run, voice and room of these JSON-lines files")
    args = parser.parse_args()
    if args.summary:
        summary([Path(p) for p in args.summary])
        return
    if args.show:
        show(Path(args.show))
        return
    if args.noise_floor is not None:
        confidence.NOISY_NOT_HEARD = args.noise_floor
    run(args)


if __name__ == "__main__":
    sys.path.insert(0, str(Path(__file__).parent))
    main()
