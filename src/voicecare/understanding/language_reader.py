"""Typed reading of one table of a language file: wrong values become ``file: key: what is wrong`` lines.

Split from ``language`` (which says which tables and keys a language has): this is how any of them is
read, and how a word list is checked to be written as matching compares words.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from voicecare.understanding.text import Spelling


class TableReader:
    """Typed access to one table that records what is wrong instead of raising."""

    def __init__(self, value: Any, where: str, allowed: tuple[str, ...], problems: list[str]) -> None:
        self.where = where
        self.problems = problems
        if not isinstance(value, dict):
            problems.append(f"{where}: must be a table")
            value = {}
        self.table: dict[str, Any] = value
        for key in self.table:
            if key not in allowed:
                self.wrong(key, f"unknown key (expected one of: {', '.join(allowed)})")

    @classmethod
    def section(cls, data: Mapping[str, Any], name: str, where: str, allowed: tuple[str, ...],
                problems: list[str]) -> TableReader:
        """The ``[name]`` table of a file (an absent table reads as empty), its keys among ``allowed``."""
        return cls(data.get(name, {}), f"{where}: {name}", allowed, problems)

    def wrong(self, key: str, what: str) -> None:
        self.problems.append(f"{self.where}: {key}: {what}")

    def text(self, key: str, *, required: bool = False) -> str:
        value = self.table.get(key, None if required else "")
        if not isinstance(value, str) or (required and not value.strip()):
            self.wrong(key, "missing text" if value is None else "must be non-empty text")
            return ""
        return value.strip()

    def number(self, key: str, default: int) -> int:
        value = self.table.get(key, default)
        if not isinstance(value, int) or isinstance(value, bool) or value < 0:
            self.wrong(key, "must be a whole number, 0 or more")
            return default
        return value

    def flag(self, key: str, default: bool) -> bool:
        value = self.table.get(key, default)
        if not isinstance(value, bool):
            self.wrong(key, "must be true or false")
            return default
        return value

    def words(self, key: str) -> tuple[str, ...]:
        value = self.table.get(key, [])
        if not isinstance(value, list) or not all(isinstance(v, str) and v.strip() for v in value):
            self.wrong(key, "must be a list of non-empty texts")
            return ()
        return tuple(" ".join(v.lower().split()) for v in value)

    def mapping(self, key: str) -> dict[str, str]:
        value = self.table.get(key, {})
        if not isinstance(value, dict) or not all(isinstance(v, str) for v in value.values()):
            self.wrong(key, "must be a table of texts")
            return {}
        return {k.lower(): v.lower().strip() for k, v in value.items()}

    def pairs(self, key: str) -> tuple[tuple[str, str], ...]:
        value = self.table.get(key, [])
        if not isinstance(value, list) or not all(
                isinstance(v, list) and len(v) == 2 and all(isinstance(x, str) for x in v) for v in value):
            self.wrong(key, "must be a list of [from, to] text pairs")
            return ()
        return tuple((a, b) for a, b in value)

    def classes(self, key: str) -> dict[str, str]:
        """A table of class -> members, turned into member -> class."""
        value = self.table.get(key, {})
        if not isinstance(value, dict) or not all(
                isinstance(v, list) and all(isinstance(x, str) for x in v) for v in value.values()):
            self.wrong(key, "must be a table of lists of texts (class = [members])")
            return {}
        return {member: cls for cls, members in value.items() for member in members}


def in_token_form(table: TableReader, key: str, spelling: Spelling, *, fold: bool = True) -> tuple[str, ...]:
    """Words as matching compares them; a word written otherwise could never match, so it is reported."""
    words = table.words(key)
    for text in words:
        form = " ".join(_form(text, spelling, fold))
        if form != text:
            table.wrong(key, f"{text!r} never matches: write it as {form!r} (contractions expanded"
                             f"{', pronouns folded' if fold else ''})")
    return words


def _form(text: str, spelling: Spelling, fold: bool) -> list[str]:
    return [spelling.canonical(w) if fold else w for w in spelling.tokens(text)]
