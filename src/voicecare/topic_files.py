"""Loading one topic folder of ``intents/<language>/topics/``: its signs, interview, combinations and messages."""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from dataclasses import replace
from pathlib import Path
from typing import Any

from voicecare.domain import Combination, InterviewQuestion, Level, Symptom, Topic
from voicecare.toml_fields import flag as _flag
from voicecare.toml_fields import read as _read
from voicecare.toml_fields import table as _table
from voicecare.toml_fields import text as _text
from voicecare.toml_fields import texts as _texts
from voicecare.toml_fields import unknown_keys as _unknown_keys
from voicecare.understanding.text import WINDOW_LAST, Spelling, misplaced_window

TOPIC_FILE = "topic.toml"
MESSAGES = "messages.toml"
TOPIC_MESSAGES = ("emergency_signs", "urgent_signs", "unchecked")
OPTIONAL_TOPIC_MESSAGES = ("emergency_signs_short",)
"""Topic messages a language may leave out: the call-911 signs in a few words, for a spoken turn with no room."""
SILENCEABLE = ("unchecked", "home_care")
"""Topic messages a symptom may silence: the reminder to have the child checked, once the caregiver spoke of it."""
SYMPTOM_KEYS = {"level", "name", "question", "phrases", "near", "silences", "said_of", "parts", "facets", "ordinary", "backoff",
                "event", "nightly",
                "kept", "counted", "habits", "deeds", "note", "denied_is", "any_child"}
INTERVIEW_KEYS = {"id", "ask", "symptoms", "explain"}
COMBINATION_KEYS = {"id", "when", "with_level", "level", "message", "not_done"}


def check_unique_phrases(
    owners: Mapping[str, tuple[str, ...]], where: str, spelling: Spelling, problems: list[str],
) -> None:
    """Note every phrase with no words, listed twice, or claimed by two owners (symptoms, controls)."""
    seen: dict[str, str] = {}
    for owner, phrases in owners.items():
        for phrase in phrases:
            key = spelling.phrase_key(phrase)
            if not key:
                problems.append(f"{where}: {owner}: phrase {phrase!r} has no words")
            elif key in seen and seen[key] != owner:
                problems.append(f"{where}: {owner}: phrase {phrase!r} is also claimed by {seen[key]}")
            elif key in seen:
                problems.append(f"{where}: {owner}: phrase {phrase!r} is listed twice")
            seen.setdefault(key, owner)


def read_topic(folder: Path, spelling: Spelling, problems: list[str]) -> Topic:
    """One topic folder: its topic.toml (signs, interview, combinations) and its messages.toml."""
    path = folder / TOPIC_FILE
    data = _read(path, problems)
    _unknown_keys(data, ("topic", "symptoms", "interview", "combinations", "recogniser"), str(path), problems)
    head = _table(data, "topic", str(path), problems)
    if "id" in head:
        problems.append(f"{path}: topic: id: a topic's id is its folder name ({folder.name!r}); remove this key")
    _unknown_keys(head, ("id", "title"), f"{path}: topic", problems)
    topic_id = folder.name
    symptoms = tuple(_symptoms(_table(data, "symptoms", str(path), problems), topic_id, path, problems))
    known = {s.id: s for s in symptoms}
    for s in symptoms:
        if s.denied_is and s.denied_is not in known:
            problems.append(f"{path}: symptoms.{s.id}: denied_is: unknown symptom {s.denied_is!r}")
    # Phrases are unique within a topic; topics are chosen one at a time, so they may share phrases.
    check_unique_phrases({f"symptoms.{s.id}": s.phrases for s in symptoms}, str(path), spelling, problems)
    interview = tuple(_interview(data.get("interview", []), known, path, problems))
    combos = tuple(_combinations(data.get("combinations", []), known, path, problems))
    said = _read(folder / MESSAGES, problems)
    return _topic_messages(said, folder / MESSAGES, problems, Topic(
        id=topic_id, title=_text(head, "title", f"{path}: topic", problems), symptoms=symptoms,
        interview=interview, combinations=combos, messages={},
        **_recogniser(data.get("recogniser", {}), f"{path}: recogniser", problems),
    ))


