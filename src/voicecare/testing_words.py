"""A real synthesiser that notes what it was asked to say: what a reply said, read on the speaker's side.

Imported through ``voicecare.testing``, which gathers every test double. The
speech itself stays real (the espeak-ng worker, into the real sink): a test
measures the WAV written and reads the words that went into it.
"""

from __future__ import annotations

from collections.abc import Callable

from voicecare.interfaces import Clip, Interruptible, Synthesizer


class NotingSynthesizer:
    """Wraps a real synthesiser; ``texts`` are the texts it was given, in order.

    A speaker makes its ready texts ("Call 911 now.") at start-up and keeps
    their clips, so they are noted once, first, however often they are said.
    """

    def __init__(self, make: Callable[[], Synthesizer]) -> None:
        self._make = make
        self._engine: Synthesizer | None = None
        self.texts: list[str] = []

    def __call__(self) -> NotingSynthesizer:
        """Made in the speaker's own thread, as the real synthesiser is (``main(synthesizer=...)``)."""
        self._engine = self._make()
        return self

    def synth(self, text: str, rate_wpm: int) -> Clip:
        assert self._engine is not None, "made by the speaker before use"
        self.texts.append(text)
        return self._engine.synth(text, rate_wpm)

    def abandon(self) -> None:
        """An emergency cut in: passed on, so the real engine gives up its request as it would alone."""
        if isinstance(self._engine, Interruptible):
            self._engine.abandon()

    def close(self) -> None:
        close = getattr(self._engine, "close", None)
        if callable(close):
            close()
