"""Classes from outside review 14 (2026-11-26): F1, F2, F6 and F13 (understanding other people's words).

A fever word said of the child named by a noun ("my son's roasting") is a fever, as after "she's". A temperature
coming on ("she's getting a temperature", "getting hot") is a fever now (rule 10), and a what-if of it is a what-if,
answered as one (rule 9). A time long gone makes a sign history whoever the child is, a niece or a nephew in care
too (rule 9). A place said as where the pain began is no care question; legs gone floppy are the legs' weakness
(urgent), not a drowsy child.
"""

from __future__ import annotations

import pytest

from voicecare.domain import Level, MessageKind, Status
from voicecare.understanding.assistant import Assistant


def _statuses(result: object, symptom: str) -> set[Status]:
    return {f.status for f in result.findings if f.symptom.id == symptom}  # type: ignore[attr-defined]


def _present(result: object) -> set[str]:
    return {f.symptom.id for f in result.findings if f.status is Status.PRESENT}  # type: ignore[attr-defined]


@pytest.mark.parametrize("text", [
    # F1: roasting or boiling said of the child named by a noun.
    "my son's roasting, his back is sore",
    "the baby's roasting and her back is stiff",
    "the bairn's roasting",
    "my daughter is roasting and her back hurts",
    "the little one's absolutely boiling tonight, back still sore",
    "our toddler is boiling and his back is tight",
    "my lad's roasting, back spasms",
])
def test_roasting_or_boiling_said_of_the_child_by_name_is_a_fever(assistant: Assistant, text: str) -> None:
    result = assistant.answer(text)
    assert "fever" in _present(result), text
    assert result.disposition is Level.URGENT, text


def test_a_fever_word_by_name_is_counted_beside_an_emergency(assistant: Assistant) -> None:
    result = assistant.answer("me mam says the bairn's roasting and you can see his ribs sucking in")
    assert result.disposition is Level.EMERGENCY
    assert {"fever", "trouble_breathing"} <= _present(result)


@pytest.mark.parametrize("text", [
    # Cooking is no fever, whoever does it.
    "my son is roasting marshmallows, his back is sore",
    "the kettle is boiling, her back is sore",
    "my daughter's boiling the pasta, her back is stiff",
])
def test_roasting_or_boiling_a_thing_is_no_fever(assistant: Assistant, text: str) -> None:
    result = assistant.answer(text)
    assert "fever" not in _present(result), text
    assert result.disposition is Level.HOME_CARE, text


@pytest.mark.parametrize("text", [
    # F2: a temperature coming on, said hedged or plainly.
    "her back hurts and I think she's getting a temperature",
    "she's starting to get a temperature and her back hurts",
    "she's getting a temp and her back is stiff",
    "she's getting hot, her back is sore",
    "she might be getting a temperature, back is tight",
    "he gets a temperature at night and his back hurts",
    "the baby's getting a temperature and his back hurts",
    "he's coming down with a temperature, back is sore",
    "I think he's getting a bit hot, his back hurts",
])
def test_a_temperature_coming_on_is_a_fever(assistant: Assistant, text: str) -> None:
    result = assistant.answer(text)
    assert "fever" in _present(result), text
    assert result.disposition is Level.URGENT, text


@pytest.mark.parametrize("text", [
    # Heat said of a room, a bath or a pack, or from play, is no fever.
    "the room is getting hot, her back hurts",
    "it's getting hot in here, his back is stiff",
    "the bath is getting hot, his back hurts",
    "she's getting hot from running around, back sore",
    "she's getting hot in the bath, back sore",
    # A temperature getting better, or taken, is no temperature coming on.
    "the baby's temperature is getting better, back is sore",
    "my son's temperature is getting lower now, his back hurts",
    "she's getting her temperature taken at the clinic, back sore",
])
def test_a_thing_getting_hot_is_no_fever(assistant: Assistant, text: str) -> None:
    result = assistant.answer(text)
    assert "fever" not in _present(result), text
    assert result.disposition is Level.HOME_CARE, text


@pytest.mark.parametrize("text", [
    "what if she gets a temperature",
    "what if she gets a temp",
    "what if the baby gets a temperature",
])
def test_a_what_if_of_a_temperature_is_answered_as_one(assistant: Assistant, text: str) -> None:
    result = assistant.answer(text)
    assert _statuses(result, "fever") == {Status.HYPOTHETICAL}, text
    assert result.disposition is Level.UNCLEAR, text
    assert any(m.kind is MessageKind.HYPOTHETICAL for m in result.messages), text


