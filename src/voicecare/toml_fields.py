"""Reading one field of a parsed TOML file, the problem written down instead of raised.

Every loader of ``intents/`` (the language, the topics, the spoken rules, the sign files) reports all the
problems of a file at once ("file: key: what is wrong"), so these share one shape.
"""

from __future__ import annotations

import tomllib
from collections.abc import Mapping
from pathlib import Path
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


def read(path: Path, problems: list[str]) -> dict[str, Any]:
    """A TOML file parsed; an empty table, with the problem noted, when it is missing or broken."""
    try:
        with path.open("rb") as handle:
            return tomllib.load(handle)
    except FileNotFoundError:
        problems.append(f"{path}: file is missing")
    except UnicodeDecodeError:  # an editor that saved UTF-16 or Latin-1: one line, not a traceback
        problems.append(f"{path}: not UTF-8 text; save it as UTF-8")
    except (OSError, tomllib.TOMLDecodeError) as exc:
        problems.append(f"{path}: cannot be read: {exc}")
    return {}


def text(table: Mapping[str, Any], key: str, where: str, problems: list[str], *, empty_ok: bool = False) -> str:
    """The text under ``key``, stripped ("" with the problem noted when missing, not text, or empty)."""
    value = table.get(key)
    if not isinstance(value, str):
        problems.append(f"{where}: {key}: missing text" if value is None else f"{where}: {key}: must be text")
        return ""
    if not value.strip() and not empty_ok:
        problems.append(f"{where}: {key}: is empty")
    return value.strip()


def texts(table: Mapping[str, Any], key: str, where: str, problems: list[str]) -> tuple[str, ...]:
    """A non-empty list of non-empty texts, stripped (() with the problem noted otherwise)."""
    value = table.get(key)
    if not isinstance(value, list) or not value or not all(isinstance(v, str) and v.strip() for v in value):
        problems.append(f"{where}: {key}: must be a non-empty list of texts")
        return ()
    return tuple(v.strip() for v in value)


def unknown_keys(table: Mapping[str, Any], allowed: set[str] | tuple[str, ...], where: str, problems: list[str]) -> None:
    """Note every key of ``table`` that is not ``allowed`` (a misspelt key would otherwise be ignored)."""
    for key in table:
        if key not in allowed:
            problems.append(f"{where}: {key}: unknown key (expected one of: {', '.join(sorted(allowed))})")
