"""Settling the mentions found in an utterance: which readings of the words stand.

The matcher proposes every reading (phrases and loose patterns); these rules
keep the ones the caregiver meant before context is weighed: one reading per
place, no word taken from another sign's mention, a "not" kept by the sign it
belongs to.
"""

from __future__ import annotations

from collections.abc import Callable, Collection, Iterable, Mapping, Sequence
from dataclasses import dataclass, replace

from voicecare.domain import Level, Match

SURE_ENOUGH = 95.0
"""A more serious mention this good is kept even inside another symptom's words."""


@dataclass(frozen=True)
class NotThen:
    """When a waking sign's own "not" says when it does not happen, not that it happens: "she doesn't wake after
    that", "once he's asleep he does not wake up" sleep through; "he is not breathing at night" is the sign."""

    after: tuple[tuple[str, ...], ...] = ()
    """Said right after the sign ("doesn't wake up at night")."""
    before: tuple[tuple[str, ...], ...] = ()
    """Said before the "not" in its sentence, each a whole clause of falling asleep ("once he sleeps")."""
    verbs: frozenset[str] = frozenset()
    """Words of waking: a timing takes the "not" only from a sign said with one; any other keeps it (rule 2)."""
    sleeping: frozenset[str] = frozenset()
    """Words of sleeping among ``verbs``: a sign said with one of them and none of waking takes its timing only from
    ``sleeping_after`` ("didn't sleep through the night" woke); a reason after it says why the child does not sleep
    ("she's not sleeping because of the pain" is kept from sleep)."""
    sleeping_after: tuple[tuple[str, ...], ...] = ()
    """The timings of ``after`` that take a sleeping sign's "not": a night slept in one piece."""


@dataclass(frozen=True)
class Hit:
    """One reading of a sign in the heard words, before context is weighed."""

    symptom: str
    start: int
    end: int
    score: float
    negation_inside: bool
    positions: tuple[int, ...]
    """The heard words that matched; other words inside the span may still be cues."""
    loose: bool = False
    """True for a ``near`` pattern's mention (words in any order), False for a phrase."""
    anchor: int = -1
    """A loose mention's word of its first group (what the pattern is about: "back" in
    "back + sore"); -1 for a phrase."""


def spans_contrast(words: Sequence[str], start: int, end: int, contrasts: Collection[str],
                   turn: Collection[int] = ()) -> bool:
    """True when a loose mention at words[start:end] would join two statements across a contrast.

    "walking funny yesterday but walking fine" is two statements. A pattern may
    name the contrast as one of its words (``turn``), said before the sign:
    in "she's been dry for months but she had an accident today" the words
    before "but" are the background that makes the accident a sign.
    """
    return any(words[j] in contrasts and j not in turn for j in range(start, end))


def news_start(hit: Hit, words: Sequence[str], contrasts: Collection[str]) -> int:
    """Where a mention's own statement begins: its first word after a contrast inside it, else its start.

    Its background ("dry for months but") frames the sign, but the cues said
    with the background ("never", "used to") are not the sign's, and a cue
    after the contrast is ("trained but no accidents").
    """
    turns = [j for j in range(hit.start, hit.anchor) if words[j] in contrasts] if hit.loose else []
    return min(p for p in hit.positions if p > turns[-1]) if turns else hit.start


def clauses(length: int, breaks: Mapping[int, bool]) -> list[int]:
    """The number of the clause each word is in: a comma or a full stop before a word starts a new one."""
    numbers, current = [], 0
    for index in range(length):
        current += index in breaks
        numbers.append(current)
    return numbers


