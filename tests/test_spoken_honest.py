"""What voicecare says aloud, measured (outside review 11, F7, F9, F13, F22).

A one-shot answer (``triage --say-to``) is written by the real espeak-ng
worker to a WAV file and its words read on the synthesiser's side
(``NotingSynthesizer``): below an emergency it ends with the call-911 signs
(rule 11) within ``one_shot_seconds`` (rule 13); a sign heard only in a
doubted reading is never said as heard (rule 14), the 911 still first. In a
conversation, a doubted sign is not said as heard when a plain one comes,
and a care answer follows the read-back and the instruction to call the
doctor (rules 6 and 12). Conversation turns are measured by the estimate of
``spoken.seconds`` (fitted to espeak-ng).
"""

from __future__ import annotations

import wave
from pathlib import Path

import pytest

from tests.conftest import AUDIO
from voicecare.app.cli import main
from voicecare.conversation import one_shot, spoken
from voicecare.conversation.dialog import Conversation
from voicecare.domain import IntentSet, Level, Message, MessageKind
from voicecare.interfaces import Transcript
from voicecare.speech_in.pipeline import unsure_red_flags
from voicecare.speech_out.tts import DEFAULT_RATE_WPM, Pyttsx3Synthesizer
from voicecare.testing import NotingSynthesizer
from voicecare.understanding.assistant import Assistant

EMERGENCY_SECONDS = 15.0
"""Rule 13 and issue #9: a whole 911 answer."""
K = MessageKind


def wav_seconds(path: Path) -> float:
    with wave.open(str(path)) as wav:
        return wav.getnframes() / wav.getframerate()


def said_once(args: list[str], reply: Path, capsys: pytest.CaptureFixture[str]) -> tuple[list[str], float, str]:
    """Run ``voicecare triage ARGS --say-to REPLY``: the texts the synthesiser was given (the ready "Call 911
    now." first), the reply's seconds, and what was printed."""
    noting = NotingSynthesizer(lambda: Pyttsx3Synthesizer(None))
    assert main(["triage", *args, "--say-to", str(reply)], synthesizer=noting) == 0
    return noting.texts, wav_seconds(reply), capsys.readouterr().out


def call_911_lists(intents: IntentSet) -> tuple[str, str]:
    messages = intents.topics[0].messages
    return messages["emergency_signs"], messages["emergency_signs_short"]


# ---- F7: every one-shot answer below 911 says the call-911 signs, within its budget


@pytest.mark.parametrize(("text", "level"), [
    ("her back is killing her and she's 38.6", "URGENT"),  # said no call-911 sign at all
    ("his back has been sore for four days now, nothing else", "FOLLOW UP"),  # nor did this
    ("his back is sore from playing", "HOME CARE"),
    ("he fell off the bed and hurt his back", "URGENT"),  # the longest advice
    ("her back hurts, she has a fever, chills, pain down her leg, wakes at night and lost weight", "URGENT"),
    ("can I use a heating pad? his back has been sore for four days", "FOLLOW UP"),  # a care answer besides
    ("what kind of diaper cream is best for a rash?", "NOT UNDERSTOOD"),  # the whole list took 19.8 s
])
def test_a_one_shot_answer_ends_with_the_call_911_signs_within_its_seconds(
        intents: IntentSet, tmp_path: Path, capsys: pytest.CaptureFixture[str], text: str, level: str) -> None:
    texts, seconds, printed = said_once(["--text", text], tmp_path / "reply.wav", capsys)
    rules = intents.spoken
    assert rules is not None and rules.one_shot_seconds is not None
    assert level in printed
    whole, short = call_911_lists(intents)
    assert whole in printed  # printed in full (rule 13)
    assert whole in texts or short in texts, texts  # rules 7 and 11: nobody can ask for them
    assert seconds <= rules.one_shot_seconds, (seconds, texts)
    spoken_911 = next(i for i, t in enumerate(texts) if t in (whole, short))
    if level != "NOT UNDERSTOOD":
        assert spoken_911 == len(texts) - 1  # at the end of the answer (rule 11)


