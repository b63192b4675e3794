"""Text normalisation shared by intent loading and matching, so both sides agree on words.

The algorithms are here; the words they use (contractions, pronouns, stems,
spellings of sounds) come from the language's ``language.toml``.
"""

from __future__ import annotations

import re
from collections.abc import Collection, Mapping, Sequence
from dataclasses import dataclass, field

# Letters and digits of any alphabet, with inner apostrophes ("can't", "größer").
# A decimal number is one word ("38.9", "38,5"), so its point is not taken for a full stop.
_DECIMAL = r"\d+\.\d+|\d+,\d{1,2}(?!\d)|"
# Letters with a dot after each are one word ("2 a.m.", "p.m."), so their dots are not taken for full stops.
_DOTTED = r"(?<![^\W_])(?:[^\W\d_]\.){2,}(?![^\W_])|"
_WORD_RE = re.compile(_DECIMAL + _DOTTED + r"(?:[^\W_]|')+")
_PIECE_RE = re.compile(_DECIMAL + _DOTTED + r"(?:[^\W_]|')+|\.\.\.|[.!?;:\u2014\u2013]|,|\s-\s")
# A slash between a number and a word is "per": "breathing 55/min", "180 / min" (not "120/80", nor "and/or").
_PER_SIGN_RE = re.compile(r"(?<=\d)\s*/\s*(?=[^\W\d_])")
# A colon is a full stop, except between a word and a number: "pulse: 45", "temp: 39,2" label the number after them.
# So is a dash (spaced, en or em): "I counted his breaths while he lay on the couch - 54 in one minute" gives the
# count of what was named before it (understand56, #7, batch_bl: the dash had cut the count from its breaths).
_LABELS = frozenset({":", "-", "\u2013", "\u2014"})


def _plain(text: str) -> str:
    """Lowercase, with typographic apostrophes made straight."""
    return text.lower().replace("\u2019", "'")


