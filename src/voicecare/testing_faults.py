"""A synthesiser that fails like a native library does: the real espeak-ng worker made to crash, hang, raise or talk garbage.

Run as ``python -m voicecare.testing_faults FAULT N``; imported through
``voicecare.testing``, which gathers every test double.
"""

from __future__ import annotations

import os
import signal
import sys
import threading
from collections.abc import Sequence
from typing import BinaryIO

from voicecare.errors import SpeechError
from voicecare.interfaces import Clip, Synthesizer

SYNTH_FAULTS = ("segfault", "hang", "raise", "garbage", "dead")
"""How this synthesiser worker fails: a native crash, a hang, an exception, nonsense on the pipe,
or ("dead") a crash before it is even ready."""


class FaultySynthesizer:
    """The real espeak-ng engine, inside the real worker, that fails after ``healthy`` good messages.

    Runs in the worker process (``python -m voicecare.testing_faults FAULT HEALTHY``),
    behind the same protocol as the real worker, so the parent sees exactly
    what a crashing espeak-ng would show it.
    """

    def __init__(self, engine: Synthesizer, fault: str, healthy: int, out: BinaryIO) -> None:
        self.engine = engine
        self.fault = fault
        self.healthy = healthy
        self.out = out
        self.served = 0

    def synth(self, text: str, rate_wpm: int) -> Clip:
        self.served += 1
        if self.served > self.healthy:
            self._fail()
        return self.engine.synth(text, rate_wpm)

    def _fail(self) -> None:
        if self.fault == "segfault":
            import ctypes

            ctypes.string_at(0)  # a real invalid read, as a native library bug would do
            os.kill(os.getpid(), signal.SIGSEGV)  # in case page 0 is mapped
        if self.fault == "hang":
            threading.Event().wait()
        if self.fault == "garbage":
            self.out.write(b"Audio saved to /tmp/say.wav\n" * 4)  # what a chatty driver prints
            self.out.flush()
            threading.Event().wait()
        raise SpeechError("injected failure")


def fault_worker_command(fault: str, healthy: int = 0) -> list[str]:
    """The command of a synthesiser worker that fails with ``fault`` after ``healthy`` good messages."""
    if fault not in SYNTH_FAULTS:
        raise ValueError(f"unknown synthesiser fault {fault!r}; one of {', '.join(SYNTH_FAULTS)}")
    return [sys.executable, "-m", "voicecare.testing_faults", fault, str(healthy)]


def fault_worker_main(argv: Sequence[str]) -> int:
    """``python -m voicecare.testing_faults FAULT HEALTHY``: serve like tts_worker, then fail."""
    from voicecare.speech_out.tts_worker import EspeakEngine, open_protocol, serve

    fault, healthy = argv[0], int(argv[1])
    inp, out = open_protocol()
    if fault == "dead":
        os.kill(os.getpid(), signal.SIGSEGV)
    engine = EspeakEngine(None)
    serve(FaultySynthesizer(engine, fault, healthy, out), inp, out, engine.rate)
    return 0


if __name__ == "__main__":
    sys.exit(fault_worker_main(sys.argv[1:]))
