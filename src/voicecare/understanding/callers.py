"""Who is calling: when the person a "someone else" cue names is in fact the child, or the caller.

Context (``context.py``, its cues found by ``cues.py``) reads "my brother", "grandpa" as someone other than
the child, which keeps "her brother has a fever" and "my mum has back pain"
out of the triage. Two callers break that reading, and both are the child's
signs said by someone unexpected:

- an older child calling about a younger brother or sister ("my little brother
  woke up screaming holding his back and my parents are out"): the sibling is
  a child (said small, or the caller's own parents are named as someone else)
  and no other child is named, so the sibling is the patient;
- a caregiver calling about their own niece or nephew ("my niece fainted and her
  back hurts"): a child, and no other child is named, so the patient;
- a caregiver who names themself ("grandpa again, the cramp in her back
  won't let go", "this is nana", "I'm the mum, her lips are blue", "the father of
  the child here"): the kin word is the speaker, not the patient;
- someone at home calling for help ("my wife is calling 911", "her dad's ringing
  an ambulance"): the same alarm as the caregiver's own "I'm calling 911".

The words are the language's (``[callers]`` in ``language.toml``).
"""

from __future__ import annotations

from collections.abc import Collection, Sequence
from dataclasses import dataclass, replace

from voicecare.domain import Status
from voicecare.understanding.cues import Cue, Scene, clause_end


@dataclass(frozen=True)
class CallerWords:
    """A language's words for telling who is calling (``[callers]`` in ``language.toml``)."""

    own: frozenset[str] = frozenset()
    """The caller's own ("my", "our"): "my little brother" is the caller's sibling."""
    siblings: frozenset[str] = frozenset()
    """Brothers and sisters: a child the caller may be calling about."""
    young: frozenset[str] = frozenset()
    """Said before a sibling, they make the sibling a child ("my little sister", "my baby brother")."""
    parents: frozenset[str] = frozenset()
    """The caller's parents named as someone else ("my mom checked"): the caller is a child."""
    introduced_by: tuple[tuple[str, ...], ...] = ()
    """Said before a kin word at a clause's start, they make it the caller ("this is grandma")."""
    introduced_with: frozenset[str] = frozenset()
    """Said right after a kin word that opens the call, they make it the caller ("grandpa again", "nana here")."""
    introduced_owners: frozenset[str] = frozenset()
    """Said between an introduction and the kin word, they name whose kin the caller is ("I'm the mum", "this is
    his nan", "the father of the child here")."""
    clefts: frozenset[str] = frozenset()
    """Said right after the kin word, they make "it is ..." say who has the sign, not who calls ("it's the mum who
    has the fever")."""
    kin_children: frozenset[str] = frozenset()
    """Children of the caller's kin ("my niece", "my nephew"): a child the caller may be looking after."""
    own_child: frozenset[str] = frozenset()
    """Said alone, the caller's own child ("not mine, mine just has a stiff back"): another child named."""
    said_small: frozenset[str] = frozenset()
    """Said right before a word for a grown-up or a kin word, they make it a child ("the little fella", "my little
    mate", "wee man"), when no other child is named."""
    reassigned_by: tuple[tuple[str, ...], ...] = ()
    """Said after a correction and before someone else ("no sorry, it was his cousin"), they move the sign said
    before the correction to them."""
    sides: frozenset[str] = frozenset()
    """Which of a pair a part is ("left", "right"): said in a correction, they move a sign to the other side and
    restate no other sign ("his right leg, no wait, it's his left leg")."""
    calling: frozenset[str] = frozenset()
    """Verbs of calling for help ("calling", "rang"): someone at home doing it raises the caregiver's alarm."""
    called_for: frozenset[str] = frozenset()
    """Said after such a call and before someone else, the help is for them ("called an ambulance for her husband")."""
    siblings_of: frozenset[str] = frozenset()
    """Said before a sibling, they make it the sibling of someone named before ("my daughter says her brother"): of
    the caller's own child, a child of the caller too."""
    cleft_openers: tuple[tuple[str, ...], ...] = ()
    """Said before someone named and "that"/"who", they say who has the sign ("it was our Sean that passed out")."""
    rousers: frozenset[str] = frozenset()
    """Said before a word of waking, the caller is waking the child: a subject of theirs ("I", "we") or an attempt
    ("tried"). A "not" said after is how the child answered ("I woke him and he isn't talking"), no deed of their
    own."""
    other_children: tuple[tuple[str, ...], ...] = ()
    """Someone-else cues that name another child ("my other", "older son"): a sign of theirs that is "Call 911 now"
    whoever's child has it is an emergency for them (``another_child``)."""
    children_kin: frozenset[str] = frozenset()
    """Kin who are another child unless the caller's own alone ("his brother", "her wee cousin", "my little sister";
    "my brother" is the caller's, a grown-up)."""
    now_words: frozenset[str] = frozenset()
    """Said in the sentence of another child's sign told in the past tense, it is happening now ("just fainted")."""
    yours: str = ""
    """The caller's own word ("my") said back to them ("your older son")."""
    which_child: frozenset[str] = frozenset()
    """Said between an owner and a child's noun, they tell one child from another ("my other son", "my older
    boy"): two children named (``contrasted.denied_of_another_child``)."""


