"""A language's answer words and a topic's words per question, loaded once; finding them in an answer.

``intents/<language>/answers.toml`` holds the answer words (yes, no, hedges,
"all is well", words to someone else, other health words);
``controls.toml`` the commands; each topic's ``answers.toml`` what an answer
to each interview question talks about. Phrases are kept as token sequences
spelled the way the matcher spells what was heard.
"""

from __future__ import annotations

import tomllib
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from voicecare.domain import IntentSet
from voicecare.errors import IntentError

FILE_NAME = "answers.toml"
ANYTHING_ELSE = "anything_else"
"""The question id of "is there anything else?", asked after the advice."""
WORD_KINDS = ("unsure", "yes", "no", "yes_lead", "no_lead", "well", "off_topic", "health", "corrections", "contrast",
              "polite", "clause_breaks", "possessives", "double_negation", "learner_not", "caregiver",
              "leaving", "degree", "neutral", "doing", "returning", "acknowledging",
              "concluding", "concord", "plain", "loose_hedges", "objects", "stressing", "passed", "well_for",
              "explaining", "complaint", "child", "asking",
              "anaphors", "amending", "worried_now", "coming", "unfinished", "unfinished_after", "hesitations",
              "restating", "restating_alone", "murmurs", "earlier", "now", "joining", "was_then", "not_names",
              "stray_after_no", "mild", "not_the_child", "days_ago", "well_again", "story_causes", "lasting",
              "start_words", "asides", "having", "amounts", "going_on", "emphatic", "postposed_no", "ending_well",
              "asking_meaning", "command_amounts")
CONTROL_ANSWERS = {"yes": "yes_lead", "no": "no_lead", "not_sure": "unsure"}
"""controls.toml answer kinds that are answer words too; its yes and no are whole answers, so they count only
at the start ("she isn't" is a no there, not in "she isn't eating")."""
COMMAND_IDS = {"quit": "goodbye"}
"""controls.toml command kinds whose id in an answer differs."""
NOT_COMMANDS = frozenset(CONTROL_ANSWERS)

Phrase = tuple[str, ...]
Tokens = Callable[[str], list[str]]


