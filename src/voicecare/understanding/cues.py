"""A language's context cue words, and where they stand in an utterance.

The vocabulary of ``context``: each cue (``Trigger``) and its reach, read from
``[context]`` in ``language.toml``; the cues found in one utterance (``Scene``),
and where its clauses begin and end. Whether a cue covers a mention is
``context``'s to decide.
"""

from __future__ import annotations

from collections.abc import Collection, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from functools import cached_property

from voicecare.domain import Status
from voicecare.understanding.clauses import ClauseWords

OVER_WHEN_REACH = 3
"""Most words of when between a word of being over and the end of its clause ("stopped last night")."""


PICTURE_REACH = 4
"""How many words of a picture may stand between "like" and someone else's word ("like a little old fella")."""
QUOTE_REACH = 4
"""Most words from a verb of speaking to the caregiver's own words it quotes ("saying to me mummy my legs")."""
SPEAKER_REACH = 3
"""Most words from the child who speaks to the verb ("she has been saying", "the baby keeps crying")."""

@dataclass(frozen=True)
class Trigger:
    """A cue that changes the status of a nearby mention."""

    words: tuple[str, ...]
    status: Status
    before: bool = True
    """True when the cue may come before the mention ("no fever")."""
    after: bool = False
    """True when the cue may follow the mention ("the fever is gone")."""
    clausal: bool = False
    """True when the cue governs a whole clause, subject included ("what if he ...")."""
    uncertain: bool = False
    """True for hedges: the mention still counts (policy rule 10)."""
    recurs: bool = False
    """True for "it's back": the symptom is here again, past or not."""
    crosses: bool = False
    """True for "it came back": the sign itself is the subject, so it reaches back over ``recur_stops`` ("but")."""
    @property
    def takes_back(self) -> bool:
        """True for a later denial of what was just said ("no sorry", "... but she doesn't")."""
        return self.status is Status.ABSENT and not self.before and (self.ellipsis or self.reach == 0)

    ellipsis: bool = False
    """True for a clause-final denial that points back ("I thought she had a fever, but she
    doesn't"): it reaches back over "but" and counts only where its clause ends."""
    reach: int | None = None
    """How many words this cue reaches, when not the language's scope: 0 for "no sorry", which
    takes back only the mention said right before it."""
    speaker: bool = False
    """True for the caregiver speaking of themself ("I am", "I feel"): a worry or doubt about
    the child in the same breath ("I'm worried", "I'm not sure whether") outranks it."""
    opens: bool = False
    """True for a cue that is one only where a clause begins: "say he gets a fever" is a
    what-if, "my mum say he is hot" is not."""
    resolves: bool = False
    """True for "she's fine now": it makes over only a sign said in the past tense ("she was
    hard to wake this morning, but she's fine now"); one said in the present stays ("she's
    hard to wake but fine now" is a contradiction, and doubt escalates)."""
    since_when: bool = False
    """True for "none since": a cue only when a word of when (``over_when``) stands between the mention and it ("a
    temperature on Tuesday, none since" is over); "bunged up, nothing since Tuesday" and "one wet nappy, none since"
    are the sign itself."""
    dated: bool = False
    """True for a time long gone ("last week", "two weeks ago"): only such a cue puts a sign that
    is an event (a faint, a seizure) in the past. "She passed out, she's fine now" is a faint today."""
    events_only: bool = False
    """True for a cue that speaks only of signs that are events: "fainted yesterday, fine now" is history, but
    "worse than yesterday" says nothing of the pain being over."""
    statement: bool = False
    """True for a denial of the whole statement after it ("it's not that he can't breathe, he's just
    stuffy"): it denies even a sign whose own "not" is the sign (rule 2 protects the sign's words, not a
    statement the caregiver says is not so)."""


def by_length(triggers: Iterable[Trigger]) -> tuple[Trigger, ...]:
    """Longest first: a longer cue wins over a shorter one at the same place.

    So "not sure if" is a hedge, not a negation, and "since last week" is not the past.
    """
    return tuple(sorted(triggers, key=lambda t: -len(t.words)))


