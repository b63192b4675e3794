"""The learned "no" (conversation/answer_learned.py): leave-one-file-out on the tuning files, and building it.

The rules read an answer "unsure" without any hedge in it when a "no" is not safe to accept (a part none of our
words explain). For each tuning file, counts are built from the other files' answers and asked about that
file's such answers, the way the reader asks them (only with a "no" said, no health word, no sign said, no turn
after the "no"). Printed per posterior threshold, over all files: answers turned to "no", how many right, and
the wrong "no"s (a yes, partial, unsure or news read "no": the error to keep at zero). Also printed without the
reader's guard, to show what it keeps out.

Run: .venv/bin/python benchmarks/lofo_answers.py FILE.tsv [...]   (TUNING files only: the model learns them)
     .venv/bin/python benchmarks/lofo_answers.py --write intents/en/answer_counts.json --threshold 0.95 FILE.tsv [...]
"""

from __future__ import annotations

import argparse
from dataclasses import dataclass
from pathlib import Path

from voicecare.app import answer_eval
from voicecare.conversation import answer_learned
from voicecare.conversation.answer_parts import take_apart
from voicecare.conversation.answers import AnswerReader
from voicecare.intents import IntentSettings
from voicecare.understanding.assistant import MAX_UTTERANCE_CHARS, Assistant

THRESHOLDS = (0.5, 0.8, 0.9, 0.95, 0.99)
MIN_COUNT = 2
"""Features seen fewer times than this in all the files are dropped."""


@dataclass(frozen=True)
class Case:
    file: str
    question: str
    expected: str
    tokens: tuple[str, ...]
    candidate: bool
    """Read "unsure" by the rules alone, with no hedge said."""
    guarded: bool
    """Where the reader asks the counts (``AnswerReader._learned_no`` 's conditions)."""


def cases(reader: AnswerReader, paths: list[Path]) -> list[Case]:
    out = []
    for path in paths:
        for case in answer_eval.read_corpus(path):
            heard = take_apart(case.text[:MAX_UTTERANCE_CHARS], case.question, reader.assistant, reader.words)
            rule = answer_eval.label(reader.read(case.question, case.text))
            candidate = rule == "unsure" and bool(heard.tokens) and not heard.spots_of("unsure")
            out.append(Case(path.name, case.question, case.expected.split(":")[0], tuple(heard.tokens), candidate,
                            reader.may_learn_no(heard)))
    return out


def counts_of(train: list[Case], threshold: float) -> answer_learned.AnswerCounts:
    return answer_learned.build(((c.expected, c.question, c.tokens) for c in train), threshold, MIN_COUNT)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("files", nargs="+", type=Path)
    parser.add_argument("--write", type=Path, help="build the counts from all the files into this file")
    parser.add_argument("--threshold", type=float, default=0.95)
    args = parser.parse_args()
    # The rules alone: the reader without counts.
    reader = AnswerReader(Assistant.from_settings(IntentSettings()), learned=None)
    everything = cases(reader, args.files)
    if args.write:
        answer_learned.dump(counts_of(everything, args.threshold), args.write)
        print(f"wrote {args.write} from {len(everything)} answers")
        return
    asked = []
    for path in args.files:
        model = counts_of([c for c in everything if c.file != path.name], 1.0)
        for case in everything:
            if case.file == path.name and case.candidate:
                post = model.posterior(answer_learned.features(case.question, case.tokens))
                asked.append((case, max(post, key=lambda k: post[k]), post.get(answer_learned.NO, 0.0)))
    print(f"{len(asked)} unsure answers without a hedge, of {len(everything)}")
    for threshold in THRESHOLDS:
        for guard in (False, True):
            changed = [c for c, top, p in asked if top == answer_learned.NO and p >= threshold and (c.guarded or not guard)]
            wrong = sum(1 for c in changed if c.expected != "no")
            print(f"  no posterior >= {threshold}{', guarded' if guard else ''}: {len(changed)} turned to no, "
                  f"{len(changed) - wrong} right, {wrong} wrong")


if __name__ == "__main__":
    main()
