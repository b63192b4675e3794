"""What a one-shot answer says aloud (``triage --text/--audio ... --say-to``): nobody can ask it for more.

A conversation ends its advice with the call-911 signs in the longest form that fits its turn (``closing``);
a one-shot answer used to add them only when the whole list fitted, so the urgent and follow-up answers, whose
read-back and instruction are longest, said no call-911 sign at all, while the not-understood answer said the
whole list in 19.8 s (outside review 11, F7). Here every answer below an emergency ends with the call-911 signs
(rule 11), the whole list or its short form (the topic's ``emergency_signs_short``, as ``listen`` says it),
within ``one_shot_seconds`` (rule 13); what is left out is printed. An emergency is said as ``spoken.plan``
says it; the not-understood answer as the conversation says it (rule 7, within its level's seconds).
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from voicecare.conversation import spoken, unanswered
from voicecare.domain import Finding, IntentSet, Level, Message, MessageKind, TriageResult

ACTION = (MessageKind.INSTRUCTION, MessageKind.ADVICE)
"""What to do and why: a read-back said short goes after them (as ``spoken.plan`` places it)."""
CLAUSE_END = re.compile(r"[,;:](?=\s)")
"""Where a care answer may be cut when even its first sentence is too long to say in a one-shot reply."""
NOTES = (MessageKind.HYPOTHETICAL, MessageKind.PAST, MessageKind.OTHER)
"""What a question or a mention drew beside the advice ("About fever: if that happens, ..."): printed always."""


def reply(result: TriageResult, intents: IntentSet, rate_wpm: float) -> tuple[Message, ...]:
    """What to say of ``result``, an answer nobody can reply to, at ``rate_wpm`` words a minute."""
    rules = intents.spoken
    planned = spoken.plan(result.messages, result.disposition, rules, rate_wpm, offer=False,
                          findings=result.findings).now
    if rules is None or result.disposition is Level.EMERGENCY:
        return planned
    if result.disposition is Level.UNCLEAR:  # the list is its answer (rule 7): its short form over the level's seconds
        said = unanswered.short_lists(planned, result.findings, intents, rate_wpm, result.disposition)
        if rules.one_shot_seconds is not None and spoken.total_seconds(said, rate_wpm) > rules.one_shot_seconds:
            # Someone else's signs said back, the list and the disclaimer: without it, as ``_shorter`` leaves it out
            # first (printed with every answer, rule 8).
            said = tuple(m for m in said if m.kind is not MessageKind.DISCLAIMER)
        return said
    rule = rules.levels.get(result.disposition)
    most = rules.one_shot_seconds or (rule.seconds + rules.item_seconds if rule is not None else None)
    lists = unanswered.call_911_lists(result.findings, intents)
    if most is None or not lists:
        return planned
    return _with_signs(planned, lists, result, most, rate_wpm, intents)


def _with_signs(planned: Sequence[Message], lists: Sequence[tuple[str, str]], result: TriageResult, most: float,
                rate_wpm: float, intents: IntentSet) -> tuple[Message, ...]:
    """``planned`` ending with the call-911 signs, within ``most`` seconds.

    The whole list (14 s of espeak-ng) only when everything else fits with it; else the short form ("briefly",
    rule 11), with the answer whole, then with less of what is printed anyway, in this order (as ``closing``
    does for a conversation's last turn): without the disclaimer (rule 8 is printed with every answer), with
    the read-back in one short honest line after the action (rules 13 and 14), without the notes a mention drew
    (what-if, past, someone else's), without the advice's why, with a care answer's first sentence only. The
    call-911 signs are always said (rule 11), in few words by the shortest answer.
    """
    wholes = {text for pair in lists for text in pair}
    body = [m for m in planned if m.text not in wholes and not (m.kind is MessageKind.WARNING
                                                                 and m.text.endswith(spoken.LEAD_IN))]
    forms = _shorter(body, result.findings, intents)
    tries = [(forms[0], [whole for whole, _ in lists]), *((form, [short for _, short in lists]) for form in forms)]
    said: tuple[Message, ...] = ()
    for kept, signs in tries:
        said = (*kept, *(Message(result.disposition, MessageKind.WARNING, text) for text in signs))
        if spoken.total_seconds(said, rate_wpm) <= most:
            return said
    # Still over: the care answer's first sentence was a long one ("Twenty minutes on, twenty off, for an hour to an
    # hour and a half, in the first one to three days"), and the shortest form was said whatever its length (21.0 s
    # of espeak-ng, outside review 21 F16.3). The answer is said to the last clause that fits, the rest printed.
    spare = most - spoken.total_seconds([m for m in said if m.kind is not MessageKind.CARE_ANSWER], rate_wpm)
    return tuple(_clauses_within(m, spare, rate_wpm) if m.kind is MessageKind.CARE_ANSWER else m for m in said)


def _clauses_within(message: Message, most: float, rate_wpm: float) -> Message:
    """``message`` to the last clause (ended by a comma, semicolon or colon) with which it is said within ``most``
    seconds, ended as a sentence; its first clause at least (an answer is always given)."""
    text = message.text
    ends = [match.start() for match in CLAUSE_END.finditer(text)]
    cut = text
    for end in reversed(ends):
        if spoken.seconds(cut, rate_wpm) <= most:
            break
        cut = text[:end].rstrip() + "."
    return Message(message.level, message.kind, cut)


def _shorter(body: Sequence[Message], found: Sequence[Finding], intents: IntentSet) -> list[list[Message]]:
    """``body``, then each time with less of what the printed answer keeps (see ``_with_signs``)."""
    forms = [list(body)]
    forms.append([m for m in forms[-1] if m.kind is not MessageKind.DISCLAIMER])
    forms.append(_read_back_short(forms[-1], found, intents))
    forms.append([m for m in forms[-1] if m.kind not in NOTES])
    forms.append([m for m in forms[-1] if m.kind is not MessageKind.ADVICE])
    forms.append([_first_sentence(m) if m.kind is MessageKind.CARE_ANSWER else m for m in forms[-1]])
    return forms


def _first_sentence(message: Message) -> Message:
    """A care answer's first sentence ("Warmth can ease the muscles."), the rest printed."""
    first, _ = spoken.first_sentence(message.text)
    return Message(message.level, message.kind, first)


def _read_back_short(body: Sequence[Message], found: Sequence[Finding], intents: IntentSet) -> list[Message]:
    """``body`` with its read-back in one short honest line after the action (rules 13 and 14), when the language
    has one; else as it is."""
    rules = intents.spoken
    kept = [m for m in body if m.kind is not MessageKind.READBACK]
    if rules is None or not rules.short_readback or len(kept) == len(body):
        return list(body)
    short = spoken.short_readback(body[0].level, found, rules)
    at = max((i + 1 for i, m in enumerate(kept) if m.kind in ACTION), default=0)
    return [*kept[:at], short, *kept[at:]]
