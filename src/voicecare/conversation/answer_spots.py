"""Answer words placed in an answer: the lead run of yes and no, a "no" said after a sign, a correction, a denial
carried over from an earlier clause. Pure functions over token indexes, used by ``answers.py``."""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import replace

from voicecare.conversation.answer_words import Phrase, Spot, find
from voicecare.domain import Match, Status

UNSURE = "unsure"
DOUBLE = "double_negation"
LEAD_ONLY = {"yes_lead": "yes", "no_lead": "no"}
"""Answer words that are the answer only when said first ("a little, he's a bit hot")."""


def answered_after(matches: list[Match], spots: Sequence[Spot], clause_of: Sequence[int], tokens: Sequence[str],
                    fillers: frozenset[str], negations: frozenset[str],
                    named: frozenset[int] = frozenset(),
                    stated: frozenset[int] = frozenset()) -> tuple[list[Match], frozenset[str]]:
    """Signs denied by a "no" said after them, and which those are.

    "She has a fever? No, she doesn't", "Chills, no. Hot, yes": a bare "no" answers the part just before it, and
    only that part ("her back hurts. she has a fever? no" still has back pain). "Fever yes, chills no": a "no"
    right after a sign, ending its clause, denies that sign. Never a sign whose own words hold a negation: "she
    can't breathe, no" may be "no, she can't breathe" (rule 2), and when unsure the sign counts (rule 4). A
    denial that names what it denies (``named``: token indexes of words about the question) denies that, not the
    sign before it: "heart rate one ninety, no accidents" is a heart rate of 190 and no accidents. Never a sign
    said in a statement of its own (``stated``: match starts, ``stated_signs``): "she is really hard to wake no",
    "his lips are turning blue, no" (often a misheard "now") say the sign; a bare "no" names nothing to take it
    back (rule 9), and triage reads the same words as the sign (outside review 15, F1).
    """
    # Only a "no" said as one ("no", "nope", "no she doesn't"): "he's confused, he's alright though" disagrees
    # with what was said (a reported sign, when in doubt, counts: rule 4), it does not answer it.
    plain = [s for s in spots if s.size == 1 or negations.intersection(tokens[s.start:s.end])]
    answered = {c for c in bare_no_clauses(spots, clause_of, tokens, fillers, named)
                if any(clause_of[s.start] == c for s in plain)}
    flipped = [m for m in matches if m.status is Status.PRESENT and m.start not in stated and not negations.intersection(
        tokens[m.start:m.end]) and (clause_of[m.start] + 1 in answered or any(
        s.kind == "no" and s.start == m.end and (s.end == len(tokens) or clause_of[s.end] != clause_of[s.start])
        and not named.intersection(range(s.start, s.end)) for s in plain))]
    denied = [replace(m, status=Status.ABSENT) if m in flipped else m for m in matches]
    return denied, frozenset(m.symptom for m in flipped)


def postposed_no(matches: Sequence[Match], spots: Sequence[Spot], tokens: Sequence[str], clause_of: Sequence[int],
                 words: Iterable[Phrase]) -> list[Spot]:
    """``spots`` with a "no" where a word that answers "no" only after a sign (``postposed_no``: "never") is said
    right after a sign and ends its part ("Fainted: never.", "confused never"): ``answered_after`` then reads that
    sign as denied. Said anywhere else it is no answer: "she's never been this sleepy" says the sign (rule 2)."""
    added = []
    for spot in find(tokens, {"no": words}):
        ends = spot.end == len(tokens) or clause_of[spot.end] != clause_of[spot.start]
        # Right after the sign, in its part or as the whole of the next ("Fainted: never." types a break between).
        alone = spot.start == 0 or clause_of[spot.start - 1] != clause_of[spot.start]
        after = any(m.status is Status.PRESENT and m.end == spot.start and (
            clause_of[m.start] == clause_of[spot.start] or alone) for m in matches)
        if ends and after and not any(s.start < spot.end and spot.start < s.end for s in spots):
            added.append(spot)
    return sorted([*spots, *added], key=lambda s: s.start)


