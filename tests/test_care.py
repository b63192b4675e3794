"""Care questions are recognised and answered first, briefly; the signs said with them set the level."""

from __future__ import annotations

import json
import sys

import pytest

from children import run_child
from helpers import skip_questions
from voicecare.domain import Level, TriageResult
from voicecare.understanding.assistant import Assistant


def ask(assistant: Assistant, text: str) -> TriageResult:
    return assistant.answer(text)


@pytest.mark.parametrize(("text", "care_id", "must_say"), [
    ("is it alright to put a hot water bottle on his back when he goes to sleep?", "heat_at_bedtime", "burn"),
    ("can she nap with the heat pad under her sore back", "heat_at_bedtime", "burn"),
    ("how long can the cold pack stay on his back", "ice", "Twenty minutes"),
    ("should i wrap the ice before it goes on her back?", "ice", "thin towel"),
    ("should we go back and forth between ice and a warm pack for his back?", "ice_and_heat", "take turns"),
    ("am i allowed to give him some nurofen for his back", "medicine", "doctor prescribed"),
    ("can i give him a gentle back rub?", "massage", "Stop if it hurts"),
    ("does he have to lie in bed all day with his back?", "bed_rest", "bed rest"),
    ("is it okay for her to go to preschool with a stiff back?", "activity", "daycare"),
    ("when do i need to call the doctor about his back spasm?", "when_to_call", "office hours"),
    ("why would a two year old get back spasms?", "causes", "tired muscles"),
    ("what do i look out for with her back", "warning_signs", "watch for"),
])
def test_a_care_question_alone_is_home_care_with_its_answer_first(assistant: Assistant, text: str, care_id: str,
                                                                   must_say: str) -> None:
    result = ask(assistant, text)
    assert result.disposition is Level.HOME_CARE, text
    assert [q.id for q in result.care] == [care_id]
    assert result.messages[0].kind == "care_answer" and must_say in result.messages[0].text


def test_the_signs_said_with_a_question_set_the_level_and_the_answer_follows_the_instruction(assistant: Assistant) -> None:
    result = ask(assistant, "she has a fever of 39 and a sore back, can i use a heating pad?")
    assert result.disposition is Level.URGENT
    kinds = [m.kind for m in result.messages]
    assert kinds.index("care_answer") == kinds.index("instruction") + 1


def test_no_care_answer_with_an_emergency(assistant: Assistant) -> None:
    result = ask(assistant, "can i put ice on her back? she is not breathing properly")
    assert result.disposition is Level.EMERGENCY
    assert "care_answer" not in [m.kind for m in result.messages]
    assert result.messages[0].text.startswith("Call 911")


@pytest.mark.parametrize("text", [
    "can i use a heating pad on my knee?",            # not about the topic
    "how do i reset the thermometer?",                # not a care question of ours
    "his back was sore and i used the heat pad today",  # said, not asked
])
def test_not_every_mention_of_care_is_a_care_question_of_this_topic(assistant: Assistant, text: str) -> None:
    assert ask(assistant, text).care == ()


def test_json_names_the_care_question() -> None:
    out = run_child([sys.executable, "-m", "voicecare", "triage", "--json", "--text",
                          "can i leave a heating pad on her back overnight"], capture_output=True, text=True,
                         timeout=60, check=False)
    result = json.loads(out.stdout)
    assert result["care_questions"] == [{"id": "heat_at_bedtime", "heard": result["care_questions"][0]["heard"]}]
    assert result["disposition"] == "home_care"
    assert result["messages"][0]["kind"] == "care_answer"


@pytest.mark.parametrize(("text", "care_id"), [
    ("is a heat pad in bed overnight ok?", "heat_at_bedtime"),
    ("how long should the ice pack stay on?", "ice"),
])
def test_this_topics_own_care_needs_no_topic_word(assistant: Assistant, text: str, care_id: str) -> None:
    result = ask(assistant, text)
    assert [q.id for q in result.care] == [care_id] and result.disposition is Level.HOME_CARE


def test_a_general_question_needs_the_topic_said_in_it_or_before(assistant: Assistant) -> None:
    from voicecare.conversation.dialog import Conversation

    # Asked alone it is answered now (policy: "can she go to daycare?"; REVIEW18 F14), but only as a plain care
    # question: no topic is assumed, the level stays the signs' (unclear with none; understand45).
    alone = ask(assistant, "can he go to nursery tomorrow?")
    assert [q.unframed for q in alone.care] == [True] and alone.disposition is Level.UNCLEAR
    talk = Conversation(assistant)
    talk.hear("his back is a bit stiff")
    skip_questions(talk)
    later = talk.hear("can he go to nursery tomorrow?")
    assert later.messages[0].kind == "care_answer" and "daycare" in later.messages[0].text


@pytest.mark.parametrize("text", ["what cream should i use for a nappy rash?", "is a warm bath at bedtime good for a cold?",
                                  "what is 20 degrees celsius in fahrenheit, for the bath?"])
def test_everyday_questions_that_share_a_word_with_care_stay_unclear(assistant: Assistant, text: str) -> None:
    result = ask(assistant, text)
    assert result.care == () and result.disposition is Level.UNCLEAR, text
