"""``voicecare doctor``: checks what a Pi owner needs, one pass/fail line each, with the fix."""

from __future__ import annotations

import argparse
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from voicecare.app.kiosk_config import LANGUAGE_WAKE
from voicecare.errors import IntentError, VoicecareError
from voicecare.intents import DEFAULT_LANGUAGE

if TYPE_CHECKING:
    from voicecare.app.kiosk_config import KioskSettings
    from voicecare.domain import IntentSet


@dataclass(frozen=True)
class Check:
    """One line of the report."""

    name: str
    ok: bool
    detail: str
    fix: str = ""


HUNG = "PortAudio's start"
"""How a PortAudio check that hung begins: no device is listed after it (the listing would wait on it too)."""


def _portaudio() -> Check:
    """PortAudio started, under the kiosk's time limit: it opens every sound device as it starts, and one that never
    answers held doctor there for ever, printing nothing (``sound_open``)."""
    from voicecare.app.sound_open import SoundHangs, TimedOpen
    from voicecare.speech_in.devices import import_sounddevice

    try:
        sd = TimedOpen[Any](f"{HUNG} (it opens each sound device)")(import_sounddevice)
        return Check("PortAudio", True, f"PortAudio {sd.get_portaudio_version()[1]}")
    except SoundHangs as exc:
        return Check("PortAudio", False, str(exc), "unplug and replug the sound devices, or restart the sound server")
    except VoicecareError as exc:
        return Check("PortAudio", False, str(exc), "sudo apt-get install libportaudio2")


def _devices(kind: str, wanted: str | None = None) -> Check:
    """Some device of the kind, or the one a kiosk config names (by index or part of its name)."""
    from voicecare.speech_in.devices import find_input, find_output, list_devices

    try:
        found = [d for d in list_devices() if (d.inputs if kind == "microphone" else d.outputs) > 0]
        if found and wanted is not None:
            (find_input if kind == "microphone" else find_output)(wanted)
    except VoicecareError as exc:
        return Check(kind, False, str(exc), "run 'voicecare devices' and put one of its names in the config")
    if not found:
        fix = ("plug in a USB microphone, then run 'voicecare devices'" if kind == "microphone"
               else "plug in a speaker or headphones, or set the output in raspi-config")
        return Check(kind, False, f"no {kind} found", fix)
    narrow = _narrow_microphone(wanted) if kind == "microphone" else None
    if narrow is not None:
        return narrow
    if wanted is not None:
        return Check(kind, True, f'"{wanted}" is there')
    return Check(kind, True, ", ".join(d.name for d in found[:3]))


def _narrow_microphone(wanted: str | None) -> Check | None:
    """A failed check when the microphone used records below 16 kHz (a phone or Bluetooth headset): resampled up it
    still lacks the band recognition needs, and an emergency may be missed or invented (review13 F8)."""
    from voicecare.speech_in.audio import narrow_band, narrow_band_warning
    from voicecare.speech_in.devices import input_rate

    try:
        rate = input_rate(wanted)
    except VoicecareError:
        return None
    if rate is None or not narrow_band(rate):
        return None
    what = "the microphone" if wanted is None else f'microphone "{wanted}"'
    return Check("microphone", False, narrow_band_warning(what, rate).removeprefix("warning: "),
                 "use a USB microphone that records at 16 kHz or more (see 'voicecare devices')")


def _config(path: Path) -> tuple[Check, KioskSettings | None]:
    """A kiosk config checked by the kiosk's own start-up check (``kiosk_start``): an installer finds its mistakes
    here, not in the journal; a config doctor passed and the kiosk refused (a wake phrase it could not hear) was a
    restart every 10 s for ever (outside review 17 F10)."""
    from voicecare.app import kiosk_config, kiosk_start

    try:
        settings = kiosk_start.check(argparse.Namespace(config=path)).settings
    except VoicecareError as exc:
        return Check("kiosk config", False, str(exc), "fix that line (deploy/voicecare.toml lists every key)"), None
    if settings.faults:
        # The kiosk starts despite them, with defaults (review 19 F4); the operator must still learn of the typo.
        more = f" (and {len(settings.faults) - 1} more)" if len(settings.faults) > 1 else ""
        return Check("kiosk config", False, settings.faults[0] + more,
                     "fix that line (deploy/voicecare.toml lists every key)"), settings
    log = settings.event_log
    problem, note = _log_problem(log) if log is not None else (None, "")
    if problem is not None:
        # The kiosk goes on without its log (by design); the operator who opted in must hear it here.
        return Check("kiosk config", False, f"{path}: event_log: {log} cannot be written ({problem}; the kiosk "
                     "starts without it)", _log_fix(problem)), settings
    nothing = kiosk_config.sets_nothing(settings)  # as the kiosk says it at start: every default, said plainly
    if log is not None:  # what its lines hold, so an owner reading it knows the lines of one family go together
        note += f"; event_log: {log}, one JSON line per event, those of one conversation with one `conversation` id"
    return Check("kiosk config", True, (nothing or f"{path}: every key valid") + note), settings


