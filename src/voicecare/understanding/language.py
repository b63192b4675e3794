"""A language's words, read once from ``intents/<code>/language.toml`` and frozen.

The algorithms (text, context, matching, dialog, lm, render) know how to use
words; this says which words. Loading checks every key and reports problems
as ``file: key: what is wrong``.
"""

from __future__ import annotations

import tomllib
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from voicecare.domain import Level, Status
from voicecare.errors import IntentError
from voicecare.understanding.callers import CallerWords
from voicecare.understanding.clauses import ClauseWords
from voicecare.understanding.cues import ContextWords, Trigger, by_length
from voicecare.understanding.language_reader import TableReader, in_token_form
from voicecare.understanding.measure_files import NUMBER_KEYS, number_words
from voicecare.understanding.mentions import NotThen
from voicecare.understanding.quantities import NumberWords
from voicecare.understanding.text import Spelling
from voicecare.understanding.timeline import Calendar

FILE_NAME = "language.toml"
PRINTED = ("heard", "unsure")
"""Words of the printed answer besides the headings (``[printed]``)."""
SECTIONS = {
    "language": ("code", "name", "wake_phrase"),
    "spelling": ("contractions", "suffixes", "clipped", "possessive", "possessive_is", "possessive_is_after", "number_words",
                 "pronoun_classes", "stem_suffixes", "min_stem", "irregular_stems", "sound_rules", "sound_silent",
                 "learner_no", "learner_not", "learner_subjects", "learner_be", "learner_auxiliaries", "learner_modals",
                 "per_sign",
                 "glued_labels"),
    "matching": ("optional_words", "negations", "disjunctions", "symptom_slots", "skippable", "contrasts",
                 "glued_negations", "not_then", "not_then_before", "not_then_verbs", "not_then_sleeping",
                 "not_then_sleeping_after", "narrowing", "explaining", "turning",
                 "degrees", "sized", "beliefs", "comparatives", "worn"),
    "context": ("pre_scope", "post_scope", "recur_extra", "terminators", "subjects", "recur_stops", "modals",
                "child_nouns", "strangers", "child_pronouns", "list_joiners", "answers", "reporting", "quoting", "crying",
                "quote_openers", "who_words", "belongings",
                "likenesses", "picture_words", "denial_joiners", "list_closers",
                "pure_what_ifs", "present_states", "worries", "changes",
                "past_words", "past_suffix", "past_min_length", "elliptic_verbs", "onsets", "lasting",
                "over_when", "when_leads", "done_badly", "reaffirming_verbs", "reaffirming_hedges", "episode_openers",
                "then_words", "span_owners", "span_reasons",
                "asking_verbs", "asking_subjects", "denied_answers", "denied_manners", "denial_word",
                "unsure_answers", "doubt_word", "clause_subjects", "clause_owners", "clause_namers", "clause_verbs",
                "clause_openers", "clause_markers", "clause_answers", "clause_answer_tails", "genders", "continuations",
                "continuation_subjects", "continued_as", "progressive", "resumed_turns", "well_words", "well_manners",
                "ongoing", "ongoing_now",
                "rewarmed", "chilled", "kin_of", "comparisons",
                "compared", "counter_denials", "in_passing", "object_pronouns", "object_forms", "object_after", "cues"),
    "callers": ("own", "siblings", "young", "parents", "introduced_by", "introduced_with", "introduced_owners",
                "clefts", "kin_children", "said_small", "own_child", "reassigned_by", "sides", "calling", "called_for", "rousers",
                "siblings_of", "cleft_openers", "other_children", "children_kin", "now_words", "yours",
                "which_child"),
    "conversation": ("fillers", "list_and", "list_or", "unfinished"),
    "recogniser": ("subjects", "frames", "feminine", "spoken_numbers", "said"),
    "headings": tuple(level.id for level in Level),
    "numbers": NUMBER_KEYS,
    "questions": ("starts", "asks"),
    "printed": PRINTED,
}
CUE_FLAGS = ("before", "after", "clausal", "uncertain", "recurs", "crosses", "speaker", "ellipsis", "opens",
             "resolves", "dated", "events_only", "statement", "since_when")
CUE_KEYS = ("status", "words", "reach", *CUE_FLAGS)
FRAME_FIELDS = ("{s}", "{p}", "{q}")


