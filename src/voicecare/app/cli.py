"""The command line: a thin adapter that turns library errors into one-line messages.

This module builds the arguments and runs the entry point; each command's work is in its own module, imported
when it runs (``text_cli``: triage of text, chat, check, eval; ``answer_cli``; ``speech_cli``; ``listen_cli``
and ``kiosk_cli``, with what they share in ``voice_cli``).
"""

from __future__ import annotations

import argparse
import contextlib
import os
import signal
import sys
import threading
from collections.abc import Callable, Iterator, Sequence
from pathlib import Path
from typing import NoReturn

from voicecare import __version__
from voicecare.app.output import OUTPUT_EXIT, GuardedOutput
from voicecare.app.unused_options import refuse_unused
from voicecare.conversation.dialog import DEFAULT_MAX_QUESTIONS
from voicecare.errors import InputError, VoicecareError
from voicecare.intents import DEFAULT_LANGUAGE, ENV_VAR, IntentSettings
from voicecare.interfaces import Synthesizer
from voicecare.understanding.assistant import Assistant

Handler = Callable[[argparse.Namespace], int]


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
    _refuse_unknown_options(parser, sys.argv[1:] if argv is None else list(argv))
    args = parser.parse_args(argv)
    args.synthesizer = synthesizer
    if not hasattr(args, "handler"):
        parser.print_help()
        return 2
    with _guarded_stdout() as out:
        status = _run(args)
    if out.failed is not None:
        return max(status, OUTPUT_EXIT)  # the caller must not believe the replies were delivered
    return status


@contextlib.contextmanager
def _guarded_stdout() -> Iterator[GuardedOutput]:
    """sys.stdout for the duration of a command: a full disk or closed stdout is one line, never a traceback."""
    real = sys.stdout
    out = GuardedOutput(real)
    sys.stdout = out
    try:
        yield out
    finally:
        # Once failed, the wrapper stays: Python flushes sys.stdout at exit, and the broken stream would fail again.
        sys.stdout = real if out.failed is None else out


def _run(args: argparse.Namespace) -> int:
    try:
        _refuse_quiet_speech(args)
        refuse_unused(args)
        with _terminate_cleanly():
            status = int(args.handler(args))
            sys.stdout.flush()  # text printed without flush=True fails here, said, not unseen at exit
            return status
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


def _refuse_unknown_options(parser: argparse.ArgumentParser, argv: Sequence[str]) -> None:
    """An option the command does not have is named first, with the nearest it has: argparse reported a missing
    required option instead ("triage --txt hi": "one of the arguments --text --text-file --audio is required")."""
    import difflib

    commands = next((a.choices for a in parser._actions if isinstance(a, argparse._SubParsersAction)), None)
    command = next((word for word in argv if not word.startswith("-")), None)
    if not isinstance(commands, dict) or command not in commands:
        return  # argparse says what is wrong with the command itself
    sub = commands[command]
    known = list(sub._option_string_actions)
    for word in argv[argv.index(command) + 1:]:
        if word == "--":
            return
        option = word.split("=", 1)[0]
        if option.startswith("--") and " " not in option and option not in known:  # with a space: a value
            near = difflib.get_close_matches(option, known, n=1)
            sub.error(f"unrecognized argument: {option}" + (f" (did you mean {near[0]}?)" if near else ""))


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
                                      ("--say-to-dir", getattr(args, "say_to_dir", None)),
                                      ("--speaker", getattr(args, "speaker", None))) if value is not None]
    if asked:
        raise InputError(f"--quiet prints only, so it cannot also speak to {' or '.join(asked)}; drop one of them")
    # --rate and --voice with --quiet are checked, then noted as unused, by each command (speech_cli.quiet_note):
    # the voice's check needs the intents' language, and a note before its error made two lines.


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
    command.set_defaults(handler=handler, debug=False, command_name=name)  # command_name: unused_options' rules
    return command


def _lazy(module: str, function: str) -> Handler:
    """A handler that imports its module only when its command runs (speech engines load slowly)."""

    def handler(args: argparse.Namespace) -> int:
        import importlib

        run: Handler = getattr(importlib.import_module(module), function)
        return run(args)

    return handler


