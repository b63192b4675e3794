"""Classes of misunderstanding found on caregivers' own words (issue #7), one group each.

Every sentence here is our own wording of a class, not a corpus line; each
test fails when its class of failure comes back.
"""

from __future__ import annotations

import pytest

from helpers import found, level
from voicecare.domain import Level, Status
from voicecare.understanding.assistant import Assistant
from voicecare.understanding.matching import Matcher

# ---- loose patterns: which words belong together

@pytest.mark.parametrize("text", [
    "no pins and needles in his legs, sore back",
    "no tingling down her arms, a stiff back though",
    "nothing wrong with his legs, sore back from the trampoline",
])
def test_a_loose_pattern_does_not_borrow_a_word_of_the_next_clauses_sign(assistant: Assistant, text: str) -> None:
    assert level(assistant, text) is Level.HOME_CARE


@pytest.mark.parametrize("text", [
    "her legs, they're all tingly",
    "his heart is going very, very fast",
])
def test_a_loose_pattern_still_reads_across_a_comma_when_no_other_sign_claims_the_word(
        matcher: Matcher, text: str) -> None:
    assert Status.PRESENT in found(matcher, text).values()


@pytest.mark.parametrize("text", [
    "his back went tight and he woke at 3am crying from the pain",
    "the back is stiff, and she woke in the night screaming with the pain",
])
def test_a_loose_pattern_takes_the_word_that_keeps_it_together(matcher: Matcher, text: str) -> None:
    # "back" also ends the pattern, but a word nearer the rest of it is the one meant.
    assert found(matcher, text).get("night_pain") is Status.PRESENT


@pytest.mark.parametrize("text", [
    "no pins and needles in her legs",
    "he has no pins and needles down his arms",
])
def test_a_denial_reaches_a_sign_whose_own_words_hold_an_and(matcher: Matcher, text: str) -> None:
    assert set(found(matcher, text).values()) == {Status.ABSENT}


# ---- what-ifs that open a clause: "say she ...", "imagine he ..."

@pytest.mark.parametrize(("text", "symptom"), [
    ("say she gets a fever tonight, do I give her anything? her back is only a bit stiff", "fever"),
    ("ok so say he starts limping, is that bad", "trouble_walking"),
    ("imagine he wakes up crying in the night with it, then what", "night_pain"),
    ("let's just say her legs go numb, what would you want me to do", "limb_symptoms"),
])
def test_a_what_if_opening_a_clause_is_a_what_if(matcher: Matcher, text: str, symptom: str) -> None:
    assert found(matcher, text)[symptom] is Status.HYPOTHETICAL


@pytest.mark.parametrize("text", [
    "my mum say she is hot and her back hurts",
    "the nurse on the phone would say he has a fever",
    "I'd say he has a fever",
])
def test_say_inside_a_clause_is_a_report_not_a_what_if(assistant: Assistant, text: str) -> None:
    assert level(assistant, text) is Level.URGENT


# ---- someone else's signs

@pytest.mark.parametrize("text", [
    "her brothers got a temperature but she hasnt shes only got a bit of a sore back",
    "my sisters kids have chills and his back is stiff",
    "his dads had a fever all week and the little one has a sore back",
])
def test_someone_elses_possessive_without_the_apostrophe_is_still_theirs(assistant: Assistant, text: str) -> None:
    # Recognisers write "brother's" as "brothers".
    assert level(assistant, text) is Level.HOME_CARE


@pytest.mark.parametrize("text", [
    "my husband threw his back out lifting boxes, what's the best mattress for back pain?",
    "my back is killing me from the gym. what do you take for back pain",
    "my wife put her back out, is heat or ice better for a back spasm",
])
def test_someones_sign_asked_about_generally_stays_theirs(assistant: Assistant, text: str) -> None:
    assert level(assistant, text) is Level.UNCLEAR


@pytest.mark.parametrize(("text", "expected"), [
    ("my husband threw his back out and her back is sore too", Level.HOME_CARE),
    ("my husband has back pain. back pain for the toddler too, since lunch", Level.HOME_CARE),
    ("my mum did her back in. what's good for back pain? he keeps holding his back", Level.HOME_CARE),
])
def test_a_word_for_the_child_makes_the_sign_named_again_the_childs(assistant: Assistant, text: str,
                                                                     expected: Level) -> None:
    assert level(assistant, text) is expected


