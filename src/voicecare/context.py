"""Whether a mention is a finding for this child: negation, other people, what-ifs, the past.

This is the ConText idea from clinical language processing: trigger words
around a mention decide its status, within a scope that ends at words such
as "but" or at a new subject.
"""

from __future__ import annotations

from collections.abc import Collection, Mapping, Sequence
from dataclasses import dataclass, field

from voicecare.domain import Status

PRE_SCOPE = 6
"""How many tokens a trigger before a mention reaches."""
POST_SCOPE = 3
"""How many tokens a trigger after a mention reaches ("the fever went away")."""

# Words that end the reach of a trigger: a new thought begins.
TERMINATORS = frozenset({
    "but", "though", "although", "however", "actually", "except", "and", "so", "because",
    "wait", "now", "yet", "then", "also", "plus", "cause", "while", "besides", "instead",
})
# A new subject ends the reach of a trigger that only covers a noun phrase
# ("no, he is breathing hard": the "no" answers something else).
# "him" is also where "his" and "her" fold to: "no fever her back hurts".
SUBJECTS = frozenset({"he", "him", "i", "we", "you", "it", "my", "there"})
# The child named as a noun also ends someone else's cue ("the dog is limping
# and the baby has a fever"), unless it is the cue's own noun ("my other son").
CHILD_NOUNS = frozenset({"baby", "toddler", "son", "daughter", "kid", "child", "boy", "girl", "little"})
# Words that join a list: someone else's "chills and a fever" are both theirs.
LIST_JOINERS = frozenset({"and", "or", "plus"})
# What-ifs and the past reach only the nearest mention: in "what if she gets a
# fever she can't breathe" the second half may be real, and doubt escalates.
NEAREST_ONLY = frozenset({Status.HYPOTHETICAL, Status.PAST})
RECUR_EXTRA = 3
"""How much further than other cues "it's back" reaches."""
# "can't get air": after these, "not" is part of the symptom, not a denial.
MODALS = frozenset({"can", "could", "will", "would"})


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
    crosses: bool = False
    """True for "it came back": the sign itself is the subject, so it reaches back over "but"."""
    speaker: bool = False
    """True for the caregiver speaking of themself ("I am", "I feel"): a worry or doubt about
    the child in the same breath ("I'm worried", "I'm not sure whether") outranks it."""


def _t(text: str, status: Status, **kw: bool) -> Trigger:
    return Trigger(tuple(text.split()), status, **kw)


