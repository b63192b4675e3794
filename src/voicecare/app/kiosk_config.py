"""Kiosk settings: built once from the config file and the command line, every value checked.

The config file is TOML; its keys are the long options of ``voicecare kiosk``
(``no_barge_in`` or ``no-barge-in`` for ``--no-barge-in``), in its ``[kiosk]``
table (a file that sets nothing means every default, said plainly). The command line wins over the file.

A fault in the file is one line, ``file: key: what is wrong``, and what the kiosk does about it, decided per key
(outside review 19 F4: one typo kept the service stopped, exit 78 never restarted, a family with no voice and no 911
until someone came with a keyboard). A bad optional key (an unknown key, a wrong value, a line TOML cannot read) is
a warning and that key's default; a file that cannot be read at all is a warning and every default (the shipped
config's). Only ESSENTIAL keys stop the kiosk (exit 78, EX_CONFIG, ``kiosk_start``): no default can stand in for
them. ``doctor --config`` fails every such fault, so the operator still learns of the typo. The command line is
still refused at its first fault: whoever typed it is there to read the line. ``checked`` is the same validation
for the options ``listen`` and ``chat`` share with the kiosk.
"""

from __future__ import annotations

import argparse
import dataclasses
import difflib
import math
import os
import re
import tomllib
from collections.abc import Callable, Mapping
from dataclasses import asdict, dataclass, field, fields
from pathlib import Path
from typing import cast

from voicecare.app import unused_options
from voicecare.app.text_files import read_utf8
from voicecare.conversation.voice import VoiceSettings
from voicecare.errors import InputError
from voicecare.intents import DEFAULT_LANGUAGE
from voicecare.speech_in.frontend import SUPPRESSORS
from voicecare.speech_in.vad import DEFAULT_VAD, VADS, Vad
from voicecare.speech_out.tts import DEFAULT_RATE_WPM, MAX_RATE_WPM, MIN_RATE_WPM

TABLE = "kiosk"
LANGUAGE_WAKE = "language"
"""The wake phrase value that means the language's own (``wake_phrase`` in language.toml)."""
WAKE_OFF = ("none", "off")
"""Wake-phrase values that turn it off (the kiosk answers anyone who speaks)."""
ENGINES = ("auto", "vosk", "sphinx")
RESET_RANGE = (30.0, 86_400.0)
"""Seconds of quiet before forgetting: shorter would forget a family while voicecare is still talking to it."""
QUESTIONS_RANGE = (0, 10)
RATE_RANGE = (MIN_RATE_WPM, MAX_RATE_WPM)
FILE_ONLY_IN_COMMAND_LINE = frozenset({"config"})
"""Long options that make no sense inside the config file itself."""
ESSENTIAL = frozenset({"intents", "language"})
"""Config keys whose fault stops the kiosk: they choose what it understands and the language it speaks, and a
default would speak to the family in a language, or by rules, nobody chose (a missing topic is ``kiosk_start``'s)."""
TOML_LINES_LEFT_OUT = 10
"""Most lines TOML cannot read that are left out, each as its key's fault, before the whole file is given up."""


