"""Replies started at a pause, before the caregiver's turn has surely ended, and withdrawn if they go on."""

from __future__ import annotations

from collections.abc import Callable, Collection, Hashable, Sequence
from dataclasses import dataclass, replace
from typing import Generic, TypeVar

from voicecare.interfaces import Transcript

Reply = TypeVar("Reply", bound=Hashable)
"""What a reply is to whoever starts it (the messages to say); compared to tell a steady one."""

PROVISIONAL_SECONDS = 0.4
"""Quiet after which a reply starts provisionally on a steady partial, before the turn has surely ended: if
the caregiver speaks again before ``pipeline.END_SILENCE_SECONDS``, it is withdrawn and the whole turn answered."""
STEADY_SECONDS = 0.2
"""A reply to the partial results unchanged this long (two blocks) is steady enough to start."""
ASK_AGAIN_SECONDS = 1.0
"""Quiet after which a reply that only asks to hear it again ("Sorry, I missed that.") may start: later than one
that answers, as a reading not understood is as often the first half of a sentence ("my son, um") as a sentence
misheard; sooner than the turn's end (1.5 s), which half the replies waited for. At 0.8 s it started in 6 of 18
pauses of 0.9 s mid-sentence (piper joe; ``benchmarks/bench_pauses.py``), at 1.0 s in none; pauses of 1.2 s
still meet it (and an answer at 0.4 s meets 7 of 18 of any length). Now only for words that end as no sentence
does ("my son is": ``ask_again_wait``); such a reply stops at the first loud block after it (``yields``)."""

ASK_AGAIN_WHOLE_SECONDS = 0.6
"""Quiet after which a reply that only asks again starts when the words so far may be a whole sentence (they do not
end on a word no sentence ends on, ``Language.unfinished``: "my son is"); those that do wait ``ASK_AGAIN_SECONDS``.
Bench sentences said in two halves (``benchmarks/bench_pauses.py``, 24 each): at 0.4 s it started in 10 of 24 pauses
of 0.5 s (espeak en-us; 2 before), at 0.6 s in none of them, and in 3 (piper joe) or 10 (espeak) more of the pauses
of 0.7 and 0.9 s, where it stops at once as the caregiver goes on ("Sorry, I m..."); 0.8 s spares 0.7 s pauses."""


def ask_again_wait(words: Sequence[str], unfinished: Collection[str], whole: float = ASK_AGAIN_WHOLE_SECONDS,
                   cut: float = ASK_AGAIN_SECONDS) -> float:
    """The quiet a reply that only asks to hear ``words`` again waits for: ``cut`` when they end on a word a sentence
    does not end on (the caregiver is likely to go on), else ``whole``."""
    return cut if words and words[-1] in unfinished else whole


@dataclass(frozen=True)
class Provisional:
    """A reply started on a steady partial result at a pause, before the turn had surely ended."""

    at: float
    """Seconds into the audio when the reply was started."""
    text: str
    """The partial result it answered."""
    withdrawn: bool = False
    """The caregiver spoke again before the turn ended, and the reply was stopped."""


