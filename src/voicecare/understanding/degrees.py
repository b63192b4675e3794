"""Words of degree said before a sign's word: "a bit hot", "quite warm" say how much, not whether."""

from __future__ import annotations

from collections.abc import Callable, Collection, Mapping, Sequence


def dropped(heard: Sequence[str], breaks: Mapping[int, bool], degrees: Sequence[tuple[str, ...]],
            signs: Collection[str], canonical: Callable[[str], str],
            cues: Collection[tuple[str, ...]] = ()) -> tuple[list[str], dict[int, bool]]:
    """The heard words without the words of degree that stand right before a word of a sign.

    "He's a bit hot", "his lips are a little bit blue", "she's kinda warm" say
    the sign plainly (a tired parent's usual words), so they are matched as
    "he's hot", "his lips are blue": a loose pattern's window and the hedges
    (rule 10 is about doubt, not degree) never see them. Only before a sign's
    word (``signs``), with no comma between, so "a little girl at daycare" and
    "a bit of a temp" are left as said, nor before a context cue (``cues``):
    in "walking like a little old man" someone is named. ``degrees`` are
    longest first; the breaks move with the words.
    """
    words = [canonical(w) for w in heard]
    out: list[str] = []
    moved: dict[int, bool] = {}
    index = 0
    while index < len(words):
        if index in breaks:
            moved[len(out)] = breaks[index]
        size = _degree_at(words, breaks, index, degrees, signs)
        if size and _cue_at(words, index + size, cues):
            size = 0
        if size:
            index += size
            continue
        out.append(heard[index])
        index += 1
    if len(words) in breaks:
        moved[len(out)] = breaks[len(words)]
    return out, moved


def _degree_at(words: Sequence[str], breaks: Mapping[int, bool], index: int,
               degrees: Sequence[tuple[str, ...]], signs: Collection[str]) -> int:
    """How many words of degree start at ``index`` before a sign's word (0 when none do)."""
    for degree in degrees:
        after = index + len(degree)
        if tuple(words[index:after]) == degree and after < len(words) and words[after] in signs \
                and not any(i in breaks for i in range(index + 1, after + 1)):
            return len(degree)
    return 0


def _cue_at(words: Sequence[str], index: int, cues: Collection[tuple[str, ...]]) -> bool:
    """True when a context cue's words start at ``index`` ("old man")."""
    return any(tuple(words[index:index + len(cue)]) == cue for cue in cues if cue[0] == words[index])