@dataclass(frozen=True)
class KioskSettings:
    """Everything ``voicecare kiosk`` runs with; one field per long option, each already checked."""

    config: Path | None = None
    """The config file these settings were read from, if any."""
    engine: str = "auto"
    model: Path | None = None
    device: str | None = None
    """Microphone: a PortAudio index (as digits) or part of its name."""
    speaker: str | None = None
    """Sound output: a PortAudio index (as digits) or part of its name."""
    wake_phrase: str | None = LANGUAGE_WAKE
    """None: no wake phrase, the kiosk answers anyone; LANGUAGE_WAKE: the language's own."""
    reset_after: float = 120.0
    """Seconds of quiet after which a session is forgotten."""
    max_questions: int = 4
    event_log: Path | None = None
    json: bool = False
    show_words: bool = False
    """Print what was heard and said; off: the journal keeps no family's words."""
    no_barge_in: bool = False
    front_end: bool | str = False
    """Clean the microphone's audio before recognition: true or "webrtc" (WebRTC noise suppression and gain), "speex"
    (Speex noise suppression)."""
    vad: str = DEFAULT_VAD
    """What tells speech from the room where a turn starts and ends: "energy" (loudness alone), "silero" or "webrtc"
    (loudness and that speech detector; ``speech_in/vad.py``)."""
    general_english: bool = False
    """PocketSphinx: general English mixed into the intents' language model in every room (default: a quiet room)."""
    intents_only: bool = False
    """PocketSphinx: the intents' language model alone, in a quiet room too."""
    rate: int = DEFAULT_RATE_WPM
    """Speaking rate, words per minute."""
    voice: str | None = None
    intents: Path | None = None
    language: str = DEFAULT_LANGUAGE
    """A language folder of the intents ("en")."""
    topic: str | None = None
    """A topic folder of that language (None: the only one there is)."""
    debug: bool = False
    origins: Mapping[str, str] = field(default_factory=dict, compare=False, repr=False)
    """Where each value given came from (``file: key`` or ``--option``), to name it in errors found later."""
    faults: tuple[str, ...] = field(default=(), compare=False)
    """The config file's faults the kiosk starts despite, one line each with what it does instead (``read``)."""

    def where(self, key: str) -> str:
        """Where the value of ``key`` came from, as errors name it: ``file: key``, else ``--option``."""
        return self.origins.get(key, option(key))

    def voice_settings(self) -> VoiceSettings:
        """How the spoken conversation behaves (a live microphone: the echo filter is on unless --no-barge-in)."""
        return VoiceSettings(wake_phrase=self.wake_phrase, reset_after=self.reset_after,
                             max_questions=self.max_questions, echo_filter=not self.no_barge_in,
                             early_replies=not self.no_barge_in, vad=cast(Vad, self.vad))

    def namespace(self) -> argparse.Namespace:
        """The same values in the shape the speech helpers shared with ``listen`` and ``triage`` take.

        It has no ``quiet`` or ``say_to``: a kiosk always speaks to its speaker (see REFUSED).
        """
        return argparse.Namespace(**asdict(self))


KEYS = tuple(f.name for f in fields(KioskSettings) if f.name not in ("origins", "faults"))
NULL_DEFAULTS = ("engine", "max_questions", "wake_phrase", "reset_after", "rate")
"""Options whose parser default is replaced by None for the kiosk, so a value given on the command line is
told apart from one left out (the defaults live in KioskSettings)."""

Check = Callable[[object], object]
"""Returns the value in its settings type, or raises ValueError saying what is wrong."""


def _shown(value: object) -> str:
    return f'"{value}"' if isinstance(value, str | Path) else repr(value).lower() if isinstance(value, bool) else repr(value)


def _flag(value: object) -> bool:
    if not isinstance(value, bool):
        raise ValueError(f"must be true or false, not {_shown(value)}")
    return value


def _front_end(value: object) -> bool | str:
    """``front_end``: true or false as before, or the suppressor by name."""
    if isinstance(value, bool):
        return value
    if isinstance(value, str) and value in SUPPRESSORS:
        return value
    raise ValueError(f"must be true, false, {' or '.join(f'{name!r}' for name in SUPPRESSORS)}, not {_shown(value)}")


def _text(value: object) -> str:
    if not isinstance(value, str) or not value.strip():
        raise ValueError(f"must be a non-empty text in quotes, not {_shown(value)}")
    return value.strip()


def _path(value: object) -> Path:
    return Path(_text(str(value) if isinstance(value, Path) else value))


def _number(low: float, high: float) -> Check:
    def check(value: object) -> float:
        if isinstance(value, bool) or not isinstance(value, int | float) or not math.isfinite(value):
            raise ValueError(f"must be a number of seconds, not {_shown(value)}")
        if not low <= value <= high:
            raise ValueError(f"must be between {low:g} and {high:g} seconds, not {value:g}")
        return float(value)

    return check


def _whole(low: int, high: int, unit: str) -> Check:
    def check(value: object) -> int:
        if isinstance(value, bool) or not isinstance(value, int):
            raise ValueError(f"must be a whole number of {unit}, not {_shown(value)}")
        if not low <= value <= high:
            raise ValueError(f"must be between {low} and {high} {unit}, not {value}")
        return value

    return check


