"""Vosk model management: the manifest, verified downloads and installs, never a half model in use."""

from __future__ import annotations

import contextlib
import fcntl
import hashlib
import os
import re
import shutil
import sys
import time
import tomllib
import urllib.parse
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO, Any

from voicecare.errors import ModelError
from voicecare.model_store import fetch, model_check, unzip
from voicecare.model_store.fetch import FetchLimits, Progress
from voicecare.model_store.model_check import Language
from voicecare.model_store.unzip import DiskError, UnpackLimits
from voicecare.speech_in.stt import vosk_problems

ENTRY_KEYS = {"default", "description", "url", "size", "sha256", "folder", "language"}
WORK_DIR = ".downloads"
"""Partial downloads, unpacking and old models being removed: hidden, so nothing there is ever picked as a model."""
SAFE_NAME = re.compile(r"^[A-Za-z0-9][A-Za-z0-9._-]{0,99}$")
UNPACKED_PER_ARCHIVE = 3
"""Disk a download needs per archive byte: the archive plus a model of about twice its size."""
SHA256 = re.compile(r"^[0-9a-fA-F]{64}$")


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
    """The folder the model is installed as, inside the models folder."""
    default: bool
    language: str
    """Language code (a key of the manifest's [languages])."""


@dataclass(frozen=True)
class Manifest:
    """The models voicecare knows, and how to recognise each language."""

    entries: tuple[ModelEntry, ...]
    languages: dict[str, Language] = field(hash=False)

    def default(self) -> ModelEntry:
        return next((e for e in self.entries if e.default), self.entries[0])

    def find(self, name: str) -> ModelEntry:
        """The entry called ``name``."""
        for entry in self.entries:
            if entry.name == name:
                return entry
        known = ", ".join(e.name for e in self.entries)
        raise ModelError(f"unknown model {name!r}; known models: {known}")

    def language(self, code: str) -> Language:
        if code not in self.languages:
            raise ModelError(f"unknown language {code!r}; known: {', '.join(sorted(self.languages))}")
        return self.languages[code]


@dataclass(frozen=True)
class Limits:
    """Every bound on a download and an unpack, in one place."""

    fetch: FetchLimits = field(default_factory=FetchLimits)
    unpack: UnpackLimits = field(default_factory=UnpackLimits)
    load_timeout: float = model_check.LOAD_TIMEOUT_SECONDS


def default_manifest(models_dir: Path) -> Path:
    """The manifest beside the models, else the one shipped in the repository's models/ folder."""
    beside = models_dir / "manifest.toml"
    return beside if beside.is_file() else Path(__file__).resolve().parents[3] / "models" / "manifest.toml"


def read_manifest(path: Path) -> Manifest:
    """The manifest; ModelError naming the file and key when it is malformed."""
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError) as exc:
        raise ModelError(f"{path}: cannot read the model manifest ({exc})") from None
    languages = {code: _language(path, code, body) for code, body in (data.get("languages") or {}).items()}
    entries = tuple(_entry(path, name, body, languages) for name, body in (data.get("models") or {}).items())
    if not entries:
        raise ModelError(f"{path}: no [models.NAME] entries")
    return Manifest(entries, languages)


def _language(path: Path, code: str, body: Any) -> Language:
    words = body.get("words") if isinstance(body, dict) else None
    if not isinstance(words, list) or not words or not all(isinstance(w, str) and w for w in words):
        raise ModelError(f"{path}: languages.{code}: needs words = [\"...\", ...] (common words of the language)")
    return Language(code, str(body.get("name", code)), tuple(words))


def _entry(path: Path, name: str, body: Any, languages: dict[str, Language]) -> ModelEntry:
    where = f"{path}: models.{name}"
    if not isinstance(body, dict) or set(body) - ENTRY_KEYS:
        raise ModelError(f"{where}: unknown keys {sorted(set(body) - ENTRY_KEYS) if isinstance(body, dict) else ''}")
    try:
        entry = ModelEntry(name, str(body["description"]), str(body["url"]), int(body["size"]),
                           str(body["sha256"]) if body.get("sha256") else None, str(body["folder"]),
                           bool(body.get("default")), str(body["language"]))
    except (KeyError, TypeError, ValueError) as exc:
        raise ModelError(f"{where}: missing or bad {exc}") from None
    if not SAFE_NAME.match(entry.name) or not SAFE_NAME.match(entry.folder):
        raise ModelError(f"{where}: name and folder must be plain names (letters, digits, . _ -)")
    if not isinstance(body["size"], int) or entry.size <= 0:
        raise ModelError(f"{where}: size must be the archive's size in bytes")
    if entry.sha256 is not None and not SHA256.match(entry.sha256):
        raise ModelError(f"{where}: sha256 must be 64 hexadecimal digits")
    if urllib.parse.urlsplit(entry.url).scheme not in ("http", "https"):
        raise ModelError(f"{where}: url must start with https:// (or http://)")
    if entry.language not in languages:
        raise ModelError(f"{where}: language {entry.language!r} has no [languages.{entry.language}] table")
    return entry


