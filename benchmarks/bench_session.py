"""Benchmark: a long simulated kiosk session, idle CPU, and start-up time.

Goals (issue 4): memory flat over at least 1,000 turns; little CPU while
idly listening; a quick start. Real PocketSphinx recognition and real
pyttsx3 synthesis; the speaker is a fake device that plays instantly.
Run: .venv/bin/python benchmarks/bench_session.py [--turns N]
"""

from __future__ import annotations

import argparse
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

from voicecare.app.kiosk_cli import run_kiosk
from voicecare.conversation.voice import TurnReport, VoiceSession, VoiceSettings, turns_from
from voicecare.speech_in import lm, stt
from voicecare.speech_out.sinks import NullSink
from voicecare.speech_out.tts import Pyttsx3Synthesizer, Speaker
from voicecare.testing import FileMicrophone, silence_wav
from voicecare.understanding.assistant import Assistant

TURNS = Path(__file__).resolve().parents[1] / "tests" / "data" / "audio" / "turns"
SCRIPT = ("describe", "no", "no_nothing", "no", "no", "repeat", "yes", "skip", "stop", "start_over")


def rss_mb() -> float:
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return 0.0


def session() -> tuple[VoiceSession, Speaker]:
    assistant = Assistant.load()
    language = lm.build(assistant.intents, stt.sphinx_words(), Path(tempfile.mkdtemp()))
    recognizer = stt.SphinxRecognizer.load(language)
    speaker = Speaker(Pyttsx3Synthesizer, NullSink())  # real synthesis, nothing kept
    speaker.wait_ready()
    return VoiceSession(assistant, recognizer, speaker, VoiceSettings(reset_after=1.0)), speaker


def long_session(turns: int) -> None:
    voice, speaker = session()
    gap = silence_wav(Path(tempfile.mkdtemp()) / "gap.wav", 1.2)  # longer than reset_after: sessions reset
    files = [p for i in range(turns) for p in (TURNS / f"{SCRIPT[i % len(SCRIPT)]}.wav", gap)]
    stop = threading.Event()
    samples: list[tuple[int, float]] = []
    answered = [0]

    def on_turn(report: TurnReport) -> None:
        answered[0] += 1
        speaker.wait_idle()
        if answered[0] % 100 == 0:
            samples.append((answered[0], rss_mb()))

    voice.on_turn = on_turn
    mics = [FileMicrophone(files, speed=0)]

    def make_mic() -> FileMicrophone:
        if not mics:
            stop.set()
            raise OSError("done")
        return mics.pop(0)

    began = time.monotonic()
    run_kiosk(voice, speaker, make_mic, stop, sleep=lambda s: None, on_fault=lambda m: None)
    speaker.close()
    elapsed = time.monotonic() - began
    print(f"{answered[0]} turns in {elapsed:.0f} s ({1000 * elapsed / max(answered[0], 1):.0f} ms per turn)")
    for turn, mb in samples:
        print(f"  after {turn:>5} turns: RSS {mb:.0f} MB")
    if len(samples) >= 3:
        growth = samples[-1][1] - samples[1][1]
        verdict = "flat" if growth < 20 else "GROWING"
        print(f"memory from turn {samples[1][0]} to {samples[-1][0]}: {growth:+.1f} MB ({verdict}, goal: flat)")


def idle_cpu(seconds: float) -> None:
    voice, speaker = session()
    quiet = silence_wav(Path(tempfile.mkdtemp()) / "quiet.wav", seconds)
    mic = FileMicrophone([quiet], speed=1.0)
    mic.start()
    cpu, wall = time.process_time(), time.monotonic()
    for turn in turns_from(mic.chunks(), speaker.speaking.is_set, lambda s: None):
        voice.take_turn(turn)
    cpu, wall = time.process_time() - cpu, time.monotonic() - wall
    speaker.close()
    print(f"idle listening for {wall:.0f} s: {cpu:.2f} s of CPU = {100 * cpu / wall:.1f}% of one core")


def start_up() -> None:
    quiet = silence_wav(Path(tempfile.mkdtemp()) / "q.wav", 0.2)
    times = []
    for _ in range(3):
        began = time.monotonic()
        subprocess.run([sys.executable, "-m", "voicecare", "listen", "--input-files", str(quiet), "--fast", "--quiet"],
                       check=True, capture_output=True)
        times.append(time.monotonic() - began)
    print(f"start to ready and through one turn (new process, PocketSphinx, LM cached): best {min(times):.2f} s")


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--turns", type=int, default=1000)
    parser.add_argument("--idle-seconds", type=float, default=30.0)
    args = parser.parse_args()
    start_up()
    idle_cpu(args.idle_seconds)
    long_session(args.turns)


if __name__ == "__main__":
    main()
