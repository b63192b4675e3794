"""Hearing the wake phrase while the kiosk is asleep: a keyword search on the audio, and a tolerant text match.

The recogniser's own reading misses the phrase: PocketSphinx's model for
descriptions heard "hey voice care" as "came boy's carried" or "really
clear" (the lead's probe: 1 voice in 7 woke the kiosk). So the audio of each
turn heard while asleep also goes to a listener for the phrase alone:
PocketSphinx's keyword search (keyphrase and threshold) on a small decoder of
its own, or for Vosk a grammar of the phrase and "[unk]". The transcript
still counts as a second path, matched tolerantly ("hey voicecare", "hey
boys care"). The phrase comes from the settings (the language's
``wake_phrase``); nothing here knows its words.
"""

from __future__ import annotations

import tempfile
from collections import Counter
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from rapidfuzz import fuzz

from voicecare.domain import Finding, Level
from voicecare.errors import ModelError
from voicecare.interfaces import Recognizer, RecognizerStream, Transcript, WakeListener, WakeStream, Woken
from voicecare.speech_in import lm, stt
from voicecare.speech_in.audio import TARGET_RATE, AudioChunk

FRAMES_PER_SECOND = stt.FRAMES_PER_SECOND
BYTES_PER_SAMPLE = 2


@dataclass(frozen=True)
class WakeSettings:
    """How readily the keyword search hears the phrase; chosen on the tuning voices (benchmarks/bench_wake.py)."""

    threshold: float = 1e-20
    """PocketSphinx's ``kws_threshold``: how much likelier the phrase must be than any other sounds (lower
    hears it more readily, and more often where it was not said). On the tuning voices the phrase scored
    1e-0 to 1e-12 clean and in pink noise at 10 dB, talk without it up to 1e-3 to 1e-5 once and mostly below
    1e-14 (pink 10 dB): at 1e-30 the search woke on 6 of 18 lines of talk in pink noise (piper-joe)."""
    beam: float = 1e-80
    """The search's beam: at the recogniser's 1e-48 the phrase said by flite's kal was pruned before it ended."""
    phone_loop: float = 1e-3
    """``kws_plp``: the prior of the other sounds the phrase is weighed against."""
    warmup: float = stt.WARMUP_SECONDS
    """Seconds of each turn heard once unsearched first, to fit the noise normalisation (0: none)."""
    text_similarity: float = 88.0
    """0-100: how close a stretch of the transcript must be to the phrase, letters compared without spaces
    ("hey voice cares" 96, "he voice care" 96; "voice care" alone 86 and "hey voice" 80 are not enough)."""


Tokens = Callable[[str], list[str]]
Emergencies = Callable[[str], Mapping[str, Finding]]
"""A reading's present findings by symptom id when together they are an emergency, else empty
(``Assistant.understand_partial``)."""

ALARM_READINGS = 2
"""How many of the recogniser's other readings must agree on an emergency sign for it to wake the asleep
kiosk without the phrase. One, as before, woke it on ordinary talk: PocketSphinx's n-best readings are its
best reading with a word swapped ("health care costs are rising" read "... are fainting")."""
ALARM_SUPPORT = 0.5
"""Or one reading is enough when at least this share of the words its sign was heard from are in the best
reading too: the alternative changed a word of a sign the best reading nearly says ("heart my daughter's be
carried very fast" read "... barely fast": a heart rate of 200, said by piper's joe)."""


def alarm_heard(emergencies: Emergencies, text: str, transcript: Transcript, *, acted: bool, command: bool = False,
                agree: int = ALARM_READINGS) -> bool:
    """True when an emergency heard while asleep must wake the kiosk without the wake phrase.

    It must, when the turn's reading ``text`` is an emergency, or when a
    partial result was one and "Call 911 now" was already said (``acted``).
    A sign only the recogniser's other readings heard (its alternatives, the
    description model's reading) counts when ``agree`` of them hear it, or
    one does and the best reading holds most of the words it was heard from
    (``ALARM_SUPPORT``): a stray word in one alternative is how ordinary talk
    and noise read. Once awake, each such sign counts again as unsure (rule
    4), as before. An urgent sign never wakes it: only an emergency is acted
    on without the phrase. ``command``: the best reading is a command, whose
    alternatives are readings of it.
    """
    if acted or emergencies(text):
        return True
    others = [] if command else [*transcript.alternatives, *filter(None, [transcript.described])]
    best = set(text.lower().split())
    votes: Counter[str] = Counter()
    for reading in dict.fromkeys(others):
        for sign, supported in _alarm_signs(emergencies(reading), best).items():
            votes[sign] += agree if supported else 1
    return any(count >= agree for count in votes.values())


