"""A "no" the recogniser added a word to ("no if", "no so"), or one only its answer model heard, said to a 911
resting on an unclear answer (issue #9).

Outside review 18 (F2): in mild noise a plain "No." at the call-911 question came out as "no if". The answer reader
read it as unclear (a cut-off "no but"), so it counted as a yes (rule 4) and gave "Call 911 now"; each "No." after
it was heard "no if" again and got "Call 911 now ... I did not hear a no": untrue (the transcript begins with a no,
rule 14) and, five times over, no way out. Whatever the reader makes of such words, the conversation now says what
it heard and why the 911 stands; the second such answer to the same question is taken as the no it begins with,
said so, with the 911 withdrawn as any "no" withdraws it. A sign named with it ("no, she's breathing funny"), a
"not sure" or any other reading is read as it is: a real emergency is never taken back by this.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from voicecare.conversation.answers import AnswerKind
from voicecare.conversation.turns import State, Turn, leading, words_of
from voicecare.domain import Basis, Finding, InterviewQuestion, Level, MessageKind, Status
from voicecare.understanding.assistant import MAX_UTTERANCE_CHARS

if TYPE_CHECKING:
    from voicecare.conversation.dialog import Conversation

ANSWER_NO = "no"
"""The controls.toml kind of a plain "no"."""
NO_LIKE = "no_like:"
"""Marks a question in ``asked_again`` once it was answered with words that begin with a "no" not read as one."""
ASSUMED = (Basis.UNHEARD, Basis.UNSURE, Basis.GUESSED)
"""How the signs of an unclear answer were counted: only those are taken back."""


def no_like(talk: Conversation, text: str, question: InterviewQuestion) -> bool:
    """True when ``text`` begins with a "no" that the answer reader did not read as a no, names no sign and holds
    no doubt ("no if", "no so"; not "no, I'm not sure", "no, she's breathing funny", "no wait")."""
    intents = talk.assistant.intents
    if leading(intents, words_of(intents, text), (ANSWER_NO,)) is None:
        return False
    if talk.assistant.matcher.match(text[:MAX_UTTERANCE_CHARS]):
        return False
    answer = talk.answers.read(question.id, text)
    return answer.kind in (AnswerKind.UNSURE, AnswerKind.PARTIAL, AnswerKind.OFF_TOPIC) and not any(
        f.basis is Basis.UNSURE for f in answer.findings)


def noted(talk: Conversation, text: str, question: InterviewQuestion) -> None:
    """Remember an answer to ``question`` that began with a "no" not read as one (the first of two)."""
    if no_like(talk, text, question):
        talk.asked_again.add(NO_LIKE + question.id)


def answer(talk: Conversation, text: str, question: InterviewQuestion) -> Turn | None:
    """During a 911 resting on ``question``'s unclear answer: the turn for words beginning with a "no" not read as
    one, or for a "no" only the answer model heard (``Conversation.unconfirmed_no``); None for any other words.
    The first time the 911 stands, saying what was heard and why; the second (the interview's own answer counts)
    the no is taken, said so."""
    rules = talk.notes().said_again
    unclear, twice = rules.get("no_unclear", ""), rules.get("no_twice", "")
    if not (unclear and twice):
        return None
    if no_like(talk, text, question):
        heard = " ".join(words_of(talk.assistant.intents, text))
    elif talk.unconfirmed_no:
        heard = " ".join(words_of(talk.assistant.intents, talk.unconfirmed_no))
        unclear = rules.get("no_unconfirmed", "") or unclear
    else:
        return None
    key = NO_LIKE + question.id
    if key not in talk.asked_again:
        talk.asked_again.add(key)
        talk.doubted = question  # a "no" next, or these words again, still takes the 911 back
        return talk.with_note(talk.respond(text), unclear.format(heard=heard), last=True, kind=MessageKind.CONFIRM)
    intents = talk.assistant.intents
    talk.found = [f for f in talk.found if not (f.symptom.id in question.symptoms and f.basis in ASSUMED)]
    talk.merge(Finding(intents.symptom(s), Status.ABSENT, 100.0, text, False, Basis.SAID) for s in question.symptoms
               if s not in talk.settled(question))
    talk.state = State.INTERVIEW
    turn = talk.respond(text)
    if turn.disposition is Level.EMERGENCY:  # another sign still makes it one
        return turn
    turn = talk.with_note(turn, talk.notes().taken_back, last=False)
    return talk.with_note(turn, twice.format(heard=heard), last=False)


def first_unconfirmed(talk: Conversation, question: InterviewQuestion) -> str:
    """The note for a 911 raised by ``question``'s answer that only the answer model heard as a "no": what was heard
    and why it counts (rule 14; not "Not sure counts as yes": the caregiver said no). The question is marked, so
    that the same "no" heard so again is the second, and taken. "" when the turn held no such "no"."""
    note = talk.notes().said_again.get("no_unconfirmed", "")
    if not (talk.unconfirmed_no and note):
        return ""
    talk.asked_again.add(NO_LIKE + question.id)
    return note.format(heard=" ".join(words_of(talk.assistant.intents, talk.unconfirmed_no)))
