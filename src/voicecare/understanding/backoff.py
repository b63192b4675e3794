"""The red-flag backoff: words that only point at a warning sign, tried when no sign as serious was heard.

Lists of what caregivers say never end: "not getting enough air", "won't get up
from his nap". When no sign at least as serious was found, a topic's
``backoff`` patterns (a body system's words + words saying something is wrong
with it, in one clause) make that sign a guess. The same context rules as any
mention apply (not denied, not someone else's, not past, not ordinary); a guess
counts (rule 4: when unsure, escalate) and is read back as one (rule 14).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass

from voicecare.domain import Level
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


@dataclass(frozen=True)
class Pattern:
    """One backoff pattern: one word of each group, in one clause, close together."""

    symptom: str
    groups: tuple[frozenset[str], ...]
    window: int | None


NearHit = Callable[[Pattern, Sequence[str], Sequence[dict[str, float]], int, float], "Hit | None"]
"""The matcher's loose-pattern test, given the pattern, words, candidates, anchor position and its score."""


class Backoff:
    """A topic's backoff patterns, indexed by the words of their first group."""

    def __init__(self, patterns: Mapping[str, Sequence[str]], spelling: Spelling, stem_score: float) -> None:
        self._spelling = spelling
        self._stem_score = stem_score
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

    def __bool__(self) -> bool:
        return bool(self._by_word)

    def candidates(self, words: Sequence[str]) -> list[dict[str, float]]:
        """Pattern words each heard word stands for: itself or a form of it, never a look-alike."""
        found = []
        for word in words:
            same = self._stems.get(self._spelling.stem(word), ())
            found.append({w: EXACT if w == word else self._stem_score for w in same})
        return found

    def hits(self, words: Sequence[str], breaks: Mapping[int, bool], near_hit: NearHit,
             skip: Iterable[str]) -> list[Hit]:
        """Every backoff mention in one clause, of a sign not already spoken of (``skip``)."""
        said = set(skip)
        candidates = self.candidates(words)
        found = []
        for start, options in enumerate(candidates):
            for word, score in options.items():
                for pattern in self._by_word.get(word, ()):
                    if pattern.symptom in said:
                        continue
                    hit = near_hit(pattern, words, candidates, start, score)
                    if hit is not None and not any(k in breaks for k in range(hit.start + 1, hit.end)):
                        found.append(hit)
        return found
