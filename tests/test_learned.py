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

# Made-up words only the counts know: the rules cannot hear them, so any emergency is the model's. "zorbly"
# is a state word of the sign; "plinky" is as telling in the counts but no state word (a circumstance).
TINY = LearnedSigns(threshold=0.0, prior=2.0, min_count=2, quiet_lines=100, quiet={"sore": 60},
                    signs=(SignCounts("trouble_breathing", frozenset({"chest"}), 10, {"zorbly": 10, "plinky": 10},
                                      frozenset({"zorbly"})),),
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


def test_a_body_word_and_its_neighbours_are_no_evidence_without_a_state_word(guessing: Assistant) -> None:
    """"He pursed his lips": the counts may favour the words beside a body word, but only a word saying the
    body's state (learned per sign from the rules' own mentions) lets a guess be made."""
    assert guessing.answer("his chest is all plinky").disposition is not Level.EMERGENCY
    assert guessing.answer("his chest is all plinky and zorbly").disposition is Level.EMERGENCY


def test_a_short_turn_or_a_command_is_never_guessed_at(intents: IntentSet) -> None:
    """A recogniser's reading of a spoken "Slower." was "soiled": too short to be a description. A turn that is
    a command (controls.toml) is a command, whatever words the counts know."""
    commands = {**intents.controls, "repeat": (*intents.controls["repeat"], "say the chest zorbly bit again")}
    with_tiny = replace(intents, learned=(TINY,), controls=commands)
    guessing = Assistant(with_tiny, Matcher(with_tiny))
    assert guessing.answer("chest zorbly").disposition is not Level.EMERGENCY
    assert guessing.answer("say the chest zorbly bit again").disposition is not Level.EMERGENCY
    assert guessing.answer("chest all zorbly").disposition is Level.EMERGENCY


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
        assert model.enabled
        assert model.signs and all(intents.symptom(s.sign).level is Level.EMERGENCY and s.body for s in model.signs)
        assert all(s.states and not s.states & s.body for s in model.signs)


# Everyday sentences with body words: the shipped counts must leave them alone (no 911).
EVERYDAY = [
    "he blew out the candles with his lips pursed",       # was a guess: "lips" beside "blew"
    "he pursed his lips",
    "she's breathing on the window to draw",
    "his legs are tired from the park",
    "she fell asleep on the sofa",
    "he peed in the potty all by himself today",           # "himself" is said of wetting too
    "she puffs her cheeks out when she's cross",
    "she holds her breath when she's angry",
    "he's been sitting on the sofa breathing through his mouth because of his cold",
    "her face is pale from being inside all winter",
    "his lips are chapped and dry",
    "she woke up at six and was grumpy",
    "he didn't answer me, he was watching cartoons",
    "he's wetting the bed again, back sore",
]


@pytest.mark.parametrize("text", EVERYDAY)
def test_everyday_body_words_are_no_emergency_guess(assistant: Assistant, text: str) -> None:
    result = assistant.answer(text)
    assert result.disposition is not Level.EMERGENCY, text


# Emergencies in wordings written for this test (no tuning file holds them) that only the guess finds.
GUESSED = [
    ("he wakes for a second then his eyes close and he's off again", {"fainting", "very_drowsy"}),
    ("the breathing of my son is with grunting since this morning", {"trouble_breathing"}),
    ("his heart go bam bam bam so fast, he is only sitting", {"abnormal_heart_rate"}),
]


@pytest.mark.parametrize(("text", "signs"), GUESSED)
def test_the_shipped_counts_find_emergencies_the_rules_miss(intents: IntentSet, assistant: Assistant, text: str,
                                                           signs: set[str]) -> None:
    result = assistant.answer(text)
    assert result.disposition is Level.EMERGENCY and result.messages[0].kind is MessageKind.EMERGENCY, text
    assert {f.symptom.id for f in result.present if f.basis is Basis.GUESSED} & signs, text
    rules = replace(intents, learned=())
    assert Assistant(rules, Matcher(rules)).answer(text).disposition is not Level.EMERGENCY, text


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
