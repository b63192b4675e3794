"""Scoring the answer reader on labelled answers: accuracy, "no" precision, missed affirmations.

The corpus is tab-separated: ``question_id``, ``expected`` (an answer kind, or
``command:<id>``), ``answer`` and ``why``; lines starting with ``#`` are
comments. A wrong "no" hides a red flag, so "no" precision is the figure to
keep at 100%.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path

from voicecare.app.text_files import CORPUS_BYTES, read_utf8
from voicecare.conversation.answers import Answer, AnswerKind
from voicecare.errors import InputError

COMMAND_PREFIX = "command:"
AFFIRMING = frozenset({AnswerKind.YES, AnswerKind.PARTIAL, AnswerKind.UNSURE})
"""Answers that count the question's signs (rules 4 and 10)."""


@dataclass(frozen=True)
class LabelledAnswer:
    """One line of the corpus."""

    question: str
    expected: str
    """An answer kind, or ``command:<id>``."""
    text: str
    line: int


def agrees(expected: str, got: str) -> bool:
    """Whether a reading is the labelled one; a bare ``command`` label (sets that do not name the
    command) accepts any command, ``command:<id>`` only that one."""
    return expected == got or (expected == COMMAND_PREFIX.rstrip(":") and got.startswith(COMMAND_PREFIX))


@dataclass(frozen=True)
class AnswerReport:
    """Expected and predicted labels, pairwise."""

    pairs: tuple[tuple[LabelledAnswer, str], ...]

    def _share(self, hit: Callable[[str, str], bool], among: Callable[[str, str], bool]) -> float:
        chosen = [(case.expected, got) for case, got in self.pairs if among(case.expected, got)]
        return sum(1 for e, g in chosen if hit(e, g)) / len(chosen) if chosen else 1.0

    @property
    def accuracy(self) -> float:
        """Share of answers with exactly the expected label (a command must be the right one)."""
        return self._share(agrees, lambda e, g: True)

    @property
    def no_precision(self) -> float:
        """Of the answers read as "no", the share that were "no"."""
        return self._share(agrees, lambda e, g: g == AnswerKind.NO)

    @property
    def missed_affirmations(self) -> float:
        """Of the answers that affirm or hedge (yes, partial, unsure), the share not counted as such."""
        return self._share(lambda e, g: g not in AFFIRMING, lambda e, g: e in AFFIRMING)

    @property
    def read_no(self) -> int:
        """Answers read as "no": without any, "no" precision means nothing."""
        return sum(1 for _, got in self.pairs if got == AnswerKind.NO)

    @property
    def affirming(self) -> int:
        """Answers labelled yes, partial or unsure: without any, missed affirmations mean nothing."""
        return sum(1 for case, _ in self.pairs if case.expected in AFFIRMING)

    def confusions(self) -> Counter[tuple[str, str]]:
        """(expected, predicted) counts of the mistakes."""
        return Counter((case.expected, got) for case, got in self.pairs if not agrees(case.expected, got))


def label(answer: Answer) -> str:
    """The corpus label of an understood answer."""
    return f"{COMMAND_PREFIX}{answer.command}" if answer.kind is AnswerKind.COMMAND else answer.kind.value


HEADER_NAMES = {"question_id": 0, "question": 0, "expected": 1, "label": 1, "answer": 2, "text": 2}
"""A header row's column names and the field each names; the README names the columns, so people write them."""


def header_columns(fields: list[str]) -> tuple[int, int, int] | None:
    """Where the question id, the label and the answer are, when ``fields`` is a header row (``question_id expected
    answer why``, in any order); None for a labelled line (outside review 21 F16.1: a header was an unknown question)."""
    names = [field.strip().lower() for field in fields]
    found = {HEADER_NAMES[name]: index for index, name in reversed(list(enumerate(names))) if name in HEADER_NAMES}
    if "question_id" not in names and not {0, 1, 2} <= found.keys():
        return None
    if not {0, 1, 2} <= found.keys():
        raise InputError("a header row names question_id, expected and answer (then why)")
    return found[0], found[1], found[2]


