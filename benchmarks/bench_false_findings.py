"""False findings bench: noise alone and ordinary talk, through the live path; no sign is said, so every finding is false.

Noise alone: 10 s clips of pink noise, babble (four other voices), a
television stand-in (one voice band-limited to a TV speaker, with music
under it) and a crying-child stand-in, the last two made with sox. Ordinary
talk: everyday kitchen sentences with no sign in them
(``data/ordinary_talk.txt``), in every bench voice, clean and with pink
and babble at 10 dB. Each recording is streamed in 0.1 s blocks through
``pipeline.recognize_recording`` (turns by loudness, a fresh recogniser per
turn, early emergencies on partial results) and answered as ``voicecare
triage --audio`` answers it. Printed per source: recordings, turns started,
recordings with a finding, recordings ending in 911 (and how many of those
rested on a partial acted on early), CPU x real time. Held-out voices are
pooled apart from tuned ones.
Run: .venv/bin/python benchmarks/bench_false_findings.py [--voices A,B] [--sentences N] [--clips N] [--no-noise]
[--no-talk] [--rooms clean,pink,babble] [--lm intents|room|mixed] [--noisy-ns N]
[--noise-floor F] [--vad energy|silero|webrtc] [--show] (--show prints tuned voices' readings only)
[--show-tv] (per television clip, the corpus line its talker says: words of held-out lines never printed)
[--tv-says 'SENTENCE|SENTENCE'] (a television saying chosen sentences: is a TV's emergency taken as the caregiver's?)
"""

from __future__ import annotations

import argparse
import subprocess
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import numpy as np
import room_audio as ra
from bench_room import chunks, in_room, make_recognizer, noisy_front_recognizer

from voicecare.domain import Level
from voicecare.interfaces import Recognizer
from voicecare.speech_in import confidence, lm, pipeline, stt
from voicecare.speech_in.vad import DEFAULT_VAD, VADS
from voicecare.understanding.assistant import Assistant

TALK = Path(__file__).parent / "data" / "ordinary_talk.txt"
HELD_OUT_TEXT = ("commonwealth",)
"""Corpus files whose lines are held out: a television saying one is counted, its words never printed."""
CLIP_SECONDS = 10.0
CLIP_RMS = 0.1
"""Noise alone at a level a voice near the device has: loud enough to start turns."""


@dataclass(frozen=True)
class Outcome:
    turns: int
    found: bool
    emergency: bool
    early: bool
    """The 911 came from a partial result acted on early."""
    audio_s: float
    cpu_s: float
    reading: str
    findings: tuple[str, ...] = ()
    """The ids of the present signs of the answer."""


VAD = DEFAULT_VAD
"""What tells speech from the room (``--vad``)."""


def run(recognizer: Recognizer, assistant: Assistant, audio: ra.Audio) -> Outcome:
    began = time.process_time()
    heard = pipeline.recognize_recording(chunks(audio), recognizer, assistant, lambda _: None, vad=VAD)
    result = pipeline.answer_recording(assistant, heard)
    cpu = time.process_time() - began
    return Outcome(len(heard.parts), bool(result.present), result.disposition is Level.EMERGENCY,
                   heard.emergency_at is not None, len(audio) / ra.RATE, cpu, heard.transcript.text,
                   tuple(f.symptom.id for f in result.present))


def _sox(args: list[str], seconds: float) -> ra.Audio:
    with tempfile.TemporaryDirectory() as folder:
        out = Path(folder) / "out.wav"
        subprocess.run(["sox", "-n", "-r", str(ra.RATE), "-c", "1", "-b", "16", str(out), "synth", f"{seconds}",
                        *args], check=True, capture_output=True)
        return ra._from_wav(out.read_bytes())


def sox_child(length: int, rng: np.random.Generator) -> ra.Audio:
    """A crying-child stand-in made with sox: wails (a sawtooth gliding 380-650 Hz, pulsing) and sobs between."""
    seconds = length / ra.RATE
    parts = []
    while sum(len(p) for p in parts) < length:
        wail = float(rng.uniform(0.7, 1.5))
        low, high = int(rng.uniform(360, 420)), int(rng.uniform(560, 680))
        parts.append(_sox(["sawtooth", f"{low}-{high}", "tremolo", f"{rng.uniform(4, 8):.1f}", "60",
                           "lowpass", "3500", "fade", "q", "0.1", f"{wail}", "0.2"], wail))
        parts.append(np.zeros(int(rng.uniform(0.15, 0.4) * ra.RATE), dtype=np.float32))
    del seconds
    return np.concatenate(parts)[:length].astype(np.float32)


