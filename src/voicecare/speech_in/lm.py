"""A small language model built from the intents, so the bundled recogniser expects caregivers' words.

PocketSphinx's general English model mishears "heart racing" as "horse
racing". Its decoder accepts an ARPA back-off trigram model; we write one
from the intent phrases said in everyday frames ("my son", "she has", "no",
"his sister has"), plus everyday words so that off-topic speech is heard as
itself rather than forced into a symptom. The frames, subjects and spoken
numbers are the language's (``[recogniser]`` in ``language.toml``).
"""

from __future__ import annotations

import hashlib
import math
import os
import re
import tempfile
from collections import Counter, defaultdict
from collections.abc import Iterable, Iterator, Mapping
from pathlib import Path

from voicecare.domain import IntentSet, InterviewQuestion, Level
from voicecare.intents import COMMON_WORDS
from voicecare.interfaces import Expectation

# Letters of any alphabet, with apostrophes inside; or digits.
_WORD = re.compile(r"[^\W\d_](?:[^\W\d_]|')*|[0-9]+")


def lm_words(line: str, spoken: Mapping[str, str] | None = None) -> list[str]:
    """Words as the recogniser's dictionary spells them: contractions kept ("can't" is one word).

    ``spoken`` turns numbers into the words said ("911" -> "nine one one").
    """
    out: list[str] = []
    for word in _WORD.findall(line.lower().replace("\u2019", "'")):
        out.extend((spoken or {}).get(word, word).split())
    return out

DISCOUNT = 0.5
UNIGRAM_FLOOR = 0.5
"""Pseudo-count each vocabulary word gets, so unseen words stay possible."""
START, END = "<s>", "</s>"
CONTROL_SHARE = 0.03
"""Share of the training text that is answers and commands, said on their own."""
SAID_SHARE = 0.03
"""Share of the training text that is sentences with no sign in them (``said``: care questions, "i called 911")."""


def sentences(intents: IntentSet, *, with_said: bool = False) -> Iterator[str]:
    """Training text: symptom phrases in the language's everyday frames and near-pattern words, then controls;
    ``with_said``: sentences with no sign too (``said``), for the quiet room's mixture (see ``build``).

    Answers and commands ("no", "repeat") are said alone, so they keep a fixed
    share of the text however many symptom phrases a topic has: counted once
    each, every phrase a topic added made a bare "no" less likely, until a
    clearly spoken "No." came out as "our" and counted as "yes".
    """
    described = list(_described(intents))
    yield from described
    if with_said:
        yield from _shared(said(intents), SAID_SHARE, len(described))
    controls = [line for words in intents.controls.values() for line in words]
    if controls:
        repeats = max(1, round(CONTROL_SHARE * len(described) / ((1 - CONTROL_SHARE) * len(controls))))
        for _ in range(repeats):
            yield from controls


def said(intents: IntentSet) -> list[str]:
    """Sentences said that are no sign: the language's (the call made, waiting for help) and the topics' (their care
    questions as people ask them), about a boy and a girl.

    Outside review 17: none of their words was in the model ("ibuprofen", "heating pad", "daycare"), so a spoken
    care question became unclear or a sign ("is ants get him ninety puffing", a false 911), and "I called 911"
    became "bye called nine hundred eleven" (the numbers' "nine hundred") and the 911 again.
    """
    written = [*intents.language.lm_said, *(line for t in intents.topics for line in t.lm_said)]
    return _with_feminine(intents, written)


def _shared(lines: list[str], share: float, beside: int) -> list[str]:
    """``lines`` repeated to about ``share`` of a text with ``beside`` other lines, so that their weight does not fall
    as a topic's phrases grow (as the controls' did: see ``sentences``)."""
    if not lines:
        return []
    return lines * max(1, round(share * beside / ((1 - share) * len(lines))))


ANSWER_CONTROL_SHARE = 0.5
"""Share of an answer model's training text that is answers and commands said alone."""
DIGITS = 10
"""Number words below this are said one by one after a tens word ("thirty eight")."""
ANSWER_KINDS = ("yes", "no")
"""Control kinds that lead a sign in an answer ("no, no fever"; "yes, she is hot")."""


