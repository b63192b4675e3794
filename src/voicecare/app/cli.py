"""The command line: a thin adapter that turns library errors into one-line messages."""

from __future__ import annotations

import argparse
import contextlib
import os
import signal
import stat
import sys
import threading
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import NoReturn, TextIO, cast

from voicecare import __version__
from voicecare.conversation import render
from voicecare.conversation.dialog import DEFAULT_MAX_QUESTIONS, Conversation
from voicecare.errors import InputError, VoicecareError
from voicecare.intents import DEFAULT_LANGUAGE, ENV_VAR, IntentSettings
from voicecare.interfaces import Synthesizer
from voicecare.speech_out.tts import DEFAULT_RATE_WPM, MAX_RATE_WPM, MIN_RATE_WPM
from voicecare.understanding.assistant import Assistant

Handler = Callable[[argparse.Namespace], int]
MAX_TEXT_BYTES = 1 << 20
"""Most bytes read from a text file or stdin (a typed list of utterances is far smaller)."""
MAX_LINE_CHARS = 100_000
"""Longest utterance accepted (about 1.5 s of matching); longer lines are refused, never cut."""
STDIN = "-"


class _Parser(argparse.ArgumentParser):
    """An argument parser whose errors are one line, like every other error."""

    def error(self, message: str) -> NoReturn:
        self.exit(2, f"{self.prog}: error: {message} (try '{self.prog} --help')\n")


def main(argv: Sequence[str] | None = None, synthesizer: Callable[[], Synthesizer] | None = None) -> int:
    """Run the command line; return the exit status.

    ``synthesizer`` replaces the espeak-ng worker for every command that
    speaks: where a program embedding voicecare, or a test, brings its own
    engine (a failing one, to prove a crash never costs a printed reply).
    """
    parser = build_parser()
    args = parser.parse_args(argv)
    args.synthesizer = synthesizer
    if not hasattr(args, "handler"):
        parser.print_help()
        return 2
    try:
        _refuse_quiet_speech(args)
        with _terminate_cleanly():
            return int(args.handler(args))
    except _Terminated:
        # Everything is closed (reply files finished, the speech worker stopped): now die of the
        # signal, as systemd expects of a service it stopped.
        signal.signal(signal.SIGTERM, signal.SIG_DFL)
        os.kill(os.getpid(), signal.SIGTERM)
        return 128 + signal.SIGTERM
    except VoicecareError as exc:
        if args.debug:
            raise
        print(f"voicecare: error: {exc}", file=sys.stderr)
        return exc.exit_code
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        return 0


class _Terminated(BaseException):
    """SIGTERM (``systemctl stop``) arrived: unwind, closing files and workers on the way."""


@contextlib.contextmanager
def _terminate_cleanly() -> Iterator[None]:
    """Turn SIGTERM into an exception in the main thread for the duration (a no-op in other threads)."""

    def terminate(signum: int, frame: object) -> None:
        raise _Terminated

    if threading.current_thread() is not threading.main_thread():
        yield
        return
    previous = signal.signal(signal.SIGTERM, terminate)
    try:
        yield
    finally:
        signal.signal(signal.SIGTERM, previous)


def _refuse_quiet_speech(args: argparse.Namespace) -> None:
    """--quiet with somewhere to speak is a contradiction: say so rather than drop the reply file silently."""
    if not getattr(args, "quiet", False):
        return
    asked = [flag for flag, value in (("--say-to", getattr(args, "say_to", None)),
                                      ("--speaker", getattr(args, "speaker", None))) if value is not None]
    if asked:
        raise InputError(f"--quiet prints only, so it cannot also speak to {' or '.join(asked)}; drop one of them")
    rate = getattr(args, "rate", None)  # None: the kiosk's, which comes from its config and refuses --quiet itself
    if getattr(args, "voice", None) is not None or rate not in (None, DEFAULT_RATE_WPM):
        print("voicecare: --rate and --voice shape speech, and --quiet speaks nothing; printing only", file=sys.stderr)


