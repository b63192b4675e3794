"""Kiosk settings: built once from the config file and the command line, every value checked.

The config file is TOML; its keys are the long options of ``voicecare kiosk``
(``no_barge_in`` or ``no-barge-in`` for ``--no-barge-in``), in its ``[kiosk]``
table (a file that sets nothing means every default, said plainly). The command line wins over the file. A wrong
value, an unknown key or an unreadable file is one line, ``file: key: what is
wrong``, and exit status 78 (EX_CONFIG, ``kiosk_start``): a kiosk must not start up looking alive and then
fail at the first quiet spell. ``checked`` is the same validation for the
options ``listen`` and ``chat`` share with the kiosk.
"""

from __future__ import annotations

import argparse
import math
import os
import re
import tomllib
from collections.abc import Callable, Mapping
from dataclasses import asdict, dataclass, field, fields
from pathlib import Path

from voicecare.app import unused_options
from voicecare.app.text_files import read_utf8
from voicecare.conversation.voice import VoiceSettings
from voicecare.errors import InputError
from voicecare.intents import DEFAULT_LANGUAGE
from voicecare.speech_in.frontend import SUPPRESSORS
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

    def where(self, key: str) -> str:
        """Where the value of ``key`` came from, as errors name it: ``file: key``, else ``--option``."""
        return self.origins.get(key, option(key))

    def voice_settings(self) -> VoiceSettings:
        """How the spoken conversation behaves (a live microphone: the echo filter is on unless --no-barge-in)."""
        return VoiceSettings(wake_phrase=self.wake_phrase, reset_after=self.reset_after,
                             max_questions=self.max_questions, echo_filter=not self.no_barge_in,
                             early_replies=not self.no_barge_in)

    def namespace(self) -> argparse.Namespace:
        """The same values in the shape the speech helpers shared with ``listen`` and ``triage`` take.

        It has no ``quiet`` or ``say_to``: a kiosk always speaks to its speaker (see REFUSED).
        """
        return argparse.Namespace(**asdict(self))


KEYS = tuple(f.name for f in fields(KioskSettings) if f.name != "origins")
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
    if args.config is not None:
        path = _path(args.config)
        chosen.update(read(path))
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
    settings = KioskSettings(**chosen, origins=origins)  # type: ignore[arg-type]
    _check_intents(settings)
    # Merged, as listen's and triage's options are: "engine = sphinx" with a model does not drop the model silently.
    unused_options.refuse_unused(argparse.Namespace(**asdict(settings), command_name="kiosk"))
    return settings


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


def read(path: Path) -> dict[str, object]:
    """The checked settings in a config file, by key; InputError ``file: key: what is wrong``."""
    table = _table(path, _load(path))
    settings: dict[str, object] = {}
    for raw, value in table.items():
        key = raw.replace("-", "_")
        if key in REFUSED:
            try:
                REFUSED[key](value)  # "quiet = false" is harmless; anything else says why a kiosk refuses it
            except ValueError as exc:
                raise InputError(f"{path}: {raw}: {exc}") from None
            continue
        if key not in CHECKS or key in FILE_ONLY_IN_COMMAND_LINE:
            known = ", ".join(k for k in KEYS if k not in FILE_ONLY_IN_COMMAND_LINE)
            raise InputError(f"{path}: {raw}: unknown key (known keys: {known})")
        try:
            checked = CHECKS[key](value)
        except ValueError as exc:
            raise InputError(f"{path}: {raw}: {exc}") from None
        # Paths in the file are relative to the file, not to wherever the service was started.
        settings[key] = path.parent / checked if isinstance(checked, Path) and not checked.is_absolute() else checked
    return settings


def _load(path: Path) -> dict[str, object]:
    # The common cases get the installer's words; a pipe, a device or a huge file is refused by read_utf8.
    if not path.exists():
        raise InputError(f"{path}: no such config file (see deploy/voicecare.toml)")
    if path.is_dir():
        raise InputError(f"{path}: is a directory, not a config file")
    if not os.access(path, os.R_OK):
        raise InputError(f"{path}: cannot read the config (permission denied; the service user needs read access)")
    text = read_utf8(path, "a TOML config file (see deploy/voicecare.toml)", noun="the config")
    try:
        return tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise InputError(f"{path}: not valid TOML ({exc})") from None


def _table(path: Path, data: dict[str, object]) -> dict[str, object]:
    """The [kiosk] table; every key outside it is refused, as README promises ("in a `[kiosk]` table"): top-level
    keys with no table were taken silently, with a table they were refused (outside review 16 F12).

    A file that sets nothing (empty, comments only, or a [kiosk] line alone) means every default, said plainly at
    start (``sets_nothing``): a kiosk is a safety device, and a file left empty (a copy cut short, a full SD card)
    that kept it stopped (exit 78, never restarted) left a family with no voice at all; its defaults are the
    shipped config's. Keys outside the table are still refused: they say the writer meant something else.
    """
    if TABLE not in data:
        if data:
            raise InputError(f"{path}: {sorted(data)[0]}: outside the [{TABLE}] table; put a [{TABLE}] line above it")
        return {}
    table = data[TABLE]
    if not isinstance(table, dict):
        raise InputError(f"{path}: {TABLE}: must be a table ([{TABLE}] on a line of its own)")
    stray = sorted(set(data) - {TABLE})
    if stray:
        raise InputError(f"{path}: {stray[0]}: outside the [{TABLE}] table; move it under [{TABLE}]")
    return table


def sets_nothing(settings: KioskSettings) -> str | None:
    """The plain line for a config file that sets no key (every setting its default), or None."""
    path = settings.config
    if path is None or any(where.startswith(f"{path}: ") for where in settings.origins.values()):
        return None
    return (f"{path} sets nothing: every setting is its default (engine auto, the default microphone and speaker, "
            f"wake phrase the language's own, no event log); deploy/voicecare.toml lists them")
