"""Command-line handlers for the speech side: recorded audio, devices and models."""

from __future__ import annotations

import argparse
import functools
import os
import re
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Mapping, Sequence
from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING

from voicecare.app.cli import load_assistant
from voicecare.app.emergency_first import EmergencyFirst
from voicecare.app.sound_open import speaker_open
from voicecare.app.text_cli import answer_printed
from voicecare.app.unused_options import SPEECH_COMMANDS
from voicecare.conversation import one_shot, render
from voicecare.errors import AudioError, InputError, ModelError, VoicecareError
from voicecare.interfaces import AudioSink, Recognizer, Synthesizer
from voicecare.speech_in import audio
from voicecare.speech_in.devices import find_output
from voicecare.speech_in.frontend import SUPPRESSORS, FrontEndSettings
from voicecare.speech_in.vad import DEFAULT_VAD, VADS
from voicecare.speech_out.recorded import recorded_clips
from voicecare.speech_out.sinks import NullSink, SoundDeviceSink, WavSink
from voicecare.speech_out.tts import DEFAULT_RATE_WPM, MAX_RATE_WPM, MIN_RATE_WPM, Pyttsx3Synthesizer, Speaker
from voicecare.speech_out.tts_process import espeak_command
from voicecare.speech_out.tts_worker import VOICE_OTHER_LANGUAGE, VOICE_UNKNOWN
from voicecare.understanding.assistant import Assistant

if TYPE_CHECKING:
    from voicecare.speech_in.stt import VoskRecognizer

MODELS_ENV = "VOICECARE_MODELS"
VOICE_ID = re.compile(r"[A-Za-z0-9][A-Za-z0-9_./+-]{0,63}")
VOICE_CHECK_SECONDS = 20.0
SPEECH_FAILED = 1
"""Exit status when every result was printed but speech out failed (a reply file not written, say)."""


def models_dir() -> Path:
    """$VOICECARE_MODELS, else the repository's models/ folder."""
    if env := os.environ.get(MODELS_ENV):
        return Path(env)
    return Path(__file__).resolve().parents[3] / "models"


def add_speech_arguments(command: argparse.ArgumentParser, *, kiosk: bool = False) -> None:
    """--engine/--model for recognition, --say-to/--speaker/--quiet/--rate/--voice for speech.

    ``kiosk``: --say-to and --quiet are not offered (a kiosk must speak); still parsed, so that
    someone used to them from ``listen`` is told why not (kiosk_config.REFUSED), not "unrecognized".
    """
    command.add_argument("--engine", choices=("auto", "vosk", "sphinx"), default="auto",
                         help="speech recogniser (default auto: Vosk if a model is installed, else PocketSphinx)")
    command.add_argument("--model", type=Path,
                         help="Vosk model folder (default: $VOICECARE_MODEL, else the first in $VOICECARE_MODELS or models/)")
    command.add_argument("--general-english", action="store_true",
                         help="PocketSphinx: general English mixed into the intents' language model in every room "
                              "(by default only in a quiet room: in noise it misses more emergencies, see README)")
    command.add_argument("--intents-only", action="store_true",
                         help="PocketSphinx: the intents' language model alone, in a quiet room too (more invented "
                              "symptoms and false 911s on clean speech: see README)")
    command.add_argument("--front-end", nargs="?", const="webrtc", choices=SUPPRESSORS, metavar="webrtc|speex",
                         help="clean the audio first: WebRTC noise suppression and automatic gain (the default "
                              "here), or Speex noise suppression (--front-end speex); see README for what each costs")
    command.add_argument("--vad", choices=VADS, metavar="|".join(VADS),
                         help=f"what tells speech from the room where a turn starts and ends: loudness alone "
                              f"(energy), or loudness and a speech detector (silero, webrtc); default {DEFAULT_VAD}, "
                              "see README for what each does in noise")
    command.add_argument("--say-to", type=Path, metavar="FILE.wav",
                         help=argparse.SUPPRESS if kiosk else "write the spoken reply to this WAV file")
    command.add_argument("--speaker", metavar="DEVICE", help="speaker (index or part of its name; see 'voicecare devices')")
    command.add_argument("--quiet", action="store_true",
                         help=argparse.SUPPRESS if kiosk else "print the reply only; do not speak")
    command.add_argument("--rate", type=int, default=DEFAULT_RATE_WPM,
                         help=f"speaking rate, words per minute ({MIN_RATE_WPM}-{MAX_RATE_WPM}, default {DEFAULT_RATE_WPM})")
    command.add_argument("--voice", help="speech synthesiser voice id, e.g. gmw/en-us (default: an English voice)")