def _recogniser(table: Any, where: str, problems: list[str]) -> dict[str, Any]:
    """Optional ``[recogniser]``: what this topic adds to the recogniser's language model.

    ``subjects`` ("his back") join the language's sentence subjects; ``spoken_numbers``
    are numbers of this topic as said aloud ("102" -> "a hundred and two"); ``said`` are
    sentences of this topic that are no sign (its care questions, as people ask them).
    """
    if not isinstance(table, dict):
        problems.append(f"{where}: must be a table")
        return {}
    _unknown_keys(table, ("subjects", "spoken_numbers", "said"), where, problems)
    numbers = table.get("spoken_numbers", {})
    if not isinstance(numbers, dict) or not all(isinstance(v, str) and v.strip() for v in numbers.values()):
        problems.append(f"{where}: spoken_numbers: must be a table of texts")
        numbers = {}
    subjects = _texts(table, "subjects", where, problems) if "subjects" in table else ()
    said = _texts(table, "said", where, problems) if "said" in table else ()
    return {"spoken_numbers": {str(k): v.strip().lower() for k, v in numbers.items()},
            "lm_subjects": tuple(s.lower() for s in subjects), "lm_said": tuple(s.lower() for s in said)}


def _symptoms(table: Mapping[str, Any], topic_id: str, path: Path, problems: list[str]) -> Iterator[Symptom]:
    for symptom_id, body in table.items():
        where = f"{path}: symptoms.{symptom_id}"
        if not isinstance(body, dict):
            problems.append(f"{where}: must be a table")
            continue
        _unknown_keys(body, SYMPTOM_KEYS, where, problems)
        yield Symptom(
            id=symptom_id, level=_level(body, "level", where, problems),
            name=_text(body, "name", where, problems),
            question=_text(body, "question", where, problems, empty_ok=True),
            phrases=_texts(body, "phrases", where, problems), topic=topic_id,
            near=_near(body, where, problems), silences=_silences(body, where, problems),
            said_of=_texts(body, "said_of", where, problems) if "said_of" in body else (),
            parts=_texts(body, "parts", where, problems) if "parts" in body else (),
            facets=_texts(body, "facets", where, problems) if "facets" in body else (),
            ordinary=_ordinary(body, where, problems),
            backoff=_near(body, where, problems, "backoff"),
            event=_flag(body, "event", where, problems), kept=_flag(body, "kept", where, problems),
            nightly=_flag(body, "nightly", where, problems),
            counted=_flag(body, "counted", where, problems),
            habits=_near(body, where, problems, "habits"), deeds=_near(body, where, problems, "deeds"),
            note=_flag(body, "note", where, problems),
            denied_is=_text(body, "denied_is", where, problems) if "denied_is" in body else "",
            any_child=_texts(body, "any_child", where, problems) if "any_child" in body else (),
        )


def _silences(table: Mapping[str, Any], where: str, problems: list[str]) -> tuple[str, ...]:
    """Optional ``silences``: topic messages left out once this symptom is mentioned at all."""
    if "silences" not in table:
        return ()
    keys = _texts(table, "silences", where, problems)
    for key in keys:
        if key not in SILENCEABLE:
            problems.append(f"{where}: silences: {key!r} cannot be silenced (only: {', '.join(SILENCEABLE)})")
    return keys


def _ordinary(table: Mapping[str, Any], where: str, problems: list[str]) -> tuple[str, ...]:
    """Optional ``ordinary`` circumstances: the sign's own words, then "+" and the everyday words."""
    if "ordinary" not in table:
        return ()
    patterns = _texts(table, "ordinary", where, problems)
    for pattern in patterns:
        groups = pattern.split(" within ")[0].split(" unless ")[0].split("+")
        if len(groups) < 2 or not all(g.split() for g in groups):
            problems.append(f"{where}: ordinary: {pattern!r} needs the sign's words, '+', then the everyday words")
        _window_last(pattern, f"{where}: ordinary", problems)
    return patterns


def _window_last(pattern: str, where: str, problems: list[str]) -> None:
    if misplaced_window(pattern):
        problems.append(f"{where}: {pattern!r}: {WINDOW_LAST}")


