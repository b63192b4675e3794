"""Answers during the red-flag interview: an answer counted, a care question said instead, a partial answer asked
again, "skip", and a plain "no" that takes back a 911 resting on an unheard answer (issue #9).

Split from ``dialog`` (the conversation's state), which calls these with itself while a question waits.
"""

from __future__ import annotations

from collections.abc import Collection, Sequence
from dataclasses import replace
from typing import TYPE_CHECKING

from voicecare.conversation import amends, asides, episodes, no_again, spoken, unanswered
from voicecare.conversation.answers import Answer, AnswerKind
from voicecare.conversation.turns import COMMAND_OF_ANSWER, State, Turn
from voicecare.domain import Basis, Finding, InterviewQuestion, Level, Message, MessageKind, Status
from voicecare.understanding import triage
from voicecare.understanding.assistant import MAX_UTTERANCE_CHARS
from voicecare.understanding.care import CareQuestion
from voicecare.understanding.text import holds

if TYPE_CHECKING:
    from voicecare.conversation.dialog import Conversation


def explained(talk: Conversation, text: str, said: str, answer: Answer, question: InterviewQuestion) -> Turn | None:
    """ "What do you mean, hard to wake?": the caregiver asking what the question means, once per question, hears
    what its signs look like and the question again; nothing is counted. Counted as unsure, it was a 911 read back
    "you were not sure" (outside review 22 F6; rule 14). Asked again, it is an unclear answer (rule 4). None when
    ``said`` asks no such thing, or the answer names or denies a sign (read as it is)."""
    if answer.kind is not AnswerKind.UNSURE or not question.explain or question.id in talk.explained or any(
            f.status is Status.PRESENT and f.basis is Basis.SAID for f in answer.findings):
        return None  # "what do you mean? he can't breathe!": the sign said is read as said
    language = talk.assistant.intents.language
    tokens = [language.spelling.canonical(w) for w in language.tokens(said)]
    if not any(holds(tokens, phrase) for phrase in talk.answers.words.words["asking_meaning"]):
        return None
    talk.explained.add(question.id)
    return talk.turn(text, [Message(question.level, MessageKind.CONVERSATION, question.explain),
                            talk.question_said(question)], None)


