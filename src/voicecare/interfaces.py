"""The swappable parts of the pipeline, in one place: what each stage hands on and expects.

Real engines and devices (Vosk, PocketSphinx, pyttsx3, PortAudio) and the
test doubles in ``testing.py`` implement these same interfaces.
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from typing import Protocol, runtime_checkable

from voicecare.speech_in.audio import AudioChunk


class Microphone(Protocol):
    """A live audio source: the PortAudio microphone, or recordings standing in for it."""

    muted: threading.Event

    def start(self) -> None:
        """Open the device."""

    def chunks(self, timeout: float = 1.0) -> Iterator[AudioChunk]:
        """Audio as it arrives; AudioError when the device goes away."""

    def close(self) -> None:
        """Release the device and end ``chunks()``."""


@dataclass(frozen=True)
class Transcript:
    """What the recogniser heard."""

    text: str
    final: bool
    alternatives: tuple[str, ...] = ()
    """Other likely readings, best first, not including ``text``."""
    confidence: float | None = None
    """Mean word confidence 0-1 when the engine gives one."""
    words: tuple[tuple[str, float, float], ...] = field(default=())
    """(word, start seconds, end seconds) when the engine gives them."""
    word_confidences: tuple[float, ...] = ()
    """Per word of ``words``, how sure the recogniser is of it (PocketSphinx: its lattice posterior, 0-1)."""
    described: str | None = None
    """When an ``Expectation`` chose ``text``: what the model for descriptions heard in the same audio
    (its readings are among ``alternatives`` too). A check on the answer model: see ``VoiceSession``."""
    room_spread: float | None = None
    """How far the turn's first second stands over its quietest part, dB (PocketSphinx: its loud 10 ms frames over
    its quiet ones); 30 and more is a quiet room, under 20 a voice in noise. None when the engine does not say."""


@dataclass(frozen=True)
class Expectation:
    """What the next utterance is likely to be, so a recogniser that can listen for it does (PocketSphinx).

    An answer to a red-flag question is a few words ("no", "repeat"); heard
    with the model for descriptions it came out as "our" or "pee", and an
    unclear answer counts as yes (rule 4).
    """

    name: str
    """A stable key for these sentences: a recogniser builds its search for a name once and keeps it."""
    sentences: tuple[str, ...]
    """Text the utterance is likely to be; a sentence given more often is more likely."""
    vocabulary: tuple[str, ...] = ()
    """Other words that may be said (heard as themselves rather than forced into a sentence's words)."""


class RecognizerStream(Protocol):
    """One utterance or turn: audio in, partial and final transcripts out."""

    def accept(self, pcm: bytes) -> Transcript | None:
        """Feed 16-bit mono PCM; return a partial (or a segment final) when there is news."""

    def finish(self) -> Transcript:
        """End of audio: the final transcript of everything fed."""


class Recognizer(Protocol):
    """A loaded speech engine."""

    name: str
    description: str
    rate: int
    concurrent: bool
    """True when several streams can run at once (a grammar one beside a free one)."""

    def stream(self, grammar: Sequence[str] | None = None, expect: Expectation | None = None) -> RecognizerStream:
        """A new recogniser; ``grammar`` limits it to these phrases (plus "[unk]").

        ``expect`` says what this utterance is likely to be: an engine that can
        favour it does, one that cannot ignores it (a hint, never a limit).
        """


@dataclass(frozen=True)
class Woken:
    """The wake phrase heard in a turn's audio."""

    end: float | None
    """Seconds into the turn's audio where the phrase ended, when the listener knows."""


class WakeStream(Protocol):
    """One turn's audio, listened to for the wake phrase only."""

    def accept(self, pcm: bytes) -> Woken | None:
        """Feed 16-bit mono PCM; the phrase once heard (then the rest need not be searched)."""

    def finish(self) -> Woken | None:
        """End of the turn: the phrase if it was heard anywhere in it."""


class WakeListener(Protocol):
    """Listens for the kiosk's wake phrase beside the recogniser (see ``speech_in/wake.py``)."""

    @property
    def phrase(self) -> str:
        """The words listened for."""

    def stream(self) -> WakeStream:
        """A fresh search for one turn."""


@dataclass(frozen=True)
class Clip:
    """Synthesised speech for one message."""

    pcm: bytes
    """16-bit signed little-endian mono samples."""
    rate: int
    """Sample rate in hertz."""
    text: str


class Synthesizer(Protocol):
    """Turns text into a clip; used only from the speaker's own thread.

    A synthesiser with a ``close()`` method has it called when the speaker stops.
    """

    def synth(self, text: str, rate_wpm: int) -> Clip:
        """Speak ``text`` into memory; SpeechError when the engine fails (that message is lost, not the engine)."""


@runtime_checkable
class Interruptible(Protocol):
    """A synthesiser whose request in flight can be given up from another thread (an emergency cut in)."""

    def abandon(self) -> None:
        """Make the running ``synth()`` raise at once; harmless when none is running."""


@runtime_checkable
class Restarting(Protocol):
    """A synthesiser that replaces its engine when it is lost (a crash, a hang) and says so: a kiosk logs it."""

    on_restart: Callable[[str], None]
    """Called with one line (why the engine was lost; that a new one runs) once the new engine is ready."""


class AudioSink(Protocol):
    """Where played audio goes: a sound card, a WAV file, a test double."""

    def write(self, pcm: bytes, rate: int) -> None:
        """Play one block; a device blocks for about the block's duration."""

    def flush(self) -> None:
        """Drop whatever the device still buffers (after an interruption)."""

    def close(self) -> None:
        """Release the device or finish the file."""
