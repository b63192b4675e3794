"""Another child named mid-conversation: what is said of them is set aside, not counted for this child (rule 9).

The description names the child ("my daughter's back is in spasm"). Later, "my son Leo is here too, he's burning
up" was read as this child's fever: read alone, "my son" is the caregiver's child, and "he" after a name opens a new
clause (outside review 20). Once the conversation knows the child is a daughter, the caregiver's own child of the
other sex ("my son", "our little boy") or a child named as another ("my other", "the other kid") is someone else:
what is said of them, up to a word naming this child again ("she", "my daughter") or the end of the sentence, is set
aside, and the turn says so in a few words. What is said of "she"/"her" still counts.

Never at the cost of a 911 (rule 3 and the policy's "beyond the sheet"): when what was set aside is an emergency
read alone, nothing is set aside and the turn is answered as before. The words are the language's (child nouns and
genders in ``[context]``, owner and other-child words in ``[callers]``).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from voicecare.understanding.callers import CallerWords
from voicecare.understanding.cues import ContextWords

_WORD = re.compile(r"[^\W_]+(?:'[^\W_]+)*")
_SENTENCE_END = re.compile(r"[.!?;]")


@dataclass(frozen=True)
class Word:
    """A word of the turn as said, lowered, with where it stands in the text."""

    text: str
    start: int
    end: int

    @property
    def head(self) -> str:
        """The word before an apostrophe ("he's" -> "he", "son's" -> "son")."""
        return self.text.split("'", 1)[0]


@dataclass(frozen=True)
class Aside:
    """A turn with what was said of another child taken out."""

    kept: str
    """The rest of the turn, this child's (may be empty)."""
    theirs: str
    """What was said of the other child."""
    who: str
    """How they are named back to the caregiver ("your son")."""


def words(text: str) -> list[Word]:
    """The words of ``text`` with their places."""
    return [Word(m.group().lower(), m.start(), m.end()) for m in _WORD.finditer(text)]


def gender_of(word: str, context: ContextWords) -> str:
    """The gender ``word`` names ("she" -> "female"), or ""."""
    return next((gender for gender, named in context.genders.items() if word in named), "")


def childs_gender(text: str, context: ContextWords, callers: CallerWords) -> str:
    """The gender of the caregiver's own child named in ``text`` ("my daughter" -> "female"), or "" when no child
    with a gender is named as the caregiver's own."""
    said = words(text)
    for index in range(len(said)):
        gender = _own_child_gender(said, index, context, callers)
        if gender:
            return gender
    return ""


def _own_child_gender(said: list[Word], index: int, context: ContextWords, callers: CallerWords) -> str:
    """The gender of the child noun at ``index`` said as the caregiver's own ("my son", "our little girl")."""
    word = said[index].head
    gender = gender_of(word, context) if word in context.child_nouns else ""
    if not gender:
        return ""
    before = index - 1
    while before >= 0 and said[before].head in callers.young:
        before -= 1
    return gender if before >= 0 and said[before].head in callers.own else ""


def _other_named(said: list[Word], index: int, child: str, context: ContextWords,
                 callers: CallerWords) -> tuple[int, int] | None:
    """(first word, last word) of another child named at ``index``: the caregiver's own child of another gender than
    ``child``, or an other-child phrase ("my other", "the other kid"); None otherwise."""
    gender = _own_child_gender(said, index, context, callers)
    if gender and gender != child:
        first = index - 1
        while said[first].head not in callers.own:
            first -= 1
        return first, index
    for phrase in callers.other_children:
        if tuple(w.head for w in said[index:index + len(phrase)]) == phrase:
            last = index + len(phrase) - 1
            if last + 1 < len(said) and said[last + 1].head in context.child_nouns:
                last += 1
            return index, last
    return None


def set_aside(text: str, child: str, context: ContextWords, callers: CallerWords) -> Aside | None:
    """``text`` with what it says of another child taken out, when it names one (``child``: this child's gender);
    None when it names none.

    Their part runs to a word naming this child's gender ("... but she is fine"), or to the end of a sentence; a
    next sentence that names the other child's gender again is theirs too ("My son is here. He's burning up.")."""
    if not child:
        return None
    said = words(text)
    for index in range(len(said)):
        named = _other_named(said, index, child, context, callers)
        if named is None:
            continue
        first, last = named
        theirs_gender = gender_of(said[last].head, context)
        other = theirs_gender != child
        end, previous = len(text), said[last]
        for later in said[last + 1:]:
            if other and gender_of(later.head, context) == child:
                end = later.start
                break
            if _SENTENCE_END.search(text, previous.end, later.start) and not _theirs_next(
                    said, later, text, theirs_gender if other else "", context):
                end = later.start
                break
            previous = later
        owner = said[first].head
        who = " ".join([callers.yours if owner in callers.own and callers.yours else owner,
                        *(w.head for w in said[first + 1:last + 1])])
        kept = f"{text[:said[first].start]} {text[end:]}".strip()
        return Aside(kept, text[said[first].start:end].strip(), who)
    return None


def _theirs_next(said: list[Word], start: Word, text: str, theirs: str, context: ContextWords) -> bool:
    """True when the sentence opening at ``start`` names the other child's gender (``theirs``) again."""
    if not theirs:
        return False
    at = said.index(start)
    for word in said[at:]:
        if word is not start and _SENTENCE_END.search(text, start.start, word.start):
            return False
        if gender_of(word.head, context) == theirs:
            return True
    return False
