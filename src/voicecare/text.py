"""Text normalisation shared by intent loading and matching, so both sides agree on words."""

from __future__ import annotations

import re

# Contractions are expanded so that "can't breathe", "cannot breathe" and a
# recogniser's "can not breathe" all become the same tokens.
_SPECIAL_CONTRACTIONS = {
    "can't": "can not",
    "cannot": "can not",
    "won't": "will not",
    "ain't": "is not",
    "shan't": "shall not",
    "wont": "will not",
    "cant": "can not",
    "dont": "do not",
    "doesnt": "does not",
    "didnt": "did not",
    "isnt": "is not",
    "wasnt": "was not",
    "hasnt": "has not",
    "havent": "have not",
    "wouldnt": "would not",
    "couldnt": "could not",
    "im": "i am",
    "ive": "i have",
    # Recognisers and hurried typing drop the apostrophe.
    "hes": "he is",
    "shes": "she is",
    "thats": "that is",
    "theres": "there is",
    "whats": "what is",
    "theyre": "they are",
    "youre": "you are",
    "arent": "are not",
    "shouldnt": "should not",
    "werent": "were not",
}
_SUFFIXES = (
    ("n't", " not"),
    ("'re", " are"),
    ("'ve", " have"),
    ("'ll", " will"),
    ("'m", " am"),
    ("'d", " would"),
)
# "'s" is ambiguous (is / has / possessive); we keep the bare word so that
# "he's" and "he is" both leave "he", and possessives still name their owner.
_IS_CONTRACTED = frozenset({"it", "he", "she", "that", "there", "what", "who", "here", "this", "where"})
# A decimal number is one word ("38.9", "38,5"), so its point is not taken for a full stop.
_WORD_RE = re.compile(r"\d+\.\d+|\d+,\d{1,2}(?!\d)|[a-z0-9']+")
_PIECE_RE = re.compile(r"\d+\.\d+|\d+,\d{1,2}(?!\d)|[a-z0-9']+|\.\.\.|[.!?;:\u2014\u2013]|,|\s-\s")
_NUMBER_WORDS = {"911": "nine one one"}


def _expand(word: str) -> list[str]:
    word = word.strip("'")
    if not word:
        return []
    if word in _SPECIAL_CONTRACTIONS:
        return _SPECIAL_CONTRACTIONS[word].split()
    if word in _NUMBER_WORDS:
        return _NUMBER_WORDS[word].split()
    for suffix, replacement in _SUFFIXES:
        if word.endswith(suffix) and len(word) > len(suffix):
            return (word[: -len(suffix)] + replacement).split()
    if word.endswith("'s"):
        stem_word = word[:-2]
        # After a pronoun "'s" is "is" ("it's an emergency"); after a name it is a possessive.
        return [stem_word, "is"] if stem_word in _IS_CONTRACTED else [stem_word]
    return [word.replace("'", "")]


def tokens(text: str) -> list[str]:
    """Lowercase words with contractions expanded and punctuation removed."""
    out: list[str] = []
    for raw in _WORD_RE.findall(text.lower().replace("\u2019", "'")):
        out.extend(_expand(raw))
    return out


def tokens_and_breaks(text: str) -> tuple[list[str], dict[int, bool]]:
    """Tokens, and where punctuation falls: index -> True for a full stop, False for a comma.

    A key ``i`` means the break comes just before token ``i``. Recognisers give
    no punctuation; typed text does, and it helps to scope "what if" or "no".
    """
    out: list[str] = []
    breaks: dict[int, bool] = {}
    for piece in _PIECE_RE.findall(text.lower().replace("\u2019", "'")):
        if piece[0].isalnum() or piece[0] == "'":
            out.extend(_expand(piece))
        else:
            breaks[len(out)] = breaks.get(len(out), False) or piece != ","
    return out, breaks


def phrase_key(text: str) -> str:
    """The canonical form of a phrase, used to find the same phrase claimed twice."""
    return " ".join(tokens(text))


# He, she and they (and their other forms) are one word to the matcher, so a
# phrase written about a boy also finds a girl; possessive and object forms are
# folded together because speech does not tell "her" (object) from "her" (his).
_PRONOUN_CLASSES = {
    "he": "he", "she": "he", "they": "he",
    "him": "him", "her": "him", "his": "him", "hers": "him", "them": "him", "their": "him",
    "theirs": "him", "himself": "himself", "herself": "himself", "themselves": "himself",
    "themself": "himself",
}


def canonical(word: str) -> str:
    """The form of a token used for matching (pronouns folded into one class)."""
    return _PRONOUN_CLASSES.get(word, word)


_STEM_SUFFIXES = ("ing", "ed", "es", "s", "e")
_MIN_STEM = 3
# Forms the suffix rule cannot reach.
_IRREGULAR = {"peed": "pee", "weed": "wee", "fell": "fall", "woke": "wake", "woken": "wake", "slept": "sleep"}


def stem(word: str) -> str:
    """A crude stem, enough to equate "breathe", "breathing" and "breathes"."""
    word = _IRREGULAR.get(word, word)
    for suffix in _STEM_SUFFIXES:
        if word.endswith(suffix) and len(word) - len(suffix) >= _MIN_STEM:
            return word[: -len(suffix)]
    return word


_SOUND_RULES = (("ph", "f"), ("gh", ""), ("ck", "k"), ("ce", "se"), ("ci", "si"), ("cy", "sy"), ("c", "k"),
                ("q", "k"), ("x", "ks"), ("z", "s"), ("mb", "m"), ("wr", "r"), ("kn", "n"), ("th", "0"))


def sound(word: str) -> str:
    """A rough sound-alike key: consonants after the first letter, spelled one way.

    "raising" and "racing" share "rsng"; recognisers confuse words that sound alike.
    """
    for spelling, spoken in _SOUND_RULES:
        word = word.replace(spelling, spoken)
    if not word:
        return ""
    rest = "".join(ch for ch in word[1:] if ch not in "aeiouyhw")
    collapsed = "".join(ch for i, ch in enumerate(rest) if i == 0 or ch != rest[i - 1])
    return word[0] + collapsed
