"""Command-line handlers for the spoken conversation: listen, kiosk and doctor."""

from __future__ import annotations

import argparse
import dataclasses
import json
import threading
import time
from collections.abc import Callable, Iterator, Mapping, Sequence
from dataclasses import asdict
from pathlib import Path
from typing import TYPE_CHECKING, Any, cast

from voicecare.app import kiosk_config, kiosk_start
from voicecare.app.cli import load_assistant
from voicecare.app.kiosk_start import check_wake_words
from voicecare.app.notify import Notifier
from voicecare.app.speech_cli import SPEECH_FAILED, check_speech_options, load_recognizer, make_speaker, quiet_note, warn
from voicecare.app.voiced_reports import HeldReports, as_voiced
from voicecare.conversation import render
from voicecare.conversation.dialog import DEFAULT_MAX_QUESTIONS, State
from voicecare.conversation.voice import TurnReport, VoiceSession, VoiceSettings, turns_from
from voicecare.errors import AudioError, InputError, IntentError, ModelError, SpeechError, VoicecareError
from voicecare.interfaces import Microphone
from voicecare.speech_in.audio import (
    AudioChunk,
    cut_short_error,
    iter_wav,
    narrow_band,
    narrow_band_warning,
    read_format,
    usable,
)
from voicecare.speech_in.echo import EchoGate
from voicecare.speech_out.sinks import DirectorySink
from voicecare.speech_out.tts import MIN_IDLE_RETRY_SECONDS, Speaker
from voicecare.speech_out.tts_process import MAX_BACKOFF as WORKER_MAX_BACKOFF
from voicecare.understanding.assistant import Assistant

if TYPE_CHECKING:
    from voicecare.app.events import EventLog

FIRST_BACKOFF, MAX_BACKOFF = 1.0, 30.0
"""Seconds to wait before retrying a failed device, doubling up to the maximum."""
RESCAN_WAIT_SECONDS = 30.0
"""Longest wait for the speaker to finish before the devices are listed again (skipped this retry if longer)."""
LANGUAGE_WAKE = kiosk_config.LANGUAGE_WAKE
ASKING = (State.INTERVIEW, State.ANYTHING_ELSE)
UNUSED_AFTER_GOODBYE = "not used: 'goodbye' was said before it"
"""The ``error`` of a recording's JSON line when the conversation ended before it."""
"""States in which the caregiver's next turn answers a question."""


def add_voice_arguments(command: argparse.ArgumentParser, *, kiosk: bool) -> None:
    """Options shared by listen and kiosk."""
    command.add_argument("--device", help="microphone (index or part of its name; see 'voicecare devices')")
    command.add_argument("--max-questions", type=int, default=DEFAULT_MAX_QUESTIONS,
                         help=f"red-flag questions to ask at most; those about emergency and urgent signs are "
                              f"asked even past it (default {DEFAULT_MAX_QUESTIONS})")
    command.add_argument("--wake-phrase", default=LANGUAGE_WAKE if kiosk else None,
                         help="phrase that starts a session (default: " + ("wake_phrase of the language's language.toml"
                              if kiosk else "none") + f"); '{LANGUAGE_WAKE}' uses the language's, 'none' turns it off")
    command.add_argument("--reset-after", type=float, default=120.0,
                         help="seconds of quiet after which the session is forgotten (default 120)")
    command.add_argument("--event-log", type=Path, help="opt-in log of times, dispositions and symptom ids (no words)")
    command.add_argument("--json", action="store_true", help="one JSON line per assistant turn")
    command.add_argument("--no-barge-in", action="store_true",
                         help="ignore the microphone while voicecare speaks (for speakers loud enough to drown the caregiver); "
                              "replies then wait for the end of the turn, not start at a pause")
    if kiosk:
        command.add_argument("--show-words", action="store_true",
                             help="print what was heard and said (to the journal); by default only the "
                                  "disposition and symptom ids, so no family's words are stored")
        command.add_argument("--config", type=Path,
                             help="kiosk settings file (TOML, keys are the long options; see deploy/voicecare.toml)")
        # None tells "not on the command line" apart, so the config file can fill it in (KioskSettings has the defaults).
        command.set_defaults(**dict.fromkeys(kiosk_config.NULL_DEFAULTS))
        return
    command.add_argument("--input-files", type=Path, nargs="+", metavar="FILE",
                         help="replay these recordings as the caregiver's turns, one file per turn")
    command.add_argument("--fast", action="store_true", help="replay as fast as possible, not in real time")
    command.add_argument("--say-to-dir", type=Path, metavar="DIR", help="write each spoken reply to DIR/NNN.wav")


