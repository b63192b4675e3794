"""Audio in, advice out: recognition with early emergency detection, then triage and speech."""

from __future__ import annotations

import contextlib
import time
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, replace
from typing import Any

from voicecare.domain import Basis, Finding, Level, Message, MessageKind, Status, TriageResult
from voicecare.interfaces import Recognizer, RecognizerStream, Transcript
from voicecare.speech_in.audio import AudioChunk, Loudness, RoomLoudness
from voicecare.speech_in.early_reply import EarlyReplies, Provisional
from voicecare.understanding import triage
from voicecare.understanding.assistant import Assistant, most_serious

END_SILENCE_SECONDS = 1.5
"""Quiet after speech that ends a caregiver's turn: longer than a pause for breath or thought
inside one (1.2 s is common), which at 0.3 s cut "... and now he is not breathing right" off."""
QUICK_END_SECONDS = 0.3
"""Quiet that ends a turn that so far is a short answer or command ("no", "stop")."""
MAX_UTTERANCE_SECONDS = 30.0
"""An utterance longer than this is cut (a radio left on must not hold the assistant, and the
recogniser's work per block grows with the utterance: 10 min in one took 4 times 5 min)."""
PRE_ROLL_SECONDS = 0.3
"""Audio kept from before speech was noticed, so the first word is not clipped."""
LOW_CONFIDENCE = 0.6
"""Mean word confidence (Vosk) below which what was heard is treated as unsure."""
HANGOVER_SECONDS = 0.3
"""Quiet after speech still given to the recogniser (its look-ahead, and a soft last sound); quiet beyond it is
held back, and given only if speech comes again, so the room after the words is never decoded into the turn."""
RED_FLAG = Level.URGENT
"""Alternatives can add symptoms at this level or higher: a red flag heard in any likely reading counts."""


@dataclass(frozen=True)
class Heard:
    """What recognition produced for one stretch of audio."""

    transcript: Transcript
    audio_seconds: float
    recognize_seconds: float
    """Wall-clock seconds spent recognising."""
    emergency_at: float | None
    """Seconds into the audio when a partial result first showed an emergency."""
    early: tuple[Message, ...]
    """Emergency messages already handed to the speaker from a partial result."""
    early_findings: tuple[Finding, ...] = ()
    """The emergency findings that partial results showed (kept, as uncertain, in the answer)."""
    constrained: Transcript | None = None
    """What a grammar-limited recogniser heard alongside (answers and commands), when the engine can."""
    provisional: tuple[Provisional, ...] = ()
    """The replies started before the turn ended, in order (all but the last withdrawn)."""


class Endpointer:
    """Decides from loudness when the caregiver has finished speaking.

    Vosk's own endpointer cannot be tuned in the PyPI release and
    PocketSphinx's waits longer, so the turn ends here: after
    ``end_silence`` of quiet, or ``quick_silence`` when what has been heard
    so far is a short answer or command (``quick(text)``), so "stop" and
    "no" are acted on at once. Anything said after that is the next turn.
    """

    def __init__(self, end_silence: float = END_SILENCE_SECONDS, quick: Callable[[str], bool] = lambda text: False,
                 quick_silence: float = QUICK_END_SECONDS, room: bool = True) -> None:
        self.end_silence = end_silence
        self.quick = quick
        self.quick_silence = quick_silence
        self.room = room
        self.loudness: Loudness | RoomLoudness = RoomLoudness() if room else Loudness()
        self.heard_speech = False
        self.quiet_for = 0.0
        self.speech_end = 0.0
        """Seconds into the stream where the last speech block ended."""
        self._short = False

    def starts_in(self, room: RoomLoudness) -> None:
        """Start from the room the onset detector has learnt (a fresh floor would take seconds to learn it)."""
        if self.room:
            self.loudness = room.copy()

    def heard(self, text: str) -> None:
        """The latest partial transcript."""
        self._short = bool(text) and self.quick(text)

    def feed(self, chunk: AudioChunk) -> bool:
        """True once speech has been followed by enough quiet."""
        self.listen(chunk)
        return self.done()

    def listen(self, chunk: AudioChunk) -> bool:
        """Judge the block (speech or the room) and count the quiet; True when it is speech."""
        if self.loudness.is_speech(chunk):
            self.heard_speech, self.quiet_for = True, 0.0
            self.speech_end = chunk.start + chunk.seconds
            return True
        self.quiet_for += chunk.seconds
        return False

    def done(self) -> bool:
        """True once speech has been followed by enough quiet (``quick_silence`` after a short answer)."""
        needed = self.quick_silence if self._short else self.end_silence
        return self.heard_speech and self.quiet_for >= needed

    def holds(self) -> bool:
        """True when the last block is quiet long past the speech: the recogniser need not hear it (yet)."""
        return self.heard_speech and self.quiet_for > HANGOVER_SECONDS + 1e-6


