"""Finding symptom mentions in what the caregiver said, tolerant of recogniser errors."""

from __future__ import annotations

from collections.abc import Collection, Iterable, Mapping, Sequence
from dataclasses import dataclass, replace

from rapidfuzz import fuzz, process

from voicecare.domain import IntentSet, Match, Status
from voicecare.understanding import backoff, callers, clauses, context, ellipsis, families, mentions, ordinary, scopes
from voicecare.understanding.language import Language
from voicecare.understanding.mentions import Hit
from voicecare.understanding.text import Spelling, split_window, unglued, word_groups

MIN_SOUND_KEY = 3
"""Sound keys shorter than this say too little ("though" and "thigh" both give "0")."""
DOUBT_REACH = 3
"""How soon after a normal reading a "but" says the caregiver doubts it ("it says 37.8 but she looks flushed")."""
@dataclass(frozen=True)
class MatchSettings:
    """Thresholds of the matcher, 0-100 like rapidfuzz scores."""

    word_cutoff: float = 80.0
    """Least similarity for a heard word to stand for a phrase word ("fewer" ~ "fever")."""
    min_fuzzy_length: int = 5
    """Unless one of the two words is this long, they must match exactly or by stem ("week" is not "weak")."""
    min_heard_length: int = 4
    """Heard words shorter than this are never matched fuzzily ("hot" is not "hit")."""
    max_length_difference: int = 2
    """Fuzzy partners differ by at most this many letters ("cousin" is not "confusion")."""
    phrase_cutoff: float = 78.0
    """Least score for a phrase to count as found."""
    certain_score: float = 90.0
    """Below this a match is reported as uncertain (it still counts)."""
    max_gap: int = 2
    """Filler words allowed between two phrase words ("hard to, uh, wake")."""
    hedge_gap: int = 3
    """More words a phrase's own "not" may reach over, all of them hedges ("doesn't seem to be breathing")."""
    gap_penalty: float = 3.0
    near_window: int = 6
    tight_window: int = 3
    """A loose pattern demanding its words this close ("he + stiff within 3") is a phrase in any
    order, said in one breath: it never reaches over a comma or full stop ("her neck is stiff, she ...")."""
    """Most words a ``near`` pattern may span, first to last."""
    sound_score: float = 85.0
    """Score of a sound-alike partner ("raising" for "racing"); below certain, so it is reported unsure."""
    min_sound_length: int = 5
    """Shorter words share sound keys too easily."""
    stem_score: float = 92.0
    """Score of a same-stem partner ("breathe" for "breathing"). Loose ``near`` patterns take
    only exact words and same-stem forms, never look-alikes ("walking" is not "waking")."""
    optional_weight: float = 0.4
    cache_size: int = 20_000


@dataclass(frozen=True)
class _Phrase:
    symptom: str
    words: tuple[str, ...]
    required: tuple[bool, ...]
    negation_inside: bool
    plain: bool = False
    """True when every word is an everyday one ("out of it"): none of its words may be left out."""


@dataclass(frozen=True)
class _Near:
    symptom: str
    groups: tuple[frozenset[str], ...]
    window: int | None
    negation_inside: bool = False
    """A group of denial words ("doctor + not never nobody"): its "not" is the symptom, never a denial of it."""
    turns: bool = False
    """A group of contrast words ("accident + but though + dry trained"): the background, then the sign."""


