"""An interview answer that tells of an episode that is over: noticed, never counted as now (rule 9).

Outside review 12 (F7) asked "trouble breathing, very sleepy ..., or has your child fainted?" and heard three
outcomes for one meaning: "she did earlier but not now" was no answer (asked again with nothing said of the
episode, then forgotten), "he did this morning but he's fine now" a yes to all four signs (911), and "no, she
fainted yesterday" a plain no. Rule 9: a past sign does not raise the level but may be asked about; the caregiver
hears it was noticed. The words that say a sign is over are the language's own context cues (``language.toml``).

- A sign of the question named as past ("no, she fainted yesterday"): counted as the answer says, and said back
  ("You said fainting happened before. If it is back now, tell me.") before the next question.
- An episode with no sign named ("he did this morning but he's fine now", "she did earlier but not now"): which
  sign is not known, so nothing is counted yet and the question is asked once more, saying why; a second such
  answer is read as any answer is (rule 4: unclear counts).
"""

from __future__ import annotations

from collections.abc import Collection, Sequence
from dataclasses import replace
from typing import TYPE_CHECKING

from voicecare.conversation import unanswered
from voicecare.conversation.answers import Answer, AnswerKind
from voicecare.conversation.turns import Turn
from voicecare.domain import Basis, Finding, InterviewQuestion, Level, Message, MessageKind, Status
from voicecare.understanding.assistant import MAX_UTTERANCE_CHARS

if TYPE_CHECKING:
    from voicecare.conversation.dialog import Conversation

ASKED = "past:"
"""Marks a question in ``asked_again`` once asked again after an episode with no sign named."""
DATED = "past_dated:"
"""... when that episode was at a time long gone ("yesterday"): even an event named then is past."""
READ = "past_read:"
"""... once the answer to "which was it?" was read."""
SAID_OVER = "past_said_over:"
"""... when the episode was said back as over ("You said it happened before but not now")."""
YES = "past_yes:"
"""... when the answer held a yes to the question's signs ("earlier no, but now yes"): "what did you hear?" says it."""
OVER = "past_over:"
"""... when the episode was said to be over ("fine now", "not now"), not only put at a time ("today")."""
UNPLACED = (AnswerKind.OFF_TOPIC, AnswerKind.NEW_INFO, AnswerKind.PARTIAL, AnswerKind.UNSURE)
"""Readings of an answer that did not settle it: a time said with them may be an episode that is over."""


def past_named(talk: Conversation, said: str, question: InterviewQuestion, recalled: Sequence[str] = ()) -> list[str]:
    """The names of the question's signs that ``said`` tells of as past ("she fainted yesterday"), and of those
    ``recalled`` (ids) that were counted as past."""
    found = talk.assistant.understand(said[:MAX_UTTERANCE_CHARS])
    counted = [f.symptom.name for f in talk.found if f.symptom.id in recalled and f.status is Status.PAST]
    return [*counted, *(f.symptom.name for f in found if f.status is Status.PAST and f.symptom.id in question.symptoms)]


def unnamed(talk: Conversation, said: str, answer: Answer, question: InterviewQuestion) -> bool:
    """True when ``said`` tells of an episode that is over without naming which of the question's signs: a cue
    that the child is well again ("fine now") or a time long gone, or a time ("earlier", "this morning") in words
    that did not answer; and no sign at all is named."""
    language = talk.assistant.intents.language
    words = language.tokens(said[:MAX_UTTERANCE_CHARS])
    if not words or talk.assistant.matcher.match(said[:MAX_UTTERANCE_CHARS]):
        return False  # a sign named ("she's had a fever since last night" is news): read as the answer it is
    if says_now(talk, said):
        return False  # "it went away but it is back now": there now, the later statement wins (``yes_for_now``)
    if _over(talk, said):
        return answer.kind is not AnswerKind.NO
    return answer.kind in UNPLACED and tells_when(talk, words)


def tells_when(talk: Conversation, words: Sequence[str]) -> bool:
    """True when ``words`` hold a word of when ("earlier", "yesterday"), or a word that leads one ("on", "this")
    followed by another ("on monday"): "on" alone is no time told."""
    context = talk.assistant.intents.language.context
    return any(w in context.over_when and (w not in context.when_leads or after in context.over_when)
               for w, after in zip(words, [*words[1:], ""], strict=False))


def _over(talk: Conversation, said: str) -> bool:
    """True when ``said`` says the episode is over ("fine now", "not now", "yesterday"), not only when it was."""
    language = talk.assistant.intents.language
    words = language.tokens(said[:MAX_UTTERANCE_CHARS])
    return any(_holds(words, t.words, language.context.onsets) for t in language.context.triggers
               if t.status is Status.PAST and (t.resolves or t.dated))


