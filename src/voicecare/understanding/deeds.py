"""Whose deed a sign is: someone else named as the subject who does something to the child ("can't wake him").

Used by ``context``: a cue naming someone other than the child does not make a sign theirs when the child is the
object of their deed ("me and my wife can't get him to wake up"), and someone else's deeds joined by "and" with
no new subject stay theirs ("my husband's exhausted and keeps nodding off").
"""

from __future__ import annotations

from voicecare.domain import Status
from voicecare.understanding.cues import Cue, Scene, past_tense

OF_REACH = 2
"""How many words ("the", "my") may stand between a sign and a child noun that is its object ("wake the baby")."""


def a_verb(where: Scene, index: int) -> bool:
    """True when words[index] is a verb that follows its subject ("is", "can", "keeps", "tried")."""
    if index >= len(where.words):
        return False
    rules, word = where.rules, where.words[index]
    return word in rules.clauses.verbs or word in rules.modals or past_tense(word, rules)


def an_object(where: Scene, index: int) -> bool:
    """True when the pronoun at words[index] is said as the object of a deed: "him", "them" (only ever objects), or
    "her" followed by a word only an object takes ("carrying her up"), a joiner ("holding her and") or the clause's
    end ("lifting her."); not "her back", whose owner it names."""
    words, rules = where.words, where.rules
    if index in where.objects:
        return True
    if index not in where.object_forms:
        return False
    after = index + 1
    return after >= len(words) or after in where.breaks or words[after] in rules.terminators \
        or words[after] in rules.object_after or words[after] in rules.list_joiners


def done_to_the_child(where: Scene, cue: Cue, start: int, end: int) -> bool:
    """True when someone else (or the caregiver: "we both tried and can't wake him") named before the mention does
    its deed to the child, named in it as the object.

    "Me and my wife can't get him to wake up", "his dad couldn't wake her up", "the nanny can't wake the baby": a
    pronoun of an object's form ("him", "her"; not "he", not "himself") inside the mention or right after it that
    is only ever an object ("him"), or is followed by words only
    an object takes ("get her to", "wake her from") or by the clause's end, or is of another gender than theirs,
    is not them (no one is the object of their own deed); nor is a child noun right after the mention that no
    verb follows. Their own "my dad can't feel his legs", "my wife can't get her breath" stay theirs.
    """
    if cue.trigger.status is not Status.OTHER or cue.end > start or cue.end >= len(where.words):
        return False
    rules, words = where.rules, where.words
    # They are the subject, a verb right after them ("my wife can't", "the nanny tried"), and the mention is that
    # verb's: not "my husband's back is killing him" (his back's deed), nor a sign of theirs said first.
    if not a_verb(where, cue.end) or any(i in where.signs for i in range(cue.end, start)):
        return False
    theirs = where.genders.get(cue.end - 1)

    def ends_clause(i: int) -> bool:
        return i >= len(words) or i in where.breaks or words[i] in rules.terminators

    def object_of_the_deed(i: int) -> bool:
        gender = where.genders.get(i)
        return i in where.objects or ends_clause(i + 1) or (i + 1 < len(words) and words[i + 1] in rules.object_after) \
            or (theirs is not None and gender is not None and gender != theirs)

    if any(i in where.object_forms and object_of_the_deed(i) for i in range(start + 1, min(end + 1, len(words)))
           if not (i == end and i in where.breaks)):
        return True
    noun = next((i for i in range(end, min(end + OF_REACH + 1, len(words))) if words[i] not in rules.kin_of), None)
    if noun is None or words[noun] not in rules.child_nouns or any(i in where.breaks for i in range(end, noun + 1)):
        return False
    after = next((i for i in range(noun + 1, len(words)) if words[i] not in rules.child_nouns), len(words))
    return after >= len(words) or words[after] not in rules.clauses.verbs
