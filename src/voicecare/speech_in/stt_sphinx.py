"""PocketSphinx behind the recogniser interface: the English model its wheel carries, so it works with no download.

Re-exported by ``stt``, which picks the engine.
"""

from __future__ import annotations

import tempfile
from collections.abc import Callable, Sequence
from dataclasses import asdict, dataclass, replace
from pathlib import Path
from typing import Any

from voicecare.errors import ModelError
from voicecare.interfaces import Expectation, RecognizerStream, Transcript
from voicecare.speech_in import lm
from voicecare.speech_in.audio import TARGET_RATE
from voicecare.speech_in.frontend import FrontEnd, FrontEndSettings

N_BEST = 3
"""Alternatives asked of the recogniser (either engine): a red flag in any of them is not lost."""
FRAMES_PER_SECOND = 100
"""PocketSphinx's feature frame rate."""
WARMUP_SECONDS = 1.0
"""Audio PocketSphinx hears once, unsearched, to adapt to the room before decoding."""
QUIET_SEARCH = "quiet-room"
"""The search of the model for a quiet room (``SphinxRecognizer(quiet_language=...)``)."""
QUIET_SPREAD_DB = 30.0
"""Spread of a turn's first second (its loud 10 ms frames over its quiet ones, dB) from which the room is quiet:
digital silence and a quiet room under a voice are 35 dB and more; the bench's pink, babble and crying child at 20 dB
and less under the voice measured 4-27 dB."""
FRAME_SECONDS = 0.01


@dataclass(frozen=True)
class SphinxSettings:
    """PocketSphinx's search weights: how readily it hears a word, a pause or a noise.

    ``fillprob`` is the prior of the acoustic model's filler words, ``[NOISE]``
    and ``[SPEECH]`` (speech that is not a word of the language model): with
    the default 1e-8 noise and other talkers can only become the intents' words.
    """

    fillprob: float = 1e-8
    silprob: float = 0.005
    wip: float = 0.65
    """Word insertion penalty: lower makes each extra word dearer."""
    lw: float = 6.5
    """Language weight."""



