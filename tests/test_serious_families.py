"""Serious things said with back pain, the caregiver's own alarm, honest read-backs (issue #7, review 5).

Each class is written as a family of wordings (the topic's ``signs.toml``), so the
lines here are more than the reviewer's: variants of our own, and lines the
same cues must keep from firing (someone else, a what-if, the past).
"""

from __future__ import annotations

import pytest

from helpers import level
from voicecare.domain import Level, Status, Symptom, Topic
from voicecare.understanding import sign_files
from voicecare.understanding.assistant import Assistant

SWALLOWED_OR_POISONED = [
    "he swallowed one of those button batteries and his back hurts",
    "she swallowed a coin and now her back hurts",
    "she got into my pills and her back's sore",
    "he's swallowed a screw",
    "she might have swallowed a small battery",
    "he swallowed a magnet, his back is stiff",
    "she ate a dishwasher tablet",
    "my son ate half a bottle of my vitamins",
    "she ate some of my tablets",
    "he drank some of the cleaning stuff under the sink",
    "he drank lamp oil",
    "I think he's been poisoned",
]
BLEEDING_SWELLING_RASH_ILL = [
    "he's bleeding heavily",
    "there's blood everywhere from his knee, it won't stop",
    "he cut his hand and it's pouring with blood",
    "face and lips are swelling up after the peanut butter",
    "her lips have gone all puffy after she ate a peanut",
    "his tongue is swollen and his back hurts",
    "his back hurts and he has a purple rash that doesn't fade when I press a glass on it",
    "she has spots that don't fade when I press on them",
    "he's got a rash that doesn't go away when I press it",
    "blood is pouring from his nose and won't stop",
    "I'm worried he swallowed a coin",
    "he might have eaten some of grandma's pills",
    "he looks really really ill",
]


@pytest.mark.parametrize("text", SWALLOWED_OR_POISONED + BLEEDING_SWELLING_RASH_ILL)
def test_serious_things_outside_the_topic_said_with_back_pain_are_urgent(assistant: Assistant, text: str) -> None:
    # Policy, "Beyond the sheet": a serious-sounding illness outside the topic is urgent, never home care.
    result = assistant.answer(text)
    assert result.disposition is Level.URGENT, text
    assert any("This guide is for back pain" in m.text for m in result.messages), text


@pytest.mark.parametrize("text", [
    "he was hit by a car",
    "he was run over by a car",
    "we had a car crash and her back hurts",
    "she got knocked down by a van",
    "she was hit by a bike",
    "he fell off the balcony onto his back",
])
def test_serious_accidents_are_injuries_get_care_now(assistant: Assistant, text: str) -> None:
    # The policy's injury rule: get care now (urgent); with a warning sign, 911 (next test).
    result = assistant.answer(text)
    assert result.disposition is Level.URGENT, text
    assert any(f.symptom.id == "serious_injury" and f.status is Status.PRESENT for f in result.findings), text


@pytest.mark.parametrize("text", [
    "bleeding a lot from the head after falling off the bunk bed",
    "he was hit by a car and now he's really sleepy",
    "she fell off the balcony and she's bleeding heavily",
])
def test_an_accident_with_a_serious_sign_is_911(assistant: Assistant, text: str) -> None:
    assert level(assistant, text) is Level.EMERGENCY, text


@pytest.mark.parametrize("text", [
    "her throat is closing up",
    "she's having an allergic reaction, her throat is closing up",
    "his throat is swelling",
    "kindly help, my son is not able to take breath properly since morning and back is paining",
    "she cannot take breath",
    "he is feeling suffocation",
    "baby is not taking breath",
    "he is unable to take breath and his back is paining",
])
def test_a_closing_throat_and_no_breath_taken_are_trouble_breathing(assistant: Assistant, text: str) -> None:
    result = assistant.answer(text)
    assert result.disposition is Level.EMERGENCY, text
    assert any(f.symptom.id == "trouble_breathing" and f.status is Status.PRESENT for f in result.findings), text