@dataclass(frozen=True)
class Language:
    """Every word list the algorithms need, for one language."""

    code: str
    """The folder name and the --language value ("en")."""
    name: str
    spelling: Spelling
    context: ContextWords
    headings: Mapping[Level, str] = field(hash=False)
    """The first line of a printed answer, per level."""
    printed: Mapping[str, str] = field(default_factory=dict, hash=False)
    """Other words of a printed answer: "heard" (before what was heard), "unsure" (after a hedged finding)."""
    callers: CallerWords = field(default_factory=CallerWords)
    """Words that tell who is calling: an older sibling, a caregiver naming themself."""
    wake_phrase: str = ""
    """Said to start a kiosk session; empty when the language has none."""
    optional_words: frozenset[str] = frozenset()
    """Words a phrase still matches without ("the", "my")."""
    negations: frozenset[str] = frozenset()
    """A phrase holding one of these has its own denial inside ("can't breathe")."""
    disjunctions: frozenset[str] = frozenset()
    """A denial reaches over these to the next word ("won't bend or walk")."""
    skippable: frozenset[str] = frozenset()
    """Filler and hedges a phrase whose own "not" is the sign may skip ("can't, uh, breathe")."""
    contrasts: frozenset[str] = frozenset()
    """Words of contrast a loose pattern never spans ("but")."""
    narrowing: frozenset[str] = frozenset()
    """Right after a contrast, these make it narrow the statement, not contrast it ("breathing, but only barely")."""
    explaining: tuple[tuple[str, ...], ...] = ()
    """Right after a contrast, these make what follows explain what came before ("blue but that's the slush")."""
    turning: frozenset[str] = frozenset()
    """Contrast words that, as an ordinary circumstance's own words, follow the sign they explain ("hard to wake
    this morning but now fine")."""
    comparatives: frozenset[str] = frozenset()
    """Before a reassuring word, they make it the baseline of a comparison, no reassurance ("drowsier than
    normal")."""
    worn: frozenset[str] = frozenset()
    """Between a denial and an everyday circumstance it denies, these keep the denial its own: "not wearing nappies"
    is no nappies (``ordinary.Denials.small``)."""
    beliefs: frozenset[str] = frozenset()
    """Before a sign's word, they make it a belief that a reading after a contrast may correct ("I thought she had a
    fever, but it's 98.7"); without one, "burning up but it only says 99.5" is a fever still."""
    degrees: tuple[tuple[str, ...], ...] = ()
    """Words of degree ("a bit", "quite"), longest first: before a sign's word they say how much, not whether."""
    sized: frozenset[str] = frozenset()
    """Words of an event whose size a word of degree says ("a little fall"): it is kept before them."""
    not_then: NotThen = field(default_factory=NotThen)
    """When a waking sign's own "not" is "not at that time" ("doesn't wake after that", "once he sleeps he does not
    wake up")."""
    glued_negations: tuple[str, ...] = ()
    """Denials typed or heard glued to the next word ("nofever"): split off when the rest is a sign's word."""
    symptom_slots: tuple[tuple[str, ...], ...] = ()
    """Words after which an everyday look-alike may be a misheard symptom word ("she painted", "has a fewer")."""
    fillers: frozenset[str] = frozenset()
    """Dropped before an answer is compared with the control phrases ("um")."""
    unfinished: frozenset[str] = frozenset()
    """Words a sentence does not end on ("my son is"): words not understood at a pause that end with one are the
    first half of a sentence, so a reply that only asks to hear them again waits longer."""
    list_and: str = ""
    """Joins the last two names of a list that are all so ("fever and chills")."""
    list_or: str = ""
    """Joins the last two names of a list of alternatives ("fever or chills")."""
    lm_subjects: tuple[str, ...] = ()
    """Who a phrase is about, in the recogniser's training sentences ("my son")."""
    lm_frames: tuple[str, ...] = ()
    """Training sentence frames: {s} subject, {p} phrase, {q} another phrase."""
    lm_said: tuple[str, ...] = ()
    """Sentences said that are no sign ("i called nine one one", "what do i do while i wait"), for the recogniser."""
    feminine: Mapping[str, str] = field(default_factory=dict, hash=False)
    """Words turned to speak of a girl ("himself" -> "herself")."""
    spoken_numbers: Mapping[str, str] = field(default_factory=dict, hash=False)
    """Numbers as the recogniser's dictionary spells them said aloud."""
    numbers: NumberWords = field(default_factory=lambda: NumberWords({}, {}, {}))
    """How numbers and units are said ("thirty eight point nine", "kilos")."""
    number_cues: Mapping[str, frozenset[str]] = field(default_factory=dict, hash=False)
    """Measure id -> words that say a nearby number is that measure ("pulse")."""
    calendar: Calendar = field(default_factory=Calendar)
    """Day names and the words around durations, ages and losses."""
    question_starts: tuple[str, ...] = ()
    """Words that open a question ("can", "how"): a care question is answered first."""
    question_asks: tuple[str, ...] = ()
    """Phrases that ask anywhere in a sentence ("any tips")."""

    def tokens(self, text: str) -> list[str]:
        """The words of ``text`` as matching sees them (see ``Spelling.tokens``)."""
        return self.spelling.tokens(text)

    @classmethod
    def from_file(cls, path: Path) -> Language:
        """Load one ``language.toml``; IntentError names the first problem and counts the rest."""
        problems: list[str] = []
        return _checked(read(path, problems), problems)

    @classmethod
    def from_dict(cls, data: Mapping[str, Any], where: str = FILE_NAME) -> Language:
        """Build from parsed TOML; IntentError names the first problem and counts the rest."""
        problems: list[str] = []
        return _checked(parse(data, where, problems), problems)


