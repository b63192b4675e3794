"""Speech bench: corpus sentences we did not write, several voices, several rooms, through the live path.

Each recording sits in the room (2 s before, 3 s after, the noise over all of
it) and is streamed in 0.1 s blocks through the microphone loop's path
(``pipeline.utterances``, then ``recognize`` with the ``Endpointer`` and the
early-emergency rule, a fresh recogniser per turn), then answered as
``voicecare triage --audio`` answers it. Figures per voice and
room: exact disposition, emergency recall, false 911, the recognition-level
"same as typed" (disposition equal to the one the typed sentence gets),
invented findings (a symptom found that the typed sentence does not give),
word error rate, speed, early-emergency delay after the emergency words end
(forced alignment on the clean recording), the delay from the end of speech to the
first reply audio (a reply started at a pause included, as the live loop does;
beside it the delay had the reply waited for the end of the turn), and how often
a reply started at a pause was withdrawn (the caregiver went on) or replaced (the
whole turn got another answer).
Noise alone is also fed, to count findings heard in it.
Recordings are made once into .bench/ (see room_audio.py).
Run: .venv/bin/python benchmarks/bench_room.py [--lm room|intents|mixed] [--front-end] [--full] [--voices A,B] [--rooms R]
[--old-floor] [--endpoint-only] [--why] [--ask-again SECONDS] [--vad energy|silero|webrtc]
(--why: after each row, why each reply came when it did: kept early reply, not understood, never steady,
withdrawn, replaced; and how long after the words the pause was noticed)
(the baseline of another checkout: PYTHONPATH=<checkout>/src .venv/bin/python benchmarks/bench_room.py)
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np
import room_audio as ra

from voicecare.app.speech_cli import load_recognizer
from voicecare.conversation.voice import early_part
from voicecare.domain import Level, MessageKind, Status
from voicecare.interfaces import Recognizer, RecognizerStream, Transcript
from voicecare.speech_in import lm, pipeline, stt, turns
from voicecare.speech_in.audio import BLOCK_SECONDS, AudioChunk
from voicecare.speech_in.early_reply import (
    ASK_AGAIN_SECONDS,
    ASK_AGAIN_WHOLE_SECONDS,
    PROVISIONAL_SECONDS,
    STEADY_SECONDS,
    EarlyReplies,
    ask_again_wait,
)
from voicecare.speech_in.vad import DEFAULT_VAD, VADS, detector
from voicecare.understanding.assistant import Assistant

VAD: str = DEFAULT_VAD
"""What tells speech from the room in every recording this bench runs (``--vad``; other benches set it too)."""

NOISE_ONLY_CLIPS = 6
NOISE_ONLY_SECONDS = 10.0
"""Long enough for the live loop to learn the room, and for noise it took as speech to end its turn."""
ROOM_BEFORE_SECONDS = 2.0
"""Room noise before the words: the live loop has been listening to the room before anyone speaks."""
ROOM_AFTER_SECONDS = 3.0
"""Room noise after the words, longer than the end-of-turn silence, so the endpointer ends the turn as in a
real room (the recordings alone end 0.5 s after the words, before any endpointer can fire)."""


@dataclass(frozen=True)
class Result:
    """One recording's outcome."""

    expected: Level
    typed: Level
    got: Level
    invented: bool
    errors: int
    words: int
    audio_s: float
    spent_s: float
    early_delay: float | None
    """Seconds from the end of the emergency words to the partial that acted (emergencies only)."""
    acted_delay: float | None
    """Seconds from the end of the emergency words the 911 was acted on to the partial that acted: the end of the
    last words before it that alone say an emergency ("ribs are pulling in" when "breathing real shallow" was
    misheard), so a late 911 is told apart as slow (this is large) or heard late (only ``early_delay`` is)."""
    reply_delay: float | None
    """Seconds from the end of speech to the first reply audio (others): the kept reply started at a pause,
    or the turn's end, plus recognising (a block's, and what the reading at the pause took that the blocks since
    did not cover) and triage (synthesis, about 1 ms per second of speech, is left out)."""
    turn_end_delay: float | None
    """The same when the reply waits for the end of the turn (as before replies started at a pause)."""
    withdrawn: bool
    """A reply started at a pause was stopped because the caregiver spoke again (a pause inside the turn)."""
    replaced: bool
    """A reply started at a pause was stopped because the whole turn's answer does not start the same way."""
    cut: bool
    """The endpointer ended a turn inside the sentence (a pause mid-sentence)."""
    noise_turn: bool
    """A turn was started and ended by the room noise before the caregiver spoke."""
    why: str = ""
    """Why the first reply audio came when it did (others; see ``why_reply``)."""
    pause_delay: float | None = None
    """Seconds from the end of the words to the last pause the live loop noticed (``--early-after`` of quiet)."""
    sources: str = ""
    """What an emergency answer rested on (``emergency_sources``); empty when it is not an emergency."""
    room_start: bool = False
    """The first turn started in the room, over half a second before the words (the room decoded into the turn)."""


