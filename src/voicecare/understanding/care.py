"""Questions about care at home ("can I use a heating pad at night?"): recognised, so they are answered first.

Each topic lists its care questions as word groups and a short answer in
``care.toml``; the language says what makes an utterance a question.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from voicecare.understanding.text import Spelling


@dataclass(frozen=True)
class CareIntent:
    """One kind of care question and its short answer, as written in a topic's ``care.toml``."""

    id: str
    groups: tuple[tuple[frozenset[str], ...], ...]
    """Patterns: every word group of one pattern must have a word in the utterance."""
    answer: str
    instead_of: frozenset[str] = frozenset()
    """Narrower questions this one answers better ("ice and heat" instead of "ice" and "heat")."""
    alone: tuple[tuple[frozenset[str], ...], ...] = ()
    """Patterns that hold with no topic word: this topic's own care ("a heating pad at night?")."""
    undecided: bool = False
    """A question that no answer settles without signs ("should I call 911?"): asked with nothing about the
    child it leaves the reply unclear, its answer said instead of "I missed that" (rule 7)."""
    unframed: tuple[tuple[frozenset[str], ...], ...] = ()
    """Patterns that hold with no topic word in plain words of care ("can she go to daycare?", "should I give her
    paracetamol?"): answered, the level left to the signs (``CareQuestion.unframed``)."""


@dataclass(frozen=True)
class CareQuestion:
    """A care question recognised in what was said."""

    id: str
    answer: str
    heard: str
    """The words that showed it."""
    undecided: bool = False
    """See ``CareIntent.undecided``."""
    unframed: bool = False
    """Asked with no word of the topic, in no conversation about it ("can she go to daycare?", "should I give her
    paracetamol?"): answered from the care facts all the same (policy: care questions; REVIEW18 F14), while the
    disposition is the signs' alone, unclear when none was said (understand45, #7)."""


@dataclass(frozen=True)
class CareBook:
    """Every topic's care questions, and how this language asks."""

    intents: tuple[CareIntent, ...]
    topic_words: frozenset[str]
    """Words that tie a question to the topics ("back")."""
    elsewhere: frozenset[str]
    """Places a question may name that are not the topic's ("knee"): a heating pad for a knee is not ours."""
    starts: frozenset[str]
    """Words that open a question ("can", "should", "how")."""
    asks: tuple[tuple[str, ...], ...]
    """Phrases that ask anywhere ("any tips", "i want to know")."""
    stem: Spelling
    fillers: frozenset[str] = frozenset()
    """Said before the opening word without changing it ("um, how long ...")."""

    def recognise(self, text: str, words: Sequence[str], breaks: Mapping[int, bool], *,
                  on_topic: bool = False, theirs: Callable[[int], bool] | None = None) -> tuple[CareQuestion, ...]:
        """The care question asked in ``words`` (tokens of ``text``), the most specific.

        ``on_topic`` is set when the conversation is already about the topic,
        so "can she go to daycare?" needs no "back" of its own. ``theirs`` tells whether the word at a position is
        said of someone other than the child: "can I give my wife paracetamol for her back?" names no back of the
        child's, so the question is answered unframed and the level is the signs' (policy: an adult's own symptoms
        are no finding; understand50, #7).
        """
        stems = {self.stem.stem(w): i for i, w in enumerate(words)} | {w: i for i, w in enumerate(words)}
        if not self._asks(text, words, breaks):
            return ()
        said_topic = any(self._names_topic(words, i) and not (theirs is not None and theirs(i))
                         for i in range(len(words)))
        if not said_topic and any(w in stems for w in self.elsewhere):
            return ()
        on_topic = on_topic or said_topic
        found: list[CareQuestion] = []
        for intent in self.intents:
            # The topic's own care (a heating pad) first; a plain care question holds too, unframed without the topic.
            framed = [(p, False) for p in (*intent.alone, *(intent.groups if on_topic else ()))]
            for pattern, unframed in [*framed, *((p, True) for p in (intent.unframed if not on_topic else ()))]:
                places = _places(pattern, stems)
                if places is not None:
                    found.append(CareQuestion(intent.id, intent.answer, " ".join(words[p] for p in places),
                                             intent.undecided, unframed and not intent.undecided))
                    break
        dropped = {i for intent in self.intents if intent.id in {q.id for q in found} for i in intent.instead_of}
        return tuple(q for q in found if q.id not in dropped)[:1]  # one short answer, the most specific (data order)

    def _names_topic(self, words: Sequence[str], index: int) -> bool:
        """True when words[index] names the topic, not another place it describes ("the back molars")."""
        word = words[index]
        if word not in self.topic_words and self.stem.stem(word) not in self.topic_words:
            return False
        after = words[index + 1] if index + 1 < len(words) else ""
        return after not in self.elsewhere and self.stem.stem(after) not in self.elsewhere

    def _asks(self, text: str, words: Sequence[str], breaks: Mapping[int, bool]) -> bool:
        if "?" in text:
            return True
        openings = {self._past_fillers(words, i) for i in {0} | {i for i, full in breaks.items() if full}}
        if any(i < len(words) and words[i] in self.starts for i in openings):
            return True
        joined = f" {' '.join(words)} "
        return any(f" {' '.join(phrase)} " in joined for phrase in self.asks)

    def _past_fillers(self, words: Sequence[str], index: int) -> int:
        """The first word at or after ``index`` that is not a filler: "um how long" opens with "how"."""
        while index < len(words) and words[index] in self.fillers:
            index += 1
        return index