# What a sign of the child may still be once its someone-else cue is read as the child: "my niece fainted two
# weeks ago" is history, "what if my niece gets a fever" a what-if, whoever the child is (rule 9).
KEPT_FOR_THE_CHILD = frozenset({Status.PAST, Status.HYPOTHETICAL, Status.ABSENT})


def the_childs_cues(where: Scene, words: CallerWords) -> set[tuple[int, int]]:
    """The places of someone-else cues that name the child after all (a child sibling, a niece, "my wife's son",
    "the little fella") or the caller introducing themself ("grandpa again")."""
    return _child_siblings(where, words) | _kin_children(where, words) | _said_small(where, words) \
        | _their_child(where, words) | _introductions(where, words) | _own_childs_siblings(where, words)


def patients(where: Scene, mentions: Sequence[tuple[int, Status]], words: CallerWords,
             unframed: Sequence[Status] = ()) -> list[Status]:
    """The statuses of ``mentions`` (start, status), with the caller's child sibling and the caller themself
    read as who they are: a mention that is someone else's only because of such a cue is the child's.

    ``unframed`` are the statuses the mentions would have without those cues (``the_childs_cues``): a past, a
    what-if or a denial said with them stays so for the child ("my niece fainted two weeks ago" is past).
    Such a cue governs its own sentence only, as every cue does (a full stop ends it): in "Grandad speaking.
    Had a dizzy turn myself earlier." the turn is the caller's own (the "myself"), not made the child's by the
    introduction a sentence before.
    """
    callers = the_childs_cues(where, words)
    others = [c for c in where.cues if c.trigger.status is Status.OTHER]
    statuses = []
    for index, (start, status) in enumerate(mentions):
        before = [c for c in others if c.start < start
                  and not any(where.breaks.get(i, False) for i in range(c.end, start + 1))]
        governing = max(before, key=lambda c: c.end, default=None)
        if status is Status.OTHER and governing is not None and (governing.start, governing.end) in callers:
            kept = unframed[index] if index < len(unframed) else Status.PRESENT
            status = kept if kept in KEPT_FOR_THE_CHILD else Status.PRESENT
        statuses.append(status)
    return statuses


