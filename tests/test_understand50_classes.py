"""Whose sign it is and whether it counts (understand50, #7): classes found by outsiders, each said a few more ways.

- Someone else doing something to the child ("carrying him", "holding her up"): the pronoun after names the child
  (the one carried), never them (rule 4).
- An adult's own story with a sign of theirs runs on to "he's got a fever" however long, when nothing names the
  child (outside review 19 F10; policy table: an adult's own symptoms are no finding); any word for the child keeps
  it the child's.
- A care question about an adult's back ("can I give my wife paracetamol for her back?") is answered, the level the
  signs' (unclear with none).
- A back not yet checked, said with "doc" or "had a look" (policy: follow_up).
- Accidents in a child not toilet trained are no loss of control, said over a "but" too; a "not" said after
  "trained" ("she's fully trained, not in nappies") is not the training's.
- "We need an ambulance, what do I do?": said, then asked; asked first ("should we call an ambulance?") it is a
  question (rule 10).
- "calentura", "fiebre" (fever), Geordie "nee" (no), "its" typed for "it's".
"""

from __future__ import annotations

import pytest

from helpers import level
from voicecare.domain import Level, Status
from voicecare.understanding.assistant import Assistant


@pytest.mark.parametrize("text", [
    "my dad was carrying him and he went floppy",
    "my mum was holding her and she went all floppy",
    "my husband was lifting him and he stopped breathing",
    "grandpa was carrying him up the stairs and he went blue",
    "my wife picked her up and she's not breathing right",
    "my mum was bathing her and she went floppy",
])
def test_a_pronoun_after_someone_doing_something_to_the_child_is_the_child(assistant: Assistant, text: str) -> None:
    assert level(assistant, text) is Level.EMERGENCY


@pytest.mark.parametrize("text", [
    "my husband put his back out lifting the couch and he's got a fever",
    "my husband put his back out and he's got a fever",
    "my dad hurt his back carrying the shopping and he has a fever",
])
def test_an_adults_own_story_stays_theirs(assistant: Assistant, text: str) -> None:
    assert level(assistant, text) is Level.UNCLEAR


@pytest.mark.parametrize("text", [
    "my husband put his back out lifting the couch and she's got a fever",
    "my husband hurt his back carrying our son upstairs and he has a fever",
    "my husband put his back out lifting the couch and he's got a fever and the baby is fine",
    "my husband put his back out lifting the couch yesterday and he says he's got a fever",
])
def test_any_word_for_the_child_keeps_the_sign_the_childs(assistant: Assistant, text: str) -> None:
    assert level(assistant, text) is Level.URGENT


@pytest.mark.parametrize("text", [
    "can I give my wife paracetamol for her back?",
    "can I give my husband ibuprofen for his back?",
])
def test_a_care_question_about_an_adults_back_is_unclear_and_answered(assistant: Assistant, text: str) -> None:
    result = assistant.answer(text)
    assert result.disposition is Level.UNCLEAR
    assert result.care  # still answered from the care facts


@pytest.mark.parametrize("text", [
    "can I give her paracetamol for her back?",
    "how long do I ice his back for?",
])
def test_a_care_question_about_the_childs_back_is_home_care(assistant: Assistant, text: str) -> None:
    assert level(assistant, text) is Level.HOME_CARE


@pytest.mark.parametrize("text", [
    "nobody's had a doc look at her back",
    "Her mom says nobody's had a doc look at her back yet, it's been stiff since this morning, no other issues.",
    "the doc hasn't seen his back yet, it's been sore since yesterday",
    "we haven't had the doctor look at it, her back is tight",
])
def test_a_back_not_checked_yet_is_follow_up(assistant: Assistant, text: str) -> None:
    assert level(assistant, text) is Level.FOLLOW_UP


@pytest.mark.parametrize(("text", "expected"), [
    ("she wet herself but she isn't fully toilet trained", Level.UNCLEAR),
    ("she wet herself but she's not toilet trained yet and her back is sore", Level.HOME_CARE),
    ("he pooped his pants but he isn't potty trained, his back is stiff", Level.HOME_CARE),
    ("he pooped his pants but he's still learning to use the potty", Level.UNCLEAR),
])
def test_accidents_of_a_child_not_trained_are_no_loss_of_control(assistant: Assistant, text: str,
                                                                 expected: Level) -> None:
    assert level(assistant, text) is expected


@pytest.mark.parametrize("text", [
    "she's fully trained, not in nappies, and she wet herself",
    "she wet herself but she's fully trained, not in nappies",
    "he pooped himself, he's toilet trained, not a baby",
    "she wet herself and she's been fully toilet trained for a year",
])
def test_a_not_after_trained_is_not_the_trainings(assistant: Assistant, text: str) -> None:
    assert level(assistant, text) is Level.EMERGENCY


@pytest.mark.parametrize("text", [
    "we need an ambulance, what do I do",
    "we need an ambulance don't we",
    "I think we need an ambulance, should I call?",
    "get an ambulance",
    "ambulance please",
])
def test_an_ambulance_said_then_asked_is_911(assistant: Assistant, text: str) -> None:
    assert level(assistant, text) is Level.EMERGENCY


@pytest.mark.parametrize("text", [
    "should I call an ambulance?",
    "do I call 911 or the doctor?",
    "is it bad enough to call 911 or should I wait",
    "should I get an ambulance or just ice it?",
    "call 911 or should I just wait and see",
    "is it worth calling an ambulance or should I wait",
])
def test_asking_whether_to_call_stays_a_question(assistant: Assistant, text: str) -> None:
    assert level(assistant, text) is Level.UNCLEAR


@pytest.mark.parametrize(("text", "symptom", "status"), [
    ("he has calentura and his back hurts", "fever", Status.PRESENT),
    ("ay dios mio my nieta have calentura since the morning and still have it and her back hurting", "fever",
     Status.PRESENT),
    ("tiene fiebre and her back is sore", "fever", Status.PRESENT),
    ("no calentura, just a sore back", "fever", Status.ABSENT),
    ("been gannin on four days now his back nee fever nee nowt just sore", "fever", Status.ABSENT),
    ("nee fever, just a stiff back after football", "fever", Status.ABSENT),
])
def test_common_words_of_other_languages(assistant: Assistant, text: str, symptom: str, status: Status) -> None:
    found = {f.symptom.id: f.status for f in assistant.understand(text)}
    assert found.get(symptom) is status


@pytest.mark.parametrize(("text", "expected"), [
    ("Counted her pulse at the wrist while she's resting and its only about 55.", Level.EMERGENCY),
    ("I think its an emergency, her back is really bad", Level.EMERGENCY),
    ("she had a fever last week and its back now", Level.URGENT),
    ("Her lips are blue but its from the blue raspberry ice pop, she's breathing normal, her back's just a little "
     "stiff.", Level.HOME_CARE),
])
def test_its_typed_for_it_is(assistant: Assistant, text: str, expected: Level) -> None:
    assert level(assistant, text) is expected