class SphinxRecognizer:
    """PocketSphinx with the English model its wheel carries: works with no download."""

    name = "sphinx"
    rate = TARGET_RATE
    concurrent = False

    def __init__(self, model_dir: Path, language: Path | None = None, settings: SphinxSettings | None = None,
                 quiet_language: Path | None = None, noisy_front: FrontEndSettings | None = None) -> None:
        """``quiet_language``: a model for descriptions said in a quiet room (see ``_SphinxStream``).
        ``noisy_front``: the front end's cleaning for a description begun in a noisy room (the room picked as for the model,
        on the audio as it came)."""
        self._noisy_front = noisy_front if noisy_front is not None and noisy_front.enabled else None
        self._model_dir = model_dir
        self.settings = settings or SphinxSettings()
        self._language = language or model_dir / "en-us.lm.bin"
        kind = "voicecare language model" if language else "general language model"
        self.description = f"PocketSphinx en-us acoustic model with its {kind}"
        # One decoder for the process (loading takes most of a second); what it
        # learnt from the last audio is forgotten at each stream (see stream()).
        self._decoder = self._new_decoder()
        self._baseline_cmn: str = self._decoder.get_cmn()
        self._searches: set[str] = set()
        """Names of the expectations a search was built for (see ``_search``)."""
        self._quiet = quiet_language is not None
        if quiet_language is not None:
            try:
                self._decoder.add_lm_file(QUIET_SEARCH, str(quiet_language))
            except RuntimeError as exc:
                raise ModelError(f"{quiet_language}: PocketSphinx could not load it ({exc})") from None
            self.description += " (in a quiet room, its mixture with general English)"
        if self._noisy_front is not None:
            FrontEnd(self._noisy_front)  # fail now, at load, when the library is missing
            self.description += f" (in a noisy room, after {self._noisy_front.name})"

    @classmethod
    def load(cls, language: Path | None = None, settings: SphinxSettings | None = None,
             quiet_language: Path | None = None, noisy_front: FrontEndSettings | None = None) -> SphinxRecognizer:
        """Find the bundled model; ModelError when pocketsphinx is missing."""
        return cls(sphinx_model_dir(), language, settings, quiet_language, noisy_front)

    def _new_decoder(self) -> Any:
        from pocketsphinx import Decoder

        model = self._model_dir
        try:
            return Decoder(hmm=str(model / "en-us"), lm=str(self._language),
                           dict=str(model / "cmudict-en-us.dict"), samprate=self.rate, loglevel="FATAL",
                           **asdict(self.settings))
        except Exception as exc:  # pocketsphinx raises RuntimeError/ValueError for bad models
            raise ModelError(f"{model}: PocketSphinx could not load its model ({exc})") from None

    def stream(self, grammar: Sequence[str] | None = None, expect: Expectation | None = None) -> RecognizerStream:
        """Reuse the decoder (it is one utterance at a time); a grammar becomes a JSGF search.

        ``expect`` switches to a language model of its own for this utterance
        (an answer to a red-flag question: answers, commands, the question's
        signs, every emergency), built the first time its name is seen; the
        model for descriptions otherwise.

        The front end's noise estimate and the noise normalisation (cepstral
        mean) go back to the model's own starting point: kept from the last
        stream, a minute of a 1 kHz tone before the clean emergency recordings
        left 3 of 10 emergencies (now 10 of 10). The cost, on the recorded
        corpus at 10 dB SNR: 18/29 exact and 9/10 emergencies, against 22/29
        and 10/10 when the mean was carried over from the previous noisy files.
        start_stream() is called "unnecessary" by pocketsphinx 5, but without
        it a kiosk test heard "no, nothing like that" as "back" only after
        other recordings.
        """
        decoder = self._decoder
        decoder.start_stream()
        decoder.set_cmn(self._baseline_cmn)
        if grammar:
            words = [g for g in grammar if all(decoder.lookup_word(w) for w in g.split())]
            decoder.add_jsgf_string("answers", "#JSGF V1.0; grammar a; public <a> = " + " | ".join(words) + ";")
            decoder.activate_search("answers")
        elif expect is not None:
            decoder.activate_search(self._search(expect))
            return _SphinxStream(decoder, self.rate, self._check)
        else:
            decoder.activate_search("_default")
            if self._quiet or self._noisy_front is not None:
                return _SphinxStream(decoder, self.rate, choose=_search_for_room if self._quiet else None,
                                     noisy_front=self._noisy_front)
        return _SphinxStream(decoder, self.rate)

    def _check(self) -> None:
        """Ready the decoder to read an utterance again with the model for descriptions, as a fresh stream would."""
        decoder = self._decoder
        decoder.start_stream()
        decoder.set_cmn(self._baseline_cmn)
        decoder.activate_search("_default")

    def _search(self, expect: Expectation) -> str:
        """The name of the decoder's search for ``expect``: a trigram model of its sentences, added once."""
        name = f"expect-{expect.name}"
        if name in self._searches:
            return name
        decoder = self._decoder
        known = [s for s in expect.sentences if all(decoder.lookup_word(w) for w in lm.lm_words(s))]
        vocabulary = [w for line in expect.vocabulary for w in lm.lm_words(line) if decoder.lookup_word(w)]
        # PocketSphinx reads a model only from a file; it is small and built in well under a second.
        with tempfile.TemporaryDirectory(prefix="voicecare-expect-") as folder:
            path = Path(folder) / "expect.lm"
            path.write_text(lm.arpa(known, vocabulary), encoding="utf-8")
            try:
                decoder.add_lm_file(name, str(path))
            except RuntimeError as exc:
                raise ModelError(f"PocketSphinx could not load the model for {expect.name!r} ({exc})") from None
        self._searches.add(name)
        return name



def sphinx_model_dir() -> Path:
    """The English model inside the pocketsphinx wheel."""
    try:
        import pocketsphinx
    except ImportError:
        raise ModelError("no Vosk model and the pocketsphinx package is not installed; run scripts/setup.sh") from None
    return Path(pocketsphinx.get_model_path()) / "en-us"


