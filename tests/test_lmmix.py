"""General English mixed with the intents' model: a proper back-off model, built from the real models."""

from __future__ import annotations

from pathlib import Path

import pytest

from children import run_child
from voicecare.domain import IntentSet
from voicecare.speech_in import lm, lmmix, pipeline, stt
from voicecare.speech_in.audio import iter_wav
from voicecare.understanding.assistant import Assistant

OURS = ["he stopped breathing", "he is breathing fast", "my son stopped"]
GENERAL = ["we watched cartoons", "he is on the couch", "we watched the news", "he is fine"]
ORDINARY_TALK = "What is the weather like tomorrow"


def model(lines: list[str]) -> lmmix.Model:
    return lmmix.read_arpa(lm.arpa(lines).splitlines())


def test_the_mixture_is_a_proper_distribution_after_every_history() -> None:
    mixed = lmmix.mix(model(OURS), model(GENERAL), 0.6)
    vocabulary = sorted(mixed.vocabulary - {lmmix.START})
    for history in [(), ("he",), ("he", "is"), ("watched",), ("stopped",)]:
        total = sum(mixed.prob((*history, w)) for w in vocabulary)
        assert total == pytest.approx(1.0, abs=0.02), history


def test_the_mixture_favours_ours_and_still_says_ordinary_words() -> None:
    mixed = lmmix.mix(model(OURS), model(GENERAL), 0.6)
    ours_only = model(OURS)
    general_only = model(GENERAL)
    assert mixed.prob(("stopped", "breathing")) >= 0.6 * ours_only.prob(("stopped", "breathing"))
    assert mixed.prob(("stopped", "breathing")) > 10 * general_only.prob(("stopped", "breathing"))
    assert ours_only.prob(("watched", "cartoons")) == 0.0  # the intents alone cannot say it
    assert mixed.prob(("watched", "cartoons")) > 0.05


def test_arpa_round_trip() -> None:
    mixed = lmmix.mix(model(OURS), model(GENERAL), 0.5)
    again = lmmix.read_arpa(list(lmmix.write_arpa(mixed)))
    for gram in [("he",), ("he", "is"), ("he", "is", "fine"), ("stopped", "breathing")]:
        assert again.prob(gram) == pytest.approx(mixed.prob(gram), rel=1e-3)


@pytest.fixture(scope="module")
def mixed_path(intents: IntentSet, tmp_path_factory: pytest.TempPathFactory) -> Path:
    cache = tmp_path_factory.mktemp("mix")
    ours = lm.build(intents, stt.sphinx_words(), cache)
    return lmmix.build(ours, stt.sphinx_model_dir() / "en-us.lm.bin", cache)


def test_the_real_mixture_keeps_general_words_and_ours(mixed_path: Path) -> None:
    mixed = lmmix.read_arpa(mixed_path.read_text().splitlines())
    assert {"watching", "couch", "breathing", "wake"} <= mixed.vocabulary
    assert mixed_path.parent.glob("voicecare-mixed-*.lm")
    assert lmmix.build(Path(mixed_path.parent / next(mixed_path.parent.glob("voicecare-[0-9a-f]*.lm")).name),
                       stt.sphinx_model_dir() / "en-us.lm.bin", mixed_path.parent) == mixed_path  # cached


def test_ordinary_talk_is_heard_as_itself(mixed_path: Path, assistant: Assistant, tmp_path: Path) -> None:
    wav = tmp_path / "ordinary.wav"
    run_child(["espeak-ng", "-v", "en-us", "-w", str(wav), ORDINARY_TALK], check=True)
    heard = pipeline.recognize(iter_wav(wav), stt.SphinxRecognizer.load(mixed_path), assistant, lambda _: None)
    assert not pipeline.answer_transcript(assistant, heard.transcript).present, heard.transcript.text
    assert {"what", "like"} <= set(heard.transcript.text.split())  # heard as words, not as silence


def test_a_general_model_that_cannot_be_read_is_a_model_error(tmp_path: Path) -> None:
    from voicecare.errors import ModelError

    broken = tmp_path / "broken.lm.bin"
    broken.write_bytes(b"not a model")
    ours = tmp_path / "ours.lm"
    ours.write_text(lm.arpa(OURS))
    with pytest.raises(ModelError, match="general English model"):
        lmmix.build(ours, broken, tmp_path)


def test_by_default_a_turn_begun_in_a_quiet_room_is_heard_with_the_mixture(assistant: Assistant, tmp_path: Path) -> None:
    import argparse

    from voicecare.app.speech_cli import load_recognizer

    options = {"engine": "sphinx", "model": None, "intents": None, "front_end": False}
    default = load_recognizer(argparse.Namespace(**options), assistant)
    assert "quiet room" in default.description
    wav = tmp_path / "ordinary.wav"
    run_child(["espeak-ng", "-v", "en-us", "-w", str(wav), ORDINARY_TALK], check=True)
    heard = pipeline.recognize(iter_wav(wav), default, assistant, lambda _: None)
    assert not pipeline.answer_transcript(assistant, heard.transcript).present, heard.transcript.text
    assert {"what", "like"} <= set(heard.transcript.text.split())
    alone = load_recognizer(argparse.Namespace(**options, intents_only=True), assistant)
    assert "quiet room" not in alone.description
