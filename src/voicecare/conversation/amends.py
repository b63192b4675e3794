"""A correction of an earlier answer said while a question waits (outside review 15, F3-F5): applied and said back,
then the waiting question asked again; one not understood changes nothing and says so (rules 12 and 14).

``answer_amends`` finds such a correction; the answer reader marks it (``Answer.amends``). Said as a "no" to the
question asked now, it answered a question nobody answered (the limbs question skipped, rule 5); said as an unclear
answer to the call-911 question, it called 911 claiming nothing clear was heard.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from voicecare.conversation.answers import Answer, AnswerKind
from voicecare.conversation.turns import Turn
from voicecare.domain import InterviewQuestion, Message, MessageKind, Status
from voicecare.understanding import triage

if TYPE_CHECKING:
    from voicecare.conversation.dialog import Conversation


def said_back(talk: Conversation, text: str, answer: Answer, question: InterviewQuestion) -> Turn | None:
    """The turn for ``answer`` when it is a correction that takes signs back or names none; None otherwise (one
    that says a sign is there is news, said back with what it means by the interview, as any news is)."""
    if not answer.amends or any(f.status is Status.PRESENT for f in answer.findings):
        return None
    messages = talk.assistant.intents.messages
    asked = talk.question_said(question)
    if answer.kind is AnswerKind.OFF_TOPIC or not answer.findings:
        note = messages.get("conversation.amend_unplaced", "")
        said = [Message(question.level, MessageKind.CONVERSATION, note)] if note else []
        return talk.turn(text, [*said, asked], None)
    talk.merge(answer.findings)
    # What changed, in the read-back's words ("No fever or chills."), the way the advice says what was heard.
    readback = [m for m in triage.triage(answer.findings, talk.assistant.intents, disclaimer=False).messages
                if m.kind is MessageKind.READBACK]
    note = messages.get("conversation.amended", "")
    opening = [Message(question.level, MessageKind.CONVERSATION, note)] if note else []
    return talk.turn(text, [*opening, *readback, asked], None)
