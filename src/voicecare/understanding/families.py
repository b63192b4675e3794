"""Families of wordings: named word classes shared by many patterns, added to a topic's symptoms.

A topic may hold a ``families.toml`` beside its ``topic.toml``. Its ``[words]``
names classes of words ("objects": battery, coin, magnet ...); each
``[[family]]`` adds phrases, ``near`` and ``ordinary`` patterns to one
symptom, where "{objects}" stands for the whole class. So one pattern,
"{swallowed} + {objects}", covers "swallowed one of those button batteries"
and "she ate a magnet", and the matcher reads the result exactly like the
symptom's own patterns (with the same negation, other-person and what-if cues).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, replace
from typing import Any

from voicecare.domain import Symptom
from voicecare.understanding.cues import Scene

FILE = "families.toml"
_CLASS = re.compile(r"\{([a-z_]+)\}")
_FAMILY_KEYS = frozenset({"symptom", "phrases", "near", "ordinary", "own_words"})


@dataclass(frozen=True)
class Family:
    """What one ``[[family]]`` adds to its symptom, word classes already written out."""

    symptom: str
    phrases: tuple[str, ...] = ()
    near: tuple[str, ...] = ()
    ordinary: tuple[str, ...] = ()
    own_words: bool = False
    """The symptom is said in the caregiver's own words: their "I am" is never someone else's cue."""


def read(data: Mapping[str, Any], where: str, problems: list[str]) -> tuple[Family, ...]:
    """The families of one ``families.toml`` (already parsed), problems reported, never raised."""
    for key in data:
        if key not in ("words", "family"):
            problems.append(f"{where}: {key}: unknown key (expected one of: family, words)")
    classes = _classes(data.get("words", {}), f"{where}: words", problems)
    bodies = data.get("family", [])
    if not isinstance(bodies, list) or not all(isinstance(b, dict) for b in bodies):
        problems.append(f"{where}: family: must be a list of tables ([[family]])")
        return ()
    return tuple(f for n, body in enumerate(bodies) if (f := _family(body, classes, f"{where}: family[{n}]", problems)))


def extended(symptoms: Iterable[Symptom], families: Iterable[Family], where: str,
             problems: list[str]) -> tuple[Symptom, ...]:
    """``symptoms`` with every family's additions; a family of an unknown symptom is a problem."""
    by_id = {s.id: s for s in symptoms}
    for family in families:
        symptom = by_id.get(family.symptom)
        if symptom is None:
            problems.append(f"{where}: family of {family.symptom!r}: no such symptom in topic.toml")
            continue
        by_id[family.symptom] = replace(
            symptom, phrases=symptom.phrases + family.phrases, near=symptom.near + family.near,
            ordinary=symptom.ordinary + family.ordinary, own_words=symptom.own_words or family.own_words)
    return tuple(by_id.values())


def expand(pattern: str, classes: Mapping[str, str], where: str, problems: list[str]) -> str:
    """``pattern`` with each "{name}" written out as its class of words."""
    def words(found: re.Match[str]) -> str:
        name = found.group(1)
        if name not in classes:
            problems.append(f"{where}: {{{name}}}: no such class in [words]")
            return ""
        return classes[name]
    return _CLASS.sub(words, pattern)


def _classes(table: Any, where: str, problems: list[str]) -> dict[str, str]:
    if not isinstance(table, dict):
        problems.append(f"{where}: must be a table of word lists")
        return {}
    classes = {}
    for name, value in table.items():
        if not isinstance(value, str) or not value.split():
            problems.append(f"{where}: {name}: must be words separated by spaces")
            continue
        classes[name] = " ".join(value.lower().split())
    return classes


def _family(body: Mapping[str, Any], classes: Mapping[str, str], where: str, problems: list[str]) -> Family | None:
    for key in body:
        if key not in _FAMILY_KEYS:
            problems.append(f"{where}: {key}: unknown key (expected one of: {', '.join(sorted(_FAMILY_KEYS))})")
    symptom = body.get("symptom")
    if not isinstance(symptom, str) or not symptom.strip():
        problems.append(f"{where}: symptom: the id of a symptom of topic.toml is needed")
        return None
    own_words = body.get("own_words", False)
    if not isinstance(own_words, bool):
        problems.append(f"{where}: own_words: must be true or false")
        own_words = False
    lists = {key: _texts(body.get(key, []), f"{where}: {key}", problems) for key in ("phrases", "near", "ordinary")}
    near = tuple(expand(p, classes, where, problems) for p in lists["near"])
    for pattern in near:
        if len([g for g in pattern.split(" within ")[0].split("+") if g.split()]) < 2:
            problems.append(f"{where}: near: {pattern!r} needs two or more word groups joined by '+'")
    ordinary = tuple(expand(p, classes, where, problems) for p in lists["ordinary"])
    return Family(symptom.strip(), lists["phrases"], near, ordinary, own_words)


def _texts(value: Any, where: str, problems: list[str]) -> tuple[str, ...]:
    if not isinstance(value, list) or not all(isinstance(v, str) and v.strip() for v in value):
        problems.append(f"{where}: must be a list of texts")
        return ()
    return tuple(v.strip() for v in value)


def caregivers_own(where: Scene) -> Scene:
    """``where`` without the caregiver's own cues ("I am"), for symptoms said in their own words."""
    return replace(where, cues=tuple(c for c in where.cues if not c.trigger.speaker))
