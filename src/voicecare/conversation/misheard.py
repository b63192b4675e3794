"""An emergency resting only on words voicecare itself doubted, and the caregiver's "that's not what I said".

Such an emergency ("Call 911 now ... If I heard that wrong, tell me") comes from a reading the recogniser
was not sure of (an alternative, low confidence) or a loose match of the words. Rule 4 acts on it at once
and lets it be confirmed afterwards; a reply that invites a correction and then ignores it leaves a family
with a 911 call it has taken back (an outside review: "no", "that's wrong, her heart is fine" and "her
heart is normal" all got "Call 911 now" again). A correction removes those signs only: they are not
denied unless the correction denies them in words ("her heart is fine"); else the interview still asks
about them. A sign the caregiver said plainly is never taken back.

An emergency resting only on a "yes" to the question just asked (``yes_to``) is taken back only by words
that say so ("no, I did not say yes", "that's not what I said"): the recogniser may have heard "No." as
"yup", but a plain "no" after a "yes" that was heard is no correction of it.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from voicecare.conversation.answers import AnswerKind
from voicecare.conversation.turns import State, Turn, control, leading, words_of
from voicecare.domain import Basis, Finding, IntentSet, InterviewQuestion, Level, Message, MessageKind, Status

if TYPE_CHECKING:
    from voicecare.conversation.dialog import Conversation

HEARD_WRONG = "heard_wrong"
"""The controls.toml kind of "that's wrong" / "you misheard": said first, a correction whatever follows."""
ANSWER_NO = "no"
"""The controls.toml kind of a plain "no", which may come before the correction ("no, I didn't say that")."""


def doubted(finding: Finding) -> bool:
    """True for a sign voicecare guessed from the words or heard only in a doubted reading of them."""
    return finding.basis is Basis.GUESSED or (finding.uncertain and finding.basis is Basis.SAID)


def doubted_signs(found: Sequence[Finding], *assumed: Basis) -> tuple[str, ...]:
    """The emergency signs counted on a doubted reading of what was said, when every other one rests on an answer
    counted on ``assumed`` grounds (none: every one is doubted)."""
    signs = [f for f in found if f.status is Status.PRESENT and f.symptom.level is Level.EMERGENCY]
    if not signs or not all(doubted(f) or f.basis in assumed for f in signs):
        return ()
    return tuple(f.symptom.id for f in signs if doubted(f))


def plain(finding: Finding) -> bool:
    """True for a sign said plainly, in a reading nobody doubted: never taken back by a correction."""
    return finding.basis is Basis.SAID and not finding.uncertain


def hedged_rest(talk: Conversation, said: Sequence[Message]) -> tuple[str, ...]:
    """The emergency signs a 911 offered to take back ("If I heard that wrong, tell me", said in ``said``) rests
    on, when each was heard only in a doubted reading or counted from the answer just given; else ()."""
    if not any(m.kind is MessageKind.CONFIRM for m in said) or not talk.asked:
        return ()
    question = talk.answered_now()
    signs = [f for f in talk.found if f.status is Status.PRESENT and f.symptom.level is Level.EMERGENCY]
    if not signs or not all(doubted(f) or (f.symptom.id in question.symptoms and not plain(f)) for f in signs):
        return ()
    return tuple(f.symptom.id for f in signs)


def _question_of(intents: IntentSet, sign: str) -> str | None:
    return next((q.id for t in intents.topics for q in t.interview if sign in q.symptoms), None)


def said_wrong(talk: Conversation, text: str) -> list[str] | None:
    """The words after "that's not what I said" when ``text`` starts with it, or with a "no" then it ("no, I did
    not say yes. heart is normal"); None when it does not."""
    intents = talk.assistant.intents
    words = words_of(intents, text)
    first = leading(intents, words, (HEARD_WRONG,))
    if first is not None:
        return first[1]
    after_no = leading(intents, words, (ANSWER_NO,))
    then = leading(intents, after_no[1], (HEARD_WRONG,)) if after_no is not None else None
    return then[1] if then is not None else None


def corrects(talk: Conversation, text: str, signs: Sequence[str]) -> bool:
    """True when ``text`` says the doubted signs were misheard: "that's wrong ...", or a "no" to them."""
    # said_wrong: "that's wrong" or a "no" word then it; _no_then_wrong: any word the answer reader takes as "no".
    if said_wrong(talk, text) is not None or _no_then_wrong(talk, text):
        return True
    questions = {q for q in (_question_of(talk.assistant.intents, s) for s in signs) if q is not None}
    return bool(questions) and all(talk.answers.read(q, text).kind is AnswerKind.NO for q in questions)


def _no_then_wrong(talk: Conversation, text: str) -> bool:
    """"No, that's wrong ...": a "no" said before the correction (an outside review: heard exactly, it got the
    911 again, because the whole turn was read as an answer and "wrong" is none)."""
    words = talk.assistant.intents.language.tokens(text)
    return len(words) > 1 and talk.answer_kind(words[0]) == "no" and control(
        talk.assistant.intents, " ".join(words[1:]), (HEARD_WRONG,), prefix=True) is not None


def take_back(talk: Conversation, text: str, signs: Sequence[str],
              question: InterviewQuestion | None = None) -> Turn | None:
    """The answer after a correction of doubted emergency ``signs``; None when ``text`` is no correction.

    ``question``: the question whose answer the 911 also rests on (one not understood, or a yes to the grouped
    question); a "no" to it is its answer."""
    answer = talk.answers.read(question.id, text) if question is not None else None
    denied = answer is not None and answer.kind is AnswerKind.NO
    if not corrects(talk, text, signs) and not denied:
        return None
    talk.found = [f for f in talk.found if not (f.symptom.id in signs and not plain(f))]
    if answer is not None and denied:
        talk.merge(answer.findings)
    # What the caregiver said of them before the doubted reading ("no" to the breathing question) stands again;
    # a sign with nothing said of it is asked about again, even if its question was asked before.
    talk.found += [talk.doubted_over.pop(s) for s in signs if s in talk.doubted_over]
    told = {f.symptom.id for f in talk.found}
    for question in [q for q in talk.asked if set(q.symptoms) & set(signs) - told]:
        talk.asked.remove(question)
        talk.asked_again.add(question.id)
    talk.merge(talk.answers.understand(text))  # what the correction itself says ("her heart is fine") counts
    talk.state = State.LISTENING
    return _after(talk, text)


def take_back_answer(talk: Conversation, text: str, question: InterviewQuestion, bases: Sequence[Basis], *,
                     needs_no: bool = False) -> Turn | None:
    """The answer after "I did not say yes" to ``question``, whose answer alone (counted on ``bases``) made the
    emergency; None when ``text`` does not say so. The "no" said with it is the answer; else what is said after
    it ("that's wrong, just the accidents"); else the question is asked again.

    ``needs_no``: the answer was not heard or not understood, so nobody said yes to correct: only a "no" takes
    the 911 back (rules 4 and 14). A bare "that's wrong" took it back, then asked the question again."""
    rest = said_wrong(talk, text)
    if rest is None:
        return None
    answer = talk.answers.read(question.id, text)
    if answer.kind is not AnswerKind.NO and rest:
        answer = talk.answers.read(question.id, " ".join(rest))
    said_no = leading(talk.assistant.intents, words_of(talk.assistant.intents, text), (ANSWER_NO,)) is not None
    if needs_no and answer.kind is not AnswerKind.NO and not said_no:
        return None
    talk.found = [f for f in talk.found if not (f.symptom.id in question.symptoms and f.basis in bases)]
    if answer.kind not in (AnswerKind.COMMAND, AnswerKind.OFF_TOPIC):
        talk.merge(answer.findings)
    talk.merge(talk.answers.understand(text))  # a sign said plainly with the correction counts
    if question in talk.asked and not set(question.symptoms) <= talk.settled(question):
        talk.asked.remove(question)  # asked again: its signs are still to be covered
        talk.asked_again.add(question.id)
    talk.state = State.INTERVIEW
    return _after(talk, text)


def _after(talk: Conversation, text: str) -> Turn:
    turn = talk.respond(text)
    if turn.disposition is Level.EMERGENCY:  # another sign still makes it one
        return turn
    return talk.with_note(turn, talk.notes().taken_back, last=False)
