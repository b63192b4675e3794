"""Command-line handlers for the spoken conversation: listen, kiosk and doctor."""

from __future__ import annotations

import argparse
import json
import threading
import time
import tomllib
from collections.abc import Callable, Iterator
from dataclasses import asdict
from pathlib import Path
from typing import Any

from voicecare.assistant import Assistant
from voicecare.audio import AudioChunk, iter_wav, usable
from voicecare.echo import EchoGate
from voicecare.errors import AudioError, InputError, IntentError, ModelError, VoicecareError
from voicecare.interfaces import Microphone
from voicecare.sinks import DirectorySink
from voicecare.speech_cli import load_recognizer, make_speaker, warn
from voicecare.tts import Speaker
from voicecare.voice import TurnReport, VoiceSession, VoiceSettings, turns_from

FIRST_BACKOFF, MAX_BACKOFF = 1.0, 30.0
"""Seconds to wait before retrying a failed device, doubling up to the maximum."""
CONFIG_KEYS = {"engine", "model", "device", "wake_phrase", "reset_after", "event_log", "rate", "voice",
               "max_questions", "quiet"}
DEFAULT_WAKE = "hey voice care"


def add_voice_arguments(command: argparse.ArgumentParser, *, kiosk: bool) -> None:
    """Options shared by listen and kiosk."""
    command.add_argument("--device", help="microphone (index or part of its name; see 'voicecare devices')")
    command.add_argument("--max-questions", type=int, default=4, help="most red-flag questions to ask")
    command.add_argument("--wake-phrase", default=DEFAULT_WAKE if kiosk else None,
                         help=f"phrase that starts a session ({'default' if kiosk else 'off by default; e.g.'} "
                              f"'{DEFAULT_WAKE}'); 'none' turns it off")
    command.add_argument("--reset-after", type=float, default=120.0,
                         help="seconds of quiet after which the session is forgotten (default 120)")
    command.add_argument("--event-log", type=Path, help="opt-in log of times, dispositions and symptom ids (no words)")
    command.add_argument("--json", action="store_true", help="one JSON line per assistant turn")
    command.add_argument("--no-barge-in", action="store_true",
                         help="ignore the microphone while voicecare speaks (for speakers loud enough to drown the caregiver)")
    if kiosk:
        command.add_argument("--config", type=Path, help="kiosk settings file (TOML; see deploy/voicecare.toml)")
        return
    command.add_argument("--input-files", type=Path, nargs="+", metavar="FILE",
                         help="replay these recordings as the caregiver's turns, one file per turn")
    command.add_argument("--fast", action="store_true", help="replay as fast as possible, not in real time")
    command.add_argument("--say-to-dir", type=Path, metavar="DIR", help="write each spoken reply to DIR/NNN.wav")


def settings_from(args: argparse.Namespace) -> VoiceSettings:
    wake = None if (args.wake_phrase or "").lower() in ("", "none", "off") else args.wake_phrase
    live = not getattr(args, "input_files", None)  # recordings hold no echo of our voice
    return VoiceSettings(wake_phrase=wake, reset_after=args.reset_after, max_questions=args.max_questions,
                         echo_filter=live and not args.no_barge_in)


def _printer(as_json: bool) -> Callable[[TurnReport], None]:
    def show(report: TurnReport) -> None:
        if as_json:
            print(json.dumps(asdict(report), ensure_ascii=False), flush=True)
        else:
            print(f"you> {report.heard}")
            for text in report.said:
                print(f"voicecare> {text}")
            print(flush=True)

    return show


def _session(args: argparse.Namespace, speaker_sink: Any = None) -> tuple[VoiceSession, Speaker, Callable[[str], None]]:
    """The session the options ask for, and how to report a fault (stderr, and the event log if on)."""
    assistant = Assistant.load(args.intents)
    recognizer = load_recognizer(args, assistant)
    speaker = make_speaker(args, assistant, speaker_sink)
    show = _printer(args.json)
    session = VoiceSession(assistant, recognizer, speaker, settings_from(args), show)
    if args.event_log is None:
        return session, speaker, warn
    from voicecare.events import EventLog

    log = EventLog(args.event_log)

    def turn(report: TurnReport) -> None:
        show(report)
        log.turn(report)

    def fault(message: str) -> None:
        warn(message)
        log.fault(message)

    session.on_turn, session.on_reset = turn, log.reset
    return session, speaker, fault


