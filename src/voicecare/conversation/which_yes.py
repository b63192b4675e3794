"""An "actually yes" mid-interview that may be about the question waiting or the one answered "no" before it: asked
which (outside review 19, F2's rest; issue #9).

"Sorry, I meant yes" is about the last answer (``last_answer``). "Actually yes", "wait, yes", "I mean yes" said while
a question waits may open the answer to it as well, so they were always taken as a yes to it, and a caregiver
correcting the "no" just given lost that yes (under-triage). When the last question answered was a "no" (and a yes
to the question waiting would not be a 911, which is never held back: rule 3), the conversation now asks one
yes-or-no question (when that "no" was to a call-911 question, the yes is taken there at once: a 911 is never held
back a turn for a question), "Did you mean yes to {items}?", and counts nothing until the reply:

- yes (or a sign of that question named): that answer is corrected (``last_answer.correct``), the question waiting
  asked again;
- a plain no: the yes was to the question waiting, and counts there;
- a sign of the question waiting named: an answer to it, read as any;
- anything else: unclear, so it counts as a yes to the question answered before (rule 4), said as unclear (rule 14),
  and the question waiting is asked again.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from voicecare.conversation import interview, last_answer, unanswered
from voicecare.conversation.answers import AnswerKind
from voicecare.conversation.turns import State, Turn
from voicecare.domain import Finding, Level, Message, MessageKind, Status

if TYPE_CHECKING:
    from voicecare.conversation.dialog import Conversation


def ask(talk: Conversation, text: str) -> Turn | None:
    """"Did you mean yes to ...?" when ``text`` is a yes mid-interview after a correction word ("actually yes") and
    the question answered before it was answered "no"; None otherwise."""
    note = talk.notes().said_again.get("which_yes", "")
    found = last_answer.corrected(talk, text, loose=True) if talk.state is State.INTERVIEW and note else None
    if found is None or found[1] is not AnswerKind.YES:
        return None
    question, _, tail = found
    if any(f.status is Status.PRESENT for f in talk.found if f.symptom.id in question.symptoms):
        return None  # already a yes there: this yes can only be the question waiting's
    if talk.asked[-1].level is Level.EMERGENCY:
        return None  # a yes to the question waiting is a 911 now (rule 3): never held back for a question
    if question.level is Level.EMERGENCY:
        # A yes to the call-911 question answered "no" before would be a 911: never held back a turn for "which?"
        # (rules 3 and 4). It corrects that answer now; the question waiting is asked again after the 911.
        return last_answer.correct(talk, text, question, tail)
    talk.meant_yes = (question, talk.asked[-1], tail)
    names = [talk.assistant.intents.symptom(s).name for s in question.symptoms]
    items = unanswered.listed(names, talk.assistant.intents.language.list_or)
    return talk.turn(text, [Message(question.level, MessageKind.QUESTION, note.format(items=items))], None)


def reply(talk: Conversation, text: str, earlier: Sequence[Finding]) -> Turn | None:
    """The turn for the reply to "Did you mean yes to ...?" (``ask``); None when none was asked just before, or the
    reply answers the question waiting with its own signs (read as any answer to it)."""
    meant, talk.meant_yes = talk.meant_yes, None
    if meant is None or talk.state is not State.INTERVIEW or not talk.asked or talk.asked[-1] is not meant[1]:
        return None
    question, waiting, tail = meant
    answer = talk.answers.read(question.id, text)
    said = {f.symptom.id for f in answer.findings if f.status is Status.PRESENT}
    if answer.kind is AnswerKind.NO and not said:
        return interview.answer(talk, tail, list(earlier))  # the yes was to the question waiting
    named = {f.symptom.id for f in talk.answers.read(waiting.id, text).findings if f.status is Status.PRESENT}
    if named & set(waiting.symptoms) and not said & set(question.symptoms):
        return None
    return last_answer.correct(talk, text, question, text)
