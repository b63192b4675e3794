"""Answers read by ``voicecare answer`` and the conversation alike (issue #9, answers19): honest noes told with a
story stay noes, and a story that names, doubts or may hide a sign is no clean "no" (a structural "no first, then
only a story" reading was tried and withdrawn: "nope. he's just lying there", "no, it feels really slow" became
clean noes); a sign said with its own "not" after a leading "no" is there; a bare time at the course question
denies only how long; a sign said to be someone else's ("not him") is not this child's."""

from __future__ import annotations

import pytest

from helpers import kind
from voicecare.conversation.answers import AnswerReader


@pytest.mark.parametrize(("question", "text"), [
    ("limbs", "no, he's been kicking a football round the garden with his cousins all morning"),
    ("fever_chills", "nah, we were at the park all afternoon and he ran about the whole time"),
    ("course", "no, it only started after the bouncy castle at the party yesterday"),
    ("breathing_alertness", "no, she's sat watching her cartoons with her brother"),
    ("breathing_alertness", "No, no. She has been building a tower of blocks all morning and has not fallen once."),
])
def test_a_no_said_first_then_a_story_is_a_no(reader: AnswerReader, question: str, text: str) -> None:
    assert kind(reader, question, text) == "no", text


@pytest.mark.parametrize(("question", "text", "label"), [
    # The story names the sign, in the question's words or another's: the sign said wins (rule 2).
    ("limbs", "no, he keeps dragging his left foot when he walks", "yes"),
    ("fever_chills", "no, he's been shaking under the blanket", "yes"),
    ("course", "no, she lay awake crying till midnight", "yes"),
    # What the child cannot do may be the sign in words we do not know: never the story of a "no".
    ("breathing_alertness", "no, she flopped over on the sofa and I can't get her to look at me", "unsure"),
    # A doubt, news about the child, a turn from the "no", a cut-off: as before.
    ("fever_chills", "no, maybe a little warm after her nap", "unsure"),
    ("breathing_alertness", "no, she's been throwing up since lunch", "new_info"),
    ("breathing_alertness", "no she", "unsure"),
    # The "no" is not said alone first: "no accident" names a part, and "but" turns to another.
    ("heart_control", "no accident but the heart is boom boom boom very strong and fast when i put my hand",
     "unsure"),
])
def test_a_story_that_may_hold_a_sign_is_no_clean_no(reader: AnswerReader, question: str, text: str,
                                                     label: str) -> None:
    assert kind(reader, question, text) == label, text


def test_a_no_word_that_opens_a_statement_after_anything_else_is_no_story(reader: AnswerReader) -> None:
    # "He doesn't" is a "no" word; after "anything else?" what follows is the news.
    assert kind(reader, "anything_else", "He doesn't want to bend to pick his toys, he squat down instead.") != "no"


@pytest.mark.parametrize("text", ["no. he doesn't know where he is", "no he doesn't know where he is",
                                  "nope. she doesn't know who I am"])
def test_a_sign_said_with_its_own_not_after_a_leading_no_is_there(reader: AnswerReader, text: str) -> None:
    # "no he does not" is one run of answer words, and the sign's words start inside it: read as a sign the
    # matcher built from the "no", it was dropped, and the answer was a clean "no" hiding confusion (rule 2).
    assert kind(reader, "breathing_alertness", text) in ("yes", "partial"), text


@pytest.mark.parametrize("text", ["two days", "2 days"])
def test_a_time_alone_at_the_course_question_denies_only_how_long(reader: AnswerReader, text: str) -> None:
    # "Lasted more than a few days, getting worse, or keeping her from sleep?": a time under three days says the
    # pain has not lasted long; whether it is worse or keeps her awake was not said, so it is asked again, never
    # denied (rule 14; review 19 F13).
    answer = reader.read("course", text)
    assert answer.kind.value == "no"
    assert {f.symptom.id for f in answer.findings} == {"long_lasting_pain"}
    assert set(answer.unanswered) == {"pain_worsening", "pain_prevents_sleep"}


def test_a_time_over_a_few_days_is_still_a_yes(reader: AnswerReader) -> None:
    assert kind(reader, "course", "three days") == "yes"


@pytest.mark.parametrize("text", ["that's the baby wheezing you hear not him he's breathing fine",
                                  "That's the baby wheezing you hear, not her. She's breathing fine."])
def test_a_sign_said_to_be_someone_elses_is_not_this_childs(reader: AnswerReader, text: str) -> None:
    # The wheeze was another child's ("not him"): no yes for this one (rule 9); the breathing said fine denies.
    answer = reader.read("breathing_alertness", text)
    assert answer.kind.value == "no"
    assert not any(f.status.value == "present" for f in answer.findings)


@pytest.mark.parametrize("text", ["she's wheezing, not him", "wheezing yes not him though"])
def test_a_sign_whose_part_names_the_child_still_counts(reader: AnswerReader, text: str) -> None:
    # Which of the two is the child is not known: the sign counts (rule 4).
    assert kind(reader, "breathing_alertness", text) == "yes"