@dataclass(frozen=True)
class Spelling:
    """How one language writes words: what tokens, pronoun classes, stems and sound keys are made of."""

    contractions: Mapping[str, str] = field(default_factory=dict, hash=False)
    """Whole words expanded ("can't" -> "can not")."""
    suffixes: tuple[tuple[str, str], ...] = ()
    """Endings expanded on any word, in order ("n't" -> "not")."""
    clipped: tuple[tuple[str, str], ...] = ()
    """Endings written with an apostrophe for a dropped letter, restored ("burnin'" -> "burning")."""
    possessive: str = ""
    """An ending that marks a possessive ("'s"): cut, so "dad's" names dad."""
    possessive_is: str = ""
    """What the possessive ending means after a word in ``possessive_is_after`` ("it's" -> "it is")."""
    possessive_is_after: frozenset[str] = frozenset()
    number_words: Mapping[str, str] = field(default_factory=dict, hash=False)
    """Numbers said as words ("911" -> "nine one one")."""
    pronoun_classes: Mapping[str, str] = field(default_factory=dict, hash=False)
    """Pronoun -> the class it folds to ("she" -> "he")."""
    stem_suffixes: tuple[str, ...] = ()
    min_stem: int = 3
    """Letters that must remain after an ending is cut."""
    irregular_stems: Mapping[str, str] = field(default_factory=dict, hash=False)
    sound_rules: tuple[tuple[str, str], ...] = ()
    """Spellings of one sound written one way, applied in order ("ph" -> "f")."""
    sound_silent: str = ""
    """Letters dropped after the first when making a sound key (vowels)."""
    learner_no: str = ""
    """A denial word that learners and some dialects use for the verb's "not" ("he is no breathing")."""
    learner_not: str = ""
    """What ``learner_no`` stands for there ("not")."""
    learner_subjects: frozenset[str] = frozenset()
    """Words after which ``learner_no`` negates the verb that follows ("she no can walk", "he is no breathing")."""
    learner_be: frozenset[str] = frozenset()
    """Forms of "be" that may stand between the subject and ``learner_no`` ("he is no breathing")."""
    learner_auxiliaries: frozenset[str] = frozenset()
    """Auxiliaries that may stand there too, where only "not" fits before the verb: "she will no to wake up", "he does
    no wake up" (a recogniser's bent "not", outside review 21 F2). "Has no" and "have no" are no auxiliaries here."""
    learner_modals: frozenset[str] = frozenset()
    """Verbs that ``learner_no`` goes before, where standard order puts "not" after ("no can" -> "can not")."""

    glued_labels: frozenset[str] = frozenset()
    """Labels of a reading written onto its digits ("hr190", "rr50"): split off, so the number is read with its label."""
    per_sign: str = ""
    """The word a slash between a number and a unit says ("55/min" is "55 per min"); empty: the slash is dropped."""

    def _plain(self, text: str) -> str:
        """Lowercase, apostrophes straight, and a slash after a number written as the language's ``per_sign``."""
        text = _plain(text)
        return _PER_SIGN_RE.sub(f" {self.per_sign} ", text) if self.per_sign else text

    def unclipped(self, word: str) -> str:
        """The word with a dropped letter restored when it was typed without its apostrophe ("burnin")."""
        for ending, full in self.clipped:
            bare = ending.rstrip("'")
            if bare != ending and word.endswith(bare) and len(word) > len(bare) + 1:
                return word[: -len(bare)] + full
        return word

    def _expand(self, word: str) -> list[str]:
        for ending, full in self.clipped:
            if word.endswith(ending) and len(word) > len(ending) + 1:
                word = word[: -len(ending)] + full
                break
        word = word.strip("'")
        if not word:
            return []
        if "." in word and not word[0].isdigit():
            word = word.replace(".", "")  # "a.m." is "am"
        if word in self.contractions:
            return self.contractions[word].split()
        label = word.rstrip("0123456789")
        if label != word and label in self.glued_labels:
            return [label, word[len(label):]]  # "hr190" is "hr 190"
        if word in self.number_words:
            return self.number_words[word].split()
        for suffix, replacement in self.suffixes:
            if word.endswith(suffix) and len(word) > len(suffix):
                return [word[: -len(suffix)], *replacement.split()]
        if self.possessive and word.endswith(self.possessive) and len(word) > len(self.possessive):
            stem_word = word[: -len(self.possessive)]
            # After a pronoun "'s" is "is" ("it's an emergency"); after a name it is a possessive.
            return [stem_word, self.possessive_is] if stem_word in self.possessive_is_after else [stem_word]
        return [word.replace("'", "")]

    def tokens(self, text: str) -> list[str]:
        """Lowercase words with contractions expanded and punctuation removed."""
        out: list[str] = []
        for raw in _WORD_RE.findall(self._plain(text)):
            out.extend(self._expand(raw))
        return self._learner_negations(out, {})

    def _learner_negations(self, words: list[str], breaks: Mapping[int, bool]) -> list[str]:
        """The verb's "not" where a learner or a dialect says "no": "he is no breathing", "she no can walk".

        Only right after a subject (or its "is"), within one clause, and before a word, so
        "there is no fever" and "no, he is fine" keep their "no" (a denial either way).
        """
        if not self.learner_no:
            return words
        out = list(words)
        for i in range(1, len(out) - 1):
            between = out[i - 1] in self.learner_be or out[i - 1] in self.learner_auxiliaries
            before = i - 2 if between and i > 1 and i - 1 not in breaks else i - 1
            if out[i] != self.learner_no or out[before] not in self.learner_subjects or i in breaks or i + 1 in breaks:
                continue
            if out[i + 1] in self.learner_modals:
                out[i], out[i + 1] = out[i + 1], self.learner_not  # "no can walk" -> "can not walk"
            else:
                out[i] = self.learner_not
        return out

    def tokens_and_breaks(self, text: str) -> tuple[list[str], dict[int, bool]]:
        """Tokens, and where punctuation falls: index -> True for a full stop, False for a comma.

        A key ``i`` means the break comes just before token ``i``. Recognisers give
        no punctuation; typed text does, and it helps to scope "what if" or "no".
        """
        out: list[str] = []
        breaks: dict[int, bool] = {}
        pieces = _PIECE_RE.findall(self._plain(text))
        for k, piece in enumerate(pieces):
            if piece[0].isalnum() or piece[0] == "'":
                out.extend(self._expand(piece))
            else:
                labels = piece.strip() in _LABELS and 0 < k < len(pieces) - 1 and pieces[k + 1][0].isdigit() \
                    and pieces[k - 1][-1].isalpha()  # "pulse: 45"; a clock's "10:45" stays as it was
                breaks[len(out)] = breaks.get(len(out), False) or (piece != "," and not labels)
        return self._learner_negations(out, breaks), breaks

    def phrase_key(self, text: str) -> str:
        """The canonical form of a phrase, used to find the same phrase claimed twice."""
        return " ".join(self.tokens(text))

    def canonical(self, word: str) -> str:
        """The form of a token used for matching (pronouns folded into one class)."""
        return self.pronoun_classes.get(word, word)

    def stem(self, word: str) -> str:
        """A crude stem, enough to equate "breathe", "breathing" and "breathes"."""
        word = self.irregular_stems.get(word, word)
        for suffix in self.stem_suffixes:
            # A letter said twice is the word's own: "pass" keeps its "s", so it is the stem of "passed".
            doubled = len(suffix) == 1 and word.endswith(suffix * 2)
            if word.endswith(suffix) and len(word) - len(suffix) >= self.min_stem and not doubled:
                return word[: -len(suffix)]
        return word

    def sound(self, word: str) -> str:
        """A rough sound-alike key: consonants after the first letter, spelled one way.

        "raising" and "racing" share "rsng"; recognisers confuse words that sound alike.
        """
        for spelling, spoken in self.sound_rules:
            word = word.replace(spelling, spoken)
        if not word:
            return ""
        rest = "".join(ch for ch in word[1:] if ch not in self.sound_silent)
        collapsed = "".join(ch for i, ch in enumerate(rest) if i == 0 or ch != rest[i - 1])
        return word[0] + collapsed


