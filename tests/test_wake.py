"""The kiosk's wake phrase, heard by the real PocketSphinx in real synthesised speech (issue #9).

Before speech_in/wake.py the phrase was looked for only in the transcript,
where PocketSphinx's model for descriptions heard "hey voice care" as
"came boy's carried": one voice in seven woke the kiosk.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from tests import replay
from voicecare.conversation.voice import TurnReport, VoiceSession, VoiceSettings
from voicecare.interfaces import Recognizer, Transcript, Woken
from voicecare.speech_in import pipeline, wake
from voicecare.speech_in.audio import iter_wav
from voicecare.speech_out.tts import Pyttsx3Synthesizer, Speaker
from voicecare.testing import FakeOutputDevice
from voicecare.understanding.assistant import Assistant

PHRASE = "hey voice care"
"""The English language.toml's wake_phrase (the session is given it, as the kiosk is)."""
TUNING_VOICES = ("piper-joe", "flite-rms", "flite-kal", "espeak-en-us")
WAKING_VOICES = ("piper-joe", "flite-rms")
"""The tuning voices in which the keyword search hears the phrase alone; flite's kal and espeak-ng's en-us
are heard too poorly by PocketSphinx (their figures are in README.md, from benchmarks/bench_wake.py)."""
NOT_THE_PHRASE = (
    "Take care of yourself and call me when you get home.",
    "Hey boys, be careful on the stairs with those boxes.",
    "My son's back is really tight after playing at the park.",
    "He lost his voice after cheering at the game.",
)


@pytest.fixture(scope="module")
def voices() -> dict[str, replay.Voice]:
    found = replay.voices()
    missing = [v for v in WAKING_VOICES if v not in found]
    if missing:
        pytest.skip(f"synthesisers missing: {missing} (scripts/setup.sh installs piper, flite, espeak-ng)")
    return found


def asleep(assistant: Assistant, sphinx: Recognizer, reports: list[TurnReport]) -> VoiceSession:
    speaker = Speaker(Pyttsx3Synthesizer, FakeOutputDevice(speed=200))
    return VoiceSession(assistant, sphinx, speaker, VoiceSettings(wake_phrase=PHRASE, early_replies=False),
                        reports.append)


def hear(session: VoiceSession, voice: replay.Voice, text: str, folder: Path) -> None:
    path = folder / "said.wav"
    voice(text, path)
    session.take_recording(iter_wav(path, session.recognizer.rate))
    session.speaker.close()


@pytest.mark.parametrize("name", WAKING_VOICES)
def test_the_phrase_alone_wakes_the_kiosk(name: str, voices: dict[str, replay.Voice], assistant: Assistant,
                                          sphinx: Recognizer, tmp_path: Path) -> None:
    reports: list[TurnReport] = []
    session = asleep(assistant, sphinx, reports)
    hear(session, voices[name], "Hey, voice care.", tmp_path)
    assert session.awake and len(reports) == 1
    assert reports[0].state != "emergency" and reports[0].symptoms == {}


@pytest.mark.parametrize("name", ["piper-joe", "flite-rms"])
def test_what_follows_the_phrase_is_the_description_without_the_phrase(
        name: str, voices: dict[str, replay.Voice], assistant: Assistant, sphinx: Recognizer, tmp_path: Path) -> None:
    reports: list[TurnReport] = []
    session = asleep(assistant, sphinx, reports)
    hear(session, voices[name], "Hey, voice care. My son's back hurts.", tmp_path)
    assert session.awake and [r.symptoms for r in reports] == [{"back_spasm": "present"}]


@pytest.mark.parametrize("name", TUNING_VOICES)
@pytest.mark.parametrize("text", NOT_THE_PHRASE)
def test_the_keyword_search_does_not_hear_the_phrase_where_it_was_not_said(
        name: str, text: str, voices: dict[str, replay.Voice], tmp_path: Path) -> None:
    listener = wake.SphinxWake(PHRASE)
    path = tmp_path / "said.wav"
    voices[name](text, path)
    heard = []
    for utterance in pipeline.utterances(iter_wav(path, listener.rate)):
        stream = listener.stream()
        for chunk in utterance:
            stream.accept(chunk.pcm)
        heard.append(stream.finish())
    assert heard and heard == [None] * len(heard)


@pytest.mark.parametrize("name", WAKING_VOICES)
@pytest.mark.parametrize("text", NOT_THE_PHRASE[:3])
def test_speech_without_the_phrase_leaves_the_kiosk_asleep(name: str, text: str, voices: dict[str, replay.Voice],
                                                            assistant: Assistant, sphinx: Recognizer,
                                                            tmp_path: Path) -> None:
    # flite's rms "back is really tight" had "chills" (urgent, no emergency) among its readings: before
    # wake.alarm_heard any red flag in any reading woke the asleep kiosk.
    reports: list[TurnReport] = []
    session = asleep(assistant, sphinx, reports)
    hear(session, voices[name], text, tmp_path)
    assert not session.awake and reports == []


@pytest.mark.parametrize("name", ("piper-joe", "flite-rms", "flite-kal"))
def test_an_emergency_without_the_phrase_still_gets_through(name: str, voices: dict[str, replay.Voice],
                                                            assistant: Assistant, sphinx: Recognizer,
                                                            tmp_path: Path) -> None:
    reports: list[TurnReport] = []
    session = asleep(assistant, sphinx, reports)
    hear(session, voices[name], "Help, he is not breathing and his lips are blue.", tmp_path)
    assert [r.disposition for r in reports] == ["emergency"]
    assert reports[0].said[0] == "Call 911 now."


