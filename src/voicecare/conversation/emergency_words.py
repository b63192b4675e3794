"""The sign named in a spoken 911 ("Call 911 now. <sign>. Stay with your child."), honest and short.

Rule 13: "Call 911 now", the sign and "stay with your child" in under 10 seconds; five signs named took 11.5 s
of espeak-ng before "stay with your child" (an outside review), so a long list names the first signs and "other
danger signs" (the printed answer keeps them all). Rule 14: a sign only guessed from the words, or heard only
in a reading the recogniser doubted, was spoken flatly ("Trouble breathing.") while "I am not sure, but that may
be..." was only printed; it is spoken as a guess ("I may have heard trouble breathing.").
"""

from __future__ import annotations

from collections.abc import Sequence

from voicecare.conversation.spoken_rules import SpokenRules
from voicecare.domain import Basis, Finding, Level, Message, MessageKind, Status

REASON_AT = 1
"""Triage's order of an emergency's first messages: "Call 911 now", the sign(s), "stay with your child"."""
FIRST_MESSAGES = 3
LEAST_NAMED = 1
NOT_TOLD = (Basis.UNHEARD, Basis.GUESSED)
"""Signs counted though the caregiver did not speak of them (an answer not heard, a guess from other words)."""


def doubted(finding: Finding) -> bool:
    """A sign guessed from the words, or heard only in a doubted reading of them (see ``misheard``)."""
    return finding.basis is Basis.GUESSED or (finding.uncertain and finding.basis is Basis.SAID)


def _named(findings: Sequence[Finding]) -> list[Finding]:
    """The signs triage names in the reason: the emergency signs said plainly, else those said, else all counted."""
    signs = [f for f in findings if f.status is Status.PRESENT and f.symptom.level is Level.EMERGENCY]
    said = [f for f in signs if f.basis is Basis.SAID]
    return [f for f in said if not doubted(f)] or said or signs


def _seconds(texts: Sequence[str], rate_wpm: float) -> float:
    from voicecare.conversation.spoken import NEVER_SHORT, total_seconds  # spoken imports this module

    # Held to the estimate that is not short of real speech: "stay with your child" within 10 s said (rule 13).
    return total_seconds([Message(Level.EMERGENCY, MessageKind.EMERGENCY, t) for t in texts], rate_wpm, NEVER_SHORT)


def reason_said(said: Sequence[Message], findings: Sequence[Finding], rules: SpokenRules,
                rate_wpm: float) -> list[Message]:
    """``said`` (an emergency's spoken turn) with its sign line said as a guess when every sign named is doubted,
    and shortened when "Call 911 now", the signs and "stay with your child" would take over
    ``emergency_seconds``."""
    first = [i for i, m in enumerate(said) if m.kind is MessageKind.EMERGENCY][:FIRST_MESSAGES]
    named = _named(findings)
    if len(first) < FIRST_MESSAGES or not named:
        return list(said)
    reason = said[first[REASON_AT]]
    flat = _unhedged(reason.text, rules)
    lower = flat.lower()
    if not all(f.symptom.name.lower() in lower for f in named):
        return list(said)  # not the line this was written for: left as triage said it
    text = _short(flat, named, [said[first[0]].text, said[first[2]].text], rules, rate_wpm)
    if rules.doubted_reason and all(doubted(f) for f in named):
        text = rules.doubted_reason.format(items=text.rstrip(".")[:1].lower() + text.rstrip(".")[1:])
    out = list(said)
    out[first[REASON_AT]] = Message(reason.level, reason.kind, text)
    return out


def _unhedged(text: str, rules: SpokenRules) -> str:
    """The sign line without the guess triage printed it as ("I may have heard fainting." is "Fainting."), so that
    it is shortened and said as a guess once."""
    before, _, after = rules.doubted_reason.partition("{items}")
    if not before or not text.startswith(before) or not text.endswith(after):
        return text
    items = text[len(before):len(text) - len(after)]
    return f"{items[:1].upper()}{items[1:]}."


def _short(text: str, named: Sequence[Finding], around: Sequence[str], rules: SpokenRules, rate_wpm: float) -> str:
    """The sign line within ``emergency_seconds`` with ``around`` it: the first signs and ``many_signs``."""
    if rules.emergency_seconds is None or not rules.many_signs:
        return text
    if _seconds([*around, text], rate_wpm) <= rules.emergency_seconds:
        return text
    # The signs the caregiver spoke of first ("Hard to say, he's been napping a lot": very sleepy, said unsure), then
    # those counted from an answer not heard or only guessed, each in triage's order: the short line named "Trouble
    # breathing and other danger signs", the one sign not talked about, once the estimate was fitted to real speech.
    names = [f.symptom.name for f in sorted(named, key=lambda f: (f.basis in NOT_TOLD,
                                                                  text.lower().find(f.symptom.name.lower())))]
    for count in range(len(names) - 1, LEAST_NAMED - 1, -1):
        items = ", ".join(names[:count])
        short = rules.many_signs.format(items=items[:1].upper() + items[1:])
        if _seconds([*around, short], rate_wpm) <= rules.emergency_seconds or count == LEAST_NAMED:
            return short
    return text