def ending_well(said: Sequence[Spot], tokens: Sequence[str], clause_of: Sequence[int], words: Iterable[Phrase],
                trailing: frozenset[str]) -> list[Spot]:
    """``said`` with a well word where a word that is well only when it ends its part (``ending_well``: "proper")
    is said so ("No, breathing is proper, she is active only"; outside review 23 F4), or with only ``trailing``
    words ("only") after it. Said before more words it may grade them: "his breathing is proper fast" says the sign
    in northern English, so it explains nothing there (rule 4)."""
    added = []
    for spot in find(tokens, {"well": words}):
        rest = [i for i in range(spot.end, len(tokens)) if clause_of[i] == clause_of[spot.start]]
        if all(tokens[i] in trailing for i in rest) and not any(s.start < spot.end and spot.start < s.end
                                                                  for s in said if s.kind != "contrast"):
            added.append(spot)
    return sorted([*said, *added], key=lambda s: s.start)


def stated_signs(matches: Sequence[Match], tokens: Sequence[str], clause_of: Sequence[int], breaks: Mapping[int, bool],
                 subjects: frozenset[str], asking_verbs: frozenset[str], asking_subjects: frozenset[str],
                 negations: frozenset[str] = frozenset()) -> frozenset[int]:
    """Where signs are said in a statement (match starts): a part with a subject up to the sign's end ("she is
    really hard to wake", "his lips are turning blue"), not a question ("is he hard to wake", one typed to its
    end: "she has a fever? no"). A bare fragment ("fever no", "chills, no") is no statement: a checklist answer.
    Nor is a part with a negation before the sign ("I would not say he is having any trouble walking, no"): its
    "no" agrees with a denial already said.
    """
    out = set()
    for match in matches:
        clause = clause_of[min(match.start, len(clause_of) - 1)]
        part = [i for i, c in enumerate(clause_of) if c == clause]
        opening = [tokens[i] for i in part[:2]]
        asked = len(opening) == 2 and opening[0] in asking_verbs and opening[1] in asking_subjects
        # A full stop or question mark typed after the sign, before what follows: asked aloud ("fever? no").
        ended = any(breaks.get(i, False) for i in range(match.end, min(part[-1] + 2, len(tokens))))
        denied = negations.intersection(tokens[i] for i in part if i < match.start)
        if not asked and not ended and not denied and subjects.intersection(tokens[i] for i in part if i < match.end):
            out.add(match.start)
    return frozenset(out)


def bare_no_clauses(spots: Sequence[Spot], clause_of: Sequence[int], tokens: Sequence[str],
                    fillers: frozenset[str], named: frozenset[int] = frozenset()) -> set[int]:
    """Clauses after the first that are nothing but "no" words, naming nothing about the question (``named``)."""
    bare = set()
    for clause in set(clause_of) - {0}:
        words = [i for i, c in enumerate(clause_of) if c == clause and tokens[i] not in fillers]
        if named.intersection(words):
            continue
        inside = [s for s in spots if clause_of[s.start] == clause]
        covered = {i for s in inside for i in range(s.start, s.end)}
        if inside and all(s.kind == "no" for s in inside) and set(words) <= covered:
            bare.add(clause)
    return bare


def undoubted_denials(matches: Sequence[Match], spots: Sequence[Spot], tokens: Sequence[str],
                       clause_of: Sequence[int], negations: frozenset[str],
                       readings: frozenset[tuple[int, int]] = frozenset()) -> list[Match]:
    """A sign denied only by a "no" from an earlier clause that denied nothing there is doubted, so counted.

    "She no sleep good, the pain wake her in the night": the learner's "no" is her "doesn't", and the matcher
    carried it over the comma to the night pain. A denial list ("no fever, chills or night pain") keeps its
    "no", which denies a sign in its own clause; so does any sign with a negation in or after its clause.
    A number read under the question's threshold (``readings``, spans) is denied by its value, not by a "no":
    "no, it's been one day" stays one day.
    """
    said = sorted({i for i, w in enumerate(tokens) if w in negations} | {s.start for s in spots if s.kind == "no"})
    out = []
    for match in matches:
        clause = clause_of[min(match.start, len(clause_of) - 1)]
        before = [i for i in said if clause_of[i] < clause]
        if match.status is Status.ABSENT and before and len(before) == len(said) and (
                match.start, match.end) not in readings and not any(
                m.start > before[-1] and clause_of[m.start] == clause_of[before[-1]] for m in matches):
            match = replace(match, status=Status.PRESENT, uncertain=True)
        out.append(match)
    return out


