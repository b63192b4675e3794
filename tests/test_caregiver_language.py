"""Language written by other people: look-alike words, negation scope and context (issue #7).

Each group is one class of failure; the sentences are our own, not corpus lines.
"""

from __future__ import annotations

import pytest

from helpers import found, level
from voicecare.domain import IntentSet, Level, Status
from voicecare.understanding.assistant import Assistant
from voicecare.understanding.matching import Matcher

# ---- look-alike words: an everyday word is itself, not a misheard symptom

@pytest.mark.parametrize(("text", "not_this"), [
    ("she keeps wanting to be carried around", "fainting"),
    ("he was climbing the bookshelf and now his back is tight", "trouble_walking"),
    ("can you tell me when the clinic will close", "chills"),
    ("his swim class wore him out and his back aches", "chills"),
    ("we walked up the hill and her back got sore", "chills"),
    ("how do I clean marker off a painted door", "fainting"),
    ("the dog was panting after the walk", "fainting"),
    ("never mind, sorry", "fever"),
    # A small word heard as it is ("is") does not vouch for the look-alike beside it ("is choking").
    ("his legs are fine, he's kicking and grabbing", "trouble_breathing"),
    ("she's licking an ice lolly, back a bit sore", "trouble_breathing"),
])
def test_an_everyday_word_is_not_a_misheard_symptom(matcher: Matcher, text: str, not_this: str) -> None:
    assert not_this not in found(matcher, text)


def test_ever_in_a_what_if_is_not_a_fever_now(matcher: Matcher) -> None:
    assert found(matcher, "what if she ever runs a fever, what then") == {"fever": Status.HYPOTHETICAL}


@pytest.mark.parametrize(("text", "symptom"), [
    ("she painted, she went down on the floor", "fainting"),  # where a verb for the child goes
    ("he has a fewer since lunch", "fever"),  # where a noun goes
    ("her heart is raising", "abnormal_heart_rate"),  # the rest of the phrase heard as it is
    ("she did pass out for a second", "fainting"),  # "pass" is the stem of "passed", not a look-alike of "past"
])
def test_a_look_alike_still_counts_where_the_symptom_word_would_be(matcher: Matcher, text: str, symptom: str) -> None:
    assert found(matcher, text).get(symptom) is Status.PRESENT


# ---- negation scope

@pytest.mark.parametrize("text", [
    "he does not have any trouble breathing",
    "not droopy, not sleepy, breathing just fine",
    "she is not feverish, breathing okay, her back is sore",
])
def test_a_not_belonging_to_another_word_does_not_make_not_breathing(assistant: Assistant, text: str) -> None:
    assert level(assistant, text) is not Level.EMERGENCY


@pytest.mark.parametrize("text", [
    "he can't, um, breathe",
    "she won't sit or walk",
])
def test_a_not_that_is_the_symptom_still_reaches_over_filler(matcher: Matcher, text: str) -> None:
    assert Status.PRESENT in found(matcher, text).values()


def test_a_cue_inside_another_mentions_span_serves_the_next_mention(matcher: Matcher) -> None:
    got = found(matcher, "his wees are normal and no trouble breathing at all")
    assert got.get("trouble_breathing") is Status.ABSENT


# ---- context: whose sign, and is it now

@pytest.mark.parametrize(("text", "symptom"), [
    ("I'm frightened, I'm worried she's not breathing right", "trouble_breathing"),
    ("I'm worried about a fever, his back is stiff", "fever"),
    ("I am not sure whether he is struggling to breathe", "trouble_breathing"),
])
def test_a_worry_or_doubt_outranks_the_caregiver_speaking_of_themself(matcher: Matcher, text: str, symptom: str) -> None:
    (mention,) = [m for m in matcher.match(text) if m.symptom == symptom]
    assert mention.status is Status.PRESENT and mention.uncertain


@pytest.mark.parametrize(("text", "symptom"), [
    ("our puppy is limping", "trouble_walking"),
    ("the cat keeps wheezing", "trouble_breathing"),
    ("the other kids at the nursery have fevers", "fever"),
    ("half his class is off with a fever", "fever"),
    ("my older one has chills", "chills"),
    ("I've got the shivers myself", "chills"),
    ("my back is killing me from carrying him", "back_spasm"),
    ("we all have fevers in this house", "fever"),
])
def test_someone_else_includes_animals_other_children_and_the_caregiver(matcher: Matcher, text: str,
                                                                       symptom: str) -> None:
    assert found(matcher, text).get(symptom) is Status.OTHER


def test_the_child_named_after_someone_else_is_the_child_again(matcher: Matcher) -> None:
    got = found(matcher, "the dog is limping and the toddler has a fever")
    assert got == {"trouble_walking": Status.OTHER, "fever": Status.PRESENT}


