"""Call-911 signs in other people's words, and their near misses (issue #7, understand52).

Classes from the tuning batches batch_bg and batch_bh: breathing, heart rate, fainting, a seizure, the caregiver's
ambulance, and near misses raised to 911. Every sentence here is our own wording of a class, not a corpus line; each
test fails when its class of failure comes back.
"""

from __future__ import annotations

import pytest

from helpers import found, level
from voicecare.domain import Level, Status
from voicecare.understanding.assistant import Assistant
from voicecare.understanding.matching import Matcher

# ---- a sign said of someone else (or of the past) first, then this child's in words only a guess reads


@pytest.mark.parametrize("text", [
    "his cousin has a racing heart, they checked him and he's fine. but my boy, his heart is going like a train",
    "her sister had a pounding heart last year. now this one, her heart is going like a hummingbird",
    "my neighbour's boy had trouble breathing last week, now my son's lips have gone a funny colour",
])
def test_a_sign_said_of_another_does_not_stop_the_childs_own_guess(assistant: Assistant, text: str) -> None:
    assert level(assistant, text) is Level.EMERGENCY


@pytest.mark.parametrize("text", [
    "his heart goes like a train when he runs races, the back is only a bit sore",
    "what if her heart races? would it go like a train?",
])
def test_the_guess_keeps_its_own_context(assistant: Assistant, text: str) -> None:
    assert level(assistant, text) is not Level.EMERGENCY


def test_the_little_fella_is_the_child_for_a_guess_too(matcher: Matcher) -> None:
    # "The little fella" names the child (callers), for the backoff's guesses as for the phrases.
    assert found(matcher, "the little fella's lips have gone a dark bluey sort of colour")["trouble_breathing"] \
        is Status.PRESENT
    assert "trouble_breathing" not in {
        s for s, st in found(matcher, "my husband's lips have gone a dark bluey sort of colour").items()
        if st is Status.PRESENT}


# ---- heart rate: a span that says when, not over how long; speed said as a picture; a question


@pytest.mark.parametrize("text", [
    "his heart was pounding after the race, I counted it again ten minutes later and got 110",
    "I counted her pulse after sitting quietly for five minutes and it was 100",
])
def test_a_span_that_says_when_is_no_counting_window(assistant: Assistant, text: str) -> None:
    assert level(assistant, text) is not Level.EMERGENCY


@pytest.mark.parametrize("text", [
    "I counted his pulse for 15 seconds and got 12",
    "counted her heart for two minutes and got 100",
])
def test_a_short_counting_window_still_makes_a_rate(assistant: Assistant, text: str) -> None:
    assert level(assistant, text) is Level.EMERGENCY


@pytest.mark.parametrize("text", [
    "the pulse in her neck is flickering like a moth's wings and she's just lying in her cot",
    "his heart is beating too fast for me to count and he's sat still on the sofa",
    "you can see the pulse in her neck flickering, she hasn't moved all morning",
])
def test_a_heartbeat_too_fast_to_count_or_flickering_is_a_very_fast_heartbeat(assistant: Assistant,
                                                                             text: str) -> None:
    assert level(assistant, text) is Level.EMERGENCY


@pytest.mark.parametrize("text", [
    "how slow is too slow for a toddler's pulse? her back is a bit stiff today",
    "what heart rate is normal for a two year old, I'm just curious, his back is sore from the slide",
    "his heart's racing but he just finished chasing the dog round the yard, back's a bit sore",
    "I tried to count her heart but there were too many people talking, her back is sore",
])
def test_a_question_or_a_run_just_done_is_no_fast_heartbeat(assistant: Assistant, text: str) -> None:
    assert level(assistant, text) is not Level.EMERGENCY


# ---- breathing and colour near misses


@pytest.mark.parametrize("text", [
    "his breathing is nice and slow and steady, the back's just tight after the park",
    "lips look purple, but only from the grape popsicle, and his back is sore",
    "he went pale when he was carsick on the way home yesterday, today it's just his sore back",
])
def test_easy_breathing_a_stained_lip_and_carsick_pallor_are_no_trouble_breathing(assistant: Assistant,
                                                                                    text: str) -> None:
    assert level(assistant, text) is Level.HOME_CARE


