"""Text in, triage result out: the part every mode shares (matching then triage)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

from voicecare import intents as intent_files
from voicecare import triage
from voicecare.domain import Finding, IntentSet, TriageResult
from voicecare.matching import Matcher, MatchSettings

MAX_UTTERANCE_CHARS = 2_000
"""Longer input is cut: nobody says more in one breath, and matching stays fast."""


@dataclass
class Assistant:
    """Loaded intents and matcher; answers utterances, saying the disclaimer once."""

    intents: IntentSet
    matcher: Matcher
    disclaimer_due: bool = field(default=True)

    @classmethod
    def load(cls, directory: Path | None = None, settings: MatchSettings | None = None, *,
             language: str = intent_files.DEFAULT_LANGUAGE, topic: str | None = None) -> Assistant:
        """Load one language and one topic (the only disk access) and build the matcher.

        ``topic`` may be left out when the language has only one.
        """
        loaded = intent_files.load(directory, language, topic)
        return cls(loaded, Matcher(loaded, settings))

    def answer(self, utterance: str) -> TriageResult:
        """Triage one utterance."""
        return self.triage(triage.findings(self.matcher.match(utterance[:MAX_UTTERANCE_CHARS]), self.intents))

    def triage(self, found: Sequence[Finding]) -> TriageResult:
        """Triage findings; the disclaimer is included the first time only (rule 8)."""
        result = triage.triage(found, self.intents, disclaimer=self.disclaimer_due)
        self.disclaimer_due = False
        return result
