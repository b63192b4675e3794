"""An answer taken apart: its words, its clauses, the signs the matcher found in it and the answer words placed
among them (a "no" scoped to its part, a correction, a checklist). ``answers.py`` judges what the parts mean."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace

from voicecare.conversation import answer_care, answer_numbers, answer_passed, answer_safety, answer_spots
from voicecare.conversation.answer_words import AnswerWords, Phrase, Spot, find, resolve
from voicecare.domain import Level, Match, Status
from voicecare.understanding import quantities
from voicecare.understanding.assistant import Assistant
from voicecare.understanding.matching import Matcher

SPOTTED = ("unsure", "yes", "no", "yes_lead", "no_lead", "well", "off_topic", "health", "corrections", "contrast",
           "polite", "double_negation", "learner_not", "caregiver", "neutral")
"""Kinds found in an answer, overlapping ones resolved (clause breaks are found apart: they may overlap)."""
PLACED = ("about", "unsure", "off_topic", "health")
"""Words whose meaning is known, so they are never a care question's (see ``answer_care.spans``)."""
CARE = "care"
"""The kind of a care question asked inside an answer (``answer_care``)."""
CALM_WORDS = 2
"""A sign found inside words that say all is well is dropped only when those are a phrase ("getting better"):
one word ("fine") is too little to overrule the matcher."""
REQUEST_WORDS = 3
"""A command this long ("I don't understand") is a request to the assistant, whatever the matcher found in it."""
CHECK_REACH = 3
"""Words about the question this close after the caregiver says how they checked ("I had my hand on his chest")
name what was checked."""


@dataclass(frozen=True)
class Heard:
    """An answer taken apart: its words, clauses, symptom matches and answer words."""

    tokens: list[str]
    clause_of: list[int]
    matches: list[Match]
    spots: list[Spot]
    about: list[Spot]
    echoed: frozenset[str] = frozenset()
    """Signs said and then denied by a bare "no" at the end ("she has a fever? no she doesn't")."""
    said: Sequence[Spot] = ()
    """Every answer word found, before the run at the start was reduced to its last word."""
    readings: frozenset[tuple[int, int]] = frozenset()
    """Where a number was read under the question's threshold ("only been two days"): (start, end) token spans."""

    def spots_of(self, *kinds: str) -> list[Spot]:
        return [s for s in self.spots if s.kind in kinds]

    def longest(self, *kinds: str) -> int:
        return max((s.size for s in self.spots_of(*kinds)), default=0)

    def clause(self, index: int) -> int:
        return self.clause_of[min(index, len(self.clause_of) - 1)]



