"""Scoring the assistant on a labelled corpus: accuracy, under-triage, emergency recall."""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

from voicecare.app.text_files import CORPUS_BYTES, read_utf8
from voicecare.domain import Level
from voicecare.errors import InputError


@dataclass(frozen=True)
class Case:
    """One labelled utterance."""

    expected: Level
    utterance: str
    line: int


@dataclass(frozen=True)
class Outcome:
    """What the assistant decided for one case."""

    case: Case
    predicted: Level

    @property
    def under_triage(self) -> bool:
        """The family would be told less than the sheet says (larger level = less serious)."""
        return self.predicted > self.case.expected


@dataclass(frozen=True)
class Report:
    """The corpus figures."""

    outcomes: tuple[Outcome, ...]

    def _count(self, keep: Callable[[Outcome], bool]) -> int:
        return sum(1 for o in self.outcomes if keep(o))

    @property
    def accuracy(self) -> float:
        """Share of cases with exactly the expected disposition."""
        return self._count(lambda o: o.predicted == o.case.expected) / max(len(self.outcomes), 1)

    @property
    def under_triage_rate(self) -> float:
        """Share of cases told less than expected."""
        return self._count(lambda o: o.under_triage) / max(len(self.outcomes), 1)

    @property
    def serious_under_triage_rate(self) -> float:
        """Share of expected emergencies and urgent cases told less: the failure that hurts children."""
        serious = self._count(lambda o: o.case.expected <= Level.URGENT)
        return self._count(lambda o: o.case.expected <= Level.URGENT and o.under_triage) / max(serious, 1)

    @property
    def emergency_recall(self) -> float:
        """Share of expected emergencies called emergencies."""
        wanted = self._count(lambda o: o.case.expected is Level.EMERGENCY)
        hit = self._count(lambda o: o.case.expected is Level.EMERGENCY and o.predicted is Level.EMERGENCY)
        return hit / wanted if wanted else 1.0

    @property
    def false_emergency_rate(self) -> float:
        """Share of non-emergency cases wrongly called emergencies."""
        others = self._count(lambda o: o.case.expected is not Level.EMERGENCY)
        wrong = self._count(lambda o: o.case.expected is not Level.EMERGENCY and o.predicted is Level.EMERGENCY)
        return wrong / others if others else 0.0

    def misses(self) -> list[Outcome]:
        """Every case with the wrong disposition."""
        return [o for o in self.outcomes if o.predicted != o.case.expected]

    def confusion(self) -> Counter[tuple[Level, Level]]:
        """(expected, predicted) -> count."""
        return Counter((o.case.expected, o.predicted) for o in self.outcomes)


TEXT_KEYS = ("utterance", "text", "input", "transcript", "said")
LABEL_KEYS = ("expected", "disposition", "label", "level", "expected_disposition")


def read_corpus(path: Path) -> list[Case]:
    """Labelled utterances from TSV (either column order), CSV with a header, or JSON lines.

    TSV: ``disposition<TAB>utterance`` (or the other way round); more
    columns (``expected<TAB>utterance<TAB>why``) are notes, never part of the
    utterance; ``#`` starts a comment. CSV and JSON lines name their fields: the utterance as
    utterance/text/input, the label as expected/disposition/label.
    """
    text = read_utf8(path, "a labelled corpus (disposition<TAB>utterance per line)", noun="the corpus", limit=CORPUS_BYTES)
    cases = list(_csv_cases(path, text)) if path.suffix.lower() == ".csv" else list(_cases(path, text.splitlines()))
    if not cases:  # a score of nothing would read as 100% emergency recall
        raise InputError(f"{path}: no labelled utterances; give disposition<TAB>utterance per line")
    return cases


def _case(path: Path, number: int, label: str, utterance: str) -> Case:
    try:
        return Case(Level.parse(label), utterance.strip(), number)
    except ValueError as exc:
        raise InputError(f"{path}:{number}: {exc}") from None


