"""Classes of failure an outside reviewer found by using voicecare as a caregiver would.

Each test holds new sentences of one class, not only the reviewer's own.
"""

from __future__ import annotations

import pytest

from voicecare.domain import Level, Status
from voicecare.understanding.assistant import Assistant


def _statuses(assistant: Assistant, text: str) -> dict[str, Status]:
    return {f.symptom.id: f.status for f in assistant.understand(text)}


# ------------------------------------------- 1. the sign's own "not" is no denial (rule 2)

@pytest.mark.parametrize("text", [
    "my daughter does not have control of her bladder any more",
    "he doesn't have any control over his bowels since this morning",
    "she hasn't got control of her pee anymore",
    "he isn't in control of his bowels",
])
def test_not_having_control_is_losing_it(assistant: Assistant, text: str) -> None:
    result = assistant.answer(text)
    assert result.disposition is Level.EMERGENCY, text
    assert not any(m.text.startswith("No loss") for m in result.messages)


@pytest.mark.parametrize("text", [
    "she has good bladder control, her back is just stiff",
    "he has control of his bladder, no accidents, the back is sore",
    "no accidents, she's got control of her bowels, only her back hurts",
])
def test_having_control_is_no_loss_of_it(assistant: Assistant, text: str) -> None:
    assert assistant.answer(text).disposition is Level.HOME_CARE, text


# ------------------------------------------- 2. everyday words for an emergency

@pytest.mark.parametrize("text", [
    "she hasn't really been able to breathe since her nap",
    "he doesn't seem to be able to breathe",
    "my son does not seem to be breathing very much",
    "she keeps zoning out on me",
    "he is acting like he's drunk",
    "he doesn't answer when I call him",
    "my little girl took a fit in the car",
    "he had a fit a minute ago",
])
def test_everyday_emergency_words(assistant: Assistant, text: str) -> None:
    assert assistant.answer(text).disposition is Level.EMERGENCY, text


@pytest.mark.parametrize("text", [
    "she was breathing fine but now she's not eating much, her back is sore",
    "he threw a fit at bedtime because his back is sore",
])
def test_near_misses_of_everyday_emergency_words(assistant: Assistant, text: str) -> None:
    assert assistant.answer(text).disposition is Level.HOME_CARE, text


# ------------------------------------------- 3. injuries (policy, beyond the sheet)

@pytest.mark.parametrize("text", [
    "a car backed into her in the driveway, she got hit by a car",
    "he was struck in the back by a swing",
    "she got kicked in the back by her cousin's pony",
])
def test_a_blow_gets_care_now_and_no_home_care_steps(assistant: Assistant, text: str) -> None:
    result = assistant.answer(text)
    assert result.disposition is Level.URGENT, text
    back_care = set(assistant.intents.topics[0].home_care)
    assert not back_care & {m.text for m in result.messages}


@pytest.mark.parametrize("text", [
    "he was whacked on the back with a cricket bat and now he can't move his legs",
    "she was hit in the back by a car and she's really drowsy",
])
def test_a_blow_with_a_red_flag_is_911(assistant: Assistant, text: str) -> None:
    assert assistant.answer(text).disposition is Level.EMERGENCY, text


# ------------------------------------------- 4. care questions said alone

@pytest.mark.parametrize(("text", "care"), [
    ("how long should I ice it for?", "ice"),
    ("how often can we ice it", "ice"),
    ("does he have to stay in bed?", "bed_rest"),
    ("should she rest in bed all day?", "bed_rest"),
])
def test_care_questions_said_alone(assistant: Assistant, text: str, care: str) -> None:
    result = assistant.answer(text)
    assert result.disposition is Level.HOME_CARE, text
    assert [q.id for q in result.care] == [care]


# ------------------------------------------- 6. the past is not read back as said (rules 9, 14)

def test_a_contrast_word_is_never_skipped_inside_a_phrase(assistant: Assistant) -> None:
    statuses = _statuses(assistant, "he had chills a week ago but now it's only his back that hurts")
    assert "long_lasting_pain" not in statuses
    assert statuses["back_spasm"] is Status.PRESENT


# ------------------------------------------- 6b. a sign that was, and "today it's normal" (rule 9)

@pytest.mark.parametrize("text", [
    "his temperature was 38 yesterday, today it's normal",
    "he was hot last night and it is fine today",
    "he was feverish on sunday, normal today",
])
def test_a_sign_over_today_is_past(assistant: Assistant, text: str) -> None:
    assert assistant.answer(text).disposition is Level.HOME_CARE, text


@pytest.mark.parametrize("text", [
    "she has a fever today",
    "he is hard to wake, fine today otherwise",
    "is it normal that his lips look bluish?",
])
def test_a_sign_said_in_the_present_is_not_over(assistant: Assistant, text: str) -> None:
    assert assistant.answer(text).disposition < Level.HOME_CARE, text