def build_parser() -> argparse.ArgumentParser:
    """All subcommands; each registers its own arguments."""
    parser = _Parser(prog="voicecare", description="Offline voice triage for a caregiver describing a child's symptoms.")
    parser.add_argument("--version", action="version", version=f"voicecare {__version__}")
    bare = _Parser(add_help=False)
    bare.add_argument("--debug", action="store_true", help="show tracebacks on errors")
    common = _Parser(add_help=False, parents=[bare])
    common.add_argument("--intents", type=Path,
                        help=f"intents folder, or one language folder in it (default: ${ENV_VAR}, else the one shipped)")
    # No parser default: the kiosk must tell "not given" apart, so its config file can choose the language.
    common.add_argument("--language", help=f"language folder of the intents to use (default: {DEFAULT_LANGUAGE})")
    common.add_argument("--topic", help="topic folder to use (default: the only topic, when there is one)")
    sub = parser.add_subparsers(title="commands", metavar="COMMAND")
    for register in _COMMANDS:
        register(sub, bare if register in _WITHOUT_INTENTS else common)
    return parser


def intent_settings(args: argparse.Namespace) -> IntentSettings:
    """The intents the options (or a kiosk config applied to them) name."""
    return IntentSettings(args.intents, args.language or DEFAULT_LANGUAGE, args.topic)


def load_assistant(args: argparse.Namespace) -> Assistant:
    """The assistant for the language and topic the options name."""
    return Assistant.from_settings(intent_settings(args))


def _add(sub: argparse._SubParsersAction[_Parser], common: _Parser, name: str, help_text: str, handler: Handler) -> _Parser:
    command: _Parser = sub.add_parser(name, parents=[common], help=help_text, description=help_text)
    command.set_defaults(handler=handler, debug=False)
    return command


def _register_triage(sub: argparse._SubParsersAction[_Parser], common: _Parser) -> None:
    command = _add(sub, common, "triage", "triage what a caregiver said (typed text or recorded audio) and print the advice",
                   _triage)
    source = command.add_mutually_exclusive_group(required=True)
    source.add_argument("--text", help="one utterance")
    source.add_argument("--text-file", type=Path, help="a file with one utterance per line")
    source.add_argument("--audio", type=Path, nargs="+", metavar="FILE", help="recorded WAV files, one result each")
    command.add_argument("--json", action="store_true", help="print one JSON object per result")
    from voicecare.app.speech_cli import add_speech_arguments

    add_speech_arguments(command)


def _register_chat(sub: argparse._SubParsersAction[_Parser], common: _Parser) -> None:
    command = _add(sub, common, "chat", "a typed conversation with the guided interview", _chat)
    command.add_argument("--max-questions", type=int, default=DEFAULT_MAX_QUESTIONS,
                         help=f"red-flag questions to ask at most; those about emergency and urgent signs are "
                              f"asked even past it (default {DEFAULT_MAX_QUESTIONS})")


def _register_check(sub: argparse._SubParsersAction[_Parser], common: _Parser) -> None:
    _add(sub, common, "check", "validate the intent files and print a summary", _check)


def _register_eval(sub: argparse._SubParsersAction[_Parser], common: _Parser) -> None:
    command = _add(sub, common, "eval", "score the assistant on a labelled corpus", _eval)
    command.add_argument("corpus", type=Path, nargs="+",
                         help="labelled utterances: TSV (expected<TAB>utterance[<TAB>note]), CSV or JSON lines")
    command.add_argument("--show-failures", action="store_true", help="list every case with the wrong disposition")


def _register_answers(sub: argparse._SubParsersAction[_Parser], common: _Parser) -> None:
    command = _add(sub, common, "answer", "understand answers to an interview question (yes, no, unsure, ...)",
                   _lazy("voicecare.app.answer_cli", "answer_command"))
    command.add_argument("--question", required=True, metavar="ID",
                         help="an interview question id of the topic (topic.toml), or anything_else")
    source = command.add_mutually_exclusive_group(required=True)
    source.add_argument("--text", help="one answer")
    source.add_argument("--text-file", type=Path, help="a file with one answer per line")
    command.add_argument("--json", action="store_true", help="one JSON object per line")
    scorer = _add(sub, common, "eval-answers", "score the answer reader on labelled answers",
                  _lazy("voicecare.app.answer_cli", "eval_command"))
    scorer.add_argument("corpus", type=Path, help="TSV: question_id, expected, answer, why (# starts a comment)")
    scorer.add_argument("--mistakes", action="store_true", help="also list every answer read wrongly")