@dataclass(frozen=True)
class ContextWords:
    """A language's cue words and how far they reach (``[context]`` in ``language.toml``)."""

    triggers: tuple[Trigger, ...] = ()
    """Every cue, longest first (see ``by_length``)."""
    pre_scope: int = 6
    """How many tokens a trigger before a mention reaches."""
    post_scope: int = 3
    """How many tokens a trigger after a mention reaches ("the fever went away")."""
    recur_extra: int = 3
    """How much further than other cues "it's back" reaches."""
    terminators: frozenset[str] = frozenset()
    """Words that end the reach of a trigger: a new thought begins."""
    subjects: frozenset[str] = frozenset()
    """A new subject ends the reach of a trigger that only covers a noun phrase."""
    recur_stops: frozenset[str] = frozenset()
    """The only words that end the longer reach of "it's back"."""
    answers: frozenset[str] = frozenset()
    """Denials that answer a question just asked: "Fever? No." denies the fever across the question mark."""
    child_nouns: frozenset[str] = frozenset()
    """The child named as a noun ("the baby"): ends someone else's cue unless it is the cue's own noun."""
    strangers: frozenset[str] = frozenset()
    """Said right before a child noun, they make it some child, not this one ("on the telly a kid stopped
    breathing"): it does not end someone else's story."""
    child_pronouns: frozenset[str] = frozenset()
    """Words that may point at the child ("he", "him"): with none of them and no child noun, a
    sign someone else has stays theirs when it is named again ("my husband threw his back
    out - what is the best mattress for back pain?")."""
    list_joiners: frozenset[str] = frozenset()
    """Terminators that do not end someone else's cue once it covers a sign: their "chills and a
    fever" are both theirs, but in "scared by the dog and wheezing" the wheezing is the child's."""
    denial_joiners: frozenset[str] = frozenset()
    """Words that make a denial a list reaching past one sign to the next: "no fever, chills or cough"."""
    list_closers: frozenset[str] = frozenset()
    """Said right after such a joiner, they close the denial's list ("not blue or anything, back spasm")."""
    reporting: frozenset[str] = frozenset()
    """Verbs of telling that end someone else's cue: "the babysitter noticed a fever" is the child's."""
    who_words: frozenset[str] = frozenset()
    """Said right after someone else ("my wife that's hurting"), they make them the one with a complaint: a pronoun
    of their gender after a comma still names them."""
    quote_openers: frozenset[str] = frozenset()
    """What may stand between a verb of speaking and the words it quotes: whom the child calls on ("mummy")."""
    crying: frozenset[str] = frozenset()
    """Verbs of crying out: like ``quoting``, with whom the child calls on between ("crying mummy my legs")."""
    quoting: frozenset[str] = frozenset()
    """Verbs of speaking: said by the child before the caregiver's own words ("she keeps saying mummy my legs
    hurt"), those words are the child's, and so is the sign."""
    belongings: frozenset[str] = frozenset()
    """Places and things of someone else ("on her mum's lap"): said right after them, the person is no subject."""
    likenesses: frozenset[str] = frozenset()
    """Words of a picture ("like"): with a word of ``picture_words`` between it and someone else's word, that someone is
    only a picture ("her heart is going like a little bird", "walking like a little old fella"), no one with a sign."""
    picture_words: frozenset[str] = frozenset()
    """What a picture is said with ("little", "old", "wet"); "like mum said" is no picture."""
    modals: frozenset[str] = frozenset()
    """After these, "not" is part of the symptom ("can't get air"), not a denial."""
    pure_what_ifs: frozenset[tuple[str, ...]] = frozenset()
    """What-if cues that stay what-ifs before a verb in the past ("what if he passed out")."""
    present_states: frozenset[str] = frozenset()
    """Verbs of a state that is so now ("has", "does"): a what-if said with one asks about now, as with "is"."""
    worries: frozenset[tuple[str, ...]] = frozenset()
    """What-if cues that are a worry about now, said with one of ``present_states`` ("should I worry if")."""
    changes: frozenset[str] = frozenset()
    """Words of a change to come ("start", "ever"): a what-if said with one stays a what-if."""
    past_words: frozenset[str] = frozenset()
    """Verbs in the past tense that the suffix rule does not catch ("fell")."""
    past_suffix: str = ""
    past_min_length: int = 4
    """A word must be longer than this for its suffix to mark the past ("fainted", not "red")."""
    elliptic_verbs: frozenset[str] = frozenset()
    """After a subject, one of these then a closing "not" stands for what was said of the child
    before ("she was breathing fine but now she isn't" = she is not breathing fine)."""
    reaffirming_verbs: frozenset[str] = frozenset()
    """After a turn and a subject, one of these closing the clause stands for what the same subject was said not to
    do or be before ("she didn't have a fever but now she does")."""
    reaffirming_hedges: frozenset[str] = frozenset()
    """Words of a near miss that may stand between that subject and verb ("she hasn't fainted but she almost did"):
    the predicate is written out after them, hedged, as "she almost fainted" is."""
    episode_openers: frozenset[str] = frozenset()
    """Words that open a clause of when a sign happened ("when he had croup"): a time in the past after that clause
    is the sign's time too (``context.EPISODE_REACH``)."""
    then_words: frozenset[str] = frozenset()
    """Words of when that end the predicate such a verb repeats ("before", "at lunch")."""
    over_when: frozenset[str] = frozenset()
    """Words of when, which may follow a word of a sign being over before its clause ends ("the fever broke
    yesterday", "it stopped this morning")."""
    done_badly: frozenset[str] = frozenset()
    """Words of manner that make a "not" said with a deed a deed done badly, not undone: "can't walk properly" is
    walking badly, "can't walk" is not walking at all (``triage``'s not done)."""
    when_leads: frozenset[str] = frozenset()
    """Words of ``over_when`` that tell a time only before another of them ("on Monday", "this morning"): alone,
    "on" or "this" in words not understood is no time told (``conversation.episodes``)."""
    onsets: frozenset[str] = frozenset()
    """Words that make a time said after a sign its start, not its end: "breathing fast since two
    days ago", "his back started hurting three days ago" lasts until now."""
    span_owners: frozenset[str] = frozenset()
    """Places, doings, medicines and other illnesses a span of time may be said of: in a clause naming one and
    nothing of the sign, the span is theirs ("not been to nursery for four days")."""
    span_reasons: frozenset[str] = frozenset()
    """Words opening a reason: said after such a span, the reason's clause may name the sign ("off nursery for a
    week because his back hurts")."""
    lasting: frozenset[str] = frozenset()
    """Verbs of a state going on ("has now persisted for three days", "lasted"): no deed a span could be said of."""
    asking_verbs: frozenset[str] = frozenset()
    """Verbs that open a yes/no question ("can you wake her?", "is she breathing?")."""
    asking_subjects: frozenset[str] = frozenset()
    """Subjects such a question asks about, right after its verb ("you", "he")."""
    denied_answers: frozenset[str] = frozenset()
    """Words that say no to the question just asked when said alone ("no", "nope"): "no chills" is no answer."""
    denied_manners: frozenset[str] = frozenset()
    """Words opening an answer that says no however it goes on ("not easily", "barely")."""
    unsure_answers: frozenset[str] = frozenset()
    """Whole answers that doubt ("I can't tell", "not sure"): "is she breathing? I can't tell" is "I can't
    tell if she is breathing", which counts (rule 10)."""
    doubt_word: str = ""
    """The word that joins such a doubt to the question it answers ("if")."""
    denial_word: str = ""
    """The word written into such a question to deny it ("not"); empty: questions are left as said."""
    clauses: ClauseWords = field(default_factory=ClauseWords)
    """Words for guessing where sentences end in text without punctuation (``clauses``)."""
    continuations: tuple[tuple[str, ...], ...] = ()
    """Said after "and it", they say the verb in progress before goes on ("will not stop", "keeps going")."""
    continuation_subjects: frozenset[str] = frozenset()
    """The pronouns such a continuation is said of ("it")."""
    continued_as: tuple[str, ...] = ()
    """How a continuation is written out, before its verb ("will not stop" bleeding)."""
    progressive: str = ""
    """The ending of a verb in progress ("ing")."""
    resumed_turns: frozenset[str] = frozenset()
    """Words that turn to how things are now ("now"): "her breathing was fine this morning but now she's grunting"
    says the grunting of the breathing (``ellipsis.resumed``)."""
    well_words: frozenset[str] = frozenset()
    """Words that say a part or function was all right before such a turn ("fine", "normal")."""
    well_manners: frozenset[str] = frozenset()
    """Words that may stand between such a part and its word of being well ("was perfectly fine")."""
    ongoing: frozenset[str] = frozenset()
    """Words that say a sign is so until now ("still"): said after its time gone by, with a word of now after them
    or closing their clause, the time is when it began ("purple-ish a while ago and still kind of dark now")."""
    ongoing_now: frozenset[str] = frozenset()
    """Words of now that close such a clause ("now", "today")."""
    comparisons: frozenset[str] = frozenset()
    """Words right before a time gone by that make it a comparison ("worse than last week"), no past."""
    compared: frozenset[str] = frozenset()
    """Words that may stand between a comparison and its time gone by ("lighter than she was a month ago")."""
    counter_denials: frozenset[str] = frozenset()
    """Words inside a denied mention that deny it again, so that the two assert it ("can't pee without crying")."""
    in_passing: frozenset[tuple[str, ...]] = frozenset()
    """Cues of no denial said in passing ("just", "only"): between someone else and their sign they end nobody's
    story ("my husband just fainted" is his; before, "just" made it the child's faint, a false 911)."""
    kin_of: tuple[str, ...] = ()
    """Words between someone named and a child noun that make the child theirs ("the father of the child"):
    the first of them opens such words ("of")."""
    rewarmed: tuple[tuple[str, ...], ...] = ()
    """Words of being warm again ("warm now"): after a word of ``chilled``, the cold is over, no fever."""
    chilled: frozenset[str] = frozenset()
    """Words of being cold ("shivering", "cold") that being warm again may follow."""
    genders: Mapping[str, frozenset[str]] = field(default_factory=dict, hash=False)
    """Words as said (before pronoun folding) that name someone of one gender, by gender ("female": "she",
    "sister", "daughter"): "my wife, she has a fever" is the wife's fever, "my wife has a fever and he is
    shivering" the child's shivering."""
    object_pronouns: frozenset[str] = frozenset()
    """Pronouns as said (before folding) that are only ever the object of a deed ("him", "them"), never whose
    something is: "my wife can't get him to wake up" is done to the child, not the wife's."""
    object_forms: frozenset[str] = frozenset()
    """Pronouns as said that may be an object ("him", "her", "them"; not "he", not "himself")."""
    object_after: frozenset[str] = frozenset()
    """Words that, said right after a pronoun, make it an object ("get her to wake", "wake her up")."""


    @cached_property
    def by_first_word(self) -> dict[str, tuple[tuple[int, Trigger], ...]]:
        """Each trigger with its rank in ``triggers``, by its first word (built once, on first use)."""
        index: dict[str, list[tuple[int, Trigger]]] = {}
        for rank, trigger in enumerate(self.triggers):
            index.setdefault(trigger.words[0], []).append((rank, trigger))
        return {word: tuple(found) for word, found in index.items()}




