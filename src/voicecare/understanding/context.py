"""Whether a mention is a finding for this child: negation, other people, what-ifs, the past.

This is the ConText idea from clinical language processing: trigger words
around a mention decide its status, within a scope that ends at words such
as "but" or at a new subject. The words and reaches are the language's
(``[context]`` in ``language.toml``, found in an utterance by ``cues``); the rules
for using them are here:

- a scope ends at a terminator, a full stop (a comma too for clause-wide
  cues), a new subject, and, for a denial, at the next sign unless "or"
  makes a list ("not hot, not shivery, limping" keeps the limp);
- of the cues before a mention, the nearest kind decides ("a little sore,
  no fever"), and a worry outranks the caregiver's own "I am";
- someone else's scope runs further, over their list of signs, and ends at
  a new subject, a verb of telling or the child named as a noun;
- a phrase whose own "not" is the sign ("can't breathe") is never denied.
"""

from __future__ import annotations

from collections.abc import Collection, Sequence
from dataclasses import replace
from itertools import pairwise

from voicecare.domain import Status
from voicecare.understanding import deeds
from voicecare.understanding.cues import Cue, Scene, childs_clause, clause_end, clause_start, past_tense, scene

# Where a scene is built and its clauses found, for the callers that ask this module for statuses.
__all__ = [
    "Scene",
    "clause_end",
    "clause_start",
    "in_none_since",
    "past_tense",
    "retold",
    "rewarmed",
    "said_of_another",
    "scene",
    "status_of",
    "without_since",
]

# What-ifs and the past reach only the nearest mention: in "what if she gets a
# fever she can't breathe" the second half may be real, and doubt escalates.
NEAREST_ONLY = frozenset({Status.HYPOTHETICAL, Status.PAST})


# How many words ("of the") may stand between someone named and the child noun that is theirs ("the father of the child").
OF_REACH = 2
# How many words after someone named a child noun with their pronoun may be theirs ("my sister's on Sunday, her boy").
THEIR_REACH = 5
# How many words may stand between someone named and a sign said of them as its owner ("my husband's hands").
OWNER_REACH = 1
ONSET_REACH = 2
"""How far before a time inside a mention a word of its start may stand ("since like last summer")."""
NAMED_AGAIN_REACH = 3
"""How many words after someone else's name (a name of theirs between) a pronoun of theirs may open a new sentence
and still be them, when the child is the other gender ("her brother jack | he's thirty nine")."""
# How many words before someone named inside a mention may say they are the child's ("his own sister").
KIN_OWNER_REACH = 2
# How far a time long gone that opens its sentence reaches into it ("Last Christmas he had ... with the fever").
DATED_SENTENCE_REACH = 14
# How far a time in the past said after a sign reaches back over the episode clause between them ("trouble breathing
# when he had croup last month").
EPISODE_REACH = 7
STILL_REACH = 3
"""Most words from a time gone by to its joiner, and from the joiner to "still" ("a while ago and they're still")."""
# How many words may join someone else's next sign to their list ("and the"), past their cue's own reach.
LIST_STEP = 3

OBSERVER_REACH = 2
"""Most words from the caregiver's own words to a verb of observing that makes them the one who saw ("I have been
counting")."""
PASSING_GAP = 1
# How many words (a modal, "was") may stand between a reported stranger child and its sign: "said a little girl
# could not breathe".
REPORTED_CHILD_GAP = 2
"""Most words between someone named and a word said in passing that leaves their story running ("my husband has just
fainted"); farther off ("my sister's toddler had a seizure last year, mine just has a stiff back") it is the child's."""

TAKEN_BACK_REACH = 4
"""Most words after a correction ("no wait") to someone else or a time gone by that says whose or when the sign
taken back was ("that was her brother", "that was yesterday")."""

# When cues disagree, the one that more surely says "not this child, not now"
# does not win over a hedge: a hedged symptom still counts (rule 4).
_PRIORITY = {Status.OTHER: 0, Status.HYPOTHETICAL: 1, Status.PAST: 2, Status.PRESENT: 3, Status.ABSENT: 4}


def _compared(where: Scene, start: int) -> bool:
    """True when a comparison word stands before words[start], with only ``compared`` words between ("than last
    week", "than she was a month ago")."""
    rules = where.rules
    for i in range(start - 1, -1, -1):
        if i + 1 in where.breaks:
            return False
        if where.words[i] in rules.comparisons:
            return True
        if where.words[i] not in rules.compared:
            return False
    return False


def _just_begun(where: Scene, start: int) -> bool:
    """True when a word of beginning stands right before the mention at ``start``, in its sentence: "her back pain
    started about a week ago" (the span's time is the sign's start)."""
    return any(where.words[i] in where.rules.onsets and not any(j in where.breaks for j in range(i + 1, start + 1))
               for i in range(max(0, start - ONSET_REACH), start))


def _an_episode(where: Scene, gap: range) -> bool:
    """True when the words between a sign and a time after it are a clause of when it happened, unbroken: "when he
    had croup" in "trouble breathing when he had croup last month" (rule 9: that episode is past; a time said so
    far after the sign is its time only then)."""
    return len(gap) > 0 and where.words[gap.start] in where.rules.episode_openers \
        and not any(i in where.breaks for i in range(gap.start, gap.stop + 1))


