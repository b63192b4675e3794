"""Red-flag signs said in words nobody listed, and loose patterns that must not take ordinary talk (#7)."""

from __future__ import annotations

import pytest

from helpers import found, level
from voicecare.domain import Level, Status
from voicecare.understanding.assistant import Assistant
from voicecare.understanding.matching import Matcher


@pytest.mark.parametrize("text", [
    "she can't breathe and her heart feels weird",
    "he is not breathing and his heart feels weird, his back was sore",
    "she cannot breathe and her heart is doing something strange",
])
def test_a_word_said_of_a_nearer_subject_is_that_subjects(assistant: Assistant, text: str) -> None:
    """The weirdness is the heart's: the loose "breathe ... weird" must not swallow "can't breathe" and deny it."""
    assert level(assistant, text) is Level.EMERGENCY
    assert found(assistant.matcher, text)["trouble_breathing"] is Status.PRESENT


@pytest.mark.parametrize(("text", "symptom"), [
    ("his legs and back are sore", "limb_symptoms"),  # said as a list: the soreness is both's
    ("not breathing hard, her back is sore", "trouble_breathing"),  # the denial still reaches its pattern
])
def test_a_list_or_a_denial_keeps_its_loose_pattern(matcher: Matcher, text: str, symptom: str) -> None:
    assert symptom in found(matcher, text)


@pytest.mark.parametrize("text", [
    "he is breathing ok. trouble is his back",
    "her breathing is fine. fast asleep now, her back is sore",
    "his breathing is fine. struggling with his shoes, his back is sore",
])
def test_a_loose_pattern_does_not_take_its_state_word_from_the_next_sentence(assistant: Assistant, text: str) -> None:
    assert level(assistant, text) is Level.HOME_CARE


@pytest.mark.parametrize("text", [
    "her lips are... blue",
    "is she breathing? really fast",
    "she's been potty trained since two. today she had an accident in her pants",
])
def test_a_fragment_or_a_background_still_reads_over_a_full_stop(assistant: Assistant, text: str) -> None:
    assert level(assistant, text) is Level.EMERGENCY


@pytest.mark.parametrize("text", [
    "he is not potty trained, he make in his pants and his back hurts",
    "he's not fully potty trained and he peed himself, back sore",
    "he isn't toilet trained yet and he wet his pants, his back is sore",
    "she is still learning, not dry yet, wet her pants, back sore",
])
def test_accidents_of_a_child_not_toilet_trained_are_no_loss_of_control(assistant: Assistant, text: str) -> None:
    """Policy: loss of control is new accidents in a toilet-trained child, not a rule-2 "not" of the sign."""
    assert level(assistant, text) is not Level.EMERGENCY
    assert "loss_of_control" not in found(assistant.matcher, text)


@pytest.mark.parametrize("text", [
    "she is trained but she can't hold it, she wet herself",
    "she was potty trained, not any more, she can't hold her wee, she wet herself",
    "he's potty trained yet he wet his pants today and his back hurts",
    "he's not in nappies yet he wet himself and couldn't hold it",
])
def test_a_trained_child_who_cannot_hold_it_keeps_the_sign(assistant: Assistant, text: str) -> None:
    assert level(assistant, text) is Level.EMERGENCY


@pytest.mark.parametrize("text", [
    "nah she's not waking up with it she sleeps right through but it's sorer every day and today she can barely bend",
    "In the evening she cannot fall asleep because of the back, but after she sleeps all night, she does not wake up.",
    "he doesn't wake up at night with the pain, sleeps right through, back is sore",
])
def test_not_waking_in_the_night_is_sleeping_through_it(assistant: Assistant, text: str) -> None:
    """An "unless" word of another statement ("but ... she can barely bend") does not keep the sign."""
    assert level(assistant, text) is not Level.EMERGENCY


@pytest.mark.parametrize("text", [
    "she's been asleep all night and she won't wake up, i shook her",
    "he slept through the night and now he is not waking up",
    "he won't wake up, he is sleeping all night long",
    "she went to bed last night and won't wake up this morning",
])
def test_a_child_who_will_not_wake_after_the_night_is_hard_to_wake(assistant: Assistant, text: str) -> None:
    assert level(assistant, text) is Level.EMERGENCY


def test_a_sound_alike_is_about_as_long_as_the_word(matcher: Matcher) -> None:
    """ "Saans" (breath, in Hindi) shares a sound key with "cyanosis": counted breaths are no blue child."""
    text = "Saans I counted, 28 in one minute. He is running around, only his back is catching. Hot water bottle I can put?"
    assert "trouble_breathing" not in {m.symptom for m in matcher.match(text) if m.status is Status.PRESENT}


@pytest.mark.parametrize("text", [
    "his tummy is going in and out when he breathes and his back is sore",
    "between the ribs the skin is going inside every time, he is only lying",
    "my boy is taking saans very fast-fast and holding his back",
])
def test_a_belly_or_ribs_drawn_in_and_fast_breath_in_other_words_are_trouble_breathing(
        assistant: Assistant, text: str) -> None:
    assert level(assistant, text) is Level.EMERGENCY


