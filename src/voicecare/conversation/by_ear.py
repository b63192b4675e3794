"""What a spoken turn may settle: never a red flag's denial (the recogniser invents "not" and "no"), and an
emergency sign heard as one word only as a doubt (it invents sign words too).

An outside review's en-gb "Her back has been really sore since yesterday and she has a temperature of thirty
eight point five." was heard "not hot really sleepy the she doesn't stop...": it was read back "No very sleepy
or hard to wake", and the interview no longer asked about it (rules 4 and 14). A red flag's denial heard in a
spoken description is not counted: its question is still asked, where an answer's denial is checked against
the other reading (``readings.denial_checked``). Typed descriptions keep their denials.

The same review's "no that's wrong" was heard "no but groggy": "Call 911 now. Very sleepy or hard to wake." said
as fact, and neither "no" nor "no that's wrong" could take it back. An emergency sign heard by ear in one word
("groggy", "fainted") still counts (rule 4), but as a reading voicecare doubts: "I may have heard ...", "If I
heard that wrong, tell me", and a correction next takes it back (``misheard``). Signs said in more words ("not
breathing", "won't wake up") stand as said.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import replace

from voicecare.domain import Basis, Finding, Level, Status

RED_FLAG = Level.URGENT
"""Denials of signs at this level or higher are left to the interview when heard by ear."""


def settled_by_ear(found: Iterable[Finding]) -> tuple[Finding, ...]:
    """``found`` without the denials of red flags."""
    return tuple(f for f in found if not (f.status is Status.ABSENT and f.symptom.level <= RED_FLAG))


def one_word_doubted(found: Iterable[Finding], words: Callable[[str], int]) -> tuple[Finding, ...]:
    """``found`` with each emergency sign said in one word (``words`` counts a finding's words) marked uncertain:
    heard only in a reading voicecare doubts (see ``misheard``)."""
    return tuple(replace(f, uncertain=True) if f.status is Status.PRESENT and f.basis is Basis.SAID
                 and f.symptom.level is Level.EMERGENCY and words(f.heard) == 1 else f for f in found)
