"""Text in, triage result out: the part every mode shares (matching then triage)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

from voicecare import intents as intent_files
from voicecare import triage
from voicecare.care import CareQuestion
from voicecare.domain import Finding, IntentSet, Level, Status, TriageResult
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
        return cls.from_settings(intent_files.IntentSettings(directory, language, topic), settings)

    @classmethod
    def from_settings(cls, intents: intent_files.IntentSettings, matching: MatchSettings | None = None) -> Assistant:
        """The assistant for these settings (built once from the command line or the config file)."""
        loaded = intents.load()
        return cls(loaded, Matcher(loaded, matching))

    def understand(self, transcript: str) -> tuple[Finding, ...]:
        """What a final transcript says about the child: one finding per symptom, the last statement winning."""
        return triage.findings(self.matcher.match(transcript[:MAX_UTTERANCE_CHARS]), self.intents)

    def understand_partial(self, partial: str) -> dict[str, Finding]:
        """The present findings of a partial transcript when together they are an emergency, by symptom id.

        Said at once, before the caregiver has finished (rule 3); anything less waits for the final transcript.
        """
        found = self.understand(partial)
        if triage.triage(found, self.intents, disclaimer=False).disposition is not Level.EMERGENCY:
            return {}
        return {f.symptom.id: f for f in found if f.status is Status.PRESENT}

    def answer(self, utterance: str) -> TriageResult:
        """Triage one utterance, answering a care question asked in it."""
        text = utterance[:MAX_UTTERANCE_CHARS]
        return self.triage(self.understand(text), self.care_questions(text))

    def care_questions(self, text: str, *, on_topic: bool = False) -> tuple[CareQuestion, ...]:
        """The care question asked in ``text``, if any ("how long do I ice it?").

        ``on_topic``: the conversation is already about the topic, so the question needs no topic word.
        """
        if self.intents.care is None:
            return ()
        spelling = self.intents.language.spelling
        heard, breaks = spelling.tokens_and_breaks(text)
        return self.intents.care.recognise(text, [spelling.canonical(w) for w in heard], breaks, on_topic=on_topic)

    def triage(self, found: Sequence[Finding], care: Sequence[CareQuestion] = ()) -> TriageResult:
        """Triage findings; the disclaimer is included the first time only (rule 8)."""
        result = triage.triage(found, self.intents, disclaimer=self.disclaimer_due, care=care)
        self.disclaimer_due = False
        return result
