"""A television in the room: its talk alone, and caregivers' lines said over it; false 911 and recall, with and
without the loudspeaker guard (``loudspeaker.py``; left off in voicecare: see there), answered both ways from one decoding.

The television is ``bench_false_findings.sox_tv`` (one talker band-passed to a small speaker's band, compressed,
music under it), on from the recording's first sample. Alone: 10 s clips at a voice's level near the device.
Under a caregiver: the bench's lines (``room_audio.sample``) said by each voice, the television 10 dB under the
voice (``--snr``). Each recording goes through the live path's turns and recogniser (``pipeline.recognize`` per
utterance, as ``recognize_recording``); "guarded" leaves out the turns whose audio sounds like a loudspeaker.
Printed per source: recordings, ending in 911 without / with the guard, emergencies caught without / with, and
turns judged loudspeaker; held-out voices are counted, their lines' words never printed.
Run: .venv/bin/python benchmarks/bench_tv.py [--voices piper-joe,espeak-en-us] [--per-label 3] [--clips 6]
[--lm room|intents|mixed] [--noisy-ns N --agc N]
"""

from __future__ import annotations

import argparse
import sys
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import loudspeaker
import numpy as np
import room_audio as ra
from bench_false_findings import CLIP_RMS, CLIP_SECONDS, sox_tv
from bench_room import chunks, in_room, make_recognizer, noisy_front_recognizer

from voicecare.domain import Level
from voicecare.interfaces import Recognizer
from voicecare.speech_in import pipeline
from voicecare.speech_in.audio import AudioChunk
from voicecare.speech_in.turns import Endpointer, Utterance, utterances
from voicecare.understanding.assistant import Assistant


@dataclass(frozen=True)
class Outcome:
    emergency: bool
    guarded_emergency: bool
    turns: int
    loudspeaker_turns: int
    audio_s: float
    cpu_s: float


def _kept(utterance: Utterance, into: list[bytes]) -> Utterance:
    def tee() -> Iterator[AudioChunk]:
        for chunk in utterance:
            into.append(chunk.pcm)
            yield chunk

    return Utterance(tee(), utterance.room)


def heard(recognizer: Recognizer, assistant: Assistant, audio: ra.Audio) -> Outcome:
    """As ``pipeline.recognize_recording``, keeping each turn's audio for the guard."""
    began = time.process_time()
    parts, loud = [], []
    for utterance in utterances(chunks(audio)):
        pcm: list[bytes] = []
        parts.append(pipeline.recognize(_kept(utterance, pcm), recognizer, assistant, lambda _: None,
                                        endpoint=Endpointer()))
        loud.append(loudspeaker.sounds_like_loudspeaker(b"".join(pcm), ra.RATE))
    end = len(audio) / ra.RATE
    plain = pipeline.answer_recording(assistant, pipeline.Recording(tuple(parts), end))
    guarded = pipeline.answer_recording(
        assistant, pipeline.Recording(tuple(p for p, ls in zip(parts, loud, strict=True) if not ls), end))
    return Outcome(plain.disposition is Level.EMERGENCY, guarded.disposition is Level.EMERGENCY, len(parts),
                   sum(loud), end, time.process_time() - began)


def row(name: str, outs: list[Outcome], emergencies: list[bool]) -> str:
    n = len(outs)
    false = [o for o, em in zip(outs, emergencies, strict=True) if not em]
    true = [o for o, em in zip(outs, emergencies, strict=True) if em]
    rtf = sum(o.cpu_s for o in outs) / max(1e-9, sum(o.audio_s for o in outs))
    return (f"| {name} | {n} | {sum(o.emergency for o in false)}/{len(false)} | "
            f"{sum(o.guarded_emergency for o in false)}/{len(false)} | {sum(o.emergency for o in true)}/{len(true)} | "
            f"{sum(o.guarded_emergency for o in true)}/{len(true)} | {sum(o.loudspeaker_turns for o in outs)}/"
            f"{sum(o.turns for o in outs)} | {rtf:.2f} |")


HEADER = ("| source | recordings | false 911 | false 911 guarded | emergencies caught | caught guarded "
          "| turns judged loudspeaker | CPU xRT |\n" + "|---" * 8 + "|")


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--voices", default="piper-joe,espeak-en-us")
    parser.add_argument("--per-label", type=int, default=3, help="lines per label (emergencies twice)")
    parser.add_argument("--clips", type=int, default=6, help="television-alone clips")
    parser.add_argument("--snr", type=float, default=10.0, help="the voice over the television, dB")
    parser.add_argument("--lm", choices=("intents", "room", "mixed"), default="room")
    parser.add_argument("--noisy-ns", type=int, help="the room-picked front end (with --agc), as speech_readings")
    parser.add_argument("--agc", type=int, default=0)
    args = parser.parse_args()
    assistant = Assistant.load()
    assistant.disclaimer_due = False
    recognizer = (noisy_front_recognizer(args.lm, args.noisy_ns, args.agc, assistant) if args.noisy_ns is not None
                  else make_recognizer(argparse.Namespace(lm=args.lm, mix=None, ns=None, agc=0, front_end=False,
                                                          sphinx=None), assistant))
    lines = ra.sample(args.per_label)
    talkers = [ra.cached(v, t) for v, t in zip(ra.voices(), ra.spare_lines(lines, 12) * 2, strict=False)]
    rng = np.random.default_rng(ra.SEED)
    print(HEADER, flush=True)
    n = int(CLIP_SECONDS * ra.RATE)
    clips = []
    for _ in range(args.clips):
        tv = sox_tv(n, rng, talkers)
        clips.append((tv * CLIP_RMS / max(1e-6, float(np.sqrt(np.mean(tv**2))))).astype(np.float32))
    print(row("television alone", [heard(recognizer, assistant, c) for c in clips], [False] * len(clips)), flush=True)
    for voice in [v for v in ra.voices() if v.name in args.voices.split(",")]:
        outs, ems = [], []
        for line in lines:
            speech = in_room(ra.cached(voice, line.text))
            outs.append(heard(recognizer, assistant, ra.mix(speech, sox_tv(len(speech), rng, talkers), args.snr)))
            ems.append(line.expected == "emergency")
        mark = "" if voice.tuned else " (held out)"
        print(row(f"{voice.name}{mark} over the television at {args.snr:g} dB", outs, ems), flush=True)


if __name__ == "__main__":
    sys.path.insert(0, str(Path(__file__).parent))
    main()