def _checked(language: Language, problems: list[str]) -> Language:
    if problems:
        raise IntentError(problems[0] + (f" (and {len(problems) - 1} more)" if len(problems) > 1 else ""))
    return language


def read(path: Path, problems: list[str]) -> Language:
    """Load ``path``, adding ``file: key: what is wrong`` lines to ``problems``."""
    try:
        with path.open("rb") as handle:
            data = tomllib.load(handle)
    except FileNotFoundError:
        problems.append(f"{path}: file is missing")
        data = {}
    except UnicodeDecodeError:  # an editor that saved UTF-16 or Latin-1: one line, not a traceback
        problems.append(f"{path}: not UTF-8 text; save it as UTF-8")
        data = {}
    except (OSError, tomllib.TOMLDecodeError) as exc:
        problems.append(f"{path}: cannot be read: {exc}")
        data = {}
    return parse(data, str(path), problems)


def parse(data: Mapping[str, Any], where: str, problems: list[str]) -> Language:
    """The language in ``data`` (parsed TOML); problems are added, never raised."""
    for section in data:
        if section not in SECTIONS:
            problems.append(f"{where}: {section}: unknown table (expected one of: {', '.join(SECTIONS)})")
    head = _section(data, "language", where, problems)
    spelling = _spelling(_section(data, "spelling", where, problems))
    matching = _section(data, "matching", where, problems)
    talk = _section(data, "conversation", where, problems)
    lm = _section(data, "recogniser", where, problems)
    numbers, number_cues, calendar = number_words(data, where, problems)
    asking = _section(data, "questions", where, problems)
    language = Language(
        code=head.text("code", required=True), name=head.text("name"), wake_phrase=head.text("wake_phrase"),
        spelling=spelling, context=_context(_section(data, "context", where, problems), spelling),
        callers=_callers(_section(data, "callers", where, problems), spelling),
        headings=_headings(_section(data, "headings", where, problems)),
        printed=_printed(_section(data, "printed", where, problems)),
        optional_words=frozenset(in_token_form(matching, "optional_words", spelling)),
        negations=frozenset(in_token_form(matching, "negations", spelling)),
        disjunctions=frozenset(in_token_form(matching, "disjunctions", spelling)),
        skippable=frozenset(in_token_form(matching, "skippable", spelling)),
        contrasts=frozenset(in_token_form(matching, "contrasts", spelling)),
        narrowing=frozenset(in_token_form(matching, "narrowing", spelling)),
        explaining=tuple(tuple(w.split()) for w in in_token_form(matching, "explaining", spelling)),
        turning=frozenset(in_token_form(matching, "turning", spelling)),
        beliefs=frozenset(in_token_form(matching, "beliefs", spelling)),
        comparatives=frozenset(in_token_form(matching, "comparatives", spelling)),
        worn=frozenset(in_token_form(matching, "worn", spelling)),
        degrees=tuple(sorted((tuple(w.split()) for w in in_token_form(matching, "degrees", spelling)),
                             key=len, reverse=True)),
        sized=frozenset(in_token_form(matching, "sized", spelling)),
        not_then=NotThen(tuple(tuple(w.split()) for w in in_token_form(matching, "not_then", spelling)),
                         tuple(tuple(w.split()) for w in in_token_form(matching, "not_then_before", spelling)),
                         frozenset(in_token_form(matching, "not_then_verbs", spelling)),
                         frozenset(in_token_form(matching, "not_then_sleeping", spelling)),
                         tuple(tuple(w.split()) for w in in_token_form(matching, "not_then_sleeping_after", spelling))),
        glued_negations=tuple(sorted(in_token_form(matching, "glued_negations", spelling), key=len, reverse=True)),
        symptom_slots=tuple(tuple(w.split()) for w in in_token_form(matching, "symptom_slots", spelling)),
        fillers=frozenset(in_token_form(talk, "fillers", spelling, fold=False)),
        unfinished=frozenset(in_token_form(talk, "unfinished", spelling, fold=False)),
        list_and=talk.text("list_and"), list_or=talk.text("list_or"),
        lm_subjects=lm.words("subjects"), lm_frames=_frames(lm), lm_said=lm.words("said"), feminine=lm.mapping("feminine"),
        spoken_numbers=lm.mapping("spoken_numbers"), numbers=numbers, number_cues=number_cues, calendar=calendar,
        question_starts=asking.words("starts"), question_asks=asking.words("asks"),
    )
    return language