def settings_from(args: argparse.Namespace) -> VoiceSettings:
    """How ``listen`` converses, checked as the kiosk's are (``kiosk_config``); LANGUAGE_WAKE is resolved once loaded."""
    wake = None if args.wake_phrase is None else cast(str | None, kiosk_config.checked("wake_phrase", args.wake_phrase))
    live = not getattr(args, "input_files", None)  # recordings hold no echo of our voice
    return VoiceSettings(wake_phrase=wake, reset_after=cast(float, kiosk_config.checked("reset_after", args.reset_after)),
                         max_questions=cast(int, kiosk_config.checked("max_questions", args.max_questions)),
                         echo_filter=live and not args.no_barge_in, early_replies=not args.no_barge_in)


def resolve_wake(settings: VoiceSettings, assistant: Assistant) -> VoiceSettings:
    """LANGUAGE_WAKE becomes the language's own wake phrase (``wake_phrase`` in language.toml)."""
    if settings.wake_phrase != LANGUAGE_WAKE:
        return settings
    return dataclasses.replace(settings, wake_phrase=assistant.intents.language.wake_phrase or None)


SECONDS_DECIMALS = 2
"""Times in a turn's JSON line, as the event log keeps them: a hundredth of a second is finer than any block."""


def rounded_times(fields: dict[str, Any]) -> dict[str, Any]:
    """``fields`` with its times (every float of a turn's line is seconds) to SECONDS_DECIMALS: sums of block
    lengths printed ``"emergency_at": 5.8999999999999995`` (outside review 17 F13)."""
    return {key: round(value, SECONDS_DECIMALS) if isinstance(value, float) else value for key, value in fields.items()}


WORDS = ("heard", "said", "spoken")
"""A turn's fields holding the family's words (or the reply that repeats them)."""


def turn_printer(as_json: bool, words: bool = True,
                 source: Callable[[], str | None] = lambda: None) -> Callable[[TurnReport], None]:
    """Each turn printed; without ``words`` (the kiosk, whose stdout is the journal, kept on disk) no word said
    or heard: the disposition, state and symptom ids only, as the event log keeps them (review 10, K7).
    ``source``: the recording being replayed, named as ``input`` in each JSON line (review14 F9: a script lines
    turns up with its files, as ``triage --json`` lets it)."""
    def show(report: TurnReport) -> None:
        if as_json:
            fields = {k: v for k, v in asdict(report).items() if (words or k not in WORDS)
                      and not (k == "speech_error" and v is None)}  # only on a turn whose reply failed
            given = source()
            if given is not None:
                fields["input"] = given
            print(json.dumps(rounded_times(fields), ensure_ascii=False), flush=True)
        elif not words:
            symptoms = ", ".join(f"{s} {status}" for s, status in report.symptoms.items()) or "none"
            print(f"turn {report.turn}: {report.disposition or report.state}; symptoms: {symptoms}", flush=True)
        else:
            print(f"you> {report.heard}")
            for text in report.said:
                print(f"voicecare> {text}")
            print(flush=True)

    return show


