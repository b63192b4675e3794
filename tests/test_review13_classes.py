"""Classes from outside review 13 (2026-11-26): F2, F4, F5, F10, F12.

The caregiver's own word of a fever said with a lower reading is a fever (the policy's table: a lower reading
"and nothing else" is not one; when in doubt, the higher level), and is never read back as "No fever". Fewer
wet nappies said as "wet ones" or "barely had any" is a bladder problem. A doctor's check said denied is a child
not checked yet (follow_up). A child who won't let anyone touch the back shows the back's pain. A span said
right after a sign denied, or a filler away from another sign, is that sign's, not the back pain's.
"""

from __future__ import annotations

import pytest

from voicecare.domain import Level, MessageKind, Status
from voicecare.understanding.assistant import Assistant


def _present(result: object) -> set[str]:
    return {f.symptom.id for f in result.findings if f.status is Status.PRESENT}  # type: ignore[attr-defined]


def _readback(result: object) -> str:
    return " ".join(m.text for m in result.messages if m.kind is MessageKind.READBACK)  # type: ignore[attr-defined]


@pytest.mark.parametrize("text", [
    # F2: "fever" or "feels hot" said with the reading the caregiver took.
    "he's got a fever of 100.2 and a tight back",
    "she feels hot, thermometer says 99.8, back is stiff",
    "fever 100.3 armpit, back sore",
    "she has a low grade fever, 100 degrees, back is tight",
    "she's got a fever, 37.9, and her back hurts",
    "she's running a fever, 37.6 under the arm, back tight",
    "she's been feverish all afternoon, the ear thermometer says 37.8, his back is tight",
    "he's hot to touch, 99.6, lower back stiff",
    "temperature of 99 and she feels warm, her back hurts",
])
def test_a_fever_said_with_a_lower_reading_is_a_fever(assistant: Assistant, text: str) -> None:
    result = assistant.answer(text)
    assert result.disposition is Level.URGENT, text
    assert "fever" in _present(result), text
    assert "No fever" not in _readback(result), text


@pytest.mark.parametrize("text", [
    # A lower reading alone, a denial, a belief the reading settled, or a fever on another day.
    "her temp is 37.2 and her back is stiff",
    "no fever, 37.2, back is tight",
    "she's not hot, 37.1, back sore",
    "I thought she had a fever but I checked, 36.5, normal, back is sore",
    "She had a fever of 38.5 yesterday but it's 36.9 today. Her back is tight.",
    "her mom said she had a fever last week but she's fine now, 36.8 today, just her back's sore",
    # A word that names the reading, or a mild warmth the reading settles.
    "she has a temperature of 37.5 and her back is stiff",
    "he's got a temp of 99.4, back tight",
    "she felt a bit warm so I checked, 37.3, her back is stiff",
    "she's a little warm, 37.6 under the arm, tight back",
])
def test_a_lower_reading_without_a_fever_said_now_is_no_fever(assistant: Assistant, text: str) -> None:
    result = assistant.answer(text)
    assert result.disposition is Level.HOME_CARE, text
    assert "fever" not in _present(result), text


@pytest.mark.parametrize("text", [
    # F4: fewer wet nappies with "ones" for the nappies, or hardly one with words between.
    "she's still in nappies and there have been way fewer wet ones today, her back is sore",
    "a lot less wet ones than usual and she keeps holding her back",
    "fewer wet ones and sore back",
    "she's barely had any wet nappies today, back is sore",
    "he's hardly had a wet diaper all day and his back is stiff",
    "he's barely got any wet nappies, back tight",
])
def test_fewer_wet_nappies_in_other_words_is_a_bladder_problem(assistant: Assistant, text: str) -> None:
    result = assistant.answer(text)
    assert result.disposition is Level.FOLLOW_UP, text
    assert "bladder_bowel_problems" in _present(result), text


@pytest.mark.parametrize("text", [
    "no fewer wet ones than usual, just a sore back",
    "my sister's baby has had fewer wet ones, my son's back is stiff",
    "what if she has fewer wet ones? her back is sore",
])
def test_fewer_wet_ones_denied_or_not_the_childs_stays_home_care(assistant: Assistant, text: str) -> None:
    assert assistant.answer(text).disposition is Level.HOME_CARE, text


@pytest.mark.parametrize("text", [
    # F5: a doctor's check said with its denial.
    "his back has been sore for a bit and no doctor has looked at it yet",
    "a doctor hasn't checked her back, it's tight",
    "his back is tight, we haven't had a doctor look at it",
    "no one has examined her back, it's been tight since yesterday",
    "her back hurts and a doctor hasn't looked at her",
])
def test_a_check_denied_is_a_child_not_seen_yet(assistant: Assistant, text: str) -> None:
    result = assistant.answer(text)
    assert result.disposition is Level.FOLLOW_UP, text
    assert "not_seen_by_provider" in _present(result), text
    assert "back_spasm" in _present(result), text


