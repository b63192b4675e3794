"""Wake-phrase bench: how often the kiosk wakes when the phrase is said, and how often when it is not.

Each clip sits in a room (2 s before, 3 s after, the noise over all of it)
and is streamed in 0.1 s blocks through the kiosk's own loop: a
``VoiceSession`` asleep with the language's wake phrase, the default engine
(PocketSphinx with the intents' language model) and the wake listener that
suits it (``speech_in/wake.py``). A clip woke the session when it is awake
afterwards. Said with the phrase: the phrase alone (three ways of writing
it, which the synthesisers say differently), and the phrase followed by a
description. Said without it: descriptions from the tuning corpora
(us_parents, second_language, numbers_questions; never commonwealth.tsv),
and TV-like and household talk, some of it close to the phrase. A line that
is an emergency when typed is left out of the false wakes (an emergency
wakes the session on purpose). And emergencies said without the phrase
(lines of the same corpora labelled emergency), which must wake it.

Voices: the tests' replay voices (tests/replay.py). The keyword search's
settings were chosen on the tuning voices only (``--sweep`` prints the
grid for them); the held-out voices are reported apart and never tuned on.

Figures per voice and room: wake rate for the phrase alone and followed by a
description (and how many of those only the keyword search heard), false
wakes on descriptions and on talk, emergencies that woke it, and the CPU seconds per audio second of
the wake listener alone and of the whole asleep turn (recogniser + listener).

Run: .venv/bin/python benchmarks/bench_wake.py [--sweep] [--voices A,B] [--rooms R] [--threshold T] [--beam B]
"""

from __future__ import annotations

import argparse
import itertools
import random
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass, replace

import numpy as np
import room_audio as ra

from voicecare.conversation.voice import VoiceSession, VoiceSettings
from voicecare.domain import Level
from voicecare.interfaces import Clip, Recognizer, WakeListener, WakeStream, Woken
from voicecare.speech_in import lm, pipeline, stt, wake
from voicecare.speech_in.audio import BLOCK_SECONDS, AudioChunk
from voicecare.speech_out.sinks import NullSink
from voicecare.speech_out.tts import Speaker
from voicecare.understanding.assistant import Assistant

TUNING = ("piper-joe", "flite-rms", "flite-kal", "espeak-en-us")
HELD_OUT = ("flite-slt", "flite-awb", "espeak-en-gb")
ROOM_BEFORE_SECONDS = 2.0
ROOM_AFTER_SECONDS = 3.0
TUNING_CORPORA = ("us_parents.tsv", "second_language.tsv", "numbers_questions.tsv")
DESCRIPTIONS = 16
"""Corpus lines said without the phrase (false wakes)."""
FOLLOWED = 4
"""Corpus lines said after the phrase."""
EMERGENCIES = 10
"""Corpus lines labelled emergency, said without the phrase (they must wake the session)."""
ALONE = ("{p}.", "{P}.", "{P}!")
"""The phrase said alone: "hey voice care.", "Hey, voice care." ({P}: first word capitalised, a comma after it)."""
TALK = (
    "And now the weather for the weekend, with rain moving in from the west by Saturday night.",
    "Stay tuned, after the break we have the best deals on kitchen appliances this year.",
    "The home team scored twice in the last five minutes and the crowd went wild.",
    "Have you seen my keys? I left them by the door when we came in.",
    "Can you pass me the salt and the pepper please?",
    "Hey guys, welcome back to the channel, today we are making pancakes.",
    "Hey boys, be careful on the stairs with those boxes.",
    "Her voice carried all the way across the hall.",
    "Take care of yourself and call me when you get home.",
    "The choice is yours, but the voters will decide in November.",
    "Health care costs are rising again, the report says.",
    "Hey, what do you want for dinner tonight?",
    "We care about your voice, please stay on the line.",
    "He lost his voice after cheering at the game.",
    "Okay Google, set a timer for ten minutes.",
    "Hey Siri, what is the weather like tomorrow?",
    "Daycare closes early on Friday, so I will pick them up at three.",
    "This has been a message from the voice of customer care.",
)
"""TV-like and household talk; some of it sounds like the phrase ("hey boys", "voice carried", "customer care")."""


