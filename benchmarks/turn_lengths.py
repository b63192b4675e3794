"""Benchmark: the longest spoken turn of each kind over many random conversations (tests/test_turn_ceiling.py's).

Descriptions from the tuning corpora, answers from the shared answers corpus, recogniser turns, commands and
requests, typed and by ear, as the ceiling test builds them; each turn's spoken seconds by the same estimate
(``spoken.total_seconds`` at the default rate). Kinds: a 911 turn, an answer (a disposition said), a command, a
request ("more", "why", ...), any other turn (a question, a note). Prints the longest of each, its count, and the
turns over rule 13's ceilings (15 s for a 911, 20 s otherwise; the planned ceilings, spoken.toml, are 14.9 and 19.5 s).

Usage: python benchmarks/turn_lengths.py [--seeds N]
"""

from __future__ import annotations

import argparse
import random
import sys
from collections.abc import Iterator
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from tests.test_turn_ceiling import ANSWERS, _rows, answer_to, scripts  # noqa: E402
from voicecare.conversation import spoken  # noqa: E402
from voicecare.conversation.dialog import Conversation, State, Turn  # noqa: E402
from voicecare.domain import Level, MessageKind  # noqa: E402
from voicecare.speech_out.tts import DEFAULT_RATE_WPM  # noqa: E402
from voicecare.understanding.assistant import Assistant  # noqa: E402

CEILINGS = {"911": 15.0}
"""Rule 13's ceiling by kind (issue #9); every other kind 20 s."""
TURN_CEILING = 20.0


def kind(turn: Turn) -> str:
    """Which kind of turn this is, for the figures."""
    if turn.disposition is Level.EMERGENCY or any(m.kind is MessageKind.EMERGENCY for m in turn.said_aloud):
        return "911"
    if turn.command in spoken.REQUESTS:
        return "request"
    if turn.command is not None:
        return "command"
    return "answer" if turn.disposition is not None else "other"


def scripted_turns(assistant: Assistant, seeds: int) -> Iterator[tuple[int, str, Turn]]:
    """Every turn of the ceiling test's scripted conversations over ``seeds`` seeds: (how many conversations so
    far, what the caregiver said, the turn). One walk for every benchmark that measures those turns."""
    answers: dict[str, list[str]] = {}
    for cells in _rows(ANSWERS, 2):
        answers.setdefault(cells[0], []).append(cells[2])
    conversations = 0
    for seed in range(1, seeds + 1):
        rng = random.Random(seed)
        for by_ear, script in scripts(seed):
            assistant.disclaimer_due = True
            talk = Conversation(assistant, heard_by_ear=by_ear)
            conversations += 1
            for line in script:
                if talk.state is State.DONE:
                    break
                said = answer_to(talk, line, rng, answers)
                yield conversations, said, talk.hear(said)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seeds", type=int, default=10, help="seeds of 60 conversations each")
    options = parser.parse_args()
    assistant = Assistant.load()
    longest: dict[str, tuple[float, str]] = {}
    counts: dict[str, int] = {}
    over: list[str] = []
    conversations = 0
    for number, said, turn in scripted_turns(assistant, options.seeds):
        conversations = number
        name = kind(turn)
        seconds = spoken.total_seconds(turn.said_aloud, DEFAULT_RATE_WPM,
                                       spoken.NEVER_SHORT if name == "911" else spoken.PLANNING)
        counts[name] = counts.get(name, 0) + 1
        if seconds > longest.get(name, (0.0, ""))[0]:
            longest[name] = (seconds, said)
        if seconds > CEILINGS.get(name, TURN_CEILING):
            over.append(f"{name} {seconds:.1f} s after {said!r}")
    print(f"{conversations} conversations")
    for name in sorted(longest):
        seconds, said = longest[name]
        print(f"{name:8} longest {seconds:5.1f} s over {counts[name]:5d} turns (after {said!r})")
    print(f"over the ceilings: {len(over)}")
    for line in over[:10]:
        print("  ", line)


if __name__ == "__main__":
    main()
