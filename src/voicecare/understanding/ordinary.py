"""Ordinary circumstances: words that are a sign only when nothing everyday explains them.

"Breathing fast" is a sign at rest, not after running; an accident is a loss of
control in a toilet-trained child, not in one still learning; "confused" is a
state, not "confused about which shoe". Each symptom may list, in ``intents/``,
the circumstances that make its own words ordinary. A mention explained by one
is no mention of the sign at all, so it never raises the level, and the
interview may still ask about the sign plainly.
"""

from __future__ import annotations

from collections.abc import Collection, Iterable, Mapping, Sequence
from dataclasses import dataclass, field, replace

from voicecare.understanding.mentions import Hit
from voicecare.understanding.text import Spelling, split_window, word_groups

DEFAULT_WINDOW = 8
"""Most words between the explained word and its circumstance, when a pattern says nothing."""
_UNLESS = " unless "
_BEFORE = "^"
"""Written before a group's first word: the group's word must come before the explained word (``Circumstance``)."""
_AFTER = ">"
"""Written before a group's first word: the group's word must come after the explained word (``Circumstance``)."""
FINE_REACH = 3
"""Most words from a word to one saying it is all right ("breathing is just fine")."""


@dataclass(frozen=True)
class Denials:
    """A language's words that deny what follows them ("no", "not"), and the small words that may stand between
    ("not the crayons")."""

    words: frozenset[str] = frozenset()
    small: frozenset[str] = frozenset()
    fine: frozenset[str] = frozenset()
    """Words that say the word before them is all right ("breathing fine"): an ``unless`` word said so keeps nothing."""
    negations: frozenset[str] = frozenset()
    """Every denial, a circumstance's own among them: a denial is never itself said to be fine ("not waking up
    easily")."""
    fine_reach: int = 0
    """Most words from an ``unless`` word to a word of ``fine`` that speaks of it ("breathing is fine": 2)."""
    explaining: tuple[tuple[str, ...], ...] = ()
    """Right after a contrast, words that make what follows explain what came before ("blue but that's the slush"):
    the circumstance is read past that contrast."""
    turning: frozenset[str] = frozenset()
    """Contrast words that, as a circumstance's own, turn from the sign to what explains it: in "hard to wake this
    morning but now fine" the sign is over; in "fine this morning but now hard to wake" it is now (rule 9)."""
    nows: frozenset[str] = frozenset()
    """Words of now: between such a turn and a sign after it, they make the sign the one now, never explained."""


@dataclass(frozen=True)
class Circumstance:
    """One ordinary circumstance of a symptom, compiled from ``intents/``.

    Written "fast quick + running played crying unless still asleep within 8": one of the
    mention's own words from the first group, one word of every later group within
    ``window`` words of it in the same sentence with no contrast word between, and no
    ``unless`` word anywhere in that sentence (a sign said plainly keeps it a sign).
    """

    symptom: str
    explains: frozenset[str]
    """The mention's own words this circumstance explains ("fast", not "breathing")."""
    groups: tuple[frozenset[str], ...]
    """Words of the circumstance: one word of each group must be said."""
    unless: frozenset[str]
    """Words that keep the mention a sign whatever else was said ("still", "asleep")."""
    window: int
    denials: Denials = field(default_factory=Denials)
    """Words that, said right before a word of the circumstance, say it is not so ("no rash"); none of its own."""
    before: frozenset[int] = frozenset()
    """Positions in ``groups`` of groups written with a leading ``^``: their word must stand before the mention's own.
    "Should we call an ambulance?" asks; "we need an ambulance, what should I do?" says it (rule 10)."""
    after: frozenset[int] = frozenset()
    """Positions in ``groups`` of groups written with a leading ``>``: their word must stand after the mention's own.
    "Sleepy but eating" is a tired child; in "eating fine but very sleepy" the "but" turns to the sign (review 21 F1)."""


DENIAL_REACH = 2
"""Most words from a denial to the word of a circumstance it denies ("not the crayons")."""


def compile_all(table: Mapping[str, Sequence[str]], spelling: Spelling,
                denials: Denials = Denials()) -> dict[str, tuple[Circumstance, ...]]:
    """Every symptom's circumstances, keyed by symptom id (symptoms with none are left out)."""
    return {symptom: tuple(_compile(symptom, text, spelling, denials) for text in texts)
            for symptom, texts in table.items() if texts}