def test_the_child_named_plainly_after_a_relatives_list_is_the_child(matcher: Matcher) -> None:
    got = found(matcher, "her elder sister has fever and chills, the wee one only has a sore back")
    assert got == {"fever": Status.OTHER, "chills": Status.OTHER, "back_spasm": Status.PRESENT}


def test_someone_elses_noun_is_theirs(matcher: Matcher) -> None:
    assert found(matcher, "my other daughter has a fever") == {"fever": Status.OTHER}


def test_a_sign_that_comes_back_after_a_but_is_here_now(matcher: Matcher) -> None:
    assert found(matcher, "her fever broke on Sunday but it came back this evening") == {"fever": Status.PRESENT}
    assert found(matcher, "the fever was gone by Friday but it's back") == {"fever": Status.PRESENT}


@pytest.mark.parametrize("text", [
    "my own back has been aching since I moved the sofa",
    "our dog has been limping since the walk",
    "how do I ease a stiff lower back, asking for my wife",
])
def test_only_someone_elses_signs_is_not_a_finding_for_the_child(assistant: Assistant, text: str) -> None:
    assert level(assistant, text) is Level.UNCLEAR


# ---- words we never listed: dialects, plain descriptions, body and sensation words

@pytest.mark.parametrize(("text", "symptom"), [
    ("his fingers feel fizzy", "limb_symptoms"),
    ("she says there are bees in her toes", "limb_symptoms"),
    ("his left arm just hangs there", "limb_symptoms"),
    ("her legs have no power in them", "limb_symptoms"),
    ("the ache runs down into his leg", "limb_symptoms"),
    ("he's gone all skinny and bony", "weight_loss"),
    ("her trousers are falling off her", "weight_loss"),
    ("he's gone off his food and got thinner", "weight_loss"),
    ("the spasm just won't let go, even with stretching", "severe_cramping"),
    ("we stretched her and it does nothing to help the cramp", "severe_cramping"),
    ("only two wet nappies and they're drier than usual", "bladder_bowel_problems"),
    ("she screams when she does a wee", "bladder_bowel_problems"),
    ("he hasn't opened his bowels", "bladder_bowel_problems"),
    ("no motions since Sunday", "bladder_bowel_problems"),
    ("his back has ached for a fortnight", "long_lasting_pain"),
    ("our GP hasn't seen him for it", "not_seen_by_provider"),
    ("nobody has looked at her back yet", "not_seen_by_provider"),
    ("her back is paining since morning", "back_spasm"),
    ("he's grizzling about his back", "back_spasm"),
    ("she is waddling like a duck", "trouble_walking"),
    ("he shuffles along holding onto the wall", "trouble_walking"),
    ("the pain wakes her from her sleep", "night_pain"),
    ("the back pain won't let him sleep", "pain_prevents_sleep"),
    ("it hurts more bad than before", "pain_worsening"),
    ("he is hot like fire", "fever"),
    ("her lips went bluish", "trouble_breathing"),
    ("his nostrils are flaring with every breath", "trouble_breathing"),
    ("she is not knowing me", "confusion"),
    ("he dropped like a stone and isn't answering", "fainting"),
    ("his heart is beating so fast", "abnormal_heart_rate"),
    ("she is not breathing properly, her ribs suck in", "trouble_breathing"),
    ("he looks grey round the lips and clammy", "trouble_breathing"),
    ("her ticker is going like mad", "abnormal_heart_rate"),
    ("his legs went to jelly under him", "limb_symptoms"),
    ("she hasn't passed water all day", "bladder_bowel_problems"),
    ("he went dizzy and fell over in the hall", "fainting"),
    ("she is not able to walk today", "trouble_walking"),
    ("her foot went to sleep and stays like that", "limb_symptoms"),
    ("he walks like a drunk man", "trouble_walking"),
    ("the pain gets more and more", "pain_worsening"),
    ("she got so thin this month", "weight_loss"),
    ("he is breathing so quick", "trouble_breathing"),
    ("she is zonked and won't come round", "very_drowsy"),
    ("he keeps talking to people who aren't there", "confusion"),
    ("she doesn't recognise her own mum", "confusion"),
    ("he just crumpled to the floor in the kitchen", "fainting"),
    ("he's not moving his legs at all", "limb_symptoms"),
    ("she isn't able to hold her pee any more", "loss_of_control"),
    ("I don't think a doctor has looked at him", "not_seen_by_provider"),
    ("she has no control of her bladder any more", "loss_of_control"),
    ("he's trained but the poo came out in his pants", "loss_of_control"),
])
def test_everyday_and_dialect_wordings_are_understood(matcher: Matcher, text: str, symptom: str) -> None:
    assert found(matcher, text).get(symptom) is Status.PRESENT


