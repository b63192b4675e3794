"""What a kiosk checks before anything slow loads: built once, the same for ``kiosk``, ``doctor`` and ``prepare``.

``doctor --config`` used to read the file as the kiosk reads it but not check what the kiosk checks next (the
intents, the voice, whether the wake phrase can be heard): it passed a wake phrase the kiosk then refused, and
under systemd that was a restart every 10 s for ever (outside review 17 F10). Whatever ``check`` refuses is a
``ConfigError``: only an edit of the config (or of the intents it names) fixes it, so the kiosk exits with its
own status and the service stops instead of looping. A fault of the config file that a default can stand in for
(outside review 19 F4) is not refused: it is in ``settings.faults``, which the kiosk says and doctor fails.
"""

from __future__ import annotations

import argparse
from dataclasses import dataclass
from typing import TYPE_CHECKING

from voicecare.app import kiosk_config
from voicecare.errors import ConfigError, InputError, IntentError

if TYPE_CHECKING:
    from voicecare.conversation.voice import VoiceSettings
    from voicecare.understanding.assistant import Assistant


@dataclass(frozen=True)
class CheckedKiosk:
    """A kiosk's configuration, every part a restart could not fix already checked."""

    settings: kiosk_config.KioskSettings
    assistant: Assistant
    """The intents the config names, loaded (the kiosk converses with these)."""
    voice: VoiceSettings
    """How it converses; the wake phrase is the language's own when the config says "language"."""


def check(args: argparse.Namespace) -> CheckedKiosk:
    """The kiosk's settings (command line over config file), its intents, voice and wake phrase; ConfigError (one
    line: where, what is wrong) for the first that cannot work.

    A topic, voice or wake phrase from the config file that cannot work is its default instead, with a fault in
    ``settings.faults`` (``kiosk_config``: only a fault no default can stand in for stops the kiosk)."""
    try:
        settings = kiosk_config.build(args)
        settings, assistant = _intents(settings)
        settings = _speech_options(settings, assistant.intents.language.code)
        settings, voice = _wake(settings, assistant)
    except ConfigError:
        raise
    except (InputError, IntentError) as exc:
        raise ConfigError(str(exc)) from None
    return CheckedKiosk(settings, assistant, voice)


def _from_file(settings: kiosk_config.KioskSettings, key: str) -> bool:
    return key in settings.origins and settings.where(key) != kiosk_config.option(key)


def _intents(settings: kiosk_config.KioskSettings) -> tuple[kiosk_config.KioskSettings, Assistant]:
    """The intents loaded; a topic from the file that is not there is the only topic there is, if there is one."""
    from voicecare.app.cli import load_assistant

    try:
        return settings, load_assistant(settings.namespace())
    except IntentError as exc:
        if not _from_file(settings, "topic"):
            raise
        fallback = kiosk_config.replace_setting(settings, "topic", None, f"{settings.where('topic')}: {exc}; the "
                                                "kiosk uses the only topic there is")
        try:
            return fallback, load_assistant(fallback.namespace())
        except IntentError:
            raise exc from None


def _speech_options(settings: kiosk_config.KioskSettings, language: str) -> kiosk_config.KioskSettings:
    """The voice checked; one from the file that cannot speak this language is the default voice instead."""
    from voicecare.app.speech_cli import check_speech_options

    try:
        check_speech_options(settings.namespace(), language)
    except InputError as exc:
        if not _from_file(settings, "voice"):
            raise
        settings = kiosk_config.replace_setting(settings, "voice", None, f"{settings.where('voice')}: {exc}; the "
                                                "kiosk speaks with the language's default voice")
        check_speech_options(settings.namespace(), language)
    return settings


def _wake(settings: kiosk_config.KioskSettings,
          assistant: Assistant) -> tuple[kiosk_config.KioskSettings, VoiceSettings]:
    """The wake phrase resolved and checked; one from the file the recogniser could never hear is the language's own
    instead (a kiosk waiting for it would never answer)."""
    from voicecare.app.voice_cli import resolve_wake

    voice = resolve_wake(settings.voice_settings(), assistant)
    try:
        # Whatever its engine: a kiosk falls back on PocketSphinx (and its keyword search for the wake phrase)
        # whenever its Vosk model cannot load, and then it would stop on this at every start.
        _heard_wake(settings, voice.wake_phrase)
    except ConfigError as exc:
        if not _from_file(settings, "wake_phrase"):
            raise
        settings = kiosk_config.replace_setting(settings, "wake_phrase", kiosk_config.LANGUAGE_WAKE,
                                                f"{exc}; the kiosk uses {kiosk_config.default_said('wake_phrase')}")
        voice = resolve_wake(settings.voice_settings(), assistant)
        _heard_wake(settings, voice.wake_phrase)
    return settings, voice


def _heard_wake(settings: kiosk_config.KioskSettings, wake: str | None) -> None:
    """check_wake_words, its error naming where the phrase was given (``file: wake_phrase``), when it was."""
    try:
        check_wake_words(wake)
    except InputError as exc:
        given = "wake_phrase" in settings.origins
        where = f"{settings.where('wake_phrase')}: " if given else ""
        raise ConfigError(where + (str(exc).removeprefix("wake phrase ") if given else str(exc))) from None


def check_wake_words(wake: str | None) -> None:
    """InputError when PocketSphinx's dictionary lacks a word of the wake phrase: it could never be heard."""
    if wake is None:
        return
    from voicecare.speech_in import lm, stt

    known = stt.sphinx_words()
    unknown = [w for w in lm.lm_words(wake) if w not in known]
    if unknown:
        raise InputError(f"wake phrase \"{wake}\": the speech recogniser does not know \"{' '.join(unknown)}\" "
                         "and could never hear it; choose other words")