@dataclass(frozen=True)
class Cue:
    """A trigger found in an utterance."""

    trigger: Trigger
    start: int
    end: int


@dataclass(frozen=True)
class Scene:
    """An utterance ready for context decisions: words, punctuation and cues."""

    words: tuple[str, ...]
    breaks: Mapping[int, bool] = field(hash=False)
    """Token index -> True for a full stop before it, False for a comma."""
    cues: tuple[Cue, ...]
    rules: ContextWords
    """The language's cue words and reaches."""
    signs: frozenset[int] = frozenset()
    """Positions of words about any sign ("temperature"): a clause that names one is about it."""
    genders: Mapping[int, str] = field(default_factory=dict, hash=False)
    """Position -> gender of the words said that name someone of one gender (see ``ContextWords.genders``)."""
    objects: frozenset[int] = frozenset()
    """Positions of pronouns said as the object of a deed (``ContextWords.object_pronouns``)."""
    object_forms: frozenset[int] = frozenset()
    """Positions of pronouns said in a form that may be an object (``ContextWords.object_forms``)."""


def scene(words: Sequence[str], breaks: Mapping[int, bool], rules: ContextWords, signs: Collection[int] = (),
          heard: Sequence[str] = ()) -> Scene:
    """Find the cues of an utterance once; every mention in it is then judged cheaply.

    ``heard`` are the words as said, one for each of ``words`` (their pronouns unfolded), for their genders.
    """
    genders = {i: gender for i, word in enumerate(heard) for gender, named in rules.genders.items() if word in named}
    objects = frozenset(i for i, word in enumerate(heard) if word in rules.object_pronouns)
    forms = frozenset(i for i, word in enumerate(heard) if word in rules.object_forms)
    return Scene(tuple(words), dict(breaks), find_cues(words, rules, breaks), rules, frozenset(signs), genders,
                 objects, forms)


