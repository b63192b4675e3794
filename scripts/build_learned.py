"""Rebuild a topic's learned.toml (the last-guess word counts) from the tuning corpora.

Run after the rules or the tuning files change (a test fails until then):

    .venv/bin/python scripts/build_learned.py               # the files the learned.toml names
    .venv/bin/python scripts/build_learned.py FILE.tsv ...  # other tuning files (never held-out ones)
    .venv/bin/python scripts/build_learned.py --check       # exit 1 when the file is out of date

Files are found by name in tests/data, tests/data/fresh and a shared/corpus folder beside a parent of
the checkout (as in /work/shared/corpus); --topic-dir picks another topic folder.
"""

from __future__ import annotations

import argparse
import hashlib
import sys
import tomllib
from collections.abc import Sequence
from pathlib import Path

from voicecare.app.evaluation import read_corpus
from voicecare.domain import Level
from voicecare.intents import load
from voicecare.understanding import learned, learned_build, sign_files

ROOT = Path(__file__).resolve().parent.parent
TOPIC = ROOT / "intents" / "en" / "topics" / "back_spasm_toddler"
SHARED = Path("shared") / "corpus"


def places(root: Path = ROOT) -> list[Path]:
    """Where tuning files are looked for by name."""
    return [root / "tests" / "data", root / "tests" / "data" / "fresh", *(p / SHARED for p in root.parents)]


def located(name: str, root: Path = ROOT) -> Path | None:
    """The tuning file of this name, or None when it is not on this machine."""
    return next((p / name for p in places(root) if (p / name).is_file()), None)


def corpora(paths: Sequence[Path]) -> dict[str, learned_build.Corpus]:
    """Each file's digest and labelled lines, by file name."""
    return {p.name: (hashlib.sha256(p.read_bytes()).hexdigest(),
                     [(case.expected is Level.EMERGENCY, case.utterance) for case in read_corpus(p)]) for p in paths}


def built(topic: Path, paths: Sequence[Path]) -> str:
    """The learned.toml text these tuning files give, with the settings of the topic's current file."""
    with (topic / learned.FILE_NAME).open("rb") as handle:
        data = tomllib.load(handle)
    with (topic / sign_files.FILE_NAME).open("rb") as handle:
        parts = tomllib.load(handle)["words"]
    intents = load(topic.parent.parent.parent, topic.parent.parent.name, topic.name)
    return learned_build.rebuild(intents, data, parts, corpora(paths))


def sources(topic: Path) -> list[str]:
    """The names of the tuning files the topic's learned.toml was built from."""
    with (topic / learned.FILE_NAME).open("rb") as handle:
        return list(tomllib.load(handle)["settings"].get("sources", {}))


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("files", nargs="*", type=Path, help="tuning files (default: those the file names)")
    parser.add_argument("--topic-dir", type=Path, default=TOPIC)
    parser.add_argument("--check", action="store_true", help="only say whether the file is up to date")
    args = parser.parse_args(argv)
    paths: list[Path] = list(args.files)
    if not paths:
        found = {name: located(name) for name in sources(args.topic_dir)}
        missing = [name for name, path in found.items() if path is None]
        if missing or not found:
            print(f"build_learned: tuning files not found: {', '.join(missing) or 'none named'}", file=sys.stderr)
            return 2
        paths = [p for p in found.values() if p is not None]
    text = built(args.topic_dir, paths)
    target = args.topic_dir / learned.FILE_NAME
    if args.check:
        same = target.read_text(encoding="utf-8") == text
        print(f"{target}: {'up to date' if same else 'OUT OF DATE (run scripts/build_learned.py)'}")
        return 0 if same else 1
    target.write_text(text, encoding="utf-8")
    print(f"{target}: {len(text.splitlines())} lines from {len(paths)} files")
    return 0


if __name__ == "__main__":
    sys.exit(main())