def _section(data: Mapping[str, Any], name: str, where: str, problems: list[str]) -> TableReader:
    """The ``[name]`` table of a language file, its keys among ``SECTIONS[name]``."""
    return TableReader.section(data, name, where, SECTIONS[name], problems)


def _spelling(table: TableReader) -> Spelling:
    return Spelling(
        contractions=table.mapping("contractions"), suffixes=tuple(table.mapping("suffixes").items()),
        clipped=tuple(table.mapping("clipped").items()),
        possessive=table.text("possessive"), possessive_is=table.text("possessive_is"),
        possessive_is_after=frozenset(table.words("possessive_is_after")),
        number_words=table.mapping("number_words"), pronoun_classes=table.classes("pronoun_classes"),
        stem_suffixes=table.words("stem_suffixes"), min_stem=table.number("min_stem", 3),
        irregular_stems=table.mapping("irregular_stems"), sound_rules=table.pairs("sound_rules"),
        sound_silent=table.text("sound_silent"), learner_no=table.text("learner_no"),
        learner_not=table.text("learner_not"), learner_subjects=frozenset(table.words("learner_subjects")),
        learner_be=frozenset(table.words("learner_be")), learner_modals=frozenset(table.words("learner_modals")),
        learner_auxiliaries=frozenset(table.words("learner_auxiliaries")),
        per_sign=table.text("per_sign"), glued_labels=frozenset(table.words("glued_labels")),
    )


