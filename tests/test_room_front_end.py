"""WebRTC's front end for a turn begun in a noisy room only, picked as PocketSphinx's model is (round speech20).

Real PocketSphinx, real recordings, noise made by sox.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from children import run_child
from tests.conftest import AUDIO
from voicecare.domain import IntentSet
from voicecare.interfaces import Recognizer, Transcript
from voicecare.speech_in import lm, stt
from voicecare.speech_in.audio import iter_wav
from voicecare.speech_in.frontend import FrontEnd, FrontEndSettings
from voicecare.speech_in.stt_sphinx import QUIET_SPREAD_DB

SAID = AUDIO / "clean" / "em_blue.wav"
"""A clean recording that starts with a quiet second (its room spread is over ``QUIET_SPREAD_DB``)."""


@pytest.fixture(scope="module")
def language(intents: IntentSet, tmp_path_factory: pytest.TempPathFactory) -> Path:
    return lm.build(intents, stt.sphinx_words(), tmp_path_factory.mktemp("lm"))


def heard(recognizer: Recognizer, pcm: bytes, block: int = 3200) -> Transcript:
    """One stream of ``pcm`` (16 kHz, 16-bit) in 0.1 s blocks, as the live loop feeds it."""
    stream = recognizer.stream()
    for start in range(0, len(pcm), block):
        stream.accept(pcm[start:start + block])
    return stream.finish()


def pcm_of(path: Path) -> bytes:
    return b"".join(chunk.pcm for chunk in iter_wav(path))


def in_pink_noise(tmp_path: Path, snr_gain: str = "0.3") -> Path:
    """``SAID`` with sox's pink noise under it from the first sample (a noisy room)."""
    noise, mixed = tmp_path / "pink.wav", tmp_path / "mixed.wav"
    seconds = str(len(pcm_of(SAID)) / 2 / 16_000)
    run_child(["sox", "-n", "-r", "16000", "-c", "1", "-b", "16", str(noise), "synth", seconds, "pinknoise",
                    "vol", snr_gain], check=True)
    run_child(["sox", "-m", str(SAID), str(noise), "-b", "16", str(mixed)], check=True)
    return mixed


def test_a_turn_begun_in_a_quiet_room_is_heard_as_without_the_front_end(sphinx: Recognizer, language: Path) -> None:
    front = stt.SphinxRecognizer.load(language, noisy_front=FrontEndSettings())
    assert "in a noisy room, after WebRTC" in front.description
    with_front, without = heard(front, pcm_of(SAID)), heard(sphinx, pcm_of(SAID))
    assert with_front.room_spread is not None and with_front.room_spread >= QUIET_SPREAD_DB
    assert (with_front.text, with_front.alternatives) == (without.text, without.alternatives)
    assert "gasping" in with_front.text


def test_a_turn_begun_in_noise_is_heard_after_the_front_end(sphinx: Recognizer, language: Path,
                                                            tmp_path: Path) -> None:
    noisy = pcm_of(in_pink_noise(tmp_path))
    front = stt.SphinxRecognizer.load(language, noisy_front=FrontEndSettings())
    got = heard(front, noisy)
    # The room is judged on the audio as it came (the spread of the noisy audio, not of the cleaned).
    assert got.room_spread is not None and got.room_spread < QUIET_SPREAD_DB
    cleaner = FrontEnd(FrontEndSettings())
    cleaned = cleaner.clean(noisy) + cleaner.rest()
    assert got.text == heard(sphinx, cleaned).text
    assert got.text != heard(sphinx, noisy).text, "the front end made no difference: was it used?"


def test_the_front_end_off_is_no_front_end(sphinx: Recognizer, language: Path, tmp_path: Path) -> None:
    noisy = pcm_of(in_pink_noise(tmp_path))
    off = stt.SphinxRecognizer.load(language, noisy_front=FrontEndSettings(enabled=False))
    assert "WebRTC" not in off.description
    assert heard(off, noisy).text == heard(sphinx, noisy).text


def test_speex_cleans_a_turn_begun_in_noise_and_leaves_a_quiet_one(sphinx: Recognizer, language: Path,
                                                                   tmp_path: Path) -> None:
    settings = FrontEndSettings(suppressor="speex")
    front = stt.SphinxRecognizer.load(language, noisy_front=settings)
    assert "in a noisy room, after Speex noise suppression -30 dB" in front.description
    quiet = heard(front, pcm_of(SAID))
    assert (quiet.text, quiet.alternatives) == (heard(sphinx, pcm_of(SAID)).text, heard(sphinx, pcm_of(SAID)).alternatives)
    noisy = pcm_of(in_pink_noise(tmp_path))
    cleaner = FrontEnd(settings)
    assert heard(front, noisy).text == heard(sphinx, cleaner.clean(noisy) + cleaner.rest()).text


@pytest.mark.parametrize("suppressor", ["webrtc", "speex"])
def test_blocks_shorter_than_the_front_ends_frame_are_heard_in_noise(language: Path, tmp_path: Path,
                                                                    suppressor: str) -> None:
    """A microphone block or a file's last block under 10 ms: the front end holds it back (nothing to decode yet),
    and PocketSphinx failed on the empty audio (round speech22's bench stopped on a recording's last block)."""
    noisy = pcm_of(in_pink_noise(tmp_path))
    front = stt.SphinxRecognizer.load(language, noisy_front=FrontEndSettings(suppressor=suppressor))  # type: ignore[arg-type]
    stream = front.stream()
    for start in range(0, len(noisy), 3200):
        stream.accept(noisy[start:start + 3200])
        stream.accept(b"\0\0" * 40)  # 2.5 ms
    got = stream.finish()
    assert got.room_spread is not None and got.room_spread < QUIET_SPREAD_DB, "not judged noisy: no front end used"
    tiny = front.stream()
    tiny.accept(noisy[:100])
    assert tiny.finish().text == ""