def chunks(audio: ra.Audio) -> Iterator[AudioChunk]:
    step = int(BLOCK_SECONDS * ra.RATE)
    for start in range(0, len(audio), step):
        yield AudioChunk(ra.to_pcm(audio[start:start + step]), ra.RATE, start / ra.RATE)


def edit_distance(a: list[str], b: list[str]) -> int:
    row = list(range(len(b) + 1))
    for i, x in enumerate(a, 1):
        prev, row[0] = row[0], i
        for j, y in enumerate(b, 1):
            prev, row[j] = row[j], min(row[j] + 1, row[j - 1] + 1, prev + (x != y))
    return row[-1]


class Aligner:
    """Where words end in a clean recording: PocketSphinx forced alignment."""

    def __init__(self) -> None:
        from pocketsphinx import Decoder

        from voicecare.speech_in.stt import sphinx_model_dir

        model = sphinx_model_dir()
        self._decoder = Decoder(hmm=str(model / "en-us"), dict=str(model / "cmudict-en-us.dict"),
                                samprate=ra.RATE, loglevel="FATAL")

    def words(self, audio: ra.Audio, text: str) -> list[tuple[str, float]]:
        known = [w for w in lm.lm_words(text) if self._decoder.lookup_word(w)]
        if not known:
            return []
        try:
            self._decoder.set_align_text(" ".join(known))
            self._decoder.start_utt()
            self._decoder.process_raw(ra.to_pcm(audio), False, True)
            self._decoder.end_utt()
            segments = list(self._decoder.seg() or [])
        except RuntimeError:
            return []
        return [(s.word, s.end_frame / 100) for s in segments if not s.word.startswith(("<", "["))]


WINDOW_WORDS = 8
"""Words that may together say an emergency (the longest sign phrases are shorter)."""


def emergency_word_ends(assistant: Assistant, aligned: list[tuple[str, float]]) -> tuple[float, ...]:
    """Ends of the words where some words just before them, alone, say an emergency (each sign phrase's end)."""
    plain = [w.split("(")[0] for w, _ in aligned]
    return tuple(end for k, (_, end) in enumerate(aligned, 1)
                 if any(pipeline.emergencies(assistant, " ".join(plain[j:k])) for j in range(max(0, k - WINDOW_WORDS), k)))


def emergency_end(assistant: Assistant, aligned: list[tuple[str, float]]) -> float | None:
    """End of the first word after which the words so far are an emergency."""
    for k in range(1, len(aligned) + 1):
        if pipeline.emergencies(assistant, " ".join(w for w, _ in aligned[:k])):
            return aligned[k - 1][1]
    return None


def speech_span(audio: ra.Audio) -> tuple[float, float]:
    """Seconds where the words start and end in a clean recording."""
    loud = np.nonzero(np.abs(audio) > 0.01)[0]
    return (float(loud[0]) / ra.RATE, float(loud[-1]) / ra.RATE) if len(loud) else (0.0, 0.0)


def in_room(audio: ra.Audio) -> ra.Audio:
    """The recording with quiet before and after, which the room's noise is then mixed over."""
    before = np.zeros(int(ROOM_BEFORE_SECONDS * ra.RATE), dtype=np.float32)
    after = np.zeros(int(ROOM_AFTER_SECONDS * ra.RATE), dtype=np.float32)
    return np.concatenate([before, audio, after]).astype(np.float32)


