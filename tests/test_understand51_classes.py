"""Five classes of description found by outside review 20 (understand51, #7), each read by the real engine.

- Coordination (F1, safety): one pain word said of the back and of a limb joined to it by "and" gives the limb the
  back's pain ("she has pain in her back and in her legs too"): pain in the legs is urgent.
- Little English (F2, safety): "no sleep" is a state, the sign's own "no", never a denial of the night pain told with
  it; "thin more" is thinner, weight loss (tests/data/fresh/probe_little_english51.tsv holds 32 such lines).
- Over (F7): a fever said to be over by its warmth ("now he's cool", "not now") is past (rule 9).
- Better is not over (F9, safety): a sign that has eased ("better now", "easing", "not as bad") is still there; and
  a span just begun ("started about a week ago") lasts until now.
- Not this child (F8): a question about what a sign is, and what a screen or the internet said of children in
  general, are no sign of this child (rule 9, the policy's care-question paragraph).
"""

from __future__ import annotations

import pytest

from helpers import level
from voicecare.domain import Level, Status
from voicecare.understanding.assistant import Assistant


def _status(assistant: Assistant, text: str, symptom: str) -> Status | None:
    return {f.symptom.id: f.status for f in assistant.understand(text)}.get(symptom)


@pytest.mark.parametrize("text", [
    "she has pain in her back and in her legs too",
    "he has pain in the back and the legs",
    "he have the pain in the back and in the legs also",
    "she has aches in her back and in her arms",
    "there is pain in his back and in both his legs",
    "he's got pain in his back and his knees",
    "pain in her back, also in her legs",
    "sore in the back and the legs too",
])
def test_a_limb_joined_to_the_back_takes_its_pain(assistant: Assistant, text: str) -> None:
    assert _status(assistant, text, "limb_symptoms") is Status.PRESENT
    assert level(assistant, text) is Level.URGENT


@pytest.mark.parametrize("text", [
    "he has pain in his back and his legs are fine",
    "she has pain in her back and her legs are normal",
    "she has pain in her back and her legs feel fine",
    "pain in his back and in his tummy",
    "she has pain in the back but not in her legs",
])
def test_a_limb_said_well_or_no_limb_stays_home_care(assistant: Assistant, text: str) -> None:
    assert level(assistant, text) is Level.HOME_CARE


@pytest.mark.parametrize(("text", "symptom", "expected"), [
    ("baby back very pain, no sleep all night, cry cry", "night_pain", Level.URGENT),
    ("back pain, no sleep all night", "pain_prevents_sleep", Level.FOLLOW_UP),
    ("back pain, he no sleeping, no eat", "pain_prevents_sleep", Level.FOLLOW_UP),
    ("back pain, she not can sleep, pain too much, she cry until late", "pain_prevents_sleep", Level.FOLLOW_UP),
    ("the back of him is hurting, he is not eating, he is thin more", "weight_loss", Level.URGENT),
    ("he thin more and more, back pain", "weight_loss", Level.URGENT),
    ("she is more skinny now, back pain", "weight_loss", Level.URGENT),
    ("he thin than before, back pain", "weight_loss", Level.URGENT),
])
def test_little_english_states_are_signs(assistant: Assistant, text: str, symptom: str, expected: Level) -> None:
    assert _status(assistant, text, symptom) is Status.PRESENT
    assert level(assistant, text) is expected


@pytest.mark.parametrize("text", [
    "back pain, no sleep problems, no fever",
    "his back hurts but he can sleep, not a problem",
])
def test_sleep_said_to_be_no_trouble_is_no_sign(assistant: Assistant, text: str) -> None:
    assert level(assistant, text) is Level.HOME_CARE


@pytest.mark.parametrize("text", [
    "his back is sore, he was hot earlier but now he's cool",
    "he was hot earlier, not now, his back is sore",
    "her back is stiff, she was hot this morning but she's cooled down now",
    "his back is sore, he was burning up last night but he's cooled down now",
    "his back hurts, he had a fever this morning but now he's fine",
])
def test_a_fever_said_over_by_its_warmth_is_past(assistant: Assistant, text: str) -> None:
    assert _status(assistant, text, "fever") is Status.PAST
    assert level(assistant, text) is Level.HOME_CARE


@pytest.mark.parametrize("text", [
    "his back is sore, he was hot earlier and he's still hot now",
    "his back is sore, he was hot earlier but now he's boiling",
    "his back is sore, he was burning up last night and he's still burning up",
])
def test_a_fever_still_there_stays_urgent(assistant: Assistant, text: str) -> None:
    assert level(assistant, text) is Level.URGENT


@pytest.mark.parametrize("text", [
    "back pain started about a week ago but it's better now",
    "back pain started about a week ago but it's a bit better today",
    "her back pain started about a week ago",
    "his back started hurting about a week ago, it has eased a little",
    "her back has hurt since monday but she's much better now",
])
def test_pain_eased_still_lasts(assistant: Assistant, text: str) -> None:
    assert _status(assistant, text, "long_lasting_pain") is Status.PRESENT
    assert level(assistant, text) is Level.FOLLOW_UP


def test_a_fever_eased_is_still_a_fever(assistant: Assistant) -> None:
    assert level(assistant, "his back is sore, he was hot earlier but he's a bit better now") is Level.URGENT


@pytest.mark.parametrize("text", [
    "what temperature counts as a fever? her back is stiff",
    "what counts as a fever for a toddler? his back hurts",
    "how high does a fever have to be before I worry? her back is sore",
    "the tv said kids with sore backs get fevers, his back is sore",
    "the news said toddlers get fevers with back pain, her back is stiff",
    "lots of kids get chills in winter, his back is sore",
    "google says children with fevers need a doctor, her back is stiff",
])
def test_a_question_or_a_general_story_is_not_this_child(assistant: Assistant, text: str) -> None:
    assert level(assistant, text) is Level.HOME_CARE


@pytest.mark.parametrize("text", [
    "what temperature counts as a fever? she's 38.5 and her back is stiff",
    "the tv said kids with sore backs get fevers, and he is burning up now",
    "kids with sore backs get fevers, does she have one? she feels hot",
])
def test_this_childs_sign_said_with_them_still_counts(assistant: Assistant, text: str) -> None:
    assert level(assistant, text) is Level.URGENT


@pytest.mark.parametrize("text", [
    "he stopped breathing for a bit but now he's fine",
    "his lips went blue but now he's fine",
])
def test_a_911_sign_just_over_stays_911(assistant: Assistant, text: str) -> None:
    assert level(assistant, text) is Level.EMERGENCY
