"""Outside review 12's conversation findings: a doubted 911 that a "no" could not take back (F5), a 911 said as fact
to a caregiver heard saying "no" (F6), a sign only the recogniser's other readings held read back as an unclear
answer (F9), and the same turn said again with nothing in front of it (F5, F11). Typed turns through the real
``Conversation``, and the reviewer's spoken ones through the real recogniser (``replay``)."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path
from typing import Any

import pytest

from tests import replay
from voicecare.conversation import readings
from voicecare.conversation.dialog import Conversation, State
from voicecare.domain import Basis, Finding, Level, Message, Status
from voicecare.interfaces import Transcript
from voicecare.understanding.assistant import Assistant

TAKEN_BACK = "Okay, then that is not an emergency."


def texts(messages: tuple[Message, ...]) -> list[str]:
    return [m.text for m in messages]


def asking(assistant: Assistant) -> Conversation:
    talk = Conversation(assistant)
    talk.greet()
    talk.hear("her back hurts")
    assert talk.state is State.INTERVIEW and talk.asked[-1].id == "breathing_alertness"
    return talk


def doubted(assistant: Assistant, text: str) -> list[Finding]:
    """The red flags of ``text`` as the recogniser's other readings give them: unsure (rule 4)."""
    return [replace(f, uncertain=True) for f in assistant.understand(text)]


def test_a_no_takes_back_a_911_resting_on_a_doubted_reading_and_a_grouped_yes(assistant: Assistant) -> None:
    # Run H: "she did earlier but not now" heard as "she did really air but not no": a grouped yes (all four signs)
    # beside "air" read as trouble breathing in another reading. "I may have heard trouble breathing ... If I heard
    # that wrong, tell me", then five plain "no"s each got the same 911 turn.
    talk = asking(assistant)
    called = talk.hear("she did", doubted(assistant, "she has trouble breathing"))
    assert called.disposition is Level.EMERGENCY
    assert assistant.intents.messages["uncertain_emergency"] in texts(called.said_aloud)
    turn = talk.hear("no")
    assert turn.disposition is not Level.EMERGENCY and talk.state is State.INTERVIEW, texts(turn.said_aloud)
    assert texts(turn.said_aloud)[0] == TAKEN_BACK
    # The "no" was the answer to the question: the interview goes on to the next one, not the same again.
    assert talk.asked[-1].id != "breathing_alertness"


def test_a_yes_another_reading_heard_as_no_is_said_as_a_doubt_and_no_takes_it_back(assistant: Assistant) -> None:
    # Run N (flite kal): "No." was "no" to one model and "yup" to the other; the yes counts (rule 4) but "Call 911
    # now" was said as fact, with `heard: "no"`.
    talk = asking(assistant)
    called = talk.hear("yup", rival_no=True)
    assert called.disposition is Level.EMERGENCY
    said = " ".join(texts(called.said_aloud))
    assert "If it is no, say no." in said and "You said yes" not in said, said
    turn = talk.hear("no")
    assert turn.disposition is not Level.EMERGENCY and texts(turn.said_aloud)[0] == TAKEN_BACK


def test_a_plain_yes_is_still_said_as_heard(assistant: Assistant) -> None:
    talk = asking(assistant)
    called = talk.hear("yup")
    assert called.disposition is Level.EMERGENCY
    assert all(f.basis is Basis.ANSWERED for f in talk.found if f.symptom.id in talk.asked[-1].symptoms)


def test_a_rival_no_is_found_among_the_readings(assistant: Assistant) -> None:
    talk = asking(assistant)
    heard = Transcript("no", True, described="no")
    assert readings.denied_elsewhere(talk, "yup", heard, "yup")
    assert not readings.denied_elsewhere(talk, "yup", Transcript("yup", True, described="yes"), "yup")
    assert not readings.denied_elsewhere(talk, "no", heard, "no")