def _reaches(where: Scene, cue: Cue, start: int, end: int, blocked: Collection[int],
             signs: Collection[int] = ()) -> bool:
    """True when the cue's scope covers the mention at words[start:end]."""
    rules = where.rules
    if _answers(where, cue, end):
        return True
    if cue.trigger.status is Status.PAST and _compared(where, cue.start):
        return False  # "wheezing worse than last week", "like last time": a comparison, no time of the sign
    if cue.start >= end and cue.trigger.after:
        gap, limit = range(end, cue.start), rules.post_scope
    elif cue.start < start < cue.end <= end and cue.trigger.before:
        return True  # the cue holds the mention's first word: "my back is killing me"
    elif start < cue.start < end < cue.end and cue.trigger.after:
        # The cue holds the mention's last word: "two weeks before". A span just begun ("started about a week ago",
        # outside review 20 F9) is when the sign began: it lasts until now, as an onset inside the mention does below.
        return not (cue.trigger.status is Status.PAST and _just_begun(where, start))
    elif cue.end <= start and cue.trigger.before:
        gap, limit = range(cue.end, start), rules.pre_scope
    else:
        return False
    if cue.trigger.reach is not None:
        limit = cue.trigger.reach
    if cue.trigger.dated and cue.end <= start and (cue.start == 0 or where.breaks.get(cue.start, False)):
        limit = max(limit, DATED_SENTENCE_REACH)  # "Last Christmas he had that horrid chest infection with the fever"
    if cue.trigger.status is Status.PAST and cue.start >= end and _an_episode(where, gap):
        limit = max(limit, EPISODE_REACH)  # "he had trouble breathing when he had croup last month"
    if cue.trigger.resolves and not _said_in_the_past(where, start, end):
        return False
    if cue.trigger.since_when and not any(where.words[i] in rules.over_when for i in gap):
        return False  # "one wet nappy, none since": the sign itself, no day it was over since
    if cue.trigger.status is Status.PAST and cue.start >= end \
            and any(where.words[i] in rules.onsets for i in range(start, cue.start)):
        return False  # "breathing fast since two days ago": it began then and lasts
    if cue.trigger.status is Status.PAST and cue.end <= start \
            and any(where.words[i] in rules.onsets for i in range(start, end)):
        return False  # "two days ago her leg started hurting": the time said first, it began then and lasts
    if cue.trigger.status is Status.ABSENT and not cue.trigger.clausal and cue.end <= start \
            and where.words[start] in rules.subjects:
        # "no not she feels really hot" (a recogniser's "but" heard as "not"), "nope he's burning up": a denial
        # stands inside the clause it denies, never before its subject. A subject between them ends it already
        # ("no not she fainted"); one that opens the mention's own words does the same (rule 2, outside review 22 F1).
        return False
    if cue.trigger.ellipsis:  # it points back at the nearest mention only: "a fever and the spasm stopped"
        # Words of a mention running on from this one ("spasm come | back") are no other sign in between.
        first = next((i for i in gap if i not in blocked), gap.stop)
        # "Her heart was racing. Now it is normal.": a sentence that only says the child is fine now points back
        # over its own full stop (rule 9, the later statement wins; understand57, #7).
        crossed = _sentence_of_its_own(where, cue) if cue.trigger.resolves else None
        return cue.start >= end and len(gap) <= limit and not any(
            (where.breaks.get(i, False) and i != crossed) or i in blocked for i in range(first, gap.stop + 1))
    if cue.trigger.recurs:  # "a fever last week and now it's back": reaches over "and", not over a comma
        return len(gap) <= limit + rules.recur_extra and (cue.trigger.crosses or not any(
            where.words[i] in rules.recur_stops or i in where.breaks for i in range(gap.start, gap.stop + 1)))
    if len(gap) > limit and not (cue.trigger.status is Status.OTHER and (
            _their_list_runs_on(where, cue, gap, signs, limit) or _their_story_runs_on(where, cue, start, signs))):
        return False
    if cue.trigger.takes_back and cue.start == end:
        return True  # "he's hard to wake... no sorry, he's just sleepy": a pause before a correction ends nothing
    if cue.trigger.status in NEAREST_ONLY and cue.end <= start and any(i in blocked for i in gap) \
            and not _denial_list(where, gap, end):
        return False  # "what if she gets a fever she can't breathe"; but "a fever or tingling" is one list
    if cue.trigger.status is Status.HYPOTHETICAL and cue.end <= start \
            and sum(where.words[i] in rules.subjects for i in gap) > 1:
        return False  # "when should I take him in his leg hurts": a second subject, a new clause said as so
    if cue.trigger.status is Status.ABSENT and cue.end <= start and any(i in blocked for i in gap) \
            and not _denial_list(where, gap, end):
        return False  # "not hot, not shivery, limping": the limp is said, not denied
    if cue.trigger.status is Status.ABSENT and cue.start >= end and _said_of_another(where, gap, cue.start):
        return False  # "his back hurts, heart is normal": the "normal" is the heart's, said after the comma
    if cue.trigger.status is Status.ABSENT and cue.end <= start and _list_closed(where, gap):
        return False  # "his lips aren't blue or anything, back spasm": the denial's list ended before it
    if cue.trigger.status is Status.ABSENT and cue.end < start and _opens_own_clause(where, start, gap):
        return False  # "she is not getting up properly eyes are opening and closing": the eyes are said, not denied
    if (cue.trigger.status is Status.ABSENT or cue.trigger.speaker) and cue.end <= start \
            and _clause_of_its_own(where, gap, blocked, () if cue.trigger.status is Status.ABSENT
                                   else {*signs, *where.signs}):
        return False  # "we weren't trying, back sore", "no, the pain goes down his leg"
    # A full stop ends every cue; a comma ends the clause-wide ones only, so
    # "no fever, chills or cough" still denies all three.
    if any((where.breaks.get(i, False) or (cue.trigger.clausal and i in where.breaks))
           and not (cue.trigger.status is Status.OTHER and i < start
                    and (_named_again(where, cue, i) or _turn_to_now(where, i, cue)))
           for i in range(gap.start, gap.stop + 1)):
        return False
    if cue.trigger.status is Status.PAST and cue.start >= end and _listed(where, gap, blocked):
        return True  # "a bad fever and chills last week": the time is the whole list's
    if cue.trigger.status is Status.OTHER:
        return not _other_ends(where, cue, start, gap, signs)
    stops = rules.terminators if cue.trigger.clausal else rules.terminators | rules.subjects
    return not any(where.words[i] in stops for i in gap)


def _still_so(where: Scene, after: int, blocked: Collection[int]) -> bool:
    """True when, after a time gone by that ends at ``after``, a joiner and then a word of ``ongoing`` ("still")
    follow within its sentence, with a word of now later in that clause or nothing after it ("and still kind of dark
    now", "and he still is", "and still has it"), and no other sign said between."""
    rules, words = where.rules, where.words
    joiner = next((i for i in range(after, min(len(words), after + STILL_REACH)) if words[i] in rules.list_joiners
                   or words[i] in rules.recur_stops), None)
    if joiner is None or any(i in where.breaks for i in range(after, joiner + 1)):
        return False
    still = next((i for i in range(joiner + 1, min(len(words), joiner + 1 + STILL_REACH)) if words[i] in rules.ongoing
                  and not any(j in where.breaks for j in range(joiner + 1, i + 1))), None)
    if still is None:
        return False
    close = clause_end(words, where.breaks, rules, still + 1)
    if any(i in blocked for i in range(after, close)):
        return False
    # "Now" is itself a turn that closes the clause: "still kind of dark | now".
    if any(words[i] in rules.ongoing_now for i in range(still + 1, min(close + 1, len(words)))):
        return True
    # Or the clause closes on the sign said again, or on a verb standing for it: "still purple", "he still does".
    small = rules.elliptic_verbs | rules.reaffirming_verbs | rules.continuation_subjects | rules.well_manners
    return all(i in where.signs or words[i] in small for i in range(still + 1, close))


