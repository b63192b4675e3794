"""General English mixed with the intents' language model: caregivers' phrases favoured, ordinary talk still sayable.

A model trained only on the intents can only say the intents' words, so a
story about cartoons on the couch comes out as symptoms. PocketSphinx's wheel
carries a general English trigram model; decoding with all of it is eight
times slower and mishears symptoms. We keep its most frequent words (plus
every word of ours), and interpolate the two models n-gram by n-gram
(``P = w * P_ours + (1 - w) * P_general``, each with its own back-off), with
back-off weights recomputed so the mixture stays a proper back-off model.
The result is written once, as ARPA, into the cache (keyed by its inputs).
"""

from __future__ import annotations

import hashlib
import math
import subprocess
import sys
import tempfile
from collections import defaultdict
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

from voicecare.errors import ModelError

GENERAL_WORDS = 6000
"""Most frequent words kept from the general model: enough for everyday talk, few enough to decode fast."""
INTENT_WEIGHT = 0.8
"""Share of the intents' model in the mixture (bench, tuned voices: 0.5 lost a quarter of emergencies, 0.8 none clean)."""
GENERAL_FLOOR = -2.5
"""log10 probability under which the general model's bigrams are left to its back-off (a smaller, faster model)."""
START, END = "<s>", "</s>"
FLOOR = 1e-9
Gram = tuple[str, ...]


@dataclass(frozen=True)
class Model:
    """A back-off n-gram model in memory: per order, log10 probabilities and log10 back-off weights."""

    probs: tuple[dict[Gram, float], ...]
    bows: tuple[dict[Gram, float], ...]

    @property
    def vocabulary(self) -> set[str]:
        return {g[0] for g in self.probs[0]}

    def prob(self, gram: Gram) -> float:
        """P(last word | the others), linear, backing off as the model says."""
        weight = 0.0
        while gram:
            order = len(gram)
            if order <= len(self.probs) and (p := self.probs[order - 1].get(gram)) is not None:
                return float(10 ** (p + weight))
            if order > 1:
                weight += self.bows[order - 2].get(gram[:-1], 0.0)
            gram = gram[1:]
        return 0.0


def read_arpa(lines: Iterable[str], keep: set[str] | None = None, floor: float = -99.0) -> Model:
    """Parse ARPA text; with ``keep``, n-grams with other words are dropped as they are read.

    Longer n-grams less likely than ``floor`` (log10) are dropped too: the back-off covers them.
    """
    probs: list[dict[Gram, float]] = []
    bows: list[dict[Gram, float]] = []
    order = 0
    for raw in lines:
        line = raw.strip()
        if line.endswith("-grams:") and line.startswith("\\"):
            order = int(line[1:line.index("-")])
            probs.append({})
            bows.append({})
            continue
        if not order or not line or line.startswith("\\"):
            continue
        parts = line.split()
        gram = tuple(parts[1:1 + order])
        if len(parts) < order + 1 or (keep is not None and not all(w in keep for w in gram)):
            continue
        if order > 1 and float(parts[0]) < floor:
            continue
        probs[order - 1][gram] = float(parts[0])
        if len(parts) > order + 1:
            bows[order - 1][gram] = float(parts[order + 1])
    return Model(tuple(probs), tuple(bows))


def top_words(arpa_lines: Iterable[str], count: int) -> set[str]:
    """The ``count`` most probable unigrams of an ARPA file (sentence marks always)."""
    unigrams: list[tuple[float, str]] = []
    inside = False
    for raw in arpa_lines:
        line = raw.strip()
        if line == "\\1-grams:":
            inside = True
            continue
        if inside and line.startswith("\\"):
            break
        if inside and line:
            parts = line.split()
            unigrams.append((float(parts[0]), parts[1]))
    unigrams.sort(reverse=True)
    return {w for _, w in unigrams[:count]} | {START, END}


def mix(ours: Model, general: Model, weight: float) -> Model:
    """Interpolate two back-off models over the union of their n-grams, back-off weights renormalised."""
    orders = max(len(ours.probs), len(general.probs))
    probs: list[dict[Gram, float]] = []
    linear: list[dict[Gram, float]] = []
    for n in range(orders):
        grams = set(ours.probs[n] if n < len(ours.probs) else ()) | set(general.probs[n] if n < len(general.probs) else ())
        level = {g: weight * ours.prob(g) + (1 - weight) * general.prob(g) for g in grams}
        if n == 0:
            total = sum(level.values())
            level = {g: p / total for g, p in level.items()}
        linear.append(level)
        probs.append({g: math.log10(max(p, FLOOR)) for g, p in level.items()})
    bows: list[dict[Gram, float]] = [{} for _ in range(orders)]
    for n in range(1, orders):
        bows[n - 1] = _backoff_weights(linear, n, Model(tuple(probs), tuple(bows)))
    return Model(tuple(probs), tuple(bows))