def take_apart(text: str, question_id: str, assistant: Assistant, answer_words: AnswerWords) -> Heard:
    """``text`` taken apart as an answer to ``question_id``: its words, clauses, the signs found and answer words."""
    language = assistant.intents.language
    heard, breaks = language.spelling.tokens_and_breaks(text)
    tokens = [language.spelling.canonical(w) for w in heard]
    starts = {s.start for s in find(tokens, {"break": answer_words.words["clause_breaks"]})} | set(breaks)
    starts |= _rather(tokens, answer_words, question_id)
    clause_of = answer_spots.clauses(len(tokens), starts)
    kinds = {kind: answer_words.words[kind] for kind in SPOTTED}
    kinds["well"] = (*kinds["well"], *answer_words.well.get(question_id, ()))
    kinds.update({f"command:{c}": p for c, p in answer_words.commands.items()})
    denying = {i for s in find(tokens, {k: kinds[k] for k in ("no", "well", "no_lead")}) for i in range(s.start, s.end)}
    denying |= {i for i, w in enumerate(tokens) if w in language.negations}
    described = assistant.matcher.match(text, last_guess=False)  # the learned guess knows descriptions, not answers
    matches = _denied_from_elsewhere(described, tokens, clause_of, assistant.matcher, denying,
                                     language.context.subjects)
    concord = frozenset(w for p in answer_words.words["concord"] for w in p)
    matches = answer_spots.negative_concord(matches, tokens, language.negations, concord)
    # "This one", "the little one" name the child: never a number.
    naming = frozenset(i for s in find(tokens, {"polite": kinds["polite"]}) for i in range(s.start, s.end))
    numbers = answer_numbers.read(tokens, breaks, answer_words.measure.get(question_id), matches, assistant.intents,
                                  assistant.matcher, naming)
    matches = sorted([*matches, *numbers.matches], key=lambda m: m.start)
    # "Maybe two", "about 120", "a week, maybe more": a hedge right before or after a number is an estimate,
    # not doubt about the question.
    amounts = quantities.read(tokens, language.numbers)
    counted = {q.start for q in amounts}
    estimated = {q.end for q in amounts}
    # A hedge is said within one part: "Worse, no, better if anything" holds no "no better" (a "no" and a
    # command may run over a pause: "no, well, ...", "please, more slow").
    found = [s for s in find(tokens, kinds) if not (s.kind == "unsure" and any(s.start < b < s.end for b in breaks))]
    said = [s for s in resolve([*found, *numbers.normal, *numbers.labelled])
            if not (s.kind == "unsure" and (s.end in counted or s.start in estimated))]
    # A one-word command that opens a care question ("what" in "what should I do while I wait?") is its first word,
    # not a command to repeat (outside review 17, F5: the question was asked again, the care question unanswered).
    book = assistant.intents.care
    opening = book.starts if book is not None else frozenset()
    placed = {i for s in [*said, *find(tokens, {"about": answer_words.about.get(question_id, ())})]
              if s.kind in PLACED or (s.kind.startswith("command:") and not (s.size == 1 and tokens[s.start] in opening))
              for i in range(s.start, s.end)}
    asked = answer_care.spans(tokens, clause_of, assistant, placed | {i for m in matches for i in range(m.start, m.end)})
    said = [s for s in said if not any(start < s.end and s.start < end for start, end in asked)]
    # A care question asked with the answer is understood, and says nothing of the question's signs.
    said = sorted([*said, *(Spot(CARE, start, end) for start, end in asked)], key=lambda s: s.start)
    # "Fever no chills no": a checklist said without pauses; each answer word ends its item.
    checked = answer_spots.checklist(matches, said, find(tokens, {"about": answer_words.about.get(question_id, ())}),
                                     tokens, language.negations)
    if checked:
        clause_of = answer_spots.clauses(len(tokens), starts | checked)
        matches = answer_spots.answered_items(matches, said, clause_of)
    # "Not since this morning" says it was there until then: no neutral time.
    said = [s for s in said if not (s.kind == "neutral" and s.start > 0 and tokens[s.start - 1] in language.negations)]
    said = answer_spots.negated_well(said, tokens, clause_of, language.negations, language.fillers,
                                     language.context.subjects)
    said = answer_spots.ending_well(said, tokens, clause_of, answer_words.words["ending_well"],
                                    frozenset(w for p in answer_words.words["stressing"] for w in p))
    said = _acknowledged(said, tokens, language.fillers, answer_words.words["acknowledging"])
    # "Her mom said", "my mum thinks": a person talked about, not talked to.
    whose = frozenset(p[0] for p in answer_words.words["possessives"] if len(p) == 1)
    said = [s for s in said if not (s.kind == "off_topic" and s.size == 1 and s.start and tokens[s.start - 1] in whose)]
    deeds = list(find(tokens, {"missing": answer_words.missing.get(question_id, ())}))
    said, matches, missing = answer_spots.missing_is_the_sign(said, matches, deeds, clause_of)
    times = tuple(p for kind in ("earlier", "days_ago", "now", "well_again") for p in answer_words.words[kind])
    said = answer_spots.emphatic_do(said, tokens, clause_of, answer_words.words["emphatic"], language.fillers, times)
    spots = answer_spots.lead(said, tokens, language.fillers, clause_of)
    # A short no ("she hasn't") that is no whole answer leads a statement ("no she has not been able to hold it"):
    # it explains nothing of its part, so that part must be explained by other words (answer_safety.explained).
    kept = {(s.start, s.end) for s in spots}
    said = [s for s in said if s.kind != "no_lead" or (s.start, s.end) in kept]
    matches = answer_spots.across_a_no(matches, spots, clause_of)
    matches = answer_spots.yes_after_no(matches, said, spots, tokens, language.negations)
    matches = answer_spots.double_negation(matches, spots, tokens, clause_of, language.negations)
    answering = frozenset(p[0] for p in answer_words.words["no"] if len(p) == 1)
    matches, spots = answer_spots.not_without(matches, spots, tokens, clause_of, language.negations, answering)
    matches = answer_spots.negated_sign_denied(matches, spots, tokens, clause_of, language.negations,
                                               language.context.modals)
    readings = frozenset((m.start, m.end) for m in numbers.matches if m.status is Status.ABSENT)
    matches = answer_spots.undoubted_denials(matches, said, tokens, clause_of, language.negations, readings)
    leaving = {i for s in find(tokens, {"leaving": answer_words.words["leaving"]}) for i in range(s.start, s.end)}
    matches = answer_spots.denied_by_no_words(matches, spots, tokens, clause_of, language.negations,
                                              language.context.subjects, leaving)
    matches = answer_spots.lead_no_is_the_answer(matches, spots, tokens, language.negations,
                                                 language.optional_words)
    matches = answer_spots.negated_deed(matches, said, deeds, tokens, clause_of, language.negations)
    matches, spots, taken_back = answer_spots.corrected(matches, spots)
    matches, spots = _no_or_now(matches, spots)
    own_signs = {s for t in assistant.intents.topics for q in t.interview if q.id == question_id for s in q.symptoms}
    matches, spots = _worried_now(matches, spots, tokens, clause_of, find(tokens, {"unsure": answer_words.words[
        "worried_now"]}), frozenset(w for p in answer_words.words["coming"] for w in p), own_signs)
    # A sign "found" inside words that say all is well ("getting better", "as chubby as ever") is a misreading.
    # So is one inside a request to the assistant ("I don't understand what you're asking").
    calm = [s for s in spots if (s.kind == "well" and s.size >= CALM_WORDS)
            or (s.kind.startswith("command:") and s.size >= REQUEST_WORDS)]
    # Never a sign whose own words end with the well ones ("don't think his breathing is right"): that is the sign.
    matches = [m for m in matches if m.status is not Status.PRESENT or not any(
        _overlaps(m, s) and not (s.kind == "well" and m.start < s.start and s.end <= m.end) for s in calm)]
    # A sign read from the answer's own "no" across a well word ("no walkings fine nappies fine" as "no ... nappies",
    # fewer wet nappies): the "no" answered and the "fine" said how things are; no sign was said.
    matches = [m for m in matches if not _stretched_over_well(m, spots)]
    plain_words = frozenset(p[0] for p in answer_words.words["plain"] if len(p) == 1)
    # "no poo's normal too", as a recogniser writes "No, poo's normal": the matcher read "no poo" as the sign, but
    # the "no" answered and the words after it say that part is well. Below an emergency only (rule 4).
    grave = assistant.intents.symptom
    matches = [m for m in matches if not (grave(m.symptom).level > Level.EMERGENCY
                                          and _no_then_well(m, spots, tokens, clause_of, plain_words))]
    # "She's been normal since Monday", "it's been gone since Monday": how long the child has been well.
    anaphors = frozenset(p[0] for p in answer_words.words["anaphors"] if len(p) == 1)
    passed = list(find(tokens, {"passed": answer_words.words["passed"]}))
    matches = answer_passed.well_for_a_time(matches, [*(s for s in said if s.kind == "well"), *passed],
                                            list(find(tokens, {"well_for": answer_words.words["well_for"]})), clause_of)
    # Only the question's own signs, below an emergency: another sign said is news, over or not.
    own = {s for t in assistant.intents.topics for q in t.interview if q.id == question_id for s in q.symptoms}
    # "That's long gone, she's been normal", "it's been gone since Monday", "it's gone now": said and done.
    ending = language.context.subjects | {p[0] for kind in ("well_for", "contrast") for p in answer_words.words[kind]}
    said_over = answer_passed.referring(passed, tokens, clause_of, anaphors, plain_words, frozenset(ending))
    matches = answer_passed.over(matches, said_over, clause_of,
                                 lambda symptom: symptom not in own or grave(symptom).level <= Level.EMERGENCY)
    named = frozenset(i for s in find(tokens, {"about": answer_words.about.get(question_id, ())})
                      for i in range(s.start, s.end))
    # "Fainted: never.": a "never" said after a sign answers it as a "no" does.
    spots = answer_spots.postposed_no(matches, spots, tokens, clause_of, answer_words.words["postposed_no"])
    said = sorted({*said, *(s for s in spots if s.kind == "no")}, key=lambda s: s.start)
    stated = answer_spots.stated_signs(matches, tokens, clause_of, breaks, language.context.subjects,
                                       language.context.asking_verbs, language.context.asking_subjects,
                                       language.negations - answering)
    matches, echoed = answer_spots.answered_after(matches, spots, clause_of, tokens, language.fillers,
                                                   language.negations, named, stated)
    # Words about the question inside a mention of the past or of someone else affirm nothing now.
    elsewhere = [m for m in matches if m.status not in (Status.PRESENT, Status.ABSENT)]
    # ...and so do words about the question inside a phrase that says nothing of a sign ("potty trained").
    neutral = {i for s in said if s.kind == "neutral" for i in range(s.start, s.end)}
    about = [s for s in find(tokens, {"about": answer_words.about.get(question_id, ())}) if s.start >= taken_back
             and not any(clause_of[s.start] == clause_of[min(m.start, len(clause_of) - 1)] for m in elsewhere)
             and not neutral.issuperset(range(s.start, s.end))
             and not any(start <= s.start < end for start, end in asked)
             and not any(m.start < s.start < m.end for m in missing)
             and not _checked(s, spots, clause_of)]
    # "Her hands are a bit cold, but that's from the ice pack": explained away by an ordinary cause.
    quiet_not = {i for s in [*said, *find(tokens, {"about": answer_words.about.get(question_id, ()),
                                                   "complaint": answer_words.words["complaint"]})]
                 if s.kind in ("health", "about", "complaint") for i in range(s.start, s.end)}
    quiet_not |= {i for m in matches for i in range(m.start, m.end)}
    about, explained = answer_passed.explained_away(
        about, list(find(tokens, {"explaining": answer_words.words["explaining"]})), quiet_not, matches, clause_of)
    if explained:
        said = sorted([*said, *explained], key=lambda s: s.start)
        spots = sorted([*spots, *explained], key=lambda s: s.start)
    about = sorted([*about, *missing], key=lambda s: s.start)
    # "Fever, normal. Chills, none.": a sign's name said as a heading is answered by the part after it.
    leaving_words = frozenset(p[0] for p in answer_words.words["leaving"] if len(p) == 1)
    headed = {i for s in about for i in range(s.start, s.end)}
    # Only a heading of the question's own words, never a number ("39.5. Chills, no.") or a sign's longer words.
    matches = [replace(m, status=Status.ABSENT) if m.status is Status.PRESENT and headed.issuperset(
        range(m.start, m.end)) and answer_safety.heading_answered_no(
        clause_of[min(m.start, len(clause_of) - 1)], headed, spots, matches, tokens, clause_of, language.fillers,
        leaving_words) else m for m in matches]
    return Heard(tokens, clause_of, matches, spots, about, echoed, said, readings)


