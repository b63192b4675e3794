"""What an interview answer is (yes, no, unsure, partial, news, a command, words to the room) and the answer
understood, as ``AnswerReader`` hands it on; split out of ``answers.py``, which re-exports both."""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from voicecare.domain import Finding, Status

ABOUT_ELSE = (Status.OTHER, Status.HYPOTHETICAL, Status.PAST)
"""A sign said of someone else, as a what-if, or as past: no finding for this child now (rule 9)."""


class AnswerKind(StrEnum):
    """What an answer to an interview question is."""

    YES = "yes"
    NO = "no"
    UNSURE = "unsure"
    PARTIAL = "partial"
    """Some of the question's signs affirmed (or hedged), others denied."""
    NEW_INFO = "new_info"
    """Something else about the child instead of an answer: its own findings, never a yes to the question."""
    COMMAND = "command"
    OFF_TOPIC = "off_topic"
    """Said to someone else, or a television, or a care question alone: not an answer; the question is asked
    again and nothing is counted."""


@dataclass(frozen=True)
class Answer:
    """One answer understood: its kind, and what it says about each symptom."""

    input: str
    question: str
    kind: AnswerKind
    command: str | None
    findings: tuple[Finding, ...]
    """Every symptom the answer settles, with its status: the question's signs (by the answer) and any other."""
    silent: bool = False
    """Nothing was heard: counted as yes (rule 4), read back as not heard (rule 14)."""
    news: bool = False
    """After "anything else?": a yes that says what the thing is ("yes, she's been sick"), so the conversation
    reads it as a new description instead of asking to go ahead."""
    care: tuple[str, ...] = ()
    """The care questions asked with it ("can I use a heating pad at night?"), by id: the conversation answers
    them; the answer is read without them."""
    amends: bool = False
    """A correction of an earlier answer said instead of an answer ("sorry, I meant no fever"): new information
    when it names signs, off topic when it names none (not understood; nothing changed: ``answer_amends``)."""
    unanswered: tuple[str, ...] = ()
    """The question's signs a "no" or "yes" said of its other parts left open ("he's breathing fine": hard to
    wake, confusion, fainting), by id: no finding here; the conversation asks about them again."""
