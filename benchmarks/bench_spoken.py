"""Benchmark: seconds of speech per spoken turn (policy rule 13), measured on espeak-ng's real output.

Runs the command line as a caregiver would: ``triage --text ... --say-to``
for one-shot answers, and ``listen --input-files ... --say-to-dir`` over the
recorded turns for conversations, then reads the length of every WAV file
written. Goals: every turn of a home-care conversation at most 20 s, an
emergency answer at most 15 s.
Run: .venv/bin/python benchmarks/bench_spoken.py [--python PATH] [--src DIR]
(--src runs another checkout's source, e.g. an unpacked older commit, for a before/after.)
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import wave
from pathlib import Path

AUDIO = Path(__file__).resolve().parents[1] / "tests" / "data" / "audio"
TURNS = AUDIO / "turns"
ONE_SHOT = {
    "home care": "his back is sore after playing",
    "urgent": "she has a fever and her back hurts",
    "follow-up": "she has been limping for a few days",
    "emergency, one sign": "he can't breathe",
    "emergency, three signs": "he can't breathe, he fainted and he is confused",
}
CONVERSATIONS = {
    "home care": ("describe", "no", "no_nothing", "no", "no", "no", "more", "at_home", "watch_for", "why", "tell_me_more",
                  "more", "slower", "repeat"),
    "emergency in the interview": ("describe", "no", "not_breathing", "more"),
    "urgent after a silent answer": ("describe", "no", "no_nothing", "no", "no", "../other/silence"),
}


def wav_seconds(path: Path) -> float:
    with wave.open(str(path)) as wav:
        return wav.getnframes() / wav.getframerate()


def run(options: argparse.Namespace, *args: str) -> subprocess.CompletedProcess[str]:
    env = dict(os.environ)
    if options.src:
        env["PYTHONPATH"] = str(options.src)
    return subprocess.run([options.python, "-m", "voicecare", *args], capture_output=True, text=True, timeout=600,
                          check=False, env=env)


def one_shot(options: argparse.Namespace, folder: Path) -> None:
    print("triage --text --say-to (one answer, nobody to ask 'more'):")
    for name, text in ONE_SHOT.items():
        reply = folder / f"{name}.wav"
        out = run(options, "triage", "--text", text, "--say-to", str(reply))
        shown = f"{wav_seconds(reply):5.1f} s" if out.returncode == 0 else f"failed: {out.stderr.strip()[:80]}"
        print(f"  {name:24} {shown}")


def conversation(options: argparse.Namespace, folder: Path, name: str, turns: tuple[str, ...]) -> None:
    replies = folder / name.replace(" ", "_")
    out = run(options, "listen", "--engine", "sphinx", "--fast", "--json", "--say-to-dir", str(replies),
              "--input-files", *(str(TURNS / f"{t}.wav") for t in turns))
    if out.returncode != 0:
        print(f"  {name}: failed: {out.stderr.strip()[:120]}")
        return
    reports = [json.loads(line) for line in out.stdout.splitlines()]
    print(f"listen, {name}:")
    for report in reports:
        path = replies / f"{report['turn']:03d}.wav"
        seconds = wav_seconds(path) if path.exists() else 0.0
        what = report.get("command") or report.get("disposition") or report["state"]
        print(f"  turn {report['turn']:2} {report['heard'][:32]!r:36} {what!s:12} {seconds:5.1f} s")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--python", default=sys.executable, help="the Python that runs voicecare")
    parser.add_argument("--src", type=Path, help="a source folder to run instead of the installed voicecare")
    options = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="voicecare-bench-") as scratch:
        folder = Path(scratch)
        one_shot(options, folder)
        for name, turns in CONVERSATIONS.items():
            conversation(options, folder, name, turns)


if __name__ == "__main__":
    main()
