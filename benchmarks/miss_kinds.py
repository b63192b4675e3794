"""Why serious lines are under-triaged, in counts only: safe to run on held-out files (no line is printed).

For every line whose expected level is emergency, urgent or follow_up and whose answer is lower:
"discounted" (a sign at the expected level was found but not present: denied, past, someone else's...),
"only lower signs found" (the back pain was understood, the warning sign was not) or "nothing found";
and for every line that is no emergency but got 911, which signs said it (id/said or id/guessed).
Run: python3 benchmarks/miss_kinds.py .venv/bin/voicecare FILE.tsv [...]
"""

from __future__ import annotations

import collections
import json
import subprocess
import sys
import tempfile
from pathlib import Path

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


def kinds(exe: str, path: Path) -> tuple[collections.Counter[str], collections.Counter[str], collections.Counter[str]]:
    labelled = rows(path)
    with tempfile.NamedTemporaryFile("w", suffix=".txt", encoding="utf-8") as lines:
        lines.write("".join(u + "\n" for _, u in labelled))
        lines.flush()
        out = subprocess.run([exe, "triage", "--json", "--text-file", lines.name], capture_output=True, text=True,
                             check=False).stdout
    results = [json.loads(x) for x in out.splitlines() if x.strip().startswith("{")]
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
    exe, *files = sys.argv[1:]
    for name in files:
        why, statuses, alarms = kinds(exe, Path(name))
        print(f"{Path(name).name}: {dict(sorted(why.items()))}; discounted as {dict(statuses)}; "
              f"false 911 said by {dict(sorted(alarms.items()))}")


if __name__ == "__main__":
    main()
