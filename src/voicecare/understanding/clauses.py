"""Where sentences likely end in text with no punctuation of its own (what a recogniser gives).

A recogniser writes "her brother had a fever last week she is not breathing
right" with no full stop, so the past cue would reach over the sentence
boundary to the child's breathing. These rules guess the boundaries a typist
would have written, as soft breaks for the scope rules in ``context``:

- a new subject and its verb after a clause that already has a verb
  ("... last week | she is not breathing"), unless a word that takes a clause
  ("if", "think", "and") runs into it;
- a yes/no question form answered at once ("does the pain wake him at night |
  no not at all | he sleeps ...");
- a discourse marker that opens a new thought ("okay so", "anyway").

The words are the language's (``clause_*`` keys in ``[context]`` of ``language.toml``).
Typed text keeps its own punctuation and is not touched.
"""

from __future__ import annotations

from collections.abc import Collection, Mapping, Sequence
from dataclasses import dataclass

# Words a clause needs before a new one can start after it: "my son he is" is one clause said twice.
_MIN_CLAUSE = 3
# How many words of a noun phrase may stand between an owner and its verb ("her lower back is").
_OWNER_REACH = 3
# How many words a person's noun phrase may take from a namer to the pronoun that names them again
# ("my cousin a grown man he").
_NAMER_REACH = 5


@dataclass(frozen=True)
class ClauseWords:
    """A language's words for guessing clause boundaries in unpunctuated text."""

    subjects: frozenset[str] = frozenset()
    """Pronouns that open a clause as its subject ("she", "we")."""
    owners: frozenset[str] = frozenset()
    """Possessive words that open a subject noun phrase ("my", "our", "his")."""
    verbs: frozenset[str] = frozenset()
    """Finite verbs that follow a subject ("is", "has", "keeps", "can")."""
    namers: frozenset[str] = frozenset()
    """Words before a person's noun that a subject pronoun right after names again: "my wife she has a fever"
    is one clause, said twice."""
    openers: frozenset[str] = frozenset()
    """Words after which a subject continues the clause they open ("if she", "think he", "and she")."""
    markers: tuple[tuple[str, ...], ...] = ()
    """Discourse markers that open a new thought ("okay so", "anyway")."""
    answers: frozenset[str] = frozenset()
    """Answer words said right after a question form ("no", "yes")."""
    tails: frozenset[str] = frozenset()
    """Words that may follow an answer said alone ("no just a sore back"); any other word makes it a
    denial of what follows ("no fever"), no answer."""
    manners: frozenset[str] = frozenset()
    """Words that carry a "no" answer on ("no not at all", "no barely"): no comma after the "no" before them."""
    asking: frozenset[str] = frozenset()
    """Verbs that open a yes/no question ("does", "is")."""
    past_suffix: str = ""
    """A verb ending in this counts as a verb of a complete clause ("fainted")."""


def unpunctuated(words: Sequence[str], breaks: Mapping[int, bool]) -> bool:
    """True when the text had no punctuation inside it (a closing mark alone does not count)."""
    return not any(0 < i < len(words) for i in breaks)


def spoken_breaks(words: Sequence[str], rules: ClauseWords, breaks: Mapping[int, bool] | None = None, *,
                  subjects: bool = True, known: Collection[str] = ()) -> dict[int, bool]:
    """``breaks`` with full stops added where a new sentence likely begins in unpunctuated ``words``.

    Answers and discourse markers end a sentence for every stage (a mention does not run
    over "wake him at night | no"); a new subject (``subjects``) only bounds the cues'
    scopes, as one sign may be told over two clauses ("vomiting and vomiting i cannot count").
    ``known`` are the language's words: any other word said twice is taken for a name.
    """
    out = dict(breaks or {})
    start = 0
    for i in range(1, len(words)):
        if i in out:
            start = i
        elif _answer_at(words, i, start, rules):
            out[i] = True
            start = i
            if i + 1 < len(words) and words[i + 1] not in rules.answers | rules.manners:
                # "does he have a fever | no, just a sore back": the answer is said alone; "no | she is fine".
                out[i + 1] = words[i + 1] in rules.subjects
        elif _marker_at(words, i, rules) or _answered(words, start, i, rules) \
                or (subjects and _new_subject_at(words, i, start, rules, known)):
            out[i] = True
            start = i
    return out


