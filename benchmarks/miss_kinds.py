"""Why serious lines are under-triaged, in counts only: safe to run on held-out files (no line is printed).

For every line whose expected level is emergency, urgent or follow_up and whose answer is lower:
"discounted" (a sign at the expected level was found but not present: denied, past, someone else's...),
"only lower signs found" (the back pain was understood, the warning sign was not) or "nothing found";
and for every line that is no emergency but got 911, which signs said it (id/said or id/guessed).
With --words, also for the missed emergencies together: which lower signs were found instead, and how many of
them hold a word of each word class of the topic's and the language's signs.toml (a body part, a state), so the
kind of sign missed shows without any line being read.
Run: python3 benchmarks/miss_kinds.py [--words] .venv/bin/voicecare FILE.tsv [...]
"""

from __future__ import annotations

import collections
import json
import re
import subprocess
import sys
import tempfile
import tomllib
from pathlib import Path
from typing import Any

RANK = {"unclear": 0, "home_care": 1, "follow_up": 2, "urgent": 3, "emergency": 4}
SERIOUS = ("emergency", "urgent", "follow_up")


def rows(path: Path) -> list[tuple[str, str]]:
    """(expected, utterance) of a labelled TSV; comments and blank lines skipped."""
    found = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            parts = line.split("\t")
            found.append((parts[0].strip(), parts[1].replace("\n", " ")))
    return found


INTENTS = Path(__file__).resolve().parent.parent / "intents" / "en"


def word_classes() -> dict[str, frozenset[str]]:
    """The word classes of the language's states and of every topic's [words] (one word set per class)."""
    classes: dict[str, frozenset[str]] = {}
    files = [(INTENTS / "signs.toml", "states"), *((f, "words") for f in sorted(INTENTS.glob("topics/*/signs.toml")))]
    for path, key in files:
        for name, words in tomllib.loads(path.read_text(encoding="utf-8")).get(key, {}).items():
            classes[name] = frozenset(words.split())
    return classes


def class_hits(utterances: list[str], classes: dict[str, frozenset[str]]) -> collections.Counter[str]:
    """How many utterances hold at least one word of each class."""
    hits: collections.Counter[str] = collections.Counter()
    for text in utterances:
        words = set(re.findall(r"[a-z]+", text.lower()))
        hits.update(name for name, members in classes.items() if words & members)
    return hits


def _triaged(exe: str, utterances: list[str]) -> list[dict[str, Any]]:
    """``triage --json`` of each utterance, in order (through a file: the lines are never printed)."""
    with tempfile.NamedTemporaryFile("w", suffix=".txt", encoding="utf-8") as lines:
        lines.write("".join(u + "\n" for u in utterances))
        lines.flush()
        out = subprocess.run([exe, "triage", "--json", "--text-file", lines.name], capture_output=True, text=True,
                             check=False).stdout
    return [json.loads(x) for x in out.splitlines() if x.strip().startswith("{")]


def missed_emergencies(exe: str, path: Path) -> tuple[list[str], collections.Counter[str]]:
    """The utterances of the emergencies answered lower (never printed) and the signs found on them instead."""
    labelled = rows(path)
    results = _triaged(exe, [u for _, u in labelled])
    missed = [(u, r) for (e, u), r in zip(labelled, results, strict=False)
              if e == "emergency" and r["disposition"] != "emergency"]
    found: collections.Counter[str] = collections.Counter()
    for _, result in missed:
        found.update(f"{s['id']}/{s['status']}" for s in result["symptoms"])
    return [u for u, _ in missed], found


def kinds(exe: str, path: Path) -> tuple[collections.Counter[str], collections.Counter[str], collections.Counter[str]]:
    labelled = rows(path)
    results = _triaged(exe, [u for _, u in labelled])
    why: collections.Counter[str] = collections.Counter()
    statuses: collections.Counter[str] = collections.Counter()
    alarms: collections.Counter[str] = collections.Counter()
    for (expected, _), result in zip(labelled, results, strict=False):
        if expected != "emergency" and result["disposition"] == "emergency":
            # Which sign said 911 on a line that is no emergency, and whether said or guessed (a wording family).
            alarms.update(f"{s['id']}/{s['basis']}" for s in result["symptoms"]
                          if s["level"] == "emergency" and s["status"] == "present")
        if expected not in SERIOUS or RANK[result["disposition"]] >= RANK[expected]:
            continue
        signs = result["symptoms"]
        discounted = [s for s in signs if RANK.get(s["level"], 0) >= RANK[expected] and s["status"] != "present"]
        statuses.update(s["status"] for s in discounted)
        why[f"{expected}: " + ("discounted" if discounted else "only lower signs found" if signs else "nothing found")] += 1
    return why, statuses, alarms


def main() -> None:
    args = sys.argv[1:]
    by_words = "--words" in args
    exe, *files = [a for a in args if a != "--words"]
    missed: list[str] = []
    found: collections.Counter[str] = collections.Counter()
    for name in files:
        why, statuses, alarms = kinds(exe, Path(name))
        print(f"{Path(name).name}: {dict(sorted(why.items()))}; discounted as {dict(statuses)}; "
              f"false 911 said by {dict(sorted(alarms.items()))}")
        if by_words:
            lines, signs = missed_emergencies(exe, Path(name))
            missed += lines
            found += signs
    if by_words:
        hits = class_hits(missed, word_classes())
        print(f"missed emergencies: {len(missed)}; signs found on them: {dict(found.most_common())}")
        print(f"lines holding a word of each class: {dict(hits.most_common())}")


if __name__ == "__main__":
    main()
