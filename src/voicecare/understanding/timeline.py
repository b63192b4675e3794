"""Spans of time named by days and back-references: "since Sunday", "fell on Saturday ... limping since then"."""

from __future__ import annotations

import datetime
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field

from voicecare.understanding.quantities import Quantity

SINCE_REACH = 8
"""How far after "since" a day's name may stand ("since the pony ride at the fair on Friday")."""


@dataclass(frozen=True)
class Calendar:
    """Words for days, so "since Sunday ... today is Wednesday" is three days."""

    days: Mapping[str, int] = field(default_factory=dict, hash=False)
    day_unit: str = ""
    """The unit id of a day, for a span counted from day names."""
    since: frozenset[str] = frozenset()
    back: frozenset[str] = frozenset()
    """Words after "since" that point back at a time said before ("since then")."""
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
    """Words of a child not at rest ("running", "crying"): a heart rate then is no resting rate."""
    names_before: frozenset[str] = frozenset()
    """Words (one or two) right before a bare number that make it a name, not a reading ("we live at 101")."""
    names_after: frozenset[str] = frozenset()
    """Words right after a bare number that make it a name ("101 Chestnut Drive" is two on: see NAME_REACH)."""
    corrections: frozenset[str] = frozenset()
    """Words of a self-correction ("sorry", "misread"): a later normal reading after one undoes a high one."""


def weekday_spans(words: Sequence[str], calendar: Calendar, today: int | None,
                  breaks: Mapping[int, bool], units: Mapping[str, str] | None = None) -> list[Quantity]:
    """ "since Sunday ... today is Wednesday": a duration in days from two named days (or the clock).

    "Since then" and a closing "ever since" point back at the day said before
    them: "he fell on Saturday and has been limping since then" is since Saturday,
    "a fever last week ... sore ever since" is a week (one of ``units`` after "last").
    """
    spans: list[Quantity] = []
    for i, word in enumerate(words):
        if word not in calendar.since:
            continue
        back = refers_back(words, i, calendar, breaks)
        day = _day_before(words, i, calendar, units or {}) if back else _day_after(words, i, calendar, breaks)
        if day is None:
            continue
        if words[day] not in calendar.days:  # "last week ... since then": one of that unit
            spans.append(Quantity(1.0, i, back, (units or {})[words[day]]))
            continue
        last = bool(day) and words[day - 1] in calendar.last
        later = [calendar.days[w] for w in words[max(day, i) + 1:] if w in calendar.days]
        now = later[-1] if later else today
        if now is None:
            now = datetime.date.today().weekday()
        days = (now - calendar.days[words[day]]) % 7 or 7
        if (last and not later) or calendar.last & set(words[day + 1:day + 4]):
            days = max(days, 7)  # "since last Friday", "since Tuesday of last week" reach back into last week
        end = back if back else day + 1
        spans.append(Quantity(float(days), i, end, calendar.day_unit))
    return spans


def refers_back(words: Sequence[str], index: int, calendar: Calendar, breaks: Mapping[int, bool]) -> int:
    """The end of a "since" at words[index] that points back ("since then", "ever since."), else 0."""
    after = index + 1
    if after < len(words) and words[after] in calendar.back:
        return after + 1
    return after if after == len(words) or after in breaks else 0


def since_then(words: Sequence[str], index: int, calendar: Calendar, breaks: Mapping[int, bool]) -> bool:
    """True when a back-pointing "since" follows words[index] in its sentence.

    "he hurt his back three days ago and it's been sore since then": the three
    days ago are a span lasting until now.
    """
    for i in range(index, len(words)):
        if breaks.get(i, False):
            return False
        if words[i] in calendar.since and refers_back(words, i, calendar, breaks):
            return True
    return False


def _day_after(words: Sequence[str], index: int, calendar: Calendar, breaks: Mapping[int, bool]) -> int | None:
    """The day named after "since" ("since last Friday", "since the fair on Friday")."""
    j = index + 1
    j += j < len(words) and words[j] in calendar.last
    while j < len(words) and j <= index + SINCE_REACH and words[j] not in calendar.days and not breaks.get(j, False):
        j += 1
    return j if j < len(words) and words[j] in calendar.days else None


def _day_before(words: Sequence[str], index: int, calendar: Calendar, units: Mapping[str, str]) -> int | None:
    """The nearest day named before a back-pointing "since", or unit after "last" ("last week")."""
    return next((j for j in range(index - 1, -1, -1) if words[j] in calendar.days
                 or (j and words[j] in units and words[j - 1] in calendar.last)), None)
