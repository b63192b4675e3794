"""Is a folder a working Vosk model of the expected language? Loaded for real, in a child process."""

from __future__ import annotations

import importlib.util
import json
import subprocess
import sys
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from voicecare.errors import ModelError
from voicecare.speech_in.stt import vosk_problems

LOAD_TIMEOUT_SECONDS = 300.0
"""A large model on a Raspberry Pi's SD card loads in well under a minute; a hang is not a model."""
MIN_KNOWN_SHARE = 0.8
"""Share of the language's probe words the model must know; a few may be missing from a small vocabulary."""
NO_VOSK_EXIT = 3
NO_VOSK = "the vosk package is not installed, so no model can be checked or used; run scripts/setup.sh speech"
# Run in a child so a native crash (Kaldi aborts on some corrupt files) or a hang cannot take the CLI down.
PROBE = """
import json, sys
try:
    import vosk
except ImportError:
    sys.exit(3)
vosk.SetLogLevel(-1)
model = vosk.Model(sys.argv[1])
print(json.dumps([w for w in sys.argv[2:] if model.vosk_model_find_word(w) >= 0]))
"""


@dataclass(frozen=True)
class Language:
    """A language a model may be for, with words any model of it knows (from the manifest)."""

    code: str
    name: str
    words: tuple[str, ...]


def require_vosk() -> None:
    """ModelError unless vosk can be imported (checked before a download, not after it)."""
    if importlib.util.find_spec("vosk") is None:
        raise ModelError(NO_VOSK)


def problems(path: Path, language: Language | None, timeout: float = LOAD_TIMEOUT_SECONDS) -> list[str]:
    """Why ``path`` is not a usable model of ``language`` (None: any language); empty when it is."""
    found = vosk_problems(path)
    if found:
        return found
    probe = language.words if language is not None else ()
    known, failure = _load(path, probe, timeout)
    if failure:
        return [failure]
    wrong = language_problem(path, language, known) if language is not None else None
    return [wrong] if wrong else []


def language_problem(path: Path, language: Language, known: Sequence[str]) -> str | None:
    """Why a model that knows ``known`` of the language's probe words is not for ``language``; None when it is.

    The one test for doctor, ``models verify`` and every start (which asks the model it has loaded anyway).
    """
    if len(set(known) & set(language.words)) >= MIN_KNOWN_SHARE * len(language.words):
        return None
    missing = [w for w in language.words if w not in known][:3]
    return (f"{path}: not a model for {language.name}: it knows {len(known)} of {len(language.words)} common "
            f"{language.name} words (not {', '.join(missing)})")


def _load(path: Path, words: Sequence[str], timeout: float) -> tuple[list[str], str | None]:
    """The probe words the model knows, or why it could not be loaded."""
    try:
        done = subprocess.run([sys.executable, "-c", PROBE, str(path), *words], capture_output=True,
                              text=True, errors="replace", timeout=timeout, check=False)
    except subprocess.TimeoutExpired:
        return [], f"{path}: Vosk did not finish loading the model within {timeout:.0f} s"
    except OSError as exc:
        return [], f"cannot start Python to load {path}: {exc.strerror or exc}"
    if done.returncode == NO_VOSK_EXIT:
        return [], NO_VOSK
    if done.returncode < 0:
        return [], f"{path}: Vosk crashed loading the model (signal {-done.returncode}); the model is broken"
    if done.returncode != 0:
        last = (done.stderr.strip().splitlines() or ["no message"])[-1]
        return [], f"{path}: Vosk could not load the model ({last[:200]}); the model is broken"
    try:
        known = json.loads(done.stdout.strip().splitlines()[-1])
    except (ValueError, IndexError):
        return [], f"{path}: the model check gave no answer"
    return [str(word) for word in known], None
