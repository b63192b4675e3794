"""What listen and kiosk share: their options, the voice session they build, how turns are printed."""

from __future__ import annotations

import argparse
import dataclasses
import json
from collections.abc import Callable
from dataclasses import asdict
from pathlib import Path
from typing import TYPE_CHECKING, Any, cast

from voicecare.app import kiosk_config
from voicecare.app.cli import load_assistant
from voicecare.app.kiosk_start import check_wake_words
from voicecare.app.speech_cli import check_speech_options, chosen_vad, load_recognizer, make_speaker, quiet_note, warn
from voicecare.conversation.dialog import DEFAULT_MAX_QUESTIONS
from voicecare.conversation.voice import TurnReport, VoiceSession, VoiceSettings
from voicecare.errors import InputError, VoicecareError
from voicecare.speech_in.audio import AudioChunk, narrow_band, narrow_band_warning
from voicecare.speech_in.echo import EchoGate
from voicecare.speech_in.vad import Vad
from voicecare.speech_out.tts import Speaker
from voicecare.understanding.assistant import Assistant

if TYPE_CHECKING:
    from voicecare.app.events import EventLog

LANGUAGE_WAKE = kiosk_config.LANGUAGE_WAKE


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
                         echo_filter=live and not args.no_barge_in, early_replies=not args.no_barge_in,
                         vad=cast(Vad, chosen_vad(args)))


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


def turn_printer(as_json: bool, words: bool = True, source: Callable[[], str | None] = lambda: None,
                 cut_short: Callable[[], bool] = lambda: False) -> Callable[[TurnReport], None]:
    """Each turn printed; without ``words`` (the kiosk, whose stdout is the journal, kept on disk) no word said
    or heard: the disposition, state and symptom ids only, as the event log keeps them (review 10, K7).
    ``source``: the recording being replayed, named as ``input`` in each JSON line (review14 F9: a script lines
    turns up with its files, as ``triage --json`` lets it); ``cut_short``: whether it was cut short, beside it,
    as ``triage --audio --json`` says it (an emergency may be in the part missing)."""
    def show(report: TurnReport) -> None:
        if as_json:
            fields = {k: v for k, v in asdict(report).items() if (words or k not in WORDS)
                      and not (k == "speech_error" and v is None)}  # only on a turn whose reply failed
            given = source()
            if given is not None:
                fields["input"], fields["cut_short"] = given, cut_short()
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


def voice_session(args: argparse.Namespace, settings: VoiceSettings, speaker_sink: Any = None,
                  log_given: str = "--event-log", speech_errors: Callable[[str], None] = warn,
                  model_fallback: bool = False, source: Callable[[], str | None] = lambda: None,
                  cut_short: Callable[[], bool] = lambda: False, assistant: Assistant | None = None,
                  log_speech: bool = True, log_optional: bool = False,
                  ) -> tuple[VoiceSession, Speaker, Callable[[str], None], EventLog | None]:
    """The session the options ask for, how to report a fault (stderr, and the event log if on), and the event log.

    ``log_given``: where the event log was named (``--event-log``, or ``file: event_log``), for its errors.
    ``speech_errors``: where the speaker's failures go until the caller sets its own ``on_error``.
    ``model_fallback``: a Vosk model that cannot load gives PocketSphinx, with one line (the kiosk).
    ``source``: the recording being replayed, and ``cut_short``: whether it was cut short, for the JSON lines.
    ``assistant``: given by the kiosk, whose intents, voice and wake phrase ``kiosk_start.check`` has checked.
    ``log_speech``: speech failures go to the event log too (the kiosk logs its own, once it knows what it does).
    ``log_optional`` (the kiosk): an event log that cannot be opened is said in one line and the session goes on
    without it; a kiosk whose SD card went read-only exited 2 and was restarted every 10 s for ever, with no voice
    and no 911 for the family, for the sake of a privacy log (outside review 19 F3).
    """
    log = None
    if args.event_log is not None:
        from voicecare.app.events import EventLog

        try:
            log = EventLog(args.event_log, on_error=warn)  # before the slow start-up: a wrong path fails at once
        except InputError as exc:
            if not log_optional:
                raise InputError(f"{log_given}: {exc}") from None
            warn(f"warning: {log_given}: {exc}; starting without the event log (voicecare doctor --config checks it)")
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
    show = turn_printer(args.json, words=getattr(args, "show_words", True), source=source, cut_short=cut_short)
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


def warn_narrow_microphone(device: int | str | None) -> None:
    """One line when the microphone records below 16 kHz: what it hears is not to be trusted (review13 F8)."""
    from voicecare.speech_in.devices import input_rate

    try:
        rate = input_rate(device)
    except VoicecareError:
        return  # opening it says what is wrong
    if rate is not None and narrow_band(rate):
        warn(narrow_band_warning("the microphone" if device is None else f"microphone {device}", rate))


def muted_while_speaking(args: argparse.Namespace, speaker: Speaker) -> Callable[[], bool]:
    """With --no-barge-in the microphone is deaf while voicecare speaks; otherwise never."""
    return speaker.speaking.is_set if args.no_barge_in else (lambda: False)


def echo_gate(session: VoiceSession, speaker: Speaker, live: bool) -> Callable[[AudioChunk], AudioChunk]:
    """The echo gate when the microphone shares a room (and a clock) with the speaker; otherwise no gate.

    The gate compares each block with what was played in the last second of
    wall-clock time, which only means something for a live microphone (with
    --no-barge-in too: the room still echoes just after voicecare stops).
    """
    if live or session.settings.echo_filter:
        return EchoGate(speaker, session.recognizer.rate, clock=speaker.clock)
    return lambda chunk: chunk