def unstraddled(hits: list[Hit], clauses: Sequence[int]) -> list[Hit]:
    """Drop loose mentions that borrow a word from another sign's mention across a break.

    In "no pins and needles in his legs, sore back" the "sore" belongs to the
    back, so the legs are not sore; "very, very fast" or "her back - she
    strained it" still read across the break, as no other mention claims the word.
    Nor does one reach over a break and another sign said whole in between:
    in "not complaining about tingling, just the back" the complaint is the
    tingling's. A subject may be shared ("he woke crying, his back is sore":
    the back is what both are about).
    """
    subjects = {hit.anchor for hit in hits if hit.loose}

    def straddles(hit: Hit) -> bool:
        if not hit.loose or len({clauses[p] for p in hit.positions}) == 1:
            return False
        # A whole mention that is only the shared word ("they keep going weak. His legs, I mean.") has no subject
        # of its own: a body part named after it, alone at the end of its clause, is what it was about ("she's
        # weak, her legs are fine" says something else of the legs).
        last = hit.positions[-1]
        named_after = last + 1 == len(clauses) or clauses[last + 1] != clauses[last]
        # Named after whole: its first and last words taken ("waking every couple of hours, rubbing his back": the
        # back rubbed is what the waking is about; a comma list, understand45), whatever small word lies between.
        return any(other.symptom != hit.symptom and not other.loose
                   and not (named_after and {other.positions[0], other.positions[-1]} <= set(hit.positions))
                   and ((set(other.positions) & set(hit.positions)) - subjects
            or (hit.positions[0] < other.start and other.end <= hit.positions[-1])) for other in hits)

    return [hit for hit in hits if not straddles(hit)]


def unborrowed(hits: list[Hit], words: Sequence[str], joiners: Collection[str]) -> list[Hit]:
    """Drop a mention that reaches over another sign's subject to take that sign's word.

    In "the wee one's back hurts" the hurt is the back's (the loose "back +
    hurts" is about the back), so "wee ... hurts" is no pee problem; in "her
    foot down and her back sore" the foot is not sore. Said as a list ("his
    legs and back are sore") both signs keep the word, and a mention keeps
    its own subject ("the cramp in his back is not going away").
    """
    def borrows(hit: Hit) -> bool:
        mine = set(hit.positions)
        first = hit.anchor if hit.loose else hit.positions[0]
        return any(
            other.symptom != hit.symptom and other.loose and hit.start < other.anchor < hit.end
            and other.anchor not in mine and words[other.anchor - 1] not in joiners
            and bool((mine & set(other.positions)) - {first})
            for other in hits)

    return [hit for hit in hits if not borrows(hit)]


Claims = Mapping[str, Mapping[str, frozenset[str]]]
"""Subject word -> symptom -> the words its patterns say of that subject ("heart" -> heart rate -> "weird")."""


def unclaimed(hits: list[Hit], words: Sequence[str], claims: Claims, joiners: Collection[str],
              everyday: Collection[str]) -> list[Hit]:
    """Drop a loose mention whose word is said of a nearer subject, another sign's.

    In "she can't breathe and her heart feels weird" the weirdness is the heart's
    (a heart pattern pairs "heart" with "weird"), so the breathing is not weird: the
    loose "breathe ... weird" would swallow the phrase "can't breathe" and its
    "not" would deny it. Said as a list ("his legs and back are sore") the word
    is said of both. Only a word of substance is claimed, by a word of substance, and a
    subject is never another's word ("woke up crying holding his back": the back is a subject).
    """
    def claimed(hit: Hit) -> bool:
        for j in hit.positions:
            if j == hit.anchor or words[j] in everyday or words[j] in claims:
                continue
            low, high = sorted((hit.anchor, j))
            for k in range(low + 1, high):
                other = claims.get(words[k], {}) if words[k] not in everyday else {}
                if (abs(k - j) < abs(hit.anchor - j) and words[k - 1] not in joiners
                        and any(symptom != hit.symptom and words[j] in said for symptom, said in other.items())):
                    return True
        return False

    return [hit for hit in hits if not (hit.loose and claimed(hit))]


