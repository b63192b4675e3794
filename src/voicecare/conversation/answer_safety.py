"""Whether a "no" is safe to accept: a wrong "no" hides a red flag, so an answer is taken as "no" only when all of
it denies.

The reader finds a "no" from its answer words; these checks look at what else the answer says. Words about the
question left standing after the denial ("no, it's been going on for over a week") describe a sign: the "no"
may have answered something else, so the answer counts as unsure (rule 4). Pure functions over token indexes,
used by ``answers.py``.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from voicecare.conversation.answer_words import Spot
from voicecare.domain import Match, Status

DENIAL_REACH = 3
"""A word about the question this close after a denial is denied by it ("no cramps", "no trouble walking",
"not a temperature"); further on, past a new subject, it is a statement of its own."""
DENYING = ("no", "well")
"""Answer-word kinds that deny a part of the question where they are said."""
AFFIRMING = ("yes", "yes_lead", "unsure", "health", "contrast")
"""Answer-word kinds that keep a heading's answer from being a plain denial ("Breathing, fine but a bit fast")."""
HOW_CHECKED = ("caregiver", "polite")
"""Kinds of a part that only says how the caregiver knows ("I counted it"): passed over to the answer."""


@dataclass(frozen=True)
class Words:
    """The language's words these checks need."""

    negations: frozenset[str]
    subjects: frozenset[str]
    """Words that start a statement of its own ("he", "it"): a denial does not reach across them."""
    possessives: frozenset[str]
    """Words spelled as a subject that only say whose ("his legs"): a denial reaches across them."""
    modals: frozenset[str] = frozenset()
    """After one of these a "not" is part of the sign ("she won't use her arm"), never a denial (rule 2)."""
    leaving: frozenset[str] = frozenset()
    """Words that leave something out of a denial ("she's fine, just lasts longer each time"): it does not reach
    across them."""
    doing: frozenset[str] = frozenset()
    """Words a negation negates instead of what follows them ("she hasn't used her arm", "it doesn't stop coming
    back"): not doing it is the sign (rule 2), so a denial does not reach across them."""
    fillers: frozenset[str] = frozenset()
    """Words that say nothing ("um", "and"): a part of only these and a question's word is a heading."""
    plain: frozenset[str] = frozenset()
    """Words that carry no meaning alone ("is", "the"), one word each."""
    numbers: frozenset[str] = frozenset()
    """Words that say a number ("ten", "hundred"): a reading said in words is a reading as digits are."""

    def number(self, word: str) -> bool:
        """Whether ``word`` says a number, in digits or in words."""
        return word in self.numbers or any(c.isdigit() for c in word)


def explained(tokens: Sequence[str], clause_of: Sequence[int], said: Sequence[Spot], spots: Sequence[Spot],
              matches: Sequence[Match], graded: set[int], fillers: frozenset[str], subjects: frozenset[str]) -> bool:
    """Whether our words explain every part of the answer (``said``: its answer words and words about the
    question; ``graded``: where grading words such as "a bit" stand).

    Grading words, polite words ("really") and one command word inside a statement ("it feels really slow")
    explain no part: "she's just a bit toasty" says something we missed. A part made only of polite words
    ("thanks") says nothing. A statement run on after a bare "no" ("no she has not been able to hold it", as a
    recogniser gives it) is a part of its own.
    """
    polite = {i for s in said if s.kind == "polite" for i in range(s.start, s.end)}
    known = {i for s in said if not (s.kind.startswith("command:") and s.size == 1)
             for i in range(s.start, s.end)} - graded - polite
    known |= {i for m in matches for i in range(m.start, m.end)}
    quiet = fillers | {tokens[i] for i in polite - known}
    return not unexplained(tokens, split_after_no(spots, tokens, clause_of, subjects), known, quiet)


def unexplained(tokens: Sequence[str], clause_of: Sequence[int], known: set[int], fillers: frozenset[str]) -> bool:
    """A part of the answer that none of our words explain ("no. he's just lying there"): the "no" may not be
    the whole answer."""
    for clause in set(clause_of):
        # A filler that is one of our words here explains its part ("and she's sleeping okay": "okay" is well).
        words = {i for i, c in enumerate(clause_of) if c == clause and (tokens[i] not in fillers or i in known)}
        if words and not known & words:
            return True
    return False


