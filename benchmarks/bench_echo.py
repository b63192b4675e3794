"""Echo bench: what the echo stage keeps of a caregiver talking over voicecare, what it lets through of
voicecare alone, and its CPU per microphone block.

voicecare (espeak-ng) says its disclaimer and a question; the room (``testing.RoomEcho``'s path: 80 ms later,
-6 dB) brings it to the microphone; "Wait, now he is not breathing." (espeak-ng, tests/data) is said over it.
Offline, block by block, as the live loop feeds the gate (the played blocks stamped as if just played).
Figures: share of mixed blocks (caregiver speech in them) passed, the caregiver's level over what is left of
the echo in them (dB; before: the raw mix), share of echo-only blocks silenced, and ms per block.
Run: .venv/bin/python benchmarks/bench_echo.py
(the old gate: PYTHONPATH=<checkout>/src .venv/bin/python benchmarks/bench_echo.py)
"""

from __future__ import annotations

import time
from collections import deque
from pathlib import Path

import numpy as np
import numpy.typing as npt

from voicecare.speech_in.audio import AudioChunk, Resampler, iter_wav
from voicecare.speech_in.echo import EchoGate
from voicecare.speech_out.tts import Pyttsx3Synthesizer

RATE = 16_000
DELAY_SECONDS = 0.08
GAIN = 0.5
SPOKEN_BLOCK_SECONDS = 0.02
CAREGIVER = Path(__file__).resolve().parents[1] / "tests" / "data" / "audio" / "turns" / "not_breathing.wav"
SPEECH_RMS = 0.01
"""A block whose caregiver part is louder than this holds caregiver speech."""


class Played:
    """The speaker as the gate sees it: the blocks played lately, stamped with time.monotonic()."""

    def __init__(self) -> None:
        self.played: deque[tuple[float, bytes, int]] = deque(maxlen=100)


def floats(pcm: bytes) -> npt.NDArray[np.float32]:
    return np.frombuffer(pcm, dtype="<i2").astype(np.float32) / np.float32(32768)


def pcm16(samples: npt.NDArray[np.float32]) -> bytes:
    return bytes((np.clip(samples, -1, 1) * 32767).astype("<i2").tobytes())


def run(block_seconds: float, with_caregiver: bool) -> dict[str, float]:
    clip = Pyttsx3Synthesizer().synth("I do not replace a doctor. Does he have a fever?", 165)
    spoken = Resampler(clip.rate, RATE)(floats(clip.pcm), last=True)
    echo = np.concatenate([np.zeros(int(DELAY_SECONDS * RATE), np.float32), spoken * GAIN])
    voice = floats(b"".join(c.pcm for c in iter_wav(CAREGIVER, RATE))) if with_caregiver else np.zeros(0, np.float32)
    voice = np.concatenate([np.zeros(int(0.5 * RATE), np.float32), voice])[: len(echo)]
    voice = np.pad(voice, (0, len(echo) - len(voice)))
    speaker = Played()
    base = time.monotonic()
    clock = [base]
    try:  # the stream's clock, so that the room's delay can be learnt
        gate = EchoGate(speaker, RATE, clock=lambda: clock[0])  # type: ignore[arg-type,call-arg,unused-ignore]
    except TypeError:  # the old gate reads time.monotonic() itself
        gate = EchoGate(speaker, RATE)  # type: ignore[arg-type,unused-ignore]
        base = 0.0
    step = int(clip.rate * SPOKEN_BLOCK_SECONDS) * 2
    n = int(block_seconds * RATE)
    mixed = kept = echo_only = silenced = 0
    before: list[float] = []
    after: list[float] = []
    took = 0.0
    for start in range(0, len(echo) - n, n):
        heard_until = (start + n) / RATE
        now = time.monotonic() if base == 0.0 else base + heard_until
        clock[0] = now
        speaker.played.clear()
        for offset in range(0, len(clip.pcm), step):  # what was played by now, stamped as if just played
            at = offset / 2 / clip.rate
            if at <= heard_until:
                speaker.played.append((now - (heard_until - at), clip.pcm[offset:offset + step], clip.rate))
        part, room = voice[start:start + n], echo[start:start + n]
        chunk = AudioChunk(pcm16(part + room), RATE, start / RATE)
        began = time.perf_counter()
        out = floats(gate(chunk).pcm)
        took += time.perf_counter() - began
        if float(np.sqrt(np.mean(part**2))) > SPEECH_RMS:
            mixed += 1
            if out.any():
                kept += 1
                before.append(_db(part, room))
                after.append(_db(part, out - part))
        elif float(np.sqrt(np.mean(room**2))) > SPEECH_RMS:
            echo_only += 1
            silenced += not out.any()
    blocks = max(1, len(range(0, len(echo) - n, n)))
    return {"mixed": mixed, "kept": kept / max(mixed, 1), "snr_before": float(np.median(before or [0.0])),
            "snr_after": float(np.median(after or [0.0])), "echo": echo_only, "silenced": silenced / max(echo_only, 1),
            "ms": 1000 * took / blocks}


def _db(signal: npt.NDArray[np.float32], noise: npt.NDArray[np.float32]) -> float:
    return float(10 * np.log10(max(float(np.sum(signal**2)), 1e-12) / max(float(np.sum(noise**2)), 1e-12)))


def main() -> None:
    print("block   mixed  kept   caregiver/echo dB (raw -> out)   echo-only  silenced   ms/block")
    for block_seconds in (0.02, 0.05, 0.1):
        talk = run(block_seconds, with_caregiver=True)
        alone = run(block_seconds, with_caregiver=False)
        print(f"{block_seconds * 1000:3.0f} ms  {talk['mixed']:5.0f}  {talk['kept']:5.1%}  "
              f"{talk['snr_before']:6.1f} -> {talk['snr_after']:6.1f}                "
              f"{alone['echo']:5.0f}     {alone['silenced']:6.1%}   {(talk['ms'] + alone['ms']) / 2:6.2f}")


if __name__ == "__main__":
    main()
