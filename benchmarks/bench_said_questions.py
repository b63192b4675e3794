"""Spoken care questions and "I called 911" through the real recogniser and conversation, per voice.

Outside review 17 (F5-F7): spoken care questions ("can I use a heating pad at night?", "is it safe to give him
ibuprofen?") were understood in none of 17 recordings, one became "Call 911 now", and a spoken "I called 911."
during a 911 got the 911 again. Sentences: ``data/said_questions.tsv`` (a care.toml id, or ``called``). Each is
said by every bench voice (room_audio.py) and answered three ways:

- alone, as ``voicecare triage --audio`` answers one recording (care questions): right when the care question
  the typed sentence finds is found (the same ``care_questions``);
- in a conversation, after a spoken description of a sore back ("his back is sore after playing"), while the
  first red-flag question waits (care questions): right when the reply holds the care answer;
- in a conversation, after a spoken 911 ("he can't breathe") (``called``): right when the reply is the
  short guidance for a call made (spoken.toml ``[calling_911] done_said``).

A false 911 is "Call 911 now" in a reply to a care question; "911 again" is a reply to a call already made
that says the 911 again without the guidance for a call made. Printed per voice (tuned voices apart from held-out
ones), with the words heard for the tuned voices only when ``--show`` is given.
Measured (round speech19, docs/measurements.md): held-out flite slt, before -> after, alone 4 -> 14/15, interview
0 -> 11/15 (false 911 9 -> 2), called 1 -> 8/9; every voice there. About 5 minutes a voice on a loaded machine.
Run: .venv/bin/python benchmarks/bench_said_questions.py [--voices A,B] [--show] [--only alone,interview,called]
"""

from __future__ import annotations

import argparse
import contextlib
import io
import json
import subprocess
import sys
import tempfile
import tomllib
from collections import Counter
from pathlib import Path

import room_audio as ra

ROOT = Path(__file__).resolve().parents[1]
SENTENCES = Path(__file__).parent / "data" / "said_questions.tsv"
INTENTS = ROOT / "intents" / "en"
"""Read for the answers' words; the intents the product loads are its own checkout's (PYTHONPATH for another)."""
DESCRIPTION = "his back is sore after playing"
EMERGENCY = "he can't breathe"
CALLED = "called"


def read_sentences() -> list[tuple[str, str]]:
    rows = [line.split("\t") for line in SENTENCES.read_text(encoding="utf-8").splitlines()
            if line and not line.startswith("#")]
    return [(kind, text) for kind, text in rows]


def care_answers() -> dict[str, str]:
    """Each care question's answer, first sentence (the rest may wait for "more")."""
    topic = INTENTS / "topics" / "back_spasm_toddler" / "care.toml"
    care = tomllib.loads(topic.read_text(encoding="utf-8"))["care"]
    return {key: value["answer"].split(". ")[0].split(": ")[0] for key, value in care.items()}


def texts() -> tuple[str, str]:
    """The 911's first words and the call-made guidance's, as the intents say them."""
    messages = tomllib.loads((INTENTS / "messages.toml").read_text(encoding="utf-8"))
    spoken = tomllib.loads((INTENTS / "spoken.toml").read_text(encoding="utf-8"))
    return messages["messages"]["emergency"], spoken["calling_911"]["done_said"].split(". ")[0]


def recordings(voice: ra.Voice, lines: list[str], folder: Path) -> dict[str, Path]:
    out: dict[str, Path] = {}
    for index, text in enumerate(lines):
        path = folder / f"{voice.name}-{index:02d}.wav"
        ra.write_wav(path, ra.cached(voice, text))
        out[text] = path
    return out


def alone(paths: list[Path]) -> list[dict[str, object]]:
    """``voicecare triage --audio`` on every recording, one process (as a caregiver runs it)."""
    command = [sys.executable, "-m", "voicecare", "triage", "--audio", *map(str, paths), "--json", "--quiet"]
    done = subprocess.run(command, capture_output=True, text=True, check=False)
    return [json.loads(line) for line in done.stdout.splitlines() if line.startswith("{")]


def typed_care(text: str) -> list[str]:
    command = [sys.executable, "-m", "voicecare", "triage", "--text", text, "--json"]
    done = subprocess.run(command, capture_output=True, text=True, check=False)
    line = json.loads(done.stdout.splitlines()[0])
    return sorted(c["id"] if isinstance(c, dict) else c for c in line.get("care_questions", []))


