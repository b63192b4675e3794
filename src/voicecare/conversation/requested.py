"""What the caregiver asks of what was said (policy rule 13): "more", "what do I do at home", "why", "what did you
hear?", "repeat", "slower" / "faster".

Split from ``dialog`` (the conversation's state), which calls these with itself for a request.
"""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING

from voicecare.conversation import asides, episodes, spoken, unanswered
from voicecare.conversation.turns import State, Turn
from voicecare.domain import Level, Message, MessageKind, Status

if TYPE_CHECKING:
    from voicecare.conversation.dialog import Conversation


def repeat(talk: Conversation, text: str) -> Turn:
    """"Repeat", "what was the question?": the last turn again (see ``asides.repeated``)."""
    asking = talk.state is State.INTERVIEW
    if talk.state is State.DONE and talk.before_goodbye:
        # After the goodbye, the last advice, not the goodbye (outside review 20: the kiosk's "repeat" just after it).
        whole, aloud = talk.before_goodbye
        return Turn(text, asides.repeated(whole, asking=False), talk.state, None, "repeat",
                    asides.repeated(aloud, asking=False))
    return Turn(text, asides.repeated(talk.last_said, asking=asking), talk.state, None, "repeat",
                asides.repeated(talk.last_spoken, asking=asking))


def said_again(talk: Conversation, text: str, command: str) -> Turn:
    """"Slower" or "faster": the speaker changes its rate and says again, at the new one, what is waiting for an
    answer (the question), else what it said last. Silence sounded like the command was not understood. After the
    advice ("is there anything else?") what was said last is all of the last turn: its last line alone was only
    "Say more for the next" (outside review 9)."""
    again = talk.last_spoken[-1:] if talk.state is State.INTERVIEW else talk.last_spoken
    return Turn(text, again or (talk.say("listening"),), talk.state, None, command)


def request(talk: Conversation, text: str, request: str) -> Turn:
    """The next short item of what waits (rule 13): "more", "what do I do at home", "why", ..."""
    rules = talk.assistant.intents.spoken
    if rules is None or talk.answered is None:
        return talk.turn(text, [talk.say("listening")], None, request)
    if talk.answered is Level.UNCLEAR and talk.state is State.LISTENING:
        return _not_understood_yet(talk, text, request)
    asking = talk.asked[-1] if talk.state is State.INTERVIEW and talk.asked else None
    if request == "why" and asking is not None and asking.level in rules.asking_why:
        # "Why are you asking?" is about the question, not the advice not given yet: why it matters, then the
        # question again; nothing is counted (a note, so "repeat" after it says the question alone).
        said = [Message(asking.level, MessageKind.CONVERSATION, rules.asking_why[asking.level]),
                *_action_standing(talk, text)]
    elif request == "why":
        said = [Message(talk.answered, MessageKind.ADVICE, rules.why[talk.answered])]
    else:
        kinds = rules.requests.get(request, ())
        # "More" after "what do I do at home" goes on with home care while some waits, not the next item.
        if request == "more" and any(u[0].kind in talk.drawing for u in talk.waiting):
            kinds = talk.drawing
        talk.drawing = kinds
        said, talk.waiting = spoken.take(talk.waiting, kinds, rules, talk.rate_wpm)
        if not said and kinds:  # all of it was said already: say it again, it was asked for
            said, _ = spoken.take(spoken.units(talk.answer), kinds, rules, talk.rate_wpm)
    none_in_emergency = talk.state is State.EMERGENCY and not said
    if none_in_emergency:
        # Home care or signs to watch for after "Call 911 now": there are none to give; "Say more for the next"
        # was all it said (an outside review).
        said = [talk.say("emergency_request")]
    elif talk.state is State.EMERGENCY:  # rule 3: the call first, "why" too (it is one short sentence after it)
        # Of a read-back, what the 911 rests on first: "more" said "Call 911 now. I heard: back pain or spasm.", the
        # sign that made the 911 cut off by the turn's ceiling to wait (outside review 16 F11).
        read_back = [m for m in said if m.kind is MessageKind.READBACK]
        if read_back:
            said = [*_sign_first(talk, read_back), *(m for m in said if m.kind is not MessageKind.READBACK)]
        said = [*[m for m in talk.answer if m.kind is MessageKind.EMERGENCY][:1], *said]
    if talk.state is State.INTERVIEW:  # what waits comes with the advice; the question is still open
        if not said and request in rules.interview_requests:
            # Nothing of it yet: say when it comes, not the question alone as if the request was not heard.
            said = [Message(Level.UNCLEAR, MessageKind.CONVERSATION, rules.interview_requests[request])]
        closing = [talk.question_said(talk.asked[-1])]
    elif none_in_emergency or (talk.state is State.EMERGENCY and request == "why"):
        closing = []  # nothing to offer after it: 911 comes first
    else:
        closing = [Message(Level.UNCLEAR, MessageKind.CONVERSATION, rules.offers["next" if talk.waiting else "done"])]
    if not talk.waiting and talk.state is State.ANYTHING_ELSE:
        closing.append(talk.say("anything_else"))
    talk.offering = bool(talk.waiting) and talk.state is State.ANYTHING_ELSE and not none_in_emergency
    messages = (*said, *closing)
    talk.last_said = talk.last_spoken = messages
    return Turn(text, messages, talk.state, None, request, messages)