@pytest.mark.parametrize(("text", "symptom"), [
    # F6: a time long gone, whoever the child is.
    ("my niece fainted two weeks ago", "fainting"),
    ("my niece had a fever last week", "fever"),
    ("my sister's kid was hard to wake last year", "very_drowsy"),
    ("my nephew had trouble breathing last year, she just has a sore back", "trouble_breathing"),
    ("my nephew fainted last year, now his back is stiff", "fainting"),
    ("my wife's son had a fever last week, his back hurts", "fever"),
    ("my little brother fainted last year, his back hurts now", "fainting"),
])
def test_a_past_sign_of_a_niece_or_nephew_is_past(assistant: Assistant, text: str, symptom: str) -> None:
    result = assistant.answer(text)
    assert symptom not in _present(result), text
    assert result.disposition in (Level.HOME_CARE, Level.UNCLEAR), text


def test_a_what_if_of_a_niece_is_a_what_if(assistant: Assistant) -> None:
    result = assistant.answer("what if my niece gets a fever, her back is sore")
    assert _statuses(result, "fever") == {Status.HYPOTHETICAL}
    assert result.disposition is Level.HOME_CARE


@pytest.mark.parametrize(("text", "level"), [
    # The niece or nephew in care, now: the child's signs (the caller's kin children, language.toml [callers]).
    ("my niece fainted and her back hurts", Level.EMERGENCY),
    ("my nephew has a fever and his back hurts", Level.URGENT),
    ("my sister's kid has a fever, back is sore", Level.URGENT),
    ("my niece is hard to wake", Level.EMERGENCY),
])
def test_a_niece_or_nephew_now_is_the_child(assistant: Assistant, text: str, level: Level) -> None:
    assert assistant.answer(text).disposition is level, text


@pytest.mark.parametrize("text", [
    # F13: a place said as where the pain began, beside a question about something else.
    "what if she gets a fever later? right now it's just a stiff back after the park",
    "what if he gets a temperature? his back got stiff at the playground",
    "is it serious if it spreads? she hurt her back at football",
])
def test_a_place_the_pain_began_is_no_activity_question(assistant: Assistant, text: str) -> None:
    result = assistant.answer(text)
    assert "activity" not in [q.id for q in result.care], text


@pytest.mark.parametrize("text", [
    "can she go to the park with a sore back?",
    "is nursery ok tomorrow with her back?",
    "can I let him play football with his back?",
    "does she need to stay off nursery with her back?",
    "what about swimming lessons with his back?",
])
def test_an_activity_asked_about_is_still_answered(assistant: Assistant, text: str) -> None:
    assert [q.id for q in assistant.answer(text).care] == ["activity"], text


@pytest.mark.parametrize("text", [
    # F13: legs gone floppy are the legs' weakness (urgent), not a drowsy child.
    "her legs have gone all floppy and she can't stand",
    "his legs have gone really floppy and he can't walk",
    "her legs went all floppy and she won't stand",
    "his legs are floppy and he won't walk",
])
def test_floppy_legs_are_the_legs_not_a_drowsy_child(assistant: Assistant, text: str) -> None:
    result = assistant.answer(text)
    assert "limb_symptoms" in _present(result), text
    assert "very_drowsy" not in _present(result), text
    assert result.disposition is Level.URGENT, text


@pytest.mark.parametrize("text", [
    # The whole child floppy, or not waking, stays the emergency.
    "she went all floppy and couldn't stand",
    "he's floppy and won't stand up, his legs just hang",
    "her legs are floppy and she can't stand, she's hard to wake",
    "she's gone all floppy and won't wake",
])
def test_a_floppy_child_stays_an_emergency(assistant: Assistant, text: str) -> None:
    assert assistant.answer(text).disposition is Level.EMERGENCY, text


@pytest.mark.parametrize("text", [
    # "Is gone" before a colour is becoming, not over: with the niece's cue read as the child, the "are gone" of
    # the past was left to make these history (found by F6's change on a tuning line).
    "her lips are gone grey",
    "my maid's lips are gone some grey looking and she's heaving for air",
    "his lips are gone blue and he's struggling to breathe",
    "my niece's lips are gone purple",
])
def test_lips_gone_a_colour_are_now(assistant: Assistant, text: str) -> None:
    result = assistant.answer(text)
    assert "trouble_breathing" in _present(result), text
    assert result.disposition is Level.EMERGENCY, text


def test_a_colour_gone_away_is_over(assistant: Assistant) -> None:
    result = assistant.answer("her lips were blue but they're gone pink again, her back is sore")
    assert "trouble_breathing" not in _present(result)
