"""Symptom phrases and loose patterns as compiled from the intents, and the thresholds they are matched by."""

from __future__ import annotations

from dataclasses import dataclass

from voicecare.understanding.language import Language
from voicecare.understanding.text import Spelling, split_window, word_groups


@dataclass(frozen=True)
class MatchSettings:
    """Thresholds of the matcher, 0-100 like rapidfuzz scores."""

    word_cutoff: float = 80.0
    """Least similarity for a heard word to stand for a phrase word ("fewer" ~ "fever")."""
    min_fuzzy_length: int = 5
    """Unless one of the two words is this long, they must match exactly or by stem ("week" is not "weak")."""
    min_heard_length: int = 4
    """Heard words shorter than this are never matched fuzzily ("hot" is not "hit")."""
    max_length_difference: int = 2
    """Fuzzy partners differ by at most this many letters ("cousin" is not "confusion")."""
    phrase_cutoff: float = 78.0
    """Least score for a phrase to count as found."""
    certain_score: float = 90.0
    """Below this a match is reported as uncertain (it still counts)."""
    max_gap: int = 2
    """Filler words allowed between two phrase words ("hard to, uh, wake")."""
    hedge_gap: int = 3
    """More words a phrase's own "not" may reach over, all of them hedges ("doesn't seem to be breathing")."""
    gap_penalty: float = 3.0
    near_window: int = 6
    tight_window: int = 3
    """A loose pattern demanding its words this close ("he + stiff within 3") is a phrase in any
    order, said in one breath: it never reaches over a comma or full stop ("her neck is stiff, she ...")."""
    """Most words a ``near`` pattern may span, first to last."""
    sound_score: float = 85.0
    """Score of a sound-alike partner ("raising" for "racing"); below certain, so it is reported unsure."""
    min_sound_length: int = 5
    """Shorter words share sound keys too easily."""
    stem_score: float = 92.0
    """Score of a same-stem partner ("breathe" for "breathing"). Loose ``near`` patterns take
    only exact words and same-stem forms, never look-alikes ("walking" is not "waking")."""
    optional_weight: float = 0.4
    cache_size: int = 20_000


@dataclass(frozen=True)
class Phrase:
    """A symptom phrase as matched: its words in order, each required or optional."""

    symptom: str
    words: tuple[str, ...]
    required: tuple[bool, ...]
    negation_inside: bool
    plain: bool = False
    """True when every word is an everyday one ("out of it"): none of its words may be left out."""


@dataclass(frozen=True)
class Near:
    """A loose pattern: one word of each group, in any order, within a window."""

    symptom: str
    groups: tuple[frozenset[str], ...]
    window: int | None
    negation_inside: bool = False
    """A group of denial words ("doctor + not never nobody"): its "not" is the symptom, never a denial of it."""
    turns: bool = False
    """A group of contrast words ("accident + but though + dry trained"): the background, then the sign."""


def compile_phrase(symptom: str, text: str, language: Language, everyday: frozenset[str] = frozenset()) -> Phrase:
    """A phrase as matched: the language's optional words (``[matching]``) may be missing when heard."""
    optional = language.optional_words
    words = [language.spelling.canonical(w) for w in language.tokens(text)]
    # Leading and trailing optional words would only blur where a mention starts.
    while len(words) > 1 and words[0] in optional:
        words.pop(0)
    while len(words) > 1 and words[-1] in optional:
        words.pop()
    required = tuple(w not in optional for w in words)
    plain = len(words) > 1 and all(w in everyday for w in words)
    return Phrase(symptom, tuple(words), required, any(w in language.negations for w in words), plain)


def exact_or_stem(heard: str, word: str, spelling: Spelling) -> bool:
    """True when ``heard`` is ``word`` itself or a form of it, not a look-alike ("waking" is not "walking").

    A form with its last letter dropped in speech ("burnin up") is the word itself.
    """
    return heard == word or spelling.stem(heard) == spelling.stem(word) or spelling.unclipped(heard) == word


def near_partner(heard: str, word: str, known: frozenset[str], spelling: Spelling) -> bool:
    """Loose patterns take exact and same-stem words; a look-alike only for a word we know nothing of.

    "walking" is a word of its own here, so it never stands for "waking";
    "tempature" is no word at all, so it may stand for "temperature".
    """
    return exact_or_stem(heard, word, spelling) or heard not in known


def compile_near(symptom: str, text: str, spelling: Spelling, negations: frozenset[str] = frozenset(),
                  contrasts: frozenset[str] = frozenset()) -> Near:
    text, window = split_window(text)
    groups = word_groups(text, spelling)
    return Near(symptom, groups, window, any(g <= negations for g in groups), any(g <= contrasts for g in groups))


