"""Speech recognition behind one streaming interface: Vosk (the product's) and PocketSphinx.

One engine object per process holds the loaded model; ``stream()`` gives a
fresh recogniser per utterance or per turn. PocketSphinx lives in
``stt_sphinx`` and is re-exported here, beside Vosk.
"""

from __future__ import annotations

import json
import os
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from voicecare.errors import ModelError
from voicecare.interfaces import Expectation, Recognizer, RecognizerStream, Transcript
from voicecare.speech_in.audio import TARGET_RATE
from voicecare.speech_in.native_log import held_native_stderr
from voicecare.speech_in.stt_sphinx import FRAMES_PER_SECOND as FRAMES_PER_SECOND
from voicecare.speech_in.stt_sphinx import N_BEST
from voicecare.speech_in.stt_sphinx import WARMUP_SECONDS as WARMUP_SECONDS
from voicecare.speech_in.stt_sphinx import SphinxRecognizer as SphinxRecognizer
from voicecare.speech_in.stt_sphinx import SphinxSettings as SphinxSettings
from voicecare.speech_in.stt_sphinx import sphinx_model_dir as sphinx_model_dir
from voicecare.speech_in.stt_sphinx import sphinx_words as sphinx_words

MODEL_ENV = "VOICECARE_MODEL"
VOSK_REQUIRED = ("am/final.mdl", "conf/model.conf")
VOSK_GRAPHS = (("graph/HCLG.fst",), ("graph/HCLr.fst", "graph/Gr.fst"))


GET_A_MODEL = "run 'voicecare models download small-en-us', or pass --engine sphinx"


def resolve_model(explicit: Path | None, models_dir: Path) -> Path | None:
    """--model, else $VOICECARE_MODEL, else the first Vosk model in the models folder."""
    if explicit is not None:
        return explicit
    if env := os.environ.get(MODEL_ENV):
        return Path(env)
    if models_dir.is_dir():
        for candidate in sorted(models_dir.iterdir()):
            # Hidden folders are work in progress (an unpack killed half way), never a model to use.
            if not candidate.name.startswith(".") and candidate.is_dir() and not vosk_problems(candidate):
                return candidate
    return None


def unusable_models(models_dir: Path) -> list[str]:
    """One line for each folder in the models folder that ``resolve_model`` skips as no whole Vosk model (a copy
    cut short: no graph/), saying what it lacks; hidden folders (work in progress) are not named."""
    if not models_dir.is_dir():
        return []
    found = []
    for candidate in sorted(models_dir.iterdir()):
        if candidate.name.startswith(".") or not candidate.is_dir():
            continue
        missing = [p.removeprefix(f"{candidate}: ") for p in vosk_problems(candidate)]
        if missing:
            found.append(f"{candidate}: {'; '.join(missing)}")
    return found


def vosk_problems(path: Path) -> list[str]:
    """What is missing for ``path`` to be a Vosk model (empty when it looks whole)."""
    if not path.is_dir():
        return [f"{path}: not a folder"]
    missing = [f"{path}: missing {name}" for name in VOSK_REQUIRED if not (path / name).is_file()]
    if not any(all((path / name).is_file() for name in graph) for graph in VOSK_GRAPHS):
        missing.append(f"{path}: missing graph/HCLG.fst (or graph/HCLr.fst and graph/Gr.fst)")
    return missing


def load(engine: str, model: Path | None, models_dir: Path, language: Path | None = None,
         quiet_language: Path | None = None) -> Recognizer:
    """The recogniser for ``--engine`` (vosk, sphinx or auto).

    ``language`` is a language model for PocketSphinx built from the intents
    (see ``lm.py``); without it PocketSphinx uses its general English model.
    ``quiet_language``: PocketSphinx's model for a turn that starts in a quiet room (``SphinxRecognizer``).
    """
    if engine not in ("vosk", "sphinx", "auto"):
        raise ModelError(f"unknown engine {engine!r}; use vosk, sphinx or auto")
    path = resolve_model(model, models_dir) if engine != "sphinx" else None
    if engine == "vosk" and path is None:
        raise ModelError(f"no Vosk model found in {models_dir}; {GET_A_MODEL}")
    if path is not None:
        return VoskRecognizer.load(path)
    return SphinxRecognizer.load(language, quiet_language=quiet_language)