class EarlyAnswers:
    """What the live loop does at a pause (``VoiceSession._early_reply``), with the answers it started."""

    def __init__(self, assistant: Assistant, ask_again: float | None = ASK_AGAIN_SECONDS,
                 whole: float | None = ASK_AGAIN_WHOLE_SECONDS) -> None:
        self.assistant = assistant
        self.ask_again = ask_again
        """Quiet before a reply that only asks to hear it again starts at a pause (None: never; ``--ask-again``)."""
        self.whole = whole if whole is not None else ask_again
        """The same for words that may be a whole sentence (``early_reply.ask_again_wait``; None: as ``ask_again``)."""
        self._wait = 0.0
        self.started: list[tuple[tuple[str, ...], float]] = []
        """(messages, seconds of the last triage) of each reply started, in order."""
        self.waited: list[float] = []
        """The quiet each reply started waited for, in order (``wait``)."""
        self._triage_s = 0.0
        self._asking: set[tuple[str, ...]] = set()
        self.last: Level | None = None
        """The disposition of the last partial worked out (None: none yet)."""

    def prepare(self, partial: Transcript) -> tuple[str, ...] | None:
        began = time.process_time()
        answer = pipeline.answer_transcript(self.assistant, partial)
        self._triage_s = time.process_time() - began
        self.last = answer.disposition
        if answer.disposition is Level.EMERGENCY:
            return None  # 911 has its own rule
        if answer.disposition is Level.UNCLEAR:
            if self.ask_again is None:
                return None
            asking = tuple(m.text for m in answer.messages if m.kind is MessageKind.UNCLEAR)[:1]
            self._asking.add(asking)
            language = self.assistant.intents.language
            self._wait = ask_again_wait(language.tokens(partial.text), language.unfinished,
                                        self.whole if self.whole is not None else self.ask_again, self.ask_again)
            return asking or None
        return tuple(m.text for m in early_part(answer.messages)) or None

    def asks_again(self, reply: tuple[str, ...]) -> bool:
        """True for a reply that only asks to hear it again."""
        return reply in self._asking

    def wait(self, reply: tuple[str, ...]) -> float:
        """The quiet ``reply`` waits for at a pause: longer for one that only asks again (``EarlyReplies.wait``)."""
        return self._wait if reply in self._asking and self.ask_again is not None else 0.0

    def start(self, reply: tuple[str, ...]) -> None:
        self.started.append((reply, self._triage_s))
        self.waited.append(self.wait(reply))


class WatchedReplies(EarlyReplies[tuple[str, ...]]):
    """``EarlyReplies`` that also notes when each pause was noticed (the quiet reached ``after``), and when each
    reading of the turn to its end was handed to it, with the CPU seconds that reading took (``TimedRecognizer``)."""

    pauses: list[float]
    readings: list[tuple[float, float]]
    """(seconds into the audio, CPU seconds of the reading) of each reading of the turn to its end."""
    timed: TimedRecognizer | None = None

    def feed(self, quiet_for: float, heard_speech: bool, seconds: float, acted: bool) -> None:
        if not hasattr(self, "pauses"):
            self.pauses = []
        if heard_speech and self.after <= quiet_for < self.after + BLOCK_SECONDS - 1e-6:
            self.pauses.append(seconds)
        super().feed(quiet_for, heard_speech, seconds, acted)

    def partial(self, heard: Transcript, seconds: float) -> None:
        if not hasattr(self, "readings"):
            self.readings = []
        if heard.final and self.timed is not None and self.timed.finishes:
            self.readings.append((seconds, self.timed.finishes[-1]))
        super().partial(heard, seconds)

    def reading_wait(self, at: float) -> float:
        """Seconds the reply started at ``at`` waited for its reading: the reading's CPU time when it was made in the
        reply's own block, else what of it the blocks since did not cover (live, the next block arrives meanwhile)."""
        made = [(t, cost) for t, cost in getattr(self, "readings", []) if t <= at + 1e-6]
        if not made:
            return 0.0
        t, cost = made[-1]
        return max(0.0, cost - (at - t))


class TimedRecognizer:
    """The recogniser, noting the CPU seconds of each reading to the end (``finish``): at a pause it costs tens of
    milliseconds, where one block fed costs a few, so the reply's wait is not one average block's work."""

    def __init__(self, inner: Recognizer) -> None:
        self.inner = inner
        self.name, self.description, self.rate, self.concurrent = inner.name, inner.description, inner.rate, inner.concurrent
        self.finishes: list[float] = []

    def stream(self, grammar: Sequence[str] | None = None, expect: Any = None) -> RecognizerStream:
        return _TimedStream(self.inner.stream(grammar, expect), self.finishes)


class _TimedStream:
    def __init__(self, inner: RecognizerStream, finishes: list[float]) -> None:
        self.inner, self.finishes = inner, finishes

    def accept(self, pcm: bytes) -> Transcript | None:
        return self.inner.accept(pcm)

    def finish(self) -> Transcript:
        began = time.process_time()
        final = self.inner.finish()
        self.finishes.append(time.process_time() - began)
        return final


ROOM_START_SECONDS = 0.5
"""A turn starting this long before the words started in the room, not at the caregiver (pre-roll is 0.3 s)."""


def emergency_sources(assistant: Assistant, heard: pipeline.Recording) -> str:
    """Which readings held an emergency: the final text, the n-best alternatives, a partial acted on early."""
    found = set()
    for part in heard.parts:
        if pipeline.emergencies_in(assistant.understand(part.transcript.text), assistant):
            found.add("final")
        if any(pipeline.emergencies_in(assistant.understand(alt), assistant) for alt in part.transcript.alternatives):
            found.add("alternatives")
        if part.early_findings:
            found.add("partial")
    return "+".join(sorted(found)) or "combined"


