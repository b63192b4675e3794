"""Why interview answers are misread, in counts only: safe to run on held-out files (no line, no word is printed).

For each file: the (expected -> read) confusion counts, and for every mistake a few coarse facts about how the
reader took the answer apart, counted per confusion:

- ``step``: which step of the reader decided (the question's sign named, words about the question left
  standing, a hedge, another sign, a "no" not safe to accept or taken from the learned counts, ...), the
  order of ``AnswerReader._kind`` (closely, not exactly);
- ``unsafe``: for answers labelled "no" and read otherwise, which of the "no" safety checks failed (a part no
  word of ours explains, a double denial, a learner's "no", words about the question left standing);
- ``shape``: the answer-word kinds found in it, and how many parts (clauses) it has.

Names of kinds and steps only: nothing of the text is printed, so held-out files may be given.
Run: .venv/bin/python benchmarks/answer_confusions.py FILE.tsv [...] [--question] (per question id too)
"""

from __future__ import annotations

import argparse
import collections
from pathlib import Path

from voicecare.app import answer_eval
from voicecare.conversation import answer_safety, answer_spots, answer_turns
from voicecare.conversation.answer_parts import Heard, take_apart
from voicecare.conversation.answer_words import ANYTHING_ELSE, find
from voicecare.conversation.answers import AnswerReader
from voicecare.domain import Status
from voicecare.intents import IntentSettings
from voicecare.understanding.assistant import MAX_UTTERANCE_CHARS, Assistant

NOISE = frozenset({"polite", "neutral"})
"""Kinds too common to tell answers apart."""
MANY_PARTS = 3


def step(reader: AnswerReader, heard: Heard, asked: set[str], question_id: str) -> str:
    """The step of ``AnswerReader._kind`` that decides, told coarsely (the benchmark mirrors its order)."""
    present = [m for m in heard.matches if m.status is Status.PRESENT]
    named = [m for m in heard.matches if m.symptom in asked and (m.status is Status.PRESENT
                                                                 or reader._hedged_denial(heard, m))]
    if heard.echoed and not heard.echoed & asked and not named:
        return "echoed other sign"
    if not any(reader._serious(m.symptom) for m in present) and reader._steering(heard) is not None:
        return "steering (room/command)"
    if reader._yes_beside_a_reading(heard):
        return "yes beside a reading"
    if named:
        return "asked sign named"
    if reader._affirms_part(heard, asked):
        return "about-words standing"
    if heard.spots_of("unsure"):
        return "hedge"
    if any(m.symptom not in asked and reader._serious(m.symptom) for m in present):
        return "other sign"
    if reader._news_after_a_turn(heard, question_id):
        return "news after a turn"
    denied = [m for m in heard.matches if m.symptom in asked and m.status is Status.ABSENT]
    if answer_turns.yes_then_otherwise(heard) and not denied:
        return "yes then otherwise"
    if heard.spots_of("health") and not denied and not heard.spots_of("no"):
        return "health beside well words"
    if denied or heard.spots_of("no", "well"):
        said = "asked sign denied" if denied else "no/well words"
        if reader._safe_no(heard):
            return said
        return said + (", learned no" if reader._learned_no(heard, question_id) else ", not safe")
    if heard.spots_of("yes"):
        return "yes word"
    if heard.spots_of("health"):
        return "health words"
    return "nothing placed"


def unsafe(reader: AnswerReader, heard: Heard) -> list[str]:
    """Which checks of ``AnswerReader._safe_no`` fail."""
    language = reader.intents.language
    graded = {i for s in find(heard.tokens, {"degree": reader.words.words["degree"]}) for i in range(s.start, s.end)}
    failed = []
    if not answer_safety.explained(heard.tokens, heard.clause_of, [*heard.said, *heard.about], heard.spots,
                                   heard.matches, graded, language.fillers, language.context.subjects):
        failed.append("unexplained part")
    if answer_spots.doubly_denied(heard.spots, heard.tokens, heard.clause_of, language.negations):
        failed.append("double denial")
    if heard.spots_of("learner_not"):
        failed.append("learner not")
    if answer_safety.open_about(heard.about, heard.spots, heard.matches, heard.tokens, heard.clause_of,
                                reader._safety_words()):
        failed.append("about-words standing")
    return failed or ["none"]


def shape(heard: Heard, asked: set[str]) -> str:
    kinds = sorted({s.kind.split(":")[0] for s in heard.spots} - NOISE) + (["about"] if heard.about else [])
    kinds += sorted({("asked " if m.symptom in asked else "other ") + m.status.value for m in heard.matches})
    parts = len(set(heard.clause_of))
    return "+".join(kinds or ["-"]) + f" /{min(parts, MANY_PARTS)}{'+' if parts >= MANY_PARTS else ''} parts"


def survey(reader: AnswerReader, path: Path, per_question: bool) -> None:
    cases = answer_eval.read_corpus(path)
    report = answer_eval.evaluate(cases, reader.read)
    print(f"{path.name}: {len(cases)} answers, accuracy {report.accuracy:.1%}, "
          f'"no" precision {report.no_precision:.1%}, missed affirmations {report.missed_affirmations:.1%}')
    facts: dict[tuple[str, str], dict[str, collections.Counter[str]]] = collections.defaultdict(
        lambda: collections.defaultdict(collections.Counter))
    for case, got in report.pairs:
        if answer_eval.agrees(case.expected, got):
            continue
        question = reader.questions.get(case.question)
        asked = set(question.symptoms) if question is not None else set()
        heard = take_apart(case.text[:MAX_UTTERANCE_CHARS], case.question, reader.assistant, reader.words)
        if not heard.tokens:
            continue
        about = facts[(case.expected, got)]
        about["step"][step(reader, heard, asked, case.question)] += 1
        about["shape"][shape(heard, asked)] += 1
        if case.expected == "no":
            about["unsafe"].update(unsafe(reader, heard))
        if per_question:
            about["question"]["anything_else" if case.question == ANYTHING_ELSE else case.question] += 1
    for pair, about in sorted(facts.items(), key=lambda kv: -sum(kv[1]["step"].values())):
        print(f"  {sum(about['step'].values()):>3} x expected {pair[0]}, read {pair[1]}")
        for name, counts in about.items():
            print(f"        {name}: " + "; ".join(f"{k} {v}" for k, v in counts.most_common()))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("files", nargs="+", type=Path)
    parser.add_argument("--question", action="store_true", help="count the mistakes per question id too")
    args = parser.parse_args()
    reader = AnswerReader(Assistant.from_settings(IntentSettings()))
    for path in args.files:
        survey(reader, path, args.question)


if __name__ == "__main__":
    main()
