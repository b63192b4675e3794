"""The calendar: words for days and dates, and the spans they name ("since Sunday", "since the 3rd", "since then").

"Since Sunday ... today is Wednesday" is three days; "since the 3rd ... it's the
20th today" is seventeen; "he fell on Saturday and has been limping since then"
is since Saturday. The words are the language's (``[numbers.calendar]``); the
rules are here. How a single reading was taken (at rest, on which day) is
``when_taken``'s.
"""

from __future__ import annotations

import datetime
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field

from voicecare.understanding.quantities import Quantity

SINCE_REACH = 8
"""How far after "since" a day's name may stand ("since the pony ride at the fair on Friday")."""
BEGAN_REACH = 1
"""How many words may stand between "started" and its day ("started on Saturday"; not "started nursery on Monday")."""
TODAY_REACH = 2
"""How far from "today" a day's name says which day today is ("today is Sunday", "it's Sunday today")."""
WEEK = 7
MONTH_DAYS = 30
"""A month back, counted in days ("since the 25th" said on the 3rd is 8 days)."""
DATE_REACH = 6
"""How far after "since" a date may stand ("since the start of the month", "since the 3rd")."""
RECOVERED_REACH = 2
"""How far before "since" a word of being well may stand ("fine since", "fine ever since")."""
LAST_REACH = 4
"""How far after a day's name "last" still puts it in last week ("since Tuesday of last week")."""


@dataclass(frozen=True)
class Calendar:
    """Words for days and for how a reading was taken, so "since Sunday ... today is Wednesday" is three days."""

    days: Mapping[str, int] = field(default_factory=dict, hash=False)
    day_unit: str = ""
    """The unit id of a day, for a span counted from day names."""
    night_unit: str = ""
    """The unit id of an hour of the night, for an hour said at night without one ("drops off fine, then at 2 he's
    awake crying")."""
    approximately: frozenset[str] = frozenset()
    """Words of about-ness skipped before a number ("only about 55")."""
    refers_back: frozenset[str] = frozenset()
    """Words pointing back at a measure named earlier ("it" in "counted her pulse ... and it's about 55")."""
    linking: frozenset[str] = frozenset()
    """Verbs joining such a word to its number ("is", "was")."""
    hour_before: frozenset[str] = frozenset()
    """Words before an hour ("at", "by", "around"): "at about 2"."""
    night_words: frozenset[str] = frozenset()
    """Words of the night ("night", "asleep", "bedtime"): said with them, an hour is one of the night."""
    day_words: frozenset[str] = frozenset()
    """Words of the day ("nap", "afternoon", "lunch"): said with them, an hour is no night's."""
    since: frozenset[str] = frozenset()
    lowered_by: frozenset[str] = frozenset()
    """Fever medicines ("calpol", "ibuprofen"): a normal temperature said with one was brought down, and says
    nothing of a fever ("39 last night, 37.5 now after calpol" is still a fever)."""
    from_day: frozenset[str] = frozenset()
    """Words that start a span like "since" only with a day's name right after them ("back hurt from Monday,
    today Thursday"); "back from grandma's on Sunday" names no start."""
    began: frozenset[str] = frozenset()
    """Words that start a span like "since" with a day's name right after them or a word on ("it start saturday,
    today is tuesday", "it started on Saturday")."""
    back_refs: frozenset[str] = frozenset()
    """Words after "since" that point back at a time said before ("since then": "fell on Saturday ... since then")."""
    recovered: frozenset[str] = frozenset()
    """Words of being well said right before such a "since" ("fine since", "fine ever since"): nothing lasted."""
    continuing: frozenset[str] = frozenset()
    """Words that point back as "since then" does, wherever they stand: "hurt it last week and it still hurts"."""
    continuing_after: frozenset[str] = frozenset()
    """What a ``continuing`` word must follow to be of the child or the pain ("it still hurts", "he is still
    limping"); "lying still" or "the car still smells" point nowhere."""
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
    likened: frozenset[str] = frozenset()
    """Words of a likeness ("like", "like a"): an exertion word right after one is a picture ("fast like a
    running horse"), not what the child did."""
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
    ordinal_ends: frozenset[str] = frozenset()
    """Letters after a day of the month ("the 20th"): "since the 3rd ... it's the 20th today"."""
    month_start: frozenset[str] = frozenset()
    """Phrases of a month's first day ("start of the month"): "since the start of the month"."""


