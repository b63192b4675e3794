"""A "yes" to a 911 that was said with a doubt: the signs it rested on are confirmed, and said so.

A 911 on a reading voicecare doubted ("I may have heard confusion. If I heard that wrong, tell me."), on an answer
not heard ("I did not hear your answer about ... If it is no, say no.") or a "not sure" is called at once (rule 4)
and said with its doubt (rule 14). A "yes" next was answered with the same doubt again and "I did not hear a no."
(outside review 15, F10): the yes was heard, and a sign the caregiver confirmed is no longer a guess. Confirmed, a
doubted sign counts as said and a doubted answer as a yes to its question ("I did not say yes" still takes that
back, ``misheard.take_back_answer``); the 911 is said with the signs named, and a few words that the yes was heard.
"""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING

from voicecare.conversation import misheard
from voicecare.conversation.answers import AnswerKind
from voicecare.conversation.turns import Turn
from voicecare.domain import Basis, Finding, InterviewQuestion, MessageKind, Status

if TYPE_CHECKING:
    from voicecare.conversation.dialog import Conversation

CONFIRMED_NOTE = "confirmed"
"""The ``[said_again]`` key of the words said after the 911 when a yes confirmed it."""
YES = "yes"
"""The control kind of a yes word ("yes", "yeah", "uh huh": ``controls.toml``)."""
YES_WORDS = ("yes", "yes_lead")
"""The answer words (``answers.toml``) that say yes."""
ASSUMED = (Basis.UNHEARD, Basis.UNSURE, Basis.GUESSED)
"""How an answer to a question may have been counted without a yes: not heard, not sure, a doubted yes."""


def confirm(talk: Conversation, text: str, signs: tuple[str, ...], question: InterviewQuestion | None) -> Turn | None:
    """The 911 said again as confirmed when ``text`` is a plain yes to what it rested on: doubted ``signs`` and/or
    the ``question`` whose answer was not heard, unsure or doubted; None when ``text`` is no such yes."""
    if not signs and question is None:
        return None
    asked = question or _question_of(talk, signs)
    if asked is None or not _plain_yes(talk, text, asked):
        return None
    talk.found = [_confirmed(f, signs, question) for f in talk.found]
    talk.misheard, talk.doubted = (), None
    turn = talk.respond(text)
    if question is not None:
        talk.yes_to = question  # a yes heard from a "no" ("yup"): "I did not say yes" still takes it back
    note = talk.notes().said_again.get(CONFIRMED_NOTE, "")
    return talk.with_note(turn, note, last=True, kind=MessageKind.CONFIRM) if note else turn


def _plain_yes(talk: Conversation, text: str, question: InterviewQuestion) -> bool:
    """True when ``text`` is a yes to ``question`` and nothing else: no sign said in words beside it ("yes, now his
    lips are turning blue" is a new sign, not the doubted one confirmed), no command."""
    # A yes word must have been said: the answer reader takes words it cannot place as a yes to some questions, and a
    # reverberant room's "No, he is breathing fine." heard "oh she gets breathing is tired" confirmed a 911 that rested
    # on a misreading alone: "Confusion." and "Okay, you said yes." said as fact (outside review 20, rule 14).
    if not _yes_said(talk, text):
        return False
    answer = talk.answers.read(question.id, text)
    return answer.kind is AnswerKind.YES and not answer.news and all(
        f.symptom.id in question.symptoms and f.basis is not Basis.SAID for f in answer.findings) and not any(
        f.status is Status.PRESENT for f in talk.answers.understand(text))


def _yes_said(talk: Conversation, text: str) -> bool:
    """True when ``text`` holds a yes word of the language ("yes", "mm hmm", "yeah she is"), or is one."""
    if talk.answer_kind(text) == YES:
        return True
    said = tuple(talk.assistant.intents.language.tokens(text))
    phrases = [p for kind in YES_WORDS for p in talk.answers.words.words.get(kind, ())]
    return any(said[i:i + len(p)] == p for p in phrases if p for i in range(len(said) - len(p) + 1))


def _question_of(talk: Conversation, signs: tuple[str, ...]) -> InterviewQuestion | None:
    return next((q for t in talk.assistant.intents.topics for q in t.interview if set(signs) & set(q.symptoms)), None)


def _confirmed(finding: Finding, signs: tuple[str, ...], question: InterviewQuestion | None) -> Finding:
    """``finding`` as the yes leaves it: a doubted sign said, an assumed answer a yes; the rest as it was."""
    if finding.status is not Status.PRESENT:
        return finding
    if finding.symptom.id in signs and misheard.doubted(finding):
        return replace(finding, uncertain=False, basis=Basis.SAID)
    if question is not None and finding.symptom.id in question.symptoms and finding.basis in ASSUMED:
        return replace(finding, uncertain=False, basis=Basis.ANSWERED)
    return finding