def _says_over(talk: Conversation, said: str) -> bool:
    """True when ``said`` holds words that say the episode is over ("not now": spoken.toml ``episode_over``)."""
    words = talk.assistant.intents.language.tokens(said[:MAX_UTTERANCE_CHARS])
    return any(_holds(words, talk.assistant.intents.language.tokens(p)) for p in talk.notes().episode_over)


def _dated(talk: Conversation, said: str) -> bool:
    """True when ``said`` puts the episode at a time long gone ("yesterday", "last week")."""
    language = talk.assistant.intents.language
    words = language.tokens(said[:MAX_UTTERANCE_CHARS])
    return any(_holds(words, t.words) for t in language.context.triggers if t.status is Status.PAST and t.dated)


def recalled(talk: Conversation, question: InterviewQuestion, findings: Sequence[Finding],
             said: str = "") -> tuple[list[Finding], list[str]]:
    """``findings`` of the answer to "which was it?" after an episode said to be over, and the signs it makes past:
    a state ("her breathing") was then, not now (rule 9: past, said back); an event (a faint) still happened and
    counts unless the episode was long gone ("yesterday"), as ``docs/policy.md`` reads the sheet; one a yes named
    no sign for counts as unsure. Once only; elsewhere as they are. ``said``: that answer; one telling the sign is
    there now ("fever, and he still has it") keeps it now, whatever was said of the episode before (rule 9)."""
    key = ASKED + question.id
    if key not in talk.asked_again or READ + question.id in talk.asked_again:
        return list(findings), []
    talk.asked_again.add(READ + question.id)
    if said and says_now(talk, said):
        talk.asked_again.add(YES + question.id)
    dated = DATED + question.id in talk.asked_again
    out, past = [], []
    for finding in findings:
        if finding.symptom.id not in question.symptoms or finding.status is not Status.PRESENT:
            out.append(finding)
        elif YES + question.id in talk.asked_again and finding.basis is Basis.SAID:
            # "Earlier no, but now yes", then "fever": the sign named is the yes for now, never past (rule 9: the
            # later statement wins; made past, the fever was dropped and home care given).
            out.append(finding)
        elif finding.basis is not Basis.SAID and not (dated or OVER + question.id in talk.asked_again):
            # Only a word of when was heard ("today two times she did susu in her pants"), nothing saying it is over:
            # a yes naming no sign may be now, so it counts as unsure (rules 4 and 10), said so. Made past, the
            # "Yes." lost a toilet-trained child's accidents today, a 911 (a scripted caregiver of answers_v).
            out.append(replace(finding, basis=Basis.UNSURE))
        elif dated or not finding.symptom.event:
            out.append(replace(finding, status=Status.PAST))
            past.append(finding.symptom.id)
        elif finding.basis is Basis.SAID:
            out.append(finding)  # "she fainted": it happened, today (docs/policy.md)
        else:  # a yes that names no sign may be the faint: counted as unsure (rules 4 and 10), said so
            out.append(replace(finding, basis=Basis.UNSURE))
    return out, past


def _holds(words: Sequence[str], cue: Sequence[str], onsets: Collection[str] = ()) -> bool:
    """True when ``cue`` is among ``words``, not right after one of ``onsets``: "since yesterday" is when it began
    ("the thing keeps coming and going since yesterday" was asked as an episode that was over, answers_ae)."""
    return bool(_spans(words, cue, onsets))


def _spans(words: Sequence[str], cue: Sequence[str], onsets: Collection[str] = ()) -> list[tuple[int, int]]:
    """Where ``cue`` stands among ``words`` (start, end), not right after one of ``onsets``."""
    size = len(cue)
    return [(i, i + size) for i in range(len(words) - size + 1)
            if size and tuple(words[i:i + size]) == tuple(cue) and not (i and words[i - 1] in onsets)]


def says_now(talk: Conversation, said: str) -> bool:
    """True when ``said`` tells the sign is there now ("he had it earlier and still does", "not earlier but now he
    does": spoken.toml ``episode_now``) after every word of it being over ("fine now", "not now", "yesterday"):
    the later statement wins (rule 9). A word of now inside one of being over ("not right now") is none."""
    language = talk.assistant.intents.language
    words = language.tokens(said[:MAX_UTTERANCE_CHARS])
    over = [*(span for t in language.context.triggers if t.status is Status.PAST and (t.resolves or t.dated)
              for span in _spans(words, t.words, language.context.onsets)),
            *(span for p in talk.notes().episode_over for span in _spans(words, language.tokens(p)))]
    now = [span for p in talk.notes().episode_now for span in _spans(words, language.tokens(p))
           if not any(span[0] < end and start < span[1] for start, end in over)]
    return bool(now) and max(end for _, end in now) > max((end for _, end in over), default=0)


