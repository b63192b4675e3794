"""Whether a mention is a finding for this child: negation, other people, what-ifs, the past.

This is the ConText idea from clinical language processing: trigger words
around a mention decide its status, within a scope that ends at words such
as "but" or at a new subject. The words and reaches are the language's
(``[context]`` in ``language.toml``); the rules for using them are here.
"""

from __future__ import annotations

from collections.abc import Collection, Iterable, Mapping, Sequence
from dataclasses import dataclass, field

from voicecare.domain import Status

# What-ifs and the past reach only the nearest mention: in "what if she gets a
# fever she can't breathe" the second half may be real, and doubt escalates.
NEAREST_ONLY = frozenset({Status.HYPOTHETICAL, Status.PAST})


@dataclass(frozen=True)
class Trigger:
    """A cue that changes the status of a nearby mention."""

    words: tuple[str, ...]
    status: Status
    before: bool = True
    """True when the cue may come before the mention ("no fever")."""
    after: bool = False
    """True when the cue may follow the mention ("the fever is gone")."""
    clausal: bool = False
    """True when the cue governs a whole clause, subject included ("what if he ...")."""
    uncertain: bool = False
    """True for hedges: the mention still counts (policy rule 10)."""
    recurs: bool = False
    """True for "it's back": the symptom is here again, past or not."""


def by_length(triggers: Iterable[Trigger]) -> tuple[Trigger, ...]:
    """Longest first: a longer cue wins over a shorter one at the same place.

    So "not sure if" is a hedge, not a negation, and "since last week" is not the past.
    """
    return tuple(sorted(triggers, key=lambda t: -len(t.words)))


@dataclass(frozen=True)
class ContextWords:
    """A language's cue words and how far they reach (``[context]`` in ``language.toml``)."""

    triggers: tuple[Trigger, ...] = ()
    """Every cue, longest first (see ``by_length``)."""
    pre_scope: int = 6
    """How many tokens a trigger before a mention reaches."""
    post_scope: int = 3
    """How many tokens a trigger after a mention reaches ("the fever went away")."""
    recur_extra: int = 3
    """How much further than other cues "it's back" reaches."""
    terminators: frozenset[str] = frozenset()
    """Words that end the reach of a trigger: a new thought begins."""
    subjects: frozenset[str] = frozenset()
    """A new subject ends the reach of a trigger that only covers a noun phrase."""
    recur_stops: frozenset[str] = frozenset()
    """The only words that end the longer reach of "it's back"."""
    modals: frozenset[str] = frozenset()
    """After these, "not" is part of the symptom ("can't get air"), not a denial."""
    pure_what_ifs: frozenset[tuple[str, ...]] = frozenset()
    """What-if cues that stay what-ifs before a verb in the past ("what if he passed out")."""
    past_words: frozenset[str] = frozenset()
    """Verbs in the past tense that the suffix rule does not catch ("fell")."""
    past_suffix: str = ""
    past_min_length: int = 4
    """A word must be longer than this for its suffix to mark the past ("fainted", not "red")."""


# When cues disagree, the one that more surely says "not this child, not now"
# does not win over a hedge: a hedged symptom still counts (rule 4).
_PRIORITY = {Status.OTHER: 0, Status.HYPOTHETICAL: 1, Status.PAST: 2, Status.PRESENT: 3, Status.ABSENT: 4}


@dataclass(frozen=True)
class Cue:
    """A trigger found in an utterance."""

    trigger: Trigger
    start: int
    end: int


@dataclass(frozen=True)
class Scene:
    """An utterance ready for context decisions: words, punctuation and cues."""

    words: tuple[str, ...]
    breaks: Mapping[int, bool] = field(hash=False)
    """Token index -> True for a full stop before it, False for a comma."""
    cues: tuple[Cue, ...]
    rules: ContextWords
    """The language's cue words and reaches."""