def warn(message: str) -> None:
    """One line on stderr, for things the user should know but that are not errors."""
    print(f"voicecare: {message}", file=sys.stderr, flush=True)


def check_speech_options(args: argparse.Namespace, language: str) -> None:
    """--say-to, --rate and --voice (or the same keys of a kiosk config): InputError in one line when unusable.

    ``language``: the intents' language code, which the voice must speak.
    """
    say_to = getattr(args, "say_to", None)
    if say_to is not None and say_to.suffix.lower() != ".wav":
        raise InputError(f"{say_to}: --say-to writes WAV; give a name ending in .wav")
    rate = args.rate
    if isinstance(rate, bool) or not isinstance(rate, int) or not MIN_RATE_WPM <= rate <= MAX_RATE_WPM:
        raise InputError(f"rate {rate!r}: give a whole number of words per minute from {MIN_RATE_WPM} to {MAX_RATE_WPM}")
    voice = args.voice
    if voice is None:
        return
    if not isinstance(voice, str) or not VOICE_ID.fullmatch(voice):
        raise InputError(f"voice {voice!r}: give an espeak-ng voice id such as gmw/en-us ('espeak-ng --voices')")
    status, found = check_voice(voice, language)
    if status == VOICE_UNKNOWN:
        raise InputError(f"voice {voice!r}: espeak-ng has no such voice; see 'espeak-ng --voices={language}'")
    if status == VOICE_OTHER_LANGUAGE:
        name, _, spoken = found.partition("\t")
        raise InputError(f"voice {voice!r}: espeak-ng's {name} voice speaks {spoken}, not the intents' language "
                         f"({language}); see 'espeak-ng --voices={language}'")


def quiet_note(args: argparse.Namespace) -> None:
    """With --quiet, a --rate or --voice (already checked: wrong ones fail in every mode) is said to be unused."""
    if getattr(args, "quiet", False) and (args.voice is not None or args.rate != DEFAULT_RATE_WPM):
        warn("--rate and --voice shape speech, and --quiet speaks nothing; printing only")


@functools.lru_cache(maxsize=8)
def check_voice(voice: str, language: str) -> tuple[int, str]:
    """Ask a worker whether the voice exists and speaks ``language``.

    Its exit status (0 yes; VOICE_UNKNOWN, VOICE_OTHER_LANGUAGE no; else engine trouble) and the voice's
    "name<TAB>language" line. Kept: a command checks before it starts, and again when it makes its speaker.
    """
    command = [*espeak_command(voice), "--check", "--language", language]
    try:
        done = subprocess.run(command, capture_output=True, text=True, timeout=VOICE_CHECK_SECONDS, check=False)
    except (OSError, subprocess.TimeoutExpired):
        return -1, ""  # the engine itself is in trouble: the speaker reports that, triage goes on
    lines = done.stdout.strip().splitlines()
    return done.returncode, lines[-1] if lines else ""


def make_synth(args: argparse.Namespace) -> Callable[[], Synthesizer]:
    """The synthesiser worker (espeak-ng), unless the caller of ``cli.main`` brought its own."""
    given: Callable[[], Synthesizer] | None = getattr(args, "synthesizer", None)
    return given if given is not None else functools.partial(Pyttsx3Synthesizer, args.voice)


