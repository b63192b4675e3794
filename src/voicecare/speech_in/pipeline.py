"""Audio in, advice out: recognition with early emergency detection, then triage and speech.

Turn-taking (when a turn starts and ends) is in ``turns.py`` and what the
readings are worth (findings, red flags in other readings) in
``findings.py``; their names are re-exported here, where callers have
always found them.
"""

from __future__ import annotations

import contextlib
import time
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass
from typing import Any

from voicecare.domain import Basis, Finding, Message, TriageResult
from voicecare.interfaces import Recognizer, RecognizerStream, Transcript
from voicecare.speech_in.audio import AudioChunk
from voicecare.speech_in.confidence import as_said, judged
from voicecare.speech_in.early_reply import EarlyReplies, Provisional
from voicecare.speech_in.findings import LOW_CONFIDENCE as LOW_CONFIDENCE
from voicecare.speech_in.findings import RED_FLAG as RED_FLAG
from voicecare.speech_in.findings import answer_transcript as answer_transcript
from voicecare.speech_in.findings import emergencies as emergencies
from voicecare.speech_in.findings import emergencies_in as emergencies_in
from voicecare.speech_in.findings import emergency_messages as emergency_messages
from voicecare.speech_in.findings import heard_findings as heard_findings
from voicecare.speech_in.findings import still_to_say as still_to_say
from voicecare.speech_in.findings import unsure_red_flags as unsure_red_flags
from voicecare.speech_in.turns import END_SILENCE_SECONDS as END_SILENCE_SECONDS
from voicecare.speech_in.turns import HANGOVER_SECONDS as HANGOVER_SECONDS
from voicecare.speech_in.turns import MAX_UTTERANCE_SECONDS as MAX_UTTERANCE_SECONDS
from voicecare.speech_in.turns import PRE_ROLL_SECONDS as PRE_ROLL_SECONDS
from voicecare.speech_in.turns import QUICK_END_SECONDS as QUICK_END_SECONDS
from voicecare.speech_in.turns import Endpointer as Endpointer
from voicecare.speech_in.turns import Utterance as Utterance
from voicecare.speech_in.turns import utterances as utterances
from voicecare.speech_in.vad import DEFAULT_VAD, detector
from voicecare.understanding.assistant import MAX_UTTERANCE_CHARS, Assistant, most_serious


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


class _TurnStreams:
    """The turn's recogniser streams (free, and a grammar beside it when the engine can), fed the same audio.

    The turn may be read to its end at a pause (``finish``) and, if the
    caregiver goes on, read again from its start (``reopen``): so the reply
    started at the pause is worked out from the very reading the end of the
    turn would give (a partial result differs from it: 4 of 6 early replies
    in babble were replaced).
    """

    def __init__(self, recognizer: Recognizer, grammar: Sequence[str] | None, assistant: Assistant) -> None:
        self._recognizer = recognizer
        self._assistant = assistant
        self._grammar = grammar if grammar and recognizer.concurrent else None
        self.open: list[RecognizerStream | None] = []
        self._fed: list[bytes] = []
        self.final: tuple[Transcript, Transcript | None] | None = None
        """(free, grammar) readings of all the audio so far, once read to its end."""
        self.raw: Transcript | None = None
        """The free reading read to its end, before ``confidence.judged`` (an emergency is settled on it)."""
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

    def said(self) -> str:
        """The turn so far read to its end, as an emergency is settled on it (``confidence.as_said``)."""
        whole = self.finish()[0]
        return as_said(self._assistant, self.raw) if self.raw is not None else whole.text

    def finish(self) -> tuple[Transcript, Transcript | None]:
        if self.final is None:
            free, limited = self.open
            assert free is not None
            # Signs whose words the recogniser was not sure of are weighed here, so the reading at a pause,
            # the turn's answer and the live conversation all take the same words (confidence.py).
            whole = free.finish()
            self.raw = whole
            self.final = (judged(self._assistant, whole), limited.finish() if limited is not None else None)
        return self.final