def test_the_one_shot_answer_and_its_spoken_estimate_agree(assistant: Assistant) -> None:
    # The planner's seconds are the ones the budget holds: every one-shot answer below 911 within it.
    rules = assistant.intents.spoken
    assert rules is not None and rules.one_shot_seconds is not None
    whole, short = call_911_lists(assistant.intents)
    for text in ("she has a fever and her back hurts", "his back has hurt for a week and he can't walk right",
                 "what if she gets a fever? her back hurts", "she had a fever last week but now just her back is sore",
                 "his sister has a fever, his back is sore", "hello", "my husband has chills and a temperature of 39"):
        assistant.disclaimer_due = True
        said = one_shot.reply(assistant.answer(text), assistant.intents, DEFAULT_RATE_WPM)
        assert spoken.total_seconds(said, DEFAULT_RATE_WPM) <= rules.one_shot_seconds, [m.text for m in said]
        assert {whole, short} & {m.text for m in said}, (text, [m.text for m in said])


# ---- F22, F9a: a sign heard only in a doubted reading is said as a guess, the 911 first


@pytest.mark.parametrize(("recording", "doubted"), [
    # ("fever_gone_sore_after_swimming_slt.wav", where a partial result alone heard "is dying", gave a doubted 911
    # until 2026-11-27; it is home care now, as its final reading and the typed words are, so it shows no 911.)
    # "His back is stiff after football.": "all limp" only in an alternative reading.
    ("back_stiff_after_football_slt.wav", "very sleepy or hard to wake"),
])
def test_a_one_shot_911_never_says_a_doubted_sign_as_heard(
        intents: IntentSet, tmp_path: Path, capsys: pytest.CaptureFixture[str], recording: str, doubted: str) -> None:
    # The intents' model alone: it gave these doubted readings. The quiet room's mixture, the default since round
    # speech12, answers both recordings "home care" (as typed), so they can no longer show how
    # a doubted 911 is said.
    texts, seconds, printed = said_once(["--audio", str(AUDIO / "other" / recording), "--engine", "sphinx",
                                         "--intents-only"], tmp_path / "reply.wav", capsys)
    assert "EMERGENCY" in printed  # rule 4: a plausible emergency is treated as one
    assert texts[0] == intents.messages["emergency"]  # made ready before anything, said first
    naming = [t for t in texts if doubted in t.lower()]
    assert naming and all(t.startswith("I may have heard") for t in naming), texts
    assert seconds <= EMERGENCY_SECONDS
    # Printed as spoken: the 911's reason line is the guess, never the sign said flatly (rule 14).
    reason = printed.split(intents.messages["emergency"], 1)[1].strip().splitlines()[0]
    assert reason.startswith("I may have heard") and doubted in reason.lower(), printed


def test_a_doubted_911_is_printed_in_the_conversation_as_it_is_said(assistant: Assistant) -> None:
    # listen and chat print the whole answer: its reason line said flatly what was spoken as a guess (rule 14).
    heard = Transcript("his back is stiff after football", True, ("his back is stiff and all limp",))
    talk = Conversation(assistant)
    talk.greet()
    turn = talk.hear(heard.text, unsure_red_flags(assistant, heard))
    printed = [m.text for m in turn.messages if m.kind is K.EMERGENCY]
    spoken_lines = [m.text for m in turn.said_aloud if m.kind is K.EMERGENCY]
    assert printed[1] == spoken_lines[1] == "I may have heard very sleepy or hard to wake.", (printed, spoken_lines)


# ---- F9b: a doubted sign stays doubted when a plain one comes