@pytest.mark.parametrize("text", [
    "he went away in the bath like switched off for one two seconds his eyes rolling and now he is crying",
    "suddenly she fell down, her eyes went up and she was gone for some seconds, now she is crying",
    "Wah he pengsan just now at the void deck, few seconds never respond, now awake but very pale",
    "she just fall out again now in the yard, eyes closed, not answering me for a moment",
])
def test_gone_for_a_moment_is_fainting(assistant: Assistant, text: str) -> None:
    assert level(assistant, text) is Level.EMERGENCY
    assert found(assistant.matcher, text)["fainting"] is Status.PRESENT


@pytest.mark.parametrize("text", [
    "I was only gone for a few seconds and he climbed the sofa, now his back hurts",
    "the spasm was gone for a moment then came back",
    "he doesn't respond for a second when I call, he is playing, back sore",
])
def test_a_pain_gone_a_caregiver_away_or_a_busy_toddler_is_no_faint(assistant: Assistant, text: str) -> None:
    assert level(assistant, text) is not Level.EMERGENCY


@pytest.mark.parametrize(("text", "symptom"), [
    ("he keeps saying the pain is running from his back down to his foot", "limb_symptoms"),
    ("his left leg have no force he cannot lift it good and the back hurt him", "limb_symptoms"),
    ("Every night at 2 o'clock he is getting up crying, holding his back, then again sleeping.", "night_pain"),
])
def test_urgent_signs_in_other_words(assistant: Assistant, text: str, symptom: str) -> None:
    assert level(assistant, text) is Level.URGENT
    assert found(assistant.matcher, text)[symptom] is Status.PRESENT


@pytest.mark.parametrize("text", [
    "his heart is beating out of his chest and he is just sitting",
    "her heart is going like mad and she's just lying there",
    "she wasn't there for a moment, just staring and not blinking, then came back",
    "she just lies there like a rag doll",
    "his chest is going up and down really fast and he's lying on the couch",
    "he keeps dropping off and i can hardly keep him awake",
])
def test_emergency_signs_said_as_pictures(assistant: Assistant, text: str) -> None:
    assert level(assistant, text) is Level.EMERGENCY


@pytest.mark.parametrize("text", [
    "his heart is going like mad after running round the park, back sore",
    "my heart goes mad when she cries like that, her back is sore",
    "she is awake, hardly slept though, back sore",
    "he likes to hold his rag doll when his back hurts",
])
def test_the_same_pictures_in_ordinary_talk_are_no_emergency(assistant: Assistant, text: str) -> None:
    assert level(assistant, text) is not Level.EMERGENCY


def test_a_temperature_through_the_roof_is_a_fever(assistant: Assistant) -> None:
    assert level(assistant, "his temperature is through the roof and his back hurts") is Level.URGENT


@pytest.mark.parametrize("text", [
    "Is not the normal cramp, the back is like stone for two hours, I did stretching, I did massage, nothing helps",
    "it's not the normal cramp, his back is really tight and stretching does nothing",
])
def test_a_cramp_said_to_be_unlike_the_usual_is_not_denied(assistant: Assistant, text: str) -> None:
    assert level(assistant, text) is Level.URGENT
    assert found(assistant.matcher, text)["severe_cramping"] is Status.PRESENT


def test_a_number_word_in_dialect_spelling_is_read(assistant: Assistant) -> None:
    text = "Thermometer under the arm say a hunnerd an' one point two, an' de bebe been fussin' 'bout her back all evenin'."
    assert level(assistant, text) is Level.URGENT


@pytest.mark.parametrize("text", [
    "he bonked his head on the table yesterday, now his back is sore",
    "he conked out after the park, his back is sore",
])
def test_a_one_word_phrase_is_not_read_into_a_word_with_another_first_letter(assistant: Assistant, text: str) -> None:
    """ "Zonked" (very drowsy) is not "bonked" or "conked"; typos keep the first letter ("lethagic")."""
    assert level(assistant, text) is Level.HOME_CARE


@pytest.mark.parametrize("text", ["she is very lethagic and her back hurts", "she painted in the kitchen and now her back hurts"])
def test_a_typo_or_a_misheard_word_still_stands_for_the_sign(assistant: Assistant, text: str) -> None:
    assert level(assistant, text) is Level.EMERGENCY


@pytest.mark.parametrize("text", [
    "he is not talking to me, his eyes are going up",
    "she is sleeping and not getting up when I call",
])
def test_eyes_gone_up_and_a_child_not_getting_up_are_emergencies(assistant: Assistant, text: str) -> None:
    assert level(assistant, text) is Level.EMERGENCY


@pytest.mark.parametrize("text", [
    "he rolled his eyes up at me when I said bath time, back is sore",
    "his eyes light up when he goes down the slide, back sore",
])
def test_eyes_in_ordinary_talk_are_no_faint(assistant: Assistant, text: str) -> None:
    assert level(assistant, text) is Level.HOME_CARE


def test_since_last_night_says_when_not_that_the_pain_comes_at_night(assistant: Assistant) -> None:
    text = "the pampers dry dry all morning only one wet since last night and he cry with his back"
    assert level(assistant, text) is Level.FOLLOW_UP
    assert level(assistant, "since last night he wakes up crying with his back") is Level.URGENT