def _sentence_of_its_own(where: Scene, cue: Cue) -> int | None:
    """Where the sentence holding ``cue`` begins, when it says nothing but the cue and small words of a turn to now, a
    subject, a verb of being or a manner ("Now it is normal.", "It's fine now."), and nothing after it names a sign
    or its coming back ("Now it is normal. Now it's racing again." is the sign again); else None."""
    rules = where.rules
    if any(i >= cue.end for i in where.signs) or any(c.trigger.recurs and c.start >= cue.end for c in where.cues):
        return None
    begins = max((i for i, full in where.breaks.items() if full and i <= cue.start), default=0)
    ends = min((i for i, full in where.breaks.items() if full and i >= cue.end), default=len(where.words))
    small = rules.resumed_turns | rules.subjects | rules.elliptic_verbs | rules.well_manners
    if not begins or ends < cue.end:
        return None
    return begins if all(where.words[i] in small for i in (*range(begins, cue.start), *range(cue.end, ends))) else None


def _said_of_another(where: Scene, gap: range, cue_start: int) -> bool:
    """True when a comma in ``gap`` (between a mention and a denial said after it) is followed by another body or
    sign word before the denial: "his back hurts, heart is normal only" says the heart is normal, not the back."""
    return any(i in where.breaks and any(j in where.signs for j in range(i, cue_start))
               for i in range(gap.start, gap.stop + 1))


def _denied_of_another(where: Scene, found: Sequence[Cue], start: int) -> bool:
    """True when the nearest cue before the mention at ``start`` denies it and someone else named before that denial,
    in the same sentence, is whom it is denied of: "his brother doesn't have a fever", "her sister has no fever", the
    caregiver's own "and I have no fever", or a clause without a subject of its own that goes on about them ("my other
    boy's back is sore too, but no fever"). A word for the child, of telling, or a subject between them makes the
    denial the child's again ("my husband says she has no fever", "the nurse said no fever", "her sister is ill but
    she has no fever"), and so does someone else named after the clause's own subject ("he was climbing with his
    brothers, no fever").
    """
    before = sorted((c for c in found if c.end <= start), key=lambda c: c.end)
    if not before or before[-1].trigger.status is not Status.ABSENT:
        return False
    denial = before[-1]
    owners = [c for c in where.cues if c.trigger.status is Status.OTHER and c.end <= denial.start]
    if not owners:
        return False
    owner = max(owners, key=lambda c: c.end)
    if owner.trigger.recurs:
        return False
    rules = where.rules
    # They are whom the clause is about: nothing of the child's before them in it ("he pulled something climbing with
    # his brothers, no fever" is the child's "no").
    # (The word right before them is their determiner: "his | brother", "my | mum".)
    if any(where.words[i] in rules.subjects or where.words[i] in rules.child_nouns
           for i in range(clause_start(where.words, where.breaks, rules, owner.start), owner.start - 1)):
        return False
    named = owner.end  # their own noun after the cue ("my other | boy") names them, not the child
    while named < denial.start and where.words[named] in rules.child_nouns:
        named += 1
    return not any(where.breaks.get(i, False) for i in range(owner.end, denial.start + 1)) and not any(
        where.words[i] in rules.child_pronouns or where.words[i] in rules.child_nouns
        or where.words[i] in rules.reporting or where.words[i] in rules.subjects
        for i in range(named, denial.start))


def _reported_stranger(where: Scene, start: int) -> bool:
    """True when the mention at ``start`` is said of some child, not this one, that someone else reported: a verb of
    telling, then an indefinite child ("the radio said a little girl could not breathe", "on the news they said a
    kid stopped breathing"). A child named by a pronoun ("they said at nursery he stopped breathing") is this one.
    """
    rules = where.rules
    for noun in range(start - 1, max(-1, start - 2 - REPORTED_CHILD_GAP), -1):
        if noun + 1 in where.breaks:
            return False  # a comma: the sign opens a clause of its own
        if where.words[noun] in rules.child_pronouns or where.words[noun] in rules.subjects:
            return False
        if where.words[noun] in rules.child_nouns and not _some_child(where, noun):
            return False  # "they said a baby, my son stopped breathing": the nearest child named is this one
        if where.words[noun] in rules.child_nouns:
            first = noun
            while where.words[first - 1] in rules.child_nouns:
                first -= 1
            article = first - 1  # the stranger word, "a"
            return any(i >= 0 and where.words[i] in rules.reporting
                       and not any(j in where.breaks for j in range(i + 1, article + 1))
                       and not any(where.words[j] in rules.child_nouns or where.words[j] in rules.child_pronouns
                                   or j in where.signs for j in range(i + 1, article))
                       for i in (article - 1, article - 2))
    return False


def _opens_own_clause(where: Scene, start: int, gap: range) -> bool:
    """True when the mention at ``start`` opens with a noun and its "be" ("eyes are ...", "lips were ...") after a
    denial with a verb of its own in ``gap``: a clause of its own, which that denial does not reach.

    A recogniser writes no comma: in "she is not getting up properly eyes are opening and closing" the "not" is the
    getting up's. A denial of a bare noun ("no pain legs are ...") is left to the cue rules, as is a pronoun ("he is":
    its subject ends a noun phrase's denial already).
    """
    rules = where.rules
    words = where.words
    if not (start + 1 < len(words) and words[start + 1] in rules.elliptic_verbs and words[start] not in rules.subjects
            and words[start] not in rules.terminators and words[start] not in rules.child_pronouns):
        return False
    ongoing = rules.progressive
    return any(deeds.a_verb(where, i) or (ongoing and words[i].endswith(ongoing) and len(words[i]) > len(ongoing) + 2)
               for i in gap)


