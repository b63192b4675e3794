"""Emergencies told in what a relative sees and hears, and their near misses (understand40, #7).

Classes written from the policy's definitions of the 911 signs and from the fresh batches av and aw (read after the
lead scored them unread), each for any wording of it, not for one line:

- breathing: a wet, bubbly noise with each breath; too short of breath to say more than a word or two; lips "bluey";
- fainting: went down and came round, told over a comma; out for a moment; went white and the legs gave way; folded
  to the floor for seconds; staring, not answering, told over a comma; fell and knew nothing for a while; out like a
  light for a second;
- alertness: a child "very dull" (lethargic, in South Asian English); not knowing who the caregiver is, run on;
- a heart going "ninety to the dozen";
- a count said with "times" over part of a minute ("twenty five times in thirty seconds") is a rate, as "25 breaths
  in 30 seconds" was: a slow heart of "20 times in 10 seconds" (120 a minute) was a false 911;
- loss of control: accidents that cannot be stopped, "went in his pants", "susu" in the clothes;
- after a fall, legs that "just lie there", knees that buckle, legs not kicked "like normal" (a denied deed "like
  normal" is unlike the normal, no reassurance);
- a denial with a verb of its own does not reach a new clause without a comma ("not getting up properly eyes are
  opening and closing"); "it look like he stop breathing" is seen, not asked ("look like" asks only after a sign).
Near misses: breathing fast only when running or crying, heavy breathing with a snore, a toddler zoned out in front
of cartoons, a child saying how a limb feels, a limp said "limpin", a nap gone down for, a toddler only starting
potty training, a faint long ago ("back in the spring"), a question of what a sign looks like.
"""

from __future__ import annotations

import pytest

from helpers import level
from voicecare.domain import Level
from voicecare.understanding.assistant import Assistant


@pytest.mark.parametrize("text", [
    # breathing
    "he sounds like he's breathing through a wet sponge, all bubbly",
    "she's panting and can't say more than two words at a time",
    "her lips look a wee bit bluey maybe could be the light in here i dunno",
    "i am not sure but when he sleep it look like he stop breathing for a few seconds then he take a big breath",
    # fainting
    "his eyes rolled up and he went down, then came round crying",
    "he went white and his legs gave way and he was out for a moment",
    "he got up from the couch and just sort of folded onto the floor for a few seconds",
    "she went dizzy and then she was on the floor not answering",
    "he's just staring, not answering me at all",
    "she got up from the floor and fell over and did not know anything for a little bit, she is awake now",
    "she stood up to go to the toilet and just went down, out like a light for a second or two",
    # alertness
    "he's very dull and just lies there not interested in anything, eyes half shut",
    "when we call her she is not getting up properly eyes are opening and closing",
    "he dont know who i am he call me by his teacher name and he look at me strange",
    # after a fall, legs not used in a family's words (a guess that completes the injury's 911 combination)
    "she fell from the climbing frame, landed on her back, and her legs just lie there",
    "fell down the stairs and she won't kick her legs like normal",
    "fell down the stairs and she is not kicking her legs like she normally does",
    "fell off the bunk bed and his knees keep buckling",
    # a count said with "times" over part of a minute is a rate (25 in 30 seconds is 50 a minute)
    "she breathed twenty five times in thirty seconds",
    "she is breathing 25 times in 30 seconds",
    # heart
    "Her wee heart's goin ninety to the dozen, I counted it and her lyin on the sofa",
    # loss of control
    "her back hurts and she keeps having wee accidents she can't stop",
    "he's been potty trained a year and he just went in his pants twice and says he can't feel it comin",
    "he is going to washroom himself since one year and now he did susu in his clothes three times",
])
def test_emergency_told_mildly(assistant: Assistant, text: str) -> None:
    assert level(assistant, text) is Level.EMERGENCY


@pytest.mark.parametrize(("text", "expected"), [
    ("He only breathes fast when he's running round the garden screaming, sat down he's fine, back's just tight",
     Level.HOME_CARE),
    ("she only breathes fast when she is crying hard when she stop crying her breath goes back to normal it is her "
     "back that is stiff", Level.HOME_CARE),
    ("his breathing is a bit fast when he's upset, and calms down, back is sore", Level.HOME_CARE),
    ("he breathes heavily when he's asleep, he snores, back sore", Level.HOME_CARE),
    ("she zoned out watching cartoons, back pain from the trampoline", Level.HOME_CARE),
    ("kid's draggin his right leg around, says it feels funny and tingly", Level.URGENT),
    ("our Zayn says his leg's hurtin down the back of it from his bum down and he's limpin", Level.URGENT),
    ("she went down for her nap at two and came round about four", Level.UNCLEAR),
    ("he had a little accident at nursery but he's only just started potty training, back is sore", Level.HOME_CARE),
    ("She passed out once back in the spring and they checked her all over, she's fine, today it's just a crick in "
     "her back", Level.HOME_CARE),
    ("what does it look like when a child has trouble breathing", Level.UNCLEAR),
    ("he's staring at the telly, not answering me", Level.UNCLEAR),
    ("the pain is very dull, he's fine otherwise", Level.UNCLEAR),
    ("her heart beat 20 times in 10 seconds, back sore", Level.HOME_CARE),
    ("she breathed 8 times in 15 seconds, back sore", Level.HOME_CARE),
    ("the cramp came back 3 times in 2 hours", Level.URGENT),
    ("he was out for a moment in the garden and came back in rubbing his back", Level.HOME_CARE),
    ("she was blowing bubbles in her milk and breathing bubbly into the straw, back is sore", Level.HOME_CARE),
    ("her lips are bluey from the blue raspberry ice lolly, back is stiff", Level.HOME_CARE),
    ("his legs just lie there on the cushion while he watches telly, back sore", Level.HOME_CARE),
    ("she fell asleep on the sofa and her legs just lie there, back a bit sore", Level.HOME_CARE),
    ("she doesn't know who I am when I wear my halloween mask, haha, back is stiff", Level.HOME_CARE),
    ("she's lying on the floor in a strop and not answering me", Level.UNCLEAR),
    ("she's not breathing hard, she's breathing like normal, her back is sore", Level.HOME_CARE),
])
def test_near_misses_stay_below_911(assistant: Assistant, text: str, expected: Level) -> None:
    assert level(assistant, text) is expected


@pytest.mark.parametrize(("text", "expected"), [
    ("he says nani my legs are doing pins and needles and his back is hurting", Level.URGENT),
    ("she dont want to stand on the left leg, she say abuela my leg hurts, since the back started", Level.URGENT),
    ("my nani has a bad back, my son is fine", Level.UNCLEAR),
])
def test_child_quoted_calling_a_grandparent(assistant: Assistant, text: str, expected: Level) -> None:
    """The child's own words after whom they call on ("nani", "abuela") are the child's, not the caregiver's."""
    assert level(assistant, text) is expected
