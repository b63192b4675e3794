"""The learned last guess (#7): per-sign word counts name an emergency sign said in words no rule lists."""

from __future__ import annotations

import importlib.util
import sys
from dataclasses import replace
from pathlib import Path
from types import ModuleType

import pytest

from voicecare.domain import Basis, IntentSet, Level, Match, MessageKind, Status
from voicecare.understanding import learned
from voicecare.understanding.assistant import Assistant
from voicecare.understanding.learned import LearnedSigns, SignCounts
from voicecare.understanding.matching import Matcher

ROOT = Path(__file__).resolve().parent.parent

# A made-up word only the counts know: the rules cannot hear it, so any emergency is the model's.
TINY = LearnedSigns(threshold=0.0, prior=2.0, min_count=2, quiet_lines=100, quiet={"sore": 60},
                    signs=(SignCounts("trouble_breathing", frozenset({"chest"}), 10, {"zorbly": 10}),),
                    reassured=frozenset({"fine"}), reassured_reach=5)


@pytest.fixture()
def guessing(intents: IntentSet) -> Assistant:
    """The shipped rules with the tiny counts as the only learned model."""
    with_tiny = replace(intents, learned=(TINY,))
    return Assistant(with_tiny, Matcher(with_tiny))


def test_a_sign_in_unlisted_words_is_guessed_and_read_back_as_a_guess(guessing: Assistant) -> None:
    """Rule 4: a guess calls 911 first; rule 14: it is read back as a guess, never as heard."""
    result = guessing.answer("his chest is all zorbly")
    assert result.disposition is Level.EMERGENCY
    assert result.messages[0].kind is MessageKind.EMERGENCY
    (guess,) = [f for f in result.findings if f.symptom.id == "trouble_breathing"]
    assert (guess.status, guess.basis, guess.uncertain) == (Status.PRESENT, Basis.GUESSED, True)
    readback = " ".join(m.text for m in result.messages if m.kind is MessageKind.READBACK)
    assert "not sure" in readback and "trouble breathing" in readback and "I heard" not in readback


def test_without_the_counts_the_same_words_are_no_emergency(intents: IntentSet) -> None:
    rules = replace(intents, learned=())
    assert Assistant(rules, Matcher(rules)).answer("his chest is all zorbly").disposition is not Level.EMERGENCY


@pytest.mark.parametrize("text", [
    "he doesn't have a zorbly chest, just a sore back",     # denied
    "my husband's chest is all zorbly, he has asthma",        # someone else's
    "what if his chest gets zorbly later",                     # a what-if
    "his zorbly words, his back is sore",                      # no body word of the sign
    "his chest is zorbly, I counted 30 breaths a minute",     # a number: the number reader judges it
    "his chest and tummy are fine and zorbly",                # said to be all right
])
def test_no_guess_where_the_context_rules_or_the_gates_say_no(guessing: Assistant, text: str) -> None:
    result = guessing.answer(text)
    assert not any(f.basis is Basis.GUESSED and f.symptom.id == "trouble_breathing" for f in result.present), text


def test_an_answer_to_a_question_is_never_guessed_at(guessing: Assistant) -> None:
    """The counts were made and checked on descriptions: an answer ("sorry, what was that after breathing?")
    is read by the answer reader's own rules (rule 4 already counts an unclear answer as yes)."""
    def guessed(found: list[Match]) -> list[str]:
        return [m.symptom for m in found if m.guessed]
    assert guessed(guessing.matcher.match("his chest is all zorbly")) == ["trouble_breathing"]
    assert guessed(guessing.matcher.match("his chest is all zorbly", last_guess=False)) == []


def test_no_guess_when_the_rules_found_an_emergency(guessing: Assistant) -> None:
    """The rules' sign is said; a guess beside it would only blur the read-back."""
    result = guessing.answer("his chest is all zorbly and his heart is racing")
    assert {f.symptom.id: f.basis for f in result.present if f.symptom.level is Level.EMERGENCY} == {
        "abnormal_heart_rate": Basis.SAID}


def test_a_sign_the_rules_judged_is_not_guessed(guessing: Assistant) -> None:
    """"No trouble breathing" settles it: the counts do not overrule the rules' denial."""
    result = guessing.answer("no trouble breathing but his chest is all zorbly")
    assert not any(f.symptom.id == "trouble_breathing" for f in result.present)


def test_the_shipped_counts_load_and_name_only_emergency_signs(intents: IntentSet) -> None:
    assert intents.learned
    for model in intents.learned:
        assert model.signs and all(intents.symptom(s.sign).level is Level.EMERGENCY and s.body for s in model.signs)


def test_a_malformed_file_is_a_problem_and_a_settings_only_file_is_none() -> None:
    problems: list[str] = []
    data = {"settings": {"threshold": 0, "prior": 2, "min_count": 2}, "quiet": {"lines": 5, "counts": {}},
            "signs": {"no_such_sign": {"body": ["chest"], "lines": 2, "counts": {}}}}
    assert learned.read(data, {"trouble_breathing"}, "learned.toml", problems) is None
    assert problems == ["learned.toml: signs.no_such_sign: not a symptom of the topic"]
    assert learned.read({"settings": {"threshold": 0}}, set(), "learned.toml", problems) is None
    assert len(problems) == 1


def _build_script() -> ModuleType:
    spec = importlib.util.spec_from_file_location("build_learned", ROOT / "scripts" / "build_learned.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules["build_learned"] = module
    spec.loader.exec_module(module)
    return module


def test_the_shipped_file_is_what_the_build_script_makes_from_the_corpora() -> None:
    """The counts cannot drift from the rules and the tuning files: rebuild with scripts/build_learned.py."""
    build = _build_script()
    names = build.sources(build.TOPIC)
    paths = {name: build.located(name) for name in names}
    missing = [name for name, path in paths.items() if path is None]
    if missing:
        pytest.skip(f"tuning files not on this machine: {', '.join(missing)}")
    shipped = (build.TOPIC / learned.FILE_NAME).read_text(encoding="utf-8")
    assert build.built(build.TOPIC, list(paths.values())) == shipped, "run scripts/build_learned.py"