def reassigned(where: Scene, mentions: Sequence[tuple[int, int, Status]], words: CallerWords) -> list[Status]:
    """The statuses of ``mentions`` (start, end, status), with a sign the caregiver corrects as someone else's moved
    to them: "he fainted at the party, no sorry, it was his cousin who fainted" (rule 9: the later statement wins).

    Only the nearest sign before the correction, in its sentence, moves; a correction that names no one else
    moves nothing.
    """
    statuses = [status for *_, status in mentions]
    text = where.words
    for correction in (c for c in where.cues if c.trigger.takes_back):
        intro = next((len(w) for w in words.reassigned_by
                      if tuple(text[correction.end:correction.end + len(w)]) == w), None)
        if intro is None:
            continue
        after = correction.end + intro
        if not any(c.trigger.status is Status.OTHER and after <= c.start <= after + 1 for c in where.cues):
            continue
        before = [i for i, (_, end, status) in enumerate(mentions) if end <= correction.start
                  and status is Status.PRESENT
                  and not any(where.breaks.get(k, False) for k in range(end, correction.start + 1))]
        if before:
            nearest = max(before, key=lambda i: mentions[i][1])
            statuses[nearest] = Status.OTHER
    return statuses


def kept_after_correction(where: Scene, mentions: Sequence[tuple[int, int, Status]], words: CallerWords,
                          restating: Collection[int], owns: Sequence[Collection[str]] = ()) -> list[Status]:
    """The statuses of ``mentions`` (start, end, status), with a sign a correction took back kept when the
    correction only says where or how it was: "she fainted, no sorry, it was at her cousin's house" (rule 4).

    A correction ("no sorry", "no wait": a take-back of two words or more, said right after the sign) that goes
    on "it was ..." (``reassigned_by``) retracts the sign only when that clause says something in its place: a
    sign or a number (``restating``), a time ("it was since yesterday"), or someone else ("it was his cousin").
    A sign's own words or parts (``owns``, one per mention) said again are no other sign, nor is a side (``sides``):
    "pain in his right leg, no wait, it's his left leg" moves the pain to the other side and keeps it.
    """
    statuses = [status for *_, status in mentions]
    text, rules = where.words, where.rules
    for correction in (c for c in where.cues if c.trigger.takes_back and len(c.trigger.words) > 1):
        intro = next((len(w) for w in words.reassigned_by
                      if tuple(text[correction.end:correction.end + len(w)]) == w), None)
        if intro is None:
            continue
        stop = next((i for i in sorted(where.breaks) if i > correction.end), len(text))
        after = range(correction.end + intro, stop)
        if any(text[i] in rules.over_when or text[i] in rules.onsets for i in after) or any(
                c.trigger.status is Status.OTHER and c.start in after for c in where.cues):
            continue
        said = [text[i] for i in after if i in restating and text[i] not in words.sides]
        for i, (_, end, status) in enumerate(mentions):
            own = owns[i] if i < len(owns) else ()
            if status is Status.ABSENT and end <= correction.start and all(
                    text[k] in rules.answers for k in range(end, correction.start)) and all(w in own for w in said):
                statuses[i] = Status.PRESENT
    return statuses


ALARM_REACH = 4
"""Most words between someone named and their verb of calling ("my wife is on the phone to 911")."""


def alarm_scene(where: Scene, words: CallerWords) -> Scene:
    """``where`` for the caregiver's alarm, without the cues of someone at home who is the one calling for help.

    "My wife is calling 911", "her dad's ringing an ambulance": whoever makes the call, it is this household's
    alarm about this child (rule 10), as the caregiver's own "I'm calling 911" is. A call said to be for
    someone else ("my neighbour called an ambulance for her husband") or long ago stays theirs.
    """
    text = where.words

    def calls(cue: Cue) -> bool:
        if cue.trigger.status is not Status.OTHER or cue.trigger.speaker:
            return False
        stop = clause_end(text, where.breaks, where.rules, cue.end)
        verb = next((i for i in range(cue.end, min(stop, cue.end + ALARM_REACH + 1)) if text[i] in words.calling),
                    None)
        if verb is None:
            return False
        for_them = [i for i in range(verb + 1, stop) if text[i] in words.called_for]
        if any(c.trigger.status is Status.OTHER and any(i < c.start <= i + 2 for i in for_them) for c in where.cues):
            return False
        # A story told with a time long gone ("his dad rang 911 when he fell off his bike last year") is theirs.
        told_until = next((i for i in sorted(where.breaks) if i > verb), len(text))
        return not any(c.trigger.dated and verb < c.start < told_until for c in where.cues)

    return replace(where, cues=tuple(c for c in where.cues if not calls(c)))


