"""What the JSON lines promise scripts (review18 F15): the names README lists, and the same line at every run."""

from __future__ import annotations

import json
import os
import re
import sys
import tomllib
from pathlib import Path

import pytest

from children import run_child
from voicecare.app.cli import main
from voicecare.conversation.answer_words import COMMAND_IDS, NOT_COMMANDS

REPO = Path(__file__).resolve().parents[1]


def command_phrases() -> dict[str, str]:
    """Each command ``answer --json`` can give, by its id there, with the plainest phrase of it (the first)."""
    controls = tomllib.loads((REPO / "intents" / "en" / "controls.toml").read_text(encoding="utf-8"))["controls"]
    return {COMMAND_IDS.get(kind, kind): phrases[0] for kind, phrases in controls.items() if kind not in NOT_COMMANDS}


def test_readme_lists_every_command_answer_json_gives(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    # README listed 8 of the 14: more, heard, why, home_care, watch_for and heard_wrong were missing.
    phrases = command_phrases()
    said = tmp_path / "commands.txt"
    said.write_text("\n".join(phrases.values()) + "\n", encoding="utf-8")
    assert main(["answer", "--question", "fever_chills", "--text-file", str(said), "--json"]) == 0
    given = [json.loads(line)["command"] for line in capsys.readouterr().out.splitlines()]
    assert given == list(phrases)
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    listed = re.search(r"`command` \((.*?), or null", readme, re.DOTALL)
    assert listed is not None
    assert set(re.findall(r"`(\w+)`", listed.group(1))) == set(phrases)


def test_a_care_questions_heard_words_are_the_same_at_every_run() -> None:
    # They changed with the hash seed: "go daycare", "can daycare" or "daycare tomorrow".
    text = "can she go to daycare tomorrow with her sore back?"
    lines = set()
    for seed in "1234":
        out = run_child([sys.executable, "-m", "voicecare", "triage", "--text", text, "--json"],
                        capture_output=True, text=True, timeout=120, check=True,
                        env={**os.environ, "PYTHONHASHSEED": seed})
        lines.add(json.dumps(json.loads(out.stdout)["care_questions"]))
    assert len(lines) == 1, lines
    assert json.loads(lines.pop())[0]["id"] == "activity"
