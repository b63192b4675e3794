"""``voicecare listen``: the hands-free conversation, from the microphone or replayed from recordings."""

from __future__ import annotations

import argparse
import json
import time
from collections.abc import Iterator, Mapping, Sequence
from pathlib import Path

from voicecare.app.sound_open import SoundHangs, TimedOpen, microphone_open, own_stderr
from voicecare.app.speech_cli import SPEECH_FAILED, warn
from voicecare.app.voice_cli import (
    echo_gate,
    muted_while_speaking,
    settings_from,
    voice_session,
    warn_narrow_microphone,
)
from voicecare.app.voiced_reports import HeldReports, as_voiced
from voicecare.conversation import render
from voicecare.conversation.voice import TurnReport, VoiceSettings, turns_from
from voicecare.errors import AudioError, InputError, SpeechError
from voicecare.interfaces import Microphone
from voicecare.speech_in.audio import (
    AudioChunk,
    cut_short_error,
    iter_wav,
    narrow_band,
    narrow_band_error,
    narrow_band_warning,
    read_format,
    usable,
)
from voicecare.speech_out.sinks import DirectorySink
from voicecare.speech_out.tts import Speaker

UNUSED_AFTER_GOODBYE = "not used: 'goodbye' was said before it"
"""The ``error`` of a recording's JSON line when the conversation ended before it."""


def listen(args: argparse.Namespace) -> int:
    """``voicecare listen``: the hands-free conversation, live or replayed from recordings."""
    settings = settings_from(args)  # built once, and checked before anything loads
    if args.input_files:
        return _replay(args, settings)
    with own_stderr():  # sounddevice points descriptor 2 at /dev/null while PortAudio starts: a start that hangs
        try:  # lost the line saying so, then and at exit (sound_open)
            return _live(args, settings)
        except SoundHangs as exc:
            warn(f"error: {exc}")
            return exc.exit_code


def _live(args: argparse.Namespace, settings: VoiceSettings) -> int:
    """The conversation with the microphone and speaker."""
    from voicecare.speech_in.devices import import_sounddevice

    # PortAudio opens every sound device as it starts: started here under the time limit, before the speaker or the
    # microphone needs it (an AudioError for PortAudio missing is said where they are made, as before).
    try:
        TimedOpen[object]("the sound system (PortAudio opening each device as it starts)")(import_sounddevice)
    except SoundHangs:
        raise
    except AudioError:
        pass
    session, speaker, _, _ = voice_session(args, settings)
    reports = HeldReports(speaker, session.on_turn)  # printed once said: ``spoken`` is what was heard (review 16 F8)
    session.on_turn = reports.turn
    started = time.monotonic()
    from voicecare.speech_in.devices import Microphone as LiveMicrophone

    # Made and opened under the kiosk's time limit (sound_open): PortAudio's start and the stream's open hung for
    # ever on a device that never answers, with no line. Past it: SoundHangs, one line, exit 2 (no retry here:
    # whoever runs listen is there to read it; the kiosk retries).
    opened = microphone_open()
    mic = opened(lambda: LiveMicrophone(args.device, session.recognizer.rate))
    warn_narrow_microphone(args.device)
    speaker.wait_ready()
    warn(f"listening (ready in {time.monotonic() - started:.1f} s); say 'goodbye' to stop")
    session.greet()
    opened(lambda: _started(mic))
    with speaker:
        try:
            for turn in turns_from(mic.chunks(), muted_while_speaking(args, speaker), reports.quiet,
                                   echo_gate(session, speaker, live=True), session.speech_detector()):
                session.take_turn(turn)
                if session.done:
                    break
        finally:
            mic.close()
            reports.finish()
    return 0


def _started(mic: Microphone) -> Microphone:
    mic.start()
    return mic


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
    shorts: list[bool] = []  # whether each recording played was cut short, for its JSON lines (as triage's)
    session, speaker, _, _ = voice_session(args, settings, sink, source=lambda: playing[-1] if playing else None,
                                           cut_short=lambda: bool(shorts) and shorts[-1])
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
            shorts.append(short is not None)
            if narrow_band(fmt.rate):  # before its replies: they are not to be trusted (review13 F8)
                warn(narrow_band_warning(str(path), fmt.rate))
            answered = len(reported)
            session.take_recording(_paced(iter_wav(path, session.recognizer.rate), args.fast), speaker.wait_idle)
            release()
            if len(reported) == answered and args.json:
                # Noise alone, or words that only repeated the last turn: no reply, but still its line, so a script
                # reading one line per recording stays aligned (outside review 14 F9).
                line = json.loads(render.no_turn_json_line(str(path), session.conversation.state.value))
                print(json.dumps({**line, "cut_short": short is not None}, ensure_ascii=False), flush=True)
            if short is not None:  # as triage --audio says it (review12 F8): the missing part may hold the emergency
                warn(f"error: {cut_short_error(path, short)}")
                cut += 1
            elif narrow_band(fmt.rate):  # its replies are not to be trusted: not a clean exit (review 21 F13)
                warn(f"error: {narrow_band_error(path, fmt.rate)}")
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
