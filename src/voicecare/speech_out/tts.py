"""Speech out: synthesis in a worker process, played by one thread in small droppable blocks.

The synthesiser (espeak-ng) runs in a child process (tts_process.py) so that
its crashes and hangs cost one message, never voicecare. The speaker plays
the samples itself, 20 ms at a time: an emergency then cuts in within one
block, and "Call 911 now." is synthesised before it is ever needed and kept
here, so it plays whatever the synthesiser is doing.
"""

from __future__ import annotations

import threading
import time
from collections import deque
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from types import TracebackType

from voicecare.domain import Level, Message, MessageKind
from voicecare.errors import SpeechError
from voicecare.interfaces import AudioSink, Clip, Interruptible, Restarting, Synthesizer
from voicecare.speech_out.tts_process import REQUEST_SECONDS, Abandoned, WorkerSynthesizer, espeak_command

BLOCK_SECONDS = 0.02
"""Playback block: the longest an emergency waits for the current block to end."""
DEFAULT_RATE_WPM = 165
RATE_STEP_WPM = 25
MIN_RATE_WPM, MAX_RATE_WPM = 90, 260
"""Slowest and fastest speech: beyond these a stressed caregiver cannot follow."""
PAUSE_SECONDS = 0.25
"""Silence between two messages, so sentences do not run together."""
EVENTS_KEPT = 500
PLAYED_BLOCKS_KEPT = 250
"""About five seconds of 20 ms blocks: an echo gate reading a listener that fell behind looks back that far."""
FORGET_WAIT_SECONDS = 2.0
CLOSE_WAIT_SECONDS = 60.0
JOIN_SECONDS = 10.0
CLIPS_KEPT = 64
"""Synthesised messages kept for reuse; the ready and fixed texts are always kept."""
IDLE_RETRY_SECONDS = 30.0
MIN_IDLE_RETRY_SECONDS = 0.5
"""A synthesiser that cannot make the ready texts ("Call 911 now.") is tried again while idle, at its own back-off
(0.5 s doubling to 30 s for the espeak-ng worker; every IDLE_RETRY_SECONDS for another), never faster than this."""
WATCH_SECONDS = 1.0
"""How often an idle speaker looks whether its synthesiser's worker is still alive (a poll of its exit status)."""
AHEAD_KEPT = 4
"""Messages of a likely reply synthesised ahead at most (``Speaker.ahead``; the live loop asks for its first only:
a reply that starts while a later one is being made waits for it)."""


class Pyttsx3Synthesizer(WorkerSynthesizer):
    """espeak-ng (through pyttsx3's binding) in its own worker process, restarted when it crashes or hangs."""

    def __init__(self, voice: str | None = None, *, request_seconds: float = REQUEST_SECONDS) -> None:
        super().__init__(espeak_command(voice), request_seconds=request_seconds)


@dataclass
class SpokenEvent:
    """When a message started to be heard, for latency figures and tests."""

    text: str
    started: float
    """The speaker's clock (time.monotonic()) at the first block written."""
    interrupted: bool = False
    ended: float | None = None
    """The speaker's clock when the last block was written (None while playing)."""
    batch: int = 0
    """The ``say`` call it came from (``withdraw`` says which of a batch's messages were heard in full)."""
    whole: bool = False
    """Every block of its words was written (only the pause after it may still be playing)."""