def _backoff_weights(linear: list[dict[Gram, float]], n: int, partial: Model) -> dict[Gram, float]:
    """log10 back-off weight of each history of order ``n`` from the mass its seen words left."""
    seen: dict[Gram, list[Gram]] = defaultdict(list)
    for gram in linear[n]:
        seen[gram[:-1]].append(gram)
    out: dict[Gram, float] = {}
    for history in linear[n - 1]:
        grams = seen.get(history, [])
        left = 1.0 - sum(linear[n][g] for g in grams)
        lower = 1.0 - sum(partial.prob(g[1:]) for g in grams)
        out[history] = math.log10(max(left, FLOOR) / max(lower, FLOOR)) if grams else 0.0
    return out


def write_arpa(model: Model) -> Iterator[str]:
    """The model as ARPA text lines."""
    yield "\\data\\"
    for n, level in enumerate(model.probs, 1):
        yield f"ngram {n}={len(level)}"
    for n, level in enumerate(model.probs, 1):
        yield ""
        yield f"\\{n}-grams:"
        top = n == len(model.probs)
        for gram, p in sorted(level.items()):
            prob = -99.0 if gram == (START,) else p
            if top:
                yield f"{prob:.4f} {' '.join(gram)}"
            else:
                yield f"{prob:.4f} {' '.join(gram)} {model.bows[n - 1].get(gram, 0.0):.4f}"
    yield ""
    yield "\\end\\"
    yield ""


_WRITE_ARPA = """
import sys
from pocketsphinx import Config, LogMath, NGramModel
config, logmath = Config(loglevel="FATAL"), LogMath()
NGramModel(config, logmath, sys.argv[1]).write(sys.argv[2], NGramModel.str_to_type("arpa"))
"""


def read_general(binary: Path, words: int, floor: float, also: set[str]) -> Model:
    """Unigrams and bigrams of the general model (PocketSphinx's binary format), pruned as they are read.

    Its ``words`` most frequent words and ``also`` are kept. PocketSphinx's
    ARPA writer crashes near the end of this model's bigrams or in its
    trigrams (pocketsphinx 5.0; the file is cut at a stdio buffer), so it
    runs in a child process and we keep the unigrams and the bigrams written
    (all but the last few): the general side of the mixture is a bigram model.
    """
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "general.arpa"
        subprocess.run([sys.executable, "-c", _WRITE_ARPA, str(binary), str(path)], capture_output=True, check=False)
        if not path.exists() or not any(line.startswith("\\2-grams:") for line in _lines(path)):
            raise ModelError(f"{binary}: could not read the general English model (it is unpacked to about 70 MB in "
                             f"{tempfile.gettempdir()}: is there room?); else reinstall pocketsphinx")
        keep = top_words(_lines(path), words) | also
        return read_arpa(_bigrams_only(_lines(path)), keep, floor)


def _lines(path: Path) -> Iterator[str]:
    with path.open(encoding="utf-8", errors="replace") as handle:
        yield from handle


def _bigrams_only(lines: Iterable[str]) -> Iterator[str]:
    """Lines up to the trigrams, without the last (maybe cut) line or the -inf a damaged entry gets."""
    previous = None
    for line in lines:
        if line.startswith("\\3-grams:"):
            return
        if previous is not None and not previous.startswith("-inf"):
            yield previous
        previous = line


def mixed_path(ours: Path, general: Path, folder: Path, words: int = GENERAL_WORDS, weight: float = INTENT_WEIGHT,
               floor: float = GENERAL_FLOOR) -> Path:
    """Where ``build`` keeps the mixture of these inputs in ``folder`` (named by them; it may not exist yet)."""
    inputs = f"{hashlib.sha256(ours.read_bytes()).hexdigest()} {general.stat().st_size} {words} {weight} {floor}"
    return folder / f"voicecare-mixed-{hashlib.sha256(inputs.encode()).hexdigest()[:16]}.lm"


def build(ours: Path, general: Path, cache: Path, words: int = GENERAL_WORDS, weight: float = INTENT_WEIGHT,
          floor: float = GENERAL_FLOOR) -> Path:
    """Write (once; cached by inputs) the mixture of our ARPA model and the general binary model."""
    path = mixed_path(ours, general, cache, words, weight, floor)
    if path.exists():
        return path
    ours_model = read_arpa(ours.read_text(encoding="utf-8").splitlines())
    general_model = read_general(general, words, floor, ours_model.vocabulary)
    mixed = mix(ours_model, general_model, weight)
    cache.mkdir(parents=True, exist_ok=True)
    # A file of this process's own, then renamed: two voicecare processes starting at once (tests, a kiosk and a
    # command) each write whole files, and the one renamed last wins.
    with tempfile.NamedTemporaryFile("w", encoding="utf-8", dir=cache, suffix=".tmp", delete=False) as partial:
        partial.write("\n".join(write_arpa(mixed)))
    Path(partial.name).replace(path)
    return path
