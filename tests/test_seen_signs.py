"""Warning signs as a parent sees them, as families of words (#7): a part of the body drawn in or bobbing with
each breath, a colour said without naming it, a child who does not stir when roused, the familiar not known,
a heart seen beating through the shirt, a bladder that gave up.

The families came from the policy's sign list and a fresh batch (tests/data/fresh/batch_ah_seen_signs.tsv);
these sentences are other wordings of the same families, and of the everyday circumstances that explain them.
"""

from __future__ import annotations

import pytest

from helpers import level
from voicecare.domain import Level, Status
from voicecare.understanding.assistant import Assistant


def present(assistant: Assistant, text: str) -> set[str]:
    return {f.symptom.id for f in assistant.answer(text).findings if f.status is Status.PRESENT}


@pytest.mark.parametrize(("text", "symptom"), [
    # A part of the body drawn in, bobbing or flaring with each breath.
    ("each time she takes a breath her head bobs forward, and her back is sore", "trouble_breathing"),
    ("his collarbones tug in every time he breathes", "trouble_breathing"),
    ("his nostrils go really wide, his back is stiff", "trouble_breathing"),
    ("she breathes like a little fish out of water", "trouble_breathing"),
    ("she has to stop halfway through a sentence for air", "trouble_breathing"),
    ("he's sitting up leaning forward to get his breath", "trouble_breathing"),
    ("she's huffing away even though she's resting on the sofa", "trouble_breathing"),
    ("now and then he forgets to breathe", "trouble_breathing"),
    ("her tummy keeps going in deep with every breath", "trouble_breathing"),
    ("his nostrils are opening and closing fast", "trouble_breathing"),
    # An airway narrowed or blocked.
    ("he's dribbling everywhere and he can't swallow", "trouble_breathing"),
    ("a bit of apple is stuck in her throat", "trouble_breathing"),
    ("his breaths seem so far apart", "trouble_breathing"),
    ("her ribs are working really hard", "trouble_breathing"),
    ("his tummy is going like crazy each time he breathes", "trouble_breathing"),
    ("her breathing is really loud, you can hear it across the room", "trouble_breathing"),
    # A colour said without naming it.
    ("his colour is awful and his back hurts", "trouble_breathing"),
    ("her fingertips are the colour of a bruise", "trouble_breathing"),
    ("his lips look darker than usual", "trouble_breathing"),
    ("her lips don't look normal", "trouble_breathing"),
    ("his lips are the colour of blueberries", "trouble_breathing"),
    ("she's grey and mottled and her back hurts", "trouble_breathing"),
    # Roused and not stirring; woken only by force; eyes that open and close.
    ("I nudged him hard and he didn't even blink", "very_drowsy"),
    ("she won't stir at all this morning", "very_drowsy"),
    ("he only opens his eyes when I pinch him", "very_drowsy"),
    ("her eyes are opening and closing by themselves", "very_drowsy"),
    ("she doesn't react when I talk to her", "very_drowsy"),
    ("she's limp like a wet noodle", "very_drowsy"),
    ("she keeps going back to sleep while I'm holding her", "very_drowsy"),
    ("e no fit open eye since morning", "very_drowsy"),
    ("when I rouse him he just goes straight back out", "very_drowsy"),
    ("she keeps conking out", "very_drowsy"),
    ("I say his name and nothing", "very_drowsy"),
    # Limp said of the child is floppy.
    ("he's limp", "very_drowsy"),
    ("she's sleepy and limp", "very_drowsy"),
    # Too weak for what a child does lying down.
    ("he can't keep his head up at all", "very_drowsy"),
    ("she's too weak to even suck her bottle", "very_drowsy"),
    # The familiar not known, speech slurred.
    ("he's saying words that aren't words", "confusion"),
    ("she has a faraway look and isn't taking anything in", "confusion"),
    ("she doesn't know her own bedroom", "confusion"),
    ("she looks lost in her own room", "confusion"),
    ("he's not knowing what's happening around him", "confusion"),
    ("she's slurring her words and her back hurts", "confusion"),
    ("she keeps calling me the wrong name", "confusion"),
    ("he did potty in his pants again, he can't control it", "loss_of_control"),
    ("his poo keeps coming out and he can't stop it", "loss_of_control"),
    ("she's wetting without knowing and she's been trained a year", "loss_of_control"),
    # Fainting: down and came round.
    ("she crumpled onto the rug and then came round", "fainting"),
    ("he went down for ten seconds or so in the hallway", "fainting"),
    ("she toppled over and her eyes rolled up", "fainting"),
    ("she lost her senses for a moment", "fainting"),
    # What relatives who work in health care say.
    ("the nurse next door says it's syncope", "fainting"),
    ("she has chest indrawing", "trouble_breathing"),
    ("he's very hypotonic", "very_drowsy"),
    ("his heart rate is through the roof and he's resting", "abnormal_heart_rate"),
    # The heart seen or felt going wild.
    ("I can see his pulse jumping in his neck", "abnormal_heart_rate"),
    ("her heart is doing cartwheels", "abnormal_heart_rate"),
    ("his heart is kind of buzzing in his chest", "abnormal_heart_rate"),
    ("his heart is going about a thousand miles an hour", "abnormal_heart_rate"),
    # A bladder or bowel that gave up.
    ("his bladder has just given up on him", "loss_of_control"),
    ("he's not able to hold in his poo at all", "loss_of_control"),
])
def test_a_sign_seen_is_found(assistant: Assistant, text: str, symptom: str) -> None:
    assert symptom in present(assistant, text)
    assert level(assistant, text) is Level.EMERGENCY


