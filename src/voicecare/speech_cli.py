"""Command-line handlers for the speech side: recorded audio, devices and models."""

from __future__ import annotations

import argparse
import functools
import os
import sys
import time
from pathlib import Path

from voicecare import render
from voicecare.assistant import Assistant
from voicecare.errors import AudioError, InputError
from voicecare.interfaces import AudioSink, Recognizer
from voicecare.sinks import NullSink, SoundDeviceSink, WavSink
from voicecare.tts import DEFAULT_RATE_WPM, Pyttsx3Synthesizer, Speaker

MODELS_ENV = "VOICECARE_MODELS"


def models_dir() -> Path:
    """$VOICECARE_MODELS, else the repository's models/ folder."""
    if env := os.environ.get(MODELS_ENV):
        return Path(env)
    return Path(__file__).resolve().parents[2] / "models"


def add_speech_arguments(command: argparse.ArgumentParser) -> None:
    """--engine/--model for recognition, --say-to/--quiet/--rate/--voice for speech."""
    command.add_argument("--engine", choices=("auto", "vosk", "sphinx"), default="auto",
                         help="speech recogniser (default auto: Vosk if a model is installed, else PocketSphinx)")
    command.add_argument("--model", type=Path, help="Vosk model folder (default: $VOICECARE_MODEL, else models/)")
    command.add_argument("--say-to", type=Path, metavar="FILE.wav", help="write the spoken reply to this WAV file")
    command.add_argument("--quiet", action="store_true", help="print the reply only; do not speak")
    command.add_argument("--rate", type=int, default=DEFAULT_RATE_WPM, help="speaking rate, words per minute")
    command.add_argument("--voice", help="speech synthesiser voice id (default: an English voice)")


def warn(message: str) -> None:
    """One line on stderr, for things the user should know but that are not errors."""
    print(f"voicecare: {message}", file=sys.stderr, flush=True)


def make_speaker(args: argparse.Namespace, assistant: Assistant, sink: AudioSink | None = None) -> Speaker:
    """The speaker the options ask for, with "Call 911 now." ready before it is needed."""
    if sink is None:
        if args.quiet:
            sink = NullSink()
        elif args.say_to is not None:
            if args.say_to.suffix.lower() != ".wav":
                raise InputError(f"{args.say_to}: --say-to writes WAV; give a name ending in .wav")
            sink = WavSink(args.say_to)
        else:
            sink = SoundDeviceSink()
    # The synthesiser is made inside the speaker's own thread, which owns it.
    return Speaker(functools.partial(Pyttsx3Synthesizer, args.voice), sink, rate_wpm=args.rate,
                   ready_texts=(assistant.intents.messages["emergency"],), on_error=warn)


def cache_dir() -> Path:
    """Where built language models are kept ($XDG_CACHE_HOME/voicecare)."""
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "voicecare"


def load_recognizer(args: argparse.Namespace, assistant: Assistant) -> Recognizer:
    """The recogniser the options ask for; says on stderr which engine and model are in use."""
    from voicecare import intents, lm, stt

    loaded_at = time.perf_counter()
    language = None
    if args.engine == "sphinx" or (args.engine == "auto" and stt.resolve_model(args.model, models_dir()) is None):
        words = (args.intents or intents.default_dir()) / "common_words.txt"
        language = lm.build(assistant.intents, words, stt.sphinx_words(), cache_dir())
    recognizer = stt.load(args.engine, args.model, models_dir(), language)
    warn(f"recognising with {recognizer.name}: {recognizer.description} "
         f"(loaded in {time.perf_counter() - loaded_at:.2f} s)")
    return recognizer


def triage_audio(args: argparse.Namespace) -> int:
    """``voicecare triage --audio FILE...``: one result per file, the model loaded once.

    A file that cannot be read is reported in one line and the others are
    still triaged (an emergency among them must not wait); the exit status
    is then 2.
    """
    from voicecare import audio

    files = audio.usable(args.audio, lambda problem: warn(f"error: {problem}"))
    if not files:
        return InputError.exit_code
    assistant = Assistant.load(args.intents)
    recognizer = load_recognizer(args, assistant)
    speaker = None if args.quiet else make_speaker(args, assistant)
    failed = len(args.audio) - len(files)
    try:
        for path in files:
            try:
                _triage_file(args, path, assistant, recognizer, speaker)
            except AudioError as exc:  # e.g. the file was cut short or removed while being read
                warn(f"error: {exc}")
                failed += 1
    finally:
        if speaker is not None:
            speaker.close()
    return InputError.exit_code if failed else 0


def _triage_file(args: argparse.Namespace, path: Path, assistant: Assistant, recognizer: Recognizer,
                 speaker: Speaker | None) -> None:
    from voicecare import audio, pipeline

    say = speaker.say if speaker is not None else (lambda messages: None)
    heard = pipeline.recognize_recording(audio.iter_wav(path, recognizer.rate), recognizer, assistant, say)
    began = time.perf_counter()
    result = pipeline.answer_recording(assistant, heard)
    triage_ms = (time.perf_counter() - began) * 1000
    if speaker is not None:
        speaker.say(pipeline.still_to_say(result, heard.early))
        # Each recording is its own caregiver: one reply must not cut off another.
        speaker.wait_idle()
    extra = {
        "engine": recognizer.name,
        "model": recognizer.description,
        "file": str(path),
        "audio_seconds": round(heard.audio_seconds, 3),
        "alternatives": list(heard.transcript.alternatives),
        "emergency_detected_at": None if heard.emergency_at is None else round(heard.emergency_at, 2),
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
        print(render.as_text(result, f"{path}: heard \"{text}\"") + "\n", flush=True)


def devices(args: argparse.Namespace) -> int:
    """``voicecare devices``: list the sound devices."""
    from voicecare.devices import list_devices

    found = list_devices()
    if not found:
        print("no sound devices found")
    for device in found:
        kinds = ", ".join(k for k, n in (("input", device.inputs), ("output", device.outputs)) if n)
        print(f"{device.index:>3}  {device.name}  ({kinds}, {device.default_rate:.0f} Hz)")
    return 0


def manifest_path(args: argparse.Namespace) -> Path:
    """--manifest, else the manifest beside the models (the repository's models/manifest.toml)."""
    if args.manifest is not None:
        return Path(args.manifest)
    beside = models_dir() / "manifest.toml"
    return beside if beside.is_file() else Path(__file__).resolve().parents[2] / "models" / "manifest.toml"


def models_command(args: argparse.Namespace) -> int:
    """``voicecare models list | download [NAME] | verify PATH``."""
    from voicecare import models

    entries = models.read_manifest(manifest_path(args))
    where = models_dir()
    if args.action == "list":
        for entry in entries:
            state = "installed" if models.installed(entry, where) else "not installed"
            mark = " (default)" if entry.default else ""
            print(f"{entry.name}{mark}: {entry.description}; {entry.size / 1e6:.0f} MB; {state}")
        return 0
    if args.action == "download":
        name = args.target or next((e.name for e in entries if e.default), entries[0].name)
        entry = models.find(entries, name)
        path = models.download(entry, where, None if args.no_progress else models.print_progress(name))
        print(f"installed {entry.name} in {path}")
        return 0
    if not args.target:
        raise InputError("models verify needs a PATH (a model folder or a downloaded .zip)")
    problems = models.verify(Path(args.target))
    if problems:
        raise InputError("; ".join(problems[:3]))
    print(f"ok: {args.target}")
    return 0
