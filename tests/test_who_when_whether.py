"""Who, when and whether (#7): people at home, continuations, pronouns after someone else's sign, hedges."""

from __future__ import annotations

import pytest

from helpers import found, level
from voicecare.domain import Level, Status
from voicecare.understanding.assistant import Assistant
from voicecare.understanding.matching import Matcher


@pytest.mark.parametrize("text", [
    "my wife is calling 911",
    "my wife's calling 911 right now",
    "her dad's ringing an ambulance",
    "my husband is on the phone with 911",
    "grandma called 911, her back is locked up",
    "the babysitter called 911",
])
def test_someone_at_home_calling_for_help_is_the_alarm(assistant: Assistant, text: str) -> None:
    # Rule 10: whoever in the home makes the call, it is this child's emergency, as "I'm calling 911" is.
    assert level(assistant, text) is Level.EMERGENCY


@pytest.mark.parametrize(("text", "expected"), [
    # A call for someone else, or long ago, is not this child's alarm.
    ("the neighbour called an ambulance for grandpa, my daughter's back is stiff", Level.HOME_CARE),
    ("my husband called 911 last week when he hurt his back, now my son's back is sore", Level.HOME_CARE),
    ("my wife is not calling 911, it's only a sore back", Level.HOME_CARE),
    ("should my husband call 911? her back is tight", Level.HOME_CARE),
    ("his dad rang 911 when he fell off the bike last year, today his back is just a bit sore", Level.HOME_CARE),
    ("should we be ringing an ambulance for a sore back", Level.HOME_CARE),
])
def test_a_call_for_someone_else_or_long_ago_is_no_alarm(assistant: Assistant, text: str, expected: Level) -> None:
    assert level(assistant, text) is expected


@pytest.mark.parametrize("text", [
    # The "not" of "hasn't gone", "hasn't passed" denies the sign that the word of being over begins.
    "she hasn't passed out, her back is sore",
    "he ain't passed out nor nothing, just a sore back",
    "her lips haven't gone blue, her back is stiff",
    "she hasn't gone floppy, her back hurts",
])
def test_not_before_a_sign_that_begins_with_a_word_of_being_over_denies_it(assistant: Assistant, text: str) -> None:
    assert level(assistant, text) is Level.HOME_CARE


@pytest.mark.parametrize(("text", "expected"), [
    # Said where the clause ends, the same words still say the sign is not over.
    ("the fever hasn't gone", Level.URGENT),
    ("the fever has not gone away and she is shivering", Level.URGENT),
    ("she had chills and they have not gone", Level.URGENT),
    ("the spasm hasn't eased at all", Level.URGENT),
])
def test_not_over_at_the_end_of_a_clause_keeps_the_sign(assistant: Assistant, text: str, expected: Level) -> None:
    assert level(assistant, text) is expected


@pytest.mark.parametrize(("text", "expected"), [
    # A pronoun of someone else's gender after their sign names them again (rule 9) ...
    ("my sister had a fever of 38.6 and she is shivering", Level.UNCLEAR),
    ("my husband has a fever and he is shivering, her back is sore", Level.HOME_CARE),
    ("my son's back is sore after football no fever my wife she has fever", Level.HOME_CARE),
    # ... one of another gender is the child's, and so is one the child is said to share (rule 4).
    ("my sister has a fever, and he is shivering", Level.URGENT),
    ("my husband has a fever and she is shivering", Level.URGENT),
    ("her sister has a fever and she is shivering", Level.URGENT),
    ("my daughter's back is sore, my sister has a fever and she is shivering", Level.URGENT),
])
def test_a_pronoun_after_someone_elses_sign(assistant: Assistant, text: str, expected: Level) -> None:
    assert level(assistant, text) is expected


