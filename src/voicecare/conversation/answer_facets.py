"""One sign with many sides ("pain, tingling or weakness in the arms or legs"): a side said and another denied in
one answer ("her leg is weak, no tingling") is a partial answer that keeps the sign, never a denial of it."""

from __future__ import annotations

from collections.abc import Sequence

from voicecare.domain import Match, Status


def said_beside_a_denial(matches: Sequence[Match], tokens: Sequence[str], symptom: str,
                         quiet: frozenset[str]) -> Match | None:
    """The mention of ``symptom`` said present whose words share none with any denial of it in the answer, when
    the answer denies it too; None otherwise. A denial in the same words takes the mention back ("she's breathing
    fast, no, she's breathing fine": the later statement wins, rule 9); a denial of another side of the sign
    ("her leg is weak, no tingling though") leaves the side said standing: a sign present is never lost."""
    denied = [m for m in matches if m.symptom == symptom and m.status is Status.ABSENT]
    said = [m for m in matches if m.symptom == symptom and m.status is Status.PRESENT and not m.guessed]
    if not denied or not said:
        return None
    # The denial's own side: a later sign not denied wins already (triage.findings), so only one said before.
    last = max(m.start for m in denied)
    for mention in said:
        if mention.start < last and all(not _words(mention, tokens, quiet) & _words(d, tokens, quiet)
                                        for d in denied):
            return mention
    return None


def _words(match: Match, tokens: Sequence[str], quiet: frozenset[str]) -> set[str]:
    """The words of a mention that carry meaning (not "is", "the", "no")."""
    places = match.positions or tuple(range(match.start, match.end))
    return {tokens[i] for i in places if i < len(tokens) and tokens[i] not in quiet}