@pytest.mark.parametrize("description", ["her back hurts and she is not breathing", ""])
def test_a_911_said_again_says_why(assistant: Assistant, description: str) -> None:
    # F5: never the same 911 turn word for word without a reason; a plainly said sign and a grouped yes both stand.
    talk = Conversation(assistant)
    talk.greet()
    if description:
        first = talk.hear(description)
    else:
        asking_talk = asking(assistant)
        talk = asking_talk
        first = talk.hear("yes")
    assert first.disposition is Level.EMERGENCY
    again = talk.hear("no")
    assert again.disposition is Level.EMERGENCY, texts(again.said_aloud)
    assert texts(again.said_aloud) != texts(first.said_aloud)
    assert again.said_aloud[0].text == assistant.intents.messages["emergency"]  # rule 3: the 911 first
    notes = assistant.intents.spoken.said_again if assistant.intents.spoken else {}
    if not description:
        assert notes["still_answered"] in texts(again.said_aloud)
        # ... and the words it offers take it back.
        assert talk.hear("I did not say yes").disposition is not Level.EMERGENCY


def test_a_911_said_again_on_request_needs_no_reason(assistant: Assistant) -> None:
    talk = Conversation(assistant)
    assert talk.hear("her back hurts and she is not breathing").disposition is Level.EMERGENCY
    notes = set(talk.notes().said_again.values())
    assert not notes & set(texts(talk.hear("repeat").messages))


@pytest.mark.parametrize("words", ["Emma put that down! no", "she's just tired"])
def test_a_question_asked_again_says_why(assistant: Assistant, words: str) -> None:
    # F11: an off-topic answer, or words that are no answer, got the same question again with nothing before it.
    talk = Conversation(assistant)
    talk.hear("my son's back hurts")
    turn = talk.hear(words)
    again = talk.notes().said_again["asked_again"]
    assert texts(turn.said_aloud) == [again, talk.asked[-1].ask] and talk.asked[-1].id == "breathing_alertness"


def test_a_sign_only_other_readings_held_is_read_back_as_a_doubt(assistant: Assistant) -> None:
    # F9: "playing at the park all day" heard as "...at her doll day", the fall only in the other readings ("hard
    # fall day"): read back "Unclear, counted as yes: a fall", though nothing was asked.
    talk = Conversation(assistant)
    turn = talk.hear("my little girl's back is stiff and sore after playing at her doll day",
                     doubted(assistant, "she had a hard fall"))
    said = " ".join(texts(turn.said_aloud))
    assert "a fall or blow to the back" in said, said
    assert "Unclear" not in said and "I am not sure" in said, said


def spoken(turn: dict[str, Any]) -> str:
    return " ".join(turn["spoken"])


def replayed(tmp_path: Path, voice_name: str, lines: tuple[str, ...]) -> list[dict[str, Any]]:
    voices = replay.voices()
    if voice_name not in voices:
        pytest.skip(f"{voice_name} not installed here: replay skipped")
    voice = replay.padded(voices[voice_name])
    run = replay.replay(replay.Caregiver("review12", lines, "home_care"), voice_name, voice, tmp_path)
    for turn in run.turns:
        limit = replay.EMERGENCY_SECONDS if turn["disposition"] == Level.EMERGENCY.id else replay.HOME_CARE_TURN_SECONDS
        assert run.seconds[turn["turn"]] <= limit, (turn["spoken"], run.seconds[turn["turn"]])
    return list(run.turns)


def test_spoken_past_episode_then_no_is_never_the_same_911_again(tmp_path: Path) -> None:
    # Run H, flite rms: a 911 heard in "she did earlier but not now" ("she did really air but not no"), then "no".
    turns = replayed(tmp_path, "flite-rms", ("her back hurts since this morning", "she did earlier but not now",
                                             "no"))
    called, corrected = turns[2], turns[3]
    if called["disposition"] == Level.EMERGENCY.id and corrected["heard"] == "no":
        assert corrected["disposition"] != Level.EMERGENCY.id and corrected["spoken"][0] == TAKEN_BACK, corrected
    assert corrected["spoken"] != called["spoken"], [t["spoken"] for t in turns]