@pytest.mark.parametrize(("text", "symptom", "expected"), [
    ("he is not well, very hot", "fever", Status.PRESENT),
    ("she fainted a minute ago", "fainting", Status.PRESENT),
    ("her temperature is higher than normal", "fever", Status.PRESENT),
    ("he's burning up, no sorry, that's my cold hands", "fever", Status.ABSENT),
    ("the nurse said to watch for a fever", "fever", Status.HYPOTHETICAL),
    ("he had a fever last Thursday", "fever", Status.PAST),
    ("she was wheezing with a cold, that's long gone", "trouble_breathing", Status.PAST),
    ("the pain never went away", "long_lasting_pain", Status.PRESENT),
])
def test_context_of_comparisons_recent_past_and_corrections(matcher: Matcher, text: str, symptom: str,
                                                            expected: Status) -> None:
    assert found(matcher, text).get(symptom) is expected


@pytest.mark.parametrize("text", [
    "it's so hot in this room, can you open a window",
    "he kicked his legs in the bath and laughed",
    "her back is stiff after a long car ride for hours",
    "he plays that song over and over",
    "he had a bath every night this week",
    "he's feeling cold, can he have another blanket",
    "he had a fizzy drink and now his back is a bit sore",
    "his nose is all blocked up",
])
def test_new_words_do_not_fire_on_ordinary_talk(assistant: Assistant, text: str) -> None:
    assert level(assistant, text) in (Level.HOME_CARE, Level.UNCLEAR)


def test_a_bare_no_answers_the_question_before_it(matcher: Matcher) -> None:
    assert found(matcher, "Any fever? No. Shivers? None. Her back is sore.") == {
        "fever": Status.ABSENT, "chills": Status.ABSENT, "back_spasm": Status.PRESENT}
    assert found(matcher, "Has she got a fever? No chills though.").get("fever") is Status.PRESENT


@pytest.mark.parametrize(("text", "symptom", "expected"), [
    ("her back is a bit stiff this morning, no fever", "fever", Status.ABSENT),
    ("his back is maybe a little sore, but no fever at all", "fever", Status.ABSENT),
    ("I think she has no fever", "fever", Status.ABSENT),
    ("no fever, maybe some chills", "chills", Status.PRESENT),
])
def test_the_nearest_cue_before_a_mention_decides(matcher: Matcher, text: str, symptom: str,
                                                  expected: Status) -> None:
    assert found(matcher, text).get(symptom) is expected


def test_a_time_in_the_past_that_overlaps_a_duration_is_past(matcher: Matcher) -> None:
    got = found(matcher, "he had chills two weeks before, with a cold")
    # "two weeks before" is a point in time (the number reader's "ago" words), not how long anything lasted.
    assert got["chills"] is Status.PAST and got.get("long_lasting_pain", Status.PAST) is Status.PAST


@pytest.mark.parametrize("text", [
    "he was pretending to pass out for a laugh",
    "our son keeps asking to be held, nothing else is wrong",
    "she is racing her cousin round the garden",
    "he won't come to the table for dinner",
    "she's a bit dopey after her nap",
    "his poo has gone a funny colour",
    "she mixed up her shoes again",
    "he's watching Bluey and won't answer me",
    "she is huffing and puffing up the stairs",
    "I crumpled up the paper and threw it",
])
def test_play_and_everyday_talk_is_not_an_emergency(assistant: Assistant, text: str) -> None:
    assert level(assistant, text) is not Level.EMERGENCY


@pytest.mark.parametrize(("text", "expected"), [
    ("his back has been sore for a week, no actually, only since last night", Level.HOME_CARE),
    ("it's been five days, sorry I mean one day, his back is sore", Level.HOME_CARE),
    ("sore back since this morning, no wait, it's been a week", Level.FOLLOW_UP),
])
def test_a_corrected_duration_takes_back_only_what_was_said_right_before(assistant: Assistant, text: str,
                                                                        expected: Level) -> None:
    assert level(assistant, text) is expected


@pytest.mark.parametrize(("text", "symptom", "expected"), [
    ("she was frightened by a dog and has been wheezing ever since", "trouble_breathing", Status.PRESENT),
    ("our cat is sneezing and wheezing", "trouble_breathing", Status.OTHER),
    ("the childminder noticed a fever at lunch", "fever", Status.PRESENT),
    ("his granny says he's burning up", "fever", Status.PRESENT),
    ("I'm ringing about a fever and a sore back", "fever", Status.PRESENT),
])
def test_someone_else_ends_at_a_new_clause_a_report_or_the_callers_opening(matcher: Matcher, text: str,
                                                                           symptom: str, expected: Status) -> None:
    assert found(matcher, text).get(symptom) is expected


