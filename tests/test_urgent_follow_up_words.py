"""Urgent and follow-up signs in relatives' everyday words, and the numbers they say them with (#7).

Written from the policy's definition of each sign (TRIAGE_POLICY.md: fever, chills, limb pain or tingling, night
pain, weight loss, severe cramping; trouble walking, bladder and bowel problems, pain keeping a child from sleep,
pain lasting days) and the fresh batch tests/data/fresh/batch_ap_tuning.tsv; these sentences are other wordings of
the same families, with the everyday circumstances that explain their words.
"""

from __future__ import annotations

import pytest

from helpers import level
from voicecare.domain import Level, Status
from voicecare.understanding.assistant import Assistant


def present(assistant: Assistant, text: str) -> set[str]:
    return {f.symptom.id for f in assistant.answer(text).findings if f.status is Status.PRESENT}


@pytest.mark.parametrize(("text", "symptom", "expected"), [
    # Fewer wet nappies said as a word of less, and pain shown or felt when peeing or pooing.
    ("decreased wet diapers today plus back pain", "bladder_bowel_problems", Level.FOLLOW_UP),
    ("she's hardly peeing and her back hurts", "bladder_bowel_problems", Level.FOLLOW_UP),
    ("barely any wees today and his back is tight", "bladder_bowel_problems", Level.FOLLOW_UP),
    ("she only had one wee all day and her back hurts", "bladder_bowel_problems", Level.FOLLOW_UP),
    ("he whimpers when he wees and his back hurts", "bladder_bowel_problems", Level.FOLLOW_UP),
    ("it burns when he goes to the toilet and he has back pain", "bladder_bowel_problems", Level.FOLLOW_UP),
    ("her poos are like little pellets and her back is sore", "bladder_bowel_problems", Level.FOLLOW_UP),
    ("he pushes and pushes and nothing comes out, sore back", "bladder_bowel_problems", Level.FOLLOW_UP),
    # Limbs: a cry of pain about them, gone to sleep, a calf or shin, not used or kicked, rubbed while crying.
    ("she keeps saying ouch on her legs and her back", "limb_symptoms", Level.URGENT),
    ("her legs have gone to sleep and her back is sore", "limb_symptoms", Level.URGENT),
    ("her calf is sore and her back hurts", "limb_symptoms", Level.URGENT),
    ("he won't use his left arm and his back hurts", "limb_symptoms", Level.URGENT),
    ("she won't kick her legs like she used to", "limb_symptoms", Level.URGENT),
    ("he keeps rubbing his leg and crying", "limb_symptoms", Level.URGENT),
    # Fever and its chills in other words.
    ("he feels like a hot water bottle and his back hurts", "fever", Level.URGENT),
    ("his cheeks are hot and red and his back is sore", "fever", Level.URGENT),
    ("she's boiling and her back hurts", "fever", Level.URGENT),
    ("she's been hot and cold all night and her back hurts", "fever", Level.URGENT),
    # Night pain, weight loss.
    ("he can't sleep through the night because of his back", "night_pain", Level.URGENT),
    ("she's lighter when I pick her up and her back is sore", "weight_loss", Level.URGENT),
    # In South Asian and clinical English.
    ("her weight has reduced and back is paining", "weight_loss", Level.URGENT),
    ("her legs feeling like current is passing", "limb_symptoms", Level.URGENT),
    ("he's putting less weight on his left leg", "limb_symptoms", Level.URGENT),
    ("she has not passed stool since 3 days", "bladder_bowel_problems", Level.FOLLOW_UP),
    ("walking is not proper since yesterday, back pain", "trouble_walking", Level.FOLLOW_UP),
    ("she cries for an hour before she can fall asleep because her back hurts", "pain_prevents_sleep", Level.FOLLOW_UP),
    # Signs whose own words hold a "not".
    ("his back isn't improving at all", "pain_worsening", Level.FOLLOW_UP),
    # A limb's pain in the back's everyday words.
    ("his leg is killing him", "limb_symptoms", Level.URGENT),
    ("her knee's playing up and her back hurts", "limb_symptoms", Level.URGENT),
    ("she's in agony with her leg", "limb_symptoms", Level.URGENT),
    ("her legs are achy and so is her back", "limb_symptoms", Level.URGENT),
    ("he's flushed and warm and his back is sore", "fever", Level.URGENT),
    ("the knot in her back comes back again every time", "severe_cramping", Level.URGENT),
    ("he's complaining of his legs", "limb_symptoms", Level.URGENT),
    ("she won't let me touch her legs, she screams", "limb_symptoms", Level.URGENT),
    ("he says it goes all the way down to his toes", "limb_symptoms", Level.URGENT),
    ("her leg goes funny when she walks", "limb_symptoms", Level.URGENT),
    # Commonwealth wordings.
    ("his legs keep going from under him", "limb_symptoms", Level.URGENT),
    ("he's been waking up every couple of hours with back pain", "night_pain", Level.URGENT),
    ("she's getting worse not better with her back", "pain_worsening", Level.FOLLOW_UP),
    # Walking, and sleep kept away.
    ("she keeps tripping over and her back is sore", "trouble_walking", Level.FOLLOW_UP),
    ("Ambulating with difficulty, guarding, back pain", "trouble_walking", Level.FOLLOW_UP),
    ("She's not going to sleep because of the back pain", "pain_prevents_sleep", Level.FOLLOW_UP),
])
def test_a_sign_in_everyday_words_is_found(assistant: Assistant, text: str, symptom: str, expected: Level) -> None:
    assert symptom in present(assistant, text)
    assert level(assistant, text) is expected


