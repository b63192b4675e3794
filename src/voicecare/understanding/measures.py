"""Readings that decide a symptom by their size: a temperature, a heart or breathing rate, a duration, a weight.

Which measure a number belongs to comes from the unit said with it or the
nearest cue word ("pulse 55", "fifty breaths a minute"); the threshold table
of a topic says which symptom a reading means ("38.0 celsius or more: fever").
A reading then becomes an ordinary mention, whose status comes from context,
so "no fever, 37.2" denies nothing new and "what if it reaches 39" is a what-if.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field

from voicecare.domain import Match, Status
from voicecare.understanding import context, quantities, said_numbers, when_taken
from voicecare.understanding.measure_tables import Measure as Measure
from voicecare.understanding.measure_tables import Threshold, Unit
from voicecare.understanding.quantities import NumberWords, Quantity
from voicecare.understanding.timeline import Calendar, weekday_spans
from voicecare.understanding.when_taken import State

DURATION = "duration"
"""The dimension of time spans: the code knows ages, "ago" and rates ("a minute") by it."""
RATE = "rate"
"""The dimension of a count per time span ("fifty a minute")."""
SLOWEST_RATE_PER = 1.0
"""The longest time unit, in days, a rate is counted per: "11.9 kilos in a month" says how long a loss took."""
INHERIT_REACH = 10
"""A bare number this close after a reading may take its unit ("13 kilos, now 12")."""
INHERIT_RATIO = 0.5
"""...if it is within this share of the reading's size."""
UNIT_REACH = 16
"""A bare number this close after a reading of a measure that lends its unit takes it: a weight then and now is
told with the when between ("twenty eight pounds at his checkup two months ago and today the scale says twenty six")."""
CORRECTION_AFTER = 6
"""A correction may also follow the corrected reading ("37.2, I read it wrong")."""
CORRECTION_REACH = 12
"""How many words a self-correction may stand between a reading and the one that replaces it."""
DOWN_REACH = 3
"""How many words before a weight a word of loss or gain may stand ("lost a kilo", "put on half a kilo")."""
NAME_REACH = 2
"""How many words after a bare number a word of a name may stand ("101 chestnut drive")."""
COMMA_COST = 2
"""A comma between a number and a cue word counts as this many words."""
AFTER_COST = 1
"""A cue word after a number counts as this many words further: a reading is said after what it measures
("heart rate one eighteen breathing normal": the 118 is the heart's, and "breathing" opens what comes next)."""
INSTRUMENT_REACH = 5
"""How close a device word must be for a reading to count as one taken ("on the forehead scanner")."""
USUAL_REACH = 4
"""How close before a number a word of the usual must be ("usually 6", "normally it is about 105")."""
AGO_REACH = 4
"""How far after a reading "ago" may stand to make it an earlier one ("13.8 kilos a month ago")."""
NEXT_REACH = 2
"""How soon after a cue word another number makes the cue that number's ("resp rate 28": the "rate" between)."""
COUNT_REACH = 3
"""How far before a bare number a verb of counting may stand for it to be a count ("I counted it at 172")."""