def _near(table: Mapping[str, Any], where: str, problems: list[str], key: str = "near") -> tuple[str, ...]:
    """Optional ``near`` (or ``backoff``) patterns: at least two non-empty word groups joined by "+"."""
    if key not in table:
        return ()
    patterns = _texts(table, key, where, problems)
    for pattern in patterns:
        groups = pattern.split(" within ")[0].split("+")
        if len(groups) < 2 or not all(g.split() for g in groups):
            problems.append(f"{where}: {key}: {pattern!r} needs two or more word groups joined by '+'")
        _window_last(pattern, f"{where}: {key}", problems)
    return patterns


def _ids(table: Mapping[str, Any], key: str, known: Mapping[str, Symptom], where: str, problems: list[str]) -> tuple[str, ...]:
    ids = _texts(table, key, where, problems)
    for symptom_id in ids:
        if symptom_id not in known:
            problems.append(f"{where}: {key}: unknown symptom {symptom_id!r}")
    return tuple(i for i in ids if i in known)


def _list_of_tables(value: Any, name: str, path: Path, problems: list[str]) -> Iterator[tuple[str, dict[str, Any]]]:
    if not isinstance(value, list):
        problems.append(f"{path}: {name}: must be a list of tables ([[{name}]])")
        return
    for index, body in enumerate(value):
        where = f"{path}: {name}[{index}]"
        if isinstance(body, dict):
            yield where, body
        else:
            problems.append(f"{where}: must be a table")


def _interview(value: Any, known: Mapping[str, Symptom], path: Path, problems: list[str]) -> Iterator[InterviewQuestion]:
    seen: set[str] = set()
    for where, body in _list_of_tables(value, "interview", path, problems):
        _unknown_keys(body, INTERVIEW_KEYS, where, problems)
        question_id = _text(body, "id", where, problems)
        if question_id in seen:
            problems.append(f"{where}: id: duplicate interview id {question_id!r}")
        seen.add(question_id)
        ids = _ids(body, "symptoms", known, where, problems)
        level = min((known[i].level for i in ids), default=Level.HOME_CARE)
        explain = _text(body, "explain", where, problems) if "explain" in body else ""
        yield InterviewQuestion(id=question_id, ask=_text(body, "ask", where, problems), symptoms=ids, level=level,
                                explain=explain)


def _combinations(value: Any, known: Mapping[str, Symptom], path: Path, problems: list[str]) -> Iterator[Combination]:
    for where, body in _list_of_tables(value, "combinations", path, problems):
        _unknown_keys(body, COMBINATION_KEYS, where, problems)
        yield Combination(
            id=_text(body, "id", where, problems), when=_ids(body, "when", known, where, problems),
            with_level=_level(body, "with_level", where, problems),
            level=_level(body, "level", where, problems), message=_text(body, "message", where, problems),
            not_done=_ids(body, "not_done", known, where, problems) if "not_done" in body else (),
        )


def _topic_messages(data: Mapping[str, Any], path: Path, problems: list[str], topic: Topic) -> Topic:
    if not data:
        return topic
    _unknown_keys(data, ("messages", "advice"), str(path), problems)
    table = _table(data, "messages", str(path), problems)
    wanted = set(TOPIC_MESSAGES) | {c.message for c in topic.combinations} | {"home_care"}
    _unknown_keys(table, wanted | set(OPTIONAL_TOPIC_MESSAGES), f"{path}: messages", problems)
    given = (wanted - {"home_care"}) | {key for key in OPTIONAL_TOPIC_MESSAGES if key in table}
    messages = {key: _text(table, key, f"{path}: messages", problems) for key in given}
    home_care = _texts(table, "home_care", f"{path}: messages", problems)
    advice_table = data.get("advice", {})
    if not isinstance(advice_table, dict):
        problems.append(f"{path}: advice: must be a table")
        advice_table = {}
    known = {s.id for s in topic.symptoms}
    _unknown_keys(advice_table, tuple(known), f"{path}: advice", problems)
    advice = {key: _text(advice_table, key, f"{path}: advice", problems) for key in advice_table if key in known}
    return replace(topic, messages=messages, home_care=home_care, advice=advice)


def _level(table: Mapping[str, Any], key: str, where: str, problems: list[str]) -> Level:
    try:
        level = Level.parse(str(table.get(key, "")))
    except ValueError as exc:
        problems.append(f"{where}: {key}: {exc}")
        return Level.HOME_CARE
    if level is Level.UNCLEAR:
        problems.append(f"{where}: {key}: 'unclear' is not a symptom level")
    return level
