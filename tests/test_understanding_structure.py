"""Structural understanding (#7): which words a mention explains, by their positions in what was said."""

from __future__ import annotations

import pytest

from helpers import level
from voicecare.domain import Level, Status
from voicecare.understanding.assistant import Assistant
from voicecare.understanding.matching import Matcher


def present(assistant: Assistant, text: str) -> set[str]:
    return {f.symptom.id for f in assistant.answer(text).findings if f.status is Status.PRESENT}


@pytest.mark.parametrize("text", [
    # The back's loose "touch ... back" takes the touch, not the crying or the legs.
    "he cries when I touch his legs and back",
    # Said as a list after the back's whole phrase: the touch is said of both.
    "he cries when you touch his back and his legs",
    "she's stiff and whimpers when I touch her back or legs",
])
def test_a_lesser_mention_leaves_a_graver_guess_its_own_words(assistant: Assistant, text: str) -> None:
    assert "limb_symptoms" in present(assistant, text)
    assert level(assistant, text) is Level.URGENT


@pytest.mark.parametrize(("text", "expected"), [
    # A lesser phrase said whole is the sure reading of its words: "can't feel me touching it" is numbness,
    # and the small lump ("wee") is no wetting; nor is "and he says" a list sharing the phrase's words.
    ("there's a wee lump on his back and he says he can't feel me touching it", Level.FOLLOW_UP),
    # What a lesser mention covers it explains: the night pain's words are no sleepy child.
    ("back pain woke him out of a dead sleep", Level.URGENT),
])
def test_a_guess_on_words_a_lesser_mention_explains_is_no_guess(assistant: Assistant, text: str,
                                                                expected: Level) -> None:
    assert level(assistant, text) is expected


def test_a_mention_knows_the_words_it_is_made_of(matcher: Matcher) -> None:
    back = next(m for m in matcher.match("he cries when I touch his legs and back") if m.symptom == "back_spasm")
    assert (back.start, back.end) == (4, 9)
    assert 6 not in back.positions and {4, 8} <= set(back.positions)


@pytest.mark.parametrize("text", [
    # A fragment after a full stop goes on with the statement before it: out for seconds after a fall.
    "He fell. Out for a few secs.",
    "he fell, out for a few secs",
    "She toppled off the step. Out for a second or two.",
])
def test_a_fragment_after_a_fall_goes_on_with_it(assistant: Assistant, text: str) -> None:
    assert "fainting" in present(assistant, text)
    assert level(assistant, text) is Level.EMERGENCY


def test_a_phrase_runs_over_a_comma_only_where_the_caregiver_hesitated(assistant: Assistant) -> None:
    assert level(assistant, "he can't, um, breathe") is Level.EMERGENCY


@pytest.mark.parametrize("text", [
    # The caller's own sign ("myself") a sentence after they named themself stays theirs.
    "Grandad speaking. Had a dizzy turn myself earlier. Her back is sore.",
    "This is her mum. Fainted myself this morning, silly me. Her back is sore.",
    "I'm his dad. Got a fever myself. His back is stiff.",
])
def test_the_callers_own_sign_after_they_named_themself_is_theirs(assistant: Assistant, text: str) -> None:
    assert level(assistant, text) is Level.HOME_CARE


@pytest.mark.parametrize(("text", "expected"), [
    # A caller naming themself in one sentence is the speaker in the next: the signs there are the child's.
    ("I am her mummy. She has gone all floppy.", Level.EMERGENCY),
    ("This is his grandad speaking. He has a fever and his back is sore.", Level.URGENT),
])
def test_the_caller_named_in_one_sentence_is_the_speaker_in_the_next(assistant: Assistant, text: str,
                                                                      expected: Level) -> None:
    assert level(assistant, text) is expected


@pytest.mark.parametrize("text", [
    # As near on both sides, a "not" is said of the word after it, in its own fragment.
    "She fell. Not answering me.",
    "he fell, not answering me",
])
def test_a_not_in_a_fragment_after_a_fall_is_said_of_what_follows(assistant: Assistant, text: str) -> None:
    assert "fainting" in present(assistant, text)