def corrected(matches: list[Match], spots: list[Spot]) -> tuple[list[Match], list[Spot], int]:
    """After a correction that names a sign or says yes ("no fever... actually hang on, she's burning up",
    "no, wait, yes"), the later statement wins (rule 9): the denials before it are taken back, and where
    they end."""
    # A command said mid-answer and followed by an answer ("nah, hang on, yeah she did") is a pause to think,
    # as "wait" is.
    said = [s for s in spots if s.kind == "corrections" or (s.kind.startswith("command:") and any(
        a.kind == "yes" and a.start >= s.end for a in spots))]
    last = max(said, key=lambda s: s.start, default=None)
    if last is None:
        return matches, spots, 0
    named = {m.symptom for m in matches if m.start >= last.end and m.status is Status.PRESENT}
    affirmed = any(s.kind == "yes" and s.start >= last.end for s in spots)  # "no, wait, yes"
    if not named and not affirmed:
        return matches, spots, 0
    kept = [m for m in matches if not (m.end <= last.start and m.status is Status.ABSENT and m.symptom in named)]
    return kept, [s for s in spots if not (s.end <= last.start and s.kind in ("no", "well"))], last.start


def emphatic_do(spots: list[Spot], tokens: Sequence[str], clause_of: Sequence[int], emphatic: Sequence[Phrase],
                fillers: frozenset[str], times: Sequence[Phrase]) -> list[Spot]:
    """Without the half "yes" of ``emphatic`` ("he did", "it does") where a verb follows it in its part: "she did
    wet the bed once last spring, but that's long past", "she did complain her leg hurt" stress a story, they
    answer nothing (the sign in them is read as said). "He did", "she did, twice", "he did last night" are
    answers: alone in the part, or followed by fillers or a time (``times``)."""
    wanted = set(emphatic)
    timed = {s.start for s in find(tokens, {"time": tuple(times)})}

    def stressing(spot: Spot) -> bool:
        after = spot.end
        while after < len(tokens) and tokens[after] in fillers and clause_of[after] == clause_of[spot.start]:
            after += 1
        return (spot.kind == "yes_lead" and tuple(tokens[spot.start:spot.end]) in wanted and after < len(tokens)
                and clause_of[after] == clause_of[spot.start] and after not in timed)

    return [s for s in spots if not stressing(s)]


def lead(spots: list[Spot], tokens: Sequence[str], fillers: frozenset[str], clause_of: Sequence[int]) -> list[Spot]:
    """In the run of yes/no words an answer starts with, the last one counts ("nah yeah" is yes)."""
    run: list[Spot] = []
    position = 0
    for spot in spots:
        while position < spot.start and tokens[position] in fillers:
            position += 1
        if spot.start != position or spot.kind not in ("yes", "no", *LEAD_ONLY):
            break
        whole = spot.end == len(tokens) or clause_of[spot.end] != clause_of[spot.start]
        # "Yes, she isn't eating", "he is not eating anything since morning": a whole answer ("she isn't") only
        # when nothing follows it in its part; a half "yes" ("a little hot") may lead a statement.
        if (run or spot.kind == "no_lead") and spot.kind in LEAD_ONLY and not whole:
            break
        run.append(spot)
        position = spot.end
    last = run[-1] if run else None
    kept = [s for s in spots if s.kind not in LEAD_ONLY and (s is last or s not in run)]
    for spot in spots:
        # Said first, or as a clause of its own ("she has a fever? no she doesn't"), it is the answer.
        alone = (spot.start == 0 or clause_of[spot.start - 1] != clause_of[spot.start]) and (
            spot.end == len(tokens) or clause_of[spot.end] != clause_of[spot.start])
        if spot.kind in LEAD_ONLY and (spot is last or alone):
            kept.append(Spot(LEAD_ONLY[spot.kind], spot.start, spot.end))
    return sorted(kept, key=lambda s: s.start)