def _places(pattern: tuple[frozenset[str], ...], stems: Mapping[str, int]) -> list[int] | None:
    """Where each group of a pattern has a word, each at its own place (the first, so ``heard`` is the same at
    every run: a set's order changes with the hash seed, review18 F15); None when one has none."""
    places: list[int] = []
    for group in pattern:
        place = min((stems[w] for w in group if w in stems and stems[w] not in places), default=None)
        if place is None:
            return None
        places.append(place)
    return sorted(places)


def read(topics: Mapping[str, Mapping[str, Any]], starts: Sequence[str], asks: Sequence[str], spelling: Spelling,
         problems: list[str], fillers: frozenset[str] = frozenset()) -> CareBook:
    """A CareBook from every topic's ``care.toml`` (keyed by path) and the language's ``[questions]`` words."""
    intents: list[CareIntent] = []
    topic_words: set[str] = set()
    elsewhere: set[str] = set()
    for where, data in topics.items():
        for key in data:
            if key not in ("care", "topic_words", "elsewhere"):
                problems.append(f"{where}: {key}: unknown key (expected one of: care, elsewhere, topic_words)")
        topic_words |= {spelling.stem(w) for w in _words(data.get("topic_words"), f"{where}: topic_words", problems)}
        elsewhere |= {spelling.stem(w) for w in _words(data.get("elsewhere", []), f"{where}: elsewhere", problems)}
        table = data.get("care", {})
        if not isinstance(table, dict):
            problems.append(f"{where}: care: must be a table")
            continue
        intents += [i for key, body in table.items() if (i := _intent(key, body, f"{where}: care.{key}", spelling, problems))]
    phrases = tuple(tuple(spelling.tokens(p)) for p in asks)
    return CareBook(tuple(intents), frozenset(topic_words), frozenset(elsewhere), frozenset(starts), phrases, spelling,
                    fillers)


def _words(value: Any, where: str, problems: list[str]) -> list[str]:
    if not isinstance(value, list) or not all(isinstance(v, str) and v.strip() for v in value):
        problems.append(f"{where}: must be a list of texts")
        return []
    return [v.strip().lower() for v in value]


def _intent(key: str, body: Any, where: str, spelling: Spelling, problems: list[str]) -> CareIntent | None:
    if not isinstance(body, dict):
        problems.append(f"{where}: must be a table")
        return None
    for name in body:
        if name not in ("near", "near_alone", "near_unframed", "answer", "instead_of", "undecided"):
            problems.append(f"{where}: {name}: unknown key (expected one of: answer, instead_of, near, near_alone, "
                            "near_unframed, undecided)")
    answer = body.get("answer")
    if not isinstance(answer, str) or not answer.strip():
        problems.append(f"{where}: answer: missing text")
        return None
    patterns = _patterns(body.get("near"), f"{where}: near", spelling, problems)
    alone = _patterns(body.get("near_alone", []), f"{where}: near_alone", spelling, problems)
    instead_of = frozenset(_words(body.get("instead_of", []), f"{where}: instead_of", problems))
    undecided = body.get("undecided", False)
    if not isinstance(undecided, bool):
        problems.append(f"{where}: undecided: must be true or false")
        undecided = False
    unframed = _patterns(body.get("near_unframed", []), f"{where}: near_unframed", spelling, problems)
    return CareIntent(key, patterns, answer.strip(), instead_of, alone, undecided, unframed)


def _patterns(value: Any, where: str, spelling: Spelling, problems: list[str]) -> tuple[tuple[frozenset[str], ...], ...]:
    return tuple(
        tuple(frozenset(spelling.stem(w) for w in spelling.tokens(group)) for group in pattern.split("+"))
        for pattern in _words(value, where, problems)
    )
