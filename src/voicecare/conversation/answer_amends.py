"""A correction of an earlier answer said instead of an answer to the question asked now (outside review 15, F3-F5).

"Sorry, I meant no, no fever or chills" said when the limbs question is asked corrects the fever answer: its "no"
is the fever's, so it is neither a "no" to the limbs nor an unclear answer that counts them (rule 4). Read as an
answer, it denied the limbs (never asked, rule 5), or, as "sorry, I got that wrong, he doesn't have a fever" to
the call-911 question, was unclear and called 911 while saying nothing was heard (rule 14). A correction that names
no sign ("sorry i meant to say enough emergency is not not at all", a misheard "no fever, she is not hot at all")
cannot be placed: it changes nothing, and is said not to be understood.
"""

from __future__ import annotations

from collections.abc import Collection, Sequence

from voicecare.conversation.answer_parts import Heard
from voicecare.conversation.answer_words import Phrase, find, resolve
from voicecare.domain import Match

ANSWER_WORDS = ("yes", "no")
"""Answer words that, said before the correction and of no sign, answer the question asked now."""


def corrected_signs(heard: Heard, amending: Sequence[Phrase], asked: Collection[str],
                    restating: Collection[Phrase] = (), alone: Collection[Phrase] = ()) -> list[Match] | None:
    """The signs a correction of an earlier answer names (none: it names no sign) when ``heard`` is one, said
    instead of an answer: words of ``amending`` ("I meant", "I got that wrong"), nothing about the question asked
    (its words or ``asked`` signs), and no answer word of its own before the correction ("no, and actually no fever
    either, I misspoke" answers no, then corrects). None when ``heard`` is no such correction.

    Words of ``restating`` ("I mean") correct an earlier answer only by naming its sign ("sorry, I mean no
    fever"): naming none ("I mean no", "yes, no, I mean no"), they restate this answer, and the answer word after
    them is the answer (outside review 16, F11: a first answer was told "nothing was changed"). So do those of
    ``alone`` ("I meant no", "scratch that, no") followed by nothing but an answer word (review 20, F4)."""
    said = resolve(find(heard.tokens, {"amending": amending}))
    if not said or heard.about or any(m.symptom in asked for m in heard.matches):
        return None
    if not heard.matches and all(tuple(heard.tokens[s.start:s.end]) in restating for s in said):
        return None
    if not heard.matches and all(tuple(heard.tokens[s.start:s.end]) in (*restating, *alone) for s in said) and (
            _only_answer_after(heard, max(s.end for s in said))):
        return None  # "I meant no", "scratch that, no": the answer restated (outside review 20, F4)
    first = min(s.start for s in said)
    # A sign's own "no" ("no fever") is part of the sign, not an answer: an answer word ends where no sign starts.
    # One said right before the correction opens it ("no, I meant no fever"), as "no, wait" does.
    starts = {m.start for m in heard.matches}
    inside = {i for m in heard.matches for i in range(m.start, m.end)}
    if any(s.kind in ANSWER_WORDS and s.end < first and s.end not in starts and s.start not in inside
           for s in heard.spots):
        return None
    return list(heard.matches)


def _only_answer_after(heard: Heard, end: int) -> bool:
    """Whether every word after ``end`` is an answer word ("I meant no", "scratch that, no"): a restated answer.
    More after it ("sorry i meant to say enough emergency is not not at all", heard in noise) is no plain answer:
    it stays a correction nobody can place (outside review 20, F4)."""
    covered = {i for s in heard.spots if s.kind in ANSWER_WORDS for i in range(s.start, s.end)}
    rest = range(end, len(heard.tokens))
    return bool(rest) and all(i in covered for i in rest)