def negated_well(spots: Sequence[Spot], tokens: Sequence[str], clause_of: Sequence[int], negations: frozenset[str],
                 skipped: frozenset[str], subjects: frozenset[str] = frozenset()) -> list[Spot]:
    """Words of a well child after a negation ("he's awake but not really with it", "she's not okay") say that
    something is wrong: a doubt about the question (rule 10), never a "no". The "no" said first as the answer
    ("no, fine") is not such a negation; a statement that starts with one is ("she doesn't feel cool at all":
    one word may stand between)."""
    spots = _stated_denial_of_well(spots, tokens, clause_of, negations, subjects)
    polite = {i for s in spots if s.kind == "polite" for i in range(s.start, s.end)}
    out: list[Spot] = []
    taken: set[int] = set()
    for spot in spots:
        before = spot.start - 1
        while before > 0 and (before in polite or tokens[before] in skipped):
            before -= 1
        denial = next((s for s in spots if s.kind == "no" and s.start <= before < s.end), None)
        # Only a denial with a negation in it ("not really okay"): "he is fine, just grumpy" is two well words.
        negating = denial is not None and denial.start > 0 and bool(negations.intersection(
            tokens[denial.start:denial.end]))
        # Said first, a "not" that is no answer word negates too ("not normal"); a "no" there is the answer.
        opening = before == 0 and denial is None
        # The answer "no" said first, however many times ("no no, only since yesterday"), negates nothing.
        answered = denial is not None and denial.start == 0
        if spot.kind == "well" and (before > 0 or opening) and clause_of[before] == clause_of[spot.start] and (
                (tokens[before] in negations and not answered) or negating):
            start = denial.start if denial is not None else before
            out = [s for s in out if s.end <= start]
            out.append(Spot(UNSURE, start, spot.end))
            taken |= set(range(start, spot.end))
        elif not taken & set(range(spot.start, spot.end)):
            out.append(spot)
    return out


def _stated_denial_of_well(spots: Sequence[Spot], tokens: Sequence[str], clause_of: Sequence[int],
                           negations: frozenset[str], subjects: frozenset[str]) -> list[Spot]:
    """ "She doesn't feel cool at all": a denial with its subject (a statement), a word or none before a well
    word in its part, is a doubt about the question from the denial to the well word."""
    stated = [s for s in spots if s.kind == "no" and subjects.intersection(tokens[s.start:s.end])
              and negations.intersection(tokens[s.start:s.end])]
    out: list[Spot] = []
    for spot in spots:
        denial = next((d for d in stated if spot.kind == "well" and 0 <= spot.start - d.end <= 1
                       and clause_of[d.start] == clause_of[spot.start]), None)
        if denial is not None:
            out = [s for s in out if s != denial]
            spot = Spot(UNSURE, denial.start, spot.end)
        out.append(spot)
    return out


def denied_by_no_words(matches: Sequence[Match], spots: Sequence[Spot], tokens: Sequence[str],
                       clause_of: Sequence[int], negations: frozenset[str], subjects: frozenset[str],
                       leaving: set[int]) -> list[Match]:
    """A sign said right after a word that denies all ("no tingling, no weakness and nothing going down the leg")
    is denied: the matcher knows "no" and "not", not every such word. Never the answer's first word ("no, he can't
    breathe" is a yes, rule 2), never across a new subject ("nothing, he can't breathe"), a clause break or a word
    that leaves something out of the denial (``leaving``, token indexes: "he's fine, just walks funny"), never a
    sign whose own words hold a negation ("can't breathe")."""
    out = []
    for match in matches:
        before = [s for s in spots if s.kind == "no" and s.start > 0 and 0 <= match.start - s.end <= 1
                  and clause_of[s.start] == clause_of[min(match.start, len(clause_of) - 1)]
                  and not leaving.intersection(range(s.end, match.start))]
        gap = tokens[before[-1].end:match.start] if before else []
        own = tokens[match.start:match.end]
        if match.status is Status.PRESENT and before and not subjects.intersection(gap) \
                and not negations.intersection(own):
            match = replace(match, status=Status.ABSENT)
        out.append(match)
    return out