def _compile(symptom: str, text: str, spelling: Spelling, denials: Denials) -> Circumstance:
    # Exact words, no stems: "training" is ordinary, "trained" (its stem's twin) is the opposite.
    text, window = split_window(text)
    text, _, unless = text.partition(_UNLESS)
    first, *rest = word_groups(text, spelling)
    (unless_words,) = word_groups(unless, spelling)
    # A circumstance that names a denial as its own word ("not trained yet") is said with it.
    own_denials = replace(denials, words=denials.words.difference(first, *rest), negations=denials.words)
    marks = [group.strip()[:1] for group in text.split("+")[1:]]
    before = frozenset(i for i, mark in enumerate(marks) if mark == _BEFORE)
    after = frozenset(i for i, mark in enumerate(marks) if mark == _AFTER)
    return Circumstance(symptom, first, tuple(rest), unless_words, DEFAULT_WINDOW if window is None else window,
                        own_denials, before, after)


def unexplained(hits: Iterable[Hit], words: Sequence[str], breaks: Mapping[int, bool],
                circumstances: Mapping[str, Sequence[Circumstance]], contrasts: Collection[str]) -> list[Hit]:
    """The hits that no ordinary circumstance of their symptom explains."""
    return [hit for hit in hits
            if not any(_explains(c, hit, words, breaks, contrasts) for c in circumstances.get(hit.symptom, ()))]


def denied_readings(found: Sequence[Hit], unexplained: Sequence[Hit]) -> list[Hit]:
    """``unexplained`` with back every explained hit that reads on from a phrase whose own "not" is its sign.

    In "he isn't breathing fast, he's just crying" the crying explains "breathing fast"; dropped, it left "not
    breathing" standing alone, a 911 (understand56, #7). The "not" was said of the wider reading ("breathing fast"),
    as in "not breathing hard": kept, that reading is settled as the wider one and denied by the "not" before it, so
    it raises nothing. Only a phrase said whole that every such "not" phrase reads on into: in "not breathing right
    after crying so hard" the "not" is the phrase "not breathing right"'s, and a loose "breathing ... hard" stays gone.
    """
    kept = set(map(id, unexplained))

    def reads_on(other: Hit, hit: Hit) -> bool:
        return other.negation_inside and id(other) in kept and other.symptom == hit.symptom \
            and other.start < hit.start < other.end

    def continued(hit: Hit) -> bool:
        denials = [other for other in found if reads_on(other, hit)]
        return not hit.loose and bool(denials) and all(
            other.end < hit.end and set(range(hit.start, other.end)) <= set(hit.positions) for other in denials)

    return [hit for hit in found if id(hit) in kept or continued(hit)]


def _explains(circumstance: Circumstance, hit: Hit, words: Sequence[str],
              breaks: Mapping[int, bool], contrasts: Collection[str]) -> bool:
    low, high = _sentence(hit.start, len(words), breaks)
    # A contrast word the circumstance names is its own word, not a contrast: "not trained yet".
    contrasts = set(contrasts).difference(*circumstance.groups)
    for own in hit.positions:
        if words[own] not in circumstance.explains:
            continue
        # An "unless" word keeps the sign only in its own statement: in "not waking up with it, she sleeps
        # right through, but today she can barely bend" the "can" is the bending's. The statement runs on over
        # later sentences until a contrast: "drowsy after his nap. And now he won't answer me" is not explained.
        # An "unless" word said to be all right keeps nothing: "lips are blue but that's the blue raspberry slush,
        # she's breathin' fine" (the breathing named as fine is no breathing that is a sign).
        statement = _reach(own, low, len(words), len(words), words, contrasts)
        if any(words[i] in circumstance.unless and not _said_fine(circumstance.denials, words, i) for i in statement):
            return False
        reach = _reach(own, low, high, circumstance.window, words, contrasts, _explaining(circumstance.denials, words))
        if all(any(words[i] in group and not _denied(circumstance.denials, words, i)
                   and (n not in circumstance.before or i < own)
                   and (n not in circumstance.after or i > own)
                   and not _turned_to(circumstance.denials, group, words, i, own)
                   and _turns_between(circumstance, group, words, i, own, reach)
                   and _denies_its_own(circumstance, group, words, i) for i in reach)
               for n, group in enumerate(circumstance.groups)):
            return True
    return False


OWN_DENIAL_REACH = 3
"""Most words from a circumstance's own denial to another of its words after it ("not potty trained yet", "isn't
fully trained"): a denial further off is another statement's ("not crying, she wet herself and she's fully trained")."""