def find_cues(words: Sequence[str], rules: ContextWords, breaks: Mapping[int, bool] | None = None) -> tuple[Cue, ...]:
    """Every trigger in the utterance, longest first at each position, without overlaps.

    Triggers are looked up by their first word, then taken in the order of
    ``rules.triggers`` (longest first) and by position, as if each trigger in
    turn claimed its places: the same result as trying every trigger everywhere.
    An ``ellipsis`` cue counts only where its clause ends, so it never takes the
    "not" of "he is not breathing hard".
    """
    ends = breaks or {}
    found = sorted(
        (rank, start, trigger)
        for start, word in enumerate(words)
        for rank, trigger in rules.by_first_word.get(word, ())
        if tuple(words[start:start + len(trigger.words)]) == trigger.words
        and (not trigger.ellipsis or trigger.resolves or _clause_ends(words, ends, rules, _past_when(
            words, rules, start + len(trigger.words), trigger.status)))
        and (not trigger.opens or _clause_starts(words, ends, rules, start))
        and not any(i in ends for i in range(start + 1, start + len(trigger.words)))  # "with it, back's tight"
    )
    taken: set[int] = set()
    cues: list[Cue] = []
    for _, start, trigger in found:
        span = range(start, start + len(trigger.words))
        if not taken.intersection(span):
            cues.append(Cue(trigger, start, span.stop))
            taken.update(span)
    # "sitting on her mum's lap, heart rate 176": a place of theirs, where the child is, says nothing of them.
    # "my sister's name is amy and she has a fever" introduces them: a verb after their thing keeps them the subject.
    cues = [c for c in cues if not (c.trigger.status is Status.OTHER and c.end < len(words)
                                    and words[c.end] in rules.belongings
                                    and not (c.end + 1 < len(words) and words[c.end + 1] in rules.clauses.verbs))]
    cues = [c for c in cues if not _object_of_the_childs(words, ends, rules, c) and not _a_picture(words, rules, c)]
    cues = _unquoted(cues, words, ends, rules)
    return _unretracted(sorted(cues, key=lambda c: c.start), words, rules)