def sox_tv(length: int, rng: np.random.Generator, talkers: list[ra.Audio], picked: list[int] | None = None
           ) -> ra.Audio:
    """A television stand-in: one talker through a small speaker's band (sox sinc 300-3400 Hz) over music.

    ``picked`` gets the talker's index (which corpus line the television says, looped to the clip's length)."""
    pick = int(rng.integers(len(talkers)))
    if picked is not None:
        picked.append(pick)
    voice = np.resize(np.roll(talkers[pick], -int(rng.integers(ra.RATE))), length)
    with tempfile.TemporaryDirectory() as folder:
        src, dst = Path(folder) / "in.wav", Path(folder) / "out.wav"
        ra.write_wav(src, voice)
        subprocess.run(["sox", str(src), str(dst), "sinc", "300-3400", "compand", "0.02,0.2", "-60,-40,-30,-15,0,-8"],
                       check=True, capture_output=True)
        band = ra._from_wav(dst.read_bytes())[:length]
    chord = _sox(["pluck", "C3", "pluck", "E3", "pluck", "G3", "remix", "-", "tremolo", "0.5", "40"], length / ra.RATE)
    music = np.resize(chord, length)
    return (band / max(1e-6, float(np.sqrt(np.mean(band**2)))) + 0.3 * music / max(1e-6, float(np.sqrt(np.mean(music**2))))
            ).astype(np.float32)


def show_tv(assistant: Assistant, said: list[ra.Line], outs: list[Outcome]) -> None:
    """Per television clip: the corpus line its talker says (words printed only for tuning files), its label and
    what voicecare makes of it typed, against what was heard: is a 911 the talker's own emergency, or invented?"""
    for line_, out in zip(said, outs, strict=True):
        typed = assistant.answer(line_.text)
        words = "(held-out line: words not shown)" if line_.ident.split(":")[0] in HELD_OUT_TEXT else repr(line_.text)
        ids = sorted(f.symptom.id for f in typed.present)
        heard = ("(held out)" if line_.ident.split(":")[0] in HELD_OUT_TEXT else repr(out.reading))
        print(f"    TV says {line_.ident} [{line_.expected}] typed={typed.disposition.name.lower()} {ids} {words}\n"
              f"      heard: {heard} found={out.found} 911={out.emergency} early={out.early} findings={out.findings}")


def tv_saying(recognizer: Recognizer, assistant: Assistant, texts: list[str]) -> None:
    """A television whose talker (piper joe) says each of ``texts``: does voicecare take a TV's words as the caregiver's?
    Nothing in the audio path tells a loudspeaker's voice from a person's, so a TV saying an emergency is expected
    to be one; this measures it."""
    joe = next(v for v in ra.voices() if v.name == "piper-joe")
    rng = np.random.default_rng(ra.SEED)
    n = int(CLIP_SECONDS * ra.RATE)
    for text in texts:
        audio = sox_tv(n, rng, [ra.cached(joe, text)])
        audio = (audio * CLIP_RMS / max(1e-6, float(np.sqrt(np.mean(audio**2))))).astype(np.float32)
        out = run(recognizer, assistant, audio)
        typed = assistant.answer(text).disposition.name.lower()
        print(f"    TV says {text!r} (typed: {typed}) -> 911={out.emergency} early={out.early} "
              f"findings={out.findings} heard={out.reading!r}", flush=True)


def line(name: str, outs: list[Outcome]) -> str:
    n = len(outs)
    rtf = sum(o.cpu_s for o in outs) / max(1e-9, sum(o.audio_s for o in outs))
    ems = [o for o in outs if o.emergency]
    return (f"| {name} | {n} | {sum(o.turns for o in outs)} | {sum(o.found for o in outs)}/{n} | {len(ems)}/{n} "
            f"| {sum(o.early for o in ems)} | {rtf:.2f} |")


