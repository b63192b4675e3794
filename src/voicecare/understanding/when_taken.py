"""How a reading was taken: at rest or not, on an earlier day or today, in a named month.

"170 while he was screaming but 120 once he calmed down": the resting reading
is the one the table is for. "38.5 yesterday but 36.9 today": the later normal
reading replaces the earlier day's. The words are the language's
(``[numbers.calendar]``, read into ``timeline.Calendar``); the rules are here.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from enum import Enum

from voicecare.understanding import context
from voicecare.understanding.quantities import Quantity
from voicecare.understanding.timeline import Calendar, since_then

STATE_REACH = 6
"""How far from a reading a word of the child's state may stand ("170 while he was screaming")."""
EXERTION_REACH = 6
"""How close to a rate a word of exertion must be ("pulse 180 after running")."""
LIKENED_REACH = 2
"""The most words a likeness right before an exertion word has ("like a" running horse)."""
MONTH_REACH = 8
"""How far a month's name dates a reading in the same sentence."""
DAY_REACH = 4
"""How far from a reading a word of its day may stand ("38.5 yesterday", "it's 36.9 today")."""


class State(Enum):
    """How the child was when a rate was taken."""

    REST = "rest"
    AGITATED = "agitated"
    """Crying or screaming: counted when nothing else is said, set aside for a resting reading."""


def state(quantity: Quantity, words: Sequence[str], breaks: Mapping[int, bool], calendar: Calendar) -> State | None:
    """The child's state said nearest a reading in its own clause (no comma, full stop or "but" between)."""
    for distance in range(STATE_REACH):
        for i in (quantity.start - 1 - distance, quantity.end + distance):
            if not 0 <= i < len(words) or not _same_clause(quantity, i, words, breaks, calendar):
                continue
            if words[i] in calendar.agitation:
                return State.AGITATED
            if words[i] in calendar.rest:
                return State.REST
    return None


def _same_clause(quantity: Quantity, i: int, words: Sequence[str], breaks: Mapping[int, bool],
                 calendar: Calendar) -> bool:
    """True when nothing that starts a new clause stands between a reading and ``words[i]``."""
    between = range(i + 1, quantity.start) if i < quantity.start else range(quantity.end, i)
    cut = range(i + 1, quantity.start + 1) if i < quantity.start else range(quantity.end, i + 1)
    return not any(j in breaks for j in cut) and not any(words[j] in calendar.clause_ends for j in between)


def exerted(quantity: Quantity, words: Sequence[str], breaks: Mapping[int, bool], calendar: Calendar) -> bool:
    """ "180 after running around": an exertion word in the same sentence, close to the reading."""
    low, high = max(0, quantity.start - EXERTION_REACH), min(len(words), quantity.end + EXERTION_REACH)
    for i in range(low, high):
        between = range(min(i, quantity.end), max(i, quantity.start))
        if words[i] in calendar.exertion and not any(breaks.get(j, False) for j in between) \
                and not any(" ".join(words[max(0, i - n):i]) in calendar.likened for n in range(1, LIKENED_REACH + 1)):
            return True
    return False


def earlier_day(quantity: Quantity, words: Sequence[str], breaks: Mapping[int, bool], calendar: Calendar) -> bool:
    """True when a reading is dated to a day before today in its own clause ("38.5 yesterday", "last night")."""
    return any(words[i] in calendar.before_today or (words[i] in calendar.last and i + 1 < len(words)
                                                      and words[i + 1] not in calendar.days)
               for i in _clause_near(quantity, words, breaks, calendar))


def said_today(quantity: Quantity, words: Sequence[str], breaks: Mapping[int, bool], calendar: Calendar) -> bool:
    """True when a reading is dated today in its own clause ("it's 36.9 today", "now 37.1")."""
    return any(words[i] in calendar.today for i in _clause_near(quantity, words, breaks, calendar))


def lowered(quantity: Quantity, words: Sequence[str], breaks: Mapping[int, bool], calendar: Calendar) -> bool:
    """True when a fever medicine is named in a reading's own clause ("37.5 after calpol", "on ibuprofen 37.2")."""
    return any(words[i] in calendar.lowered_by for i in _clause_near(quantity, words, breaks, calendar))


def _clause_near(quantity: Quantity, words: Sequence[str], breaks: Mapping[int, bool], calendar: Calendar) -> list[int]:
    low, high = max(0, quantity.start - DAY_REACH), min(len(words), quantity.end + DAY_REACH)
    return [i for i in range(low, high) if not quantity.start <= i < quantity.end
            and _same_clause(quantity, i, words, breaks, calendar)]


def in_a_named_month(quantity: Quantity, words: Sequence[str], where: context.Scene, calendar: Calendar) -> bool:
    """ "a 38.5 temperature back in March": a month named in the same sentence dates the reading."""
    low, high = max(0, quantity.start - MONTH_REACH), min(len(words), quantity.end + MONTH_REACH)
    for i in range(low, high):
        if words[i] not in calendar.months or (i and words[i - 1] in calendar.since):
            continue
        between = range(min(i, quantity.end), max(i, quantity.start))
        # A break is kept at the word after it: the one between "March, 11" is at the 11.
        cut = range(i + 1, quantity.start + 1) if i < quantity.start else range(quantity.end, i + 1)
        # "14 kilos in June and now 13", "12 kilos in March, 11 and a half now": a new clause starts another time
        if not any(words[j] in where.rules.terminators for j in between) and not any(j in where.breaks for j in cut):
            return True
    return False


def replaced_by_today(earlier: Quantity, later: Quantity, words: Sequence[str], breaks: Mapping[int, bool],
                      calendar: Calendar) -> bool:
    """True when the ``earlier`` reading was an earlier day's and the ``later`` one today's ("38.5 yesterday, 36.9 today")."""
    return earlier_day(earlier, words, breaks, calendar) and said_today(later, words, breaks, calendar) \
        and not earlier_day(later, words, breaks, calendar)


def lasts(quantity: Quantity, words: Sequence[str], where: context.Scene, calendar: Calendar) -> bool:
    """True for a point in time that is a start lasting until now.

    "three days ago ... ever since", "since two days ago", "started hurting three days ago".
    """
    if quantity.end >= len(words) or words[quantity.end] not in calendar.ago:
        return False
    first = context.clause_start(words, where.breaks, where.rules, quantity.start)
    return since_then(words, quantity.end + 1, calendar, where.breaks) or any(
        words[i] in where.rules.onsets for i in range(first, quantity.start))


def brought_down(start: int, where: context.Scene, calendar: Calendar) -> bool:
    """True when a sign said as over at ``start`` may only have been brought down by a medicine named in the
    description ("she had 102 this morning, now it's normal after tylenol", "the fever's gone since the calpol").

    A time long gone said in the sign's sentence (a dated cue: "last week", "two weeks ago") keeps it over: the
    medicine then says nothing of today. (Outside review 21 F3: a fever brought down today is today's fever.)
    """
    if not calendar.lowered_by.intersection(where.words):
        return False
    first, last = _sentence(start, where)
    return not any(c.trigger.dated and first <= c.start < last for c in where.cues)


def _sentence(start: int, where: context.Scene) -> tuple[int, int]:
    """The bounds of the sentence ``start`` stands in: full stops only (a comma is no sentence's end)."""
    stops = sorted(i for i, full in where.breaks.items() if full)
    first = max((i for i in stops if i <= start), default=0)
    last = min((i for i in stops if i > start), default=len(where.words))
    return first, last
