"""More classes of misunderstanding on caregivers' own words (issue #7): contrasts, time, who.

Every sentence here is our own wording of a class, not a corpus line; each
test fails when its class of failure comes back.
"""

from __future__ import annotations

import pytest

from helpers import found, level
from voicecare.domain import Level, Status
from voicecare.understanding.assistant import Assistant
from voicecare.understanding.matching import Matcher

# ---- a contrast before the sign: the background, then the news


@pytest.mark.parametrize("text", [
    "she's been dry for months but she had an accident today",
    "he's fully potty trained though he wet himself twice this afternoon",
    "she's been dry at night for ages but this morning she had an accident",
])
def test_a_contrast_between_the_background_and_the_sign_does_not_hide_it(assistant: Assistant, text: str) -> None:
    assert level(assistant, text) is Level.EMERGENCY


@pytest.mark.parametrize("text", [
    "he had an accident last week but he's been dry since",
    "she used to have accidents but she's dry now",
    "he's potty trained but no accidents at all, just a sore back",
])
def test_the_sign_before_a_contrast_or_denied_after_it_is_no_new_accident(assistant: Assistant, text: str) -> None:
    assert level(assistant, text) is not Level.EMERGENCY


def test_a_cue_said_with_the_background_is_not_the_signs(matcher: Matcher) -> None:
    # The "without" belongs to the months of dry days, not to today's accident.
    text = "she's been dry for months without a single slip but she had an accident today"
    assert found(matcher, text)["loss_of_control"] is Status.PRESENT


# ---- "since then", "ever since": a span from a time said before until now


@pytest.mark.parametrize("text", [
    "she hurt her back on saturday and it's been sore ever since. today is wednesday",
    "he pulled something in his back on friday and it's been bad since then, and today's tuesday",
    "he hurt his back three days ago and it's been sore since then",
    "she had a fever last week, that's gone, but her back's been sore since then",
])
def test_since_then_counts_from_the_time_said_before(assistant: Assistant, text: str) -> None:
    assert level(assistant, text) is Level.FOLLOW_UP


@pytest.mark.parametrize("text", [
    "she hurt her back on monday and it's sore, today is tuesday",
    "he hurt his back three days ago, it was sore for an hour, he's fine now",
])
def test_a_day_or_a_time_ago_without_since_then_is_no_span(assistant: Assistant, text: str) -> None:
    assert level(assistant, text) is Level.HOME_CARE


def test_a_sign_said_then_and_lasting_ever_since_is_now(matcher: Matcher) -> None:
    assert found(matcher, "she had a fever last week and has had it ever since")["fever"] is Status.PRESENT


# ---- someone else's number and pronoun


@pytest.mark.parametrize("text", [
    "his older brother had a fever of 39 and her back is a bit sore",
    "her big sister's temperature was 102 this morning; she's got a stiff back",
    "my older girl, she's seven, has a temperature of 39.5, the little one's back is stiff",
])
def test_a_reading_of_someone_else_is_not_this_childs(assistant: Assistant, text: str) -> None:
    assert level(assistant, text) is Level.HOME_CARE


@pytest.mark.parametrize("text", [
    "my older boy, he's nine, has a fever of 39",
    "my sister, she has had chills all day",
])
def test_a_pronoun_that_names_someone_else_again_keeps_their_signs_theirs(assistant: Assistant, text: str) -> None:
    assert level(assistant, text) is Level.UNCLEAR


@pytest.mark.parametrize(("text", "expected"), [
    ("it's his grandpa, he's breathing really fast", Level.EMERGENCY),
    ("I'm her mum, she's burning up", Level.URGENT),
    ("this is her nan, she can't breathe", Level.EMERGENCY),
    ("mate, she's not breathing properly", Level.EMERGENCY),
    ("Nana, his heart is going like 190 and he's just lying there", Level.EMERGENCY),
])
def test_the_caregiver_saying_who_they_are_is_not_someone_else_named_again(
        assistant: Assistant, text: str, expected: Level) -> None:
    assert level(assistant, text) is expected


@pytest.mark.parametrize("text", [
    "his brother had a fever of 39 and he's hot now",
    "her older sister had chills on monday, and she's shivering too",
])
def test_a_pronoun_after_someone_elses_sign_may_be_the_child_so_it_counts(assistant: Assistant, text: str) -> None:
    # Who "he" is stays unclear: when unsure, escalate (policy rule 4).
    assert level(assistant, text) is Level.URGENT


# ---- ordinary circumstances, per symptom in data: a racing heart after running


@pytest.mark.parametrize("text", [
    "his heart was racing after running around, he's calm now, just a stiff back",
    "her heart was pounding after playing chase in the park and her back is a bit sore",
])
def test_a_fast_heartbeat_after_running_is_ordinary(assistant: Assistant, text: str) -> None:
    assert level(assistant, text) is Level.HOME_CARE


