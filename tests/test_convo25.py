"""Issue #9 after outside review 20, the findings reproduced but left open: each through the real ``Conversation``
(and, where the finding was spoken, through real recordings heard by PocketSphinx)."""

from __future__ import annotations

import json
import re
import sys
import threading
from pathlib import Path

import pytest

from helpers import real_seconds
from tests import replay
from voicecare.app.events import EventLog
from voicecare.conversation.dialog import Conversation, State, Turn
from voicecare.conversation.voice import TurnReport, VoiceSession, VoiceSettings
from voicecare.domain import Finding, Level, Message, MessageKind, Status
from voicecare.interfaces import Microphone, Recognizer
from voicecare.speech_out.tts import DEFAULT_RATE_WPM, Pyttsx3Synthesizer, Speaker
from voicecare.testing import FakeOutputDevice, FileMicrophone, silence_wav
from voicecare.understanding.assistant import Assistant

DAUGHTER = "my daughter's back is in spasm after the park"
SET_ASIDE = "I took that to be about your son, so I did not count it for this child."
ASIDE_START = "I took that to be about your "
ANSWER_SECONDS = 15.0
EMERGENCY_SECONDS = 10.0
CEILING_SECONDS = 19.9
"""Any turn's ceiling (spoken.toml ``ceiling_seconds``)."""
"""Rule 13: "Call 911 now", the sign and "stay with your child" in under 10 s."""


def said(turn: Turn) -> str:
    return " ".join(m.text for m in turn.said_aloud)


def present(talk: Conversation) -> set[str]:
    return {f.symptom.id for f in talk.found if f.status is Status.PRESENT}


# F1: "my son Leo ... he's burning up", told while the interview is about a daughter, was her fever.


@pytest.mark.parametrize("told", ["my son Leo is here too, he's burning up", "My son Leo, he's burning up.",
                                  "my son leo he's burning up", "our little boy is here and he feels really hot",
                                  "My son is here. He's got a fever."])
def test_a_sign_of_the_caregivers_other_child_is_set_aside_and_said_so(assistant: Assistant,
                                                                       synth: Pyttsx3Synthesizer, told: str) -> None:
    talk = Conversation(assistant, heard_by_ear=True)
    talk.hear(DAUGHTER)
    talk.hear("no")
    turn = talk.hear(told)
    words = said(turn)
    assert "fever" not in present(talk) and talk.result().disposition is Level.HOME_CARE, words
    assert words.startswith(ASIDE_START) and words.endswith(talk.question_said(talk.asked[-1]).text), words
    assert turn.heard == told and talk.state is State.INTERVIEW
    assert real_seconds(synth, turn.said_aloud, DEFAULT_RATE_WPM) <= ANSWER_SECONDS, words


@pytest.mark.parametrize("told", ["she's burning up", "my son is here too, but she's burning up",
                                  "no. my son is fine, she feels really hot", "my daughter is burning up"])
def test_a_sign_of_her_still_counts(assistant: Assistant, told: str) -> None:
    talk = Conversation(assistant, heard_by_ear=True)
    talk.hear(DAUGHTER)
    talk.hear("no")
    turn = talk.hear(told)
    assert "fever" in present(talk) and SET_ASIDE not in said(turn), said(turn)


def test_the_rest_of_the_turn_is_still_the_answer(assistant: Assistant) -> None:
    # "No" to the heart question, then the son's fever: the no counts, the fever is his.
    talk = Conversation(assistant, heard_by_ear=True)
    talk.hear(DAUGHTER)
    talk.hear("no")
    turn = talk.hear("no. my son leo is burning up though")
    assert {"abnormal_heart_rate", "loss_of_control"} <= {f.symptom.id for f in talk.found
                                                          if f.status is Status.ABSENT}, said(turn)
    assert "fever" not in present(talk) and said(turn).startswith(SET_ASIDE), said(turn)
    assert talk.asked[-1].id == "fever_chills", said(turn)


def test_a_911_sign_of_the_other_child_is_never_set_aside(assistant: Assistant) -> None:
    talk = Conversation(assistant, heard_by_ear=True)
    talk.hear(DAUGHTER)
    turn = talk.hear("my son leo, he's not breathing")
    assert turn.disposition is Level.EMERGENCY and said(turn).startswith("Call 911 now."), said(turn)


