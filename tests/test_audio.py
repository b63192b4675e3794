"""WAV reading and conversion: every common format, a real resampler, bounded memory, clear errors."""

from __future__ import annotations

import re
import struct
import tracemalloc
import wave
from pathlib import Path

import numpy as np
import pytest

from voicecare.errors import AudioError
from voicecare.speech_in.audio import iter_wav, read_format

AUDIO = Path(__file__).parent / "data" / "audio"


def tone(freq: float, rate: int, seconds: float = 1.0, amplitude: float = 0.5) -> np.ndarray:
    t = np.arange(int(rate * seconds)) / rate
    return (amplitude * np.sin(2 * np.pi * freq * t)).astype(np.float32)


def write_wav(path: Path, samples: np.ndarray, rate: int, width: int = 2, channels: int = 1, fmt: int = 1) -> Path:
    frames = np.repeat(samples[:, None], channels, axis=1).reshape(-1)
    if fmt == 3:
        data = frames.astype("<f4").tobytes()
        bits = 32
    elif width == 1:
        data = (frames * 127 + 128).astype(np.uint8).tobytes()
        bits = 8
    elif width == 3:
        ints = (frames * 8_388_607).astype("<i4").tobytes()
        data = b"".join(ints[i:i + 3] for i in range(0, len(ints), 4))
        bits = 24
    else:
        data = (frames * (2 ** (8 * width - 1) - 1)).astype(f"<i{width}").tobytes()
        bits = 8 * width
    block = channels * bits // 8
    fmt_chunk = struct.pack("<HHIIHH", fmt, channels, rate, rate * block, block, bits)
    body = b"WAVE" + b"fmt " + struct.pack("<I", len(fmt_chunk)) + fmt_chunk
    body += b"LIST" + struct.pack("<I", 4) + b"INFO"  # an extra chunk readers must skip
    body += b"data" + struct.pack("<I", len(data)) + data
    path.write_bytes(b"RIFF" + struct.pack("<I", len(body)) + body)
    return path


def decoded(path: Path) -> np.ndarray:
    pcm = b"".join(c.pcm for c in iter_wav(path))
    return np.frombuffer(pcm, dtype="<i2").astype(np.float32) / 32768


def dominant(samples: np.ndarray, rate: int = 16_000) -> float:
    spectrum = np.abs(np.fft.rfft(samples * np.hanning(len(samples))))
    return float(np.fft.rfftfreq(len(samples), 1 / rate)[np.argmax(spectrum)])


@pytest.mark.parametrize(("rate", "width", "channels", "fmt"), [
    (16_000, 2, 1, 1), (44_100, 2, 2, 1), (48_000, 4, 1, 3), (22_050, 3, 1, 1), (8_000, 1, 1, 1),
    (11_025, 2, 6, 1), (96_000, 4, 2, 1),
])
def test_every_common_format_becomes_16k_mono_with_the_same_tone(tmp_path: Path, rate: int, width: int,
                                                                 channels: int, fmt: int) -> None:
    path = write_wav(tmp_path / "t.wav", tone(440, rate), rate, width, channels, fmt)
    out = decoded(path)
    assert abs(len(out) - 16_000) < 200  # one second stays one second
    assert abs(dominant(out) - 440) < 5
    assert 0.40 < np.max(np.abs(out[2000:-2000])) < 0.56


def test_resampler_is_band_limited_not_sample_dropping(tmp_path: Path) -> None:
    # A 10 kHz tone cannot exist at 16 kHz: a real resampler removes it,
    # dropping samples would fold it to 6 kHz at nearly full strength.
    out = decoded(write_wav(tmp_path / "hi.wav", tone(10_000, 48_000), 48_000))
    assert np.sqrt(np.mean(out**2)) < 0.01
    kept = decoded(write_wav(tmp_path / "ok.wav", tone(7_000, 48_000), 48_000))
    assert abs(dominant(kept) - 7_000) < 10 and np.sqrt(np.mean(kept**2)) > 0.3


def test_recorded_format_copies_decode(tmp_path: Path) -> None:
    for path in sorted((AUDIO / "formats").glob("*.wav")):
        out = decoded(path)
        assert 2.0 < len(out) / 16_000 < 5.0, path.name
        assert np.max(np.abs(out)) > 0.1, path.name


