"""The one family of errors the command line turns into a one-line message."""

from __future__ import annotations


class VoicecareError(Exception):
    """A problem the user can fix; ``str()`` says what happened and what to do."""

    exit_code = 2


class IntentError(VoicecareError):
    """The intent files are missing or malformed."""


class InputError(VoicecareError):
    """A file or argument given on the command line cannot be used."""


class ModelError(VoicecareError):
    """A speech model is missing, broken or of the wrong kind."""


class AudioError(VoicecareError):
    """Audio cannot be read, or no audio device is usable."""


class SpeechError(VoicecareError):
    """The speech synthesiser is missing or failed."""


class ConfigError(InputError):
    """A kiosk's settings say something no restart can change (a wrong value, a wake phrase that cannot be heard).

    Its own exit status, EX_CONFIG of sysexits.h, so that the service stops instead of being started again every
    10 s for ever (deploy/voicecare-kiosk.service: RestartPreventExitStatus); the fix is an edit, then a restart.
    """

    exit_code = 78