def answer_expectation(intents: IntentSet, question: InterviewQuestion) -> Expectation:
    """What an answer to ``question`` sounds like: answers and commands, its own signs, numbers, and emergencies.

    Every emergency phrase stays in, so an emergency said as an answer is
    still heard as one. The everyday words stay possible (``vocabulary``),
    so that other talk is heard as itself rather than forced into "no".
    """
    signs = [p for sid in question.symptoms for p in _with_feminine(intents, intents.symptom(sid).phrases)]
    urgent = [p for s in intents.symptoms if s.level is Level.EMERGENCY
              for p in _with_feminine(intents, s.phrases)]
    # Emergencies said plainly, once each: in every frame they outweighed the everyday words of a longer
    # answer, and "no, just fluids" came out "no, just collapsed" (a false 911).
    described = [*_framed(intents, signs), *_led(intents, signs), *urgent, *_numbers(intents)]
    # A care question asked while a question waits ("is it safe to give him ibuprofen?") is no answer: unsayable,
    # it came out as an answer or a sign (outside review 17 F6: "is ants get him ninety puffing", a 911).
    asked = _shared(said(intents), SAID_SHARE, len(described))
    common = intents.folder / COMMON_WORDS if intents.folder is not None else None
    spoken = _spoken_numbers(intents)
    lines = [*described, *asked, *_answer_controls(intents, len(described))]
    sentences = tuple(" ".join(lm_words(line, spoken)) for line in lines)
    return Expectation(f"answer-{question.id}", sentences, tuple(_read_words(common)))


def _answer_controls(intents: IntentSet, described: int) -> list[str]:
    """Answers and commands said alone, ``ANSWER_CONTROL_SHARE`` of an answer model's text beside ``described`` lines.

    Half of that share is every phrasing, half is each kind's first, plainest
    word ("no", "stop", "repeat"), so a bare word keeps its weight however many
    phrasings a kind is given: with every phrasing counted alike, each one
    added to controls.toml made the bare words less likely, and which short
    answers were read right changed from branch to branch (flite kal's
    "Repeat." became "read it back", espeak en-us's "he").
    """
    kinds = [words for words in intents.controls.values() if words]
    phrasings = [line for words in kinds for line in words]
    if not phrasings:
        return []
    half = ANSWER_CONTROL_SHARE * described / (1 - ANSWER_CONTROL_SHARE) / 2
    every = phrasings * max(1, round(half / len(phrasings)))
    plain = [words[0] for words in kinds] * max(1, round(half / len(kinds)))
    return [*every, *plain]


def _with_feminine(intents: IntentSet, phrases: Iterable[str]) -> list[str]:
    written = list(phrases)
    return [*written, *(v for p in written if (v := feminine(p, intents.language.feminine)) != p)]


def _framed(intents: IntentSet, phrases: list[str]) -> Iterator[str]:
    """The phrases in the language's everyday frames ("she has ...", "no ...")."""
    language = intents.language
    subjects = (*language.lm_subjects, *(s for t in intents.topics for s in t.lm_subjects)) or ("",)
    for index, phrase in enumerate(phrases):
        for frame_index, frame in enumerate(language.lm_frames or ("{p}",)):
            other = phrases[(index + frame_index + 1) % len(phrases)]
            yield frame.format(s=subjects[(index + frame_index) % len(subjects)], p=phrase, q=other)


def _led(intents: IntentSet, phrases: list[str]) -> Iterator[str]:
    """The phrases after a yes or a no ("no, no fever")."""
    leads = [line for kind in ANSWER_KINDS for line in intents.controls.get(kind, ())]
    for index, phrase in enumerate(phrases):
        if leads:
            yield f"{leads[index % len(leads)]} {phrase}"


def _numbers(intents: IntentSet) -> Iterator[str]:
    """Numbers said aloud (a temperature, a heart rate): tens and units, hundreds, a decimal point."""
    numbers = intents.language.numbers
    units = [w for w, v in numbers.digits.items() if v < DIGITS]
    # Sorted: a set's order changes from run to run, and the model must be the same every time.
    point, one, joiner = (min(words, default="") for words in (numbers.point, numbers.one, numbers.joiners))
    for index, tens in enumerate(numbers.tens):
        for unit in units:
            yield f"{tens} {unit}"
        yield f"{tens} {units[index % len(units)]} {point} {units[-index % len(units)]}"
    for scale in numbers.scales:
        for word in [*numbers.digits, *numbers.tens]:
            yield f"{one} {scale} {joiner} {word}"


