"""The red-flag backoff: words that only point at a warning sign, tried when no sign as serious was heard.

Lists of what caregivers say never end: "not getting enough air", "won't get up
from his nap". When no sign at least as serious was found, a topic's
``backoff`` patterns (a body system's words + words saying something is wrong
with it, in one clause) make that sign a guess. The same context rules as any
mention apply (not denied, not someone else's, not past, not ordinary); a guess
counts (rule 4: when unsure, escalate) and is read back as one (rule 14).
"""

from __future__ import annotations

from collections.abc import Callable, Collection, Iterable, Mapping, Sequence
from dataclasses import dataclass

from rapidfuzz import fuzz, process

from voicecare.domain import Combination, Level
from voicecare.understanding.mentions import Hit
from voicecare.understanding.text import Spelling, split_window, word_groups

RED_FLAG = Level.URGENT
"""Signs at this level or higher are red flags; only they are guessed."""
EXACT = 100.0


def worth_guessing(present: Iterable[Level]) -> Level | None:
    """Guesses are kept only of signs more serious than this level, None when none would be.

    A fever or tingling legs found does not settle whether the child is also blue or
    cannot be woken: a guess at an emergency sign stays open until one is found.
    """
    found = min(present, default=Level.UNCLEAR)
    return None if found <= Level.EMERGENCY else min(found, Level(RED_FLAG + 1))


def completing(present: Collection[str], combinations: Iterable[Combination]) -> Level | None:
    """Guesses at this level or more serious complete a combination with what was found, None when none would.

    After a fall ("fell from the top bunk"), legs said not to move in words only a family knows ("her legs
    aren't moving") are a guess no more serious than the fall, yet together they are 911 (the topic's
    combination): such a guess is worth keeping though a sign as serious was found.
    """
    raised = [c.with_level for c in combinations if set(c.when) <= set(present)]
    return min(raised) if raised else None


@dataclass(frozen=True)
class Pattern:
    """One backoff pattern: one word of each group, in one clause, close together."""

    symptom: str
    groups: tuple[frozenset[str], ...]
    window: int | None


NearHit = Callable[[Pattern, Sequence[str], Sequence[dict[str, float]], int, float], "Hit | None"]
"""The matcher's loose-pattern test, given the pattern, words, candidates, anchor position and its score."""


@dataclass(frozen=True)
class Typos:
    """How a word no dictionary knows may still be a pattern word misspelt ("purpel", "reactng", "lipps").

    A real word stands for itself ("bluey" is a cartoon, not a colour); only a non-word is read as the
    nearest pattern word, as the matcher reads "tempature" as temperature.
    """

    known: frozenset[str]
    """Words that stand for themselves (the matcher's lexicon: everyday words and the topic's own)."""
    cutoff: float = 80.0
    """Least similarity (rapidfuzz ratio, 0-100) for a misspelling."""
    min_length: int = 5
    """Shorter non-words are too often something else entirely."""
    max_length_difference: int = 2
    cache_size: int = 5_000


class Backoff:
    """A topic's backoff patterns, indexed by the words of their first group."""

    def __init__(self, patterns: Mapping[str, Sequence[str]], spelling: Spelling, stem_score: float,
                 typos: Typos | None = None) -> None:
        self._spelling = spelling
        self._stem_score = stem_score
        self._typos = typos
        self._misspelt: dict[str, dict[str, float]] = {}
        self._by_word: dict[str, list[Pattern]] = {}
        self._stems: dict[str, set[str]] = {}
        for symptom, texts in patterns.items():
            for text in texts:
                body, window = split_window(text)
                pattern = Pattern(symptom, word_groups(body, spelling), window)
                for word in pattern.groups[0]:
                    self._by_word.setdefault(word, []).append(pattern)
                for group in pattern.groups:
                    for word in group:
                        self._stems.setdefault(spelling.stem(word), set()).add(word)
        self._vocabulary = sorted({w for words in self._stems.values() for w in words})

    def __bool__(self) -> bool:
        return bool(self._by_word)

    def candidates(self, words: Sequence[str]) -> list[dict[str, float]]:
        """Pattern words each heard word stands for: itself, a form of it, or, for a non-word, its spelling
        mended; never a look-alike real word."""
        found = []
        for word in words:
            same = self._stems.get(self._spelling.stem(word), ())
            found.append({**self._mended(word), **{w: EXACT if w == word else self._stem_score for w in same}})
        return found

    def _mended(self, word: str) -> dict[str, float]:
        """The pattern words a misspelt non-word may be, with their similarity (empty for a real word)."""
        typos = self._typos
        if typos is None or word in typos.known or len(word) < typos.min_length or not word.isalpha():
            return {}
        cached = self._misspelt.get(word)
        if cached is None:
            cached = {choice: score for choice, score, _ in process.extract(
                word, self._vocabulary, scorer=fuzz.ratio, score_cutoff=typos.cutoff, limit=None)
                if abs(len(choice) - len(word)) <= typos.max_length_difference}
            if len(self._misspelt) >= typos.cache_size:
                self._misspelt.clear()  # bounded: a long session must not grow it
            self._misspelt[word] = cached
        return cached

    def forget(self) -> None:
        """Drop the cache of misspelt words (nothing a family said is kept after their session)."""
        self._misspelt.clear()

    def hits(self, words: Sequence[str], breaks: Mapping[int, bool], near_hit: NearHit,
             skip: Iterable[str], contrasts: Collection[str] = ()) -> list[Hit]:
        """Every backoff mention in one clause, of a sign not already spoken of (``skip``).

        A comma before a contrast the pattern names as its own word does not end its clause: in "I stretch
        him, but it does not go soft" the contrast is the news the pattern is written for.
        """
        said = set(skip)
        candidates = self.candidates(words)
        found = []
        for start, options in enumerate(candidates):
            for word, score in options.items():
                for pattern in self._by_word.get(word, ()):
                    if pattern.symptom in said:
                        continue
                    hit = near_hit(pattern, words, candidates, start, score)
                    if hit is not None and not any(k in breaks and not (k in hit.positions and words[k] in contrasts)
                                                   for k in range(hit.start + 1, hit.end)):
                        found.append(hit)
        return found