def why_reply(kept: bool, replaced: bool, withdrawn: bool, started: bool, last: Level | None) -> str:
    """One word for why the first reply audio came when it did."""
    if kept and not replaced:
        return "early"
    if replaced:
        return "replaced"
    if withdrawn:
        return "withdrawn"
    if started:
        return "other"
    if last in (Level.UNCLEAR, None):
        return "unclear"
    if last is Level.EMERGENCY:
        return "911-partial"
    return "unsteady"


def run_one(recognizer: Recognizer, assistant: Assistant, audio: ra.Audio, line: ra.Line,
            speech: tuple[float, float], em_end: float | None, room: bool, early_at: tuple[float, float],
            ask_again: float | None = ASK_AGAIN_SECONDS, em_ends: tuple[float, ...] = ()) -> Result:
    # The live loop's path: utterances start where the loudness says speech starts and end at the
    # endpointer, each recognised afresh, a reply started at a pause; the turns are answered together
    # (as ``triage --audio`` does).
    early = EarlyAnswers(assistant, ask_again)
    after, steady = early_at
    watched: list[WatchedReplies] = []

    timed = TimedRecognizer(recognizer)

    def replies() -> WatchedReplies:
        watched.append(WatchedReplies(early.prepare, early.start, after=after, steady=steady, wait=early.wait))
        watched[-1].timed = timed
        return watched[-1]

    cpu = time.process_time()
    heard = pipeline.recognize_recording(chunks(audio), timed, assistant, lambda _: None, room=room,
                                         early=replies, vad=VAD)
    # CPU seconds, not wall-clock: on a machine shared 8-18 jobs deep the wall-clock work of a block, and so
    # the reply column, doubled from one run to the next.
    per_block = (time.process_time() - cpu) / max(1.0, heard.audio_seconds / BLOCK_SECONDS)
    began = time.process_time()
    result = pipeline.answer_recording(assistant, heard)
    triage_s = time.process_time() - began
    start, end = speech
    ends = [(p.audio_seconds, p) for p in heard.parts]
    cut = any(start < t < end for t, _ in ends)
    noise_turn = any(t <= start for t, _ in ends)
    last = next((p for t, p in ends if t >= end), None)
    typed = assistant.answer(line.text)
    typed_ids = {f.symptom.id for f in typed.present}
    invented = any(f.symptom.id not in typed_ids for f in result.findings if f.status is Status.PRESENT)
    ref, hyp = lm.lm_words(line.text), lm.lm_words(heard.transcript.text)
    early_911 = None
    acted_911 = None
    if heard.emergency_at is not None and em_end is not None:
        early_911 = heard.emergency_at - em_end
        before = [e for e in em_ends if e <= heard.emergency_at + 1e-6]
        acted_911 = heard.emergency_at - (before[-1] if before else em_end)
    provisional = [r for p in heard.parts for r in p.provisional]
    withdrawn = any(r.withdrawn for r in provisional)
    kept = last.provisional[-1] if last is not None and last.provisional and not last.provisional[-1].withdrawn else None
    begun = early.started[-1][0] if early.started else ()
    same = bool(begun) and begun == tuple(m.text for m in result.messages[:len(begun)])
    replaced = kept is not None and not same
    reply = turn_end = None
    pauses = [t for w in watched for t in getattr(w, "pauses", []) if t >= end]
    pause_delay = pauses[0] - end if pauses else None
    why = why_reply(kept is not None, replaced, withdrawn, bool(early.started), early.last)
    if result.disposition is not Level.EMERGENCY and last is not None:
        # The turn's end, then the final result (about one block's work) and triage, in CPU seconds.
        turn_end = last.audio_seconds - end + per_block + triage_s
        wait = watched[heard.parts.index(last)].reading_wait(kept.at) if kept is not None else 0.0
        reply = turn_end if kept is None or replaced else kept.at - end + per_block + wait + early.started[-1][1]
    sources = emergency_sources(assistant, heard) if result.disposition is Level.EMERGENCY else ""
    starts = [first for first, _ in turn_ends(audio, room)]
    room_start = bool(starts) and starts[0] < start - ROOM_START_SECONDS
    return Result(Level.parse(line.expected), typed.disposition, result.disposition, invented,
                  edit_distance(ref, hyp), len(ref), heard.audio_seconds, heard.recognize_seconds, early_911, acted_911, reply,
                  turn_end, withdrawn, replaced, cut, noise_turn, why, pause_delay, sources, room_start)


def pct(x: float) -> str:
    return f"{x:.0%}"