def _session(args: argparse.Namespace, settings: VoiceSettings, speaker_sink: Any = None,
             log_given: str = "--event-log", speech_errors: Callable[[str], None] = warn, model_fallback: bool = False,
             source: Callable[[], str | None] = lambda: None,
             assistant: Assistant | None = None,
             log_speech: bool = True) -> tuple[VoiceSession, Speaker, Callable[[str], None], EventLog | None]:
    """The session the options ask for, how to report a fault (stderr, and the event log if on), and the event log.

    ``log_given``: where the event log was named (``--event-log``, or ``file: event_log``), for its errors.
    ``speech_errors``: where the speaker's failures go until the caller sets its own ``on_error``.
    ``model_fallback``: a Vosk model that cannot load gives PocketSphinx, with one line (the kiosk).
    ``source``: the recording being replayed, for the JSON lines.
    ``assistant``: given by the kiosk, whose intents, voice and wake phrase ``kiosk_start.check`` has checked.
    ``log_speech``: speech failures go to the event log too (the kiosk logs its own, once it knows what it does).
    """
    log = None
    if args.event_log is not None:
        from voicecare.app.events import EventLog

        try:
            log = EventLog(args.event_log, on_error=warn)  # before the slow start-up: a wrong path fails at once
        except InputError as exc:
            raise InputError(f"{log_given}: {exc}") from None
    if assistant is None:
        assistant = load_assistant(args)
        # Before the slow recogniser, a wrong voice or reply file fails at once; with --quiet too (review13 F20).
        check_speech_options(args, assistant.intents.language.code)
        quiet_note(args)
        settings = resolve_wake(settings, assistant)
        if getattr(args, "engine", None) == "sphinx":  # before the models are built (a minute at a first start)
            check_wake_words(settings.wake_phrase)
    wake = () if settings.wake_phrase is None else (settings.wake_phrase,)
    recognizer = load_recognizer(args, assistant, wake, fallback=model_fallback)
    if recognizer.name == "sphinx":  # Vosk models do not list their words; a first try tells
        check_wake_words(settings.wake_phrase)
    speaker = make_speaker(args, assistant, speaker_sink, on_error=speech_errors)
    speech_reporting(speaker, speech_errors, log if log_speech else None)
    show = turn_printer(args.json, words=getattr(args, "show_words", True), source=source)
    session = VoiceSession(assistant, recognizer, speaker, settings, show)
    if log is None:
        return session, speaker, warn, None

    def turn(report: TurnReport) -> None:
        show(report)
        log.turn(report)

    def fault(message: str) -> None:
        warn(message)
        log.fault(message)

    session.on_turn, session.on_reset = turn, log.reset
    return session, speaker, fault, log


def speech_reporting(speaker: Speaker, say: Callable[[str], None], log: EventLog | None) -> None:
    """Speech failures and recoveries in one line each (``say``: stderr, the journal) and, with an event log, as
    ``speech_error`` and ``speech_restart`` events: a synthesiser worker killed by SIGSEGV was replaced with no
    trace in the log, so one that kept crashing could not be seen (outside review 17 F11)."""

    def error(message: str) -> None:
        say(message)
        if log is not None:
            log.speech_error(message)

    def restart(message: str) -> None:
        say(message)
        if log is not None:
            log.speech_restart(message)

    speaker.on_error, speaker.on_restart = error, restart


def listen(args: argparse.Namespace) -> int:
    """``voicecare listen``: the hands-free conversation, live or replayed from recordings."""
    settings = settings_from(args)  # built once, and checked before anything loads
    if args.input_files:
        return _replay(args, settings)
    session, speaker, _, _ = _session(args, settings)
    reports = HeldReports(speaker, session.on_turn)  # printed once said: ``spoken`` is what was heard (review 16 F8)
    session.on_turn = reports.turn
    started = time.monotonic()
    from voicecare.speech_in.devices import Microphone as LiveMicrophone

    mic = LiveMicrophone(args.device, session.recognizer.rate)
    warn_narrow_microphone(args.device)
    speaker.wait_ready()
    warn(f"listening (ready in {time.monotonic() - started:.1f} s); say 'goodbye' to stop")
    session.greet()
    mic.start()
    with speaker:
        try:
            for turn in turns_from(mic.chunks(), _muted(args, speaker), reports.quiet,
                                   _gate(session, speaker, live=True)):
                session.take_turn(turn)
                if session.done:
                    break
        finally:
            mic.close()
            reports.finish()
    return 0


def warn_narrow_microphone(device: int | str | None) -> None:
    """One line when the microphone records below 16 kHz: what it hears is not to be trusted (review13 F8)."""
    from voicecare.speech_in.devices import input_rate

    try:
        rate = input_rate(device)
    except VoicecareError:
        return  # opening it says what is wrong
    if rate is not None and narrow_band(rate):
        warn(narrow_band_warning("the microphone" if device is None else f"microphone {device}", rate))