class Conversations:
    """One ``listen`` session (its recogniser loaded once), started afresh for each conversation."""

    def __init__(self) -> None:
        from voicecare.app.cli import build_parser
        from voicecare.app.voice_cli import settings_from, voice_session

        args = build_parser().parse_args(["listen", "--input-files", "x.wav", "--json", "--fast", "--quiet"])
        with contextlib.redirect_stderr(io.StringIO()):
            self.session, self.speaker, _, _ = voice_session(args, settings_from(args))
        self.replies: list[tuple[str, tuple[str, ...]]] = []
        self.session.on_turn = lambda report: self.replies.append((report.heard, report.said))

    def run(self, files: list[Path]) -> list[tuple[str, tuple[str, ...]]]:
        from voicecare.speech_in.audio import iter_wav

        session = self.session
        session.reset()
        self.replies.clear()
        session.greet()
        for path in files:
            session.take_recording(iter_wav(path, session.recognizer.rate), self.speaker.wait_idle)
            if session.done:
                break
        self.speaker.wait_idle()
        return list(self.replies)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--voices", help="voice names, comma-separated (default: every bench voice)")
    parser.add_argument("--only", default="alone,interview,called", help="which of alone, interview, called")
    parser.add_argument("--show", action="store_true", help="print tuned voices' words heard")
    args = parser.parse_args()
    only = set(args.only.split(","))
    chosen = set(args.voices.split(",")) if args.voices else None
    voices = [v for v in ra.voices() if chosen is None or v.name in chosen]
    rows = read_sentences()
    answers = care_answers()
    emergency, done_said = texts()
    care_rows = [(k, t) for k, t in rows if k != CALLED]
    called_rows = [(k, t) for k, t in rows if k == CALLED]
    typed = {t: typed_care(t) for _, t in care_rows} if "alone" in only else {}
    talk = Conversations() if only & {"interview", "called"} else None
    totals: dict[bool, Counter[str]] = {True: Counter(), False: Counter()}
    with tempfile.TemporaryDirectory(prefix="said-") as folder:
        for voice in voices:
            wavs = recordings(voice, [DESCRIPTION, EMERGENCY, *(t for _, t in rows)], Path(folder))
            shown = args.show and voice.tuned
            got: Counter[str] = Counter()
            if "alone" in only:
                for (_, text), line in zip(care_rows, alone([wavs[t] for _, t in care_rows]), strict=True):
                    found = sorted(c["id"] if isinstance(c, dict) else c for c in line.get("care_questions", []))
                    got["alone"] += 1
                    got["alone right"] += found == typed[text]
                    got["alone 911"] += line.get("disposition") == "emergency"
                    if shown:
                        print(f"  alone {voice.name}: {text!r} -> {line.get('transcript')!r} {found} {line.get('disposition')}")
            if "interview" in only and talk is not None:
                for kind, text in care_rows:
                    replies = talk.run([wavs[DESCRIPTION], wavs[text]])
                    said = " ".join(replies[-1][1]) if len(replies) > 2 else ""
                    got["interview"] += 1
                    got["interview right"] += answers[kind] in said
                    got["interview 911"] += emergency in said
                    if shown:
                        heard = [r[0] for r in replies[1:]]
                        print(f"  interview {voice.name}: {text!r} -> {heard} {said[:90]!r}")
            if "called" in only and talk is not None:
                for _, text in called_rows:
                    replies = talk.run([wavs[EMERGENCY], wavs[text]])
                    said = " ".join(replies[-1][1]) if len(replies) > 2 else ""
                    first = " ".join(replies[1][1]) if len(replies) > 1 else ""
                    got["called"] += 1
                    got["called 911 first"] += emergency in first
                    got["called right"] += done_said in said
                    got["called 911 again"] += emergency in said and done_said not in said
                    if shown:
                        heard = [r[0] for r in replies[1:]]
                        print(f"  called {voice.name}: {text!r} -> {heard} {said[:90]!r}")
            totals[voice.tuned].update(got)
            print(_row(voice.name + (" (tuned)" if voice.tuned else ""), got), flush=True)
    for tuned in (False, True):
        print(_row("held-out voices" if not tuned else "tuned voices", totals[tuned]))


def _row(name: str, got: Counter[str]) -> str:
    parts = []
    for part in ("alone", "interview", "called"):
        if got[part]:
            extra = f", 911 again {got['called 911 again']}" if part == "called" else f", false 911 {got[part + ' 911']}"
            parts.append(f"{part} {got[part + ' right']}/{got[part]} right{extra}")
    missing = got["called"] - got["called 911 first"]
    note = f" ({missing} with no 911 first)" if missing else ""
    return f"{name:28s} " + "; ".join(parts) + note


if __name__ == "__main__":
    sys.exit(main())