def not_their_own(hits: list[Hit], words: Sequence[str], negations: Collection[str],
                  modals: Collection[str], timings: NotThen = NotThen(),
                  breaks: Mapping[int, bool] | None = None) -> list[Hit]:
    """Drop a phrase whose own "not" belongs to a longer sign said with the same words.

    "he isn't waking up at night" denies night waking; it is not "not waking
    up"; in "she's not confused, she's awake" the "not" is the confusion's.
    After a modal ("can't wake him at night") the "not" stays the sign's own
    (rule 2: when unsure, the emergency reading stands). Nor is it the sign when
    one of ``timings`` follows ("she doesn't wake after that" sleeps through). A longer sign
    takes the "not" only from its own sentence (``breaks``, True at a full stop): "he is not
    waking well. The back was paining him" is not waking, no denial of pain at night.
    """
    stops = {i for i, full in (breaks or {}).items() if full}
    def belongs_elsewhere(hit: Hit) -> bool:
        if not hit.negation_inside:
            return False
        denial = [j for j in hit.positions if words[j] in negations]
        if any(j > 0 and words[j - 1] in modals for j in denial):
            return False
        rest = set(hit.positions) - set(denial)
        if _not_then(hit, denial, words, timings, stops):
            return True
        if hit.loose and any(_denied_between(hit, j, other) for j in denial for other in hits):
            return True
        return any(other.symptom != hit.symptom and not other.negation_inside and rest & set(other.positions)
                   and other.end > hit.end and stops.isdisjoint(range(hit.end, max(other.positions) + 1))
                   for other in hits)

    def _denied_between(hit: Hit, denial: int, other: Hit) -> bool:
        """ "she's not confused, she's awake", "not floppy, he's awake": a sign said between the "not" and
        the rest of the pattern takes the "not"."""
        rest = [j for j in hit.positions if j != denial]
        nearest = min(rest, key=lambda j: abs(j - denial), default=denial)
        low, high = min(denial, nearest), max(denial, nearest)
        return (other is not hit and not other.negation_inside
                and low < other.start and other.end <= high and not set(other.positions) & set(hit.positions))

    return [hit for hit in hits if not belongs_elsewhere(hit)]


def _not_then(hit: Hit, denial: Sequence[int], words: Sequence[str], timings: NotThen, stops: Collection[int]) -> bool:
    """True when a waking sign's "not" says when it does not happen: a timing right after it ("doesn't wake after
    that") or a clause of falling asleep before the "not" in its sentence ("once he sleeps he does not wake up")."""
    if not denial or timings.verbs.isdisjoint(words[hit.start:hit.end]):
        return False
    said = words[hit.start:hit.end]
    asleep = bool(timings.sleeping.intersection(said)) and (timings.verbs - timings.sleeping).isdisjoint(said)
    if any(tuple(words[hit.end:hit.end + len(t)]) == t for t in (timings.sleeping_after if asleep else timings.after)):
        return True
    first = min(denial)
    start = max((i for i in stops if i <= first), default=0)
    return any(tuple(words[i:i + len(t)]) == t for t in timings.before for i in range(start, first - len(t) + 1))


def used(mention: Match) -> tuple[int, ...]:
    """The positions of the words a mention is made of (all of its span when it does not say)."""
    return mention.positions or tuple(range(mention.start, mention.end))


def said_whole(mention: Match) -> bool:
    """True for a mention made of every word of its span, in a row: a phrase said as listed."""
    return used(mention) == tuple(range(mention.start, mention.end))


def explained(guess: Sequence[int], level: Level, found: Sequence[Match], levels: Mapping[str, Level],
              listed: Callable[[int, Match], bool]) -> bool:
    """True when mentions already found explain the words (positions) a guess at a sign of ``level`` rests on.

    A mention at least as serious as the guess explains every word its span reaches over ("not breathing hard"
    is no guess at anything). A lesser one said whole (a phrase, its words in a row) is the sure reading of
    its words, so a guess sharing one is a misreading of them ("she can't feel me touching it" is numbness, no
    wee), unless the guess's other words are listed with the phrase's (``listed``): in "she cries when I touch
    her back and legs" the touch is said of both. A lesser loose mention, its words picked across the
    sentence, explains only the words it is made of, and the graver guess stands while one of its words is
    left to it: in "he cries when I touch his legs and back" the back's "touch ... back" takes the touch, not
    the crying or the legs. An unsure lesser mention explains nothing: "her lipps look navy" is no limp (rule
    4: when unsure, the higher level).
    """
    graver = [m for m in found if levels[m.symptom] <= level]
    if any(m.start <= i < m.end for m in graver for i in guess):
        return True
    lesser = [m for m in found if levels[m.symptom] > level and not m.uncertain]
    covered = {i for m in lesser for i in used(m)}
    left = [i for i in guess if i not in covered]
    if not left and covered:
        return True
    return any(said_whole(m) and _mostly(guess, used(m)) and not any(listed(i, m) for i in left) for m in lesser)


