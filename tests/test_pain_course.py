"""The course of the pain in other words than the sheet's: growing, lasting, keeping the child from sleep (#7).

The follow-up signs are families of words (signs.toml ``term_patterns`` and ``terms``), kept out of the
recogniser's language model so that replayed audio is heard as before.
"""

from __future__ import annotations

import pytest

from helpers import level
from voicecare.domain import IntentSet, Level, Status
from voicecare.speech_in import lm
from voicecare.understanding.assistant import Assistant


def present(assistant: Assistant, text: str) -> set[str]:
    return {f.symptom.id for f in assistant.answer(text).findings if f.status is Status.PRESENT}


@pytest.mark.parametrize(("text", "symptom"), [
    ("the ache in her back keeps intensifying", "pain_worsening"),
    ("her back pain keeps mounting", "pain_worsening"),
    ("the pain is getting sharper in her back", "pain_worsening"),
    ("the stiffness is much sharper than yesterday", "pain_worsening"),
    ("the back pain has dragged on and on", "long_lasting_pain"),
    ("her back has been aching day after day", "long_lasting_pain"),
    ("it took her ages to settle, her back hurt", "pain_prevents_sleep"),
    ("he was lying awake with his sore back", "pain_prevents_sleep"),
    ("her back is too achy for her to settle", "pain_prevents_sleep"),
    ("the ache in his back keeps her up", "pain_prevents_sleep"),
    ("she can't get comfy at bedtime with her back", "pain_prevents_sleep"),
    ("he's walking all crouched over since his back went", "trouble_walking"),
    ("the pain is more today, his back", "pain_worsening"),
    ("her back pain is not reducing at all", "pain_worsening"),
    ("every day it's a little harder for her to bend, her back", "pain_worsening"),
    ("the ache in his back stops him drifting off", "pain_prevents_sleep"),
    ("he was awake until late with his sore back", "pain_prevents_sleep"),
    ("she wants carrying everywhere, her back hurts", "trouble_walking"),
    ("he struggles with the stairs because of his back", "trouble_walking"),
    ("she's weeing loads and her back is sore", "bladder_bowel_problems"),
])
def test_the_course_of_the_pain_in_other_words_is_a_follow_up_sign(
        assistant: Assistant, text: str, symptom: str) -> None:
    assert symptom in present(assistant, text)
    assert level(assistant, text) is Level.FOLLOW_UP


@pytest.mark.parametrize("text", [
    # Better now than it was, growing pains, a stronger medicine, something else growing.
    "it was worse yesterday but it's much better now, his back is a bit stiff",
    "he has growing pains in his back",
    "can I give him something stronger for the pain in his back",
    "his back is stiff, the swelling on his knee is increasing",
    # Two days is not more than a few ("all day", "days" alone say nothing of how many).
    "his back hurt for 2 days now since the playground",
    "she played hard all day and now her back's all knotted up",
    # Picking a toy up is no pain picking up.
    "she says ow when she bends to pick up her dolly, her back is sore",
    # Stiff said of the back, walking fine after the comma.
    "her back's a bit stiff, she's walking fine and eating well",
    # A clinician's "passing urine" is peeing as usual.
    "muscle spasm after dancing, afebrile, passing urine, walking well",
])
def test_words_near_the_course_of_the_pain_are_not_it(assistant: Assistant, text: str) -> None:
    assert level(assistant, text) is Level.HOME_CARE


def test_the_course_of_the_pain_is_denied_and_someone_elses_as_any_sign(assistant: Assistant) -> None:
    assert level(assistant, "his back is sore but the pain is not escalating") is Level.HOME_CARE
    assert "pain_worsening" not in present(assistant, "my husband's back pain keeps intensifying, what helps?")


def test_patterns_kept_out_of_the_language_model_are_not_in_its_text(intents: IntentSet) -> None:
    """``term_patterns`` are matched as ``near`` ones, but the recogniser's model never hears their words."""
    worsening = intents.symptom("pain_worsening")
    assert any("escalating" in p for p in worsening.term_near)
    assert not any("escalating" in p for p in worsening.near)
    assert not any("escalating" in line for line in lm.sentences(intents))
