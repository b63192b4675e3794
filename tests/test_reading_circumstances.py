"""Readings in their circumstances: counted over a window, read off a device, at rest or not, on which day."""

from __future__ import annotations

import pytest

from helpers import level
from voicecare.domain import IntentSet, Level
from voicecare.understanding import quantities
from voicecare.understanding.assistant import Assistant


def test_a_count_over_a_window_is_read_as_a_rate_over_that_window(intents: IntentSet) -> None:
    words = intents.language.tokens("I counted 12 breaths in 15 seconds")
    (count,) = quantities.read(words, intents.language.numbers)
    assert (count.value, count.per, count.per_count) == (12.0, "second", 15.0)


@pytest.mark.parametrize(("text", "expected"), [
    # Scaled to a minute before the table: 12 in 15 seconds is 48, 24 in 30 seconds 48, 30 in 30 seconds 60.
    ("I counted 12 breaths in 15 seconds while she was resting on my lap, her back is sore", Level.EMERGENCY),
    ("twenty four breaths in thirty seconds while she's asleep and she keeps arching her back", Level.EMERGENCY),
    ("thirty breaths in thirty seconds when she's sitting still and her back's stiff", Level.EMERGENCY),
    ("he took 11 breaths in 10 seconds sitting still and his back hurts", Level.EMERGENCY),
    # 30 beats in 15 seconds is 120 a minute: normal, no 911 (it would be very slow as 30 a minute).
    ("30 beats in 15 seconds while she's calm, her back is just a bit stiff after the park", Level.HOME_CARE),
    # A corrected count over a window stays the heart rate it corrects, not a temperature of 44.
    ("Her heart rate was about 120... no wait, I recounted, it's 44 in 15 seconds while she's lying down.",
     Level.EMERGENCY),
    # A number no rate measure claims keeps its own meaning: a temperature that rose within two hours.
    ("her temperature went up to 101 in 2 hours and her back hurts", Level.URGENT),
])
def test_rates_counted_over_a_window_are_scaled_to_a_minute(assistant: Assistant, text: str, expected: Level) -> None:
    assert level(assistant, text) is expected


@pytest.mark.parametrize(("text", "expected"), [
    # The device named says which measure its readout is, however far back in the sentence.
    ("I put my smart watch on her wrist while she lay still and it says 190. Her back is in spasm.", Level.EMERGENCY),
    ("the heart rate on my watch says a hundred and twenty and her back is sore", Level.HOME_CARE),
    # A cue within the usual reach still beats one reached only over the readout.
    ("the pulse reading on her toe clip app says 55 and her back hurts", Level.EMERGENCY),
    # Beats and breaths are counted: a number with a decimal part is a temperature, not a breathing rate.
    ("her breathing is ok, it says 38.6 and her back hurts", Level.URGENT),
])
def test_a_device_readout_is_what_the_device_measures(assistant: Assistant, text: str, expected: Level) -> None:
    assert level(assistant, text) is expected


@pytest.mark.parametrize(("text", "expected"), [
    # With a resting reading given too, the crying one gives way: the table is for a child at rest.
    ("His heart rate was 170 while he was screaming but 120 once he calmed down. Back spasm after climbing.",
     Level.HOME_CARE),
    ("When she was screaming her pulse was 175, at rest it's 125, but she's also 38.6. Back spasms since today.",
     Level.URGENT),
    # Alone, a rate taken while crying still counts (rule 4: doubt escalates).
    ("her pulse was 175 while she was crying and her back hurts", Level.EMERGENCY),
    # ...and a resting reading over the line counts whatever the crying one was.
    ("pulse 150 while screaming but 175 once she calmed down, back sore", Level.EMERGENCY),
])
def test_the_resting_reading_counts_when_both_are_given(assistant: Assistant, text: str, expected: Level) -> None:
    assert level(assistant, text) is expected


@pytest.mark.parametrize(("text", "expected"), [
    # Rule 9: today's normal reading replaces an earlier day's high one.
    ("She had a fever of 38.5 yesterday but it's 36.9 today. Her back's been tight since yesterday.", Level.HOME_CARE),
    ("he was 38.7 last night but he's 37.0 now and his back is stiff", Level.HOME_CARE),
    # The same day's high reading still counts ("after medicine" is no new day).
    ("she was 38.5 this morning and 37.2 after medicine, her back is sore", Level.URGENT),
    # A later reading from the earlier day replaces nothing.
    ("he was 38.7 yesterday and 37.0 yesterday evening, his back is stiff today", Level.URGENT),
])
def test_a_later_days_normal_reading_replaces_an_earlier_days_high_one(assistant: Assistant, text: str,
                                                                       expected: Level) -> None:
    assert level(assistant, text) is expected


@pytest.mark.parametrize(("text", "expected"), [
    # Counted from the day named as today, never from the clock: together these fail on any real weekday.
    ("Today is Sunday and her back has been tight since Friday.", Level.HOME_CARE),
    ("Today is Sunday and her back has been tight since Wednesday.", Level.FOLLOW_UP),
    ("it's tuesday today and his back has been sore since sunday", Level.HOME_CARE),
])
def test_since_a_day_counts_from_the_day_named_as_today(assistant: Assistant, text: str, expected: Level) -> None:
    assert level(assistant, text) is expected


