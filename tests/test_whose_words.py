"""Whose sign it is, numbers said in other orders, and signs that are over: classes left open on #7 (2026-11-26).

Each case is written in our own words for a class seen in the tuning files, never a tuning line itself.
"""

from __future__ import annotations

import pytest

from helpers import found, level
from voicecare.domain import Level, Status
from voicecare.understanding.assistant import Assistant
from voicecare.understanding.matching import Matcher


@pytest.mark.parametrize(("text", "expected"), [
    # The caller says who they are, with whose kin they are ("the", "his"): the signs after it are the child's.
    ("I'm the mum, her lips are blue", Level.EMERGENCY),
    ("I am his nan, she has gone floppy", Level.EMERGENCY),
    ("the father of the child here, the leg is sleeping and his back hurts", Level.URGENT),
    # "It's ... who": a cleft says who has the sign, not who calls.
    ("it's the mum who has the fever", Level.UNCLEAR),
    ("it's mum who has the fever", Level.UNCLEAR),
])
def test_the_caller_naming_themself_is_not_someone_else(assistant: Assistant, text: str, expected: Level) -> None:
    assert level(assistant, text) is expected


def test_someone_elses_list_of_signs_stays_theirs_past_the_cues_reach(matcher: Matcher) -> None:
    # The father's back pain "and the leg": one list, his, however far from "father" it runs.
    got = found(matcher, "the father of the child has very strong pain in the back and the leg is sleeping, "
                         "what pills can he take")
    assert got.get("limb_symptoms") is Status.OTHER


def test_a_list_past_the_reach_needs_its_joiner(matcher: Matcher) -> None:
    # Far from "my husband", with no "and" joining it to his signs, the fever may be the child's (rule 4).
    got = found(matcher, "my husband has a sore back from lifting the sofa all day yesterday, she has a fever")
    assert got.get("fever") is Status.PRESENT


@pytest.mark.parametrize(("text", "expected"), [
    # A weight said newest first: the later-said one is from before by its own words (was, last month, ago).
    ("she's 11 kilos, was 12 last month, her back hurts", Level.URGENT),
    ("weighed 12.1 kg today, at the health visitor six weeks ago 12.9 kg, sore back", Level.URGENT),
    # ...and the other way round, or someone else's weight, is no loss.
    ("she's 12 kilos, was 11 last month, her back hurts", Level.HOME_CARE),
    ("she is 11 kilos, her brother was 12 last month, her back hurts", Level.HOME_CARE),
    # "from 15.0 to 14.3 kilos": the first number takes the unit said with the second.
    ("he's gone from 15.0 to 14.3 kilos and his back is sore", Level.URGENT),
    ("he's gone from 14.3 to 15.0 kilos and his back is sore", Level.HOME_CARE),
])
def test_weights_said_in_any_order(assistant: Assistant, text: str, expected: Level) -> None:
    assert level(assistant, text) is expected


@pytest.mark.parametrize(("text", "expected"), [
    # A count taken over a span said first as counted: 16 in 15 seconds is 64 a minute, very slow.
    ("I did 15 secs and got 16 beats, he's so pale, sore back", Level.EMERGENCY),
    ("counted his heart for 15 seconds like the nurse showed me and got 16, sore back", Level.EMERGENCY),
    # 20 breaths in 30 seconds is 40 a minute: not above 40.
    ("I did 30 seconds and got 20 breaths, sore back", Level.HOME_CARE),
    # Days are no counting span: "for 2 days" stays a duration, the 39 a temperature.
    ("back sore for 2 days and 39 today", Level.URGENT),
])
def test_a_count_after_the_span_it_was_counted_over(assistant: Assistant, text: str, expected: Level) -> None:
    assert level(assistant, text) is expected


def test_a_reading_said_below_a_signs_threshold_denies_it(matcher: Matcher) -> None:
    got = found(matcher, "99.4, which I know is below the fever line, and a sore back from football")
    assert got.get("fever") is Status.ABSENT


@pytest.mark.parametrize(("text", "expected"), [
    # A beat that felt fast, then counted in the normal band at rest: the count settles it (rule 9).
    ("his heart was pounding after the slide, so I counted when he sat still, 27 in 15 seconds, back tight",
     Level.HOME_CARE),
    ("her heart felt like it was racing, I counted 110 a minute, sore back", Level.HOME_CARE),
    # Counted first and felt racing after: the later statement stands; a count outside the band denies nothing.
    ("pulse 120, now his heart is racing, back sore", Level.EMERGENCY),
    ("his heart is racing, 150, back sore", Level.EMERGENCY),
])
def test_a_normal_count_settles_a_beat_that_felt_fast(assistant: Assistant, text: str, expected: Level) -> None:
    assert level(assistant, text) is expected


