"""During a 911, the caregiver telling of the call: the phrases read once with the rules, and, by voice, no early
"Call 911 now" on words that, finished, are about the call (a new sign still cuts in at once)."""

from __future__ import annotations

import json
import shutil
import sys
from pathlib import Path

import pytest

from children import run_child
from voicecare.conversation.dialog import Conversation, State
from voicecare.understanding.assistant import Assistant

LISTEN_TIMEOUT = 300


def _in_911(assistant: Assistant) -> Conversation:
    talk = Conversation(assistant)
    talk.hear("he is not breathing")
    assert talk.state is State.EMERGENCY
    return talk


def test_the_call_phrases_are_tokenised_once_with_the_rules(assistant: Assistant) -> None:
    rules = assistant.intents.spoken
    assert rules is not None and rules.calling
    tokens = assistant.intents.language.tokens
    assert {k: tuple(tuple(tokens(p)) for p in phrases) for k, phrases in rules.calling.items()} == dict(
        rules.calling_words)


@pytest.mark.parametrize("kind", ["done", "going"])
def test_every_call_phrase_still_gets_the_short_guidance(assistant: Assistant, kind: str) -> None:
    rules = assistant.intents.spoken
    assert rules is not None
    for phrase in rules.calling[kind]:
        talk = _in_911(assistant)
        said = [m.text for m in talk.hear(phrase).said_aloud]
        assert said[0] == rules.calling_said[kind], (phrase, said)
        assert "Tell them: trouble breathing." in said, (phrase, said)


def _flite(text: str, path: Path) -> str:
    run_child(["flite", "-voice", "slt", "-t", text, "-o", str(path)], check=True, capture_output=True)
    return str(path)


@pytest.mark.skipif(shutil.which("flite") is None, reason="flite is not installed: no recordings to replay")
def test_by_voice_the_call_told_of_gets_no_early_911_and_a_new_sign_still_does(tmp_path: Path) -> None:
    # flite slt's "I called the ambulance" is heard "i call the ambulance": "ambulance" part-way through set off
    # "Call 911 now." before the short guidance its finished turn gets.
    files = [_flite(text, tmp_path / f"{i}.wav") for i, text in enumerate((
        "he is not breathing", "I called the ambulance", "the ambulance is coming and now she is not waking up"))]
    out = run_child([sys.executable, "-m", "voicecare", "listen", "--engine", "sphinx", "--fast", "--json",
                          "--quiet", "--input-files", *files], capture_output=True, text=True, timeout=LISTEN_TIMEOUT,
                         check=False)
    assert out.returncode == 0, out.stderr
    turns = [json.loads(line) for line in out.stdout.splitlines() if line.strip()][1:]  # after the greeting
    assert turns[0]["emergency_at"] is not None and turns[0]["spoken"][0] == "Call 911 now.", turns[0]
    assert "ambulance" in turns[1]["heard"], turns[1]
    # Heard as a call being made ("i call ..."): "Yes, call 911 now." and the sign to tell them, not the whole 911.
    assert turns[1]["emergency_at"] is None and turns[1]["spoken"][0] != "Call 911 now.", turns[1]
    assert "Tell them: trouble breathing." in turns[1]["spoken"], turns[1]
    assert "not waking" in turns[2]["heard"], turns[2]
    assert turns[2]["emergency_at"] is not None and turns[2]["spoken"][0] == "Call 911 now.", turns[2]
    assert "very sleepy or hard to wake" in " ".join(turns[2]["spoken"]).lower(), turns[2]


def test_goodbye_after_the_call_was_made_says_the_waiting_guidance_not_call_911(assistant: Assistant) -> None:
    # Outside review 17 F13: after "I called 911", "goodbye" said "Call 911 now. Trouble breathing." again.
    talk = _in_911(assistant)
    talk.hear("I called 911")
    said = [m.text for m in talk.hear("goodbye").said_aloud]
    assert "Call 911 now." not in said and "Tell them: trouble breathing." in said, said
    assert talk.state is State.DONE
    before_the_call = _in_911(assistant)
    assert before_the_call.hear("goodbye").said_aloud[0].text == "Call 911 now."  # not called yet: the 911 first
