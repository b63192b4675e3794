"""Benchmark: 20 minutes of audio through the real pipeline (triage --audio), time and peak memory.

Goals (issue 8): 20 minutes handled in under 2 minutes on the dev machine,
peak RSS under 300 MB, and the emergency said at the very end still found.
The recording is made at run time (it is 38 MB): recorded caregiver
utterances separated by 20 s of quiet room noise or loud pink noise, the
last one an emergency. Real PocketSphinx; no speech out.
Run: .venv/bin/python benchmarks/bench_long_audio.py [--minutes N]
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
import time
import wave
from pathlib import Path

import numpy as np

AUDIO = Path(__file__).resolve().parents[1] / "tests" / "data" / "audio"
RATE = 16_000
GAP_SECONDS = 20.0


def read(path: Path) -> np.ndarray:
    with wave.open(str(path)) as wav:
        return np.frombuffer(wav.readframes(wav.getnframes()), dtype="<i2").astype(np.float32) / 32768


def make_recording(path: Path, minutes: float) -> None:
    rng = np.random.default_rng(8)
    speech = [read(p) for p in sorted((AUDIO / "clean").glob("[fhu]*.wav"))]  # nothing urgent enough to call 911
    last = read(AUDIO / "clean" / "em_not_breathing.wav")
    total = int(minutes * 60 * RATE)
    with wave.open(str(path), "wb") as out:
        out.setnchannels(1)
        out.setsampwidth(2)
        out.setframerate(RATE)
        written, turn = 0, 0
        while written < total - len(last):
            loud = turn % 3 == 2  # every third gap is loud noise (a vacuum cleaner), the others a quiet room
            gap = rng.standard_normal(int(GAP_SECONDS * RATE)).astype(np.float32) * (0.2 if loud else 0.003)
            block = np.concatenate([gap, speech[turn % len(speech)]])[: total - len(last) - written]
            out.writeframes((np.clip(block, -1, 1) * 32767).astype("<i2").tobytes())
            written += len(block)
            turn += 1
        out.writeframes((last * 32767).astype("<i2").tobytes())


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--minutes", type=float, default=20.0)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "long.wav"
        make_recording(path, args.minutes)
        command = [sys.executable, "-m", "voicecare", "triage", "--audio", str(path), "--engine", "sphinx",
                   "--quiet", "--json"]
        began = time.perf_counter()
        out = subprocess.run(["/usr/bin/time", "-f", "%M", *command], capture_output=True, text=True, check=False)
        elapsed = time.perf_counter() - began
    peak_mb = int(out.stderr.strip().splitlines()[-1]) / 1024
    result = json.loads(out.stdout.splitlines()[-1])
    print(f"{args.minutes:.0f} min of audio: {elapsed:.1f} s wall clock ({elapsed / (args.minutes * 60):.3f} x real time), "
          f"peak RSS {peak_mb:.0f} MB, exit {out.returncode}")
    print(f"disposition {result['disposition']}; emergency heard at {result['emergency_detected_at']} s "
          f"of {result['audio_seconds']:.0f} s; recognising took {result['timings']['recognize_seconds']:.1f} s")


if __name__ == "__main__":
    main()