def split_after_no(spots: Sequence[Spot], tokens: Sequence[str], clause_of: Sequence[int],
                   subjects: frozenset[str]) -> list[int]:
    """Clause numbers with a new part started at a subject right after a "no" ("no | she won't put her feet
    down"): said without a pause, it is a statement of its own, not the rest of the denial."""
    # After a bare "no" only: "he is fine there" is one statement.
    starts = {s.end for s in spots if s.kind == "no" and s.end < len(tokens) and tokens[s.end] in subjects
              and clause_of[s.end] == clause_of[s.end - 1] and not subjects.intersection(tokens[s.start:s.end])}
    parts, part = [], 0
    for index, clause in enumerate(clause_of):
        part += index > 0 and (clause != clause_of[index - 1] or index in starts)
        parts.append(part)
    return parts


def open_about(about: Sequence[Spot], spots: Sequence[Spot], matches: Sequence[Match], tokens: Sequence[str],
               clause_of: Sequence[int], words: Words) -> list[Spot]:
    """Words about the question that nothing in the answer denies: each says that part is there."""
    denied: list[Spot] = []
    left = []
    for spot in sorted(about, key=lambda s: s.start):
        # A denial carries along a list of the question's words ("nothing in his arms nor legs").
        named = frozenset(i for a in about for i in range(a.start, a.end))
        if _denied(spot, [*spots, *(Spot("no", s.start, s.end) for s in denied)], matches, tokens, clause_of, words,
                   named) \
                or _heading_denied(spot, about, spots, matches, tokens, clause_of, words):
            denied.append(spot)
        else:
            left.append(spot)
    return left


def denied_headings(about: Sequence[Spot], spots: Sequence[Spot], matches: Sequence[Match], tokens: Sequence[str],
                    clause_of: Sequence[int], words: Words) -> set[int]:
    """Clauses of the question's words said as headings and answered by a denial ("Breathing, normal.")."""
    return {clause_of[s.start] for s in about if _heading_denied(s, about, spots, matches, tokens, clause_of, words)}


def _heading_denied(heading: Spot, about: Sequence[Spot], spots: Sequence[Spot], matches: Sequence[Match],
                    tokens: Sequence[str], clause_of: Sequence[int], words: Words) -> bool:
    """A question's word said alone as a heading, answered by a later part that denies ("Breathing, normal.")."""
    named = {i for s in about for i in range(s.start, s.end)}
    return heading_answered_no(clause_of[heading.start], named, spots, matches, tokens, clause_of, words.fillers,
                               words.leaving)


def heading_answered_no(clause: int, named: set[int], spots: Sequence[Spot], matches: Sequence[Match],
                        tokens: Sequence[str], clause_of: Sequence[int], fillers: frozenset[str],
                        leaving: frozenset[str]) -> bool:
    """Whether part ``clause`` is a heading (only words of the question, ``named`` token indexes, and fillers:
    "Breathing,", "Heart,", "and toilet,") answered by the next part that says something, with a denial: "no",
    a well word, a normal reading, and nothing else ("Breathing, normal.", "Heart, I counted it, seemed normal.",
    "Walking, toilet, everything is normal"). Parts that are headings too, or only how the caregiver checked ("I
    counted it"), are passed over; any other part answers the heading ("Breathing, fast and noisy": not denied)."""
    if not _heading(_part(clause_of, clause), named, tokens, fillers):
        return False
    for later in range(clause + 1, clause_of[-1] + 1):
        part = _part(clause_of, later)
        inside = [s for s in spots if s.start in part]
        signs = [m for m in matches if m.start in part]
        # A part holding a sign answers: "Breathing, fast and noisy. Sleepy, no." is never passed over.
        if not signs and (_heading(part, named, tokens, fillers)
                          or (inside and all(s.kind in HOW_CHECKED for s in inside))):
            continue
        kinds = {s.kind for s in inside}
        # A well word that leaves something out answers something else ("worse, only from yesterday": how long);
        # said last in the part it leaves nothing out ("everything is normal only").
        # A well phrase that holds one and ends the part ("Cramps, just the once.") leaves nothing out; one that
        # goes on ("only since yesterday") says how long, as above.
        phrased = {i for s in inside if s.kind == "well" and all(tokens[j] in fillers for j in part if j >= s.end)
                   for i in range(s.start, s.end)}
        if "no" not in kinds and leaving.intersection(tokens[i] for i in part if i != max(part) and i not in phrased):
            return False
        return bool(kinds & set(DENYING) or signs) and not kinds & set(AFFIRMING) and all(
            m.status is Status.ABSENT for m in signs)
    return False


