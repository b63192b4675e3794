"""Where a denial or a duration stops being about a mention: honest read-backs (rules 12 and 14).

Two ends of scope that the cue rules of ``context`` do not see:

- a word that narrows what follows ("just", "only") after another sign ends a
  denial's list: in "he hasn't fainted or anything, just sore back" the back is
  sore, not denied;
- a duration said right after another sign is that sign's: in "she had a fit,
  jerking for like two minutes" the two minutes are the seizure's, not the
  back pain's; after a sign denied, how long it has been away ("she hasn't had
  a fever since Sunday").
"""

from __future__ import annotations

from collections.abc import Collection, Mapping, Sequence

from voicecare.domain import Level, Match, Status
from voicecare.understanding.cues import ContextWords, clause_start

DENIED_SPAN_GAP = 2
"""How many words may stand between a sign denied and a span that is its ("no poo in like four days")."""


def narrowed(words: Sequence[str], start: int, end: int, others: Collection[int], breaks: Mapping[int, bool],
             narrowing: Collection[str], negations: Collection[str]) -> bool:
    """True when a narrowing word stands between another sign and the mention at ``words[start:end]``, in one
    sentence.

    ``others`` are the word positions of the other mentions. A denial said after the narrowing word
    ("just not sore") still denies, so a negation between it and the mention keeps the denial; so does one among
    the mention's own words ("heart is normal only, and toilet he is doing properly, no accidents").
    """
    if any(words[i] in negations for i in range(start, end)):
        return False
    for j in range(start, -1, -1):  # the mention may open with the word itself ("just sore")
        if (j < start and breaks.get(j + 1, False)) or words[j] in negations:
            return False  # a full stop, or a denial of this very mention ("just not sore")
        if j in others:
            return False  # reached the other sign first: nothing narrows this mention
        if words[j] in narrowing:
            return any(i < j for i in others) and not _full_stop(breaks, j, start)
    return False


def anothers_duration(match: Match, matches: Sequence[Match], words: Sequence[str], breaks: Mapping[int, bool],
                      about: Collection[str]) -> bool:
    """True when a short duration follows another sign's mention in its own sentence.

    "jerking for like two minutes": the minutes are the jerking's, no denial of
    long back pain. ``about`` are the words the duration may be said of (the
    back, the pain): a mention holding one ("his back has hurt for two hours")
    keeps it. A long duration stays the pain's in any case (rule 4: when unsure
    whose, the higher reading).
    """
    if match.status is not Status.ABSENT:
        return False
    first = max((i for i, full in breaks.items() if full and i <= match.start), default=0)
    before = [(m.end, any(words[i] in about for i in range(m.start, m.end))) for m in matches
              if m.symptom != match.symptom and m.status is Status.PRESENT and first < m.end <= match.start]
    return bool(before) and not max(before)[1]


def anothers_span(match: Match, matches: Sequence[Match], words: Sequence[str], breaks: Mapping[int, bool],
                  about: Collection[str], levels: Mapping[str, Level], fillers: Collection[str] = ()) -> bool:
    """True when a span said right after another sign, at least as serious, is that sign's.

    "He hasn't done a poo in four days and his back's sore": the four days are the
    constipation's; "she's pooing herself and she's been out of nappies for a year":
    the year is the training's. The nearest mention before the span, in its own
    sentence, names none of ``about`` (the back, the pain). As that sign is as serious
    as the pain lasting, taking the span from the pain never lowers the answer; it
    only keeps the read-back honest (rule 14). "A fever, and his back has hurt for five
    days" keeps them: the back is named between the sign and the span. A filler names nothing: "like" in "ain't
    pooped in like four days" is no "like this" (``fillers``).
    """
    if match.status is not Status.PRESENT:
        return False
    first = max((i for i, full in breaks.items() if full and i <= match.start), default=0)
    before = [m for m in matches if m.symptom != match.symptom and m.status is Status.PRESENT
              and first < m.end <= match.start]
    if not before:
        return False
    nearest = max(before, key=lambda m: m.end)
    named = any(words[i] in about and words[i] not in fillers for i in range(nearest.start, match.start))
    return not named and levels.get(nearest.symptom, Level.UNCLEAR) <= levels.get(match.symptom, Level.EMERGENCY)


def denied_span(match: Match, matches: Sequence[Match], words: Sequence[str], breaks: Mapping[int, bool],
                about: Collection[str], rules: ContextWords) -> bool:
    """True when a span said right after a sign denied is how long that sign has been away.

    "Her back hurts and she hasn't had a fever since Sunday": Sunday dates the fever's absence, not the pain.
    The pain named before the span in its sentence keeps the span the pain's unless the denial has a subject of
    its own: "a sore back and no fever for four days" may be both (rule 4: when unsure whose, the higher reading).
    """
    if match.status is not Status.PRESENT:
        return False
    denied = [m for m in matches if m.symptom != match.symptom and m.status is Status.ABSENT
              and 0 <= match.start - m.end <= DENIED_SPAN_GAP]
    if not denied:
        return False
    sign = max(denied, key=lambda m: m.end)
    first = clause_start(words, breaks, rules, sign.start)
    if any(words[i] in about for i in range(first, match.start)):
        return False  # "her back hasn't been the same since Sunday": said of the back itself
    sentence = max((i for i, full in breaks.items() if full and i <= match.start), default=0)
    pain_before = any(words[i] in about for i in range(sentence, first))
    return not pain_before or any(words[i] in rules.clauses.subjects for i in range(first, sign.start))


def _full_stop(breaks: Mapping[int, bool], low: int, high: int) -> bool:
    return any(breaks.get(i, False) for i in range(low + 1, high + 1))
