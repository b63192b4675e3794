"""During a 911: the caregiver saying the call is made, help is here, or they are calling (``spoken.toml``
``[calling_911]``).

"I called 911, they are on the way", "the ambulance is here", "ok I will", "what do I do while I wait" each got the
whole "Call 911 now" turn again, read back as "what you said is an emergency" (their words about the call matched the
caregiver's own alarm: rule 14, never said), and "she is breathing fine now" then left a 911 resting on that misread
call (outside review 16 F4). Now such a turn is heard: short guidance while they wait, and the signs to tell the 911
team. The 911 stands on the sign that raised it: nothing the call's words say is counted, and once the call is made a
later "she is breathing fine now" does not take the 911 back (the team is coming; tell them), while a new sign said
with it is counted and said back as any news during a 911 is.

Split from ``dialog`` (the conversation's state), which calls ``heard`` with itself at each turn of a 911.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from voicecare.conversation import unanswered
from voicecare.conversation.answer_words import find
from voicecare.conversation.turns import State, Turn
from voicecare.domain import Finding, Level, Message, MessageKind, Status

if TYPE_CHECKING:
    from voicecare.conversation.dialog import Conversation

DONE, GOING = "done", "going"
"""``[calling_911]`` keys: the call is made or help is here; the call is being made."""


def heard(talk: Conversation, text: str, unsure: Sequence[Finding] = ()) -> Turn | None:
    """The turn for ``text`` said during a 911 when it tells of the call (or comes after the call was made): the
    guidance while waiting, or the 911 with a new sign said in it; None when it is no such turn (a command, or a
    911 whose call was not told of)."""
    rules = talk.assistant.intents.spoken
    if rules is None or not rules.calling or talk.state is not State.EMERGENCY or unsure:
        return None
    if talk.command_of(text) is not None:
        return None  # "what did you hear?", "goodbye", "repeat": as always
    kind, rest = _told(talk, text)
    if kind is None and not talk.called:
        return None
    # Once the call is made, nothing takes the 911 back here; what could be taken back lasts no longer.
    talk.misheard, talk.doubted, talk.yes_to = (), None, None
    going = kind == GOING and not talk.called  # "ok I will" after "I called them" is no call still to make
    talk.called = talk.called or kind is not None
    told = {f.symptom.id for f in talk.found if f.status is Status.PRESENT}
    news = [f for f in talk.doubted_by_ear(talk.answers.understand(rest)) if f.status is Status.PRESENT
            and f.symptom.id not in told]
    if news:  # a new sign said with it ("they're coming, and now she's not waking up"): counted and said back
        talk.merge(news)
        return talk.respond(text, news=news)
    return _waiting(talk, text, GOING if going else DONE)


def _told(talk: Conversation, text: str) -> tuple[str | None, str]:
    """Which ``[calling_911]`` kind ``text`` tells of (``done`` first), and its words without those phrases."""
    rules = talk.assistant.intents.spoken
    assert rules is not None
    tokens = talk.assistant.intents.language.tokens(text)
    spots = list(find(tokens, rules.calling_words))  # the phrases' tokens, made once when the rules were read
    if not spots:
        return None, text
    said = {i for spot in spots for i in range(spot.start, spot.end)}
    kind = DONE if any(s.kind == DONE for s in spots) else GOING
    return kind, " ".join(t for i, t in enumerate(tokens) if i not in said)


def goodbye(talk: Conversation, text: str) -> list[Message] | None:
    """What "goodbye" during a 911 says once the call was told of ("I called 911"): the guidance while they wait and
    the signs to tell the 911 team, not "Call 911 now" again (outside review 17 F13: the caregiver had already
    called); None before the call (the 911 is said, as ``parting`` does)."""
    rules = talk.assistant.intents.spoken
    if rules is None or not rules.calling_said or not talk.called or talk.state is not State.EMERGENCY:
        return None
    return list(_waiting(talk, text, DONE).messages)


def _waiting(talk: Conversation, text: str, kind: str) -> Turn:
    """What is said while they wait for help (or call): short guidance and the signs to tell the 911 team."""
    rules = talk.assistant.intents.spoken
    assert rules is not None
    intents = talk.assistant.intents
    # The caregiver's own alarm is no sign to tell them ("what you said is an emergency").
    names = [f.symptom.name.lower() for f in talk.found if f.status is Status.PRESENT
             and f.symptom.level is Level.EMERGENCY and not f.symptom.own_words]
    kind_of = MessageKind.EMERGENCY if kind == GOING else MessageKind.CONVERSATION  # "call 911 now" cuts in first
    said = [Message(Level.EMERGENCY, kind_of, rules.calling_said[kind])]
    if names:
        items = unanswered.listed(names, intents.language.list_and)
        said.append(Message(Level.EMERGENCY, MessageKind.CONVERSATION, rules.calling_said["tell"].format(items=items)))
    return talk.turn(text, said, None)
