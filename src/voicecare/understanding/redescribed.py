"""A sign denied in one word and said again in another: "her lips are not blue, they're grey" (rules 1, 2, 4).

The policy reads lips blue, grey or purple alike as trouble breathing. When the caregiver takes back one word
of a sign and puts another in its place ("not fast exactly, it's racing", "not blue but grey"), the denial
covers the word, not the sign: the sign is said. Which words say the sign is the matcher's to know, not a list
here: the mention is said again with the new word in the denied word's place and without its denial ("lips are
grey"), and when that says the same sign or a more serious one, the sign stands. A new word that says nothing of
the sort ("they're pink", "it's normal") leaves the denial as it was.
"""

from __future__ import annotations

from collections.abc import Callable, Collection, Iterator, Mapping, Sequence

REACH = 5
"""Most words after a denied mention where the word said in its place may stand ("not blue, more like a grey")."""
DENIAL_REACH = 2
"""Most words before the mention's last word where its "not" may stand ("not really fast")."""


def rewrites(heard: Sequence[str], words: Sequence[str], start: int, end: int, breaks: Mapping[int, bool],
             negations: Collection[str], stops: Collection[str],
             small: Collection[str]) -> Iterator[tuple[int, list[str]]]:
    """Each word said after the denied mention words[start:end], with the mention said again, undenied, with that
    word in the place of its last word and the rest of the word's sentence after it: (where the word is, the words
    said again). The rest keeps what explains the word ("not sleepy, tired from the park").

    The mention ends in a word its "not" denies, at most ``DENIAL_REACH`` words before ("lips are not blue", "not
    really fast"): "no trouble breathing, wide awake" denies a sign, not a word of it. The new word follows within
    ``REACH`` words, across a comma or a full stop ("Not blue. Grey."), before any of ``stops``: another denial ("not
    blue, not grey either"), a word that makes it less ("not racing, just a bit fast"), or one that goes on with
    the list denied ("her legs don't hurt or feel funny"). ``small`` words ("they", "more") are never the new word.
    """
    if end - start < 2 or not any(words[k] in negations for k in range(max(start, end - 1 - DENIAL_REACH), end - 1)):
        return  # the mention ends in the word its "not" denies ("lips are not blue"), not in a sign ("no fever")
    kept = [heard[k] for k in range(start, end) if words[k] not in negations]
    for k in range(end, min(len(words), end + REACH)):
        if words[k] in stops:
            return
        if words[k] in small:
            continue
        rest = next((i for i in range(k + 1, len(words)) if breaks.get(i, False)), len(words))
        yield k, [*kept[:-1], *heard[k:rest]]


def said_again(rewritten: Iterator[tuple[int, list[str]]], heard: Sequence[str],
               says: Callable[[str, str], bool]) -> int | None:
    """Where the first word stands that says the sign again, else None. ``says`` judges a rewritten mention and the
    new word: the sign must rest on it ("not blue, they're grey and she has a fever" says no more of the lips)."""
    return next((k for k, again in rewritten if says(" ".join(again), heard[k])), None)

