"""What a spoken description may settle: never a red flag's denial (the recogniser invents "not" and "no").

An outside review's en-gb "Her back has been really sore since yesterday and she has a temperature of thirty
eight point five." was heard "not hot really sleepy the she doesn't stop...": it was read back "No very sleepy
or hard to wake", and the interview no longer asked about it (rules 4 and 14). A red flag's denial heard in a
spoken description is not counted: its question is still asked, where an answer's denial is checked against
the other reading (``readings.denial_checked``). Typed descriptions keep their denials.
"""

from __future__ import annotations

from collections.abc import Iterable

from voicecare.domain import Finding, Level, Status

RED_FLAG = Level.URGENT
"""Denials of signs at this level or higher are left to the interview when heard by ear."""


def settled_by_ear(found: Iterable[Finding]) -> tuple[Finding, ...]:
    """``found`` without the denials of red flags."""
    return tuple(f for f in found if not (f.status is Status.ABSENT and f.symptom.level <= RED_FLAG))
