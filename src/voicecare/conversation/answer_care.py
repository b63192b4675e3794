"""Care questions asked inside an interview answer ("he's breathing fine, can I give him ibuprofen?").

The question is the caregiver's, never the answer: its words say nothing about the question's signs ("is it
ok" is no "ok" of a well child), so they are set apart before the answer is judged. A sign named inside it
still counts ("can I give him ibuprofen for the fever?" says there is one); the conversation answers the
care question itself (``asides.care_in``).
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from voicecare.understanding.assistant import MAX_UTTERANCE_CHARS, Assistant
from voicecare.understanding.care import CareQuestion

CLAUSE_END = re.compile(r"(?<=[.,;:!?])\s+")
"""Where a typed turn's clauses end: "no. is a heating pad ok?" is an answer and a care question."""


def split(assistant: Assistant, text: str, *, names_a_sign: bool,
          answers: bool) -> tuple[tuple[CareQuestion, ...], str | None]:
    """The care question asked in ``text`` while a question waits, and the answer said with it (the conversation
    and ``voicecare answer`` both take them apart so): the whole when it names or hedges a sign (``names_a_sign``,
    said of the whole: "ibuprofen for the fever?" says there is one; "couldn't tell you if it's worse. it comes
    and goes" is unsure, not an unclear answer), else the other clauses; when the care question's part is all
    there is, the whole if it still ``answers`` the question without the care words ("no his heart's fine is it
    ok to give him calpol", as a recogniser gives it), else None (nothing but the care question); ``""`` with no
    care question."""
    clean = text[:MAX_UTTERANCE_CHARS]
    if not assistant.care_questions(clean, on_topic=True):
        return (), ""
    clauses = CLAUSE_END.split(clean)
    care = [c for c in clauses if assistant.care_questions(c, on_topic=True)]
    rest = " ".join(c for c in clauses if c not in care)
    found = assistant.care_questions(" ".join(care) or clean, on_topic=True)
    if names_a_sign:
        return found, clean
    if assistant.intents.language.tokens(rest):
        return found, rest
    return found, clean if answers else None


def only_asked(assistant: Assistant, text: str) -> bool:
    """Whether ``text`` is nothing but one care question, opened by a word that asks ("can I use a heating pad at
    night?", "how long will it last"): its words that are also a question's ("night", "long") answer nothing, so it
    is no answer that counts a sign (outside review 20, F6: "how long do I ice it" was a "yes" to long-lasting
    pain). A sign named in it still counts (``split``'s ``names_a_sign``, decided before this)."""
    book = assistant.intents.care
    clean = text[:MAX_UTTERANCE_CHARS]
    tokens = assistant.intents.language.tokens(clean)
    return (book is not None and bool(tokens) and tokens[0] in book.starts and len(CLAUSE_END.split(clean.strip())) == 1
            and bool(assistant.care_questions(clean, on_topic=True)))


def spans(tokens: Sequence[str], clause_of: Sequence[int], assistant: Assistant,
          placed: set[int]) -> list[tuple[int, int]]:
    """(start, end) token spans of care questions: from a word that opens a question to the end of its part,
    where the topic's care book recognises one about something (not only "what do"), and none of ``placed`` (token
    indexes of words whose meaning we know already: about the question, a hedge, a command, talk to the room;
    "how do I even check his heart?" is a hedge, "are the cramps coming back?" about the question)."""
    book = assistant.intents.care
    if book is None:
        return []
    found: list[tuple[int, int]] = []
    index = 0
    while index < len(tokens):
        end = index + 1
        while end < len(tokens) and clause_of[end] == clause_of[index]:
            end += 1
        # A question opens its part ("..., can I give him ibuprofen") or asks in words that only ask ("legs are
        # fine can i give him ibuprofen"); "he is playing" is no question about play.
        opens = (index == 0 or clause_of[index - 1] != clause_of[index]) and tokens[index] in book.starts
        asks = any(tuple(tokens[index:index + len(p)]) == p for p in book.asks)
        asked = assistant.care_questions(" ".join(tokens[index:end]), on_topic=True) \
            if (opens or asks) and not placed.intersection(range(index, end)) else ()
        if any(set(q.heard.split()) - book.starts for q in asked):
            found.append((index, end))
            index = end
        else:
            index += 1
    return found
