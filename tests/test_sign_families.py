"""Families of wording of the warning signs (signs.toml): body words x kinds of state words, clinical terms, the guard (#7)."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from helpers import level
from voicecare.domain import Basis, IntentSet, Level, MessageKind, Status
from voicecare.intents import problems_of
from voicecare.understanding import sign_files
from voicecare.understanding.assistant import Assistant

SHIPPED = Path(__file__).parents[1] / "intents"


def guessed(assistant: Assistant, text: str) -> dict[str, Basis]:
    """The basis of each sign found present."""
    return {f.symptom.id: f.basis for f in assistant.answer(text).findings if f.status is Status.PRESENT}


@pytest.mark.parametrize(("text", "symptom"), [
    # A body part or function and a kind of state word, in wording no phrase lists.
    ("her lips look sort of slate coloured and her back hurts", "trouble_breathing"),
    ("his fingernails have a mauve tinge, back still sore", "trouble_breathing"),
    ("there's a bluey tint to her mouth and her back is sore", "trouble_breathing"),
    ("she's gone kind of ashen, I don't like it", "trouble_breathing"),
    ("his chest is really labouring with his back pain", "trouble_breathing"),
    ("her breath is all crackly and her back is stiff", "trouble_breathing"),
    ("her colour's not right and she's holding her back", "trouble_breathing"),
    ("he's stopped reacting when I talk to him", "very_drowsy"),
    ("her back is sore and I can't get her to respond properly", "very_drowsy"),
    ("his pulse feels thready and his back hurts", "abnormal_heart_rate"),
    ("she can't keep her wee in any more, her back aches", "loss_of_control"),
    ("he pooed and didn't even know, and he's been out of nappies since spring", "loss_of_control"),
    ("he's not reacting to me at all and his back hurts", "very_drowsy"),
    ("his eyes have gone sort of glazed", "confusion"),
    ("he's staring straight through me, his back hurts", "confusion"),
    ("I can see her chest pounding and she's holding her back", "abnormal_heart_rate"),
    ("his heartbeat feels really erratic", "abnormal_heart_rate"),
    ("his pulse is all over the place and his back is sore", "abnormal_heart_rate"),
    ("she's awfully dozy and her back hurts", "very_drowsy"),
])
def test_a_family_of_wording_makes_an_emergency_sign_a_guess(assistant: Assistant, text: str, symptom: str) -> None:
    """Rule 4 counts it (911 first), rule 14 reads it back as a guess."""
    result = assistant.answer(text)
    assert result.disposition is Level.EMERGENCY
    assert guessed(assistant, text)[symptom] is Basis.GUESSED


def test_staring_and_not_answering_her_name_is_said_not_guessed(assistant: Assistant) -> None:
    # Was a guess of this family; understand40 made "staring, not answering" told over a comma the sign said
    # (a child who does not answer her own name is not responding: rule 14 may read it back plainly).
    text = "she's staring at the wall, not answering when I say her name"
    assert assistant.answer(text).disposition is Level.EMERGENCY
    assert guessed(assistant, text)["fainting"] is Basis.SAID


def test_legs_that_stopped_working_are_weakness_in_the_legs(assistant: Assistant) -> None:
    assert guessed(assistant, "his legs just stopped working properly, his back is sore") == {
        "limb_symptoms": Basis.GUESSED, "back_spasm": Basis.SAID}


@pytest.mark.parametrize(("text", "symptom"), [
    ("her leggings keep slipping down, they're baggy now, and her back is sore", "weight_loss"),
    ("her whole body is quivering and she says she's cold, back hurts", "chills"),
    ("I stretch him but it does not go soft and his back is in spasm", "severe_cramping"),
    # Not relieved, in the muscle's own verbs.
    ("the knot in her back won't unclench however much we rub it", "severe_cramping"),
    ("she does not want to bend her neck and her back hurts", "serious_illness_outside_topic"),
])
def test_a_family_of_wording_makes_an_urgent_sign_a_guess(assistant: Assistant, text: str, symptom: str) -> None:
    assert level(assistant, text) is Level.URGENT
    assert guessed(assistant, text)[symptom] is Basis.GUESSED


@pytest.mark.parametrize(("text", "symptom", "expected"), [
    # What relatives who work in health care say: the sign itself, not a guess.
    ("she looks cyanotic around the mouth", "trouble_breathing", Level.EMERGENCY),
    ("he's tachypnoeic and retracting, back spasm since monday", "trouble_breathing", Level.EMERGENCY),
    ("toddler with back pain, now obtunded", "very_drowsy", Level.EMERGENCY),
    ("he's tachy at rest and his back hurts", "abnormal_heart_rate", Level.EMERGENCY),
    ("she's become incontinent since the back pain started", "loss_of_control", Level.EMERGENCY),
    ("he has altered mental status and back pain", "confusion", Level.EMERGENCY),
    ("left foot drop since yesterday with the back pain", "limb_symptoms", Level.URGENT),
    ("she's pyrexial and her back is sore", "fever", Level.URGENT),
    ("possible failure to thrive and back pain", "weight_loss", Level.URGENT),
    ("some urinary retention and back pain", "bladder_bowel_problems", Level.FOLLOW_UP),
])
def test_clinical_words_are_the_sign_itself(assistant: Assistant, text: str, symptom: str, expected: Level) -> None:
    result = assistant.answer(text)
    assert result.disposition is expected
    assert guessed(assistant, text)[symptom] is Basis.SAID


@pytest.mark.parametrize("text", [
    # Everyday circumstances explain the colour: a popsicle, a bruise, a crayon.
    "his lips are purple from the popsicle and his back is sore",
    "she has a purple bruise on her skin from the slide and her back hurts",
    "his fingertips are blue from the crayons, his back is stiff",
    # Denied, as any mention.
    "her lips aren't blue or grey, her back is just sore",
    # A toddler's no is not a lost limb.
    "he won't hold my hand and his back hurts",
    # A reaction to a medicine, or to new shoes, is the medicine's or the shoes'.
    "he's not reacting to the ibuprofen, his back still hurts",
    "he's not reacting much to the new shoes, back is sore",
    # A toddler busy with a screen does not answer to his name either.
    "he doesn't answer to his name when he's watching cartoons, back is sore",
    # Looking through a window is no vacant stare.
    "he looked through the window at the rain, back sore",
    # A cartoon and a name are no colours.
    "his face lit up watching Bluey and then his back hurt",
    "Violet's face is scrunched up because her back hurts",
    # A nappy put on loosely is no weight lost.
    "her nappy is loose so it leaked and her back is sore",
    # A heart pounding after play is ordinary.
    "his chest is thumping after running around, back is sore",
])
def test_no_911_where_an_everyday_reading_explains_the_words(assistant: Assistant, text: str) -> None:
    assert level(assistant, text) is not Level.EMERGENCY


def test_the_colour_of_the_lips_is_read_back_as_breathing_not_bladder(assistant: Assistant) -> None:
    """The lips' colour was once a backoff of loss of control: the guess named the wrong sign (rule 12)."""
    found = guessed(assistant, "her lips look a funny colour and her back hurts")
    assert found.get("trouble_breathing") is Basis.GUESSED and "loss_of_control" not in found


