"""Which of the recogniser's readings of a turn the conversation takes (the answer model's, the description
model's, a command among the alternatives): conservative, because a wrong "no" hides a red flag.

Split from ``voice`` (the spoken conversation's loop), which calls these for every turn.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

from voicecare.conversation import afterwards, spoken
from voicecare.conversation.answers import AnswerKind
from voicecare.conversation.dialog import Conversation, State
from voicecare.domain import Basis, Finding, InterviewQuestion, Level, Status
from voicecare.interfaces import Transcript
from voicecare.speech_in import pipeline

SHORT_ANSWER_WORDS = 4
"""Answers and commands are short; a longer turn is a description, whatever the grammar heard."""
SPEECH_ONLY = ("repeat", "stop", "slower", "faster", "help", *spoken.REQUESTS)
"""Commands that change only what is said: a misheard one costs nothing (never skip, quit or start over)."""


def prefer_answer(talk: Conversation, free: str, limited: str) -> str:
    """The small-vocabulary reading for a short answer or command, when it is safe to trust.

    Vosk's grammar mode accepts speech outside the list with high
    confidence, so it may never turn an answer into "no" on its own: a
    wrong "no" would hide a red flag (under-triage).
    """
    short = len(talk.assistant.intents.language.tokens(free)) <= SHORT_ANSWER_WORDS
    if not limited or "[unk]" in limited or not short or talk.assistant.matcher.match(free):
        return free
    return free if denies(talk, limited) and not denies(talk, free) else limited


def command_reading(talk: Conversation, text: str, transcript: Transcript) -> str:
    """A command among the recogniser's other readings, when the best one says nothing we understand.

    PocketSphinx hears "slower" as "floor", with "slower" as its next
    reading: taken as an unclear answer to a red-flag question, it would
    count as yes (rule 4) and call 911. Never when any reading holds a red flag.
    """
    if (misread := misread_command(talk, text, transcript)) is not None:
        return misread
    if talk.answer_kind(text) is not None or talk.assistant.matcher.match(text):
        return text
    command = next((alt for alt in transcript.alternatives if talk.command_of(alt) in SPEECH_ONLY), None)
    if command is None or pipeline.unsure_red_flags(talk.assistant, transcript):
        return text
    return command


def closing_reading(talk: Conversation, text: str, transcript: Transcript) -> str:
    """A "no" or goodbye among the recogniser's other readings of a turn said to "is there anything else?", when
    its best reading holds nothing understood; ``text`` otherwise.

    After the advice espeak-ng's clean "No." was read "oh", with "no" as its next reading, and answered "Sorry, I
    missed that" (outside review 19 F17: the caregiver could not end it hands-free). Only there, where the advice
    was given and nothing waits for an answer; never during a 911 (a goodbye then is asked about: ``dialog``), nor
    when any reading holds a sign, lesser ones too (a description is never ended by a guess)."""
    if talk.state is not State.ANYTHING_ELSE or understood(talk, text) or talk.result().disposition is Level.EMERGENCY:
        return text
    readings = [text, *transcript.alternatives, *filter(None, [transcript.described])]
    if any(talk.assistant.matcher.match(reading) for reading in readings):
        return text
    return next((alt for alt in transcript.alternatives if closing_only(talk, alt, ())), text)


MISREAD_WORDS = 2
"""A turn this short whose sign rests on one word the recogniser also heard as a command word is that command."""


def misread_command(talk: Conversation, text: str, transcript: Transcript) -> str | None:
    """The command a turn of at most ``MISREAD_WORDS`` words is, when the recogniser read it as that command word
    with the same words after it (its best reading or its next one), so that its sign rests on the one word the
    recogniser also heard as the command word.

    Clean en-us+f3 "Slower." was read "no air", then "slow air": "no air" is trouble breathing, and "Call 911 now.
    Trouble breathing." was said as fact (outside review 19, F6), though "slow air" was already kept from raising
    a 911. One spelling of the same misreading is the command as much as the other. Never when the words kept,
    read alone, hold a sign ("slow, he fainted"), nor for a turn of more words ("no air, he's gasping"), nor when the
    description model heard a sign otherwise ("he has no air"): those still call 911 (rule 4)."""
    words = talk.assistant.intents.language.tokens(text)
    if not 0 < len(words) <= MISREAD_WORDS or talk.command_of(text) is not None or not talk.assistant.matcher.match(text):
        return None
    first = next(iter(transcript.alternatives), "")
    command = _misread(talk, words, (text, first))
    described = transcript.described
    if command is None or not described or described == text or not talk.assistant.matcher.match(described):
        return command
    # The description model's reading holds a sign too: the same misreading only when it is as short and the
    # command word stands in place of its first word as well (f3's "no air" beside the answer model's "slow air").
    return command if _misread(talk, talk.assistant.intents.language.tokens(described), (text, first)) else None


def _misread(talk: Conversation, words: list[str], readings: Sequence[str]) -> str | None:
    """The speech-only command one of ``readings`` is, said in place of the first of ``words`` with the rest kept
    (a one-word turn: the command word alone); a reading of another length is no sign of the same sounds."""
    language = talk.assistant.intents.language
    for reading in readings:
        command = talk.answer_kind(reading)
        said = language.tokens(reading)
        kept = said[1:]
        if command in SPEECH_ONLY and len(said) == len(words) and kept == words[1:] and not (
                kept and talk.assistant.matcher.match(" ".join(kept))):
            return talk.assistant.intents.controls[command][0]
    return None


def signs_heard(talk: Conversation, taken: str, transcript: Transcript) -> Transcript:
    """``transcript`` as its red flags are looked for once ``taken`` is the turn: without the description model's
    reading when that was the same misread command (``misread_command``), which would otherwise count its sign."""
    if transcript.described is not None and misread_command(talk, transcript.text, transcript) == taken:
        return replace(transcript, described=None)
    return transcript


def denial_checked(talk: Conversation, text: str, transcript: Transcript) -> str:
    """The answer model's reading, unless it denies a sign and the description model's reading does not.

    The rule, conservative because a wrong "no" hides a red flag (the
    worst error): a denial heard with the answer model ("no", "no fever",
    an answer denying some of the question's signs) stands only when the
    description model's reading of the same audio is a denial too, or at
    least starts with one ("no no he is heart shuffling and no accidents":
    both models heard the "no"; a red flag in either reading still counts,
    see ``pipeline.unsure_red_flags``). Otherwise that reading is taken
    (unclear, silence, a yes, a sign), and unclear or silence counts as yes
    (rule 4). en-gb's "Slower." was "nah" to the answer model, "arm" to the other.
    """
    described = transcript.described
    if described is None or described == text or not denies(talk, text):
        return text
    if denies(talk, described) or bare_negation(talk, described):
        return text
    # Both heard a denial when the description model understood nothing in its best reading and one of its other
    # readings is a denial: espeak's "nah" was "nah" to the answer model and "our" (then "he nah") to the other,
    # and the turn was "not understood" and a 911 while ``voicecare answer`` read "nah" as no (outside review 9).
    if not understood(talk, described) and any(denies(talk, alt) for alt in described_alternatives(transcript)):
        return text
    return described


def yes_checked(talk: Conversation, text: str, transcript: Transcript) -> str:
    """The answer model's reading, unless it is a yes the description model's reading does not hold.

    A small answer model hears a yes in what it cannot place: "how long do I ice it?" was "yeah long dad say
    that" to it and "how long gets ache" to the other, and the yes called 911 as a plain "you said yes" that a
    "no" could not take back (outside review 9). The description model's reading is taken when it is neither a
    yes nor a denial (a denial needs both models, ``denial_checked``): not understood, it still counts as yes
    (rule 4) but is said so, and a "no" next takes it back; a care question is answered.
    """
    described = transcript.described
    question = awaited(talk)
    if described is None or described == text or question is None or not _yes(talk, question, text):
        return text
    if _yes(talk, question, described) or denies(talk, described):
        return text
    return described


def denied_elsewhere(talk: Conversation, text: str, transcript: Transcript, limited: str = "") -> bool:
    """True when ``text``, the reading taken, is a yes to the question awaited while another of the recogniser's
    readings of the same audio (its best one, the description model's, the small-vocabulary one) is a denial.

    The yes still counts (rule 4: a wrong "no" hides a red flag), but it was not surely said: flite kal's "No."
    was "no" to one model and "yup" to the other, and the 911 was said as fact with ``heard: "no"`` (outside
    review 12, F6; rule 14)."""
    question = awaited(talk)
    if question is None or not _yes(talk, question, text):
        return False
    others = [r for r in (transcript.text, transcript.described or "", limited) if r and r != text]
    return any(denies(talk, r) for r in others)


def unconfirmed_no(talk: Conversation, text: str, transcript: Transcript, limited: str = "") -> str:
    """The answer model's reading of the turn when it is a denial and ``text``, the reading taken, is neither a
    denial nor a yes to the question awaited; "" otherwise.

    A denial only the small answer model heard is not trusted (``denial_checked``): its reading is set aside and
    the turn counts as unclear (rule 4). It was still heard: pink noise gave "no" to the answer model and "dunno"
    to the other, and the caregiver was told "Not sure counts as yes", then, to the same "No." again, "I did not hear
    a no" (outside review 20, F3; rule 14). The conversation says what it heard (``no_again``)."""
    question = awaited(talk)
    if question is None or not text or denies(talk, text) or _yes(talk, question, text):
        return ""
    return next((r for r in (transcript.text, limited) if r and r != text and denies(talk, r)), "")


def _yes(talk: Conversation, question: InterviewQuestion, text: str) -> bool:
    return talk.answer_kind(text) == "yes" or talk.answers.read(question.id, text).kind is AnswerKind.YES


def understood(talk: Conversation, text: str) -> bool:
    """True when ``text`` holds anything the conversation understands: a command, an answer word, a sign."""
    if talk.answer_kind(text) is not None or talk.assistant.matcher.match(text):
        return True
    question = awaited(talk)
    return question is not None and any(f.basis is not Basis.UNHEARD for f in talk.answers.read(question.id, text).findings)


def described_alternatives(transcript: Transcript) -> tuple[str, ...]:
    """The description model's other readings: in ``alternatives`` they follow its best one (``stt``)."""
    alternatives = transcript.alternatives
    if transcript.described is None or transcript.described not in alternatives:
        return ()
    return alternatives[alternatives.index(transcript.described) + 1:]


def bare_negation(talk: Conversation, text: str) -> bool:
    """True when ``text`` is negation words alone ("not"): the description model's reading of a short "no" or
    "nah" (en-gb's "No." was "nah" to the answer model and "not" to the other). Both heard a denial, so the
    answer model's stands; read alone, "not" is no answer (an outside review: a 911 resting on an unheard answer
    could never be taken back by voice)."""
    language = talk.assistant.intents.language
    words = language.tokens(text)
    return bool(words) and all(w in language.negations for w in words)


def denies(talk: Conversation, text: str) -> bool:
    """True when ``text`` is a plain "no", or, as the answer to the question awaited, denies any sign.

    One test for both places a small model's reading is checked against a
    fuller one (Vosk's grammar, PocketSphinx's answer model): a denial
    only one of them heard is never trusted.
    """
    if talk.answer_kind(text) == "no":
        return True
    question = awaited(talk)
    if question is None:
        return False
    answer = talk.answers.read(question.id, text)
    return answer.kind in (AnswerKind.NO, AnswerKind.PARTIAL) or any(
        f.status is Status.ABSENT for f in answer.findings)


def awaited(talk: Conversation) -> InterviewQuestion | None:
    """The question the next turn should answer: the one asked, or the one an emergency rests on (its answer may
    take the emergency back: "no", "I did not say yes")."""
    if talk.state is State.INTERVIEW and talk.asked:
        return talk.asked[-1]
    if talk.state is State.EMERGENCY:
        return talk.doubted or talk.yes_to
    return None


def closing_only(talk: Conversation, text: str, unsure: Sequence[Finding]) -> bool:
    """True when ``text`` only closes a conversation ("no, that's all", "goodbye"): see ``afterwards``."""
    return afterwards.closing_only(talk, text, unsure)
