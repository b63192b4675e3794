"""When a caregiver's turn starts and ends: speech told from the room by loudness, with a little audio from before."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator

from voicecare.speech_in.audio import AudioChunk, Loudness, RoomLoudness
from voicecare.speech_in.vad import SpeechDetector, marked

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
DETECTOR_ONSET_SECONDS = 0.1
"""More audio kept from before speech was noticed when a speech detector judges blocks too (``vad.py``): Silero
needs a window or two of a word before it calls it speech, so a soft start ("no" said quietly) was noticed a block
after loudness alone noticed it. The recogniser is then given the same start of the turn as without the detector
(one block less of it, the reading of a recorded "no" after a fault changed and the turn did not end at its short
pause)."""
HANGOVER_SECONDS = 0.3
"""Quiet after speech still given to the recogniser (its look-ahead, and a soft last sound); quiet beyond it is
held back, and given only if speech comes again, so the room after the words is never decoded into the turn."""


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
        # Counted to the microsecond: summed as floats, eight 0.05 s blocks made 0.39999999999999997 s, and a
        # pause of 0.4 s (an early reply's) or 1.5 s (the turn's end) was reached one microphone block late.
        self.quiet_for = round(self.quiet_for + chunk.seconds, 6)
        return False

    def done(self) -> bool:
        """True once speech has been followed by enough quiet (``quick_silence`` after a short answer)."""
        needed = self.quick_silence if self._short else self.end_silence
        return self.heard_speech and self.quiet_for >= needed

    def holds(self) -> bool:
        """True when the last block is quiet long past the speech: the recogniser need not hear it (yet)."""
        return self.heard_speech and self.quiet_for > HANGOVER_SECONDS + 1e-6

    def pausing(self, block_seconds: float) -> bool:
        """True when the block just judged quiet is the last the recogniser is given: one more block of quiet
        (``block_seconds`` long) would be held back. What it has heard by then is all it will hear of the pause."""
        return (self.heard_speech and self.quiet_for > 0.0 and not self.holds()
                and self.quiet_for + block_seconds > HANGOVER_SECONDS + 1e-6)


def utterances(chunks: Iterable[AudioChunk], speaking: Callable[[], bool] = lambda: False,
               quiet: Callable[[float], None] = lambda seconds: None,
               max_seconds: float = MAX_UTTERANCE_SECONDS, room: bool = True,
               speech: SpeechDetector | None = None) -> Iterator[Utterance]:
    """Split a stream into utterances: each starts where speech starts, with a little audio from before.

    Whoever reads an utterance ends it (``recognize`` with an ``Endpointer``)
    or it ends after ``max_seconds``; the next one starts at the next speech,
    so quiet between utterances is never recognised. ``speaking()`` true drops
    the audio (a microphone deaf while voicecare speaks); ``quiet(seconds)``
    is told how long nothing has been said. ``room=False``: the old ``Loudness`` (bench before/after).
    ``speech``: a speech detector (``vad.py``) marks every block as it is read, here, so the onset and the
    endpointer reading the turn judge the same marks; a loud block it heard no speech in is the room.
    """
    loudness: Loudness | RoomLoudness = RoomLoudness() if room else Loudness()
    pending: list[AudioChunk] = []
    silent = 0.0
    stream = marked(chunks, speech)
    pre_roll = PRE_ROLL_SECONDS + (DETECTOR_ONSET_SECONDS if speech is not None else 0.0)
    failed: list[Exception] = []
    for chunk in stream:
        if speaking():
            pending.clear()
            continue
        if not loudness.is_speech(chunk):
            keep = max(1, round(pre_roll / max(chunk.seconds, 1e-3)))
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



def turn_extents(chunks: Iterable[AudioChunk], room: bool = True,
                 speech: SpeechDetector | None = None) -> list[tuple[float, float]]:
    """Where the live loop's turns start and end (seconds into the stream), each read by a fresh ``Endpointer`` that
    starts from the room the onset learnt, as ``recognize`` does; the quick end (it needs partials) is not used.
    The bench and the tests measure endpointing with this, so what they measure is what the live loop does."""
    extents: list[tuple[float, float]] = []
    for turn in utterances(chunks, room=room, speech=speech):
        endpoint = Endpointer(room=room)
        if turn.room is not None:
            endpoint.starts_in(turn.room)
        first = last = -1.0
        for chunk in turn:
            first = chunk.start if first < 0 else first
            last = chunk.start + chunk.seconds
            if endpoint.feed(chunk):
                break
        extents.append((first, last))
    return extents
