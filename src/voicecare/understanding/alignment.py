"""Finding one symptom phrase or loose pattern in heard words: filler skipped, look-alikes vouched for."""

from __future__ import annotations

from collections.abc import Collection, Mapping, Sequence

from voicecare.understanding import mentions
from voicecare.understanding.language import Language
from voicecare.understanding.mentions import Hit
from voicecare.understanding.patterns import MatchSettings, Near, Phrase, exact_or_stem, near_partner


class Aligner:
    """Lines a compiled phrase or loose pattern up with the words heard, given what each heard word may stand for."""

    def __init__(self, settings: MatchSettings, language: Language, *, lexicon: frozenset[str],
                 frequent: frozenset[str], known: frozenset[str], common: frozenset[str],
                 amounts: frozenset[str], ones: frozenset[str] = frozenset(),
                 units: frozenset[str] = frozenset()) -> None:
        self.settings = settings
        self._language = language
        self._spelling = language.spelling
        self._lexicon = lexicon
        """Every word of its own: ours, everyday ones, number and unit words."""
        self._frequent = frequent
        """Real words: heard, one stands for itself unless context says otherwise."""
        self._known = known
        """The words our phrases and patterns are made of."""
        self._common = common
        """Small everyday words (and number words) that vouch for nothing."""
        self._amounts = amounts
        """Number words: a number is the number reader's."""
        self._ones = ones
        """Words saying one before a unit ("a day"): a count of one, the number reader's."""
        self._units = units
        """Words of units of measure ("day", "days")."""

    def near_hit(self, near: Near, words: Sequence[str], candidates: Sequence[dict[str, float]], anchor: int,
                  score: float, breaks: Mapping[int, bool]) -> Hit | None:
        """One word of every group within ``near_window`` words of the anchor, in any order."""
        window = near.window or self.settings.near_window
        positions, scores = [anchor], [score]
        for group in near.groups[1:]:
            # Of equally good words, the one keeping the words closest together:
            # in "back stiff and he woke crying from the pain" the pain, not the back.
            # Only words that keep the mention within its window, and a word of the anchor's own sentence
            # before a better one past a full stop: in "we haven't had a doctor look at her back yet. It's been
            # sore" the exact "been" of the next sentence must not shut out the "look" that makes the mention.
            # Of two as close, the one no denial stands right before: in "pain in his back and no pain in his
            # legs" the back's pain is the first, not the legs' denied one (understand53, #7).
            best = max(
                ((not self._stop_between(anchor, j, breaks), top, -(max(*positions, j) - min(*positions, j)),
                  not (j and words[j - 1] in self._language.negations), -abs(j - anchor), j)
                 for j in range(max(0, anchor - window), min(len(candidates), anchor + window + 1))
                 if j not in positions and max(*positions, j) - min(*positions, j) < window
                 and (top := max((candidates[j][w] for w in group & candidates[j].keys()
                                  if near_partner(words[j], w, self._lexicon, self._spelling)), default=0.0)) > 0),
                default=None,
            )
            if best is None:
                return None
            positions.append(best[-1])
            scores.append(best[1])
        start, end = min(positions), max(positions) + 1
        total = sum(scores) / len(scores)
        if end - start > window or total < self.settings.phrase_cutoff:
            return None
        if near.window is not None and near.window <= self.settings.tight_window and any(
                j in breaks for j in range(start + 1, end)):
            return None
        if not near.turns and self._two_statements(words, positions, anchor, breaks):
            return None
        turn = [j for j in positions if j < anchor] if near.turns else []
        # "Breathing, but only barely": a contrast that narrows the statement does not end it.
        turn += [j for j in range(start, end - 1) if words[j + 1] in self._language.narrowing]
        # A contrast word ending its clause joins nothing: "we haven't had her back looked at yet, it's been
        # sore" holds the adverb "yet", not the conjunction (which starts the clause it brings).
        turn += [j for j in range(start, end) if j + 1 in breaks]
        # Right after a "not" a contrast word is an adverb: "we have not yet taken him to the doctor" (batch_ay).
        turn += [j for j in range(start + 1, end) if words[j - 1] in self._language.negations]
        if mentions.spans_contrast(words, start, end, self._language.contrasts, turn):
            return None  # "walking funny yesterday but he's walking fine": two statements, not one
        anchor_stem = self._spelling.stem(words[anchor])
        if any(j != anchor and self._spelling.stem(words[j]) == anchor_stem for j in range(start, end)):
            # "his back out and her back is sore", "not able to breathe, breath is
            # coming fast": the nearer form of the anchor word makes the mention.
            return None
        if any(j not in positions and words[j] in near.groups[0] for j in range(start + 1, end - 1)):
            # Another word of the anchor's own group inside the mention makes a nearer one: in "she can't pick
            # things up with that hand, her arm is weak" the arm is weak, not the hand the "can't" reaches.
            return None

        # "diapers + not": a pattern that takes a "not" has its own denial inside.
        negation_inside = near.negation_inside or any(words[j] in self._language.negations for j in positions)
        if negation_inside and self._denies_another(words, positions, breaks, clause=near.negation_inside):
            return None
        if any(self._denies_a_deed_of_its_own(words, positions, j, breaks) for j in positions
               if words[j] in self._language.negations):
            return None
        return Hit(near.symptom, start, end, total, negation_inside, tuple(sorted(positions)), loose=True,
                   anchor=anchor)

    @staticmethod
    def _stop_between(anchor: int, j: int, breaks: Mapping[int, bool]) -> bool:
        """True when a full stop falls between the anchor and word ``j`` (they are in two sentences)."""
        return any(breaks.get(i, False) for i in range(min(anchor, j) + 1, max(anchor, j) + 1))

    def _two_statements(self, words: Sequence[str], positions: Sequence[int], anchor: int,
                        breaks: Mapping[int, bool]) -> bool:
        """True when what a loose pattern says of its subject lies a sentence after it, in a statement of its own.

        "She is awake. Barely slept though", "he's breathing ok. Trouble is his back": past the
        full stop the state word is said of a word of its own sentence ("slept", "back"). A
        fragment goes on with the same statement ("her lips are... blue", "breathing? Really
        fast"), and a background told first is the sign's own ("potty trained since two. Today
        an accident": the subject, the accident, comes after the stop). Before the subject, past a
        comma or a full stop, a word said of the word beside it is that word's: in "wide awake, walking
        fine" the "wide" is the waking's, no wide walk; and a subject with its verb after the break opens a
        statement of its own ("I don't know what's wrong, she's breathing fast").
        """
        before = [j for j in positions if j < anchor and any(k in breaks for k in range(j + 1, anchor + 1))
                  and words[j] not in self._language.negations]  # a "not" is the pattern's own to place
        if any(k + 1 not in positions and k + 1 not in breaks and k + 1 < len(words) and self._substance(words[k + 1])
               for k in before):
            return True  # "wide awake, walking fine": the "wide" is said of the waking, no wide walk
        clauses = self._language.context.clauses
        if before and any(k in breaks and k + 1 < len(words) and words[k] in clauses.subjects
                          and words[k + 1] in clauses.verbs for k in range(before[0] + 1, anchor + 1)):
            return True  # "I don't know what's wrong, she's breathing fast": a subject and its verb open a statement
        stops = [j for j in range(anchor + 1, max(positions) + 1) if breaks.get(j, False)]
        if not stops:
            return False
        after = next((j for j in sorted(breaks) if j > stops[-1]), len(words))
        return any(j not in positions and self._substance(words[j]) for j in range(stops[-1], after))

    def _substance(self, word: str) -> bool:
        """True for a word that says something of its own (neither a small everyday word nor a filler)."""
        return word not in self._common and word not in self._language.fillers

    def align(self, phrase: Phrase, words: Sequence[str], candidates: Sequence[dict[str, float]],
               start: int, breaks: Collection[int] = ()) -> Hit | None:
        """Match ``phrase`` starting at ``start``, skipping a little filler in between.

        Skipped words other than fillers may not run past a comma or full stop:
        "three weeks before, now a stiff back" holds no "weeks now". Nor may two words said in a row: in "He
        fell. Out for a few secs." or "he fell, out for a few secs" the fall is no "fell out" (a loose pattern
        reads the words after the stop as going on with the statement: knocked out after a fall).
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
            if found is not None and index and any(k in breaks for k in range(position, found + 1)) and not (
                    skipped and all(words[j] in self._language.fillers for j in skipped)):
                found = None  # over a comma or full stop only where the caregiver hesitated ("can't, um, breathe")
            if any(words[j][:1].isdigit() or words[j] in self._amounts for j in skipped):
                found = None  # a number is the number reader's: "for 2 days" is a reading, not "for days"
            if found is not None and found - 1 in skipped and words[found - 1] in self._ones and word in self._units:
                found = None  # "for a day" is one day (the number reader's), not "for days"
            if any(words[j] in self._language.contrasts for j in skipped):
                found = None  # "a fever last week but now just her back" holds no "a week now": two statements
            if not phrase.negation_inside and any(words[j] in self._language.negations for j in skipped):
                found = None  # "hasn't had a temperature" holds no "has a temperature": the "not" denies it
            if found is None:
                if required or phrase.plain:
                    return None  # a phrase of everyday words only keeps its small words ("out of it", not "out, but it")
                continue
            if len(phrase.words) == 1 and words[found][:1] != word[:1] and words[found] not in self._frequent \
                    and not exact_or_stem(words[found], word, self._spelling):
                # A word typed alone is misspelt after its first letter: "bonked", "conked" are no "zonked"
                # (a recogniser's real word in a symptom's place, "she painted", is judged below).
                return None
            scored += weight * candidates[found][word]
            used.append(found)
            if exact_or_stem(words[found], word, self._spelling):
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
            # As near on both sides, a "not" is said of the word after it: "She fell. Not answering me."
            nearest = min(others, key=lambda j: (abs(j - denial), j < denial), default=denial)
            if any(breaks.get(k, False) or (clause and k in breaks)
                   for k in range(min(denial, nearest) + 1, max(denial, nearest) + 1)):
                return True
        return False

    def _denies_a_deed_of_its_own(self, words: Sequence[str], positions: Sequence[int], denial: int,
                                  breaks: Collection[int]) -> bool:
        """True when a loose pattern's "not", said after a joiner, denies a verb of its own that the pattern does
        not use: in "he woke up crying and wouldn't settle", "woke at 2 and could not fall asleep again" the
        settling and falling asleep are denied, not the waking (the child woke: no child hard to wake). When the
        caller woke the child (``rousers`` before it), the "not" is how the child answered, the sign's own.
        """
        language = self._language
        others = [j for j in positions if j < denial]
        if not others or any(j > denial for j in positions) or not any(
                words[k] in language.context.list_joiners for k in range(others[-1] + 1, denial)):
            return False  # a pattern going on past its "not" ("sleeping and not getting up") holds it
        first = max((k for k in breaks if k <= others[0]), default=0)
        if any(words[k] in language.callers.rousers for k in range(first, others[0])):
            return False  # "I tried to wake her and she's not moving": how the child answered being woken
        after = next((k for k in range(denial + 1, len(words)) if words[k] not in language.skippable), None)
        return after is not None and after not in positions and words[after] not in language.negations

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
        a symptom word would go (the language's ``symptom_slots``). Right after a
        subject alone a denial is a denial ("she never wakes at night" is no fever),
        and a word of our own is itself ("she stopped crying" is no stooped walk);
        after "has a" it can be no denial ("he has a never").
        """
        word = words[index]
        slot = any(tuple(words[max(0, index - len(before)):index]) == before
                   and (len(before) > 1 or (word not in self._language.negations and word not in self._known))
                   for before in self._language.symptom_slots)
        return slot and len(word) == len(meant)