def subject_starts(words: Sequence[str], rules: ClauseWords) -> set[int]:
    """Where a subject pronoun and its verb open a clause of their own, after the first words.

    "he hasn't peed all day and | he is crying": a sign's own "not" ends with its clause, so a
    wider mention reaching over the new subject is not what that "not" says.
    """
    return {i for i in range(1, len(words) - 1) if words[i] in rules.subjects and words[i + 1] in rules.verbs}


def owner_starts(words: Sequence[str], rules: ClauseWords) -> set[int]:
    """Where an owner's noun phrase and its verb open a clause of their own, after the first words: "her knees
    hurt | her arms are fine" (the arms' statement, not one more word of the knees')."""
    return {i for i in range(1, len(words) - 2) if words[i] in rules.owners
            and any(w in rules.verbs for w in words[i + 2:i + 2 + _OWNER_REACH])}


def _marker_at(words: Sequence[str], i: int, rules: ClauseWords) -> bool:
    return any(tuple(words[i:i + len(m)]) == m for m in rules.markers)


def _has_verb(words: Sequence[str], start: int, end: int, rules: ClauseWords) -> bool:
    suffix = rules.past_suffix
    return any(w in rules.verbs or (bool(suffix) and w.endswith(suffix)) for w in words[start:end])


def _named_again(words: Sequence[str], i: int, start: int, rules: ClauseWords) -> bool:
    """True when the subject at words[i] names again a person just named after a namer, with no verb between.

    "my wife she has", "is my cousin a grown man he have pain": one person said twice, one clause.
    """
    first = max(start, i - _NAMER_REACH)
    namer = next((j for j in range(i - 2, first - 1, -1) if words[j] in rules.namers), None)
    return namer is not None and not _has_verb(words, namer + 1, i, rules)


def _new_subject_at(words: Sequence[str], i: int, start: int, rules: ClauseWords, known: Collection[str]) -> bool:
    """A subject and its verb after a complete clause: "... last week | she is not breathing".

    A name said again as a subject needs no verb before it: "calling for mia's mom from
    daycare | mia has been potty trained" (a word outside ``known``, said twice, is a name).
    """
    if i - start < _MIN_CLAUSE or words[i - 1] in rules.openers:
        return False
    if _named_again(words, i, start, rules):
        return False  # "... no fever my wife she has fever": the pronoun is the wife, said again
    word, verb_next = words[i], i + 1 < len(words) and words[i + 1] in rules.verbs
    if bool(known) and word not in known and word in words[start:i]:
        return verb_next
    if not _has_verb(words, start, i, rules):
        return False
    if word in rules.subjects:
        return verb_next
    if word in rules.owners:  # "our son is", "her lower back is"; not "from her nap | but he is"
        for later in words[i + 2:i + 2 + _OWNER_REACH]:
            if later in rules.verbs:
                return True
            if later in rules.openers or later in rules.subjects:
                return False
    return False


def _answer_at(words: Sequence[str], i: int, start: int, rules: ClauseWords) -> bool:
    """An answer word said alone right after a question form: "does the pain wake him at night | no"."""
    alone = i + 1 == len(words) or words[i + 1] in rules.answers | rules.manners | rules.subjects | rules.tails
    return words[i] in rules.answers and words[start] in rules.asking and i - start >= _MIN_CLAUSE and alone


def _answered(words: Sequence[str], start: int, i: int, rules: ClauseWords) -> bool:
    """A new subject after an answer that runs on: "... | no not at all | he sleeps right through"."""
    return start > 0 and words[start] in rules.answers and words[i] in rules.subjects
