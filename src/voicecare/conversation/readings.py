"""Which of the recogniser's readings of a turn the conversation takes (the answer model's, the description
model's, a command among the alternatives): conservative, because a wrong "no" hides a red flag.

Split from ``voice`` (the spoken conversation's loop), which calls these for every turn.
"""

from __future__ import annotations

from voicecare.conversation import spoken
from voicecare.conversation.answers import AnswerKind
from voicecare.conversation.dialog import Conversation, State
from voicecare.domain import InterviewQuestion, Status
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
    if talk.answer_kind(text) is not None or talk.assistant.matcher.match(text):
        return text
    command = next((alt for alt in transcript.alternatives if talk.command_of(alt) in SPEECH_ONLY), None)
    if command is None or pipeline.unsure_red_flags(talk.assistant, transcript):
        return text
    return command


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
    return text if denies(talk, described) or bare_negation(talk, described) else described


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

