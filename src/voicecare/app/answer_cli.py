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
    """``voicecare eval-answers``: the figures on a labelled corpus."""
    from voicecare.app import answer_eval

    cases = answer_eval.read_corpus(args.corpus)
    reader = reader_for(args)
    unknown = sorted({c.question for c in cases} - set(reader.question_ids))
    if unknown:
        raise InputError(f"{args.corpus}: unknown question ids {unknown} (expected: {', '.join(reader.question_ids)})")
    report = answer_eval.evaluate(cases, reader.read)
    print(answer_eval.format_report(report, mistakes=args.mistakes))
    return 0

