"""Typed hand-offs between the pipeline stages: levels, intents, matches and results."""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from enum import IntEnum, StrEnum
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # language.py, measures.py and spoken.py build on this module
    from voicecare.conversation.spoken import SpokenRules
    from voicecare.understanding.care import CareBook, CareQuestion
    from voicecare.understanding.language import Language
    from voicecare.understanding.learned import LearnedSigns
    from voicecare.understanding.measures import MeasureBook


class Level(IntEnum):
    """Dispositions; a smaller value is more serious, so ``min()`` picks the highest."""

    EMERGENCY = 1
    URGENT = 2
    FOLLOW_UP = 3
    HOME_CARE = 4
    UNCLEAR = 5

    @property
    def id(self) -> str:
        """The lowercase name used in data files and JSON output."""
        return self.name.lower()

    @classmethod
    def parse(cls, text: str) -> Level:
        """The level named ``text`` (as written in intent files); ValueError if none."""
        try:
            return cls[text.strip().upper()]
        except KeyError:
            names = ", ".join(level.id for level in cls)
            raise ValueError(f"unknown level {text!r} (expected one of: {names})") from None


class Status(StrEnum):
    """Whether a mention is a finding for this child (the ConText idea)."""

    PRESENT = "present"
    ABSENT = "absent"
    OTHER = "other"
    HYPOTHETICAL = "hypothetical"
    PAST = "past"


class Basis(StrEnum):
    """Why a finding counts: it was said, or it was assumed to be safe (rules 4 and 14 read these back differently)."""

    SAID = "said"
    ANSWERED = "answered"
    """A yes to a question about several signs: the caregiver did not say which (read back as "you said yes")."""
    UNSURE = "unsure"
    """The caregiver was not sure; counted as yes (rule 10)."""
    UNHEARD = "unheard"
    """No answer, or none that could be understood; counted as yes (rule 4), never read back as heard."""
    GUESSED = "guessed"
    """No words of the sign itself, only words pointing at it ("not getting enough air"): counted (rule 4) and
    read back as a guess (rule 14)."""


@dataclass(frozen=True)
class Symptom:
    """One symptom of a topic, as written in ``intents/``."""

    id: str
    level: Level
    name: str
    """Short words for the read-back ("fever", "trouble breathing")."""
    question: str
    """The yes/no red-flag question about this symptom alone."""
    phrases: tuple[str, ...]
    topic: str
    near: tuple[str, ...] = ()
    """Word-group patterns ("legs arms + numb tingly"): one word of each group close together."""
    silences: tuple[str, ...] = ()
    """Topic messages left out once this symptom is mentioned, whatever was said of it ("unchecked")."""
    said_of: tuple[str, ...] = ()
    """Words of what this symptom is said about ("back", "pain"): when given, one must stand in the
    mention's sentence or the one before, and the mention shares that sign's status (a duration is the
    pain's: "potty trained for a year" is no long pain, "my own back ... all week" is the caregiver's)."""
    parts: tuple[str, ...] = ()
    """Words of the separate parts this symptom is said of ("legs", "arms"): a later denial that names only other
    parts than an earlier mention takes nothing back ("pain down her leg, no pain in her arms"; rule 9 corrects the
    same thing)."""
    facets: tuple[str, ...] = ()
    """The separate sides of a sign that groups several (pain, tingling, weakness in a limb), each a group of words
    separated by spaces: a later denial naming only other sides than an earlier mention takes nothing back ("his leg is
    weak, no tingling"; rule 9 corrects the same side: "her leg is weak, no wait, it isn't weak")."""
    ordinary: tuple[str, ...] = ()
    """Everyday circumstances that make this symptom's own words no sign ("fast + running unless asleep"):
    see ``understanding/ordinary.py``."""
    event: bool = False
    """A sign that happens rather than lasts ("has fainted", "had a seizure"): over by now, it still counts
    unless a time long gone is said with it (see ``understanding/context.py``)."""
    events: tuple[str, ...] = ()
    """Wordings that make a mention of this sign an event, as ``event`` makes every mention ("stopped + breathing",
    "blue + second"): patterns written as ``ordinary`` ones, from signs.toml (``understanding/sign_files.py``)."""
    kept: bool = False
    """A loss that stays ("weight loss"): said with a time long gone ("lost two pounds last month") it is still so
    now; only words of it being over ("put it back on", "fine now") make it history (see ``understanding/context.py``)."""
    nightly: bool = False
    """A sign of the night told the next day ("pain that wakes him at night"): the child fine by day ("he woke crying
    with his back last night but he's fine now") is no end of it, so words of being over or fine now leave it said,
    as for an ``event``; only a time long gone ("last week", "a while ago") makes it history (understand57, #7)."""
    counted: bool = False
    """A sign told by what has not come (wet nappies, poos): "one wet nappy this morning, none since" is the sign
    going on, so a cue of none since (``since_when``) does not make it over (``understanding/matching.py``)."""
    backoff: tuple[str, ...] = ()
    """Word-group patterns that only point at this sign ("air chest + barely struggling"), tried when no
    emergency or urgent sign was found: a match counts as a guess (see ``understanding/backoff.py``)."""
    terms: tuple[str, ...] = ()
    """Clinical words and fixed expressions that are this sign ("cyanotic", "obtunded"), from signs.toml:
    matched as phrases are, but kept out of the recogniser's language model, whose text they would reshuffle."""
    term_near: tuple[str, ...] = ()
    """Loose patterns from signs.toml (``term_patterns``), matched as ``near`` ones are but, like ``terms``,
    kept out of the recogniser's language model ("pain + building escalating")."""
    own_words: bool = False
    """Said in the caregiver's own words ("I'm going to call an ambulance"): their "I am" never makes it
    someone else's (a topic's ``signs.toml``, ``understanding/sign_files.py``)."""
    habits: tuple[str, ...] = ()
    """Word-group patterns of the sign's usual absence ("never + accidents", "potty + trained"): said beside
    one of its ``deeds``, the baseline that makes the deed new, never a denial (``understanding/baselines.py``)."""
    deeds: tuple[str, ...] = ()
    """Word-group patterns of the sign's event said plainly ("accident + had an"), a sign only beside a habit."""
    note: bool = False
    """No sign: a fact said that only silences topic messages ("she's been seen by the GP" silences the reminder to
    have her checked). Triage never counts, reads back or reports it (``understanding/triage.py``)."""
    any_child: tuple[str, ...] = ()
    """Words of this sign that make it "Call 911 now" whoever's child has it (policy, beyond the sheet: a seizure,
    a child not breathing, blue, or who cannot be woken): one of them in a mention of another child, said now, sends
    that child to 911 (``understanding/another_child.py``); a milder wording ("breathing fast") stays theirs."""
    denied_is: str = ""
    """The sign this one is when denied: "no doctor has looked at it" denies a doctor's check (a note), which is
    the sign of a child not checked yet (``understanding/matching.py``)."""
    contrary: tuple[str, ...] = ()
    """Words of a state this sign cannot be said beside ("wide awake", "playing" for very sleepy), from signs.toml:
    said with no negation as a correction during a 911 resting on this sign, they name it and deny it (rule 9;
    ``conversation/corrections.py``). Matching only: never in the recogniser's language model."""