def _their_list_runs_on(where: Scene, cue: Cue, gap: range, signs: Collection[int], limit: int) -> bool:
    """True when someone else's list of signs, begun within the cue's reach, runs on to the mention.

    "the father of the child has very strong pain in the back and the leg is sleeping": the leg is his too,
    joined to his back pain by "and", however far from "father" (``_other_ends`` still ends it at a new subject).
    Each later sign follows the one before within ``LIST_STEP`` words, a joiner among them.
    """
    reached = cue.end + limit  # the first word past the cue's own reach
    steps = [cue.end - 1, *(i for i in gap if i in signs), gap.stop]
    return len(steps) > 2 and steps[1] < reached and all(
        b < reached or (b - a - 1 <= LIST_STEP and any(where.words[i] in where.rules.list_joiners for i in range(a, b)))
        for a, b in pairwise(steps))


def _their_story_runs_on(where: Scene, cue: Cue, start: int, signs: Collection[int]) -> bool:
    """True when someone else's story, with a sign of theirs in it, runs on past their cue's reach to a mention whose
    clause opens with a pronoun that names them again, and nothing said anywhere names the child.

    "My husband put his back out lifting the couch and he's got a fever" is his fever, as it is without "lifting
    the couch" (outside review 19 F10; the policy: an adult's own symptoms with nothing about the child are no
    finding). Any word for the child keeps the sign the child's (rule 4): a child noun, a pronoun of another
    gender, one said before them or as the object of a deed ("my husband was lifting him and he stopped breathing").
    """
    if cue.trigger.speaker or cue.end > start:
        return False
    rules, words = where.rules, where.words
    subject = next((i for i in range(start - 1, max(cue.end, start - 1 - rules.pre_scope), -1)
                    if words[i] in rules.child_pronouns), None)
    if subject is None or words[subject] not in rules.subjects or subject in where.object_forms \
            or any(i in where.breaks for i in range(subject + 1, start + 1)) or not _named_again(where, cue, subject):
        return False
    if not any(i in signs or i in where.signs for i in range(cue.end, subject)):
        return False  # their story names no sign of theirs: "my husband was putting the little one to bed and he ..."
    gender = where.genders.get(subject)

    def names_the_child(i: int) -> bool:
        word = words[i]
        if word in rules.child_nouns:
            return True
        return word in rules.child_pronouns and i != subject and (
            i < cue.start or where.genders.get(i) != gender or deeds.an_object(where, i))

    return not any(names_the_child(i) for i in range(len(words)) if not cue.start <= i < cue.end) \
        and not any(words[i] in rules.reporting for i in range(cue.end, start))


def _nearest_before(found: list[Cue], start: int, passing: Collection[tuple[str, ...]] = ()) -> list[Cue]:
    """Of the cues before a mention, a nearer one of another kind ends the farther one's scope.

    In "a little sore today, no fever" the hedge belongs to "sore", the "no" to
    the fever; in "I'm worried she has a fever" the worry, not "I am", frames it.
    A word said in passing (``passing``: "just") right after someone else ends nothing: "his sister just has a
    fever" is hers; after a denial it still does ("no fever, just a sore back").
    """
    before = sorted((c for c in found if c.end <= start), key=lambda c: c.end)
    if not before:
        return found
    nearest = before[-1].trigger.status
    if before[-1].trigger.words in passing and len(before) > 1 and before[-2].trigger.status is Status.OTHER \
            and not before[-2].trigger.speaker and before[-1].start - before[-2].end <= PASSING_GAP:
        nearest = Status.OTHER
    return [c for c in found if c.end > start or c.trigger.status is nearest]


def _denial_list(where: Scene, gap: range, end: int) -> bool:
    """True when a denial's scope runs on past another sign as a list: "no fever, chills or cough".

    The list is marked by a word such as "or" between them or right after the mention;
    without one, the next sign is said, not denied (when unsure, escalate).
    """
    joiners, closers = where.rules.denial_joiners, where.rules.list_closers
    after = where.words[end:end + 1]
    # "or anything" closes the list rather than joining one ("not blue or anything, back spasm").
    listing = [i for i in gap if where.words[i] in joiners
               and not (i + 1 < len(where.words) and where.words[i + 1] in closers)]
    return bool(listing) or (bool(after) and after[0] in joiners)


def without_since(where: Scene) -> Scene:
    """``where`` without its cues of none since (``Trigger.since_when``): for a sign told by what has not come."""
    return replace(where, cues=tuple(c for c in where.cues if not c.trigger.since_when))


def in_none_since(where: Scene, start: int, end: int) -> bool:
    """True when words[start:end] lie in a cue of none since: "a temperature on Tuesday, none since" tells no span
    of time from Tuesday until now (no pain lasting days; REVIEW18 F9)."""
    return any(c.trigger.since_when and c.start < end and start < c.end for c in where.cues)


def _list_closed(where: Scene, gap: range) -> bool:
    """True when a denial's list is closed in ``gap`` by a joiner and a closer ("or anything")."""
    rules = where.rules
    return any(where.words[i] in rules.denial_joiners and where.words[i + 1] in rules.list_closers
               for i in gap if i + 1 < gap.stop)


def _listed(where: Scene, gap: range, blocked: Collection[int]) -> bool:
    """True when the words between a mention and a cue after it are only other signs and list joiners."""
    return any(i in blocked for i in gap) and all(
        i in blocked or where.words[i] in where.rules.list_joiners for i in gap)


def _clause_of_its_own(where: Scene, gap: range, blocked: Collection[int], named: Collection[int]) -> bool:
    """True when a denial's (or the caregiver's own) clause ends at a comma before it has named any sign.

    "we weren't trying, back sore" denies the trying and is about us; a bare
    "no," answers something else. A denial that names a sign first runs on as
    a list over the comma ("no fever, chills or cough"). ``named`` are the other
    words that name a sign: for a denial none, as a sign word that made no
    mention names nothing to list ("no accidents, back hurts" keeps the back).
    """
    comma = next((i for i in range(gap.start, gap.stop + 1) if i in where.breaks), None)
    return comma is not None and not any(i in blocked or i in named for i in range(gap.start, comma))


def _answers(where: Scene, cue: Cue, end: int) -> bool:
    """True for a bare answer right after a question about the mention: "Fever? No.", or one that goes on only to
    say it is all right: "is her heart slow? no it's normal" (understand57, #7)."""
    said_alone = cue.end == len(where.words) or cue.end in where.breaks or _said_well(where, cue.end)
    return (cue.trigger.status is Status.ABSENT and " ".join(cue.trigger.words) in where.rules.answers
            and cue.start == end and where.breaks.get(end, False) and said_alone)


