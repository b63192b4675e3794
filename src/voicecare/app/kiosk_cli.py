"""``voicecare kiosk``: unattended; listens, answers, forgets, and retries failed devices by itself."""

from __future__ import annotations

import argparse
import contextlib
import fcntl
import os
import threading
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import TYPE_CHECKING

from voicecare.app import kiosk_config, kiosk_start
from voicecare.app.notify import Notifier
from voicecare.app.sound_open import SoundHangs, StartedMicrophone, TimedOpen, microphone_open, own_stderr
from voicecare.app.speech_cli import warn
from voicecare.app.voice_cli import (
    echo_gate,
    muted_while_speaking,
    speech_reporting,
    voice_session,
    warn_narrow_microphone,
)
from voicecare.app.voiced_reports import HeldReports
from voicecare.conversation.dialog import State
from voicecare.conversation.voice import VoiceSession, turns_from
from voicecare.errors import AudioError, InputError, IntentError, ModelError, SpeechError, VoicecareError
from voicecare.interfaces import Microphone
from voicecare.speech_in.audio import AudioChunk
from voicecare.speech_out.tts import MIN_IDLE_RETRY_SECONDS, Speaker
from voicecare.speech_out.tts_process import MAX_BACKOFF as WORKER_MAX_BACKOFF

if TYPE_CHECKING:
    from voicecare.app.events import EventLog

FIRST_BACKOFF, MAX_BACKOFF = 1.0, 30.0
"""Seconds to wait before retrying a failed device, doubling up to the maximum."""
RESCAN_WAIT_SECONDS = 30.0
"""Longest wait for the speaker to finish before the devices are listed again (skipped this retry if longer)."""
ASKING = (State.INTERVIEW, State.ANYTHING_ELSE)
"""States in which the caregiver's next turn answers a question."""


def kiosk(args: argparse.Namespace) -> int:
    """``voicecare kiosk``: unattended; recovers from device and engine faults, exits only on what a restart cannot fix."""
    with own_stderr(), only_kiosk(getattr(args, "config", None)):  # own_stderr: no library's brief redirection of
        return _kiosk(args)  # descriptor 2 loses a line of ours (sound_open.py)


@contextlib.contextmanager
def only_kiosk(config: Path | None) -> Iterator[None]:
    """The config file locked (flock) while this kiosk runs; InputError, before any device is touched, when another
    kiosk holds it. A second copy started without a word: two kiosks would each answer the family, hear each other's
    voice and append to one event log (outside review 20 F15). Exit 2, not 78: a service refused while an installer's
    copy runs is started again 10 s later and takes over once that copy stops. The lock goes with the process, so a
    crash leaves nothing stale. No config file: nothing to lock (a config that cannot be opened is the start-up
    check's to report)."""
    try:
        fd = None if config is None else os.open(config, os.O_RDONLY | os.O_CLOEXEC)
    except OSError:
        fd = None
    try:
        if fd is not None:
            try:
                fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
            except BlockingIOError:
                raise InputError(f"{config}: another kiosk is running with this config, so this one stops without "
                                 "opening the microphone, speaker or event log (stop the other first)") from None
        yield
    finally:
        if fd is not None:
            os.close(fd)


LOCK_DIR_VARIABLE = "VOICECARE_LOCK_DIR"
"""Where the kiosk's device locks are kept, if not in /dev/shm (a test run keeps its own)."""
SHARED_LOCK_DIR = Path("/dev/shm")
"""A folder every user and every service shares, even one with PrivateTmp and a read-only system (ProtectSystem=
strict leaves /dev writable); a tmpfs, so no lock outlives a reboot."""


def lock_dir() -> Path:
    """The folder of the device locks: $VOICECARE_LOCK_DIR, /dev/shm, or the temporary folder."""
    import tempfile

    if given := os.environ.get(LOCK_DIR_VARIABLE):
        return Path(given)
    return SHARED_LOCK_DIR if SHARED_LOCK_DIR.is_dir() and os.access(SHARED_LOCK_DIR, os.W_OK) else Path(
        tempfile.gettempdir())


