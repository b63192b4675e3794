"""Reading one field of a parsed TOML file, the problem written down instead of raised.

Every loader of ``intents/`` (the language, the topics, the spoken rules, the sign files) reports all the
problems of a file at once ("file: key: what is wrong"), so these share one shape.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any


def table(data: Mapping[str, Any], key: str, where: str, problems: list[str]) -> dict[str, Any]:
    """The table under ``key``; an empty one, with the problem noted, when it is missing or not a table."""
    value = data.get(key)
    if isinstance(value, dict):
        return value
    problems.append(f"{where}: {key}: missing table" if value is None else f"{where}: {key}: must be a table")
    return {}


def flag(data: Mapping[str, Any], key: str, where: str, problems: list[str]) -> bool:
    """An optional true/false key (false when left out)."""
    value = data.get(key, False)
    if not isinstance(value, bool):
        problems.append(f"{where}: {key}: must be true or false")
        return False
    return value
