"""Finding symptom mentions in what the caregiver said, tolerant of recogniser errors."""

from __future__ import annotations

from collections.abc import Collection, Iterable, Mapping, Sequence
from dataclasses import replace

from rapidfuzz import fuzz, process

from voicecare.domain import IntentSet, Level, Match, Status
from voicecare.understanding import (
    another_child,
    backoff,
    callers,
    clauses,
    context,
    contrasted,
    degrees,
    ellipsis,
    mentions,
    ordinary,
    redescribed,
    retold,
    said_of,
    scopes,
    when_taken,
)
from voicecare.understanding.alignment import Aligner
from voicecare.understanding.baselines import compile_all as compile_baselines
from voicecare.understanding.baselines import new_events
from voicecare.understanding.learned import guesses as last_guesses
from voicecare.understanding.mentions import Hit
from voicecare.understanding.patterns import MatchSettings, Near, Phrase, compile_near, compile_phrase, near_partner
from voicecare.understanding.text import Spelling, split_window, unglued, word_groups

__all__ = ["MatchSettings", "Matcher"]

MIN_SOUND_KEY = 3
"""Sound keys shorter than this say too little ("though" and "thigh" both give "0")."""
EVERYDAY_SCORE = 100.0
"""The score of a learned guess's words when asked whether an everyday circumstance explains them (unused by it)."""
DOUBT_REACH = 3
"""How soon after a normal reading a "but" says the caregiver doubts it ("it says 37.8 but she looks flushed")."""
SAID_WITH_REACH = 6
"""How many words may stand between the caregiver's word of a sign and a reading said with it ("she feels hot,
the thermometer says 99.8")."""
DENIED_REACH = 3
"""How many words before a word of a guess a denial may stand and make a "like normal" after it a comparison."""