def claims(settings: kiosk_config.KioskSettings) -> list[tuple[str, Path]]:
    """What one kiosk must have to itself, each as (what it is, its lock file): the event log, and the microphone and
    speaker by name. Locking the config file let a copy of it start a second kiosk on the same devices and log
    (outside review 21 F14): two voices saying "Call 911 now" and one log with both kiosks' lines."""
    from urllib.parse import quote

    wanted: list[tuple[str, Path]] = []
    if settings.event_log is not None:
        log = Path(os.path.abspath(settings.event_log))
        wanted.append((f"event log {log}", log.with_name(f"{log.name}.lock")))  # beside it: rotation keeps its name
    for kind, name in (("microphone", settings.device), ("speaker", settings.speaker)):
        key = (name or "default").strip().lower()
        wanted.append((f'{kind} "{key}"', lock_dir() / f"voicecare-kiosk-{kind}-{quote(key, safe='')}.lock"))
    return wanted


def _open_lock(path: Path) -> int | None:
    """A descriptor to flock ``path`` by, made if need be (readable by every user, so that a kiosk run by an
    installer and the service's kiosk see each other's lock); None when it cannot be opened (a log folder not made
    yet: the event log says its own fault)."""
    try:
        return os.open(path, os.O_RDONLY | os.O_CLOEXEC)  # no O_CREAT: protected_regular refuses it on another's file
    except FileNotFoundError:
        pass
    except OSError:
        return None
    try:
        fd = os.open(path, os.O_RDONLY | os.O_CREAT | os.O_CLOEXEC, 0o644)
    except OSError:
        return None
    with contextlib.suppress(OSError):
        os.fchmod(fd, 0o644)  # whatever the umask: the other kiosk's user must be able to open it
    return fd


@contextlib.contextmanager
def only_user(settings: kiosk_config.KioskSettings) -> Iterator[None]:
    """Each of ``claims`` locked (flock) while this kiosk runs; InputError (exit 2, as for a config in use), before
    any device or the log is opened, when another kiosk holds one. The locks go with the process: nothing stale."""
    held: list[int] = []
    try:
        for what, path in claims(settings):
            if what.startswith("event log") and not path.parent.exists():
                # Made here as the event log would make it (and said as it would): its lock must be taken now.
                with contextlib.suppress(OSError):
                    path.parent.mkdir(mode=0o700, parents=True)
                    warn(f"{path.parent}: made this folder for the event log")
            fd = _open_lock(path)
            if fd is None:
                continue
            held.append(fd)
            try:
                fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
            except BlockingIOError:
                raise InputError(f"another kiosk is running with the same {what}, so this one stops without opening "
                                 f"the microphone, speaker or event log (stop the other first; lock {path})") from None
        yield
    finally:
        for fd in held:
            os.close(fd)


def _kiosk(args: argparse.Namespace) -> int:
    checked = kiosk_start.check(args)  # as doctor checks it; ConfigError (a restart cannot fix it) stops here, once
    with only_user(checked.settings):
        return _run(args, checked)


def _run(args: argparse.Namespace, checked: kiosk_start.CheckedKiosk) -> int:
    settings = checked.settings
    options = settings.namespace()
    options.synthesizer = getattr(args, "synthesizer", None)  # an engine brought by the caller of cli.main
    if (nothing := kiosk_config.sets_nothing(settings)) is not None:
        warn(nothing)  # an empty config is every default, said plainly (it was taken silently: review 17 F10)
    systemd = Notifier.from_environment()
    for problem in settings.faults:  # started despite them, each said with what it does instead (review 19 F4)
        warn(f"warning: {problem} (voicecare doctor --config checks the file)")
        systemd.status(f"config fault: {problem}")
    # Until the speaker is known to work its failures are held back: the kiosk says in its own line what it does
    # about them (below), and "replies are printed only" beside it confused an installer.
    held: list[str] = []
    _start_sound_system(systemd)
    session, speaker, fault, log = voice_session(options, checked.voice, log_given=settings.where("event_log"),
                                                 speech_errors=held.append, model_fallback=True,
                                                 assistant=checked.assistant, log_speech=False, log_optional=True)
    from voicecare.speech_in import devices

    make_mic = rescanning_microphones(lambda: devices.Microphone(settings.device, session.recognizer.rate),
                                      speaker, devices.rescan, microphone_open())
    _speech_at_start(speaker, log, systemd)
    warn_narrow_microphone(settings.device)
    ready = "kiosk ready" + (f"; say '{session.settings.wake_phrase}' to begin" if session.settings.wake_phrase else "")
    systemd.ready()  # started: it listens (the microphone may still be retried; the watchdog pings meanwhile)
    with speaker:  # once running, speech failures are logged and retried with back-off (tts_process.py)
        run_kiosk(session, speaker, make_mic, stop=threading.Event(), on_fault=fault,
                  muted=muted_while_speaking(options, speaker), live=True, on_ready=lambda: warn(ready), alive=systemd.alive)
    return 0