def _log_fix(problem: str) -> str:
    """What to do about an event log that cannot be written: on a full disk (or a spent quota) the folder is right
    and space must be freed; naming another folder was the wrong advice (outside review 21 F16.2)."""
    import errno
    import os

    if any(os.strerror(code) in problem for code in (errno.ENOSPC, errno.EDQUOT)):
        return "free space on that disk (delete old files there), then run doctor again"
    return "name a file in a folder the kiosk's user may write (/var/lib/voicecare)"


def _log_problem(path: Path) -> tuple[str | None, str]:
    """Why the kiosk could not write its event log at ``path``, or None and what it will do first.

    As the kiosk does (``EventLog``): a folder that is not there is made, so doctor FAILed a log the kiosk then wrote
    (outside review 20 F14); the nearest folder that is there must let a file be written, which a probe tells (a
    full disk passed the right to write: F16). Nothing is made here: doctor's user may not be the kiosk's.
    """
    import os

    from voicecare.app.events import write_problem

    if path.is_dir():
        return "it is a folder", ""
    if path.exists() and not os.access(path, os.W_OK):
        return "no right to write it", ""
    there = path.parent
    while not there.exists() and there != there.parent:
        there = there.parent
    if not there.is_dir():
        return f"{there} is not a folder", ""
    problem = write_problem(there)
    if problem is not None:
        return problem if there == path.parent else f"its folder cannot be made in {there}: {problem}", ""
    return None, "" if there == path.parent else f"; event_log: the kiosk will make the folder {path.parent}"


def _audio_group() -> Check:
    """On Linux, sound devices belong to the audio group; root and its members may use them."""
    import grp
    import os

    try:
        members = grp.getgrnam("audio")
    except KeyError:
        return Check("audio group", True, "no audio group on this system")
    if os.geteuid() == 0 or members.gr_gid in os.getgroups():
        return Check("audio group", True, "this user may use the sound devices")
    return Check("audio group", False, "this user is not in the audio group",
                 "sudo usermod -aG audio $USER, then log in again")


def _model(models_dir: Path, explicit: Path | None, code: str) -> Check:
    """The Vosk model a start would use, loaded and checked for ``code``, the language of the intents in use: the
    manifest's language for the model's folder passed a Korean model beside English intents, which every start
    then refuses (the same check as ``speech_cli``'s at start)."""
    from voicecare.speech_in import stt

    path = stt.resolve_model(explicit, models_dir)
    if path is None and (broken := _broken_models(models_dir)):
        # auto skips them silently for PocketSphinx: the operator who installed one must hear it is unusable
        return Check("speech model", False, f"{broken[0]}: not a usable Vosk model (PocketSphinx is used instead)",
                     "voicecare models download small-en-us (or remove the folder)")
    if path is None:
        try:
            stt.sphinx_model_dir()
        except VoicecareError as exc:
            return Check("speech model", False, str(exc), "voicecare models download small-en-us")
        return Check("speech model", True, "no Vosk model: using PocketSphinx's bundled English model "
                     "(for better accuracy: voicecare models download small-en-us)")
    # Loaded for real, in a child process, and asked for words of the expected language:
    # a corrupt final.mdl or a model of another language must not pass.
    from voicecare.model_store import model_check, models

    try:
        language = models.read_manifest(models.default_manifest(models_dir)).language(code)
    except VoicecareError as exc:
        return Check("speech model", False, str(exc), "restore models/manifest.toml from the release")
    problems = model_check.problems(path, language)
    if problems:
        return Check("speech model", False, problems[0], "voicecare models download small-en-us")
    return Check("speech model", True, f"Vosk model {path} ({language.name}, loads)")