# ---- an emergency heard while asleep: how sure the recogniser must be


def heard_as(best: str, *others: str) -> Transcript:
    return Transcript(best, True, others)


@pytest.mark.parametrize(("transcript", "acted", "wakes"), [
    # The best reading says it: it wakes, whatever the rest.
    (heard_as("he is not breathing"), False, True),
    # A partial result said "Call 911 now" already: the session must wake to go on with it.
    (heard_as("he is not"), True, True),
    # One other reading with a sign is how ordinary talk reads (n-best lists swap a word or two).
    (heard_as("health care costs are rising again", "health care costs are fainting again"), False, False),
    # Two readings agreeing on the same sign: heard.
    (heard_as("his lips are glue", "his lips are blue", "his lips are blue and"), False, True),
    # Two readings with different signs do not agree.
    (heard_as("the weather", "he fainted", "she can't breathe"), False, False),
    # A lesser sign (urgent: chills) in every reading never wakes it: only an emergency is acted on asleep.
    (heard_as("back is really tight", "back is really chills", "back chills"), False, False),
    # One reading is enough when the best one holds most of the words its sign was heard from (piper's joe said
    # "The heart of my daughter is beating very, very fast, I count almost 200 in one minute.").
    (heard_as("but heart my daughter's be carried very fast but cowboy", "but heart my daughter's be carried bearing fast",
              "but heart my daughter's be carried barely fast but cowboy"), False, True),
])
def test_an_emergency_only_other_readings_heard_wakes_the_kiosk_when_they_agree(
        assistant: Assistant, transcript: Transcript, acted: bool, wakes: bool) -> None:
    assert wake.alarm_heard(assistant.understand_partial, transcript.text, transcript, acted=acted) is wakes


def test_the_readings_of_a_command_are_no_emergency(assistant: Assistant) -> None:
    slower = heard_as("slower", "he is not breathing", "he is not breathing now")
    assert wake.alarm_heard(assistant.understand_partial, "slower", slower, acted=False)
    assert not wake.alarm_heard(assistant.understand_partial, "slower", slower, acted=False, command=True)


def test_a_search_left_open_by_a_fault_does_not_stop_the_next(voices: dict[str, replay.Voice],
                                                              tmp_path: Path) -> None:
    listener = wake.SphinxWake(PHRASE)
    path = tmp_path / "wake.wav"
    voices["flite-rms"]("Hey, voice care.", path)
    pcm = b"".join(chunk.pcm for chunk in iter_wav(path, listener.rate))
    cut = listener.stream()
    cut.accept(pcm[: len(pcm) // 4])  # the microphone went away: never finished
    stream = listener.stream()
    stream.accept(pcm)
    woken = stream.finish()
    assert woken is not None and woken.end is not None and 0.2 < woken.end <= len(pcm) / 2 / listener.rate


def test_a_word_missing_from_the_dictionary_is_a_model_error() -> None:
    from voicecare.errors import ModelError

    with pytest.raises(ModelError, match="zorbly"):
        wake.SphinxWake("hey zorbly")


# ---- the transcript as a second path


@pytest.mark.parametrize(("text", "upto"), [
    ("hey voice care my son's back hurts", 3),
    ("hey voicecare my son", 2),
    ("um hey voice cares", 4),
    ("he voice care", 3),
    ("hey voice", None),
    ("voice care", None),
    ("take care of yourself", None),
    ("this is the voice of customer care", None),
    ("", None),
])
def test_the_transcript_says_the_phrase_tolerantly(assistant: Assistant, text: str, upto: int | None) -> None:
    assert wake.said_in(PHRASE, text, assistant.intents.language.tokens) == upto


def test_the_recogniser_s_reading_of_the_phrase_is_no_part_of_the_description(assistant: Assistant) -> None:
    tokens = assistant.intents.language.tokens
    heard = Transcript("came boy's carried my son's back hurts", True, words=(
        ("came", 0.3, 0.5), ("boy's", 0.5, 0.8), ("carried", 0.8, 1.2), ("my", 1.6, 1.7), ("son's", 1.7, 2.0),
        ("back", 2.0, 2.3), ("hurts", 2.3, 2.6)))
    assert wake.after_wake(PHRASE, heard, heard.text, Woken(1.1), tokens) == "my son's back hurts"
    # Without where the phrase ended, only the text match can take it out; here it cannot, so the words stay.
    assert wake.after_wake(PHRASE, heard, heard.text, Woken(None), tokens) == heard.text
    assert wake.after_wake(PHRASE, heard, "hey voice care my son", None, tokens) == "my son"


def test_vosk_listens_with_a_grammar_of_the_phrase(assistant: Assistant) -> None:
    from tests.conftest import AUDIO, korean_vosk_model
    from voicecare.speech_in import stt

    recognizer = stt.VoskRecognizer.load(korean_vosk_model())
    listener = wake.listener_for(recognizer, "안녕하세요")
    assert isinstance(listener, wake.GrammarWake)
    stream = listener.stream()
    for chunk in iter_wav(AUDIO / "clean" / "un_lunch.wav", recognizer.rate):
        stream.accept(chunk.pcm)
    assert stream.finish() is None  # English talk is "[unk]" to a grammar of one Korean phrase
