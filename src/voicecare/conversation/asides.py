"""What a caregiver says beside an answer during the interview, and the short notes around it (issue #9).

A care question asked while a red-flag question waits ("is a heating pad ok?") is a question, never the
answer; "repeat" asks the waiting question again; a 911 taken back is said to be so. ``dialog`` decides when;
these functions only read and shape.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

from voicecare.conversation.answer_kinds import ABOUT_ELSE
from voicecare.conversation.answers import Answer, AnswerKind, AnswerReader
from voicecare.conversation.turns import Turn
from voicecare.domain import Finding, InterviewQuestion, Level, Message, MessageKind
from voicecare.understanding import triage
from voicecare.understanding.assistant import Assistant
from voicecare.understanding.care import CareQuestion

ABOUT_ELSE_KINDS = (MessageKind.OTHER, MessageKind.HYPOTHETICAL, MessageKind.PAST)
"""Triage's words about such a sign ("About fever: if that happens, ...")."""
REPEAT_LEAVES_OUT = (MessageKind.DISCLAIMER, MessageKind.READBACK, MessageKind.CARE_ANSWER, MessageKind.CONVERSATION)
"""Left out of "repeat" while a question waits: what framed the question, said once; the question is what waits."""


def care_in(assistant: Assistant, reader: AnswerReader, text: str,
            question: InterviewQuestion) -> tuple[tuple[CareQuestion, ...], str | None]:
    """The care question asked in ``text`` while ``question`` waits, and the answer said with it: the whole when
    it names or hedges a sign ("ibuprofen for the fever?" says there is one), else the other clauses; None when
    nothing but the care question was said; ``""`` with no care question (``AnswerReader.care_split``)."""
    return reader.care_split(question.id, text)  # one reading for the conversation and ``voicecare answer``


def with_note(turn: Turn, note: str, *, last: bool, kind: MessageKind = MessageKind.CONVERSATION) -> Turn:
    """``turn`` with a short note said (and printed) after it, or before it; as it is without a note. ``kind``
    ``CONFIRM``: what a 911 rests on and how to take it back (rule 14), never left out of a turn (``budget``)."""
    if not note:
        return turn
    said = Message(turn.disposition or Level.UNCLEAR, kind, note)
    messages = (*turn.messages, said) if last else (said, *turn.messages)
    now = (*turn.said_aloud, said) if last else (said, *turn.said_aloud)
    return replace(turn, messages=messages, spoken=now)


def repeated(messages: Sequence[Message], *, asking: bool) -> tuple[Message, ...]:
    """What "repeat" says again of ``messages``: never the disclaimer (rule 8: once); while a question waits
    (``asking``), the question and what a request drew, not the care answer, read-back and notes around it ("I
    am not sure which of these you mean" repeats nothing). All of it when nothing would be left."""
    dropped = REPEAT_LEAVES_OUT if asking else (MessageKind.DISCLAIMER,)
    return tuple(m for m in messages if m.kind not in dropped) or tuple(messages)


def about_else(assistant: Assistant, said: str, answer: Answer, question: InterviewQuestion,
               counted: Sequence[Finding]) -> list[Message]:
    """What triage says of a sign told of someone else, as a what-if or as past (rule 9) when that is all ``said``
    is ("his sister has a fever", "what if he stops breathing?"), with no answer word: the words to say before
    the question is asked again. Read as an answer it was unclear, so a yes (rule 4): 911 for a sister's fever.
    Empty when ``said`` answers the question or tells of this child now. The answer reader decides which it is
    (an off-topic answer holding only such signs), so ``voicecare answer`` reads it as the conversation does."""
    found = answer.findings
    if answer.kind is not AnswerKind.OFF_TOPIC or not found or any(f.status not in ABOUT_ELSE for f in found):
        return []
    # Beside what was counted so far: triage words a sign of someone else only for a conversation about the child.
    result = triage.triage([*counted, *found], assistant.intents, disclaimer=False)
    return [m for m in result.messages if m.kind in ABOUT_ELSE_KINDS]