def test_after_the_advice_too_and_a_son_of_a_son_is_the_child(assistant: Assistant) -> None:
    talk = Conversation(assistant)
    talk.hear(DAUGHTER)
    for _ in range(5):
        talk.hear("no")
    assert talk.state is State.ANYTHING_ELSE
    turn = talk.hear("my son is burning up")
    assert said(turn).startswith(SET_ASIDE) and talk.result().disposition is Level.HOME_CARE, said(turn)
    same = Conversation(assistant)
    same.hear("my son's back is in spasm")
    same.hear("no")
    turn = same.hear("my son is burning up")
    assert "fever" in present(same) and SET_ASIDE not in said(turn), said(turn)


# F5: in the kiosk a new conversation began at once after "goodbye": "repeat" just after it met a new one (with a
# wake phrase, nothing at all), never the last advice.

GOODBYE_VOICE = "flite-rms"
"""A voice whose wake phrase and "Goodbye." PocketSphinx hears (espeak-ng's is heard "why": measurements.md, spoken22)."""


QUIET_SECONDS = 3.0
"""Quiet after each turn: more than a turn's end needs, less than ``VoiceSettings.kept_after_goodbye``."""
FORGOTTEN_SECONDS = VoiceSettings().kept_after_goodbye + 5.0


def kiosk_reports(session: VoiceSession, files: list[Path], log: EventLog) -> list[TurnReport]:
    """The turns the kiosk loop reports for ``files``, each also written to ``log`` as the kiosk does."""
    from voicecare.app.kiosk_cli import run_kiosk

    reports: list[TurnReport] = []

    def turn(report: TurnReport) -> None:
        reports.append(report)
        log.turn(report)

    session.on_turn, session.on_reset = turn, log.reset
    stop = threading.Event()
    mics = [FileMicrophone(files, speed=0)]

    def make_mic() -> Microphone:
        if not mics:
            stop.set()
            raise OSError("test over")
        return mics.pop()

    with session.speaker:
        run_kiosk(session, session.speaker, make_mic, stop, sleep=lambda seconds: None, on_fault=log.fault)
    return reports


def test_repeat_just_after_goodbye_in_the_kiosk_gives_the_last_advice_again_under_one_conversation_id(
        assistant: Assistant, sphinx: Recognizer, tmp_path: Path) -> None:
    voices = replay.voices()
    if GOODBYE_VOICE not in voices:
        pytest.skip("flite is not installed")
    voice = replay.padded(voices[GOODBYE_VOICE])
    lines = ["Hey, voice care. My son's back is really tight after playing at the park.", *["No."] * 5,
             "Goodbye.", "Repeat.", "Hey, voice care. My daughter's back is sore."]
    files = []
    for index, line in enumerate(lines):
        files.append(tmp_path / f"{index}.wav")
        voice(line, files[-1])
        # The turn ends in the quiet; after "Repeat." the quiet outlasts the time kept after a goodbye.
        quiet = FORGOTTEN_SECONDS if line == "Repeat." else QUIET_SECONDS
        files.append(silence_wav(tmp_path / f"quiet{index}.wav", quiet))
    speaker = Speaker(Pyttsx3Synthesizer, FakeOutputDevice(speed=200))
    session = VoiceSession(assistant, sphinx, speaker, VoiceSettings(wake_phrase="hey voice care", early_replies=False))
    log = EventLog(tmp_path / "events.jsonl")
    reports = kiosk_reports(session, files, log)
    log.close()
    heard = [r.heard for r in reports]
    assert len(reports) == len(lines), heard
    advice, goodbye, again = reports[-4], reports[-3], reports[-2]
    assert goodbye.command == "goodbye" and advice.disposition == "home_care", heard
    assert again.said == advice.said and again.spoken == advice.spoken, (again, advice)
    # F4: every line of the first family's conversation has one id, the repeat's too, its reset last; the next
    # family's conversation has another.
    logged = [json.loads(line) for line in (tmp_path / "events.jsonl").read_text().splitlines()]
    events = [e for e in logged if e["event"] != "fault"]  # the test's microphone ends: a fault, of the second one
    kinds = [e["event"] for e in events]
    assert kinds == ["turn"] * (len(lines) - 1) + ["reset", "turn"], [(e["event"], e.get("turn")) for e in events]
    first, second = events[0]["conversation"], events[-1]["conversation"]
    assert {e["conversation"] for e in events[:-1]} == {first} and second != first, events
    assert re.fullmatch(r"[0-9a-f]{8}", first), first
    assert {e["conversation"] for e in logged if e["event"] == "fault"} <= {second}, logged