@pytest.mark.parametrize(("text", "expected"), [
    # "and it won't stop", "and it keeps going" say the verb in progress goes on: said, and lasting, never denied.
    ("she's bleeding and it won't stop", Level.URGENT),
    ("his knee is bleeding and it keeps going", Level.URGENT),
    ("her back is hurting and it won't stop", Level.FOLLOW_UP),
    # Nothing in progress before it: nothing is written out.
    ("she's crying and it won't stop", Level.UNCLEAR),
])
def test_a_continuation_keeps_the_sign_going(assistant: Assistant, text: str, expected: Level) -> None:
    assert level(assistant, text) is expected


def test_a_continuation_is_read_back_as_going_on(matcher: Matcher) -> None:
    assert found(matcher, "she's bleeding and it won't stop") == {"serious_illness_outside_topic": Status.PRESENT}


@pytest.mark.parametrize(("text", "expected"), [
    # Warm again after being cold is no fever ...
    ("he was shivering when he got out of the pool but he's warm now and dry, just his back's a bit crampy",
     Level.HOME_CARE),
    ("he was shivering after the bath but he's warm now, his back is sore", Level.HOME_CARE),
    # ... the shivering is judged as said (warm is not over), and warmth said without a cold before may be one.
    ("she was shivering but she's warm now", Level.URGENT),
    ("she's shivering, warm now", Level.URGENT),
    ("daycare said he ran 101 at pickup, he still feels warm now, his back hurts", Level.URGENT),
    ("she was burning up earlier and she's warm now", Level.URGENT),
])
def test_warm_again_after_the_cold(assistant: Assistant, text: str, expected: Level) -> None:
    assert level(assistant, text) is expected


@pytest.mark.parametrize("text", [
    # Worry and doubt are hedges (rules 4 and 10), never the caregiver's own sign.
    "I'm worried he's not breathing right",
    "not sure if she's struggling to breathe",
    "I'm not sure whether she's struggling to breathe",
    "I'm afraid she's not waking up properly",
])
def test_worry_and_doubt_about_the_child_count(assistant: Assistant, text: str) -> None:
    assert level(assistant, text) is Level.EMERGENCY


@pytest.mark.parametrize(("text", "expected"), [
    # "Ain't" typed without its apostrophe is still "is not".
    ("my wifes callin 911 on the other phone she says the boy aint breathin right", Level.EMERGENCY),
    # Not waking with the pain is sleeping through it, not being hard to wake (rule 2 is for "won't wake up").
    ("nah she's not waking up with it, she sleeps right through, her back is just sore", Level.HOME_CARE),
    ("his back is achy, no fever, he aint wakin up at night", Level.HOME_CARE),
    # The caregiver's own left leg is theirs.
    ("it's me, my own back's been giving out and my left leg goes dead in the truck, what can I take", Level.UNCLEAR),
])
def test_who_said_it_and_whether(assistant: Assistant, text: str, expected: Level) -> None:
    assert level(assistant, text) is expected


@pytest.mark.parametrize(("text", "expected"), [
    # A holiday long gone is the past (rule 9).
    ("It were last Christmas he had that high temperature, nowt since. Today he's just got a stiff back", Level.HOME_CARE),
    # "From Monday ... today Thursday" is three days; "from" with no day right after it starts nothing.
    ("Mi grandbaby back a hurt her from Monday, today Thursday. No fever", Level.FOLLOW_UP),
    ("her back has been sore from last friday", Level.FOLLOW_UP),
    ("We got back from grandma's on Sunday, her back is sore", Level.HOME_CARE),
])
def test_when_it_was(assistant: Assistant, text: str, expected: Level) -> None:
    assert level(assistant, text) is expected


@pytest.mark.parametrize(("text", "expected"), [
    # A time long gone said after a list of signs is the whole list's ...
    ("she had a fever and chills last week, her back is sore", Level.HOME_CARE),
    # ... but not of a sign said with a verb of its own.
    ("she has a fever and had chills last week", Level.URGENT),
])
def test_a_time_after_a_list_of_signs(assistant: Assistant, text: str, expected: Level) -> None:
    assert level(assistant, text) is expected


