"""Recorded messages a speaker plays when no synthesiser can make them: "Call 911 now." for an engine that never worked.

A kiosk whose espeak-ng cannot start (a broken package, a missing library after an update) printed its emergency
on a screen nobody reads. The emergency message is therefore shipped as a recording, made at build time from the
real synthesiser by ``scripts/make_recorded.py``, and played through the same sink as any reply. Each recording is
kept for the exact text it says: intents whose emergency message differs (another language, a reworded message)
find none and speak as before.
"""

from __future__ import annotations

import tomllib
import wave
from collections.abc import Iterable
from pathlib import Path

from voicecare.interfaces import Clip

RECORDED_DIR = Path(__file__).with_name("recorded")
INDEX_NAME = "recorded.toml"
"""In RECORDED_DIR: one ``[[clip]]`` per recording, its ``text`` and ``file``."""


def read_clip(path: Path, text: str) -> Clip:
    """A 16-bit mono WAV file as a clip; ValueError when it is not one (a recording that cannot play is no fallback)."""
    try:
        with wave.open(str(path), "rb") as wav:
            if wav.getnchannels() != 1 or wav.getsampwidth() != 2:
                raise ValueError(f"{path}: not 16-bit mono")
            rate, pcm = wav.getframerate(), wav.readframes(wav.getnframes())
    except (OSError, EOFError, wave.Error) as exc:
        raise ValueError(f"{path}: {exc}") from None
    if not pcm:
        raise ValueError(f"{path}: no samples")
    return Clip(pcm=pcm, rate=rate, text=text)


def recorded_clips(texts: Iterable[str], folder: Path = RECORDED_DIR) -> dict[str, Clip]:
    """The shipped recordings of ``texts`` (text -> clip); a text with no recording, or one that cannot be read,
    is left out: the speaker then has only its synthesiser for it, as before recordings were shipped."""
    wanted = set(texts)
    try:
        index = tomllib.loads((folder / INDEX_NAME).read_text(encoding="utf-8"))
    except (OSError, tomllib.TOMLDecodeError):
        return {}
    clips: dict[str, Clip] = {}
    for entry in index.get("clip", []):
        text, name = entry.get("text"), entry.get("file")
        if text in wanted and isinstance(name, str):
            try:
                clips[text] = read_clip(folder / name, text)
            except ValueError:
                continue
    return clips
