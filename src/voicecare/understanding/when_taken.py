"""When and how a reading was taken: on which day, at rest or not, and day names counted into spans.

"170 while he was screaming but 120 once he calmed down": the resting reading
is the one the table is for. "38.5 yesterday but 36.9 today": the later normal
reading replaces the earlier day's. "Today is Sunday ... since Friday": two
days. The words are the language's (``[numbers.calendar]``); the rules are here.
"""

from __future__ import annotations

import datetime
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from enum import Enum

from voicecare.understanding import context
from voicecare.understanding.quantities import Quantity

STATE_REACH = 6
"""How far from a reading a word of the child's state may stand ("170 while he was screaming")."""
EXERTION_REACH = 6
"""How close to a rate a word of exertion must be ("pulse 180 after running")."""
MONTH_REACH = 8
"""How far a month's name dates a reading in the same sentence."""
SINCE_REACH = 8
"""How far after "since" a day's name may stand ("since the pony ride at the fair on Friday")."""
TODAY_REACH = 2
"""How far from "today" a day's name says which day today is ("today is Sunday", "it's Sunday today")."""
DAY_REACH = 4
"""How far from a reading a word of its day may stand ("38.5 yesterday", "it's 36.9 today")."""
WEEK = 7
MONTH_DAYS = 30
"""A month back, counted in days ("since the 25th" said on the 3rd is 8 days)."""
DATE_REACH = 6
"""How far after "since" a date may stand ("since the start of the month", "since the 3rd")."""


class State(Enum):
    """How the child was when a rate was taken."""

    REST = "rest"
    AGITATED = "agitated"
    """Crying or screaming: counted when nothing else is said, set aside for a resting reading."""


@dataclass(frozen=True)
class Calendar:
    """Words for days, so "since Sunday ... today is Wednesday" is three days."""

    days: Mapping[str, int] = field(default_factory=dict, hash=False)
    day_unit: str = ""
    """The unit id of a day, for a span counted from day names."""
    since: frozenset[str] = frozenset()
    last: frozenset[str] = frozenset()
    """"since last Friday": a week or more back."""
    age_before: frozenset[str] = frozenset()
    """"he is 14 months": a month or year count right after these is an age."""
    age_after: frozenset[str] = frozenset()
    """"a 2 year old": an age."""
    ago: frozenset[str] = frozenset()
    """"two weeks ago": a point in time, not how long something lasted."""
    down: frozenset[str] = frozenset()
    """Words of a loss ("lost", "dropped")."""
    up: frozenset[str] = frozenset()
    """Words of a gain ("put on", "gained")."""
    observers: frozenset[str] = frozenset()
    """ "I", "we": a someone-else cue starting with one, said with an instrument reading, is who took it."""
    instruments: frozenset[str] = frozenset()
    """Words of a measuring device or its reading ("thermometer", "scanner", "says")."""
    months: frozenset[str] = frozenset()
    """Month names: a reading said with one is from then ("back in March"), unless it is "since" then."""
    exertion: frozenset[str] = frozenset()
    """Words of a child not at rest ("running"): a heart rate then is not judged at all."""
    names_before: frozenset[str] = frozenset()
    """Words (one or two) right before a bare number that make it a name, not a reading ("we live at 101")."""
    names_after: frozenset[str] = frozenset()
    """Words right after a bare number that make it a name ("101 Chestnut Drive" is two on: see NAME_REACH)."""
    corrections: frozenset[str] = frozenset()
    """Words of a self-correction ("sorry", "misread"): a later normal reading after one undoes a high one."""
    agitation: frozenset[str] = frozenset()
    """Words of a child crying or screaming: a rate then gives way to one taken at rest."""
    rest: frozenset[str] = frozenset()
    """Words of a child at rest ("calmed", "asleep"): the reading the table is for."""
    clause_ends: frozenset[str] = frozenset()
    """Words that start a clause of their own ("but", "once"): a state word does not reach over one."""
    today: frozenset[str] = frozenset()
    """Words of today ("today", "now"): "today is Sunday", "36.9 today"."""
    before_today: frozenset[str] = frozenset()
    """Words of an earlier day ("yesterday"); ``last`` with a word after it ("last night") is one too."""
    readouts: frozenset[str] = frozenset()
    """Words of a device giving a reading ("says", "shows"): its number is what the device named measures."""
    change_from: frozenset[str] = frozenset()
    """ "from" in "from 6 wet nappies a day to 3": the second number is the same measure."""
    change_to: frozenset[str] = frozenset()
    """ "to" in "from 6 wet nappies a day to 3"."""
    usual: frozenset[str] = frozenset()
    """Words of what is usual ("usually 6"): the number is the baseline a drop is measured from."""
    back_refs: frozenset[str] = frozenset()
    """ "then" in "since then": the time said before it ("a fever last week ... sore since then")."""
    ordinal_ends: frozenset[str] = frozenset()
    """Letters after a day of the month ("the 20th"): "since the 3rd ... it's the 20th today"."""
    month_start: frozenset[str] = frozenset()
    """Phrases of a month's first day ("start of the month"): "since the start of the month"."""




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
        if words[i] in calendar.exertion and not any(breaks.get(j, False) for j in between):
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