def _from_record(path: Path, number: int, record: dict[str, object]) -> Case:
    text = next((str(record[k]) for k in TEXT_KEYS if k in record), None)
    label = next((str(record[k]) for k in LABEL_KEYS if k in record), None)
    if text is None or label is None:
        raise InputError(f"{path}:{number}: needs an utterance ({'/'.join(TEXT_KEYS)}) "
                         f"and a label ({'/'.join(LABEL_KEYS)})")
    return _case(path, number, label, text)


def _csv_cases(path: Path, text: str) -> Iterator[Case]:
    import csv
    import io

    for number, row in enumerate(csv.DictReader(io.StringIO(text)), start=2):
        yield _from_record(path, number, {k.strip().lower(): v for k, v in row.items() if k})


def _cases(path: Path, lines: Iterable[str]) -> Iterator[Case]:
    import json

    for number, line in enumerate(lines, start=1):
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        if line.lstrip().startswith("{"):
            try:
                record = json.loads(line)
            except json.JSONDecodeError as exc:
                raise InputError(f"{path}:{number}: broken JSON ({exc.msg})") from None
            yield _from_record(path, number, record)
            continue
        columns = line.split("\t")
        if len(columns) < 2:
            raise InputError(f"{path}:{number}: expected 'disposition<TAB>utterance'")
        first, second = columns[:2]  # a third column explains the label; it is not what was said
        label, utterance = (second, first) if _is_level(second) and not _is_level(first) else (first, second)
        yield _case(path, number, label.strip(), utterance)


def _is_level(text: str) -> bool:
    try:
        Level.parse(text)
    except ValueError:
        return False
    return True


def evaluate(cases: Iterable[Case], decide: Callable[[str], Level]) -> Report:
    """Run ``decide`` on every case."""
    return Report(tuple(Outcome(case, decide(case.utterance)) for case in cases))


def summary_line(name: str, report: Report) -> str:
    """One line of figures for one corpus file (or the total)."""
    return (f"{name}: {len(report.outcomes)} cases, exact accuracy {report.accuracy:.1%}, "
            f"under-triage rate {report.under_triage_rate:.1%}, "
            f"serious under-triage {report.serious_under_triage_rate:.1%}, "
            f"emergency recall {report.emergency_recall:.1%}, false-emergency rate {report.false_emergency_rate:.1%}")


def combine(reports: Iterable[Report]) -> Report:
    """One report over the cases of several."""
    return Report(tuple(o for r in reports for o in r.outcomes))


def format_confusion(report: Report) -> str:
    """The confusion table: rows expected, columns predicted."""
    levels = list(Level)
    width = max(len(level.id) for level in levels) + 2
    lines = [
        "confusion (rows expected, columns predicted):",
        " " * width + "".join(level.id.rjust(width) for level in levels),
    ]
    table = report.confusion()
    for expected in levels:
        cells = "".join(str(table[(expected, p)]).rjust(width) for p in levels)
        lines.append(expected.id.ljust(width) + cells)
    return "\n".join(lines)


def format_misses(report: Report, name: str = "") -> list[str]:
    """One line per case with the wrong disposition, under-triage marked."""
    lines = []
    where = f"{name}:" if name else "line "
    for miss in report.misses():
        flag = " UNDER-TRIAGE" if miss.under_triage else ""
        lines.append(f"  {where}{miss.case.line}: expected {miss.case.expected.id}, got {miss.predicted.id}{flag}: "
                     f"{miss.case.utterance}")
    return lines


def format_report(report: Report) -> str:
    """The figures, the confusion table and every miss."""
    misses = report.misses()
    lines = [
        f"cases:                {len(report.outcomes)}",
        f"exact accuracy:       {report.accuracy:.1%}",
        f"under-triage rate:    {report.under_triage_rate:.1%}",
        f"serious under-triage: {report.serious_under_triage_rate:.1%}",
        f"emergency recall:     {report.emergency_recall:.1%}",
        f"false-emergency rate: {report.false_emergency_rate:.1%}",
        "",
        format_confusion(report),
        "",
        f"misses: {len(misses)}",
        *format_misses(report),
    ]
    return "\n".join(lines)