def _part(clause_of: Sequence[int], clause: int) -> set[int]:
    return {i for i, c in enumerate(clause_of) if c == clause}


def _heading(part: set[int], named: set[int], tokens: Sequence[str], fillers: frozenset[str]) -> bool:
    return bool(part & named) and all(i in named or tokens[i] in fillers for i in part)


def _same_part(gap: range, about_words: frozenset[int], tokens: Sequence[str], words: Words) -> bool:
    """Whether the words of ``gap`` are only a subject, the question's own words and words without meaning."""
    return bool(gap) and all(i in about_words or tokens[i] in words.subjects or tokens[i] in words.plain
                             or tokens[i] in words.fillers for i in gap)


def _denied(about: Spot, spots: Sequence[Spot], matches: Sequence[Match], tokens: Sequence[str],
            clause_of: Sequence[int], words: Words, about_words: frozenset[int] = frozenset()) -> bool:
    clause = clause_of[about.start]
    if any(m.status is Status.ABSENT and m.start <= about.start and about.end <= m.end for m in matches):
        return True
    # "His legs are fine", "walks fine", "arms and legs are all good": a well word, or a "no" of more than one
    # word, said after it, in its clause, before a new subject.
    if any((s.kind == "well" or (s.kind == "no" and s.size > 1)) and s.start >= about.end and clause_of[s.start] == clause
           and not (words.subjects - words.possessives).intersection(tokens[about.end:s.start]) for s in spots):
        return True
    # "Night, she slept nicely": a subject starts a statement about the same part (only the question's words and
    # words without meaning between), so its well word answers the heading too.
    if any(s.kind == "well" and s.start >= about.end and clause_of[s.start] == clause
           and _same_part(range(about.end, s.start), about_words, tokens, words) for s in spots):
        return True
    # "Her breaths, 28 a minute": a normal reading right after it, over a comma. Not a well word: in "worse,
    # only from yesterday" the words after the comma are about something else.
    if any(s.kind == "well" and s.reading and s.start == about.end for s in spots):
        return True
    # "Her temp was 37.2", "his heart rate is about 110", "heart rate's a hundred and ten": a number a few words
    # on that the matcher read as a normal value of a sign.
    if any(m.status is Status.ABSENT and 0 <= m.start - about.end <= DENIAL_REACH and clause_of[m.start] == clause
           and any(words.number(w) for w in tokens[m.start:m.end])
           and not (words.subjects - words.possessives).intersection(tokens[about.end:m.start]) for m in matches):
        return True
    if any(s.kind in DENYING and s.start < about.end and about.start < s.end for s in spots):
        return True
    # "Fever no, chills no": a "no" right after it, ending its clause, denies it. Only a "no" said as one: "she's
    # been really dozy, she's fine" disagrees with what was said (when in doubt it counts, rule 4).
    if any(s.kind == "no" and s.start == about.end and (s.end == len(tokens) or clause_of[s.end] != clause)
           and (s.size == 1 or words.negations.intersection(tokens[s.start:s.end])) for s in spots):
        return True
    negated = [i + 1 for i, w in enumerate(tokens) if w in words.negations
               and not (i > 0 and tokens[i - 1] in words.modals)]
    # "No, fine, legs are good", "all fine with his legs": a denial or a well word close before it.
    return _after_denial(about, [*(s.end for s in spots if s.kind in DENYING), *negated], tokens, clause_of, words)


def negated_about(about: Sequence[Spot], spots: Sequence[Spot], tokens: Sequence[str], clause_of: Sequence[int],
                  words: Words, modals: frozenset[str], optional: frozenset[str]) -> set[int]:
    """Clauses where a word about the question follows a negation ("not hot"): that part is denied.

    A sign whose name holds its own negation ("not breathing") was found by the matcher and wins (rule 2).
    """
    denied = set()
    for spot in about:
        before = spot.start - 1
        while before >= 0 and tokens[before] in optional:  # "not her arms": "her" is by the way
            before -= 1
        # After "can" or "will", "not" is part of the sign ("he can't drop off"), as in the context engine.
        if before >= 0 and tokens[before] in words.negations and not (before > 0 and tokens[before - 1] in modals):
            denied.add(clause_of[spot.start])
    # "Nothing wrong with her hands or feet": a word that denies all reaches a few words on, and along a list.
    return denied | {clause_of[s.start] for s in reached_by_no(about, spots, tokens, clause_of, words)}


