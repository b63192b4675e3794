"""A sign a correction tells again as something ordinary: "he went floppy, oh no wait, I mean he flopped down".

Rule 9: the later statement wins. A correction ("no wait", "sorry I mean": a take-back of two words or more) takes
back by itself only the mention right before it (``reach = 0`` in language.toml: "back pain since Monday, no wait, a
week" takes back the day, not the pain). When the words right after it say again a word another sign of that
sentence was heard in (the same root: "flopped" for "floppy"), and no sign is heard in that word, the caregiver told
that mention again as something ordinary: it is taken back too (outside review 23 F5, c14: "he went floppy and
fainted on the sofa, oh no wait, sorry, I mean he flopped down on the sofa, he didn't faint, he's fine" stayed
"Call 911 now. Very sleepy or hard to wake."). A sign told again as a sign ("no wait, I mean he's really floppy")
keeps the later mention's own status, so nothing here changes it.
"""

from __future__ import annotations

from collections.abc import Callable, Collection, Sequence

from voicecare.domain import Status
from voicecare.understanding.cues import Scene

RETOLD_REACH = 8
"""Most words after a correction where the sign is told again ("oh no wait, sorry, I mean he flopped")."""
MIN_ROOT = 4
"""Fewest letters two words must share as a root to be the same word told again ("flopp" of "floppy")."""

Mention = tuple[str, int, int, Status, tuple[int, ...]]
"""A mention: its symptom, start, end (one past), status and the positions of its own words (empty: start..end)."""


def _same_root(word: str, other: str, stem: Callable[[str], str]) -> bool:
    """True when ``word`` and ``other`` share a root of ``MIN_ROOT`` letters or more ("flopped" and "floppy")."""
    for a in {word, stem(word)}:
        for b in {other, stem(other)}:
            short, long_ = sorted((a, b), key=len)
            if len(short) >= MIN_ROOT and long_.startswith(short):
                return True
    return False


def taken_back(where: Scene, mentions: Sequence[Mention], stem: Callable[[str], str],
               content: Collection[str]) -> list[Status]:
    """The statuses of ``mentions``, with a sign a correction tells again as something ordinary taken back.

    ``content`` are the words a sign may be heard in (not the language's small or everyday words): only those of a
    mention, said again, tell it again ("went" in "went floppy" is no sign's word).
    """
    statuses = [m[3] for m in mentions]
    text = where.words
    covered = {i for _, start, end, _, own in mentions for i in (own or range(start, end))}
    corrections = sorted((c for c in where.cues if c.trigger.takes_back and len(c.trigger.words) > 1),
                         key=lambda c: c.start)
    for index, correction in enumerate(corrections):
        full = next((i for i in sorted(where.breaks) if i >= correction.end and where.breaks[i]), len(text))
        following = corrections[index + 1].start if index + 1 < len(corrections) else len(text)
        after = [k for k in range(correction.end, min(full, following, correction.end + RETOLD_REACH))
                 if k not in covered and text[k] in content]
        for i, (symptom, start, end, status, own) in enumerate(mentions):
            if status is not Status.PRESENT or end > correction.start or any(
                    where.breaks.get(k, False) for k in range(end, correction.start)):
                continue
            if any(s == symptom and b >= correction.end for s, b, *_ in mentions):
                continue  # said again as the sign: the later mention's own status stands
            words = [text[k] for k in (own or range(start, end)) if text[k] in content]
            # Another form of the word ("flopped" for "floppy") tells it again as something else; the same word said
            # again is the sign told again, of another part or side ("her left knee hurts, no sorry, it's her right
            # knee": still the leg's pain, understand55).
            if any(text[k] != w and _same_root(text[k], w, stem) for k in after for w in words):
                statuses[i] = Status.ABSENT
    return statuses