def _unquoted(cues: Sequence[Cue], words: Sequence[str], breaks: Mapping[int, bool], rules: ContextWords) -> list[Cue]:
    """The cues without the caregiver's own words that the child says, nor whom the child says them to: in "beta
    is saying papa my arms are paining", "he told me my back hurts" the child speaks, and the sign is the child's."""
    dropped: set[Cue] = set()
    for cue in cues:
        verb = _quoting_verb(words, breaks, rules, cue)
        if verb is not None and not _someone_else_speaks(cues, words, breaks, rules, verb):
            dropped.add(cue)  # "papa" before "my arms" is who the child speaks to
            dropped.update(c for c in cues if c.trigger.status is Status.OTHER and verb < c.start and c.end <= cue.start)
    return [c for c in cues if c not in dropped]


def _someone_else_speaks(cues: Sequence[Cue], words: Sequence[str], breaks: Mapping[int, bool], rules: ContextWords,
                         verb: int) -> bool:
    """True when someone else is named before the verb in its sentence, with no child noun after them: in "my
    husband came in, he says my heart is racing" the "he" who speaks may be the husband."""
    begins = max((i for i, full in breaks.items() if full and i <= verb), default=0)
    return any(c.trigger.status is Status.OTHER and not c.trigger.speaker and begins <= c.start and c.end <= verb
               and not any(words[i] in rules.child_nouns for i in range(c.end, verb)) for c in cues)


def _quoting_verb(words: Sequence[str], breaks: Mapping[int, bool], rules: ContextWords, cue: Cue) -> int | None:
    """Where the child is said to speak the caregiver's own words of ``cue`` ("she keeps saying mummy my legs"),
    or None."""
    if not cue.trigger.speaker:
        return None
    # What is quoted may open a sentence of its own ("she keeps saying. mummy my legs hurt" as a recogniser's
    # text is cut); the child who speaks is in the verb's.
    for verb in range(max(0, cue.start - QUOTE_REACH), cue.start):
        begins = max((i for i, full in breaks.items() if full and i <= verb), default=0)
        # Only whom the child calls on stands between ("saying to me mummy my legs"): in "he was crying and I
        # nearly fainted" the "and I" is the caregiver's own clause.
        between = range(verb + 1, cue.start)
        # A cry quotes only with whom the child calls on: "he's crying, I nearly fainted" is the caregiver's.
        speaks = words[verb] in rules.quoting or (words[verb] in rules.crying and len(between) > 0)
        if speaks and all(words[i] in rules.quote_openers for i in between) \
                and any(words[i] in rules.child_pronouns or words[i] in rules.child_nouns
                        for i in range(max(begins, verb - SPEAKER_REACH), verb)):
            return verb
    return None


def _a_picture(words: Sequence[str], rules: ContextWords, cue: Cue) -> bool:
    """True for someone else's word said as a picture: "like a little bird", "walking like an old man"."""
    if cue.trigger.status is not Status.OTHER or cue.trigger.speaker:
        return False
    for i in range(cue.start - 1, max(-1, cue.start - 1 - PICTURE_REACH), -1):
        if words[i] in rules.likenesses:
            return i < cue.start - 1
        if words[i] not in rules.picture_words:
            return False
    return False