def _acknowledged(said: list[Spot], tokens: Sequence[str], fillers: frozenset[str],
                  acknowledging: Sequence[Phrase]) -> list[Spot]:
    """ "Ok, can you go slower", "alright so he's limping", "ok yes": the "ok"s said first take the question in;
    they are polite, never the well child's "ok" (that made "ok can you speak up" and "ok yes" a "no"). Said
    alone ("ok", "okay okay", "right"), they answer nothing either: no "no" to a red flag (rule 4), so the answer is
    unclear (after "anything else?" too: not understood, asked again; only a "no" ends the talk)."""
    run: list[Spot] = []
    position = 0
    for spot in said:  # "ok ok enough": each "ok" of the run said first, fillers between them
        while position < spot.start and tokens[position] in fillers:
            position += 1
        if spot.start != position:
            break
        position = spot.end
        if spot.kind == "yes":  # "yeah ok", "yes, alright": the yes answers, the "ok" takes the question in
            continue
        if spot.kind not in ("well", "yes_lead") or tuple(tokens[spot.start:spot.end]) not in acknowledging:
            break
        run.append(spot)
    if not run:
        return said
    return [Spot("polite", s.start, s.end) if s in run else s for s in said]


def _rather(tokens: Sequence[str], answer_words: AnswerWords, question_id: str) -> set[int]:
    """ "Not blue more grey": a one-word command ("more") between two words about the question says "rather": it
    starts a part of its own, so the denial before it does not reach the word after it."""
    about = list(find(tokens, {"about": answer_words.about.get(question_id, ())}))
    ends = {a.end for a in about}
    starts = {a.start for a in about}
    commands = find(tokens, {f"command:{c}": p for c, p in answer_words.commands.items()})
    return {c.start for c in commands if c.size == 1 and c.start in ends and c.end in starts}


