"""Loading and validating intent files; a topic is data only."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from voicecare import intents as loader
from voicecare.domain import IntentSet, Level
from voicecare.errors import IntentError
from voicecare.understanding.assistant import Assistant

SHIPPED = loader.language_dir(loader.default_dir())
TINY_TOPIC = """
[topic]
title = "Earache (toddler)"

[symptoms.ear_pain]
level = "home_care"
name = "ear pain"
question = ""
phrases = ["ear hurts", "ear pain", "pulling at his ear"]

[symptoms.stiff_neck]
level = "emergency"
name = "a stiff neck"
question = "Is the neck stiff?"
phrases = ["stiff neck", "can't bend his neck"]

[[interview]]
id = "neck"
ask = "Is your child's neck stiff?"
symptoms = ["stiff_neck"]
"""
TINY_MESSAGES = """
[messages]
emergency_signs = "Call 911 for a stiff neck."
urgent_signs = "Call the doctor for a high fever."
unchecked = "Have the ear checked if it lasts."
home_care = ["Keep your child comfortable."]
"""


def copy_intents(tmp_path: Path) -> Path:
    target = tmp_path / "intents"
    shutil.copytree(SHIPPED, target)
    return target


def add_tiny_topic(root: Path, topic: str = TINY_TOPIC, messages: str = TINY_MESSAGES) -> None:
    folder = root / "topics" / "earache_toddler"
    folder.mkdir()
    (folder / "topic.toml").write_text(topic)
    (folder / "messages.toml").write_text(messages)


def test_shipped_intents_are_valid(intents: IntentSet) -> None:
    assert loader.problems_of(SHIPPED) == []
    assert [t.id for t in intents.topics] == ["back_spasm_toddler"]


POLICY_SYMPTOMS = {
    Level.EMERGENCY: {"trouble_breathing", "confusion", "very_drowsy", "fainting", "abnormal_heart_rate", "loss_of_control"},
    Level.URGENT: {"fever", "chills", "severe_cramping", "limb_symptoms", "night_pain", "weight_loss"},
    Level.FOLLOW_UP: {"weakness_numbness", "trouble_walking", "bladder_bowel_problems", "pain_prevents_sleep",
                      "long_lasting_pain", "pain_worsening"},
    Level.HOME_CARE: {"back_spasm"},
}


@pytest.mark.parametrize("level", list(POLICY_SYMPTOMS))
def test_every_policy_symptom_has_its_level(intents: IntentSet, level: Level) -> None:
    for symptom_id in POLICY_SYMPTOMS[level]:
        assert intents.symptom(symptom_id).level is level


def test_symptoms_carry_many_phrases_and_red_flags_have_questions(intents: IntentSet) -> None:
    for symptom in intents.symptoms:
        assert len(symptom.phrases) >= 10, symptom.id
        if symptom.level <= Level.FOLLOW_UP and symptom.id in set().union(*POLICY_SYMPTOMS.values()):
            assert symptom.question.endswith("?"), symptom.id


def test_interview_covers_every_red_flag(intents: IntentSet) -> None:
    asked = {s for q in intents.topics[0].interview for s in q.symptoms}
    red_flags = POLICY_SYMPTOMS[Level.EMERGENCY] | POLICY_SYMPTOMS[Level.URGENT] | POLICY_SYMPTOMS[Level.FOLLOW_UP]
    assert red_flags <= asked


def test_second_topic_loads_with_no_code_change(tmp_path: Path) -> None:
    root = copy_intents(tmp_path)
    add_tiny_topic(root)
    assert {t.id for t in loader.load_all(root).topics} == {"back_spasm_toddler", "earache_toddler"}
    assistant = Assistant.load(root, topic="earache_toddler")
    result = assistant.answer("he keeps pulling at his ear and has a stiff neck")
    assert result.disposition is Level.EMERGENCY
    assert result.messages[0].text.startswith("Call 911")
    calm = assistant.answer("his ear hurts")
    assert calm.disposition is Level.HOME_CARE
    assert any(m.text == "Keep your child comfortable." for m in calm.messages)


def problems_after(tmp_path: Path, edit: str, replacement: str, file: str = "topics/back_spasm_toddler/topic.toml") -> list[str]:
    root = copy_intents(tmp_path)
    path = root / file
    text = path.read_text()
    assert edit in text, "the test's edit must apply"
    path.write_text(text.replace(edit, replacement, 1))
    return loader.problems_of(root)


def test_unknown_level_is_reported_with_file_and_key(tmp_path: Path) -> None:
    problems = problems_after(tmp_path, 'level = "emergency"', 'level = "critical"')
    assert len(problems) == 1
    assert problems[0].endswith("topic.toml: symptoms.trouble_breathing: level: unknown level 'critical' "
                                "(expected one of: emergency, urgent, follow_up, home_care, unclear)")


def test_missing_and_unknown_keys_are_reported(tmp_path: Path) -> None:
    problems = problems_after(tmp_path, 'name = "trouble breathing"\n', 'colour = "blue"\n')
    assert any(p.endswith("symptoms.trouble_breathing: name: missing text") for p in problems)
    assert any("symptoms.trouble_breathing: colour: unknown key" in p for p in problems)


def test_phrase_claimed_by_two_symptoms_is_reported(tmp_path: Path) -> None:
    problems = problems_after(tmp_path, '"chills", "shivering"', '"chills", "fainted"')
    assert any("symptoms.chills: phrase 'fainted' is also claimed by symptoms.fainting" in p for p in problems)


def test_symptom_ids_belong_to_their_topic(tmp_path: Path) -> None:
    root = copy_intents(tmp_path)
    add_tiny_topic(root, TINY_TOPIC.replace("symptoms.stiff_neck", "symptoms.fever").replace('"stiff_neck"', '"fever"'))
    assert loader.problems_of(root) == []
    ear = loader.load(root, topic="earache_toddler")
    assert ear.symptom("fever").level is Level.EMERGENCY and ear.symptom("fever").topic == "earache_toddler"
    assert loader.load(root, topic="back_spasm_toddler").symptom("fever").level is Level.URGENT


def test_a_topic_id_in_the_file_is_reported_the_folder_names_it(tmp_path: Path) -> None:
    root = copy_intents(tmp_path)
    add_tiny_topic(root, TINY_TOPIC.replace("[topic]\n", '[topic]\nid = "earache"\n'))
    assert any(p.endswith("topic.toml: topic: id: a topic's id is its folder name ('earache_toddler'); remove this key")
               for p in loader.problems_of(root))


def test_silences_names_a_topic_message(tmp_path: Path) -> None:
    problems = problems_after(tmp_path, 'silences = ["unchecked"]', 'silences = ["urgent_signs"]')
    assert any(p.endswith("symptoms.not_seen_by_provider: silences: 'urgent_signs' cannot be silenced "
                          "(only: unchecked, home_care)") for p in problems)


def test_interview_naming_an_unknown_symptom_is_reported(tmp_path: Path) -> None:
    problems = problems_after(tmp_path, 'symptoms = ["limb_symptoms"]', 'symptoms = ["limbs"]')
    assert any("interview[3]: symptoms: unknown symptom 'limbs'" in p for p in problems)


def test_broken_toml_is_reported_not_raised(tmp_path: Path) -> None:
    problems = problems_after(tmp_path, "[topic]", "[topic", file="topics/back_spasm_toddler/topic.toml")
    assert any("topic.toml: cannot be read" in p for p in problems)


def test_missing_message_is_reported(tmp_path: Path) -> None:
    problems = problems_after(tmp_path, 'disclaimer = "', 'disclaimr = "', file="messages.toml")
    assert any(p.endswith("messages.toml: messages: disclaimer: missing text") for p in problems)


def test_load_raises_one_intent_error_naming_the_first_problem(tmp_path: Path) -> None:
    root = copy_intents(tmp_path)
    (root / "controls.toml").write_text("[controls]\nyes = []\n")
    with pytest.raises(IntentError, match=r"controls.toml: controls: yes: must be a non-empty list"):
        loader.load(root)


def test_missing_folder_is_an_intent_error(tmp_path: Path) -> None:
    with pytest.raises(IntentError, match="intents folder not found"):
        loader.load(tmp_path / "nope")


def test_language_file_problems_name_file_and_key(tmp_path: Path) -> None:
    problems = problems_after(tmp_path / "a", 'modals = ["can", "could"', 'modals = ["can\'t", "could"', file="language.toml")
    assert any(p.endswith("language.toml: context: modals: \"can't\" never matches: write it as 'can not' "
                          "(contractions expanded, pronouns folded)") for p in problems), problems
    problems = problems_after(tmp_path / "b", 'status = "other"', 'status = "elsewhere"', file="language.toml")
    assert any("language.toml: context.cues[5]: status: must be one of: present, absent" in p for p in problems), problems
    problems = problems_after(tmp_path / "c", "pre_scope = 6", 'pre_scope = "six"', file="language.toml")
    assert any(p.endswith("language.toml: context: pre_scope: must be a whole number, 0 or more") for p in problems)
    problems = problems_after(tmp_path / "d", 'home_care = "HOME CARE"', 'homecare = "HOME CARE"', file="language.toml")
    assert any("language.toml: headings: homecare: unknown key" in p for p in problems)
    assert any(p.endswith("language.toml: headings: home_care: missing text") for p in problems)


def test_language_from_dict_raises_one_error_naming_the_problem() -> None:
    from voicecare.understanding.language import Language

    with pytest.raises(IntentError, match=r"language.toml: language: code: missing text"):
        Language.from_dict({"headings": {level.id: "x" for level in Level}})
    tiny = Language.from_dict({"language": {"code": "xx"}, "headings": {level.id: level.id for level in Level}})
    assert tiny.code == "xx" and tiny.tokens("Fieber, hoch!") == ["fieber", "hoch"]