def _in_911(talk: Conversation, read_back: list[Message]) -> list[Message]:
    """"What did you hear?" during a 911: the call first (rule 3: the read-back alone sounded as if it was over),
    then what the 911 rests on ("You were not sure about trouble breathing ..."), then the rest of the read-back
    (what does not fit waits for "more", ``budget``)."""
    call = [m for m in talk.answer if m.kind is MessageKind.EMERGENCY][:1]
    return [*call, *_sign_first(talk, read_back)]


def _sign_first(talk: Conversation, read_back: list[Message]) -> list[Message]:
    """The sentences of ``read_back``, those naming a call-911 sign counted first."""
    signs = [f.symptom.name.lower() for f in talk.found
             if f.status is Status.PRESENT and f.symptom.level is Level.EMERGENCY]
    parts = [Message(m.level, m.kind, sentence) for m in read_back for sentence in spoken.sentences(m.text)]
    resting = [m for m in parts if any(sign in m.text.lower() for sign in signs)]
    return [*resting, *(m for m in parts if m not in resting)]


def _not_understood_yet(talk: Conversation, text: str, request: str) -> Turn:
    """A request ("what do I do at home?", "more") when nothing was understood: no advice can be given yet, so the
    caregiver is asked to describe again, with the call-911 signs of the unclear answer (rule 7). "That is all I
    have" ended the help there (outside review 13 F14)."""
    rules = talk.assistant.intents.spoken
    if request == "why" and rules is not None:  # why the call-911 signs were named, then the invitation
        messages: tuple[Message, ...] = (Message(Level.UNCLEAR, MessageKind.ADVICE, rules.why[Level.UNCLEAR]),
                                         talk.say("describe_first"))
    else:
        messages = (talk.say("describe_first"), *[m for m in talk.answer if m.kind is MessageKind.WARNING][:1])
        if rules is not None and spoken.total_seconds(messages, talk.rate_wpm) > rules.item_seconds:
            # One short item (rule 13): the call-911 signs in few words, as the unclear answer said them; with the
            # room the planning estimate fitted to real speech gives the turn, the whole list made it 19 s.
            shorter = dict(unanswered.call_911_lists(talk.found, talk.assistant.intents))
            messages = tuple(replace(m, text=shorter.get(m.text, m.text)) for m in messages)
    talk.last_said = talk.last_spoken = messages
    return Turn(text, messages, talk.state, None, request, messages)


def heard(talk: Conversation, text: str) -> Turn:
    """"What did you hear?": what was understood so far (see ``unanswered.heard``); an open question is asked
    again, since the caregiver has not answered it yet."""
    said = unanswered.heard(talk.found, talk.care, talk.assistant.intents)
    if talk.state is State.EMERGENCY:
        said = _in_911(talk, said)
    if talk.state is State.INTERVIEW:
        # "Which was it?" waiting: the yes told with it and that question, not the first one again (review 17 F13).
        said.extend(episodes.heard_which(talk, talk.asked[-1]) or [talk.question_said(talk.asked[-1])])
    elif talk.state is State.ANYTHING_ELSE:
        said.append(talk.say("anything_else"))
    talk.last_said = talk.last_spoken = tuple(said)
    return Turn(text, tuple(said), talk.state, None, spoken.HEARD, tuple(said))


def _action_standing(talk: Conversation, text: str) -> list[Message]:
    """The action told so far ("Call your child's doctor right away."), for a lone "why" heard by a recogniser in
    the interview: espeak-ng's "Goodbye." is heard "why" in 10 of 10 recordings (the acoustic model cannot tell them
    apart: measurements.md, spoken22), and a caregiver who said goodbye and walked away heard why the question
    matters and not what to do (outside review 20). The action is what a goodbye there says first (``parting``)."""
    if not talk.heard_by_ear or len(talk.assistant.intents.language.tokens(text)) != 1:
        return []
    result = talk.result()
    if result.disposition not in (Level.URGENT, Level.FOLLOW_UP):
        return []  # nothing stands yet below (home care comes after the questions); a 911 is said first anyway
    return [m for m in result.messages if m.kind is MessageKind.INSTRUCTION][:1]
