"""Model archive downloads that a broken or hostile server cannot stretch: exact size, a deadline, checked redirects."""

from __future__ import annotations

import contextlib
import errno
import http.client
import shutil
import socket
import ssl
import threading
import urllib.parse
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO

from voicecare.errors import ModelError

Progress = Callable[[int, int], None]
BLOCK_BYTES = 1 << 16
ZIP_MAGIC = b"PK\x03\x04"
REDIRECTS = (301, 302, 303, 307, 308)
OFFLINE_ERRNOS = {errno.ECONNREFUSED, errno.ENETUNREACH, errno.EHOSTUNREACH, errno.ENETDOWN, errno.EHOSTDOWN}
INSTALL_HINT = "copy the zip to this machine and use 'voicecare models install FILE'"


@dataclass(frozen=True)
class FetchLimits:
    """How long a download may take; tests shrink these to fractions of a second."""

    read_timeout: float = 30.0
    """Seconds without a single byte before the connection counts as dead."""
    setup_seconds: float = 60.0
    """Seconds allowed on top of the transfer itself (DNS, connecting, redirects)."""
    min_rate: float = 20_000.0
    """Bytes per second the whole download must average (a 41 MB model: about 35 minutes)."""
    max_redirects: int = 5

    def deadline(self, size: int) -> float:
        """The whole download's allowance in seconds: a drip of one byte a second cannot last for ever."""
        return self.setup_seconds + size / self.min_rate


@dataclass(frozen=True)
class Target:
    """What the manifest promises about the archive at a URL."""

    url: str
    size: int
    """Exact archive size in bytes."""
    checksummed: bool
    """True when a sha256 will check the bytes afterwards, so a mirror on another host is safe to follow."""


@dataclass
class _Hop:
    """Where a download is: the URL being asked (the manifest's, or a redirect's) and whether it was connected to,
    so a failure names the host that failed and what failed (review18 F16: a dead redirect target and a server
    that never answered both read "cannot reach <the manifest's host>: no network?")."""

    url: str
    connected: bool = False


class _Watchdog:
    """Shuts the socket at the deadline, which wakes a read blocked on a server that sends nothing."""

    def __init__(self, seconds: float) -> None:
        self.expired = threading.Event()
        self._conn: http.client.HTTPConnection | None = None
        self._timer = threading.Timer(seconds, self._fire)
        self._timer.daemon = True
        self._timer.start()

    def watch(self, conn: http.client.HTTPConnection) -> None:
        self._conn = conn

    def _fire(self) -> None:
        self.expired.set()
        sock = self._conn.sock if self._conn is not None else None
        if sock is not None:
            with contextlib.suppress(OSError):  # already closed: the reader wakes up anyway
                sock.shutdown(socket.SHUT_RDWR)

    def cancel(self) -> None:
        self._timer.cancel()


def fetch(target: Target, partial: Path, limits: FetchLimits, progress: Progress | None = None) -> None:
    """Bring ``partial`` to exactly ``target.size`` bytes, resuming what is there; ModelError on any problem."""
    have = _have(partial, target.size)
    if have == target.size:
        return
    seconds = limits.deadline(target.size - have)
    watchdog = _Watchdog(seconds)
    hop = _Hop(target.url)
    try:
        _fetch(target, partial, have, limits, watchdog, progress, hop)
    except (OSError, http.client.HTTPException) as exc:
        if watchdog.expired.is_set():
            raise _stalled(target, partial, f"took longer than the {seconds:.0f} s allowed") from None
        raise _network_error(target, partial, exc, hop, limits) from None
    finally:
        watchdog.cancel()
    if watchdog.expired.is_set() and _have(partial, target.size) < target.size:  # it may have fired just after the end
        raise _stalled(target, partial, f"took longer than the {seconds:.0f} s allowed")


def _have(partial: Path, size: int) -> int:
    """Bytes of a previous attempt worth resuming (none when the file is longer than the archive)."""
    try:
        have = partial.stat().st_size if partial.exists() else 0
        if have > size or not partial.is_file():
            _remove(partial)
            have = 0
    except OSError as exc:
        raise ModelError(f"cannot use {partial}: {exc.strerror or exc}; remove it and run the command again") from None
    return have


def _remove(path: Path) -> None:
    if path.is_dir() and not path.is_symlink():
        shutil.rmtree(path)
    else:
        path.unlink(missing_ok=True)