def _alarm_signs(found: Mapping[str, Finding], best: set[str]) -> dict[str, bool]:
    """What makes a reading an emergency (its emergency signs, or for a combination of lesser ones, such as an
    injury with a red flag, the combination itself), each with whether the best reading's words support it."""
    signs = [f for f in found.values() if f.symptom.level is Level.EMERGENCY]
    if signs or not found:
        return {f.symptom.id: _supported(f.heard, best) for f in signs}
    return {"+".join(sorted(found)): all(_supported(f.heard, best) for f in found.values())}


def _supported(heard: str, best: set[str]) -> bool:
    words = heard.lower().split()
    return bool(words) and sum(w in best for w in words) >= ALARM_SUPPORT * len(words)


def said_in(phrase: str, text: str, tokens: Tokens, similarity: float = WakeSettings.text_similarity) -> int | None:
    """How many words of ``text`` up to and including the phrase, when ``text`` says it; None otherwise.

    Tolerant: the letters of the stretch most like the phrase, of one word
    fewer to one word more, spaces ignored, need only be ``similarity``
    alike ("hey voicecare", "hey voice cares"). Only at word boundaries, so
    a phrase inside a longer word never counts.
    """
    wake = "".join(tokens(phrase))
    words = tokens(text)
    if not wake or not words:
        return None
    size = len(tokens(phrase))
    for start in range(len(words)):
        stretches = [words[start:start + length] for length in range(max(1, size - 1), size + 2)]
        score, end = max((fuzz.ratio(wake, "".join(s)), start + len(s)) for s in stretches)
        if score >= similarity:
            return end
    return None


def after_wake(phrase: str, transcript: Transcript, text: str, woken: Woken | None, tokens: Tokens,
               similarity: float = WakeSettings.text_similarity) -> str:
    """``text`` without the wake phrase and whatever was heard before it.

    By the transcript's words when the listener said where the phrase ended
    and ``text`` is the transcript's reading: the recogniser's own reading of
    the phrase ("came boy's carried") must not become part of the
    description. Otherwise by the text match; else ``text`` as it is.
    """
    heard = tokens(text)
    if woken is not None and woken.end is not None and transcript.words and text == transcript.text:
        timed = [w for w, _, _ in transcript.words]
        if tokens(" ".join(timed)) == heard:
            return " ".join(w for w, start, end in transcript.words if (start + end) / 2 > woken.end)
    upto = said_in(phrase, text, tokens, similarity)
    return " ".join(heard[upto:]) if upto is not None else text


def tee(chunks: Iterable[AudioChunk], stream: WakeStream | None) -> Iterator[AudioChunk]:
    """The chunks, each also heard by ``stream`` (while the session is asleep)."""
    for chunk in chunks:
        if stream is not None:
            stream.accept(chunk.pcm)
        yield chunk


class SphinxWake:
    """PocketSphinx's keyword search for the phrase, on a decoder of its own beside the recogniser's.

    The recogniser keeps its one decoder for the turn (its language model, the
    emergency on partial results); this one holds only the acoustic model and
    the phrase's words, so it loads in a fraction of a second and costs little
    CPU beside it (the real-time factor is in benchmarks/bench_wake.py).
    """

    def __init__(self, phrase: str, settings: WakeSettings | None = None, model_dir: Path | None = None,
                 rate: int = TARGET_RATE) -> None:
        self.phrase = phrase
        self.settings = settings or WakeSettings()
        self.rate = rate
        words = lm.lm_words(phrase)
        if not words:
            raise ModelError(f"wake phrase {phrase!r} has no words")
        model = model_dir or stt.sphinx_model_dir()
        self._decoder = _keyword_decoder(model, words, self.settings, rate)
        self._baseline_cmn: str = self._decoder.get_cmn()
        self._last: _SphinxWakeStream | None = None

    def stream(self) -> WakeStream:
        """One turn's search: the noise normalisation starts afresh, as the recogniser's does.

        A turn cut off by a fault (a microphone unplugged) left its search
        open; it is ended first, as one decoder runs one search at a time.
        """
        if self._last is not None:
            self._last.finish()
        self._decoder.set_cmn(self._baseline_cmn)
        self._last = _SphinxWakeStream(self._decoder, self.rate, self.settings.warmup)
        return self._last


def _keyword_decoder(model: Path, words: Sequence[str], settings: WakeSettings, rate: int) -> Any:
    from pocketsphinx import Decoder

    entries = _pronunciations(model / "cmudict-en-us.dict", set(words))
    missing = sorted(set(words) - {line.split()[0].split("(")[0] for line in entries})
    if missing:
        raise ModelError(f"wake phrase: the speech recogniser does not know \"{' '.join(missing)}\"")
    # The decoder reads its dictionary from a file; only the phrase's words, so it loads at once.
    with tempfile.TemporaryDirectory(prefix="voicecare-wake-") as folder:
        path = Path(folder) / "wake.dict"
        path.write_text("".join(entries), encoding="utf-8")
        try:
            return Decoder(hmm=str(model / "en-us"), dict=str(path), keyphrase=" ".join(words),
                           kws_threshold=settings.threshold, kws_plp=settings.phone_loop, beam=settings.beam,
                           samprate=rate, loglevel="FATAL")
        except Exception as exc:  # pocketsphinx raises RuntimeError/ValueError for bad models
            raise ModelError(f"{model}: PocketSphinx could not start its keyword search ({exc})") from None


