"""Turns labelled TSV files into what a speech recogniser would give, and scores typed against spoken.

Spoken form: lowercase, no punctuation (apostrophes kept unless ``--no-apostrophes``),
digits said as words ("38.9" -> "thirty eight point nine") where that is simple. The
number words come from the language's ``language.toml`` ([numbers]), so the tool
says numbers the way the recogniser's language model writes them.

Convert:  .venv/bin/python benchmarks/spoken_form.py convert FILE.tsv [--no-apostrophes] > SPOKEN.tsv
Score:    .venv/bin/python benchmarks/spoken_form.py score FILE.tsv... (typed and spoken figures, per file and ALL)
With no FILE, ``score`` takes every tuning file (never the held-out ones: score those with
/work/shared/tools/score_corpus.py only).
"""

from __future__ import annotations

import argparse
import re
import subprocess
import sys
import tempfile
import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
LANGUAGE = ROOT / "intents" / "en" / "language.toml"
SCORER = Path("/work/shared/tools/score_corpus.py")
TUNING = [
    *(Path("/work/shared/corpus") / f"{name}.tsv" for name in ("us_parents", "second_language", "numbers_questions")),
    ROOT / "tests" / "data" / "corpus.tsv",
    *sorted((ROOT / "tests" / "data" / "fresh").glob("batch_*.tsv")),
]
_NUMBER = re.compile(r"(?<![\w.])(\d+)(?:[.,](\d{1,2}))?(?!\d)")
_CLOCK = re.compile(r"\b(\d{1,2}):(\d{2})\b")
_PUNCT = re.compile(r"[^\w\s']|_")
_HUNDRED, _TEEN = 100, 20


class Numbers:
    """Number words read from ``[numbers]`` in language.toml."""

    def __init__(self, path: Path) -> None:
        table = tomllib.loads(path.read_text(encoding="utf-8"))["numbers"]
        self.small = {value: word for word, value in table["digits"].items()}
        self.tens = {value: word for word, value in reversed(list(table["tens"].items()))}
        self.hundred = next(w for w, v in table["scales"].items() if v == _HUNDRED)
        self.point = table["point"][0]
        self.joiner = table["joiners"][0]

    def say(self, number: int) -> str | None:
        """The words for 0-999, or None for bigger numbers (left as digits)."""
        if number < _TEEN:
            return self.small[number]
        if number < _HUNDRED:
            tens, ones = divmod(number, 10)
            return self.tens[tens * 10] + ("" if ones == 0 else " " + self.small[ones])
        if number < _HUNDRED * 10:
            hundreds, rest = divmod(number, _HUNDRED)
            head = f"{self.small[hundreds]} {self.hundred}"
            return head if rest == 0 else f"{head} {self.joiner} {self.say(rest)}"
        return None

    def said(self, match: re.Match[str]) -> str:
        whole = self.say(int(match.group(1)))
        if whole is None:
            return match.group(0)
        if match.group(2) is None:
            return whole
        return f"{whole} {self.point} " + " ".join(self.small[int(d)] for d in match.group(2))


def spoken(text: str, numbers: Numbers, *, apostrophes: bool = True) -> str:
    """What a recogniser would write for the typed ``text``."""
    text = text.lower().replace("\u2019", "'")
    text = _CLOCK.sub(lambda m: f"{m.group(1)} {m.group(2)}" if m.group(2) != "00" else m.group(1), text)
    text = _NUMBER.sub(numbers.said, text)
    text = _PUNCT.sub(" ", text)
    words = [w.strip("'") for w in text.split()]
    if not apostrophes:
        words = [w.replace("'", "") for w in words]
    return " ".join(w for w in words if w)


def convert(path: Path, numbers: Numbers, *, apostrophes: bool) -> str:
    """The TSV with each utterance (second column) in spoken form; comments and labels kept."""
    out = []
    for line in path.read_text(encoding="utf-8").splitlines():
        fields = line.split("\t")
        if line.startswith("#") or len(fields) < 2:
            out.append(line)
            continue
        fields[1] = spoken(fields[1], numbers, apostrophes=apostrophes)
        out.append("\t".join(fields))
    return "\n".join(out) + "\n"


def score(files: list[Path], python: str) -> str:
    """The scorer's ALL lines for the files typed and in spoken form."""
    numbers = Numbers(LANGUAGE)
    voicecare = f"{python} -m voicecare"
    typed = _all_line(voicecare, files)
    with tempfile.TemporaryDirectory() as folder:
        spoken_files = []
        for path in files:
            target = Path(folder) / path.name
            target.write_text(convert(path, numbers, apostrophes=True), encoding="utf-8")
            spoken_files.append(target)
        said = _all_line(voicecare, spoken_files)
    return f"typed  {typed}\nspoken {said}"


def _all_line(voicecare: str, files: list[Path]) -> str:
    done = subprocess.run([sys.executable, str(SCORER), voicecare, *map(str, files)],
                          capture_output=True, text=True, check=False)
    return done.stdout.strip()


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    sub = parser.add_subparsers(dest="command", required=True)
    conv = sub.add_parser("convert", help="print a TSV in spoken form")
    conv.add_argument("file", type=Path)
    conv.add_argument("--no-apostrophes", action="store_true", help="drop apostrophes too (\"cant\")")
    scoring = sub.add_parser("score", help="typed and spoken figures (default: every tuning file)")
    scoring.add_argument("files", type=Path, nargs="*")
    scoring.add_argument("--python", default=str(ROOT / ".venv" / "bin" / "python"))
    options = parser.parse_args()
    if options.command == "convert":
        sys.stdout.write(convert(options.file, Numbers(LANGUAGE), apostrophes=not options.no_apostrophes))
        return 0
    print(score(options.files or TUNING, options.python))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
