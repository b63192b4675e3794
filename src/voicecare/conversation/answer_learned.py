"""A learned second opinion where the answer rules cannot place a "no": naive Bayes over the answer's words.

The rules take an answer as "no" only when every part of it is explained by our words; a "no" said with talk
we cannot place ("ah no, she's grand, she's asking for her soother") is read "unsure", which counts the
question's signs (rule 4). Counts of answer words per label, learned from labelled answers written by many
people (``intents/<language>/answer_counts.json``, built by ``benchmarks/lofo_answers.py --write``), may turn
such an answer into the "no" it nearly always is. Only there: never over a hedge, a sign said, a health word,
a turn after the "no" ("no, but ..."), and never over any other reading of the rules, so never a rule's "yes".
"""

from __future__ import annotations

import itertools
import json
import math
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from voicecare.conversation import answer_safety, answer_spots
from voicecare.conversation.answer_parts import Heard
from voicecare.domain import Status
from voicecare.errors import IntentError

FILE_NAME = "answer_counts.json"
NO = "no"
SMOOTHING = 1.0
"""Add-one smoothing of the word counts."""


def features(question: str, tokens: Sequence[str]) -> tuple[str, ...]:
    """What the model sees of an answer: the question id, its canonical words and each pair of words."""
    return (f"q={question}", *tokens, *(f"{a}_{b}" for a, b in itertools.pairwise(tokens)))


@dataclass(frozen=True)
class AnswerCounts:
    """Answer-word counts per label, and how sure the model must be to say "no"."""

    priors: Mapping[str, int] = field(hash=False)
    """Answers per label."""
    counts: Mapping[str, Mapping[str, int]] = field(hash=False)
    """Per label, how often each feature was seen."""
    threshold: float
    """The posterior of "no" needed (chosen by leave-one-file-out: no wrong "no" there)."""
    vocabulary: frozenset[str] = field(default=frozenset(), hash=False)
    """Every feature counted (``of`` fills it)."""
    totals: Mapping[str, int] = field(default_factory=dict, hash=False)
    """Per label, all its feature counts added up (``of`` fills it)."""

    @classmethod
    def of(cls, priors: Mapping[str, int], counts: Mapping[str, Mapping[str, int]], threshold: float) -> AnswerCounts:
        vocabulary = frozenset(f for c in counts.values() for f in c)
        return cls(priors, counts, threshold, vocabulary, {label: sum(c.values()) for label, c in counts.items()})

    def posterior(self, seen: Iterable[str]) -> dict[str, float]:
        """The probability of each label given these features (features never seen are left out)."""
        total = sum(self.priors.values())
        kept = [f for f in seen if f in self.vocabulary]
        scores = {}
        for label, prior in self.priors.items():
            counts = self.counts.get(label, {})
            denominator = self.totals.get(label, 0) + SMOOTHING * len(self.vocabulary)
            scores[label] = math.log(prior / total) + sum(
                math.log((counts.get(f, 0) + SMOOTHING) / denominator) for f in kept)
        top = max(scores.values())
        weights = {label: math.exp(s - top) for label, s in scores.items()}
        norm = sum(weights.values())
        return {label: w / norm for label, w in weights.items()}

    def says_no(self, question: str, tokens: Sequence[str]) -> bool:
        """Whether the answer's words are those of a "no", surely enough."""
        post = self.posterior(features(question, tokens))
        return max(post, key=lambda k: post[k]) == NO and post[NO] >= self.threshold


def may_ask(heard: Heard, negations: frozenset[str], words: answer_safety.Words) -> bool:
    """Whether the counts may be asked about a "no" the rules could not accept: a "no" said, and only talk
    beside it that our words cannot place. Never with a hedge, a health word, a sign said, a turn after the "no"
    ("no, but she's blocked up"), a negation outside the answer words ("no, not since this morning": it was
    there till then), words about the question left standing ("no it's fine, just lasts longer each time") or a
    double denial. A turn back to a part said to be well is no turn to a sign."""
    noes = heard.spots_of("no")
    # Every answer word counts here, also those of a run at the start reduced to its last ("no he's fine").
    placed = {i for s in [*heard.spots, *heard.said] if s.kind in ("no", "well") for i in range(s.start, s.end)}
    loose = any(w in negations and i not in placed for i, w in enumerate(heard.tokens))
    about = answer_safety.open_about(heard.about, heard.spots, heard.matches, heard.tokens, heard.clause_of, words)
    doubled = answer_spots.doubly_denied(heard.spots, heard.tokens, heard.clause_of, negations, heard.matches)
    # A turn back to how well the child is ("no, she's a bit quiet, but she knows who I am") turns to no sign.
    calm = {heard.clause(s.start) for s in heard.spots_of("well")}
    return bool(noes) and not (loose or about or doubled) and not heard.spots_of(
        "unsure", "health", "learner_not") and not any(m.status is Status.PRESENT for m in heard.matches) and not any(
        c.start >= noes[-1].end and heard.clause(c.start) not in calm for c in heard.spots_of("contrast"))


def build(examples: Iterable[tuple[str, str, Sequence[str]]], threshold: float, min_count: int) -> AnswerCounts:
    """Counts from (label, question id, canonical tokens) examples; features seen fewer than ``min_count``
    times in all are dropped (a name said once says nothing, and the file stays small)."""
    priors: dict[str, int] = {}
    counts: dict[str, dict[str, int]] = {}
    for label, question, tokens in examples:
        priors[label] = priors.get(label, 0) + 1
        mine = counts.setdefault(label, {})
        for f in features(question, tokens):
            mine[f] = mine.get(f, 0) + 1
    overall: dict[str, int] = {}
    for mine in counts.values():
        for f, n in mine.items():
            overall[f] = overall.get(f, 0) + n
    kept = {label: {f: n for f, n in sorted(mine.items()) if overall[f] >= min_count} for label, mine in counts.items()}
    return AnswerCounts.of(priors, kept, threshold)


def dump(counts: AnswerCounts, path: Path) -> None:
    data = {"threshold": counts.threshold, "priors": dict(sorted(counts.priors.items())),
            "counts": {label: dict(c) for label, c in sorted(counts.counts.items())}}
    path.write_text(json.dumps(data, indent=0, sort_keys=False) + "\n", encoding="utf-8")


def load(folder: Path | None) -> AnswerCounts | None:
    """The counts beside a language's answer words, or None when it has none (IntentError when unreadable)."""
    path = folder / FILE_NAME if folder is not None else None
    if path is None or not path.is_file():
        return None
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
        threshold = float(data["threshold"])
        priors = {str(k): int(v) for k, v in data["priors"].items()}
        counts = {str(k): {str(f): int(n) for f, n in v.items()} for k, v in data["counts"].items()}
    except (OSError, ValueError, KeyError, TypeError, AttributeError) as exc:
        raise IntentError(f"{path}: cannot read the answer counts ({exc})") from None
    if not priors or not 0 < threshold <= 1 or NO not in priors:
        raise IntentError(f"{path}: answer counts need a 'no' label and a threshold in (0, 1]")
    return AnswerCounts.of(priors, counts, threshold)