def scene(words: Sequence[str], breaks: Mapping[int, bool], rules: ContextWords) -> Scene:
    """Find the cues of an utterance once; every mention in it is then judged cheaply."""
    return Scene(tuple(words), dict(breaks), find_cues(words, rules), rules)


def find_cues(words: Sequence[str], rules: ContextWords) -> tuple[Cue, ...]:
    """Every trigger in the utterance, longest first at each position, without overlaps."""
    taken: set[int] = set()
    cues: list[Cue] = []
    for trigger in rules.triggers:
        size = len(trigger.words)
        for start in range(len(words) - size + 1):
            span = range(start, start + size)
            if tuple(words[start:start + size]) == trigger.words and not taken.intersection(span):
                cues.append(Cue(trigger, start, start + size))
                taken.update(span)
    return tuple(sorted(cues, key=lambda c: c.start))


def _reaches(where: Scene, cue: Cue, start: int, end: int, blocked: Collection[int]) -> bool:
    """True when the cue's scope covers the mention at words[start:end]."""
    rules = where.rules
    if cue.start >= end and cue.trigger.after:
        gap, limit = range(end, cue.start), rules.post_scope
    elif cue.end <= start and cue.trigger.before:
        gap, limit = range(cue.end, start), rules.pre_scope
    else:
        return False
    if cue.trigger.recurs:  # "a fever last week and now it's back": reaches over "and"
        return len(gap) <= limit + rules.recur_extra and not any(where.words[i] in rules.recur_stops for i in gap)
    if len(gap) > limit:
        return False
    if cue.trigger.status in NEAREST_ONLY and cue.end <= start and any(i in blocked for i in gap):
        return False
    # A full stop ends every cue; a comma ends the clause-wide ones only, so
    # "no fever, chills or cough" still denies all three.
    if any(where.breaks.get(i, False) or (cue.trigger.clausal and i in where.breaks)
           for i in range(gap.start, gap.stop + 1)):
        return False
    stops = rules.terminators if cue.trigger.clausal else rules.terminators | rules.subjects
    return not any(where.words[i] in stops for i in gap)


def _past_tense(word: str, rules: ContextWords) -> bool:
    suffix = rules.past_suffix
    return word in rules.past_words or (bool(suffix) and word.endswith(suffix) and len(word) > rules.past_min_length)


def _between(where: Scene, cue: Cue, start: int, end: int, used: Collection[int]) -> bool:
    """A cue among the words of a loose mention ("legs are not numb"), but not "can not"."""
    inside = start < cue.start and cue.end <= end and not any(i in used for i in range(cue.start, cue.end))
    return inside and where.words[cue.start - 1] not in where.rules.modals


def status_of(
    where: Scene, start: int, end: int, used: Collection[int], *, negation_inside: bool, blocked: Collection[int] = (),
) -> tuple[Status, bool]:
    """The status of the mention at words[start:end] and whether it was hedged.

    ``negation_inside`` is set for phrases such as "can't breathe" whose own
    "not" is the symptom (rule 2): such a mention is never denied. Cues in
    ``blocked`` positions belong to other mentions and are ignored. A cue
    between the words of a loose mention counts ("her legs are not numb").
    """
    found = [
        c for c in where.cues
        if c.start not in blocked and (_reaches(where, c, start, end, blocked) or _between(where, c, start, end, used))
        and not (negation_inside and c.trigger.status is Status.ABSENT)
    ]
    if not found:
        return Status.PRESENT, False
    if any(c.trigger.recurs for c in found):
        return Status.PRESENT, False
    best = min(found, key=lambda c: _PRIORITY[c.trigger.status])
    if best.trigger.status is Status.HYPOTHETICAL and best.trigger.words not in where.rules.pure_what_ifs \
            and any(_past_tense(where.words[i], where.rules) for i in used):
        # "is it serious if he passed out": it happened; escalate, unsure (rule 4).
        return Status.PRESENT, True
    return best.trigger.status, any(c.trigger.uncertain for c in found)
