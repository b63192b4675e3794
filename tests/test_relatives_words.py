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
])
def test_a_sign_in_a_relatives_words_is_found(assistant: Assistant, text: str, symptom: str) -> None:
    assert symptom in present(assistant, text)
    assert level(assistant, text) is Level.EMERGENCY


@pytest.mark.parametrize("text", [
    # A cramp back again minutes later.
    "the spasm eases and then ten minutes later it's back again, her back",
    "her back goes hard, it eases off, then twenty minutes later it's back again",
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
    "she fell asleep in the car and didn't wake when I carried her in, her back is sore",
    "she won't wake up for nursery in the mornings, never has, back sore",
    # A floppy toy, a limp in the walk, shaking with laughter, lips violet from a cold pool that are pink again.
    "his floppy rabbit fell behind the bed and he hurt his back reaching for it",
    "she's a bit limp in her walking today, her back is sore",
    "his lips went violet in the cold pool, but after a warm towel they're pink again, back a bit tight",
])
def test_ordinary_tiredness_and_look_alikes_are_no_emergency(assistant: Assistant, text: str) -> None:
    assert level(assistant, text) is not Level.EMERGENCY


@pytest.mark.parametrize("text", [
    # The reason does not explain a child who cannot be woken, is floppy, or does not answer.
    "she's sleepy at bedtime but I can't wake her now and she's floppy",
    "he fell asleep in the car and now I can't wake him up",
    "he's drowsy after his nap and he's not answering me",
])
def test_a_reason_for_tiredness_does_not_explain_a_child_who_cannot_be_woken(assistant: Assistant, text: str) -> None:
    assert level(assistant, text) is Level.EMERGENCY


def test_shaking_with_laughter_is_no_chill(assistant: Assistant) -> None:
    assert "chills" not in present(assistant, "she was shaking with laughter at the cartoon, then her back went tight")
