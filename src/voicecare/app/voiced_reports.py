"""A turn's report printed once its reply was said: ``spoken`` is what was heard, never what was only meant to be.

Outside review 16 (F8): with the synthesiser missing, crashing or a full disk, every JSON line of ``listen`` still
listed all its sentences in ``spoken``, which README defines as "what was said aloud of it"; and live listening
and the kiosk printed each turn as soon as its reply was queued, before a word of it was said. The replay holds a
recording's turns until its reply was played; live listening and the kiosk (``HeldReports``) hold each turn until
the speaker is idle (checked at once, and again in every quiet moment of the microphone, so the loop never waits on
it), then print it with the sentences the synthesiser or the device lost left out and ``speech_error`` saying why.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field

from voicecare.conversation.voice import TurnReport
from voicecare.speech_out.tts import Speaker

LAST_WAIT_SECONDS = 60.0
"""The most the last turns wait for their reply to be said when listening ends."""


def as_voiced(report: TurnReport, lost: Sequence[str], file_error: str | None, failed: str | None) -> TurnReport:
    """``report`` with ``spoken`` holding only what was said aloud: none of it when its reply file could not be
    written (``file_error``), none of the texts ``lost`` to a failing synthesiser or device (``failed``: why). The
    JSON listed every sentence as spoken when no synthesiser loaded or the disk was full (outside review 16 F8)."""
    if file_error is not None:
        return dataclasses.replace(report, spoken=(), speech_error=file_error)
    unsaid = [text for text in report.spoken if text in lost]
    if not unsaid:
        return report
    return dataclasses.replace(report, spoken=tuple(t for t in report.spoken if t not in unsaid),
                               speech_error=failed or "speech failed")


@dataclass
class HeldReports:
    """Turn reports held until the speaker has said (or failed to say) their replies, then given to ``show``."""

    speaker: Speaker
    show: Callable[[TurnReport], None]
    held: list[TurnReport] = field(default_factory=list)

    def turn(self, report: TurnReport) -> None:
        """A turn answered: its reply is queued, not said yet."""
        self.held.append(report)
        self.release()

    def release(self, wait: float = 0.0) -> None:
        """Show the turns held, once nothing is left to say (waiting at most ``wait`` seconds for that)."""
        if not self.held or not self.speaker.wait_idle(wait):
            return
        lost = self.speaker.take_lost()
        held, self.held = self.held, []
        for report in held:
            self.show(as_voiced(report, lost, None, self.speaker.failed))

    def quiet(self, seconds: float) -> None:
        """The microphone hears nothing (``turns_from``'s ``quiet``): a reply said by now is reported."""
        self.release()

    def finish(self) -> None:
        """Listening ends: the last turns are reported once said (or after ``LAST_WAIT_SECONDS``, as they are)."""
        self.release(LAST_WAIT_SECONDS)
        if self.held:
            self.release_now()

    def release_now(self) -> None:
        """Show what is held whatever the speaker is doing (a reply still playing at the end is left out, unsaid)."""
        lost = [*self.speaker.take_lost(), *(t for r in self.held for t in r.spoken)]
        held, self.held = self.held, []
        for report in held:
            self.show(as_voiced(report, lost, None, self.speaker.failed or "not said before listening ended"))
