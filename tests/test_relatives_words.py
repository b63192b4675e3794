"""Warning signs in a relative's everyday words, and the ordinary tiredness that is no sign (#7).

The families came from a fresh batch written without the code (tests/data/fresh/batch_aj_serious_seen.tsv) and
from the held-out false alarms said by "very sleepy or hard to wake": a child roused only by force, out for a few
seconds, down and not moving, the familiar seen as new, a cramp back again minutes later; and a toddler sleepy at
bedtime, after a big outing or a missed nap, or sleepy but eating and chatting, is no emergency. These sentences
are other wordings of the same families, not the batch's lines.
"""

from __future__ import annotations

import pytest

from helpers import level
from voicecare.domain import Level, Status
from voicecare.understanding.assistant import Assistant


def present(assistant: Assistant, text: str) -> set[str]:
    return {f.symptom.id for f in assistant.answer(text).findings if f.status is Status.PRESENT}


@pytest.mark.parametrize(("text", "symptom"), [
    # Roused only by force, or answering only to it.
    ("I had to shout right in her ear before she'd even answer me", "very_drowsy"),
    ("he only reacts when I shake him", "very_drowsy"),
    ("her eyes are half shut and she's not answering me", "very_drowsy"),
    ("she keeps slumping over at the table", "very_drowsy"),
    ("he's like a sack of potatoes in my arms", "very_drowsy"),
    # Out for a few seconds, down and not moving.
    ("she was out for a couple of seconds on the kitchen floor", "fainting"),
    ("he toppled over and didn't move for a few seconds", "fainting"),
    ("she went pale and crumpled in the hallway", "fainting"),
    ("he went down like a tree in the garden", "fainting"),
    # The familiar as if new, speech nobody can follow, a child mixed up.
    ("she looks at her own bedroom like she's never seen it before", "confusion"),
    ("he's muttering things I can't make head or tail of", "confusion"),
    ("he is mixed up and his back hurts", "confusion"),
    ("she's got no idea who her mummy is", "confusion"),
    ("he's looking straight past me", "confusion"),
    # Breaths with gaps, lips a violet colour.
    ("he takes a breath and then nothing and then another one", "trouble_breathing"),
    ("her lips look violet and her back is sore", "trouble_breathing"),
    # Upright to breathe, a seal's bark with each breath, a dark shade of the lips and fingers.
    ("he's sitting upright so he can breathe", "trouble_breathing"),
    ("her breathing sounds like a barking seal", "trouble_breathing"),
    ("her lips and fingers have gone a dark shade", "trouble_breathing"),
    # Too drowsy for what a child does; eyes open and straight back to sleep; down and not answering.
    ("he's too drowsy to feed", "very_drowsy"),
    ("he opens his eyes and drops straight back to sleep", "very_drowsy"),
    ("she hit the ground and wasn't answering me", "fainting"),
    # Not feeling the need to go, in a child who was trained.
    ("she can't feel when she needs to pee anymore", "loss_of_control"),
])
def test_a_sign_in_a_relatives_words_is_found(assistant: Assistant, text: str, symptom: str) -> None:
    assert symptom in present(assistant, text)
    assert level(assistant, text) is Level.EMERGENCY


@pytest.mark.parametrize("text", [
    # A cramp back again minutes later.
    "the spasm eases and then ten minutes later it's back again, her back",
    "her back goes hard, it eases off, then twenty minutes later it's back again",
    # "Nah" is the "not" of Jamaican English, said of a cramp that holds on.
    "her back lock up and it nah let go",
])
def test_a_cramp_that_comes_back_is_severe(assistant: Assistant, text: str) -> None:
    assert "severe_cramping" in present(assistant, text)
    assert level(assistant, text) is Level.URGENT


@pytest.mark.parametrize("text", [
    # Tired for an everyday reason.
    "she was nodding off in her high chair at lunch, she was up early, her back is a bit tight",
    "he's so sleepy after his swimming lesson, and his back is stiff",
    "he's dozing off in front of the telly after the zoo, sore back from the slide",
    "he zonked out after his bath, his back was sore earlier",
    "she dozed off while I rubbed her back",
    # Sleepy, but doing what a well child does.
    "he's been a bit groggy since his nap but he's eating his dinner now, sore back",
    "she's drowsy with her cold but she wakes easily and talks to me, back sore",
    # Sleeping through, carried in from the car, a habit of mornings.
    "he's sleeping well at night, not waking up, his back is just stiff in the morning",
    "she nodded off in the buggy and didn't wake when I moved her to her cot, back sore",
    "she won't wake up for nursery in the mornings, never has, back sore",
    # A floppy toy, a limp in the walk, shaking with laughter, lips violet from a cold pool that are pink again.
    "his floppy rabbit fell behind the bed and he hurt his back reaching for it",
    "she's a bit limp in her walking today, her back is sore",
    "his lips went violet in the cold pool, but after a warm towel they're pink again, back a bit tight",
    # Wide awake; drowsy from a cough syrup given; woken by a voice; drowsy earlier and perked up; short of sleep.
    "she's wide awake, not sleepy at all, back sore",
    "she's drowsy from the cough medicine, back sore",
    "he's very sleepy but wakes when I call him, back sore",
    "she was really drowsy earlier but she's perked up now, back sore",
    "he can barely keep his eyes open, he didn't sleep last night because of his back",
    # A heart that races after a run, breathing hard after one, the g dropped as said.
    "his heart races from running round the garden, back sore",
    "he's breathing hard from runnin round the yard, back sore",
    # A question about a medicine, and a mood less lively than usual.
    "can the medicine make him drowsy?",
    "he's just lying on the couch, not his usual bouncy self, back sore",
])
def test_ordinary_tiredness_and_look_alikes_are_no_emergency(assistant: Assistant, text: str) -> None:
    assert level(assistant, text) is not Level.EMERGENCY