@pytest.mark.parametrize("text", [
    "his back is sore, the doctor saw him yesterday",
    "the doctor looked at it on monday, no fever, just a sore back",
    "the gp saw him, not worried, back still stiff",
])
def test_a_check_said_done_stays_home_care(assistant: Assistant, text: str) -> None:
    result = assistant.answer(text)
    assert result.disposition is Level.HOME_CARE, text
    assert "not_seen_by_provider" not in _present(result), text


@pytest.mark.parametrize(("text", "level"), [
    # F10: not letting anyone touch the back is the back's pain shown (rule 2), never "No back pain".
    ("she won't let me touch her back, it's so sore", Level.HOME_CARE),
    ("she's burning up and won't let me touch her back", Level.URGENT),
    ("he won't let anyone near his back", Level.HOME_CARE),
    ("he won't let me look at his back, he keeps crying", Level.HOME_CARE),
    ("I can't touch her back without her screaming", Level.HOME_CARE),
    ("she never lets me rub her back, it's sore", Level.HOME_CARE),
])
def test_a_back_not_let_touched_is_back_pain(assistant: Assistant, text: str, level: Level) -> None:
    result = assistant.answer(text)
    assert result.disposition is level, text
    assert "back_spasm" in _present(result), text
    assert "No back pain" not in _readback(result), text


@pytest.mark.parametrize(("text", "level", "sign"), [
    # F12: a span after a sign denied is how long it has been away; after another sign, over a filler, its own.
    ("her back hurts and she hasn't had a fever for four days", Level.HOME_CARE, "back_spasm"),
    ("no fever for four days and her back is tight", Level.HOME_CARE, "back_spasm"),
    ("she hasn't had the chills for five days, her back is tight", Level.HOME_CARE, "back_spasm"),
    ("he ain't pooped in like four days and his back be hurtin", Level.FOLLOW_UP, "bladder_bowel_problems"),
    ("he hasn't pooped in like five days, back is sore", Level.FOLLOW_UP, "bladder_bowel_problems"),
])
def test_a_span_said_of_another_sign_is_not_long_back_pain(assistant: Assistant, text: str, level: Level,
                                                          sign: str) -> None:
    result = assistant.answer(text)
    assert result.disposition is level, text
    assert sign in _present(result), text
    assert "long_lasting_pain" not in _present(result), text


@pytest.mark.parametrize("text", [
    # The pain named before a denial with no subject of its own may last as long (rule 4: the higher reading).
    "she's had a sore back and no fever for 4 days",
    "no fever but her back has hurt for four days",
    "her back's hurt for four days, no fever",
])
def test_a_span_that_may_be_the_pains_stays_long_back_pain(assistant: Assistant, text: str) -> None:
    result = assistant.answer(text)
    assert result.disposition is Level.FOLLOW_UP, text
    assert "long_lasting_pain" in _present(result), text


@pytest.mark.parametrize("text", [
    # No poo, then "and" a deed of its own: the "not" is the sign's (rule 2), no denial of the straining.
    "she hasn't pooped since saturday and strains and cries and her back hurts",
    "she hasn't pooped in three days and cries on the potty, her back is sore",
    "no, she hasn't pooped and strained, her back is sore",
])
def test_no_poo_and_straining_is_a_bowel_problem(assistant: Assistant, text: str) -> None:
    result = assistant.answer(text)
    assert result.disposition is Level.FOLLOW_UP, text
    assert "bladder_bowel_problems" in _present(result), text


@pytest.mark.parametrize("text", ["he's not breathing hard and fast, his back is sore",
                                  "she isn't peeing any less and her back is sore"])
def test_a_denial_of_a_sign_said_with_and_still_denies(assistant: Assistant, text: str) -> None:
    assert assistant.answer(text).disposition is Level.HOME_CARE, text


@pytest.mark.parametrize("text", [
    # A phrase never skips a denial: "hasn't had a temperature" holds no "has a temperature" (rule 1, rule 12).
    "he hasn't had a temperature for three days but his back still hurts",
    "he hasn't had a temperature and his back hurts",
    "she has not got a temperature, her back is tight",
])
def test_a_phrase_does_not_skip_over_its_denial(assistant: Assistant, text: str) -> None:
    result = assistant.answer(text)
    assert result.disposition is Level.HOME_CARE, text
    assert "fever" not in _present(result), text