def _speech(text: str) -> Check:
    """Speak ``text`` (the emergency words of the intents, which must always be sayable) into memory."""
    from voicecare.speech_out.tts import DEFAULT_RATE_WPM, Pyttsx3Synthesizer
    from voicecare.speech_out.tts_process import WorkerFailed

    synth = Pyttsx3Synthesizer()
    try:
        clip = synth.synth(text, DEFAULT_RATE_WPM)
    except WorkerFailed as exc:
        # Installed but failing (review10 W8): "restarted it" is the kiosk's news, not a check's, and
        # installing again only helps when its data is broken; espeak-ng itself says why.
        failure = str(exc).split(";")[0]
        return Check("speech engine", False, f"{failure} on a test sentence",
                     "run espeak-ng 'test' to see why; sudo apt-get install --reinstall espeak-ng espeak-ng-data")
    except VoicecareError as exc:
        return Check("speech engine", False, str(exc), "sudo apt-get install espeak-ng")
    finally:
        synth.close()
    # Named as the user installs it (the fix above), not by our class name. What espeak-ng printed as it started
    # (libpulse's "Failed to create secure directory" for a user with no home) is in this line, not loose on stderr.
    note = f' (it printed: "{synth.note}")' if synth.note else ""
    return Check("speech engine", True, f'espeak-ng spoke "{text}" ({len(clip.pcm) / 2 / clip.rate:.1f} s){note}')


def _broken_models(models_dir: Path) -> list[str]:
    """The first problem of each folder in the models folder that is not a usable Vosk model (hidden ones are
    unpacks in progress, skipped as the recogniser skips them)."""
    from voicecare.speech_in import stt

    if not models_dir.is_dir():
        return []
    folders = [p for p in sorted(models_dir.iterdir()) if p.is_dir() and not p.name.startswith(".")]
    return [problems[0] for folder in folders if (problems := stt.vosk_problems(folder))]


def _intents(directory: Path | None, language: str, topic: str | None) -> tuple[Check, str, IntentSet | None]:
    """The intents check, the emergency words to test speech with (the product name if they cannot be read), and
    the intents (None if they cannot be read)."""
    from voicecare import intents

    folder = intents.language_dir(directory or intents.default_dir(), language)
    problems = intents.problems_of(folder)
    if problems:
        return (Check("intent files", False, f"{problems[0]} ({len(problems)} problem(s))", "voicecare check"),
                "voicecare", None)
    try:
        loaded = intents.load(folder, topic=topic)
    except IntentError as exc:
        return (Check("intent files", False, str(exc), "name a topic with --topic (or topic in the kiosk config)"),
                "voicecare", None)
    refused = conversation_problem(loaded)
    if refused is not None:
        return Check("intent files", False, refused, "voicecare check"), loaded.messages["emergency"], loaded
    return Check("intent files", True, f"{folder}, topic {loaded.topics[0].id}"), loaded.messages["emergency"], loaded


def _there(path: Path) -> bool:
    """True when ``path`` exists; a folder this user may not read (a kiosk user with no home) holds nothing."""
    try:
        return path.exists()
    except OSError:
        return False


def _language_model(loaded: IntentSet | None, wake: str | None, vosk: bool, prepare: str,
                    intents_only: bool = False) -> Check:
    """PocketSphinx's two models for these intents and wake phrase, each prepared at setup (or cached) and whole: the
    quiet room's (the intents' mixed with general English) and the noise model (the intents' alone, the only one
    with ``intents_only``). The noise model was never checked (outside review 17 F10): deleted, doctor passed and
    the kiosk built it again at its start without a word.

    Missing, the kiosk builds them at its first start before it is ready (the mixture 16 s here, minutes on a Pi,
    against systemd's 300 s); with a Vosk model they are needed only if that model fails to load. ``prepare``: the
    command that builds them for this configuration.
    """
    import tempfile

    from voicecare.app import prepared
    from voicecare.app.speech_cli import cache_dir
    from voicecare.speech_in import lm, lmmix, stt

    name = "language model"
    if loaded is None:
        return Check(name, False, "not checked: the intents cannot be read", "fix the intent files first")
    folders = (prepared.prepared_dir(), cache_dir())
    try:
        general = stt.sphinx_model_dir() / "en-us.lm.bin"
        wake_phrase = (wake,) if wake else ()
        with tempfile.TemporaryDirectory() as folder:  # the intents' models, only to learn their names
            own = lm.build(loaded, stt.sphinx_words(), Path(folder), phrases=wake_phrase)
            models = {"noise model": [f / own.name for f in folders]}
            if not intents_only:  # the quiet room's mixture is made from the model with the sentences of no sign
                talk = lm.build(loaded, stt.sphinx_words(), Path(folder), phrases=wake_phrase, with_said=True)
                models = {"quiet room's model": [lmmix.mixed_path(talk, general, f) for f in folders], **models}
    except (VoicecareError, OSError) as exc:
        return Check(name, False, f"cannot check the language models ({exc})", "reinstall: scripts/setup.sh speech")
    found = {kind: next((p for p in places if prepared.whole(p)), None) for kind, places in models.items()}
    broken = next((p for kind, places in models.items() if found[kind] is None for p in places if _there(p)), None)
    if broken is not None:
        return Check(name, False, f"{broken}: cut short (not a whole model)", f"remove it, then {prepare}")
    missing = [kind for kind, path in found.items() if path is None]
    if not missing:
        only = "intents_only: the noise model in every room, " if intents_only else ""
        return Check(name, True, only + "built: " + ", ".join(f"{kind} {path}" for kind, path in found.items()))
    what = " and the ".join(missing) + (" are" if len(missing) > 1 else " is")
    if vosk:
        return Check(name, True, f"PocketSphinx's {what} not built; needed only if the Vosk model fails to load "
                     f"(then built at that start): {prepare}")
    slow = "16 s here, minutes on a Raspberry Pi" if "quiet room's model" in missing else "5-10 s here, longer on a Pi"
    return Check(name, False, f"the {what} not built: the first start builds {'them' if len(missing) > 1 else 'it'} "
                 f"before it is ready ({slow})", prepare)


