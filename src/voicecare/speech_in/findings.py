"""From what the recogniser heard to findings: the best reading, red flags only other readings showed, emergencies."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

from voicecare.domain import Finding, Level, Message, MessageKind, Status, TriageResult
from voicecare.interfaces import Transcript
from voicecare.speech_in.confidence import SURE
from voicecare.understanding import triage
from voicecare.understanding.assistant import Assistant

LOW_CONFIDENCE = 0.6
"""Mean word confidence (Vosk) below which what was heard is treated as unsure."""
RED_FLAG = Level.URGENT
"""Alternatives can add symptoms at this level or higher: a red flag heard in any likely reading counts."""


def unsure_red_flags(assistant: Assistant, transcript: Transcript, early: Sequence[Finding] = (), *,
                     command: bool = False) -> list[Finding]:
    """Red flags only the alternatives or partial results heard, marked unsure (rule 4).

    ``command``: the best reading is a command ("slower"); its alternatives
    are other readings of the command ("slow air"), not red flags. What a
    partial result already acted on still counts, and an emergency in the
    best reading is never a command. Nor is one in the description model's
    reading when an answer model chose the best one (``described``): a
    red flag in either reading counts.
    """
    matches = assistant.matcher.match(transcript.text)
    affirmed = {m.symptom for m in matches if m.status is Status.PRESENT}
    # A denial resting on a "no" the recogniser doubted is no denial to hold other readings against: espeak en-us's
    # "Her back hurts and she feels hot." read "no to the she feels hot", "no" at 0.22, every other reading
    # without it (a fever lost, the conversation ended unclear).
    doubted = _doubted_denial(assistant, transcript)
    mentioned = {m.symptom for m in matches if not (doubted and m.status is Status.ABSENT)}
    readings = [*(() if command else transcript.alternatives), *filter(None, [transcript.described])]
    others = [f for reading in readings for f in assistant.understand(reading, guess=False)]
    extra: list[Finding] = []
    for found, kept_unless in [*((f, mentioned) for f in others), *((f, affirmed) for f in early)]:
        # An emergency a partial acted on was said ("Call 911 now"): a final reading that denies it ("the wheezing's
        # back" read "no wheezing back", 911 already said on "the wheezing back") is the recogniser changing its mind,
        # not the caregiver, who would have been heard saying "no" before it: it stays, unsure (rule 4).
        if found.status is Status.PRESENT and found.symptom.level <= RED_FLAG and found.symptom.id not in kept_unless:
            extra.append(Finding(found.symptom, Status.PRESENT, found.score, found.heard, uncertain=True))
            mentioned.add(found.symptom.id)
            affirmed.add(found.symptom.id)
    return extra


def _doubted_denial(assistant: Assistant, transcript: Transcript) -> bool:
    """True when a negation word of the best reading was heard under ``confidence.SURE`` (lattice posteriors only)."""
    negations = assistant.intents.language.negations
    return any(word.lower() in negations and sure < SURE
               for (word, _, _), sure in zip(transcript.words, transcript.word_confidences, strict=False))


def answer_transcript(assistant: Assistant, transcript: Transcript, early: Sequence[Finding] = ()) -> TriageResult:
    """Triage the best reading, adding red flags that only the alternatives or partials heard (rule 4)."""
    return assistant.triage(heard_findings(assistant, transcript, early))


def heard_findings(assistant: Assistant, transcript: Transcript, early: Sequence[Finding] = ()) -> list[Finding]:
    """The best reading's findings and the red flags only alternatives or partials heard (rule 4)."""
    heard = assistant.understand(transcript.text)
    if transcript.confidence is not None and transcript.confidence < LOW_CONFIDENCE:
        # The recogniser itself doubts these words: they still count, but are
        # marked unsure, so an emergency is said and then offered for correction.
        heard = tuple(replace(f, uncertain=True) for f in heard)
    return [*heard, *unsure_red_flags(assistant, transcript, early)]


def emergencies(assistant: Assistant, text: str) -> dict[str, Finding]:
    """The present findings of a (partial) transcript when together they are an emergency, by symptom id."""
    return assistant.understand_partial(text)


def emergencies_in(found: Sequence[Finding], assistant: Assistant) -> bool:
    """True when these findings alone make an emergency."""
    return bool(found) and triage.triage(found, assistant.intents, disclaimer=False).disposition is Level.EMERGENCY


def emergency_messages(assistant: Assistant, found: Sequence[Finding]) -> tuple[Message, ...]:
    """What is said at once when a partial result shows an emergency: "Call 911 now." and nothing more.

    The sign is named when the whole turn has been read: a partial's words may be gone from the final reading
    (heard "is dying" in a partial, the turn was "a bit sore after swimming"), and "What you said is an emergency."
    said at once claimed what the final reading only doubted (outside review 11, F9a; rule 14). The 911 still
    comes first (rules 3 and 4); the answer to the whole turn follows with the sign, hedged when it is doubted.
    """
    result = triage.triage(found, assistant.intents, disclaimer=False)
    return tuple(m for m in result.messages if m.kind is MessageKind.EMERGENCY)[:1]


def still_to_say(result: TriageResult, already: Sequence[Message]) -> list[Message]:
    """The answer without the emergency lines a partial result already triggered."""
    said = {m.text for m in already}
    return [m for m in result.messages if m.text not in said]

