"""An answer about one part of a question on several signs: "he's breathing fine", "he's a bit hot actually".

The answer reader takes "he's breathing fine" to "trouble breathing, very sleepy, confused or fainted?" as a
"no", and the conversation counted all four as denied: a 911 resting on them was called off, hard to wake,
confusion and fainting were never asked again, and the ending said "your other answers were no" (an outside
review; rules 4, 5 and 14). Such an answer denies the signs its words are about; the question is asked again
about the rest. A bare "no" ("nope, he's breathing fine") still answers the whole question. Likewise "he's a bit
hot actually" to "fever or chills?", read as a yes from its words alone, said yes to both (F20): it affirms
the fever; chills are asked again.
"""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING

from voicecare.conversation import answer_news
from voicecare.conversation.answer_kinds import Answer, AnswerKind
from voicecare.conversation.answer_parts import take_apart
from voicecare.conversation.answer_words import Spot
from voicecare.domain import InterviewQuestion
from voicecare.understanding.text import holds

if TYPE_CHECKING:
    from voicecare.conversation.answers import AnswerReader


def _within(part: list[str], words: list[str]) -> bool:
    return holds(words, part)


def signs_about(reader: AnswerReader, question: InterviewQuestion, part: list[str]) -> set[str]:
    """The question's signs whose name or phrases hold the words ``part`` ("breathing": trouble breathing)."""
    language = reader.intents.language
    found = set()
    for sign in question.symptoms:
        symptom = reader.intents.symptom(sign)
        # Also words said of that sign alone ("she just woke up": hard to wake, never breathing; review 20, F5).
        tied = reader.words.tied.get(question.id, {}).get(sign, ())
        if any(_within(part, language.tokens(p)) for p in (symptom.name, *symptom.phrases)) or any(
                _within(part, list(p)) for p in tied):
            found.add(sign)
    return found


def _covered(reader: AnswerReader, question: InterviewQuestion, tokens: list[str], about: list[Spot]) -> set[str] | None:
    """The question's signs the ``about`` words are tied to, when they are some and not all; else None."""
    covered: set[str] = set()
    for spot in about:
        signs = signs_about(reader, question, tokens[spot.start:spot.end])
        if not signs:
            return None
        covered |= signs
    return covered if covered < set(question.symptoms) else None


def affirmed_only(reader: AnswerReader, question: InterviewQuestion, text: str) -> set[str] | None:
    """The signs a "yes" read from words about the question alone ("he's a bit hot actually") affirms, when those
    words are about some of the question's signs, not all; None when it answers the whole question (a "yes", a
    sign matched, words we cannot tie to a sign)."""
    if len(question.symptoms) < 2:
        return None
    heard = take_apart(text, question.id, reader.assistant, reader.words)
    if heard.spots_of("yes", "no", "no_lead", "unsure") or not heard.about or any(
            m.symptom in question.symptoms for m in heard.matches):
        return None
    return _covered(reader, question, heard.tokens, heard.about)


def denied_only(reader: AnswerReader, question: InterviewQuestion, text: str) -> set[str] | None:
    """The signs a "no" answer denies when its only denials are parts said to be well and those parts are about
    some of the question's signs, not all; None when it answers the whole question (a bare "no", a part about
    every sign, or words we cannot tie to a sign: then the reader's "no" stands)."""
    if len(question.symptoms) < 2:
        return None
    heard = take_apart(text, question.id, reader.assistant, reader.words)
    # A "no" that is part of news ("no colour in his cheeks, but he's breathing fine") answers nothing.
    heard = answer_news.deeds_of_nothing(heard, reader.words.words["objects"], heard.about, denied_news=True)
    if heard.spots_of("no", "no_lead") or not heard.about or not heard.spots_of("well"):
        return None
    return _covered(reader, question, heard.tokens, heard.about)


def measured_only(reader: AnswerReader, question: InterviewQuestion, text: str) -> set[str] | None:
    """The signs a "no" said only as readings under their thresholds denies ("two days" to "more than a few days,
    worse, or keeping her from sleep?": the pain has not lasted long; "37.2" to "fever or chills?": no fever),
    when they are some of the question's signs, not all: the rest were not answered (rule 14), so asked again.
    None when anything else is said (a "no", a well word, other words about the question)."""
    if len(question.symptoms) < 2:
        return None
    heard = take_apart(text, question.id, reader.assistant, reader.words)
    read = [m for m in heard.matches if (m.start, m.end) in heard.readings]
    if not read or heard.spots or len(read) < len(heard.matches) or any(
            not any(m.start <= a.start and a.end <= m.end for m in read) for a in heard.about):
        return None
    denied = {m.symptom for m in read if m.symptom in question.symptoms}
    return denied if denied and denied < set(question.symptoms) else None


def normal_only(reader: AnswerReader, question: InterviewQuestion, text: str) -> set[str] | None:
    """The signs a "no" said only as a bare reading found normal denies: the ones its measure's word is about
    ("37.8", "I'd say she's around thirty seven point eight" to "fever or chills?": a temperature, so no fever).
    Nothing was said of chills, so they are asked again, never read back as a "no" (rule 14; outside review 22
    F11). None when anything else is said, or the measure's word is about no sign or every one."""
    cue = reader.words.measure.get(question.id)
    if cue is None or len(question.symptoms) < 2:
        return None
    heard = take_apart(text, question.id, reader.assistant, reader.words)
    if heard.matches or heard.about or not heard.spots or not all(s.reading for s in heard.spots):
        return None
    denied = signs_about(reader, question, list(cue))
    return denied if denied and denied < set(question.symptoms) else None


def narrowed(reader: AnswerReader, question: InterviewQuestion | None, text: str, answer: Answer) -> Answer:
    """``answer`` (to ``question``, said as ``text``) settling only the signs a "no" or "yes" said of some of the
    question's parts is about (``denied_only``, ``affirmed_only``); the rest left ``unanswered``, to be asked
    again. The answer reader does it, so that ``voicecare answer`` reads an answer as the conversation does."""
    if question is None:
        return answer
    partly = ((denied_only(reader, question, text) or measured_only(reader, question, text)
               or normal_only(reader, question, text))
              if answer.kind is AnswerKind.NO
              else affirmed_only(reader, question, text) if answer.kind is AnswerKind.YES else None)
    if partly is None:
        return answer
    kept = tuple(f for f in answer.findings if f.symptom.id not in question.symptoms or f.symptom.id in partly)
    return replace(answer, findings=kept, unanswered=tuple(s for s in question.symptoms if s not in partly))