@pytest.mark.parametrize("text", [
    "I have to shake him until he opens his eyes",
    "I have to shout at her till she opens her eyes",
    "I had to pinch him before he opened his eyes",
])
def test_the_caregivers_deed_of_rousing_does_not_make_the_childs_sign_someone_elses(
        assistant: Assistant, text: str) -> None:
    assert "very_drowsy" in present(assistant, text)


@pytest.mark.parametrize("text", [
    # Play, bath and party games.
    "he's breathing like a lion, we're playing a game, his back is stiff",
    "she ducked her head under the bath water and held her breath, back is sore",
    # The colour of a bruise, a juice, a dress.
    "the bruise on her knee has turned an awful colour, her back is sore",
    "his lips are dark from the blackcurrant lolly, back aches",
    # A child busy with a screen, a game of peekaboo, a late bedtime, silly faces, a new face.
    "he won't stir off the sofa while the cartoons are on, his back is tight",
    "she doesn't answer when I call her, she's watching the telly, back is sore",
    "he's opening and closing his eyes playing peekaboo, back is a bit stiff",
    "she keeps going to sleep late because her back hurts",
    "he's acting funny, pulling silly faces at his sister, back is sore",
    "she doesn't recognise the new nanny yet, her back is sore",
    # Said to be fine: the guess rests on the breathing the caregiver says is normal.
    "her belly bobs a bit when she breathes but she's breathing normally, back is tight",
    "he leans forward to stretch and his breathing is fine, back is stiff",
    # The caregiver's own, to the end; a gentle shake on an ordinary morning; stirring a pot.
    "I pinched myself and I didn't even flinch, and his back is sore",
    "I had to shake her a bit before she woke up for nursery, she's just a sleepyhead, back is sore",
    "he wouldn't stir his porridge, back sore",
    "I woke her from her nap and she went back out to play in the garden, back is sore",
    "his poo is coming and he can't stop pushing, his back is sore",
    "she weed without noticing, she's still in nappies, back is sore",
    # A limp in the walk or in one leg is no floppy child.
    "he's limping since this morning and his back is sore",
    "she is a bit limp in her left leg and her back hurts",
    "he can't lift his head off the pillow because his back hurts so much",
    "she's too tired to sit up for dinner, back is sore",
    "she goes for a wee without me knowing now, she's so grown up, back is sore",
    "he keeps going to sleep on my shoulder because it's late, back stiff",
    "she's a bit limp after her nap but she's perking up now, her back is a little stiff",
    "the fish bone stuck in my throat yesterday, and his back is sore",
    "he's breathing really loudly because his nose is all blocked, his back is sore",
    "he's not saying words yet, he's only 18 months, and his back is sore",
    "she conked out on the sofa after the party, back is sore",
    "he fell out of bed and cried for a few seconds, and his back is sore",
    # Kept from dropping off by the pain is no drowsiness.
    "the pain keeps him from dropping off at night",
    # Shaking a child is rousing her, not a child who shakes (no chills, no seizure).
    "I give her a gentle shake to wake her for nursery and she's up, back is sore",
])
def test_an_everyday_circumstance_or_a_well_part_is_no_emergency(assistant: Assistant, text: str) -> None:
    assert level(assistant, text) is not Level.EMERGENCY
