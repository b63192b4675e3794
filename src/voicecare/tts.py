"""Speech out: pyttsx3 synthesis owned by one thread, played in small droppable blocks.

pyttsx3's espeak driver on Linux plays through a blocking ``aplay`` that
``stop()`` cannot interrupt, so we only ask it for WAV files and play the
samples ourselves: an emergency message then cuts in within one block, and
"Call 911 now." is synthesised before it is ever needed.
"""

from __future__ import annotations

import tempfile
import threading
import time
from collections import deque
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from voicecare.domain import Level, Message
from voicecare.errors import SpeechError
from voicecare.interfaces import AudioSink, Clip, Synthesizer

BLOCK_SECONDS = 0.02
"""Playback block: the longest an emergency waits for the current block to end."""
DEFAULT_RATE_WPM = 165
RATE_STEP_WPM = 25
MIN_RATE_WPM, MAX_RATE_WPM = 90, 260
PAUSE_SECONDS = 0.25
"""Silence between two messages, so sentences do not run together."""
SYNTH_ATTEMPTS = 3
RETRY_SECONDS = 0.05
WAV_HEADER_BYTES = 44
EVENTS_KEPT = 500
PLAYED_BLOCKS_KEPT = 100
"""About two seconds of 20 ms blocks."""
FORGET_WAIT_SECONDS = 2.0
CLIPS_KEPT = 64
"""Synthesised messages kept for reuse; the ready texts are always kept."""


class Pyttsx3Synthesizer:
    """pyttsx3 (espeak-ng on Linux) writing to a temporary WAV file.

    pyttsx3 hands every caller in a process the same engine (and espeak has
    one global callback), so two synthesisers must never run at once: the
    class-wide lock makes that so even when, as in tests, several speakers
    live side by side.
    """

    _engine_lock = threading.Lock()

    def __init__(self, voice: str | None = None) -> None:
        with self._engine_lock:
            self._engine: Any = _start_engine(voice)
        self._scratch = tempfile.TemporaryDirectory(prefix="voicecare-tts-")

    def _set_rate(self, rate_wpm: int) -> None:
        # setProperty is queued and, in pyttsx3 2.99's espeak driver, sometimes
        # applied after the next utterance; set it on espeak directly as well.
        self._engine.setProperty("rate", rate_wpm)
        try:
            from pyttsx3.drivers import _espeak

            _espeak.SetParameter(_espeak.RATE, rate_wpm, 0)
        except (ImportError, AttributeError, OSError):
            pass  # another driver (macOS, Windows): the queued setting is all there is

    def synth(self, text: str, rate_wpm: int) -> Clip:
        """Synthesise to a WAV file and read it back."""
        with self._engine_lock:
            return self._synth_locked(text, rate_wpm)

    def _synth_locked(self, text: str, rate_wpm: int) -> Clip:
        from voicecare.audio import iter_wav, read_format

        path = Path(self._scratch.name) / "say.wav"
        for _attempt in range(SYNTH_ATTEMPTS):
            path.unlink(missing_ok=True)
            self._set_rate(rate_wpm)
            self._engine.save_to_file(text, str(path))
            self._engine.runAndWait()
            if path.is_file() and path.stat().st_size > WAV_HEADER_BYTES:
                break
            # The espeak driver's loop sometimes ends before the audio is written
            # (pyttsx3 2.99). Retry on the same engine: a second engine would
            # re-register espeak's one global callback, and the first engine's
            # clean-up would then unregister it for both.
            time.sleep(RETRY_SECONDS)
        else:
            raise SpeechError("the speech engine wrote no audio")
        rate = read_format(path).rate
        pcm = b"".join(chunk.pcm for chunk in iter_wav(path, rate=rate))
        return Clip(pcm, rate, text)


def _start_engine(voice: str | None) -> Any:
    try:
        import pyttsx3

        engine = pyttsx3.init()
    except Exception as exc:  # pyttsx3 raises many kinds when no driver works
        raise SpeechError(f"the speech engine did not start ({exc.__class__.__name__}: {exc}); "
                          "install espeak-ng (scripts/setup.sh)") from None
    _silence_driver_prints()
    engine.setProperty("voice", voice or _english_voice(engine))
    return engine


def _english_voice(engine: Any) -> str:
    ids = [v.id for v in engine.getProperty("voices")]
    for wanted in ("gmw/en-us", "en-us", "english-us", "gmw/en", "en", "english"):
        for vid in ids:
            if vid.lower().endswith(wanted):
                return str(vid)
    return str(ids[0]) if ids else ""


def _silence_driver_prints() -> None:
    """The espeak driver prints "Audio saved to ..." on stdout, where results go.

    Shadowing ``print`` in that one module is thread-safe, unlike
    redirecting sys.stdout from the speaker's thread.
    """
    import sys

    module = sys.modules.get("pyttsx3.drivers.espeak")
    if module is not None:
        module.print = lambda *args, **kwargs: None  # type: ignore[attr-defined]


@dataclass
class SpokenEvent:
    """When a message started to be heard, for latency figures and tests."""

    text: str
    started: float
    """time.monotonic() at the first block written."""
    interrupted: bool = False
    ended: float | None = None
    """time.monotonic() when the last block was written (None while playing)."""


