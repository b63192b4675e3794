"""How signs are said by people from many places (issue #7): each kind is caught in wordings the corpora never had,
and the everyday talk that looks like it is not."""

from __future__ import annotations

import pytest

from helpers import found, level
from voicecare.domain import Level, Status
from voicecare.understanding.assistant import Assistant
from voicecare.understanding.matching import Matcher


@pytest.mark.parametrize("text", [
    # Soiling or wetting the clothes, in the words of many Englishes, by a child already trained.
    "she had an accident in her knickers and she's been out of nappies since two",
    "he messed his pants twice at nursery, he's trained, sore back",
    "she is passing urine on herself and her back is paining",
    "he dirtied his shorts twice today though he is trained",
    "she is doing toilet in her clothes",
    "he is stooling on himself since morning",
    "she wet her broek at school and she's been trained for ages",
    # The training's date is not the accident's: "trained six months ago".
    "he pooed his pants twice today, he was trained a year ago",
    # "Can't stop" is the sign's own "not".
    "she can't stop weeing herself",
])
def test_soiling_or_wetting_the_clothes_is_loss_of_control(matcher: Matcher, text: str) -> None:
    assert found(matcher, text).get("loss_of_control") is Status.PRESENT


@pytest.mark.parametrize("text", [
    "she keeps asking where she is and we're in our own kitchen",
    "he is asking where am i",
    "she don't know where she is",
    "he doesn't know where we are",
    "she doesn't know her own name",
    "he is talking strange things since morning",
    "she's saying weird stuff and holding her back",
    "what she is saying has no sense",
    "he's all mixed up and his back hurts",
    "he is seeing bugs on the wall that aren't there",
    "she nuh know mi",
])
def test_confusion_described_is_confusion(matcher: Matcher, text: str) -> None:
    assert found(matcher, text).get("confusion") is Status.PRESENT


@pytest.mark.parametrize("text", [
    "he stopped wetting the bed, back sore",
    "his nappy is wet as usual, back a bit sore",
])
def test_everyday_wetting_is_not_loss_of_control(matcher: Matcher, text: str) -> None:
    assert found(matcher, text).get("loss_of_control") is not Status.PRESENT


@pytest.mark.parametrize("text", [
    "I don't know where he is hurting, he keeps holding his back",
    "the instructions don't make sense to me, can I use ice on his back",
    "she was talking rubbish about dinosaurs all day, back a bit stiff",
    "he mixed up his shoes and his back is sore",
    "she keeps asking where her teddy is, back is sore",
])
def test_everyday_muddles_are_not_confusion(matcher: Matcher, text: str) -> None:
    assert "confusion" not in found(matcher, text)


@pytest.mark.parametrize("text", [
    "he's shaking all over and his eyes are rolled up",
    "her eyes are fixed to one side and she is jerking",
    "he is shaking and he doesn't answer me, I think it's a fit",
    "she is shaking and foaming at the mouth",
    "his body went stiff and started jerking",
    # A hedge does not lower it (rule 10), nor does the "not" of "not answering" deny the convulsion.
    "he is shaking all the body, eyes rolling, he don't answer me, is convulsion I think",
    "his eyes keep rolling and he's all jerky",
    "he has been fitting for five minutes",
])
def test_a_seizure_described_is_911(assistant: Assistant, text: str) -> None:
    assert level(assistant, text) is Level.EMERGENCY


@pytest.mark.parametrize("text", [
    "he is shivering and shaking with the fever but answering me fine",
    "his eyes are watering and he is shaking from the cold",
    "his eyes are funny from crying and he is shaking with cold",
])
def test_shaking_with_a_fever_is_still_chills(assistant: Assistant, text: str) -> None:
    assert level(assistant, text) is Level.URGENT