_P, _A, _O, _H, _PAST = Status.PRESENT, Status.ABSENT, Status.OTHER, Status.HYPOTHETICAL, Status.PAST
# Longest first: a longer cue wins over a shorter one at the same place, so
# "not sure if" is a hedge, not a negation, and "since last week" is not the past.
TRIGGERS: tuple[Trigger, ...] = tuple(sorted((
    # Hedges count as the symptom (rules 4 and 10).
    *(_t(w, _P, clausal=True, uncertain=True) for w in (
        "not sure if", "not sure whether", "not sure", "am not sure", "do not know if",
        "do not know whether", "can not tell if", "can not tell", "hard to tell", "no idea if",
        "i wonder if", "i think", "maybe", "might", "might have", "possibly", "probably",
        "kind of", "sort of", "a bit", "a little", "almost", "nearly", "seems", "seems like",
        "i guess", "could be", "looks like", "not sure whether", "worried", "worry", "worried that",
        "scared", "afraid", "concerned", "nervous", "i wonder whether", "i fear",
    )),
    # Pseudo-triggers: look like a cue but are not one.
    *(_t(w, _P, clausal=True) for w in (
        "no doubt", "not only", "not just", "no question", "since last week", "since yesterday",
        "is not it", "do not you",
        # A comparison or an unwell child is no denial: "drier than normal", "not well, very hot".
        "than normal", "than usual", "not well", "not feeling well", "not normal",
        # "never went away": it is still there.
        "never went away", "never gone away", "never goes away",
        # Minutes ago is now.
        "minute ago", "minutes ago", "second ago", "seconds ago", "hour ago", "an hour ago", "just now",
    )),
    *(_t(w, _A) for w in (
        "no", "not", "never", "without", "none", "denies", "no sign of", "no signs of",
        "not any", "free of", "nor", "neither", "not have", "does not have", "not got", "normal",
    )),
    *(_t(w, _A, clausal=True) for w in (
        "do not think", "does not seem", "does not look", "did not", "has not had",
    )),
    # Taking it back: "burning up, no sorry, my hands are cold" (the later statement wins).
    *(_t(w, _A, before=False, after=True) for w in (
        "no sorry", "sorry no", "no wait", "scratch that", "i was wrong", "my mistake", "i mean no",
    )),
    *(_t(w, _A, before=False, after=True) for w in (
        "is fine", "are fine", "is normal", "is okay", "is ok", "is good", "seems fine",
        "looks fine", "not really",
    )),
    # Someone other than the child; a new subject ("his sister says he ...") ends it.
    *(_t(w, _O) for w in (
        "sister", "brother", "sibling", "mom", "mommy", "mother", "dad", "daddy", "father",
        "husband", "wife", "partner", "cousin", "friend", "grandma", "grandpa", "grandmother",
        "grandfather", "nana", "aunt", "uncle", "neighbor", "classmate", "twin",
        "my other", "the other kid", "other child", "someone",
        "somebody", "everyone", "daycare kid", "daycare class", "half him class", "half the class", "whole class",
        "older boy", "older girl", "big boy", "big girl", "older kid", "older child", "older son", "older daughter",
        # Other children: "half his class has fevers".
        "other kids", "other children", "kids at daycare", "kids at school", "kids in him class",
        "classmates", "him class", "the class", "everybody", "older one", "oldest", "eldest",
        "younger one", "big one", "granny", "gran", "grandad", "nanna", "mum", "mummy", "auntie",
        "niece", "nephew", "stepdad", "stepmom", "boyfriend", "girlfriend", "roommate",
        "babysitter", "nanny", "teacher",
        # Animals.
        "dog", "dogs", "puppy", "cat", "cats", "kitten", "pet", "horse", "hamster", "rabbit", "bunny",
        "bird", "guinea pig",
    )),
    # The caregiver themself.
    *(_t(w, _O, speaker=True) for w in (
        "i have", "i am", "i feel", "i had", "i have got", "i got", "i myself", "i am the one", "me too",
        "my back", "my legs", "my leg", "my arm", "my arms", "my head", "my heart", "my chest",
        "my own",
    )),
    # What-ifs and questions about a symptom the child does not have.
    *(_t(w, _H, clausal=True) for w in (
        "what if", "if", "in case", "suppose", "supposing", "what happens if", "what about",
        "should i worry if", "what should i do if", "would it", "could he get", "were to",
        "when should i", "what does it mean if", "watch for", "look out for", "keep an eye out for",
    )),
    # The past, not now.
    *(_t(w, _PAST, after=True, clausal=True) for w in (
        "last week", "last month", "last year", "a while back", "in the past", "as a baby", "when he was a baby",
        "last summer", "last winter", "last spring", "last fall", "a long time ago", "last weekend",
        "last monday", "last tuesday", "last wednesday", "last thursday", "last friday", "last saturday",
        "last sunday",
        "once before",
    )),
    *(_t(w, _PAST, clausal=True) for w in ("used to",)),
    *(_t(w, _PAST, before=False, after=True, clausal=True) for w in (
        "went away", "is gone", "are gone", "gone now", "is over", "cleared up", "has passed", "ago",
        "long gone", "weeks before", "days before", "months before", "week before",
    )),
    # "wheezing with a cold, that's long gone": "that" points back across the comma.
    *(_t(w, _PAST, before=False, after=True) for w in (
        "that is long gone", "that is gone", "that has gone", "that went away", "that is over",
    )),
    # It came back: now again, whatever was said of the past.
    *(_t(w, _P, before=False, after=True, clausal=True, recurs=True) for w in (
        "is back", "it back", "back again", "came back", "again", "has come back", "returned",
    )),
    *(_t(w, _P, before=False, after=True, clausal=True, recurs=True, crosses=True) for w in (
        "it is back", "it came back", "it has come back", "it returned", "it is coming back",
        "it started again", "it is up again",
    )),
), key=lambda t: -len(t.words)))