def unglued(words: list[str], breaks: Mapping[int, bool], prefixes: Sequence[str],
            known: Collection[str], real: Collection[str]) -> tuple[list[str], dict[int, bool]]:
    """Words with a denial glued to the next one split off: "nofever" -> "no fever".

    Only a word that is no real word itself ("nothing", "notice" stay) and whose
    rest is one of the ``known`` words of a sign; the breaks move with the words.
    """
    out: list[str] = []
    moved: dict[int, bool] = {}
    for index, word in enumerate(words):
        if index in breaks:
            moved[len(out)] = breaks[index]
        prefix = next((p for p in prefixes if word.startswith(p) and word[len(p):] in known), None)
        if prefix is not None and word not in real:
            out += [prefix, word[len(prefix):]]
        else:
            out.append(word)
    if len(words) in breaks:
        moved[len(out)] = breaks[len(words)]
    return out, moved


_WITHIN = re.compile(r"\swithin\s+(\d+)\s*$")


def split_window(pattern: str) -> tuple[str, int | None]:
    """A word pattern without its closing "within N", and N (None when it has none)."""
    if (found := _WITHIN.search(pattern)) is None:
        return pattern, None
    return pattern[: found.start()], int(found.group(1))


WINDOW_LAST = "'within N' must come last (after any 'unless' words)"


def misplaced_window(pattern: str) -> bool:
    """True when "within N" is not the pattern's very end: "a + b within 3 unless c" read "3 unless c" as
    words and fell back to the default window (three such patterns were in the shipped data)."""
    head, within, window = pattern.rpartition(" within ")
    return bool(within) and (not window.strip().isdigit() or " within " in head)


def word_groups(pattern: str, spelling: Spelling) -> tuple[frozenset[str], ...]:
    """The "+"-separated word groups of a pattern ("lips face + blue grey"), each word in canonical form."""
    return tuple(frozenset(spelling.canonical(w) for w in spelling.tokens(group)) for group in pattern.split("+"))


def holds(words: Sequence[str], phrase: Sequence[str]) -> bool:
    """True when ``phrase`` (tokens) stands among ``words`` in a row; an empty phrase stands nowhere."""
    size = len(phrase)
    want = tuple(phrase)
    return size > 0 and any(tuple(words[i:i + size]) == want for i in range(len(words) - size + 1))