def weekday_spans(words: Sequence[str], calendar: Calendar, today: int | None,
                  breaks: Mapping[int, bool], units: Mapping[str, str] | None = None) -> list[Quantity]:
    """ "since Sunday ... today is Wednesday": a duration in days from two named days, a date, or the clock.

    "Since then" and a closing "ever since" point back at the time said before
    them: "he fell on Saturday and has been limping since then" is since Saturday,
    "a fever last week ... sore ever since" is a week (one of ``units`` after "last").
    """
    spans: list[Quantity] = []
    for i, word in enumerate(words):
        reach = 0 if word in calendar.from_day else BEGAN_REACH if word in calendar.began else None
        if reach is not None and (day := _day_after(words, i, calendar, breaks, reach=reach)) is not None:
            spans.append(Quantity(float(_days_since(words, day, i, calendar, today)), i, day + 1, calendar.day_unit))
            continue
        if word not in calendar.since and word not in calendar.continuing:
            continue
        back = refers_back(words, i, calendar, breaks)
        if word not in calendar.since and not back:
            continue  # "lying still": no time at all
        if not back and (dated := _since_a_date(words, i, calendar)) is not None:
            spans.append(dated)
            continue
        day = _day_before(words, i, calendar, units or {}) if back else _day_after(words, i, calendar, breaks)
        if day is None or (word not in calendar.since and words[day] in calendar.days):
            # "Still" reaches back to "last week", not to a day's name: "the wheeze went away on Monday, back still
            # sore" says when the wheeze ended, not when the pain began.
            continue
        if words[day] not in calendar.days:  # "last week ... since then": one of that unit
            spans.append(Quantity(1.0, i, back, (units or {})[words[day]]))
            continue
        spans.append(Quantity(float(_days_since(words, day, i, calendar, today)), i, back or day + 1, calendar.day_unit))
    return spans


def _days_since(words: Sequence[str], day: int, since: int, calendar: Calendar, today: int | None) -> int:
    """Days from the day named at ``words[day]`` to today: a later day named, "today is ...", or the clock."""
    last = bool(day) and words[day - 1] in calendar.last
    later = [calendar.days[w] for w in words[max(day, since) + 1:] if w in calendar.days]
    named = _named_today(words, calendar)
    now = later[-1] if later else named if named is not None else today
    if now is None:
        now = datetime.date.today().weekday()
    days = (now - calendar.days[words[day]]) % WEEK or WEEK
    if (last and not later) or calendar.last & set(words[day + 1:day + LAST_REACH]):
        days = max(days, WEEK)  # "since last Friday", "since Tuesday of last week" reach back into last week
    return days


def refers_back(words: Sequence[str], index: int, calendar: Calendar, breaks: Mapping[int, bool]) -> int:
    """The end of a "since" at words[index] that points back ("since then", "ever since."), else 0.

    "fainted two weeks ago, fine since" says the child has been well since then: no span lasts until now.
    """
    if calendar.recovered.intersection(words[max(0, index - RECOVERED_REACH):index]):
        return 0
    after = index + 1
    if words[index] in calendar.continuing:  # "still": back to the time said before, if said of the child or pain
        return after if index and words[index - 1] in calendar.continuing_after else 0
    if after < len(words) and words[after] in calendar.back_refs:
        return after + 1
    return after if after == len(words) or after in breaks else 0


def since_then(words: Sequence[str], index: int, calendar: Calendar, breaks: Mapping[int, bool]) -> bool:
    """True when a back-pointing "since" (or "still") follows words[index] in its sentence.

    "he hurt his back three days ago and it's been sore since then": the three
    days ago are a span lasting until now.
    """
    for i in range(index, len(words)):
        if breaks.get(i, False):
            return False
        if (words[i] in calendar.since or words[i] in calendar.continuing) and refers_back(words, i, calendar, breaks):
            return True
    return False


def _day_after(words: Sequence[str], index: int, calendar: Calendar, breaks: Mapping[int, bool],
               reach: int = SINCE_REACH) -> int | None:
    """The day named after "since" ("since last Friday", "since the fair on Friday"), ``reach`` words on at most."""
    j = index + 1
    j += j < len(words) and words[j] in calendar.last
    while j < len(words) and j <= index + reach and words[j] not in calendar.days and not breaks.get(j, False):
        j += 1
    return j if j < len(words) and words[j] in calendar.days else None


def _day_before(words: Sequence[str], index: int, calendar: Calendar, units: Mapping[str, str]) -> int | None:
    """The nearest day named before a back-pointing "since", or unit after "last" ("last week")."""
    return next((j for j in range(index - 1, -1, -1) if words[j] in calendar.days
                 or (j and words[j] in units and words[j - 1] in calendar.last)), None)


def _named_today(words: Sequence[str], calendar: Calendar) -> int | None:
    """The day "today is Sunday" or "it's Sunday today" names, if any."""
    for i, word in enumerate(words):
        if word in calendar.today:
            near = [*words[max(0, i - TODAY_REACH):i], *words[i + 1:i + 1 + TODAY_REACH]]
            named = [calendar.days[w] for w in near if w in calendar.days]
            if named:
                return named[-1]
    return None


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
