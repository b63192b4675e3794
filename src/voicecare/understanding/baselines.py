"""A habit said beside the deed: what is usual for the child, which makes the deed today new.

"He had an accident in his undies and he never has accidents": the "never"
says what is usual (the baseline), so the accident is new, which is the
sign itself (policy: sudden loss of control in a toilet-trained child),
never a denial of it. A sign's ``habits`` (its usual absence: "never wets
the bed", "dry for months", "potty trained") and ``deeds`` (the event in
plain words: "had an accident", "peed through her pull-up") are word-group
patterns of its topic; a deed said outside the habit's words, and standing
for this child now by the same context rules as any mention, makes the sign
present, and a denial that the habit's "never" lent to a mention of it is
dropped.
"""

from __future__ import annotations

from collections.abc import Callable, Collection, Iterator, Mapping, Sequence
from dataclasses import dataclass

from voicecare.domain import Match, Status, Symptom
from voicecare.understanding import context
from voicecare.understanding.mentions import Hit
from voicecare.understanding.text import Spelling, split_window, word_groups

DEFAULT_WINDOW = 6
"""Most words a habit or deed pattern may span, first to last, when it names no "within N"."""


@dataclass(frozen=True)
class Pattern:
    """One word of each group (exact or the same stem), close together, in one clause."""

    groups: tuple[frozenset[str], ...]
    window: int
    denial_inside: bool = False
    """A group of denial words ("never + accidents"): its "never" is the habit's own, no denial of it."""


@dataclass(frozen=True)
class Baseline:
    """A sign's usual absence (``habits``) and its deed said plainly (``deeds``)."""

    symptom: str
    habits: tuple[Pattern, ...]
    deeds: tuple[Pattern, ...]


def compile_all(symptoms: Sequence[Symptom], spelling: Spelling, negations: Collection[str]) -> tuple[Baseline, ...]:
    """The baselines of the symptoms that have both habits and deeds, their words in stem form."""
    def compiled(text: str) -> Pattern:
        body, window = split_window(text)
        words = word_groups(body, spelling)
        groups = tuple(frozenset(spelling.stem(w) for w in g) for g in words)
        return Pattern(groups, window or DEFAULT_WINDOW, any(g <= frozenset(negations) for g in words))

    return tuple(Baseline(s.id, tuple(map(compiled, s.habits)), tuple(map(compiled, s.deeds)))
                 for s in symptoms if s.habits and s.deeds)


def occurrences(pattern: Pattern, stems: Sequence[str], breaks: Mapping[int, bool]) -> Iterator[tuple[int, ...]]:
    """The positions of each place the pattern is said: from each word of its first group, the nearest
    word of every other group within its window, with no comma or full stop in between."""
    for anchor, stem in enumerate(stems):
        if stem not in pattern.groups[0]:
            continue
        positions = [anchor]
        for group in pattern.groups[1:]:
            near = [i for i in range(max(0, anchor - pattern.window), min(len(stems), anchor + pattern.window + 1))
                    if stems[i] in group and i not in positions]
            if not near:
                break
            positions.append(min(near, key=lambda i: abs(i - anchor)))
        else:
            low, high = min(positions), max(positions)
            if high - low < pattern.window and not any(i in breaks for i in range(low + 1, high + 1)):
                yield tuple(sorted(positions))


def new_events(matches: list[Match], heard: Sequence[str], stems: Sequence[str], where: context.Scene,
               baselines: Sequence[Baseline], signs: Collection[int], ordinary: Callable[[Hit], bool]) -> list[Match]:
    """``matches`` with each sign whose deed was said beside its habit made present (see the module).

    ``ordinary`` is True for a mention an everyday circumstance explains: the sign's own ordinary
    circumstances explain a deed beside a habit too ("potty trained in the day, in nappies at night").
    """
    for baseline in baselines:
        # The habit must be the child's, said as so: "she is not potty trained yet" is no baseline.
        habit = {i for p in baseline.habits for found in occurrences(p, stems, where.breaks)
                 if _said(where, found, signs, own_denial=p.denial_inside) for i in found}
        if not habit:
            continue
        deeds = [found for p in baseline.deeds for found in occurrences(p, stems, where.breaks)
                 if habit.isdisjoint(found)]
        new = [d for d in deeds if _said(where, d, signs, blocked=habit) and not ordinary(
            Hit(baseline.symptom, d[0], d[-1] + 1, 100.0, False, d, loose=True, anchor=d[0]))]
        if not new:
            continue
        start, end = min(new[0][0], min(habit)), max(new[0][-1], max(habit)) + 1
        # A mention that took the habit's "never" (or was said inside it) is the baseline, not a denial.
        kept = [m for m in matches if not (m.symptom == baseline.symptom and m.status is not Status.PRESENT
                                            and any(m.start <= i < m.end for i in habit))]
        event = Match(symptom=baseline.symptom, status=Status.PRESENT, score=100.0,
                      heard=" ".join(heard[start:end]), start=start, end=end)
        matches = [*kept, event]  # findings are read in the order said (triage.findings)
    return matches


def _said(where: context.Scene, found: tuple[int, ...], signs: Collection[int], *, own_denial: bool = False,
          blocked: Collection[int] = ()) -> bool:
    """True when the words at ``found`` stand for this child now, by the context rules of any mention."""
    status, _ = context.status_of(where, found[0], found[-1] + 1, found, negation_inside=own_denial,
                                  blocked=blocked, signs=signs, event=True)
    return status is Status.PRESENT
