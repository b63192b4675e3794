"""Text in, triage result out: the part every mode shares (matching then triage)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

from voicecare import intents as intent_files
from voicecare import triage
from voicecare.care import CareQuestion
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
    def load(cls, directory: Path | None = None, settings: MatchSettings | None = None) -> Assistant:
        """Load the intent files (the only disk access) and build the matcher."""
        loaded = intent_files.load(directory)
        return cls(loaded, Matcher(loaded, settings))

    def answer(self, utterance: str) -> TriageResult:
        """Triage one utterance, answering a care question asked in it."""
        text = utterance[:MAX_UTTERANCE_CHARS]
        return self.triage(triage.findings(self.matcher.match(text), self.intents), self.care_questions(text))

    def care_questions(self, text: str) -> tuple[CareQuestion, ...]:
        """The care question asked in ``text``, if any ("how long do I ice it?")."""
        if self.intents.care is None:
            return ()
        spelling = self.intents.language.spelling
        heard, breaks = spelling.tokens_and_breaks(text)
        return self.intents.care.recognise(text, [spelling.canonical(w) for w in heard], breaks)

    def triage(self, found: Sequence[Finding], care: Sequence[CareQuestion] = ()) -> TriageResult:
        """Triage findings; the disclaimer is included the first time only (rule 8)."""
        result = triage.triage(found, self.intents, disclaimer=self.disclaimer_due, care=care)
        self.disclaimer_due = False
        return result