@pytest.mark.parametrize(("text", "expected"), [
    # Policy: "a lower reading and nothing else" is no fever, but rule 10 counts "not sure if" as the sign
    # and rule 4 escalates when unsure. A reading the caregiver doubts ("it says 37.8 but...") leaves the
    # sign they were unsure of standing: rules 10 and 4 win over the table's "nothing else" row.
    ("I'm not sure if she has a fever, it says 37.8 but her face is flushed, and her back hurts.", Level.URGENT),
    # A reading that settles the doubt denies it (the later statement wins, rule 9).
    ("I think she had fever but I check, 36.5, normal. Her back is a bit stiff.", Level.HOME_CARE),
])
def test_a_doubted_normal_reading_leaves_an_unsure_sign_standing(assistant: Assistant, text: str,
                                                                 expected: Level) -> None:
    assert level(assistant, text) is expected


@pytest.mark.parametrize(("text", "expected"), [
    # Policy table: fewer wet diapers than usual is a bladder problem (follow_up).
    ("Went from 6 wet nappies a day to 3 since her back started hurting yesterday.", Level.FOLLOW_UP),
    ("she's gone from 7 wet diapers a day to 5 and her back is stiff", Level.FOLLOW_UP),
    ("six wet nappies a day as usual and her back is a bit stiff", Level.HOME_CARE),
])
def test_fewer_wet_diapers_than_before(assistant: Assistant, text: str, expected: Level) -> None:
    assert level(assistant, text) is expected


@pytest.mark.parametrize(("text", "expected"), [
    # A rate is only ever a heart or breathing rate: its cue may stand anywhere in its sentence.
    ("i counted his breaths like my sister told me to and it's um fifty something in a minute and he's on my lap",
     Level.EMERGENCY),
    ("we checked her heart with the app my sister sent me and it's about fifty a minute, her back hurts",
     Level.EMERGENCY),
])
def test_a_rate_takes_the_cue_of_its_sentence(assistant: Assistant, text: str, expected: Level) -> None:
    assert level(assistant, text) is expected


@pytest.mark.parametrize(("text", "expected"), [
    # An age or a weight said with "still" is no pain that has lasted months.
    ("He's 14 months, still in nappies, back a bit stiff after cruising round the furniture all day.", Level.HOME_CARE),
    ("Weighed her today: still 13 kilos like last month, and her back's just a little tight.", Level.HOME_CARE),
    # ...while weeks of pain still are.
    ("her back has been sore for weeks and it still hurts", Level.FOLLOW_UP),
])
def test_still_with_a_month_is_no_duration_of_pain(assistant: Assistant, text: str, expected: Level) -> None:
    assert level(assistant, text) is expected


@pytest.mark.parametrize(("text", "expected"), [
    # "since then" counts from the time said before it: last week is more than a few days.
    ("she had a fever last week that's gone but her back's been sore since then", Level.FOLLOW_UP),
    # A joiner said fast still joins: "a hundred an two" is 102, a fever.
    ("Di baby have fever, mi check it, it a hundred an two, an she a bawl fi her back.", Level.URGENT),
])
def test_since_then_and_numbers_said_fast(assistant: Assistant, text: str, expected: Level) -> None:
    assert level(assistant, text) is expected


@pytest.mark.parametrize(("text", "expected"), [
    # Waking the child oneself for a dose is no pain that wakes her (an ordinary circumstance of night pain).
    ("Do I need to wake her in the night to give her medicine for her back?", Level.HOME_CARE),
    # ...but said with pain or crying, it stays the sign.
    ("she keeps waking in the night crying so I give her medicine, her back hurts", Level.URGENT),
    ("should I wake him at night for his next dose of ibuprofen, his back hurts at night", Level.URGENT),
])
def test_waking_her_for_a_dose_is_no_night_pain(assistant: Assistant, text: str, expected: Level) -> None:
    assert level(assistant, text) is expected


@pytest.mark.parametrize(("text", "expected"), [
    # Days counted between two dates of the month, from the date named as today (never the clock here).
    ("His back's been bothering him since the start of the month, and it's the 20th today.", Level.FOLLOW_UP),
    ("today is the 5th and her back has been sore since the 3rd", Level.HOME_CARE),
    ("her back has hurt since the 28th and it's the 2nd today", Level.FOLLOW_UP),
])
def test_since_a_date_counts_to_the_date_named_as_today(assistant: Assistant, text: str, expected: Level) -> None:
    assert level(assistant, text) is expected


@pytest.mark.parametrize(("text", "expected"), [
    # Policy table: fewer wet diapers than usual (follow_up); any weight lost (urgent).
    ("she's had 4 wet nappies today, usually 6, back sore", Level.FOLLOW_UP),
    ("only 4 wet diapers today instead of the usual 7 and her back hurts", Level.FOLLOW_UP),
    ("he's 12 kilos now, usually 13, and his back hurts", Level.URGENT),
    # What is usual is no reading now: a usual of 2 by lunch is not "3 or fewer today".
    ("she usually has 2 wet nappies by lunch, back a bit sore", Level.HOME_CARE),
    ("she usually has 6 wet nappies and today she had 6, her back is stiff", Level.HOME_CARE),
])
def test_a_reading_below_what_is_usual_is_a_drop(assistant: Assistant, text: str, expected: Level) -> None:
    assert level(assistant, text) is expected