@pytest.mark.parametrize("text", [
    # A word said before a comma, of a word beside it ("wide awake"), is no state of a subject after the comma.
    "he's wide awake, walking fine, just his back is stiff",
    "No temperature, wide awake, walking normally, sore back from the trampoline",
])
def test_a_word_said_of_its_neighbour_before_a_comma_is_not_the_next_items(assistant: Assistant, text: str) -> None:
    assert level(assistant, text) is Level.HOME_CARE


@pytest.mark.parametrize(("text", "expected"), [
    # Someone named after the verb of the child's clause is who the child was with, not who had the sign.
    ("He was with his grandma and fainted", Level.EMERGENCY),
    ("She was playing with her sister and collapsed", Level.EMERGENCY),
    ("He fell off his brother's bike and can't move his legs", Level.EMERGENCY),
    ("she keeps calling me by her sister's name and doesn't know where she is", Level.EMERGENCY),
    # A verb, a relative or a comma of theirs: they are the subject.
    ("He was playing with his cousin who has a fever", Level.UNCLEAR),
    ("He told me his sister has a fever", Level.UNCLEAR),
    ("He was with his dad, who fainted", Level.UNCLEAR),
    ("He sleeps with his brother and his brother has a fever", Level.UNCLEAR),
])
def test_someone_named_after_the_childs_verb_is_no_subject(assistant: Assistant, text: str, expected: Level) -> None:
    assert level(assistant, text) is expected


@pytest.mark.parametrize("text", [
    # The child woke; the "not" after the joiner is the settling's: night pain, no child hard to wake.
    "he woke up crying and wouldn't settle",
    "she woke at 2 and could not fall asleep again",
    "the pain wakes him and he can't get back to sleep",
])
def test_a_not_after_the_child_woke_denies_its_own_deed(assistant: Assistant, text: str) -> None:
    assert level(assistant, text) is Level.URGENT


@pytest.mark.parametrize("text", [
    # The caller woke the child (or tried): the "not" is how the child answered.
    "I tried to wake her and she's not moving",
    "tried to wake him and he won't budge",
    "I woke him and he isn't talking",
])
def test_a_not_after_the_caller_woke_the_child_is_the_sign(assistant: Assistant, text: str) -> None:
    assert level(assistant, text) is Level.EMERGENCY


@pytest.mark.parametrize("text", [
    # An everyday circumstance said as not so explains nothing: the sign stands.
    "no rash, no vomiting, lips going blue",
    "he hasn't been running, he's breathing really fast",
])
def test_a_denied_everyday_circumstance_explains_no_sign(assistant: Assistant, text: str) -> None:
    assert level(assistant, text) is Level.EMERGENCY


def test_an_everyday_circumstance_said_still_explains_the_sign(assistant: Assistant) -> None:
    assert level(assistant, "he's been running around, breathing fast") is not Level.EMERGENCY


@pytest.mark.parametrize("text", [
    # The child's deed said before an "if" is a habit, the "if" its when: no what-if.
    "she screams if I touch her legs",
    "he flinches if you touch his knees or back",
])
def test_a_sign_said_before_an_if_is_a_habit(assistant: Assistant, text: str) -> None:
    assert "limb_symptoms" in present(assistant, text)


def test_a_question_before_an_if_stays_a_question(assistant: Assistant) -> None:
    text = "Can I use a heating pad on her sore back at night if I stay up and watch her?"
    assert level(assistant, text) is Level.HOME_CARE


@pytest.mark.parametrize("text", [
    # Past a comma, a subject and its verb open a statement of its own: the word before is not its sign's.
    "I don't know what's wrong, she's breathing really fast",
    "no idea what's wrong, he's breathing so fast",
])
def test_a_statement_after_a_comma_keeps_its_own_words(assistant: Assistant, text: str) -> None:
    assert level(assistant, text) is Level.EMERGENCY
