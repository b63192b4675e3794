"""Options that would do nothing in the mode a command runs in: refused in one line (exit 2), never ignored.

An option ignored in silence is a setting the user believes is in force: ``triage --text ... --model
/nonexistent`` exited 0 and said nothing, while a wrong --voice was caught (review13 F20); ``listen --input-files
--device X`` and ``triage --audio --say-to r.wav --speaker X`` dropped the device the same way. Each rule says
in which mode its options cannot act, and why, so the line tells the user what to drop.

Options that shape speech (--rate, --voice) are not here: text mode can speak (--say-to), so they are checked in
every mode and only noted as unused (``cli``, ``text_cli``).
"""

from __future__ import annotations

import argparse
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from voicecare.errors import InputError

DEFAULTS = {"engine": "auto"}
"""Defaults other than None or False (a flag not set), which say an option was not given."""


@dataclass(frozen=True)
class Rule:
    """``options`` do nothing for ``commands`` when ``applies``; ``why`` ends "so {options} ..."."""

    commands: frozenset[str]
    applies: Callable[[argparse.Namespace], bool]
    options: tuple[str, ...]
    why: str


def _dest(option: str) -> str:
    return option.removeprefix("--").replace("-", "_")


def given(args: argparse.Namespace, option: str) -> bool:
    """Whether ``option`` (a long flag, or a positional's name) was set to something other than its default."""
    value = getattr(args, _dest(option), None)
    return value not in (None, False) and value != DEFAULTS.get(_dest(option))


def _value(args: argparse.Namespace, option: str) -> object:
    return getattr(args, _dest(option), None)


SPEECH_COMMANDS = frozenset({"triage", "listen"})
RECOGNISING_COMMANDS = SPEECH_COMMANDS | {"kiosk"}
"""The kiosk's settings are checked too, once its config file and command line are merged (``kiosk_config``)."""
RULES: tuple[Rule, ...] = (
    Rule(frozenset({"triage"}), lambda args: not args.audio,
         ("--engine", "--model", "--general-english", "--front-end", "--vad"),
         "typed text is not recognised as speech, so {options} {does} nothing; drop {it}, or give --audio FILE"),
    Rule(RECOGNISING_COMMANDS, lambda args: _value(args, "--engine") == "sphinx",
         ("--model",),
         "--model names a Vosk model and --engine sphinx uses PocketSphinx, so {options} {does} nothing; drop one "
         "of them"),
    Rule(RECOGNISING_COMMANDS, lambda args: _value(args, "--engine") == "vosk" or given(args, "--model"),
         ("--general-english",),
         "{options} changes PocketSphinx's language model and Vosk is chosen (--engine vosk or --model), so it "
         "does nothing; drop one of them"),
    Rule(SPEECH_COMMANDS, lambda args: given(args, "--say-to"),
         ("--speaker",),
         "the reply goes to the --say-to file, so {options} {does} nothing; drop one of them"),
    Rule(frozenset({"listen"}), lambda args: given(args, "--say-to-dir"),
         ("--say-to", "--speaker"),
         "each reply goes to a file in --say-to-dir, so {options} {does} nothing; drop {it}"),
    Rule(frozenset({"listen"}), lambda args: given(args, "--input-files"),
         ("--device",),
         "--input-files replays recordings instead of a microphone, so {options} {does} nothing; drop one of them"),
    Rule(frozenset({"listen"}), lambda args: not given(args, "--input-files"),
         ("--fast", "--say-to-dir"),
         "{options} {is} for replaying recordings with --input-files, and without it listen uses the microphone; "
         "drop {it}, or give --input-files FILE..."),
    Rule(frozenset({"models"}), lambda args: args.action == "list",
         ("--language", "--no-progress"),
         "models list shows every model in the manifest, so {options} {does} nothing; drop {it}"),
    Rule(frozenset({"models"}), lambda args: args.action == "list",
         ("target",),
         "models list shows every model in the manifest and takes no NAME or PATH; drop it"),
    Rule(frozenset({"models"}), lambda args: args.action == "download",
         ("--language",),
         "models download takes a NAME from 'voicecare models list' (its language is in the manifest), so "
         "{options} {does} nothing; drop {it}"),
    Rule(frozenset({"models"}), lambda args: args.action in ("install", "verify"),
         ("--no-progress",),
         "only models download shows progress, so {options} {does} nothing; drop {it}"),
)


def problem(args: argparse.Namespace, rules: Sequence[Rule] = RULES) -> str | None:
    """The first rule the options break, said in one line; None when every option given can act."""
    found = unused(args, rules)
    return None if found is None else found[0]


def unused(args: argparse.Namespace, rules: Sequence[Rule] = RULES) -> tuple[str, list[str]] | None:
    """The first rule the options break, said in one line, and the options it names; None when every option given
    can act."""
    command = getattr(args, "command_name", None)
    for rule in rules:
        if command not in rule.commands or not rule.applies(args):
            continue
        named = [option for option in rule.options if given(args, option)]
        if named:
            many = len(named) > 1
            return (rule.why.format(options=" and ".join(named), does="do" if many else "does",
                                    it="them" if many else "it", **{"is": "are" if many else "is"}), named)
    return None


def refuse_unused(args: argparse.Namespace) -> None:
    """InputError (exit 2) naming the options that would do nothing here."""
    found = problem(args)
    if found is not None:
        raise InputError(found)
