"""Readings said in words (rates, temperatures, how long), heard through the live path: how many come out as typed.

Each sentence of ``data/spoken_numbers.txt`` is spoken by the bench voices
(``room_audio``), streamed in 0.1 s blocks through
``pipeline.recognize_recording`` with voicecare's own recogniser (the quiet
room's mixture where a turn starts quiet), answered as ``triage --audio``
answers, and counted heard when the answer has every finding the typed
sentence has and the same level. Printed per voice: heard / said, and with
``--show`` what was heard. False readings in ordinary talk and noise are
``bench_false_findings.py``'s.
Run: .venv/bin/python benchmarks/spoken_numbers.py [--voices A,B] [--show]
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

import room_audio as ra
from bench_room import chunks, in_room, make_recognizer

from voicecare.domain import Status
from voicecare.speech_in import pipeline
from voicecare.understanding.assistant import Assistant

SENTENCES = Path(__file__).parent / "data" / "spoken_numbers.txt"


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--voices", help="comma-separated voice names (default all)")
    parser.add_argument("--show", action="store_true", help="print what was heard")
    parser.add_argument("--label", default="")
    args = parser.parse_args()
    said = [s for s in SENTENCES.read_text(encoding="utf-8").splitlines() if s and not s.startswith("#")]
    assistant = Assistant.load()
    assistant.disclaimer_due = False
    recognizer = make_recognizer(argparse.Namespace(lm="room", mix=None, ns=None, front_end=False), assistant)
    print(f"{args.label} {len(said)} sentences; {recognizer.description}")
    total = heard_all = 0
    for voice in (v for v in ra.voices() if not args.voices or v.name in args.voices.split(",")):
        heard_n = 0
        for text in said:
            typed = assistant.answer(text)
            wanted = {f.symptom.id for f in typed.present}
            recording = pipeline.recognize_recording(chunks(in_room(ra.cached(voice, text))), recognizer, assistant,
                                                     lambda _: None)
            result = pipeline.answer_recording(assistant, recording)
            got = {f.symptom.id for f in result.findings if f.status is Status.PRESENT}
            ok = wanted <= got and result.disposition is typed.disposition
            heard_n += ok
            if args.show:
                print(f"  {'ok' if ok else 'XX'} {voice.name}: {text} -> {recording.transcript.text!r} "
                      f"({result.disposition.value}; typed {typed.disposition.value})", flush=True)
        mark = "" if voice.tuned else " (held out)"
        print(f"| {voice.name}{mark} | {heard_n}/{len(said)} |", flush=True)
        total += len(said)
        heard_all += heard_n
    print(f"all voices: {heard_all}/{total}")


if __name__ == "__main__":
    sys.path.insert(0, str(Path(__file__).parent))
    main()