@pytest.mark.parametrize(("text", "symptom"), [
    ("she is having body hotness since evening", "fever"),
    ("his body has heat since morning", "fever"),
    ("grandma says he felt like a little furnace", "fever"),
    ("she feels like a radiator", "fever"),
    ("she's proper hot", "fever"),
    ("he's red hot and whingey", "fever"),
    ("his back is giving him gyp", "back_spasm"),
    ("he's in agony with his back", "back_spasm"),
    ("she's gone all vacant", "confusion"),
    ("she's breathing in a hurry", "trouble_breathing"),
    ("he's pulling for air", "trouble_breathing"),
    ("she's breathing with her shoulders", "trouble_breathing"),
    ("he is not catching his breath well", "trouble_breathing"),
    ("he is not able to catch his breath", "trouble_breathing"),
    ("she's not getting enough air", "trouble_breathing"),
    ("his chest is going in and out like a pump", "trouble_breathing"),
    ("his stomach is pulling in when he breathes", "trouble_breathing"),
    ("he's puffing and blowing", "trouble_breathing"),
    ("she's breathing from her tummy", "trouble_breathing"),
    ("she had a blackout in the kitchen", "fainting"),
    ("she went white and fell down", "fainting"),
    ("he's like grey and sweaty", "trouble_breathing"),
    ("she just keeps sleeping and sleeping, I can't get her up", "very_drowsy"),
    ("he's not acting like himself at all", "confusion"),
    # Nigerian Pidgin "dey" is "be": "him chest dey go in an out".
    ("my pikin chest dey go in an out", "trouble_breathing"),
    ("his legs feel nothing", "limb_symptoms"),
    ("she cries when she passes water", "bladder_bowel_problems"),
    ("she is crying when she urinates", "bladder_bowel_problems"),
    ("his waist is hurting him", "back_spasm"),
])
def test_local_words_for_signs_are_understood(matcher: Matcher, text: str, symptom: str) -> None:
    assert found(matcher, text).get(symptom) is Status.PRESENT


@pytest.mark.parametrize("text", [
    "she's breathing fine, no trouble catching her breath, back is stiff",
    "we are not getting fresh air much, his back is stiff",
    "his tummy goes in and out when he laughs, his back is sore",
    "his legs feel fine, nothing wrong, back tight",
    "we had a power blackout last night and his back hurts",
    "it feels like an oven in here, his back is sore",
    "he was playing in the back garden, his back is a bit stiff",
    "he is boiling the kettle for me, back sore",
    "the house next door is vacant, his back is sore",
    "she's breathing fine, in a hurry to get out, back sore",
])
def test_local_words_do_not_fire_on_ordinary_talk(assistant: Assistant, text: str) -> None:
    assert level(assistant, text) is Level.HOME_CARE


@pytest.mark.parametrize("text", [
    "she bumped her head on the kitchen table really hard",
    "he bumped his head on the side of the bath really hard",
])
def test_a_hard_blow_to_the_head_said_after_where_is_urgent(assistant: Assistant, text: str) -> None:
    assert level(assistant, text) is Level.URGENT


@pytest.mark.parametrize(("text", "expected"), [
    # An older child calling about a younger one: the sibling is the patient.
    ("my little brother is burning up and holding his back", Level.URGENT),
    ("my baby sister can't breathe properly", Level.EMERGENCY),
    ("my sister can't walk properly since yesterday and my dad is at work", Level.FOLLOW_UP),
    # A caregiver naming themself first is the speaker, not the patient.
    ("grandma again, the spasm in his back won't stop", Level.URGENT),
    ("nana here, temperature of 39 and a sore back", Level.URGENT),
])
def test_who_is_calling_does_not_hide_the_childs_signs(assistant: Assistant, text: str, expected: Level) -> None:
    assert level(assistant, text) is expected


@pytest.mark.parametrize("text", [
    "her brother has a fever",
    "my brother has a fever",
    "kids at daycare have fevers",
    "my sister is having back pain after her delivery",
    "my sister has a fever, my mom says it's the flu, can my daughter catch it",
    "hi this is grandma, my back is killing me",
])
def test_someone_elses_signs_stay_theirs(assistant: Assistant, text: str) -> None:
    assert level(assistant, text) is Level.UNCLEAR


def test_a_callers_word_written_otherwise_than_it_is_heard_is_reported() -> None:
    from voicecare.errors import IntentError
    from voicecare.understanding.language import Language

    with pytest.raises(IntentError, match=r"callers: siblings: \"brother's\" never matches"):
        Language.from_dict({"language": {"code": "xx"}, "headings": {lv.id: lv.id for lv in Level},
                            "spelling": {"possessive": "'s"}, "callers": {"siblings": ["brother's"]}})
