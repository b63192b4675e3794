"""PocketSphinx's language models built ahead, at setup (``voicecare prepare``), so no start waits for them.

The quiet room's mixture of the intents' model with general English takes
16 s to build on an idle core here and minutes on a busy one or a Pi; built at
a kiosk's first start, it came before "ready" and raced systemd's start
timeout. Setup builds it into a folder of the installation (read-only to the
kiosk); a start finds it there, else in its own cache, and only when both
lack it builds it as before (the fallback: a changed wake phrase or intents).
"""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from voicecare.domain import IntentSet

PREPARED_ENV = "VOICECARE_PREPARED"
ARPA_END = "\\end\\"
"""The last line of a whole ARPA file: a build cut off by a full disk or power loss lacks it."""
TAIL_BYTES = 64
READABLE_FILE, READABLE_FOLDER = 0o644, 0o755
"""Setup builds as root; the kiosk reads as its own user (the builders write 0600, for a cache of one's own)."""


def prepared_dir() -> Path:
    """$VOICECARE_PREPARED, else share/voicecare/lm in the installation (the venv that setup made)."""
    if env := os.environ.get(PREPARED_ENV):
        return Path(env)
    return Path(sys.prefix) / "share" / "voicecare" / "lm"


def whole(path: Path) -> bool:
    """True when ``path`` is an ARPA file written to its end (its last line is ``\\end\\``)."""
    try:
        with path.open("rb") as handle:
            handle.seek(max(0, path.stat().st_size - TAIL_BYTES))
            return handle.read().decode("utf-8", "replace").strip().endswith(ARPA_END)
    except OSError:
        return False


def mixture(own: Path, general: Path, cache: Path, announce: Callable[[str], None]) -> Path:
    """The quiet room's mixture for the intents' model ``own``: prepared at setup, else cached, else built now into
    ``cache`` (ModelError when it cannot be), which ``announce`` says first: it takes a while."""
    from voicecare.speech_in import lmmix

    ready = lmmix.mixed_path(own, general, prepared_dir())
    if whole(ready):
        return ready
    if not lmmix.mixed_path(own, general, cache).exists():
        announce(f"building the quiet room's language model into {cache} (once: 16 s on an idle computer, minutes on "
                 "a Raspberry Pi); 'voicecare prepare' builds it ahead")
    return lmmix.build(own, general, cache)


@dataclass(frozen=True)
class Built:
    """The models one set of expected phrases needs."""

    phrases: tuple[str, ...]
    """Sentences added to the intents' (the kiosk's wake phrase), or none (triage, listen, chat)."""
    own: Path
    mixed: Path
    talk: Path
    """The intents' model with the sentences that are no sign, the mixture is made from (a start looks for it)."""


def build(intents: IntentSet, phrases_sets: Iterable[tuple[str, ...]], folder: Path) -> list[Built]:
    """Build (or find) in ``folder`` the intents' model and its mixture for each set of phrases; ModelError when the
    general model cannot be read, OSError when ``folder`` cannot be written."""
    from voicecare.speech_in import lm, lmmix, stt

    known = stt.sphinx_words()
    general = stt.sphinx_model_dir() / "en-us.lm.bin"
    built = []
    for phrases in dict.fromkeys(phrases_sets):
        own = lm.build(intents, known, folder, phrases=phrases)
        talk = lm.build(intents, known, folder, phrases=phrases, with_said=True)  # the mixture's (lm.build)
        built.append(Built(phrases, own, lmmix.build(talk, general, folder), talk))
    return built


def prune(folder: Path, keep: Iterable[Path]) -> list[Path]:
    """Remove the models in ``folder`` not in ``keep`` (built for intents or phrases since changed); those removed."""
    kept = {p.resolve() for p in keep}
    gone = [p for p in sorted(folder.glob("voicecare-*.lm")) if p.resolve() not in kept]
    for path in gone:
        path.unlink(missing_ok=True)
    return gone


def phrase_sets(args: argparse.Namespace) -> tuple[argparse.Namespace, list[tuple[str, ...]]]:
    """The intents' options and the phrase sets to prepare: none (triage, listen, chat) and the kiosk's wake phrase
    (its config's, with --config, else the language's own, which the shipped config names)."""
    from voicecare.app import kiosk_config, kiosk_start
    from voicecare.app.cli import load_assistant
    from voicecare.app.speech_cli import warn
    from voicecare.app.voice_cli import resolve_wake

    if args.config is not None:  # checked as the kiosk checks it: no model is built for a config it would refuse
        checked = kiosk_start.check(argparse.Namespace(config=args.config))
        for fault in checked.settings.faults:  # the models built are for what the kiosk will use despite them
            warn(f"warning: {fault} (voicecare doctor --config checks the file)")
        wake = checked.voice.wake_phrase
        return checked.settings.namespace(), [(), *([(wake,)] if wake else [])]
    wake = resolve_wake(kiosk_config.KioskSettings().voice_settings(), load_assistant(args)).wake_phrase
    return args, [(), *([(wake,)] if wake else [])]


def made_folders(folder: Path) -> None:
    """``folder`` and any of its parents missing, made readable to every user whatever the umask."""
    missing = [p for p in (folder, *folder.parents) if not p.exists()]
    folder.mkdir(parents=True, exist_ok=True)
    for path in missing:
        path.chmod(READABLE_FOLDER)


def prepare(args: argparse.Namespace) -> int:
    """``voicecare prepare [--config FILE]``: build the language models ahead, remove stale ones, say where."""
    from voicecare.app.cli import load_assistant
    from voicecare.errors import InputError

    options, sets = phrase_sets(args)
    folder = prepared_dir()
    try:
        made_folders(folder)
        built = build(load_assistant(options).intents, sets, folder)
        for path in (p for b in built for p in (b.own, b.mixed, b.talk)):
            path.chmod(READABLE_FILE)
        gone = prune(folder, [p for b in built for p in (b.own, b.mixed, b.talk)])
    except OSError as exc:
        raise InputError(f"{folder}: cannot write the language models there ({exc.strerror or exc}); run this as the "
                         f"user who owns it, or name another folder in ${PREPARED_ENV}") from None
    for b in built:
        what = f'with the wake phrase "{b.phrases[0]}"' if b.phrases else "for triage, listen and chat"
        print(f"prepared {what}: {b.mixed.name} (quiet room) and {b.own.name} (noise)")
    if gone:
        print(f"removed {len(gone)} model(s) of earlier intents or wake phrases")
    print(f"in {folder}")
    return 0