def make_sink(args: argparse.Namespace) -> AudioSink:
    """Where speech goes; SpeechError/AudioError when it cannot go there.

    The kiosk's options have no ``quiet`` or ``say_to`` (a kiosk must speak), so a missing speaker
    suggests writing the reply to a file only to the commands that can; with no --speaker named, printing
    only (--quiet) too: a script on a machine without one is told how to stop the failure (review13 F19).
    """
    if getattr(args, "quiet", False):
        return NullSink()
    if getattr(args, "say_to", None) is not None:
        return WavSink(args.say_to)
    speaker = getattr(args, "speaker", None)
    try:
        # Each open of the speaker under the sound system's time limit (sound_open): a reply to a speaker whose open
        # hangs is a speech failure said in one line and tried again at the next reply, never a speaker stuck for ever.
        return SoundDeviceSink(find_output(speaker), opener=speaker_open())
    except AudioError as exc:
        if not hasattr(args, "say_to"):
            raise
        if speaker is not None:  # --quiet with --speaker is refused: not offered
            raise AudioError(f"{exc}, or write the reply with --say-to FILE.wav") from None
        raise AudioError(f"{exc}, write the reply to a file with --say-to FILE.wav, or print only with --quiet") from None


def make_speaker(args: argparse.Namespace, assistant: Assistant, sink: AudioSink | None = None,
                 on_error: Callable[[str], None] = warn) -> Speaker:
    """The speaker the options ask for, with "Call 911 now." ready before it is needed.

    A reply file that cannot be written or a missing sound card does not stop
    anything: it is reported in one line, replies are printed, and
    ``speaker.failed`` says why (for a non-zero exit at the end).
    """
    check_speech_options(args, assistant.intents.language.code)
    problem = None
    if sink is None:
        try:
            sink = make_sink(args)
        except VoicecareError as exc:
            sink, problem = NullSink(), str(exc)
    # The synthesiser is made inside the speaker's own thread, which owns it.
    emergency = assistant.intents.messages["emergency"]
    # Fixed texts made ahead only for a live speaker: a reply file has no first-audio wait to cut.
    fixed = tuple(t for t in fixed_phrases(assistant) if t != emergency) if isinstance(sink, SoundDeviceSink) else ()
    # The shipped recording of "Call 911 now." is said when no synthesiser can make it (an engine that never worked).
    speaker = Speaker(make_synth(args), sink, rate_wpm=args.rate, ready_texts=(emergency,), fixed_texts=fixed,
                      recorded=recorded_clips((emergency,)), on_error=on_error)
    if problem is not None:
        speaker.report_failure(problem)
    return speaker


def fixed_phrases(assistant: Assistant) -> tuple[str, ...]:
    """The intents' messages with no blank for a family's words ("Sorry, I missed that. Please tell me again."):
    synthesised while the speaker is idle and kept, so a reply that starts with one does not wait for synthesis."""
    return tuple(dict.fromkeys(t for t in assistant.intents.messages.values() if "{" not in t))


def cache_dir() -> Path:
    """Where built language models are kept ($XDG_CACHE_HOME/voicecare)."""
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "voicecare"


def _model_named(args: argparse.Namespace) -> bool:
    """Whether the user chose the Vosk model (--model or $VOICECARE_MODEL) rather than auto finding one."""
    from voicecare.speech_in import stt

    return args.model is not None or bool(os.environ.get(stt.MODEL_ENV))


