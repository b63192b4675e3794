"""A correction of an earlier answer said while a question waits (outside review 15, F3-F5): applied and said back,
then the waiting question asked again; one not understood changes nothing and says so (rules 12 and 14).

``answer_amends`` finds such a correction; the answer reader marks it (``Answer.amends``). Said as a "no" to the
question asked now, it answered a question nobody answered (the limbs question skipped, rule 5); said as an unclear
answer to the call-911 question, it called 911 claiming nothing clear was heard.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from voicecare.conversation.answer_words import find
from voicecare.conversation.answers import Answer, AnswerKind
from voicecare.conversation.turns import Turn
from voicecare.domain import InterviewQuestion, Message, MessageKind, Status
from voicecare.understanding import triage

if TYPE_CHECKING:
    from voicecare.conversation.dialog import Conversation

PLAIN = (AnswerKind.YES, AnswerKind.NO)
"""Answers that, said after a correction of the same turn's own answer word, are the answer."""


def own_correction(talk: Conversation, text: str, answer: Answer, question: InterviewQuestion) -> tuple[str, Answer]:
    """``text`` and ``answer`` as the question's answer when the correction is of an answer word said before it in
    the same turn ("yes, no, I mean no": the later statement wins, rule 9): the words after the last correcting
    phrase and their reading, when they are a plain yes or no. Otherwise ``text`` and ``answer`` as they were.

    Read as a correction of an earlier answer naming no sign, it was "Sorry, I did not understand what you want to
    change, so nothing was changed" said to a first answer, when nothing had been said to change (outside review 16
    F11)."""
    if not answer.amends or answer.findings:  # a correction naming a sign ("I meant no fever") is of that sign
        return text, answer
    tokens = talk.assistant.intents.language.tokens(text)
    amending = talk.answers.words.words["amending"]
    ends = list(find(tokens, {"amending": amending}))
    if not ends:
        return text, answer
    first, last = min(s.start for s in ends), max(s.end for s in ends)
    head, tail = " ".join(tokens[:first]), " ".join(tokens[last:])
    if not head or not tail:
        return text, answer
    before, after = talk.answers.read(question.id, head), talk.answers.read(question.id, tail)
    # Only a plain yes or no before it ("yes, no"): "sorry, I meant no" corrects an earlier answer, as before.
    if after.kind not in PLAIN or before.kind not in PLAIN or (before.findings
                                                             and any(f.symptom.id not in question.symptoms
                                                                     for f in before.findings)):
        return text, answer
    return tail, after


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