@pytest.mark.parametrize("text", [
    "her breathing is slow with long pauses and her lips are grey",
    "he was carsick and now he's grey and his breathing is weird",
])
def test_slow_breathing_with_pauses_and_grey_with_breathing_stay_the_sign(assistant: Assistant, text: str) -> None:
    assert level(assistant, text) is Level.EMERGENCY


# ---- fainting said as seen


@pytest.mark.parametrize("text", [
    "she slumped off the chair and was gone for a couple of seconds",
    "his eyes were open but he wasn't there, not answering me at all",
    "he just folded up on the kitchen floor, he was not there, not answering",
])
def test_gone_for_seconds_or_not_there_is_a_faint(assistant: Assistant, text: str) -> None:
    assert level(assistant, text) is Level.EMERGENCY


@pytest.mark.parametrize("text", [
    "she plopped down on her bum in the sandpit, cried for a second, then got right back up, her back's a bit sore",
    "the spasm was gone for a few seconds and then came back in his back",
    "he passed out once as a baby after holding his breath, today it's just his back aching",
])
def test_a_sit_down_a_pain_gone_and_a_faint_long_ago_are_no_faint(assistant: Assistant, text: str) -> None:
    assert level(assistant, text) is not Level.EMERGENCY


# ---- a seizure told as seen


@pytest.mark.parametrize("text", [
    "he's gone rigid and his arms and legs are jerking",
    "she's stiff all over and shaking and won't look at me",
    "my son is on the floor jerking and his lips are going dark",
])
def test_stiff_with_jerking_or_jerking_on_the_floor_is_a_seizure(assistant: Assistant, text: str) -> None:
    assert level(assistant, text) is Level.EMERGENCY


@pytest.mark.parametrize("text", [
    "his back's stiff and he jerks away when I touch the sore bit",
    "she's rolling on the floor jerking about dancing to the music, her back's a bit achy",
    "he's shivering under the blanket, it's not a fit, he's awake chatting to me, and he feels hot",
])
def test_a_jerk_of_pain_a_dance_or_shivers_said_not_a_fit_are_no_seizure(assistant: Assistant, text: str) -> None:
    assert level(assistant, text) is not Level.EMERGENCY


# ---- the caregiver's ambulance


@pytest.mark.parametrize("text", [
    "somebody fetch an ambulance",
    "someone get the ambulance, she's not right",
    "my wife is getting an ambulance",
])
def test_someone_at_home_fetching_an_ambulance_is_the_caregivers_alarm(assistant: Assistant, text: str) -> None:
    assert level(assistant, text) is Level.EMERGENCY


@pytest.mark.parametrize("text", [
    "if he ever goes floppy, that's when I ring the ambulance, right? today it's just his sore back",
    "someone get an ambulance for my neighbour, he fell off his ladder",
])
def test_an_ambulance_planned_or_for_someone_else_is_no_alarm(assistant: Assistant, text: str) -> None:
    assert level(assistant, text) is not Level.EMERGENCY


# ---- near misses of drowsiness and confusion said of grown-ups or as the child's good state


@pytest.mark.parametrize("text", [
    "my dad is so tired from his job that I can't wake him for tea",
    "my grandad has alzheimers and he was really confused this morning",
    "she knows who we all are, knows where she is, but she's boiling hot and her back aches",
])
def test_grown_ups_tiredness_and_dementia_and_knowing_people_are_no_911(assistant: Assistant, text: str) -> None:
    assert level(assistant, text) is not Level.EMERGENCY


@pytest.mark.parametrize("text", [
    "my husband is on a night shift and I can't wake the baby",
    "it's hard for me to wake her this morning",
])
def test_a_child_who_cannot_be_woken_stays_the_sign(assistant: Assistant, text: str) -> None:
    assert level(assistant, text) is Level.EMERGENCY
