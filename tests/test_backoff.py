"""Red flags guessed from words pointing at them (the backoff), oxygen readings, and the tester's classes (#7)."""

from __future__ import annotations

from pathlib import Path

import pytest

from helpers import found, level
from voicecare.domain import Basis, IntentSet, Level, MessageKind, Status
from voicecare.intents import problems_of
from voicecare.understanding.assistant import Assistant
from voicecare.understanding.matching import Matcher


@pytest.mark.parametrize(("text", "symptom"), [
    # Hard to wake, said as not getting up: no phrase of the sign, only words pointing at it.
    ("my baby is not getting up from sleep", "very_drowsy"),
    ("he won't get up from his nap, I've tried shaking him", "very_drowsy"),
    # ("hes not getting enough air" was a guess here; a pattern of another branch now hears it as said.)
    ("his breathing sounds scary and his back hurts", "trouble_breathing"),
    ("his heart feels weird and his back hurts", "abnormal_heart_rate"),
])
def test_words_pointing_at_a_red_flag_make_it_a_guess(assistant: Assistant, text: str, symptom: str) -> None:
    result = assistant.answer(text)
    assert result.disposition is Level.EMERGENCY
    (guess,) = [f for f in result.findings if f.symptom.id == symptom]
    assert (guess.status, guess.basis, guess.uncertain) == (Status.PRESENT, Basis.GUESSED, True)


def test_a_guess_is_read_back_as_one_never_as_heard(assistant: Assistant) -> None:
    """Rule 14: "I heard" only for what was said; rule 4: the guess still calls 911 first."""
    result = assistant.answer("his breathing sounds scary")
    assert result.messages[0].kind is MessageKind.EMERGENCY
    readback = " ".join(m.text for m in result.messages if m.kind is MessageKind.READBACK)
    assert "not sure" in readback and "trouble breathing" in readback
    assert "I heard" not in readback


@pytest.mark.parametrize("text", [
    # Denied, someone else's, in the past, or ordinary: the same context rules as any mention.
    "he is not struggling to breathe, his back is sore",
    "my husband is not getting enough air, he has asthma",
    "her breathing was weird last week but it's fine now, her back is tight",
    # The words of another mention are explained already: "not breathing hard" denies, it guesses nothing.
    "she isn't breathing hard and she isn't feverish her back is just tight",
    "she's not confused she's awake and chatty just grabbing her back after climbing",
])
def test_no_guess_where_the_context_rules_say_no(assistant: Assistant, text: str) -> None:
    assert level(assistant, text) is not Level.EMERGENCY


def test_no_guess_once_an_emergency_was_heard(matcher: Matcher) -> None:
    """An emergency found, nothing is left to guess: the guess would only add noise to the read-back."""
    got = found(matcher, "she is gasping and her heart feels weird")
    assert got == {"trouble_breathing": Status.PRESENT}


@pytest.mark.parametrize(("text", "urgent", "guessed"), [
    ("she has a fever and her heart feels weird", "fever", "abnormal_heart_rate"),
    ("he's got a fever and his lips look kind of navy", "fever", "trouble_breathing"),
    ("fever since yesterday and now she's not reacting to me", "fever", "very_drowsy"),
    ("his legs are tingly and his lips look sort of slate coloured", "limb_symptoms", "trouble_breathing"),
])
def test_an_urgent_sign_leaves_emergency_guesses_open(assistant: Assistant, text: str, urgent: str,
                                                      guessed: str) -> None:
    """A fever found does not settle whether the child is blue or cannot be woken (rule 4): the emergency
    sign is still guessed, and read back as a guess (rule 14)."""
    result = assistant.answer(text)
    assert result.disposition is Level.EMERGENCY
    basis = {f.symptom.id: f.basis for f in result.findings if f.status is Status.PRESENT}
    assert basis[urgent] is Basis.SAID and basis[guessed] is Basis.GUESSED


def test_a_backoff_pattern_needs_two_groups(tmp_path: Path, intents: IntentSet) -> None:
    shipped = Path(__file__).parents[1] / "intents"
    import shutil

    shutil.copytree(shipped, tmp_path / "intents")
    topic = tmp_path / "intents" / "en" / "topics" / "back_spasm_toddler" / "topic.toml"
    text = topic.read_text(encoding="utf-8")
    topic.write_text(text.replace('backoff = [\n  "heart heartbeat', 'backoff = [\n  "heart",\n  "heart heartbeat', 1),
                     encoding="utf-8")
    assert any("backoff: 'heart' needs two or more word groups" in p for p in problems_of(tmp_path / "intents"))


@pytest.mark.parametrize(("text", "expected"), [
    # The tester's classes (#7).
    ("she's breathing but only barely", Level.EMERGENCY),
    ("he is not able to pee properly, it burns", Level.FOLLOW_UP),
    ("she can't poop properly, it hurts", Level.FOLLOW_UP),
    ("he seems to be getting weaker in his legs", Level.URGENT),
    ("his legs are getting weaker", Level.URGENT),
    ("he's getting weaker in his arms", Level.URGENT),
    ("he's lost weight the last month without us trying", Level.URGENT),
    ("she is walking like a penguin since her back went", Level.FOLLOW_UP),
    # The caregiver's own tiredness or faint, and idioms, are no 911.
    ("i'm so tired i can barely stay awake", Level.UNCLEAR),
    ("i nearly fainted myself when i saw it", Level.UNCLEAR),
    ("I passed out on the sofa and when I woke up his back was stiff", Level.HOME_CARE),
    ("she had a fit of giggles and now her back is sore", Level.HOME_CARE),
    ("he's breathless from laughing, his back is sore", Level.HOME_CARE),
    ("I'm the one who nearly fainted, her back is sore", Level.HOME_CARE),
    # ...but the child's are.
    ("she can barely stay awake and i am so tired", Level.EMERGENCY),
    ("she's much sleepier than normal it's really hard to get her up", Level.EMERGENCY),
    ("he was so sleepy, it was a struggle to get him up this morning", Level.EMERGENCY),
])
def test_tester_classes(assistant: Assistant, text: str, expected: Level) -> None:
    assert level(assistant, text) is expected


@pytest.mark.parametrize("text", ["she is having a fit, shaking all over",
                                  "he won't get up from his nap, I've tried shaking him"])
def test_shaking_in_a_fit_or_to_wake_is_no_chill(matcher: Matcher, text: str) -> None:
    assert "chills" not in found(matcher, text)


@pytest.mark.parametrize(("text", "expected"), [
    # Beyond the sheet (docs/policy.md): under 92% at rest is trouble breathing.
    ("his oxygen is 88", Level.EMERGENCY),
    ("sats 89 percent", Level.EMERGENCY),
    ("pulse ox says 91", Level.EMERGENCY),
    ("her sats are 89%", Level.EMERGENCY),
    ("oxygen 97 percent, his back is sore", Level.HOME_CARE),
    ("his oxygen is 93 and his back is sore", Level.HOME_CARE),
    # An oximeter's number is its saturation, even after a thermometer's word ("reads") that cannot hold it.
    ("pulse ox reads 87", Level.EMERGENCY),
    ("the oximeter says 87", Level.EMERGENCY),
    ("the pulse oximeter shows 86%", Level.EMERGENCY),
    # ...and its cue does not reach a later number: that is grandma's age, and the reading hers.
    ("Grandma's pulse oximeter reads 91 and she's 78.", Level.UNCLEAR),
])
def test_oxygen_saturation_under_92_is_trouble_breathing(assistant: Assistant, text: str, expected: Level) -> None:
    assert level(assistant, text) is expected
