"""The ending's read-back never claims a "no" that was not said (rule 14).

"Your other answers were no" (``readback_denied_many``) stood for every sign not read back as heard. But an answer
that names one sign of a grouped question ("she's burning up" to "fever or chills?") says nothing of the others:
they were neither denied nor heard, and the ending claimed them as no (outside review 21, F9). They share the
level of the sign named (a question groups signs of one level), so counting them would change nothing; the
read-back says plainly that they were not told, after the line it would otherwise overclaim.
"""

from __future__ import annotations

from collections.abc import Sequence

from voicecare.conversation import unanswered
from voicecare.domain import Finding, IntentSet, InterviewQuestion, Level, Message, MessageKind, Status

NOTE = "conversation.not_told"
MANY = "readback_denied_many"


def untold(found: Sequence[Finding], asked: Sequence[InterviewQuestion]) -> list[str]:
    """The signs of the ``asked`` questions that nothing said was there or not, in the order asked."""
    settled = {f.symptom.id for f in found if f.status in (Status.PRESENT, Status.ABSENT)}
    return list(dict.fromkeys(s for q in asked for s in q.symptoms if s not in settled))


def with_untold(messages: Sequence[Message], found: Sequence[Finding], asked: Sequence[InterviewQuestion],
                intents: IntentSet) -> list[Message]:
    """``messages`` with the signs nobody spoke to named after a read-back saying "your other answers were no"."""
    note, many = intents.messages.get(NOTE), intents.messages.get(MANY)
    at = max((i + 1 for i, m in enumerate(messages) if m.kind is MessageKind.READBACK and many and many in m.text),
             default=0)
    signs = untold(found, asked)
    if not note or not at or not signs:
        return list(messages)
    names = [intents.symptom(s).name for s in signs]
    told = Message(Level.UNCLEAR, MessageKind.READBACK,
                   note.format(items=unanswered.listed(names, intents.language.list_or)))
    return [*messages[:at], told, *messages[at:]]