def test_long_file_streams_in_bounded_memory(tmp_path: Path) -> None:
    path = tmp_path / "long.wav"
    with wave.open(str(path), "wb") as out:
        out.setnchannels(2)
        out.setsampwidth(2)
        out.setframerate(44_100)
        block = (tone(300, 44_100, 10.0) * 32767).astype("<i2")
        stereo = np.repeat(block[:, None], 2, axis=1).tobytes()
        for _ in range(60):  # ten minutes, 106 MB
            out.writeframes(stereo)
    tracemalloc.start()
    total = sum(len(c.pcm) for c in iter_wav(path))
    peak = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()
    assert abs(total / 2 / 16_000 - 600) < 1
    assert peak < 5_000_000


@pytest.mark.parametrize(("content", "message"), [
    (b"hello, this is text", "not a WAV file"),
    (b"RIFF\x00\x00\x00\x00WAVE", "no audio data"),
    (b"RIFF\x24\x00\x00\x00WAVEfmt \x10\x00\x00\x00\x02\x00\x01\x00\x40\x1f\x00\x00\x00\x00\x00\x00\x02\x00\x04\x00",
     "unsupported WAV encoding (format 2"),
])
def test_bad_files_are_one_line_audio_errors(tmp_path: Path, content: bytes, message: str) -> None:
    path = tmp_path / "bad.wav"
    path.write_bytes(content)
    with pytest.raises(AudioError, match=re.escape(message)) as info:
        read_format(path)
    assert "\n" not in str(info.value)


def test_missing_file_and_folder(tmp_path: Path) -> None:
    with pytest.raises(AudioError, match="no such audio file"):
        read_format(tmp_path / "nope.wav")
    with pytest.raises(AudioError, match="is a folder"):
        read_format(tmp_path)


@pytest.mark.parametrize("size", [100, 44, 30, 11])
def test_a_file_cut_short_with_no_usable_audio_is_an_error(tmp_path: Path, size: int) -> None:
    # `truncate -s 100 x.wav` was read as silence, exit 0 (issue #9): a header promising audio it does not hold,
    # or too short to hold a header, is a one-line error.
    path = write_wav(tmp_path / "t.wav", tone(440, 16_000), 16_000)
    path.write_bytes(path.read_bytes()[:size])
    with pytest.raises(AudioError) as caught:
        read_format(path)
    assert "\n" not in str(caught.value) and str(path) in str(caught.value)


def test_an_empty_recording_is_still_read_as_silence(tmp_path: Path) -> None:
    # A complete header that promises no audio is an empty recording (README: it gives "unclear").
    path = write_wav(tmp_path / "e.wav", tone(440, 16_000, seconds=0.0), 16_000)
    assert read_format(path).data_bytes == 0


def test_truncated_data_is_read_as_far_as_it_goes(tmp_path: Path) -> None:
    path = write_wav(tmp_path / "t.wav", tone(440, 16_000), 16_000)
    path.write_bytes(path.read_bytes()[:20_000])
    assert 0.2 < len(decoded(path)) / 16_000 < 0.7


def test_a_file_is_read_in_the_blocks_the_microphone_gives(tmp_path: Path) -> None:
    # What the bench measures on files must be what the live loop does: the early 911's wait and the pause before
    # a reply are counted in blocks, and files were read in 0.1 s blocks while the microphone gave 0.05 s ones.
    from voicecare.speech_in import devices
    from voicecare.speech_in.audio import BLOCK_SECONDS

    path = tmp_path / "one_second.wav"
    with wave.open(str(path), "wb") as sink:
        sink.setnchannels(1)
        sink.setsampwidth(2)
        sink.setframerate(16_000)
        sink.writeframes(b"\x00\x00" * 16_000)
    blocks = list(iter_wav(path))
    assert devices.MIC_BLOCK_SECONDS == BLOCK_SECONDS
    assert {round(b.seconds, 4) for b in blocks} == {BLOCK_SECONDS}
    assert len(blocks) == round(1 / BLOCK_SECONDS)