def _pronunciations(dictionary: Path, words: set[str]) -> list[str]:
    """The dictionary's lines for ``words``, every pronunciation ("word(2) ...") included."""
    with dictionary.open(encoding="utf-8", errors="replace") as handle:
        return [line if line.endswith("\n") else line + "\n" for line in handle
                if line.split(" ", 1)[0].split("(")[0] in words]


class _SphinxWakeStream:
    """One turn's keyword search; once the phrase is heard the rest of the audio is not searched.

    As the recogniser's stream does (``stt_sphinx._SphinxStream``), the first
    ``warmup`` seconds are heard once unsearched, so the noise normalisation
    fits this voice and room, then searched from the start.
    """

    def __init__(self, decoder: Any, rate: int, warmup: float) -> None:
        self._decoder = decoder
        self._rate = rate
        self._woken: Woken | None = None
        self._open = True
        self._pending: bytearray | None = bytearray()
        self._warmup = int(warmup * rate) * BYTES_PER_SAMPLE
        decoder.start_utt()

    def _settle(self) -> None:
        if self._pending is None:
            return
        head, self._pending = bytes(self._pending), None
        if head:
            self._decoder.process_raw(head, True, False)  # no search: adapt only
            self._decoder.end_utt()
            self._decoder.start_utt()
            self._search(head)

    def _search(self, pcm: bytes) -> None:
        self._decoder.process_raw(pcm, False, False)
        if self._decoder.hyp() is not None:
            self._woken = self._where()

    def accept(self, pcm: bytes) -> Woken | None:
        if not self._open or self._woken is not None:
            return self._woken
        if self._pending is not None:
            self._pending.extend(pcm)
            if len(self._pending) >= self._warmup:
                self._settle()
        else:
            self._search(pcm)
        return self._woken

    def finish(self) -> Woken | None:
        if self._open:
            self._settle()
            self._open = False
            self._decoder.end_utt()
            if self._woken is None and self._decoder.hyp() is not None:
                self._woken = self._where()
        return self._woken

    def _where(self) -> Woken:
        ends = [seg.end_frame for seg in (self._decoder.seg() or ())]
        return Woken(max(ends) / FRAMES_PER_SECOND if ends else None)


class GrammarWake:
    """The phrase for a recogniser with a grammar mode (Vosk): a stream that knows only it and "[unk]"."""

    def __init__(self, phrase: str, recognizer: Recognizer, tokens: Tokens = lm.lm_words) -> None:
        self.phrase = phrase
        self._recognizer = recognizer
        self._tokens = tokens

    def stream(self) -> WakeStream:
        return _GrammarWakeStream(self._recognizer.stream([" ".join(lm.lm_words(self.phrase))]),
                                  self._tokens(self.phrase), self._tokens)


class _GrammarWakeStream:
    def __init__(self, inner: RecognizerStream, phrase: list[str], tokens: Tokens) -> None:
        self._inner = inner
        self._phrase = phrase
        self._tokens = tokens
        self._woken: Woken | None = None
        self._done = False

    def accept(self, pcm: bytes) -> Woken | None:
        if not self._done and self._woken is None:
            partial = self._inner.accept(pcm)
            if partial is not None and self._said(partial.text):
                self._woken = Woken(None)  # where it ended is known only from the final result
        return self._woken

    def finish(self) -> Woken | None:
        if self._done:
            return self._woken
        self._done = True
        final = self._inner.finish()
        if self._said(final.text):
            ends = [end for word, _, end in final.words if word != "[unk]"]
            return Woken(ends[len(self._phrase) - 1] if len(ends) >= len(self._phrase) else None)
        return self._woken

    def _said(self, text: str) -> bool:
        words, size = self._tokens(text), len(self._phrase)
        return any(words[i:i + size] == self._phrase for i in range(len(words)))


def listener_for(recognizer: Recognizer, phrase: str, settings: WakeSettings | None = None) -> WakeListener | None:
    """The listener that suits ``recognizer``: PocketSphinx's keyword search, Vosk's grammar; None for others
    (a test double): then only the text match wakes the session."""
    if recognizer.name == "sphinx":
        return SphinxWake(phrase, settings, rate=recognizer.rate)
    if recognizer.name == "vosk" and recognizer.concurrent:
        return GrammarWake(phrase, recognizer)
    return None