def _fetch(target: Target, partial: Path, have: int, limits: FetchLimits, watchdog: _Watchdog,
           progress: Progress | None, hop: _Hop) -> None:
    url = target.url
    for _ in range(limits.max_redirects + 1):
        hop.url, hop.connected = url, False
        conn = _connect(url, limits, watchdog)
        hop.connected = True
        try:
            headers = {"User-Agent": "voicecare", "Accept-Encoding": "identity"}
            if have:
                headers["Range"] = f"bytes={have}-"
            conn.request("GET", _path_of(url), headers=headers)
            response = conn.getresponse()
            if response.status in REDIRECTS:
                url = _follow(target, url, response.getheader("Location") or "")
                continue
            start = _accept(target, url, response, have, partial)
            _copy(response, partial, start, target, watchdog, progress)
            return
        finally:
            conn.close()
    raise ModelError(f"{target.url}: more than {limits.max_redirects} redirects; the manifest's URL may be out of date")


def _connect(url: str, limits: FetchLimits, watchdog: _Watchdog) -> http.client.HTTPConnection:
    parts = _parse(url)
    assert parts.hostname is not None  # _parse checked it
    conn: http.client.HTTPConnection
    if parts.scheme == "https":
        conn = http.client.HTTPSConnection(parts.hostname, parts.port, timeout=limits.read_timeout,
                                           context=ssl.create_default_context())
    else:
        conn = http.client.HTTPConnection(parts.hostname, parts.port, timeout=limits.read_timeout)
    watchdog.watch(conn)
    conn.connect()
    return conn


def _parse(url: str) -> urllib.parse.SplitResult:
    """The URL's parts; ModelError for anything but http(s)://host/... ."""
    try:
        parts = urllib.parse.urlsplit(url)
        parts.port  # noqa: B018 - raises ValueError for a bad port
    except ValueError as exc:
        raise ModelError(f"bad model URL {url!r} ({exc}); fix the manifest") from None
    if parts.scheme not in ("http", "https") or not parts.hostname:
        raise ModelError(f"bad model URL {url!r}: only http:// and https:// addresses can be downloaded; fix the manifest")
    return parts


def _path_of(url: str) -> str:
    parts = urllib.parse.urlsplit(url)
    return (parts.path or "/") + (f"?{parts.query}" if parts.query else "")


def _follow(target: Target, url: str, location: str) -> str:
    """The redirect's URL, if it is safe to follow: never to plain http, to another host only with a checksum."""
    new = urllib.parse.urljoin(url, location)
    old_parts, new_parts = _parse(url), _parse(new)
    if old_parts.scheme == "https" and new_parts.scheme != "https":
        raise ModelError(f"{url} redirects to unencrypted {new}; refusing")
    if new_parts.hostname != old_parts.hostname and not target.checksummed:
        raise ModelError(f"{url} redirects to another host ({new_parts.hostname}) and the manifest has no sha256 "
                         "to check what it sends; refusing (add the sha256, or download by hand and "
                         "use 'voicecare models install FILE')")
    return new


def _accept(target: Target, url: str, response: http.client.HTTPResponse, have: int, partial: Path) -> int:
    """Check the response is the archive the manifest describes; the byte offset it starts at."""
    host = urllib.parse.urlsplit(url).hostname
    if response.status == 416:  # what we have does not fit the file any more: start again next time
        partial.unlink(missing_ok=True)
        raise ModelError(f"{host} refused to resume the download; removed the partial file, run the command again")
    if response.status not in (200, 206):
        hint = "; the manifest's URL may be out of date" if response.status in (404, 410) else ""
        raise ModelError(f"download failed: HTTP {response.status} {response.reason} from {url}{hint}")
    kind = (response.getheader("Content-Type") or "").lower()
    if kind.startswith(("text/html", "application/xhtml")):
        raise ModelError(f"{host} sent a web page instead of the model (a login page or a Wi-Fi portal?); "
                         "check the network, or " + INSTALL_HINT)
    start = _range_start(target, response, host) if response.status == 206 else 0  # 200: the whole file again
    if response.status == 206 and start != have:  # a piece we did not ask for: appending it would corrupt the file
        partial.unlink(missing_ok=True)
        raise ModelError(f"{host} answered with another part of the file than asked; removed the partial "
                         "download, run the command again")
    length = response.getheader("Content-Length")
    if length is not None and length.strip().isdigit() and start + int(length) != target.size:
        raise ModelError(f"{host} sends {start + int(length)} bytes but the manifest says the archive is "
                         f"{target.size} bytes; refusing (the URL may point to another file)")
    return start