@pytest.mark.parametrize(("text", "expected"), [
    # Going limp while carried to a nap or to bed is falling asleep.
    ("she went all floppy on my shoulder at naptime, she always does that, back a bit stiff", Level.HOME_CARE),
    # Floppy after the nap, still floppy, or not waking stays the sign (when unsure, escalate).
    ("she's floppy after her nap, back sore", Level.EMERGENCY),
    ("he went floppy at bedtime and I can't wake him", Level.EMERGENCY),
    ("she's still floppy from her nap", Level.EMERGENCY),
])
def test_going_limp_at_nap_time_is_falling_asleep(assistant: Assistant, text: str, expected: Level) -> None:
    assert level(assistant, text) is expected


def test_a_usual_rate_said_a_few_words_back_is_no_reading_now(assistant: Assistant) -> None:
    assert level(assistant, "his pulse is 180 and normally it is about 105, back sore") is Level.EMERGENCY


@pytest.mark.parametrize(("text", "expected"), [
    # Lips that went blue in the cold and are pink again: over (said in the past only).
    ("his lips went blue in the cold pool but they're pink again now, back a bit tight", Level.HOME_CARE),
    ("her lips were blue after the paddling pool, her colour came back once she was dry, sore back", Level.HOME_CARE),
    # Blue now stays a sign whatever was said before.
    ("his lips are blue, they were pink again for a bit", Level.EMERGENCY),
    # Warm said of a shower or a bath is no fever; said of the child it is.
    ("after a warm shower he went to bed, his back is a bit tight", Level.HOME_CARE),
    ("gave him a warm shower, he is warm and flushed", Level.URGENT),
])
def test_a_sign_over_and_a_warm_thing(assistant: Assistant, text: str, expected: Level) -> None:
    assert level(assistant, text) is expected


@pytest.mark.parametrize(("text", "expected"), [
    # A word of fullness between a number and its unit.
    ("her back has hurt for three whole days", Level.FOLLOW_UP),
    ("two full weeks of back pain now", Level.FOLLOW_UP),
    # A verb of the state going on is no deed: the span is the pain's.
    ("the back pain has now lasted for three days", Level.FOLLOW_UP),
    ("his sore back has now persisted for four days", Level.FOLLOW_UP),
    # A deed done for a span stays the deed's.
    ("he was potty trained for a year and his back is sore", Level.HOME_CARE),
])
def test_spans_said_in_other_words(assistant: Assistant, text: str, expected: Level) -> None:
    assert level(assistant, text) is expected


@pytest.mark.parametrize(("text", "expected"), [
    # An hour said at night without "am": waking in pain then is night pain.
    ("she goes down fine at bedtime, but at about 3 she's awake screaming and holding her back", Level.URGENT),
    ("he was asleep by 7, then around 1 he's awake and sobbing, rubbing his back", Level.URGENT),
    # An hour of the day, or a bedtime, is no waking at night.
    ("she went to bed at 7 and her back is sore", Level.HOME_CARE),
])
def test_an_hour_said_of_the_night(assistant: Assistant, text: str, expected: Level) -> None:
    assert level(assistant, text) is expected


@pytest.mark.parametrize(("text", "reminded"), [
    # A doctor's check said as done silences "if a doctor has not checked it" (review F27) and counts nothing.
    ("she's been seen by the GP, her back is still a bit stiff", False),
    ("the doctor checked him yesterday, his back is still sore", False),
    # Nobody said: the reminder stays.
    ("her back is a bit stiff after the park", True),
])
def test_a_check_said_as_done_silences_the_reminder(assistant: Assistant, text: str, reminded: bool) -> None:
    result = assistant.answer(text)
    unchecked = assistant.intents.topics[0].messages["unchecked"]
    assert result.disposition is Level.HOME_CARE
    assert any(m.text == unchecked for m in result.messages) is reminded
    assert [f.symptom.id for f in result.findings] == ["back_spasm"]


def test_a_check_said_alone_is_no_sign(assistant: Assistant) -> None:
    assert level(assistant, "she's been seen by the GP") is Level.UNCLEAR


@pytest.mark.parametrize(("text", "expected"), [
    # A time long gone that opens its sentence reaches over a long story in it.
    ("Last winter he had a really nasty chest infection with a high fever. Today his back is just tight.",
     Level.HOME_CARE),
    # A new time in the sentence ("now") ends it.
    ("Last week she had a cold and now she has a fever and a sore back", Level.URGENT),
])
def test_a_time_long_gone_opening_the_sentence(assistant: Assistant, text: str, expected: Level) -> None:
    assert level(assistant, text) is expected