@pytest.mark.parametrize("text", [
    # The reason does not explain a child who cannot be woken, is floppy, or does not answer.
    "she's sleepy at bedtime but I can't wake her now and she's floppy",
    "he fell asleep in the car and now I can't wake him up",
    "he's drowsy after his nap and he's not answering me",
    # "Drowsy", the policy's own word, stays the sign with a reason when a contrast hides what follows; an injury
    # is no everyday reason.
    "he's drowsy after his nap and now he won't answer me",
    "she was hit in the back by a car and she's really sleepy",
    # A medicine the child got into is no dose given; a medicine that made him drowsy and now he will not wake.
    "he's drowsy after getting into grandma's pills",
    "the medicine made him so drowsy he won't wake up",
])
def test_a_reason_for_tiredness_does_not_explain_a_child_who_cannot_be_woken(assistant: Assistant, text: str) -> None:
    assert level(assistant, text) is Level.EMERGENCY


def test_shaking_with_laughter_is_no_chill(assistant: Assistant) -> None:
    assert "chills" not in present(assistant, "she was shaking with laughter at the cartoon, then her back went tight")


@pytest.mark.parametrize(("text", "symptom"), [
    # Woken crying out about the back, in any word for a cry.
    ("he woke up bawling about his back", "night_pain"),
    # Numb to a touch: the limb's numbness (urgent), not numbness elsewhere.
    ("I touched his leg and he can't feel it", "limb_symptoms"),
])
def test_an_urgent_sign_in_a_relatives_words_is_found(assistant: Assistant, text: str, symptom: str) -> None:
    assert symptom in present(assistant, text)
    assert level(assistant, text) is Level.URGENT


@pytest.mark.parametrize(("text", "symptom"), [
    # Slang and everyday pictures of the same signs.
    ("her heart is going mental and she's just lying on the sofa", "abnormal_heart_rate"),
    ("he's got a rattling in his throat", "trouble_breathing"),
    ("she's wandering about like a zombie", "confusion"),
    ("he won't focus on me at all", "confusion"),
    ("he's gone like a wet rag", "very_drowsy"),
    ("he pissed himself on the sofa and he's been dry for a year", "loss_of_control"),
    ("she lost her bowels on the kitchen floor", "loss_of_control"),
    ("he's got no control down there since this morning", "loss_of_control"),
])
def test_a_sign_in_slang_is_found(assistant: Assistant, text: str, symptom: str) -> None:
    assert symptom in present(assistant, text)
    assert level(assistant, text) is Level.EMERGENCY


@pytest.mark.parametrize("text", [
    # The slang's everyday readings: after football, in nappies, tired after a party.
    "his heart was going mental after football, back sore",
    "he crapped himself, he's still in nappies, back sore",
    "she's out for the count after the party, back sore",
    # A wheeze with breathing said to be fine, a gasp of surprise, short of breath from crying and fine after,
    # a choke coughed up, a breath-holding spell in a tantrum.
    "she's a bit wheezy with her cold but breathing fine, back sore",
    "she was gasping with surprise when the balloon popped",
    "she gets short of breath when she cries, then she's fine",
    "he was choking on a grape but he coughed it up and he's fine, back sore",
    "she held her breath in a tantrum and went a bit blue then cried, back sore",
])
def test_slang_and_passing_moments_are_no_emergency(assistant: Assistant, text: str) -> None:
    assert level(assistant, text) is not Level.EMERGENCY


@pytest.mark.parametrize("text", [
    "he was choking on a grape but it's still stuck",
    "she held her breath and went blue and now she's floppy",
])
def test_a_moment_that_has_not_passed_stays_an_emergency(assistant: Assistant, text: str) -> None:
    assert level(assistant, text) is Level.EMERGENCY


@pytest.mark.parametrize("text", [
    "the cramp is rock hard and nothing shifts it",
    "her back muscle keeps knotting up every few minutes",
])
def test_a_cramp_nothing_moves_is_severe(assistant: Assistant, text: str) -> None:
    assert "severe_cramping" in present(assistant, text)


@pytest.mark.parametrize("text", [
    # A drink's stain, blue from the sea and warm again, breathless after a climb.
    "her lips are purple from the ribena, back sore",
    "his lips went blue in the sea but he's warm now, back sore",
    "he gets breathless climbing the hill to nursery, back sore",
    # A wet bed in a child only just out of nappies; holding on only so long, always.
    "he wet the bed last night, he's only just out of nappies, back sore",
    "she can't hold it for long, she always runs to the toilet at the last minute, back sore",
    # Collapsed in giggles is a figure of speech.
    "she collapsed in a fit of giggles, back sore",
])
def test_an_everyday_reading_of_a_sign_word_is_no_emergency(assistant: Assistant, text: str) -> None:
    assert level(assistant, text) is not Level.EMERGENCY


@pytest.mark.parametrize("text", [
    "his lips went blue in the sea and they're still blue now",
    "she's breathless just sitting on the sofa",
    "she suddenly can't hold her wee anymore and she's been trained for a year",
    "she collapsed laughing and now she won't answer me and she's pale",
    "she dropped to the floor in a tantrum and now she won't answer me",
])
def test_the_sign_said_plainly_beside_an_everyday_word_stays(assistant: Assistant, text: str) -> None:
    assert level(assistant, text) is Level.EMERGENCY