def _no_or_now(matches: Sequence[Match], spots: Sequence[Spot]) -> tuple[list[Match], list[Spot]]:
    """ "Her lips are pale, no blue": a sign the matcher read as denied by a "no" inside its own words, said straight
    after news of the same part (not that it is well). A recogniser writes "now" as "no" ("pale, now blue"), and
    the news says that part is not right: the denial is a doubt, so the sign counts as unsure (rule 4), never a
    clean "no"."""
    # News said as news, not denied itself ("no limp and arms and legs no pain").
    denials = [s for s in spots if s.kind in ("no", "no_lead")]
    news = [s for s in spots if s.kind == "health" and not any(d.end == s.start for d in denials)]
    doubted = [n for n in spots if n.kind == "no" and any(
        m.status is Status.ABSENT and m.start < n.start < m.end and any(m.start <= h.start and h.end == n.start
                                                                        for h in news) for m in matches)]
    if not doubted:
        return list(matches), list(spots)
    kept = [replace(m, status=Status.PRESENT, uncertain=True) if m.status is Status.ABSENT and any(
        m.start < n.start < m.end for n in doubted) else m for m in matches]
    return kept, [Spot("unsure", s.start, s.end) if s in doubted else s for s in spots]


def _worried_now(matches: Sequence[Match], spots: Sequence[Spot], tokens: Sequence[str], clause_of: Sequence[int],
                 openers: Iterable[Spot], coming: frozenset[str], own: set[str]) -> tuple[list[Match], list[Spot]]:
    """ "What if that's her heart racing?", "is it serious if her lips look a bit blue?": the question's own sign,
    read as a what-if, said after words that ask about how the child is now (``openers``) and with no word that
    puts it later (``coming``: "what if she gets a fever" stays a what-if, rule 9). A worried question about now
    is the sign, doubted (rule 4): the sign is there, uncertain, and the opener a hedge."""
    worried = []
    kept = []
    for match in matches:
        opener = next((o for o in openers if match.status is Status.HYPOTHETICAL and match.symptom in own
                       and o.end <= match.start and clause_of[o.start] == clause_of[min(match.start, len(clause_of) - 1)]
                       and not coming.intersection(tokens[o.start:match.end])), None)
        if opener is not None:
            worried.append(opener)
            match = replace(match, status=Status.PRESENT, uncertain=True)
        kept.append(match)
    if not worried:
        return kept, list(spots)
    taken = {i for o in worried for i in range(o.start, o.end)}
    rest = [s for s in spots if not taken.intersection(range(s.start, s.end))]
    return kept, sorted([*rest, *dict.fromkeys(worried)], key=lambda s: s.start)