@dataclass(frozen=True)
class MeasureBook:
    """Everything needed to read numbers in one language for one set of topics."""

    numbers: NumberWords
    units: Mapping[str, Unit] = field(hash=False)
    measures: tuple[Measure, ...]
    thresholds: tuple[Threshold, ...]
    calendar: Calendar = field(default_factory=Calendar)
    today: int | None = None
    """Weekday (Monday 0) for "since Sunday" said alone; None reads the clock when needed."""

    def matches(self, words: Sequence[str], where: context.Scene, judged: context.Scene | None = None) -> list[Match]:
        """Every threshold met by a number in ``words``, as mentions with a context status.

        ``judged`` is the scene whose breaks bound the cues (guessed sentence ends in a
        recogniser's text); ``where`` keeps the text's own, which link numbers to what they measure.
        """
        found: list[Match] = []
        readings = list(self._readings(words, where))
        for quantity, measure, base in readings:
            if self._usual(quantity, words):
                continue  # "usually 6": what is normal for this child, the baseline of a drop, no reading now
            for row in self.thresholds:
                if row.measure != measure.id or not self._meets(row, quantity, measure, base, words, readings, where):
                    continue
                if row.status is Status.ABSENT and when_taken.lowered(quantity, words, where.breaks, self.calendar):
                    break  # "37.5 after calpol": brought down by medicine, it denies no fever (nor undoes a 39)
                status, hedged = self._status(quantity, words, judged or where)
                if status is Status.ABSENT and (not measure.deniable or (
                        row.status is Status.PRESENT and _denied_over_a_break(quantity, where))):
                    status = Status.PRESENT
                if status is Status.PAST and (words[quantity.start] in self.calendar.since
                                              or when_taken.lasts(quantity, words, where, self.calendar)):
                    status = Status.PRESENT  # "since Wednesday of last week", "3 days ago ... since then": until now
                if row.status is Status.ABSENT:
                    if status not in (Status.PRESENT, Status.ABSENT):
                        continue  # someone else's, a what-if or a past normal reading says nothing now
                    status = Status.ABSENT  # "wait no, that was 37.5": a correction is still a normal reading
                found.append(Match(symptom=row.symptom, status=status, score=100.0,
                                   heard=" ".join(words[quantity.start:quantity.end]), start=quantity.start,
                                   end=quantity.end, uncertain=hedged))
                break
        return _largest_wins(found, readings, words, where, self.calendar)

    def outweighed(self) -> dict[str, frozenset[str]]:
        """Signs whose lower reading counts only said alone, with the words the reading settles even so: the
        caregiver's own word of the sign, said for this child, outweighs it ("a fever of 100.2", "she feels hot,
        99.8": when in doubt, the higher level); "has a temperature of 37.5" names the reading."""
        return {row.symptom: row.settled_by for row in self.thresholds if row.alone}

    def hidden_by_medicine(self) -> frozenset[str]:
        """Signs a medicine named with them may have brought down ("normal now after tylenol" is still a fever)."""
        hidden = {m.id for m in self.measures if m.hidden_by_medicine}
        return frozenset(row.symptom for row in self.thresholds
                         if row.measure in hidden and row.status is Status.PRESENT)

    def _status(self, quantity: Quantity, words: Sequence[str], where: context.Scene) -> tuple[Status, bool]:
        """The context status of a reading; "I've got 39.4 on the scanner" is the child's reading, taken by me."""
        span = range(quantity.start, quantity.end)
        where = context.without_since(where)  # a count or a reading said, "none since" is no more of them: still so
        # "below 60", "lower than 70": the reading's own words, no denial of it ("below the fever line" is one).
        own = quantities.beyond_words(words, quantity.start, self.numbers)
        status, hedged = context.status_of(where, quantity.start, quantity.end, span, negation_inside=False)
        if status is Status.ABSENT and own:
            status, hedged = context.status_of(where, quantity.start, quantity.end, span, negation_inside=False,
                                               blocked=own)
        if status is Status.PRESENT and when_taken.in_a_named_month(quantity, words, where, self.calendar):
            return Status.PAST, hedged
        near = words[max(0, quantity.start - INSTRUMENT_REACH):quantity.end + INSTRUMENT_REACH]
        # A rate was counted by someone ("over half a minute I got 26 breaths", "I got 50 breaths a minute"), as a
        # device's reading was taken.
        if status is not Status.OTHER or not (self.calendar.instruments.intersection(near) or quantity.per):
            return status, hedged
        observers = {i for c in where.cues
                     if c.trigger.status is Status.OTHER and where.words[c.start] in self.calendar.observers
                     for i in range(c.start, c.end)}  # a cue counts as blocked only when all its words are
        return context.status_of(where, quantity.start, quantity.end, span, negation_inside=False,
                                 blocked=observers | set(own))

    def _meets(self, row: Threshold, quantity: Quantity, measure: Measure, base: float, words: Sequence[str],
               readings: Sequence[tuple[Quantity, Measure, float]], where: context.Scene) -> bool:
        if row.compare != "down":
            return row.holds(base)
        said = set(words[max(0, quantity.start - DOWN_REACH):quantity.start])
        if said & self.calendar.up:
            return False
        if said & self.calendar.down:
            return True
        usual = [b for q, m, b in readings if m.id == measure.id and self._usual(q, words)]
        if usual:
            return base < usual[0]  # "4 wet nappies today, usually 6": fewer than usual
        # A reading said as from before is compared only with those from before it ("was 11 last month, now 12").
        then = self._earlier(quantity, words, where)
        before = [b for q, m, b in readings if m.id == measure.id and q.end <= quantity.start
                  and not (then and not self._earlier(q, words, where))]
        # "12.9 kilos now; the clinic had him at 13.8 a month ago": said after, but from before.
        before += [b for q, m, b in readings if m.id == measure.id and q.start >= quantity.end and self._earlier(q, words, where)]
        return bool(before) and base < before[-1]

    def _earlier(self, quantity: Quantity, words: Sequence[str], where: context.Scene) -> bool:
        """True for a reading said as from before: "13.8 a month ago", "she's 11 kilos, was 12 last month".

        Its own context says so (a time gone by, ``context``'s past); someone else's reading is no earlier one of the
        child's ("her brother was 12 last month").
        """
        status = self._status(quantity, words, where)[0]
        if status in (Status.OTHER, Status.HYPOTHETICAL):
            return False  # someone else's weight, or one that may come, is no earlier one of the child's
        if self._ago(quantity, words) or status is Status.PAST:
            return True
        if self.calendar.last.intersection(words[quantity.end:quantity.end + AGO_REACH]):
            return True  # "it was 12 at her last check"
        # "at clinic two months ago 12.6 kg": the time said right before the reading, in its clause.
        lead = range(max(0, quantity.start - AGO_REACH), quantity.start)
        return any(words[i] in self.calendar.ago and not any(j in where.breaks for j in range(i + 1, quantity.start + 1))
                   for i in lead)

    def _ago(self, quantity: Quantity, words: Sequence[str]) -> bool:
        """True for a reading said as from some time ago ("13.8 a month ago", "13.8 kilos three weeks ago")."""
        return bool(self.calendar.ago.intersection(words[quantity.end:quantity.end + AGO_REACH]))

    def _usual(self, quantity: Quantity, words: Sequence[str]) -> bool:
        """True for a reading said as what is usual ("usually 6", "instead of the usual 6")."""
        return bool(self.calendar.usual.intersection(words[max(0, quantity.start - USUAL_REACH):quantity.start]))

    def _readings(self, words: Sequence[str], where: context.Scene) -> list[tuple[Quantity, Measure, float]]:
        out: list[tuple[Quantity, Measure, float]] = []
        said = list(quantities.read(words, self.numbers, where.breaks))
        said += weekday_spans(words, self.calendar, self.today, where.breaks, self.numbers.units)
        said = said_numbers.from_to(said, words, self.calendar)
        starts = frozenset(q.start for q in said)
        ends = frozenset(q.end for q in said)
        for quantity in said:
            quantity = self._over_a_span(quantity)
            if quantity.unit is None and quantity.per is None and self._names(quantity, words, where):
                continue  # "we live at one oh one Chestnut Drive": an address, not a temperature
            if said_numbers.bare_age(quantity, words, self.calendar, where.rules.child_pronouns):
                continue  # "he weighs 13 kilos, he is 2": the child's age, no weight of 2
            # The nearest reading whose unit a bare number may take: "13.8 kilos a month ago, now 12.9" (not the month).
            heir = next((r for r in reversed(out) if r[1].inherit_unit), None)
            if quantity.unit is None and quantity.per is None and heir and _inherits(quantity, heir[0], heir[1]):
                quantity = Quantity(quantity.value, quantity.start, quantity.end, heir[0].unit, None, quantity.decimal)
            if said_numbers.night_hour(quantity, words, self.calendar):  # "drops off fine, then at about 2 he's awake crying"
                quantity = Quantity(quantity.value, quantity.start, quantity.end, self.calendar.night_unit)
            unit = self.units.get(quantity.unit) if quantity.unit else None
            if unit is not None and unit.dimension == DURATION and not self._is_duration(quantity, unit, words, where) \
                    and not when_taken.lasts(quantity, words, where, self.calendar):
                continue
            measures = self._measures_of(quantity, unit, words, where, starts, ends)
            if not measures and heir and heir[0].unit is None and quantity.unit is None and quantity.per is None \
                    and _inherits(quantity, heir[0], heir[1]):
                measures = [heir[1]]  # "he weighs 13.1 now, at his checkup in June he was 13.9": a weight too
            corrects = bool(out) and self._corrects(out[-1][0], quantity, words)
            if quantity.windowed and not measures and not (corrects and out[-1][1].dimension == RATE):
                quantity = quantity.plain()  # "it went up to 101 in 2 hours": no rate was counted
                measures = self._measures_of(quantity, None, words, where, starts, ends)
            if not measures and (changed := self._changed_from(quantity, words, out, where)) is not None:
                measures = [changed]  # "from 6 wet nappies a day to 3", "170 screaming but 120 once calm": the same
            if not measures and (again := self._counted_again(quantity, words, out)) is not None:
                measures = [again]  # "the nurse said 110. Just now ... I counted 172": the heart counted again
            if corrects:
                earlier, measure = out[-1][0], out[-1][1]
                if not measures:
                    measures = [measure]  # "a hundred and twenty... no, I counted again, two hundred": still the heart
                if measure in measures:
                    out = [r for r in out if r[0] is not earlier]  # the later statement wins (rule 9)
            held = len(out)
            for measure in measures:
                if measure.at_rest and when_taken.exerted(quantity, words, where.breaks, self.calendar):
                    continue
                base = self._base(quantity, unit, measure)
                if base is not None and measure.low <= base <= measure.high:
                    out.append((quantity, measure, base))
            if len(out) == held and (unit is None or unit.by_size):
                out += self._point_dropped(quantity, unit, words, where, starts, out)  # "temp 1016" is 101.6
        return self._at_rest_first(out, words, where)

    def _over_a_span(self, quantity: Quantity) -> Quantity:
        """A reading said with the days or months a change took ("from 12.4 kilos to 11.9 in a month") as itself.

        Rates are counted per minute or so; "per month" is how long something took, and a weight or a temperature
        said with it is still that reading.
        """
        per = self.units.get(quantity.per) if quantity.per else None
        unit = self.units.get(quantity.unit) if quantity.unit else None
        if per is None or per.dimension != DURATION or per.factor < SLOWEST_RATE_PER or quantity.windowed \
                or (unit is not None and unit.dimension == DURATION):
            return quantity  # "3 days a week" at nursery is how often, no span lasting until now
        return Quantity(quantity.value, quantity.start, quantity.end, quantity.unit, None, quantity.decimal)

    def _point_dropped(self, quantity: Quantity, unit: Unit | None, words: Sequence[str], where: context.Scene,
                       starts: frozenset[int], earlier: Sequence[tuple[Quantity, Measure, float]],
                       ) -> list[tuple[Quantity, Measure, float]]:
        """A number no measure holds, read with its decimal point put back when a cue word of a measure said to one
        decimal stands near ("his temperature is 1016" is 101.6: the policy table's "digits or words"), or when it
        is read off a device after a reading of that measure ("it was like 99 ... now it says 1016")."""
        pointed = said_numbers.point_put_back(quantity, words)
        dropped = [m for m in self.measures if m.point_dropped]
        if pointed is None or not dropped:
            return []
        readout = said_numbers.readout(pointed, words, self.calendar)
        measure = _nearest_cue(dropped, pointed, words, where, starts, readout)
        if measure is None and readout:
            measure = next((m for _, m, _ in reversed(earlier) if m.point_dropped), None)
        base = None if measure is None else self._base(pointed, unit, measure)
        return [] if measure is None or base is None or not measure.low <= base <= measure.high else [(pointed, measure, base)]

    def _at_rest_first(self, out: list[tuple[Quantity, Measure, float]], words: Sequence[str],
                       where: context.Scene) -> list[tuple[Quantity, Measure, float]]:
        """ "170 while he was screaming but 120 once he calmed down": with a resting reading, the crying one gives way.

        Said alone, a rate taken while crying still counts: a child crying in pain is not at
        ease, and doubt escalates (rule 4); the table is for a child at rest.
        """
        states = {id(q): when_taken.state(q, words, where.breaks, self.calendar) for q, m, _ in out if m.at_rest}
        resting = {m.id for q, m, _ in out if states.get(id(q)) is State.REST}
        return [r for r in out if not (r[1].id in resting and states.get(id(r[0])) is State.AGITATED)]

    def _changed_from(self, quantity: Quantity, words: Sequence[str], out: Sequence[tuple[Quantity, Measure, float]],
                      where: context.Scene) -> Measure | None:
        """The measure of a reading said just before, for a bare number that says how it changed.

        "from 6 wet nappies a day to 3": the 3 counts nappies; "170 while screaming but 120
        once he calmed down": the 120 is the same rate, taken in another state.
        """
        if quantity.unit is not None or quantity.per is not None or not quantity.start:
            return None
        if out and out[-1][1].at_rest and quantity.start - out[-1][0].end <= INHERIT_REACH \
                and when_taken.state(quantity, words, where.breaks, self.calendar) is not None:
            return out[-1][1]
        if words[quantity.start - 1] not in self.calendar.change_to and not self._usual(quantity, words):
            return None
        for earlier, measure, _ in reversed(out):
            said_from = earlier.start and words[earlier.start - 1] in self.calendar.change_from
            if (said_from or self._usual(quantity, words)) and quantity.start - earlier.end <= INHERIT_REACH:
                return measure
        return None

    def _counted_again(self, quantity: Quantity, words: Sequence[str],
                       out: Sequence[tuple[Quantity, Measure, float]]) -> Measure | None:
        """The rate read last before a bare number counted with no name of its own, in any sentence before.

        "Her heart rate was normal at the clinic, the nurse said 110. Just now at home I counted 172": the caregiver
        counted what was counted before (understand57, #7, batch_bn). A number said without a verb of counting
        ("she is 2"), or with its own unit, is left as it was.
        """
        if quantity.unit is not None or quantity.per is not None \
                or not self.numbers.count_verbs.intersection(words[max(0, quantity.start - COUNT_REACH):quantity.start]):
            return None
        return next((measure for _, measure, _ in reversed(out) if measure.dimension == RATE), None)

    def _names(self, quantity: Quantity, words: Sequence[str], where: context.Scene) -> bool:
        """True when a bare number is part of a name: an address, a room, a bus ("live at 101", "101 Main Street")."""
        calendar = self.calendar
        one = words[quantity.start - 1] if quantity.start else ""
        two = " ".join(words[max(0, quantity.start - 2):quantity.start])
        if one in calendar.names_before or two in calendar.names_before:
            return True
        after = range(quantity.end, min(len(words), quantity.end + NAME_REACH))
        return any(words[i] in calendar.names_after and not any(j in where.breaks for j in range(quantity.end, i + 1))
                   for i in after)

    def _corrects(self, earlier: Quantity, later: Quantity, words: Sequence[str]) -> bool:
        """True when a self-correction ("no, hang on", "sorry, I misread it") stands between two readings."""
        between = words[earlier.end:later.start]
        return len(between) <= CORRECTION_REACH and bool(self.calendar.corrections.intersection(between))

    def _measures_of(self, quantity: Quantity, unit: Unit | None, words: Sequence[str],
                     where: context.Scene, starts: frozenset[int] = frozenset(),
                     ends: frozenset[int] = frozenset()) -> list[Measure]:
        """What a number measures: any measure its unit alone says, and the one its nearest cue word names.

        "three hours" is a duration; with "cramp" near it, it is also how long a cramp lasted.
        """
        dimension = RATE if quantity.per else unit.dimension if unit else None
        bare = dimension is None or (unit is not None and unit.plain and not quantity.per)
        # A number said without a unit is never a span of time: "101.2, back spasm" is no cramp of 101 days.
        candidates = [m for m in self.measures if (m.dimension == dimension
                      or (bare and not m.needs_unit and m.dimension != DURATION))
                      and not (m.whole and quantity.decimal)]
        chosen = [m for m in candidates if dimension is not None and not m.needs_cue]
        # A bare number goes to a cue whose measure can hold it: in "pulse ox reads 87" the nearest cue ("reads",
        # a thermometer's word) cannot be 87 degrees, the oximeter's can.
        cued = [m for m in candidates if m.needs_cue and (dimension is not None or _holds(m, quantity.value))]
        # A rate ("fifty something in a minute") is only ever a rate: its cue may stand anywhere in the sentence.
        far = dimension == RATE or said_numbers.readout(quantity, words, self.calendar)
        if dimension not in (None, RATE) and not chosen and len(cued) == 1 and cued[0].unit_is_enough:
            chosen.append(cued[0])  # "12 kilos", "101 degrees": the unit says it
        elif (near := _nearest_cue(cued, quantity, words, where, starts, far, self.numbers.one, ends)) is not None:
            chosen.append(near)
        if not chosen and (unit is None or unit.by_size) and not quantity.per:
            chosen += [m for m in [self._bare(quantity)] if m is not None]
        if not chosen and dimension == RATE:
            # A count no cue names, that only one rate can be ("ninety in thirty seconds" is no breathing rate).
            holding = [m for m in cued if (base := self._base(quantity, unit, m)) is not None and m.low <= base <= m.high]
            chosen += holding if len(holding) == 1 else []
        return chosen

    def _is_duration(self, quantity: Quantity, unit: Unit, words: Sequence[str], where: context.Scene) -> bool:
        """False for a point in time ("two weeks ago") and an age ("she is 3 years", "my daughter 3 years")."""
        before = words[quantity.start - 1] if quantity.start else ""
        after = words[quantity.end] if quantity.end < len(words) else ""
        # Right after the child named, years or months are the child's age: "my daughter 3 years has a sore back".
        named = before in where.rules.child_nouns
        if unit.age and (before in self.calendar.age_before or after in self.calendar.age_after or named):
            return False
        return after not in self.calendar.ago and after not in self.calendar.age_after

    def _bare(self, quantity: Quantity) -> Measure | None:
        """A number said alone: a temperature if its size and form say so ("38.4", "a hundred and two")."""
        for measure in self.measures:
            for scale in measure.scales:
                fits = scale.low <= quantity.value <= scale.high
                if fits and (scale.bare == "any" or (scale.bare == "decimal" and quantity.decimal)):
                    return measure
        return None

    def _base(self, quantity: Quantity, unit: Unit | None, measure: Measure) -> float | None:
        if unit is None or unit.dimension != measure.dimension or unit.by_size:
            scale = next((s for s in measure.scales if s.low <= quantity.value <= s.high), None)
            if measure.scales and scale is None:
                return None
            unit = self.units.get(scale.unit) if scale else None
        value = quantity.value if unit is None else (quantity.value + unit.offset) * unit.factor
        if quantity.per and measure.per:
            per, wanted = self.units.get(quantity.per), self.units.get(measure.per)
            if per is None or wanted is None or per.dimension != DURATION:
                return None
            # "100 an hour" is not "100 a minute"; "12 in 15 seconds" is 48 a minute
            value /= per.factor * quantity.per_count / wanted.factor
        return value