def _context(table: TableReader, spelling: Spelling) -> ContextWords:
    return ContextWords(
        triggers=by_length(_triggers(table, spelling)),
        pre_scope=table.number("pre_scope", 6), post_scope=table.number("post_scope", 3),
        recur_extra=table.number("recur_extra", 3),
        terminators=frozenset(in_token_form(table, "terminators", spelling)),
        subjects=frozenset(in_token_form(table, "subjects", spelling)),
        recur_stops=frozenset(in_token_form(table, "recur_stops", spelling)),
        modals=frozenset(in_token_form(table, "modals", spelling)),
        child_nouns=frozenset(in_token_form(table, "child_nouns", spelling)),
        strangers=frozenset(in_token_form(table, "strangers", spelling)),
        child_pronouns=frozenset(in_token_form(table, "child_pronouns", spelling)),
        answers=frozenset(in_token_form(table, "answers", spelling)),
        reporting=frozenset(in_token_form(table, "reporting", spelling)),
        quoting=frozenset(in_token_form(table, "quoting", spelling)),
        quote_openers=frozenset(in_token_form(table, "quote_openers", spelling)),
        crying=frozenset(in_token_form(table, "crying", spelling)),
        who_words=frozenset(in_token_form(table, "who_words", spelling)),
        belongings=frozenset(in_token_form(table, "belongings", spelling)),
        likenesses=frozenset(in_token_form(table, "likenesses", spelling)),
        picture_words=frozenset(in_token_form(table, "picture_words", spelling)),
        denial_joiners=frozenset(in_token_form(table, "denial_joiners", spelling)),
        list_closers=frozenset(in_token_form(table, "list_closers", spelling)),
        list_joiners=frozenset(in_token_form(table, "list_joiners", spelling)),
        pure_what_ifs=frozenset(tuple(w.split()) for w in in_token_form(table, "pure_what_ifs", spelling)),
        present_states=frozenset(in_token_form(table, "present_states", spelling)),
        worries=frozenset(tuple(w.split()) for w in in_token_form(table, "worries", spelling)),
        changes=frozenset(in_token_form(table, "changes", spelling)),
        past_words=frozenset(in_token_form(table, "past_words", spelling)),
        past_suffix=table.text("past_suffix"), past_min_length=table.number("past_min_length", 4),
        elliptic_verbs=frozenset(in_token_form(table, "elliptic_verbs", spelling)),
        reaffirming_verbs=frozenset(in_token_form(table, "reaffirming_verbs", spelling)),
        reaffirming_hedges=frozenset(in_token_form(table, "reaffirming_hedges", spelling)),
        episode_openers=frozenset(in_token_form(table, "episode_openers", spelling)),
        then_words=frozenset(in_token_form(table, "then_words", spelling)),
        onsets=frozenset(in_token_form(table, "onsets", spelling)),
        lasting=frozenset(in_token_form(table, "lasting", spelling)),
        span_owners=frozenset(in_token_form(table, "span_owners", spelling)),
        span_reasons=frozenset(in_token_form(table, "span_reasons", spelling)),
        over_when=frozenset(in_token_form(table, "over_when", spelling)),
        when_leads=frozenset(in_token_form(table, "when_leads", spelling)),
        done_badly=frozenset(in_token_form(table, "done_badly", spelling)),
        asking_verbs=frozenset(in_token_form(table, "asking_verbs", spelling)),
        asking_subjects=frozenset(in_token_form(table, "asking_subjects", spelling)),
        denied_answers=frozenset(in_token_form(table, "denied_answers", spelling)),
        denied_manners=frozenset(in_token_form(table, "denied_manners", spelling)),
        denial_word=table.text("denial_word"),
        unsure_answers=frozenset(in_token_form(table, "unsure_answers", spelling)),
        doubt_word=table.text("doubt_word"),
        clauses=_clauses(table, spelling),
        genders=_genders(table),
        object_pronouns=frozenset(w.lower() for w in table.words("object_pronouns")),
        object_forms=frozenset(w.lower() for w in table.words("object_forms")),
        object_after=frozenset(in_token_form(table, "object_after", spelling)),
        kin_of=in_token_form(table, "kin_of", spelling),
        comparisons=frozenset(in_token_form(table, "comparisons", spelling)),
        compared=frozenset(in_token_form(table, "compared", spelling)),
        counter_denials=frozenset(in_token_form(table, "counter_denials", spelling)),
        in_passing=frozenset(tuple(w.split()) for w in in_token_form(table, "in_passing", spelling)),
        rewarmed=tuple(tuple(w.split()) for w in in_token_form(table, "rewarmed", spelling)),
        chilled=frozenset(in_token_form(table, "chilled", spelling)),
        continuations=tuple(tuple(w.split()) for w in in_token_form(table, "continuations", spelling)),
        continuation_subjects=frozenset(in_token_form(table, "continuation_subjects", spelling)),
        continued_as=tuple(table.text("continued_as").split()), progressive=table.text("progressive"),
        resumed_turns=frozenset(in_token_form(table, "resumed_turns", spelling)),
        well_words=frozenset(in_token_form(table, "well_words", spelling)),
        well_manners=frozenset(in_token_form(table, "well_manners", spelling)),
        ongoing=frozenset(in_token_form(table, "ongoing", spelling)),
        ongoing_now=frozenset(in_token_form(table, "ongoing_now", spelling)),
    )