@dataclass(frozen=True)
class TextLines:
    """The lines of a text input, and how many of them were not UTF-8 (kept, with their bad bytes replaced)."""

    lines: list[str]
    unreadable: int = 0


def _read_lines(path: Path) -> TextLines:
    """The lines of a regular file, or of stdin for "-"; InputError for anything else or too much."""
    raw = sys.stdin.buffer.read(MAX_TEXT_BYTES + 1) if str(path) == STDIN else _read_regular(path)
    name = "standard input" if str(path) == STDIN else str(path)
    if len(raw) > MAX_TEXT_BYTES:
        raise InputError(f"{name}: more than {MAX_TEXT_BYTES // (1 << 20)} MiB of text; split it into smaller files")
    return _decoded_lines(raw, name)


def _decoded_lines(raw: bytes, name: str) -> TextLines:
    """Each line as UTF-8 text; a line that is not is reported in one line and kept with its bad bytes replaced.

    One stray byte (a Latin-1 "é", a bad paste) must not cost the other lines their triage, nor its own:
    "she is not breathing\xe9" still says enough. The caller exits non-zero if any line was bad.
    """
    if b"\x00" in raw:  # not text at all (a recording, an archive): refused whole, in one line
        raise InputError(f"{name}: cannot read it as UTF-8 text (it holds binary data)")
    lines, unreadable = [], 0
    for number, line in enumerate(raw.splitlines(), start=1):
        try:
            lines.append(line.decode("utf-8"))
        except UnicodeDecodeError:
            print(f"voicecare: error: {name} line {number}: not UTF-8 text; read with the bad bytes replaced",
                  file=sys.stderr, flush=True)
            lines.append(line.decode("utf-8", errors="replace"))
            unreadable += 1
    return TextLines(lines, unreadable)


def _read_regular(path: Path) -> bytes:
    """At most MAX_TEXT_BYTES + 1 bytes of a regular file: a pipe would hang and /dev/zero never ends."""
    try:
        # O_NONBLOCK: opening a FIFO must not wait for a writer before we can refuse it.
        handle = os.open(path, os.O_RDONLY | os.O_NONBLOCK | getattr(os, "O_CLOEXEC", 0))
    except FileNotFoundError:
        raise InputError(f"{path}: no such file") from None
    except OSError as exc:
        raise InputError(f"{path}: cannot open it ({exc.strerror})") from None
    if not stat.S_ISREG(os.fstat(handle).st_mode):
        os.close(handle)
        raise InputError(f"{path}: not a regular file (a folder, pipe or device); give a text file, "
                         f"or '{STDIN}' to read standard input")
    with os.fdopen(handle, "rb") as stream:
        try:
            return stream.read(MAX_TEXT_BYTES + 1)
        except OSError as exc:
            raise InputError(f"{path}: cannot read it ({exc.strerror})") from None


def check_length(utterance: str, where: str) -> None:
    """InputError for an utterance too long to triage: it is refused whole, never cut."""
    if len(utterance) > MAX_LINE_CHARS:
        raise InputError(f"{where}: {len(utterance):,} characters, more than the {MAX_LINE_CHARS:,} one "
                         "utterance may have; put each utterance on its own line")