def sphinx_words() -> set[str]:
    """Words the bundled pronunciation dictionary knows (a language model may use only these)."""
    path = sphinx_model_dir() / "cmudict-en-us.dict"
    with path.open(encoding="utf-8", errors="replace") as handle:
        return {line.split(" ", 1)[0] for line in handle if line.strip() and "(" not in line.split(" ", 1)[0]}


class _SphinxStream:
    """A PocketSphinx utterance whose noise normalisation first adapts to this audio.

    The first WARMUP_SECONDS are fed once without searching (so the cepstral
    mean reflects this microphone and room), then decoded for real. Partial
    results start that much later; the end of the utterance is not delayed.

    With ``check`` (an answer model chose the reading), the utterance's audio
    is kept and, once it has ended, decoded again after ``check()`` has put
    the model for descriptions back: the answer model heard en-gb's "Slower."
    as "nah" (a wrong "no") and missed "now she won't wake up", which the
    description model heard as "arm" and as an emergency. One decoder, so the
    second search runs after the first, on the same audio.
    """

    def __init__(self, decoder: Any, rate: int, check: Callable[[], None] | None = None,
                 choose: Callable[[bytes, int], str] | None = None, noisy_front: FrontEndSettings | None = None) -> None:
        self._decoder = decoder
        self._rate = rate
        self._choose = choose
        """Picks the search from the warm-up audio (a quiet room or not), once it is heard."""
        self._noisy_front = noisy_front
        self._front: FrontEnd | None = None
        """The cleaner, when ``noisy_front`` is set and the warm-up audio is not a quiet room."""
        self._pending: bytearray | None = bytearray()
        self._warmup = int(WARMUP_SECONDS * rate) * 2
        self._check = check
        self._audio = bytearray()
        self._final: Transcript | None = None
        self._spread: float | None = None
        """The warm-up audio's ``room_spread`` (dB), once heard."""
        decoder.start_utt()

    def _settle(self) -> None:
        if self._pending is None:
            return
        raw, self._pending = bytes(self._pending), None
        if not raw:
            return
        self._spread = room_spread(raw, self._rate)
        head = raw
        if self._noisy_front is not None and self._spread < QUIET_SPREAD_DB:
            # The room is judged on the audio as it came, as the model is; only then is it cleaned.
            self._front = FrontEnd(self._noisy_front)
            head = self._front.clean(raw)
        if not head:  # less than the front end's 10 ms frame: kept for finish(), PocketSphinx fails on none
            head = self._front.rest() if self._front is not None else head
        self._decoder.process_raw(head, True, False)  # no search: adapt only
        self._decoder.end_utt()
        if self._choose is not None:
            self._decoder.activate_search(self._choose(raw, self._rate))
        self._decoder.start_utt()
        self._decoder.process_raw(head, False, False)

    def accept(self, pcm: bytes) -> Transcript | None:
        if self._check is not None:
            self._audio.extend(pcm)
        if self._pending is not None:
            self._pending.extend(pcm)
            if len(self._pending) < self._warmup:
                return None
            self._settle()
        else:
            heard = self._front.clean(pcm) if self._front is not None else pcm
            if heard:  # the front end holds back a block shorter than its 10 ms frame; PocketSphinx fails on none
                self._decoder.process_raw(heard, False, False)
        hyp = self._decoder.hyp()
        return Transcript(hyp.hypstr if hyp else "", False, room_spread=self._spread)

    def finish(self) -> Transcript:
        if self._final is not None:
            return self._final
        self._settle()
        if self._front is not None and (rest := self._front.rest()):
            self._decoder.process_raw(rest, False, False)
        self._decoder.end_utt()
        final = self._read()
        if self._check is not None:
            self._check()
            again = _SphinxStream(self._decoder, self._rate)
            audio = bytes(self._audio)
            for part in (audio[:self._warmup], audio[self._warmup:]):  # the same warm-up as the first reading
                if part:
                    again.accept(part)
            described = again.finish()
            others = [a for a in (*final.alternatives, described.text, *described.alternatives) if a and a != final.text]
            final = replace(final, alternatives=tuple(dict.fromkeys(others)), described=described.text)
        self._final = final
        return final

    def _read(self) -> Transcript:
        """The decoder's reading of the utterance just ended: best text, words, and up to N_BEST others."""
        hyp = self._decoder.hyp()
        text = hyp.hypstr if hyp else ""
        segments = [seg for seg in (self._decoder.seg() or ()) if not seg.word.startswith(("<", "["))]
        words = tuple((seg.word.split("(")[0], seg.start_frame / FRAMES_PER_SECOND, seg.end_frame / FRAMES_PER_SECOND)
                      for seg in segments)
        # The lattice posterior of each word (the wrapper gives it as a probability): how much of the search's
        # weight went through this word here, low where noise was forced into the intents' words (confidence.py).
        posteriors = tuple(min(1.0, max(0.0, float(seg.prob))) for seg in segments)
        readings: list[str] = []
        try:
            for nbest in self._decoder.nbest():
                if len(readings) >= N_BEST:
                    break
                if nbest.hypstr and nbest.hypstr != text and nbest.hypstr not in readings:
                    readings.append(nbest.hypstr)
        except (RuntimeError, AttributeError, TypeError):  # no lattice for an empty utterance
            pass
        return Transcript(text, True, tuple(heard_apart(text, readings, self._decoder.lookup_word)), None, words,
                          posteriors, room_spread=self._spread)


