"""The caregiver's correction of a call-911 sign voicecare took from a description ("she is breathing fine").

A sign in the best reading of a description counts as said plainly, even when the recogniser made it from noise
("stiff after the playground" heard as "turned grey ground") or the words were about something else ("the sky
turned grey"). ``misheard`` takes back only doubted readings, so every correction ("no, she is breathing fine",
"she is not grey", "that's wrong") repeated the 911 (outside review 14, F4).

Rule 9 says the later statement about a sign wins, rule 1 that a denied sign never raises the level, rule 4 that
a plausible emergency is acted on and "may be confirmed afterwards". So a clear correction, one that names the
sign (a word of its name, or of the words it was heard in) and denies it (a "no" to its question, or a negation),
with no call-911 sign said in it, settles that sign as absent; so does a state the sign cannot be said beside
("he's wide awake" of very sleepy: signs.toml ``contrary``), said with no "not". A vague one ("no", "that's wrong", "I did not say
that") may be about anything: the 911 stands (never dropped on less), said with how to correct it and that
"start over" starts again (rule 14: the caregiver is not left repeating "no").
"""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING

from voicecare.conversation import misheard
from voicecare.conversation.answers import AnswerKind
from voicecare.conversation.turns import State, Turn, control
from voicecare.domain import Basis, Finding, Level, Status, Symptom
from voicecare.understanding import redescribed
from voicecare.understanding.text import holds

if TYPE_CHECKING:
    from voicecare.conversation.dialog import Conversation


def _emergency_signs(talk: Conversation) -> list[Finding]:
    """The call-911 signs taken from a description (said, not answered): a 911 resting on an answer not heard,
    unsure or a yes is taken back as ``misheard`` and ``interview`` say."""
    return [f for f in talk.found if f.status is Status.PRESENT and f.symptom.level is Level.EMERGENCY
            and f.basis is Basis.SAID]


def _naming_words(talk: Conversation, finding: Finding) -> set[str]:
    """The words that name ``finding``'s sign: of its name and of what it was heard in, without the ones another
    call-911 sign's name shares ("very"), the language's small words ("she", "is", "not") and its everyday words
    (common_words.txt: "it", "what", "you", "out"). A correction must name the sign: "what you said is an
    emergency" was named by "it's not what you said", and a reading heard over a television by its "it" ("Repeat
    that please" heard with a "not" took a 911 back: outside review 18, F11)."""
    intents = talk.assistant.intents
    language = intents.language
    others = {w for s in intents.symptoms if s.level is Level.EMERGENCY and s.id != finding.symptom.id
              for w in language.tokens(s.name)}
    small = language.optional_words | language.negations | language.skippable | language.fillers | intents.common_words
    return {w for w in (*language.tokens(finding.symptom.name), *language.tokens(finding.heard))
            if w not in others and w not in small}


def _question_of(talk: Conversation, symptom: Symptom) -> str | None:
    return next((q.id for t in talk.assistant.intents.topics for q in t.interview if symptom.id in q.symptoms), None)


def denied_signs(talk: Conversation, text: str) -> list[Finding]:
    """The call-911 signs counted now that ``text`` names and denies, with no call-911 sign said in it."""
    if any(f.status is Status.PRESENT and f.symptom.level is Level.EMERGENCY for f in talk.answers.understand(text)):
        return []  # "she is not breathing", "no, her lips are grey": the sign said again
    language = talk.assistant.intents.language
    words = set(language.tokens(text))
    negated = bool(words & language.negations)
    # "She's breathing better now": the answer reader's "no" to the question, but a sign getting better, not one
    # that was wrong: taken back only by a denial in words (spoken.toml ``improving``).
    improving = _holds_any(language.tokens(text), [language.tokens(p) for p in talk.notes().improving])
    out = []
    for finding in _emergency_signs(talk):
        # A state the sign cannot be said beside ("he's wide awake" after "he's so sleepy") names and denies it
        # at once; only said plainly, with no "not" and not as getting better (outside review 23 F5). Not of a sign
        # told as an event ("went all floppy"): over by now, it still happened, as "went all floppy but he's wide
        # awake now" said in one breath is a 911 (docs/policy.md, outside review 19 F16).
        contrary = not improving and not finding.event and _contrary(talk, finding, text)
        if not contrary and (not words & _naming_words(talk, finding) or _said_again(talk, finding, text)):
            continue
        question = _question_of(talk, finding.symptom)
        kind = talk.answers.read(question, text).kind if question is not None else None
        if kind is AnswerKind.UNSURE:
            # "I'm not sure" (heard "where it i'm not sure what about what it read" over a television): its "not"
            # is a doubt, and a doubt never takes a 911 back (rules 4 and 10; outside review 18 F11).
            continue
        said_no = not improving and kind is AnswerKind.NO
        if said_no or negated or contrary:
            out.append(finding)
    return out