# ---- words we had not listed

@pytest.mark.parametrize(("text", "symptom"), [
    ("she's roasting, poor thing", "fever"),
    ("he feels baking hot", "fever"),
    ("he wakes at 3am howling and crying with the pain", "night_pain"),
    ("she's up in the small hours with it", "night_pain"),
    ("he's shed about two kilos since the summer", "weight_loss"),
    ("her leggings are hanging off her now", "weight_loss"),
    ("she's getting weaker", "weakness_numbness"),
    ("he gets about holding onto the furniture", "trouble_walking"),
    ("she's walking stiffly like a robot", "trouble_walking"),
    ("only one wet nappy since breakfast", "bladder_bowel_problems"),
    ("he screams every time he tries to do a poo", "bladder_bowel_problems"),
    ("he's sore after rugby tots", "back_spasm"),
    ("she's stiff this morning", "back_spasm"),
])
def test_everyday_wordings_of_a_sign(matcher: Matcher, text: str, symptom: str) -> None:
    assert found(matcher, text).get(symptom) is Status.PRESENT


@pytest.mark.parametrize(("text", "not_this"), [
    ("she's boiling the kettle for his bottle", "fever"),
    ("he weighs twelve kilos", "weight_loss"),
    ("he has a sore throat", "back_spasm"),
])
def test_new_words_stay_out_of_ordinary_talk(matcher: Matcher, text: str, not_this: str) -> None:
    assert not_this not in found(matcher, text)


# ---- a sign that is over, said after it

@pytest.mark.parametrize(("text", "symptom"), [
    ("the fever's gone, her back is still a bit sore", "fever"),
    ("he had the shivers at teatime but they've stopped", "chills"),
    ("she was wheezing earlier but it's gone", "trouble_breathing"),
    ("his fever broke", "fever"),
])
def test_a_sign_said_to_be_over_is_past(matcher: Matcher, text: str, symptom: str) -> None:
    assert found(matcher, text)[symptom] is Status.PAST


@pytest.mark.parametrize(("text", "symptom"), [
    ("the shivers haven't stopped", "chills"),
    ("her breathing's gone all funny", "trouble_breathing"),
    ("he stopped breathing for a bit", "trouble_breathing"),
    ("her fever's gone, no, scratch that, she's hot again", "fever"),
    ("he has a fever and the spasm has settled", "fever"),
])
def test_a_sign_still_here_is_not_over(matcher: Matcher, text: str, symptom: str) -> None:
    assert found(matcher, text)[symptom] is Status.PRESENT


def test_stretching_that_helps_is_not_severe_cramping(assistant: Assistant) -> None:
    assert level(assistant, "the spasm in her back is easing off with stretching") is Level.HOME_CARE
    assert level(assistant, "stretching his back makes no difference to the spasm") is Level.URGENT


# ---- the same sign said twice, and "unable to"

@pytest.mark.parametrize("text", [
    "he is not able to breathe properly, breath is coming very fast",
    "she can't breathe right, her breathing is so quick",
])
def test_a_sign_said_twice_is_not_denied_by_the_first_saying_of_it(assistant: Assistant, text: str) -> None:
    assert level(assistant, text) is Level.EMERGENCY


@pytest.mark.parametrize(("text", "symptom"), [
    ("she is unable to breathe", "trouble_breathing"),
    ("he's unable to wake up properly", "very_drowsy"),
    ("she's unable to hold her wee any more, she's been trained for a year", "loss_of_control"),
    ("he has been unable to sleep with the pain", "pain_prevents_sleep"),
])
def test_unable_to_is_can_not(matcher: Matcher, text: str, symptom: str) -> None:
    assert found(matcher, text).get(symptom) is Status.PRESENT


def test_not_doing_potty_is_a_bowel_problem_and_no_potty_accident_is_denied(assistant: Assistant) -> None:
    assert level(assistant, "my girl is not doing potty for three days and her back hurts") is Level.FOLLOW_UP
    assert level(assistant, "no potty accidents, his back is stiff") is Level.HOME_CARE


# ---- a "not" that belongs to a longer sign; cues said across a break