@dataclass(frozen=True)
class InterviewQuestion:
    """A grouped red-flag question of the guided interview."""

    id: str
    ask: str
    symptoms: tuple[str, ...]
    level: Level
    explain: str = ""
    """What the question's signs look like, in plain words: said once when the caregiver asks what the question
    means ("what do you mean, hard to wake?"), before it is asked again (empty: none, the answer counts as unsure)."""


@dataclass(frozen=True)
class Combination:
    """A rule that raises the level when symptoms occur together."""

    id: str
    when: tuple[str, ...]
    """All of these symptom ids must be present."""
    with_level: Level
    """...together with another present symptom at this level or higher."""
    level: Level
    message: str
    not_done: tuple[str, ...] = ()
    """...or with one of these said as not done at all, by the sign's own "not" ("won't stand", "can't walk"):
    after a fall, legs that will not move; "limping" is not that."""


@dataclass(frozen=True)
class Topic:
    """A condition the assistant knows about: its symptoms and what it says about it."""

    id: str
    title: str
    symptoms: tuple[Symptom, ...]
    interview: tuple[InterviewQuestion, ...]
    combinations: tuple[Combination, ...]
    messages: dict[str, str] = field(hash=False)
    home_care: tuple[str, ...] = ()
    advice: dict[str, str] = field(default_factory=dict, hash=False)
    """Extra words said when a given symptom is present, keyed by symptom id."""
    spoken_numbers: dict[str, str] = field(default_factory=dict, hash=False)
    """Numbers caregivers say about this topic, as the recogniser spells them ("102" -> "a hundred and two")."""
    lm_subjects: tuple[str, ...] = ()
    """What this topic's phrases are said about, added to the language's ("his back")."""
    lm_said: tuple[str, ...] = ()
    """This topic's sentences that are no sign (care questions as asked), added to the language's for the recogniser."""


