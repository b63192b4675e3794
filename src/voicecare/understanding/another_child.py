"""Another child in the room with a sign that is "Call 911 now" whoever's child has it.

The policy's "Beyond the sheet": a seizure now, a child who is not breathing, blue, or cannot be woken is
"Call 911 now" whatever the topic. Rule 9 keeps someone else's signs out of this child's level ("his sister has a
fever"), but a second toddler in the room who is blue is no reason to advise home care (outside review 17, F2):
such a sign, said now of another child, is an emergency for that child, and the reply says for whom ("Max", "his
little brother"). The mention stays someone else's (status OTHER): nothing is read back as this child's.

What stays as it was: a grown-up's signs (the policy says a child; "my brother" is the caller's), another child's
milder signs ("his sister is breathing fast", a fever), an episode that is over or long ago, a what-if. Which
words of a sign are the serious ones is the topic's (``any_child`` in topic.toml); who is another child is the
language's (``[callers]`` in language.toml).
"""

from __future__ import annotations

import re
from collections.abc import Collection, Sequence

from voicecare.domain import Status
from voicecare.understanding.callers import CallerWords
from voicecare.understanding.cues import Cue, Scene, clause_end, clause_start, past_tense

ADVERB_ENDING = "ly"
"""A capitalised word ending so opens a sentence as an adverb ("Suddenly he..."), not a name. English only: a
second language keeps its own names apart by the same test with another ending, or none."""

TOLD_REACH = 2
"""How many words before another child's sign its verb may stand ("his brother was | blue")."""
OVER_REACH = 12
"""How many words after another child's sign, into the next sentence, a word of it being over may stand ("sister
faint at school today. she ok now")."""


def serious(words: Sequence[str], positions: Collection[int], any_child: Collection[str]) -> bool:
    """True when the mention's words (at ``positions``) hold one of its sign's words that make it 911 for any child."""
    return any(words[i] in any_child for i in positions)


def happening_now(where: Scene, start: int, end: int, callers: CallerWords, *, event: bool = False) -> bool:
    """True when the mention at words[start:end], another child's sign, is so now.

    Its clause says so ("his sister just fainted", "is having a seizure", "still jerking"), or, for a sign that lasts,
    tells nothing in the past tense ("Max is not breathing", "won't wake up"). An event told plainly ("his brother
    had a seizure", "sister faint at school today") may be history, and one said to be over ("she's fine now") is.
    """
    rules = where.rules
    if any(c.trigger.resolves and end <= c.start <= end + OVER_REACH for c in where.cues):
        return False
    first = clause_start(where.words, where.breaks, rules, start)
    last = clause_end(where.words, where.breaks, rules, end)
    clause = range(first, max(last, end))
    if any(where.words[i] in callers.now_words for i in clause):
        return True
    if any(past_tense(where.words[i], rules) for i in range(max(first, start - TOLD_REACH), end)):
        return False
    return not event or any(where.words[i] in rules.elliptic_verbs for i in clause)


def named_child(where: Scene, start: int, heard: Sequence[str], text: str, callers: CallerWords) -> str:
    """The words naming another child whose cue governs the mention at ``start`` ("Max", "his little brother"),
    or "" when no cue of another child does (a grown-up, the caller's own brother, nobody)."""
    cue = _governing(where, start)
    if cue is None:
        return ""
    words = where.words
    first = cue.start
    while first > 0 and words[first - 1] in callers.young and first not in where.breaks:
        first -= 1
    owner = first - 1 if first > 0 and first not in where.breaks else None
    said = tuple(words[cue.start:cue.end])
    small = first < cue.start
    if said not in callers.other_children and not (
            len(said) == 1 and said[0] in callers.children_kin and (small or owner is None or words[owner] not in callers.own)):
        return ""
    # Their own name, said right after ("his little brother Max") or before with a comma ("Max, his twin").
    if cue.end < len(words) and cue.end not in where.breaks and _a_name(where, cue.end, heard, text):
        return heard[cue.end].capitalize()
    if owner is not None and owner >= 1 and where.breaks.get(owner) is False and _a_name(where, owner - 1, heard, text):
        return heard[owner - 1].capitalize()
    if owner is not None and (words[owner] in callers.own or words[owner] in where.rules.child_pronouns
                              or words[owner] in callers.introduced_owners):  # "the baby brother"
        first = owner
    said_back = [callers.yours if words[i] in callers.own and callers.yours else heard[i]
                 for i in range(first, cue.end)]
    return " ".join(said_back)


def named_other(where: Scene, start: int, heard: Sequence[str], text: str, everyday: Collection[str]) -> str:
    """The name of another child who is the subject of the mention at ``start``, or "" when the name may be this
    child's.

    "His back is sore. Max is having a seizure": the child was spoken of before by a pronoun or a noun ("his",
    "my toddler") or by another name ("Leo's back"), never as Max, so Max is another child (understand45, #7).
    A name said first ("Max is having a seizure, his back was sore"), or said before of the child ("Max's back
    is sore. Max is fitting"), may be this child's: the mention stays the child's, at its level (rule 4). A
    recogniser writes no capitals, so from speech no name is found and nothing changes.
    """
    words, rules = where.words, where.rules
    first = clause_start(words, where.breaks, rules, start)
    if first >= start or first == 0 or not _a_name(where, first, heard, text):
        return ""
    name = heard[first]
    if name.lower() in everyday or name.lower().endswith(ADVERB_ENDING) or words[first + 1] in rules.child_pronouns:
        return ""
    before = range(first)
    if any(heard[i].lower() == name.lower() for i in range(len(heard)) if i != first):
        return ""  # the name said again: "Max's back is sore. Max is fitting"
    spoken_of = any(words[i] in rules.child_pronouns or words[i] in rules.child_nouns
                    or _a_name(where, i, heard, text) for i in before)
    return name.capitalize() if spoken_of else ""


def _governing(where: Scene, start: int) -> Cue | None:
    """The nearest someone-else cue before ``start`` in its sentence (not the caregiver's own "I")."""
    before = [c for c in where.cues if c.trigger.status is Status.OTHER and not c.trigger.speaker and c.end <= start
              and not any(where.breaks.get(i, False) for i in range(c.end, start + 1))]
    return max(before, key=lambda c: c.end, default=None)


def _a_name(where: Scene, at: int, heard: Sequence[str], text: str) -> bool:
    """True when words[at] is a name: written with a capital in what was typed, and no small word of the language."""
    word = heard[at]
    rules = where.rules
    if not word.isalpha() or at in where.signs or word in rules.terminators or word in rules.subjects \
            or word in rules.child_nouns or word in rules.child_pronouns or word in rules.clauses.verbs \
            or where.words[at] in rules.subjects or where.words[at] in rules.clauses.verbs:
        return False
    return re.search(rf"(?<![\w']){re.escape(word.capitalize())}(?![\w])", text) is not None
