"""Heard, unsure or not heard: the signs of a reading weighed by how sure the recogniser was of their words.

PocketSphinx's language model is built from the intents, so noise and
ordinary talk can only come out as the intents' words: babble alone gave a
symptom in 6 of 6 clips. Where it forced them, the lattice had other paths
as good, and the word's posterior is low. A sign's support is the highest
posterior among its words (see ``stt_sphinx._SphinxStream._read``):

- at or above ``SURE``: heard, the reading is kept;
- under ``NOT_HEARD``, below emergency: not heard, its words are taken out
  of every reading (so no other reading brings it back);
- under ``SURE``, for an emergency sign: unsure, taken out of the best reading
  but kept in an alternative, so it counts as an unsure sign (rule 4: it is
  still acted on, and read back as "if I heard that wrong..."). A lesser
  sign in between stays as said: an unsure red flag also wakes a kiosk
  waiting for its wake phrase, and "be careful on the stairs" did.

An emergency sign in a quiet room is never "not heard": espeak en-us saying
"the wheezing's back..." gave "wheezing" alone a posterior of 0.12 (a turn cut
at a pause; "wee" and "really" were its rivals), and 0.2 lost it, with 2 more
tuned-voice emergencies (bench_room). It is unsure at worst (rule 4). A rule that
took, in a noisy turn, an emergency sign under ``NOISY_NOT_HEARD`` that no
other reading holds as not heard is built and off: true emergencies stood
as low as false ones (see ``NOISY_NOT_HEARD``).

A lesser sign only another reading holds, whose words stand where the best
reading has a word the recogniser was sure of (at or above ``SURE``), is
not heard either: slt's "His back is sore." read "he is back is sore" with
"back" at 0.89, and the rival "he is leg is sore" made it urgent (an outside
review). The recogniser weighed that rival and kept its own word; an
emergency sign there is still unsure, never dropped.

An emergency a partial result already acted on is kept whatever the final
lattice says (``findings.unsure_red_flags``): it was said, and is never lost.
A reading with no word posteriors (Vosk, a partial) is left as it is.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from difflib import SequenceMatcher

from voicecare.domain import Level, Status
from voicecare.interfaces import Transcript
from voicecare.speech_in.stt_sphinx import QUIET_SPREAD_DB
from voicecare.understanding.assistant import Assistant

NOT_HEARD = 0.2
"""Support under which a sign was not heard. Tuned voices (joe, espeak en-us; clean, pink and babble 10 dB):
it took out 4 of 6 signs heard in babble alone and 33 of 79 invented ones, and 0 of 34 true emergencies
(the lowest had 0.24) and 4 of 80 true signs."""
SURE = 0.5
"""Support under which an emergency sign was heard but unsure (its words had a rival reading about as likely)."""
NOISY_NOT_HEARD = 0.0
"""In a noisy turn, support under which an emergency sign only one reading holds would be not heard: 0, the rule is
off. Decoded with and without it (round speech16, pink and babble 10 dB, ``benchmarks/speech_readings.py`` logs the
candidates): false 911s' signs stood at 0.007, 0.009, 0.015 (2 tuned false 911s off at 0.02), but true emergencies'
at 0.002 (espeak en-us, babble) and 0.043 (flite rms, pink), kept only because a partial had already acted. The
posterior does not part them; an emergency is never lost for a false-911 point. Kept for benches to set
(``bench_false_findings.py --noise-floor``)."""


def judged(assistant: Assistant, transcript: Transcript, floor: float | None = None) -> Transcript:
    """The reading with signs not heard taken out, and emergency signs heard unsure moved to an alternative.

    The description model's reading of an answer (``described``) is weighed as another reading is: flite rms's "no"
    in pink noise, heard by the answer model at 0.96 with "fell" among its own rivals, was "fell off" to the
    description model, and the fall was read back as heard (outside review 9, findings 10 and 13).
    ``floor``: for ``NOISY_NOT_HEARD`` (0: the rule off, as benches replay the readings before it).
    """
    if not transcript.word_confidences or len(transcript.word_confidences) != len(transcript.words):
        return transcript
    sure = _Support(assistant, transcript, floor)
    best, doubted, _ = sure.weighed(transcript.text)
    others = [sure.weighed(alt)[1] for alt in transcript.alternatives]
    alternatives = tuple(dict.fromkeys(a for a in [doubted, *others] if a and a != best))
    described = sure.weighed(transcript.described)[1] if transcript.described else transcript.described
    if best == transcript.text and alternatives == transcript.alternatives and described == transcript.described:
        return transcript
    return replace(transcript, text=best, alternatives=alternatives, described=described)


def as_said(assistant: Assistant, transcript: Transcript, floor: float | None = None) -> str:
    """The best reading as an emergency is settled on at a pause: as heard (an unsure emergency still acts, rule 4),
    without the emergency signs not heard in a noisy turn (``NOISY_NOT_HEARD``), which the turn's answer drops too."""
    if not transcript.word_confidences or len(transcript.word_confidences) != len(transcript.words):
        return transcript.text
    return _Support(assistant, transcript, floor).weighed(transcript.text)[2]


