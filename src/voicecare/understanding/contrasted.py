"""Two people named in one story, one of them said to have "only" the topic's own sign: the other's signs are theirs.

"My son has a fever but my daughter just has a sore back", "me sister's little one had a fever but our Hamza's
fine, just a sore back", "it was our Sean that passed out, not the wee one, she's only got the sore back": the
caregiver names who has what, and the child asked about is the one with "only" the back (rule 9: a sign of
someone else is no finding for this child). Safety first, so only when all of it is said:

- the child's clause narrows ("just", "only") to signs of the topic's own level (the back), nothing higher;
- the other clause opens with someone named as a noun or a name ("my son", "our Sean", "it was our Sean that"),
  a different one from the child's, and says no "he"/"she" of its own after them (that may be the child);
- the child's clause opens with their own noun or name, or with "he"/"she" right after the child was named
  between the two ("..., not the wee one, she's only got ...").

"She had a fever but now she just has a sore back" (one child, a pronoun) and "my son has a fever and a sore
back" (one clause) are left as they are: when it cannot be told, the sign is the child's (rule 4).
The words are the language's (``[callers]`` and ``narrowing`` in ``language.toml``).
"""

from __future__ import annotations

from collections.abc import Collection, Sequence

from voicecare.domain import Level, Status
from voicecare.understanding.callers import CallerWords
from voicecare.understanding.cues import Scene, clause_end, clause_start, past_tense

NAME_LENGTH = 2
"""Most words of a child's noun after its head ("sister little"): who the clause is about, for telling two apart."""


def others(where: Scene, mentions: Sequence[tuple[int, Status, Level]], words: CallerWords,
           narrowing: Collection[str], base: Level) -> list[Status]:
    """The statuses of ``mentions`` (start, status, level), with the signs of someone named beside a child who
    "only" has signs of the ``base`` level made theirs."""
    statuses = [status for _, status, _ in mentions]
    clauses = _clauses(where)
    for child in clauses:
        if not _only_the_base(where, child, mentions, narrowing, base):
            continue
        for other in clauses:
            if other == child or not _someone_else(where, other, child, clauses, words, narrowing):
                continue
            for index, (start, status, _) in enumerate(mentions):
                if status is Status.PRESENT and other[0] <= start < other[1]:
                    statuses[index] = Status.OTHER
    return statuses


def _clauses(where: Scene) -> list[tuple[int, int]]:
    """The clauses of the utterance as (start, end) word ranges: broken at punctuation and at words such as "but"."""
    found, index, length = [], 0, len(where.words)
    while index < length:
        end = max(index + 1, clause_end(where.words, where.breaks, where.rules, index + 1))
        found.append((clause_start(where.words, where.breaks, where.rules, index), end))
        index = end + (1 if end < length and where.words[end] in where.rules.terminators else 0)
    return found


def _only_the_base(where: Scene, clause: tuple[int, int], mentions: Sequence[tuple[int, Status, Level]],
                   narrowing: Collection[str], base: Level) -> bool:
    """True when the clause narrows ("just", "only") to signs of the ``base`` level, said of the child, and no other."""
    inside = [(status, level) for start, status, level in mentions if clause[0] <= start < clause[1]]
    return any(where.words[i] in narrowing for i in range(*clause)) and bool(inside) \
        and all(level == base for status, level in inside if status is Status.PRESENT) \
        and any(status is Status.PRESENT for status, _ in inside)


def _someone_else(where: Scene, other: tuple[int, int], child: tuple[int, int], clauses: Sequence[tuple[int, int]],
                  words: CallerWords, narrowing: Collection[str]) -> bool:
    """True when ``other`` opens with someone named who is not the one ``child`` opens with (see the module)."""
    theirs = _named(where, other[0], words, person=True)
    rules = where.rules
    # A "he"/"she" after them may be the child ("my son said she has a fever"), so may a sign told by them.
    if theirs is None or any((where.words[i] in rules.clauses.subjects and where.words[i] in rules.child_pronouns)
                             or where.words[i] in rules.reporting for i in range(other[0], other[1])):
        return False
    ours = _named(where, child[0], words, person=False)
    before = next((c for c in clauses if c[1] <= child[0] and c != other and c[1] >= child[0] - 1), None)
    if ours is None and before is not None and where.words[child[0]] in narrowing:
        ours = _named(where, before[0], words, person=False)  # "our Hamza's fine, just a sore back"
    if ours is None and where.words[child[0]] in where.rules.child_pronouns:
        # "she's only got ...", the child named in a clause between the two ("not the wee one").
        low, high = sorted((other[1], child[0]))
        between = [c for c in clauses if low <= c[0] and c[1] <= high]
        ours = next((key for c in between for i in range(*c)
                     if where.words[i] in where.rules.child_nouns and (key := _noun(where, i)) != theirs), None)
    return ours is not None and ours != theirs