def _said_well(where: Scene, start: int) -> bool:
    """True when the words from ``start`` to the end of their sentence say only that it or the child is all right:
    "it's normal", "she's fine", "it's totally fine now" (a subject, a verb of being, manners, a word of being well)."""
    rules, words = where.rules, where.words
    ends = min((i for i in where.breaks if i > start), default=len(words))
    said = [w for w in words[start:ends] if w not in rules.resumed_turns]
    if len(said) < 2 or said[0] not in rules.continuation_subjects | rules.child_pronouns or said[-1] not in rules.well_words:
        return False
    return all(w in rules.elliptic_verbs | rules.well_manners for w in said[1:-1])


def _other_ends(where: Scene, cue: Cue, start: int, gap: range, signs: Collection[int]) -> bool:
    """True when someone else's cue ends before the mention.

    Their list of signs stays theirs (a joiner after one of the ``signs``
    positions, "I have chills and a fever", or right before the mention, "the
    cat is sneezing and wheezing"); a new subject, a verb of telling
    ("the nanny noticed a fever"), or the child named as a noun ("the dog is
    limping and the baby has a fever") ends it, unless that noun is the cue's
    own ("my other son").
    """
    rules = where.rules
    stops = rules.terminators | rules.subjects | rules.child_nouns | rules.reporting
    # "my other son", "the father of the child": the child noun right after them (or after "of the") is theirs.
    # Not the caregiver's own "I have": "I have (a little) boy who stopped breathing" names this child.
    own_noun = None if cue.trigger.speaker else next(
        (i for i in range(cue.end, min(start, cue.end + THEIR_REACH + 1)) if where.words[i] in rules.child_nouns
         and ((i <= cue.end + OF_REACH and _of_them(where, cue.end, i)) or _their_pronoun(where, cue, i))), None)
    # They open the clause with a word such as "my" ("my sister, she ..."): not what the caregiver
    # is ("I'm her mum, she ..."), nor someone spoken to ("mate, she's not breathing").
    first = clause_start(where.words, where.breaks, rules, cue.start)
    named_first = first < cue.start and all(where.words[j] in rules.subjects for j in range(first, cue.start))

    def ends_at(i: int) -> bool:
        word = where.words[i]
        if word in rules.list_joiners and (i + 1 == start or any(
                j in signs or where.words[j] in rules.span_owners for j in range(cue.end, i))):
            # "sneezing and wheezing", "chills and a fever": still theirs; so after an illness of theirs that is no
            # sign of ours ("my wife have the flu and the chills", batch_av).
            return False
        if i == cue.end and i in where.breaks and word in rules.child_pronouns and named_first:
            return False  # "my older boy, he's nine, has a fever": the pronoun names them again
        if i == cue.end and word in rules.child_pronouns and named_first and _resumed(where, cue, i):
            return False  # "her cousin he is confused", "my mother she cannot breathe good": them, said again
        if word in rules.child_pronouns and _named_again(where, cue, i):
            return False  # "my wife, she has a fever", "my sister had a fever and she is shivering"
        if word in rules.resumed_turns and i > cue.end and (where.words[i - 1] in rules.list_joiners or (
                where.words[i - 1] in rules.child_pronouns and _named_again(where, cue, i - 1))):
            # "my husband threw his back out and now he has a fever", "... and he now has a fever": the turn to
            # now tells on the same person's story (outside review 21 F7: it was read as the child's fever).
            return False
        if word in rules.list_joiners and deeds.a_verb(where, cue.end) and deeds.a_verb(where, i + 1) \
                and not any(j in where.breaks for j in (i, i + 1)):
            return False  # "my husband's exhausted and keeps nodding off": no new subject, still theirs
        if word in rules.child_nouns and not cue.trigger.speaker and _some_child(where, i):
            return False  # "on the telly a kid stopped breathing": a child of their story, not this one
        return word in stops and not (own_noun is not None and cue.end <= i <= own_noun)

    # A mention that opens with a new subject ("... and he's hot now") may be the child's: when unsure, escalate.
    opens = start > cue.end and where.words[start] in rules.child_pronouns
    return any(ends_at(i) for i in gap) or (opens and ends_at(start))


def _some_child(where: Scene, noun: int) -> bool:
    """True when the child noun at words[noun] is said of some child, not this one: an indefinite word before it
    and its other child nouns ("a kid", "a small child", "some little boy")."""
    first = noun
    while first > 0 and where.words[first - 1] in where.rules.child_nouns and first not in where.breaks:
        first -= 1
    return first > 0 and where.words[first - 1] in where.rules.strangers and first not in where.breaks


def _named_again(where: Scene, cue: Cue, index: int) -> bool:
    """True when the pronoun at words[index] names the person of someone else's ``cue`` again, not the child.

    Its gender is theirs ("my wife ... she"), in their clause (a comma may follow their name: "my wife, she"),
    and nothing said makes the child that gender too: no child
    noun of it ("my daughter") and no pronoun of it before them ("her sister has a fever and she ...").
    """
    gender = where.genders.get(index)
    if gender is None or where.genders.get(cue.end - 1) != gender:
        return False  # another gender
    # "her brother jack | he's thirty nine": the child, named by the possessive, is the other gender, so a
    # pronoun of theirs a few words on is them even where a new sentence begins.
    contrasted = cue.start > 0 and where.genders.get(cue.start - 1) not in (None, gender) \
        and index - cue.end <= NAMED_AGAIN_REACH and not any(i in where.breaks for i in range(cue.end + 1, index))
    # "It's my wife that's hurting, her heart's racing": said to be the one with a complaint, they are still who
    # the pronoun names over a comma (not over a full stop).
    focus = cue.end < len(where.words) and where.words[cue.end] in where.rules.who_words \
        and not any(where.breaks.get(i, False) for i in range(cue.end + 1, index + 1))
    if not contrasted and not focus and any(i in where.breaks and not _turn_to_now(where, i, cue)
                                            for i in range(cue.end + 1, index + 1)):
        return False  # a clause of its own ("back from grandma's on Sunday, her back is sore")
    if any(where.genders.get(i) == gender and deeds.an_object(where, i) for i in range(cue.end, index)):
        # "My dad was carrying him and he went floppy": someone of their gender is the object of their deed, the
        # child; the pronoun after may name either, so it is the child's (rule 4; understand50, #7, batch_bc).
        return False
    rules = where.rules
    return not any(where.genders.get(i) == gender and (i < cue.start or where.words[i] in rules.child_nouns)
                   for i in range(len(where.words)) if not cue.start <= i < cue.end)