def _child_siblings(where: Scene, words: CallerWords) -> set[tuple[int, int]]:
    """The places of cues naming the caller's own brother or sister when that sibling is the child.

    "my little brother", or "my sister" with "my mom" said too; never when another child is named
    ("my little brother has a cold and my son's back hurts" keeps the cold the brother's).
    """
    text = where.words
    found: set[tuple[int, int]] = set()
    for cue in where.cues:
        if cue.trigger.status is not Status.OTHER or cue.end - cue.start != 1 or text[cue.start] not in words.siblings:
            continue
        small = cue.start >= 2 and text[cue.start - 1] in words.young and text[cue.start - 2] in words.own
        plain = cue.start >= 1 and text[cue.start - 1] in words.own
        if not (small or plain):
            continue
        own_word = cue.start - 2 if small else cue.start - 1
        child_named = _child_named_outside(where, words, range(own_word, cue.end))
        if child_named or (not small and not _parents_named(where, words, cue)):
            continue
        found.add((cue.start, cue.end))
    return found


def _own_childs_siblings(where: Scene, words: CallerWords) -> set[tuple[int, int]]:
    """The places of cues naming the brother or sister of the caller's own child, named before in the sentence:
    "my daughter says her brother is breathing funny" is the caller's son, the child (understand41, #7). Never
    when another child is named besides the two ("my son says his sister's friend fainted" names no sibling
    right after "his"; "my daughter says her brother has a cold, my son's back hurts" keeps the cold his)."""
    text = where.words
    found: set[tuple[int, int]] = set()
    for cue in where.cues:
        if cue.trigger.status is not Status.OTHER or cue.end - cue.start != 1 or text[cue.start] not in words.siblings:
            continue
        owner = cue.start - 1 - (cue.start >= 2 and text[cue.start - 1] in words.young)
        if owner < 2 or text[owner] not in words.siblings_of:
            continue
        sentence = max((i for i, full in where.breaks.items() if full and i <= owner), default=0)
        reporter = next((i for i in range(owner - 1, max(sentence, 1) - 1, -1)
                         if text[i] in where.rules.child_nouns and text[i - 1] in words.own), None)
        if reporter is None or _child_named_outside(where, words, {reporter, *range(owner, cue.end)}):
            continue
        found.add((cue.start, cue.end))
    return found


def _kin_children(where: Scene, words: CallerWords) -> set[tuple[int, int]]:
    """The places of cues naming the caller's own niece or nephew when no other child is named.

    An aunt looking after her niece says "my niece fainted" (or, in a note, "nephew awake, HR 58"): the niece is
    the child. In "my nephew was rushed to hospital, my son is fine" the son is the child, and the nephew someone
    else.
    """
    text = where.words
    found: set[tuple[int, int]] = set()
    for cue in where.cues:
        if cue.trigger.status is not Status.OTHER or cue.end - cue.start != 1 or text[cue.start] not in words.kin_children:
            continue
        # "my nephew fainted", or the kin word opening a note with no owner at all ("nephew awake, resting HR 58").
        opens = cue.start == 0 or where.breaks.get(cue.start, False)
        if not (opens or (cue.start >= 1 and text[cue.start - 1] in words.own)):
            continue
        if _child_named_outside(where, words, range(cue.start - 1, cue.end)):
            continue
        found.add((cue.start, cue.end))
    return found


def _said_small(where: Scene, words: CallerWords) -> set[tuple[int, int]]:
    """The places of cues naming a grown-up's word said small ("the little fella", "my little mate", "young fella"):
    the child, when no other child is named ("my little cousin has a cold, my son's back hurts" keeps the cold the
    cousin's). A sibling said small is the caller's own (``_child_siblings``)."""
    text = where.words
    found: set[tuple[int, int]] = set()
    for cue in where.cues:
        if cue.trigger.status is not Status.OTHER or cue.trigger.speaker or not cue.start \
                or text[cue.start - 1] not in words.said_small or text[cue.start] in words.siblings:
            continue
        if _child_named_outside(where, words, range(cue.start - 2, cue.end)):
            continue
        found.add((cue.start, cue.end))
    return found