def voices() -> list[ra.Voice]:
    """The replay voices of tests/replay.py, at its espeak-ng speed."""
    made = {"piper-joe": ra.piper_joe(), "espeak-en-us": ra.espeak("en-us", 150),
            "espeak-en-gb": ra.espeak("en-gb", 150)}
    made |= {f"flite-{v}": ra.flite(v) for v in ("rms", "kal", "slt", "awb")}
    return [ra.Voice(name, name in TUNING, made[name]) for name in (*TUNING, *HELD_OUT)]


def corpus_lines(count: int, seed: int, label: str | None = None) -> list[str]:
    """``count`` lines of the tuning corpora (never the held-out ones), fixed by ``seed``; only ``label``'s if given."""
    lines = []
    for name in TUNING_CORPORA:
        for raw in (ra.CORPUS / name).read_text(encoding="utf-8").splitlines():
            cols = raw.split("\t")
            if (not raw.startswith("#") and len(cols) >= 2 and len(cols[1].split()) <= ra.MAX_WORDS
                    and label in (None, cols[0])):
                lines.append(cols[1])
    return random.Random(seed).sample(sorted(set(lines)), count)


def chunks(audio: ra.Audio) -> Iterator[AudioChunk]:
    step = int(BLOCK_SECONDS * ra.RATE)
    for start in range(0, len(audio), step):
        yield AudioChunk(ra.to_pcm(audio[start:start + step]), ra.RATE, start / ra.RATE)


def in_room(audio: ra.Audio) -> ra.Audio:
    before = np.zeros(int(ROOM_BEFORE_SECONDS * ra.RATE), dtype=np.float32)
    after = np.zeros(int(ROOM_AFTER_SECONDS * ra.RATE), dtype=np.float32)
    return np.concatenate([before, audio, after]).astype(np.float32)


def rooms(talkers: list[ra.Audio]) -> list[tuple[str, Callable[[ra.Audio, np.random.Generator], ra.Audio]]]:
    def talk(n: int, rng: np.random.Generator) -> ra.Audio:
        return ra.babble(n, rng, talkers)

    return [("clean", lambda a, rng: a), ("pink 10 dB", lambda a, rng: ra.mix(a, ra.pink(len(a), rng), 10)),
            ("babble 10 dB", lambda a, rng: ra.mix(a, talk(len(a), rng), 10))]


class Silent:
    """A synthesiser that says nothing: the bench measures waking, not speaking."""

    def synth(self, text: str, rate_wpm: int) -> Clip:
        return Clip(b"", 16_000, text)


@dataclass(frozen=True)
class Deaf:
    """No keyword search (``--text-only``): only the transcript can wake the session, as before wake.py."""

    phrase: str

    def stream(self) -> WakeStream:
        return self

    def accept(self, pcm: bytes) -> Woken | None:
        return None

    def finish(self) -> Woken | None:
        return None


@dataclass
class Counting:
    """The wake listener, counting what it heard and the CPU it used."""

    inner: WakeListener
    heard: int = 0
    cpu: float = 0.0

    @property
    def phrase(self) -> str:
        return self.inner.phrase

    def stream(self) -> WakeStream:
        return _CountingStream(self, self.inner.stream())


class _CountingStream:
    def __init__(self, owner: Counting, inner: WakeStream) -> None:
        self._owner, self._inner = owner, inner

    def accept(self, pcm: bytes) -> Woken | None:
        began = time.process_time()
        try:
            return self._inner.accept(pcm)
        finally:
            self._owner.cpu += time.process_time() - began

    def finish(self) -> Woken | None:
        began = time.process_time()
        woken = self._inner.finish()
        self._owner.cpu += time.process_time() - began
        self._owner.heard += woken is not None
        return woken


@dataclass(frozen=True)
class Clips:
    """What one voice says, in the room."""

    alone: list[ra.Audio]
    followed: list[ra.Audio]
    described: list[ra.Audio]
    talk: list[ra.Audio]
    emergencies: list[ra.Audio]