def unsure_red_flags(assistant: Assistant, transcript: Transcript, early: Sequence[Finding] = (), *,
                     command: bool = False) -> list[Finding]:
    """Red flags only the alternatives or partial results heard, marked unsure (rule 4).

    ``command``: the best reading is a command ("slower"); its alternatives
    are other readings of the command ("slow air"), not red flags. What a
    partial result already acted on still counts, and an emergency in the
    best reading is never a command. Nor is one in the description model's
    reading when an answer model chose the best one (``described``): a
    red flag in either reading counts.
    """
    mentioned = {m.symptom for m in assistant.matcher.match(transcript.text)}
    readings = [*(() if command else transcript.alternatives), *filter(None, [transcript.described])]
    others = [f for reading in readings for f in assistant.understand(reading, guess=False)]
    extra: list[Finding] = []
    for found in [*others, *early]:
        if found.status is Status.PRESENT and found.symptom.level <= RED_FLAG and found.symptom.id not in mentioned:
            extra.append(Finding(found.symptom, Status.PRESENT, found.score, found.heard, uncertain=True))
            mentioned.add(found.symptom.id)
    return extra


def answer_transcript(assistant: Assistant, transcript: Transcript, early: Sequence[Finding] = ()) -> TriageResult:
    """Triage the best reading, adding red flags that only the alternatives or partials heard (rule 4)."""
    return assistant.triage(heard_findings(assistant, transcript, early))


def heard_findings(assistant: Assistant, transcript: Transcript, early: Sequence[Finding] = ()) -> list[Finding]:
    """The best reading's findings and the red flags only alternatives or partials heard (rule 4)."""
    heard = assistant.understand(transcript.text)
    if transcript.confidence is not None and transcript.confidence < LOW_CONFIDENCE:
        # The recogniser itself doubts these words: they still count, but are
        # marked unsure, so an emergency is said and then offered for correction.
        heard = tuple(replace(f, uncertain=True) for f in heard)
    return [*heard, *unsure_red_flags(assistant, transcript, early)]


def emergencies(assistant: Assistant, text: str) -> dict[str, Finding]:
    """The present findings of a (partial) transcript when together they are an emergency, by symptom id."""
    return assistant.understand_partial(text)


def emergencies_in(found: Sequence[Finding], assistant: Assistant) -> bool:
    """True when these findings alone make an emergency."""
    return bool(found) and triage.triage(found, assistant.intents, disclaimer=False).disposition is Level.EMERGENCY


def emergency_messages(assistant: Assistant, found: Sequence[Finding]) -> tuple[Message, ...]:
    """The opening emergency messages for these findings."""
    result = triage.triage(found, assistant.intents, disclaimer=False)
    return tuple(m for m in result.messages if m.kind is MessageKind.EMERGENCY)


class _TurnStreams:
    """The turn's recogniser streams (free, and a grammar beside it when the engine can), fed the same audio.

    The turn may be read to its end at a pause (``finish``) and, if the
    caregiver goes on, read again from its start (``reopen``): so the reply
    started at the pause is worked out from the very reading the end of the
    turn would give (a partial result differs from it: 4 of 6 early replies
    in babble were replaced).
    """

    def __init__(self, recognizer: Recognizer, grammar: Sequence[str] | None) -> None:
        self._recognizer = recognizer
        self._grammar = grammar if grammar and recognizer.concurrent else None
        self.open: list[RecognizerStream | None] = []
        self._fed: list[bytes] = []
        self.final: tuple[Transcript, Transcript | None] | None = None
        """(free, grammar) readings of all the audio so far, once read to its end."""
        self.reopen()

    def reopen(self) -> None:
        """Fresh streams, given again the audio the finished ones heard."""
        # Free recognition always runs, so "he stopped breathing" is heard even
        # while a yes/no is expected; the grammar runs beside it when it can.
        self.open[:] = [self._recognizer.stream(),
                        self._recognizer.stream(self._grammar) if self._grammar else None]
        self.final = None
        for pcm in self._fed:  # in the same blocks, so a stream's warm-up is the same
            self._give(pcm)

    def accept(self, pcm: bytes) -> Transcript | None:
        if self.final is not None:
            self.reopen()
        self._fed.append(pcm)
        return self._give(pcm)

    def _give(self, pcm: bytes) -> Transcript | None:
        free, limited = self.open
        if limited is not None:
            limited.accept(pcm)
        return free.accept(pcm) if free is not None else None

    def finish(self) -> tuple[Transcript, Transcript | None]:
        if self.final is None:
            free, limited = self.open
            assert free is not None
            self.final = (free.finish(), limited.finish() if limited is not None else None)
        return self.final