@dataclass(frozen=True)
class AnswerWords:
    """A language's answer words and a topic's words per question, as token sequences."""

    words: Mapping[str, tuple[Phrase, ...]] = field(hash=False)
    """By kind (``WORD_KINDS``)."""
    commands: Mapping[str, tuple[Phrase, ...]] = field(hash=False)
    """By command id (repeat, slower, goodbye, ...)."""
    about: Mapping[str, tuple[Phrase, ...]] = field(hash=False)
    """By interview question id: what an answer to it talks about."""
    measure: Mapping[str, Phrase] = field(default_factory=dict, hash=False)
    """By interview question id: the cue word a bare number answering it is read with ("55" to the heart
    question is a pulse of 55, "37.2" to the fever question a temperature)."""
    well: Mapping[str, tuple[Phrase, ...]] = field(default_factory=dict, hash=False)
    """By interview question id: words that say that part is well only when said to that question ("she's been
    dry all day" denies accidents to the toilet question, but is fewer wet diapers to the walking one)."""
    missing: Mapping[str, tuple[Phrase, ...]] = field(default_factory=dict, hash=False)
    """By interview question id: what a well child does, whose absence is the sign ("no pee since lunch" to the
    walking and toilet question is fewer wet diapers, never a "no")."""
    not_applicable: Mapping[str, tuple[Phrase, ...]] = field(default_factory=dict, hash=False)
    """By interview question id: words that say part of the question does not apply to this child ("still in
    nappies" to the toilet-control question)."""
    contracted: frozenset[str] = frozenset()
    """Words as written or heard, never expanded, that no answer ends on: a contracted subject and verb ("it's",
    "she's"; ``answer_unfinished.ends_contracted``)."""
    graded: Mapping[str, tuple[Phrase, ...]] = field(default_factory=dict, hash=False)
    """By interview question id: words of the question that, graded mild ("a bit dozy"), say less than its sign
    ("very sleepy or hard to wake"; ``AnswerReader._below_the_sign``)."""
    tied: Mapping[str, Mapping[str, tuple[Phrase, ...]]] = field(default_factory=dict, hash=False)
    """By interview question id, then sign id: words that are about that sign alone, besides its name and phrases
    ("woke" is about "hard to wake", never breathing; ``denied_part.signs_about``)."""
    started: Mapping[str, Mapping[str, tuple[Phrase, ...]]] = field(default_factory=dict, hash=False)
    """By interview question id, then a duration as the question's measure reads it ("a day"): starts said in words
    that mean at most that long ("just this morning"; ``answer_started``)."""
    graded_sign: Mapping[str, str] = field(default_factory=dict, hash=False)
    """By interview question id: the sign its ``graded`` words say less of ("very_drowsy"): the one sign a mild
    word beside a denial leaves in doubt (``AnswerReader._mild_beside_a_no``)."""
    working: Mapping[str, tuple[Phrase, ...]] = field(default_factory=dict, hash=False)
    """By interview question id: what a well body does, said alone as what the child is doing ("she is breathing",
    "his heart is beating"): reassurance, never the sign (``AnswerReader._working_said``)."""
    latest: Mapping[str, Mapping[str, tuple[Phrase, ...]]] = field(default_factory=dict, hash=False)
    """By interview question id, then sign id: the sign's own latest time ("last night" for pain that wakes the
    child at night): a sign said with it is so now, whatever the day is like (``answer_ongoing.latest_time``)."""

    @classmethod
    def load(cls, intents: IntentSet) -> AnswerWords:
        """Read the language's and the topics' answers.toml beside the loaded intents (IntentError if wrong)."""
        spelling = intents.language.spelling

        def tokens(text: str) -> list[str]:
            return [spelling.canonical(w) for w in spelling.tokens(text)]

        folder = intents.folder
        table = _read(folder / FILE_NAME, "answers") if folder is not None else {}
        words = {kind: _phrases(table.get(kind, []), tokens, f"{FILE_NAME}: {kind}") for kind in WORD_KINDS
                 if kind != "no_lead"}
        words["no_lead"] = ()
        for control, kind in CONTROL_ANSWERS.items():
            words[kind] = (*words[kind], *(tuple(tokens(p)) for p in intents.controls.get(control, ())))
        commands = {COMMAND_IDS.get(k, k): tuple(tuple(tokens(p)) for p in v)
                    for k, v in intents.controls.items() if k not in NOT_COMMANDS}
        commands = _with_answer_commands(commands, _read(folder / FILE_NAME, "commands") if folder is not None else {}, tokens)
        about: dict[str, tuple[Phrase, ...]] = {}
        measure: dict[str, Phrase] = {}
        well: dict[str, tuple[Phrase, ...]] = {}
        missing: dict[str, tuple[Phrase, ...]] = {}
        not_applicable: dict[str, tuple[Phrase, ...]] = {}
        graded: dict[str, tuple[Phrase, ...]] = {}
        tied: dict[str, dict[str, tuple[Phrase, ...]]] = {}
        started: dict[str, dict[str, tuple[Phrase, ...]]] = {}
        latest: dict[str, dict[str, tuple[Phrase, ...]]] = {}
        working: dict[str, tuple[Phrase, ...]] = {}
        graded_sign: dict[str, str] = {}
        for topic in intents.topics:
            path = folder / "topics" / topic.id / FILE_NAME if folder is not None else None
            known = {q.id for q in topic.interview} | {ANYTHING_ELSE}
            found = _by_question(path, "about", known)
            about.update({key: _phrases(value, tokens, f"{path}: about: {key}") for key, value in found.items()})
            well.update({key: _phrases(value, tokens, f"{path}: well: {key}")
                         for key, value in _by_question(path, "well", known).items()})
            missing.update({key: _phrases(value, tokens, f"{path}: missing: {key}")
                            for key, value in _by_question(path, "missing", known).items()})
            not_applicable.update({key: _phrases(value, tokens, f"{path}: not_applicable: {key}")
                                   for key, value in _by_question(path, "not_applicable", known).items()})
            graded.update({key: _phrases(value, tokens, f"{path}: graded: {key}")
                           for key, value in _by_question(path, "graded", known).items()})
            working.update({key: _phrases(value, tokens, f"{path}: working: {key}")
                            for key, value in _by_question(path, "working", known).items()})
            for key, value in _by_question(path, "graded_sign", known).items():
                if not isinstance(value, str) or value not in {s for q in topic.interview for s in q.symptoms}:
                    raise IntentError(f"{path}: graded_sign: {key}: must be one sign id the interview asks about")
                graded_sign[key] = value
            for key, value in _by_question(path, "tied", known).items():
                if not isinstance(value, dict):
                    raise IntentError(f"{path}: tied: {key}: must be a table of sign ids")
                tied[key] = {sign: _phrases(words, tokens, f"{path}: tied: {key}: {sign}") for sign, words in value.items()}
            for key, value in _by_question(path, "latest", known).items():
                if not isinstance(value, dict):
                    raise IntentError(f"{path}: latest: {key}: must be a table of sign ids")
                signs = {s for q in topic.interview if q.id == key for s in q.symptoms}
                if not set(value) <= signs:
                    raise IntentError(f"{path}: latest: {key}: {sorted(set(value) - signs)[0]}: not a sign it asks about")
                latest[key] = {sign: _phrases(words, tokens, f"{path}: latest: {key}: {sign}")
                               for sign, words in value.items()}
            for key, value in _by_question(path, "started", known).items():
                if not isinstance(value, dict):
                    raise IntentError(f"{path}: started: {key}: must be a table of durations")
                started[key] = {span: _phrases(words, tokens, f"{path}: started: {key}: {span}")
                                for span, words in value.items()}
            for key, value in _by_question(path, "measure", known).items():
                cue = _phrases([value] if isinstance(value, str) else value, tokens, f"{path}: measure: {key}")
                if len(cue) != 1:
                    raise IntentError(f"{path}: measure: {key}: must be one text (a word such as \"pulse\")")
                measure[key] = cue[0]
        raw = table.get("unfinished_contracted", [])
        if not isinstance(raw, list) or not all(isinstance(v, str) for v in raw):
            raise IntentError(f"{FILE_NAME}: unfinished_contracted: must be a list of texts")
        contracted = frozenset(v.lower().replace("\u2019", "'") for v in raw)
        return cls(words, commands, about, measure, well, missing, not_applicable, contracted, graded, tied, started,
                   graded_sign=graded_sign, working=working, latest=latest)