def _start_sound_system(systemd: Notifier) -> None:
    """PortAudio started before anything uses it, waited on in steps of ``OPEN_SECONDS`` with a line each.

    It opens every sound device as it starts, and one that never answers held the kiosk here for ever, silent and
    deaf to SIGTERM. No watchdog ping is owed before READY: a kiosk whose sound system never answers is restarted
    by systemd's start timeout. PortAudio missing altogether is said later, where the speaker is made.
    """
    from voicecare.speech_in import devices

    start: TimedOpen[object] = TimedOpen("the sound system (PortAudio opening each device as it starts)")
    while True:
        try:
            start(devices.import_sounddevice)
            return
        except SoundHangs as exc:
            warn(f"{exc}; still waiting for it")
            systemd.status(f"{exc}; still waiting for it")
        except AudioError:
            return


def _speech_at_start(speaker: Speaker, log: EventLog | None, systemd: Notifier) -> None:
    """Stop (SpeechError) when there is no speaker at all: a restart lists the devices again. Otherwise say speech
    failures and recoveries from now on (stderr, event log, systemd's STATUS), and one line if it cannot speak yet.

    A synthesiser that cannot start (its data missing mid-upgrade, a crash at load) is tried again by the speaker
    itself while the kiosk listens: the kiosk exited instead, saying "restarting it" (outside review 17 F11), a mute
    box restarted every 10 s. Replies, an emergency's included, are in the journal meanwhile.
    """
    mute = not speaker.wait_ready() or not speaker.can_speak()
    if mute and speaker.device_lost:
        speaker.close(drain=False)
        raise SpeechError(f"the kiosk cannot speak ({speaker.failed}), so it stops (as a service it is started "
                          "again 10 s later); see 'voicecare doctor'")

    def say(message: str) -> None:
        warn(message)
        systemd.status(message)  # 'systemctl status' shows the latest: "cannot speak yet ..." until "speaking again"

    speech_reporting(speaker, say, log)
    if mute:
        speaker.on_error(f"the kiosk cannot speak yet ({speaker.failed or 'the speech engine did not start'}); it "
                         f"listens all the same, prints each reply, and tries the speech engine again (after "
                         f"{MIN_IDLE_RETRY_SECONDS:g} s, doubling to every {WORKER_MAX_BACKOFF:g} s) until "
                         "'speaking again'")


def rescanning_microphones(open_mic: Callable[[], Microphone], speaker: Speaker, rescan: Callable[[], None],
                           opened: TimedOpen[Microphone] | None = None) -> Callable[[], Microphone]:
    """The kiosk's microphone, with the device list read again before each retry.

    PortAudio lists the devices once: a USB microphone plugged in (or re-numbered) after boot was never
    found and the kiosk stayed deaf for ever, never exiting for systemd to restart it (review 10, E1).
    Listing again closes every stream, so it waits until nothing is being said and releases the speaker,
    which opens again at the next reply. Runs in the kiosk's loop, never on the audio thread.
    ``opened``: the listing and the opening (the stream started) run under its time limit (``sound_open``); a
    microphone whose open hangs is then an AudioError the loop says and retries, never a kiosk stuck in it.
    """
    retried = False

    def listed_and_opened(again: bool) -> Microphone:
        if again:
            speaker.sink.close()
            rescan()
        mic = open_mic()
        if opened is not None:
            mic.start()
        return mic

    def make_mic() -> Microphone:
        nonlocal retried
        again = retried and speaker.wait_idle(RESCAN_WAIT_SECONDS)
        retried = True
        if opened is None:
            return listed_and_opened(again)
        return StartedMicrophone(opened(lambda: listed_and_opened(again)))

    return make_mic


