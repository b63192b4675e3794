"""Language and topic are data: a second topic and a second language load and answer with no code change."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from children import run_child
from voicecare import intents as loader
from voicecare.domain import Basis, Level, Status
from voicecare.errors import IntentError
from voicecare.understanding.assistant import Assistant
from voicecare.understanding.language import Language

DATA = Path(__file__).parent / "data" / "intents"
SHIPPED_EN = loader.language_dir(loader.default_dir())


def english_with(tmp_path: Path, *topics: tuple[Path, str]) -> Path:
    """A copy of the shipped English folder with extra topic folders (source, folder name)."""
    root = tmp_path / "intents"
    shutil.copytree(SHIPPED_EN, root / "en")
    for source, name in topics:
        shutil.copytree(source, root / "en" / "topics" / name)
    return root


def test_a_topic_that_shares_a_phrase_answers_only_for_itself(tmp_path: Path) -> None:
    root = english_with(tmp_path, (DATA / "newborn_fever", "newborn_fever"))
    assert loader.problems_of(root) == []  # "fever" is in both topics: allowed
    newborn = Assistant.load(root, topic="newborn_fever")
    result = newborn.answer("my newborn has a fever")
    assert result.disposition is Level.URGENT
    assert [f.symptom.id for f in result.findings] == ["newborn_fever"]
    assert any(m.text == "A fever in a newborn always needs a doctor." for m in result.messages)
    said = " ".join(m.text for m in result.messages)
    assert "Gently rub" not in said and "back" not in said  # nothing of the back-spasm topic
    back = Assistant.load(root, topic="back_spasm_toddler")
    assert [f.symptom.id for f in back.answer("my son has a fever").findings] == ["fever"]


def test_a_topic_adds_its_own_spoken_numbers_to_the_recogniser(tmp_path: Path) -> None:
    from voicecare.speech_in import lm

    root = english_with(tmp_path, (DATA / "newborn_fever", "newborn_fever"))
    newborn = loader.load(root, topic="newborn_fever")
    words = {w for line in lm.sentences(newborn) for w in lm.lm_words(line)} | {"a", "hundred", "nine", "one"}
    model = lm.build(newborn, words, tmp_path / "cache").read_text(encoding="utf-8")
    assert " of a hundred" in model and " 100" not in model


def test_several_topics_need_a_choice_and_an_unknown_one_is_named(tmp_path: Path) -> None:
    root = english_with(tmp_path, (DATA / "newborn_fever", "newborn_fever"))
    with pytest.raises(IntentError, match=r"several topics \(back_spasm_toddler, newborn_fever\): choose one with --topic"):
        loader.load(root)
    with pytest.raises(IntentError, match=r"no topic 'earache' \(topics: back_spasm_toddler, newborn_fever\)"):
        loader.load(root, topic="earache")


def test_a_tiny_second_language_triages_text(tmp_path: Path) -> None:
    german = Assistant.load(DATA, language="de")
    assert german.intents.language.code == "de" and german.intents.language.wake_phrase == "hallo pflege"
    assert german.answer("er bekommt keine Luft").messages[0].text == "Rufen Sie jetzt 112 an."
    denied = german.answer("mein Kind hat kein Fieber, aber Schnupfen")
    assert denied.disposition is Level.HOME_CARE
    assert {f.symptom.id: f.status for f in denied.findings} == {"fieber": Status.ABSENT, "schnupfen": Status.PRESENT}
    assert german.answer("seine Schwester hat Fieber").findings[0].status is Status.OTHER
    assert german.answer("falls sie Fieber bekommt").findings[0].status is Status.HYPOTHETICAL
    # English cue words mean nothing in German: "no" is not a denial there.
    assert german.answer("no fieber").findings[0].status is Status.PRESENT


def run(*args: str) -> subprocess.CompletedProcess[str]:
    return run_child([sys.executable, "-m", "voicecare", *args], capture_output=True, text=True, timeout=120,
                     check=False)


def test_a_copy_of_the_shipped_topic_loads_beside_it_and_answers_with_topic(tmp_path: Path) -> None:
    root = english_with(tmp_path, (SHIPPED_EN / "topics" / "back_spasm_toddler", "back_spasm_copy"))
    out = run("triage", "--intents", str(root), "--topic", "back_spasm_copy", "--text", "he can't breathe")
    assert out.returncode == 0, out.stderr
    assert out.stdout.splitlines()[1] == "EMERGENCY: call 911"
    unsure = run("triage", "--intents", str(root), "--text", "he can't breathe")
    assert unsure.returncode == 2 and "choose one with --topic" in unsure.stderr
    assert len(unsure.stderr.strip().splitlines()) == 1


def test_german_from_the_command_line() -> None:
    out = run("triage", "--intents", str(DATA), "--language", "de", "--text", "er hat Fieber")
    assert out.returncode == 0, out.stderr
    assert out.stdout.splitlines()[1] == "DRINGEND: sofort den Arzt anrufen"
    assert out.stdout.splitlines()[2] == '  + Fieber [present]: gehört "fieber"'
    missing = run("triage", "--intents", str(DATA), "--language", "fr", "--text", "fièvre")
    assert missing.returncode == 2 and "intents folder not found" in missing.stderr


def test_the_kiosk_config_chooses_language_and_topic(tmp_path: Path) -> None:
    from voicecare.app import kiosk_config
    from voicecare.app.cli import build_parser, load_assistant
    from voicecare.app.voice_cli import resolve_wake

    config = tmp_path / "voicecare.toml"
    config.write_text(f'[kiosk]\nintents = "{DATA}"\nlanguage = "de"\ntopic = "fieber"\n')
    settings = kiosk_config.build(build_parser().parse_args(["kiosk", "--config", str(config)]))
    assistant = load_assistant(settings.namespace())
    assert assistant.intents.language.code == "de" and [t.id for t in assistant.intents.topics] == ["fieber"]
    # The kiosk's default wake phrase is the language's own.
    assert resolve_wake(settings.voice_settings(), assistant).wake_phrase == "hallo pflege"


ALGORITHMS = ("understanding/text", "understanding/context", "understanding/matching", "understanding/alignment",
              "understanding/patterns", "understanding/said_of", "conversation/dialog", "speech_in/lm",
              "conversation/render", "understanding/triage", "intents", "understanding/language",
              "understanding/assistant", "domain", "understanding/quantities", "understanding/measures",
              "understanding/measure_tables", "understanding/measure_files", "understanding/care")
"""Modules that must hold no word of any language and no symptom id (the command-line adapters may speak English)."""


def _code_strings(path: Path) -> list[tuple[int, str]]:
    """String constants of a module that are not docstrings or comments."""
    import ast

    tree = ast.parse(path.read_text(encoding="utf-8"))
    docs = {id(node.value) for node in ast.walk(tree) if isinstance(node, ast.Expr) and isinstance(node.value, ast.Constant)}
    return [(node.lineno, node.value) for node in ast.walk(tree)
            if isinstance(node, ast.Constant) and isinstance(node.value, str) and id(node) not in docs]


def _data_keys() -> set[str]:
    """The key names the loaders read (a key may be spelled like a word: "before", "per", "down")."""
    from voicecare.understanding import language as language_file
    from voicecare.understanding import measure_files

    keys = {k for section in language_file.SECTIONS.values() for k in section} | set(language_file.CUE_KEYS)
    keys |= {*loader.COMBINATION_KEYS, *loader.INTERVIEW_KEYS, *loader.SYMPTOM_KEYS}
    for group in (measure_files.NUMBER_KEYS, measure_files.CALENDAR_KEYS, measure_files.MEASURE_KEYS,
                  measure_files.UNIT_KEYS, measure_files.THRESHOLD_KEYS, measure_files.BARE, measure_files.COMPARISONS):
        keys |= set(group)
    return keys


def _number_words(language: Language) -> set[str]:
    """Every word of ``[numbers]``: number words, unit words, cue words, day names and the rest."""
    numbers, calendar = language.numbers, language.calendar
    words = {*numbers.digits, *numbers.tens, *numbers.scales, *numbers.one, *numbers.point, *numbers.zero,
             *numbers.joiners, *(numbers.fractions or {}), *(numbers.units or {}), *numbers.unit_first,
             *(" ".join(p) for p in numbers.per), *(" ".join(p) for p in numbers.clock or {})}
    words |= {w for cues in language.number_cues.values() for w in cues} | set(calendar.days)
    for group in (calendar.since, calendar.last, calendar.age_before, calendar.age_after, calendar.ago, calendar.down,
                  calendar.up, calendar.observers, calendar.instruments):
        words |= group
    return words


def test_no_english_word_list_symptom_id_or_wake_phrase_in_the_algorithms() -> None:
    every = loader.load_all()
    language, context, spelling = every.language, every.language.context, every.language.spelling
    words = {" ".join(t.words) for t in context.triggers} | {" ".join(w) for w in context.pure_what_ifs}
    for group in (context.terminators, context.subjects, context.modals, context.past_words, context.recur_stops,
                  language.optional_words, language.negations, language.fillers, language.unfinished, language.lm_subjects,
                  set(language.feminine), set(language.spoken_numbers), spelling.possessive_is_after,
                  set(spelling.contractions), set(spelling.pronoun_classes), set(spelling.irregular_stems),
                  {language.wake_phrase, language.list_and, language.list_or, *language.headings.values()},
                  {s.id for s in every.symptoms}, {s for t in every.topics for s in t.lm_subjects},
                  _number_words(language), set(language.question_starts), set(language.question_asks)):
        words |= set(group)
    # "yes", "no", "stopped", ...: ids of controls.toml's tables and of messages, not words said
    words -= set(loader.CONTROL_KINDS) | set(loader.CONVERSATION_MESSAGES)
    words -= _data_keys()  # "before", "when", "per", "days": names of keys in the data files, not words said
    words -= {b.value for b in Basis} | {s.value for s in Status}  # "said": ids printed in JSON, not words heard
    source = Path(loader.__file__).parent
    found = [(name, line, text) for name in ALGORITHMS for line, text in _code_strings(source / f"{name}.py")
             if text.strip().lower() in words]
    assert found == []


def test_building_the_language_model_never_touches_another_process_s_temporary_file(tmp_path: Path) -> None:
    from voicecare.speech_in import lm

    intents = loader.load()
    words = {w for line in lm.sentences(intents) for w in lm.lm_words(line)}
    model = lm.build(intents, words, tmp_path)
    whole = model.read_text(encoding="utf-8")
    model.unlink()
    # Another checkout's build of the same model, half written under the name a shared scheme would use.
    theirs = model.with_suffix(".tmp")
    theirs.write_text("\\data\\\n", encoding="utf-8")
    assert lm.build(intents, words, tmp_path) == model
    assert model.read_text(encoding="utf-8") == whole
    assert theirs.read_text(encoding="utf-8") == "\\data\\\n"
