"""After the conversation ended ("is there anything else?" "no"): a request for the last advice, and a closing said
where nothing was told.

Rule 13 promises the warning signs and the home-care steps "when the caregiver asks ('what should I watch for?',
'tell me more')", and rule 14 never says "I missed that" of words heard exactly. Yet after the goodbye, words began a
new conversation: "tell me more" and "what should I watch for?" got "I am listening. Tell me what you notice", and
"what did you hear?" got "Sorry, I missed that", so an urgent answer's call-the-doctor signs were never heard (outside
review 16 F7). A request for the last advice re-opens the conversation it belongs to; anything else still begins a
new one. And "no, that's all" with nothing told is a closing, answered with the goodbye, not "Sorry, I missed that".

Split from ``dialog`` (the conversation's state), which ``readings`` and the typed chat call these with.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from voicecare.conversation import last_answer, spoken, waiting
from voicecare.conversation.answers import ANYTHING_ELSE, AnswerKind
from voicecare.conversation.turns import State
from voicecare.domain import Finding, Level, Status
from voicecare.understanding.text import holds

if TYPE_CHECKING:
    from voicecare.conversation.dialog import Conversation

CLOSING_COMMANDS = ("goodbye", "quit", "stop")
"""Commands that end a conversation, said again after it ended: nothing to answer."""
SAY_AGAIN = ("repeat",)
"""Commands that ask for the last turn again: after the wrap-up, the wrap-up (outside review 18 F13: "repeat", heard
exactly, got "Sorry, I missed that", rule 14)."""


def asks_last_answer(talk: Conversation, text: str) -> bool:
    """True when ``text``, said after ``talk`` ended, asks for its last advice ("tell me more", "what should I watch
    for?", "what did you hear?", "why?", or "repeat" for the wrap-up) and that advice was given: every question it
    needed was asked, or it was a 911 (a goodbye in the middle of the interview left no advice to ask about)."""
    if talk.state is not State.DONE or talk.answered is None:
        return False
    if last_answer.corrected(talk, text) is not None:
        # "Sorry, I meant yes" after the wrap-up corrects its last answer (rule 9): it began a new conversation that
        # answered "Sorry, I missed that" (outside review 19 F2).
        return _reopened_state(talk) is not None
    # "What do I do while I wait for the doctor?" asks about the last advice too (outside review 17 F5).
    if talk.command_of(text) in SAY_AGAIN:
        return bool(talk.last_said)  # the wrap-up said again, the conversation still ended (``reopen`` keeps it)
    if talk.command_of(text) not in spoken.REQUESTS and not waiting.says(talk, text):
        return False
    return _reopened_state(talk) is not None


def reopen(talk: Conversation, text: str = "") -> None:
    """``talk`` taken up again where its advice left it: the 911 still standing, or "is there anything else?"; for
    "repeat" (``text``) it stays ended, so that what is said again is its last advice (``requested.repeat``)."""
    if text and talk.command_of(text) in SAY_AGAIN:
        return
    state = _reopened_state(talk)
    if state is not None:
        talk.state = state


def _reopened_state(talk: Conversation) -> State | None:
    if talk.result().disposition is Level.EMERGENCY:
        return State.EMERGENCY
    if talk.asked and not talk.pending():
        return State.ANYTHING_ELSE
    return None


def closing_only(talk: Conversation, text: str, unsure: Sequence[Finding] = ()) -> bool:
    """True when ``text`` only closes a conversation ("no, that's all", "goodbye"): a "no" or goodbye to "is there
    anything else?" with no sign in it or among the recogniser's other readings (``unsure``)."""
    if unsure or talk.assistant.matcher.match(text):
        return False
    answer = talk.answers.read(ANYTHING_ELSE, text)
    if answer.findings or answer.news:
        return False
    return answer.kind is AnswerKind.NO or (answer.kind is AnswerKind.COMMAND and answer.command in CLOSING_COMMANDS)


def nothing_told(talk: Conversation, text: str) -> bool:
    """True when ``text`` ("no, that's all") closes a conversation in which no sign was told yet, after a turn that
    was answered ("Sorry, I missed that"): it was heard, so it gets the goodbye, not that again (rule 14)."""
    if talk.state is not State.LISTENING or any(f.status is Status.PRESENT for f in talk.found):
        return False
    if talk.answered is None:  # a fresh conversation's first words: unclear, the call-911 signs named (rule 7)
        return False
    answer = talk.answers.read(ANYTHING_ELSE, text)
    return answer.kind is AnswerKind.NO and closing_only(talk, text) and (plain_no(talk, text) or says_all_told(talk, text))


def says_all_told(talk: Conversation, text: str) -> bool:
    """True when ``text`` holds words saying all was told ("that's all", "that's it": spoken.toml ``closing``).

    Only these make a "no" to "please tell me again" a closing: "No, she's breathing fine" and a "No." heard
    "no all" got the goodbye, the child never assessed (outside review 19, F8; rule 7)."""
    words = talk.assistant.intents.language.tokens(text)
    return any(holds(words, talk.assistant.intents.language.tokens(p)) for p in talk.notes().closing)


def tells_a_sign(talk: Conversation, text: str) -> bool:
    """True when ``text`` says a sign of the child (present, or only guessed): said after the goodbye, it starts a
    new conversation, so that "she just stopped breathing" typed after "goodbye" gets "Call 911 now" first (rule 10)
    and is not dropped with the chat."""
    return any(f.status is Status.PRESENT for f in talk.assistant.understand(text))


def plain_no(talk: Conversation, text: str) -> bool:
    """True when ``text`` is nothing but one-word "no"s ("no", "nope", "no no": the language's one-word ``no``
    controls): an answer to a question, not "no, that's all". Said to "please tell me again" after words that were
    not understood, it ended the conversation with the goodbye, the child never assessed (outside review 17 F9)."""
    tokens = talk.assistant.intents.language.tokens
    single = {words[0] for words in map(tokens, talk.assistant.intents.controls.get("no", ())) if len(words) == 1}
    said = tokens(text)
    return bool(said) and all(word in single for word in said)