MUST_SPEAK = "a kiosk must speak (nobody reads its screen; it may have to say \"Call 911 now\")"


def _speaking(value: object) -> bool:
    """``quiet``: false only. A kiosk set never to speak would run and retry silently, mute (README)."""
    if _flag(value):
        raise ValueError(f"{MUST_SPEAK}; remove it, or use 'voicecare listen --quiet' to run without speech")
    return False


def _no_reply_file(value: object) -> Path:
    """``say_to``: refused. Replies written to a file are replies nobody in the room hears."""
    raise ValueError(f"{MUST_SPEAK}, not write replies to {_shown(value)}; use 'voicecare listen --say-to-dir' for files")


def _engine(value: object) -> str:
    if value not in ENGINES:
        raise ValueError(f"must be one of {', '.join(ENGINES)}, not {_shown(value)}")
    return str(value)


def _device(value: object) -> str:
    if isinstance(value, int) and not isinstance(value, bool) and value >= 0:
        return str(value)
    if isinstance(value, str) and value.strip():
        return value.strip()
    raise ValueError(f"must be a device index (0, 1, ...) or part of its name in quotes, not {_shown(value)}")


def _vad(value: object) -> str:
    if value not in VADS:
        raise ValueError(f"must be one of {', '.join(VADS)}, not {_shown(value)}")
    return str(value)


def _wake(value: object) -> str | None:
    if not isinstance(value, str):
        raise ValueError(f'must be a phrase in quotes, or "none" to answer anyone, not {_shown(value)}')
    if value.strip().lower() in WAKE_OFF:
        return None
    if not re.search(r"\w", value):
        # A phrase without words can never be heard: the kiosk would wait for it forever.
        raise ValueError(f'has no words ({_shown(value)}); give a phrase, "{LANGUAGE_WAKE}" for the language\'s own, '
                         'or "none" to answer anyone')
    return " ".join(value.split())


CHECKS: Mapping[str, Check] = {
    "config": _path, "engine": _engine, "model": _path, "device": _device, "speaker": _device, "wake_phrase": _wake,
    "reset_after": _number(*RESET_RANGE), "max_questions": _whole(*QUESTIONS_RANGE, "questions"),
    "event_log": _path, "json": _flag, "show_words": _flag, "no_barge_in": _flag, "front_end": _front_end,
    "vad": _vad,
    "general_english": _flag, "intents_only": _flag,
    "rate": _whole(*RATE_RANGE, "words a minute"), "voice": _text, "intents": _path, "language": _text, "topic": _text,
    "debug": _flag,
}


REFUSED: Mapping[str, Check] = {"quiet": _speaking, "say_to": _no_reply_file}
"""Options of the other speaking commands that a kiosk refuses, in its config or on its command line.

They are not offered (not in --help, not among the known keys), but someone who
knows them from ``listen`` is told why not, instead of "unknown".
"""


def option(key: str) -> str:
    """The command-line spelling of a settings key."""
    return "--" + key.replace("_", "-")


def build(args: argparse.Namespace) -> KioskSettings:
    """The kiosk's settings: the command line over the config file over the defaults, all checked."""
    chosen: dict[str, object] = {}
    origins: dict[str, str] = {}
    faults: list[str] = []
    if args.config is not None:
        path = _path(args.config)
        chosen.update(read(path, faults))
        origins.update({key: f"{path}: {key}" for key in chosen})
        chosen["config"] = path
    for key in (*REFUSED, *KEYS):
        value = getattr(args, key, None)
        if value is None or value is False:  # not given (a flag given is True)
            continue
        if key == "language" and value == DEFAULT_LANGUAGE and key in chosen:
            # --language comes from the parser shared by every command, so its default cannot be made None
            # for the kiosk alone: the default does not override the file's language.
            continue
        chosen[key] = checked(key, value, REFUSED.get(key))
        origins[key] = option(key)
    settings = KioskSettings(**chosen, origins=origins, faults=tuple(faults))  # type: ignore[arg-type]
    _check_intents(settings)
    return _without_unused(settings)


