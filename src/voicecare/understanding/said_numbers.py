"""How a bare number is said: as an age, an hour of the night, a unit shared with the next one, a device's readout.

These words of the language (``[numbers.calendar]`` in ``language.toml``) decide what a number is before
``measures`` decides what it measures.
"""

from __future__ import annotations

from collections.abc import Collection, Sequence

from voicecare.understanding.quantities import Quantity
from voicecare.understanding.timeline import Calendar

READOUT_REACH = 2
"""How close before a number a word of a device's readout must be ("it says 190", "it shows about 190")."""
HOURS_ON_A_CLOCK = 12
AGE_MAX = 6
"""The largest bare number said of a toddler ("he is 2") read as an age: no temperature, rate or weight is as small."""


POINT_DROPPED_DIGITS = (3, 4)
"""How many digits a reading said to one decimal has when its point is left out ("395", "1016")."""
DECIMAL_PLACE = 10.0


def point_put_back(quantity: Quantity, words: Sequence[str]) -> Quantity | None:
    """A whole number typed in digits with its decimal point left out, read with it: "1016" is 101.6, "395" is 39.5.

    Only a run of three or four digits with no unit of its own but a size ("1016 degrees"); whether it is a
    reading at all is for the measure's cue words to say (``measures``: only a measure said to one decimal).
    """
    said = words[quantity.start]
    if quantity.decimal or quantity.per or not said.isdigit() or len(said) not in POINT_DROPPED_DIGITS \
            or float(said) != quantity.value:
        return None
    return Quantity(quantity.value / DECIMAL_PLACE, quantity.start, quantity.end, quantity.unit, None, decimal=True)


def _bare(quantity: Quantity) -> bool:
    return quantity.unit is None and quantity.per is None and not quantity.decimal


def bare_age(quantity: Quantity, words: Sequence[str], calendar: Calendar, child_pronouns: Collection[str]) -> bool:
    """True for a small whole number said of the child with no unit ("he is 2", "she's 3"): an age."""
    at = quantity.start
    return _bare(quantity) and quantity.value <= AGE_MAX and at >= 2 and words[at - 1] in calendar.age_before \
        and words[at - 2] in child_pronouns


def night_hour(quantity: Quantity, words: Sequence[str], calendar: Calendar) -> bool:
    """True for a bare hour ("at about 2", "by three") said of a night: a word of the night said, none of the day."""
    if not calendar.night_unit or not _bare(quantity) or not 1 <= quantity.value <= HOURS_ON_A_CLOCK \
            or not quantity.start:
        return False
    said = set(words)
    return words[quantity.start - 1] in calendar.hour_before and bool(said & calendar.night_words) \
        and not said & calendar.day_words


def from_to(said: Sequence[Quantity], words: Sequence[str], calendar: Calendar) -> list[Quantity]:
    """ "gone from 15.0 to 14.3 kilos": a bare number right before "to" and a number with a unit shares that unit."""
    starts = {q.start: q for q in said}

    def unit_of(quantity: Quantity) -> Quantity:
        then = starts.get(quantity.end + 1)
        if quantity.unit is not None or quantity.per is not None or then is None or then.unit is None \
                or quantity.end >= len(words) or words[quantity.end] not in calendar.change_to:
            return quantity
        return Quantity(quantity.value, quantity.start, quantity.end, then.unit, None, quantity.decimal)

    return [unit_of(q) for q in said]


def readout(quantity: Quantity, words: Sequence[str], calendar: Calendar) -> bool:
    """True when a device's readout stands right before a number ("it says 190"): the device may be named far back.

    So may the measure "it" points back at ("counted her pulse at the wrist while she's resting and it's only
    about 55"), words of about-ness skipped.
    """
    if calendar.readouts.intersection(words[max(0, quantity.start - READOUT_REACH):quantity.start]):
        return True
    at = quantity.start - 1
    while at >= 0 and words[at] in calendar.approximately:
        at -= 1
    return at >= 1 and words[at] in calendar.linking and words[at - 1] in calendar.refers_back
