"""Outside review 9's spoken conversations, replayed: each turn said by a real synthesiser (padded as the reviewer
padded them), heard by PocketSphinx, answered by the real ``voicecare listen``."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from tests import replay
from voicecare.domain import IntentSet, Level

TAKEN_BACK = "Okay, then that is not an emergency."


def conversation(tmp_path: Path, turns: list[tuple[str, str]]) -> list[dict[str, Any]]:
    """The report of each turn of ``turns`` (voice name, what is said), said by padded voices; every spoken turn
    within rule 13's budget, measured on espeak-ng's output (finding 16)."""
    voices = replay.voices()
    missing = {name for name, _ in turns} - voices.keys()
    if missing:
        pytest.skip(f"{', '.join(sorted(missing))} not installed here: replay skipped")
    voice = replay.mixed({text: replay.padded(voices[name]) for name, text in turns})
    caregiver = replay.Caregiver("review9", tuple(text for _, text in turns), "home_care")
    run = replay.replay(caregiver, "mixed", voice, tmp_path)
    for turn in run.turns:
        limit = replay.EMERGENCY_SECONDS if turn["disposition"] == Level.EMERGENCY.id else replay.HOME_CARE_TURN_SECONDS
        assert run.seconds[turn["turn"]] <= limit, (turn["spoken"], run.seconds[turn["turn"]])
    return list(run.turns)


def spoken(turn: dict[str, Any]) -> str:
    return " ".join(turn["spoken"])


def test_a_care_question_heard_as_a_yes_calls_911_as_a_doubt_and_no_takes_it_back(tmp_path: Path) -> None:
    # flite slt's "how long do I ice it?" is "yeah long dad say that" to the answer model: it was a plain yes to
    # all four 911 signs, said as fact, and the "no" after it changed nothing (findings 3 and 12).
    turns = conversation(tmp_path, [("flite-slt", "Her back is sore."), ("flite-slt", "how long do I ice it?"),
                                    ("flite-slt", "no")])
    asked, answered, corrected = turns[1:4]
    assert asked["state"] == "interview", asked
    if answered["disposition"] == Level.EMERGENCY.id:  # counted to be safe (rule 4), but said as a doubt
        assert "If it is no, say no." in spoken(answered) and "You said yes" not in spoken(answered), answered
        assert corrected["disposition"] != Level.EMERGENCY.id and corrected["spoken"][0] == TAKEN_BACK, corrected
    assert not any(t["disposition"] == Level.EMERGENCY.id for t in turns[3:]), [t["spoken"] for t in turns]


def test_nah_heard_exactly_is_a_no(tmp_path: Path) -> None:
    # espeak-ng's "nah" was heard "nah" by the answer model and "our", then "he nah", by the other: "not
    # understood" and 911, where `voicecare answer` reads "nah" as no (finding 5).
    turns = conversation(tmp_path, [("flite-slt", "Her back is sore."), ("espeak-en-us", "nah")])
    answer = turns[2]
    assert answer["heard"] == "nah" and answer["disposition"] != Level.EMERGENCY.id, answer
    assert answer["state"] == "interview", answer


def test_after_the_wrap_up_more_and_slower_say_something_real(tmp_path: Path, intents: IntentSet) -> None:
    # "Tell me more" after the wrap-up said only "Warning signs to watch for:", and "slower please" only "Say more
    # for the next." (findings 14 and 15); every turn within rule 13's budget (finding 16).
    turns = conversation(tmp_path, [("flite-slt", "Her back is sore."), ("flite-slt", "skip"), ("flite-slt", "skip."),
                                    ("flite-slt", "tell me more"), ("flite-slt", "slower please")])
    ending, more, slower = turns[3:6]
    assert ending["state"] == "anything_else", ending
    items = [text for text in more["spoken"] if text in intents.topics[0].messages.values()]
    assert more["command"] == "more" and items, more  # a list of signs, not its heading alone
    assert slower["command"] == "slower" and slower["spoken"] == more["spoken"], slower
