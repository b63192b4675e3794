"""Below a 911, "what should I do while I wait (for the doctor to call back)?": the short care answer, in any state.

After "Call your child's doctor right away" the caregiver asked what to do while waiting and heard only the last
question again: the answer reader took the "what" for "repeat" (outside review 17 F5). The policy answers a care
question "from the home-care facts, briefly and first"; during a 911 ``calling_911`` answers the same words with
what to do until help comes. The words are the language's (``spoken.toml`` ``waiting``), the answer the care
question it names (``waiting_care``, a topic's ``care.toml``).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from voicecare.conversation import interview
from voicecare.conversation.turns import State, Turn
from voicecare.domain import Level, Message, MessageKind, Status
from voicecare.understanding.assistant import MAX_UTTERANCE_CHARS
from voicecare.understanding.care import CareQuestion
from voicecare.understanding.text import holds

if TYPE_CHECKING:
    from voicecare.conversation.dialog import Conversation

ANSWERED_IN = (State.INTERVIEW, State.ANYTHING_ELSE)
"""States with advice given or on its way: before any description the words start the conversation as they are."""


def asked(talk: Conversation, text: str) -> CareQuestion | None:
    """The care question to answer when ``text`` asks what to do while waiting, below a 911, telling no sign of the
    child (a sign told with it is news, read as such); None otherwise."""
    rules = talk.assistant.intents.spoken
    if rules is None or talk.state not in ANSWERED_IN or not says(talk, text):
        return None
    book = talk.assistant.intents.care
    care = next((c for c in (book.intents if book is not None else ()) if c.id == rules.waiting_care), None)
    words = talk.assistant.intents.language.tokens(text[:MAX_UTTERANCE_CHARS])
    return None if care is None else CareQuestion(care.id, care.answer, " ".join(words))


def says(talk: Conversation, text: str) -> bool:
    """True when ``text`` asks what to do while waiting (``spoken.toml`` ``waiting``) and tells no sign of the child."""
    rules = talk.assistant.intents.spoken
    tokens = talk.assistant.intents.language.tokens
    words = tokens(text[:MAX_UTTERANCE_CHARS])
    if rules is None or not any(holds(words, tokens(phrase)) for phrase in rules.waiting):
        return False
    return not any(f.status is Status.PRESENT for f in talk.assistant.understand(text[:MAX_UTTERANCE_CHARS]))


def answer(talk: Conversation, text: str, care: CareQuestion) -> Turn:
    """The care answer, then the question waiting (asked again, nothing counted) or "anything else?"."""
    if talk.state is State.INTERVIEW and talk.asked:
        return interview.care_asked(talk, text, talk.asked[-1], [care])
    cared = Message(talk.answered or Level.HOME_CARE, MessageKind.CARE_ANSWER, care.answer)
    return talk.turn(text, [cared, talk.say("anything_else")], None)