@pytest.mark.parametrize(("text", "expected"), [
    ("the dog swallowed a sock", Level.UNCLEAR),
    ("my husband swallowed a battery", Level.UNCLEAR),
    ("what's the number for poison control", Level.UNCLEAR),
    ("he ate his dinner and his back is sore", Level.HOME_CARE),
    ("her eyes are puffy from crying and her back hurts", Level.HOME_CARE),
    ("she has a rash on her back from the heating pad", Level.UNCLEAR),
    ("he swallowed a battery last year, now his back hurts", Level.HOME_CARE),
    ("he isn't bleeding much, just a scrape, and his back is sore", Level.HOME_CARE),
    ("his back is stiff from the long car ride", Level.HOME_CARE),
    ("she takes a breath and cries, her back hurts", Level.HOME_CARE),
    ("he drank a glass of milk and his back still hurts", Level.HOME_CARE),
    ("she fell asleep in the highchair and woke up with a sore back", Level.HOME_CARE),
    ("he ran over to the slide and now his back hurts", Level.HOME_CARE),
    ("he crashed his toy car into the wall, his back is sore", Level.HOME_CARE),
    ("his gums are swollen from teething and his back is stiff", Level.HOME_CARE),
    ("it's not bleeding now, it stopped, his back hurts", Level.HOME_CARE),
    ("the rash fades when I press it and his back is sore", Level.HOME_CARE),
])
def test_the_families_keep_the_cues_of_other_people_what_ifs_and_the_everyday(
        assistant: Assistant, text: str, expected: Level) -> None:
    assert level(assistant, text) is expected, text


def test_a_what_if_about_a_battery_is_answered_not_counted(assistant: Assistant) -> None:
    result = assistant.answer("what if he swallows a battery")
    assert result.disposition is not Level.URGENT
    assert any(f.status is Status.HYPOTHETICAL for f in result.findings)


@pytest.mark.parametrize("text", [
    "I'm going to call an ambulance",
    "I am calling an ambulance",
    "I'm going to call 911",
    "I will call 911",
    "I've called 911, his back is rigid",
])
def test_the_caregiver_calling_for_help_is_an_emergency(assistant: Assistant, text: str) -> None:
    # Rule 10: the caregiver saying it is an emergency is one; their "I am" is no one else's sign.
    assert level(assistant, text) is Level.EMERGENCY, text


@pytest.mark.parametrize(("text", "present", "absent"), [
    ("he hasn't fainted or anything, just sore back", {"back_spasm"}, {"fainting"}),
    ("no fever or chills, just a stiff back", {"back_spasm"}, {"fever", "chills"}),
    ("she's had a fit... jerking for like two minutes", {"seizure"}, set()),
    ("he was throwing up again and again for an hour and his back hurts",
     {"serious_illness_outside_topic", "back_spasm"}, set()),
    ("she is breathing, she is awake, she's just crying about her back", {"back_spasm"}, set()),
])
def test_read_backs_say_what_was_said(assistant: Assistant, text: str, present: set[str], absent: set[str]) -> None:
    # Rules 12 and 14: a denial does not run over "just ...", nor a seizure's minutes deny long back pain.
    found = assistant.answer(text).findings
    assert {f.symptom.id for f in found if f.status is Status.PRESENT} >= present, text
    assert {f.symptom.id for f in found if f.status is Status.ABSENT} == absent, text


def test_a_denial_said_after_just_still_denies(assistant: Assistant) -> None:
    found = assistant.answer("no fever, just not breathing well").findings
    assert {f.symptom.id: f.status for f in found}["fever"] is Status.ABSENT


def test_a_family_names_only_known_classes_and_symptoms(assistant: Assistant) -> None:
    problems: list[str] = []
    symptom = Symptom("y", Level.URGENT, "y", "", ("y",), "t")
    table = {"words": {"things": "coin battery"},
             "signs": {"x": {"near": ["swallowed + @things"]},
                       "y": {"near": ["swallowed + @things within 6", "ate + @nothing"], "colour": "blue",
                             "phrases": ["y"]}}}
    (topic,) = sign_files.extended([Topic("t", "t", (symptom,), (), (), {})], {}, {"t": table}, [],
                                   assistant.intents.language, problems)
    assert topic.symptoms[0].near[0] == "swallowed + coin battery within 6"
    assert any("'@nothing'" in p for p in problems)
    assert any("colour: unknown key" in p for p in problems)
    assert any("signs.x: no such symptom" in p for p in problems)
    assert any("phrase 'y' is a phrase of y already" in p for p in problems)