def answer(talk: Conversation, text: str, earlier: Sequence[Finding] | None = None) -> Turn:
    """An answer to the current interview question (see answers.py); unclear or silence counts as yes (rule 4).

    ``earlier``: what was counted before this turn, when the recogniser's other readings of it added a red flag
    already (counted, rule 4, and said back with what it means like any news, rules 12 and 14).

    A care question said instead ("is a heating pad ok?") is answered and the question asked again: read as
    an answer it was a "no" nobody said (rule 14) or an unclear answer's 911. Said with an answer ("no. can
    I give him ibuprofen?"), the answer counts and the care answer comes before the next question."""
    question = talk.answering = talk.asked[-1]
    care, reply = asides.care_in(talk.assistant, talk.answers, text, question)
    if care and reply is None:
        return care_asked(talk, text, question, care)
    talk.care = care
    said = reply or text  # the answer, without the care question said with it
    answer = talk.answers.read(question.id, said)
    said, answer = amends.own_correction(talk, said, answer, question)  # "yes, no, I mean no": its last word
    amended = amends.said_back(talk, text, answer, question)  # "sorry, I meant no fever": an earlier answer's
    if amended is not None:
        return amended
    about = asides.about_else(talk.assistant, said, answer, question, talk.found)
    if about:  # not an answer: what that sign would mean, then the question again; nothing is counted
        return talk.turn(text, [*about, talk.question_said(question)], None)
    explaining = explained(talk, text, said, answer, question)
    if explaining is not None:
        return explaining
    if answer.kind is AnswerKind.COMMAND and answer.command is not None:
        if earlier is not None and (doubted := _doubted_in_command(talk, text, earlier)) is not None:
            return doubted
        return talk.obey(text, COMMAND_OF_ANSWER.get(answer.command, answer.command))
    no_again.noted(talk, said, question)  # "no if": the first of two answers that begin with a no (review 18 F2)
    continuing = more_description(talk, said, answer, question)
    if not continuing:
        answer = episodes.yes_for_now(talk, said, answer, question)  # "he had it earlier and still does" (rule 9)
    if not continuing and episodes.unnamed(talk, said, answer, question):  # "he did this morning but he's fine now" (rule 9)
        which = episodes.ask_which(talk, text, question, answer)
        if which is not None:
            return which
    if answer.kind is AnswerKind.OFF_TOPIC:
        # Said to someone else: not an answer. The question is asked again, nothing is counted.
        return talk.turn(text, [talk.question_said(question)], None)
    if told_nothing(answer):
        answer = unclear(talk, answer, question)
    findings, recalled = episodes.recalled(talk, question, answer.findings, said)
    if continuing:
        # The rest of the description after a pause ("and she's had a fev..." heard garbled): no answer, so none of
        # the question's signs is counted; the question is asked again, as after news (outside review 13 F7).
        findings = [f for f in findings if f.symptom.id not in question.symptoms]
        answer = replace(answer, kind=AnswerKind.NEW_INFO)
    if talk.rival_no and answer.kind is AnswerKind.YES:
        # Another reading of the same audio was a "no": the yes counts (rule 4) but is said as a doubt, and a "no"
        # next takes it back (outside review 12, F6: "Call 911 now" said as fact to a caregiver heard saying no).
        findings = [replace(f, basis=Basis.GUESSED) if f.basis is Basis.ANSWERED else f for f in findings]
    if answer.unanswered:
        # "He's breathing fine": a no to breathing only; "he's a bit hot": a yes to fever only (the reader left the
        # rest out of its findings). The rest is asked again ("What about ...?").
        answer = replace(answer, kind=AnswerKind.NEW_INFO)
    if unpinned(talk, answer, question):
        # "No, but he's a bit sleepier": part of the group is there, but which sign is not known. Counting
        # every sign as a yes would read back what was not said (rule 14); counting none could miss a 911
        # sign (rule 4). So the question is asked once more, saying why; a second such answer counts its
        # signs as doubtful (rules 4 and 10: "not sure" is a yes), read back as not sure, never as unheard.
        if question.id not in talk.asked_again:
            talk.asked_again.add(question.id)
            talk.merge(f for f in findings if f.symptom.id not in question.symptoms)
            if talk.result().disposition is not Level.EMERGENCY:
                return talk.turn(text, [talk.say("which_sign"), talk.question_said(question)], None)
        findings = [replace(f, basis=Basis.UNSURE) if f.symptom.id in question.symptoms else f for f in findings]
    # A narrowed question ("what about chills?") settles only the signs it asked about, or ones named again. A sign
    # counted only because the first answer was not caught is answered now: "yes" was read back as unclear (rule 14).
    settled = talk.settled(question) - {f.symptom.id for f in talk.found if f.basis is Basis.UNHEARD}
    findings = [f for f in findings if f.symptom.id not in settled or f.basis is Basis.SAID]
    before = {f.symptom.id for f in (talk.found if earlier is None else earlier) if f.status is Status.PRESENT}
    level = talk.result().disposition
    if earlier is not None:
        level = triage.triage(earlier, talk.assistant.intents, disclaimer=False).disposition
    talk.merge(talk.doubted_by_ear(not_unsaying(talk, kept_told(talk, findings, question), said,
                                                set() if earlier is None else before)))
    if answer.kind is AnswerKind.NEW_INFO:
        # New information is its own finding, never a yes; the question it interrupted is asked again, however
        # often news comes instead of an answer: its signs are still to be covered before any advice.
        talk.asked.remove(question)
        talk.asked_again.add(question.id)
    if missed(talk, answer, question):
        # Counted as yes (rule 4), but asked once more at once: the interview went on, and a "no" said later
        # answered the next question, so the unclear answer's yes stood to the end (conversation bench: "Not that
        # I've noticed" heard "not that no missed", "No, just the once" heard "no dot want she you through").
        talk.asked_again.add(question.id)
        note = Message(question.level, MessageKind.CONVERSATION, talk.notes().unclear_asked_again)
        return talk.turn(text, [note, talk.question_said(question)], None)
    # News said with the answer ("no, but she's been throwing up"), or instead of it, is said back before the next
    # question with what it means, so the caregiver hears it was taken in (rules 12 and 13); the disposition counts
    # it, and the whole advice comes once the signs are covered.
    news = [f for f in talk.found if f.status is Status.PRESENT and f.symptom.id not in {*question.symptoms, *before}]
    # So is the answer itself when it raised the level ("yes" to fever): the new action is said now, before the
    # questions left, as it was only at the end of the interview (rules 3 and 13; issue #9). Below that, a yes
    # waits for the advice, keeping the interview's turns short.
    told, level_told = said_before(talk, question, earlier)
    raised = [f for f in talk.found if f.status is Status.PRESENT and f.symptom.id in question.symptoms
              and f.symptom.id not in told] if talk.result().disposition < level_told else []
    # A sign of the question told as past ("no, she fainted yesterday") is said back as noticed (rule 9).
    past = episodes.past_named(talk, said, question, recalled)
    return episodes.said_back(talk, talk.respond(text, news=[*raised, *news], before=level_told if raised else level),
                              past)