def _genders(table: TableReader) -> dict[str, frozenset[str]]:
    """``genders``: a table of gender -> words as said (pronouns not folded)."""
    value = table.table.get("genders", {})
    if not isinstance(value, dict) or not all(isinstance(v, list) and all(isinstance(w, str) for w in v)
                                              for v in value.values()):
        table.wrong("genders", "must be a table of lists of words")
        return {}
    return {gender: frozenset(w.lower() for w in named) for gender, named in value.items()}


def _clauses(table: TableReader, spelling: Spelling) -> ClauseWords:
    def words(key: str) -> frozenset[str]:
        return frozenset(in_token_form(table, key, spelling))

    return ClauseWords(
        subjects=words("clause_subjects"), owners=words("clause_owners"), verbs=words("clause_verbs"),
        namers=words("clause_namers"),
        openers=words("clause_openers"), answers=words("clause_answers"), asking=words("asking_verbs"),
        manners=words("denied_manners"), tails=words("clause_answer_tails"),
        markers=tuple(tuple(w.split()) for w in in_token_form(table, "clause_markers", spelling)),
        past_suffix=table.text("past_suffix"),
    )


def _callers(table: TableReader, spelling: Spelling) -> CallerWords:
    def words(key: str) -> frozenset[str]:
        return frozenset(in_token_form(table, key, spelling))

    return CallerWords(
        own=words("own"), siblings=words("siblings"), young=words("young"), parents=words("parents"),
        introduced_by=tuple(tuple(w.split()) for w in in_token_form(table, "introduced_by", spelling)),
        introduced_with=words("introduced_with"), introduced_owners=words("introduced_owners"), clefts=words("clefts"),
        kin_children=words("kin_children"),
        reassigned_by=tuple(tuple(w.split()) for w in in_token_form(table, "reassigned_by", spelling)),
        sides=words("sides"),
        calling=words("calling"), called_for=words("called_for"), rousers=words("rousers"),
        said_small=words("said_small"), own_child=words("own_child"), siblings_of=words("siblings_of"),
        cleft_openers=tuple(tuple(w.split()) for w in in_token_form(table, "cleft_openers", spelling)),
        other_children=tuple(tuple(w.split()) for w in in_token_form(table, "other_children", spelling)),
        children_kin=words("children_kin"), now_words=words("now_words"), yours=table.text("yours"),
        which_child=words("which_child"),
    )


def _triggers(table: TableReader, spelling: Spelling) -> list[Trigger]:
    groups = table.table.get("cues", [])
    if not isinstance(groups, list) or not all(isinstance(g, dict) for g in groups):
        table.wrong("cues", "must be a list of tables ([[context.cues]])")
        return []
    triggers = []
    for index, group in enumerate(groups):
        cue = TableReader(group, f"{table.where}.cues[{index}]", CUE_KEYS, table.problems)
        try:
            status = Status(cue.text("status", required=True))
        except ValueError:
            cue.wrong("status", f"must be one of: {', '.join(s.value for s in Status)}")
            continue
        flags = {key: cue.flag(key, key == "before") for key in CUE_FLAGS}
        reach = cue.number("reach", -1) if "reach" in cue.table else None
        triggers += [Trigger(tuple(words.split()), status, reach=reach, **flags)
                     for words in in_token_form(cue, "words", spelling)]
    return triggers


def _frames(table: TableReader) -> tuple[str, ...]:
    frames = table.words("frames")
    for frame in frames:
        if "{p}" not in frame:
            table.wrong("frames", f"{frame!r} has no {{p}} for the phrase")
        leftover = frame
        for name in FRAME_FIELDS:
            leftover = leftover.replace(name, "")
        if "{" in leftover or "}" in leftover:
            table.wrong("frames", f"{frame!r}: only {', '.join(FRAME_FIELDS)} may be filled in")
    return frames


def _headings(table: TableReader) -> dict[Level, str]:
    return {level: table.text(level.id, required=True) for level in Level}


def _printed(table: TableReader) -> dict[str, str]:
    return {key: table.text(key) for key in PRINTED}