@dataclass(frozen=True)
class IntentSet:
    """Everything loaded from ``intents/<language>/``: its words, topics, shared messages and control phrases."""

    topics: tuple[Topic, ...]
    messages: dict[str, str] = field(hash=False)
    controls: dict[str, tuple[str, ...]] = field(hash=False)
    language: Language
    """The language's word lists, which the algorithms read."""
    common_words: frozenset[str] = frozenset()
    """Everyday words: never taken for a symptom word by similarity alone ("every" is not "fever")."""
    frequent_words: frozenset[str] = frozenset()
    """Frequent words of the language: one heard alone stands for itself, not for a symptom word it looks
    like ("wanting" is not "fainting"); a phrase whose other words were heard as they are may lean on one."""
    folder: Path | None = None
    """The language folder the set was loaded from (its common_words.txt feeds the recogniser)."""
    measures: MeasureBook | None = None
    """Numbers that decide a symptom by their size (the topics' measures.toml), if any topic has them."""
    care: CareBook | None = None
    """Care questions and their short answers (the topics' care.toml), if any topic has them."""
    spoken: SpokenRules | None = None
    """What is said first and what waits for "more" (spoken.toml); None: everything is said."""
    learned: tuple[LearnedSigns, ...] = ()
    """The topics' learned counts (learned.toml): a last guess at an emergency sign said in unlisted words."""

    def symptom(self, symptom_id: str) -> Symptom:
        """The symptom with this id (KeyError if unknown)."""
        for topic in self.topics:
            for symptom in topic.symptoms:
                if symptom.id == symptom_id:
                    return symptom
        raise KeyError(symptom_id)

    @property
    def symptoms(self) -> tuple[Symptom, ...]:
        """All symptoms of all topics."""
        return tuple(s for t in self.topics for s in t.symptoms)

    def only(self, topic_id: str) -> IntentSet:
        """The same set with one topic: triage and matching then see only its symptoms and messages."""
        return replace(self, topics=tuple(t for t in self.topics if t.id == topic_id))


@dataclass(frozen=True)
class Match:
    """One mention of a symptom found in an utterance."""

    symptom: str
    status: Status
    score: float
    """Similarity 0-100 between the phrase and what was heard."""
    heard: str
    """The words of the utterance the match came from."""
    start: int
    """Token index where the mention starts."""
    end: int
    """Token index one past the mention."""
    uncertain: bool = False
    """True when the caregiver hedged or the match was weak (rule 4: still counts)."""
    guessed: bool = False
    """True when only words pointing at the sign were heard, no words of it (a backoff match)."""
    positions: tuple[int, ...] = ()
    """Token indices of the words the mention is made of (a loose pattern's span holds others); empty: all of
    start..end. What a mention explains is these words, not every word its span reaches over."""
    another_child: str = ""
    """Words naming another child who has this sign now ("Max", "his little brother"), when it is one that is
    "Call 911 now" whoever's child has it (policy: beyond the sheet); empty otherwise. Its status stays OTHER."""
    event: bool = False
    """True when the sign was told as an event ("went all floppy", "blue for a second": signs.toml ``events``):
    over by now, it still happened (docs/policy.md)."""


class MessageKind(StrEnum):
    """What a message is for; a string too, so JSON output and comparisons with text keep working."""

    EMERGENCY = "emergency"
    """The emergency instruction and its reasons (said first, cuts in)."""
    CONFIRM = "confirm"
    """An unsure emergency sign the caregiver may correct."""
    READBACK = "readback"
    INSTRUCTION = "instruction"
    """What to do at this level."""
    CARE_ANSWER = "care_answer"
    """The short answer to a care question ("never a heating pad at bedtime")."""
    ADVICE = "advice"
    """A topic's words about one present symptom."""
    HYPOTHETICAL = "hypothetical"
    PAST = "past"
    OTHER = "other"
    """About someone other than the child."""
    HOME_CARE = "home_care"
    DISCLAIMER = "disclaimer"
    WARNING = "warning"
    """The signs to watch for."""
    UNCLEAR = "unclear"
    QUESTION = "question"
    """A red-flag question of the guided interview."""
    CONVERSATION = "conversation"
    """Greeting, help, goodbye and the other words around the advice."""


@dataclass(frozen=True)
class Message:
    """One thing to say, in spoken order."""

    level: Level
    kind: MessageKind
    """What the message is for."""
    text: str


@dataclass(frozen=True)
class Finding:
    """The final status of one symptom after all its mentions were weighed."""

    symptom: Symptom
    status: Status
    score: float
    heard: str
    uncertain: bool = False
    basis: Basis = Basis.SAID
    """Said, or assumed from an unsure or missing answer to a red-flag question."""
    another_child: str = ""
    """Words naming another child who has this sign now (``Match.another_child``): the reply is "Call 911 now"
    for them, whatever this child has."""
    event: bool = False
    """Told as an event (``Match.event``): a state said now ("he's wide awake") does not take it back."""


@dataclass(frozen=True)
class TriageResult:
    """The engine's answer for one utterance or one conversation state."""

    disposition: Level
    findings: tuple[Finding, ...]
    messages: tuple[Message, ...]
    care: tuple[CareQuestion, ...] = ()
    """Care questions recognised and answered ("can I use a heating pad at night?")."""

    @property
    def present(self) -> tuple[Finding, ...]:
        """Findings that count for this child."""
        return tuple(f for f in self.findings if f.status is Status.PRESENT)

    @property
    def another_children(self) -> tuple[Finding, ...]:
        """Another child's signs that made this reply "Call 911 now" for them (``Finding.another_child`` names
        whom: "Call 911 now for Max"); the child asked about is judged by ``present`` alone."""
        return tuple(f for f in self.findings if f.status is Status.OTHER and f.another_child)