def load_recognizer(args: argparse.Namespace, assistant: Assistant, phrases: Sequence[str] = (), *,
                    fallback: bool = False) -> Recognizer:
    """The recogniser the options ask for; says on stderr which engine and model are in use.

    ``phrases`` (a wake phrase) are added to the PocketSphinx language model.
    PocketSphinx hears a turn that starts in a quiet room with the intents' model mixed with general English (ordinary
    talk heard as itself, not forced into symptoms), in noise with the intents' model alone; --general-english uses the
    mixture in every room, --intents-only never. The mixture is built at setup (``voicecare prepare``); a start that
    does not find it there mixes it into the cache (16 s to minutes), saying so.
    ``fallback`` (the kiosk): a Vosk model that cannot be loaded (a corrupted SD card) is said in one line and
    PocketSphinx used instead; exiting would only have systemd restart a deaf, mute box every 10 s forever.
    ``--engine auto`` does the same everywhere for a model it found itself in the models folder (review14 F10): auto
    promises "Vosk if a model is installed, else PocketSphinx", and a caregiver's recording must still be heard. A
    model the user named (--model, $VOICECARE_MODEL) that cannot load stops a terminal command with one line instead.
    """
    if args.engine != "sphinx" and not _model_named(args):
        from voicecare.speech_in import stt

        # A model folder copied only in part is skipped as no model: said in one line, as a model that cannot
        # load is (outside review 15 F16: only "recognising with sphinx" was said).
        for skipped in stt.unusable_models(models_dir()):
            warn(f"warning: {skipped}; not a whole Vosk model, so it is not used (voicecare doctor checks it)")
    if args.engine != "sphinx" and (fallback or (args.engine == "auto" and not _model_named(args))):
        try:
            return _load_recognizer(args, assistant, phrases)
        except ModelError as exc:
            warn(f"warning: {exc}; listening with PocketSphinx instead until the model is fixed")
            args = argparse.Namespace(**{**vars(args), "engine": "sphinx", "model": None})
    return _load_recognizer(args, assistant, phrases)


def _load_recognizer(args: argparse.Namespace, assistant: Assistant, phrases: Sequence[str]) -> Recognizer:
    """load_recognizer without the fallback: the engine and model exactly as ``args`` say."""
    from voicecare.app import prepared
    from voicecare.speech_in import frontend, lm, stt, vad

    loaded_at = time.perf_counter()
    models: tuple[Path | None, Path | None] = (None, None)
    if args.engine == "sphinx" or (args.engine == "auto" and stt.resolve_model(args.model, models_dir()) is None):
        # The intents' model as ``voicecare prepare`` made it at setup when it is there (the mixture is found there
        # too, by this model's text), else made once into the cache.
        ours = functools.partial(lm.build, assistant.intents, stt.sphinx_words(), phrases=phrases,
                                 ready=prepared.prepared_dir())
        room = _room_models(args, ours)
        try:
            models = room(cache_dir())
        except OSError as exc:
            # A full or read-only cache must not stop a kiosk: the model is derived data, rebuilt in seconds.
            # The quiet room's mixture takes seconds to a minute to build, at every start without a cache: left out.
            warn(f"{cache_dir()}: cannot keep the language model there ({exc.strerror or exc}); using a temporary folder"
                 " and the intents' model alone")
            try:
                models = _room_models(argparse.Namespace(**{**vars(args), "intents_only": True}), ours)(
                    Path(tempfile.mkdtemp(prefix="voicecare-lm-")))
            except OSError as again:
                raise InputError(f"cannot write the PocketSphinx language model anywhere ({again.strerror or again}); "
                                 "free some disk space") from None
    recognizer = stt.load(args.engine, args.model, models_dir(), *models)
    if isinstance(recognizer, stt.VoskRecognizer):
        _check_model_language(recognizer, assistant.intents.language.code)
    if getattr(args, "general_english", False) and recognizer.name != "sphinx" and \
            getattr(args, "command_name", None) in SPEECH_COMMANDS:
        # --engine auto found a Vosk model: said, not ignored (review13 F20). Not for the kiosk, whose
        # general_english is for the day its model fails to load and PocketSphinx takes over.
        warn("--general-english changes only PocketSphinx's language model, and a Vosk model was found, so it "
             "does nothing; add --engine sphinx to use it")
    recognizer = frontend.with_front_end(recognizer, front_end_settings(getattr(args, "front_end", None)))
    vad.check(chosen_vad(args), recognizer.rate)  # a missing detector fails here, at load, not at the first word
    warn(f"recognising with {recognizer.name}: {recognizer.description} "
         f"(loaded in {time.perf_counter() - loaded_at:.2f} s)")
    return recognizer


