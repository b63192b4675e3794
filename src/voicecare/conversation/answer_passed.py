"""A sign said and then said to be over ("she had a temp on the weekend but that's long gone"), and a time said
after a well word ("she's been normal since Monday"): neither is a sign now (rule 9)."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import replace

from voicecare.conversation.answer_words import Spot
from voicecare.domain import Match, Status

REACH = 2
"""A part this many parts after the sign may say it is over ("a fever on Sunday, aye, but it's gone")."""
GAP = 1
"""Words allowed between a well word and the time said after it ("normal ever since Monday")."""


def over(matches: Sequence[Match], passed: Sequence[Spot], clause_of: Sequence[int],
         kept: Callable[[str], bool]) -> list[Match]:
    """Signs said and then, a part or two on with no other sign between, said to be over: past mentions.

    Never a sign ``kept`` names (an emergency: "she fainted, she's fine now" is still asked about; a sign the
    question is not about is news either way)."""
    out = []
    for match in matches:
        clause = clause_of[min(match.start, len(clause_of) - 1)]
        ends = [p for p in passed if p.start >= match.end and clause <= clause_of[p.start] <= clause + REACH
                and not any(o is not match and o.status is Status.PRESENT and match.end <= o.start < p.start
                            for o in matches)]
        if match.status is Status.PRESENT and ends and not kept(match.symptom):
            match = replace(match, status=Status.PAST)
        out.append(match)
    return out


def well_for_a_time(matches: Sequence[Match], well: Sequence[Spot], lasting: Sequence[Spot],
                    clause_of: Sequence[int]) -> list[Match]:
    """Drops a sign read from a time said right after a well word ("cool since Saturday", "gone since Monday"):
    the time says how long the child has been well. Only a sign whose words start with that time: "fine, can't
    walk since Monday" keeps its sign."""
    starts = {t.start for t in lasting if any(
        0 <= t.start - w.end <= GAP and clause_of[w.start] == clause_of[t.start] for w in well)}
    return [m for m in matches if not (m.status is Status.PRESENT and m.start in starts)]