CONTRARY_NEGATION_REACH = 3
"""Most words a "not" stands before a contrary state and denies it ("he's not really awake")."""


def _contrary(talk: Conversation, finding: Finding, text: str) -> bool:
    """True when ``text`` says a state ``finding``'s sign cannot be said beside (its ``contrary`` words), with no
    negation right before it: "he's not playing" corrects nothing. A leading answer word is the answer ("no, she's
    wide awake"), not a denial of the state."""
    language = talk.assistant.intents.language
    words = language.tokens(text)
    lead = 0
    while lead < len(words) and words[lead] in language.context.answers:
        lead += 1
    for phrase in (language.tokens(p) for p in finding.symptom.contrary):
        for k in range(lead, len(words) - len(phrase) + 1):
            if words[k:k + len(phrase)] == phrase and not language.negations.intersection(
                    words[max(lead, k - CONTRARY_NEGATION_REACH):k]):
                return True
    return False


def _holds_any(words: list[str], phrases: list[list[str]]) -> bool:
    """True when one of ``phrases`` (token lists) is among ``words``."""
    return any(holds(words, p) for p in phrases)


def _said_again(talk: Conversation, finding: Finding, text: str) -> bool:
    """True when ``text`` denies a word ``finding`` was heard in only to say another in its place that says the same
    sign or a more serious one: "no, not blue, they're grey" after "her lips are blue" (``redescribed``; the policy
    reads grey lips as blue ones). What the sign was heard in is said again with the new word."""
    language = talk.assistant.intents.language
    words, heard = language.tokens(text), language.tokens(finding.heard)
    small = language.optional_words | language.skippable | language.fillers | talk.assistant.intents.common_words
    stops = language.negations | language.narrowing | language.context.list_joiners
    for k, word in enumerate(words):
        if word not in heard or k < 1:
            continue
        for new, _ in redescribed.rewrites(words, words, k - 1, k + 1, {}, language.negations, stops, small):
            again = " ".join(words[new] if w == word else w for w in heard)
            if any(f.status is Status.PRESENT and f.symptom.level <= finding.symptom.level
                   for f in talk.assistant.understand(again, guess=False)):
                return True
    return False


def take_back(talk: Conversation, text: str) -> Turn | None:
    """The answer when ``text``, said during a 911, clearly corrects the signs it rests on; None when it does not."""
    denied = denied_signs(talk, text)
    if not denied:
        return None
    talk.misheard, talk.doubted, talk.yes_to = (), None, None
    gone = {f.symptom.id for f in denied}
    talk.found = [f for f in talk.found if f.symptom.id not in gone]
    talk.found += [Finding(f.symptom, Status.ABSENT, f.score, text, False) for f in denied]
    for sign in gone:
        talk.doubted_over.pop(sign, None)
    talk.merge(f for f in talk.answers.understand(text) if f.symptom.id not in gone)
    talk.state = State.LISTENING
    return talk.respond(text)


def vague(talk: Conversation, text: str) -> bool:
    """True when ``text`` says something heard was wrong without naming which sign ("no", "that's wrong")."""
    intents = talk.assistant.intents
    if not _emergency_signs(talk):
        return False  # the 911 rests on answers: their own notes say how to take it back ("If it is no, say no")
    if control(intents, text, (misheard.HEARD_WRONG,), prefix=True) is not None:
        return True
    language = intents.language
    if _holds_any(language.tokens(text), [language.tokens(p) for p in talk.notes().improving]):
        return False  # "breathing better now" says nothing was wrong: the 911 is said again with why (``said_why``)
    questions = {q for q in (_question_of(talk, f.symptom) for f in _emergency_signs(talk)) if q is not None}
    return any(talk.answers.read(q, text).kind is AnswerKind.NO for q in questions)


def without_offers(talk: Conversation, turn: Turn) -> Turn:
    """``turn`` without the line offering a correction of a doubted reading ("If I heard that wrong, tell me."):
    said with the language's ``correct_how`` instead, which says how (one correction line in a 911 turn)."""
    offer = talk.assistant.intents.messages.get("uncertain_emergency")
    if offer is None or offer not in [m.text for m in turn.said_aloud]:
        return turn
    return replace(turn, messages=tuple(m for m in turn.messages if m.text != offer),
                   spoken=tuple(m for m in turn.said_aloud if m.text != offer))