def _denied_over_a_break(quantity: Quantity, where: context.Scene) -> bool:
    """True when the nearest denial before a reading stands beyond a comma or full stop.

    A denial runs on over a comma as a list of signs ("no fever, chills or
    cough"), but a reading over the line is a sign said anew: "no fever
    yesterday, today 39.1" is a fever (rule 9, the later statement wins).
    """
    denials = [c for c in where.cues if c.trigger.status is Status.ABSENT and c.end <= quantity.start]
    if not denials:
        return False
    nearest = max(denials, key=lambda c: c.end)
    return any(i in where.breaks for i in range(nearest.end, quantity.start + 1))


def _inherits(quantity: Quantity, earlier: Quantity, measure: Measure) -> bool:
    """ "13 kilos, now 12": a bare number close after a reading, and close to it in size, shares its unit.

    "13 kilos, she is 2" does not: a number far from the reading is something else (an age).
    """
    near = quantity.start - earlier.end <= UNIT_REACH
    alike = abs(quantity.value - earlier.value) <= INHERIT_RATIO * earlier.value
    return measure.inherit_unit and near and alike


def _largest_wins(found: list[Match], readings: Sequence[tuple[Quantity, Measure, float]], words: Sequence[str],
                  where: context.Scene, calendar: Calendar) -> list[Match]:
    """For measures where the largest reading counts, a normal reading undoes one over the line only as a correction,
    or as today's reading after an earlier day's ("38.5 yesterday but 36.9 today": rule 9, the later one wins)."""
    largest = {(q.start, q.end) for q, m, _ in readings if m.largest}
    mine = [m for m in found if (m.start, m.end) in largest]
    drop: set[int] = set()
    for low in (m for m in mine if m.status is Status.ABSENT):
        for high in (m for m in mine if m.status is Status.PRESENT and m.symptom == low.symptom):
            corrected = high.end <= low.start and (
                bool(calendar.corrections.intersection(words[high.end:low.end + CORRECTION_AFTER]))
                or when_taken.replaced_by_today(Quantity(0.0, high.start, high.end), Quantity(0.0, low.start, low.end),
                                                words, where.breaks, calendar))
            drop.add(id(high) if corrected else id(low))
    return [m for m in found if id(m) not in drop]


