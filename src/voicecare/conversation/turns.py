"""What the conversation does after one caregiver turn (``Turn``), where it is (``State``), and its control words.

Split from ``dialog`` so the conversation state machine stays readable; ``dialog`` re-exports these names.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from enum import StrEnum

from voicecare.domain import IntentSet, Level, Message

COMMAND_OF_ANSWER = {"goodbye": "quit"}
"""The answer reader's command ids that the conversation knows by another name."""


class State(StrEnum):
    """Where the conversation is."""

    LISTENING = "listening"
    ANYTHING_ELSE = "anything_else"
    """The guidance was given and "is there anything else?" asked."""
    INTERVIEW = "interview"
    EMERGENCY = "emergency"
    DONE = "done"


@dataclass(frozen=True)
class Turn:
    """What the assistant does after hearing one caregiver turn."""

    heard: str
    messages: tuple[Message, ...]
    state: State
    disposition: Level | None
    command: str | None = None
    """The control word understood, if the turn was a command (repeat, slower, more, ...)."""
    spoken: tuple[Message, ...] | None = None
    """What is said aloud now (rule 13: short; the rest waits for "more"); None: all of ``messages``."""

    @property
    def said_aloud(self) -> tuple[Message, ...]:
        """The messages to speak."""
        return self.messages if self.spoken is None else self.spoken


def control(intents: IntentSet, text: str, kinds: Sequence[str], *, prefix: bool = False) -> str | None:
    """The first of ``kinds`` whose control phrase is the whole of ``text`` (or its start, with ``prefix``)."""
    found = leading(intents, words_of(intents, text), kinds, whole=not prefix)
    return found[0] if found is not None else None


def control_with_stray(intents: IntentSet, text: str, kinds: Sequence[str]) -> str | None:
    """The first of ``kinds`` whose control phrase is all of ``text`` but one stray last word a recogniser adds
    ("tell me more if", "what do I do at home if": the language's ``skippable`` words); None otherwise. Taken for
    the description or the answer, it repeated a whole 911 turn (outside review 13 F15)."""
    words = words_of(intents, text)
    if len(words) < 2 or words[-1] not in intents.language.skippable:
        return None
    found = leading(intents, words[:-1], kinds, whole=True)
    return found[0] if found is not None else None


def words_of(intents: IntentSet, text: str) -> list[str]:
    """The words of ``text`` as control phrases are matched: its tokens without fillers ("um", "well")."""
    language = intents.language
    return [w for w in language.tokens(text) if w not in language.fillers]


def leading(intents: IntentSet, words: Sequence[str], kinds: Sequence[str], *,
            whole: bool = False) -> tuple[str, list[str]] | None:
    """The first of ``kinds`` with a control phrase that starts ``words`` (is all of them, with ``whole``), and
    the words after its longest such phrase ("you misheard me", not "you misheard" and "me"); None when none."""
    for kind in kinds:
        said = [intents.language.tokens(phrase) for phrase in intents.controls.get(kind, ())]
        starts = [s for s in said if list(words) == s or (not whole and list(words[: len(s)]) == s)]
        if starts:
            return kind, list(words[len(max(starts, key=len)):])
    return None