class Matcher:
    """Finds every symptom mentioned in an utterance, with its status and score."""

    def __init__(self, intents: IntentSet, settings: MatchSettings | None = None) -> None:
        self.settings = settings or MatchSettings()
        self._language = intents.language
        spelling = self._spelling = intents.language.spelling
        self._by_anchor: dict[str, list[_Phrase]] = {}
        for symptom in intents.symptoms:
            for text in symptom.phrases:
                phrase = _compile(symptom.id, text, self._language, intents.common_words)
                self._by_anchor.setdefault(phrase.words[0], []).append(phrase)
        self._near: dict[str, list[_Near]] = {}
        for symptom in intents.symptoms:
            for text in symptom.near:
                near = _compile_near(symptom.id, text, spelling, self._language.negations, self._language.contrasts)
                for word in near.groups[0]:
                    self._near.setdefault(word, []).append(near)
        phrase_words = {w for ps in self._by_anchor.values() for p in ps for w in p.words}
        near_words = {w for ns in self._near.values() for n in ns for g in n.groups for w in g}
        self._vocabulary = sorted(phrase_words | near_words)
        self._stems: dict[str, list[str]] = {}
        self._sounds: dict[str, list[str]] = {}
        for word in self._vocabulary:
            self._stems.setdefault(spelling.stem(word), []).append(word)
            if len(word) >= self.settings.min_sound_length and len(spelling.sound(word)) >= MIN_SOUND_KEY:
                self._sounds.setdefault(spelling.sound(word), []).append(word)
        self._known = frozenset(self._vocabulary)
        # Number and unit words are words of their own: "kilos" is not "chills".
        numbers = intents.language.numbers
        amounts = {*numbers.digits, *numbers.tens, *numbers.scales, *(numbers.units or {})} - self._known
        self._lexicon = self._known | intents.common_words | intents.frequent_words | amounts
        # Words of the topic: any other word said twice in one breath may be a name (``clauses``).
        self._topic_words = self._known | intents.common_words
        self._amounts = frozenset({*numbers.digits, *numbers.tens, *numbers.scales})
        # Real words: heard, one stands for itself unless context says otherwise (see _align).
        self._frequent = intents.frequent_words | self._known | amounts
        self._content = self._known - intents.common_words
        self._cache: dict[str, dict[str, float]] = {}
        self._common = intents.common_words | amounts
        self._levels = {s.id: s.level for s in intents.symptoms}
        self._own_words = frozenset(s.id for s in intents.symptoms if s.own_words)
        self._said_of = {s.id: frozenset(spelling.canonical(w) for w in s.said_of) for s in intents.symptoms if s.said_of}
        self._measures = intents.measures
        self._ordinary = ordinary.compile_all({s.id: s.ordinary for s in intents.symptoms}, spelling)
        self._backoff = backoff.Backoff({s.id: s.backoff for s in intents.symptoms if s.backoff}, spelling,
                                        self.settings.stem_score)

    def match(self, text: str) -> list[Match]:
        """All symptom mentions in ``text``, in the order they were said."""
        heard, breaks = self._spelling.tokens_and_breaks(text)
        heard, breaks = unglued(heard, breaks, self._language.glued_negations, self._known, self._lexicon)
        spoken = clauses.unpunctuated(heard, breaks)  # a recogniser's text: guess where its sentences end
        if spoken:
            folded = [self._spelling.canonical(w) for w in heard]
            breaks = clauses.spoken_breaks(folded, self._language.context.clauses, breaks, subjects=False)
        heard, breaks = ellipsis.filled(heard, breaks, self._language.context, self._language.negations,
                                        self._spelling.canonical)
        heard, breaks = ellipsis.answered(heard, breaks, self._language.context, self._spelling.canonical)
        words = [self._spelling.canonical(w) for w in heard]
        candidates = [self._candidates(w) for w in words]
        language = self._language
        found = mentions.unstraddled(list(self._hits(words, candidates, breaks)), mentions.clauses(len(words), breaks))
        found = mentions.unborrowed(found, words, language.context.list_joiners)
        found = mentions.not_their_own(found, words, language.negations, language.context.modals,
                                       language.not_then)
        # Before resolving: a mention an everyday circumstance explains shadows nothing.
        found = ordinary.unexplained(found, words, breaks, self._ordinary, language.contrasts)
        hits = mentions.resolve(found, self._levels)
        signs = {i for i, word in enumerate(words) if word in self._content}
        # A recogniser's text has no punctuation: its likely sentence ends bound the cues' scopes (only).
        ends = clauses.spoken_breaks(words, language.context.clauses, breaks, known=self._topic_words) if spoken else breaks
        where = context.scene(words, ends, self._language.context, signs)
        own = families.caregivers_own(where)  # "I'm going to call an ambulance" is the caregiver's alarm
        matches = []
        hedged_signs: set[str] = set()
        for hit in hits:
            # Only the words another mention is made of are its own: a cue lying
            # inside its span may belong to this one ("peeing fine and no trouble breathing").
            blocked = {i for other in hits if other is not hit for i in other.positions}
            # A cue with the background before a pattern's own contrast is not the sign's (see news_start).
            status, hedged = context.status_of(
                own if hit.symptom in self._own_words else where,
                mentions.news_start(hit, words, language.contrasts), hit.end, hit.positions,
                negation_inside=hit.negation_inside, blocked=blocked, signs=signs,
            )
            if status is Status.ABSENT and not hit.negation_inside and scopes.narrowed(
                    words, hit.start, blocked, ends, language.narrowing, language.negations):
                status = Status.PRESENT  # "hasn't fainted or anything, just sore back": the back is sore
            matches.append(Match(
                symptom=hit.symptom, status=status, score=round(hit.score, 1),
                heard=" ".join(heard[hit.start:hit.end]), start=hit.start, end=hit.end,
                uncertain=hedged or hit.score < self.settings.certain_score,
            ))
            if hedged and status is Status.PRESENT:
                hedged_signs.add(hit.symptom)
        statuses = context.retold(where, [(m.symptom, m.start, m.end, m.status) for m in matches])
        matches = [replace(m, status=status) for m, status in zip(matches, statuses, strict=True)]
        if self._measures is not None:  # "38.9", "pulse 55", "four days": readings judged by the topic's table
            # A reading inside a phrase of the same symptom is that phrase's ("for a week, no actually..."):
            # the phrase already carries its context, and a second mention would outvote a correction.
            readings = [r for r in self._measures.matches(words, replace(where, breaks=breaks), where)
                        if not any(m.symptom == r.symptom and m.start < r.end and r.start < m.end for m in matches)
                        and not (r.symptom in hedged_signs and self._doubted(r, words, breaks))]
            # A normal reading alone ("set the bath to 37 degrees") says nothing about the child.
            if matches or any(r.status is not Status.ABSENT for r in readings):
                matches += readings
        # "my little brother woke up screaming", "grandpa again, her back...": the child's signs after all.
        statuses = callers.patients(where, [(m.start, m.status) for m in matches], self._language.callers)
        matches = [replace(m, status=status) for m, status in zip(matches, statuses, strict=True)]
        if self._backoff and not any(m.status is Status.PRESENT and self._levels[m.symptom] <= backoff.RED_FLAG
                                     for m in matches):
            matches += self._guesses(heard, words, breaks, where, signs, matches)
        return self._owned(matches, words, breaks) if self._said_of else matches

    def _guesses(self, heard: Sequence[str], words: Sequence[str], breaks: Mapping[int, bool],
                 where: context.Scene, signs: Collection[int], matches: Sequence[Match]) -> list[Match]:
        """Red flags guessed from words pointing at them (``backoff``), judged by the same context rules."""
        language = self._language

        def near_hit(pattern: backoff.Pattern, words: Sequence[str], candidates: Sequence[dict[str, float]],
                     anchor: int, score: float) -> Hit | None:
            near = _Near(pattern.symptom, pattern.groups, pattern.window)
            return self._near_hit(near, words, candidates, anchor, score, breaks)

        # Words another mention is made of are explained already ("not breathing hard" is no guess at anything).
        taken = {i for m in matches for i in range(m.start, m.end)}
        found = [h for h in self._backoff.hits(words, breaks, near_hit, {m.symptom for m in matches})
                 if taken.isdisjoint(h.positions)]
        found = mentions.not_their_own(found, words, language.negations, language.context.modals, language.not_then)
        found = ordinary.unexplained(found, words, breaks, self._ordinary, language.contrasts)
        guesses = []
        for hit in mentions.resolve(found, self._levels):
            status, _ = context.status_of(where, hit.start, hit.end, hit.positions,
                                          negation_inside=hit.negation_inside, blocked=(), signs=signs)
            if status is Status.PRESENT:
                guesses.append(Match(symptom=hit.symptom, status=status, score=round(hit.score, 1),
                                     heard=" ".join(heard[hit.start:hit.end]), start=hit.start, end=hit.end,
                                     uncertain=True, guessed=True))
        return guesses

    def _doubted(self, reading: Match, words: Sequence[str], breaks: Mapping[int, bool]) -> bool:
        """True for a normal reading the caregiver doubts, of a sign they are unsure of: "not sure if she has a
        fever, it says 37.8 but her face is flushed" is a fever (rules 10 and 4: when unsure, escalate).

        A reading that settles the doubt ("I thought she had a fever but I checked, 36.5, normal") denies it.
        """
        after = range(reading.end, min(len(words), reading.end + DOUBT_REACH))
        return reading.status is Status.ABSENT and any(
            words[i] in self._language.contrasts and not any(breaks.get(j, False) for j in range(reading.end, i + 1))
            for i in after)

    def _owned(self, matches: list[Match], words: Sequence[str], breaks: Mapping[int, bool]) -> list[Match]:
        """Mentions of a symptom said about something (a duration, about the pain), kept only with it near.

        The words it is said about must stand in the mention's sentence or the one
        before (or the one after, when the mention's own sentence is only a few
        words: "Four days now. Her back hurts."). Someone else's sign or a what-if
        keeps the mention theirs: "my own back has been killing me all week".
        """
        kept = []
        for match in matches:
            about = self._said_of.get(match.symptom)
            if about is None:
                kept.append(match)
                continue
            low, high = _sentences_around(match.start, len(words), breaks)
            near = [i for i in range(low, high) if words[i] in about]
            if not near or self._said_of_a_deed(match, words, breaks, about) \
                    or scopes.anothers_duration(match, matches, words, breaks, about):
                continue
            owner = min(near, key=lambda i: 0 if match.start <= i < match.end else abs(i - match.start))
            # Not the past: "his back has been hurting since last Friday" lasts until now.
            theirs = next((m.status for m in matches if m is not match and m.start <= owner < m.end
                           and m.status in _SOMEONE_ELSES), None)
            kept.append(replace(match, status=theirs) if match.status is Status.PRESENT and theirs else match)
        return kept

    def _said_of_a_deed(self, match: Match, words: Sequence[str], breaks: Mapping[int, bool],
                        about: Collection[str]) -> bool:
        """True when a mention's own clause names none of what it is said about but a deed in the past.

        "potty trained for a year and his back is sore": the year is the training's,
        however the recogniser ran the clauses together. "four days now" has no deed
        and still points at the pain said before it, and a deed not done ("hasn't
        pooed in four days") is a problem that has lasted.
        """
        rules = self._language.context
        first = context.clause_start(words, breaks, rules, match.start)
        last = context.clause_end(words, breaks, rules, match.start + 1)
        if any(words[i] in about for i in range(first, last)):
            return False
        # A deed not done ("hasn't pooed in four days") is a problem lasting until now: the span stays.
        return any(context.past_tense(words[i], rules) and not self._language.negations & set(words[max(first, i - 2):i])
                   for i in range(first, match.start))

    def forget(self) -> None:
        """Drop the cache of heard words (privacy: nothing a family said is kept after their session)."""
        self._cache.clear()

    def _candidates(self, word: str) -> dict[str, float]:
        """Phrase words this heard word may stand for, with their similarity."""
        cached = self._cache.get(word)
        if cached is not None:
            return cached
        found: dict[str, float] = {}
        s = self.settings
        if len(word) >= s.min_heard_length and word not in self._common:
            for choice, score, _ in process.extract(
                word, self._vocabulary, scorer=fuzz.ratio, score_cutoff=s.word_cutoff, limit=None,
            ):
                if max(len(word), len(choice)) >= s.min_fuzzy_length and abs(len(word) - len(choice)) <= s.max_length_difference:
                    found[choice] = score
        if len(word) >= s.min_sound_length and word not in self._common and word not in self._known:
            for alike in self._sounds.get(self._spelling.sound(word), ()):
                found[alike] = max(found.get(alike, 0.0), s.sound_score)
        for same_stem in self._stems.get(self._spelling.stem(word), ()):
            found[same_stem] = max(found.get(same_stem, 0.0), 100.0 if same_stem == word else s.stem_score)
        if len(self._cache) >= self.settings.cache_size:
            self._cache.clear()  # a bounded cache: long sessions must not grow
        self._cache[word] = found
        return found

    def _hits(self, words: Sequence[str], candidates: Sequence[dict[str, float]],
              breaks: Mapping[int, bool]) -> Iterable[Hit]:
        for start, options in enumerate(candidates):
            for word in options:
                for phrase in self._by_anchor.get(word, ()):
                    hit = self._align(phrase, words, candidates, start, breaks)
                    if hit is not None:
                        yield hit
                if not _near_partner(words[start], word, self._lexicon, self._spelling):
                    continue
                for near in self._near.get(word, ()):
                    found = self._near_hit(near, words, candidates, start, options[word], breaks)
                    if found is not None:
                        yield found

    def _near_hit(self, near: _Near, words: Sequence[str], candidates: Sequence[dict[str, float]], anchor: int,
                  score: float, breaks: Mapping[int, bool]) -> Hit | None:
        """One word of every group within ``near_window`` words of the anchor, in any order."""
        window = near.window or self.settings.near_window
        positions, scores = [anchor], [score]
        for group in near.groups[1:]:
            # Of equally good words, the one keeping the words closest together:
            # in "back stiff and he woke crying from the pain" the pain, not the back.
            best = max(
                ((top, -(max(*positions, j) - min(*positions, j)), -abs(j - anchor), j)
                 for j in range(max(0, anchor - window), min(len(candidates), anchor + window + 1))
                 if j not in positions
                 and (top := max((candidates[j][w] for w in group & candidates[j].keys()
                                  if _near_partner(words[j], w, self._lexicon, self._spelling)), default=0.0)) > 0),
                default=None,
            )
            if best is None:
                return None
            positions.append(best[-1])
            scores.append(best[0])
        start, end = min(positions), max(positions) + 1
        total = sum(scores) / len(scores)
        if end - start > window or total < self.settings.phrase_cutoff:
            return None
        if near.window is not None and near.window <= self.settings.tight_window and any(
                j in breaks for j in range(start + 1, end)):
            return None
        turn = [j for j in positions if j < anchor] if near.turns else []
        # "Breathing, but only barely": a contrast that narrows the statement does not end it.
        turn += [j for j in range(start, end - 1) if words[j + 1] in self._language.narrowing]
        if mentions.spans_contrast(words, start, end, self._language.contrasts, turn):
            return None  # "walking funny yesterday but he's walking fine": two statements, not one
        anchor_stem = self._spelling.stem(words[anchor])
        if any(j != anchor and self._spelling.stem(words[j]) == anchor_stem for j in range(start, end)):
            # "his back out and her back is sore", "not able to breathe, breath is
            # coming fast": the nearer form of the anchor word makes the mention.
            return None

        # "diapers + not": a pattern that takes a "not" has its own denial inside.
        negation_inside = near.negation_inside or any(words[j] in self._language.negations for j in positions)
        if negation_inside and self._denies_another(words, positions, breaks, clause=near.negation_inside):
            return None
        return Hit(near.symptom, start, end, total, negation_inside, tuple(sorted(positions)), loose=True,
                   anchor=anchor)

    def _align(self, phrase: _Phrase, words: Sequence[str], candidates: Sequence[dict[str, float]],
               start: int, breaks: Collection[int] = ()) -> Hit | None:
        """Match ``phrase`` starting at ``start``, skipping a little filler in between.

        Skipped words other than fillers may not run past a comma or full stop:
        "three weeks before, now a stiff back" holds no "weeks now".
        """
        s = self.settings
        total = scored = 0.0
        position = start
        gaps = 0
        used: list[int] = []
        guesses = sure = 0
        for index, (word, required) in enumerate(zip(phrase.words, phrase.required, strict=True)):
            weight = 1.0 if required else s.optional_weight
            total += weight
            reach = 1 if index == 0 else s.max_gap + 1
            if index and phrase.negation_inside and phrase.words[index - 1] in self._language.negations:
                reach += s.hedge_gap  # "doesn't seem to be breathing", "hasn't been able to breathe" (see _leaps)
            found = next((j for j in range(position, min(position + reach, len(candidates)))
                          if word in candidates[j]), None)
            skipped = range(position, found) if found is not None else range(0)
            if found is not None and index and any(k in breaks for k in range(position, found + 1)) \
                    and any(words[j] not in self._language.fillers for j in skipped):
                found = None  # the words skipped run past a comma or full stop ("can't, um, breathe" still holds)
            if any(words[j][:1].isdigit() or words[j] in self._amounts for j in skipped):
                found = None  # a number is the number reader's: "for 2 days" is a reading, not "for days"
            if any(words[j] in self._language.contrasts for j in skipped):
                found = None  # "a fever last week but now just her back" holds no "a week now": two statements
            if found is None:
                if required or phrase.plain:
                    return None  # a phrase of everyday words only keeps its small words ("out of it", not "out, but it")
                continue
            scored += weight * candidates[found][word]
            used.append(found)
            if _exact_or_stem(words[found], word, self._spelling):
                # Only a word of substance vouches for a look-alike beside it: "is" does not make
                # "he is kicking" "is choking", but "heart" makes "heart raising" racing.
                sure += required and word not in self._common
            elif words[found] in self._frequent and not self._misheard(words, found, word):
                if words[found] in self._known:
                    return None  # a word of our own is never another one of ours ("fever" is not "never")
                guesses += 1
            gaps += found - position
            position = found + 1
        score = scored / total - gaps * s.gap_penalty
        # An everyday word stands for itself unless the rest of the phrase was
        # heard as it is: "wanting" alone is not "fainting", "heart raising" is racing.
        if score < s.phrase_cutoff or (guesses and not sure) or (phrase.negation_inside and self._leaps(words, used)):
            return None
        return Hit(phrase.symptom, start, position, score, phrase.negation_inside, tuple(used))

    def _denies_another(self, words: Sequence[str], positions: Sequence[int], breaks: Mapping[int, bool], *,
                        clause: bool = False) -> bool:
        """True when a loose pattern's own "not" stands across a full stop from the rest of it.

        There the "not" answers what was asked ("does the pain wake him at night?
        No, not at all"); it is not "not waking". A pattern made to take a denial
        ("control + bladder + no not", ``clause``) takes it from its own clause only:
        in "she has control of her bladder, no accidents" the "no" denies the accidents.
        """
        negations = self._language.negations
        others = [j for j in positions if words[j] not in negations]
        for denial in (j for j in positions if words[j] in negations):
            nearest = min(others, key=lambda j: abs(j - denial), default=denial)
            if any(breaks.get(k, False) or (clause and k in breaks)
                   for k in range(min(denial, nearest) + 1, max(denial, nearest) + 1)):
                return True
        return False

    def _leaps(self, words: Sequence[str], used: Sequence[int]) -> bool:
        """True when a phrase whose own "not" is the symptom skips more than filler.

        "not breathing" may skip filler and hedges ("can't, uh, breathe",
        "doesn't seem to know who I am": the language's ``skippable`` words), but
        across any other word the "not" belongs to something else ("not sleepy,
        breathing fine", "can't stand by himself" is not "not himself"), unless
        the denial covers both ("won't bend or walk").
        """
        skipped = {words[j] for j in range(used[0], used[-1] + 1) if j not in used}
        language = self._language
        return not language.disjunctions.intersection(skipped) and not skipped <= language.skippable

    def _misheard(self, words: Sequence[str], index: int, meant: str) -> bool:
        """True when the everyday word at ``index`` may be ``meant`` misheard.

        A recogniser swaps a sound for a sound, so the two are the same length
        ("painted" for "fainted", not "ever" for "fever"), and the word sits where
        a symptom word would go (the language's ``symptom_slots``).
        """
        slot = any(tuple(words[max(0, index - len(before)):index]) == before for before in self._language.symptom_slots)
        return slot and len(words[index]) == len(meant)