def summary(results: list[Result]) -> str:
    em = [r for r in results if r.expected is Level.EMERGENCY]
    other = [r for r in results if r.expected is not Level.EMERGENCY]
    exact = sum(r.got is r.expected for r in results) / len(results)
    same = sum(r.got is r.typed for r in results) / len(results)
    recall = sum(r.got is Level.EMERGENCY for r in em) / max(1, len(em))
    typed_em = [r for r in results if r.typed is Level.EMERGENCY]
    heard_em = sum(r.got is Level.EMERGENCY for r in typed_em) / max(1, len(typed_em))
    typed_other = [r for r in results if r.typed is not Level.EMERGENCY]
    heard_false = sum(r.got is Level.EMERGENCY for r in typed_other) / max(1, len(typed_other))
    false911 = sum(r.got is Level.EMERGENCY for r in other) / max(1, len(other))
    invented = sum(r.invented for r in results) / len(results)
    wer = sum(r.errors for r in results) / max(1, sum(r.words for r in results))
    rtf = sum(r.spent_s for r in results) / sum(r.audio_s for r in results)
    early = [r.early_delay for r in results if r.early_delay is not None]
    reply = [r.reply_delay for r in results if r.reply_delay is not None]
    turn_end = [r.turn_end_delay for r in results if r.turn_end_delay is not None]
    acted = [r.acted_delay for r in results if r.acted_delay is not None]
    early_s = f"{statistics.median(early):.2f}/{max(early):.2f}" if early else "-"
    early_s += f" | {statistics.median(acted):.2f}/{max(acted):.2f}" if acted else " | -"
    reply_s = f"{statistics.median(reply):.2f}/{max(reply):.2f}" if reply else "-"
    turn_end_s = f"{statistics.median(turn_end):.2f}/{max(turn_end):.2f}" if turn_end else "-"
    return (f"| {pct(exact)} | {pct(recall)} | {pct(false911)} | {pct(heard_em)} | {pct(heard_false)} "
            f"| {pct(same)} | {pct(invented)} | {pct(wer)} "
            f"| {rtf:.2f} | {early_s} | {reply_s} | {turn_end_s} | {pct(sum(r.withdrawn for r in results) / len(results))} "
            f"| {pct(sum(r.replaced for r in results) / len(results))} | {pct(sum(r.cut for r in results) / len(results))} "
            f"| {pct(sum(r.noise_turn for r in results) / len(results))} |")


def breakdown(results: list[Result]) -> str:
    """Where the reply time goes: per reason, how many, and their median first reply audio; the pause delay."""
    timed = [r for r in results if r.reply_delay is not None]
    parts = []
    for why in ("early", "unclear", "unsteady", "withdrawn", "replaced", "911-partial", "other"):
        these = [r.reply_delay for r in timed if r.why == why and r.reply_delay is not None]
        if these:
            parts.append(f"{why} {len(these)} ({statistics.median(these):.2f} s)")
    pauses = [r.pause_delay for r in timed if r.pause_delay is not None]
    pause = f"{statistics.median(pauses):.2f}/{max(pauses):.2f}" if pauses else "-"
    return (f"first reply: {', '.join(parts) or '-'}; pause noticed after the words {pause} s (med/max)\n"
            f"    {emergency_breakdown(results)}")


def emergency_breakdown(results: list[Result]) -> str:
    """Where the false 911s and the caught emergencies came from, and how many turns started in the room."""
    def tally(rs: list[Result]) -> str:
        counts: dict[str, int] = {}
        for r in rs:
            counts[r.sources] = counts.get(r.sources, 0) + 1
        return ", ".join(f"{k} {v}" for k, v in sorted(counts.items())) or "-"
    false = [r for r in results if r.expected is not Level.EMERGENCY and r.got is Level.EMERGENCY]
    caught = [r for r in results if r.expected is Level.EMERGENCY and r.got is Level.EMERGENCY]
    missed = [r for r in results if r.expected is Level.EMERGENCY and r.got is not Level.EMERGENCY]
    return (f"false 911 {len(false)} from: {tally(false)}; caught {len(caught)} from: {tally(caught)}; "
            f"turn started in the room: {sum(r.room_start for r in results)}/{len(results)} "
            f"(false 911 {sum(r.room_start for r in false)}, missed {sum(r.room_start for r in missed)})")


HEADER = ("| voice | room | exact | em. recall | false 911 | typed-em. recall | typed-other 911 | same as typed | invented "
          "| WER | xRT | early s (med/max) | early s after the words acted on | first reply audio s (med/max) "
          "| reply at turn end s | early reply withdrawn "
          "| early reply replaced | cut turns | noise turns | CPU xRT |\n" + "|---" * 20 + "|")