def _register_triage(sub: argparse._SubParsersAction[_Parser], common: _Parser) -> None:
    command = _add(sub, common, "triage", "triage what a caregiver said (typed text or recorded audio) and print the advice",
                   _lazy("voicecare.app.text_cli", "triage"))
    source = command.add_mutually_exclusive_group(required=True)
    # Repeatable: a second --text once silently replaced the first (an emergency in it was lost).
    source.add_argument("--text", action="append",
                        help="one utterance; repeat --text for more, each triaged as its own caregiver")
    source.add_argument("--text-file", type=Path, help="a file with one utterance per line")
    source.add_argument("--audio", type=Path, nargs="+", metavar="FILE", help="recorded WAV files, one result each")
    command.add_argument("--json", action="store_true", help="print one JSON object per result")
    from voicecare.app.speech_cli import add_speech_arguments

    add_speech_arguments(command)


def _register_chat(sub: argparse._SubParsersAction[_Parser], common: _Parser) -> None:
    command = _add(sub, common, "chat", "a typed conversation with the guided interview",
                   _lazy("voicecare.app.text_cli", "chat"))
    command.add_argument("--max-questions", type=int, default=DEFAULT_MAX_QUESTIONS,
                         help=f"red-flag questions to ask at most; those about emergency and urgent signs are "
                              f"asked even past it (default {DEFAULT_MAX_QUESTIONS})")


def _register_check(sub: argparse._SubParsersAction[_Parser], common: _Parser) -> None:
    _add(sub, common, "check", "validate the intent files and print a summary", _lazy("voicecare.app.text_cli", "check"))


def _register_eval(sub: argparse._SubParsersAction[_Parser], common: _Parser) -> None:
    command = _add(sub, common, "eval", "score the assistant on a labelled corpus",
                   _lazy("voicecare.app.text_cli", "eval_command"))
    command.add_argument("corpus", type=Path, nargs="+",
                         help="labelled utterances: TSV (expected<TAB>utterance[<TAB>note]), CSV or JSON lines")
    command.add_argument("--show-failures", action="store_true", help="list every case with the wrong disposition")


def _register_answers(sub: argparse._SubParsersAction[_Parser], common: _Parser) -> None:
    command = _add(sub, common, "answer", "understand answers to an interview question (yes, no, unsure, ...)",
                   _lazy("voicecare.app.answer_cli", "answer_command"))
    command.add_argument("--question", required=True, metavar="ID",
                         help="an interview question id of the topic (topic.toml), or anything_else")
    source = command.add_mutually_exclusive_group(required=True)
    source.add_argument("--text", action="append", help="one answer; repeat --text for more")
    source.add_argument("--text-file", type=Path, help="a file with one answer per line")
    command.add_argument("--json", action="store_true", help="one JSON object per line")
    scorer = _add(sub, common, "eval-answers", "score the answer reader on labelled answers",
                  _lazy("voicecare.app.answer_cli", "eval_command"))
    scorer.add_argument("corpus", type=Path, nargs="+",
                        help="TSV: question_id, expected, answer, why (# starts a comment); several give a line each and a TOTAL")
    scorer.add_argument("--mistakes", action="store_true", help="also list every answer read wrongly")


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

    command = _add(sub, common, name, help_text, _lazy(f"voicecare.app.{name}_cli", name))
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


def _register_prepare(sub: argparse._SubParsersAction[_Parser], common: _Parser) -> None:
    command = _add(sub, common, "prepare", "build PocketSphinx's language models ahead (scripts/setup.sh runs it), so "
                   "no start waits for them", _lazy("voicecare.app.prepared", "prepare"))
    command.add_argument("--config", type=Path, help="a kiosk config (/etc/voicecare/voicecare.toml): its intents and "
                         "wake phrase (default: the shipped intents and the language's wake phrase)")


_WITHOUT_INTENTS = (_register_devices, _register_models)
"""Commands that never read the intents, so they do not offer --intents, --language or --topic."""
_COMMANDS = (_register_triage, _register_chat, _register_check, _register_eval, _register_answers, _register_devices,
             _register_models,
             _register_listen, _register_kiosk, _register_doctor, _register_prepare)