def unheard_in_noise(assistant: Assistant, transcript: Transcript, floor: float | None = None
                     ) -> list[tuple[str, float]]:
    """(symptom id, support) of the emergency signs of the best reading not heard in noise under ``floor`` (benches)."""
    if not transcript.word_confidences or len(transcript.word_confidences) != len(transcript.words):
        return []
    sure = _Support(assistant, transcript, floor)
    sure.weighed(transcript.text)
    return sure.dropped


class _Support:
    """How sure the recogniser was of each word of one turn, for readings of that turn."""

    def __init__(self, assistant: Assistant, transcript: Transcript, floor: float | None = None) -> None:
        self._assistant = assistant
        self._tokens = assistant.intents.language.tokens
        noisy = transcript.room_spread is not None and transcript.room_spread < QUIET_SPREAD_DB
        # Read at each turn, not bound once: a bench sets NOISY_NOT_HEARD to 0 to hear the same audio without it.
        self._floor = (NOISY_NOT_HEARD if floor is None else floor) if noisy else 0.0
        """Support under which an emergency sign one reading alone holds was not heard (0: never, a quiet room)."""
        readings = [transcript.text, *transcript.alternatives, *filter(None, [transcript.described])]
        held = [{m.symptom for m in assistant.matcher.match(r) if m.status is Status.PRESENT} for r in readings]
        self._held = {sid: sum(sid in h for h in held) for sid in set().union(*held)}
        """How many readings of the turn hold each sign."""
        self.dropped: list[tuple[str, float]] = []
        """(symptom id, support) of the emergency signs ``weighed`` found not heard in noise."""
        by_word: dict[str, float] = {}
        placed: list[tuple[str, float]] = []
        for (word, _, _), sure in zip(transcript.words, transcript.word_confidences, strict=True):
            for token in self._tokens(word):
                placed.append((token, sure))
                by_word[token] = max(by_word.get(token, 0.0), sure)
        self._by_word = by_word
        self._placed = placed
        """Per token of the best reading, its word's posterior (when tokens of the words are those of the text)."""
        self._text = transcript.text

    def weighed(self, text: str) -> tuple[str, str, str]:
        """(``text`` without its signs not heard nor unsure emergencies, ``text`` without its signs not heard,
        ``text`` without only its emergency signs not heard in noise)."""
        tokens = list(self._tokens(text))
        unsure: set[int] = set()
        unheard: set[int] = set()
        noise: set[int] = set()
        for match in self._assistant.matcher.match(text):
            if match.status is not Status.PRESENT:
                continue  # a denial is never made a sign by taking words out, nor weighed here
            support = self.support(text, tokens, match.start, match.end)
            span = set(range(match.start, match.end))
            emergency = self._assistant.intents.symptom(match.symptom).level is Level.EMERGENCY
            if not emergency and self.overrules(tokens, match.start, match.end):
                unheard |= span
                continue
            if support is None or support >= SURE:
                continue
            if emergency and support < self._floor and self._held.get(match.symptom, 0) <= 1:
                # Noise forced into an emergency's words: the search put next to nothing through them and no
                # other reading has the sign (a sign said in noise was in 2-3 of 3 readings, round speech14).
                noise |= span
                self.dropped.append((match.symptom, support))
            elif emergency:
                unsure |= span
            elif support < NOT_HEARD:
                unheard |= span
        if not unsure and not unheard and not noise:
            return text, text, text
        # The text itself when nothing was heard in noise only: the reading an emergency is settled on at a pause
        # is then the recogniser's, word for word, as before the rule.
        return (_without(tokens, unsure | unheard | noise), _without(tokens, unheard | noise),
                _without(tokens, noise) if noise else text)

    def support(self, text: str, tokens: Sequence[str], start: int, end: int) -> float | None:
        """The highest posterior among the words of tokens ``start:end``; None when the recogniser gave none."""
        if text == self._text and [token for token, _ in self._placed] == list(tokens):
            return max(sure for _, sure in self._placed[start:end]) if end > start else None
        known = [self._by_word[t] for t in tokens[start:end] if t in self._by_word]
        return max(known) if known else None


    def overrules(self, tokens: Sequence[str], start: int, end: int) -> bool:
        """True when tokens ``start:end`` of another reading stand where the best reading has a word heard surely.

        The readings are aligned word by word; a word of the span that the best reading does not have in the same
        place replaced the best reading's words there, and if one of those was at or above ``SURE`` the recogniser
        had weighed this rival and kept its own word.
        """
        best = [token for token, _ in self._placed]
        if list(tokens) == best:
            return False
        aligned = SequenceMatcher(None, best, list(tokens), autojunk=False)
        for op, b1, b2, o1, o2 in aligned.get_opcodes():
            if op == "replace" and o1 < end and start < o2 and any(sure >= SURE for _, sure in self._placed[b1:b2]):
                return True
        return False


def _without(tokens: Sequence[str], dropped: set[int]) -> str:
    return " ".join(t for i, t in enumerate(tokens) if i not in dropped)