def installed(entry: ModelEntry, models_dir: Path) -> bool:
    """True when the model's folder is in place and has every file (not loaded: see ``verify``)."""
    return not vosk_problems(models_dir / entry.folder)


def download(manifest: Manifest, entry: ModelEntry, models_dir: Path, progress: Progress | None = None,
             limits: Limits = Limits()) -> Path:
    """Fetch (resuming), verify, unpack, load-check and install ``entry``; return the model folder."""
    model_check.require_vosk()  # without it the model cannot be checked: say so before a 40 MB download
    target = models_dir / entry.folder
    language = manifest.language(entry.language)
    if installed(entry, models_dir) and not model_check.problems(target, language, limits.load_timeout):
        return target  # already there and working: a second run must not fetch 40 MB again
    with _work_area(models_dir, entry.folder) as work:
        partial = work / f"{entry.name}.zip.part"
        # Archive and model side by side, about three times the archive: say so now, not after 30 minutes.
        unzip.check_room(work, UNPACKED_PER_ARCHIVE * entry.size, f"{entry.name} needs about")
        fetch.fetch(fetch.Target(entry.url, entry.size, entry.sha256 is not None), partial, limits.fetch, progress)
        try:
            _check_sum(entry, partial)
            _place(partial, target, work, language, limits)
        except DiskError:
            raise  # the bytes may be fine: keep them for the next run
        except ModelError:
            partial.unlink(missing_ok=True)  # the bytes are bad: the next run must fetch them again
            raise
        partial.unlink()
    return target


def install(manifest: Manifest, archive: Path, models_dir: Path, language: str | None = None,
            limits: Limits = Limits()) -> Path:
    """Install a model zip brought by hand (a USB stick): the same checks as a download."""
    if not archive.exists():
        raise ModelError(f"{archive}: no such file (give the path of a model .zip)")
    if not archive.is_file():  # a folder named x.zip, /dev/zero: "no such file" sent the operator looking elsewhere
        raise ModelError(f"{archive}: not a regular file (a folder or device); give the path of a model .zip")
    model_check.require_vosk()
    infos = unzip.members(archive, limits.unpack)
    entry = _entry_for(manifest, archive, infos)
    if entry is not None:
        size = archive.stat().st_size
        if size != entry.size:
            raise ModelError(f"{archive} is {size} bytes but {entry.name}'s archive is {entry.size} bytes; "
                             "an unfinished copy? copy it again")
        _check_sum(entry, archive)
    folder = entry.folder if entry is not None else _top_folder(archive, infos)
    code = language or (entry.language if entry is not None else manifest.default().language)
    with _work_area(models_dir, folder) as work:
        _place(archive, models_dir / folder, work, manifest.language(code), limits)
    return models_dir / folder


def verify(manifest: Manifest, path: Path, language: str | None = None, limits: Limits = Limits()) -> list[str]:
    """Problems with a model folder (loaded for real) or an archive (every CRC); empty when it is good."""
    if path.is_file():
        try:
            unzip.check(path, limits.unpack)
        except ModelError as exc:
            return [str(exc)]
        return _archive_problems(manifest, path, language, limits)
    code = language or expected_language(manifest, path)
    return model_check.problems(path, manifest.language(code), limits.load_timeout)


def _archive_problems(manifest: Manifest, archive: Path, language: str | None, limits: Limits) -> list[str]:
    """An archive unpacked in a scratch folder and loaded as ``install`` loads it: "ok" from verify must mean
    install will take it (a zip without conf/model.conf passed verify and was refused by install)."""
    import tempfile

    code = language or manifest.default().language
    with tempfile.TemporaryDirectory(prefix="voicecare-verify-") as scratch:
        try:
            root = unzip.unpack(archive, Path(scratch), limits.unpack)
        except ModelError as exc:
            return [str(exc)]
        problems = model_check.problems(root, manifest.language(code), limits.load_timeout)
        return [problem.replace(scratch, str(archive)) for problem in problems]  # named as the operator knows it


def expected_language(manifest: Manifest, path: Path) -> str:
    """The language of the manifest entry installed as ``path``, else the default model's."""
    entry = next((e for e in manifest.entries if e.folder == path.name), manifest.default())
    return entry.language


def _entry_for(manifest: Manifest, archive: Path, infos: list[Any]) -> ModelEntry | None:
    """The manifest entry a hand-carried zip is, by file name or by the folder it unpacks to."""
    tops = {info.filename.split("/")[0] for info in infos}
    for entry in manifest.entries:
        if archive.name == Path(urllib.parse.urlsplit(entry.url).path).name or tops == {entry.folder}:
            return entry
    return None