class _EarlyEmergency:
    """The rule for acting on an emergency before the turn ends: on partial results, once they hold still.

    Partial results flicker; an emergency must still show one block (0.1 s)
    later before it interrupts. A partial that did not change in that block
    is stable and counts: waiting for the next, different partial cost a
    median 0.3 s, as a new word must be heard first. Once the recogniser
    hears no more (the room after the words is held back), the last partial
    cannot change, and the turn read to its end at a pause is no partial:
    either counts at once. A sign only guessed from words pointing at it (a backoff match) waits for the
    final result: a partial's words may be the start of others (flite's "No, that's all." showed "no sense",
    confusion, and "Call 911 now" was said at once), and the final reading still calls 911 if it holds the
    guess (rule 4), a moment later. A sign said in words never waits.
    """

    def __init__(self, assistant: Assistant, on_emergency: Callable[[Sequence[Message]], object],
                 echo: Callable[[str], bool] | None) -> None:
        self._assistant = assistant
        self._on_emergency = on_emergency
        self._echo = echo
        self.at: float | None = None
        """Seconds into the audio when the emergency was acted on."""
        self.said: tuple[Message, ...] = ()
        self.found: list[Finding] = []
        """The findings it was acted on (the steady ones)."""
        self._previous: dict[str, Finding] = {}
        self._last = ""

    def partial(self, text: str, seconds: float) -> None:
        """A partial result; acts when the emergency it shows held for a block."""
        if self.at is not None or not text or (self._echo is not None and self._echo(text)):
            return
        now = self._previous if text == self._last else _said(emergencies(self._assistant, text))
        self._last = text
        self.found = [now[k] for k in now.keys() & self._previous.keys()]
        self._previous = now
        self._act(seconds)

    def settled(self, text: str, seconds: float) -> None:
        """Text that will not change (the recogniser hears no more for now): acts on an emergency in it."""
        if self.at is not None or not text or (self._echo is not None and self._echo(text)):
            return
        self.found = list(_said(emergencies(self._assistant, text)).values())
        self._act(seconds)

    def _act(self, seconds: float) -> None:
        if emergencies_in(self.found, self._assistant):
            self.at = seconds
            self.said = emergency_messages(self._assistant, self.found)
            self._on_emergency(self.said)


def _said(found: dict[str, Finding]) -> dict[str, Finding]:
    """The findings not guessed from words pointing at them (see ``_EarlyEmergency``)."""
    return {sid: f for sid, f in found.items() if f.basis is not Basis.GUESSED}