def test_every_event_of_a_conversation_has_its_id_and_a_reset_ends_it(tmp_path: Path) -> None:
    log = EventLog(tmp_path / "events.jsonl")
    report = TurnReport(1, "", (), "interview", None, None, None, 1.0, {})
    log.turn(report)
    log.fault("the microphone stream ended")
    log.speech_error("the synthesiser crashed")
    log.reset()
    log.turn(report)
    log.close()
    events = [json.loads(line) for line in (tmp_path / "events.jsonl").read_text().splitlines()]
    ids = [e["conversation"] for e in events]
    assert len(set(ids[:4])) == 1 and ids[4] != ids[0], ids


# F2: a sign the caregiver denied, set present later by a misreading or a guess alone, said only in print.

NO_KEPT = "I may have heard fever, but you said no to it, so I kept the no. If that changed, tell me."


def doubted(assistant: Assistant, symptom: str) -> Finding:
    """A red flag heard only in the recogniser's other reading of a turn (``findings.unsure_red_flags``)."""
    sign = next(s for t in assistant.intents.topics for s in t.symptoms if s.id == symptom)
    return Finding(sign, Status.PRESENT, 80.0, sign.name, uncertain=True)


def denied_fever(assistant: Assistant) -> Conversation:
    talk = Conversation(assistant, heard_by_ear=True)
    for answer in ("my son's back is in spasm", "no", "no", "no fever"):
        talk.hear(answer)
    assert talk.asked[-1].id == "limbs" and "fever" not in present(talk)
    return talk


def test_a_denied_sign_heard_again_only_in_doubt_keeps_the_no_and_says_so_aloud(
        assistant: Assistant, synth: Pyttsx3Synthesizer) -> None:
    talk = denied_fever(assistant)
    turn = talk.hear("no", [doubted(assistant, "fever")])
    words = said(turn)
    assert "fever" not in present(talk) and turn.disposition is not Level.URGENT, words
    assert words.startswith(NO_KEPT) and talk.asked[-1].id == "cramps_night_weight", words
    assert real_seconds(synth, turn.said_aloud, DEFAULT_RATE_WPM) <= ANSWER_SECONDS, words
    # Told plainly next, it counts (rule 9: the later statement wins).
    again = talk.hear("actually he feels warm now")
    assert "fever" in present(talk) and "Call your child's doctor right away." in said(again), said(again)


def test_a_denied_911_sign_heard_again_in_doubt_still_calls_911_with_its_doubt(
        assistant: Assistant, synth: Pyttsx3Synthesizer) -> None:
    talk = denied_fever(assistant)
    turn = talk.hear("no", [doubted(assistant, "trouble_breathing")])
    words = said(turn)
    assert turn.disposition is Level.EMERGENCY and words.startswith("Call 911 now."), words
    assert "I may have heard trouble breathing" in words and "If I heard that wrong, tell me." in words, words
    to_stay = [m for m in turn.said_aloud][:[m.text for m in turn.said_aloud].index("Stay with your child.") + 1]
    assert real_seconds(synth, to_stay, DEFAULT_RATE_WPM) <= EMERGENCY_SECONDS, words


# F3: an emergency heard only through a misreading read back as fact. The reviewer's class, in a reverberant room
# (espeak-ng en-us+m4, 150 wpm, sox reverb 50 50 100): "My son's back is really sore after playing at the park." heard
# "my son and it is really sore and our it" with confusion in another reading (911, said with its doubt), then "No,
# he is breathing fine." heard "oh she gets breathing is tired", which the answer reader takes for a yes: the 911
# was then said as fact ("Confusion.", "I heard: confusion.", "Okay, you said yes."). A yes confirms a doubted 911
# only when a yes word was said.

