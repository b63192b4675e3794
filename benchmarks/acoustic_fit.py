"""Does the acoustic fit of an emergency sign's words tell a sign said in noise from one the language model forced?

Not part of the product: evidence for #10. The lattice posterior did not part
them (rounds speech9, speech13, speech16): with the intents' model the search
puts all its weight through forced words. The acoustic score does not come
from the language model: PocketSphinx scores each frame against the best
senone of that frame, so a word's acoustic score per frame says how far its
sounds are from the best the acoustic model could hear there. A word forced
by the language model onto noise or other words should fit worse than the
turn's other words. Measured here per emergency sign of the best reading: its
words' acoustic score per frame (natural log), and the same less the median
of the turn's words (``relative``; a noisy turn fits worse everywhere).

Each bench sentence (``room_audio.sample``) in pink and babble at 10 dB, read
whole by the intents' model (the model a noisy turn gets; one utterance, no
turn-taking). A sign is "said" when the typed line has it too, "invented"
otherwise. Held-out voices: counts and figures only, no words.

Run: .venv/bin/python benchmarks/acoustic_fit.py --voices piper-joe,flite-slt --out FILE.jsonl
     .venv/bin/python benchmarks/acoustic_fit.py --summary FILE.jsonl [FILE.jsonl...]
"""

from __future__ import annotations

import argparse
import json
import math
import statistics
from pathlib import Path
from typing import Any

import bench_room as br
import numpy as np
import room_audio as ra

from voicecare.domain import Level, Status
from voicecare.speech_in import lm, stt
from voicecare.understanding.assistant import Assistant

NOISY_ROOMS = ("pink 10 dB", "babble 10 dB")
TINY = 1e-300
"""The wrapper gives a word's acoustic score as a probability; a long, badly fitting word can underflow to 0."""


def decode(args: argparse.Namespace) -> None:
    from pocketsphinx import Decoder

    assistant = Assistant.load()
    model = stt.sphinx_model_dir()
    ours = lm.build(assistant.intents, stt.sphinx_words(), ra.CACHE / "lm")
    decoder = Decoder(hmm=str(model / "en-us"), lm=str(ours), dict=str(model / "cmudict-en-us.dict"),
                      samprate=ra.RATE, loglevel="FATAL")
    lines = ra.sample(args.per_label)
    talkers = [ra.cached(v, t) for v, t in zip(ra.voices(), ra.spare_lines(lines, 12) * 2, strict=False)]
    typed = {line.ident: sorted(f.symptom.id for f in assistant.answer(line.text).present) for line in lines}
    with Path(args.out).open("a", encoding="utf-8") as sink:
        for voice in [v for v in ra.voices() if v.name in args.voices.split(",")]:
            clean = [br.in_room(ra.cached(voice, line.text)) for line in lines]
            for room, make in br.rooms(False, talkers):
                if room not in NOISY_ROOMS:
                    continue
                rng = np.random.default_rng(ra.SEED)  # the same noise as bench_room and speech_readings
                for line, noisy in zip(lines, [make(a, rng) for a in clean], strict=True):
                    decoder.start_utt()
                    decoder.process_raw(ra.to_pcm(noisy), False, True)
                    decoder.end_utt()
                    words = [(s.word.split("(")[0], s.start_frame, s.end_frame, math.log(max(s.ascore, TINY)))
                             for s in decoder.seg() if not s.word.startswith(("<", "["))]
                    sink.write(json.dumps({"voice": voice.name, "tuned": voice.tuned, "room": room,
                                           "ident": line.ident, "expected": line.expected, "typed": typed[line.ident],
                                           "words": words}) + "\n")
                    sink.flush()
            print(f"{voice.name} done", flush=True)


def signs(assistant: Assistant, record: dict[str, Any]) -> list[tuple[str, float, float, str]]:
    """(said or invented, score per frame, relative to the turn, words) per emergency sign of the best reading."""
    words = record["words"]
    if not words:
        return []
    tokens = assistant.intents.language.tokens
    text = " ".join(w[0] for w in words)
    placed = [w for w in words for _ in tokens(w[0])]
    if len(placed) != len(list(tokens(text))):
        return []
    turn = statistics.median(w[3] / (w[2] - w[1] + 1) for w in words)
    found = []
    for match in assistant.matcher.match(text):
        if match.status is not Status.PRESENT or assistant.intents.symptom(match.symptom).level is not Level.EMERGENCY:
            continue
        span = list({(w[1], w[2]): w for w in placed[match.start:match.end]}.values())
        frames = sum(w[2] - w[1] + 1 for w in span)
        fit = sum(w[3] for w in span) / frames
        kind = "said" if match.symptom in record["typed"] else "invented"
        found.append((kind, fit, fit - turn, " ".join(w[0] for w in span)))
    return found


def summary(paths: list[str]) -> None:
    assistant = Assistant.load()
    groups: dict[tuple[str, str], list[tuple[float, float, str]]] = {}
    for path in paths:
        for raw in Path(path).read_text(encoding="utf-8").splitlines():
            record = json.loads(raw)
            group = "tuned" if record["tuned"] else "held out"
            for kind, fit, relative, said in signs(assistant, record):
                groups.setdefault((group, kind), []).append((fit, relative, said if record["tuned"] else ""))
    print("| voices | sign | signs | fit per frame, min / median / max | relative to the turn, min / median / max |\n"
          "|---|---|---|---|---|")
    for (group, kind), rows in sorted(groups.items()):
        fits, rel = sorted(r[0] for r in rows), sorted(r[1] for r in rows)
        print(f"| {group} | {kind} | {len(rows)} | {fits[0]:.2f} / {statistics.median(fits):.2f} / {fits[-1]:.2f} "
              f"| {rel[0]:.2f} / {statistics.median(rel):.2f} / {rel[-1]:.2f} |")
    print("\nA cut dropping a sign whose words fit worse than CUT (relative to the turn):\n"
          "| cut | tuned: invented dropped | tuned: said dropped | held out: invented dropped | held out: said dropped |\n"
          "|---|---|---|---|---|")
    for cut in (-1.5, -1.0, -0.8, -0.6, -0.4, -0.2, 0.0):
        cells = [f"{sum(r[1] < cut for r in groups.get((g, k), []))}/{len(groups.get((g, k), []))}"
                 for g in ("tuned", "held out") for k in ("invented", "said")]
        print(f"| {cut} | {' | '.join(cells)} |")
    tuned_invented = sorted(groups.get(("tuned", "invented"), []))
    print("\nTuned voices' invented signs, worst fit first:", "; ".join(f"{r[2]!r} {r[1]:.2f}" for r in tuned_invented))


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--voices", default="piper-joe,flite-slt")
    parser.add_argument("--per-label", type=int, default=6)
    parser.add_argument("--out", default=str(ra.CACHE / "readings" / "acoustic_fit.jsonl"))
    parser.add_argument("--summary", nargs="+", help="figures of these JSON-lines files")
    args = parser.parse_args()
    if args.summary:
        summary(args.summary)
    else:
        decode(args)


if __name__ == "__main__":
    main()