def said_before(talk: Conversation, question: InterviewQuestion,
                earlier: Sequence[Finding] | None) -> tuple[set[str], Level]:
    """The signs counted before this turn and their level, leaving out a first unclear answer to ``question``: it
    counted as yes but was only asked again (``missed``), so its action was never said."""
    again = question.id in talk.asked_again
    prior = [f for f in (talk.found if earlier is None else earlier) if not (
        again and f.symptom.id in question.symptoms and f.basis is Basis.UNHEARD)]
    told = {f.symptom.id for f in prior if f.status is Status.PRESENT}
    return told, triage.triage(prior, talk.assistant.intents, disclaimer=False).disposition


def kept_told(talk: Conversation, findings: Sequence[Finding], question: InterviewQuestion) -> list[Finding]:
    """``findings`` without the denial of a home-care sign the caregiver told (the back pain itself) that the question
    does not ask about: "cramps coming back? no" denied the back's cramping too, and the ending read back "Your
    other answers were no" with no word of the sore back that was said (rule 12; scripted caregivers of answers_q)."""
    told = {f.symptom.id for f in talk.found if f.status is Status.PRESENT and f.basis is Basis.SAID
            and f.symptom.level is Level.HOME_CARE and f.symptom.id not in question.symptoms}
    return [f for f in findings if not (f.status is Status.ABSENT and f.symptom.id in told)]


def _doubted_in_command(talk: Conversation, text: str, earlier: Sequence[Finding]) -> Turn | None:
    """A command turn in which the recogniser's other readings held a red flag (counted before this call): an
    emergency acts now, 911 first with the doubt said (rules 3, 4 and 14); a lesser sign is not counted, the command
    was what was heard. Counted silently, en-us+m4's description heard as "slower" recorded "it is an emergency"
    with only the question said, and the 911 came a turn later, on the caregiver's "No." (outside review 19, F5).
    None: nothing was added, or only lesser signs, now dropped."""
    before = {f.symptom.id for f in earlier}
    added = [f for f in talk.found if f.symptom.id not in before]
    if not added:
        return None
    if triage.triage(talk.found, talk.assistant.intents, disclaimer=False).disposition is Level.EMERGENCY:
        return talk.respond(text, news=added)
    talk.found = list(earlier)
    return None


def care_asked(talk: Conversation, text: str, question: InterviewQuestion, care: Sequence[CareQuestion]) -> Turn:
    """A care question instead of an answer: its short answer (the rest on "more", rule 13), then the
    question again; nothing is counted."""
    cared = [Message(question.level, MessageKind.CARE_ANSWER, q.answer) for q in care]
    asked = talk.question_said(question)
    planned = spoken.opening(cared, [], [], asked, talk.assistant.intents.spoken, talk.rate_wpm)
    messages = (*cared, asked)
    talk.waiting, talk.answer, talk.drawing = planned.waiting, messages, ()
    talk.last_said, talk.last_spoken = messages, planned.now
    return Turn(text, messages, talk.state, None, None, planned.now)