class Matcher:
    """Finds every symptom mentioned in an utterance, with its status and score."""

    def __init__(self, intents: IntentSet, settings: MatchSettings | None = None) -> None:
        self.settings = settings or MatchSettings()
        self._language = intents.language
        spelling = self._spelling = intents.language.spelling
        self._by_anchor: dict[str, list[Phrase]] = {}
        for symptom in intents.symptoms:
            for text in (*symptom.phrases, *symptom.terms):
                phrase = compile_phrase(symptom.id, text, self._language, intents.common_words)
                self._by_anchor.setdefault(phrase.words[0], []).append(phrase)
        self._near: dict[str, list[Near]] = {}
        for symptom in intents.symptoms:
            for text in (*symptom.near, *symptom.term_near):
                near = compile_near(symptom.id, text, spelling, self._language.negations, self._language.contrasts)
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
        self._content = self._known - intents.common_words
        self._cache: dict[str, dict[str, float]] = {}
        self._common = intents.common_words | amounts
        self._numbers = frozenset({*numbers.digits, *numbers.tens, *numbers.scales})
        # A word of degree is left out only right before a word of a sign ("a bit hot"), not before a small
        # word ("a bit of a temp") or a number ("a little over 38").
        # Nor before an event said small ("a little fall" is a small fall, not a fall: the sign's ordinary).
        self._graded = self._known - self._language.optional_words - self._numbers - self._language.sized
        # A child noun ends a degree's reach like a cue: "said a little girl could not breathe" names some child.
        self._cue_words = frozenset(t.words for t in self._language.context.triggers) | {
            (noun,) for noun in self._language.context.child_nouns}
        # Real words: heard, one stands for itself unless context says otherwise (see Aligner.align).
        self._aligner = Aligner(self.settings, self._language, lexicon=self._lexicon,
                                frequent=intents.frequent_words | self._known | amounts, known=self._known,
                                common=self._common, amounts=frozenset({*numbers.digits, *numbers.tens, *numbers.scales}),
                                ones=numbers.one, units=frozenset(self._spelling.canonical(w) for w in numbers.units or {}))
        self._levels = {s.id: s.level for s in intents.symptoms}
        # The topic's own level (the back, home care): a child said to have "only" signs of it (``contrasted``).
        self._base = max(self._levels.values(), default=Level.HOME_CARE)
        self._combinations = tuple(c for topic in intents.topics for c in topic.combinations)
        self._learned = intents.learned
        # Words saying a part is all right ("breathing fine"), and how soon after the part: a guess resting on
        # a word the caregiver says is fine is no guess (the learned layer's settings, one list for both).
        # Subjects that are a third person ("he", "she"; not "I", "we", "it"): where the child's part of a guess begins.
        context_words = intents.language.context
        self._third_persons = context_words.clauses.subjects & frozenset().union(*context_words.genders.values())
        self._reassured = frozenset().union(*(m.reassured for m in intents.learned))
        self._reassured_reach = max((m.reassured_reach for m in intents.learned), default=0)
        # A turn that is a command ("Slower.") is never a description for the learned guess to read.
        self._commands = frozenset(tuple(spelling.canonical(w) for w in spelling.tokens(phrase))
                                   for phrases in intents.controls.values() for phrase in phrases)
        self._events = frozenset(s.id for s in intents.symptoms if s.event)
        # Signs that are "Call 911 now" whoever's child has them, by the words that make them so (``any_child``).
        self._any_child = {s.id: frozenset(spelling.canonical(w) for w in s.any_child)
                           for s in intents.symptoms if s.any_child}
        self._kept = frozenset(s.id for s in intents.symptoms if s.kept)
        self._nightly = frozenset(s.id for s in intents.symptoms if s.nightly)
        self._counted = frozenset(s.id for s in intents.symptoms if s.counted)
        self._own_words = frozenset(s.id for s in intents.symptoms if s.own_words)
        self._denied_is = {s.id: s.denied_is for s in intents.symptoms if s.denied_is}
        self._said_of = {s.id: frozenset(spelling.canonical(w) for w in s.said_of) for s in intents.symptoms if s.said_of}
        # The separate parts a sign is said of ("leg", "arms"): a correction naming another of them keeps the sign.
        self._parts = {s.id: frozenset(spelling.canonical(w) for w in s.parts) for s in intents.symptoms if s.parts}
        self._measures = intents.measures
        # Signs a reading can decide (a heart or breathing rate): a number beside their words is the reading's.
        self._measured = frozenset(t.symptom for t in intents.measures.thresholds) if intents.measures else frozenset()
        self._baselines = compile_baselines(intents.symptoms, spelling, self._language.negations)
        denials = ordinary.Denials(
            self._language.negations, self._language.optional_words | self._language.skippable | self._language.worn,
            fine=self._reassured, fine_reach=ordinary.FINE_REACH, explaining=self._language.explaining,
            turning=self._language.turning, nows=self._language.context.resumed_turns)
        self._ordinary = ordinary.compile_all({s.id: s.ordinary for s in intents.symptoms}, spelling, denials)
        # Wordings that make one mention of a lasting sign an event ("stopped breathing", "blue for a second"),
        # found as circumstances are: over by now, it still happened today (docs/policy.md, outside review 19 F16).
        self._event_wordings = ordinary.compile_all({s.id: s.events for s in intents.symptoms}, spelling, denials)
        self._claims = _claims(intents, spelling)
        self._backoff = backoff.Backoff({s.id: s.backoff for s in intents.symptoms if s.backoff}, spelling,
                                        self.settings.stem_score, backoff.Typos(self._lexicon))

    def match(self, text: str, *, last_guess: bool = True, redescribe: bool = True) -> list[Match]:
        """All symptom mentions in ``text``, in the order they were said.

        ``last_guess``: a description may end in a learned guess (``learned``); an answer to a question does not.
        ``redescribe``: a sign denied in one word may be said again in another (``redescribed``); a mention said
        again to judge that is not judged again.
        """
        heard, breaks = self._spelling.tokens_and_breaks(text)
        heard, breaks = unglued(heard, breaks, self._language.glued_negations, self._known, self._lexicon)
        heard = [self._unclipped(w) for w in heard]
        heard, breaks = degrees.dropped(heard, breaks, self._language.degrees, self._graded, self._spelling.canonical,
                                        self._cue_words)
        spoken = clauses.unpunctuated(heard, breaks)  # a recogniser's text: guess where its sentences end
        if spoken:
            folded = [self._spelling.canonical(w) for w in heard]
            breaks = clauses.spoken_breaks(folded, self._language.context.clauses, breaks, subjects=False)
        heard, breaks = ellipsis.filled(heard, breaks, self._language.context, self._language.negations,
                                        self._spelling.canonical)
        heard, breaks = ellipsis.reaffirmed(heard, breaks, self._language.context, self._language.negations,
                                            self._spelling.canonical)
        heard, breaks = ellipsis.answered(heard, breaks, self._language.context, self._spelling.canonical)
        heard, breaks = ellipsis.continued(heard, breaks, self._language.context, self._spelling.canonical)
        heard, breaks = ellipsis.resumed(heard, breaks, self._language.context, self._spelling.canonical)
        words = [self._spelling.canonical(w) for w in heard]
        candidates = [self._candidates(w) for w in words]
        language = self._language
        found = mentions.unstraddled(list(self._hits(words, candidates, breaks)), mentions.clauses(len(words), breaks))
        found = mentions.unborrowed(found, words, language.context.list_joiners)
        found = mentions.unclaimed(found, words, self._claims, language.context.list_joiners, self._common)
        found = mentions.not_their_own(found, words, language.negations, language.context.modals,
                                       language.not_then, breaks)
        # Before resolving: a mention an everyday circumstance explains shadows nothing.
        unexplained = ordinary.unexplained(found, words, breaks, self._ordinary, language.contrasts)
        last_guess = last_guess and len(unexplained) == len(found)
        unexplained = ordinary.denied_readings(found, unexplained)  # "isn't breathing fast, he's just crying"
        # An everyday circumstance explained a sign's words ("blew out the candles with his lips pursed"): the
        # learned guess, which knows words and not circumstances, must not bring the sign back.
        found = unexplained
        # A new subject ends a statement too: "he hasn't peed all day and he's crying".
        hits = mentions.resolve(found, self._levels, {*breaks, *clauses.subject_starts(words, language.context.clauses)},
                                {i for i, word in enumerate(words) if word in language.context.modals},
                                {i for i, word in enumerate(words) if word in language.context.list_joiners},
                                {i for i, word in enumerate(words) if word in language.negations},
                                clauses.owner_starts(words, language.context.clauses),
                                {i for i, full in breaks.items() if full})
        signs = {i for i, word in enumerate(words) if word in self._content}
        # A recogniser's text has no punctuation: its likely sentence ends bound the cues' scopes (only).
        ends = clauses.spoken_breaks(words, language.context.clauses, breaks, known=self._topic_words) if spoken else breaks
        where = context.scene(words, ends, self._language.context, signs, heard)
        own = callers.alarm_scene(_caregivers_own(where), language.callers)  # theirs too: "my wife's calling 911"
        hits = [h for h in hits if not context.rewarmed(where, h.start, h.end)]  # "was shivering, warm now": no fever
        # Someone-else cues that name the child after all ("my niece"): what the child's sign is without them.
        childs = callers.the_childs_cues(where, language.callers)
        unframed: list[Status] = []
        # Another child's sign that is 911 whoever's child has it, by its place: whom it names (``another_child``).
        another: dict[tuple[str, int, int], str] = {}
        matches = []
        hedged_signs: set[str] = set()
        for hit in hits:
            # Only the words another mention is made of are its own: a cue lying
            # inside its span may belong to this one ("peeing fine and no trouble breathing").
            blocked = {i for other in hits if other is not hit for i in other.positions}
            # A cue with the background before a pattern's own contrast is not the sign's (see news_start).
            scene = own if hit.symptom in self._own_words else where
            if hit.symptom in self._counted:  # "one wet nappy this morning, none since": still so
                scene = context.without_since(scene)
            start = mentions.news_start(hit, words, language.contrasts)
            if hit.symptom in self._any_child:  # "his little brother is blue": the sign said after whose it is
                start = _after_someone(where, start, hit.end)
            event = hit.symptom in self._events or not ordinary.unexplained(
                [hit], words, breaks, self._event_wordings, language.contrasts)
            status, hedged = context.status_of(
                scene, start, hit.end, hit.positions, negation_inside=hit.negation_inside, blocked=blocked,
                signs=signs, event=event, kept=hit.symptom in self._kept, nightly=hit.symptom in self._nightly,
            )
            if status is Status.OTHER and childs:
                bare = replace(scene, cues=tuple(c for c in scene.cues if (c.start, c.end) not in childs))
                unframed.append(context.status_of(
                    bare, start, hit.end, hit.positions, negation_inside=hit.negation_inside, blocked=blocked,
                    signs=signs, event=event, kept=hit.symptom in self._kept,
                    nightly=hit.symptom in self._nightly)[0])
            else:
                unframed.append(status)
            # "I think this is an emergency" is the caregiver's own judgement, not a doubt about what was heard: it
            # was read back "I may have heard you say it is an emergency" (outside review 13 F17; rules 10, 14).
            hedged = hedged and hit.symptom not in self._own_words
            # A sign's word denied before it counts as the other sign too: "no temp just his back seized up".
            # A denial among the sign's own words denies it whatever narrows before it: "heart is normal only, and
            # toilet he is doing properly, no accidents".
            if status is Status.ABSENT and not hit.negation_inside and scopes.narrowed(
                    words, hit.start, hit.end, blocked | {i for i in signs if i < hit.start}, ends, language.narrowing,
                    language.negations):
                status = Status.PRESENT  # "hasn't fainted or anything, just sore back": the back is sore
            matches.append(Match(
                symptom=hit.symptom, status=status, score=round(hit.score, 1),
                heard=" ".join(heard[hit.start:hit.end]), start=hit.start, end=hit.end,
                uncertain=hedged or hit.score < self.settings.certain_score, positions=hit.positions, event=event,
            ))
            if status is Status.PRESENT and hit.symptom in self._any_child and not hedged \
                    and self._serious_now(where, hit, words):
                # "His back is sore. Max is having a seizure": another child, named only by a name.
                name = another_child.named_other(where, start, heard, text, self._common)
                if name:
                    matches[-1] = replace(matches[-1], status=Status.OTHER)
                    status = Status.OTHER
                    another[hit.symptom, hit.start, hit.end] = name
            if hedged and status is Status.PRESENT:
                hedged_signs.add(hit.symptom)
            if status is Status.OTHER and hit.symptom in self._any_child:
                bare = replace(scene, cues=tuple(c for c in scene.cues if c.trigger.status is not Status.OTHER))
                now, _ = context.status_of(bare, start, hit.end, hit.positions, negation_inside=hit.negation_inside,
                                           blocked=blocked, signs=signs)
                who = self._another_child(where, hit, start, heard, words, text) if now is Status.PRESENT else ""
                if who:
                    another[hit.symptom, hit.start, hit.end] = who
        statuses = context.retold(where, [(m.symptom, m.start, m.end, m.status) for m in matches])
        matches = [replace(m, status=status) for m, status in zip(matches, statuses, strict=True)]
        if "?" in text:  # "her heart is too slow. What heart rate is normal?": the question takes nothing back
            matches = [m for m in matches if not _asked_over_a_stop(m, words, breaks, language.question_starts)]
        # "No doctor has looked at it": a check denied is the sign of its absence, said for this child.
        matches = [replace(m, symptom=self._denied_is[m.symptom], status=Status.PRESENT)
                   if m.status is Status.ABSENT and m.symptom in self._denied_is else m for m in matches]
        if redescribe:  # "her lips are not blue, they're grey": the denial took back a word, not the sign
            matches = [self._redescribed(m, heard, words, breaks, where, signs) for m in matches]
        if self._measures is not None:  # "38.9", "pulse 55", "four days": readings judged by the topic's table
            # A reading inside a phrase of the same symptom is that phrase's ("for a week, no actually..."):
            # the phrase already carries its context, and a second mention would outvote a correction.
            readings = [r for r in self._measures.matches(words, replace(where, breaks=breaks), where)
                        if not any(m.symptom == r.symptom and m.start < r.end and r.start < m.end for m in matches)
                        and not (r.symptom in hedged_signs and self._doubted(r, words, breaks))
                        and not context.in_none_since(where, r.start, r.end)]
            # The caregiver's own word of the sign outweighs a lower reading said with it ("a fever of 100.2",
            # "burning up but it only says 99.5", "I think she's hot, 99.5": the higher level when in doubt). A
            # contrast lets the reading settle a belief or a doubt ("I thought she had a fever but I checked, 36.5").
            calendar = self._measures.calendar
            stops = calendar.today | calendar.before_today | calendar.corrections
            outweighed = self._measures.outweighed()
            affirmed = [m for m in matches if m.status is Status.PRESENT
                        and m.symptom in outweighed and not outweighed[m.symptom].intersection(
                            words[i] for i in (m.positions or range(m.start, m.end)))]
            readings = [r for r in readings if not (r.status is Status.ABSENT and any(
                m.symptom == r.symptom and _said_with(
                    m, r, words, breaks, stops | language.contrasts
                    if m.symptom in hedged_signs or _believed(m, words, breaks, language.beliefs) else stops)
                for m in affirmed))]
            # A normal reading alone ("set the bath to 37 degrees") says nothing about the child.
            if matches or any(r.status is not Status.ABSENT for r in readings):
                matches = [_dated_by_reading(m, readings, words, self._common) for m in matches] + readings
            # "102 this morning, now it's normal after tylenol": over only because a medicine brought it down.
            hidden = self._measures.hidden_by_medicine()
            matches = [replace(m, status=Status.PRESENT) if m.status is Status.PAST and m.symptom in hidden
                       and when_taken.brought_down(m.start, replace(where, breaks=breaks), calendar) else m
                       for m in matches]
        # "my little brother woke up screaming", "grandpa again, her back...": the child's signs after all.
        statuses = callers.patients(where, [(m.start, m.status) for m in matches], self._language.callers, unframed)
        spans = [(m.start, m.end, s) for m, s in zip(matches, statuses, strict=True)]
        statuses = callers.reassigned(where, spans, self._language.callers)
        # What a correction may put in the place of a sign: another sign, a number (or a time, someone else).
        restating = signs | {i for i, word in enumerate(words) if word[:1].isdigit() or word in self._numbers}
        # ...but not the sign's own words or parts: "his right leg hurts, no wait, it's his left leg" (the side moved).
        owns = [frozenset(words[m.start:m.end]) | self._parts.get(m.symptom, frozenset()) for m in matches]
        statuses = callers.kept_after_correction(where, [(s, e, status) for (s, e, _), status in zip(
            spans, statuses, strict=True)], self._language.callers, restating, owns)
        # "My son has a fever but my daughter just has a sore back": the son's fever is his (two people, one story).
        statuses = contrasted.others(where, [(m.start, status, self._levels[m.symptom]) for m, status in zip(
            matches, statuses, strict=True)], self._language.callers, self._language.narrowing, self._base)
        # "My son has a fever and a sore back, my daughter has no fever": her denial takes back nothing of his.
        statuses = contrasted.denied_of_another_child(where, [(m.start, m.symptom, status, self._levels[m.symptom])
                                                              for m, status in zip(matches, statuses, strict=True)],
                                                      self._language.callers, self._base)
        matches = [replace(m, status=status) for m, status in zip(matches, statuses, strict=True)]
        # "He went floppy, oh no wait, I mean he flopped down on the sofa": told again as something ordinary.
        statuses = retold.taken_back(where, [(m.symptom, m.start, m.end, m.status, m.positions) for m in matches],
                                     self._spelling.stem, self._content)
        matches = [replace(m, status=status) for m, status in zip(matches, statuses, strict=True)]
        # "Had an accident and he never has accidents": the habit is the baseline that makes the deed new.
        matches = new_events(matches, heard, [self._spelling.stem(w) for w in words], where, self._baselines, signs,
                             lambda hit: not ordinary.unexplained([hit], words, breaks, self._ordinary, language.contrasts))
        # A sign more serious than any found may still be said in words nobody listed ("fever, and his lips
        # look kind of navy"): the backoff guesses only above what was found (backoff.worth_guessing).
        present = [m.symptom for m in matches if m.status is Status.PRESENT]
        above = backoff.worth_guessing([self._levels[s] for s in present])
        # ...or one that completes a combination with what was found (after a fall, legs that will not move).
        completing = backoff.completing(present, self._combinations) if above is not None else None
        if self._backoff and above is not None:
            matches += [g for g in self._guesses(heard, words, breaks, where, signs, matches)
                        if self._levels[g.symptom] < above
                        or (completing is not None and self._levels[g.symptom] <= completing)]
        def everyday(symptom: str, said: tuple[int, ...]) -> bool:  # "his fingertips are blue from the crayons"
            hit = Hit(symptom, said[0], said[-1] + 1, EVERYDAY_SCORE, negation_inside=False, positions=said)
            return not ordinary.unexplained([hit], words, breaks, self._ordinary, language.contrasts)

        matches += last_guesses(self._learned if last_guess else (), heard, words, where, signs, matches, self._levels,
                                self._numbers, self._commands, everyday, measured=self._measured)
        if self._said_of:
            matches = said_of.owned(matches, words, breaks, self._said_of, self._language, self._levels)
        # Still someone else's once every reading is done: then it is another child's, for whom 911 is called.
        return [replace(m, another_child=another.get((m.symptom, m.start, m.end), "")) if m.status is Status.OTHER
                else m for m in matches]

    def _another_child(self, where: context.Scene, hit: Hit, start: int, heard: Sequence[str], words: Sequence[str],
                       text: str) -> str:
        """Whom ``hit`` names when it is another child's sign said now in its serious words, else "" (the policy's
        beyond the sheet; ``another_child``)."""
        if not self._serious_now(where, hit, words):
            return ""
        return another_child.named_child(where, start, heard, text, self._language.callers)

    def _serious_now(self, where: context.Scene, hit: Hit, words: Sequence[str]) -> bool:
        """True when ``hit`` is said in its sign's words that are 911 for any child, and is so now."""
        positions = hit.positions or range(hit.start, hit.end)
        return another_child.serious(words, positions, self._any_child[hit.symptom]) and another_child.happening_now(
            where, hit.start, hit.end, self._language.callers, event=hit.symptom in self._events)

    def _redescribed(self, match: Match, heard: Sequence[str], words: Sequence[str], breaks: Mapping[int, bool],
                     where: context.Scene, signs: Collection[int]) -> Match:
        """``match`` said, when its denial took back one word and another word said after it says the same sign or
        a more serious one ("not fast exactly, it's racing"); else ``match`` as it was."""
        if match.status is not Status.ABSENT:
            return match
        level = self._levels[match.symptom]

        def says(again: str, new: str) -> bool:
            return any(m.status is Status.PRESENT and self._levels.get(m.symptom, Level.UNCLEAR) <= level
                       and new in m.heard.split() for m in self.match(again, last_guess=False, redescribe=False))

        language = self._language
        small = self._common | language.optional_words | language.skippable | language.fillers
        stops = language.negations | language.narrowing | language.context.list_joiners
        k = redescribed.said_again(redescribed.rewrites(heard, words, match.start, match.end, breaks,
                                                        language.negations, stops, small), heard, says)
        if k is None:
            return match
        status, _ = context.status_of(where, k, k + 1, (k,), negation_inside=False, signs=signs)
        kept = tuple(i for i in (match.positions or range(match.start, match.end)) if words[i] not in language.negations)
        return replace(match, status=Status.PRESENT if status is Status.ABSENT else status, end=k + 1,
                       heard=" ".join(heard[match.start:k + 1]), positions=(*kept, k))

    def _guesses(self, heard: Sequence[str], words: Sequence[str], breaks: Mapping[int, bool],
                 where: context.Scene, signs: Collection[int], matches: Sequence[Match]) -> list[Match]:
        """Red flags guessed from words pointing at them (``backoff``), judged by the same context rules."""
        language = self._language

        def near_hit(pattern: backoff.Pattern, words: Sequence[str], candidates: Sequence[dict[str, float]],
                     anchor: int, score: float) -> Hit | None:
            # A group of contrast words ("stretch + but though + not + soft") lets the guess span its contrast.
            near = Near(pattern.symptom, pattern.groups, pattern.window,
                        turns=any(g <= language.contrasts for g in pattern.groups))
            return self._aligner.near_hit(near, words, candidates, anchor, score, breaks)

        # Words another mention is made of are explained already ("not breathing hard" is no guess at anything);
        # what a lesser mention explains is the words it covers (``mentions.explained``).
        listed = mentions.listed(words, language.context.list_joiners, language.context.clauses.owners)
        # A sign denied may be said again after its denial in words of the backoff ("not weak in the legs exactly,
        # but she cannot lift her leg up": the denial took back a word, not the sign; ``redescribed``); before or
        # inside it, the denial stands. So may a sign said of someone else, of the past or as a what-if: after
        # it, the backoff's words may be this child's now ("her brother has a fast heart, the doctors said it's
        # fine, but this one, her heart is going like a little bird": #7, understand52). Only a sign found
        # present is never guessed again.
        denied: dict[str, int] = {}
        for m in matches:
            if m.status is not Status.PRESENT:
                denied[m.symptom] = max(denied.get(m.symptom, 0), m.end)
        spoken = {m.symptom for m in matches if m.status is Status.PRESENT}
        found = [h for h in self._backoff.hits(words, breaks, near_hit, spoken, language.contrasts)
                 if h.start >= denied.get(h.symptom, 0)
                 and not mentions.explained(h.positions, self._levels[h.symptom], matches, self._levels, listed)]
        found = mentions.not_their_own(found, words, language.negations, language.context.modals, language.not_then,
                                       breaks)
        found = ordinary.unexplained(found, words, breaks, self._ordinary, language.contrasts)
        found = [h for h in found if not self._said_fine(h, words, breaks)]
        guesses = []
        for hit in mentions.resolve(found, self._levels):
            status = self._guess_status(hit, where, signs)
            if status is Status.PRESENT:
                guesses.append(Match(symptom=hit.symptom, status=status, score=round(hit.score, 1),
                                     heard=" ".join(heard[hit.start:hit.end]), start=hit.start, end=hit.end,
                                     uncertain=True, guessed=True, positions=hit.positions))
        return guesses

    def _guess_status(self, hit: Hit, where: context.Scene, signs: Collection[int]) -> Status:
        """A guess's status by the context rules; one that is someone else's is judged again from the first
        subject said inside it, where the child's part begins: in "I had to shake him until he opened his eyes"
        the shaking is the caregiver's, the not waking the child's (the caregiver's "I" governs only the deed)."""
        status, _ = context.status_of(where, hit.start, hit.end, hit.positions,
                                      negation_inside=hit.negation_inside, blocked=(), signs=signs)
        if status is not Status.OTHER:
            return status
        # Someone-else cues that name the child after all ("the little fella's lips have gone the colour of a
        # bruise"): read as the said mentions are (``callers.patients``; batch_bh, #7, understand52).
        childs = callers.the_childs_cues(where, self._language.callers)
        if childs:
            bare = replace(where, cues=tuple(c for c in where.cues if (c.start, c.end) not in childs))
            unframed, _ = context.status_of(bare, hit.start, hit.end, hit.positions,
                                            negation_inside=hit.negation_inside, blocked=(), signs=signs)
            status = callers.patients(where, [(hit.start, status)], self._language.callers, [unframed])[0]
            if status is not Status.OTHER:
                return status
        for k in range(hit.start + 1, hit.end):
            if where.words[k] in self._third_persons:
                rest = tuple(p for p in hit.positions if p >= k)
                again, _ = context.status_of(where, k, hit.end, rest, negation_inside=hit.negation_inside,
                                             blocked=(), signs=signs)
                return again
        return status

    def _said_fine(self, hit: Hit, words: Sequence[str], breaks: Mapping[int, bool]) -> bool:
        """True when a word the guess rests on is said to be all right elsewhere in what was said, undenied:
        "her shoulders go up and down when she breathes, but she's breathing fine" is no guess at trouble
        breathing (a word of the same stem, then a reassuring word within reach, in one clause)."""
        stems = {self._spelling.stem(words[i]) for i in hit.positions if words[i] not in self._common}
        negations = self._language.negations
        comparisons = self._language.context.comparisons
        for i, word in enumerate(words):
            if self._spelling.stem(word) not in stems:
                continue
            # A deed denied "like normal" is unlike the normal: "she won't kick her legs like normal".
            denied = any(words[k] in negations for k in range(max(0, i - DENIED_REACH), i))
            if i and words[i - 1] in negations:
                continue  # "his legs not moving good": a word right after its denial is not said fine (as ``ordinary``)
            for j in range(i + 1, min(len(words), i + 1 + self._reassured_reach)):
                if j in breaks or words[j] in negations:
                    break
                if denied and words[j] in comparisons:
                    break
                if words[j] in self._reassured and words[j - 1] not in self._language.comparatives:
                    return True  # "drowsier than normal" compares with the normal, no reassurance
        return False

    def _doubted(self, reading: Match, words: Sequence[str], breaks: Mapping[int, bool]) -> bool:
        """True for a normal reading the caregiver doubts, of a sign they are unsure of: "not sure if she has a
        fever, it says 37.8 but her face is flushed" is a fever (rules 10 and 4: when unsure, escalate).

        A reading that settles the doubt ("I thought she had a fever but I checked, 36.5, normal") denies it.
        """
        after = range(reading.end, min(len(words), reading.end + DOUBT_REACH))
        return reading.status is Status.ABSENT and any(
            words[i] in self._language.contrasts and not any(breaks.get(j, False) for j in range(reading.end, i + 1))
            for i in after)

    def _unclipped(self, word: str) -> str:
        """A word typed with its g dropped ("limpin", "nothin") as the word itself, when that is a word and the
        heard one is not: otherwise it is fuzzy, and may be read as a look-alike ("he's limpin" as "limp", floppy)."""
        full = self._spelling.unclipped(word)
        return full if full != word and word not in self._lexicon and full in self._lexicon else word

    def forget(self) -> None:
        """Drop the cache of heard words (privacy: nothing a family said is kept after their session)."""
        self._cache.clear()
        self._backoff.forget()

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
            # A sound-alike is as long as the word, give or take what a look-alike may differ by:
            # "saans" (breath, in Hindi) shares a sound key with "cyanosis", not its length.
            for alike in self._sounds.get(self._spelling.sound(word), ()):
                if abs(len(word) - len(alike)) <= s.max_length_difference:
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
                    hit = self._aligner.align(phrase, words, candidates, start, breaks)
                    if hit is not None:
                        yield hit
                if not near_partner(words[start], word, self._lexicon, self._spelling):
                    continue
                for near in self._near.get(word, ()):
                    found = self._aligner.near_hit(near, words, candidates, start, options[word], breaks)
                    if found is not None:
                        yield found


