"""Emergencies and urgent signs in other people's words (understand53, #7).

Our own wordings of classes that fresh tuning lines showed (batch_bg and the probes), written from the policy:
a trained child's new accident told beside what is usual ("not wearing nappies", "hasn't had an accident in over
a year", "soiled her pants"); each class with near misses that must stay below.
"""

from __future__ import annotations

import pytest

from helpers import level
from voicecare.domain import Level
from voicecare.understanding.assistant import Assistant


@pytest.mark.parametrize("text", [
    # Out of nappies said with a denial before the wearing: the "not" is the nappies', so the accident is new.
    "he doesn't wear nappies and he wet himself today, he's trained",
    "she isn't using nappies and she peed herself at tea time, she is potty trained",
    # Soiled or dirtied clothes said as the deed beside the habit's "never".
    "she soiled her pants at the shop and she never has accidents",
    "he dirtied his underwear and he never has accidents now",
    "he messed his trousers at the park and he never has accidents now",
    # A long dry spell said over more words: "hasn't had an accident in over a year".
    "he hasn't had a single accident in months and today he wet his shorts twice",
])
def test_a_trained_childs_new_accident_is_911(assistant: Assistant, text: str) -> None:
    assert level(assistant, text) is Level.EMERGENCY


@pytest.mark.parametrize("text", [
    "she's still wearing nappies and she wet herself, her back is a bit sore",
    "he is not potty trained yet, he wet himself, his back is stiff from the slide",
    "his trousers got wet in the puddles and his back is sore",
])
def test_a_child_in_nappies_or_wet_from_water_is_no_loss_of_control(assistant: Assistant, text: str) -> None:
    assert level(assistant, text) is Level.HOME_CARE


@pytest.mark.parametrize("text", [
    # The one the child asks for is the caregiver who says so.
    "he's crying for his daddy and I'm his daddy, I'm holding him",
    # The familiar right there and not known.
    "his nana is right next to him and he doesn't know her at all",
    # The familiar looked at and asked who it is.
    "she stared at her grandad and asked who he was",
    # The familiar called by another's name.
    "he keeps calling the dog by his sister's name",
    # Eyes lost or far away; lost at home; home as if never seen; muddled as never before.
    "her eyes look lost, her back was sore this morning",
    "his eyes seem far away and he's been like that since lunch",
    "she is walking round the living room like she is lost",
    "he's never been confused like this, he keeps asking where he is",
    "she keeps putting her socks on her ears and she has never been muddled like this",
    "he walked into his own bedroom and looked round like he had never been in there in his life",
])
def test_the_familiar_not_known_is_confusion(assistant: Assistant, text: str) -> None:
    assert level(assistant, text) is Level.EMERGENCY


@pytest.mark.parametrize("text", [
    # Roused and not looking, said over more words.
    "I shook her and shouted her name and she didn't look at me",
    # Eyes open a moment and asleep again; roused only to a mumble.
    "he opens his eyes for a second and then he's asleep again, his back hurt earlier",
    "I keep calling him and he only mumbles and sleeps again",
    # Roused by every means and barely stirring, said over more words.
    "I tried tickling his feet and blowing in his face and he barely stirs",
])
def test_a_child_roused_only_a_moment_is_hard_to_wake(assistant: Assistant, text: str) -> None:
    assert level(assistant, text) is Level.EMERGENCY


@pytest.mark.parametrize("text", [
    # A toddler asking for a parent who is away, or for another parent than the one speaking.
    "she's crying for her daddy, he's at work, her back is sore",
    "he's crying for his mummy and I'm his daddy, she's at work; his back is sore",
    # A stranger asked about, a pet given a name as a joke.
    "he asked who the man at the door was, his back is a bit stiff",
    "we call the cat by grandma's name as a joke, his back is sore",
    # A parent there and not wanted is a toddler's mood.
    "his mum is right here and he doesn't want her, he wants me, sore back from the slide",
    # Waking a moment in the night and back to sleep is sleep; a mumble at bedtime too.
    "she opened her eyes for a second at 3am and went back to sleep, her back is a bit stiff",
    "she mumbled and went back to sleep when I tucked her in, her back is a bit stiff",
    # Hardly laughing or eating is a mood or an appetite.
    "I tickled her and she hardly laughed, sore back from the slide",
    "she barely ate her tea and her back is stiff",
    # A disliked food as if never seen, a toy lost at home.
    "he looked at the broccoli like he'd never seen it before, his back is a bit stiff",
    "she lost her teddy in the living room, her back is a bit sore",
])
def test_everyday_toddler_moments_stay_home_care(assistant: Assistant, text: str) -> None:
    assert level(assistant, text) is Level.HOME_CARE


@pytest.mark.parametrize(("text", "expected"), [
    # The back's pain joined to a limb said without pain: the limb's denial is its own, the back's pain stands.
    ("pain in his back and no pain in his legs", Level.HOME_CARE),
    ("aches in his back and no ache in his arms", Level.HOME_CARE),
    ("she's sore in her back and not sore in her legs at all", Level.HOME_CARE),
    # Near misses: the limb said with the back's pain stays urgent.
    ("pain in his back and pain in his legs too", Level.URGENT),
    ("she has pain in her back and in her legs, no fever", Level.URGENT),
])
def test_a_limb_denied_beside_the_back_leaves_the_backs_pain(assistant: Assistant, text: str,
                                                             expected: Level) -> None:
    assert level(assistant, text) is expected