def _mostly(guess: Sequence[int], phrase: Sequence[int]) -> bool:
    """True when a lesser phrase holds at least half the words a guess rests on: the guess is then a misreading
    of the phrase ("wee ... can't feel" is numbness, no wetting). A guess with most words of its own is a second
    reading of the words they share: in "she fell over and was out for a minute" the fall is both a stumble and
    a faint."""
    shared = sum(1 for i in guess if i in phrase)
    return shared > 0 and 2 * shared >= len(guess)


def listed(words: Sequence[str], joiners: Collection[str], owners: Collection[str]) -> Callable[[int, Match], bool]:
    """Whether the word at a position is said in a list with a mention: only a joiner and a word that owns
    the next ("the", "his") between them ("back and legs", "legs or his back"), so what is said of one is
    said of both. A subject or a verb there starts a statement of its own ("woke her and she would not")."""
    def with_mention(i: int, mention: Match) -> bool:
        gap = words[mention.end:i] if i >= mention.end else words[i + 1:mention.start]
        return any(w in joiners for w in gap) and all(w in joiners or w in owners for w in gap)

    return with_mention


def _joined_after(phrase: Hit, wider: Hit, joins: Collection[int]) -> bool:
    """True when a wider mention goes on from a phrase over an "and" to a deed of its own: in "hasn't pooped
    since Saturday and strains" the "not" is the phrase's sign (rule 2), no denial of the straining; in "not
    breathing hard and fast" the wider mention's next word is "hard", before the "and", and it is denied. Only
    below an emergency (``resolve``): a phrase skipping words ("breathing ... fast") may hide the "and", and a false
    "call 911" from a denial is the second-worst error."""
    after = [p for p in wider.positions if p >= phrase.end]
    return bool(after) and any(i in joins for i in range(phrase.end, after[0]))