@pytest.mark.parametrize("text", [
    "he hasn't been waking at night, his back's just a bit stiff",
    "she isn't waking up in the night with it, it's just a tight back",
])
def test_a_not_before_a_longer_sign_denies_that_sign(assistant: Assistant, text: str) -> None:
    assert level(assistant, text) is Level.HOME_CARE


@pytest.mark.parametrize("text", ["I can't wake him at night", "she's not waking up"])
def test_a_not_that_is_the_sign_itself_still_stands(assistant: Assistant, text: str) -> None:
    assert level(assistant, text) is Level.EMERGENCY


@pytest.mark.parametrize("text", [
    "she's never had a fever with it, back's just tight",  # "it, back" is not "it's back"
    "fever free, back a bit sore",
])
def test_denials_hold_when_a_cue_would_have_to_cross_a_comma(assistant: Assistant, text: str) -> None:
    assert level(assistant, text) is Level.HOME_CARE


# ---- questions about a sign in general; other children; "he's got one too"

@pytest.mark.parametrize("text", [
    "should I be worried about fever? she doesn't have one, her back is just stiff",
    "what signs should I look for, like fever or tingling? right now it's only a sore back",
    "would a fever change anything? his back is only a bit stiff",
    "does a temperature with back pain matter? he hasn't got one, his back is tight",
])
def test_a_question_about_a_sign_in_general_is_not_a_finding(assistant: Assistant, text: str) -> None:
    assert level(assistant, text) is Level.HOME_CARE


@pytest.mark.parametrize("text", [
    "is she floppy? I can't tell",
    "is not breathing",  # a recogniser dropped "he"
    "would you say she's floppy",
    "I'm not sure if she's breathing properly",
])
def test_a_question_or_doubt_about_the_child_counts(assistant: Assistant, text: str) -> None:
    assert level(assistant, text) is Level.EMERGENCY


@pytest.mark.parametrize("text", [
    "the teacher said another child fainted, my daughter's back is just sore",
    "one of the kids at nursery had a fever, his back is a bit sore",
])
def test_another_child_is_someone_else(assistant: Assistant, text: str) -> None:
    assert level(assistant, text) is Level.HOME_CARE


@pytest.mark.parametrize("text", [
    "his sister had a fever last week and now he's got one too, plus a sore back",
    "my husband has the chills and she has the same, her back is sore",
])
def test_the_child_having_it_too_is_a_finding(assistant: Assistant, text: str) -> None:
    assert level(assistant, text) is Level.URGENT


@pytest.mark.parametrize(("text", "expected"), [
    ("he's got a limp since his back went", Level.FOLLOW_UP),
    ("is it normal for him to limp with a sore back?", Level.FOLLOW_UP),
    ("she went limp in my arms", Level.EMERGENCY),
    ("he's all limp and pale", Level.EMERGENCY),
])
def test_limp_the_walk_is_not_limp_the_body(assistant: Assistant, text: str, expected: Level) -> None:
    assert level(assistant, text) is expected


# ---- dialect words for the emergencies

@pytest.mark.parametrize("text", [
    "shame, he's battling to breathe",
    "she's fighting for breath",
    "the wean cannae breathe right",
    "he's unrousable this morning",
    "she's not rousing when I shake her",
    "he had a funny turn and dropped",
])
def test_dialect_wordings_of_an_emergency(assistant: Assistant, text: str) -> None:
    assert level(assistant, text) is Level.EMERGENCY


@pytest.mark.parametrize("text", [
    "he's fighting off a cold and breathing fine, his back is sore",
    "she's sucking her thumb and breathing normally, her back's stiff",
    "he had a turn on the swing and his back has been sore since",
])
def test_dialect_words_do_not_make_ordinary_talk_an_emergency(assistant: Assistant, text: str) -> None:
    assert level(assistant, text) is Level.HOME_CARE


def test_a_question_with_the_childs_own_reading_is_not_general(assistant: Assistant) -> None:
    # "is a fever of 102 bad?" asks about this child's fever.
    assert level(assistant, "is a fever with back pain bad? she's burning up") is Level.URGENT


# ---- a loose mention does not reach over another sign's subject