def chosen_vad(args: argparse.Namespace) -> str:
    """``--vad`` (or the kiosk's ``vad``), else the default."""
    return getattr(args, "vad", None) or DEFAULT_VAD


def front_end_settings(chosen: object) -> FrontEndSettings:
    """``--front-end`` (or the kiosk's ``front_end``) as settings: off (None or false), WebRTC (true, the option alone,
    or "webrtc") or Speex ("speex")."""
    return FrontEndSettings(enabled=bool(chosen), suppressor="speex" if chosen == "speex" else "webrtc")


def _check_model_language(recognizer: VoskRecognizer, code: str) -> None:
    """ModelError unless the loaded model is for the intents' language (review18 F1).

    A model of another language loads and hears every emergency as words of its own language: "NOT UNDERSTOOD",
    exit 0. The same probe words as doctor and ``models verify`` (the manifest's [languages]), looked up in the
    model already loaded: well under a millisecond, so nothing to cache. A language the manifest has no words for
    cannot be told, so it is refused too: unchecked, such a model could silence every 911.
    """
    from voicecare.model_store import model_check, models
    from voicecare.speech_in.stt import GET_A_MODEL

    try:
        language = models.read_manifest(models.default_manifest(models_dir())).language(code)
    except ModelError as exc:
        raise ModelError(f"{recognizer.path}: cannot tell whether it is a model for the intents' language ({exc})") \
            from None
    problem = model_check.language_problem(recognizer.path, language, recognizer.knows(language.words))
    if problem:
        raise ModelError(f"{problem}; {GET_A_MODEL}")


def _room_models(args: argparse.Namespace, ours: Callable[..., Path]) -> Callable[[Path], tuple[Path, Path | None]]:
    """Builds (in a cache folder) PocketSphinx's model for descriptions and the one for a turn begun in a quiet room.

    Held-out voices, clean bench: the intents' model alone forced ordinary talk into symptoms (false 911 17 of 96,
    the mixture 4; emergencies 38 and 41 of 48); in pink and babble at 10 dB the mixture missed more emergencies,
    so noise keeps the intents' model (round speech12 in docs/measurements.md). A mixture that cannot be built (the
    general model unreadable, no room to unpack it) is said in one line and the intents' model heard everywhere.
    """
    from voicecare.app import prepared
    from voicecare.speech_in import stt

    def build(cache: Path) -> tuple[Path, Path | None]:
        own = ours(cache)
        if getattr(args, "intents_only", False):
            return own, None
        try:
            # The mixture is made from the intents' model with the sentences that are no sign (lm.build).
            mixed = prepared.mixture(ours(cache, with_said=True), stt.sphinx_model_dir() / "en-us.lm.bin", cache, warn)
        except ModelError as exc:
            if getattr(args, "general_english", False):
                raise
            warn(f"warning: {exc}; hearing with the intents' language model alone")
            return own, None
        return (mixed, None) if getattr(args, "general_english", False) else (own, mixed)

    return build


def triage_audio(args: argparse.Namespace) -> int:
    """``voicecare triage --audio FILE...``: one result per file, the model loaded once.

    Each result is printed as soon as it is decided, before it is spoken:
    speech never delays the printed 911 instruction. A file that cannot be
    read is reported in one line and the others are still triaged (an
    emergency among them must not wait); the exit status is then 2.
    """
    headers = _read_headers(args.audio)
    if not any(isinstance(header, audio.WavFormat) for header in headers.values()):
        for path in args.audio:
            _failed(args, path, str(headers[path]))
        return InputError.exit_code
    assistant = load_assistant(args)
    # Before the slow recogniser, a wrong option fails at once; with --quiet too, as in text mode (review13 F20).
    check_speech_options(args, assistant.intents.language.code)
    quiet_note(args)
    recognizer = load_recognizer(args, assistant)
    if args.quiet:
        failed = _triage_files(args, headers, assistant, recognizer, None)
        return InputError.exit_code if failed else 0
    with make_speaker(args, assistant) as speaker:
        failed = _triage_files(args, headers, assistant, recognizer, speaker)
    if failed:
        return InputError.exit_code
    return SPEECH_FAILED if speaker.failed else 0