def _without_unused(settings: KioskSettings) -> KioskSettings:
    """The settings with the file's keys that would do nothing left out (a fault each); InputError when one came
    from the command line. Merged, as listen's and triage's options are: "engine = sphinx" with a model does not
    drop the model silently."""
    while (found := unused_options.unused(argparse.Namespace(**asdict(settings), command_name="kiosk"))) is not None:
        why, named = found
        keys = [name.removeprefix("--").replace("-", "_") for name in named]
        if any(settings.where(key) == option(key) for key in keys):
            raise InputError(why)
        for key in keys:
            settings = replace_setting(settings, key, _default(key), f"{settings.where(key)}: {why}; the kiosk "
                                       f"leaves {key} out")
    return settings


def replace_setting(settings: KioskSettings, key: str, value: object, fault: str) -> KioskSettings:
    """``settings`` with ``key`` set to ``value`` (its default, most often) and ``fault`` said among its faults."""
    origins = {k: v for k, v in settings.origins.items() if k != key}
    return dataclasses.replace(settings, **{key: value}, origins=origins,  # type: ignore[arg-type]
                               faults=(*settings.faults, fault))


def _check_intents(settings: KioskSettings) -> None:
    """The intents folder and language given exist; InputError naming where they were given (loading says the rest)."""
    from voicecare import intents

    if settings.intents is not None and not settings.intents.is_dir():
        raise InputError(f"{settings.where('intents')}: no intents folder {settings.intents}")
    if "language" not in settings.origins:
        return
    root = settings.intents or intents.default_dir()
    if not intents.language_dir(root, settings.language).is_dir():
        there = sorted(p.name for p in root.iterdir() if p.is_dir()) if root.is_dir() else []
        raise InputError(f'{settings.where("language")}: no intents for language "{settings.language}" in {root}'
                         + (f" (there are: {', '.join(there)})" if there else ""))


def checked(key: str, value: object, check: Check | None = None) -> object:
    """A command-line value through its check (by default the config key's); InputError ``--option: what is wrong``.

    The one validation of these options for every command that has them (``listen`` and ``chat`` too).
    """
    try:
        return (check or CHECKS[key])(value)
    except ValueError as exc:
        raise InputError(f"{option(key)}: {exc}") from None


class _Essential(InputError):
    """A fault that stops the kiosk even where a file's faults are collected (an ESSENTIAL key's)."""


def _default(key: str) -> object:
    return next(f.default for f in fields(KioskSettings) if f.name == key)


def default_said(key: str) -> str:
    """A key's default as a fault line says it."""
    value = _default(key)
    if key == "wake_phrase":
        return "the language's own wake phrase"
    return "none" if value is None else f"{value:g}" if isinstance(value, float) else _shown(value)


def read(path: Path, faults: list[str] | None = None) -> dict[str, object]:
    """The checked settings in a config file, by key; InputError ``file: key: what is wrong``.

    With ``faults``, the kiosk's start: a fault of an optional key is put there, with what the kiosk does instead,
    and that key left out (its default); a file that cannot be read at all is every default, said there. A fault of
    an ESSENTIAL key still raises. Without it, the first fault raises.
    """
    def fault(raw: str, problem: str, instead: str) -> None:
        if faults is None or raw.replace("-", "_") in ESSENTIAL:
            raise _Essential(f"{path}: {raw}: {problem}")
        faults.append(f"{path}: {raw}: {problem}; {instead}")

    try:
        data, unread = _load(path, strict=faults is None)
        table = _table(path, data, fault)
    except InputError as exc:
        if faults is None or isinstance(exc, _Essential):
            raise
        faults.append(f"{exc}; the kiosk starts with every setting at its default (the shipped config's) until "
                      "this file is fixed")
        return {}
    for raw, line, problem in unread:
        key = raw.replace("-", "_")
        fault(raw, f"line {line} is not valid TOML ({problem})", "that line is left out" + (
            f", so {key} is its default, {default_said(key)}" if key in KEYS else ""))
    settings: dict[str, object] = {}
    for raw, value in table.items():
        key = raw.replace("-", "_")
        if key in REFUSED:
            try:
                REFUSED[key](value)  # "quiet = false" is harmless; anything else says why a kiosk refuses it
            except ValueError as exc:
                fault(raw, str(exc), "ignored: the kiosk speaks")
            continue
        if key not in CHECKS or key in FILE_ONLY_IN_COMMAND_LINE:
            known = [k for k in KEYS if k not in FILE_ONLY_IN_COMMAND_LINE]
            near = difflib.get_close_matches(key, known, n=1)
            meant = f"; did you mean {near[0]}?" if near else ""
            fault(raw, f"unknown key{meant} (known keys: {', '.join(known)})", "ignored")
            continue
        try:
            checked = CHECKS[key](value)
        except ValueError as exc:
            fault(raw, str(exc), f"the kiosk uses its default, {default_said(key)}")
            continue
        # Paths in the file are relative to the file, not to wherever the service was started.
        settings[key] = path.parent / checked if isinstance(checked, Path) and not checked.is_absolute() else checked
    return settings