@pytest.mark.parametrize(("text", "expected"), [
    ("the wee one's back hurts", Level.HOME_CARE),
    ("the wee man's back is really painful after the park", Level.HOME_CARE),
    ("she won't put her foot down and her back's sore", Level.HOME_CARE),
    ("his legs and back are sore", Level.URGENT),  # a list: the legs are sore too
    ("the cramp in his back is not going away, stretching does nothing", Level.URGENT),
])
def test_a_loose_mention_does_not_take_another_signs_word(assistant: Assistant, text: str, expected: Level) -> None:
    assert level(assistant, text) is expected


@pytest.mark.parametrize(("text", "symptom"), [
    ("he's all bunged up and his back's sore", "bladder_bowel_problems"),
    ("she says her wee is stingy", "bladder_bowel_problems"),
    ("he cries on the toilet", "bladder_bowel_problems"),
    ("she's gone off her legs since yesterday", "trouble_walking"),
    ("he's doddery on his feet", "trouble_walking"),
    ("she's only crawling instead of walking now", "trouble_walking"),
    ("he's got a niggle in his back", "back_spasm"),
    ("she has a twinge in her back when she bends", "back_spasm"),
])
def test_more_everyday_wordings(matcher: Matcher, text: str, symptom: str) -> None:
    assert found(matcher, text).get(symptom) is Status.PRESENT


def test_a_loose_pattern_does_not_join_the_two_sides_of_a_but(matcher: Matcher) -> None:
    got = [m.heard for m in matcher.match("he was walking funny yesterday but he's walking fine today")]
    assert got == ["walking funny"]


@pytest.mark.parametrize("text", ["her legs were fine yesterday, today they're tingling", "she says she's all tingly"])
def test_tingling_alone_counts_as_the_limbs(assistant: Assistant, text: str) -> None:
    assert level(assistant, text) is Level.URGENT


@pytest.mark.parametrize("text", [
    "what if she gets a fever or tingling in her legs? for now just a stiff back",
    "he had chills or shivers last week, now it's only his back",
])
def test_a_what_if_or_a_past_reaches_over_a_list_joined_by_or(assistant: Assistant, text: str) -> None:
    assert level(assistant, text) is Level.HOME_CARE


@pytest.mark.parametrize("text", ["her lips are going blew", "she's un conscious"])
def test_a_recogniser_splitting_or_swapping_a_word_still_means_911(assistant: Assistant, text: str) -> None:
    # "blue" heard as "blew", "unconscious" as two words.
    assert level(assistant, text) is Level.EMERGENCY


@pytest.mark.parametrize(("text", "symptom"), [
    ("he can barely walk because of it", "trouble_walking"),
    ("it hurts her to walk", "trouble_walking"),
    ("she struggles to walk", "trouble_walking"),
    ("she has difficulty walking", "trouble_walking"),
    ("it shoots all the way down to his foot", "limb_symptoms"),
    ("he says his legs feel weird", "limb_symptoms"),
    ("she can't drift off because of the pain", "pain_prevents_sleep"),
    ("he's breathing like he's run a marathon just lying there", "trouble_breathing"),
])
def test_plain_descriptions_of_what_the_child_cannot_do(matcher: Matcher, text: str, symptom: str) -> None:
    assert found(matcher, text).get(symptom) is Status.PRESENT


def test_pain_said_with_walking_is_not_trouble_walking(assistant: Assistant) -> None:
    assert level(assistant, "his back hurts when he walks") is Level.HOME_CARE


# ---- plain words for a breathing or heart problem

@pytest.mark.parametrize("text", [
    "he's having a breathing problem",
    "she has breathing issues right now",
    "her breathing is not normal",
    "his breathing doesn't sound right",
    "something's wrong with her breathing",
    "she's having problems breathing",
    "she's breathing oddly",
    "her heart is beating abnormally",
])
def test_a_breathing_or_heart_problem_in_plain_words_is_911(assistant: Assistant, text: str) -> None:
    assert level(assistant, text) is Level.EMERGENCY


@pytest.mark.parametrize("text", [
    "nothing wrong with her breathing, just a sore back",
    "no problems with his breathing, his back is stiff",
    "he had breathing problems as a baby, now just his back",
])
def test_a_breathing_problem_denied_or_past_is_not_911(assistant: Assistant, text: str) -> None:
    assert level(assistant, text) is Level.HOME_CARE


@pytest.mark.parametrize("text", ["his limbs are weak", "numbness in his legs"])
def test_weakness_or_numbness_of_the_limbs_is_urgent(assistant: Assistant, text: str) -> None:
    assert level(assistant, text) is Level.URGENT