def _read_headers(paths: Sequence[Path]) -> dict[Path, audio.WavFormat | str]:
    """Each path's WAV header, read once, before the slow recogniser loads; for a file that is no WAV file, why
    not, said on stderr at once."""
    headers: dict[Path, audio.WavFormat | str] = {}
    for path in paths:
        try:
            headers[path] = audio.read_format(path)
        except AudioError as exc:
            headers[path] = str(exc)
            warn(f"error: {exc}")
    return headers


def _failed(args: argparse.Namespace, path: Path, problem: str) -> None:
    """With --json, the line of a recording that gave no result (its stderr line is said already): scripts read
    one JSON line per file given, in order (outside review F16)."""
    if args.json:
        print(render.error_json_line(str(path), problem), flush=True)


def _triage_files(args: argparse.Namespace, headers: Mapping[Path, audio.WavFormat | str], assistant: Assistant,
                  recognizer: Recognizer, speaker: Speaker | None) -> int:
    """Triage each recording given in turn (``headers``: each one's WAV header, or why it is no WAV file); how many
    could not be used or read to the end."""
    failed = 0
    voice = EmergencyFirst(speaker)
    for path in args.audio:
        fmt = headers[path]
        if not isinstance(fmt, audio.WavFormat):
            _failed(args, path, fmt)
            failed += 1
            continue
        try:
            if audio.narrow_band(fmt.rate):  # before the result: it is not to be trusted (review13 F8)
                warn(audio.narrow_band_warning(str(path), fmt.rate))
            read = _triage_file(args, assistant, recognizer, path, fmt, voice)
        except AudioError as exc:  # e.g. the file was removed since its header was read
            warn(f"error: {exc}")
            _failed(args, path, str(exc))
            failed += 1
            continue
        cut = _cut_short(fmt, read)
        if cut is not None:  # triaged as far as it goes, but an emergency may have been in the missing part
            warn(f"error: {audio.cut_short_error(path, cut)}")
            failed += 1
        elif audio.narrow_band(fmt.rate):  # heard, but not to be trusted: never a clean exit (review 21 F13)
            warn(f"error: {audio.narrow_band_error(path, fmt.rate)}")
            failed += 1
    voice.finish()
    return failed


def _cut_short(fmt: audio.WavFormat, read: float) -> str | None:
    """How a recording of header ``fmt`` of which ``read`` seconds were heard was cut short; None when whole."""
    if (cut := fmt.cut_short()) is None and read < fmt.seconds - audio.BLOCK_SECONDS:  # cut since its header was read
        cut = f"cut short: read {read:.1f} of the {fmt.seconds:.1f} s its header promises"
    return cut


def _triage_file(args: argparse.Namespace, assistant: Assistant, recognizer: Recognizer, path: Path,
                 fmt: audio.WavFormat, voice: EmergencyFirst) -> float:
    """One recording (``fmt``: its header) triaged, printed, then spoken; the seconds of audio it held."""
    from voicecare.speech_in import pipeline

    say = voice.speaker.say if voice.speaker is not None else (lambda messages: None)
    assistant.disclaimer_due = True  # each recording is its own caregiver (rule 8: once to each)
    heard = pipeline.recognize_recording(audio.iter_wav(path, recognizer.rate, fmt=fmt), recognizer, assistant, say,
                                         vad=chosen_vad(args))
    began = time.perf_counter()
    result = pipeline.answer_recording(assistant, heard)
    triage_ms = (time.perf_counter() - began) * 1000
    extra = {
        "engine": recognizer.name,
        "model": recognizer.description,
        "file": str(path),
        "audio_seconds": round(heard.audio_seconds, 3),
        "alternatives": list(heard.transcript.alternatives),
        "emergency_detected_at": None if heard.emergency_at is None else round(heard.emergency_at, 2),
        "narrow_band": audio.narrow_band(fmt.rate),  # sampled too slowly to trust (review13 F8)
        # An emergency may have been in the part missing: the exit says so (2), and so must the file's own line
        # for a script reading the JSON alone (review18 F15).
        "cut_short": _cut_short(fmt, heard.audio_seconds) is not None,
        "timings": {
            "recognize_seconds": round(heard.recognize_seconds, 3),
            "realtime_factor": round(heard.recognize_seconds / heard.audio_seconds, 3) if heard.audio_seconds else 0.0,
            "triage_ms": round(triage_ms, 3),
        },
    }
    text = heard.transcript.text
    if args.json:
        print(render.as_json_line(result, str(path), text, extra), flush=True)
    else:
        heading = f"{path}: heard \"{text}\""
        if audio.narrow_band(fmt.rate):
            heading += f" ({audio.untrusted_note(fmt.rate)})"
        print(render.as_text(result, heading, assistant.intents.language) + "\n", flush=True)
    if voice.speaker is not None:  # the short part (rule 13); the rest is printed
        short = one_shot.reply(result, assistant.intents, voice.speaker.rate_wpm)
        voice.reply(result.disposition, pipeline.still_to_say(replace(result, messages=short), heard.early))
    return heard.audio_seconds