def _claims(intents: IntentSet, spelling: Spelling) -> mentions.Claims:
    """Each subject word of a loose or backoff pattern, with the words each symptom says of it."""
    found: dict[str, dict[str, frozenset[str]]] = {}
    for symptom in intents.symptoms:
        for text in (*symptom.near, *symptom.term_near, *symptom.backoff):
            first, *rest = word_groups(split_window(text)[0], spelling)
            said = frozenset().union(*rest)
            for word in first:
                found.setdefault(word, {})[symptom.id] = found.get(word, {}).get(symptom.id, frozenset()) | said
    return found


def _after_someone(where: context.Scene, start: int, end: int) -> int:
    """Where the mention at words[start:end] begins for its context: after a cue of someone else (not the
    caregiver) that its own words hold ("brother is blue", "baby next to him is blue": a pattern that names whose
    colour it is), so that the cue governs the sign as it would if said before it (understand45, #7)."""
    inside = [c.end for c in where.cues if c.trigger.status is Status.OTHER and not c.trigger.speaker
              and start <= c.start and c.end < end]
    return max(inside, default=start)


def _asked_over_a_stop(match: Match, words: Sequence[str], breaks: Mapping[int, bool], starts: Collection[str]) -> bool:
    """True for a denied mention that reaches over a full stop into a question: "her heart is too slow. What heart
    rate is normal?" read "slow ... heart ... normal", a denial that would take back the slow heart (understand56,
    #7). A question asks; it denies nothing. Only the denial goes: the loose reading, kept beside the statement's own
    (``mentions.resolve``), can never lower what the statement said (understand54 dropped any loose reading over a
    stop and lost a held-out emergency)."""
    if match.status is not Status.ABSENT or not match.positions:
        return False
    stops = [b for b, full in breaks.items() if full and match.start < b <= match.positions[-1]]
    return bool(stops) and max(stops) < len(words) and words[max(stops)] in starts


