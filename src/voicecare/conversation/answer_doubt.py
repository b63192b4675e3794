"""A yes-word or a hedge said inside words that are no answer: a doubted reading, never a plain "yes" or "not sure".

A recogniser that mishears fills an answer with words it knows ("yeah long dad say that", "think blue might
table"). Read as a plain "yes" it counts every sign of the question as said, and the conversation reads back
"you said yes" (rule 14: never claim to have heard what was not said); read as the caregiver's "not sure" it
says "not sure counts as yes" to someone who never said not sure. The signs still count (rule 4: an unclear
answer to a red-flag question is a yes); only how the answer is read back changes, so a later "no" can take
it back. Only a one-word yes or hedge can be drowned so: "I don't know", "for sure" are said on purpose.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from voicecare.conversation import answer_safety
from voicecare.conversation.answer_parts import Heard
from voicecare.conversation.answer_words import Phrase, Spot, find

GARBLE_WORDS = 3
"""Words none of ours place, in a one-word yes's or hedge's part, from which the part is no answer ("yeah big
time" and "yes it's pretty bad" are answers; "yeah long dad say that" is not)."""
ALONE = frozenset({"polite", "contrast", "yes_lead"})
"""Answer-word kinds that may be said beside a drowned yes or hedge: they place nothing of the child ("I think")."""


def drowned(heard: Heard, kind: str, quiet: frozenset[str], plain: Sequence[Phrase], subjects: frozenset[str],
            words: Sequence[Phrase] | None = None) -> bool:
    """True when the ``kind`` answer words are all there is of ours in ``heard`` (no sign, no word about the
    question, no other answer word), each one word (of ``words`` when given) said in a part holding
    ``GARBLE_WORDS`` or more words we cannot place. ``quiet``: fillers, subjects, negations and such, which place
    themselves; ``plain``: the language's words that carry no meaning alone. A statement started at a subject
    right after a bare "no" is a part of its own ("no | he had his dinner and went out on his bike": a story
    that explains the no, never garble around it; "no dave i said thursday" is one part)."""
    spots = heard.spots_of(kind)
    if not spots or any(s.size > 1 or (words is not None and tuple(heard.tokens[s.start:s.end]) not in words)
                        for s in spots):
        return False
    if heard.matches or heard.about or any(s.kind not in ALONE | {kind} for s in heard.said):
        return False
    loose = _unplaced(heard, quiet, plain)
    parts = answer_safety.split_after_no(heard.spots, heard.tokens, heard.clause_of, subjects)
    return all(sum(1 for i in loose if parts[i] == parts[s.start]) >= GARBLE_WORDS for s in spots)


def _unplaced(heard: Heard, quiet: frozenset[str], plain: Sequence[Phrase]) -> set[int]:
    placed = _indexes([*heard.said, *heard.spots, *heard.about, *find(heard.tokens, {"plain": plain})])
    placed |= {i for m in heard.matches for i in range(m.start, m.end)}
    placed |= {i for start, end in heard.readings for i in range(start, end)}
    return {i for i, w in enumerate(heard.tokens) if i not in placed and w not in quiet}


def _indexes(spots: Iterable[Spot]) -> set[int]:
    return {i for s in spots for i in range(s.start, s.end)}