def _triage(args: argparse.Namespace) -> int:
    if args.audio:
        from voicecare.app.speech_cli import triage_audio

        return triage_audio(args)
    if args.text is not None:
        check_length(args.text, "--text")
        text = TextLines([args.text])
    else:
        text = _read_lines(args.text_file)
    # A blank line is no caregiver: skipped, not triaged as "unclear". Line numbers stay the file's.
    numbered = [(number, line) for number, line in enumerate(text.lines, start=1) if line.strip()]
    if not numbered and args.text is not None:
        raise InputError("--text: empty; give what the caregiver said")
    if not numbered:
        raise InputError(f"{args.text_file}: empty{' but for blank lines' if text.lines else ''}; "
                         "give one utterance per line")
    utterances = [line for _, line in numbered]
    if not MIN_RATE_WPM <= args.rate <= MAX_RATE_WPM:  # wrong even when nothing is spoken: say so, as speech does
        raise InputError(f"rate {args.rate!r}: give a whole number of words per minute from {MIN_RATE_WPM} to "
                         f"{MAX_RATE_WPM}")
    if not args.quiet and (args.say_to is not None or args.speaker is not None):
        from voicecare.app.speech_cli import triage_text_spoken

        code = triage_text_spoken(args, utterances)  # text mode speaks only when asked where to
        return InputError.exit_code if text.unreadable else code
    assistant = load_assistant(args)
    if not args.quiet and (args.rate != DEFAULT_RATE_WPM or args.voice is not None):
        if args.voice is not None:  # wrong even when nothing is spoken, as the rate is
            from voicecare.app.speech_cli import check_speech_options

            check_speech_options(args, assistant.intents.language.code)
        print("voicecare: --rate and --voice shape speech, and text mode speaks only with --say-to FILE.wav "
              "or --speaker DEVICE; printing only", file=sys.stderr)
    failed = text.unreadable
    for number, utterance in numbered:
        try:
            check_length(utterance, f"{args.text_file} line {number}" if args.text is None else "--text")
        except InputError as exc:  # one bad line must not keep the rest (an emergency among them) from triage
            print(f"voicecare: error: {exc}", file=sys.stderr, flush=True)
            failed += 1
            continue
        assistant.disclaimer_due = True  # each line is its own caregiver (rule 8: once to each)
        result = assistant.answer(utterance)
        if args.json:
            print(render.as_json_line(result, utterance, utterance), flush=True)
        else:
            print(render.as_text(result, utterance, assistant.intents.language) + "\n", flush=True)
    return InputError.exit_code if failed else 0


def _chat(args: argparse.Namespace) -> int:
    from voicecare.app import kiosk_config
    from voicecare.conversation.dialog import State

    # Checked as listen and the kiosk check it, before anything loads.
    max_questions = cast(int, kiosk_config.checked("max_questions", args.max_questions))
    conversation = Conversation(load_assistant(args), max_questions=max_questions)
    _print_turn(conversation.greet().messages, sys.stdout)
    interactive = sys.stdin.isatty()
    while conversation.state is not State.DONE:
        if interactive:
            print("you> ", end="", flush=True)
        line = sys.stdin.readline(MAX_LINE_CHARS + 1)
        if not line:
            break
        check_length(line.rstrip("\n"), "typed line")
        if not interactive:
            print(f"you> {line.rstrip()}")
        turn = conversation.hear(line.strip())
        # A voice command is acknowledged in words (typed, "slower" has no voice to slow down), not acted on.
        _print_turn(_text_mode_ack(conversation, turn.command) or turn.messages, sys.stdout)
    return 0


TEXT_MODE_ACKS = {"stop": "conversation.text_stop", "slower": "conversation.text_speed",
                  "faster": "conversation.text_speed"}
"""Commands that act on the voice: typed, they are acknowledged in words (text mode has no voice to change)."""


def _text_mode_ack(conversation: Conversation, command: str | None) -> tuple[str, ...]:
    key = TEXT_MODE_ACKS.get(command or "")
    return (conversation.assistant.intents.messages[key],) if key else ()


def _print_turn(messages: Sequence[object], out: TextIO) -> None:
    for message in messages:
        print(f"voicecare> {getattr(message, 'text', message)}", file=out)
    out.flush()


def _check(args: argparse.Namespace) -> int:
    from voicecare import intents

    directory = intents.language_dir(args.intents or intents.default_dir(), args.language or DEFAULT_LANGUAGE)
    problems = intents.problems_of(directory)
    for problem in problems:
        print(problem, file=sys.stderr)
    if problems:
        print(f"voicecare: error: {len(problems)} problem(s) in {directory}", file=sys.stderr)
        return 2
    loaded = intents.load_all(directory)
    if args.topic is not None:
        loaded = intents.load(directory, topic=args.topic)
    print(f"language: {loaded.language.code} ({loaded.language.name}), {len(loaded.language.context.triggers)} cues")
    for topic in loaded.topics:
        phrases = sum(len(s.phrases) for s in topic.symptoms)
        print(f"{topic.id}: {len(topic.symptoms)} symptoms, {phrases} phrases, {len(topic.interview)} interview questions")
        for symptom in topic.symptoms:
            print(f"  {symptom.level.id:<10} {symptom.id:<24} {len(symptom.phrases):>3} phrases")
    controls = sum(len(v) for v in loaded.controls.values())
    print(f"controls: {len(loaded.controls)} kinds, {controls} phrases")
    print(f"ok: {directory}")
    return 0


