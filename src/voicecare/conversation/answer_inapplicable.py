"""A part of the question that does not apply to this child ("she's still in nappies, so I can't comment on
toilet control"): set apart, neither a hedge nor a sign.

Loss of bladder or bowel control is about a toilet-trained child (the policy's reading); for a toddler in
nappies the caregiver explains that part away, often with words that sound like doubt ("so I can't rightly
say on that"). Read as a hedge it counted the 911 sign and read it back as "not sure" (rule 14). The
question's phrases that say so are the topic's ``answers.toml`` ``[not_applicable]``; the part that says it,
and the next part when no turn ("but") comes first, are understood and say nothing of the question's signs.
A sign the matcher found there still counts ("in nappies but she's wetting through them": a turn, and a sign).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

from voicecare.conversation.answer_parts import Heard
from voicecare.conversation.answer_words import Phrase, Spot, find

INAPPLICABLE = "inapplicable"
"""The kind of the words set apart (understood, as a story's are)."""
CLEARED = frozenset({"unsure", "yes", "yes_lead"})
"""Answer words in such a part that say nothing of the question ("so I can't say", "yeah, in nappies")."""


def set_apart(heard: Heard, phrases: Sequence[Phrase]) -> Heard:
    """``heard`` with the parts that say the question does not apply set apart."""
    found = list(find(heard.tokens, {INAPPLICABLE: phrases}))
    if not found:
        return heard
    clauses: set[int] = set()
    turns = {heard.clause(s.start) for s in heard.spots_of("contrast")}
    for spot in found:
        clause = heard.clause(spot.start)
        clauses.add(clause)
        if clause + 1 not in turns:
            clauses.add(clause + 1)
    signs = {heard.clause(m.start) for m in heard.matches}
    clauses -= signs
    if not clauses:
        return heard
    inside = [i for i, c in enumerate(heard.clause_of) if c in clauses]
    apart = [Spot(INAPPLICABLE, i, i + 1) for i in inside]
    return replace(heard, spots=[s for s in heard.spots if not (s.kind in CLEARED and heard.clause(s.start) in clauses)],
                   about=[a for a in heard.about if heard.clause(a.start) not in clauses],
                   said=[*heard.said, *apart])
