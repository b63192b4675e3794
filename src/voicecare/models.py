"""Vosk model management: the manifest, resumable verified downloads, atomic installs."""

from __future__ import annotations

import hashlib
import shutil
import sys
import tempfile
import time
import tomllib
import urllib.error
import urllib.request
import zipfile
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from voicecare.errors import ModelError
from voicecare.stt import vosk_problems

ENTRY_KEYS = {"default", "description", "url", "size", "sha256", "folder"}
BLOCK_BYTES = 1 << 16
TIMEOUT_SECONDS = 30
PARTIAL_DIR = ".downloads"
Progress = Callable[[int, int], None]


@dataclass(frozen=True)
class ModelEntry:
    """One downloadable model."""

    name: str
    description: str
    url: str
    size: int
    """Exact archive size in bytes."""
    sha256: str | None
    folder: str
    """The folder the archive unpacks to (and the installed name)."""
    default: bool


def read_manifest(path: Path) -> list[ModelEntry]:
    """The manifest's models; ModelError naming the file and key when it is malformed."""
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except (OSError, tomllib.TOMLDecodeError) as exc:
        raise ModelError(f"{path}: cannot read the model manifest ({exc})") from None
    entries = []
    for name, body in (data.get("models") or {}).items():
        where = f"{path}: models.{name}"
        if not isinstance(body, dict) or set(body) - ENTRY_KEYS:
            raise ModelError(f"{where}: unknown keys {sorted(set(body) - ENTRY_KEYS) if isinstance(body, dict) else ''}")
        try:
            entries.append(ModelEntry(
                name, str(body["description"]), str(body["url"]), int(body["size"]),
                str(body["sha256"]) if body.get("sha256") else None, str(body["folder"]), bool(body.get("default")),
            ))
        except (KeyError, TypeError, ValueError) as exc:
            raise ModelError(f"{where}: missing or bad {exc}") from None
    if not entries:
        raise ModelError(f"{path}: no [models.NAME] entries")
    return entries


def find(entries: list[ModelEntry], name: str) -> ModelEntry:
    """The entry called ``name``."""
    for entry in entries:
        if entry.name == name:
            return entry
    known = ", ".join(e.name for e in entries)
    raise ModelError(f"unknown model {name!r}; known models: {known}")


def installed(entry: ModelEntry, models_dir: Path) -> bool:
    """True when the model's folder is in place and whole."""
    return not vosk_problems(models_dir / entry.folder)


def download(entry: ModelEntry, models_dir: Path, progress: Progress | None = None) -> Path:
    """Fetch (resuming a partial download), verify, unpack atomically; return the model folder."""
    target = models_dir / entry.folder
    if installed(entry, models_dir):
        return target
    partial = models_dir / PARTIAL_DIR / f"{entry.name}.zip.part"
    partial.parent.mkdir(parents=True, exist_ok=True)
    _fetch(entry, partial, progress)
    _check_archive(entry, partial)
    _unpack(partial, target)
    partial.unlink()
    return target


def _fetch(entry: ModelEntry, partial: Path, progress: Progress | None) -> None:
    have = partial.stat().st_size if partial.exists() else 0
    if have > entry.size:
        partial.unlink()
        have = 0
    if have == entry.size:
        return
    request = urllib.request.Request(entry.url, headers={"Range": f"bytes={have}-"} if have else {})
    try:
        with urllib.request.urlopen(request, timeout=TIMEOUT_SECONDS) as response:
            if have and response.status != 206:  # the server ignored the range: start again
                have = 0
            with partial.open("ab" if have else "wb") as out:
                _copy(response, out, have, entry.size, progress)
    except urllib.error.HTTPError as exc:
        raise ModelError(f"download of {entry.name} failed: HTTP {exc.code} from {entry.url}") from None
    except (urllib.error.URLError, OSError) as exc:
        reason = getattr(exc, "reason", exc)
        done = partial.stat().st_size if partial.exists() else 0
        raise ModelError(f"download of {entry.name} interrupted at {done} of {entry.size} bytes ({reason}); "
                         "run the same command again to resume") from None
    done = partial.stat().st_size
    if done != entry.size:
        raise ModelError(f"download of {entry.name} stopped at {done} of {entry.size} bytes; "
                         "run the same command again to resume")


def _copy(response: Any, out: Any, have: int, total: int, progress: Progress | None) -> None:
    while block := response.read(BLOCK_BYTES):
        out.write(block)
        have += len(block)
        if progress is not None:
            progress(have, total)


def _check_archive(entry: ModelEntry, partial: Path) -> None:
    if entry.sha256 is not None:
        digest = hashlib.sha256()
        with partial.open("rb") as handle:
            while block := handle.read(1 << 20):
                digest.update(block)
        if digest.hexdigest() != entry.sha256.lower():
            partial.unlink()
            raise ModelError(f"download of {entry.name} is corrupt (checksum mismatch); removed it, run the command again")
    problem = zip_problem(partial)
    if problem:
        partial.unlink()
        raise ModelError(f"download of {entry.name} is corrupt ({problem}); removed it, run the command again")


def zip_problem(path: Path) -> str | None:
    """Why a zip archive is unusable, or None when every member's CRC checks out."""
    try:
        with zipfile.ZipFile(path) as archive:
            bad = archive.testzip()
            if bad is not None:
                return f"bad data in {bad}"
            for name in archive.namelist():
                if name.startswith("/") or ".." in Path(name).parts:
                    return f"unsafe path {name}"
    except (zipfile.BadZipFile, OSError, EOFError) as exc:
        return f"not a valid zip archive: {exc}"
    return None


def _unpack(archive: Path, target: Path) -> None:
    """Unpack beside the target, check the model, then rename: never a half-installed model."""
    target.parent.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(prefix=".unpack-", dir=target.parent) as scratch:
        with zipfile.ZipFile(archive) as zipped:
            zipped.extractall(scratch)
        tops = [p for p in Path(scratch).iterdir()]
        root = tops[0] if len(tops) == 1 and tops[0].is_dir() else Path(scratch)
        problems = vosk_problems(root)
        if problems:
            raise ModelError(f"the archive does not hold a Vosk model: {problems[0]}")
        if target.exists():
            shutil.rmtree(target)
        root.rename(target)


def verify(path: Path) -> list[str]:
    """Problems with a model folder or a downloaded archive (empty when it is good)."""
    if path.is_file():
        problem = zip_problem(path)
        return [f"{path}: {problem}"] if problem else []
    return vosk_problems(path)


def print_progress(name: str) -> Progress:
    """A progress callback that rewrites one stderr line at most a few times a second."""
    last = [0.0]

    def show(done: int, total: int) -> None:
        now = time.monotonic()
        if now - last[0] < 0.2 and done < total:
            return
        last[0] = now
        print(f"\rdownloading {name}: {done / 1e6:.1f} of {total / 1e6:.1f} MB ({100 * done / max(total, 1):.0f}%)",
              end="\n" if done >= total else "", file=sys.stderr, flush=True)

    return show
