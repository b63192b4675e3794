"""A correction of the last answer that names no sign ("sorry, I meant yes", "that was a yes"): said to the question
answered last, in whatever state the conversation is (outside review 19 F2).

Rule 9: the later statement wins. After the advice, "sorry, I meant yes" was "Sorry, I missed that" and the urgent
answer was never corrected; mid-interview it was read as a yes to the question just asked, and the one it was
meant for (the last one answered) stayed "no". A yes corrects the answer and the conversation re-triages, saying
the new action first (rule 3). A "no" lowers nothing resting on a call-911 sign: a 911 is taken back only by the
existing rules (``misheard``, ``corrections``), never here.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from voicecare.conversation.answer_words import find, resolve
from voicecare.conversation.answers import AnswerKind
from voicecare.conversation.turns import State, Turn
from voicecare.domain import Finding, InterviewQuestion, Level, Message, MessageKind, Status
from voicecare.understanding import triage

if TYPE_CHECKING:
    from voicecare.conversation.dialog import Conversation

PLAIN = (AnswerKind.YES, AnswerKind.NO)


def last_answered(talk: Conversation) -> InterviewQuestion | None:
    """The question answered last: the asked one whose sign was counted last (a "no" counts as said, a yes as
    answered), never the question waiting now."""
    waiting = talk.asked[-1] if talk.state is State.INTERVIEW and talk.asked else None
    for finding in reversed(talk.found):
        question = next((q for q in reversed(talk.asked) if finding.symptom.id in q.symptoms), None)
        if question is not None and question is not waiting:
            return question
    return None


def corrected(talk: Conversation, text: str, *, loose: bool = False) -> tuple[InterviewQuestion, AnswerKind, str] | None:
    """The question, the plain answer and its words when ``text`` corrects the last answer naming no sign: words of
    answers.toml ``amending`` said as past ("I meant", never the restating "I mean": "I mean no" is this answer),
    then only a yes or a no; with no question waiting, "actually" and "I mean" too. None otherwise (a correction
    naming a sign is ``amends``'). ``loose``: "actually", "I mean" mid-interview too, where they may as well open
    the answer to the question waiting (``which_yes`` asks which)."""
    if talk.state is State.EMERGENCY or not talk.asked:  # a 911's corrections are ``corrections``' and ``misheard``'
        return None
    if any(f.status in (Status.PRESENT, Status.ABSENT) for f in talk.answers.understand(text)):
        return None  # "sorry, I meant no fever": it names its sign
    words = talk.answers.words.words
    tokens = talk.assistant.intents.language.tokens(text)
    phrases = {"amending": words["amending"]}
    if talk.state is not State.INTERVIEW or loose:
        # With no question waiting, "actually yes", "I mean yes" can only be about an answer given: they were
        # "Sorry, I missed that" after the advice. Never a bare "sorry" (also polite): "sorry, yes" is something
        # else to tell. Mid-interview they open the answer to the question waiting ("wait, yes"), as before.
        phrases["corrections"] = tuple(p for p in words["corrections"] if p not in words["polite"])
    said = [s for s in resolve(find(tokens, phrases))
            if talk.state is not State.INTERVIEW or loose or tuple(tokens[s.start:s.end]) not in words["restating"]]
    if not said:
        return None
    question = last_answered(talk)
    if question is None:
        return None
    head, tail = tokens[:min(s.start for s in said)], " ".join(tokens[max(s.end for s in said):])
    if head and talk.state is State.INTERVIEW and talk.answers.read(talk.asked[-1].id, " ".join(head)).kind in PLAIN:
        return None  # "yes, no, I meant no": an answer to the question waiting, corrected in the same turn
    answer = talk.answers.read(question.id, tail) if tail else None
    if answer is None or answer.kind not in PLAIN or answer.news or any(
            f.symptom.id not in question.symptoms for f in answer.findings):
        return None
    if answer.kind is AnswerKind.NO and any(talk.assistant.intents.symptom(s).level is Level.EMERGENCY
                                             for s in question.symptoms):
        return None  # a call-911 sign is taken back only by the rules that never drop a 911 on doubt
    return question, answer.kind, tail


def apply(talk: Conversation, text: str) -> Turn | None:
    """The turn for ``text`` when it corrects the last answer (``corrected``); None when it is no such correction.

    A change of action is said as any answer's is: the new action first (rule 3), mid-interview before the question
    waiting, asked again, and after the advice as the new advice. Otherwise "Okay, I changed that." and what is
    counted now, then the question waiting (or "Anything else?") again: the caregiver hears it was taken in."""
    found = corrected(talk, text)
    if found is None:
        return None
    question, _, tail = found
    return correct(talk, text, question, tail)


def correct(talk: Conversation, text: str, question: InterviewQuestion, tail: str) -> Turn:
    """The turn for ``text`` once it is known to correct the answer to ``question`` with the words ``tail`` (read
    as that question's answer: a yes, a no, or words not understood, which count as yes: rule 4)."""
    before = talk.result().disposition
    told = {f.symptom.id for f in talk.found if f.status is Status.PRESENT}
    answer = talk.answers.read(question.id, tail)
    # The corrected answer replaces the one before it whatever that was counted as (a "no" counts as said).
    talk.found = [f for f in talk.found if f.symptom.id not in question.symptoms]
    talk.merge(answer.findings)
    interviewing = talk.state is State.INTERVIEW
    now = talk.result().disposition
    if now == before or (interviewing and now > before):  # mid-interview a lower level waits for the advice
        return _changed(talk, text, answer.findings, interviewing)
    if interviewing:
        waiting = talk.asked[-1]
        talk.asked.remove(waiting)  # asked again after what the correction means
        talk.asked_again.add(waiting.id)
    else:
        talk.state = State.LISTENING
    news = [f for f in talk.found if f.status is Status.PRESENT and f.symptom.id not in told]
    return talk.respond(text, news=news, before=before)


def _changed(talk: Conversation, text: str, findings: Sequence[Finding], interviewing: bool) -> Turn:
    """"Okay, I changed that.", the answer as counted now, and what was waiting asked again."""
    intents = talk.assistant.intents
    readback = [m for m in triage.triage(findings, intents, disclaimer=False).messages
                if m.kind is MessageKind.READBACK]
    note = intents.messages.get("conversation.amended", "")
    level = talk.asked[-1].level if interviewing else Level.UNCLEAR
    opening = [Message(level, MessageKind.CONVERSATION, note)] if note else []
    if interviewing:
        return talk.turn(text, [*opening, *readback, talk.question_said(talk.asked[-1])], None)
    talk.state = State.ANYTHING_ELSE
    return talk.turn(text, [*opening, *readback, talk.say("anything_else")], None)