AUDIO = Path(__file__).parent / "data" / "audio" / "review20"
REVERB = ["reverb_m4_description", "reverb_m4_breathing_fine"]


def test_the_reverberant_rooms_misread_emergency_is_never_said_as_heard() -> None:
    from children import run_child

    files = [str(AUDIO / f"{name}.wav") for name in REVERB]
    out = run_child([sys.executable, "-m", "voicecare", "listen", "--engine", "sphinx", "--fast", "--json", "--quiet",
                     "--input-files", *files], capture_output=True, text=True, timeout=600, check=False)
    assert out.returncode in (0, 2), out.stderr
    turns = [t for t in (json.loads(line) for line in out.stdout.splitlines() if line.strip()) if t.get("turn")]
    calls = [t for t in turns if t["disposition"] == "emergency"]
    assert calls, turns  # what this room made of it: the test is about those turns
    for turn in calls:
        spoken = turn["spoken"]
        assert spoken[0] == "Call 911 now." and "you said yes" not in " ".join(spoken), spoken
        signs = [s for s, status in turn["symptoms"].items() if status == "present"]
        heard_as_fact = [line for line in turn["said"] if line.startswith("I heard:")]
        assert not heard_as_fact or not any(s.replace("_", " ") in line for s in signs for line in heard_as_fact), turn


@pytest.mark.parametrize("answer", ["oh she gets breathing is tired", "she is tired", "uh the"])
def test_words_that_are_no_yes_never_confirm_a_doubted_911(assistant: Assistant, answer: str) -> None:
    talk = Conversation(assistant, heard_by_ear=True)
    talk.hear("my son and it is really sore and our it", [doubted(assistant, "confusion")])
    turn = talk.hear(answer)
    words = said(turn)
    assert words.startswith("Call 911 now. I may have heard confusion.") and "you said yes" not in words, words


@pytest.mark.parametrize("answer", ["yes", "yeah she is", "mm hmm"])
def test_a_yes_word_still_confirms_it(assistant: Assistant, answer: str) -> None:
    talk = Conversation(assistant, heard_by_ear=True)
    talk.hear("my son and it is really sore and our it", [doubted(assistant, "confusion")])
    words = said(talk.hear(answer))
    assert words.startswith("Call 911 now. Confusion.") and "Okay, you said yes." in words, words


# F6: espeak-ng's "Goodbye." is heard "why" at an interview question: the caregiver walking away heard why the
# question matters, not the action that stood ("Call your child's doctor right away" for a fever).


def test_a_goodbye_heard_as_why_in_the_interview_still_says_the_action_that_stands(
        synth: Pyttsx3Synthesizer) -> None:
    from children import run_child

    files = [str(AUDIO / f"{name}.wav") for name in ("her_back_hot_flite_rms", "goodbye_espeak_m4")]
    out = run_child([sys.executable, "-m", "voicecare", "listen", "--engine", "sphinx", "--fast", "--json", "--quiet",
                     "--input-files", *files], capture_output=True, text=True, timeout=600, check=False)
    assert out.returncode in (0, 2), out.stderr
    turns = [json.loads(line) for line in out.stdout.splitlines() if line.strip()]
    described, last = turns[1], turns[2]
    assert described["symptoms"].get("fever") == "present" and described["disposition"] == "urgent", described
    if last["command"] == "goodbye":
        return  # heard as it was said: the goodbye's own parting words say the action
    assert last["command"] == "why", last  # the recogniser's reading of "Goodbye." (measurements.md, spoken22)
    assert "Call your child's doctor right away." in last["spoken"], last
    assert last["symptoms"] == described["symptoms"], last  # nothing hidden or changed
    messages = [Message(Level.URGENT, MessageKind.CONVERSATION, text) for text in last["spoken"]]
    assert real_seconds(synth, messages, DEFAULT_RATE_WPM) <= CEILING_SECONDS, last


def test_why_asked_in_words_or_typed_is_answered_as_before(assistant: Assistant) -> None:
    for ear, asked in ((True, "why are you asking"), (False, "why")):
        talk = Conversation(assistant, heard_by_ear=ear)
        talk.hear("her back hurts and she feels hot")
        words = said(talk.hear(asked))
        assert words.startswith("I ask because") and "doctor right away" not in words, words
