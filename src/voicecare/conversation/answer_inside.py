"""A "no" word inside a sign's own words ("she doesn't know who I am", "he won't wake up") is that sign (rule 2),
never a denial of the question's other signs.

Outside review 21 (F9): "she keeps staring at me like she doesn't know who I am" to "trouble breathing, very
sleepy, confused or fainted?" was read as partial, its "doesn't" a "no" about the rest, and the read-back said
"No trouble breathing, very sleepy or hard to wake or fainting or passing out", none of which was spoken to
(rule 14). The other signs are left as any answer naming one sign leaves them.
"""

from __future__ import annotations

from dataclasses import replace

from voicecare.conversation.answer_parts import Heard
from voicecare.domain import Status

DENYING = ("no", "no_lead")
"""The spot kinds that deny."""


def without_noes_in_signs(heard: Heard) -> Heard:
    """``heard`` without the denying spots that lie wholly inside a sign said to be there."""
    present = [m for m in heard.matches if m.status is Status.PRESENT]
    if not present:
        return heard
    return replace(heard, spots=[s for s in heard.spots if not (
        s.kind in DENYING and any(m.start <= s.start and s.end <= m.end for m in present))])


def no_led(heard: Heard, noes: frozenset[str], quiet: frozenset[str]) -> set[str]:
    """The signs said only in words that open with a "no" ("no air" to the call-911 question), when the answer is
    nothing else (``quiet`` words aside): said while a question waits, that is as likely "No. Air?" or a "No." the
    recogniser bent ("No fever." heard "no air": outside review 21, F8) as the sign. Counted (rule 4) as a doubt,
    which a "no" next takes back, never as a sign said plainly (rule 14)."""
    out = set()
    for m in heard.matches:
        if m.status is not Status.PRESENT or heard.tokens[m.start] not in noes:
            continue
        if all(m.start <= i < m.end or w in quiet or w in noes for i, w in enumerate(heard.tokens)):
            out.add(m.symptom)
    return out