def more_description(talk: Conversation, said: str, answer: Answer, question: InterviewQuestion) -> bool:
    """True when ``said`` opens with a word of more description ("and ...", spoken.toml ``more_description``) and
    the answer reader understood none of it as an answer: each of the question's signs counted only as unheard.
    Only the first time the question is asked: asked again, an unclear answer counts as yes (rule 4)."""
    language = talk.assistant.intents.language
    words = language.tokens(said)
    opening = [language.tokens(phrase) for phrase in talk.notes().more_description]
    if not any(len(words) > len(o) and words[:len(o)] == o for o in opening if o):
        return False
    own = [f for f in answer.findings if f.symptom.id in question.symptoms]
    return (answer.kind is AnswerKind.UNSURE and not answer.silent and bool(own)
            and all(f.basis is Basis.UNHEARD for f in own) and question.id not in talk.asked_again)


def missed(talk: Conversation, answer: Answer, question: InterviewQuestion) -> bool:
    """True for a first answer not heard or not understood to a question below 911 (which is called at once,
    rule 3), with nothing else said in it: it counts as yes, and is asked once more (``unclear_asked_again``)."""
    own = [f for f in answer.findings if f.symptom.id in question.symptoms]
    others = [f for f in answer.findings if f.symptom.id not in question.symptoms and f.status is Status.PRESENT]
    return (bool(talk.notes().unclear_asked_again) and question.level is not Level.EMERGENCY
            and question.id not in talk.asked_again and answer.kind is AnswerKind.UNSURE and bool(own)
            and all(f.basis is Basis.UNHEARD for f in own) and not others
            and talk.result().disposition is not Level.EMERGENCY)


UNCLEAR_NEWS = "unclear_news:"
"""Marks a 911 question in ``Conversation.asked_again`` once asked again after words that told nothing."""


def told_nothing(answer: Answer) -> bool:
    """True for words about the child that neither answer the question nor name any sign ("she's even hotter than
    before", "he's been napping a lot more" read as news with nothing found). They are an unclear answer, and rule 4
    counts an unclear answer to a red-flag question as yes: read as news, the question was asked again with
    nothing counted, and a goodbye then gave home care (outside review 23, F2)."""
    return answer.kind is AnswerKind.NEW_INFO and not answer.amends and not answer.silent and not any(
        f.status in (Status.PRESENT, Status.ABSENT) for f in answer.findings)


def unclear(talk: Conversation, answer: Answer, question: InterviewQuestion) -> Answer:
    """``answer`` as an unclear one: each of the question's signs counted as not heard (rule 4, said so, rule 14).
    Below 911 it is then asked once more (``missed``). A 911 question is first only asked again, marked so that a
    second such answer, or a goodbye, counts it: a false 911 for "she's been grumpy" is the second worst error."""
    if question.level is Level.EMERGENCY and UNCLEAR_NEWS + question.id not in talk.asked_again:
        talk.asked_again.add(UNCLEAR_NEWS + question.id)
        return answer
    return replace(answer, kind=AnswerKind.UNSURE, findings=tuple(_unheard(talk, s, answer.input)
                                                                    for s in question.symptoms))


def _unheard(talk: Conversation, symptom_id: str, heard: str) -> Finding:
    """``symptom_id`` counted because its answer was not understood (rule 4), read back so (rule 14)."""
    return Finding(talk.assistant.intents.symptom(symptom_id), Status.PRESENT, 100.0, heard, True, Basis.UNHEARD)


def left_unclear(talk: Conversation) -> None:
    """On leaving while a 911 question waits that was asked again for words that told nothing: its unsettled signs
    count as not heard (rule 4: an unclear answer to a red-flag question is a yes), so the goodbye says the 911 and
    why, never home care (outside review 23, F2)."""
    if not talk.asked:
        return
    question = talk.asked[-1]
    if UNCLEAR_NEWS + question.id not in talk.asked_again:
        return
    settled = talk.settled(question)
    talk.merge(_unheard(talk, s, "") for s in question.symptoms if s not in settled)


def unpinned(talk: Conversation, answer: Answer, question: InterviewQuestion) -> bool:
    """A partial answer that names none of the question's signs: each counted only because it was unclear."""
    own = [f for f in answer.findings if f.symptom.id in question.symptoms]
    return answer.kind is AnswerKind.PARTIAL and not answer.silent and bool(own) and all(
        f.basis is Basis.UNHEARD for f in own)