def _denied_from_elsewhere(matches: Sequence[Match], tokens: Sequence[str], clause_of: Sequence[int],
                           matcher: Matcher, denying: set[int], subjects: frozenset[str]) -> list[Match]:
    """A sign said in a part of its own and denied only by a later part ("his leg hurts, arms are fine", "he's
    limping, wees are fine"): the "fine" was about the other part, so the sign is there. Read its part alone:
    where the matcher finds the sign there, and neither the part nor the one before holds a word that denies or
    says well (``denying``, token indexes: "going to the toilet by himself", a list "no fever, chills or
    shivers"), it stands as said there. A wrong "no" hides a red flag."""
    out = []
    for match in matches:
        clause = clause_of[min(match.start, len(clause_of) - 1)]
        part = [i for i, c in enumerate(clause_of) if c == clause]
        near = [i for i, c in enumerate(clause_of) if clause - 1 <= c <= clause]
        if match.status is Status.ABSENT and len(part) < len(tokens) and not denying.intersection(near):
            match = _present_in(match, part, tokens, matcher) or match
        elif match.status is Status.ABSENT:
            match = _said_after_a_break(match, tokens, clause_of, matcher, denying, subjects) or match
        out.append(match)
    return out


def _present_in(match: Match, part: Sequence[int], tokens: Sequence[str], matcher: Matcher) -> Match | None:
    """``match``'s sign as the matcher finds it present in ``part`` (token indexes) read alone, placed back."""
    alone = [m for m in matcher.match(" ".join(tokens[part[0]:part[-1] + 1]))
             if m.symptom == match.symptom and m.status is Status.PRESENT]
    return replace(alone[0], start=alone[0].start + part[0], end=alone[0].end + part[0]) if alone else None