def _caregivers_own(where: context.Scene) -> context.Scene:
    """``where`` without the caregiver's own cues ("I am"), for symptoms said in their own words (``own_words``)."""
    return replace(where, cues=tuple(c for c in where.cues if not c.trigger.speaker))


def _said_with(word: Match, reading: Match, words: Sequence[str], breaks: Mapping[int, bool],
               stops: Collection[str]) -> bool:
    """True when a reading is said with a word of its sign: close, in one sentence, with no contrast, correction or
    other day between them ("a fever of 100.2", "fever, 37.9"; not "a fever yesterday but 36.9 today")."""
    first, last = (word.end, reading.start) if word.end <= reading.start else (reading.end, word.start)
    if last - first > SAID_WITH_REACH:
        return False
    return not any(words[i] in stops for i in range(first, last + 1))


def _believed(word: Match, words: Sequence[str], breaks: Mapping[int, bool], beliefs: Collection[str]) -> bool:
    """True when a word of belief stands before the sign's word in its sentence ("I thought she had a fever")."""
    start = max((k for k, full in breaks.items() if full and k <= word.start), default=0)
    return any(words[i] in beliefs for i in range(start, word.start))


READING_GAP = 2
"""Most small words between a sign's word and the reading that says how much ("a temp of a hundred and two")."""


def _dated_by_reading(match: Match, readings: Sequence[Match], words: Sequence[str], small: Collection[str]) -> Match:
    """``match`` in the past when the reading said right after it, of the same sign, is: "she had a temp of a hundred
    and two last week" is one fever, and the time after the number is the whole phrase's (rule 9: a past one does
    not raise the level). A reading now leaves the word as it was."""
    if match.status is not Status.PRESENT:
        return match
    for reading in readings:
        gap = range(match.end, reading.start)
        if reading.symptom == match.symptom and reading.status is Status.PAST and 0 <= len(gap) <= READING_GAP \
                and reading.start >= match.end \
                and all(words[i] in small for i in gap):
            return replace(match, status=Status.PAST)
    return match