def _named(where: Scene, start: int, words: CallerWords, *, person: bool) -> tuple[str, ...] | None:
    """Who the clause at words[start] opens with, named as a noun or a name ("my son", "our Sean", "it was our Sean
    that"), as its words; None for a pronoun, a deed or nothing named.

    ``person``: only someone surely a person: a child noun, someone else's word ("my sister"), or a name said in a
    cleft ("it was our Sean that"); "my thermometer read 39" names a thing, whose reading is the child's.
    """
    text, rules = where.words, where.rules
    opener = next((len(w) for w in words.cleft_openers if tuple(text[start:start + len(w)]) == w), 0)
    at = start + opener
    if at >= len(text):
        return None
    owned = text[at] in words.own or text[at] in rules.kin_of
    head = at + 1 if owned else at
    if head >= len(text) or text[head] in rules.clauses.subjects or head in where.signs or head in where.breaks:
        return None
    word = text[head]
    if not owned and word not in rules.child_nouns:
        return None
    # A name said after "our" ("our Sean"): no verb, no word of telling. A cleft says so too ("it was X that").
    if word not in rules.child_nouns and (word in rules.clauses.verbs or past_tense(word, rules)
                                          or word in rules.terminators or word in rules.reporting):
        return None
    if person and word not in rules.child_nouns and not _someone(where, head) and not (
            opener and head + 1 < len(text) and text[head + 1] in words.clefts):
        return None
    return _noun(where, head)


def _someone(where: Scene, index: int) -> bool:
    """True when words[index] is someone else's cue word ("sister", "mum"), not the caregiver's own."""
    return any(c.trigger.status is Status.OTHER and not c.trigger.speaker and c.start <= index < c.end
               for c in where.cues)


def _noun(where: Scene, head: int) -> tuple[str, ...]:
    """The words naming someone from words[head]: the head and the child nouns right after it ("sister little")."""
    end = head + 1
    while end < len(where.words) and end - head <= NAME_LENGTH and where.words[end] in where.rules.child_nouns \
            and end not in where.breaks:
        end += 1
    return tuple(where.words[head:end])


def denied_of_another_child(where: Scene, mentions: Sequence[tuple[int, str, Status, Level]], words: CallerWords,
                            base: Level) -> list[Status]:
    """The statuses of ``mentions`` (start, symptom, status, level), with a denial said of one child named by a noun
    made theirs when another child, named by another noun, was said to have the sign.

    "My son has a fever of 39 and a sore back, my daughter has no fever": the daughter's "no fever" takes back nothing
    said of the son (rule 9 counts statements about this child only; the later statement wins only when it is said
    of the same child). Which of the two is the child: the one with the topic's own sign (the back) when only one
    is said to have it; when that cannot be told, the one with the sign (rule 4, the safer reading). So a denial said
    of the child who has the back stays: "my son has a fever, my daughter has no fever, her back hurts" is the
    daughter's back and no fever (understand57, #7). Each mention is the child's named nearest before it.
    """
    statuses = [status for _, _, status, _ in mentions]
    named = _children_named(where, words)
    if len({key for _, key in named}) < 2:
        return statuses

    def whose(start: int) -> tuple[str, ...] | None:
        return next((key for at, key in reversed(named) if at < start), None)

    backs = {whose(start) for start, _, status, level in mentions if status is Status.PRESENT and level == base}
    for index, (start, symptom, status, _) in enumerate(mentions):
        theirs = whose(start)
        if status is not Status.ABSENT or theirs is None or theirs in backs:
            continue
        if any(other == symptom and said is Status.PRESENT and whose(at) not in (None, theirs)
               for at, other, said, _ in mentions):
            statuses[index] = Status.OTHER
    return statuses


def _children_named(where: Scene, words: CallerWords) -> list[tuple[int, tuple[str, ...]]]:
    """Where a child is named by an owner and a noun ("my son", "her sister", "my other boy", "the baby"), each with
    the words naming them after the owner."""
    text, rules = where.words, where.rules
    owners = words.own | frozenset(rules.kin_of)
    nouns = rules.child_nouns | words.siblings
    found = []
    for at, word in enumerate(text):
        if word not in owners:
            continue
        end = at + 1
        while end < len(text) and end - at <= NAME_LENGTH + 1 and end not in where.breaks \
                and (text[end] in nouns or text[end] in words.young or text[end] in words.which_child):
            end += 1
        if any(text[i] in nouns for i in range(at + 1, end)):
            found.append((at, tuple(text[at + 1:end])))
    return found