def _object_of_the_childs(words: Sequence[str], breaks: Mapping[int, bool], rules: ContextWords, cue: Cue) -> bool:
    """True when someone else is named after the verb of a clause the child is the subject of, and the clause
    goes on with no subject of theirs: "he was with his grandma and fainted", "she fell off her brother's bike
    and can't move her legs" are the child's deeds (who was with whom is no owner of what followed).

    Said with a verb of their own ("... his sister has a fever"), a relative ("his cousin who has a fever"), a
    comma, or a subject after the joiner ("with his grandma and she fainted": maybe her), they stay the subject.
    """
    if cue.trigger.status is not Status.OTHER or cue.trigger.speaker or cue.end >= len(words) or cue.end in breaks:
        return False
    first = clause_start(words, breaks, rules, cue.start)
    clauses = rules.clauses
    if not childs_clause(words, breaks, rules, cue.start):
        return False
    if not any(w in clauses.verbs or past_tense(w, rules) for w in words[first + 1:cue.start]):
        return False
    after = words[cue.end]

    def says_of_them(word: str) -> bool:  # a verb, a relative or a subject: a clause about them
        return word in clauses.verbs or past_tense(word, rules) or word in clauses.openers or word in clauses.subjects

    if after in rules.list_joiners:
        return cue.end + 1 < len(words) and cue.end + 1 not in breaks and words[cue.end + 1] not in clauses.subjects
    return not says_of_them(after)


def _unretracted(cues: Sequence[Cue], words: Sequence[str], rules: ContextWords) -> tuple[Cue, ...]:
    """The cues left when a correction right after a cue takes the cue back.

    In "the fever's gone - no, scratch that, 102" the caregiver takes back
    "gone", not the fever: the later statement wins (policy rule 9). Only a
    bare "no" may stand between the cue and the correction.
    """
    kept = []
    for index, cue in enumerate(cues):
        later = [c for c in cues[index + 1:] if " ".join(c.trigger.words) not in rules.answers]
        taken_back = bool(later) and later[0].trigger.takes_back and not cue.trigger.takes_back and all(
            words[i] in rules.answers for i in range(cue.end, later[0].start))
        if not taken_back:
            kept.append(cue)
    return tuple(kept)


def _past_when(words: Sequence[str], rules: ContextWords, index: int, status: Status) -> int:
    """The index past the words of when after a word of being over ("broke | yesterday |,"), else ``index``."""
    if status is not Status.PAST:
        return index
    end = index
    while end < len(words) and end - index < OVER_WHEN_REACH and words[end] in rules.over_when:
        end += 1
    return end


def _clause_ends(words: Sequence[str], breaks: Mapping[int, bool], rules: ContextWords, index: int) -> bool:
    """True when a clause ends before words[index]: the end, a break or a terminator."""
    return index >= len(words) or index in breaks or words[index] in rules.terminators


def _clause_starts(words: Sequence[str], breaks: Mapping[int, bool], rules: ContextWords, index: int) -> bool:
    """True when a clause begins at words[index]: the start, after a break or after a terminator ("so say he")."""
    return index == 0 or index in breaks or words[index - 1] in rules.terminators


def childs_clause(words: Sequence[str], breaks: Mapping[int, bool], rules: ContextWords, index: int) -> bool:
    """True when the clause holding words[index] opens with the child as its subject ("she screams ...")."""
    word = words[clause_start(words, breaks, rules, index)]
    return word in rules.child_pronouns and word in rules.clauses.subjects


def past_tense(word: str, rules: ContextWords) -> bool:
    """True for a verb in the past tense ("fainted", "fell")."""
    suffix = rules.past_suffix
    return word in rules.past_words or (bool(suffix) and word.endswith(suffix) and len(word) > rules.past_min_length)


def clause_end(words: Sequence[str], breaks: Mapping[int, bool], rules: ContextWords, index: int) -> int:
    """The index just past the clause running on at words[index] (a break, a terminator or the end)."""
    while not _clause_ends(words, breaks, rules, index):
        index += 1
    return index


def clause_start(words: Sequence[str], breaks: Mapping[int, bool], rules: ContextWords, index: int) -> int:
    """The index where the clause holding words[index] begins."""
    while not _clause_starts(words, breaks, rules, index):
        index -= 1
    return index
