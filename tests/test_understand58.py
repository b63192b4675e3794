"""Call-911 signs told in everyday words and read as something milder or as nothing (understand58, #7): our own
wordings of the classes batch_bo's misses showed, each with near misses that use the same words harmlessly.

- Clothes or a bed soaked, drenched or sodden, said beside the child being toilet trained or dry, is new wetting
  (loss of bladder control), over a comma too; soaked by rain, water, sweat or a drink, or in a nappy, is not.
- Eyes stuck or locked looking up or to one side, told over commas with the shaking or with no answer, is a fit now
  (the loose eyes' pattern lost "shaking" to the chills' "shaking all over" across the comma).
- No answer with the eyes open or fixed, or lying there, told over "but" or a comma, is a child who does not
  respond; a toddler busy with a screen, sulking or pretending is not.
- A baby's babble said with the age in months is how a small child talks, not confusion.
- Pants filled or leaked through beside the child being dry or trained, or leaking unfelt, is loss of control; a
  nappy, a pocket or a bottle is not. Gone down in a heap is a faint, unless in play; looking at the caregiver
  "but not really seeing me" is confusion.
- A toddler asking where a thing is, where someone went, or for a parent who is away, asks a toddler's question;
  asking where she is at home, or for the parent who is the one speaking, stays confusion.
"""

from __future__ import annotations

import pytest

from helpers import level
from voicecare.domain import Level
from voicecare.understanding.assistant import Assistant


@pytest.mark.parametrize("text", [
    "He's soaked through his pants twice in the last hour, he's been toilet trained since he was two and a half.",
    "he's soaked through his pants, he's toilet trained",
    "she soaked her pants, she's been dry for a year",
    "her knickers are drenched and she's been potty trained since summer",
    "he's sodden, soaked his trousers, he's been out of nappies for months",
    "shes soaked right through her leggings and shes been potty trained for ages",
])
def test_clothes_soaked_in_a_trained_child_are_loss_of_control(assistant: Assistant, text: str) -> None:
    assert level(assistant, text) is Level.EMERGENCY


@pytest.mark.parametrize("text", [
    "he got soaked through in the rain, he's toilet trained, back is a bit stiff",
    "she soaked through her nappy overnight, her back is stiff",
    "he's toilet trained and got soaked through at the splash park, back sore",
    "she's potty trained, soaked through with sweat after running, back sore",
    "he soaked through his vest from sweat, he's toilet trained, his back is sore",
    "he's toilet trained, he soaked his trousers in the paddling pool, his back is stiff",
    "she's been dry for ages, she soaked her bed sheets with her water bottle, back sore",
    "she's potty trained and soaked her pants with juice she spilled, sore back",
    "she is drenched in sweat after the bouncy castle, she's potty trained, back sore",
])
def test_clothes_soaked_by_water_sweat_or_in_a_nappy_are_no_sign(assistant: Assistant, text: str) -> None:
    assert level(assistant, text) is not Level.EMERGENCY


@pytest.mark.parametrize("text", [
    "She's shaking all over, her eyes are stuck looking up, and she won't answer me.",
    "She's shaking, her eyes are stuck looking up",
    "hes trembling all over, his eyes are locked looking up",
    "he's gone stiff, eyes stuck up in his head",
    "her eyes are stuck looking sideways, she's jerking",
])
def test_eyes_stuck_looking_up_with_shaking_over_commas_is_a_fit(assistant: Assistant, text: str) -> None:
    assert level(assistant, text) is Level.EMERGENCY


@pytest.mark.parametrize("text", [
    "he's shivering with a fever, his eyes are fixed on the tv",
    "she lay on her back with her eyes fixed up on the ceiling fan, her back is sore",
    "she's shaking with cold after the pool, eyes stuck on her ipad",
])
def test_eyes_fixed_on_a_thing_and_shivering_are_no_fit(assistant: Assistant, text: str) -> None:
    assert level(assistant, text) is not Level.EMERGENCY


@pytest.mark.parametrize("text", [
    "his eyes are open but he won't answer me",
    "his eyes are open but he's not answering me",
    "her eyes are fixed and she won't answer me",
    "she's not answering me at all, just lying there",
    "his eyes are open, he won't answer me",
    "shes just lying there eyes open not answering me",
])
def test_no_answer_with_open_eyes_or_lying_there_is_unresponsive(assistant: Assistant, text: str) -> None:
    assert level(assistant, text) is Level.EMERGENCY