def _denies_its_own(circumstance: Circumstance, group: frozenset[str], words: Sequence[str], index: int) -> bool:
    """True unless words[index] is a denial of the circumstance's own with none of its other words close after it.

    A denial comes before what it denies: "not toilet trained", "not walking like himself". Said after them it is
    another statement's: in "she's fully trained, not in nappies, and she wet herself" the "not" is the nappies'
    (understand50, #7: it made a trained child's accident ordinary, an under-triage).
    """
    if not group <= circumstance.denials.negations:
        return True
    near = range(index + 1, min(len(words), index + OWN_DENIAL_REACH + 1))
    return any(words[j] in g for g in circumstance.groups if g is not group for j in near)


def _turns_between(circumstance: Circumstance, group: frozenset[str], words: Sequence[str], turn: int, own: int,
                   reach: range) -> bool:
    """True unless words[turn] is a turn of the circumstance's own with the sign and all the rest of the
    circumstance on one side of it: a turn stands between the sign and what explains it ("sleepy but eating",
    "playing and fine now, but she was hard to wake this morning"). In "no fever but she's very drowsy, keeps
    nodding off while eating" the "but" opens the news and the eating has no turn of its own (understand46, #7: a
    contrast's scope)."""
    if not group <= circumstance.denials.turning:
        return True
    side = turn < own
    others = [g for g in circumstance.groups if g is not group]
    return not others or any(words[i] in g and (i < turn) == side for g in others for i in reach)


def _turned_to(denials: Denials, group: frozenset[str], words: Sequence[str], turn: int, own: int) -> bool:
    """True when words[turn], a turn of the circumstance's own, turns to the sign at ``own`` as it is now: "fine this
    morning but now hard to wake" (a word of now between them); in "fine now, but she was drowsy earlier" the sign
    after the turn is the one that is over, and stays explained."""
    return turn < own and group <= denials.turning and any(words[i] in denials.nows for i in range(turn + 1, own))


def _said_fine(denials: Denials, words: Sequence[str], index: int) -> bool:
    """True when a word of ``denials.fine`` follows words[index] within reach with no denial between: "breathing
    fine", "breathing is normal" (not "breathing is not normal", nor "not waking up easily"); or, for a word of now,
    stands right before it: "fine now" (not "not fine now")."""
    if words[index] in denials.negations or (index and words[index - 1] in denials.negations):
        return False
    if words[index] in denials.nows and index and words[index - 1] in denials.fine \
            and not (index > 1 and words[index - 2] in denials.negations):
        return True  # "fine now": the child all right now keeps nothing ("went blue holding her breath, fine now")
    for i in range(index + 1, min(len(words), index + 1 + denials.fine_reach)):
        if words[i] in denials.words:
            return False
        if words[i] in denials.fine:
            return True
    return False


def _denied(denials: Denials, words: Sequence[str], index: int) -> bool:
    """True when a denial stands right before words[index], with at most a small word between: "no rash, lips
    going blue" is no rash that explains the blue. A small word is never denied: in "not in nappies any more"
    the "not" is the circumstance's own."""
    if words[index] in denials.small:
        return False
    for i in range(index - 1, max(-1, index - 1 - DENIAL_REACH), -1):
        if words[i] in denials.words:
            return True
        if words[i] not in denials.small:
            return False
    return False


def _explaining(denials: Denials, words: Sequence[str]) -> frozenset[int]:
    """Positions of the contrast words an explaining phrase follows, undenied ("but that's the slush"; not "but
    it's not from the slush")."""
    found = set()
    for i in range(len(words)):
        for phrase in denials.explaining:
            after = i + 1 + len(phrase)
            if tuple(words[i + 1:after]) == phrase and (after >= len(words) or words[after] not in denials.words):
                found.add(i)
    return frozenset(found)


def _reach(own: int, low: int, high: int, window: int, words: Sequence[str], contrasts: Collection[str],
           explained: Collection[int] = ()) -> range:
    """Words around words[own] within ``window``, in its sentence, up to (not over) a contrast word; after it, over
    a contrast at one of ``explained`` (an explaining phrase follows it: "blue but that's the slush")."""
    first = max(low, own - window)
    last = min(high, own + window + 1)
    for i in range(own - 1, first - 1, -1):
        if words[i] in contrasts:
            first = i + 1
            break
    for i in range(own + 1, last):
        if words[i] in contrasts and i not in explained:
            last = i
            break
    return range(first, last)


def _sentence(index: int, length: int, breaks: Mapping[int, bool]) -> tuple[int, int]:
    """The span of the sentence holding word ``index``: full stops end it, commas do not."""
    low = max((i for i, full in breaks.items() if full and i <= index), default=0)
    high = min((i for i, full in breaks.items() if full and i > index), default=length)
    return low, high