@pytest.mark.parametrize("text", [
    "I put a hot water bottle on his sore back and he settled",
    "can I alternate hot and cold on his back?",
    "her face is hot from crying, back sore",
    "his feet were too hot in his new boots, back is a bit sore",
    "he didn't sleep through the night, he was teething, back a bit stiff",
    "I am holding her legs while she cries about her back",
    "She was playing football all evening and now her back is tight. No fever, she eating she bake, walking good.",
    "5 wet, 2 dirty nappies today, back sore",
    "6 wet nappies 2 poos today and a sore back",
    "he slept until 9 and his back is a bit stiff",
    "she's walking well, is not limping, back a bit sore",
    "she cries for an hour before her nap most days, back a bit stiff",
    "he was kicking his legs and playing up at bedtime, back a bit stiff",
    "she won't put her teddy down, back sore",
    "she won't let me touch her hair, back sore",
    "she went all the way down to the shop with her sore back",
    "the dog was killing me with his barking, her back is sore",
    # "Wee" is "little" in Scotland.
    "he cried a wee bit when I touched his sore back",
    "the wee one only has a sore back",
    "she's boiling the kettle for his bottle, his back is sore",
])
def test_an_everyday_circumstance_is_no_urgent_or_follow_up_sign(assistant: Assistant, text: str) -> None:
    assert level(assistant, text) is Level.HOME_CARE


def test_wet_nappies_counted_after_their_word_are_a_count() -> None:
    assistant = Assistant.load()
    assert "bladder_bowel_problems" in present(assistant, "wet nappies 2 today, usually 6, and his back is sore")
    assert "bladder_bowel_problems" in present(assistant, "decreased wet diapers 2 today vs usual 6 plus back pain")
    assert "bladder_bowel_problems" not in present(assistant, "wet diapers: 5 today, back sore")


def test_an_hour_after_till_is_when_sleep_came_not_a_waking(assistant: Assistant) -> None:
    text = "She's lying there till eleven crying with her back, but once asleep she's okay"
    assert present(assistant, text) >= {"pain_prevents_sleep"}
    assert "night_pain" not in present(assistant, text)
    assert level(assistant, "she cry until eleven o'clock with her back") is Level.FOLLOW_UP
    # Up with the child at an hour of the night is a waking.
    up_with = "She dropped off last night, but by three I was up with her, sobbing about her back."
    assert "night_pain" in present(assistant, up_with)
    # An hour after "at" is still a waking at night.
    assert "night_pain" in present(assistant, "at about 2 he's awake crying at night with his back")


def test_a_span_from_the_day_it_started(assistant: Assistant) -> None:
    text = "ma'am his back pain it start saturday today is tuesday no fever he's playing but he still say his back hurts"
    assert "long_lasting_pain" in present(assistant, text)
    assert level(assistant, "it started on saturday and today is tuesday, his back still hurts") is Level.FOLLOW_UP
    assert level(assistant, "the sore back started on friday, it's saturday today") is Level.HOME_CARE


def test_a_comma_before_the_contrast_a_family_names_does_not_end_it(assistant: Assistant) -> None:
    for text in ("I stretch him, but it does not go soft", "I stretch him like his mama showed me, but it does not go soft"):
        assert "severe_cramping" in present(assistant, text), text


@pytest.mark.parametrize(("text", "care_id"), [
    ("can I give him something for the pain? his back is sore", "medicine"),
    ("is it ok to let him jump on the trampoline with a sore back?", "activity"),
])
def test_a_care_question_in_other_words_is_answered_first(assistant: Assistant, text: str, care_id: str) -> None:
    result = assistant.answer(text)
    assert [q.id for q in result.care] == [care_id]
    assert result.messages[0].kind == "care_answer"


def test_a_weight_said_with_the_months_its_loss_took_is_still_a_weight(assistant: Assistant) -> None:
    assert "weight_loss" in present(assistant, "she's gone from 12.4 kilos to 11.9 in a month, back sore")
    assert "weight_loss" in present(assistant, "he was 13 kilos, now he's 12.5 after a month")
    # How often is no span lasting until now; a rate per minute stays a rate.
    assert level(assistant, "he goes to nursery 3 days a week, his back is sore since yesterday") is Level.HOME_CARE
    assert level(assistant, "he gained half a kilo in a month, back a bit sore") is Level.HOME_CARE


def test_burning_said_of_peeing_is_the_bladders_not_a_fever(assistant: Assistant) -> None:
    assert level(assistant, "the nena cries when she pees like it burns and she has her back sore") is Level.FOLLOW_UP


def test_a_hundred_said_without_its_a_is_still_a_hundred(assistant: Assistant) -> None:
    result = assistant.answer("she was hundred and one point two this morning and her back hurts")
    fever = [f for f in result.findings if f.symptom.id == "fever"]
    assert fever and fever[0].status is Status.PRESENT and "point two" in fever[0].heard
    assert level(assistant, "he's a hundred percent fine, back a bit sore") is Level.HOME_CARE