def _described(intents: IntentSet) -> Iterator[str]:
    """What a caregiver says describing the child: phrases in frames, and near-pattern words."""
    language = intents.language
    written = [p for s in intents.symptoms if not s.note for p in s.phrases]  # a note is no sign to listen for
    # Phrases are written about a boy; the model must expect "wet herself" too.
    phrases = [*written, *(v for p in written if (v := feminine(p, language.feminine)) != p)]
    subjects = (*language.lm_subjects, *(s for t in intents.topics for s in t.lm_subjects)) or ("",)
    for index, phrase in enumerate(phrases):
        other = phrases[(index * 7 + 3) % len(phrases)]
        for frame_index, frame in enumerate(language.lm_frames or ("{p}",)):
            subject = subjects[(index + frame_index) % len(subjects)]
            yield frame.format(s=subject, p=phrase, q=other)
    for symptom in intents.symptoms:
        for pattern in symptom.near:
            groups = [g.split() for g in pattern.split(" within ")[0].split("+")]
            for i, first in enumerate(groups[0]):
                yield " ".join([first, *[g[i % len(g)] for g in groups[1:]]])


def feminine(phrase: str, words: Mapping[str, str]) -> str:
    """The phrase about a girl ("wet himself" -> "wet herself"), with the language's ``feminine`` words."""
    return " ".join(words.get(w, w) for w in phrase.split())


def counts(lines: Iterable[str], order: int = 3, spoken: Mapping[str, str] | None = None) -> list[Counter[tuple[str, ...]]]:
    """n-gram counts for n = 1..order, with sentence marks."""
    tables: list[Counter[tuple[str, ...]]] = [Counter() for _ in range(order)]
    for line in lines:
        words = [START, *lm_words(line, spoken), END]
        for n in range(1, order + 1):
            for i in range(len(words) - n + 1):
                tables[n - 1][tuple(words[i:i + n])] += 1
    return tables


def arpa(lines: Iterable[str], vocabulary: Iterable[str] = (), spoken: Mapping[str, str] | None = None) -> str:
    """An ARPA back-off trigram model (absolute discounting)."""
    uni, bi, tri = counts(lines, spoken=spoken)
    for word in vocabulary:
        uni[(word,)] += 0
    total = sum(uni.values()) + UNIGRAM_FLOOR * len(uni)
    p1 = {w: (c + UNIGRAM_FLOOR) / total for w, c in uni.items()}
    p2, bow1 = _level(bi, lambda h, w: p1[w])

    def backoff2(h: tuple[str, ...], w: tuple[str, ...]) -> float:
        key = h[-1:] + w
        return p2[key] if key in p2 else bow1.get(h[-1:], 1.0) * p1[w]

    p3, bow2 = _level(tri, backoff2)
    out = ["\\data\\", f"ngram 1={len(p1)}", f"ngram 2={len(p2)}", f"ngram 3={len(p3)}", "", "\\1-grams:"]
    for w, p in sorted(p1.items()):
        prob = -99.0 if w == (START,) else math.log10(p)
        out.append(f"{prob:.4f} {w[0]} {math.log10(bow1.get(w, 1.0)):.4f}")
    out += ["", "\\2-grams:"]
    out += [f"{math.log10(p):.4f} {' '.join(k)} {math.log10(bow2.get(k, 1.0)):.4f}" for k, p in sorted(p2.items())]
    out += ["", "\\3-grams:"]
    out += [f"{math.log10(p):.4f} {' '.join(k)}" for k, p in sorted(p3.items())]
    return "\n".join([*out, "", "\\end\\", ""])


def _level(table: Counter[tuple[str, ...]], lower: object) -> tuple[dict[tuple[str, ...], float], dict[tuple[str, ...], float]]:
    """Discounted probabilities of one order and the back-off weights of its histories."""
    history: Counter[tuple[str, ...]] = Counter()
    for gram, count in table.items():
        history[gram[:-1]] += count
    probs = {gram: (count - DISCOUNT) / history[gram[:-1]] for gram, count in table.items()}
    seen: dict[tuple[str, ...], list[tuple[str, ...]]] = defaultdict(list)
    for gram in table:
        seen[gram[:-1]].append(gram)
    weights = {}
    for h, grams in seen.items():
        left = 1.0 - sum(probs[g] for g in grams)
        lower_mass = sum(lower(h, g[-1:]) for g in grams)  # type: ignore[operator]
        weights[h] = left / max(1e-9, 1.0 - lower_mass)
    return probs, weights