_SOMEONE_ELSES = frozenset({Status.OTHER, Status.HYPOTHETICAL})
"""Statuses of a sign that a mention said about it shares."""
SHORT_SENTENCE = 4
"""A sentence of this many words or fewer ("Four days now.") may be about the next one."""


def _sentences_around(index: int, length: int, breaks: Mapping[int, bool]) -> tuple[int, int]:
    """The word range of the sentence holding words[index] and the one before it (and after it, when short)."""
    stops = sorted(i for i, full in breaks.items() if full and 0 < i < length)
    starts = [0, *(i for i in stops if i <= index)]
    begin = starts[-1]
    end = next((i for i in stops if i > index), length)
    after = next((i for i in stops if i > end), length) if end - begin <= SHORT_SENTENCE else end
    return (starts[-2] if len(starts) > 1 else begin), after


def _compile(symptom: str, text: str, language: Language, everyday: frozenset[str] = frozenset()) -> _Phrase:
    """A phrase as matched: the language's optional words (``[matching]``) may be missing when heard."""
    optional = language.optional_words
    words = [language.spelling.canonical(w) for w in language.tokens(text)]
    # Leading and trailing optional words would only blur where a mention starts.
    while len(words) > 1 and words[0] in optional:
        words.pop(0)
    while len(words) > 1 and words[-1] in optional:
        words.pop()
    required = tuple(w not in optional for w in words)
    plain = len(words) > 1 and all(w in everyday for w in words)
    return _Phrase(symptom, tuple(words), required, any(w in language.negations for w in words), plain)


def _exact_or_stem(heard: str, word: str, spelling: Spelling) -> bool:
    """True when ``heard`` is ``word`` itself or a form of it, not a look-alike ("waking" is not "walking").

    A form with its last letter dropped in speech ("burnin up") is the word itself.
    """
    return heard == word or spelling.stem(heard) == spelling.stem(word) or spelling.unclipped(heard) == word


def _near_partner(heard: str, word: str, known: frozenset[str], spelling: Spelling) -> bool:
    """Loose patterns take exact and same-stem words; a look-alike only for a word we know nothing of.

    "walking" is a word of its own here, so it never stands for "waking";
    "tempature" is no word at all, so it may stand for "temperature".
    """
    return _exact_or_stem(heard, word, spelling) or heard not in known


def _compile_near(symptom: str, text: str, spelling: Spelling, negations: frozenset[str] = frozenset(),
                  contrasts: frozenset[str] = frozenset()) -> _Near:
    text, window = split_window(text)
    groups = word_groups(text, spelling)
    return _Near(symptom, groups, window, any(g <= negations for g in groups), any(g <= contrasts for g in groups))