def test_spoken_no_heard_as_yes_by_one_model_is_said_as_a_doubt(tmp_path: Path) -> None:
    # Run N, flite kal: "No." heard "no" and "yup": the 911 was said as fact.
    turns = replayed(tmp_path, "flite-kal", ("her back hurts after playing", "no"))
    answered = turns[2]
    if answered["disposition"] == Level.EMERGENCY.id:
        assert "If it is no, say no." in spoken(answered) or "tell me" in spoken(answered), answered


def test_an_unclear_ending_names_which_answer_was_unclear_and_asks_anything_else(assistant: Assistant) -> None:
    # F10, run D: the urgent ending said "Unclear answers count as yes, to be safe" (which one?) and never asked
    # "Is there anything else?", the question its next turn answers; within the 20 s ceiling.
    talk = Conversation(assistant)
    for line in ("she's been crying, her back hurts and she feels really hot", "no", "no", "I don't know",
                 "yes the pain goes down her leg", "no"):
        turn = talk.hear(line)
    turn = talk.hear("no") if talk.state is State.INTERVIEW else turn
    assert talk.state is State.ANYTHING_ELSE and turn.disposition is Level.URGENT
    said = texts(turn.said_aloud)
    assert any("chills" in t and "Unclear" in t for t in said), said
    assert said[-1] == assistant.intents.messages["conversation.anything_else"], said


@pytest.mark.parametrize("episode", ["she did earlier but not now", "he did this morning but he's fine now"])
def test_a_past_episode_with_no_sign_named_is_noticed_and_which_is_asked(assistant: Assistant, episode: str) -> None:
    # F7: the same meaning was no answer (asked again, then forgotten) or a yes to all four 911 signs.
    talk = asking(assistant)
    turn = talk.hear(episode)
    assert turn.disposition is None and talk.state is State.INTERVIEW, texts(turn.said_aloud)
    assert not [f for f in talk.found if f.symptom.id in talk.asked[-1].symptoms]  # nothing counted yet
    assert "before" in texts(turn.said_aloud)[0] and "fainting" in texts(turn.said_aloud)[0]
    # A state named then was then, not now (rule 9): said back, not counted; the question asks about now.
    named = talk.hear("she was very sleepy")
    assert named.disposition is not Level.EMERGENCY, texts(named.said_aloud)
    assert any("very sleepy or hard to wake happened before" in t for t in texts(named.said_aloud))


def test_a_faint_named_after_an_episode_today_still_counts(assistant: Assistant) -> None:
    # docs/policy.md: a faint that is over still happened; only a time long gone makes it history.
    talk = asking(assistant)
    talk.hear("she did earlier but not now")
    assert talk.hear("she fainted").disposition is Level.EMERGENCY
    talk = asking(assistant)
    talk.hear("she did yesterday but she's fine now")
    assert talk.hear("she fainted").disposition is not Level.EMERGENCY


def test_a_sign_named_as_past_in_an_answer_is_said_back(assistant: Assistant) -> None:
    # F7: "no but she fainted yesterday" was a plain no: the faint the parent told of was never mentioned.
    # "No but she did faint yesterday" (emphatic "did", outside review) was a faint now, a 911: docs/policy.md puts an
    # event on a time long gone ("yesterday") in the past, asked about, said back, not raising the level.
    for said in ("no but she fainted yesterday", "no but she did faint yesterday"):
        talk = asking(assistant)
        turn = talk.hear(said)
        assert turn.disposition is not Level.EMERGENCY, said
        assert any("fainting or passing out happened before" in t for t in texts(turn.said_aloud)), texts(turn.said_aloud)
        assert Status.PRESENT not in [f.status for f in talk.found if f.symptom.id == "fainting"], said
    # The emphatic past of a sign now is still now: "she did faint, just now" is a 911.
    talk = asking(assistant)
    assert talk.hear("yes she did faint just now").disposition is Level.EMERGENCY