@pytest.mark.parametrize(("text", "symptom", "expected"), [
    ("not warm, not shivery, limping since lunch", "trouble_walking", Status.PRESENT),
    ("no fever, dragging his leg", "limb_symptoms", Status.PRESENT),
    ("no fever, chills or leg pain", "limb_symptoms", Status.ABSENT),
    ("she has neither a fever nor chills", "chills", Status.ABSENT),
])
def test_a_denial_ends_at_the_next_sign_unless_it_is_a_list(matcher: Matcher, text: str, symptom: str,
                                                             expected: Status) -> None:
    assert found(matcher, text).get(symptom) is expected


@pytest.mark.parametrize("text", [
    "let's say she got a fever tonight, what should I do",
    "god forbid he stops breathing, what then",
])
def test_spoken_what_ifs_are_what_ifs(assistant: Assistant, text: str) -> None:
    # Not raised; with no back mentioned, explained without home care (policy: home care when the back was).
    assert level(assistant, text) is Level.UNCLEAR


@pytest.mark.parametrize(("text", "expected"), [
    ("the spasm lasted a few seconds and eased when I stretched him", Level.HOME_CARE),
    ("her back spasms come every five minutes and have for hours", Level.URGENT),
    ("he didn't drop off until midnight because his back hurt", Level.FOLLOW_UP),
    ("three runny poos today and her back is sore", Level.FOLLOW_UP),
    ("is a temperature something to watch for? his back is just stiff", Level.HOME_CARE),
    ("what would a very slow heartbeat look like", Level.UNCLEAR),  # no back mentioned: no home care
    ("she woke at 3 screaming with the pain in her back", Level.URGENT),
])
def test_how_long_how_often_and_questions_about_a_sign(assistant: Assistant, text: str, expected: Level) -> None:
    assert level(assistant, text) is expected


def test_someone_elses_story_runs_on_until_the_child_comes_back(matcher: Matcher) -> None:
    got = found(matcher, "my nephew had to be rushed to hospital with trouble breathing, my son is fine")
    assert got.get("trouble_breathing") is Status.OTHER
    assert found(matcher, "my sister came round this morning and saw that he was wheezing") == {
        "trouble_breathing": Status.PRESENT}


@pytest.mark.parametrize(("text", "symptom", "expected"), [
    ("I was scared she had a temperature, but I checked and she doesn't.", "fever", Status.ABSENT),
    ("he had chills this morning but he doesn't any more", "chills", Status.ABSENT),
    ("the doctor said to watch for a fever, he doesn't have one", "fever", Status.ABSENT),
    ("he has a fever but he doesn't have chills", "fever", Status.PRESENT),
    ("she's breathing so fast and she isn't, she isn't right", "trouble_breathing", Status.PRESENT),
    ("she is not breathing hard", "trouble_breathing", Status.ABSENT),
])
def test_a_clause_final_denial_points_back(matcher: Matcher, text: str, symptom: str, expected: Status) -> None:
    assert found(matcher, text).get(symptom) is expected


def test_the_shipped_frequent_word_list_is_plain_lowercase_words(intents: IntentSet) -> None:
    words = intents.frequent_words
    assert len(words) > 10_000  # generated by scripts/make_frequent_words.py
    assert all(word.isalpha() and word.islower() for word in words)
    assert {"wanting", "class", "climbing", "ever"} <= words
    assert "tempature" not in words  # a misspelling may still be a misheard symptom word


@pytest.mark.parametrize(("text", "not_this"), [
    ("he can't stand up by himself yet", "confusion"),
    ("she won't eat her dinner by herself", "confusion"),
    ("the licence terms are not sold by themselves", "confusion"),
])
def test_a_phrase_with_its_own_not_skips_only_filler(matcher: Matcher, text: str, not_this: str) -> None:
    assert not_this not in found(matcher, text)


@pytest.mark.parametrize(("text", "not_this"), [
    ("it timed out, but it tried again", "confusion"),
    ("I was weeding the garden while he napped", "trouble_breathing"),
    ("the old buggy is unusable now", "very_drowsy"),
])
def test_ordinary_words_near_a_sign_word_stay_themselves(matcher: Matcher, text: str, not_this: str) -> None:
    assert not_this not in found(matcher, text)


@pytest.mark.parametrize("text", [
    "I'm not sure if she's breathing right, her back hurts",
    "her breathing doesn't look right",
    "I don't think his breathing is right",
    "I can't tell if he's breathing right",
])
def test_doubt_that_the_breathing_is_right_is_an_emergency(assistant: Assistant, text: str) -> None:
    # Rules 4 and 10 (found by a fresh-eyes review: the first gave home care, the second "not understood").
    assert level(assistant, text) is Level.EMERGENCY


@pytest.mark.parametrize("text", [
    "I'm sure she's breathing okay, her back hurts",
    "his breathing is fine, sore back",
    "my husband isn't sure if he is breathing right himself",
])
def test_breathing_said_to_be_fine_or_someone_elses_is_not(assistant: Assistant, text: str) -> None:
    assert level(assistant, text) is not Level.EMERGENCY
