"""An answer cut off before it ends carries no clean "no" (outside review 16, F3).

"I don't think", "no she", "mm I don't think so but", "well he was, I mean": the caregiver stopped, or was cut
off, before saying what they meant. Read as a "no", the last of these denied all four call-911 signs. The
words such an answer may not end on are data (``answers.toml``: ``unfinished``, and ``unfinished_after`` for
words that end a sentence only after something was said of the child, "bright as a button he is"); the reader
keeps any sign said, and turns what it would have denied into an answer not clearly heard: counted (rule 4) and
said back as not heard (rule 14).
"""

from __future__ import annotations

import re
from collections.abc import Collection, Sequence
from dataclasses import replace

from voicecare.conversation.answer_kinds import Answer, AnswerKind
from voicecare.conversation.answer_words import Phrase
from voicecare.domain import Basis, Finding, Status


def broken_off(tokens: Sequence[str], unfinished: Collection[Phrase], after_subject: Collection[Phrase],
               subjects: Collection[str], opening: Collection[str], hesitations: Collection[str]) -> bool:
    """Whether ``tokens`` end on words no answer ends on, hesitations at the very end left aside ("I don't think,
    um"): one of ``unfinished`` ("and", "the", "I mean"), or a word of ``after_subject`` ("was", "is") right after
    a subject that opens its part ("no, she was": before the subject only ``opening`` words or nothing;
    "bright as a button he is" and "I don't think she is" end there)."""
    words = list(tokens)
    while words and words[-1] in hesitations:
        words.pop()
    if not words:
        return False
    if any(len(p) <= len(words) and tuple(words[-len(p):]) == p for p in unfinished):
        return True
    if len(words) < 2 or words[-2] not in subjects or not any(
            len(p) < len(words) and tuple(words[-len(p):]) == p for p in after_subject):
        return False
    before = words[:-2]
    return not before or before[-1] in opening


def stray_after_no(tokens: Sequence[str], noes: Collection[Phrase], stray: Collection[Phrase],
                   hesitations: Collection[str]) -> bool:
    """Whether ``tokens`` are only a bare "no" ("no", "no no", "nope": one-word phrases of ``noes``) and then one of
    ``stray``, hesitations left aside ("no if", "no uh if"): a word a recogniser adds after a "no" heard in noise,
    never an answer cut off (outside review 18, F2)."""
    words = [w for w in tokens if w not in hesitations]
    single = {p[0] for p in noes if len(p) == 1}
    return len(words) >= 2 and (words[-1],) in stray and all(w in single for w in words[:-1])


def ends_contracted(text: str, contracted: Collection[str], hesitations: Collection[str]) -> bool:
    """Whether ``text``, as written or heard, ends on a contracted subject and verb ("I don't think it's", "no,
    she's"): "she is" may end a sentence ("bright as a button she is"), "she's" never does."""
    words = re.findall(r"[\w']+", text.lower().replace("\u2019", "'"))
    while words and words[-1] in hesitations:
        words.pop()
    return bool(words) and words[-1] in contracted


def left_open(answer: Answer, asked: Sequence[str], unheard: Sequence[Finding]) -> Answer:
    """``answer``, cut off, with the question's signs it denied counted as not clearly heard (``unheard``: the
    question's signs as findings not heard): a "no" becomes an unclear answer; signs said stay as they were."""
    denied = {f.symptom.id for f in answer.findings if f.symptom.id in asked and f.status is Status.ABSENT}
    if not denied and answer.kind is not AnswerKind.NO:
        return answer
    kept = [f for f in answer.findings if f.symptom.id not in denied]
    named = {f.symptom.id for f in kept}
    counted = [f for f in unheard if f.symptom.id not in named and f.basis is Basis.UNHEARD]
    kind = AnswerKind.UNSURE if answer.kind is AnswerKind.NO else answer.kind
    return replace(answer, kind=kind, findings=(*kept, *counted), unanswered=())
