"""A sign said and then said to be over ("she had a temp on the weekend but that's long gone"), and a time said
after a well word ("she's been normal since Monday"): neither is a sign now (rule 9)."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import replace
from typing import TYPE_CHECKING

from voicecare.conversation.answer_words import Spot, find
from voicecare.domain import Match, Status

if TYPE_CHECKING:  # answer_parts reads past mentions with this module
    from voicecare.conversation.answer_parts import Heard

NEUTRAL = "neutral"
"""The kind of words understood that say nothing of a sign (as answers.toml's ``neutral``)."""
REACH = 2
"""A part this many parts after the sign may say it is over ("a fever on Sunday, aye, but it's gone")."""
GAP = 1
"""Words allowed between a well word and the time said after it ("normal ever since Monday")."""


def referring(passed: Sequence[Spot], tokens: Sequence[str], clause_of: Sequence[int], anaphors: frozenset[str],
              plain: frozenset[str], ending: frozenset[str]) -> list[Spot]:
    """The words saying something is over that point back with "it" or "that" ("that's long gone", "it's been
    gone since Monday"): "the rest is long gone" says nothing of the sign before it. Only where they end their
    statement (the part ends, or goes on with one of ``ending``: a new subject, "since", "now"): "it's gone weak",
    "it's gone all floppy" say a sign."""
    out = []
    for spot in passed:
        if spot.end < len(tokens) and clause_of[spot.end] == clause_of[spot.start] and tokens[spot.end] not in ending:
            continue
        before = spot.start - 1
        while before >= 0 and tokens[before] in plain and tokens[before] not in anaphors and spot.start - before <= REACH + 1:
            before -= 1
        if tokens[spot.start] in anaphors or (before >= 0 and tokens[before] in anaphors):
            out.append(spot)
    return out


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


def explained_away(about: Sequence[Spot], explaining: Sequence[Spot], quiet_not: set[int], matches: Sequence[Match],
                   clause_of: Sequence[int]) -> tuple[list[Spot], list[Spot]]:
    """Words about the question that an ordinary cause said right after explains ("her hands are a bit cold, but
    that's from the ice pack", "he woke once, but that was a nightmare"): they say nothing of a sign. Only where
    the cause names nothing we know (``quiet_not``: token indexes of health words, signs, the question's words and
    the complaint itself: "that was because of her back" explains nothing away), and never where a sign was found
    in the part explained. The words about the question left, and neutral spots for the words explained and the
    causes (understood, saying nothing of a sign)."""
    signs = {clause_of[min(m.start, len(clause_of) - 1)] for m in matches if m.status is Status.PRESENT}
    explained: set[int] = set()
    neutral = []
    for spot in explaining:
        clause = clause_of[spot.start]
        # To the end of the part the phrase ends in ("that was | because of her back": a break inside it).
        cause = [i for i, c in enumerate(clause_of) if clause <= c <= clause_of[spot.end - 1] and i >= spot.start]
        if quiet_not.intersection(cause) or clause in signs or clause - 1 in signs:
            continue
        explained |= {i for i, c in enumerate(clause_of) if c == clause - 1 or (c == clause and i < spot.start)}
        neutral.append(Spot(NEUTRAL, spot.start, cause[-1] + 1))
    gone = [a for a in about if a.start in explained]
    return [a for a in about if a not in gone], [*neutral, *(Spot(NEUTRAL, a.start, a.end) for a in gone)]


def told_earlier(matches: Sequence[Match], tokens: Sequence[str], clause_of: Sequence[int],
                 earlier: Sequence[tuple[str, ...]], onsets: frozenset[str], now: Sequence[tuple[str, ...]],
                 counts: Callable[[Match], bool]) -> set[str]:
    """The signs ``counts`` lets through, said with a time earlier today in their own part ("she was hot earlier
    but", "she had chills this morning") and nothing after them saying they are there now ("now", "still"): the
    matcher counts them (rule 4: the episode may not be over), but the caregiver told of then, so they are said
    back as doubted, never as a plain fact (rule 14; outside review 16, F10). Not a time that says when a sign
    began ("since this morning": it is still there)."""
    def at(phrase: tuple[str, ...], start: int) -> bool:
        return tuple(tokens[start:start + len(phrase)]) == phrase

    times = [i for p in earlier for i in range(len(tokens)) if at(p, i) and not (i and tokens[i - 1] in onsets)]
    out = set()
    for match in matches:
        clause = clause_of[min(match.start, len(clause_of) - 1)]
        later_now = any(at(p, i) for p in now for i in range(match.start, len(tokens)))
        if counts(match) and not later_now and any(clause_of[i] == clause for i in times):
            out.add(match.symptom)
    return out


def then_not_now(heard: Heard, earlier: Sequence[tuple[str, ...]], now: Sequence[tuple[str, ...]],
                 was: Sequence[tuple[str, ...]], child: frozenset[str], negations: frozenset[str],
                 asked: frozenset[str] = frozenset()) -> Heard:
    """``heard`` without the well words said of earlier, and a "no" said with them ("well she was fine an hour
    ago", "no, earlier he was fine, but now he is breathing weird"): they say how the child was then, nothing of
    now, so they deny no sign (rule 9; outside review 17, F3 and F4: all four 911 signs were denied).

    A well word goes when ``was`` comes right before it ("was fine"), said of the ``child`` or opening its part,
    and its part holds a time earlier today that is none of the question's words. A "no" goes when its part, or
    the part right after it, holds such a well word and the answer turns to now after it ("but now he is breathing
    weird"): "no, she was fine this morning" answers. Nothing goes when a word of "now" is said with a denial
    ("and he's fine now", "but not now"). The "no" goes only when the part of "now" names a sign ``asked`` or the
    question's words: "no, she was fine this morning, she's still eating now" tells nothing of now that the "no"
    could hide, so it answers."""
    nows = list(find(heard.tokens, {"now": now}))
    times = {heard.clause(s.start) for s in find(heard.tokens, {"earlier": earlier})
             if not any(s.start < a.end and a.start < s.end for a in heard.about)}
    times -= {heard.clause(s.start) for s in nows}
    denials = [*heard.spots_of("well", "no"), *(Spot("not", i, i + 1) for i, w in enumerate(heard.tokens)
                                                 if w in negations)]

    now_parts = {heard.clause(s.start) for s in nows}
    # Parts of now that turn to the question: its sign or words, or a "yes" ("but now yes", "now yeah, he's drowsy").
    turned_parts = now_parts & {*(heard.clause(m.start) for m in heard.matches
                                  if m.symptom in asked and m.status is Status.PRESENT),
                                *(heard.clause(a.start) for a in heard.about),
                                *(heard.clause(y.start) for y in heard.spots_of("yes"))}
    turned = bool(turned_parts)

    def denied_now(spot: Spot) -> bool:  # "fine now", "but not now", "now she's fine"; not "fine, now he's wheezy"
        return any((d.end == spot.start and heard.clause(spot.start) not in turned_parts)
                   or heard.clause(d.start) == heard.clause(spot.start) for d in denials)

    def of_the_child(spot: Spot) -> bool:  # "she was", "was fine" opening its part; not "it was just the once"
        return spot.start == 0 or heard.clause(spot.start - 1) != heard.clause(spot.start) or (
            heard.tokens[spot.start - 1] in child)

    pasts = {s.end for s in find(heard.tokens, {"was": was}) if of_the_child(s)}
    then = [w for w in heard.spots_of("well") if w.start in pasts and heard.clause(w.start) in times]
    # "Earlier no, but now yes": a "no" said with a time earlier today in its own part answers for then.
    then_noes = [n for n in heard.spots_of("no") if heard.clause(n.start) in times] if turned else []
    well_now = any(denied_now(s) for s in nows)
    past_about = [a for a in heard.about if heard.clause(a.start) in times]
    if past_about and well_now and not turned:
        # "No, she was a little drowsy earlier after her nap, but she's wide awake now": the question's words said
        # of then, the child well now; they are no doubt about now (rule 9; a false 911 in answers_ay).
        heard = replace(heard, about=[a for a in heard.about if a not in past_about])
    if not (then or then_noes) or well_now:
        return heard
    if heard.spots_of("no") and not turned:
        return heard  # "no, she was fine last night, she's still sleeping now": the "no" answers, its story with it
    clauses = {heard.clause(w.start) for w in then}

    def of_then(spot: Spot) -> bool:
        clause = heard.clause(spot.end - 1)
        return spot in then or spot in then_noes or (
            spot.kind == "no" and turned and (clause in clauses or clause + 1 in clauses))

    return replace(heard, spots=[s for s in heard.spots if not of_then(s)])
