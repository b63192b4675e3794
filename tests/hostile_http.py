"""A misbehaving HTTP server on 127.0.0.1 for download tests: each test says how it answers."""

from __future__ import annotations

import contextlib
import http.server
import threading
from collections.abc import Callable

Handler = http.server.BaseHTTPRequestHandler
Respond = Callable[[Handler], None]


class Server:
    """Serves every GET with ``respond``; records the Range headers; ``stop`` wakes answers that wait."""

    def __init__(self, respond: Respond) -> None:
        self.ranges: list[str | None] = []
        self.stop = threading.Event()
        self.asked = threading.Event()
        owner = self

        class _Handler(http.server.BaseHTTPRequestHandler):
            def do_GET(self) -> None:
                owner.ranges.append(self.headers.get("Range"))
                owner.asked.set()
                with contextlib.suppress(BrokenPipeError, ConnectionResetError):  # the client gave up, as it should
                    respond(self)

            def log_message(self, *args: object) -> None:
                pass

        self.httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), _Handler)
        self.httpd.daemon_threads = True
        self.thread = threading.Thread(target=self.httpd.serve_forever, daemon=True)
        self.thread.start()

    @property
    def port(self) -> int:
        return int(self.httpd.server_address[1])

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}/model.zip"

    def close(self) -> None:
        self.stop.set()
        self.httpd.shutdown()
        self.httpd.server_close()


def send(handler: Handler, body: bytes, status: int = 200, kind: str = "application/zip",
         length: int | None = None, headers: dict[str, str] | None = None) -> None:
    """One response; ``length`` overrides the Content-Length header (-1: none)."""
    handler.send_response(status)
    handler.send_header("Content-Type", kind)
    size = len(body) if length is None else length
    if size >= 0:
        handler.send_header("Content-Length", str(size))
    for key, value in (headers or {}).items():
        handler.send_header(key, value)
    handler.end_headers()
    handler.wfile.write(body)


def ranged(body: bytes, cut_at: list[int | None], honour_range: bool = True) -> Respond:
    """An honest server with Range support that cuts the first response at ``cut_at[0]``."""

    def respond(handler: Handler) -> None:
        wanted = handler.headers.get("Range")
        start = int(wanted.split("=")[1].rstrip("-")) if wanted and honour_range else 0
        payload = body[start:]
        extra = {"Content-Range": f"bytes {start}-{len(body) - 1}/{len(body)}"} if start else {}
        handler.send_response(206 if start else 200)
        handler.send_header("Content-Length", str(len(payload)))
        for key, value in extra.items():
            handler.send_header(key, value)
        handler.end_headers()
        cut = cut_at[0]
        if cut is not None and start < cut:
            cut_at[0] = None
            handler.wfile.write(body[start:cut])
            handler.close_connection = True
            return
        handler.wfile.write(payload)

    return respond