def _replay(args: argparse.Namespace, settings: VoiceSettings) -> int:
    """Each file holds the caregiver's next turns, at real-time pace unless --fast; a bad file is reported and skipped
    (with --json, one ``input``/``error`` line in its place). Reply files are numbered by the recording's place among
    those given, a skipped one included, so ``003.wav`` answers the third file (review14 F9)."""
    problems: dict[Path, str] = {}
    files = usable(args.input_files, lambda problem: warn(f"error: {problem}"), problems)
    if not files:
        _error_lines(args, args.input_files, problems)
        return InputError.exit_code
    sink = DirectorySink(args.say_to_dir) if args.say_to_dir is not None else None
    playing: list[str] = []
    session, speaker, _, _ = _session(args, settings, sink, source=lambda: playing[-1] if playing else None)
    unused = cut = 0
    # Turns reported, counted here: the session's own count starts again with each new conversation.
    reported: list[TurnReport] = []
    held: list[TurnReport] = []
    shown = session.on_turn

    def turn(report: TurnReport) -> None:
        reported.append(report)
        held.append(report)

    def release() -> None:
        """The turns of the last recording, printed once their reply was played: ``spoken`` is what was heard."""
        speaker.wait_idle()
        file_error = _finish_reply_file(sink, speaker) if sink is not None else None
        lost = speaker.take_lost()
        for report in held:
            shown(as_voiced(report, lost, file_error, speaker.failed))
        held.clear()

    session.on_turn = turn
    with speaker:
        session.greet()
        release()
        for index, path in enumerate(args.input_files, start=1):
            if path in problems:
                _error_lines(args, [path], problems)
                continue
            playing.append(str(path))
            speaker.wait_idle()
            if sink is not None:
                _start_reply_file(sink, index, speaker)
            fmt = read_format(path)
            short = fmt.cut_short()
            if narrow_band(fmt.rate):  # before its replies: they are not to be trusted (review13 F8)
                warn(narrow_band_warning(str(path), fmt.rate))
            answered = len(reported)
            session.take_recording(_paced(iter_wav(path, session.recognizer.rate), args.fast), speaker.wait_idle)
            release()
            if len(reported) == answered and args.json:
                # Noise alone, or words that only repeated the last turn: no reply, but still its line, so a script
                # reading one line per recording stays aligned (outside review 14 F9).
                print(render.no_turn_json_line(str(path), session.conversation.state.value), flush=True)
            if short is not None:  # as triage --audio says it (review12 F8): the missing part may hold the emergency
                warn(f"error: {cut_short_error(path, short)}")
                cut += 1
            if session.done:
                # Asked to stop, as live listening stops; what is left was not heard (an emergency among it,
                # maybe): said in one line, naming them, and, as for any input not used, a non-zero exit.
                left = [later for later in args.input_files[index:] if later not in problems]
                unused = len(left)
                if left:
                    warn(f"error: 'goodbye' said: {unused} recording(s) after it not used: "
                         f"{', '.join(map(str, left))}")
                _unused_lines(args, args.input_files[index:], problems)
                break
        speaker.wait_idle()
    if len(files) < len(args.input_files) or unused or cut:
        return InputError.exit_code
    # Replies asked to be spoken and not all spoken (no speaker, a broken synthesiser, a full disk for the reply
    # files): exit 1 as triage does (review14 F11: listen said 0 with no speaker, 1 with a broken synthesiser);
    # --quiet is the way to ask for printed replies only.
    return SPEECH_FAILED if speaker.failed and not args.quiet else 0


def _error_lines(args: argparse.Namespace, paths: Sequence[Path], problems: Mapping[Path, str]) -> None:
    """With --json, the line of each recording that could not be used (its stderr line is said already)."""
    if args.json:
        for path in paths:
            print(render.error_json_line(str(path), problems[path]), flush=True)


def _unused_lines(args: argparse.Namespace, paths: Sequence[Path], problems: Mapping[Path, str]) -> None:
    """With --json, the line of each input after "goodbye", in its place: its own error if it could not be used,
    else that it was not used (outside review 15 F8: they had none, and one line per input no longer held)."""
    if not args.json:
        return
    for path in paths:
        error = problems.get(path, UNUSED_AFTER_GOODBYE)
        print(render.error_json_line(str(path), error), flush=True)
def _finish_reply_file(sink: DirectorySink, speaker: Speaker) -> str | None:
    """Close the reply file of the turn just played: why it is missing (not written, or removed as cut off), or None."""
    try:
        return sink.finish()
    except SpeechError as exc:  # a full disk: said once, as speech failures are, and the triage goes on
        speaker.report_failure(str(exc))
        return str(exc)