def reached_by_no(about: Sequence[Spot], spots: Sequence[Spot], tokens: Sequence[str], clause_of: Sequence[int],
                  words: Words) -> list[Spot]:
    """Words about the question said close after a word that denies all ("nothing wrong with her hands or feet"),
    along a list of them."""
    ends = [s.end for s in spots if s.kind == "no"]
    reached: list[Spot] = []
    for spot in sorted(about, key=lambda s: s.start):
        if _after_denial(spot, [*ends, *(r.end for r in reached)], tokens, clause_of, words):
            reached.append(spot)
    return reached


def _after_denial(about: Spot, ends: Sequence[int], tokens: Sequence[str], clause_of: Sequence[int],
                  words: Words) -> bool:
    """Said close after a denial in its clause, with no new subject between ("no temp no shivers")."""
    for end in ends:
        gap = tokens[end:about.start]
        if end <= about.start and len(gap) <= DENIAL_REACH and clause_of[end - 1] == clause_of[about.start] \
                and not (words.subjects - words.possessives).intersection(gap) and not words.leaving.intersection(gap) \
                and not words.doing.intersection(gap):
            return True
    return False



JOIN_REACH = 2
"""A join this many words after a well word joins to it ("steady enough and slow")."""
JOINED_KINDS = frozenset({"well", "no", "yes", "unsure", "health", "neutral", "about"})
"""Words that say what a part joined to a well word is about; the caregiver's own words ("when I put my hand")
and polite ones do not."""


def joined_to_well(tokens: Sequence[str], clause_of: Sequence[int], spots: Sequence[Spot], matches: Sequence[Match],
                   joining: frozenset[str], quiet: frozenset[str], subjects: frozenset[str]) -> bool:
    """A well word joined in its part to words none of ours place ("the heart is very strong and fast when I put
    my hand", "steady and slow"): the well word explains its part only up to the join, so what follows may be the
    sign, and the "no" is not the whole answer. Not when a word after the join says what it is about ("walks good
    and goes to the bathroom normal"), nor when a subject starts a statement of its own after it ("with both legs
    and he climbs on the sofa": ``explained`` judges that one). Words of ``quiet`` (fillers, words with no meaning
    alone) need no placing."""
    known = {i for s in spots if s.kind in JOINED_KINDS for i in range(s.start, s.end)}
    known |= {i for m in matches for i in range(m.start, m.end)}
    for well in (s for s in spots if s.kind == "well"):
        clause = clause_of[well.start]
        after = [i for i in range(well.end, len(tokens)) if clause_of[i] == clause]
        # Joined right after the well word ("strong and fast"): a join further on starts other news of its own.
        joins = [i for i in after[:JOIN_REACH] if tokens[i] in joining and i not in known]
        rest = [i for i in after if joins and i > joins[0]]
        if rest and tokens[rest[0]] in subjects:
            continue
        if rest and not known.intersection(rest) and any(tokens[i] not in quiet for i in rest):
            return True
    return False


def negated_across_having(about: Sequence[Spot], tokens: Sequence[str], clause_of: Sequence[int],
                          negations: frozenset[str], having: frozenset[str],
                          amounts: Sequence[tuple[str, ...]]) -> set[int]:
    """Clauses where a word about the question follows a negation across an amount and maybe a verb of having
    ("he hasn't had any accidents", "not a single accident"): that part is denied. Only for telling a partial
    answer from a yes, beside a sign named: alone, "she hasn't had any sleep" is the night sign (rule 2)."""
    denied = set()
    for spot in about:
        for amount in amounts:
            before = spot.start - len(amount)
            if before < 1 or tuple(tokens[before:spot.start]) != amount:
                continue
            before -= 1
            if tokens[before] in having and before > 0:
                before -= 1
            if tokens[before] in negations:
                denied.add(clause_of[spot.start])
    return denied
