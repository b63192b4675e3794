"""Signs the interview has no answer about yet: a question narrowed to them, and the summary after a skip."""

from __future__ import annotations

from collections.abc import Collection, Sequence

from voicecare.domain import IntentSet, InterviewQuestion, Level, Message, MessageKind

WARNING_LISTS = ((Level.EMERGENCY, "emergency_signs"), (Level.URGENT, "urgent_signs"))
"""The topic's warning list for each level of sign that must be covered before home-care advice."""


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
    """The advice after a skip: the red-flag ``signs`` nobody answered about named after the read-back (never
    "you said no" to them), and the warning lists of their levels said at once, as instructions, not left
    waiting for "more" (rule 11; issue #9: never silently dropped)."""
    if not signs:
        return list(messages)
    symptoms = [intents.symptom(s) for s in dict.fromkeys(signs)]
    items = listed([s.name for s in symptoms], intents.language.list_and)
    note = Message(Level.UNCLEAR, MessageKind.READBACK, intents.messages["conversation.not_asked"].format(items=items))
    lists = {t.messages[key] for t in intents.topics for s in symptoms if s.topic == t.id
             for level, key in WARNING_LISTS if s.level is level}
    out = [Message(m.level, MessageKind.INSTRUCTION, m.text) if m.kind is MessageKind.WARNING and m.text in lists
           else m for m in messages]
    at = max((i + 1 for i, m in enumerate(out) if m.kind is MessageKind.READBACK), default=0)
    return [*out[:at], note, *out[at:]]