def rooms(full: bool, talkers: list[ra.Audio]) -> list[tuple[str, Callable[[ra.Audio, np.random.Generator], ra.Audio]]]:
    def added(kind: Callable[[int, np.random.Generator], ra.Audio], snr: float) -> Callable[..., ra.Audio]:
        return lambda a, rng: ra.mix(a, kind(len(a), rng), snr)

    def talk(n: int, rng: np.random.Generator) -> ra.Audio:
        return ra.babble(n, rng, talkers)

    chosen: list[tuple[str, Callable[[ra.Audio, np.random.Generator], ra.Audio]]] = [
        ("clean", lambda a, rng: a), ("pink 10 dB", added(ra.pink, 10)), ("babble 10 dB", added(talk, 10))]
    if full:
        chosen += [("pink 20 dB", added(ra.pink, 20)), ("pink 5 dB", added(ra.pink, 5)),
                   ("babble 20 dB", added(talk, 20)), ("babble 5 dB", added(talk, 5)),
                   ("child 10 dB", added(ra.crying, 10)), ("reverb", lambda a, rng: ra.reverb(a))]
    return chosen


def noise_only(recognizer: Recognizer, assistant: Assistant, talkers: list[ra.Audio], room: bool) -> str:
    """Findings and emergencies heard in noise alone (no one speaking to the device)."""
    rng = np.random.default_rng(ra.SEED)
    n = int(NOISE_ONLY_SECONDS * ra.RATE)
    kinds = {"pink": lambda: ra.pink(n, rng), "babble": lambda: ra.babble(n, rng, talkers),
             "child": lambda: ra.crying(n, rng)}
    lines = []
    for name, make in kinds.items():
        found = em = 0
        for _ in range(NOISE_ONLY_CLIPS):
            audio = make() * 0.1 / max(1e-6, float(np.sqrt(np.mean(make() ** 2))))
            heard = pipeline.recognize_recording(chunks(audio.astype(np.float32)), recognizer, assistant,
                                                 lambda _: None, room=room, vad=VAD)
            result = pipeline.answer_recording(assistant, heard)
            found += bool(result.present)
            em += result.disposition is Level.EMERGENCY
        lines.append(f"{name}: {found}/{NOISE_ONLY_CLIPS} with a finding, {em}/{NOISE_ONLY_CLIPS} emergency")
    return "noise only: " + "; ".join(lines)


def turn_ends(audio: ra.Audio, room: bool, vad: str | None = None) -> list[tuple[float, float]]:
    """Where the live loop's turns start and end (the quick end needs partials: not used), told from the room as
    ``vad`` tells it (default: the bench's ``--vad``, ``VAD``): loudness alone, or with a speech detector."""
    return turns.turn_extents(chunks(audio), room=room, speech=detector(VAD if vad is None else vad))


def endpoint_only(args: argparse.Namespace, lines: list[ra.Line], voices: list[ra.Voice],
                  talkers: list[ra.Audio]) -> None:
    """Turn ends after the words (median/worst), cut turns and noise turns per voice and room; turns in noise alone."""
    print(f"{args.label} endpoint only, {'old' if args.old_floor else 'room'} floor"
          f", {args.vad} speech detection: {len(lines)} sentences")
    print("| voice | room | turn end after the words s (med/max) | cut turns | noise turns |\n" + "|---" * 5 + "|")
    for voice in voices:
        clean = [in_room(ra.cached(voice, line.text)) for line in lines]
        for room, make in rooms(args.full, talkers):
            if args.rooms and room not in args.rooms.split(","):
                continue
            rng = np.random.default_rng(ra.SEED)
            after, cut, noise = [], 0, 0
            for audio in clean:
                start, end = speech_span(audio)
                ends = [t for _, t in turn_ends(make(audio, rng), args.room_floor, args.vad)]
                cut += any(start < t < end for t in ends)
                noise += any(t <= start for t in ends)
                after.append(next((t for t in ends if t >= end), len(audio) / ra.RATE) - end)
            print(f"| {voice.name} | {room} | {statistics.median(after):.2f}/{max(after):.2f} "
                  f"| {cut}/{len(clean)} | {noise}/{len(clean)} |", flush=True)
    rng = np.random.default_rng(ra.SEED)
    n = int(NOISE_ONLY_SECONDS * ra.RATE)
    for name, make_noise in {"pink": lambda: ra.pink(n, rng), "babble": lambda: ra.babble(n, rng, talkers)}.items():
        spans = []
        for _ in range(NOISE_ONLY_CLIPS):
            audio = make_noise()
            spans += turn_ends((audio * 0.1 / max(1e-6, float(np.sqrt(np.mean(audio**2))))).astype(np.float32),
                               args.room_floor, args.vad)
        print(f"noise only, {name} at 0.1 RMS: {len(spans)} turns over {NOISE_ONLY_CLIPS} clips, "
              f"{sum(b - a for a, b in spans):.0f} of {NOISE_ONLY_CLIPS * NOISE_ONLY_SECONDS:.0f} s in turns")