def triage_text_spoken(args: argparse.Namespace, utterances: list[str],
                       marks: Sequence[Mapping[str, str]] = ()) -> int:
    """``voicecare triage --text ... --say-to FILE.wav`` (or ``--speaker``): print each result, then speak it;
    ``marks``: each utterance's JSON mark of a line read with a fault (``TextLines.mark``)."""
    assistant = load_assistant(args)
    with make_speaker(args, assistant) as speaker:
        voice = EmergencyFirst(speaker)
        for index, utterance in enumerate(utterances):
            result = answer_printed(assistant, utterance, as_json=args.json,
                                    mark=marks[index] if index < len(marks) else None)
            voice.reply(result.disposition, one_shot.reply(result, assistant.intents, speaker.rate_wpm))
        voice.finish()
    return SPEECH_FAILED if speaker.failed else 0


def devices(args: argparse.Namespace) -> int:
    """``voicecare devices``: list the sound devices."""
    from voicecare.speech_in.devices import list_devices

    found = list_devices()
    if not found:
        print("no sound devices found")
    for device in found:
        kinds = ", ".join(k for k, n in (("input", device.inputs), ("output", device.outputs)) if n)
        print(f"{device.index:>3}  {device.name}  ({kinds}, {device.default_rate:.0f} Hz)")
    return 0


def manifest_path(args: argparse.Namespace) -> Path:
    """--manifest, else the manifest beside the models (the repository's models/manifest.toml)."""
    from voicecare.model_store import models

    return Path(args.manifest) if args.manifest is not None else models.default_manifest(models_dir())


def models_command(args: argparse.Namespace) -> int:
    """``voicecare models list | download [NAME] | install FILE | verify PATH``."""
    from voicecare.model_store import models

    manifest = models.read_manifest(manifest_path(args))
    where = models_dir()
    if args.action == "list":
        for entry in manifest.entries:
            state = "installed" if models.installed(entry, where) else "not installed"
            mark = " (default)" if entry.default else ""
            print(f"{entry.name}{mark}: {entry.description}; {entry.size / 1e6:.0f} MB; {state}")
        return 0
    if args.action == "download":
        entry = manifest.find(args.target) if args.target else manifest.default()
        progress = None if args.no_progress else models.ProgressLine(entry.name)
        try:
            print(f"installed {entry.name} in {models.download(manifest, entry, where, progress)}")
        finally:
            if progress is not None:
                progress.close()
        return 0
    if not args.target:
        raise InputError(f"models {args.action} needs a PATH (a model folder or a model .zip)")
    if args.action == "install":
        print(f"installed {models.install(manifest, Path(args.target), where, args.language)}")
        return 0
    problems = models.verify(manifest, Path(args.target), args.language)
    if problems:
        raise ModelError("; ".join(problems[:3]))
    print(f"ok: {args.target}")
    return 0