def _turn_to_now(where: Scene, i: int, cue: Cue) -> bool:
    """True when words[i] is a joiner and a turn to now ("and now") after a grown-up's cue: whose story it is, the
    words after it say (a break the recogniser's text gets there ends no one's story by itself). Not after a child
    noun ("mi big girl out a nappies long time and now she a wet up herself": the caller's own child, batch_aj)."""
    rules = where.rules
    return where.words[i] in rules.list_joiners and i + 1 < len(where.words) \
        and where.words[i + 1] in rules.resumed_turns and where.words[cue.end - 1] not in rules.child_nouns


def _resumed(where: Scene, cue: Cue, index: int) -> bool:
    """True when the pronoun at words[index], right after someone else who opens the clause, names them again, as
    speakers who are not fluent say it ("his brother he have fever", outside review 16 F5): it is of their gender,
    or they have none ("her cousin he is confused"). One of the other gender may be the child ("my sister he has a
    fever": when unsure, escalate)."""
    theirs, its = where.genders.get(cue.end - 1), where.genders.get(index)
    return theirs is None or theirs == its


def _their_pronoun(where: Scene, cue: Cue, noun: int) -> bool:
    """True when the one word before the child noun at words[noun] is a pronoun of the gender of someone else's
    ``cue`` said right before it: "we were at my sister's, her boy had a fever" is the sister's boy (review 15 F13;
    the caregiver's own child is "my boy", and a child of the other gender, "my sister's, his back is sore", may
    be the child)."""
    rules, gender, pronoun = where.rules, where.genders.get(cue.end - 1), noun - 1
    # Only a place or a time between ("my sister's on Sunday, her boy"): no one else, no telling, no full stop.
    between = where.words[cue.end:pronoun]
    others = rules.subjects | rules.child_nouns | rules.child_pronouns | rules.reporting | rules.terminators
    return gender is not None and pronoun >= cue.end and where.words[pronoun] in rules.child_pronouns \
        and where.genders.get(pronoun) == gender and not others.intersection(between) \
        and not any(where.breaks.get(i, False) for i in range(cue.end, noun + 1))


def _of_them(where: Scene, first: int, noun: int) -> bool:
    """True when words[first:noun] join a child noun to someone named before them: none, or "of the"."""
    between = where.words[first:noun]
    return not between or (between[0] in where.rules.kin_of[:1] and all(w in where.rules.kin_of for w in between)
                           and not any(i in where.breaks for i in range(first, noun + 1)))


def _said_in_the_past(where: Scene, start: int, end: int) -> bool:
    """True when the mention at words[start:end], or its clause before it, has a verb in the past tense.

    "she was hard to wake", "her lips went blue", "she fainted".
    """
    if any(past_tense(where.words[i], where.rules) for i in range(start, end)):
        return True
    for index in range(start - 1, -1, -1):
        word = where.words[index]
        if word in where.rules.terminators:
            return False
        if past_tense(word, where.rules):
            return True
        if index in where.breaks:
            return False
    return False


def _between(where: Scene, cue: Cue, start: int, end: int, used: Collection[int]) -> bool:
    """A cue among the words of a loose mention ("legs are not numb"), but not "can not", nor a what-if after the
    sign's first words.

    Someone named there as the child's ("he doesn't know his own sister's name") is what the sign is about, not
    whose it is.
    """
    inside = start < cue.start and cue.end <= end and not any(i in used for i in range(cue.start, cue.end))
    if cue.trigger.status is Status.HYPOTHETICAL and any(i < cue.start for i in used) and childs_clause(
            where.words, where.breaks, where.rules, start):
        return False  # "she screams if I touch her legs": the sign said before the "if" is a habit, the if its when
    theirs = cue.trigger.status is Status.OTHER and any(
        where.words[i] in where.rules.child_pronouns for i in range(max(start, cue.start - KIN_OWNER_REACH), cue.start))
    # "potty trained since like last summer and he just peed himself": a time a state began, inside a mention that
    # spans it, dates the state (the habit), not the deed said after it.
    began = cue.trigger.status is Status.PAST and any(
        where.words[i] in where.rules.onsets for i in range(max(start, cue.start - ONSET_REACH), cue.start))
    return inside and not theirs and not began and not _observer(where, cue) \
        and where.words[cue.start - 1] not in where.rules.modals


def _observer(where: Scene, cue: Cue) -> bool:
    """True when someone's cue is followed by a verb of observing ("I've counted", "I've been checking"): they
    saw what follows, it is not theirs ("in nappies and I've counted fewer wet nappies", outside review 19 F1)."""
    if cue.trigger.status is not Status.OTHER:
        return False
    for i in range(cue.end, min(len(where.words), cue.end + OBSERVER_REACH)):
        if i in where.breaks or i in where.signs:
            return False
        if where.words[i] in where.rules.reporting:
            return True
    return False


def _denied_twice(where: Scene, found: Sequence[Cue], start: int, end: int) -> bool:
    """True when a denial before the mention meets a counter-denial inside it ("can't walk without limping")."""
    denials = [c for c in found if c.trigger.status is Status.ABSENT and c.end <= start]
    if denials and any(where.words[i] in where.rules.counter_denials for i in range(start + 1, end)):
        return True
    # "he can't finish a sentence without stopping for air": an ability denied ("can't", "won't"), then the
    # mention right after a "without", asserts it as surely as the "without" inside it does.
    # The "can't" governs the deed before the "without", so it need not reach the mention itself, only the
    # "without", within one sentence ("he can't finish his bottle without stopping for air").
    return any(
        where.words[w.start] in where.rules.counter_denials
        and any(_ability_denied(where, d, w) for d in where.cues)
        for w in denials
    )


def _ability_denied(where: Scene, denial: Cue, without: Cue) -> bool:
    """True when ``denial`` is a denied ability ("can't", "won't") said shortly before ``without``."""
    gap = range(denial.end, without.start)
    return (denial.trigger.status is Status.ABSENT and denial.start > 0 and denial.end <= without.start
            and where.words[denial.start - 1] in where.rules.modals and len(gap) <= where.rules.pre_scope
            and not any(where.breaks.get(i, False) for i in range(denial.end, without.start + 1)))