@pytest.mark.parametrize(("text", "expected"), [
    # "Up" far from the temperature is another sign's ("seized up", "locked up"): the "no" denies the temperature.
    ("no temp just his back seized up", Level.HOME_CARE),
    ("no temp just her back tensed up after dancing", Level.HOME_CARE),
    # Near misses: the temperature said to be up.
    ("his temp is up and his back is sore", Level.URGENT),
    ("her temp's gone right up and her back hurts", Level.URGENT),
    ("temperature went up tonight, back still sore", Level.URGENT),
])
def test_a_denied_temperature_takes_no_other_signs_up(assistant: Assistant, text: str, expected: Level) -> None:
    assert level(assistant, text) is expected


@pytest.mark.parametrize(("text", "expected"), [
    # "Mate" is a form of address: the fever said in slang is the child's.
    ("burnin up mate, and his back's stiff", Level.URGENT),
    ("she's boiling mate, back's all tight", Level.URGENT),
    ("yeah mate he's burnin up, back's sore", Level.URGENT),
    # Near misses: the mate's own child, the mate himself.
    ("my mate's boy is burning up", Level.UNCLEAR),
    ("my mate has a fever", Level.UNCLEAR),
])
def test_a_fever_in_slang_said_to_a_mate_is_the_childs(assistant: Assistant, text: str, expected: Level) -> None:
    assert level(assistant, text) is expected


@pytest.mark.parametrize(("text", "expected"), [
    # After a fall, walking badly is urgent (the fall), not 911; legs not used at all are 911.
    ("he fell off the trampoline and can't walk very well", Level.URGENT),
    ("she fell down the stairs and she can't walk too well now", Level.URGENT),
    ("he fell off the trampoline and can't walk at all", Level.EMERGENCY),
    # Both feet kept off the floor after a fall: legs not used.
    ("she fell off the top bunk and won't put her feet down", Level.EMERGENCY),
    ("he fell down the stairs and he won't put his feet on the floor", Level.EMERGENCY),
    # Near misses: no fall; the singular idiom.
    ("he can't walk very well because of his back", Level.FOLLOW_UP),
    ("she won't put her feet down, she wants to be carried everywhere, her back hurts", Level.FOLLOW_UP),
    ("she won't put her foot down on the cold floor, sore back from the slide", Level.HOME_CARE),
])
def test_walking_after_a_fall(assistant: Assistant, text: str, expected: Level) -> None:
    assert level(assistant, text) is expected


@pytest.mark.parametrize(("text", "expected"), [
    # Limbs named and then floppy are the limbs' weakness (urgent), not a drowsy child.
    ("Her arms have gone all floppy, she can't even lift her sippy cup.", Level.URGENT),
    ("his legs have gone really floppy and he can't kick them", Level.URGENT),
    # Near misses: the child floppy first, or sleepy too, stays 911.
    ("she's all floppy, her arms just hang", Level.EMERGENCY),
    ("his legs have gone all floppy and he's so sleepy I can't wake him", Level.EMERGENCY),
])
def test_floppy_limbs_are_weakness_not_drowsiness(assistant: Assistant, text: str, expected: Level) -> None:
    assert level(assistant, text) is expected


@pytest.mark.parametrize("text", [
    # Clothes falling off a child gone thin: weight loss (urgent), no fall (with a fall it would be 911).
    "she has lost weight, her jeans are falling off her, and I have not put her on any diet",
    "he has got so thin, his trousers keep falling down even with a belt on, his back hurts",
])
def test_clothes_falling_off_are_weight_loss_not_a_fall(assistant: Assistant, text: str) -> None:
    assert level(assistant, text) is Level.URGENT


@pytest.mark.parametrize(("text", "expected"), [
    # Numb to a touch on the back: numbness not in the limbs (follow_up); on a limb it is urgent.
    ("I pressed on his lower back and he doesn't feel it at all", Level.FOLLOW_UP),
    ("when I touch the middle of her back she does not feel it, the other side she says ow", Level.FOLLOW_UP),
    ("when I touch her leg she can't feel it", Level.URGENT),
    # Near miss: no pain felt at a touch is a back getting better.
    ("when I touch his back he doesn't feel any pain now, he's running about", Level.HOME_CARE),
])
def test_numb_to_a_touch(assistant: Assistant, text: str, expected: Level) -> None:
    assert level(assistant, text) is expected


@pytest.mark.parametrize(("text", "expected"), [
    # A denial of other limbs takes back no pain said of one (rule 9 corrects the same thing).
    ("pain going down her leg, no pain in her arms", Level.URGENT),
    ("pain in her back and also in her legs, no pain in her arms", Level.URGENT),
    ("his knee keeps giving way, nothing wrong with his arms, no pain in his hands", Level.URGENT),
    # Near misses: the same limb denied after all, and a denial that names no limb.
    ("pain going down his leg, no wait, no pain in his leg at all, just his back", Level.HOME_CARE),
])
def test_a_denial_of_other_limbs_keeps_the_limbs_pain(assistant: Assistant, text: str, expected: Level) -> None:
    assert level(assistant, text) is expected


@pytest.mark.parametrize(("text", "expected"), [
    # Knowing where she is and who everyone is, said plainly, is no confusion (the learned guess took "knows").
    ("She knows where she is, knows all our names, making perfect sense. But she is burning up and keeps rubbing "
     "her back.", Level.URGENT),
    ("he knows who we all are and where he is, talking normally, but his temperature is 39", Level.URGENT),
    # Near miss: not knowing stays 911.
    ("she does not know where she is", Level.EMERGENCY),
])
def test_knowing_where_and_who_is_no_confusion(assistant: Assistant, text: str, expected: Level) -> None:
    assert level(assistant, text) is expected
