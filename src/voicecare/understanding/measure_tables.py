"""What a number can measure (units, scales, measures) and the rows of a topic's table that say what a reading means."""

from __future__ import annotations

from dataclasses import dataclass

from voicecare.domain import Status

ROUND = 6
"""Readings are compared after rounding, so 100.4 F is exactly 38.0 C."""


@dataclass(frozen=True)
class Unit:
    """How a unit turns into its measure's base unit: ``base = (value + offset) * factor``."""

    id: str
    dimension: str
    factor: float = 1.0
    offset: float = 0.0
    age: bool = False
    """True for months and years: "he is 14 months" gives an age, not a duration."""
    by_size: bool = False
    """True when the unit names no scale ("degrees"): the number's size says which."""
    plain: bool = False
    """True for a word that only counts ("times"): the number stays a bare one for any measure taking those
    ("breathing 60 times in a minute"), and counts for measures needing this unit ("the cramp three times today")."""


@dataclass(frozen=True)
class Scale:
    """What a number without a scale means, by its size ("37.5" is celsius, "101" fahrenheit)."""

    unit: str
    low: float
    high: float
    bare: str = "never"
    """Whether a number alone, with no cue word, is this reading: "never", "decimal" or "any"."""


@dataclass(frozen=True)
class Measure:
    """Something a number can measure, and the words that say which."""

    id: str
    dimension: str
    cues: frozenset[str] = frozenset()
    """Words that say a number is this measure ("pulse", "thermometer")."""
    cue_before: int = 6
    """How many words before the number a cue may stand."""
    cue_after: int = 4
    low: float = float("-inf")
    high: float = float("inf")
    """Plausible readings in base units; anything else is another kind of number."""
    scales: tuple[Scale, ...] = ()
    per: str | None = None
    """For rates, the time unit the base is counted per ("minute")."""
    needs_cue: bool = True
    """False when the unit alone says it (any duration is a duration)."""
    deniable: bool = True
    """False when a "not" near the number denies something else: "hasn't pooed for five days" still lasted."""
    unit_is_enough: bool = True
    """False when even with its unit a number needs a cue word ("3 am" is a waking only near "woke")."""
    needs_unit: bool = False
    """True when a number counts only with one of the measure's units ("2 am", never a bare "2")."""
    at_rest: bool = False
    """True when the table holds only at rest: a reading said with exertion ("while running") is not judged."""
    across_sentences: bool = False
    """True when a cue word may stand in the sentence before ("The spasm won't let go. It's been an hour.")."""
    whole: bool = False
    """True for counts (beats, breaths): a number with a decimal part ("38.9") is never one."""
    inherit_unit: bool = False
    """True when a bare number soon after a reading takes its unit ("13 kilos, now 12")."""
    largest: bool = False
    """True when a reading over the line counts wherever it was said ("38.5 this morning, 37.2 after medicine";
    "2 days for the leg, a week for the back"), unless a later normal reading corrects it ("38.5, sorry, 37.5")."""
    hidden_by_medicine: bool = False
    """True when a medicine named in the description (``Calendar.lowered_by``) may be what brought the sign down: a
    sign of this measure said as over today with one named is the sign now ("102 this morning, normal now after
    tylenol": the medicine hides it, outside review 21 F3); one said as long gone ("last week") stays over."""
    counted_after: bool = False
    """True for a count of things named after their number ("6 wet nappies"): a cue word before a number names it
    ("wet nappies 2 today") unless another number stands right before the cue ("5 wet, 2 dirty": the 5's)."""
    point_dropped: bool = False
    """True when a reading is said to one decimal, so that digits run together with a cue word near ("temp 1016",
    "395 on the strip") are read with the point put back (101.6, 39.5)."""


@dataclass(frozen=True)
class Threshold:
    """A row of a topic's table: a reading that means a symptom."""

    measure: str
    symptom: str
    compare: str
    """"at_least", "above", "below", "at_most" or "down" (a loss, said or seen between two readings)."""
    value: float = 0.0
    status: Status = Status.PRESENT
    """What holding means: present, or absent ("a lower temperature alone is not a fever")."""
    also: tuple[tuple[str, float], ...] = ()
    """More limits that must hold too (a cramp of an hour or more, "below" a day)."""
    alone: bool = False
    """True for an absent row that holds only for a reading said alone: the caregiver's own word of the sign
    ("a fever of 100.2", "feels hot, 99.8") outweighs it (when in doubt, the higher level)."""
    settled_by: frozenset[str] = frozenset()
    """Words of the sign that the reading settles even so: they name the reading or a mild warmth ("has a
    temperature of 37.5", "felt a bit warm so I checked, 37.3")."""

    def holds(self, reading: float) -> bool:
        """Whether a reading in base units meets this row."""
        reading = round(reading, ROUND)
        return all({
            "at_least": reading >= value, "above": reading > value,
            "below": reading < value, "at_most": reading <= value,
        }.get(compare, False) for compare, value in ((self.compare, self.value), *self.also))
