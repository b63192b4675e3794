"""systemd's notify protocol, without a new dependency: one datagram to $NOTIFY_SOCKET.

The kiosk unit is ``Type=notify`` with ``WatchdogSec``: the kiosk says READY=1 once it can
speak, and WATCHDOG=1 while its loop is alive (audio consumed, or a device retry under way).
A kiosk that is alive but stuck (a recogniser that hangs, a read that never returns) stops
pinging, and systemd restarts it. Outside systemd ($NOTIFY_SOCKET unset) nothing is sent.
"""

from __future__ import annotations

import os
import socket
import time
from collections.abc import Callable

PING_FRACTION = 0.25
"""Ping at this fraction of the watchdog period: three pings may be late before systemd acts."""
DEFAULT_PING_SECONDS = 5.0
"""Between pings when systemd did not say its period ($WATCHDOG_USEC)."""


class Notifier:
    """Sends systemd state lines; never raises (the watchdog must not be what stops a kiosk)."""

    def __init__(self, address: str | None, ping_seconds: float = DEFAULT_PING_SECONDS,
                 clock: Callable[[], float] = time.monotonic) -> None:
        # An address starting with "@" is in the abstract namespace (systemd's usual choice).
        self._address = None if not address else ("\0" + address[1:] if address.startswith("@") else address)
        self._ping_seconds = ping_seconds
        self._clock = clock
        self._last_ping: float | None = None

    @classmethod
    def from_environment(cls) -> Notifier:
        usec = os.environ.get("WATCHDOG_USEC", "")
        ping = int(usec) / 1e6 * PING_FRACTION if usec.isdigit() and int(usec) > 0 else DEFAULT_PING_SECONDS
        return cls(os.environ.get("NOTIFY_SOCKET"), ping)

    def ready(self) -> None:
        self._send("READY=1")

    def status(self, text: str) -> None:
        """STATUS=, the line ``systemctl status`` shows (one line: a newline would end the field)."""
        self._send("STATUS=" + " ".join(text.split()))

    def alive(self) -> None:
        """WATCHDOG=1, at most once per ping interval (called for every block of audio)."""
        now = self._clock()
        if self._last_ping is not None and now - self._last_ping < self._ping_seconds:
            return
        self._last_ping = now
        self._send("WATCHDOG=1")

    def _send(self, state: str) -> None:
        if self._address is None:
            return
        try:
            with socket.socket(socket.AF_UNIX, socket.SOCK_DGRAM) as sock:
                sock.setblocking(False)  # a reader that is not reading must never stop the kiosk's loop
                sock.sendto(state.encode(), self._address)
        except OSError:
            pass  # systemd gone or the socket refused: the kiosk goes on; a missed ping restarts it at worst