def conversation_problem(loaded: IntentSet) -> str | None:
    """Why listen, chat or the kiosk would refuse these intents, or None: they also read files triage never
    reads (answers.toml, answer_counts.json), so check and doctor build what they build rather than pass
    files that keep the kiosk from starting (review 10, K1)."""
    from voicecare.conversation.answers import AnswerReader
    from voicecare.understanding.assistant import Assistant
    from voicecare.understanding.matching import Matcher

    try:
        AnswerReader(Assistant(loaded, Matcher(loaded)))
    except IntentError as exc:
        return str(exc)
    return None


def run(models_dir: Path, model: Path | None, intents_dir: Path | None, language: str = DEFAULT_LANGUAGE,
        topic: str | None = None, show: Callable[[str], None] = print, config: Path | None = None) -> bool:
    """Run every check, print a line each; True when all pass.

    With ``config`` (a kiosk's file) its microphone, speaker, model and intents are the ones checked, as
    the kiosk would use them; what the command line gives still wins.
    """
    checks = []
    settings: KioskSettings | None = None
    device = speaker = None
    wake: str | None = None
    prepare, intents_only, engine = "voicecare prepare", False, "auto"
    if config is not None:
        config_check, settings = _config(config)
        checks.append(config_check)
        if settings is not None:
            device, speaker = settings.device, settings.speaker
            model, intents_dir = model or settings.model, intents_dir or settings.intents
            language = settings.language if language == DEFAULT_LANGUAGE else language
            topic = topic or settings.topic
            wake, prepare = settings.wake_phrase, f"sudo .venv/bin/voicecare prepare --config {config}"
            intents_only, engine = settings.intents_only, settings.engine  # intents_only: no mixture is ever used
    intents_check, emergency, loaded = _intents(intents_dir, language, topic)
    if wake == LANGUAGE_WAKE:
        wake = loaded.language.wake_phrase or None if loaded is not None else None
    from voicecare.speech_in import stt

    vosk = engine != "sphinx" and stt.resolve_model(model, models_dir) is not None
    # A config the kiosk refuses has no language model of its own: the one for no wake phrase (listen's) was named
    # and passed beside it, though the kiosk never starts to use it (outside review 17 F10).
    refused = config is not None and not checks[0].ok and settings is None
    language_model = (Check("language model", False, "not checked: the kiosk config is refused (see its line)",
                            "fix the config first") if refused
                      else _language_model(loaded, wake, vosk, prepare, intents_only))
    portaudio = _portaudio()
    hung = not portaudio.ok and portaudio.detail.startswith(HUNG)
    devices = ([Check(kind, False, "not checked: PortAudio does not answer (see its line)", "fix PortAudio first")
                for kind in ("microphone", "speaker")] if hung
               else [_devices("microphone", device), _devices("speaker", speaker)])
    checks += [portaudio, _audio_group(), *devices,
               _model(models_dir, model, loaded.language.code if loaded is not None else language), _speech(emergency),
               intents_check, language_model]
    for check in checks:
        mark = "PASS" if check.ok else "FAIL"
        fix = f"  -> fix: {check.fix}" if not check.ok and check.fix else ""
        show(f"{mark}  {check.name:<14} {check.detail}{fix}")
    return all(c.ok for c in checks)