def _nearest_cue(candidates: Sequence[Measure], quantity: Quantity, words: Sequence[str], where: context.Scene,
                 starts: frozenset[int] = frozenset(), readout: bool = False,
                 ones: frozenset[str] = frozenset(), ends: frozenset[int] = frozenset()) -> Measure | None:
    """The measure whose cue word stands nearest the number, before it winning a tie; none past a full stop.

    A cue after the number that another number follows at once (or a word on) names that one: in "110
    resting, breathing 24" or "heart rate 120 resp rate 28" the first number is no breathing rate
    (``starts``: where the numbers said begin). After a device's readout ("it says 190") a cue
    reaches back to the start of the sentence.
    """
    best: tuple[bool, int, int, Measure] | None = None
    for measure in candidates:
        if not measure.needs_cue:
            continue
        for distance, side, index in _around(quantity, measure, len(words), quantity.start if readout else 0):
            names_next = side == 1 and index >= quantity.end and _names_next(index, words, starts, ones)
            # "5 wet, 2 dirty": a thing counted is named after its own number, not before the next one.
            names_before = side == 0 and measure.counted_after and index in ends
            if words[index] not in measure.cues or names_next or names_before:
                continue
            span = range(index + 1, quantity.start + 1) if side == 0 else range(quantity.end, index + 1)
            if not measure.across_sentences and any(where.breaks.get(i, False) for i in span):
                continue
            cost = distance + COMMA_COST * sum(1 for i in span if i in where.breaks) + AFTER_COST * side
            beyond = side == 0 and distance >= measure.cue_before  # reached only over a readout: any nearer cue wins
            if best is None or (beyond, cost, side) < best[:3]:
                best = (beyond, cost, side, measure)
            break
    return best[3] if best else None


