"""Text in, triage result out: the part every mode shares (matching then triage)."""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from voicecare import intents as intent_files
from voicecare import triage
from voicecare.domain import Finding, IntentSet, Status, TriageResult
from voicecare.matching import Matcher, MatchSettings

MAX_UTTERANCE_CHARS = 2_000
"""Longer input is matched in overlapping windows of this size, so matching stays fast and nothing is cut."""
WINDOW_OVERLAP_CHARS = 300
"""Characters each window shares with the previous one: a sentence cut by one window is whole in the next."""


@dataclass
class Assistant:
    """Loaded intents and matcher; answers utterances, saying the disclaimer once."""

    intents: IntentSet
    matcher: Matcher
    disclaimer_due: bool = field(default=True)

    @classmethod
    def load(cls, directory: Path | None = None, settings: MatchSettings | None = None) -> Assistant:
        """Load the intent files (the only disk access) and build the matcher."""
        loaded = intent_files.load(directory)
        return cls(loaded, Matcher(loaded, settings))

    def answer(self, utterance: str) -> TriageResult:
        """Triage one utterance of any length (a long one window by window, the most serious reading kept)."""
        return self.triage(self.findings(utterance))

    def findings(self, utterance: str) -> tuple[Finding, ...]:
        """What one utterance says about the child; a long one is read in overlapping windows."""
        if len(utterance) <= MAX_UTTERANCE_CHARS:
            return triage.findings(self.matcher.match(utterance), self.intents)
        return most_serious(triage.findings(self.matcher.match(part), self.intents) for part in windows(utterance))

    def triage(self, found: Sequence[Finding]) -> TriageResult:
        """Triage findings; the disclaimer is included the first time only (rule 8)."""
        result = triage.triage(found, self.intents, disclaimer=self.disclaimer_due)
        self.disclaimer_due = False
        return result


def windows(text: str, size: int = MAX_UTTERANCE_CHARS, overlap: int = WINDOW_OVERLAP_CHARS) -> Iterator[str]:
    """Overlapping stretches of ``text`` of at most ``size`` characters, cut between words where there is a space."""
    start = 0
    while True:
        end = min(len(text), start + size)
        if end < len(text):
            space = text.rfind(" ", start + overlap + 1, end)
            end = space if space > 0 else end
        yield text[start:end]
        if end >= len(text):
            return
        back = text.find(" ", end - overlap, end)
        start = back + 1 if back > start else end - overlap


def most_serious(parts: Iterable[Sequence[Finding]]) -> tuple[Finding, ...]:
    """One finding per symptom from readings of separate parts (windows of text, stretches of audio).

    Within a part the later statement wins (rule 9); across parts a sign
    affirmed anywhere is kept, and kept certain if any part was certain, so
    splitting long input never lowers the answer.
    """
    kept: dict[str, Finding] = {}
    for found in parts:
        for finding in found:
            before = kept.get(finding.symptom.id)
            if before is None or _outranks(finding, before):
                kept[finding.symptom.id] = finding
    return tuple(kept.values())


def _outranks(new: Finding, old: Finding) -> bool:
    if old.status is Status.PRESENT:
        return new.status is Status.PRESENT and old.uncertain and not new.uncertain
    return new.status is Status.PRESENT or triage.replaces(old.status, new.status)