def _top_folder(archive: Path, infos: list[Any]) -> str:
    tops = {info.filename.split("/")[0] for info in infos}
    name = tops.pop() if len(tops) == 1 and any("/" in info.filename for info in infos) else archive.stem
    if not SAFE_NAME.match(name):
        raise ModelError(f"{archive}: cannot name a model folder {name!r}; rename the zip (letters, digits, . _ -)")
    return name


def _check_sum(entry: ModelEntry, archive: Path) -> None:
    if entry.sha256 is None:
        return
    digest = hashlib.sha256()
    try:
        with archive.open("rb") as handle:
            while block := handle.read(1 << 20):
                digest.update(block)
    except OSError as exc:
        raise ModelError(f"cannot read {archive}: {exc.strerror or exc}") from None
    if digest.hexdigest() != entry.sha256.lower():
        raise ModelError(f"{archive} is not {entry.name}'s archive (checksum mismatch); get it again")


def _place(archive: Path, target: Path, work: Path, language: Language, limits: Limits) -> None:
    """Unpack in the work area, load-check, then swap in with renames: never a half model at ``target``."""
    staging = work / f"{target.name}.unpack"
    staging.mkdir()
    root = unzip.unpack(archive, staging, limits.unpack)
    problems = model_check.problems(root, language, limits.load_timeout)
    if problems:
        raise ModelError(f"{archive} does not hold a usable model: {problems[0]}")
    old = work / f"{target.name}.old"
    try:
        if target.is_symlink() or target.is_file():
            raise ModelError(f"{target} exists and is not a model folder; move it away and run the command again")
        if target.exists():
            target.rename(old)
        root.rename(target)
    except OSError as exc:
        raise ModelError(f"cannot install into {target.parent}: {exc.strerror or exc}") from None


@contextlib.contextmanager
def _work_area(models_dir: Path, folder: str) -> Iterator[Path]:
    """The hidden work folder, locked for ``folder``; leftovers of a killed run are cleared first.

    The lock is the kernel's (flock), so a run that failed or was killed holds nothing: its ``.lock`` file was
    taken over by the next run as it is. The file is removed on the way out, a failure's included (it was left
    behind, and looked like a download still running); a run that locked a file removed meanwhile locks anew.
    """
    work = models_dir / WORK_DIR
    path = work / f"{folder}.lock"
    try:
        work.mkdir(parents=True, exist_ok=True)
        lock = _locked(path, folder)
    except OSError as exc:
        raise ModelError(f"cannot write in {models_dir}: {exc.strerror or exc} "
                         "(set VOICECARE_MODELS to a folder you can write)") from None
    with lock:
        try:
            _clear(work, folder)
            yield work
        finally:
            _clear(work, folder)
            path.unlink(missing_ok=True)  # still holding it: nobody can be between its open and its flock


def _locked(path: Path, folder: str) -> IO[str]:
    """``path`` opened and flocked, holding this process's id (named to whoever finds it held); ModelError when
    another process holds it."""
    while True:
        lock = path.open("a+")
        try:
            fcntl.flock(lock, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except OSError:
            lock.seek(0)
            holder = lock.read().strip()
            lock.close()
            pid = f" (process {holder})" if holder.isdigit() else ""
            raise ModelError(f"another voicecare{pid} is already installing {folder}; wait for it to finish") from None
        try:
            same = os.fstat(lock.fileno()).st_ino == path.stat().st_ino
        except FileNotFoundError:
            same = False
        if same:
            lock.truncate(0)
            lock.write(str(os.getpid()))
            lock.flush()
            return lock
        lock.close()  # its last holder removed it as we opened it: that file locks nothing now


def _clear(work: Path, folder: str) -> None:
    for leftover in (work / f"{folder}.unpack", work / f"{folder}.old"):
        shutil.rmtree(leftover, ignore_errors=True)


class ProgressLine:
    """Download progress on one stderr line, rewritten a few times a second; ``close`` ends the line.

    Only on a terminal: in a log file or a journal the carriage returns glue every
    update onto one unreadable line, so there only the finished line is written.
    """

    def __init__(self, name: str, *, live: bool | None = None) -> None:
        self._name = name
        self._last = 0.0
        self._open = False
        self._live = sys.stderr.isatty() if live is None else live

    def __call__(self, done: int, total: int) -> None:
        now = time.monotonic()
        if (now - self._last < 0.2 or not self._live) and done < total:
            return
        self._last = now
        self._open = done < total
        start = "\r" if self._live else ""  # back to the start of the line only where it is rewritten
        print(f"{start}downloading {self._name}: {done / 1e6:.1f} of {total / 1e6:.1f} MB ({100 * done / max(total, 1):.0f}%)",
              end="" if self._open else "\n", file=sys.stderr, flush=True)

    def close(self) -> None:
        """End a half-written line, so an error that follows gets a line of its own."""
        if self._open:
            print(file=sys.stderr, flush=True)
            self._open = False