def build(intents: IntentSet, known: Iterable[str], cache: Path, phrases: Iterable[str] = (),
          ready: Path | None = None, *, with_said: bool = False) -> Path:
    """Write the model for these intents (cached by its inputs); only words the dictionary knows.

    The language folder's common_words.txt adds everyday words, so off-topic speech is heard as itself.
    ``phrases`` are more sentences to expect, such as the kiosk's wake phrase
    (a word missing from the model can never be recognised).
    The file is named by what the model is made from (its training lines, the dictionary's words, the everyday
    words and this module's code), which takes 0.3-0.6 s to work out on this loaded machine: making the model's
    text took 5-10 s here at every start, now only when one of them changed (``voicecare prepare`` makes it at
    setup). ``ready``: a folder looked in first, never written (the installation's, where ``voicecare prepare``
    made it: a start made it again into its own cache).
    ``with_said``: with the sentences that are no sign (care questions, "i called 911"): the model the quiet room's
    mixture is made from. The model heard in noise is without them: with them, the suite's noisy recordings at
    10 dB lost an emergency (em_late, found before only in an alternative reading, "fall dazed"), and in noise an
    emergency comes first.
    """
    allowed = set(known)
    spoken = _spoken_numbers(intents)
    common = intents.folder / COMMON_WORDS if intents.folder is not None else None
    everyday = _read_words(common)
    candidates = [*sentences(intents, with_said=with_said), *phrases]
    name = f"voicecare-{_inputs_key(candidates, everyday, spoken, allowed)}.lm"
    if ready is not None and _whole(ready / name):
        return ready / name
    path = cache / name
    if _whole(path):
        return path
    extra = [w for line in everyday for w in lm_words(line, spoken)]
    lines = [s for s in candidates if all(w in allowed for w in lm_words(s, spoken))]
    text = arpa(lines, [w for w in extra if w in allowed], spoken)
    cache.mkdir(parents=True, exist_ok=True)
    # A temporary file of this process's own: every checkout and test run on the machine
    # builds the same name, and a shared temporary name let one process move another's
    # half-written model into place, which PocketSphinx then read (it crashed).
    handle, partial = tempfile.mkstemp(dir=cache, prefix=path.stem, suffix=".tmp")
    try:
        with os.fdopen(handle, "w", encoding="utf-8") as out:
            out.write(text)
        Path(partial).replace(path)
    finally:
        Path(partial).unlink(missing_ok=True)  # only left when writing failed
    return path


def _inputs_key(lines: list[str], everyday: list[str], spoken: Mapping[str, str], known: set[str]) -> str:
    """A name for the model these inputs make: any change to them, or to this module's code, changes it.

    Of the dictionary, only whether each word of the lines is in it counts (sorting all of it took longer)."""
    text = "\n".join([*lines, *everyday, *spoken.values()])
    words = {w for chunk in set(text.lower().split()) for w in _WORD.findall(chunk.replace("\u2019", "'"))}
    digest = hashlib.sha256(Path(__file__).read_bytes())
    for part in (lines, everyday, sorted(f"{k}={v}" for k, v in spoken.items()), sorted(words & known)):
        digest.update("\n".join(part).encode())
        digest.update(b"\0")
    return digest.hexdigest()[:16]


END_LINE = "\\end\\"
"""An ARPA file's last line: a file cut short by a full disk or a power loss lacks it, and is made again."""


def _whole(path: Path) -> bool:
    try:
        with path.open("rb") as handle:
            handle.seek(max(0, path.stat().st_size - 32))
            return handle.read().decode("utf-8", "replace").strip().endswith(END_LINE)
    except OSError:
        return False


def _spoken_numbers(intents: IntentSet) -> dict[str, str]:
    return {**intents.language.spoken_numbers, **{k: v for t in intents.topics for k, v in t.spoken_numbers.items()}}


def _read_words(path: Path | None) -> list[str]:
    if path is None or not path.is_file():
        return []
    return [line for line in path.read_text(encoding="utf-8").splitlines() if line and not line.startswith("#")]