def listen(args: argparse.Namespace) -> int:
    """``voicecare listen``: the hands-free conversation, live or replayed from recordings."""
    if args.input_files:
        return _replay(args)
    session, speaker, _ = _session(args)
    started = time.monotonic()
    from voicecare.devices import Microphone as LiveMicrophone

    mic = LiveMicrophone(args.device, session.recognizer.rate)
    speaker.wait_ready()
    warn(f"listening (ready in {time.monotonic() - started:.1f} s); say 'goodbye' to stop")
    session.greet()
    mic.start()
    try:
        for turn in turns_from(mic.chunks(), _muted(args, speaker), lambda seconds: None,
                               EchoGate(speaker, session.recognizer.rate)):
            session.take_turn(turn)
            if session.done:
                break
    finally:
        mic.close()
        speaker.close()
    return 0


def _replay(args: argparse.Namespace) -> int:
    """Each file holds the caregiver's next turns, at real-time pace unless --fast; a bad file is reported and skipped."""
    files = usable(args.input_files, lambda problem: warn(f"error: {problem}"))
    if not files:
        return InputError.exit_code
    sink = DirectorySink(args.say_to_dir) if args.say_to_dir is not None else None
    session, speaker, _ = _session(args, sink)
    try:
        session.greet()
        for index, path in enumerate(files, start=1):
            speaker.wait_idle()
            if sink is not None:
                sink.start(index)
            session.take_recording(_paced(iter_wav(path, session.recognizer.rate), args.fast), speaker.wait_idle)
            if session.done:
                break
        speaker.wait_idle()
    finally:
        speaker.close()
    return InputError.exit_code if len(files) < len(args.input_files) else 0


def _paced(chunks: Iterator[AudioChunk], fast: bool) -> Iterator[AudioChunk]:
    began = time.monotonic()
    for chunk in chunks:
        if not fast:
            delay = began + chunk.start + chunk.seconds - time.monotonic()
            if delay > 0:
                time.sleep(delay)
        yield chunk


def load_config(path: Path | None, args: argparse.Namespace) -> None:
    """Apply a kiosk config file (TOML, keys as the long options) under the command-line options."""
    if path is None:
        return
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except (OSError, tomllib.TOMLDecodeError) as exc:
        raise InputError(f"{path}: cannot read the config ({exc})") from None
    table = data.get("kiosk", data)
    unknown = set(table) - CONFIG_KEYS
    if unknown:
        raise InputError(f"{path}: unknown keys {sorted(unknown)} (expected: {', '.join(sorted(CONFIG_KEYS))})")
    for key, value in table.items():
        if key in ("model", "event_log"):
            value = Path(value)
        setattr(args, key, value)


def kiosk(args: argparse.Namespace) -> int:
    """``voicecare kiosk``: unattended; recovers from device and engine faults, exits only on what a restart cannot fix."""
    load_config(args.config, args)
    session, speaker, fault = _session(args)
    from voicecare.devices import Microphone as LiveMicrophone

    def make_mic() -> Microphone:
        return LiveMicrophone(args.device, session.recognizer.rate)

    speaker.wait_ready()
    warn("kiosk ready" + (f"; say '{session.settings.wake_phrase}' to begin" if session.settings.wake_phrase else ""))
    try:
        run_kiosk(session, speaker, make_mic, stop=threading.Event(), on_fault=fault, muted=_muted(args, speaker))
    finally:
        speaker.close()
    return 0


def _muted(args: argparse.Namespace, speaker: Speaker) -> Callable[[], bool]:
    """With --no-barge-in the microphone is deaf while voicecare speaks; otherwise never."""
    return speaker.speaking.is_set if args.no_barge_in else (lambda: False)


def run_kiosk(session: VoiceSession, speaker: Speaker, make_mic: Callable[[], Microphone], stop: threading.Event,
              sleep: Callable[[float], None] = time.sleep, on_fault: Callable[[str], None] = warn,
              muted: Callable[[], bool] = lambda: False) -> None:
    """The kiosk loop: listen, answer, forget after a quiet spell, and retry failed devices with back-off."""
    backoff = FIRST_BACKOFF

    def quiet(seconds: float) -> None:
        if seconds >= session.settings.reset_after and session.turns:
            session.reset()

    while not stop.is_set():
        mic: Microphone | None = None
        try:
            mic = make_mic()
            mic.start()
            for turn in turns_from(mic.chunks(), muted, quiet, EchoGate(speaker, session.recognizer.rate)):
                backoff = FIRST_BACKOFF
                session.take_turn(turn)
                if session.done:
                    session.reset()
                if stop.is_set():
                    break
            else:
                if stop.is_set():
                    break
                raise AudioError("the microphone stream ended")
        except (ModelError, IntentError):
            raise  # a restart cannot fix these
        except (VoicecareError, OSError, RuntimeError) as exc:
            on_fault(f"{exc}; retrying in {backoff:.0f} s")
            sleep(backoff)
            backoff = min(backoff * 2, MAX_BACKOFF)
        finally:
            if mic is not None:
                mic.close()