def doubted_then_plain(assistant: Assistant) -> tuple[Conversation, list[tuple[Message, ...]]]:
    """The review's conversation: a sore back heard with "all limp" in an alternative reading, two skips, blue lips."""
    heard = Transcript("his back is stiff after football", True, ("his back is stiff and all limp",))
    unsure = unsure_red_flags(assistant, heard)
    assert [f.symptom.id for f in unsure] == ["very_drowsy"]
    talk = Conversation(assistant)
    talk.greet()
    said = [talk.hear(heard.text, unsure).said_aloud]
    said += [talk.hear(text).said_aloud for text in ("skip", "skip", "yes, now his lips are turning blue")]
    return talk, said


def test_a_doubted_sign_is_never_said_as_heard_when_a_plain_one_comes(assistant: Assistant) -> None:
    talk, turns = doubted_then_plain(assistant)
    rules = assistant.intents.spoken
    assert rules is not None and rules.emergency_seconds is not None
    for turn in turns:
        assert turn[0].text == assistant.intents.messages["emergency"]  # 911 first, every turn (rule 3)
        sleepy = [m.text for m in turn if "very sleepy" in m.text.lower()]
        assert all(text.startswith("I may have heard") for text in sleepy), [m.text for m in turn]
        assert spoken.total_seconds(turn, DEFAULT_RATE_WPM) <= EMERGENCY_SECONDS
        assert spoken.total_seconds(turn[:3], DEFAULT_RATE_WPM) <= rules.emergency_seconds
    assert turns[-1][1].text == "Trouble breathing."  # what was said plainly is named
    # Printed too, the doubt is kept: "I am not sure, but that may be very sleepy or hard to wake".
    result = talk.result()
    assert not any(m.kind is K.EMERGENCY and "very sleepy" in m.text.lower() for m in result.messages)
    assert any(m.kind is K.READBACK and "not sure" in m.text and "very sleepy" in m.text for m in result.messages)


def test_a_one_shot_911_names_only_the_sign_said_plainly(assistant: Assistant) -> None:
    heard = Transcript("his lips are turning blue and his back is stiff", True, ("his lips are turning blue and all limp",))
    result = assistant.triage([*assistant.understand(heard.text), *unsure_red_flags(assistant, heard)])
    assert result.disposition is Level.EMERGENCY
    said = one_shot.reply(result, assistant.intents, DEFAULT_RATE_WPM)
    assert [m.text for m in said[:3]] == ["Call 911 now.", "Trouble breathing.", "Stay with your child."]
    assert not any("very sleepy" in m.text.lower() and not m.text.startswith("I may have heard") for m in said)


# ---- F13: with a sign to call the doctor for, the care answer comes after the instruction


@pytest.mark.parametrize("text", [
    "She has a temperature of a hundred and one and her back hurts. Can I give her a warm bath?",
    "her back hurts and the pain goes down her leg, can I use a heating pad?",
])
def test_a_care_answer_follows_the_instruction_to_call_the_doctor(assistant: Assistant, text: str) -> None:
    talk = Conversation(assistant)
    talk.greet()
    turn = talk.hear(text)
    assert turn.disposition is Level.URGENT
    rules = assistant.intents.spoken
    assert rules is not None and rules.turn_seconds is not None
    for messages in (turn.said_aloud, turn.messages):
        kinds = [m.kind for m in messages]
        assert K.CARE_ANSWER in kinds and K.INSTRUCTION in kinds
        assert kinds.index(K.READBACK) < kinds.index(K.INSTRUCTION) < kinds.index(K.CARE_ANSWER), kinds
    assert spoken.total_seconds(turn.said_aloud, DEFAULT_RATE_WPM) <= rules.turn_seconds  # its question included


def test_a_home_care_question_is_still_answered_first(assistant: Assistant) -> None:
    # The policy: a care question is answered briefly and first when nothing calls for the doctor.
    talk = Conversation(assistant)
    talk.greet()
    turn = talk.hear("his back is sore, can I use a heating pad?")
    assert turn.said_aloud[0].kind is K.CARE_ANSWER and turn.messages[0].kind is K.CARE_ANSWER
