"""Care questions, the call to 911 made and the wait for help, said aloud (outside review 17 F5-F7).

None of their words could be heard: PocketSphinx's model is built from the intents, and these sentences are no
sign, so "ibuprofen", "heating pad" and "daycare" were not in it ("is ants get him ninety puffing", a false 911),
and a spoken care question was never answered by ``triage --audio`` even when heard word for word. The sentences
people say are in the intents (language.toml and topic.toml ``[recogniser] said``); these tests check that every
one can be heard and means what it is there for, and replay real recordings through the real recogniser.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

import pytest

from children import run_child
from tests import replay
from voicecare.conversation.dialog import Conversation, State
from voicecare.domain import IntentSet, Level, Status
from voicecare.speech_in import lm, stt
from voicecare.understanding.assistant import Assistant

GUIDANCE = "Stay with your child and do what the 911 team tells you"
"""The start of spoken.toml's [calling_911] done_said (after "Good."): the reply to a call already made."""


def test_every_said_line_is_in_the_recognisers_dictionary_and_the_model(intents: IntentSet) -> None:
    # A line with a word the dictionary lacks is left out of the model without a word ("calpol"): it could never
    # be heard, so it must not be written as if it could.
    known = stt.sphinx_words()
    spoken = {**intents.language.spoken_numbers, **{k: v for t in intents.topics for k, v in t.spoken_numbers.items()}}
    lines = lm.said(intents)
    assert len(lines) > 20
    unknown = {line: [w for w in lm.lm_words(line, spoken) if w not in known] for line in lines}
    assert not {line: words for line, words in unknown.items() if words}
    trained = {" ".join(lm.lm_words(s, spoken)) for s in lm.sentences(intents, with_said=True)}
    assert all(" ".join(lm.lm_words(line, spoken)) in trained for line in lines)


def test_the_topics_said_lines_are_care_questions_with_no_sign(intents: IntentSet, assistant: Assistant) -> None:
    # Each trains the recogniser to expect it: a line that held a warning sign, or no care question, would teach it to
    # hear something the matcher then reads otherwise.
    for line in (line for topic in intents.topics for line in topic.lm_said):
        assert assistant.care_questions(line, on_topic=True), line
        signs = [f for f in assistant.understand(line) if f.status is Status.PRESENT]
        assert all(f.symptom.level is Level.HOME_CARE for f in signs), line  # "back spasms" is the topic itself


def test_the_languages_said_lines_are_a_call_made_during_a_911(intents: IntentSet, assistant: Assistant) -> None:
    for line in intents.language.lm_said:
        talk = Conversation(assistant)
        assert talk.hear("her lips are turning blue").disposition is Level.EMERGENCY
        words = " ".join(m.text for m in talk.hear(line).said_aloud)
        assert GUIDANCE in words and "Call 911 now." not in words, (line, words)
        assert talk.state is State.EMERGENCY


def _triage_audio(*paths: Path) -> list[dict[str, object]]:
    done = run_child([sys.executable, "-m", "voicecare", "triage", "--audio", *map(str, paths), "--json",
                           "--quiet"], capture_output=True, text=True, check=True)
    return [json.loads(line) for line in done.stdout.splitlines()]


@pytest.mark.parametrize("voice", ["piper-joe"])  # a tuned voice (benchmarks/bench_said_questions.py has all)
def test_a_spoken_care_question_is_answered_as_a_typed_one(tmp_path: Path, voice: str) -> None:
    # Outside review 17 F6: all 17 recordings gave no care answer (unclear 16, urgent 1: "fell on july ice his
    # back"); heard word for word, "can i use a heating pad at night for her back" still got "Sorry, I missed that".
    voices = replay.voices()
    if voice not in voices:
        pytest.skip(f"{voice} is not installed here")
    asked = {"Can I use a heating pad at night for her back?": "heat_at_bedtime",
             "Can she go to daycare with her sore back?": "activity",
             "Is ibuprofen alright for his back pain?": "medicine"}
    paths = []
    for index, text in enumerate(asked):
        paths.append(tmp_path / f"{index}.wav")
        replay.padded(voices[voice])(text, paths[-1])
    for (text, care), line in zip(asked.items(), _triage_audio(*paths), strict=True):
        assert [c["id"] for c in line["care_questions"]] == [care], (text, line["transcript"])  # type: ignore[index]
        assert line["disposition"] != Level.EMERGENCY.id, (text, line["transcript"])


@pytest.mark.parametrize("voice", ["piper-joe"])
def test_a_spoken_call_made_during_a_911_gets_the_guidance_not_the_911_again(tmp_path: Path, voice: str) -> None:
    # Outside review 17 F7: flite's "I called 911." was heard "bye called nine hundred eleven" and 2 of 3 voices got
    # "Call 911 now" again; F5: "what should I do while I wait?" was "what should i do white lie weight".
    voices = replay.voices()
    if voice not in voices:
        pytest.skip(f"{voice} is not installed here")
    caregiver = replay.Caregiver("called", ("He can't breathe.", "I called nine one one.",
                                            "What should I do while I wait?"), "emergency", emergency_turn=1)
    run = replay.replay(caregiver, voice, voices[voice], tmp_path)
    heard = [t["heard"] for t in run.turns]
    first, *after = [t for t in run.turns if t["turn"] > 0]
    assert first["disposition"] == Level.EMERGENCY.id, heard
    assert len(after) == 2, heard
    for turn in after:
        words = " ".join(turn["spoken"])
        assert turn["state"] == "emergency" and GUIDANCE in words, (heard, turn)
        assert "again because" not in words and "what you said" not in words.lower(), (heard, turn)
