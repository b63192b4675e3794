"""Numbers and amounts in what was said ("thirty eight point nine", "101.2", "two weeks", "fifty a minute").

The parser knows how numbers are built (tens and units, a decimal point, a
run of digits); which words say them comes from the language's data, so the
same code reads any language whose numbers are built the same way.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

_DIGITS_RE = re.compile(r"^(\d+(?:[.,]\d+)?)([^\W\d_]*)$")
TENTHS_MAX = 9
"""A single digit said after a two-word number is its tenths ("thirty eight nine" is 38.9)."""
HOURS_ON_A_CLOCK = 12
THOUSAND = 1000
"""Scales below this may open a number with their "a" left out ("hundred and one point two")."""
UNIT_REACH = 2
"""How many words after a number its unit may come ("38 degrees celsius")."""
WINDOW_FIRST_REACH = 4
"""How many words after a window said first ("over 30 seconds I got 23") its count may stand."""
COUNTING_REACH = 8
"""...and after a span said as counted, in the same clause ("did 15 secs like the app said and got 16")."""
BEYOND = 0.01
"""How far past its number a reading said as "over" or "under" it is read (a hair's breadth: the line is crossed)."""
DECADE_MIDDLE = 5
"""A span of tens is read at its middle ("in the fifties": 55)."""
COUNTED_REACH = 12
"""...and after a span in a sentence that says a count was taken, commas between ("I count his heart with my watch,
15 seconds, only 15"; "counted at her wrist for fifteen seconds while she sat on my lap and got only fifteen")."""


@dataclass(frozen=True)
class NumberWords:
    """The words one language says numbers with (``[numbers]`` in ``language.toml``)."""

    digits: Mapping[str, int]
    """Zero to nineteen: the words that are a number by themselves."""
    tens: Mapping[str, int]
    """Twenty, thirty ... ninety."""
    scales: Mapping[str, int]
    """Hundred, thousand: multiply what came before."""
    one: frozenset[str] = frozenset()
    """Words meaning one before a scale or a unit ("a hundred", "a week")."""
    point: frozenset[str] = frozenset()
    """Decimal point words ("point")."""
    zero: frozenset[str] = frozenset()
    """Zero said inside a run of digits ("one oh one" is 101)."""
    joiners: frozenset[str] = frozenset()
    """Words allowed inside a number ("a hundred and one")."""
    heard_joiners: frozenset[str] = frozenset()
    """A joiner as written when said fast ("a hundred an two"): read, never taught to a recogniser."""
    fractions: Mapping[str, float] | None = None
    """Parts of one ("half", "quarter"): "half a kilo", "eleven and a half"."""
    per: tuple[tuple[str, ...], ...] = ()
    """What makes a rate ("a", "per", "in one": "fifty a minute")."""
    window: frozenset[str] = frozenset()
    """What makes a count over a span of time a rate ("in": "12 breaths in 15 seconds")."""
    counting: frozenset[str] = frozenset()
    """Said before a short span (``counting_spans``), they make it the window of a count said soon after ("I did 15
    secs and got 16 beats", "counted for 15 seconds, 16")."""
    counting_spans: Mapping[str, float] | None = None
    """Unit ids of the spans a count is taken over, each with the longest span of it counted over when not said as a
    window ("for 2 days, 39" is no count; "after five minutes ... 120" says when, not 120 in five minutes: batch_bh,
    understand52)."""
    count_verbs: frozenset[str] = frozenset()
    """Said earlier in the sentence, they make a short span (``counting_spans``) the window of the next count in it,
    over commas and other words ("i count his heart with my watch, 30 seconds, 42": 84 a minute, not 42)."""
    unsaid_windows: Mapping[float, str] | None = None
    """Windows said without their unit after a window word, and the unit they are counted in ("forty-six in fifteen":
    seconds); only spans people count a pulse or breaths over."""
    beyond: Mapping[tuple[str, ...], float] | None = None
    """Words before a number saying the reading lies past it, and which way (+1 "over 160", -1 "under 70"): the
    number is read a hair's breadth that way, so "over 160" is above the line at 160."""
    decades: Mapping[str, int] | None = None
    """Tens said as a span ("in the fifties"): read as the middle of it (55), as "190s" is 195."""
    decade_ends: frozenset[str] = frozenset()
    """What digits are written with as a span of tens ("190s", "50's")."""
    unit_fillers: frozenset[str] = frozenset()
    """Words of fullness that may stand between a number and its unit ("three full days", "two whole weeks")."""
    units: Mapping[str, str] | None = None
    """Unit word -> unit id ("kilos" -> "kilogram", "c" -> "celsius")."""
    unit_first: frozenset[str] = frozenset()
    """Unit words that may come before the number they count ("on day five")."""
    clock: Mapping[tuple[str, ...], str] | None = None
    """Phrases after an hour that make it a time of day -> unit id ("a m" -> "am", "at night" -> "night_hour")."""
    marks: frozenset[str] = frozenset()
    """Letters written onto the front of a number in shorthand ("x5d": for five days), dropped."""
    sound_alikes: Mapping[str, int] | None = None
    """Words a recogniser writes for a digit's sound ("too"): a digit only right after a joiner ("a hundred and too")."""
    counts: frozenset[str] = frozenset()
    """Unit words that only count ("times"): before a rate ("120 times a minute") the number is the rate's alone."""
    ago: frozenset[str] = frozenset()
    """Said after a span, these make it a point in time ("13.8 kilos a month ago" is no kilos a month)."""
    ordinals: Mapping[str, int] | None = None
    """Ordinal words ("fourth"): a number only before a unit of ``unit_first`` ("the fourth day" is 4 days)."""
    ordinal_ends: frozenset[str] = frozenset()
    """What digits are written with as an ordinal ("4th"), read the same way."""


@dataclass(frozen=True)
class Quantity:
    """One number heard, with its unit if one was said."""

    value: float
    start: int
    """Token index of the first word of the number."""
    end: int
    """Token index one past the number and its unit."""
    unit: str | None = None
    """Unit id ("celsius", "day", "kilogram"), None for a bare number."""
    per: str | None = None
    """For a rate, the time unit id ("fifty a minute": "minute")."""
    decimal: bool = False
    """True when said with a decimal part ("38.0", "thirty eight nine")."""
    per_count: float = 1.0
    """For a count over a window, how many ``per`` units it was counted in ("12 in 15 seconds": 15)."""
    plain_end: int | None = None
    """For a count over a window, where the count alone ends: "101 in 2 hours" may be no rate at all."""

    @property
    def windowed(self) -> bool:
        """True for a count over a window of time ("44 in 15 seconds")."""
        return self.plain_end is not None

    def plain(self) -> Quantity:
        """The count without its window, for a number no rate measure claims."""
        end = self.end if self.plain_end is None else self.plain_end
        return Quantity(self.value, self.start, end, None, None, self.decimal)


def read(words: Sequence[str], lexicon: NumberWords, breaks: Mapping[int, bool] | None = None) -> tuple[Quantity, ...]:
    """Every number in ``words`` (tokens as matching sees them), left to right.

    ``breaks`` are the indexes of words that follow a comma (False) or a full stop (True): a unit never
    reaches over one ("RR 28, HR 120" is no 28 hours).
    """
    breaks = breaks or {}
    found: list[Quantity] = []
    i = 0
    while i < len(words):
        if (counted := _ordinal_unit(words, i, lexicon)) is not None:
            found.append(counted)
            i = counted.end
            continue
        number = _number(words, i, lexicon)
        if number is None:
            i += 1
            continue
        value, end, decimal, suffix_unit = number
        value += BEYOND * _beyond(words, i, lexicon)
        quantity = _with_unit(words, Quantity(value, i, end, suffix_unit, decimal=decimal), lexicon, breaks)
        if quantity.unit is None and quantity.per is None and i and words[i - 1] in lexicon.unit_first:
            quantity = Quantity(value, i - 1, quantity.end, (lexicon.units or {}).get(words[i - 1]), None, decimal)
        if found and (window := _window_first(words, found[-1], quantity, lexicon, breaks)) is not None:
            found[-1] = window  # "recounted over 30 seconds and got 23": the count over the window said first
        else:
            found.append(quantity)
        i = quantity.end
    return tuple(found)


def _beyond(words: Sequence[str], i: int, lex: NumberWords) -> float:
    """+1 when the words before words[i] say the reading is over the number ("over 160", "more than 40"), -1 when
    under it ("under 70"), else 0."""
    return _beyond_phrase(words, i, lex)[1]


def beyond_words(words: Sequence[str], i: int, lex: NumberWords) -> range:
    """The positions of the words before words[i] that say a reading lies over or under it ("below 60")."""
    return range(i - _beyond_phrase(words, i, lex)[0], i)


def _beyond_phrase(words: Sequence[str], i: int, lex: NumberWords) -> tuple[int, float]:
    """The longest phrase of ``lex.beyond`` right before words[i]: its length and which way it points (0, 0 if none)."""
    said = [(len(p), way) for p, way in (lex.beyond or {}).items() if i >= len(p) and tuple(words[i - len(p):i]) == p]
    return max(said, default=(0, 0.0))


def _decade(words: Sequence[str], i: int, lex: NumberWords) -> tuple[float, int] | None:
    """A span of tens at words[i] ("fifties", "190s", "the one-nineties"), read at its middle, and its end."""
    word = words[i]
    decades = lex.decades or {}
    if word in decades:
        return float(decades[word] + DECADE_MIDDLE), i + 1
    if i + 1 < len(words) and lex.digits.get(word, 0) in range(1, 10) and words[i + 1] in decades:
        return float(lex.digits[word] * 100 + decades[words[i + 1]] + DECADE_MIDDLE), i + 2  # "the one nineties"
    ends = sorted(lex.decade_ends, key=len, reverse=True)
    end = next((e for e in ends if word.endswith(e) and word[:-len(e)].isdigit()), None)
    if end is None or int(word[:-len(end)]) % 10 or not int(word[:-len(end)]):
        return None
    return float(int(word[:-len(end)]) + DECADE_MIDDLE), i + 1


def _ordinal_unit(words: Sequence[str], i: int, lex: NumberWords) -> Quantity | None:
    """ "The fourth day", "her 3rd night": as many of the unit, counted to now. Only before a unit of ``unit_first``:
    "his third birthday" or "the second time" count nothing."""
    if i + 1 >= len(words) or words[i + 1] not in lex.unit_first:
        return None
    word = words[i]
    value = (lex.ordinals or {}).get(word)
    if value is None and word[:-2].isdigit() and word[-2:] in lex.ordinal_ends:
        value = int(word[:-2])
    if value is None:
        return None
    return Quantity(float(value), i, i + 2, (lex.units or {}).get(words[i + 1]))


def _window_first(words: Sequence[str], window: Quantity, count: Quantity, lex: NumberWords,
                  breaks: Mapping[int, bool]) -> Quantity | None:
    """The rate of a bare count said soon after its window ("in 15 seconds I counted 12"), else None.

    A span said as counted ("I did 15 secs like the app said and got 16") may stand further back in its clause;
    in a sentence that says a count was taken, further still and over commas ("I count his heart with my watch,
    15 seconds, only 15").
    """
    before = words[window.start - 1] if window.start > 0 else ""
    timed = before in lex.window
    longest = (lex.counting_spans or {}).get(window.unit or "")
    span = longest is not None and window.per is None and window.value <= longest
    counted = before in lex.counting and span
    sentence = span and _count_said_before(words, window.start, lex, breaks)
    reach = WINDOW_FIRST_REACH if timed else COUNTED_REACH if sentence else COUNTING_REACH
    counts = {(lex.units or {}).get(word) for word in lex.counts}
    bare = (count.unit is None or count.unit in counts) and count.per is None and not count.decimal
    between = range(window.end, count.start + 1)
    if window.unit is None or not (timed or counted or sentence) or not bare or not 0 <= count.start - window.end <= reach:
        return None
    if any(breaks.get(i, False) for i in between) or (not timed and not sentence and any(i in breaks for i in between)):
        return None  # a full stop ends the count ("30 seconds. She is 2."); a comma only a span said as counted
    return Quantity(count.value, count.start, count.end, None, window.unit, False, window.value, count.end)


def _count_said_before(words: Sequence[str], start: int, lex: NumberWords, breaks: Mapping[int, bool]) -> bool:
    """True when a word saying a count was taken stands before ``start`` in its sentence ("I count his heart ...")."""
    for i in range(start - 1, -1, -1):
        if words[i] in lex.count_verbs:
            return True
        if breaks.get(i, False):
            return False
    return False


def _number(words: Sequence[str], i: int, lex: NumberWords) -> tuple[float, int, bool, str | None] | None:
    """The number starting at ``words[i]``: value, end, decimal, unit written onto the digits ("38c")."""
    units = lex.units or {}
    word = words[i]
    if word[:1] in lex.marks and word[1:2].isdigit():
        word = word[1:]  # "back pain x5d": shorthand for "for 5 days"
    written = _DIGITS_RE.match(word)
    if written and (not written.group(2) or written.group(2) in units):
        value, end = float(written.group(1).replace(",", ".")), i + 1  # "38,5" is how many write 38.5
        decimal = not written.group(1).isdigit()
        if not decimal and (tenths := _decimals(words, end, lex)) is not None:
            value, end, decimal = value + tenths[0], tenths[1], True
        if not decimal and not written.group(2) and (half := _fraction_after(words, end, lex)) is not None:
            value, end, decimal = value + half[0], half[1], True  # "100 and a half", "3 and a half days"
        return value, end, decimal, units.get(written.group(2)) if written.group(2) else None
    if (decade := _decade(words, i, lex)) is not None:
        return decade[0], decade[1], False, None
    # Said digit by digit, a reading keeps its decimal part: "one oh oh point eight" is 100.8, a fever, not 100.
    # ("One eighty" is a rate, said whole: a decimal is no part of it.)
    if (run := _digit_run(words, i, lex)) is not None:
        return _with_decimals(words, float(run[0]), run[1], lex)
    if (hundreds := _hundreds_as_digit(words, i, lex)) is not None:
        return float(hundreds[0]), hundreds[1], False, None
    fractions = lex.fractions or {}
    if words[i] in fractions and i + 1 < len(words) and words[i + 1] in lex.one:
        return fractions[words[i]], i + 2, True, None  # "half a kilo"
    if words[i] in lex.one and i + 1 < len(words) and words[i + 1] in units:
        return 1.0, i + 1, False, None  # "a week", "a kilo"
    spoken = _cardinal(words, i, lex)
    if spoken is None:
        return None
    value, end, two_words = spoken
    if (tenths := _decimals(words, end, lex)) is not None:
        return value + tenths[0], tenths[1], True, None
    if (skipped := _decimals_after_joiner(words, end, lex)) is not None:
        return value + skipped[0], skipped[1], True, None
    if two_words and (said := _tenths(words, end, lex)) is not None:
        return value + said / 10, end + 1, True, None
    if (half := _fraction_after(words, end, lex)) is not None:
        return value + half[0], half[1], True, None
    return float(value), end, False, None


def _digit_run(words: Sequence[str], i: int, lex: NumberWords) -> tuple[int, int] | None:
    """A number said digit by digit with a zero inside ("one oh one", "one oh four")."""
    if i + 2 >= len(words):
        return None
    first, middle, last = words[i:i + 3]
    if lex.digits.get(first, 0) in range(1, 10) and (middle in lex.zero or lex.digits.get(middle, -1) == 0) \
            and (last in lex.zero or lex.digits.get(last, -1) in range(10)):
        return int(f"{lex.digits[first]}0{lex.digits.get(last, 0)}"), i + 3
    return None


def _hundreds_as_digit(words: Sequence[str], i: int, lex: NumberWords) -> tuple[int, int] | None:
    """Hundreds said as one digit, then the rest ("one eighty" is 180, "one twenty five" 125, "two ten" 210)."""
    if i + 1 >= len(words) or lex.digits.get(words[i], 0) not in range(1, 10):
        return None
    rest = _cardinal(words, i + 1, lex)
    if rest is None or not 10 <= rest[0] <= 99 or (words[i + 1] not in lex.tens and words[i + 1] not in lex.digits):
        return None
    return lex.digits[words[i]] * 100 + rest[0], rest[1]


def _cardinal(words: Sequence[str], i: int, lex: NumberWords) -> tuple[int, int, bool] | None:
    """A whole number in words ("a hundred and eighty"): value, end, and whether it was tens then a digit."""
    total = current = 0
    previous = ""
    kinds: list[str] = []
    j = i
    alikes = lex.sound_alikes or {}
    while j < len(words):
        word, following = words[j], words[j + 1] if j + 1 < len(words) else ""
        if previous == "JOINER" and word in alikes:
            current += alikes[word]
            kind = "DIGIT"
        elif word in lex.digits and previous not in ("DIGIT", "TEEN") and not (previous == "TENS" and lex.digits[word] >= 10):
            current += lex.digits[word]
            kind = "DIGIT" if lex.digits[word] < 10 else "TEEN"
        elif word in lex.tens and previous in ("", "MULTIPLIER", "JOINER"):
            current += lex.tens[word]
            kind = "TENS"
        elif word in lex.scales and previous in ("DIGIT", "TEEN", "TENS", "ONE"):
            scale = lex.scales[word]
            current = max(current, 1) * scale
            if scale >= THOUSAND:
                total, current = total + current, 0
            kind = "MULTIPLIER"
        elif word in lex.one and following in lex.scales and previous == "":
            current, kind = 1, "ONE"
        elif word in lex.scales and previous == "" and lex.scales[word] < THOUSAND and _goes_on(following, lex):
            current, kind = lex.scales[word], "MULTIPLIER"  # "hundred and one point two": the "a" left out
        elif (word in lex.joiners or word in lex.heard_joiners) and previous == "MULTIPLIER" and (
                following in lex.digits or following in lex.tens or following in alikes):
            kind = "JOINER"
        else:
            break
        kinds.append(kind)
        previous = kind
        j += 1
    if not kinds or kinds[-1] in ("ONE", "JOINER"):
        return None
    return total + current, j, kinds == ["TENS", "DIGIT"]


def _goes_on(following: str, lex: NumberWords) -> bool:
    """True when a number goes on after a scale word said first ("hundred and one", "hundred point two")."""
    return following in lex.joiners or following in lex.heard_joiners or following in lex.point \
        or following in lex.digits or following in lex.tens


def _with_decimals(words: Sequence[str], value: float, end: int,
                   lex: NumberWords) -> tuple[float, int, bool, str | None]:
    """``value`` ending before words[end], with the decimal part said after it, if any ("one oh one point two")."""
    if (tenths := _decimals(words, end, lex)) is not None:
        return value + tenths[0], tenths[1], True, None
    return value, end, False, None


def _decimals_after_joiner(words: Sequence[str], j: int, lex: NumberWords) -> tuple[float, int] | None:
    """A decimal part after a joiner whose number was lost ("a hundred and point four", a recogniser's or a
    typist's gap): read as the least the reading can be, the decimal added to what was said (100.4 here; whatever
    was lost, the reading was no lower), so a garbled fever is never read as a lower reading."""
    if j >= len(words) or words[j] not in lex.joiners | lex.heard_joiners:
        return None
    return _decimals(words, j + 1, lex)


def _decimals(words: Sequence[str], j: int, lex: NumberWords) -> tuple[float, int] | None:
    """A decimal part after a point word ("point four", "point 4"), as a fraction and the end index."""
    if j >= len(words) or words[j] not in lex.point:
        return None
    digits = ""
    k = j + 1
    while k < len(words):
        if words[k].isdigit():
            digits += words[k]
        elif words[k] in lex.zero or lex.digits.get(words[k], 99) < 10:
            digits += str(lex.digits.get(words[k], 0))
        else:
            break
        k += 1
    return (float(f"0.{digits}"), k) if digits else None


def _tenths(words: Sequence[str], j: int, lex: NumberWords) -> int | None:
    """The tenths digit in "thirty eight nine": one digit word that starts no number of its own."""
    if j >= len(words) or lex.digits.get(words[j], 99) > TENTHS_MAX:
        return None
    after = words[j + 1] if j + 1 < len(words) else ""
    units = lex.units or {}
    if after in units or after in lex.scales or after in lex.point:
        return None  # "thirty two days", "twenty one hundred": not tenths
    return lex.digits[words[j]]


def _fraction_after(words: Sequence[str], j: int, lex: NumberWords) -> tuple[float, int] | None:
    """ "and a half" after a number."""
    fractions = lex.fractions or {}
    joined = words[j] in lex.joiners or words[j] in lex.heard_joiners if j < len(words) else False
    if j + 2 < len(words) and joined and words[j + 1] in lex.one and words[j + 2] in fractions:
        return fractions[words[j + 2]], j + 3
    return None


def _with_unit(words: Sequence[str], quantity: Quantity, lex: NumberWords,
               breaks: Mapping[int, bool] | None = None) -> Quantity:
    """The unit said after a number, and "a minute" after a count, which makes it a rate."""
    units, breaks = lex.units or {}, breaks or {}
    unit, end = quantity.unit, quantity.end
    hour = not quantity.decimal and 1 <= quantity.value <= HOURS_ON_A_CLOCK  # "38.2 tonight" is no time of day
    for phrase, clock_unit in (lex.clock or {}).items() if hour else ():  # longest first, as loaded
        if tuple(words[end:end + len(phrase)]) == phrase:
            return Quantity(quantity.value, quantity.start, end + len(phrase), clock_unit, None, quantity.decimal)
    # "three full days", "two whole weeks": a word of fullness between the number and its unit.
    first = quantity.end + 1 if _filled(words, quantity.end, lex) and quantity.unit is None else quantity.end
    for k in range(first, min(first + UNIT_REACH, len(words))):
        if words[k] not in units or k in breaks:
            break
        unit, end = units[words[k]], k + 1  # the last unit word is the most exact ("degrees celsius")
    if (rate := _per(words, end, lex)) is not None:
        counted = end > quantity.end and words[end - 1] in lex.counts  # "120 times a minute": beats, no unit
        return Quantity(quantity.value, quantity.start, rate[1], None if counted else unit, rate[0], quantity.decimal)
    if unit is None and (rate := _per(words, end + 1, lex)) is not None and words[end] not in units:
        return Quantity(quantity.value, quantity.start, rate[1], None, rate[0], quantity.decimal)  # "50 breaths a minute"
    # "12 breaths in 15 seconds"; "25 times in 30 seconds" too: a count's "times" is no unit of its own.
    counted = end > quantity.end and words[end - 1] in lex.counts
    if (unit is None or counted) and not quantity.decimal and (window := _window(words, end, lex, breaks)) is not None:
        return window_rate(quantity, window)
    return Quantity(quantity.value, quantity.start, end, unit, None, quantity.decimal)


def _filled(words: Sequence[str], at: int, lex: NumberWords) -> bool:
    """True for a word of fullness at ``at`` right before a unit ("full" in "three full days")."""
    return at + 1 < len(words) and words[at] in lex.unit_fillers and words[at + 1] in (lex.units or {})


def window_rate(count: Quantity, window: Quantity) -> Quantity:
    """A count over a window of time as a rate: "12 breaths in 15 seconds" is 12 per 15 seconds."""
    return Quantity(count.value, count.start, window.end, None, window.unit, False, window.value, count.end)


def _window(words: Sequence[str], end: int, lex: NumberWords, breaks: Mapping[int, bool]) -> Quantity | None:
    """ "in 15 seconds" right after a count, or one word on ("24 breaths in 30 seconds"): the window said.

    A span people count over may be said without its unit ("forty-six in fifteen": seconds).
    """
    units = lex.units or {}
    for at in (end, end + 1):
        if at >= len(words) or words[at] not in lex.window or any(i in breaks for i in range(end, at + 2)):
            continue
        number = _number(words, at + 1, lex) if at + 1 < len(words) else None
        if number is None or number[3] is not None:
            continue
        if number[1] < len(words) and words[number[1]] in units:
            return Quantity(number[0], at + 1, number[1] + 1, units[words[number[1]]])
        if (unsaid := (lex.unsaid_windows or {}).get(number[0])) is not None:
            return Quantity(number[0], at + 1, number[1], unsaid)
    return None


def _per(words: Sequence[str], j: int, lex: NumberWords) -> tuple[str, int] | None:
    """ "a minute", "per hour", "in one minute" at ``words[j]``: the time unit id and the end index."""
    units = lex.units or {}
    for phrase in lex.per:
        k = j + len(phrase)
        if tuple(words[j:k]) == phrase and k < len(words) and words[k] in units \
                and not (k + 1 < len(words) and words[k + 1] in lex.ago):
            return units[words[k]], k + 1
    return None