class VoskRecognizer:
    """Vosk (Kaldi): the product's recogniser; the Model is loaded once and shared."""

    name = "vosk"
    rate = TARGET_RATE
    concurrent = True

    def __init__(self, model: Any, path: Path) -> None:
        self._model = model
        self.path = path
        self.description = f"Vosk model {path}"

    @classmethod
    def load(cls, path: Path) -> VoskRecognizer:
        """Check and load a model folder; ModelError with the fix when it is unusable."""
        problems = vosk_problems(path)
        if problems:
            raise ModelError(f"{problems[0]}: not a usable Vosk model; {GET_A_MODEL}")
        try:
            import vosk
        except ImportError:
            raise ModelError("the vosk package is not installed; run scripts/setup.sh") from None
        # -2: errors only. At -1 Kaldi still writes a WARNING line to fd 2 for each grammar word its vocabulary
        # lacks, at every turn (hundreds of lines on the caregiver's terminal, review18 F1).
        vosk.SetLogLevel(-2)
        failure: Exception | None = None
        with held_native_stderr() as held:  # Kaldi's raw error line would come before our one line
            try:
                model = vosk.Model(str(path))
            except Exception as exc:  # vosk raises a bare Exception for a broken model
                failure = exc
        if failure is not None:
            raise ModelError(f"{path}: Vosk could not load this model ({held.reason() or failure}); {GET_A_MODEL}")
        held.release()
        return cls(model, path)

    def knows(self, words: Sequence[str]) -> list[str]:
        """Those of ``words`` in the model's vocabulary: Vosk's own lookup in the loaded model, microseconds a word."""
        return [word for word in words if self._model.vosk_model_find_word(word) >= 0]

    def stream(self, grammar: Sequence[str] | None = None, expect: Expectation | None = None) -> RecognizerStream:
        """A new KaldiRecognizer with words, n-best and optional grammar.

        ``expect`` is not used: the grammar stream beside the free one (see
        ``pipeline.recognize``) already listens for answers and commands.
        """
        import vosk

        if grammar:
            recognizer = vosk.KaldiRecognizer(self._model, self.rate, json.dumps([*grammar, "[unk]"]))
        else:
            recognizer = vosk.KaldiRecognizer(self._model, self.rate)
        recognizer.SetWords(True)
        recognizer.SetMaxAlternatives(N_BEST)
        return _VoskStream(recognizer)


class _VoskStream:
    def __init__(self, recognizer: Any) -> None:
        self._rec = recognizer
        self._segments: list[Transcript] = []

    def accept(self, pcm: bytes) -> Transcript | None:
        if self._rec.AcceptWaveform(pcm):
            segment = _vosk_result(self._rec.Result())
            if segment.text:
                self._segments.append(segment)
            return Transcript(self._joined(self._segments).text, False)
        partial = json.loads(self._rec.PartialResult()).get("partial", "")
        return Transcript(self._joined([*self._segments, Transcript(partial, False)]).text, False)

    def finish(self) -> Transcript:
        last = _vosk_result(self._rec.FinalResult())
        if last.text:
            self._segments.append(last)
        joined = self._joined(self._segments)
        return Transcript(joined.text, True, joined.alternatives, joined.confidence, joined.words)

    @staticmethod
    def _joined(segments: Sequence[Transcript]) -> Transcript:
        text = " ".join(s.text for s in segments if s.text)
        # An alternative of one segment, with the best reading of the others.
        alternatives = tuple(
            " ".join(alt if i == j else s.text for j, s in enumerate(segments))
            for i, seg in enumerate(segments) for alt in seg.alternatives
        )
        confidences = [s.confidence for s in segments if s.confidence is not None]
        confidence = sum(confidences) / len(confidences) if confidences else None
        return Transcript(text, True, alternatives, confidence, tuple(w for s in segments for w in s.words))


def _vosk_result(raw: str) -> Transcript:
    """Parse Vosk's JSON: with alternatives it is {"alternatives": [{text, confidence, result}]}."""
    data = json.loads(raw)
    options = data.get("alternatives") or [data]
    texts = [o.get("text", "").strip() for o in options]
    best = options[0]
    words = tuple((w["word"], float(w["start"]), float(w["end"])) for w in best.get("result", []))
    confs = [float(w["conf"]) for w in best.get("result", []) if "conf" in w]
    confidence = sum(confs) / len(confs) if confs else None
    others = tuple(dict.fromkeys(t for t in texts[1:] if t and t != texts[0]))
    return Transcript(texts[0], True, others, confidence, words)



class Expecting:
    """A recogniser whose every stream listens for ``expect``: how a caller says what the next turn should be.

    The conversation wraps the recogniser in this for one turn, so the code
    that streams the audio (``pipeline.recognize``, for files and the live
    microphone alike) stays the same.
    """

    def __init__(self, inner: Recognizer, expect: Expectation | None) -> None:
        self.inner = inner
        self.expect = expect
        self.name = inner.name
        self.description = inner.description
        self.rate = inner.rate
        self.concurrent = inner.concurrent

    def stream(self, grammar: Sequence[str] | None = None, expect: Expectation | None = None) -> RecognizerStream:
        """The inner recogniser's stream, expecting ``expect`` when given, else this wrapper's."""
        return self.inner.stream(grammar, expect or self.expect)