# When cues disagree, the one that more surely says "not this child, not now"
# does not win over a hedge: a hedged symptom still counts (rule 4).
_PRIORITY = {_O: 0, _H: 1, _PAST: 2, _P: 3, _A: 4}


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


def scene(words: Sequence[str], breaks: Mapping[int, bool]) -> Scene:
    """Find the cues of an utterance once; every mention in it is then judged cheaply."""
    return Scene(tuple(words), dict(breaks), find_cues(words))


def find_cues(words: Sequence[str]) -> tuple[Cue, ...]:
    """Every trigger in the utterance, longest first at each position, without overlaps."""
    taken: set[int] = set()
    cues: list[Cue] = []
    for trigger in TRIGGERS:
        size = len(trigger.words)
        for start in range(len(words) - size + 1):
            span = range(start, start + size)
            if tuple(words[start:start + size]) == trigger.words and not taken.intersection(span):
                cues.append(Cue(trigger, start, start + size))
                taken.update(span)
    return tuple(sorted(cues, key=lambda c: c.start))


def _reaches(where: Scene, cue: Cue, start: int, end: int, blocked: Collection[int]) -> bool:
    """True when the cue's scope covers the mention at words[start:end]."""
    if cue.start >= end and cue.trigger.after:
        gap, limit = range(end, cue.start), POST_SCOPE
    elif cue.start < start < cue.end <= end and cue.trigger.before:
        return True  # the cue holds the mention's first word: "my back is killing me"
    elif cue.end <= start and cue.trigger.before:
        gap, limit = range(cue.end, start), PRE_SCOPE
    else:
        return False
    if cue.trigger.recurs:  # "a fever last week and now it's back": reaches over "and"
        return len(gap) <= limit + RECUR_EXTRA and (cue.trigger.crosses or "but" not in (where.words[i] for i in gap))
    if len(gap) > limit:
        return False
    if cue.trigger.status in NEAREST_ONLY and cue.end <= start and any(i in blocked for i in gap):
        return False
    # A full stop ends every cue; a comma ends the clause-wide ones only, so
    # "no fever, chills or cough" still denies all three.
    if any(where.breaks.get(i, False) or (cue.trigger.clausal and i in where.breaks)
           for i in range(gap.start, gap.stop + 1)):
        return False
    stops = TERMINATORS if cue.trigger.clausal else TERMINATORS | SUBJECTS
    if cue.trigger.status is Status.OTHER:
        # Someone else's "chills and a fever" are both theirs, and the noun
        # right after the cue is still them ("my other son").
        stops = (TERMINATORS - LIST_JOINERS) | SUBJECTS
        own_noun = cue.end <= start and where.words[cue.end] in CHILD_NOUNS
        return not any(where.words[i] in stops | CHILD_NOUNS for i in gap if not (own_noun and i == cue.end))
    return not any(where.words[i] in stops for i in gap)


PURE_WHAT_IFS = frozenset({("what", "if"), ("suppose",), ("supposing",), ("in", "case"), ("were", "to")})
_PAST_IRREGULAR = frozenset({"fell", "woke", "lost", "was", "were", "went", "threw", "broke", "hurt"})


def _past_tense(word: str) -> bool:
    return word in _PAST_IRREGULAR or (word.endswith("ed") and len(word) > 4)


def _between(where: Scene, cue: Cue, start: int, end: int, used: Collection[int]) -> bool:
    """A cue among the words of a loose mention ("legs are not numb"), but not "can not"."""
    inside = start < cue.start and cue.end <= end and not any(i in used for i in range(cue.start, cue.end))
    return inside and where.words[cue.start - 1] not in MODALS


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
    others = [c for c in found if c.trigger.status is Status.OTHER]
    if others and all(c.trigger.speaker for c in others) and any(c.trigger.uncertain for c in found):
        # "I'm worried he's not breathing": the caregiver's own words frame a doubt about the child.
        return Status.PRESENT, True
    if best.trigger.status is Status.HYPOTHETICAL and best.trigger.words not in PURE_WHAT_IFS \
            and any(_past_tense(where.words[i]) for i in used):
        # "is it serious if he passed out": it happened; escalate, unsure (rule 4).
        return Status.PRESENT, True
    return best.trigger.status, any(c.trigger.uncertain for c in found)
