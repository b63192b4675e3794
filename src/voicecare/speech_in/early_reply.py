"""Replies started at a pause, before the caregiver's turn has surely ended, and withdrawn if they go on."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, replace

from voicecare.interfaces import Transcript

PROVISIONAL_SECONDS = 0.4
"""Quiet after which a reply starts provisionally on a steady partial, before the turn has surely ended: if
the caregiver speaks again before ``pipeline.END_SILENCE_SECONDS``, it is withdrawn and the whole turn answered."""
STEADY_SECONDS = 0.2
"""A partial result unchanged this long (two blocks) is steady enough to start a provisional reply on."""


@dataclass(frozen=True)
class Provisional:
    """A reply started on a steady partial result at a pause, before the turn had surely ended."""

    at: float
    """Seconds into the audio when the reply was started."""
    text: str
    """The partial result it answered."""
    withdrawn: bool = False
    """The caregiver spoke again before the turn ended, and the reply was stopped."""


class EarlyReplies:
    """Starts a reply at a pause on a steady partial, and withdraws it when the caregiver goes on.

    A turn ends only after ``pipeline.END_SILENCE_SECONDS`` of quiet (a pause for
    breath inside one is often 1.2 s), which is too long to wait before
    answering. So at ``after`` seconds of quiet, when the partial result has
    not changed for ``STEADY_SECONDS``, ``start(partial)`` may start a reply
    (it returns False to decline); if speech comes again before the turn
    ends, ``withdraw()`` stops it and the turn goes on, to be answered whole.
    """

    def __init__(self, start: Callable[[Transcript], bool], withdraw: Callable[[], None] = lambda: None,
                 after: float = PROVISIONAL_SECONDS) -> None:
        self.start = start
        self.withdraw = withdraw
        self.after = after
        self.replies: list[Provisional] = []
        self._live = False
        self._tried = ""
        self._text = ""
        self._changed_at = 0.0

    def partial(self, text: str, seconds: float) -> None:
        """The latest partial result, at ``seconds`` into the audio."""
        if text != self._text:
            self._text, self._changed_at = text, seconds

    def feed(self, quiet_for: float, heard_speech: bool, seconds: float, acted: bool) -> None:
        """After the endpointer has seen the block ending at ``seconds`` and not ended the turn.

        ``quiet_for``: seconds of quiet since speech (0: this block was speech);
        ``heard_speech``: the turn has had speech; ``acted``: 911 was already said.
        """
        if quiet_for == 0.0:
            self._went_on()
            return
        if (acted or self._live or not heard_speech or quiet_for < self.after or not self._text
                or self._text == self._tried or seconds - self._changed_at < STEADY_SECONDS):
            return
        self._tried = self._text  # asked once per steady reading: a declined one is not asked again
        if self.start(Transcript(self._text, False)):
            self._live = True
            self.replies.append(Provisional(seconds, self._text))

    def _went_on(self) -> None:
        self._tried = ""
        if self._live:
            self._live = False
            self.withdraw()
            self.replies[-1] = replace(self.replies[-1], withdrawn=True)
