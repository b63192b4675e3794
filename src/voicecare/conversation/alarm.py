"""The 911 turn of the conversation: said plainly, or said with what it rests on and how to take it back.

An emergency that rests only on an answer not heard, not understood, doubted ("yeah long dad say that": a yes-word
in words that were no answer) or unsure is still called at once (rule 4), but said so (rule 14), and a plain "no"
next takes it back (rule 9; ``interview.take_back``). Lesser signs told in the same turn are said back after it,
never counted silently (rules 12 and 14).

Split from ``dialog`` (the conversation's state), which calls these with itself when triage says emergency.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from voicecare.conversation import misheard, no_again, unanswered
from voicecare.conversation.turns import State, Turn, words_of
from voicecare.domain import Basis, Finding, Level, MessageKind, Status, TriageResult

if TYPE_CHECKING:
    from voicecare.conversation.dialog import Conversation


def emergency(talk: Conversation, text: str, result: TriageResult) -> Turn:
    """The 911 answer: said plainly, or, when it rests only on an answer not heard, doubted or unsure, said so
    with how to take it back (rule 14)."""
    asking = talk.state is State.INTERVIEW
    talk.state = State.EMERGENCY
    turn = talk.turn(text, list(result.messages), result.disposition)
    # Said again while it still rests only on that answer, it says so again (rule 14: from the second
    # 911 turn on, the unheard signs were named as if heard).
    asking = asking or talk.doubted is not None
    if asking and talk.unconfirmed_no and unanswered.only_assumed(talk.found, Basis.UNHEARD, Basis.UNSURE):
        # The answer model heard "no", the other model did not: said as heard, and why it counts (rule 14; outside
        # review 20 F3: "Not sure counts as yes" was said to a "No."). The same "no" again takes it back.
        question = talk.doubted = talk.doubted or talk.answered_now()
        note = no_again.first_unconfirmed(talk, question)
        if note:
            return talk.with_note(turn, note, last=True, kind=MessageKind.CONFIRM)
    if asking and unanswered.only_assumed(talk.found, Basis.UNHEARD):
        return guessed(talk, turn)
    if asking and doubted_yes(talk):
        # A yes-word in words that were no answer ("yeah long dad say that"): counted (rule 4), said as a
        # doubt, and a plain "no" next takes it back as the answer it is (outside review 9).
        return guessed(talk, turn, doubted=True)
    if asking and unanswered.only_assumed(talk.found, Basis.UNHEARD, Basis.UNSURE):
        # "Dunno" counts as yes (rule 10), but "sorry, I meant no, she's breathing fine" next is the later
        # statement and wins (rule 9): a family must not be left with a 911 call it has taken back.
        talk.doubted = talk.doubted or talk.answered_now()
        return talk.with_note(turn, talk.notes().unsure_emergency, last=True, kind=MessageKind.CONFIRM)
    talk.doubted = None  # a sign said since makes the 911: a "no" to that question no longer takes it back
    if asking and unanswered.only_assumed(talk.found, Basis.ANSWERED, Basis.UNHEARD, Basis.UNSURE):
        talk.yes_to = talk.answered_now()  # the recogniser may have heard "No." as "yup"
    talk.misheard = misheard.doubted_signs(talk.found)
    beside_unclear = misheard.doubted_signs(talk.found, Basis.UNHEARD, Basis.UNSURE) if asking else ()
    if not talk.misheard and beside_unclear:
        # Doubted words beside an answer not understood ("nah he's breathing falling ... wake barely" for "he's
        # breathing fine and wide awake"): nothing was said plainly, yet neither check above took it, so no "no"
        # could take this 911 back and every later turn said it again (conversation bench). A correction of the
        # doubted words, or a plain "no" to the question, takes back both (``misheard.take_back``).
        talk.misheard, talk.doubted = beside_unclear, talk.answered_now()
    resting = misheard.hedged_rest(talk, turn.messages) if (asking or talk.yes_to) and not talk.misheard else ()
    if resting:
        # "I may have heard trouble breathing ... If I heard that wrong, tell me" beside a yes to the grouped
        # question: a "no" next takes back both, as the turn offered (outside review 12, F5: it never could).
        talk.misheard, talk.yes_to = resting, talk.answered_now()
    return turn


def told(talk: Conversation, turn: Turn, news: Sequence[Finding]) -> Turn:
    """A 911 ``turn`` with the lesser signs told in the same turn (``news``) said back after it: counted, they
    are never silent (rules 12 and 14; an outside review's "can she go to daycare?" heard mid-911 added limb
    signs nobody heard of until the summary)."""
    said = " ".join(m.text for m in turn.said_aloud).lower()
    lesser = [f for f in news if f.symptom.level is not Level.EMERGENCY and f.symptom.name.lower() not in said]
    intents = talk.assistant.intents
    note = unanswered.counted_as(lesser, intents)
    plain = [f for f in lesser if misheard.plain(f)]
    rules = intents.spoken
    if note and len(lesser) > 1 and plain and rules is not None and rules.many_signs:
        # Too long beside the 911, the note waited for "more" whole, and the signs were counted silently after all
        # (outside review 21 F10): its short form names the first sign said and says there were others.
        first = rules.many_signs.format(items=plain[0].symptom.name).rstrip(".")
        talk.short_forms[note] = intents.messages["readback"].format(items=first)
    return talk.with_note(turn, note, last=True) if note else turn


def guessed(talk: Conversation, turn: Turn, *, doubted: bool = False) -> Turn:
    """An emergency from an unheard answer (``doubted``: a doubted yes): said so after "stay with your child",
    with how to take it back."""
    # From every sign asked about (the spoken sign line may be cut short: ``emergency_words``).
    # "Not understood" when the answer had words, "not heard" when it had none; a later turn ("what's going
    # on") is no answer, so the 911 is still worded by the answer it rests on.
    if talk.answering is not None:
        talk.answer_worded = bool(words_of(talk.assistant.intents, turn.heard))
    said = unanswered.guessed_emergency(turn.messages, talk.assistant.intents, worded=talk.answer_worded,
                                        doubted=doubted, rival=talk.rival_no)
    if said is None:
        return turn
    talk.doubted = talk.doubted or talk.answered_now()
    talk.last_spoken = said
    # Without room for the whole list (a lesser sign said back, "help"), the note names the first sign and "other
    # danger signs" (``budget``): a 911 turn with both took 18.6-19.7 s on the conversation bench.
    talk.short_forms[said[-1].text] = unanswered.guessed_short(said[-1].text, turn.messages, talk.found,
                                                               talk.assistant.intents)
    return Turn(turn.heard, (*turn.messages, said[-1]), turn.state, turn.disposition, None, said)


def doubted_yes(talk: Conversation) -> bool:
    """True when the emergency rests only on the answer to the question asked, read as a yes the answer reader
    doubted (each of its signs guessed: a yes-word in words that were no answer) or not heard."""
    signs = [f for f in talk.found if f.status is Status.PRESENT and f.symptom.level is Level.EMERGENCY]
    if not talk.asked or not signs or not unanswered.only_assumed(talk.found, Basis.UNHEARD, Basis.GUESSED):
        return False
    assumed = {f.symptom.id for f in talk.found if f.status is Status.PRESENT and f.basis is Basis.GUESSED}
    question = talk.answered_now()
    return set(question.symptoms) <= assumed and all(f.symptom.id in question.symptoms for f in signs
                                                      if f.basis is Basis.GUESSED)