def lead_no_is_the_answer(matches: Sequence[Match], spots: Sequence[Spot], tokens: Sequence[str],
                          negations: frozenset[str], starters: frozenset[str]) -> list[Match]:
    """ "No the pain goes down his leg", "no she's hot", as a recogniser gives them (no comma): the "no" said first
    answers, and the statement after it, opened by a word no denial is followed by ("the", "my", "she"), says the
    sign is there (rule 2). Only when nothing else in the answer denies anything or says it is well ("no she isn't
    hot", "no she has a normal temperature" are noes)."""
    first = next((s for s in spots if s.kind == "no" and s.start == 0), None)
    if first is None or first.end >= len(tokens) or tokens[first.end] not in starters:
        return list(matches)
    if any(w in negations for w in tokens[first.end:]) or any(
            (s.kind == "no" and s is not first) or s.kind == "well" for s in spots):
        return list(matches)
    return [replace(m, status=Status.PRESENT, uncertain=True)
            if m.status is Status.ABSENT and m.start >= first.end else m for m in matches]


def yes_after_no(matches: Sequence[Match], said: Sequence[Spot], spots: Sequence[Spot], tokens: Sequence[str],
                 negations: frozenset[str]) -> list[Match]:
    """ "Nah yeah, he's really hot": in a run of answer words ending in a yes, the "no" before it was taken back,
    so it denies no sign the matcher found after it; only a denial said after the run does."""
    dropped = [s for s in said if s.kind == "no" and s not in spots]
    if not dropped:
        return list(matches)
    end = max(s.end for s in dropped)
    last = next((s for s in spots if s.start >= end), None)
    if last is None or last.kind != "yes":
        return list(matches)
    denials = {i for i, w in enumerate(tokens) if w in negations} | {s.start for s in spots if s.kind == "no"}
    return [replace(m, status=Status.PRESENT) if m.status is Status.ABSENT and m.start >= last.end
            and not any(last.end <= i < m.end for i in denials) else m for m in matches]


def double_negation(matches: Sequence[Match], spots: Sequence[Spot], tokens: Sequence[str], clause_of: Sequence[int],
                    negations: frozenset[str]) -> list[Match]:
    """ "It's not that he doesn't have a fever": a denial inside a denied frame affirms the sign (uncertain, as
    any such turn of phrase is). "It's not like he can't walk": a sign whose own words hold the negation (rule 2)
    inside a denied frame is denied, the two negations cancel the same way."""
    frames = [s for s in spots if s.kind == DOUBLE]
    out = []
    for match in matches:
        framed = [f for f in frames if f.end <= match.start
                  and clause_of[f.start] == clause_of[min(match.start, len(clause_of) - 1)]]
        # The sign's own negation, with none between the frame and the sign: the frame denies the sign.
        own = [f for f in framed if negations.intersection(tokens[match.start:match.end])
               and not negations.intersection(tokens[f.end:match.start])]
        if own:
            match = replace(match, status=Status.ABSENT)
        elif match.status is Status.ABSENT and any(negations.intersection(tokens[f.end:match.end]) for f in framed):
            match = replace(match, status=Status.PRESENT, uncertain=True)
        out.append(match)
    return out


def doubly_denied(spots: Sequence[Spot], tokens: Sequence[str], clause_of: Sequence[int],
                  negations: frozenset[str], matches: Sequence[Match] = ()) -> bool:
    """Whether a denied frame holds a denial in its clause ("not like she can't"): never a plain "no". A denial
    inside a sign the frame denies (``double_negation``: "not like he can't walk") is that sign's, settled."""
    settled = {i for m in matches if m.status is Status.ABSENT for i in range(m.start, m.end)}
    return any(s.kind == DOUBLE and any(w in negations and clause_of[i] == clause_of[s.start] and i not in settled
                                        for i, w in enumerate(tokens) if i >= s.end) for s in spots)



ANSWER_WORDS = ("yes", "no")