def recognize(
    chunks: Iterable[AudioChunk], recognizer: Recognizer, assistant: Assistant,
    on_emergency: Callable[[Sequence[Message]], object], grammar: Sequence[str] | None = None,
    endpoint: Endpointer | None = None, echo: Callable[[str], bool] | None = None,
    early: EarlyReplies[Any] | None = None,
) -> Heard:
    """Stream audio through a fresh recogniser, acting on an emergency as soon as a partial shows one.

    With an ``endpoint``, recognition stops when the caregiver's turn ends;
    without one it runs to the end of the audio. The room after the words
    (quiet past ``HANGOVER_SECONDS``) is held back, and given to the
    recogniser only if speech comes again. ``echo(text)`` tells a partial
    that is voicecare's own voice, which must not trigger anything. With
    ``early`` too, the turn so far is read to its end at a pause, and a
    reply may start on that reading before the turn ends (see
    ``EarlyReplies``); an emergency still comes first.
    """
    if endpoint is not None and isinstance(chunks, Utterance) and chunks.room is not None:
        endpoint.starts_in(chunks.room)
    streams = _TurnStreams(recognizer, grammar)
    urgent = _EarlyEmergency(assistant, on_emergency, echo)
    spent, seconds, last = 0.0, 0.0, ""
    held: list[AudioChunk] = []
    for chunk in _ending_on_fault(chunks, streams.open, lambda: urgent.at is not None):
        seconds = chunk.start + chunk.seconds
        began = time.perf_counter()
        if endpoint is not None and not endpoint.listen(chunk) and endpoint.holds():
            # The room after the words: decoded, it became more words ("stop" read "thigh thigh" in pink noise).
            if not held and not endpoint.done():
                last = _at_pause(streams, urgent, early, last, seconds)
            held.append(chunk)
        else:
            for block in [*held, chunk]:
                partial = streams.accept(block.pcm)
            held.clear()
            if partial is not None:
                last = partial.text
                urgent.partial(partial.text, seconds)
                if endpoint is not None:
                    endpoint.heard(partial.text)
                if early is not None:
                    early.partial(partial, seconds)
        spent += time.perf_counter() - began
        if endpoint is not None and endpoint.done():
            break
        if early is not None and endpoint is not None:
            early.feed(endpoint.quiet_for, endpoint.heard_speech, seconds, urgent.at is not None)
    began = time.perf_counter()
    final, answer = streams.finish()
    spent += time.perf_counter() - began
    return Heard(final, seconds, spent, urgent.at, urgent.said, tuple(urgent.found) if urgent.at is not None else (),
                 answer, tuple(early.replies) if early is not None else ())


def _at_pause(streams: _TurnStreams, urgent: _EarlyEmergency, early: EarlyReplies[Any] | None, last: str,
              seconds: float) -> str:
    """The recogniser hears no more for now: the last partial is settled; with early replies, the turn so far
    is read to its end for them (and for an emergency only that reading shows). Returns the text settled."""
    if early is None:
        urgent.settled(last, seconds)
        return last
    whole = streams.finish()[0]
    urgent.settled(whole.text, seconds)
    early.partial(whole, seconds)
    return whole.text


def _ending_on_fault(chunks: Iterable[AudioChunk], streams: Sequence[RecognizerStream | None],
                     acted: Callable[[], bool]) -> Iterator[AudioChunk]:
    """The chunks, for a turn the audio source may cut off (a microphone unplugged mid-sentence).

    Once an emergency has been spoken (``acted()``), the turn ends with what
    was heard, so the emergency is recorded and answered, never lost; the
    source's fault shows again at its next read. Otherwise the streams'
    utterances are ended (a recogniser left half-way cannot start the next
    turn) and the fault goes on: the fragment is not the caregiver's turn.
    """
    try:
        yield from chunks
    except Exception:
        if acted():
            return
        for stream in streams:
            with contextlib.suppress(Exception):
                if stream is not None:
                    stream.finish()
        raise


def still_to_say(result: TriageResult, already: Sequence[Message]) -> list[Message]:
    """The answer without the emergency lines a partial result already triggered."""
    said = {m.text for m in already}
    return [m for m in result.messages if m.text not in said]


# ---- long audio: split at pauses into utterances, each recognised afresh


def utterances(chunks: Iterable[AudioChunk], speaking: Callable[[], bool] = lambda: False,
               quiet: Callable[[float], None] = lambda seconds: None,
               max_seconds: float = MAX_UTTERANCE_SECONDS, room: bool = True) -> Iterator[Utterance]:
    """Split a stream into utterances: each starts where speech starts, with a little audio from before.

    Whoever reads an utterance ends it (``recognize`` with an ``Endpointer``)
    or it ends after ``max_seconds``; the next one starts at the next speech,
    so quiet between utterances is never recognised. ``speaking()`` true drops
    the audio (a microphone deaf while voicecare speaks); ``quiet(seconds)``
    is told how long nothing has been said. ``room=False``: the old ``Loudness`` (bench before/after).
    """
    loudness: Loudness | RoomLoudness = RoomLoudness() if room else Loudness()
    pending: list[AudioChunk] = []
    silent = 0.0
    stream = iter(chunks)
    failed: list[Exception] = []
    for chunk in stream:
        if speaking():
            pending.clear()
            continue
        if not loudness.is_speech(chunk):
            keep = max(1, round(PRE_ROLL_SECONDS / max(chunk.seconds, 1e-3)))
            pending = [*pending, chunk][-keep:]
            silent += chunk.seconds
            quiet(silent)
            continue
        silent = 0.0
        room_now = loudness if isinstance(loudness, RoomLoudness) else None
        yield Utterance(_utterance(chunk, pending, stream, max_seconds, failed, room_now),
                        room_now.copy() if room_now is not None else None)
        if failed:
            raise failed[0]
        pending = []