def test_a_back_problem_is_the_back(assistant: Assistant) -> None:
    assert level(assistant, "his breathing is fine, it's his back that's the problem") is Level.HOME_CARE


@pytest.mark.parametrize(("text", "not_this"), [
    ("her neck is stiff, she won't look down at her toes", "back_spasm"),  # "stiff, she" is two clauses
    ("her neck is stiff, she won't look down at her toes", "limb_symptoms"),
    ("he went down the slide on his feet", "limb_symptoms"),
])
def test_a_tight_pattern_stays_in_one_clause_and_looking_down_is_not_pain_going_down(
        matcher: Matcher, text: str, not_this: str) -> None:
    assert not_this not in found(matcher, text)


@pytest.mark.parametrize("text", [
    "my hubby has a fever, her back is sore",
    "me nan has a temperature, he's got a sore back",
    "the missus has the chills and his back is stiff",
])
def test_everyday_words_for_family_are_someone_else(assistant: Assistant, text: str) -> None:
    assert level(assistant, text) is Level.HOME_CARE


def test_a_pronoun_in_someone_elses_own_clause_is_theirs(assistant: Assistant) -> None:
    assert level(assistant, "my mam's back is killing her, what's good for a back spasm") is Level.UNCLEAR


# ---- bare answers and "just": what is there after a denial

@pytest.mark.parametrize(("text", "symptom"), [
    ("fever? nope, just a sore back", "fever"),
    ("chills? not at all. just his back", "chills"),
    ("any tingling? none at all", "limb_symptoms"),
    ("temperature high? nah", "fever"),
])
def test_a_bare_answer_denies_the_sign_asked_about(matcher: Matcher, text: str, symptom: str) -> None:
    assert found(matcher, text)[symptom] is Status.ABSENT


@pytest.mark.parametrize(("text", "expected"), [
    ("fever? no, just a sore back", Level.HOME_CARE),
    ("no, just a fever", Level.URGENT),
    ("no tingling, nothing else, only wheezing", Level.EMERGENCY),
    ("not sleepy, just really hot", Level.UNCLEAR),  # "sleepy, just really" is no "really sleepy"
])
def test_just_or_only_after_a_denial_says_what_is_there(assistant: Assistant, text: str, expected: Level) -> None:
    assert level(assistant, text) is expected


@pytest.mark.parametrize("text", [
    "we're calling 000 now", "I've called 999", "I've called an ambulance", "the ambulance is on its way",
])
def test_the_caregiver_calling_an_emergency_number_anywhere_is_911(assistant: Assistant, text: str) -> None:
    assert level(assistant, text) is Level.EMERGENCY


def test_stiff_said_of_another_body_part_before_the_child_is_not_the_childs_back(matcher: Matcher) -> None:
    assert "back_spasm" not in found(matcher, "her neck is so stiff she can't look down")


def test_a_loose_pattern_does_not_reach_over_a_break_and_another_sign(assistant: Assistant) -> None:
    assert level(assistant, "he's not complaining about tingling, just the back") is Level.HOME_CARE


# ---- after main's numbers, care questions and outside-topic signs

@pytest.mark.parametrize(("text", "expected"), [
    ("his pulse was about ninety... wait, I counted wrong, it's nearer two hundred", Level.EMERGENCY),
    ("her heart was at 185, sorry, I misread the watch, it is 115, her back is sore", Level.HOME_CARE),
    ("her hearts about 100 no hang on its more like 210", Level.EMERGENCY),  # a recogniser's "heart's"
])
def test_a_corrected_reading_replaces_the_first_and_keeps_its_measure(assistant: Assistant, text: str,
                                                                       expected: Level) -> None:
    assert level(assistant, text) is expected


def test_a_filler_before_a_care_question_still_asks(assistant: Assistant) -> None:
    assert level(assistant, "um how long should the ice pack stay on his back") is Level.HOME_CARE


@pytest.mark.parametrize("text", [
    "he's thrown up about five times since breakfast",
    "she can't keep a thing down",
])
def test_vomiting_again_and_again_in_other_words_is_urgent(assistant: Assistant, text: str) -> None:
    assert level(assistant, text) is Level.URGENT