def _known_label(expected: str, where: str) -> str:
    """``expected`` as a label, case folded ("No" is no); InputError for one no answer has (outside review 24 F11: "maybe"
    was taken silently and scored as a mistake, and a "Yes" row was left out of the missed affirmations)."""
    label = expected.strip().lower()
    kind, _, command = label.partition(":")
    if kind in set(AnswerKind) and (not _ or (kind == AnswerKind.COMMAND and command)):
        return label
    known = ", ".join(AnswerKind)
    raise InputError(f"{where}: unknown expected answer '{expected.strip()}'; use one of {known} or command:<name>")


def read_corpus(path: Path) -> list[LabelledAnswer]:
    """The labelled answers in ``path``, with or without a header row first; InputError names the first bad line."""
    lines = read_utf8(path, "labelled answers (question_id<TAB>expected<TAB>answer per line)", noun="the corpus",
                      limit=CORPUS_BYTES).splitlines()
    cases: list[LabelledAnswer] = []
    columns, first = (0, 1, 2), True
    for number, line in enumerate(lines, 1):
        if not line.strip() or line.startswith("#"):
            continue
        fields = line.split("\t")
        if first:
            first = False
            try:
                header = header_columns(fields)
            except InputError as exc:
                raise InputError(f"{path}:{number}: {exc}") from None
            if header is not None:
                columns = header
                continue
        question, expected, answer = (fields[i] if i < len(fields) else "" for i in columns)
        if not answer.strip():
            raise InputError(f"{path}:{number}: expected question_id, expected and answer separated by tabs")
        cases.append(LabelledAnswer(question.strip(), _known_label(expected, f"{path}:{number}"), answer, number))
    if not cases:
        raise InputError(f"{path}: no labelled answers")
    return cases


def evaluate(cases: Iterable[LabelledAnswer], read: Callable[[str, str], Answer]) -> AnswerReport:
    """Read every answer and pair it with its label."""
    return AnswerReport(tuple((case, label(read(case.question, case.text))) for case in cases))


def _figures(report: AnswerReport) -> list[str]:
    """The four figures, each as "name: value"."""
    return [
        f"answers: {len(report.pairs)}",
        f"accuracy: {report.accuracy:.1%}",
        f'"no" precision: {report.no_precision:.1%}' if report.read_no else '"no" precision: n/a (nothing read as "no")',
        f"missed affirmations: {report.missed_affirmations:.1%}" if report.affirming
        else "missed affirmations: n/a (no yes, partial or unsure answers)",
    ]


def combine(reports: Iterable[AnswerReport]) -> AnswerReport:
    """One report over several corpora (the figures are pooled, not averaged)."""
    return AnswerReport(tuple(pair for report in reports for pair in report.pairs))


def summary_line(name: str, report: AnswerReport) -> str:
    """One corpus's figures on one line, as ``voicecare eval`` prints one per file."""
    return f"{name}: " + ", ".join(_figures(report))


def format_report(report: AnswerReport, mistakes: bool = False, source: str = "") -> str:
    """The figures, the confusions, and optionally every mistake (``source`` names its file)."""
    lines = [*_figures(report), format_confusions(report)] if report.confusions() else _figures(report)
    if mistakes:
        lines += format_mistakes(report, source)
    return "\n".join(lines)


def format_confusions(report: AnswerReport) -> str:
    """The (expected, read) mistakes counted, most common first, one per line."""
    return "\n".join(f"  {count:>3} x expected {expected}, read {got}"
                     for (expected, got), count in report.confusions().most_common())


def format_mistakes(report: AnswerReport, source: str = "") -> list[str]:
    """Every answer read wrongly, one per line (``source`` before the line number when several files are scored)."""
    where = f"{source}:" if source else "line "
    return [f"  {where}{case.line}: {case.question}: expected {case.expected}, read {got}: {case.text}"
            for case, got in report.pairs if not agrees(case.expected, got)]