KEY_LINE = re.compile(r"\s*([A-Za-z0-9_-]+)\s*=")
"""A line that sets one key (``rate = 165,``): left out whole when TOML cannot read it."""
TOML_LINE = re.compile(r"at line (\d+)")


def _load(path: Path, strict: bool = True) -> tuple[dict[str, object], list[tuple[str, int, str]]]:
    """The file's TOML, and (not ``strict``) each key line TOML could not read, left out: (key, line number, why).

    One stray comma (``rate = 165,``) or letter (``reset_after = 12O``) made the whole file unreadable, and with it
    the microphone, speaker and wake phrase it names; left out, only that key is lost. A fault on a line that sets
    no key (a table's header, a value over several lines) is the whole file's.
    """
    # The common cases get the installer's words; a pipe, a device or a huge file is refused by read_utf8.
    if not path.exists():
        raise InputError(f"{path}: no such config file (see deploy/voicecare.toml)")
    if path.is_dir():
        raise InputError(f"{path}: is a directory, not a config file")
    if not os.access(path, os.R_OK):
        raise InputError(f"{path}: cannot read the config (permission denied; the service user needs read access)")
    lines = read_utf8(path, "a TOML config file (see deploy/voicecare.toml)", noun="the config").split("\n")
    unread: list[tuple[str, int, str]] = []
    while True:
        try:
            return tomllib.loads("\n".join(lines)), unread
        except tomllib.TOMLDecodeError as exc:
            at = TOML_LINE.search(str(exc))
            number = int(at.group(1)) if at else 0
            key = KEY_LINE.match(lines[number - 1]) if 0 < number <= len(lines) else None
            if strict or key is None or len(unread) >= TOML_LINES_LEFT_OUT:
                raise InputError(f"{path}: not valid TOML ({exc})") from None
            unread.append((key.group(1), number, str(exc)))
            lines[number - 1] = ""  # left out; the line numbers of the rest stay as the operator sees them


def _table(path: Path, data: dict[str, object], fault: Callable[[str, str, str], None]) -> dict[str, object]:
    """The [kiosk] table; every key outside it is a ``fault`` (README: "in a `[kiosk]` table"): top-level keys with
    no table were taken silently, with a table they were refused (outside review 16 F12). Left out, not taken: the
    writer may have meant something else (another table's key).

    A file that sets nothing (empty, comments only, or a [kiosk] line alone) means every default, said plainly at
    start (``sets_nothing``): a kiosk is a safety device, and a file left empty (a copy cut short, a full SD card)
    that kept it stopped (exit 78, never restarted) left a family with no voice at all; its defaults are the
    shipped config's.
    """
    table = data.get(TABLE, {})
    if not isinstance(table, dict):
        raise InputError(f"{path}: {TABLE}: must be a table ([{TABLE}] on a line of its own)")
    for stray in sorted(set(data) - {TABLE}):
        where = f"move it under [{TABLE}]" if TABLE in data else f"put a [{TABLE}] line above it"
        fault(stray, f"outside the [{TABLE}] table; {where}", "ignored")
    return table


def sets_nothing(settings: KioskSettings) -> str | None:
    """The plain line for a config file that sets no key (every setting its default), or None."""
    path = settings.config
    if path is None or settings.faults or any(where.startswith(f"{path}: ") for where in settings.origins.values()):
        return None
    return (f"{path} sets nothing: every setting is its default (engine auto, the default microphone and speaker, "
            f"wake phrase the language's own, no event log); deploy/voicecare.toml lists them")