def _said_after_a_break(match: Match, tokens: Sequence[str], clause_of: Sequence[int], matcher: Matcher,
                        denying: set[int], subjects: frozenset[str]) -> Match | None:
    """A denied sign whose words run on over a clause break into a statement of its own ("she has not done poo
    at all, and she is straining and crying on the potty", "she can't walk right, she's hobbling"): the
    matcher read the statement's words under the first part's negation. Where a later part it covers starts a
    statement (a subject in it), holds no word that denies, and alone names the sign, the sign is there."""
    last = clause_of[min(match.end, len(clause_of)) - 1]
    parts = [[i for i, c in enumerate(clause_of) if c == clause] for clause in range(clause_of[match.start] + 1,
                                                                                     last + 1)]
    # "No she's not hot she's roasting", said without a pause: a subject inside the sign's words starts one too.
    parts += [[i for i in range(start, len(tokens)) if clause_of[i] == clause_of[start]]
              for start in range(match.start + 1, match.end) if tokens[start] in subjects]
    for part in parts:
        if part and not denying.intersection(part) and subjects.intersection(tokens[i] for i in part):
            found = _present_in(match, part, tokens, matcher)
            if found is not None:
                return found
    return None


def _checked(about: Spot, spots: Sequence[Spot], clause_of: Sequence[int]) -> bool:
    """Words about the question that name what the caregiver checked ("I checked both his legs", "I watched her
    walk to the kitchen"): how they know, not a sign. What they found is said by the words after it."""
    return any(s.kind == "caregiver" and 0 <= about.start - s.end <= CHECK_REACH
               and clause_of[s.start] == clause_of[about.start] for s in spots)


def _overlaps(match: Match, spot: Spot) -> bool:
    return match.start < spot.end and spot.start < match.end


def _stretched_over_well(match: Match, spots: Sequence[Spot]) -> bool:
    """A sign found from a "no" answer word on, with a well word inside it: the matcher joined the answer and a
    part said to be well."""
    return match.status is Status.PRESENT and any(s.kind == "no" and s.start == match.start for s in spots) and any(
        s.kind == "well" and match.start < s.start and s.end < match.end for s in spots)


def _no_then_well(match: Match, spots: Sequence[Spot], tokens: Sequence[str], clause_of: Sequence[int],
                  plain: frozenset[str]) -> bool:
    """A sign found from the answer's own "no" on, followed in its part by only words without meaning and then a
    well word ("no poo is normal too"): the "no" answered, and the rest says that part is well."""
    if match.status is not Status.PRESENT or not any(s.kind == "no" and s.start == match.start for s in spots):
        return False
    clause = clause_of[match.start]
    well = next((s for s in spots if s.kind == "well" and s.start >= match.end and clause_of[s.start] == clause), None)
    return well is not None and all(tokens[i] in plain for i in range(match.end, well.start))
