"""The guided interview (rule 5) and the conversation commands."""

from __future__ import annotations

from voicecare.assistant import Assistant
from voicecare.dialog import Conversation, State
from voicecare.domain import Level


def texts(turn_messages: tuple[object, ...]) -> list[str]:
    return [getattr(m, "text", "") for m in turn_messages]


def test_interview_asks_highest_level_first_and_no_gives_home_care(assistant: Assistant) -> None:
    talk = Conversation(assistant, max_questions=4)
    first = talk.hear("my son's back is really tight")
    assert talk.state is State.INTERVIEW
    assert first.messages[0].text == "I heard: back pain or spasm."
    assert first.messages[-1].kind == "question" and "trouble breathing" in first.messages[-1].text
    levels = [talk.asked[-1].level]
    for _ in range(4):
        turn = talk.hear("no")
        if talk.state is State.INTERVIEW:
            levels.append(talk.asked[-1].level)
    assert levels == sorted(levels)
    assert len(talk.asked) == 4
    assert turn.disposition is Level.HOME_CARE
    assert any(m.kind == "home_care" for m in turn.messages)
    assert turn.messages[-1].text == "Is there anything else?"


def test_yes_to_an_urgent_question_gives_urgent(assistant: Assistant) -> None:
    talk = Conversation(assistant)
    talk.hear("her back is sore")
    talk.hear("no")
    talk.hear("no")
    turn = talk.hear("yes she feels hot")
    assert talk.state is not State.EMERGENCY
    final = turn if talk.state is State.ANYTHING_ELSE else talk.hear("skip")
    assert final.disposition is Level.URGENT


def test_silence_or_not_sure_counts_as_yes(assistant: Assistant) -> None:
    talk = Conversation(assistant)
    talk.hear("her back is sore")
    turn = talk.hear("")
    assert turn.disposition is Level.EMERGENCY
    assert turn.messages[0].text.startswith("Call 911")
    talk = Conversation(assistant)
    talk.hear("her back is sore")
    assert talk.hear("um I'm not sure").disposition is Level.EMERGENCY


def test_emergency_in_the_middle_of_the_interview_takes_over(assistant: Assistant) -> None:
    talk = Conversation(assistant)
    talk.hear("his back hurts")
    turn = talk.hear("no but wait now he's not breathing")
    assert turn.disposition is Level.EMERGENCY
    assert turn.messages[0].text.startswith("Call 911")
    assert talk.state is State.EMERGENCY


def test_no_questions_before_an_emergency(assistant: Assistant) -> None:
    talk = Conversation(assistant)
    turn = talk.hear("she fainted")
    assert turn.messages[0].kind == "emergency"
    assert all(m.kind != "question" for m in turn.messages)


def test_questions_already_answered_are_not_asked(assistant: Assistant) -> None:
    talk = Conversation(assistant)
    talk.hear("his back hurts, no trouble breathing, not drowsy, not confused, hasn't fainted")
    assert talk.asked[-1].id != "breathing_alertness"


def test_skip_goes_to_the_advice(assistant: Assistant) -> None:
    talk = Conversation(assistant)
    talk.hear("his back is stiff")
    turn = talk.hear("skip")
    assert talk.state is State.ANYTHING_ELSE
    assert turn.disposition is Level.HOME_CARE


def test_repeat_start_over_help_and_quit(assistant: Assistant) -> None:
    talk = Conversation(assistant)
    asked = talk.hear("his back is stiff")
    assert talk.hear("repeat").messages == asked.messages
    assert "start again" in texts(talk.hear("start over").messages)[0]
    assert talk.found == [] and talk.state is State.LISTENING
    assert "repeat" in texts(talk.hear("help").messages)[0]
    talk.hear("goodbye")
    assert talk.state is State.DONE


def test_stop_says_nothing(assistant: Assistant) -> None:
    talk = Conversation(assistant)
    turn = talk.hear("stop")
    assert turn.messages == () and turn.command == "stop"


def test_after_the_guidance_no_ends_and_yes_invites_more(assistant: Assistant) -> None:
    talk = Conversation(assistant)
    talk.hear("his back is stiff")
    talk.hear("skip")
    assert talk.state is State.ANYTHING_ELSE
    assert talk.hear("no thanks").messages[0].text.startswith("Take care")
    assert talk.state is State.DONE
    talk = Conversation(assistant)
    talk.hear("his back is stiff")
    talk.hear("skip")
    assert talk.hear("yes").messages[0].text == "Go ahead, I am listening."
    assert talk.hear("and he has a fever").disposition is Level.URGENT


def test_a_long_list_of_denials_is_read_back_briefly(assistant: Assistant) -> None:
    talk = Conversation(assistant)
    talk.hear("his back is sore")
    for _ in range(4):
        turn = talk.hear("no")
    assert turn.messages[0].text == "I heard: back pain or spasm. You said no to the other warning signs I asked about."


def test_the_disclaimer_is_said_once_when_the_interview_comes_first(assistant: Assistant) -> None:
    # Rule 8: the first answer asks a question instead of giving advice; the disclaimer must not be lost with it.
    talk = Conversation(assistant, max_questions=4)
    said = texts(talk.hear("my son has a fever").messages)
    while talk.state is State.INTERVIEW:
        said += texts(talk.hear("no").messages)
    disclaimer = assistant.intents.messages["disclaimer"]
    assert said.count(disclaimer) == 1
    assert said.index(disclaimer) < said.index(assistant.intents.messages["conversation.interview_intro"])