def _range_start(target: Target, response: http.client.HTTPResponse, host: str | None) -> int:
    """Where a 206 response starts, after checking it describes a file of the manifest's size."""
    content_range = response.getheader("Content-Range") or ""
    try:
        unit, _, rest = content_range.partition(" ")
        span, _, total = rest.partition("/")
        first = int(span.split("-")[0])
    except ValueError:
        return -1
    if unit != "bytes":
        return -1
    if total.strip() not in ("*", str(target.size)):
        raise ModelError(f"{host} says the archive is {total.strip()} bytes but the manifest says {target.size}; "
                         "refusing (the URL may point to another file)")
    return first


def _copy(response: http.client.HTTPResponse, partial: Path, have: int, target: Target, watchdog: _Watchdog,
          progress: Progress | None) -> None:
    """Append to ``partial`` up to exactly the promised size, never a byte more."""
    try:
        # Unbuffered, so a full disk fails in _write with its own message, not later in close().
        out: BinaryIO = partial.open("r+b" if have else "wb", buffering=0)
    except OSError as exc:
        raise ModelError(f"cannot write {partial}: {exc.strerror or exc}") from None
    with out:
        out.seek(have)
        out.truncate()
        while have < target.size and not watchdog.expired.is_set():
            block = response.read1(min(BLOCK_BYTES, target.size - have))
            if not block:
                break
            if have < len(ZIP_MAGIC) and not ZIP_MAGIC[have:].startswith(block[:len(ZIP_MAGIC) - have]):
                raise ModelError(f"{target.url} does not send a zip archive; the manifest's URL may be out of date")
            _write(out, block, partial)
            have += len(block)
            if progress is not None:
                progress(have, target.size)
    if watchdog.expired.is_set():
        return
    if have < target.size:
        raise _stalled(target, partial, "the server closed the connection early")
    if response.read1(1):
        partial.unlink()
        raise ModelError(f"{target.url} sends more than the {target.size} bytes the manifest promises; "
                         "refusing (the URL may point to another file)")


def _write(out: BinaryIO, block: bytes, partial: Path) -> None:
    view = memoryview(block)
    try:
        while view:  # a raw write may be short (at a size limit); the next one then says why
            view = view[out.write(view) or 0:]
    except OSError as exc:
        raise ModelError(f"cannot write {partial}: {exc.strerror or exc} (is the disk full?)") from None


def _stalled(target: Target, partial: Path, why: str) -> ModelError:
    done = partial.stat().st_size if partial.exists() else 0
    return ModelError(f"download interrupted at {done} of {target.size} bytes ({why}); "
                      "run the same command again to resume")


def _network_error(target: Target, partial: Path, exc: BaseException, hop: _Hop, limits: FetchLimits) -> ModelError:
    """No network at all reads differently from a download cut half way, from a redirect's host that is down,
    and from a server that took the connection and never answered."""
    host = urllib.parse.urlsplit(hop.url).hostname
    done = partial.stat().st_size if partial.exists() else 0
    offline = isinstance(exc, socket.gaierror) or (isinstance(exc, OSError) and exc.errno in OFFLINE_ERRNOS)
    if hop.connected and isinstance(exc, TimeoutError) and done == 0:
        return ModelError(f"{host} took the connection but sent nothing in {limits.read_timeout:g} s (the server "
                          f"is stalled or overloaded); try again later, or {INSTALL_HINT}")
    if not hop.connected and hop.url != target.url:  # the manifest's host answered: the network is there
        why = "no such host" if isinstance(exc, socket.gaierror) else (
            getattr(exc, "strerror", None) or str(exc) or type(exc).__name__).lower()
        origin = urllib.parse.urlsplit(target.url).hostname
        return ModelError(f"cannot reach {host}, where {origin} redirects the download ({why}); the mirror may be "
                          f"down: try again later, or {INSTALL_HINT}")
    if offline or (isinstance(exc, TimeoutError) and done == 0):
        return ModelError(f"cannot reach {host}: no network? {INSTALL_HINT}")
    if isinstance(exc, ssl.SSLError):
        return ModelError(f"secure connection to {host} failed ({exc.reason or exc}); check the clock and network")
    return _stalled(target, partial, str(exc) or type(exc).__name__)