def test_an_everyday_state_word_counts_only_close_to_its_body_word() -> None:
    """The frequency guard: "hard" is everywhere, so it must stand close; "labouring" may reach further."""
    guard = sign_files.Guard(everyday_rank=2, everyday_reach=3)
    patterns = sign_files.guarded([["breathing"], ["hard", "labouring"]], None, guard, [set(), {"hard"}])
    assert patterns == ["breathing + hard labouring within 3", "breathing + labouring"]


def test_a_pattern_of_rare_words_keeps_its_reach() -> None:
    guard = sign_files.Guard(everyday_rank=2, everyday_reach=3)
    assert sign_files.guarded([["breathing"], ["labouring"]], 6, guard, [set(), set()]) == [
        "breathing + labouring within 6"]


def test_the_shipped_guard_keeps_everyday_state_words_close(assistant: Assistant) -> None:
    """"Off" said of the lips is a sign right beside them; a few words on it is anything's ("the lip balm came off")."""
    assert guessed(assistant, "his lips look off, his back hurts").get("trouble_breathing") is Basis.GUESSED
    assert level(assistant, "the lip balm came off and his back hurts") is Level.HOME_CARE


def test_families_expand_into_the_signs_backoff(intents: IntentSet) -> None:
    breathing = intents.symptom("trouble_breathing")
    assert any("slate" in p and "lips" in p for p in breathing.backoff)
    assert "cyanotic" in breathing.terms


@pytest.mark.parametrize(("edit", "problem"), [
    ('"@colour_parts + @colour within 5"', "no family '@colours'"),
    ("[signs.fever]", "signs.fevers: no such symptom"),
    ('terms = ["pyrexial"', "term 'febrile' is a phrase of the sign already"),
])
def test_a_wrong_signs_file_is_a_clear_problem(tmp_path: Path, edit: str, problem: str) -> None:
    shutil.copytree(SHIPPED, tmp_path / "intents")
    path = tmp_path / "intents" / "en" / "topics" / "back_spasm_toddler" / sign_files.FILE_NAME
    text = path.read_text(encoding="utf-8")
    assert edit in text
    wrong = {'"@colour_parts + @colour within 5"': '"@colour_parts + @colours within 5"',
             "[signs.fever]": "[signs.fevers]", 'terms = ["pyrexial"': 'terms = ["febrile", "pyrexial"'}[edit]
    path.write_text(text.replace(edit, wrong, 1), encoding="utf-8")
    assert any(problem in p for p in problems_of(tmp_path / "intents"))



def test_a_guess_beside_a_said_sign_is_read_back_apart_from_it(assistant: Assistant) -> None:
    """Rule 12 for what was said, rule 14 for the guess: "I heard: fever", then "not sure ... to be safe"."""
    result = assistant.answer("he's got a fever and his lips look kind of navy")
    assert result.messages[0].kind is MessageKind.EMERGENCY
    readback = " ".join(m.text for m in result.messages if m.kind is MessageKind.READBACK)
    assert "I heard: fever." in readback
    assert "not sure" in readback and "trouble breathing" in readback and "to be safe" in readback


@pytest.mark.parametrize(("text", "symptom"), [
    # Typed in a hurry: a word no dictionary knows is read as the pattern word it is nearest.
    ("his fingernails are purpel, back is sore", "trouble_breathing"),
    ("he's not reactng to me and his back hurts", "very_drowsy"),
    ("his chest is labouriing and his back hurts", "trouble_breathing"),
    # "lipps" is also an unsure "limps" (trouble walking): an unsure lesser sign does not explain the words away.
    ("her lipps look sort of navy and her back hurts", "trouble_breathing"),
])
def test_a_misspelt_word_still_makes_the_guess(assistant: Assistant, text: str, symptom: str) -> None:
    assert guessed(assistant, text)[symptom] is Basis.GUESSED