def sphinx_settings(args: argparse.Namespace) -> stt.SphinxSettings | None:
    """--sphinx fillprob=1e-3,wip=0.5: other search weights to compare with the defaults."""
    if not args.sphinx:
        return None
    pairs = (item.split("=") for item in args.sphinx.split(","))
    return stt.SphinxSettings(**{key: float(value) for key, value in pairs})


def make_recognizer(args: argparse.Namespace, assistant: Assistant) -> Recognizer:
    """The recogniser voicecare loads for these options, or a mixture variant to compare with (--mix)."""
    if args.lm == "intents" and not args.mix and (args.ns is not None or not args.front_end):
        # The model voicecare --intents-only loads (its default before round speech12), built directly so the
        # baseline can run against older code (PYTHONPATH=<checkout>/src), which has no --intents-only.
        sphinx = stt.SphinxRecognizer.load(lm.build(assistant.intents, stt.sphinx_words(), ra.CACHE / "lm"),
                                           sphinx_settings(args))
        if args.ns is None:
            return sphinx
        from voicecare.speech_in.frontend import FrontEndSettings, with_front_end

        return with_front_end(sphinx, FrontEndSettings(noise_suppression=args.ns, auto_gain_dbfs=args.agc))
    if not args.mix:
        # voicecare's own loading (room: its default), so the bench hears as the live loop does.
        return load_recognizer(argparse.Namespace(engine="sphinx", model=None, intents=None, front_end=args.front_end,
                                                  general_english=args.lm == "mixed"), assistant)
    from voicecare.speech_in import lmmix
    from voicecare.speech_in.frontend import FrontEndSettings, with_front_end

    cache = ra.CACHE / "lm"
    ours = lm.build(assistant.intents, stt.sphinx_words(), cache)
    words, weight, floor = args.mix.split(",")
    mixed = lmmix.build(ours, stt.sphinx_model_dir() / "en-us.lm.bin", cache, int(words), float(weight), float(floor))
    return with_front_end(stt.SphinxRecognizer.load(mixed), FrontEndSettings(enabled=args.front_end))


