"""Elided predicates: "she was breathing fine but now she isn't" says "isn't breathing fine".

And a question answered "no": "can you wake her? no, not easily" says "you can not wake her"; a
continuation: "she's bleeding and it won't stop" says "won't stop bleeding".
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence

from voicecare.understanding.cues import ContextWords

TURN_REACH = 2
"""Most words between a turn ("but", "now") and the subject of a clause that says the sign is there now."""
CONTINUED_REACH = 4
"""Most words between a verb in progress and the "and it" that goes on about it ("bleeding a lot and it")."""


def filled(heard: Sequence[str], breaks: Mapping[int, bool], rules: ContextWords, negations: frozenset[str],
           canonical: Callable[[str], str]) -> tuple[list[str], dict[int, bool]]:
    """The heard words with an elided predicate written out after its closing "not".

    A clause "he is not" that ends the words or a sentence repeats, denied, what
    the last "he was ..." before it said: the child's state
    has changed, and the sign's own "not" then reads as the sign (rule 2). Only
    the first such clause is filled; nothing else is changed.
    """
    words = [canonical(w) for w in heard]
    for k, word in enumerate(words):
        if word not in negations or k < 2 or not _closes(k, len(words), breaks, rules, words):
            continue
        if words[k - 1] not in rules.elliptic_verbs or words[k - 2] not in rules.subjects:
            continue
        predicate = _said_before(words, breaks, rules, negations, k - 2)
        if predicate is None:
            continue
        return _filled(heard, breaks, k, predicate)
    return list(heard), dict(breaks)


def _filled(heard: Sequence[str], breaks: Mapping[int, bool], k: int,
            predicate: range) -> tuple[list[str], dict[int, bool]]:
    """The heard words with ``predicate``'s words written out after words[k], and the sentence breaks moved past
    them."""
    insert = list(heard[predicate.start:predicate.stop])
    out = [*heard[:k + 1], *insert, *heard[k + 1:]]
    return out, {(i + len(insert) if i > k else i): full for i, full in breaks.items()}


def reaffirmed(heard: Sequence[str], breaks: Mapping[int, bool], rules: ContextWords, negations: frozenset[str],
               canonical: Callable[[str], str]) -> tuple[list[str], dict[int, bool]]:
    """The heard words with a sign denied before and affirmed after a turn written out: "she didn't have a fever
    this morning but now she does" says "now she does have a fever" (rule 9: the later statement wins).

    A clause "now he does" (a turn word just before the subject, a ``reaffirming_verbs`` word closing it) repeats,
    undenied, what the nearest "he did not ..." of the same subject before it said, up to a word of when. Only the
    first such clause is filled. A near miss said between the subject and the verb ("but she almost did") stays
    where it is, so the sign written out after it is hedged as "she almost fainted" is (rule 4).
    """
    words = [canonical(w) for w in heard]
    for k, word in enumerate(words):
        subject = _subject_before(words, k, rules)
        if word not in rules.reaffirming_verbs or subject < 1 or words[subject] not in rules.subjects \
                or not _closes(k, len(words), breaks, rules, words) \
                or not any(words[i] in rules.terminators for i in range(max(0, subject - TURN_REACH), subject)):
            continue
        predicate = _denied_before(words, breaks, rules, negations, subject)
        if predicate is None:
            continue
        return _filled(heard, breaks, k, predicate)
    return list(heard), dict(breaks)


def _subject_before(words: Sequence[str], verb: int, rules: ContextWords) -> int:
    """Where the subject of the verb at ``verb`` stands: just before it, or before the near-miss words between them
    ("she almost did", "he very nearly did")."""
    subject = verb - 1
    while subject > 0 and words[subject] in rules.reaffirming_hedges:
        subject -= 1
    return subject


def _denied_before(words: Sequence[str], breaks: Mapping[int, bool], rules: ContextWords,
                   negations: frozenset[str], subject: int) -> range | None:
    """What the nearest "he did not ..." of the same subject before ``subject`` said, up to a word of when.

    The subject stands two words before the "not" ("he does not"), or just before a "never" ("she never wets herself
    but today she did": no verb between).
    """
    for j in range(subject - 1, 0, -1):
        if words[j] in negations and any(_same_subject(words[i], words[subject], rules)
                                         for i in (j - 2, j - 1) if i >= 0):
            end = j + 1
            stops = rules.terminators | rules.over_when | rules.then_words | negations
            while end < subject and end not in breaks and words[end] not in stops:
                end += 1
            return range(j + 1, end) if end > j + 1 else None
    return None


def _closes(k: int, length: int, breaks: Mapping[int, bool], rules: ContextWords, words: Sequence[str]) -> bool:
    """True when words[k] ends its clause: the end, a break, or a terminator next."""
    return k + 1 == length or k + 1 in breaks or words[k + 1] in rules.terminators


def _said_before(words: Sequence[str], breaks: Mapping[int, bool], rules: ContextWords,
                 negations: frozenset[str], subject: int) -> range | None:
    """The predicate of the nearest "he was ..." before ``subject``, of the same subject, undenied.

    It may lie in the sentence before: "He was breathing fine. Now he isn't."
    """
    for j in range(subject - 1, 0, -1):
        if words[j] in rules.elliptic_verbs and _same_subject(words[j - 1], words[subject], rules):
            end = j + 1
            while end < subject and end not in breaks and words[end] not in rules.terminators:
                end += 1
            span = range(j + 1, end)
            if span and not any(words[i] in negations for i in span):
                return span
            return None
    return None


def _same_subject(before: str, now: str, rules: ContextWords) -> bool:
    """True when both clauses are about one subject: "I was scared ... she is not" are two."""
    return before == now or (now in rules.child_pronouns and before in rules.child_nouns)


def answered(heard: Sequence[str], breaks: Mapping[int, bool], rules: ContextWords,
             canonical: Callable[[str], str]) -> tuple[list[str], dict[int, bool]]:
    """The heard words with a yes/no question that is answered "no" written out as a statement, denied.

    "Can you wake her? No, not easily" becomes "you can not wake her. No, not
    easily": the answer's "no" elides the question's predicate, and the sign's
    own "not" then reads as the sign (rule 2); "does he have a fever? no"
    becomes "he does not have a fever", a denial as before. The question must
    open the utterance or a sentence and end at a full stop (a question mark)
    right before the answer. Only the first such question is written out.
    """
    words = [canonical(w) for w in heard]
    for q in range(len(words) - 2 if rules.denial_word else 0):
        if (q and not breaks.get(q, False)) or words[q] not in rules.asking_verbs \
                or words[q + 1] not in rules.asking_subjects:
            continue
        end = next((i for i in range(q + 2, len(words)) if i in breaks), None)
        if end is None or end < q + 3 or not breaks[end]:
            continue
        stop = next((i for i in range(end + 1, len(words)) if i in breaks), len(words))
        if rules.doubt_word and " ".join(words[end:stop]) in rules.unsure_answers:  # before "not": "not sure"
            return _doubted(heard, breaks, rules.doubt_word, q, end, stop)
        if _says_no(words, breaks, rules, end):
            out = [*heard[:q], heard[q + 1], heard[q], rules.denial_word, *heard[q + 2:]]
            moved = {(i + 1 if i > q + 1 else i): full for i, full in breaks.items()}
            return out, moved
    return list(heard), dict(breaks)


def _doubted(heard: Sequence[str], breaks: Mapping[int, bool], joiner: str, q: int, end: int,
             stop: int) -> tuple[list[str], dict[int, bool]]:
    """ "is she breathing? I can't tell" written as "I can't tell if she is breathing" (words[end:stop] doubt)."""
    answer = list(heard[end:stop])
    out = [*heard[:q], *answer, joiner, heard[q + 1], heard[q], *heard[q + 2:end], *heard[stop:]]
    moved: dict[int, bool] = {}
    for i, full in breaks.items():
        if i <= q:
            moved[i] = full
        elif q < i < end:
            moved[i + len(answer) + 1] = full  # a comma inside the question moves with it
        elif i >= stop:
            moved[i + 1] = full  # the question mark between them is gone
    return out, moved


def _says_no(words: Sequence[str], breaks: Mapping[int, bool], rules: ContextWords, index: int) -> bool:
    """True when words[index] opens an answer that says no: "not easily", or a "no" said alone.

    "No chills though" after "has she got a fever?" denies the chills, not the fever.
    """
    if words[index] in rules.denied_manners:
        return True
    alone = index + 1 == len(words) or index + 1 in breaks
    return words[index] in rules.denied_answers and (
        alone or words[index + 1] in rules.denied_answers | rules.denied_manners)


def continued(heard: Sequence[str], breaks: Mapping[int, bool], rules: ContextWords,
              canonical: Callable[[str], str]) -> tuple[list[str], dict[int, bool]]:
    """The heard words with a continuation said of a verb in progress written out as that verb going on.

    "She's bleeding and it won't stop", "he's been vomiting since lunch and it keeps going": the "it"
    stands for the bleeding, which goes on (``continued_as`` then the verb: "will not stop bleeding"),
    so the sign is said, not denied, and said as lasting. The verb ends in ``progressive`` and stands a
    few words before a joiner and a pronoun of ``continuation_subjects``, in one sentence. Only the first
    such continuation is written out.
    """
    words = [canonical(w) for w in heard]
    for k, word in enumerate(words):
        if word not in rules.continuation_subjects or k < 2 or words[k - 1] not in rules.list_joiners:
            continue
        said = next((len(c) for c in rules.continuations if tuple(words[k + 1:k + 1 + len(c)]) == c), None)
        verb = next((j for j in range(k - 2, max(-1, k - 2 - CONTINUED_REACH), -1)
                     if rules.progressive and words[j].endswith(rules.progressive) and len(words[j]) > len(
                         rules.progressive) + 2), None)
        if said is None or verb is None or any(breaks.get(i, False) for i in range(verb + 1, k + 1 + said)):
            continue
        insert = [*rules.continued_as, heard[verb]]
        out = [*heard[:k + 1], *insert, *heard[k + 1 + said:]]
        moved = {(i + len(insert) - said if i > k else i): full for i, full in breaks.items()}
        return out, moved
    return list(heard), dict(breaks)


RESUMED_REACH = 14
"""Most words from a turn to now ("now") back to the word saying a part was all right before it."""
PART_LENGTH = 3
"""Most words of the part said to be all right ("heart rate")."""
STATE_LENGTH = 2
"""Most words the child's state now may take for the part said fine before to be its subject ("really panting")."""


def resumed(heard: Sequence[str], breaks: Mapping[int, bool], rules: ContextWords,
            canonical: Callable[[str], str]) -> tuple[list[str], dict[int, bool]]:
    """The heard words with a part said to be all right before a turn to now written into the now clause.

    "Her breathing was fine this morning but now she's grunting" says the grunting of the breathing: the
    clause after the turn (one of ``resumed_turns``) has the child or "it" as its subject and does not name the
    part again, so the part is written in ("now she is breathing grunting", "now it's racing" is "now his heart
    rate is racing"). The earlier statement stays as said (rule 9: the later one wins). Only the first such
    turn is filled; a child said to be fine ("he was fine but now he is ...") names no part, and nothing changes.
    """
    words = [canonical(w) for w in heard]
    for k, word in enumerate(words):
        subject = k + 1
        # A comma may follow the turn ("no wait, it's racing"); a full stop ends what it turns from.
        if word not in rules.resumed_turns or subject >= len(words) or breaks.get(subject, False) \
                or words[subject] not in rules.continuation_subjects | rules.child_pronouns:
            continue
        part = _well_before(words, breaks, rules, k)
        if part is None:
            continue
        end = next((i for i in range(subject + 1, len(words)) if i in breaks or words[i] in rules.terminators),
                   len(words))
        if any(words[i] in {words[j] for j in part} for i in range(subject, end)):
            return list(heard), dict(breaks)  # named again: said as it is now
        if words[subject] in rules.continuation_subjects:  # "now it's racing": the part is the subject
            owned = part.start - 1 if part.start and words[part.start - 1] in rules.clauses.owners else part.start
            insert, at, dropped = list(heard[owned:part.stop]), subject, 1
        else:  # "now she's grunting": the part is what the state is said of, after the child's verb
            at = subject + 1 + (subject + 1 < end and words[subject + 1] in rules.clauses.verbs)
            if not _state_alone(words[at:end], rules):
                continue
            insert, dropped = list(heard[part.start:part.stop]), 0
        out = [*heard[:at], *insert, *heard[at + dropped:]]
        shift = len(insert) - dropped
        # A comma before the subject replaced stays before the part written in its place.
        return out, {(i + shift if i > at else i): full for i, full in breaks.items()}
    return list(heard), dict(breaks)


def _state_alone(said: Sequence[str], rules: ContextWords) -> bool:
    """True when what the child is now is one verb in progress, said alone or with one word ("really struggling"):
    "now she's grunting" is the breathing's; "now she's struggling to walk", "fast asleep" or "being silly" say
    something else of the child."""
    return 0 < len(said) <= STATE_LENGTH and any(
        rules.progressive and w.endswith(rules.progressive) and len(w) > len(rules.progressive) + 2 for w in said)


def _well_before(words: Sequence[str], breaks: Mapping[int, bool], rules: ContextWords, turn: int) -> range | None:
    """The part named in the nearest "his breathing was fine" before ``turn`` (its nouns, not the owner), or None
    when the nearest word of being well is said of the child, or of nothing."""
    for well in range(turn - 1, max(-1, turn - 1 - RESUMED_REACH), -1):
        if words[well] not in rules.well_words:
            continue
        stop = well
        while stop > 0 and stop not in breaks and words[stop - 1] in rules.elliptic_verbs | rules.well_manners:
            stop -= 1
        ends = rules.clauses.owners | rules.clauses.subjects | rules.subjects | rules.terminators \
            | rules.over_when | rules.then_words | rules.child_nouns | rules.elliptic_verbs | rules.clauses.verbs
        start = stop
        while start > 0 and stop - start < PART_LENGTH and start not in breaks and words[start - 1] not in ends:
            start -= 1
        if start == stop or (start and start not in breaks and words[start - 1] not in ends):
            return None
        return range(start, stop)
    return None