def _by_question(path: Path | None, table: str, known: set[str]) -> dict[str, Any]:
    found = _read(path, table) if path is not None else {}
    unknown = sorted(set(found) - known)
    if unknown:
        raise IntentError(f"{path}: {table}: {unknown[0]}: not an interview id of the topic "
                          f"(expected one of: {', '.join(sorted(known))})")
    return found


def _with_answer_commands(commands: dict[str, tuple[Phrase, ...]], table: Mapping[str, Any],
                          tokens: Tokens) -> dict[str, tuple[Phrase, ...]]:
    """The commands with the wordings heard only inside answers (answers.toml ``[commands]``, by command id).
    controls.toml trains the recogniser's language model; these are read from what was heard and never change
    what is heard (IntentError for an id controls.toml does not have)."""
    merged = dict(commands)
    for key, value in table.items():
        if key not in merged:
            raise IntentError(f"{FILE_NAME}: commands: {key}: not a command of controls.toml")
        merged[key] = (*merged[key], *_phrases(value, tokens, f"{FILE_NAME}: commands: {key}"))
    return merged


def _read(path: Path, table: str) -> dict[str, Any]:
    if not path.is_file():
        return {}
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError) as exc:
        raise IntentError(f"{path}: cannot be read: {exc}") from None
    value = data.get(table, {})
    if not isinstance(value, dict):
        raise IntentError(f"{path}: {table}: must be a table")
    return value


def _phrases(value: Any, tokens: Tokens, where: str) -> tuple[Phrase, ...]:
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise IntentError(f"{where}: must be a list of texts")
    return tuple(p for p in (tuple(tokens(v)) for v in value) if p)


@dataclass(frozen=True)
class Spot:
    """Where answer words of one kind were found (token indexes)."""

    kind: str
    start: int
    end: int
    reading: bool = False
    """True for a number read as the question's measure and found normal ("28 a minute")."""

    @property
    def size(self) -> int:
        return self.end - self.start


def find(tokens: Sequence[str], kinds: Mapping[str, Iterable[Phrase]]) -> Iterable[Spot]:
    for kind, phrases in kinds.items():
        for phrase in phrases:
            size = len(phrase)
            for start in range(len(tokens) - size + 1):
                if tuple(tokens[start:start + size]) == phrase:
                    yield Spot(kind, start, start + size)


def resolve(spots: Iterable[Spot]) -> list[Spot]:
    """Overlapping spots: the longer wins, then the earlier kind in WORD_KINDS order (a hedge before a no)."""
    order = {kind: i for i, kind in enumerate(WORD_KINDS)}
    chosen: list[Spot] = []
    taken: set[int] = set()
    for spot in sorted(spots, key=lambda s: (-s.size, order.get(s.kind, -1), s.start)):
        span = set(range(spot.start, spot.end))
        if not span & taken:
            chosen.append(spot)
            taken |= span
    return sorted(chosen, key=lambda s: s.start)