def noisy_front_recognizer(kind: str, ns: int, agc: int, assistant: Assistant, suppressor: str = "webrtc",
                           speex_db: int = -30) -> Recognizer:
    """voicecare's models as its start builds them (``kind`` room: the intents' model, the mixture in a quiet room;
    mixed: the mixture everywhere), with the front end (WebRTC: suppression ``ns``, gain ``agc``; Speex: ``speex_db``)
    in a noisy room only: the room told by the turn's first second, as the model is."""
    from voicecare.app import prepared
    from voicecare.speech_in.frontend import FrontEndSettings

    cache = ra.CACHE / "lm"
    ours = lm.build(assistant.intents, stt.sphinx_words(), cache)
    mixed = prepared.mixture(lm.build(assistant.intents, stt.sphinx_words(), cache, with_said=True),
                             stt.sphinx_model_dir() / "en-us.lm.bin", cache, print)
    front = FrontEndSettings(noise_suppression=ns, auto_gain_dbfs=agc, suppressor="speex" if suppressor == "speex"
                             else "webrtc", speex_db=speex_db)
    if kind == "mixed":
        return stt.SphinxRecognizer.load(mixed, noisy_front=front)
    return stt.SphinxRecognizer.load(ours, quiet_language=mixed, noisy_front=front)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--per-label", type=int, default=6, help="sentences per expected label (twice that of emergencies)")
    parser.add_argument("--full", action="store_true", help="also 20 and 5 dB, crying child and reverb")
    parser.add_argument("--voices", help="comma-separated voice names (default all)")
    parser.add_argument("--rooms", help="comma-separated room names (default all chosen)")
    parser.add_argument("--lm", choices=("room", "intents", "mixed"), default="room",
                        help="room: voicecare's default (general English mixed in where a turn starts in a quiet room); "
                             "intents: as voicecare --intents-only (and as before round speech12); "
                             "mixed: as voicecare --general-english")
    parser.add_argument("--front-end", action="store_true", help="with noise suppression and gain (as voicecare --front-end)")
    parser.add_argument("--no-front-end", action="store_true", help="without (the default; kept for old command lines)")
    parser.add_argument("--mix", help="WORDS,WEIGHT,FLOOR: try other mixture settings (see lmmix.py)")
    parser.add_argument("--ns", type=int, help="front end with this WebRTC noise suppression (0-4) and --agc")
    parser.add_argument("--agc", type=int, default=0, help="with --ns: automatic gain target, dB below full scale (0: off)")
    parser.add_argument("--sphinx", help="NAME=VALUE,...: PocketSphinx search weights to try (see stt.SphinxSettings)")
    parser.add_argument("--old-floor", action="store_true",
                        help="tell speech from the room with the old floor (audio.Loudness), for before/after")
    parser.add_argument("--vad", choices=VADS, default=DEFAULT_VAD,
                        help="what tells speech from the room, as voicecare --vad: loudness alone (energy) or "
                             "loudness and a speech detector (silero, webrtc), in the live path (speech_in/vad.py)")
    parser.add_argument("--endpoint-only", action="store_true",
                        help="no recognition: only where turns start and end (reply, cut and noise turns; noise only)")
    parser.add_argument("--early-after", type=float, default=PROVISIONAL_SECONDS,
                        help=f"quiet before a reply starts at a pause (default {PROVISIONAL_SECONDS})")
    parser.add_argument("--steady", type=float, default=STEADY_SECONDS,
                        help=f"seconds that reply must stay the same first (default {STEADY_SECONDS})")
    parser.add_argument("--no-noise-only", action="store_true", help="skip the noise-only clips (a shorter run)")
    parser.add_argument("--ask-again", type=float, default=ASK_AGAIN_SECONDS,
                        help=f"quiet before a reply that only asks to hear it again starts at a pause (default "
                             f"{ASK_AGAIN_SECONDS}; 0: never, as before)")
    parser.add_argument("--why", action="store_true", help="after each row, why replies came when they did")
    parser.add_argument("--label", default="", help="printed at the top (which code, which settings)")
    args = parser.parse_args()
    args.room_floor = not args.old_floor
    global VAD
    VAD = args.vad
    lines = ra.sample(args.per_label)
    voices = [v for v in ra.voices() if not args.voices or v.name in args.voices.split(",")]
    talkers = [ra.cached(v, t) for v, t in zip(ra.voices(), ra.spare_lines(lines, 12) * 2, strict=False)]
    if args.endpoint_only:
        endpoint_only(args, lines, voices, talkers)
        return
    assistant = Assistant.load()
    assistant.disclaimer_due = False
    recognizer = make_recognizer(args, assistant)
    aligner = Aligner()
    print(f"{args.label} {args.lm} {args.mix or ''}: {len(lines)} sentences ({args.per_label} per label), {len(voices)} voices")
    print(recognizer.description)
    print(HEADER)
    table: dict[tuple[str, str], list[Result]] = {}
    for voice in voices:
        said = [ra.cached(voice, line.text) for line in lines]
        ends = [emergency_end(assistant, aligner.words(a, line.text)) if line.expected == "emergency" else None
                for a, line in zip(said, lines, strict=True)]
        ends = [None if e is None else e + ROOM_BEFORE_SECONDS for e in ends]
        word_ends = [tuple(e + ROOM_BEFORE_SECONDS for e in emergency_word_ends(assistant, aligner.words(a, line.text)))
                     if line.expected == "emergency" else () for a, line in zip(said, lines, strict=True)]
        clean = [in_room(a) for a in said]
        for room, make in rooms(args.full, talkers):
            if args.rooms and room not in args.rooms.split(","):
                continue
            rng = np.random.default_rng(ra.SEED)
            mixed = [make(a, rng) for a in clean]
            cpu = time.process_time()
            results = [run_one(recognizer, assistant, noisy, line, speech_span(a), end, args.room_floor,
                               (args.early_after, args.steady), args.ask_again or None, word_end)
                       for a, noisy, line, end, word_end in zip(clean, mixed, lines, ends, word_ends, strict=True)]
            cpu_rtf = (time.process_time() - cpu) / sum(r.audio_s for r in results)
            table[(voice.name, room)] = results
            mark = "" if voice.tuned else " (held out)"
            print(f"| {voice.name}{mark} | {room} {summary(results)} {cpu_rtf:.2f} |", flush=True)
            if args.why:
                print(f"  {voice.name} {room}: {breakdown(results)}", flush=True)
    if not args.no_noise_only:
        print(noise_only(recognizer, assistant, talkers, args.room_floor))
    for tuned in (True, False):
        pooled = [r for (v, room), rs in table.items() for r in rs
                  if room in ("clean", "pink 10 dB", "babble 10 dB") and any(x.name == v and x.tuned == tuned for x in voices)]
        if pooled:
            print(f"all {'tuned' if tuned else 'held-out'} voices, clean+pink10+babble10 {summary(pooled)}")


if __name__ == "__main__":
    sys.path.insert(0, str(Path(__file__).parent))
    main()