def _named_today(words: Sequence[str], calendar: Calendar) -> int | None:
    """The day "today is Sunday" or "it's Sunday today" names, if any."""
    for i, word in enumerate(words):
        if word in calendar.today:
            near = [*words[max(0, i - TODAY_REACH):i], *words[i + 1:i + 1 + TODAY_REACH]]
            named = [calendar.days[w] for w in near if w in calendar.days]
            if named:
                return named[-1]
    return None


def weekday_spans(words: Sequence[str], calendar: Calendar, today: int | None,
                   breaks: Mapping[int, bool], units: Mapping[str, str] | None = None) -> list[Quantity]:
    """ "since Sunday ... today is Wednesday": a duration in days from two named days (or the clock).

    "since then" counts from the earlier time said before it: "a fever last week ... sore since then".
    """
    spans: list[Quantity] = []
    for i, word in enumerate(words):
        if word not in calendar.since:
            continue
        if i + 1 < len(words) and words[i + 1] in calendar.back_refs:
            spans += [Quantity(value, i, i + 2, unit) for value, unit in [_said_before(words, i, calendar, units)] if unit]
            continue
        if (dated := _since_a_date(words, i, calendar)) is not None:
            spans.append(dated)
            continue
        j = i + 1
        last = j < len(words) and words[j] in calendar.last
        j += last
        while j < len(words) and j <= i + SINCE_REACH and words[j] not in calendar.days and not breaks.get(j, False):
            j += 1
        if j >= len(words) or words[j] not in calendar.days:
            continue
        later = [calendar.days[w] for w in words[j + 1:] if w in calendar.days]
        named = _named_today(words, calendar)
        now = later[-1] if later else named if named is not None else today
        if now is None:
            now = datetime.date.today().weekday()
        days = (now - calendar.days[words[j]]) % WEEK or WEEK
        if (last and not later) or calendar.last & set(words[j + 1:j + 4]):
            days = max(days, WEEK)  # "since last Friday", "since Tuesday of last week" reach back into last week
        spans.append(Quantity(float(days), i, j + 1, calendar.day_unit))
    return spans


def _said_before(words: Sequence[str], since: int, calendar: Calendar,
                 units: Mapping[str, str] | None) -> tuple[float, str | None]:
    """The span back to the nearest "last week" or "last month" said before ``since``: one of that unit."""
    for i in range(since - 1, 0, -1):
        unit = (units or {}).get(words[i])
        if unit is not None and words[i - 1] in calendar.last:
            return 1.0, unit
    return 0.0, None


def _since_a_date(words: Sequence[str], since: int, calendar: Calendar) -> Quantity | None:
    """ "since the 3rd" or "since the start of the month", counted to the date named as today (or the clock's)."""
    start_day, end = None, since + 1
    for j in range(since + 1, min(len(words), since + 1 + DATE_REACH)):
        if (day := _date(words[j], calendar)) is not None:
            start_day, end = day, j + 1
            break
        phrase = next((p for p in calendar.month_start if tuple(words[j:j + len(p.split())]) == tuple(p.split())), None)
        if phrase is not None:
            start_day, end = 1, j + len(phrase.split())
            break
    if start_day is None:
        return None
    today = _dated_today(words, calendar) or datetime.date.today().day
    days = today - start_day if today >= start_day else today - start_day + MONTH_DAYS
    return Quantity(float(days), since, end, calendar.day_unit)


def _date(word: str, calendar: Calendar) -> int | None:
    """The day of the month a word names ("20th"), if it is one."""
    digits, ending = word[:-2], word[-2:]
    if digits.isdigit() and ending in calendar.ordinal_ends and 1 <= int(digits) <= MONTH_DAYS + 1:
        return int(digits)
    return None


def _dated_today(words: Sequence[str], calendar: Calendar) -> int | None:
    """The date "it's the 20th today" or "today is the 20th" names, if any."""
    for i, word in enumerate(words):
        if word in calendar.today:
            near = [*words[max(0, i - TODAY_REACH - 1):i], *words[i + 1:i + 2 + TODAY_REACH]]
            dates = [d for w in near if (d := _date(w, calendar)) is not None]
            if dates:
                return dates[-1]
    return None