def _start_reply_file(sink: DirectorySink, index: int, speaker: Speaker) -> None:
    """The next turn's reply file; a full disk is said once (as speech failures are) and the triage goes on."""
    try:
        sink.start(index)
    except SpeechError as exc:
        speaker.report_failure(str(exc))


def _paced(chunks: Iterator[AudioChunk], fast: bool) -> Iterator[AudioChunk]:
    began = time.monotonic()
    for chunk in chunks:
        if not fast:
            delay = began + chunk.start + chunk.seconds - time.monotonic()
            if delay > 0:
                time.sleep(delay)
        yield chunk


def kiosk(args: argparse.Namespace) -> int:
    """``voicecare kiosk``: unattended; recovers from device and engine faults, exits only on what a restart cannot fix."""
    checked = kiosk_start.check(args)  # as doctor checks it; ConfigError (a restart cannot fix it) stops here, once
    settings = checked.settings
    options = settings.namespace()
    options.synthesizer = getattr(args, "synthesizer", None)  # an engine brought by the caller of cli.main
    if (nothing := kiosk_config.sets_nothing(settings)) is not None:
        warn(nothing)  # an empty config is every default, said plainly (it was taken silently: review 17 F10)
    # Until the speaker is known to work its failures are held back: the kiosk says in its own line what it does
    # about them (below), and "replies are printed only" beside it confused an installer.
    held: list[str] = []
    session, speaker, fault, log = _session(options, checked.voice, log_given=settings.where("event_log"),
                                            speech_errors=held.append, model_fallback=True,
                                            assistant=checked.assistant, log_speech=False)
    from voicecare.speech_in import devices

    make_mic = rescanning_microphones(lambda: devices.Microphone(settings.device, session.recognizer.rate),
                                      speaker, devices.rescan)
    systemd = Notifier.from_environment()
    _speech_at_start(speaker, log, systemd)
    warn_narrow_microphone(settings.device)
    ready = "kiosk ready" + (f"; say '{session.settings.wake_phrase}' to begin" if session.settings.wake_phrase else "")
    systemd.ready()  # started: it listens (the microphone may still be retried; the watchdog pings meanwhile)
    with speaker:  # once running, speech failures are logged and retried with back-off (tts_process.py)
        run_kiosk(session, speaker, make_mic, stop=threading.Event(), on_fault=fault, muted=_muted(options, speaker),
                  live=True, on_ready=lambda: warn(ready), alive=systemd.alive)
    return 0


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


def rescanning_microphones(open_mic: Callable[[], Microphone], speaker: Speaker,
                           rescan: Callable[[], None]) -> Callable[[], Microphone]:
    """The kiosk's microphone, with the device list read again before each retry.

    PortAudio lists the devices once: a USB microphone plugged in (or re-numbered) after boot was never
    found and the kiosk stayed deaf for ever, never exiting for systemd to restart it (review 10, E1).
    Listing again closes every stream, so it waits until nothing is being said and releases the speaker,
    which opens again at the next reply. Runs in the kiosk's loop, never on the audio thread.
    """
    opened = False

    def make_mic() -> Microphone:
        nonlocal opened
        if opened and speaker.wait_idle(RESCAN_WAIT_SECONDS):
            speaker.sink.close()
            rescan()
        opened = True
        return open_mic()

    return make_mic


def _muted(args: argparse.Namespace, speaker: Speaker) -> Callable[[], bool]:
    """With --no-barge-in the microphone is deaf while voicecare speaks; otherwise never."""
    return speaker.speaking.is_set if args.no_barge_in else (lambda: False)


def _gate(session: VoiceSession, speaker: Speaker, live: bool) -> Callable[[AudioChunk], AudioChunk]:
    """The echo gate when the microphone shares a room (and a clock) with the speaker; otherwise no gate.

    The gate compares each block with what was played in the last second of
    wall-clock time, which only means something for a live microphone (with
    --no-barge-in too: the room still echoes just after voicecare stops).
    """
    if live or session.settings.echo_filter:
        return EchoGate(speaker, session.recognizer.rate, clock=speaker.clock)
    return lambda chunk: chunk


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
        if seconds >= session.settings.reset_after and session.turns:
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
            for turn in turns_from(audio, muted, quiet, _gate(session, speaker, live)):
                backoff = FIRST_BACKOFF
                session.take_turn(turn)
                if session.done:
                    session.reset()
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
