"""Signs that are events (a faint, a seizure): over by now, they still happened today.

From the 2026-11-26 outside review: "he fainted this morning but he's fine now" and "she passed out, she's
fine now" were home care, because "fine now" put the faint in the past. The policy's sign is that it happened
("has your child fainted?"), and the authors who label our data call a faint over minutes ago a finding today.
Only a time long gone makes it history (rule 9).
"""

from __future__ import annotations

import pytest

from voicecare.domain import Level
from voicecare.understanding.assistant import Assistant


@pytest.mark.parametrize("text", [
    "he fainted this morning but he's fine now",
    "she passed out, she's fine now, her back is sore",
    "he had a seizure this morning, he's ok now",
    "she blacked out for a second in the bath but she's alright now",
    "she fainted yesterday and again today",
])
def test_an_event_today_counts_though_it_is_over(assistant: Assistant, text: str) -> None:
    assert assistant.answer(text).disposition is Level.EMERGENCY, text


@pytest.mark.parametrize("text", [
    "he fainted last week, fine since, his back is sore",
    "she fainted at the park two weeks ago, fine since",
    "she used to faint as a baby, now her back hurts",
    "she fainted yesterday but she's fine now, her back is stiff",
    # A state said in the past and over is still past: only events happen.
    "she was hard to wake this morning after a late night, fine now, just a stiff back",
    # "Yesterday" ends no lasting sign.
    "the back pain is worse than yesterday and yesterday was worse than the day before",
])
def test_a_time_long_gone_or_a_state_over_stays_past(assistant: Assistant, text: str) -> None:
    assert assistant.answer(text).disposition is not Level.EMERGENCY, text
