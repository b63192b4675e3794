"""Signs the interview has no answer about yet: a question narrowed to them, and the advice after a skip."""

from __future__ import annotations

from collections.abc import Collection, Sequence

from voicecare.domain import IntentSet, InterviewQuestion, Level, Message, MessageKind

FIRST_LIST = "emergency_signs"
"""The topic's warning list said at once after a skip: the call-911 signs, first of the warning signs (rule 11)."""


def listed(names: Sequence[str], joiner: str) -> str:
    """Names as one list ("fever, chills and pain"); without a joiner word, commas only."""
    if len(names) <= 1:
        return "".join(names)
    last = f" {joiner} " if joiner else ", "
    return f"{', '.join(names[:-1])}{last}{names[-1]}"


def narrowed(question: InterviewQuestion, settled: Collection[str], intents: IntentSet) -> Message:
    """The question; when some of its signs are settled already ("she has a fever"), only about the rest
    ("What about chills?"): a sign the caregiver said is never asked again."""
    rest = [intents.symptom(s).name for s in question.symptoms if s not in settled]
    if not settled or not rest:
        return Message(question.level, MessageKind.QUESTION, question.ask)
    text = intents.messages["conversation.ask_rest"].format(items=listed(rest, intents.language.list_or))
    return Message(question.level, MessageKind.QUESTION, text)


def with_unanswered(messages: Sequence[Message], signs: Sequence[str], intents: IntentSet) -> list[Message]:
    """The advice after a skip left red-flag ``signs`` unanswered: in the read-back, that questions were skipped
    (never "you said no" to them), and the call-911 list said at once, as an instruction, not left
    waiting for "more" (rule 11; issue #9: never silently dropped). The call-right-away list waits for "more"
    as in every answer, so the turn stays short (rule 13)."""
    topics = {intents.symptom(s).topic for s in signs}
    lists = {t.messages[FIRST_LIST] for t in intents.topics if t.id in topics}
    if not lists:
        return list(messages)
    note = Message(Level.UNCLEAR, MessageKind.READBACK, intents.messages["conversation.not_asked"])
    out = [Message(m.level, MessageKind.INSTRUCTION, m.text) if m.kind is MessageKind.WARNING and m.text in lists
           else m for m in messages]
    at = max((i + 1 for i, m in enumerate(out) if m.kind is MessageKind.READBACK), default=0)
    return [*out[:at], note, *out[at:]]