def _device_audio(mic: Microphone, stop: threading.Event, faults: list[Exception]) -> Iterator[AudioChunk]:
    """The microphone's audio; its end is a device fault unless the kiosk is stopping.

    Raised inside a turn, the fault discards that turn: a fragment cut off by
    an unplugged microphone is not the caregiver's answer (read as unclear, it
    would count as "yes" to a red-flag question and invent a sign). Faults are
    also put in ``faults``, for when the turn ended on them after an emergency.
    """
    try:
        yield from mic.chunks()
    except Exception as exc:
        faults.append(exc)
        raise
    if not stop.is_set():
        faults.append(AudioError("the microphone stream ended"))
        raise faults[-1]


def _pinging(chunks: Iterator[AudioChunk], alive: Callable[[], None]) -> Iterator[AudioChunk]:
    """The audio, saying "alive" as each block is taken: a loop stuck anywhere stops the pings."""
    for chunk in chunks:
        alive()
        yield chunk


def _ask_again(session: VoiceSession) -> None:
    """After a device fault, repeat the question the caregiver may have been answering when the audio was lost."""
    if session.turns and session.conversation.state in ASKING:
        session.speaker.say(session.conversation.last_said[-1:])


def run_kiosk(session: VoiceSession, speaker: Speaker, make_mic: Callable[[], Microphone], stop: threading.Event,
              sleep: Callable[[float], None] = time.sleep, on_fault: Callable[[str], None] = warn,
              muted: Callable[[], bool] = lambda: False, live: bool = False,
              on_ready: Callable[[], None] = lambda: None, alive: Callable[[], None] = lambda: None) -> None:
    """The kiosk loop: listen, answer, forget after a quiet spell, and retry failed devices with back-off.

    ``live``: the microphone is in the room with the speaker, in real time (the echo gate is on).
    ``on_ready``: called once, when the microphone first opens ("kiosk ready" before that was not true).
    ``alive``: called for each block of audio taken and before each retry (the systemd watchdog's ping).
    """
    said_ready = False
    backoff = FIRST_BACKOFF
    failed = False
    # Each turn reported once its reply was said, before the family is forgotten (review 16 F8).
    reports = HeldReports(speaker, session.on_turn)
    forgotten = session.on_reset
    session.on_turn = reports.turn

    def forget() -> None:
        reports.release()  # the speaker was silenced and is idle: the last turns are reported before the reset
        forgotten()

    session.on_reset = forget

    def quiet(seconds: float) -> None:
        reports.quiet(seconds)
        # After a goodbye the family is kept a short while ("repeat" gives the last advice again: outside review 20),
        # then forgotten; any other words after it start afresh at once (``VoiceSession.take_turn``).
        if (seconds >= session.settings.reset_after or session.ended_quietly(seconds)) and session.turns:
            session.reset()

    while not stop.is_set():
        mic: Microphone | None = None
        try:
            mic = make_mic()
            mic.start()
            session.new_stream()
            if not said_ready:
                on_ready()
                said_ready = True
            if failed:
                _ask_again(session)
                failed = False
            faults: list[Exception] = []
            audio = _pinging(_device_audio(mic, stop, faults), alive)
            for turn in turns_from(audio, muted, quiet, echo_gate(session, speaker, live), session.speech_detector()):
                backoff = FIRST_BACKOFF
                session.take_turn(turn)
                if stop.is_set():
                    break
            if faults and not stop.is_set():  # the audio failed in a turn that ended on an emergency
                raise faults[-1]
        except (ModelError, IntentError):
            raise  # a restart cannot fix these
        except (VoicecareError, OSError, RuntimeError) as exc:
            failed = True
            on_fault(f"{exc}; retrying in {backoff:.0f} s")
            alive()  # retrying is alive (the back-off stays under the watchdog's period)
            sleep(backoff)
            backoff = min(backoff * 2, MAX_BACKOFF)
        finally:
            if mic is not None:
                mic.close()
    reports.finish()