def _their_child(where: Scene, words: CallerWords) -> set[tuple[int, int]]:
    """The places of cues naming a grown-up whose child is named right after them: "my wife's son", "my brother's
    boy" (a stepchild, a child looked after) is the child when no other child is named. "The father of the child"
    (with "of") is the father, and "my wife's son has a fever and my daughter's back hurts" keeps the son theirs."""
    text = where.words
    found: set[tuple[int, int]] = set()
    for cue in where.cues:
        if cue.trigger.status is not Status.OTHER or cue.trigger.speaker or cue.end >= len(text) \
                or where.genders.get(cue.end - 1) is None or text[cue.end] not in where.rules.child_nouns \
                or cue.end in where.breaks:
            continue
        if _child_named_outside(where, words, range(cue.start - 1, cue.end + 1)):
            continue
        found.add((cue.start, cue.end))
    return found


def _child_named_outside(where: Scene, words: CallerWords, cue_words: Collection[int]) -> bool:
    """True when a child is named anywhere but at ``cue_words`` (the words of the cue that may itself be the child)."""
    return any(_names_a_child(where, words, i) for i in range(len(where.words)) if i not in cue_words)


def _names_a_child(where: Scene, words: CallerWords, index: int) -> bool:
    """True when words[index] names a child: a child noun; one that is also a word of youth ("small", "little") only
    after "the", "my" ... ("the small one"), not as a word of degree ("he has rigors small small")."""
    word, text = where.words[index], where.words
    if word in words.own_child:
        return True
    if word not in where.rules.child_nouns:
        return False
    return word not in words.young or (index > 0 and text[index - 1] in where.rules.kin_of)


def _parents_named(where: Scene, words: CallerWords, sibling: Cue) -> bool:
    """True when the caller names their own parents elsewhere ("my mom checked", "my parents are out")."""
    text = where.words
    return any(text[i] in words.parents and text[i - 1] in words.own
               for i in range(1, len(text)) if i != sibling.start)


def _introductions(where: Scene, words: CallerWords) -> set[tuple[int, int]]:
    """The places of someone-else cues that are the caller introducing themself.

    "grandpa again", "this is nana", "I'm the mum", "I am his nan", "the father of the child here": a kin word,
    maybe with whose it is ("the", "his"), after an introduction at a clause's start, or opening the clause and
    followed (maybe after "of the child") by a word such as "here".
    """
    text = where.words
    found: set[tuple[int, int]] = set()
    for cue in where.cues:
        if cue.trigger.status is not Status.OTHER or cue.trigger.speaker:
            continue
        lead = cue.start - 1 if cue.start and text[cue.start - 1] in words.introduced_owners else cue.start
        tail = _past_the_child(where, cue.end)
        opens_with = _opening(where, lead) and tail < len(text) and text[tail] in words.introduced_with
        cleft = cue.end < len(text) and text[cue.end] in words.clefts
        after_intro = not cleft and any(lead >= len(intro) and tuple(text[lead - len(intro):lead]) == intro
                          and _opening(where, lead - len(intro)) for intro in words.introduced_by)
        if opens_with or after_intro:
            found.add((cue.start, cue.end))
    return found


def _past_the_child(where: Scene, index: int) -> int:
    """Where the words after a kin word go on once "of the child" is passed ("the father of the child here")."""
    rules, text = where.rules, where.words
    at = index
    while at < len(text) and text[at] in rules.kin_of and at - index < len(rules.kin_of):
        at += 1
    return at + 1 if index < at < len(text) and text[at] in rules.child_nouns else index


def _opening(where: Scene, index: int) -> bool:
    """True at the start of the utterance or right after a break (the caller's first words)."""
    return index == 0 or index in where.breaks