def _eval(args: argparse.Namespace) -> int:
    from voicecare.app import evaluation

    corpora = [(path, evaluation.read_corpus(path)) for path in args.corpus]  # bad input fails before any work
    assistant = load_assistant(args)
    reports = []
    for path, cases in corpora:
        report = evaluation.evaluate(cases, lambda text: assistant.answer(text).disposition)
        reports.append(report)
        print(evaluation.summary_line(path.name, report))
    total = evaluation.combine(reports)
    if len(reports) > 1:
        print(evaluation.summary_line("TOTAL", total))
    print("\n" + evaluation.format_confusion(total))
    if args.show_failures:
        print(f"\nmisses: {len(total.misses())}")
        for (path, _), report in zip(corpora, reports, strict=True):
            print("\n".join(evaluation.format_misses(report, path.name)))
    return 0


def _lazy(module: str, function: str) -> Handler:
    """A handler that imports its module only when its command runs (speech engines load slowly)."""

    def handler(args: argparse.Namespace) -> int:
        import importlib

        run: Handler = getattr(importlib.import_module(module), function)
        return run(args)

    return handler


def _register_devices(sub: argparse._SubParsersAction[_Parser], common: _Parser) -> None:
    _add(sub, common, "devices", "list microphones and speakers", _lazy("voicecare.app.speech_cli", "devices"))


def _register_models(sub: argparse._SubParsersAction[_Parser], common: _Parser) -> None:
    handler = _lazy("voicecare.app.speech_cli", "models_command")
    command = _add(sub, common, "models", "list, download, install (from a zip) or verify Vosk speech models", handler)
    command.add_argument("action", choices=("list", "download", "install", "verify"))
    command.add_argument("target", nargs="?",
                         help="model NAME for download (default: the default model), FILE.zip for install, PATH for verify")
    command.add_argument("--language", help="language the model must be for (default: from the manifest, else en)")
    command.add_argument("--manifest", type=Path, help="model manifest (default: models/manifest.toml)")
    command.add_argument("--no-progress", action="store_true", help="do not show download progress")


def _register_voice(sub: argparse._SubParsersAction[_Parser], common: _Parser, name: str, help_text: str) -> None:
    from voicecare.app.speech_cli import add_speech_arguments
    from voicecare.app.voice_cli import add_voice_arguments

    command = _add(sub, common, name, help_text, _lazy("voicecare.app.voice_cli", name))
    add_speech_arguments(command, kiosk=name == "kiosk")
    add_voice_arguments(command, kiosk=name == "kiosk")


def _register_listen(sub: argparse._SubParsersAction[_Parser], common: _Parser) -> None:
    _register_voice(sub, common, "listen", "hands-free spoken conversation (microphone, or recorded turns)")


def _register_kiosk(sub: argparse._SubParsersAction[_Parser], common: _Parser) -> None:
    _register_voice(sub, common, "kiosk", "unattended kiosk: wake phrase, sessions that reset, recovers by itself")


def _register_doctor(sub: argparse._SubParsersAction[_Parser], common: _Parser) -> None:
    def handler(args: argparse.Namespace) -> int:
        from voicecare.app import doctor
        from voicecare.app.speech_cli import models_dir

        return 0 if doctor.run(models_dir(), args.model, args.intents, args.language or DEFAULT_LANGUAGE, args.topic,
                               config=args.config) else 1

    command = _add(sub, common, "doctor", "check microphone, speaker, PortAudio, model, speech engine, intents", handler)
    command.add_argument("--model", type=Path, help="Vosk model folder to check")
    command.add_argument("--config", type=Path, help="a kiosk config (/etc/voicecare/voicecare.toml) to check too: "
                         "its keys, and that its microphone, speaker, model and intents are there")


_WITHOUT_INTENTS = (_register_devices, _register_models)
"""Commands that never read the intents, so they do not offer --intents, --language or --topic."""
_COMMANDS = (_register_triage, _register_chat, _register_check, _register_eval, _register_answers, _register_devices,
             _register_models,
             _register_listen, _register_kiosk, _register_doctor)