def checklist(matches: Sequence[Match], spots: Sequence[Spot], about: Iterable[Spot], tokens: Sequence[str],
              negations: frozenset[str]) -> set[int]:
    """Where items end in an answer said as a checklist ("fever no chills no", "temperature no shivers yes"): an
    answer word right after each item, the last ending the answer. The token indexes after each answer word, or
    nothing when the answer is no checklist. Never with a sign whose own words hold a negation: "can't breathe
    no" may be "no, she can't breathe" (rule 2)."""
    answers = [s for s in spots if s.kind in ANSWER_WORDS]
    items = {m.end for m in matches} | {a.end for a in about}
    if len(answers) < 2 or answers[-1].end != len(tokens) or not all(a.start in items for a in answers) or any(
            negations.intersection(tokens[m.start:m.end]) for m in matches):
        return set()
    return {a.end for a in answers[:-1]}


def answered_items(matches: Sequence[Match], spots: Sequence[Spot], clause_of: Sequence[int]) -> list[Match]:
    """In a checklist, each sign takes the answer that ends its item: "chills yes" is chills, whatever the "no"
    before it seemed to deny."""
    status = {"yes": Status.PRESENT, "no": Status.ABSENT}
    ends = {clause_of[s.start]: status[s.kind] for s in spots if s.kind in ANSWER_WORDS}
    return [replace(m, status=ends[clause_of[m.start]]) if clause_of[m.start] in ends
            and m.status in status.values() else m for m in matches]


def across_a_no(matches: Sequence[Match], spots: Sequence[Spot], clause_of: Sequence[int]) -> list[Match]:
    """Signs the matcher built from a "no" that ends its part and the words after it ("not at all, wet nappies
    as normal" is no "not ... wet nappies"; "trouble walking, no. wee and poo are normal" no "no wee"): the "no"
    answered the question, and what follows is read by its own words. Not a sign said wholly after the break,
    which a run of answer words at the start reaches into ("no. he doesn't know where he is": "no he does not" is
    one "no", but the sign is the second part's own words, rule 2)."""
    return [m for m in matches if not (m.status is Status.PRESENT and any(
        s.kind == "no" and s.start <= m.start < s.end < m.end and clause_of[s.end] != clause_of[s.start]
        and clause_of[m.start] != clause_of[s.end] for s in spots))]


def negated_sign_denied(matches: Sequence[Match], spots: Sequence[Spot], tokens: Sequence[str],
                        clause_of: Sequence[int], negations: frozenset[str], modals: frozenset[str]) -> list[Match]:
    """ "He's not unable to walk": a sign whose own words hold a negation, right after another negation in its
    clause, is denied. Not after an answer word ("no he can't walk" is a yes, rule 2), and not a stutter ("can't
    can't walk": the first negation follows a modal)."""
    answered = {s.start for s in spots if s.kind == "no" and s.size == 1}  # a bare "no": the answer, not a "not"
    out = []
    for match in matches:
        before = match.start - 1
        if match.status is Status.PRESENT and before >= 0 and negations.intersection(tokens[match.start:match.end]) \
                and tokens[before] in negations and before not in answered \
                and clause_of[before] == clause_of[match.start] and not (before > 0 and tokens[before - 1] in modals):
            match = replace(match, status=Status.ABSENT)
        out.append(match)
    return out


def clauses(size: int, starts: set[int]) -> list[int]:
    """The clause number of each of ``size`` tokens, a new clause beginning at each of ``starts``."""
    clause_of, clause = [], 0
    for index in range(size):
        clause += index in starts and index > 0
        clause_of.append(clause)
    return clause_of