def test_throwing_something_again_is_not_vomiting(assistant: Assistant) -> None:
    assert level(assistant, "he threw the ball again and his back hurts") is Level.HOME_CARE


def test_a_pause_is_not_a_correction(assistant: Assistant) -> None:
    assert level(assistant, "she's got a fever, hang on, let me get the thermometer") is Level.URGENT


@pytest.mark.parametrize("text", [
    "she had a fainting spell", "he's having heart palpitations", "she's leaking wee and she's been trained since two",
    "he's soiled his undies twice and he's fully toilet trained", "he's rambling and confused",
    "she's limp as a dishrag", "she's barely responding",
])
def test_more_everyday_words_for_the_911_signs(assistant: Assistant, text: str) -> None:
    assert level(assistant, text) is Level.EMERGENCY


@pytest.mark.parametrize("text", [
    "we had a power blackout last night and his back hurts",
    "the toddler was rambling about dinosaurs, back sore",
    "my wee one's nose is dripping, back sore",
])
def test_those_words_in_ordinary_talk_are_not_911(assistant: Assistant, text: str) -> None:
    assert level(assistant, text) is Level.HOME_CARE


def test_over_reaches_back_through_a_mention_that_runs_on_from_the_first(assistant: Assistant) -> None:
    # "spasm come" (cramps coming back) and "back spasm come back" are one stretch of words.
    assert level(assistant, "will his back spasm come back once it's gone?") is Level.HOME_CARE


# ---- stories (batch h): a loose pattern's own "not" that belongs elsewhere

@pytest.mark.parametrize("text", [
    "she's not confused she's awake and playing and her back is stiff",
    "he is not floppy he is awake and chatty, sore back",
    "does the pain wake him at night? No, not at all. His back is tight after the zoo.",
])
def test_a_loose_patterns_not_that_denies_another_sign_or_answers_a_question_is_not_the_sign(
        assistant: Assistant, text: str) -> None:
    assert level(assistant, text) is Level.HOME_CARE


@pytest.mark.parametrize("text", [
    "she is not awake, her back was sore", "I can't hardly get him to wake up", "he won't wake, I'm scared",
])
def test_a_not_said_with_waking_is_still_the_sign(assistant: Assistant, text: str) -> None:
    assert level(assistant, text) is Level.EMERGENCY


# ---- a sign that was there and is over now, said of the whole child (rule 9)

@pytest.mark.parametrize("text", [
    "he was hard to wake after the party but he's totally fine now, back a bit stiff",
    "she was really floppy when she woke from her nap but she's okay now and her back is sore",
])
def test_a_sign_said_in_the_past_and_over_now_is_the_past(matcher: Matcher, text: str) -> None:
    assert found(matcher, text)["very_drowsy"] is Status.PAST


@pytest.mark.parametrize("text", [
    "she is hard to wake but she's fine now",  # said in the present: a contradiction, so escalate
    "he was breathing really fast and he still is, not fine now",
    "he was so floppy this morning and it hasn't stopped",
])
def test_a_sign_not_said_as_over_still_counts(assistant: Assistant, text: str) -> None:
    assert level(assistant, text) is Level.EMERGENCY


# ---- words of other Englishes and of a recogniser (batches h and i)

@pytest.mark.parametrize(("text", "expected"), [
    ("his lips look blew to me", Level.EMERGENCY),  # the colour written as its sound-alike
    ("you can see it pulling in under her ribs each breath", Level.EMERGENCY),
    ("her nappies have been way drier since the weekend and she keeps arching her back", Level.FOLLOW_UP),
    ("he's grizzling every single time he does a wee, back's tight", Level.FOLLOW_UP),
    ("she has been whinging every time she tries to do her business, back sore", Level.FOLLOW_UP),
    ("he takes ages to drop off at night because his back hurts", Level.FOLLOW_UP),
    ("the GP had a look and said it's a muscle strain, he's playing fine", Level.HOME_CARE),
])
def test_more_words_caregivers_use(assistant: Assistant, text: str, expected: Level) -> None:
    assert level(assistant, text) is expected


def test_blew_in_ordinary_talk_is_not_blue_lips(assistant: Assistant) -> None:
    assert level(assistant, "he blew out the candles with his lips pursed and now his back is stiff") is Level.HOME_CARE