def _search_for_room(pcm: bytes, rate: int) -> str:
    """The quiet room's search when the turn's first second is a quiet room (``quiet_room``), else the default.

    Held-out voices, clean bench: with general English beside the intents' phrases, ordinary talk is heard as
    itself (false 911 19 -> 4 of 96, emergencies 38 -> 41 of 48); in pink and babble at 10 dB it lost true
    emergencies (rounds speech2, speech11), where the intents' model keeps them. So the stronger prior is kept
    where the sound is weak. A soft start that reads as noisy falls back to the intents' model. voicecare's default
    since round speech12 (held out, clean: false 911 17 -> 5 of 96, emergencies 38 -> 42 of 48, one lost on en-gb;
    round speech11 saw one lost in reverb on flite rms).
    """
    return QUIET_SEARCH if quiet_room(pcm, rate) else "_default"


def quiet_room(pcm: bytes, rate: int) -> bool:
    """True when the loud 10 ms frames of this 16-bit audio stand ``QUIET_SPREAD_DB`` or more over its quiet ones."""
    return room_spread(pcm, rate) >= QUIET_SPREAD_DB


def room_spread(pcm: bytes, rate: int) -> float:
    """How far the loud 10 ms frames of this 16-bit audio stand over its quiet ones (90th over 10th percentile, dB);
    0 for less than two frames."""
    import numpy as np

    samples = np.frombuffer(pcm[: len(pcm) // 2 * 2], dtype="<i2").astype(np.float64)
    step = max(1, int(FRAME_SECONDS * rate))
    frames = samples[: len(samples) // step * step].reshape(-1, step)
    if len(frames) < 2:
        return 0.0
    levels = 10 * np.log10(np.mean(frames**2, axis=1) + 1.0)  # + 1: digital silence is 0 dB, not -inf
    return float(np.percentile(levels, 90) - np.percentile(levels, 10))


def heard_apart(best: str, readings: Sequence[str], pronounce: Callable[[str], str | None]) -> list[str]:
    """The other readings that sound different from ``best`` and from each other, in order.

    A reading said with the same sounds as the best one ("for five daze" beside "for five days", "wee" beside
    "we") is the language model's second spelling of the very same audio: the acoustics cannot prefer it, the
    recogniser's own model did not, and as an alternative it put a sign in that nobody said (held-out flite
    voices, clean: "five daze" was confusion, a false 911 on 2 of 4 voices). A reading that differs in a
    single sound is kept: that is what the n-best is for (a red flag the best reading missed, rule 4).
    """
    def sounds(text: str) -> tuple[str, ...]:
        return tuple(pronounce(word) or word for word in text.split())

    heard = {sounds(best)}
    apart: list[str] = []
    for reading in readings:
        if (said := sounds(reading)) not in heard:
            heard.add(said)
            apart.append(reading)
    return apart
