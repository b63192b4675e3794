"""Text in, triage result out: the part every mode shares (matching then triage)."""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from voicecare import intents as intent_files
from voicecare.domain import Finding, IntentSet, Level, Status, TriageResult
from voicecare.understanding import context, triage
from voicecare.understanding.care import CareQuestion
from voicecare.understanding.matching import Matcher, MatchSettings

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

    def understand(self, transcript: str, *, guess: bool = True) -> tuple[Finding, ...]:
        """What a final transcript says about the child: one finding per symptom, the last statement winning.

        A transcript longer than MAX_UTTERANCE_CHARS is read in overlapping windows, the most serious reading kept.
        ``guess``: the learned last guess may add a sign; not for a partial result or a recogniser's other
        readings, which are guesses already (their words are the recogniser's, not the caregiver's).
        """
        if len(transcript) <= MAX_UTTERANCE_CHARS:
            return triage.findings(self.matcher.match(transcript, last_guess=guess), self.intents)
        return most_serious(triage.findings(self.matcher.match(part, last_guess=guess), self.intents)
                            for part in windows(transcript))

    def understand_partial(self, partial: str) -> dict[str, Finding]:
        """The present findings of a partial transcript when together they are an emergency, by symptom id.

        Said at once, before the caregiver has finished (rule 3); anything less waits for the final transcript.
        Another child's sign that is 911 whoever's child has it ("... and the baby next to him is blue") counts
        as well (``Finding.another_child``): it made the final answer "Call 911 now", and a partial result holding
        it gave none (understand45, #7). The child's own finding of a sign comes first.
        """
        found = self.understand(partial, guess=False)
        if triage.triage(found, self.intents, disclaimer=False).disposition is not Level.EMERGENCY:
            return {}
        theirs = {f.symptom.id: f for f in found if f.status is Status.OTHER and f.another_child}
        return theirs | {f.symptom.id: f for f in found if f.status is Status.PRESENT}

    def answer(self, utterance: str) -> TriageResult:
        """Triage one utterance of any length, answering a care question asked in it."""
        found = self.understand(utterance)
        return self.triage(found, self.care_questions(utterance[:MAX_UTTERANCE_CHARS]), bare=self._bare(utterance, found))

    def _bare(self, utterance: str, found: Sequence[Finding]) -> bool:
        """True when ``utterance`` says nothing but ``found`` and small words ("no fever", "um, no chills or fever")."""
        language = self.intents.language
        clauses = language.context.clauses
        small = (language.optional_words | language.negations | language.skippable | language.fillers
                 | language.context.list_joiners | clauses.subjects | clauses.verbs)
        said = {language.spelling.canonical(w) for f in found for w in language.tokens(f.heard)}
        return all(w in said or w in small for w in (language.spelling.canonical(t) for t in language.tokens(utterance)))

    def care_questions(self, text: str, *, on_topic: bool = False) -> tuple[CareQuestion, ...]:
        """The care question asked in ``text``, if any ("how long do I ice it?").

        ``on_topic``: the conversation is already about the topic, so the question needs no topic word.
        """
        if self.intents.care is None:
            return ()
        spelling = self.intents.language.spelling
        heard, breaks = spelling.tokens_and_breaks(text)
        words = [spelling.canonical(w) for w in heard]
        where = context.scene(words, breaks, self.intents.language.context, (), heard)
        return self.intents.care.recognise(text, words, breaks, on_topic=on_topic,
                                           theirs=lambda i: context.said_of_another(where, i))

    def triage(self, found: Sequence[Finding], care: Sequence[CareQuestion] = (), *, bare: bool = False) -> TriageResult:
        """Triage findings; the disclaimer is included the first time only (rule 8). ``bare``: see ``triage.triage``."""
        result = triage.triage(found, self.intents, disclaimer=self.disclaimer_due, care=care, bare=bare)
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
