"""An emergency resting only on words voicecare itself doubted, and the caregiver's "that's not what I said".

Such an emergency ("Call 911 now ... If I heard that wrong, tell me") comes from a reading the recogniser
was not sure of (an alternative, low confidence) or a loose match of the words. Rule 4 acts on it at once
and lets it be confirmed afterwards; a reply that invites a correction and then ignores it leaves a family
with a 911 call it has taken back (an outside review: "no", "that's wrong, her heart is fine" and "her
heart is normal" all got "Call 911 now" again). A correction removes those signs only: they are not
denied unless the correction denies them in words ("her heart is fine"); else the interview still asks
about them. A sign the caregiver said plainly is never taken back.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from voicecare.conversation.answers import AnswerKind
from voicecare.conversation.turns import State, Turn, control
from voicecare.domain import Basis, Finding, IntentSet, Level, Status

if TYPE_CHECKING:
    from voicecare.conversation.dialog import Conversation

HEARD_WRONG = "heard_wrong"
"""The controls.toml kind of "that's wrong" / "you misheard": said first, a correction whatever follows."""


def doubted(finding: Finding) -> bool:
    """True for a sign voicecare guessed from the words or heard only in a doubted reading of them."""
    return finding.basis is Basis.GUESSED or (finding.uncertain and finding.basis is Basis.SAID)


def doubted_signs(found: Sequence[Finding]) -> tuple[str, ...]:
    """The emergency signs counted, when every one of them rests on a doubted reading of what was said."""
    signs = [f for f in found if f.status is Status.PRESENT and f.symptom.level is Level.EMERGENCY]
    if not signs or not all(doubted(f) for f in signs):
        return ()
    return tuple(f.symptom.id for f in signs)


def _question_of(intents: IntentSet, sign: str) -> str | None:
    return next((q.id for t in intents.topics for q in t.interview if sign in q.symptoms), None)


def corrects(talk: Conversation, text: str, signs: Sequence[str]) -> bool:
    """True when ``text`` says the doubted signs were misheard: "that's wrong ...", or a "no" to them."""
    intents = talk.assistant.intents
    if control(intents, text, (HEARD_WRONG,), prefix=True) is not None or _no_then_wrong(talk, text):
        return True
    questions = {q for q in (_question_of(intents, s) for s in signs) if q is not None}
    return bool(questions) and all(talk.answers.read(q, text).kind is AnswerKind.NO for q in questions)


def _no_then_wrong(talk: Conversation, text: str) -> bool:
    """"No, that's wrong ...": a "no" said before the correction (an outside review: heard exactly, it got the
    911 again, because the whole turn was read as an answer and "wrong" is none)."""
    words = talk.assistant.intents.language.tokens(text)
    return len(words) > 1 and talk.answer_kind(words[0]) == "no" and control(
        talk.assistant.intents, " ".join(words[1:]), (HEARD_WRONG,), prefix=True) is not None


def take_back(talk: Conversation, text: str, signs: Sequence[str]) -> Turn | None:
    """The answer after a correction of doubted emergency ``signs``; None when ``text`` is no correction."""
    if not corrects(talk, text, signs):
        return None
    talk.found = [f for f in talk.found if not (f.symptom.id in signs and doubted(f))]
    talk.merge(talk.answers.understand(text))  # what the correction itself says ("her heart is fine") counts
    talk.state = State.LISTENING
    turn = talk.respond(text)
    if turn.disposition is Level.EMERGENCY:  # another sign still makes it one
        return turn
    return talk.with_note(turn, talk.notes().taken_back, last=False)