@pytest.mark.parametrize("text", [
    "his eyes are glued to the tv and he won't answer me, back is sore",
    "she's lying there watching cartoons and won't answer me, sore back",
    "he won't answer me, he's sulking because I took his toy",
    "she's lying there with her eyes open pretending to be asleep and won't answer me, it's a game, back is fine now",
    "she won't answer me when I ask what she wants for lunch, back is sore",
])
def test_a_toddler_busy_sulking_or_pretending_does_not_answer_either(assistant: Assistant, text: str) -> None:
    assert level(assistant, text) is not Level.EMERGENCY


@pytest.mark.parametrize("text", [
    "She babbles nonsense words, but she's only 15 months so that's normal for her; her back seems tight after baby gym.",
    "he's 14 months and just babbles, no real words yet, his back seems stiff",
    "she babbles nonsense all day, she's a baby of 13 months, her back is a bit tight",
])
def test_a_babys_babble_is_no_confusion(assistant: Assistant, text: str) -> None:
    assert level(assistant, text) is not Level.EMERGENCY


@pytest.mark.parametrize("text", [
    "he's babbling nonsense and doesn't know me, he's 20 months",
    "she's 18 months and suddenly babbling nonsense, she was saying proper words yesterday",
    "she keeps babbling nonsense and she's very sleepy",
])
def test_babbling_that_is_new_or_with_another_sign_stays_the_sign(assistant: Assistant, text: str) -> None:
    assert level(assistant, text) is Level.EMERGENCY


@pytest.mark.parametrize("text", [
    "she asked where her teddy is, her back is a bit sore",
    "he asked where daddy went, his back is sore after football",
    "he asked where his mummy is, I am his dad, she's at the shops",
    "she keeps crying for her mum, her mum is at work, her back is sore",
])
def test_a_toddler_asking_for_a_thing_or_someone_away_is_no_confusion(assistant: Assistant, text: str) -> None:
    assert level(assistant, text) is not Level.EMERGENCY


@pytest.mark.parametrize("text", [
    "She looked at me and asked where her mummy is. I am her mummy.",
    "she's sitting on my lap asking where mummy is, and I am her mummy",
    "he's crying for his daddy, I'm his daddy and I'm holding him",
    "she keeps asking where she is and we're in our own kitchen",
    "he is asking where am i",
])
def test_asking_for_the_parent_speaking_or_where_she_is_stays_confusion(assistant: Assistant, text: str) -> None:
    assert level(assistant, text) is Level.EMERGENCY


@pytest.mark.parametrize("text", [
    "he's dry day and night but he just filled his pants at the shops and didn't say anything",
    "he filled his pants and he's been dry for a year",
    "she's leaking through her knickers and doesn't feel it",
    "she leaked through her pants again and she's been potty trained since march",
])
def test_pants_filled_or_leaked_through_in_a_trained_child_are_loss_of_control(assistant: Assistant,
                                                                             text: str) -> None:
    assert level(assistant, text) is Level.EMERGENCY


@pytest.mark.parametrize("text", [
    "he filled his nappy, his back is a bit stiff",
    "he filled his pants pockets with stones, he's toilet trained, back sore",
    "the nappy leaked through her trousers, she's still in nappies, back sore",
    "his drink bottle leaked through his pants and he didn't notice, back a bit stiff",
])
def test_a_nappy_a_pocket_or_a_bottle_is_no_wetting(assistant: Assistant, text: str) -> None:
    assert level(assistant, text) is not Level.EMERGENCY


@pytest.mark.parametrize("text", [
    "he went down in a heap and didn't move for a few seconds",
    "she dropped in a heap in the garden",
    "he's looking at me but not really seeing me",
    "she's looking at me without seeing me",
])
def test_down_in_a_heap_or_looking_without_seeing_is_a_call_911_sign(assistant: Assistant, text: str) -> None:
    assert level(assistant, text) is Level.EMERGENCY


@pytest.mark.parametrize("text", [
    "he fell in a heap laughing on the bouncy castle, back a bit sore",
    "she flopped in a heap on the sofa after nursery, she's tired, back stiff",
    "he looked at me but didn't see the toy I was holding, back sore",
    "she's staying at her nan's so she's not seeing me till sunday, her back is sore",
])
def test_a_heap_of_play_or_not_seeing_a_thing_is_no_sign(assistant: Assistant, text: str) -> None:
    assert level(assistant, text) is not Level.EMERGENCY