class Utterance(Iterator[AudioChunk]):
    """One utterance's audio, with the room as the onset detector had learnt it when speech started."""

    def __init__(self, chunks: Iterator[AudioChunk], room: RoomLoudness | None) -> None:
        self._chunks = chunks
        self.room = room
        """An endpointer reading this utterance starts from this floor (``Endpointer.starts_in``)."""

    def __next__(self) -> AudioChunk:
        return next(self._chunks)


def _utterance(first: AudioChunk, pre_roll: list[AudioChunk], rest: Iterator[AudioChunk],
               max_seconds: float, failed: list[Exception], loudness: RoomLoudness | None,
               ) -> Iterator[AudioChunk]:
    yield from pre_roll
    yield first
    spent = first.seconds
    try:
        for chunk in rest:
            # The room is still heard while someone speaks, so the next utterance starts against today's
            # noise floor, not the one from before this turn (which took the noise after it for speech).
            if loudness is not None:
                loudness.is_speech(chunk)
            yield chunk
            spent += chunk.seconds
            if spent >= max_seconds:
                return
    except Exception as exc:
        # The microphone went away mid-sentence. The reader decides what the
        # fragment is worth (recognize's _ending_on_fault: answered when an
        # emergency was already said, else not taken as the caregiver's turn,
        # so a cut "no, nothing like..." never becomes a "yes"); utterances()
        # raises the fault again if the reader did not.
        failed.append(exc)
        raise


@dataclass(frozen=True)
class Recording:
    """What recognition produced for a whole recording, heard utterance by utterance."""

    parts: tuple[Heard, ...]
    """One per utterance, in order (none for silence)."""
    audio_seconds: float
    """Length of the recording."""

    @property
    def transcript(self) -> Transcript:
        """The utterances' best readings joined; alternatives are those of any utterance."""
        return Transcript(" ".join(p.transcript.text for p in self.parts if p.transcript.text), True,
                          tuple(a for p in self.parts for a in p.transcript.alternatives))

    @property
    def recognize_seconds(self) -> float:
        """Wall-clock seconds spent recognising."""
        return sum(p.recognize_seconds for p in self.parts)

    @property
    def emergency_at(self) -> float | None:
        """Seconds into the recording when a partial result first showed an emergency."""
        return next((p.emergency_at for p in self.parts if p.emergency_at is not None), None)

    @property
    def early(self) -> tuple[Message, ...]:
        """Emergency messages already handed to the speaker."""
        return tuple(m for p in self.parts for m in p.early)


def recognize_recording(chunks: Iterable[AudioChunk], recognizer: Recognizer, assistant: Assistant,
                        on_emergency: Callable[[Sequence[Message]], object],
                        end_silence: float = END_SILENCE_SECONDS, room: bool = True,
                        early: Callable[[], EarlyReplies[Any]] | None = None) -> Recording:
    """Recognise audio of any length in bounded time and memory: a fresh stream per utterance.

    ``room=False``: speech told from the room by the old ``Loudness`` (bench before/after).
    ``early``: makes each utterance's ``EarlyReplies``, as the live loop does, so the bench sees when a
    reply would start and how often one would be withdrawn.

    ``on_emergency`` is called once, for the first utterance whose partial
    results show an emergency.
    """
    told = False

    def once(messages: Sequence[Message]) -> None:
        nonlocal told
        if not told:
            told = True
            on_emergency(messages)

    end = 0.0

    def timed(stream: Iterable[AudioChunk]) -> Iterator[AudioChunk]:
        nonlocal end
        for chunk in stream:
            end = chunk.start + chunk.seconds
            yield chunk

    parts = [recognize(utterance, recognizer, assistant, once, endpoint=Endpointer(end_silence, room=room),
                       early=None if early is None else early())
             for utterance in utterances(timed(chunks), room=room)]
    return Recording(tuple(parts), end)


def answer_recording(assistant: Assistant, recording: Recording) -> TriageResult:
    """Triage every utterance; across them the most serious reading of each sign wins."""
    return assistant.triage(most_serious(heard_findings(assistant, p.transcript, p.early_findings)
                                         for p in recording.parts))