@pytest.mark.parametrize(("text", "expected"), [
    # A child in a programme or a story is someone else (rule 9).
    ("we were watching a programme where a child couldnt breathe and it frightened me but hes fine, "
     "hes just a bit sore in the back from the trampoline", Level.HOME_CARE),
    ("Mi watch one show pon TV las night wid a pickney who couldn't breathe, it frighten mi", Level.UNCLEAR),
    ("we saw a kid on tv who couldn't breathe and now she is wheezing", Level.EMERGENCY),
])
def test_a_child_on_screen_is_someone_else(assistant: Assistant, text: str, expected: Level) -> None:
    assert level(assistant, text) is expected


@pytest.mark.parametrize(("text", "expected"), [
    # "Wet herself" is said in the past: months ago, and sorted, it is history (rule 9) ...
    ("She wet herself once at a party months ago and that was sorted, now it's just sore back muscles",
     Level.HOME_CARE),
    # ... an hour ago it is now, and "wet" as a word of nappies is no verb of the past.
    ("she wet herself at nursery an hour ago and she's potty trained, her back hurts", Level.EMERGENCY),
    ("fewer wet diapers than normal today and shes fussing about her back", Level.FOLLOW_UP),
])
def test_wet_said_in_the_past(assistant: Assistant, text: str, expected: Level) -> None:
    assert level(assistant, text) is expected


def test_a_breathing_count_said_without_its_g_is_no_heart_rate(assistant: Assistant) -> None:
    text = "Her heart rate's about 120, I checked on my watch, and she's breathin maybe 24 a minute. Just a sore back."
    assert level(assistant, text) is Level.HOME_CARE


@pytest.mark.parametrize(("text", "expected"), [
    # "Not the normal cramp" says the cramp is unusual, no denial of it.
    ("Is not the normal cramp, the back is like stone for two hours, nothing helps", Level.URGENT),
    ("it's not a normal back cramp", Level.HOME_CARE),
])
def test_not_the_usual_sign_is_no_denial(assistant: Assistant, text: str, expected: Level) -> None:
    assert level(assistant, text) is expected


@pytest.mark.parametrize(("text", "expected"), [
    # "me wife she has" is one clause said twice, and the wife's (rule 9).
    ("it's for me wife she's got sciatica right down her leg and pins and needles in her toes what can she take",
     Level.UNCLEAR),
    # The child noun of someone named ("the father of my son") is theirs, no new subject.
    ("the father of my son has back pain and a fever", Level.UNCLEAR),
    ("the mother of the child has a fever, she is asking what she can take", Level.UNCLEAR),
    ("my other son has a fever and the baby is wheezing", Level.EMERGENCY),
])
def test_someone_named_with_their_own_words(assistant: Assistant, text: str, expected: Level) -> None:
    assert level(assistant, text) is expected


@pytest.mark.parametrize(("text", "expected"), [
    # A sign that may come later is a what-if, worried about or not (rule 9) ...
    ("I'm worried she might lose weight if the back pain puts her off her food. At present she's eating normally",
     Level.HOME_CARE),
    ("what if she might get a fever, her back is sore", Level.HOME_CARE),
    # ... a doubt about now is the sign (rule 10).
    ("I'm worried she might have a fever", Level.URGENT),
    ("she's going to get a fever, she feels hot", Level.URGENT),
])
def test_a_sign_that_may_come_later(assistant: Assistant, text: str, expected: Level) -> None:
    assert level(assistant, text) is expected


@pytest.mark.parametrize(("text", "expected"), [
    # A time gone by said in a comparison is no time of the sign: it is so now.
    ("he's wheezing worse than last week", Level.EMERGENCY),
    ("he is wheezing like last week", Level.EMERGENCY),
    ("her back hurts more than last week", Level.FOLLOW_UP),
    # Said as when it was, it is the past.
    ("he was wheezing as a baby, now just a sore back", Level.HOME_CARE),
    # The neighbours' children are someone else.
    ("the baby next door has a fever, my son has a tight back", Level.HOME_CARE),
])
def test_comparisons_and_the_neighbours(assistant: Assistant, text: str, expected: Level) -> None:
    assert level(assistant, text) is expected