def status_of(
    where: Scene, start: int, end: int, used: Collection[int], *, negation_inside: bool, blocked: Collection[int] = (),
    signs: Collection[int] = (), event: bool = False, kept: bool = False, nightly: bool = False,
) -> tuple[Status, bool]:
    """The status of the mention at words[start:end] and whether it was hedged.

    ``negation_inside`` is set for phrases such as "can't breathe" whose own
    "not" is the symptom (rule 2): such a mention is never denied. A cue whose
    words are all ``blocked`` (used by other mentions) belongs to them.
    ``signs`` are the positions of words about any sign ("panting"): someone
    else's list of them stays theirs ("the dog is panting and wheezing"). A cue
    between the words of a loose mention counts ("her legs are not numb"). An ``event`` (a faint, a
    seizure) is in the past only by a cue of a time long gone: over by now, it still happened today. A ``kept`` sign
    (weight lost) is still so after a time long gone; only a cue of its being over makes it past. A ``nightly`` sign
    (pain that wakes the child at night) is past by a time long gone only, as an event is, but takes none of the cues
    only events take ("yesterday", "once"): the night is told by day, when the child is fine.
    """
    found = [
        c for c in where.cues
        if not all(i in blocked for i in range(c.start, c.end))  # a cue wholly inside another mention is its own
        and (_reaches(where, c, start, end, blocked, signs) or _between(where, c, start, end, used))
        and not (negation_inside and c.trigger.status is Status.ABSENT and not c.trigger.statement)
        and (event or not c.trigger.events_only)
    ]
    found = [c for c in found if not deeds.done_to_the_child(where, c, start, end)]
    if not event:  # "lips purple-ish a while ago and still kind of dark now": it began then, and is so now
        found = [c for c in found if not (c.trigger.status is Status.PAST and c.start >= end
                                          and _still_so(where, c.end, blocked))]
    if _denied_twice(where, found, start, end):
        # "he can't pee without crying": the "not" and the "without" cancel; he cries when he pees.
        found = [c for c in found if c.trigger.status is not Status.ABSENT]
    if any(c.trigger.uncertain and start <= c.start and c.end <= end for c in where.cues):
        # "I'm not sure if she's breathing": the doubt is the mention's own, and
        # the caregiver's "I am" frames that doubt, not a sign of their own.
        found = [c for c in found if not c.trigger.speaker]
        if not found:
            return Status.PRESENT, True
    if _reported_stranger(where, start):
        return Status.OTHER, False  # "the radio said a little girl could not breathe": a child of their story
    if not found:
        return Status.PRESENT, _half_denied(where, start)
    if _denied_of_another(where, found, start):
        # "He has a fever. His brother doesn't have a fever": the "no" is the brother's, so it says nothing of this
        # child and takes back nothing said of them (rule 9 counts statements about this child only).
        return Status.OTHER, False
    found = _nearest_before(found, start, where.rules.in_passing)
    taking_back = [c for c in found if c.trigger.takes_back and c.start >= end]
    if taking_back:
        return _taken_back_as(where, min(taking_back, key=lambda c: c.start)), False  # the later statement wins
    # "...and now Kayla has one too" is the child's; "...and now my husband has one too" is his (no pronoun of the
    # child in the cue, and someone else named right before it).
    recurring = [c for c in found if c.trigger.recurs and not _someone_elses_too(where, c)]
    # "My husband's hands have gone numb again": back again, and still his (their sign, named with its owner
    # right before it); any looser tie to someone else is no reason to make a child's sign theirs (rule 4).
    owner = any(c.trigger.status is Status.OTHER and not c.trigger.speaker and start - OWNER_REACH <= c.end <= start
                for c in found)
    if recurring and (not owner or any(_names_the_child(where, c) or _named_before(where, c) for c in recurring)):
        return Status.PRESENT, False
    found = [c for c in found if not c.trigger.recurs] or found
    best = min(found, key=lambda c: _PRIORITY[c.trigger.status])
    others = [c for c in found if c.trigger.status is Status.OTHER]
    # "I think I fainted": a cue of the caregiver's own holding the sign's words says whose sign it is.
    theirs = any(c.trigger.speaker and c.start < end and start < c.end for c in others)
    if others and not theirs and all(c.trigger.speaker for c in others) and any(c.trigger.uncertain for c in found):
        # "I'm worried he's not breathing": the caregiver's own words frame a doubt about the child.
        return Status.PRESENT, True
    if best.trigger.status is Status.HYPOTHETICAL and best.trigger.words not in where.rules.pure_what_ifs and (
            any(past_tense(where.words[i], where.rules) for i in used)
            or any(where.words[i] in where.rules.elliptic_verbs for i in range(best.end, end))
            or _asked_about_now(where, best, end)):
        # "is it serious if he passed out": it happened; "do I need a doctor if she's walking
        # funny", "is it bad if her lips are blue", "should I be worried if she doesn't know who I am": it is so
        # now; escalate, unsure (rule 4). "What if she gets a fever" names a change to come: a what-if.
        return Status.PRESENT, True
    hedged = any(c.trigger.uncertain for c in found)
    if kept and best.trigger.status is Status.PAST and all(
            c.trigger.dated for c in found if c.trigger.status is Status.PAST):
        return Status.PRESENT, hedged  # "he lost a kilo last week without trying": lost then, lost now
    if (event or nightly) and best.trigger.status is Status.PAST and not any(
            c.trigger.dated for c in found if c.trigger.status is Status.PAST):
        # "She passed out, she's fine now", "had a seizure this morning, ok now": the policy's sign is that it
        # happened ("has your child fainted?"); only a time long gone makes it history (rule 9).
        return Status.PRESENT, hedged
    return best.trigger.status, hedged


def _half_denied(where: Scene, start: int) -> bool:
    """True when a denial that only points back ("not really": "trouble breathing? not really") stands right before
    the mention instead: "not really hard to wake, more just grumpy" is neither a "no" nor the sign said plainly. It
    still counts (rule 4), as a doubt, read back as one (rule 14, outside review 22 F9)."""
    # Only one opening with a word that denies before a sign ("not"): "everything is fine she feels hot" says the fever.
    denials = {t.words for t in where.rules.triggers if t.status is Status.ABSENT and t.before and len(t.words) == 1}
    return start not in where.breaks and any(
        c.end == start and c.trigger.status is Status.ABSENT and c.trigger.after and not c.trigger.before
        and not c.trigger.takes_back and not c.trigger.ellipsis and c.trigger.words[:1] in denials
        and c.start - 1 not in where.signs  # not a sign's own ("his breathing is fine hard to wake": the waking is
        for c in where.cues)  # said plainly)


