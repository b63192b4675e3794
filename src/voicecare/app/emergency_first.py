"""Speaking a batch's replies so that an emergency is never queued behind another caregiver's reply.

In ``triage --audio A.wav B.wav ...`` (or several ``--text``) each recording is its own
caregiver, and each reply is spoken whole, one after another: one reply must not cut off
another. Spoken in file order, a "Call 911 now." for the fifth recording would wait behind
four other replies (outside review 10, E2; policy rule 3: emergency advice first). So an
emergency reply is spoken as soon as it is decided, and every other reply waits until the
batch has been triaged, then follows in file order. The printed results keep file order
and name each file; only the speaking is reordered.
"""

from __future__ import annotations

from collections.abc import Sequence

from voicecare.domain import Level, Message
from voicecare.speech_out.tts import Speaker


class EmergencyFirst:
    """Emergency replies now, the others after the last recording."""

    def __init__(self, speaker: Speaker | None) -> None:
        self.speaker = speaker
        self._waiting: list[Sequence[Message]] = []

    def reply(self, level: Level, messages: Sequence[Message]) -> None:
        """Speak an emergency reply at once (whole, before the next); keep any other for ``finish``."""
        if self.speaker is None:
            return
        if level is Level.EMERGENCY:
            self.speaker.say(list(messages))
            self.speaker.wait_idle()
        else:
            self._waiting.append(messages)

    def finish(self) -> None:
        """Speak the replies kept back, in the order of their recordings, each whole."""
        if self.speaker is None:
            return
        for messages in self._waiting:
            self.speaker.say(list(messages))
            self.speaker.wait_idle()
        self._waiting.clear()
