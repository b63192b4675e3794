"""Model archives: refuse what could escape, explode or hide a link; unpack with bounded, checked writes."""

from __future__ import annotations

import shutil
import stat
import zipfile
import zlib
from dataclasses import dataclass
from pathlib import Path, PurePosixPath

from voicecare.errors import ModelError

COPY_BLOCK = 1 << 20
UNIX_SYSTEM = 3
"""ZipInfo.create_system of archives made on Unix, whose external_attr carries the file mode."""
ENCRYPTED = 0x1
"""ZipInfo.flag_bits: the member needs a password (zipfile would raise a bare RuntimeError)."""
MAX_NAME_BYTES = 255
MAX_PATH_BYTES = 1024
"""Linux's limits on one name and a whole path: longer ones would fail half way through unpacking."""
FREE_MARGIN_BYTES = 50 << 20
"""Room left on the disk after unpacking, so the kiosk's logs still have somewhere to go."""


class DiskError(ModelError):
    """The archive may be fine but the disk is full, read-only or failing."""


@dataclass(frozen=True)
class UnpackLimits:
    """What a model archive may unpack to; Vosk models unpack to two or three times their archive."""

    max_ratio: int = 20
    """Unpacked bytes per archive byte."""
    max_bytes: int = 8 << 30
    floor_bytes: int = 10 << 20
    """Any archive may unpack to this much, however small (text files compress far better than models)."""
    max_members: int = 10_000


def members(archive: Path, limits: UnpackLimits) -> list[zipfile.ZipInfo]:
    """The archive's members after every check that needs no unpacking; ModelError naming the first problem."""
    try:
        with zipfile.ZipFile(archive) as zipped:
            infos = zipped.infolist()
    except (zipfile.BadZipFile, zipfile.LargeZipFile, OSError, EOFError, ValueError) as exc:
        raise ModelError(f"{archive}: not a usable zip archive ({exc}); it may be truncated") from None
    if len(infos) > limits.max_members:
        raise ModelError(f"{archive}: {len(infos)} files is too many for a speech model (at most {limits.max_members})")
    names: set[str] = set()
    for info in infos:
        _check_member(archive, info)
        if info.filename.rstrip("/") in names:
            raise ModelError(f"{archive}: {info.filename!r} is in the archive twice; refusing")
        names.add(info.filename.rstrip("/"))
    total = sum(info.file_size for info in infos)
    cap = min(limits.max_bytes, max(limits.max_ratio * archive.stat().st_size, limits.floor_bytes))
    if total > cap:
        raise ModelError(f"{archive}: would unpack to {total / 1e6:.0f} MB, more than the {cap / 1e6:.0f} MB "
                         "a model of this size can need; refusing (a zip bomb?)")
    return infos


def _check_member(archive: Path, info: zipfile.ZipInfo) -> None:
    name = info.filename
    parts = PurePosixPath(name).parts
    if not parts or name.startswith("/") or "\\" in name or "\0" in name or ".." in parts or ":" in parts[0]:
        raise ModelError(f"{archive}: unsafe file name {name!r} in the archive; refusing")
    if len(name.encode()) > MAX_PATH_BYTES or any(len(part.encode()) > MAX_NAME_BYTES for part in parts):
        raise ModelError(f"{archive}: a file name in the archive is too long ({name[:60]!r}...); refusing")
    if info.flag_bits & ENCRYPTED:
        raise ModelError(f"{archive}: {name!r} is encrypted; model archives are not, refusing")
    kind = stat.S_IFMT(info.external_attr >> 16)  # 0 when the archiver recorded permissions only
    if info.create_system == UNIX_SYSTEM and kind not in (0, stat.S_IFREG, stat.S_IFDIR):
        raise ModelError(f"{archive}: {name!r} is a link or special file; a model holds only plain files, refusing")


def check(archive: Path, limits: UnpackLimits) -> None:
    """Read every member to check its CRC, without writing anything."""
    infos = members(archive, limits)
    try:
        with zipfile.ZipFile(archive) as zipped:
            for info in infos:
                with zipped.open(info) as source:
                    while source.read(COPY_BLOCK):
                        pass
    except (zipfile.BadZipFile, OSError, EOFError, zlib.error, NotImplementedError) as exc:
        raise ModelError(f"{archive}: the archive is corrupt ({exc})") from None


def unpack(archive: Path, dest: Path, limits: UnpackLimits) -> Path:
    """Unpack into the empty folder ``dest``; the model folder inside it (its single top folder, else ``dest``)."""
    infos = members(archive, limits)
    _check_room(archive, dest, sum(info.file_size for info in infos))
    try:
        with zipfile.ZipFile(archive) as zipped:
            for info in infos:
                _extract(zipped, info, dest)
    except (zipfile.BadZipFile, EOFError, zlib.error, NotImplementedError) as exc:
        raise ModelError(f"{archive}: the archive is corrupt ({exc})") from None
    except OSError as exc:
        raise DiskError(f"cannot unpack into {dest}: {exc.strerror or exc} (is the disk full or read-only?)") from None
    tops = list(dest.iterdir())
    return tops[0] if len(tops) == 1 and tops[0].is_dir() else dest


def _check_room(archive: Path, dest: Path, needed: int) -> None:
    check_room(dest, needed, f"{archive} unpacks to")


def check_room(folder: Path, needed: int, what: str) -> None:
    """DiskError when ``folder``'s disk cannot take ``needed`` bytes and still keep a margin."""
    try:
        free = shutil.disk_usage(folder).free
    except OSError as exc:
        raise DiskError(f"cannot use {folder}: {exc.strerror or exc}") from None
    if free < needed + FREE_MARGIN_BYTES:
        raise DiskError(f"{what} {needed / 1e6:.0f} MB but {folder} has only {free / 1e6:.0f} MB free; "
                        "free some space and run the command again")


def _extract(zipped: zipfile.ZipFile, info: zipfile.ZipInfo, dest: Path) -> None:
    """One member, written with O_EXCL so nothing already there (a link, say) is followed."""
    path = dest.joinpath(*PurePosixPath(info.filename).parts)
    if info.is_dir():
        path.mkdir(parents=True, exist_ok=True)
        return
    path.parent.mkdir(parents=True, exist_ok=True)
    written = 0
    with zipped.open(info) as source, path.open("xb") as out:
        while block := source.read(COPY_BLOCK):
            written += len(block)
            if written > info.file_size:  # zipfile stops at the declared size; this is a second lock
                raise zipfile.BadZipFile(f"{info.filename} is longer than declared")
            out.write(block)
