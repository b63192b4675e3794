"""Reading the number words (a language's) and the threshold table (a topic's) into a MeasureBook."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from voicecare.domain import Status
from voicecare.understanding.measure_tables import Measure, Scale, Threshold, Unit
from voicecare.understanding.measures import MeasureBook
from voicecare.understanding.quantities import NumberWords
from voicecare.understanding.timeline import Calendar

COMPARISONS = ("at_least", "above", "below", "at_most", "down")
NUMBER_KEYS = ("digits", "tens", "scales", "one", "point", "zero", "joiners", "fractions", "per", "units", "unit_first",
               "clock", "cues", "calendar", "sound_alikes", "marks", "window", "heard_joiners", "counts", "ordinals",
               "counting", "counting_spans", "unit_fillers", "count_verbs", "unsaid_windows", "over", "under",
               "decades", "decade_ends")
CALENDAR_KEYS = ("days", "day_unit", "night_unit", "hour_before", "night_words", "day_words", "approximately",
                 "refers_back", "linking",
                 "since", "last", "age_before", "age_after", "ago", "down", "up", "observers", "instruments",
                 "months", "corrections", "exertion", "likened", "names_before", "names_after", "agitation", "rest", "today",
                 "before_today", "clause_ends", "readouts", "change_from", "change_to", "back_refs",
                 "ordinal_ends", "month_start", "usual", "recovered", "continuing", "continuing_after", "from_day", "day_preps",
                 "lowered_by")
MEASURE_KEYS = ("dimension", "low", "high", "scales", "per", "needs_cue", "needs_unit", "unit_is_enough", "deniable", "largest",
                "inherit_unit", "across_sentences", "at_rest", "cue_before", "cue_after", "whole", "point_dropped",
                "counted_after", "hidden_by_medicine")
UNIT_KEYS = ("dimension", "factor", "offset", "age", "by_size", "plain")
THRESHOLD_KEYS = ("measure", "symptom", "status", "alone", "settled_by", *COMPARISONS)
BARE = ("never", "decimal", "any")


class _Problems:
    """Collects ``file: key: what is wrong`` lines instead of stopping at the first."""

    def __init__(self, where: str, problems: list[str]) -> None:
        self.where, self.problems = where, problems

    def add(self, key: str, what: str) -> None:
        self.problems.append(f"{self.where}: {key}: {what}")

    def unknown(self, table: Mapping[str, Any], allowed: tuple[str, ...], key: str) -> None:
        for name in table:
            if name not in allowed:
                self.add(f"{key}.{name}" if key else name, f"unknown key (expected one of: {', '.join(allowed)})")


def _words(table: Mapping[str, Any], key: str, say: _Problems) -> frozenset[str]:
    value = table.get(key, [])
    if not isinstance(value, list) or not all(isinstance(w, str) and w.strip() for w in value):
        say.add(key, "must be a list of words")
        return frozenset()
    return frozenset(w.strip().lower() for w in value)


def _numbers_map(table: Mapping[str, Any], key: str, say: _Problems) -> dict[str, float]:
    value = table.get(key, {})
    if not isinstance(value, dict) or not all(isinstance(v, int | float) for v in value.values()):
        say.add(key, "must be a table of word = number")
        return {}
    return {str(k).lower(): float(v) for k, v in value.items()}


def _counting_spans(table: Mapping[str, Any], unit_ids: set[str], say: _Problems) -> dict[str, float]:
    """``counting_spans = { second = 120 }``: unit id -> the longest span of it a count is taken over."""
    spans: dict[str, float] = {}
    for unit, longest in _table(table, "counting_spans", say).items():
        if unit not in unit_ids:
            say.add(f"counting_spans.{unit}", "unknown unit id")
        elif not isinstance(longest, (int, float)) or isinstance(longest, bool) or longest <= 0:
            say.add(f"counting_spans.{unit}", "must be a positive number")
        else:
            spans[unit] = float(longest)
    return spans


def _unsaid_windows(table: Mapping[str, Any], unit_ids: set[str], say: _Problems) -> dict[float, str]:
    """``unsaid_windows = { second = [15, 30] }``: window size -> the unit it is counted in when said alone."""
    out: dict[float, str] = {}
    for unit, sizes in _table(table, "unsaid_windows", say).items():
        if unit not in unit_ids:
            say.add(f"unsaid_windows.{unit}", "unknown unit id")
        elif not isinstance(sizes, list) or not all(isinstance(n, int | float) for n in sizes):
            say.add(f"unsaid_windows.{unit}", "must be a list of numbers")
        else:
            out.update({float(n): unit for n in sizes})
    return out


def number_words(data: Mapping[str, Any], where: str, problems: list[str]) -> tuple[NumberWords, dict[str, frozenset[str]],
                                                                                     Calendar]:
    """The ``[numbers]`` table of a language: number words, unit words, cue words per measure, calendar words."""
    say = _Problems(where, problems)
    table = data.get("numbers", {})
    if not isinstance(table, dict):
        say.add("numbers", "must be a table")
        table = {}
    say.unknown(table, NUMBER_KEYS, "numbers")
    units: dict[str, str] = {}
    for unit, words in _table(table, "units", say).items():
        for word in _words({unit: words}, unit, say):
            units[word] = unit
    cues = {measure: _words({measure: words}, measure, say) for measure, words in _table(table, "cues", say).items()}
    clock = {tuple(phrase.split()): unit for unit, phrases in _table(table, "clock", say).items()
             for phrase in _words({unit: phrases}, unit, say)}
    calendar_table = _table(table, "calendar", say)
    say.unknown(calendar_table, CALENDAR_KEYS, "numbers.calendar")
    calendar = Calendar(
        days={k: int(v) for k, v in _numbers_map(calendar_table, "days", say).items()},
        day_unit=str(calendar_table.get("day_unit", "")), night_unit=str(calendar_table.get("night_unit", "")),
        **{key: _words(calendar_table, key, say) for key in CALENDAR_KEYS if key not in ("days", "day_unit", "night_unit")},
    )
    lexicon = NumberWords(
        digits={k: int(v) for k, v in _numbers_map(table, "digits", say).items()},
        tens={k: int(v) for k, v in _numbers_map(table, "tens", say).items()},
        scales={k: int(v) for k, v in _numbers_map(table, "scales", say).items()},
        one=_words(table, "one", say), point=_words(table, "point", say), zero=_words(table, "zero", say),
        joiners=_words(table, "joiners", say), heard_joiners=_words(table, "heard_joiners", say),
        fractions=_numbers_map(table, "fractions", say),
        per=tuple(sorted((tuple(p.split()) for p in _words(table, "per", say)), key=lambda p: -len(p))),
        units=units, unit_first=_words(table, "unit_first", say),
        clock=dict(sorted(clock.items(), key=lambda item: -len(item[0]))),
        marks=_words(table, "marks", say), window=_words(table, "window", say),
        counting=_words(table, "counting", say), counting_spans=_counting_spans(table, set(units.values()), say),
        count_verbs=_words(table, "count_verbs", say), unsaid_windows=_unsaid_windows(table, set(units.values()), say),
        beyond={**{tuple(w.split()): 1.0 for w in _words(table, "over", say)},
                **{tuple(w.split()): -1.0 for w in _words(table, "under", say)}},
        decades={k: int(v) for k, v in _numbers_map(table, "decades", say).items()},
        decade_ends=_words(table, "decade_ends", say),
        unit_fillers=_words(table, "unit_fillers", say),
        sound_alikes={k: int(v) for k, v in _numbers_map(table, "sound_alikes", say).items()},
        ago=calendar.ago, counts=_words(table, "counts", say),
        ordinals={k: int(v) for k, v in _numbers_map(table, "ordinals", say).items()},
        ordinal_ends=calendar.ordinal_ends,
    )
    return lexicon, cues, calendar


def _table(table: Mapping[str, Any], key: str, say: _Problems) -> dict[str, Any]:
    value = table.get(key, {})
    if not isinstance(value, dict):
        say.add(key, "must be a table")
        return {}
    return value


def book(lexicon: NumberWords, cues: Mapping[str, frozenset[str]], calendar: Calendar,
         topics: Mapping[str, Mapping[str, Any]], symptoms: set[str], problems: list[str]) -> MeasureBook:
    """One MeasureBook from the language's words and every topic's ``measures.toml`` (keyed by its path)."""
    units: dict[str, Unit] = {}
    measures: dict[str, Measure] = {}
    thresholds: list[Threshold] = []
    for where, data in topics.items():
        say = _Problems(where, problems)
        say.unknown(data, ("units", "measures", "thresholds"), "")
        for unit_id, body in _table(data, "units", say).items():
            units[unit_id] = _unit(unit_id, body, say)
        for measure_id, body in _table(data, "measures", say).items():
            measures[measure_id] = _measure(measure_id, body, cues.get(measure_id, frozenset()), say)
        rows = data.get("thresholds", [])
        if not isinstance(rows, list):
            say.add("thresholds", "must be a list of tables ([[thresholds]])")
            rows = []
        thresholds += [t for i, row in enumerate(rows) if (t := _threshold(i, row, measures, symptoms, say)) is not None]
    for unit_id in (set((lexicon.units or {}).values()) | set((lexicon.clock or {}).values())) - set(units):
        problems.append(f"numbers.units: {unit_id}: no topic says how to convert it (add it to a measures.toml [units])")
    return MeasureBook(lexicon, units, tuple(measures.values()), tuple(thresholds), calendar)


def _unit(unit_id: str, body: Any, say: _Problems) -> Unit:
    if not isinstance(body, dict) or not isinstance(body.get("dimension"), str):
        say.add(f"units.{unit_id}", "needs a dimension")
        return Unit(unit_id, "")
    say.unknown(body, UNIT_KEYS, f"units.{unit_id}")
    return Unit(unit_id, body["dimension"], float(body.get("factor", 1.0)), float(body.get("offset", 0.0)),
                bool(body.get("age", False)), bool(body.get("by_size", False)), bool(body.get("plain", False)))


def _measure(measure_id: str, body: Any, cues: frozenset[str], say: _Problems) -> Measure:
    if not isinstance(body, dict) or not isinstance(body.get("dimension"), str):
        say.add(f"measures.{measure_id}", "needs a dimension")
        return Measure(measure_id, "")
    say.unknown(body, MEASURE_KEYS, f"measures.{measure_id}")
    scales = []
    for scale in body.get("scales", []):
        if not isinstance(scale, dict) or scale.get("bare", "never") not in BARE or "unit" not in scale:
            say.add(f"measures.{measure_id}.scales", f"each needs unit, low, high and bare ({', '.join(BARE)})")
            continue
        scales.append(Scale(str(scale["unit"]), float(scale.get("low", 0)), float(scale.get("high", 0)),
                            str(scale.get("bare", "never"))))
    needs_cue = bool(body.get("needs_cue", True))
    if needs_cue and not cues and not scales:
        say.add(f"measures.{measure_id}", "no cue words in the language's [numbers.cues] and no scales: never read")
    return Measure(
        measure_id, body["dimension"], cues, int(body.get("cue_before", 6)), int(body.get("cue_after", 4)),
        float(body.get("low", float("-inf"))), float(body.get("high", float("inf"))), tuple(scales),
        body.get("per"), needs_cue, needs_unit=bool(body.get("needs_unit", False)),
        unit_is_enough=bool(body.get("unit_is_enough", True)),
        deniable=bool(body.get("deniable", True)), largest=bool(body.get("largest", False)),
        inherit_unit=bool(body.get("inherit_unit", False)), across_sentences=bool(body.get("across_sentences", False)),
        at_rest=bool(body.get("at_rest", False)), whole=bool(body.get("whole", False)),
        point_dropped=bool(body.get("point_dropped", False)),
        counted_after=bool(body.get("counted_after", False)),
        hidden_by_medicine=bool(body.get("hidden_by_medicine", False)),
    )


def _threshold(index: int, row: Any, measures: Mapping[str, Measure], symptoms: set[str],
               say: _Problems) -> Threshold | None:
    key = f"thresholds[{index}]"
    if not isinstance(row, dict):
        say.add(key, "must be a table")
        return None
    say.unknown(row, THRESHOLD_KEYS, key)
    compare = [c for c in COMPARISONS if c in row]
    problems_before = len(say.problems)
    if row.get("measure") not in measures:
        say.add(key, f"measure: unknown measure {row.get('measure')!r}")
    if row.get("symptom") not in symptoms:
        say.add(key, f"symptom: unknown symptom {row.get('symptom')!r}")
    if not compare or len(compare) > 2 or ("down" in compare and len(compare) > 1):
        say.add(key, f"needs one of {', '.join(COMPARISONS)}, or two limits ('at_least' and 'below')")
    status = row.get("status", "present")
    if status not in (Status.PRESENT.value, Status.ABSENT.value):
        say.add(key, "status: must be present or absent")
    alone = row.get("alone", False)
    if not isinstance(alone, bool) or (alone and status != Status.ABSENT.value):
        say.add(key, "alone: must be true or false, and true only on an absent row")
    settled_by = _words(row, "settled_by", say) if "settled_by" in row else frozenset()
    if settled_by and not alone:
        say.add(key, "settled_by: only with alone = true")
    if len(say.problems) > problems_before:
        return None
    value = row[compare[0]]
    also = tuple((c, float(row[c])) for c in compare[1:])
    return Threshold(str(row["measure"]), str(row["symptom"]), compare[0],
                     0.0 if compare[0] == "down" else float(value), Status(status), also, alone, settled_by)
