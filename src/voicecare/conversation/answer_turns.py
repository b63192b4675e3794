"""Turns inside an interview answer: a "no" turned from or to ("no, but ...", "... but no"), a yes with the rest
said to be well, and news said after everything was denied.

Split out of ``answers.py`` unchanged (a module under ~400 lines); ``AnswerReader`` asks these with the
language's fillers and subjects.
"""

from __future__ import annotations

from dataclasses import replace

from voicecare.conversation.answer_parts import Heard
from voicecare.conversation.answer_words import Phrase, Spot


def lead_then_statement(heard: Heard, spot: Spot, fillers: frozenset[str], subjects: frozenset[str]) -> bool:
    """A "no" said first, then in the same breath a statement about the question with nothing well in it
    ("no it wakes her up when she tries to sleep"): the no answered part of the question, the statement
    says the rest is there."""
    first = next((i for i, w in enumerate(heard.tokens) if w not in fillers), 0)
    clause = heard.clause(spot.start)
    return spot.kind == "no" and spot.start == first and not any(
        heard.clause(s.start) == clause for s in heard.spots_of("well", "unsure", "off_topic")) and any(
        heard.clause(a.start) == clause and subjects.intersection(heard.tokens[spot.end:a.start])
        for a in heard.about)


def no_turned_from(heard: Heard) -> bool:
    """A "no" said before a contrast ("no, but ..."), not taken back by a correction."""
    contrasts = heard.spots_of("contrast")
    return not heard.spots_of("corrections") and any(
        n.end <= c.start for n in heard.spots_of("no") for c in contrasts)


def no_turned_to(heard: Heard, fillers: frozenset[str]) -> bool:
    """A "no" said last, after a contrast ("he's asleep now but no"), nothing but fillers after it."""
    contrasts = heard.spots_of("contrast")
    return not heard.spots_of("corrections") and any(
        any(c.end <= n.start for c in contrasts) and all(w in fillers for w in heard.tokens[n.end:])
        for n in heard.spots_of("no"))


def says_more(heard: Heard, fillers: frozenset[str]) -> bool:
    """Words besides the answer words, polite words and fillers: the answer says what the thing is."""
    said = {i for s in heard.said if s.kind in ("yes", "yes_lead", "polite", "contrast") for i in range(s.start, s.end)}
    return any(i not in said and w not in fillers for i, w in enumerate(heard.tokens))


def news_after_a_turn(heard: Heard, subjects: frozenset[str], leaving: frozenset[Phrase] = frozenset()) -> bool:
    """Other health words in a part turned to after everything denied ("no except she's been sick", "no cramps,
    he's teething"), nothing said about the question after the turn. A word that leaves something out right
    after a "no" is a turn too ("no, just a runny nose", "nah only a bit of a cough")."""
    denials = heard.spots_of("no", "well")
    # A turn: a contrast, or the next clause after the denials ("no that's it, oh and she threw up once").
    after = [i for i, c in enumerate(heard.clause_of) if denials and c > heard.clause(denials[-1].start)]
    # ...or a statement started right after a bare "no", without a pause ("no she's been off her food").
    stated = [n.end for n in heard.spots_of("no") if n.end < len(heard.tokens)
              and heard.tokens[n.end] in subjects and not subjects.intersection(heard.tokens[n.start:n.end])]
    left = [n.end + len(p) for n in heard.spots_of("no") for p in leaving
            if tuple(heard.tokens[n.end:n.end + len(p)]) == p]
    turn = min([*(s.end for s in heard.spots_of("contrast")), *after[:1], *stated, *left], default=None)
    return turn is not None and all(a.end <= turn for a in heard.about) and any(
        s.start >= turn for s in heard.spots_of("health")) and all(s.start < turn for s in heard.spots_of("no", "well"))


def yes_then_otherwise(heard: Heard) -> bool:
    """A "yes" said first, and every "no" or "fine" only after a turn ("yes, but otherwise she's okay"), or a
    "no" that names what it denies ("affirm, she had a fall, no loss of consciousness"): the rest is well."""
    first = next((s for s in heard.spots if s.kind not in ("polite", "contrast")), None)
    turns = [s.start for s in heard.spots_of("contrast")]
    return first is not None and first.kind == "yes" and all(
        any(t < s.start for t in turns) or (s.kind == "no" and heard.clause(s.end) == heard.clause(s.start)
                                            and s.end < len(heard.tokens))
        for s in heard.spots_of("no", "well"))


def without_trailing_turns(heard: Heard, fillers: frozenset[str], stressing: frozenset[Phrase]) -> Heard:
    """ "Everything is normal only", "heartbeat is normal only": a word of ``stressing`` said last in its part turns
    to nothing; it stresses what came before (as in Indian English), so it is only how the answer was said. Never
    "now" or "though" there: "she's fine now", "peeing hurts though" still turn."""
    def trailing(spot: Spot) -> bool:
        rest = [i for i in range(spot.end, len(heard.tokens)) if heard.clause(i) == heard.clause(spot.start)]
        return spot.kind == "contrast" and spot.start > 0 and tuple(heard.tokens[spot.start:spot.end]) in stressing \
            and all(heard.tokens[i] in fillers for i in rest)
    if not any(trailing(s) for s in heard.spots):
        return heard
    return replace(heard, spots=[replace(s, kind="polite") if trailing(s) else s for s in heard.spots])