@pytest.mark.parametrize(("text", "expected"), [
    # Sleepy after a big day out, at a nap, or waking easily is a tired toddler.
    ("she's really sleepy tonight after a big day at the zoo, back a bit sore", Level.HOME_CARE),
    ("very sleepy, wakes easily though, sore back", Level.HOME_CARE),
    # Hard to wake, or not waking properly, stays the sign whatever the day was.
    ("he is very sleepy and hard to wake after a big day", Level.EMERGENCY),
    ("she's very drowsy after her nap and won't wake properly", Level.EMERGENCY),
    ("he's very drowsy, back sore", Level.EMERGENCY),
])
def test_a_tired_toddler_is_not_very_drowsy(assistant: Assistant, text: str, expected: Level) -> None:
    assert level(assistant, text) is expected


@pytest.mark.parametrize(("text", "expected"), [
    # Not waking once asleep is sleeping through; kept from dropping off is pain keeping the child awake.
    ("she doesn't wake up once she's asleep, her back hurts", Level.HOME_CARE),
    ("the pain keeps him from dropping off, he tosses and turns for ages", Level.FOLLOW_UP),
    # Not waking, or dropping off again and again, stays the sign.
    ("she won't wake up after her nap", Level.EMERGENCY),
    ("she keeps dropping off", Level.EMERGENCY),
])
def test_sleeping_through_and_kept_awake(assistant: Assistant, text: str, expected: Level) -> None:
    assert level(assistant, text) is expected


@pytest.mark.parametrize(("text", "expected"), [
    # "I have to ..." is no sign of the caregiver's, and shaking the child to rouse her is no chill or fit:
    # the child not answering stays hers.
    ("when I say her name she won't answer, I have to shake her hard before she opens her eyes", Level.EMERGENCY),
    ("I had to shake him to get him up this morning, his back is stiff", Level.HOME_CARE),
    # The caregiver's own sign stays theirs; the child shaking stays a sign.
    ("I have a fever and his back hurts", Level.HOME_CARE),
    ("she started to shake all over and won't answer", Level.EMERGENCY),
])
def test_having_to_shake_the_child(assistant: Assistant, text: str, expected: Level) -> None:
    assert level(assistant, text) is expected


@pytest.mark.parametrize("text", [
    # Someone named as the child's inside the sign's words is what the sign is about, not whose it is.
    "he doesn't know his own brother's name",
    "she doesn't recognise her own grandma's face",
])
def test_the_childs_kin_inside_a_sign(matcher: Matcher, text: str) -> None:
    assert found(matcher, text).get("confusion") is Status.PRESENT


@pytest.mark.parametrize(("text", "expected"), [
    # A weight named by its cue word, then a bare one said as from before: the same measure, compared by time.
    ("he weighs 13.1 now, at his checkup in June he was 13.9, sore back", Level.URGENT),
    ("her weight is 11.2 now and it was 12 at her last check, back sore", Level.URGENT),
    # A small whole number said of the child is an age, no weight: "he is 2".
    ("he weighs 13 kilos, he is 2, back sore", Level.HOME_CARE),
    # ...but a temperature said the same way is still a temperature.
    ("he is 39, back sore", Level.URGENT),
])
def test_weights_named_once_and_ages(assistant: Assistant, text: str, expected: Level) -> None:
    assert level(assistant, text) is expected


@pytest.mark.parametrize(("text", "expected"), [
    # "It is" points back at the measure named earlier in the sentence, however far.
    ("I counted his pulse on the wrist while he was lying quietly on the sofa and it's only about 55", Level.EMERGENCY),
    ("I checked her temperature under the arm after her nap and it was about 38.6, back sore", Level.URGENT),
])
def test_it_is_points_back_at_the_measure(assistant: Assistant, text: str, expected: Level) -> None:
    assert level(assistant, text) is expected


@pytest.mark.parametrize(("text", "expected"), [
    # A word of youth said as a word of degree ("small small": a little) names no other child: the nephew is the child.
    ("my nephew he has shivers small small and back pain", Level.URGENT),
    # Said as a child ("the small one", "my little one"), another child is named and the nephew is someone else.
    ("my nephew fainted, the small one has a sore back", Level.HOME_CARE),
])
def test_a_word_of_youth_names_a_child_only_as_a_noun(assistant: Assistant, text: str, expected: Level) -> None:
    assert level(assistant, text) is expected