@pytest.mark.parametrize("text", [
    "his heart is racing even sitting on the couch",
    "her heart was racing after running and it's still racing now she's lying down",
    "his heart is racing after crying with his back",
    "her heart is very slow after running about",
])
def test_a_heartbeat_at_rest_slow_or_with_crying_stays_911(assistant: Assistant, text: str) -> None:
    assert level(assistant, text) is Level.EMERGENCY


# ---- a yes/no question the caregiver answers "no": the hard-to-wake sign and others


@pytest.mark.parametrize("text", [
    "Can you wake her? No, not easily",
    "can I wake him? not really",
    "could you rouse her? barely",
    "is he breathing? no",
])
def test_a_question_answered_no_says_the_signs_own_not(assistant: Assistant, text: str) -> None:
    assert level(assistant, text) is Level.EMERGENCY


@pytest.mark.parametrize("text", [
    "does she have a fever? no. her back is sore",
    "is he hard to wake? no, he's fine, his back is stiff",
    "can you wake her? yes, easily, her back is just sore",
])
def test_a_question_answered_no_about_a_sign_still_denies_it(assistant: Assistant, text: str) -> None:
    assert level(assistant, text) is Level.HOME_CARE


@pytest.mark.parametrize("text", ["she's not easily woken", "he's hard to rouse", "she's not easy to wake this morning"])
def test_other_forms_of_hard_to_wake(assistant: Assistant, text: str) -> None:
    assert level(assistant, text) is Level.EMERGENCY


# ---- a dropped last letter typed without its apostrophe


@pytest.mark.parametrize("text", ["that child is just burnin up and holdin his back", "she's burnin up"])
def test_a_clipped_word_without_its_apostrophe_is_the_word(assistant: Assistant, text: str) -> None:
    assert level(assistant, text) is Level.URGENT


# ---- a time "ago" after "since" or "started" is when it began, not when it ended


@pytest.mark.parametrize(("text", "expected"), [
    ("she's been breathing really fast since two days ago", Level.EMERGENCY),
    ("he has had a fever since three days ago", Level.URGENT),
    ("his back started hurting three days ago", Level.FOLLOW_UP),
    ("her back has been sore since four days ago", Level.FOLLOW_UP),
])
def test_since_or_started_before_a_time_ago_lasts_until_now(assistant: Assistant, text: str, expected: Level) -> None:
    assert level(assistant, text) is expected


@pytest.mark.parametrize("text", ["she fainted two weeks ago, her back is a bit sore", "he had a fever a week ago"])
def test_a_time_ago_alone_is_still_the_past(assistant: Assistant, text: str) -> None:
    assert level(assistant, text) in (Level.HOME_CARE, Level.UNCLEAR)


# ---- a question about a sign said as it is now


@pytest.mark.parametrize("text", [
    "is it bad if she's breathing really fast right now",
    "what does it mean if her lips are blue",
    "should i worry if he's really floppy",
])
def test_a_question_about_a_sign_said_as_so_now_counts_unsure(matcher: Matcher, text: str) -> None:
    # "if she's ...": the state is described, not imagined; when unsure, escalate (rule 4).
    got = matcher.match(text)
    assert any(m.status is Status.PRESENT and m.uncertain for m in got)


@pytest.mark.parametrize("text", [
    "what does it mean if she gets chills, her back is sore",
    "should I be worried if he gets a fever? his back is stiff",
])
def test_a_question_about_a_sign_that_may_come_stays_a_what_if(assistant: Assistant, text: str) -> None:
    assert level(assistant, text) is Level.HOME_CARE


# ---- a question running into a statement, said without punctuation


@pytest.mark.parametrize("text", [
    "when should i take him in his leg hurts along with his back",
    "what should i do she has a fever and her back hurts",
])
def test_a_second_subject_after_a_question_starts_a_statement(assistant: Assistant, text: str) -> None:
    assert level(assistant, text) is Level.URGENT


@pytest.mark.parametrize("text", ["what if my son gets a fever his back is sore", "should i worry about him getting a fever"])
def test_the_questions_own_subject_keeps_it_a_what_if(assistant: Assistant, text: str) -> None:
    assert level(assistant, text) in (Level.HOME_CARE, Level.UNCLEAR)


def test_lasting_ever_since_does_not_reach_back_over_a_comma(matcher: Matcher) -> None:
    # "since then" here is of the no problems, not of the fever.
    assert found(matcher, "she had a fever last week, no problems since then, her back is sore")["fever"] is Status.PAST


@pytest.mark.parametrize(("text", "expected"), [
    ("is she breathing? I can't tell", Level.EMERGENCY),
    ("is he hard to wake? I don't know. his back hurts", Level.EMERGENCY),
    ("does she have a fever? not sure", Level.URGENT),
    ("does he have a fever? no idea, his back is sore", Level.URGENT),
])
def test_a_question_answered_with_doubt_counts(assistant: Assistant, text: str, expected: Level) -> None:
    # "I can't tell" about a sign counts as the sign (rule 10), asked first or after.
    assert level(assistant, text) is expected