def _taken_back_as(where: Scene, correction: Cue) -> Status:
    """What a sign taken back is: someone else's or a time gone by when the correction goes straight on to say so
    ("a fever, no wait, that was her brother", "... oh no wait, that was yesterday"), else denied. Read back as
    "No fever", the brother's fever would claim the caregiver said the child has none (rule 14, outside review 22
    F11); a sign named first ("no sorry, chills, his sister has them") ends the correction's reach."""
    stop = correction.end + TAKEN_BACK_REACH
    for cue in sorted(where.cues, key=lambda c: c.start):
        if cue.start < correction.end or cue.start > stop or any(
                i in where.signs or where.breaks.get(i, False) for i in range(correction.end, cue.start)):
            continue
        if (cue.trigger.status is Status.OTHER and not cue.trigger.speaker) or (
                cue.trigger.status is Status.PAST and cue.trigger.dated):
            return cue.trigger.status
    return Status.ABSENT


def _asked_about_now(where: Scene, cue: Cue, end: int) -> bool:
    """True when a what-if asks about a state that is so now: a verb of a state ("has", "does") between it and the
    mention's end, no word of a change to come ("start to have", "ever"), and the what-if follows a question in
    its clause ("is it bad if she has ...") or is a worry itself ("should I worry if"). One that opens its clause
    sets a condition ("if he has a fever, can I give him something?", "god forbid she has ...")."""
    rules, said = where.rules, where.words[cue.end:end]
    if not rules.present_states.intersection(said) or rules.changes.intersection(said):
        return False
    return cue.trigger.words in rules.worries or clause_start(where.words, where.breaks, rules, cue.start) < cue.start


def _named_before(where: Scene, cue: Cue) -> bool:
    """True when a cue of a sign come back that names no one ("has one too") follows a name of its own: "Kayla's
    brother had a temperature, and now Kayla has one too" (no cue, no pronoun, no small word before it)."""
    before = cue.start - 1
    rules = where.rules
    # The cue opens with its verb ("has one too"; not "again", said of the sign: "hands have gone numb again").
    return before >= 0 and before not in where.breaks and cue.start not in where.breaks \
        and where.words[cue.start] in rules.clauses.verbs and before not in where.signs \
        and where.words[before] not in rules.terminators and where.words[before] not in rules.subjects \
        and where.words[before] not in rules.child_pronouns and not _names_the_child(where, cue) \
        and not any(c.start <= before < c.end for c in where.cues)


def _someone_elses_too(where: Scene, cue: Cue) -> bool:
    """True when a cue of a sign come back names no one ("has one too") and someone else is named right before it."""
    return not _names_the_child(where, cue) and any(
        c.trigger.status is Status.OTHER and cue.start - OWNER_REACH <= c.end <= cue.start for c in where.cues)


def _names_the_child(where: Scene, cue: Cue) -> bool:
    """True when a cue of a sign come back names the child as who has it now ("he's got one too", "so does my
    son")."""
    return any(word in where.rules.child_pronouns or word in where.rules.child_nouns for word in cue.trigger.words)


def retold(where: Scene, mentions: Sequence[tuple[str, int, int, Status]]) -> list[Status]:
    """The statuses of ``mentions`` (symptom, start, end, status), someone else's story kept theirs.

    A sign someone else has, named again later in an utterance that nowhere
    points at the child (no child noun or pronoun outside their own words), is
    still theirs: "my husband threw his back out, what helps back pain?" asks
    for him. Any word for the child breaks this, so a doubt stays the child's.
    """
    statuses = [status for *_, status in mentions]
    theirs = [(symptom, end) for symptom, _, end, status in mentions if status is Status.OTHER]
    if not theirs:
        return statuses
    rules = where.rules
    # Their words run to the end of their clause: in "my mam's back is killing her," the "her" is the mam. The
    # caregiver's own do not: "I can barely breathe, he is blue" - no "he" or "she" is the "I" who speaks.
    own = {i for _, start, end, status in mentions if status is Status.OTHER
           for i in range(start, end if _speakers(where, start, end) else _clause_end(where, start))}
    # The word after a cue is theirs too ("my mam | her back"), not over a comma or from the caregiver's own "I".
    own |= {i for c in where.cues if c.trigger.status is Status.OTHER
            for i in range(c.start, c.end + (0 if c.trigger.speaker or c.end in where.breaks else 1))}
    if any(word in rules.child_nouns or word in rules.child_pronouns
           for i, word in enumerate(where.words) if i not in own):
        return statuses
    return [Status.OTHER if status is Status.PRESENT and any(s == symptom and end <= start for s, end in theirs)
            else status for (symptom, start, _, _), status in zip(mentions, statuses, strict=True)]


def _speakers(where: Scene, start: int, end: int) -> bool:
    """True when the caregiver's own cue ("I can barely breathe", "my back") covers or opens the mention."""
    return any(c.trigger.status is Status.OTHER and c.trigger.speaker and c.start <= start and end <= c.end + 1
               for c in where.cues) or any(c.trigger.speaker and c.start < end and start < c.end for c in where.cues)


def _clause_end(where: Scene, start: int) -> int:
    """The index just past the clause that words[start] is in."""
    return clause_end(where.words, where.breaks, where.rules, start + 1)


def rewarmed(where: Scene, start: int, end: int) -> bool:
    """True when the mention at words[start:end] ends in words of being warm again after being cold.

    "He was shivering when he got out of the pool but he's warm now": the cold is over, and "he's warm"
    is no fever. A word of being cold must stand before it in the sentence; "she's warm now" alone may be one.
    """
    rules, words = where.rules, where.words
    for phrase in rules.rewarmed:
        for at in range(max(0, end - len(phrase)), end):
            if tuple(words[at:at + len(phrase)]) != phrase or at < start:
                continue
            begins = max((i for i, full in where.breaks.items() if full and i <= start), default=0)
            if any(words[i] in rules.chilled for i in range(begins, start)):
                return True
    return False


def said_of_another(where: Scene, index: int) -> bool:
    """True when the word at words[index] (a body part named in a care question) is someone else's, not the child's:
    "can I give my wife paracetamol for her back?". A pronoun of another gender than theirs right before it names the
    child ("my wife wants to know if ice helps his back")."""
    status, _ = status_of(where, index, index + 1, (index,), negation_inside=False)
    if status is not Status.OTHER:
        return False
    owner = where.genders.get(index - 1)
    return owner is None or any(
        c.trigger.status is Status.OTHER and c.end <= index and where.genders.get(c.end - 1) in (None, owner)
        for c in where.cues)
