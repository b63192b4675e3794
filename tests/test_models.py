"""Model downloads against a local HTTP server: resume, truncation, corruption, atomic install."""

from __future__ import annotations

import hashlib
import http.server
import io
import threading
import zipfile
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

from voicecare import models
from voicecare.errors import ModelError
from voicecare.stt import vosk_problems

FILES = ("am/final.mdl", "conf/model.conf", "conf/mfcc.conf", "graph/HCLG.fst", "graph/words.txt")


def model_zip(folder: str = "vosk-model-test", files: tuple[str, ...] = FILES) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for name in files:
            archive.writestr(f"{folder}/{name}", (name * 4000).encode())
    return buffer.getvalue()


@dataclass
class Server:
    """Serves one archive on 127.0.0.1 with Range support; can cut a response short."""

    body: bytes
    cut_at: int | None = None
    honour_range: bool = True
    ranges: list[str | None] | None = None

    def __post_init__(self) -> None:
        self.ranges = []
        owner = self

        class Handler(http.server.BaseHTTPRequestHandler):
            def do_GET(self) -> None:
                wanted = self.headers.get("Range")
                assert owner.ranges is not None
                owner.ranges.append(wanted)
                start = int(wanted.split("=")[1].rstrip("-")) if wanted and owner.honour_range else 0
                payload = owner.body[start:]
                self.send_response(206 if start else 200)
                self.send_header("Content-Length", str(len(payload)))
                self.end_headers()
                if owner.cut_at is not None and start < owner.cut_at:
                    self.wfile.write(owner.body[start:owner.cut_at])
                    owner.cut_at = None
                    self.close_connection = True
                    return
                self.wfile.write(payload)

            def log_message(self, *args: object) -> None:
                pass

        self.httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.thread = threading.Thread(target=self.httpd.serve_forever, daemon=True)
        self.thread.start()

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.httpd.server_address[1]}/model.zip"

    def close(self) -> None:
        self.httpd.shutdown()
        self.httpd.server_close()


@pytest.fixture()
def serve() -> Iterator[list[Server]]:
    servers: list[Server] = []
    yield servers
    for server in servers:
        server.close()


def entry(server: Server, body: bytes, sha: bool = True) -> models.ModelEntry:
    digest = hashlib.sha256(body).hexdigest() if sha else None
    return models.ModelEntry("test", "test model", server.url, len(body), digest, "vosk-model-test", True)


def test_download_verifies_and_installs(tmp_path: Path, serve: list[Server]) -> None:
    body = model_zip()
    serve.append(server := Server(body))
    seen: list[tuple[int, int]] = []
    path = models.download(entry(server, body), tmp_path, lambda done, total: seen.append((done, total)))
    assert path == tmp_path / "vosk-model-test" and vosk_problems(path) == []
    assert seen[-1] == (len(body), len(body))
    assert not list(tmp_path.glob(".unpack-*")) and not (tmp_path / ".downloads" / "test.zip.part").exists()


def test_truncated_download_keeps_the_part_and_resumes(tmp_path: Path, serve: list[Server]) -> None:
    body = model_zip()
    serve.append(server := Server(body, cut_at=len(body) // 3))
    with pytest.raises(ModelError, match="run the same command again to resume"):
        models.download(entry(server, body), tmp_path)
    part = tmp_path / ".downloads" / "test.zip.part"
    assert part.stat().st_size == len(body) // 3
    assert not (tmp_path / "vosk-model-test").exists()  # nothing half-installed
    models.download(entry(server, body), tmp_path)
    assert server.ranges == [None, f"bytes={len(body) // 3}-"]
    assert vosk_problems(tmp_path / "vosk-model-test") == []


def test_server_ignoring_range_restarts_cleanly(tmp_path: Path, serve: list[Server]) -> None:
    body = model_zip()
    serve.append(server := Server(body, cut_at=1000, honour_range=False))
    with pytest.raises(ModelError):
        models.download(entry(server, body), tmp_path)
    models.download(entry(server, body), tmp_path)
    assert vosk_problems(tmp_path / "vosk-model-test") == []


def test_corrupt_archive_is_rejected_and_removed(tmp_path: Path, serve: list[Server]) -> None:
    body = bytearray(model_zip())
    body[len(body) // 2] ^= 0xFF
    serve.append(server := Server(bytes(body)))
    with pytest.raises(ModelError, match=r"corrupt \(bad data in|corrupt \(not a valid zip"):
        models.download(entry(server, bytes(body), sha=False), tmp_path)
    assert not (tmp_path / "vosk-model-test").exists()
    assert not (tmp_path / ".downloads" / "test.zip.part").exists()


def test_checksum_mismatch_is_rejected(tmp_path: Path, serve: list[Server]) -> None:
    body = model_zip()
    serve.append(server := Server(body))
    wrong = models.ModelEntry("test", "t", server.url, len(body), "0" * 64, "vosk-model-test", True)
    with pytest.raises(ModelError, match="checksum mismatch"):
        models.download(wrong, tmp_path)
    assert not (tmp_path / "vosk-model-test").exists()


def test_archive_without_a_model_is_not_installed(tmp_path: Path, serve: list[Server]) -> None:
    body = model_zip(files=("README",))
    serve.append(server := Server(body))
    with pytest.raises(ModelError, match="does not hold a Vosk model"):
        models.download(entry(server, body), tmp_path)
    assert not (tmp_path / "vosk-model-test").exists() and not list(tmp_path.glob(".unpack-*"))


def test_unreachable_server_is_a_one_line_error(tmp_path: Path, serve: list[Server]) -> None:
    serve.append(server := Server(b""))
    body = model_zip()
    dead = models.ModelEntry("test", "t", server.url, len(body), None, "vosk-model-test", True)
    server.close()
    serve.clear()
    with pytest.raises(ModelError, match="interrupted at 0 of"):
        models.download(dead, tmp_path)


def test_verify_and_manifest(tmp_path: Path) -> None:
    shipped = models.read_manifest(Path(__file__).resolve().parents[1] / "models" / "manifest.toml")
    assert [e.name for e in shipped if e.default] == ["small-en-us"] and len(shipped) >= 2
    archive = tmp_path / "m.zip"
    archive.write_bytes(model_zip())
    assert models.verify(archive) == []
    archive.write_bytes(b"PK\x03\x04 garbage")
    assert models.verify(archive)
    assert models.verify(tmp_path / "missing")
    bad = tmp_path / "manifest.toml"
    bad.write_text("[models.x]\nurl = 'u'\n")
    with pytest.raises(ModelError, match=r"models\.x: missing or bad"):
        models.read_manifest(bad)