@dataclass
class Speaker:
    """Owns the synthesiser in one thread and plays a queue of messages.

    An emergency batch empties the queue and cuts off the message being
    played within one block. If synthesis fails, the speaker says once why
    (through ``on_error``) and from then on only the printed reply remains.
    """

    make_synth: Callable[[], Synthesizer]
    sink: AudioSink
    rate_wpm: int = DEFAULT_RATE_WPM
    ready_texts: Sequence[str] = ()
    """Texts synthesised at start-up so they play without delay ("Call 911 now.")."""
    on_error: Callable[[str], None] = field(default=lambda message: None)
    events: deque[SpokenEvent] = field(default_factory=lambda: deque(maxlen=EVENTS_KEPT))
    """The most recent messages heard (bounded: a kiosk runs for months)."""

    def __post_init__(self) -> None:
        self.played: deque[tuple[float, bytes, int]] = deque(maxlen=PLAYED_BLOCKS_KEPT)
        """(time.monotonic(), pcm, rate) of the last blocks played: the reference an echo gate compares with."""
        self._queue: deque[str] = deque()
        self._cond = threading.Condition()
        self._cut = threading.Event()
        self.speaking = threading.Event()
        """Set while audio is being played: the microphone ignores what it hears then."""
        self._closing = False
        self._idle = threading.Event()
        self._idle.set()
        self._ready = threading.Event()
        self._cache: dict[tuple[str, int], Clip] = {}
        self.failed: str | None = None
        self._thread = threading.Thread(target=self._run, name="voicecare-speaker", daemon=True)
        self._thread.start()

    def wait_ready(self, timeout: float = 30.0) -> bool:
        """Block until the synthesiser is up and the ready texts are made."""
        return self._ready.wait(timeout)

    def say(self, messages: Iterable[Message]) -> None:
        """Queue messages; an emergency among them cuts off everything before it."""
        batch = [m for m in messages if m.text]
        urgent = any(m.level is Level.EMERGENCY and m.kind == "emergency" for m in batch)
        with self._cond:
            if urgent:
                self._queue.clear()
                self._cut.set()
            self._queue.extend(m.text for m in batch)
            if batch:
                self._idle.clear()
            self._cond.notify()

    def stop(self) -> None:
        """Silence at once ("stop")."""
        with self._cond:
            self._queue.clear()
            self._cut.set()
            self._cond.notify()

    def adjust_rate(self, step: int) -> int:
        """Slower (negative) or faster (positive); returns the new words per minute."""
        self.rate_wpm = max(MIN_RATE_WPM, min(MAX_RATE_WPM, self.rate_wpm + step * RATE_STEP_WPM))
        return self.rate_wpm

    def recently_said(self, seconds: float) -> list[str]:
        """Texts being played now or finished within ``seconds``: what the microphone may still hear."""
        since = time.monotonic() - seconds
        return [e.text for e in list(self.events) if e.ended is None or e.ended >= since]

    def forget(self) -> None:
        """Silence, then drop what was said to the last family: texts and clips (the ready texts stay)."""
        self.stop()
        self.wait_idle(FORGET_WAIT_SECONDS)
        self.events.clear()
        self.played.clear()
        for key in [k for k in self._cache if k[0] not in self.ready_texts]:
            self._cache.pop(key, None)

    def wait_idle(self, timeout: float = 60.0) -> bool:
        """Block until everything queued has been played (or dropped)."""
        return self._idle.wait(timeout)

    def close(self) -> None:
        """Finish what is queued, then stop the thread and release the sink."""
        self.wait_idle()
        with self._cond:
            self._closing = True
            self._cond.notify()
        self._thread.join(timeout=10)
        self.sink.close()

    def _run(self) -> None:
        synth = self._start_synth()
        self._ready.set()
        while True:
            with self._cond:
                while not self._queue and not self._closing:
                    self._idle.set()
                    self._cond.wait()
                if not self._queue:
                    return
                text = self._queue.popleft()
                self._cut.clear()
            if synth is not None:
                synth = self._speak(synth, text)

    def _start_synth(self) -> Synthesizer | None:
        try:
            synth = self.make_synth()
            for text in self.ready_texts:
                self._clip(synth, text)
            return synth
        except Exception as exc:  # any engine failure: keep working, printed replies only
            self._fail(exc)
            return None

    def _fail(self, exc: BaseException) -> None:
        if self.failed is None:
            self.failed = str(exc) if isinstance(exc, SpeechError) else f"{exc.__class__.__name__}: {exc}"
            self.on_error(f"cannot speak, replies are printed only: {self.failed}")

    def _clip(self, synth: Synthesizer, text: str) -> Clip:
        key = (text, self.rate_wpm)
        if key not in self._cache:
            if len(self._cache) >= CLIPS_KEPT:
                # Forget the oldest clip that is not one of the ready texts.
                old = next((k for k in self._cache if k[0] not in self.ready_texts), None)
                if old is not None:
                    del self._cache[old]
            self._cache[key] = synth.synth(text, self.rate_wpm)
        return self._cache[key]

    def _speak(self, synth: Synthesizer, text: str) -> Synthesizer | None:
        try:
            clip = self._clip(synth, text)
        except Exception as exc:  # the engine broke mid-session: print from now on
            self._fail(exc)
            return None
        self._play(clip)
        return synth

    def _play(self, clip: Clip) -> None:
        block = max(2, int(clip.rate * BLOCK_SECONDS)) * 2
        event = SpokenEvent(clip.text, time.monotonic())
        self.events.append(event)
        self.speaking.set()
        try:
            for offset in range(0, len(clip.pcm), block):
                if self._cut.is_set():
                    event.interrupted = True
                    self.sink.flush()
                    return
                piece = clip.pcm[offset:offset + block]
                self.played.append((time.monotonic(), piece, clip.rate))
                self.sink.write(piece, clip.rate)
            pause = b"\x00\x00" * int(clip.rate * PAUSE_SECONDS)
            if not self._cut.is_set():
                self.sink.write(pause, clip.rate)
        except Exception as exc:  # the output device vanished: keep printing
            self._fail(exc)
        finally:
            event.ended = time.monotonic()
            self.speaking.clear()