def _names_next(cue: int, words: Sequence[str], starts: frozenset[int], ones: frozenset[str]) -> bool:
    """True when another number follows a cue word at once, or a word on ("resp rate 28"); a "one" word
    a word on starts a span of its own ("6 wet nappies a day": "a day" is no number the cue names)."""
    return cue + 1 in starts or (cue + NEXT_REACH in starts and words[cue + NEXT_REACH] not in ones)


def _around(quantity: Quantity, measure: Measure, size: int, reach: int = 0) -> list[tuple[int, int, int]]:
    """Positions near a number, nearest first: (distance, 0 before / 1 after, index); ``reach`` may look further back."""
    before = [(d, 0, quantity.start - 1 - d) for d in range(max(measure.cue_before, reach)) if quantity.start - 1 - d >= 0]
    after = [(d, 1, quantity.end + d) for d in range(measure.cue_after) if quantity.end + d < size]
    inside = [(0, 1, i) for i in range(quantity.start + 1, quantity.end)]  # "fifty breaths a minute"
    return sorted(before + after + inside)


def _holds(measure: Measure, value: float) -> bool:
    """True when a number said without a unit fits one of the measure's scales, or its range when it has none
    ("his heart was going 180 while he sat still": no oxygen saturation of 180 for the "sat")."""
    if not measure.scales:
        return measure.low <= value <= measure.high
    return any(scale.low <= value <= scale.high for scale in measure.scales)