def skip(talk: Conversation, text: str) -> Turn:
    """"Skip" skips the follow-up questions; the 911 ones are asked first, saying why once (the issue: every
    emergency sign covered before home-care advice). A second "skip" gives the advice, with the red-flag
    lists said at once (see ``_guidance``): never silently dropped."""
    question = talk.asked[-1]
    first = not talk.skipped
    talk.skipped.append(question)
    unsettled = set(question.symptoms) - talk.settled(question)
    pending = [q for q in [question, *talk.pending()] if q.level is Level.EMERGENCY
               and (q is not question or unsettled)]
    if first and pending:
        ask = min(pending, key=lambda q: q.level)
        if ask in talk.asked:
            talk.asked.remove(ask)
        talk.asked.append(ask)
        return talk.turn(text, [talk.say("skip_why"), talk.question_said(ask)], None, "skip")
    return talk.guidance(text)


def not_skipped(talk: Conversation, text: str) -> Turn | None:
    """"Skip" during a 911 resting on an unclear answer (``talk.doubted``): the call first (rule 3), then, in few
    words, that this question cannot be skipped and what is needed instead; None when the 911 rests on anything
    else (a sign said, a yes: no "no" takes those back), or the language has no words for it.

    Outside review 19 (F14): each "skip" got the whole 911 turn again with "I did not hear a no", never saying that
    skip does not work here or that a "no" is what is needed. The question stays the one the 911 rests on, so a
    "no" next still takes it back."""
    note, question = talk.notes().said_again.get("no_skip", ""), talk.doubted
    if question is None or not note:
        return None
    # Every sign of the question not said to be absent, by name (outside review 8: never "other danger signs" here).
    absent = {f.symptom.id for f in talk.found if f.status is Status.ABSENT}
    names = [talk.assistant.intents.symptom(s).name for s in question.symptoms if s not in absent]
    items = unanswered.listed(names, talk.assistant.intents.language.list_or)
    call = [m for m in talk.answer if m.kind is MessageKind.EMERGENCY]
    stay = call[-1:] if len(call) > 1 else []  # "Call 911 now.", "Stay with your child.": the sign list was said
    said = [*call[:1], *stay, Message(Level.EMERGENCY, MessageKind.CONFIRM, note.format(items=items))]
    return replace(talk.turn(text, said, None, "skip"), disposition=Level.EMERGENCY)


def take_back(talk: Conversation, text: str, question: InterviewQuestion) -> Turn | None:
    """A plain "no" to the question whose unheard answer made the emergency: it was not one (rule 9)."""
    care, reply = asides.care_in(talk.assistant, talk.answers, text, question)
    if care and reply is None:  # "is a heating pad ok?" is no "no": the 911 stands, and a "no" may still come
        talk.doubted = question
        return None
    answer = talk.answers.read(question.id, reply or text)
    if answer.kind is not AnswerKind.NO:
        return None
    if answer.unanswered:  # "he's breathing fine": the 911 still rests on the signs it did not deny
        talk.merge(answer.findings)
        talk.doubted = question
        return talk.respond(text)
    talk.merge(answer.findings)
    talk.state = State.INTERVIEW
    turn = talk.respond(text)
    if turn.disposition is Level.EMERGENCY:  # another sign still makes it one
        return turn
    return talk.with_note(turn, talk.notes().taken_back, last=False)


def not_unsaying(talk: Conversation, findings: Sequence[Finding], text: str,
                 earlier: Collection[str] = ()) -> list[Finding]:
    """A blanket "no" to "fever or chills?" denies the signs not yet said, never one the caregiver said was
    there ("she feels hot"): the caregiver most likely meant the rest (when in doubt, the higher level). One only
    a doubted reading of an ``earlier`` turn held (the recogniser's other readings) was not said: the "no" denies
    it; one another reading of this very turn holds still counts (rule 4). A sign named again in the answer
    ("no fever now") is the later statement and wins (rule 9)."""
    named = {m.symptom for m in talk.assistant.matcher.match(text[:MAX_UTTERANCE_CHARS])}
    # A yes to a narrowed question's other sign ("he's a bit hot": fever; "what about chills?" "no") is kept too.
    said = {f.symptom.id for f in talk.found if f.status is Status.PRESENT and f.basis in (Basis.SAID, Basis.ANSWERED)
            and not (f.uncertain and f.symptom.id in earlier)}
    return [f for f in findings
            if not (f.status is Status.ABSENT and f.symptom.id in said and f.symptom.id not in named)]