def resolve(hits: Iterable[Hit], levels: dict[str, Level], breaks: Collection[int] = (),
            unable: Collection[int] = (), joins: Collection[int] = (), denials: Collection[int] = (),
            owned: Collection[int] = (), stops: Collection[int] = ()) -> list[Hit]:
    """One reading per place: overlapping mentions are settled before context is weighed.

    ``breaks`` are where commas and full stops fall, and where a new subject opens a clause (a phrase
    ending at one is a statement of its own).
    ``unable``: positions of the language's modals ("can" of "can not breathe"), where a phrase whose "not"
    is the symptom says what the child cannot do.
    ``joins``: positions of list joiners ("and"), where a deed of its own follows a phrase whose "not" is the sign.
    ``denials``: positions of the language's negations ("no tingling" after "pain down her leg,").
    ``owned``: where an owner's noun and its verb open a statement ("her knees hurt | her arms are fine").
    ``stops``: where full stops fall.
    """
    best: dict[tuple[str, int, int], Hit] = {}
    for hit in hits:
        key = (hit.symptom, hit.start, hit.end)
        if key not in best or hit.score > best[key].score:
            best[key] = hit
    # Of two overlapping mentions of one symptom, the one reaching further wins:
    # in "not breathing hard" the caregiver denies "breathing hard".
    kept: list[Hit] = []
    for hit in sorted(best.values(), key=lambda h: (-h.end, h.start, -h.score)):
        wider = next((k for k in kept if k.symptom == hit.symptom and _overlap(k, hit)), None)
        if wider is None:
            kept.append(hit)
        elif hit.negation_inside and wider.start <= hit.start and not wider.negation_inside:
            # "walk not normal, slow and careful": the wider mention holds a phrase
            # whose "not" is the symptom, so that "not" is no denial of it either.
            kept[kept.index(wider)] = replace(wider, negation_inside=True)
        elif hit.negation_inside and hit.start < wider.start and not wider.negation_inside \
                and (any(i in breaks for i in range(hit.end, wider.end))
                     or (levels.get(hit.symptom, Level.EMERGENCY) > Level.EMERGENCY and _joined_after(hit, wider, joins))):
            # "he's not breathing right, he's gasping": a phrase whose own "not" is the sign, said as a
            # statement of its own (a comma ends it), is the mention; the loose one reaching from its middle
            # over the comma would be denied by that "not". In "not breathing hard" (one statement) the
            # caregiver denies breathing hard.
            kept[kept.index(wider)] = hit
        elif hit.negation_inside and hit.start < wider.start and wider.loose and not hit.loose \
                and hit.start in unable:
            # "can't breathe proper, him a gasp": a phrase of what the child cannot do opens the wider
            # mention, so its "not" is the sign's own, no denial ("isn't peeing any less" stays one).
            kept[kept.index(wider)] = replace(wider, start=hit.start, negation_inside=True,
                                              positions=tuple(sorted({*wider.positions, *hit.positions})))
        elif hit.start < wider.start and not hit.negation_inside and wider.loose and (any(
                wider.start < b <= d < wider.positions[-1] and hit.end <= b for b in breaks for d in denials)
                or any(wider.start < b <= wider.positions[-1] and hit.end <= b for b in (*owned, *stops))):
            # "pain down her leg, no tingling": the loose mention borrows the first one's "leg" over the comma for a
            # denial of its own; one mention of both would let the second's "no" take back the first: both stay
            # (understand54, #7), one per statement. So with a part of the child opening a statement of its own,
            # whatever is said of it: in "her knees hurt her arms are fine" the "hurt" is the knees' and the arms
            # are fine (understand56, #7: one mention "knees hurt her arms" was taken back whole by the "fine").
            # So over a full stop: in "her heart is too slow. What heart rate is normal?" the question's "normal"
            # took back the slow heart; each sentence keeps its own reading (understand54's class, which dropped
            # the loose one instead and lost a held-out emergency).
            if not any(k.symptom == hit.symptom and k.start <= hit.start and hit.end <= k.end
                       for k in kept):
                kept.append(hit)
        elif hit.start < wider.start and not hit.negation_inside and not (
                hit.loose and any(hit.start < b <= wider.start for b in breaks)):
            # "no pins and needles in his legs": one mention from "pins" on, so the
            # denial before it reaches it over the "and" inside the sign's own words.
            # Not a loose one reaching back over a break to a wider mention whole in its own clause: in "she is not
            # getting the breath properly, very hard for her to breathe" the "not" is the first statement's, and
            # "breath ... hard" borrowed "hard" from the second (understand46, #7: a denial ends at its clause).
            kept[kept.index(wider)] = replace(wider, start=hit.start,
                                              positions=tuple(sorted({*wider.positions, *hit.positions})))
    survivors = [h for h in kept if not any(_shadows(o, h, levels) for o in kept if o is not h)]
    return sorted(survivors, key=lambda h: (h.start, h.end))


def _overlap(a: Hit, b: Hit) -> bool:
    return a.start < b.end and b.start < a.end


def _shadows(other: Hit, hit: Hit, levels: dict[str, Level]) -> bool:
    """True when another symptom's mention makes ``hit`` a misreading of the same words.

    "weak" inside "weak legs", "fewer" (~fever) inside "fewer wet diapers".
    A sure mention of a more serious symptom is never shadowed: "spasm keeps
    coming" stays severe cramping inside the looser "spasm ... back".
    """
    if other.symptom == hit.symptom:
        return False
    if hit.score >= SURE_ENOUGH and levels[hit.symptom] < levels[other.symptom]:
        return False
    # A loose pattern's span may hold words it did not use ("got the shivers and
    # a temperature"): only a hit made of words the other one used is a misreading.
    inside = other.start <= hit.start and hit.end <= other.end and bool(set(hit.positions) & set(other.positions))
    same_place = other.start == hit.start and other.end == hit.end
    return (inside and not same_place) or (same_place and other.score > hit.score)