def said(voice: ra.Voice, phrase: str, followed: list[str], described: list[str], emergencies: list[str]) -> Clips:
    spelled = phrase[:1].upper() + phrase[1:]
    first, _, rest = spelled.partition(" ")
    alone = [form.format(p=phrase, P=f"{first}, {rest}") for form in ALONE]
    return Clips([in_room(ra.cached(voice, t)) for t in alone],
                 [in_room(ra.cached(voice, f"{first}, {rest}. {t}")) for t in followed],
                 [in_room(ra.cached(voice, t)) for t in described],
                 [in_room(ra.cached(voice, t)) for t in TALK],
                 [in_room(ra.cached(voice, t)) for t in emergencies])


def woke(session: VoiceSession, audio: ra.Audio, counting: Counting) -> str:
    """What woke the session: "k" the keyword search, "t" the transcript, "r" a red flag heard; "" nothing."""
    session.reset()
    before = counting.heard
    heard: list[str] = []
    session.on_turn = lambda report: heard.append(report.heard)
    session.take_recording(chunks(audio))
    if not session.awake:
        return ""
    if counting.heard > before:
        return "k"
    tokens = session.assistant.intents.language.tokens
    return "t" if any(wake.said_in(counting.phrase, text, tokens) is not None for text in heard) else "r"


def run(voice: ra.Voice, clips: Clips, room: str, make: Callable[..., ra.Audio], session: VoiceSession,
        counting: Counting) -> str:
    rng = np.random.default_rng(ra.SEED)
    counting.heard, counting.cpu = 0, 0.0
    cpu = time.process_time()
    audio_s = 0.0
    out, marks = [], []
    for group in (clips.alone, clips.followed, clips.described, clips.talk, clips.emergencies):
        mixed = [make(a, rng) for a in group]
        audio_s += sum(len(a) for a in mixed) / ra.RATE
        hits = [woke(session, a, counting) for a in mixed]
        out.append(f"{sum(map(bool, hits))}/{len(hits)} ({hits.count('k')} {hits.count('t')} {hits.count('r')})")
        marks.append("".join(hit or "." for hit in hits))
    total = (time.process_time() - cpu) / audio_s
    mark = "" if voice.tuned else " (held out)"
    return (f"| {voice.name}{mark} | {room} | " + " | ".join(out) + f" | {counting.cpu / audio_s:.3f} | {total:.2f} "
            f"| {' '.join(marks)} |")


HEADER = ("| voice | room | phrase alone | phrase + description | false: descriptions | false: talk "
          "| emergencies woke | wake CPU/audio s | asleep turn CPU/audio s | each clip, by group |\n"
          "(in brackets, what woke the session: the keyword search, the transcript, a red flag heard (no wake phrase))")


def sweep(args: argparse.Namespace, recognizer: Recognizer, assistant: Assistant, phrase: str,
          followed: list[str], described: list[str]) -> None:
    """The keyword search alone on the tuning voices, for a grid of settings: what the threshold was chosen on."""
    grid = itertools.product([float(b) for b in args.beams.split(",")], [float(p) for p in args.plps.split(",")],
                             [float(t) for t in args.thresholds.split(",")])
    talkers = _talkers(described)
    tuning = [v for v in voices() if v.tuned]
    clips = {v.name: said(v, phrase, followed, described, []) for v in tuning}
    print("| beam | plp | threshold | phrase alone | + description | false: descriptions | false: talk |")
    for beam, plp, threshold in grid:
        listener = wake.SphinxWake(phrase, wake.WakeSettings(threshold=threshold, beam=beam, phone_loop=plp))
        counts = [0, 0, 0, 0]
        sizes = [0, 0, 0, 0]
        for voice in tuning:
            for _, make in rooms(talkers):
                rng = np.random.default_rng(ra.SEED)
                c = clips[voice.name]
                for i, group in enumerate((c.alone, c.followed, c.described, c.talk)):
                    for audio in group:
                        counts[i] += heard_by(listener, make(audio, rng))
                        sizes[i] += 1
        print(f"| {beam:g} | {plp:g} | {threshold:g} | " + " | ".join(f"{c}/{n}" for c, n in zip(counts, sizes, strict=True))
              + " |", flush=True)


def heard_by(listener: WakeListener, audio: ra.Audio) -> bool:
    """The listener on each utterance of ``audio``, as the asleep session feeds it."""
    for utterance in pipeline.utterances(chunks(audio)):
        stream = listener.stream()
        for chunk in utterance:
            stream.accept(chunk.pcm)
        if stream.finish() is not None:
            return True
    return False