class EarlyEmergency:
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
        self.room_spread: float | None = None
        """The turn's ``Transcript.room_spread`` as the partials tell it (dB; None until one does)."""

    def partial(self, heard: Transcript, seconds: float) -> None:
        """A partial result; acts when the emergency it shows held for a block."""
        text = heard.text
        if heard.room_spread is not None:
            self.room_spread = heard.room_spread
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
    """The findings not guessed from words pointing at them (see ``EarlyEmergency``)."""
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
    streams = _TurnStreams(recognizer, grammar, assistant)
    urgent = EarlyEmergency(assistant, on_emergency, echo)
    spent, seconds, last = 0.0, 0.0, ""
    held: list[AudioChunk] = []
    def settle() -> bool:
        """The audio failed mid-turn: what was heard will not change, so an emergency in it is acted on now (as at
        a pause: its partial could not hold for the block that never came). True when one was, or had been."""
        if urgent.at is None:
            urgent.settled(last, seconds)
        if urgent.at is None and last:
            urgent.settled(streams.said(), seconds)
        return urgent.at is not None

    for chunk in _ending_on_fault(chunks, streams.open, settle):
        seconds = chunk.start + chunk.seconds
        began = time.perf_counter()
        if endpoint is not None and not endpoint.listen(chunk) and endpoint.holds():
            # The room after the words: decoded, it became more words ("stop" read "thigh thigh" in pink noise).
            held.append(chunk)
        else:
            for block in [*held, chunk]:
                partial = streams.accept(block.pcm)
            held.clear()
            if partial is not None:
                last = partial.text
                urgent.partial(partial, seconds)
                if endpoint is not None:
                    endpoint.heard(partial.text)
                if early is not None:
                    early.partial(partial, seconds)
            if endpoint is not None and endpoint.pausing(chunk.seconds) and not endpoint.done():
                # The last block the recogniser gets before the pause: what it heard is settled now, not a block
                # later when the next one is held back (the reading, and so a reply at a pause, came 0.1 s later).
                last = _at_pause(streams, urgent, early, last, seconds)
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


def _at_pause(streams: _TurnStreams, urgent: EarlyEmergency, early: EarlyReplies[Any] | None, last: str,
              seconds: float) -> str:
    """The recogniser hears no more for now: the last partial is settled; with early replies, the turn so far
    is read to its end for them (and for an emergency only that reading shows). Returns the text settled."""
    if early is None:
        urgent.settled(last, seconds)
        return last
    whole = streams.finish()[0]
    # Settled on the reading before judging, as a partial is: an unsure emergency (moved to an alternative by
    # ``confidence.judged``) acts here too (rule 4), one not heard in noise does not (the turn's answer drops it
    # too); the early reply works from the judged reading.
    urgent.settled(streams.said(), seconds)
    early.partial(whole, seconds)
    return whole.text


def _ending_on_fault(chunks: Iterable[AudioChunk], streams: Sequence[RecognizerStream | None],
                     settle: Callable[[], bool]) -> Iterator[AudioChunk]:
    """The chunks, for a turn the audio source may cut off (a microphone unplugged mid-sentence).

    When an emergency has been spoken, or is in what was heard up to the
    fault (``settle()`` acts on it), the turn ends with what was heard, so
    the emergency is recorded and answered, never lost; the source's fault
    shows again at its next read. Otherwise the streams' utterances are
    ended (a recogniser left half-way cannot start the next turn) and the
    fault goes on: the fragment is not the caregiver's turn.
    """
    try:
        yield from chunks
    except Exception:
        if _settled(settle):
            return
        for stream in streams:
            with contextlib.suppress(Exception):
                if stream is not None:
                    stream.finish()
        raise


def _settled(settle: Callable[[], bool]) -> bool:
    """``settle()``, False when the recogniser fails at it too (the fault that ended the turn goes on)."""
    try:
        return settle()
    except Exception:
        return False


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
                        early: Callable[[], EarlyReplies[Any]] | None = None, vad: str = DEFAULT_VAD) -> Recording:
    """Recognise audio of any length in bounded time and memory: a fresh stream per utterance.

    ``room=False``: speech told from the room by the old ``Loudness`` (bench before/after).
    ``early``: makes each utterance's ``EarlyReplies``, as the live loop does, so the bench sees when a
    reply would start and how often one would be withdrawn. ``vad``: what tells speech from the room
    (``speech_in/vad.py``: "energy", loudness alone; "silero" or "webrtc", loudness and that speech detector).

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
             for utterance in utterances(timed(chunks), room=room, speech=detector(vad))]
    return Recording(tuple(parts), end)


def answer_recording(assistant: Assistant, recording: Recording) -> TriageResult:
    """Triage every utterance; across them the most serious reading of each sign wins. A care question in the words
    heard is answered, as when typed (outside review 17 F6: ``triage --audio`` never answered one, "can I use a
    heating pad at night for her back?" heard word for word gave "Sorry, I missed that")."""
    care = assistant.care_questions(recording.transcript.text[:MAX_UTTERANCE_CHARS])
    return assistant.triage(most_serious(heard_findings(assistant, p.transcript, p.early_findings)
                                         for p in recording.parts), care)