@dataclass
class Speaker:
    """Owns the synthesiser in one thread and plays a queue of messages.

    An emergency batch empties the queue and cuts off the message being
    played (or synthesised) within one block. When synthesis or the device
    fails, the speaker says why once (through ``on_error``), keeps printing
    being the caller's job, and tries again with the next message: a
    synthesiser that crashed is restarted by its own wrapper.
    """

    make_synth: Callable[[], Synthesizer]
    sink: AudioSink
    rate_wpm: int = DEFAULT_RATE_WPM
    ready_texts: Sequence[str] = ()
    """Texts synthesised at start-up and kept, so they play without delay ("Call 911 now.")."""
    fixed_texts: Sequence[str] = ()
    """Texts that hold no family's words ("Sorry, I missed that."), synthesised when there is nothing else to do and
    kept across families, so a reply that starts with one plays at once; unlike the ready texts none is required."""
    recorded: Mapping[str, Clip] = field(default_factory=dict)
    """Recordings of ready texts (``recorded.recorded_clips``), played when the synthesiser cannot make them: a kiosk
    whose engine never worked still says "Call 911 now." aloud."""
    on_error: Callable[[str], None] = field(default=lambda message: None)
    on_restart: Callable[[str], None] | None = None
    """Told, instead of ``on_error``, when speech works again ("speaking again", a new worker after one was lost):
    a kiosk logs failures and recoveries as different events."""
    events: deque[SpokenEvent] = field(default_factory=lambda: deque(maxlen=EVENTS_KEPT))
    """The most recent messages heard (bounded: a kiosk runs for months)."""
    clock: Callable[[], float] = field(default=time.monotonic)
    """The time the blocks played are stamped with; an echo gate reads the same clock (a test room has its own)."""

    def __post_init__(self) -> None:
        self.played: deque[tuple[float, bytes, int]] = deque(maxlen=PLAYED_BLOCKS_KEPT)
        """(clock(), pcm, rate) of the last blocks played: the reference an echo gate compares with."""
        self._queue: deque[tuple[str, int, bool]] = deque()
        """(text, batch, urgent) to say next; a batch is one call of ``say``, so one reply can be withdrawn."""
        self._batches = 0
        self._current = 0
        """The batch of the message being synthesised or played (0: none)."""
        self._current_urgent = False
        """That message belongs to an emergency batch: the rest of an emergency answer must not cut it."""
        self._cond = threading.Condition()
        self._cut = threading.Event()
        self.speaking = threading.Event()
        """Set while audio is being played: the microphone ignores what it hears then."""
        self._closing = False
        self._idle = threading.Event()
        self._idle.set()
        self._ready = threading.Event()
        self._cache: dict[tuple[str, int], Clip] = {}
        self._ahead: deque[str] = deque(maxlen=AHEAD_KEPT)
        """Texts to synthesise while idle, before anyone asks for them (``ahead``)."""
        self._synth: Synthesizer | None = None
        self.failed: str | None = None
        """The latest reason speech failed (None if it never did)."""
        self.failures = 0
        """Messages lost to a failing synthesiser or device."""
        self.lost: list[str] = []
        """The texts of those messages, for saying which replies were not heard (``take_lost``)."""
        self._failing = False
        self._sink_lost = False
        self._thread = threading.Thread(target=self._run, name="voicecare-speaker", daemon=True)
        self._thread.start()

    def __enter__(self) -> Speaker:
        return self

    def __exit__(self, kind: type[BaseException] | None, error: BaseException | None, trace: TracebackType | None) -> None:
        # On an error or a signal (SIGTERM, Ctrl-C) stop at once; otherwise finish what is queued.
        self.close(drain=kind is None)

    def wait_ready(self, timeout: float = 30.0) -> bool:
        """Block until the synthesiser has been tried and the ready texts made (or found impossible)."""
        return self._ready.wait(timeout)

    def can_speak(self) -> bool:
        """True when speech is not failing and every ready text has a clip (so an emergency will be heard)."""
        made = {text for text, _ in list(self._cache)}  # list(): the speaker thread may be adding a clip
        return not self._failing and self._synth is not None and all(t in made for t in self.ready_texts)

    def say(self, messages: Iterable[Message]) -> int:
        """Queue messages; an emergency among them cuts off everything before it. Returns the batch, for ``withdraw``."""
        batch = [m for m in messages if m.text]
        urgent = any(m.level is Level.EMERGENCY and m.kind is MessageKind.EMERGENCY for m in batch)
        with self._cond:
            if urgent:
                # The emergency said on a partial result is neither cut nor dropped by the whole turn's answer
                # coming after it (which leaves out the lines already handed over): that answer follows it. Kept
                # when still queued too: while the sound card took the last block of the message it cut, the whole
                # answer came and "Call 911 now." was dropped unsaid (a reply played slowly, as on a loaded Pi).
                kept = [item for item in self._queue if item[2]]
                if self._current_urgent:
                    self._queue.clear()
                else:
                    self._drop_queued()
                self._queue.extend(kept)
            self._batches += 1
            self._queue.extend((m.text, self._batches, urgent) for m in batch)
            if batch:
                self._idle.clear()
            self._cond.notify()
            return self._batches

    def ahead(self, texts: Iterable[str]) -> None:
        """Synthesise ``texts`` while nothing is said, in case they are said next: a reply worked out at a pause
        (started a moment later if the caregiver stays quiet) then starts without waiting for synthesis. The latest
        call replaces the texts of earlier ones not yet made; what is said always comes first."""
        with self._cond:
            self._ahead.clear()
            self._ahead.extend(t for t in texts if t and (t, self.rate_wpm) not in self._cache)
            self._cond.notify()

    def withdraw(self, batch: int) -> tuple[str, ...]:
        """Stop one reply, queued or playing, as an emergency cuts in (a provisional reply the caregiver talked over).

        What was queued before or after it is still said. Returns the texts of the reply heard in full, in order, so
        the reply that replaces it can leave them out. The message playing now counts as cut (marked interrupted
        here, not when the speaker thread next looks), so what is returned is what the events will say whatever the
        timing; one whose words were all played (only its pause left) was heard in full.
        """
        with self._cond:
            kept = [item for item in self._queue if item[1] != batch]
            self._queue.clear()
            self._queue.extend(kept)
            if self._current == batch:
                self._cut.set()
                synth = self._synth
                if isinstance(synth, Interruptible):
                    synth.abandon()
            self._cond.notify()
            heard = []
            for event in [e for e in list(self.events) if e.batch == batch]:
                if event.ended is None and not event.whole:
                    event.interrupted = True
                if not event.interrupted:
                    heard.append(event.text)
            return tuple(heard)

    def stop(self) -> None:
        """Silence at once ("stop")."""
        with self._cond:
            self._drop_queued()
            self._cond.notify()

    def _drop_queued(self) -> None:
        self._queue.clear()
        self._ahead.clear()
        self._cut.set()
        synth = self._synth
        if isinstance(synth, Interruptible):
            synth.abandon()  # a message being synthesised (or hanging) must not hold up what follows

    def adjust_rate(self, step: int) -> int:
        """Slower (negative) or faster (positive); returns the new words per minute."""
        self.rate_wpm = max(MIN_RATE_WPM, min(MAX_RATE_WPM, self.rate_wpm + step * RATE_STEP_WPM))
        return self.rate_wpm

    def recently_said(self, seconds: float) -> list[str]:
        """Texts being played now or finished within ``seconds``: what the microphone may still hear."""
        since = self.clock() - seconds
        return [e.text for e in list(self.events) if e.ended is None or e.ended >= since]

    def forget(self) -> None:
        """Silence, then drop what was said to the last family: texts and clips (the ready texts stay)."""
        self.stop()
        self.wait_idle(FORGET_WAIT_SECONDS)
        self.events.clear()
        self.played.clear()
        with self._cond:
            self._ahead.clear()
        for key in [k for k in list(self._cache) if not self._kept(k[0])]:
            self._cache.pop(key, None)

    def wait_idle(self, timeout: float = 60.0) -> bool:
        """Block until everything queued has been played (or dropped)."""
        return self._idle.wait(timeout)

    def close(self, drain: bool = True) -> None:
        """Finish what is queued (or, ``drain=False``, drop it), stop the thread and worker, release the sink."""
        if drain:
            self.wait_idle(CLOSE_WAIT_SECONDS)
        else:
            self.stop()
        with self._cond:
            self._closing = True
            self._cond.notify()
        self._thread.join(timeout=JOIN_SECONDS)
        try:
            self.sink.close()
        except SpeechError as exc:  # a reply file the full disk could not finish: said like any speech failure
            self._fail(exc)

    def _run(self) -> None:
        try:
            self._synth = self._start_synth()
            self._make_ready_clips()
            self._ready.set()
            while (text := self._next()) is not None:
                self._speak(text)
        finally:
            self._ready.set()
            self._idle.set()
            close = getattr(self._synth, "close", None)
            if close is not None:
                close()

    def _next(self) -> str | None:
        """The next text to say, after making any ready clip still missing; None when closing. While nothing is
        to be said, the texts asked for ahead, then the fixed texts, are synthesised one at a time."""
        retry = False
        while True:
            if retry:
                self._replace_lost_worker()  # outside the lock: a message said meanwhile abandons the start
            with self._cond:
                self._current, self._current_urgent = 0, False
                missing = not self._queue and not self._closing and self._missing_ready()
            if missing:
                self._make_ready_clips()  # the rate changed, or the synthesiser failed at start: retry in idle time
            with self._cond:
                spare, retry = None, False
                while not self._queue and not self._closing:
                    self._idle.set()  # nothing to say: what is made ahead is no reason to wait
                    if (spare := self._spare_text()) is not None:
                        break
                    wait = self._retry_wait()
                    watch = wait is None and self._watched() is not None
                    if not self._cond.wait(WATCH_SECONDS if watch else wait) and (wait is not None or watch):
                        # A synthesiser that could not make "Call 911 now." is tried again by itself, not only when
                        # a reply comes: a kiosk whose engine failed at start recovers unattended (review 17 F11).
                        retry = True
                        break
                if retry:
                    continue
                if spare is None:
                    if not self._queue:
                        return None
                    self._cut.clear()
                    text, self._current, self._current_urgent = self._queue.popleft()
                    return text
                if self._ahead and self._ahead[0] == spare:
                    self._ahead.popleft()
            self._make_spare(spare)

    def _watched(self) -> WorkerSynthesizer | None:
        """The worker-process synthesiser whose worker is looked at while idle (None: another kind, or none)."""
        synth = self._synth
        return synth if isinstance(synth, WorkerSynthesizer) and not self._sink_lost else None

    def _replace_lost_worker(self) -> None:
        """A worker that died while idle is replaced at once, its loss said (``on_restart``: one line and a
        speech_restart event), not found by the next family's first reply (outside review 21 F12)."""
        synth = self._watched()
        if synth is None:
            return
        try:
            synth.replace_if_lost()
        except Exception as exc:  # no new worker: said now, as a lost message's failure is; retried at its back-off
            self._fail(exc)
            return
        if synth.pid is not None:
            self._recovered()

    def _retry_wait(self) -> float | None:
        """Seconds until a failing synthesiser is tried again for the missing ready texts; None: wait for work."""
        if not self._failing or self._sink_lost or not self._missing_ready():
            return None
        synth = self._synth
        wait = synth.retry_in() if isinstance(synth, WorkerSynthesizer) else IDLE_RETRY_SECONDS
        return max(MIN_IDLE_RETRY_SECONDS, wait)

    def _spare_text(self) -> str | None:
        """What to synthesise while idle: the next text asked for ahead, else a fixed text not made yet."""
        if self._synth is None or self._failing:
            return None  # a failing synthesiser is tried again by what is said, and its failure said then
        if self._ahead:
            return self._ahead[0]
        return next((t for t in self.fixed_texts if (t, self.rate_wpm) not in self._cache), None)

    def _make_spare(self, text: str) -> None:
        try:
            self._clip(text)
        except Abandoned:  # an emergency or "stop" came first: a fixed text is made again when idle, a reply's is moot
            return
        except Exception:
            # Work ahead is only for speed: a synthesiser in trouble is left to what is said, whose failure is
            # reported then (and retried with its back-off), not poked again and again here.
            with self._cond:
                self.fixed_texts = ()
                self._ahead.clear()

    def _kept(self, text: str) -> bool:
        """Ready and fixed texts stay in the cache (no family's words)."""
        return text in self.ready_texts or text in self.fixed_texts

    def _start_synth(self) -> Synthesizer | None:
        try:
            synth = self.make_synth()
        except Exception as exc:  # any engine failure: keep working, printed replies only
            self._fail(exc)
            return None
        if isinstance(synth, Restarting):
            # A worker lost while idle (killed, or crashed making a reply ahead) was replaced without a word, so a
            # kiosk whose synthesiser kept crashing left nothing in its journal or event log (outside review 17 F11).
            synth.on_restart = self._restarted
        return synth

    def _restarted(self, message: str) -> None:
        """A new synthesiser worker runs: said unless its loss was said already (a lost message's failure, which
        "speaking again" ends), so each loss is one line; ``on_error`` as it is then (the kiosk sets its own)."""
        if not self._failing:
            (self.on_restart or self.on_error)(message)

    def _missing_ready(self) -> list[str]:
        return [t for t in self.ready_texts if (t, self.rate_wpm) not in self._cache] if self._synth else []

    def _make_ready_clips(self) -> None:
        missing = self._missing_ready()
        for text in missing:
            try:
                self._clip(text)
            except Exception as exc:  # reported; tried again when idle, and at the next emergency
                self._fail(exc)
                return
        if missing:
            self._recovered()  # "Call 911 now." can be said again: a kiosk that could not speak at start now can

    def report_failure(self, reason: str) -> None:
        """The sink given is a stand-in for one that could not be opened (an unwritable reply file): nothing will be heard."""
        self._sink_lost = True
        self._fail(SpeechError(reason))

    def _fail(self, exc: BaseException) -> None:
        """Say once per spell of failures why speech is not heard."""
        if isinstance(exc, Abandoned):
            return
        self.failures += 1
        self.failed = str(exc) if isinstance(exc, SpeechError) else f"{exc.__class__.__name__}: {exc}"
        if not self._failing:
            self._failing = True
            self.on_error(f"cannot speak, replies are printed only: {self.failed}")

    def _lose(self, text: str, exc: BaseException) -> None:
        if not isinstance(exc, Abandoned):  # abandoned for an emergency or "stop": not a failure
            with self._cond:
                self.lost.append(text)

    def take_lost(self) -> list[str]:
        """The texts not said since the last call because speech failed (a missing synthesiser, a full disk)."""
        with self._cond:
            lost, self.lost = self.lost, []
        return lost

    @property
    def device_lost(self) -> bool:
        """The sound device (or reply file) could not be opened: nothing will be heard, whatever the synthesiser."""
        return self._sink_lost

    def _recovered(self) -> None:
        if self._failing and not self._sink_lost:
            self._failing = False
            (self.on_restart or self.on_error)("speaking again")

    def _clip(self, text: str) -> Clip:
        key = (text, self.rate_wpm)
        if key in self._cache:
            return self._cache[key]
        if text in self.ready_texts:
            # Any rate will do for an emergency rather than wait on a synthesiser that may hang.
            kept = next((clip for (t, _), clip in self._cache.items() if t == text), None)
            if kept is not None:
                return kept
        if self._synth is None:
            raise SpeechError(self.failed or "no speech engine")
        if text in self.ready_texts and isinstance(self._synth, WorkerSynthesizer):
            self._synth.retry_now()  # "Call 911 now." not made yet: worth a try of the engine whatever its back-off
        clip = self._synth.synth(text, self.rate_wpm)
        if len(self._cache) >= CLIPS_KEPT:
            # Forget the oldest clip that is not one of the ready or fixed texts.
            old = next((k for k in self._cache if not self._kept(k[0])), None)
            if old is not None:
                del self._cache[old]
        self._cache[key] = clip
        return clip

    def _speak(self, text: str) -> None:
        recorded = self.recorded.get(text)
        if recorded is not None and (self._synth is None or self._failing) and not self._made(text):
            # The engine is down and never made this text: the recording now, rather than one more try first (a
            # hanging worker would hold "Call 911 now." for its whole timeout). The engine is tried again when idle.
            self._play(recorded)
            return
        try:
            clip = self._clip(text)
        except Exception as exc:  # a crash, hang or refusal costs this message only
            self._fail(exc)
            if recorded is not None and not isinstance(exc, Abandoned):
                self._play(recorded)  # said after all, from the recording: not lost, and speech is still failing
            else:
                self._lose(text, exc)
            return
        if self._play(clip):
            self._recovered()

    def _made(self, text: str) -> bool:
        """The synthesiser made ``text`` once, at any rate (a ready text's clip is kept and beats the recording)."""
        return any(t == text for t, _ in list(self._cache))

    def _play(self, clip: Clip) -> bool:
        """Play in blocks until done or cut; False when the device failed."""
        block = max(2, int(clip.rate * BLOCK_SECONDS)) * 2
        event = SpokenEvent(clip.text, self.clock(), batch=self._current)
        self.events.append(event)
        self.speaking.set()
        try:
            for offset in range(0, len(clip.pcm), block):
                if self._cut.is_set():
                    event.interrupted = True
                    self.sink.flush()
                    return True
                piece = clip.pcm[offset:offset + block]
                self.played.append((self.clock(), piece, clip.rate))
                self.sink.write(piece, clip.rate)
            event.whole = True
            pause = b"\x00\x00" * int(clip.rate * PAUSE_SECONDS)
            if not self._cut.is_set():
                self.sink.write(pause, clip.rate)
            return True
        except Exception as exc:  # the output device vanished: keep printing, try again next message
            self._fail(exc)
            self._lose(clip.text, exc)
            return False
        finally:
            event.ended = self.clock()
            self.speaking.clear()