def missing_is_the_sign(said: list[Spot], matches: Sequence[Match], missing: Iterable[Spot],
                        clause_of: Sequence[int]) -> tuple[list[Spot], list[Match], list[Spot]]:
    """ "No pee since lunch", "nothing wet since breakfast", "no sleep last night, the pain kept waking her": a
    "no" right before what a well child does (``missing``: where the question's such words stand) says it is
    missing, which is the sign (rule 2), never the answer "no". Unless its part says that is well ("no, wees are
    normal"). The "no" is dropped, the signs the matcher denied after it in its part are there (uncertain), and
    the "no" with the words after it is returned as words about the question ("no pee")."""
    found = {(m.start, clause_of[m.start]): m for m in missing}
    gone = [s for s in said if s.kind in ("no", "no_lead") and (s.end, clause_of[s.end - 1]) in found and not any(
        w.kind == "well" and w.start > s.end and clause_of[w.start] == clause_of[s.end - 1] for w in said)]
    if not gone:
        return said, list(matches), []
    about = [Spot("about", s.start, found[(s.end, clause_of[s.end - 1])].end) for s in gone]
    ends = {clause_of[s.end - 1]: s.end for s in gone}
    flipped = [replace(m, status=Status.PRESENT, uncertain=True) if m.status is Status.ABSENT and m.start >= ends.get(
        clause_of[min(m.start, len(clause_of) - 1)], len(clause_of)) else m for m in matches]
    return [s for s in said if s not in gone], flipped, about


DEED_REACH = 2
"""Words allowed between a negation and what a well child does ("hasn't had a wee", "not done a poo")."""


def negated_deed(matches: Sequence[Match], said: Sequence[Spot], missing: Iterable[Spot], tokens: Sequence[str],
                 clause_of: Sequence[int], negations: frozenset[str]) -> list[Match]:
    """ "He hasn't peed all day and he's crying", "she hasn't had a wee since lunch": a negation just before what
    a well child does (``missing``) says it is missing, which is the sign (rule 2). Where the matcher read a
    longer sign from that deed on under the negation ("peed ... crying" as crying when peeing), the sign is there
    (uncertain), unless its part says that is well. Only plain words between ("had a"), never answer or health
    words ("not crying when she wees" denies the crying)."""
    spotted = {i for s in said for i in range(s.start, s.end)}
    deeds = []
    for deed in missing:
        clause = clause_of[deed.start]
        before = [i for i in range(max(0, deed.start - DEED_REACH - 1), deed.start)
                  if tokens[i] in negations and clause_of[i] == clause]
        if before and not spotted.intersection(range(before[-1], deed.start)) and not any(
                s.kind == "well" and clause_of[s.start] == clause for s in said):
            deeds.append(deed)
    return [replace(m, status=Status.PRESENT, uncertain=True) if m.status is Status.ABSENT and any(
        d.start <= m.start < d.end for d in deeds) else m for m in matches]


def not_without(matches: Sequence[Match], spots: Sequence[Spot], tokens: Sequence[str], clause_of: Sequence[int],
                negations: frozenset[str], answers: frozenset[str]) -> tuple[list[Match], list[Spot]]:
    """ "He can't pee without crying", "she can't sit without it hurting": words of a well child that begin with
    a negation ("without crying"), after another negation a few words before them in their part, say the trouble
    comes every time: the two cancel (rule 2). They are no well words, and the sign the matcher denied there is
    there (uncertain). Not a negation that is itself an answer word (``answers``): "she hasn't had no problem"
    is a "no" said twice (negative concord)."""
    turned = [s for s in spots if s.kind == "well" and s.start and tokens[s.start] in negations - answers and any(
        tokens[i] in negations and clause_of[i] == clause_of[s.start]
        for i in range(max(0, s.start - DEED_REACH - 1), s.start))]
    if not turned:
        return list(matches), list(spots)
    flipped = [replace(m, status=Status.PRESENT, uncertain=True) if m.status is Status.ABSENT and any(
        m.start < t.end and t.start < m.end for t in turned) else m for m in matches]
    return flipped, [s for s in spots if s not in turned]


def negative_concord(matches: Sequence[Match], tokens: Sequence[str], negations: frozenset[str],
                     concord: frozenset[str]) -> list[Match]:
    """ "He can't hardly breathe", "she don't barely wake": in many Englishes a negation before "hardly" (one of
    ``concord``) agrees with it instead of cancelling it, so the sign the matcher denied is there (uncertain)."""
    return [replace(m, status=Status.PRESENT, uncertain=True) if m.status is Status.ABSENT and m.start > 0
            and concord.intersection(tokens[m.start:m.end]) and tokens[m.start - 1] in negations else m
            for m in matches]