def _talkers(described: list[str]) -> list[ra.Audio]:
    """Other voices saying other lines, for the babble (never the voice under test's own clip)."""
    spare = corpus_lines(DESCRIPTIONS + FOLLOWED + 12, ra.SEED + 7)[-12:]
    return [ra.cached(v, t) for v, t in zip(voices(), spare, strict=False)]


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--sweep", action="store_true", help="the keyword search alone on the tuning voices, for a grid")
    parser.add_argument("--thresholds", default="1e-40,1e-30,1e-20,1e-10")
    parser.add_argument("--beams", default="1e-48,1e-80")
    parser.add_argument("--plps", default="0.1")
    parser.add_argument("--threshold", type=float, help="the keyword search's threshold (default: wake.WakeSettings)")
    parser.add_argument("--beam", type=float, help="its beam (default: wake.WakeSettings)")
    parser.add_argument("--plp", type=float, help="its phone-loop prior (default: wake.WakeSettings)")
    parser.add_argument("--voices", help="comma-separated voice names (default all)")
    parser.add_argument("--rooms", help="comma-separated room names (default all)")
    parser.add_argument("--text-only", action="store_true", help="no keyword search: the transcript match alone (before)")
    args = parser.parse_args()
    assistant = Assistant.load()
    assistant.disclaimer_due = False
    phrase = assistant.intents.language.wake_phrase
    lines = corpus_lines(DESCRIPTIONS + FOLLOWED, ra.SEED)
    followed, described = lines[:FOLLOWED], lines[FOLLOWED:]
    # An emergency wakes the session on purpose: such lines are no false wake.
    described = [t for t in described if assistant.triage(assistant.understand(t)).disposition is not Level.EMERGENCY]
    emergencies = corpus_lines(EMERGENCIES, ra.SEED, "emergency")
    recognizer = stt.SphinxRecognizer.load(lm.build(assistant.intents, stt.sphinx_words(), ra.CACHE / "lm",
                                                    phrases=(phrase,)))
    if args.sweep:
        sweep(args, recognizer, assistant, phrase, followed, described)
        return
    settings = wake.WakeSettings()
    settings = replace(settings, **{k: v for k, v in (("threshold", args.threshold), ("beam", args.beam),
                                                       ("phone_loop", args.plp)) if v is not None})
    talkers = _talkers(described)
    print(f"wake phrase {phrase!r}; {settings}; {len(described)} descriptions, {len(TALK)} lines of talk, "
          f"{len(emergencies)} emergencies; "
          f"{recognizer.description}")
    print(HEADER)
    speaker = Speaker(Silent, NullSink())
    totals: dict[bool, list[list[int]]] = {True: [], False: []}
    for voice in voices():
        if args.voices and voice.name not in args.voices.split(","):
            continue
        clips = said(voice, phrase, followed, described, emergencies)
        for room, make in rooms(talkers):
            if args.rooms and room not in args.rooms.split(","):
                continue
            counting = Counting(Deaf(phrase) if args.text_only else wake.SphinxWake(phrase, settings))
            session = VoiceSession(assistant, recognizer, speaker, VoiceSettings(wake_phrase=phrase, early_replies=False),
                                   wake_listener=counting)
            row = run(voice, clips, room, make, session, counting)
            print(row, flush=True)
            totals[voice.tuned].append([int(cell.split("/")[0]) for cell in row.split("|")[3:8]])
    for tuned, rows in totals.items():
        if rows:
            sums = [sum(r[i] for r in rows) for i in range(5)]
            n = len(rows)
            sizes = (len(ALONE) * n, FOLLOWED * n, len(described) * n, len(TALK) * n, len(emergencies) * n)
            print(f"all {'tuning' if tuned else 'held-out'} voices, the rooms run: phrase alone {sums[0]}/{sizes[0]}, "
                  f"+ description {sums[1]}/{sizes[1]}, false wakes {sums[2]}/{sizes[2]} descriptions, "
                  f"{sums[3]}/{sizes[3]} talk, emergencies woke {sums[4]}/{sizes[4]}")
    speaker.close()


if __name__ == "__main__":
    main()
