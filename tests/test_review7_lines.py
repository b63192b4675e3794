"""Classes from the lines an outside reviewer typed on 2026-11-26 (tests/data/fresh/review7_lines.tsv)."""

from __future__ import annotations

import pytest

from voicecare.domain import Level, Status
from voicecare.understanding.assistant import Assistant


@pytest.mark.parametrize("text", [
    # A habit of staying dry said beside a wetting or soiling today is the baseline that makes it new.
    "his back hurts. he had an accident in his undies and he never has accidents",
    "she had an accident at nursery today and she never has accidents",
    "he wet the bed last night and he never wets the bed",
    "he wet himself at the park and he never wets himself",
    "he pooped his pants today and he never poops his pants",
    "she wet the bed, she's been out of nappies for a year",
    "she peed through her pull-up and she's been dry for months",
    "she has diarrhea in her undies and she's potty trained, it just came out",
    "he peed on the floor and he doesn't have accidents anymore",
    "she pooped on the carpet, she's been using the potty for ages",
    "he wet the sofa and he's been out of pull-ups since summer",
    "he hasn't had an accident in months but he wet the bed last night",
    # "Never does that" pointing back at the deed.
    "she had an accident, which she never does, back sore",
    "he wet his pants, he never does that",
    # The first in a long time is new.
    "her first accident in a year, and her back is sore",
])
def test_a_habit_beside_the_deed_makes_it_new(assistant: Assistant, text: str) -> None:
    assert assistant.answer(text).disposition is Level.EMERGENCY, text


@pytest.mark.parametrize("text", [
    # The habit alone, or the deed denied or only wondered about, is no loss of control.
    "she's potty trained and has never had an accident, her back is sore",
    "she never had an accident in her undies, she's potty trained, just a sore back",
    "what if he has an accident, he's potty trained, his back hurts",
    "my nephew had an accident and he never has accidents, my son's back is sore",
    "he's always dry, his back is sore",
    "she stays dry at night, her back is sore",
    "she never wets the bed and didn't wet it last night, back sore",
    "she never did have an accident, back sore",
    # Going where one should is no accident.
    "she's potty trained and peed in the toilet, back sore",
    # The sign's ordinary circumstances explain a deed beside a habit too (in nappies, still learning).
    "he's potty trained in the day but still in nappies at night, he wet the bed, his back is sore",
])
def test_the_habit_alone_is_no_sign(assistant: Assistant, text: str) -> None:
    assert assistant.answer(text).disposition is Level.HOME_CARE, text


@pytest.mark.parametrize("text", [
    # A denial whose object is a sign word that made no mention ends at the comma.
    "no accidents, back hurts",
    "he never has accidents, back hurts",
    "she never has accidents, sore back",
])
def test_a_denial_of_nothing_found_stops_at_the_comma(assistant: Assistant, text: str) -> None:
    found = {f.symptom.id: f.status for f in assistant.understand(text)}
    assert found.get("back_spasm") is Status.PRESENT, (text, found)


@pytest.mark.parametrize("text", [
    # A word of our own after a subject alone is itself, not a sound-alike of another ("stopped" is no "stooped").
    "her back hurts but she stopped crying now",
    "she stopped playing, her back is sore",
    "he stopped fussing after the bath, sore back",
])
def test_a_word_of_our_own_after_a_subject_is_itself(assistant: Assistant, text: str) -> None:
    assert assistant.answer(text).disposition is Level.HOME_CARE, text


def test_a_walker_who_stopped_walking_still_has_trouble_walking(assistant: Assistant) -> None:
    assert assistant.answer("he stopped walking, his back hurts").disposition is Level.FOLLOW_UP


@pytest.mark.parametrize("text", [
    # Breathing unlike ever before, out of its rhythm, or hard work at rest: trouble breathing in everyday words.
    "he's never breathed like this before, back spasm",
    "she's never breathed like that, her back is sore",
    "her breaths are all jerky",
    "his breathing is all choppy",
    "my daughter's breaths are uneven",
    # Lips or a heartbeat unlike ever before.
    "her lips have never looked like this",
    "his heart has never beaten like this",
    "her breaths are ragged and her back hurts",
    "his back hurts and he's puffing really hard just lying on the couch",
    "she's panting just sitting on the sofa",
    # Present in body only, or staring without answering: confusion.
    "he's awake but not really there",
    "she's not all there, her back is sore",
    "he's just staring and not answering me",
    "he's staring and won't answer us",
])
def test_emergency_signs_in_everyday_words(assistant: Assistant, text: str) -> None:
    assert assistant.answer(text).disposition is Level.EMERGENCY, text


@pytest.mark.parametrize("text", [
    # Pins and needles said as a texture, cramps nothing eases or that last and last, heat said as scorching.
    "his back hurts and he keeps saying his legs are fuzzy",
    "she says her feet feel staticky",
    "the spasm lasts forever and nothing helps",
    "the cramp goes on for ages",
    "the cramp won't quit, it lasts forever",
    "the spasm is bad and nothing we do helps",
    "her forehead is scorching",
    "his skin feels sizzling",
])
def test_urgent_signs_in_everyday_words(assistant: Assistant, text: str) -> None:
    assert assistant.answer(text).disposition is Level.URGENT, text


@pytest.mark.parametrize("text", [
    # The everyday circumstance that explains the same words keeps them no sign.
    "he was panting after running, now he's lying on the couch, sore back",
    "she's still dry in her pants and her back is sore",
    "he's staring at the tv and not answering me, his back is sore",
    "the pain is not really there anymore, his back is just a bit stiff",
])
def test_the_same_words_explained_are_no_sign(assistant: Assistant, text: str) -> None:
    assert assistant.answer(text).disposition is Level.HOME_CARE, text


@pytest.mark.parametrize("text", [
    # Not answering for a spell is a faint, however it is said.
    "for a few seconds she wouldn't react, then she cried about her back",
    "he wasn't answering me for a moment, now he's crying about his back",
    "few seconds never respond, now awake but very pale",
])
def test_not_answering_for_a_spell_is_a_faint(assistant: Assistant, text: str) -> None:
    assert assistant.answer(text).disposition is Level.EMERGENCY, text


def test_not_answering_while_watching_tv_is_no_faint(assistant: Assistant) -> None:
    text = "he didn't answer me for a minute because he was watching tv, his back is sore"
    assert assistant.answer(text).disposition is Level.HOME_CARE


@pytest.mark.parametrize("text", ["she's not wanting to walk", "her back hurts and he's not wanting to stand up"])
def test_not_wanting_to_walk_is_trouble_walking(assistant: Assistant, text: str) -> None:
    # The -ing form of "doesn't want to walk" (the outside review's "anything else?" answer): home care before.
    assert assistant.answer(text).disposition is Level.FOLLOW_UP, text


def test_no_longer_in_nappies_is_a_habit_beside_the_deed(assistant: Assistant) -> None:
    # "Not in nappies any more" says the child is past them: a wetting beside it is new (was follow_up).
    text = "he's not in nappies any more and he wet his pants today"
    assert assistant.answer(text).disposition is Level.EMERGENCY, text
    assert assistant.answer("he is still in nappies, he wet his pants").disposition is not Level.EMERGENCY
