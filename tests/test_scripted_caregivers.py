"""Scripted caregivers whose truthful answers come from the tuning answers corpora (issue #9 part 5), typed through the
real ``Conversation``: a sore back, then each question answered in a corpus writer's words.

- All "no" (the k-th "no" answer of each question): home care only once every emergency and urgent sign was covered
  (asked, or answered either way); in the newest (answers_aq) and shared (answers.tsv) words, home care exactly.
- One "yes" (each "yes" answer of an emergency or urgent question, the rest a plain "No."): the conversation never
  ends below that question's level, and its action ("Call 911 now", "call your child's doctor right away") is said
  at the turn that answered it (rules 3 and 13), not only at the end.

Read back, every "I heard" names only what is present (rule 14); the disclaimer is said once; every turn is within
rule 13's ceiling as ``test_turn_ceiling`` measures it. ``tests/replay.py`` plays such caregivers as recordings."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import pytest

from tests.test_turn_ceiling import problems
from voicecare.conversation.dialog import Conversation, State, Turn
from voicecare.domain import Basis, IntentSet, Level, MessageKind, Status
from voicecare.understanding.assistant import Assistant

DATA = Path(__file__).parent / "data"
NEWEST = DATA / "fresh" / "answers_aq.tsv"
SHARED = DATA / "answers.tsv"
"""The shared answers corpus (a copy of ../shared/corpus/answers.tsv)."""
TUNING = (SHARED, *sorted((DATA / "fresh").glob("answers_*.tsv")))
DESCRIBE = "My son's back is really tight after playing at the park."
"""A sore back with no sign: the interview asks every emergency and urgent question."""
PLAIN_NO = "No."
"""What a caregiver says when a question is asked a second time (a corpus answer the reader could not place)."""
MOST_TURNS = 14
MOST_NO = 6
"""All-"no" caregivers per file at most (the suite's time; answers_aq has 4-5 "no"s per question)."""


@dataclass(frozen=True)
class Caregiver:
    """Answers by question id (the first time it is asked; "No." after), and the answer that is a "yes"."""

    name: str
    answers: dict[str, str]
    yes_to: str | None = None


def _rows(path: Path) -> list[list[str]]:
    lines = path.read_text(encoding="utf-8").splitlines()
    return [cells for line in lines if not line.startswith("#") and len(cells := line.split("\t")) > 2]


def _questions(intents: IntentSet, most: Level) -> dict[str, Level]:
    return {q.id: q.level for t in intents.topics for q in t.interview if q.level <= most}


def all_no(path: Path, intents: IntentSet) -> list[Caregiver]:
    """The k-th "no" answer of each emergency and urgent question, for caregiver k (``MOST_NO`` at most)."""
    noes: dict[str, list[str]] = {}
    for question, label, said in (r[:3] for r in _rows(path)):
        if label == "no" and question in _questions(intents, Level.URGENT):
            noes.setdefault(question, []).append(said)
    count = min(MOST_NO, max((len(v) for v in noes.values()), default=0))
    return [Caregiver(f"{path.stem}:no{k + 1}", {q: v[k % len(v)] for q, v in noes.items()}) for k in range(count)]


def one_yes(path: Path, intents: IntentSet) -> list[Caregiver]:
    """Each "yes" answer to an emergency or urgent question, every other question a plain "no"."""
    asked = _questions(intents, Level.URGENT)
    return [Caregiver(f"{path.stem}:{n}", {question: said}, question)
            for n, (question, label, said) in enumerate(r[:3] for r in _rows(path))
            if label == "yes" and question in asked]


@dataclass
class Outcome:
    """What one conversation did."""

    talk: Conversation
    turns: list[tuple[str | None, Turn]]
    """Each turn with the question it answered (None for the description)."""
    wrong: list[str]
    """Turns over their ceiling, the disclaimer said other than once, read-backs of what was not said."""

    @property
    def level(self) -> Level:
        return next((t.disposition for _, t in reversed(self.turns) if t.disposition is not None), Level.UNCLEAR)

    def covered(self) -> set[str]:
        """The signs asked about or answered either way."""
        return {f.symptom.id for f in self.talk.found} | {s for q in self.talk.asked for s in q.symptoms}

    def said(self) -> list[str]:
        return [t.heard for _, t in self.turns]


def run(assistant: Assistant, caregiver: Caregiver) -> Outcome:
    """The conversation of ``caregiver``, answering each question asked until the advice (or a 911)."""
    assistant.disclaimer_due = True  # each caregiver is a new family (rule 8: once to each), as a new session is
    talk = Conversation(assistant)
    talk.greet()
    turns: list[tuple[str | None, Turn]] = [(None, talk.hear(DESCRIBE))]
    seen: set[str] = set()
    for _ in range(MOST_TURNS):
        if talk.state is not State.INTERVIEW:
            break
        question = talk.asked[-1].id
        said = caregiver.answers.get(question, PLAIN_NO) if question not in seen else (
            "Yes." if question == caregiver.yes_to else PLAIN_NO)
        seen.add(question)
        turns.append((question, talk.hear(said)))
    intents = assistant.intents
    wrong = [f"{turn.heard!r}: {found}" for _, turn in turns if (found := problems(turn, intents))]
    disclaimer = sum(m.text == intents.messages["disclaimer"] for _, turn in turns for m in turn.said_aloud)
    if disclaimer != 1:
        wrong.append(f"disclaimer said {disclaimer} times")
    return Outcome(talk, turns, [*wrong, *_claimed(talk, turns)])


def _claimed(talk: Conversation, turns: list[tuple[str | None, Turn]]) -> list[str]:
    """Read-backs saying "I heard" of a sign that was not said (rule 14): every sign an "I heard: ..." names is one
    the caregiver's words gave, present."""
    intents = talk.assistant.intents
    heard = intents.messages["readback"].split("{")[0]
    said = {f.symptom.name.lower() for f in talk.found if f.status is Status.PRESENT and f.basis is Basis.SAID}
    out = []
    for _, turn in turns:
        for m in turn.said_aloud:
            if m.kind is not MessageKind.READBACK or not m.text.startswith(heard):
                continue
            text = m.text[len(heard):].split(".")[0].lower()
            named = [s.name for s in intents.symptoms if s.name.lower() in text and s.name.lower() not in said]
            if named:
                out.append(f"{m.text!r} names {named}, not said")
    return out


def serious_signs(intents: IntentSet) -> set[str]:
    return {s for t in intents.topics for q in t.interview for s in q.symptoms
            if intents.symptom(s).level <= Level.URGENT}


@pytest.mark.parametrize("path", TUNING, ids=lambda p: p.name)
def test_all_no_caregivers_get_home_care_only_after_every_serious_sign_was_asked(
        assistant: Assistant, path: Path) -> None:
    intents = assistant.intents
    serious = serious_signs(intents)
    wrong = []
    for caregiver in all_no(path, intents):
        outcome = run(assistant, caregiver)
        state = outcome.talk.state
        if outcome.level is Level.HOME_CARE and state is State.ANYTHING_ELSE:
            if serious - outcome.covered():
                wrong.append(f"{caregiver.name}: home care before asking about {sorted(serious - outcome.covered())}")
        elif path in (NEWEST, SHARED):  # the newest and the shared words end at home care exactly
            wrong.append(f"{caregiver.name}: ended {outcome.level.name} ({state.name}): {outcome.said()}")
        wrong += [f"{caregiver.name}: {w}" for w in outcome.wrong]
    assert not wrong, "\n".join(wrong[:6])


@pytest.mark.parametrize("path", TUNING, ids=lambda p: p.name)
def test_one_yes_caregivers_hear_the_action_when_they_answer_and_never_less_at_the_end(
        assistant: Assistant, path: Path) -> None:
    intents = assistant.intents
    levels = _questions(intents, Level.URGENT)
    actions = {Level.EMERGENCY: intents.messages["emergency"], Level.URGENT: intents.messages["urgent"]}
    wrong = []
    for caregiver in one_yes(path, intents):
        assert caregiver.yes_to is not None
        want = levels[caregiver.yes_to]
        outcome = run(assistant, caregiver)
        said = outcome.said()
        if outcome.level > want:  # under-triage: the worst error (TRIAGE_POLICY.md)
            wrong.append(f"{caregiver.name}: ended {outcome.level.name}, the answer is {want.name}: {said}")
            continue
        answered = [t for q, t in outcome.turns if q == caregiver.yes_to]
        action = actions[min(want, outcome.level)]
        if not any(m.text == action for t in answered for m in t.said_aloud) and not any(
                m.text == actions[Level.EMERGENCY] for _, t in outcome.turns for m in t.said_aloud):
            wrong.append(f"{caregiver.name}: {action!r} not said when answered: {said}")
        wrong += [f"{caregiver.name}: {w}" for w in outcome.wrong]
    assert not wrong, "\n".join(wrong[:6])


@pytest.mark.parametrize("said", ["yes o the thing keeps coming and going since yesterday she will cry then stop",
                                  "Yes madam, she is fully potty trained since six months but today two times she "
                                  "did susu in her pants and could not stop it"])
def test_a_plain_yes_after_which_was_it_is_never_made_past_without_words_of_it_being_over(
        assistant: Assistant, said: str) -> None:
    # answers_ae and answers_v: "since yesterday" (a start) was read as an episode that is over, and a "Yes." to
    # "Which was it?" made every sign past: home care for recurring cramps (urgent) and for a toilet-trained child's
    # accidents today (911).
    question = "cramps_night_weight" if "cramp" in said or "coming" in said else "heart_control"
    outcome = run(assistant, Caregiver("episode", {question: said}, question))
    assert outcome.level <= _questions(assistant.intents, Level.URGENT)[question], outcome.said()
    present = {m.text for _, t in outcome.turns for m in t.said_aloud}
    assert not any(text.startswith("You said") and "happened before" in text for text in present) or (
        outcome.level is Level.EMERGENCY), present


def test_the_newest_answers_are_among_the_caregivers(assistant: Assistant) -> None:
    # The set covers the newest tuning answers: every question's "no" and "yes" answers of answers_aq are said.
    intents = assistant.intents
    said = {s for c in all_no(NEWEST, intents) for s in c.answers.values()}
    said |= {s for c in one_yes(NEWEST, intents) for s in c.answers.values()}
    rows = [r for r in _rows(NEWEST) if r[1] in ("yes", "no") and r[0] in _questions(intents, Level.URGENT)]
    assert rows and all(r[2] in said for r in rows)