class EarlyReplies(Generic[Reply]):
    """Starts a reply at a pause once what it would say is steady, and withdraws it when the caregiver goes on.

    A turn ends only after ``pipeline.END_SILENCE_SECONDS`` of quiet (a pause for
    breath inside one is often 1.2 s), which is too long to wait before
    answering. So from ``after - steady`` seconds of quiet, ``prepare(partial)``
    works out the reply to each new partial result (None: no early reply for
    it); at ``after`` seconds, when that reply has not changed for ``steady``
    seconds, ``start(reply)`` says it. Steady is judged on the reply, not the
    words: in noise the recogniser keeps adding words to the quiet ("... sore
    back for what if") that change nothing. A reading of the turn to its end
    (``Transcript.final``: the recogniser finished the audio so far at the
    pause) is the one the end of the turn gives, so its reply needs no wait
    to be steady. If the caregiver goes on before the turn ends and what they
    add changes the reply (a new sign, a command, a denial: ``prepare`` of the
    reading with their new words differs), ``withdraw()`` stops it and the turn
    goes on, to be answered whole (once the changed reply has held for
    ``steady`` seconds). Loudness alone never withdraws it: steady
    noise after the words (a fan, a television, other talkers) was taken for
    the caregiver going on, and the reply was stopped and started again two or
    three times (outside review 13, F9). An emergency always does (it cuts in).
    """

    def __init__(self, prepare: Callable[[Transcript], Reply | None], start: Callable[[Reply], None],
                 withdraw: Callable[[], None] = lambda: None, after: float = PROVISIONAL_SECONDS,
                 steady: float = STEADY_SECONDS, wait: Callable[[Reply], float] | None = None,
                 yields: Callable[[Reply], bool] = lambda reply: False) -> None:
        self.prepare = prepare
        self.start = start
        self.withdraw = withdraw
        self.after = after
        self.steady = steady
        self.wait = wait
        """The quiet a given reply waits for, when some wait longer than ``after`` (a reply that only asks again)."""
        self.yields = yields
        """True for a reply that stops at the first loud block after it started, whatever was heard (one that only
        asks again: nothing is lost by stopping it, and the caregiver going on after a pause mid-sentence heard
        "Sorry, I missed that. Please tell..." over their own words until the new words were read, about 0.8 s:
        outside review 15, F9). Once one has yielded, the turn's other such replies wait for its end, so steady
        noise after unclear words cuts a reply off once at most, never again and again (outside review 13, F9)."""
        self._yielded = False
        self.replies: list[Provisional] = []
        self._live = False
        self._heard = Transcript("", False)
        self._prepared: tuple[Transcript, Reply | None] | None = None
        """(reading, its reply) last worked out."""
        self._since = 0.0
        """Seconds into the audio since when the reply has been the same."""
        self._started: Reply | None = None
        """The reply being said, while one is (``_live``)."""

    def partial(self, heard: Transcript, seconds: float) -> None:
        """The latest partial result, or the reading of the turn so far to its end, at ``seconds`` into the audio."""
        self._heard = heard

    def feed(self, quiet_for: float, heard_speech: bool, seconds: float, acted: bool) -> None:
        """After the endpointer has seen the block ending at ``seconds`` and not ended the turn.

        ``quiet_for``: seconds of quiet since speech (0: this block was speech);
        ``heard_speech``: the turn has had speech; ``acted``: 911 was already said.
        """
        if quiet_for == 0.0:
            self._went_on(seconds, acted)
            return
        heard = self._heard
        if acted or self._live or not heard_speech or not heard.text or quiet_for < self.after - self.steady:
            return
        reply = self._reply(seconds)
        steady = heard.final or seconds - self._since >= self.steady
        if reply is not None and quiet_for >= self._after(reply) and steady:
            self._live, self._started = True, reply
            self.replies.append(Provisional(seconds, heard.text))
            self.start(reply)

    def _after(self, reply: Reply) -> float:
        """The quiet ``reply`` waits for: ``after``, or longer when ``wait`` says so (never again at a pause, for
        a reply that yields once one has: see ``yields``)."""
        if self._yielded and self.yields(reply):
            return float("inf")
        return max(self.after, self.wait(reply)) if self.wait is not None else self.after

    def _reply(self, seconds: float) -> Reply | None:
        """The reply to the latest partial, noting when it changed."""
        if self._prepared is not None and self._prepared[0] == self._heard:
            return self._prepared[1]
        reply = self.prepare(self._heard)
        if self._prepared is None or reply != self._prepared[1]:
            self._since = seconds
        self._prepared = (self._heard, reply)
        return reply

    def _went_on(self, seconds: float, acted: bool) -> None:
        """The block was loud: the caregiver went on, or the room is loud. The reply being said stops only when
        what was heard since changes it (or an emergency cut in); before one starts, the wait starts again."""
        if not self._live:
            self._prepared = None
            return
        if not acted and self._started is not None and self.yields(self._started):
            self._yielded = True
            self._stop()
            return
        if not acted and self._reply(seconds) == self._started:
            return  # the room, or more words that change nothing: the reply goes on
        if not acted and seconds - self._since < self.steady:
            # Only a change that holds: in babble a partial flickered to "trouble walking" for one block and back,
            # and the reply was stopped and started again for nothing.
            return
        self._stop()

    def _stop(self) -> None:
        """Withdraw the reply being said; the turn goes on, to be answered whole."""
        self._prepared = None
        self._live, self._started = False, None
        self.withdraw()
        self.replies[-1] = replace(self.replies[-1], withdrawn=True)