HEADER = ("| source | recordings | turns started | with a finding | 911 | 911 from an early partial | CPU xRT |\n"
          + "|---" * 7 + "|")


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--voices", help="comma-separated voice names (default all)")
    parser.add_argument("--sentences", type=int, default=12, help="ordinary sentences per voice and room")
    parser.add_argument("--clips", type=int, default=6, help="noise-alone clips per kind")
    parser.add_argument("--rooms", default="clean,pink,babble", help="rooms for ordinary talk (clean, pink, babble)")
    parser.add_argument("--no-noise", action="store_true")
    parser.add_argument("--no-talk", action="store_true")
    parser.add_argument("--show", action="store_true", help="print tuned voices' readings that gave a finding")
    parser.add_argument("--show-tv", action="store_true",
                        help="per television clip: the corpus line its talker says and what was heard")
    parser.add_argument("--tv-says", help="'|'-separated sentences a television says (piper joe), each a 10 s clip")
    parser.add_argument("--label", default="")
    parser.add_argument("--vad", choices=VADS, default=DEFAULT_VAD,
                        help="what tells speech from the room (voicecare --vad): energy, silero or webrtc")
    parser.add_argument("--noisy-ns", type=int,
                        help="WebRTC noise suppression (0-4, gain to -3 dBFS) for a turn begun in a noisy room only")
    parser.add_argument("--lm", choices=("intents", "room", "mixed"), default="intents",
                        help="intents: the intents' model alone (as before); room: voicecare's default (the quiet "
                             "room's mixture with general English where a turn starts quiet); mixed: the mixture in "
                             "every room (as voicecare --general-english)")
    parser.add_argument("--noise-floor", type=float, help="confidence.NOISY_NOT_HEARD for this run (0: the rule off)")
    args = parser.parse_args()
    global VAD
    VAD = args.vad
    if args.noise_floor is not None:
        confidence.NOISY_NOT_HEARD = args.noise_floor
    assistant = Assistant.load()
    assistant.disclaimer_due = False
    if args.noisy_ns is not None and args.lm != "intents":
        recognizer = noisy_front_recognizer(args.lm, args.noisy_ns, 3, assistant)
    elif args.lm != "intents":
        recognizer = make_recognizer(argparse.Namespace(lm=args.lm, mix=None, ns=None, front_end=False), assistant)
    else:
        recognizer = stt.SphinxRecognizer.load(lm.build(assistant.intents, stt.sphinx_words(), ra.CACHE / "lm"))
    said = ra.spare_sample(ra.sample(6), 12) * 2
    talkers = [ra.cached(v, t.text) for v, t in zip(ra.voices(), said, strict=False)]
    print(f"{args.label} false findings: {recognizer.description}; turns by {VAD}")
    print(HEADER)
    if not args.no_noise:
        rng = np.random.default_rng(ra.SEED)
        n = int(CLIP_SECONDS * ra.RATE)
        kinds: dict[str, Callable[[], ra.Audio]] = {
            "pink": lambda: ra.pink(n, rng), "babble": lambda: ra.babble(n, rng, talkers),
            "TV (sox)": lambda: sox_tv(n, rng, talkers, picked), "crying child (sox)": lambda: sox_child(n, rng)}
        picked: list[int] = []
        for name, make in kinds.items():
            outs = []
            for _ in range(args.clips):
                audio = make()
                audio = (audio * CLIP_RMS / max(1e-6, float(np.sqrt(np.mean(audio**2))))).astype(np.float32)
                outs.append(run(recognizer, assistant, audio))
            print(line(f"noise alone: {name}", outs), flush=True)
            if name.startswith("TV") and args.show_tv:
                show_tv(assistant, [said[i] for i in picked], outs)
    if args.tv_says:
        tv_saying(recognizer, assistant, args.tv_says.split("|"))
    if args.no_talk:
        return
    sentences = [s for s in TALK.read_text(encoding="utf-8").splitlines() if s and not s.startswith("#")]
    sentences = sentences[:args.sentences]
    voices = [v for v in ra.voices() if not args.voices or v.name in args.voices.split(",")]
    rooms: dict[str, Callable[[ra.Audio, np.random.Generator], ra.Audio]] = {
        "clean": lambda a, rng: a, "pink": lambda a, rng: ra.mix(a, ra.pink(len(a), rng), 10),
        "babble": lambda a, rng: ra.mix(a, ra.babble(len(a), rng, talkers), 10)}
    pooled: dict[bool, list[Outcome]] = {True: [], False: []}
    for voice in voices:
        clean = [in_room(ra.cached(voice, s)) for s in sentences]
        for room in args.rooms.split(","):
            rng = np.random.default_rng(ra.SEED)
            outs = [run(recognizer, assistant, rooms[room](a, rng)) for a in clean]
            pooled[voice.tuned] += outs
            mark = "" if voice.tuned else " (held out)"
            print(line(f"talk: {voice.name}{mark}, {room}{' 10 dB' if room != 'clean' else ''}", outs), flush=True)
            if args.show and voice.tuned:
                for s, o in zip(sentences, outs, strict=True):
                    if o.found:
                        print(f"    {s!r} -> {o.reading!r}{' 911' if o.emergency else ''}")
    for tuned, outs in pooled.items():
        if outs:
            print(line(f"talk: all {'tuned' if tuned else 'held-out'} voices", outs))


if __name__ == "__main__":
    main()