def yes_for_now(talk: Conversation, said: str, answer: Answer, question: InterviewQuestion) -> Answer:
    """``answer`` as a yes to ``question`` when it names no sign and tells of one that began before and is there now
    ("he had it earlier and still does", "not earlier but now he does"): read as unsure and asked "which was it?"
    as an episode told by when, the fever was then made past ("You said fever happened before") and home care
    given (outside review 18's follow-up, issue #9). Rule 9: the later statement wins; a yes to "this or that?"
    is counted for each and said back as a yes to the question (rule 14), as "earlier no, but now yes" is."""
    language = talk.assistant.intents.language
    words = language.tokens(said[:MAX_UTTERANCE_CHARS])
    # Only an answer the reader could not place ("unsure", "partial") that tells of a time ("earlier", "yesterday")
    # or of being over as well: "he is still crying" or words to the room are not a yes to the question.
    if answer.kind not in (AnswerKind.UNSURE, AnswerKind.PARTIAL) or not (
            _over(talk, said) or tells_when(talk, words)) \
            or talk.assistant.matcher.match(said[:MAX_UTTERANCE_CHARS]) or not says_now(talk, said):
        return answer
    intents = talk.assistant.intents
    others = [f for f in answer.findings if f.symptom.id not in question.symptoms]
    yes = [Finding(intents.symptom(s), Status.PRESENT, 100.0, said, False, Basis.ANSWERED) for s in question.symptoms]
    return replace(answer, kind=AnswerKind.YES, findings=(*yes, *others), unanswered=())


def ask_which(talk: Conversation, text: str, question: InterviewQuestion, answer: Answer | None = None) -> Turn | None:
    """The question again after an episode with no sign named, saying it was noticed; None the second time.
    ``answer``: how the answer was read (a yes in it is said back on "what did you hear?", ``heard_which``)."""
    key = ASKED + question.id
    rules = talk.notes().said_again
    over = _over(talk, text)
    # "You said it happened before but not now" only when it was said to be over: after a word of when alone
    # ("earlier today") it claimed what was not said (rule 14; convo17's leftover). Only the words said back
    # change: what is counted next stays as it was (``recalled``: "not now" does not make a yes past).
    said_over = over or _says_over(talk, text)
    note = rules.get("past_episode", "") if said_over else rules.get("past_when", rules.get("past_episode", ""))
    if key in talk.asked_again or not note:
        return None
    talk.asked_again.add(key)
    if _dated(talk, text):
        talk.asked_again.add(DATED + question.id)
    if over:
        talk.asked_again.add(OVER + question.id)
    if said_over:
        talk.asked_again.add(SAID_OVER + question.id)
    if says_now(talk, text):
        talk.asked_again.add(YES + question.id)  # "which was it?" answered with a sign: that sign now (``recalled``)
    elif answer is not None and not said_over and any(f.symptom.id in question.symptoms and f.status is Status.PRESENT
                                  for f in answer.findings) and answer.kind in (AnswerKind.PARTIAL, AnswerKind.YES):
        talk.asked_again.add(YES + question.id)
    # Which sign, with the signs named (a yes/no question after "which was it?" asks two things at once); the
    # question waits, so the answer is read as an answer to it ("she fainted", "none of them").
    return talk.turn(text, [_which(talk, question, note)], None)


def _which(talk: Conversation, question: InterviewQuestion, note: str) -> Message:
    intents = talk.assistant.intents
    items = unanswered.listed([intents.symptom(s).name for s in question.symptoms], intents.language.list_or)
    return Message(question.level, MessageKind.QUESTION, note.format(items=items))


def heard_which(talk: Conversation, question: InterviewQuestion) -> list[Message]:
    """While "which was it?" waits for ``question``: what "what did you hear?" says of that answer (a yes in it) and
    the question as it was asked, not the first question again (outside review 17 F13); empty otherwise."""
    if ASKED + question.id not in talk.asked_again or READ + question.id in talk.asked_again:
        return []
    rules = talk.notes().said_again
    over = SAID_OVER + question.id in talk.asked_again
    note = rules.get("past_episode", "") if over else rules.get("past_when", rules.get("past_episode", ""))
    if not note:
        return []
    yes = rules.get("episode_yes", "") if YES + question.id in talk.asked_again else ""
    intents = talk.assistant.intents
    items = unanswered.listed([intents.symptom(s).name for s in question.symptoms], intents.language.list_or)
    told = [Message(question.level, MessageKind.READBACK, yes.format(items=items))] if yes else []
    return [*told, _which(talk, question, note)]


def said_back(talk: Conversation, turn: Turn, names: Sequence[str]) -> Turn:
    """``turn`` with the past signs of the answer said back (triage's words for a past sign), after a 911 (rule 3)
    or before the next question."""
    if not names:
        return turn
    intents = talk.assistant.intents
    named = list(dict.fromkeys(names))
    note = intents.messages["past"].format(item=unanswered.listed(named, intents.language.list_and))
    if note in [m.text for m in turn.said_aloud]:
        return turn
    return talk.with_note(turn, note, last=turn.disposition is Level.EMERGENCY)
