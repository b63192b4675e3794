"""Command-line handlers for interview answers: ``voicecare answer`` and ``voicecare eval-answers``."""

from __future__ import annotations

import argparse
import json
from typing import Any

from voicecare.app.cli import load_assistant
from voicecare.app.text_cli import TextLines, read_lines
from voicecare.conversation import render
from voicecare.conversation.answers import Answer, AnswerReader
from voicecare.errors import InputError


def as_dict(answer: Answer) -> dict[str, Any]:
    """The JSON object of the command-line contract for one answer."""
    return {
        "input": answer.input,
        "question": answer.question,
        "answer": answer.kind.value,
        "command": answer.command,
        "silent": answer.silent,
        "news": answer.news,
        "care": list(answer.care),
        "unanswered": list(answer.unanswered),
        "symptoms": [render.finding_dict(f) for f in answer.findings],
    }


def as_text(answer: Answer) -> str:
    """One readable line per answer."""
    kind = f"{answer.kind.value} ({answer.command})" if answer.command else answer.kind.value
    signs = ", ".join(f"{f.symptom.id} {f.status.value}" + ("" if f.basis == "said" else f" ({f.basis})")
                      for f in answer.findings)
    return f"{answer.question}: {kind}" + (f": {signs}" if signs else "") + f"  < {answer.input}"


def reader_for(args: argparse.Namespace) -> AnswerReader:
    """The reader for the language and topic the options name."""
    return AnswerReader(load_assistant(args))


def answer_command(args: argparse.Namespace) -> int:
    """``voicecare answer``: one result per answer, in order."""
    reader = reader_for(args)
    if args.question not in reader.question_ids:
        raise InputError(f"unknown question {args.question!r} (expected one of: {', '.join(reader.question_ids)})")
    given = TextLines(args.text) if args.text is not None else read_lines(args.text_file)
    for index, text in enumerate(given.lines):
        answer = reader.read(args.question, text)
        fields = {**as_dict(answer), **given.mark(index)}  # a line read with a fault says so (review 15 F15)
        print(json.dumps(fields, ensure_ascii=False) if args.json else as_text(answer), flush=True)
    return InputError.exit_code if given.unreadable else 0


def eval_command(args: argparse.Namespace) -> int:
    """``voicecare eval-answers``: the figures on one or more labelled corpora (with several, a line per file
    and the pooled TOTAL, as ``voicecare eval`` prints them)."""
    from voicecare.app import answer_eval

    reader = reader_for(args)
    reports = []
    for path in args.corpus:
        cases = answer_eval.read_corpus(path)
        unknown = sorted({c.question for c in cases} - set(reader.question_ids))
        if unknown:
            raise InputError(f"{path}: unknown question ids {unknown} (expected: {', '.join(reader.question_ids)})")
        reports.append(answer_eval.evaluate(cases, reader.read))
    if len(reports) == 1:
        print(answer_eval.format_report(reports[0], mistakes=args.mistakes))
        return 0
    for path, report in zip(args.corpus, reports, strict=True):
        print(answer_eval.summary_line(path.name, report))
    total = answer_eval.combine(reports)
    print(answer_eval.summary_line("TOTAL", total))
    print(answer_eval.format_confusions(total))
    if args.mistakes:
        for path, report in zip(args.corpus, reports, strict=True):
            print("\n".join(answer_eval.format_mistakes(report, path.name)))
    return 0

