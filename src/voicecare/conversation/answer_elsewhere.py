"""Words about another question's part in an answer: "her legs are fine" or "bit warm maybe" to the heart question.

A "fine" said of the legs, the nappy or the back denies nothing the fever question asks; read as a "no", it denied
fever and chills, and every 911 sign of the breathing question (outside review 13, F1). Such an answer is about
something else: the question is asked again and nothing is counted. A hedge said of another question's part
("bit warm maybe" to the heart question) doubts that part, never the question's signs (F6: both heart signs were
counted "unsure", a false 911, and read back as a doubt nobody said, rule 14): the part is news that counts
(rule 10: hedged counts) and the question is asked again.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import replace

from voicecare.conversation.answer_kinds import Answer
from voicecare.conversation.answer_parts import Heard
from voicecare.conversation.answer_words import Phrase, Spot, find
from voicecare.domain import Basis, Finding, IntentSet, Status

OTHER_SIGN_DENIED = "other_sign_denied"
"""The kind of a "no" said with another sign it denies ("no fever though" to the call-911 question)."""


def parts(heard: Heard, about: Mapping[str, Sequence[Phrase]], question_id: str,
          complaint: Iterable[Phrase] = ()) -> list[tuple[str | None, Spot]]:
    """Words of the other questions' parts in ``heard`` (and the ``complaint``'s, question None), each with its
    question, that are none of this question's words and inside no sign the matcher found."""
    own = [*heard.about, *(Spot("sign", m.start, m.end) for m in heard.matches)]
    kinds: dict[str, Iterable[Phrase]] = {q: p for q, p in about.items() if q != question_id}
    found: list[tuple[str | None, Spot]] = [(s.kind, s) for s in find(heard.tokens, kinds)]
    found += [(None, s) for s in find(heard.tokens, {"complaint": complaint})]
    return [(q, s) for q, s in found if not any(_overlaps(s, o) for o in own)]


def well_elsewhere(heard: Heard, elsewhere: Sequence[tuple[str | None, Spot]], skipped: frozenset[str]) -> bool:
    """Whether every part said to be well is another question's ("her legs are fine", "breathing's fine" to the
    fever question): the word before the well word, past words that carry no meaning (``skipped``), is such a
    part, or the well words hold one ("she's in diapers" to the breathing question). Never "she's fine" (the child
    is well: that is an answer) or a well word said alone."""
    well = heard.spots_of("well")
    return bool(well) and bool(elsewhere) and all(_subject(heard, w, elsewhere, skipped) for w in well)


def _subject(heard: Heard, well: Spot, elsewhere: Sequence[tuple[str | None, Spot]], skipped: frozenset[str]) -> bool:
    if any(_overlaps(well, s) for _, s in elsewhere):
        return True  # the well words name the part themselves ("she's in diapers", "wide awake")
    at = well.start - 1
    while at >= 0 and heard.tokens[at] in skipped and heard.clause(at) == heard.clause(well.start):
        at -= 1
    return at >= 0 and heard.clause(at) == heard.clause(well.start) and any(
        s.start <= at < s.end for _, s in elsewhere)


def hedged_parts(heard: Heard, elsewhere: Sequence[tuple[str | None, Spot]],
                 others: Sequence[tuple[int, int]], loose: Sequence[Phrase]) -> bool:
    """Whether every hedge is a word that doubts what is said beside it (``loose``: "maybe", "might") in a part
    about another question's part or another sign found (``others``: their token spans): the doubt is about that,
    not about the question asked. A hedge that answers ("no idea", "can't tell") is about the question."""
    hedges = heard.spots_of("unsure")
    if any(tuple(heard.tokens[h.start:h.end]) not in loose for h in hedges):
        return False
    places = [s for q, s in elsewhere if q is not None] + [Spot("sign", a, b) for a, b in others]
    return bool(hedges) and bool(places) and all(
        any(heard.clause(p.start) == heard.clause(h.start) for p in places) for h in hedges)


def with_doubted(intents: IntentSet, answer: Answer, signs: Sequence[str]) -> Answer:
    """``answer`` with the hedged news's ``signs`` counted as doubted (rule 10), read back as not sure (rule 14)."""
    found = {f.symptom.id: f for f in answer.findings}
    for sign in signs:
        known = found.get(sign)
        found[sign] = (replace(known, uncertain=True, basis=Basis.UNSURE) if known is not None
                       and known.status is Status.PRESENT
                       else Finding(intents.symptom(sign), Status.PRESENT, 100.0, answer.input, True, Basis.UNSURE))
    return replace(answer, findings=tuple(found.values()))


def _overlaps(one: Spot, other: Spot) -> bool:
    return one.start < other.end and other.start < one.end


def noes_of_other_signs(heard: Heard, elsewhere: Sequence[tuple[str | None, Spot]], asked: frozenset[str],
                        negations: frozenset[str]) -> Heard:
    """``heard`` without the "no" words that deny another sign, not the question ("no fever though", "actually no
    fever, it's 37.1", "no, he's not hot" to the call-911 question): each denies the sign it is said with, and
    says nothing of the question's signs, so it is never the answer "no" (outside review 17, F3: all four 911
    signs were denied; rules 4 and 14). Only a "no" whose part holds, after it, a sign denied that the question
    does not ask, or another question's words after a negation, and none of the question's own words. A "no" said
    as its own part ("no. No fever either") answers the question. Each is kept as ``OTHER_SIGN_DENIED``: news."""
    denied = [Spot("sign", m.start, m.end) for m in heard.matches
              if m.status is Status.ABSENT and m.symptom not in asked]
    # Another question's words after a negation of their own ("not hot"), never after the answer's own "no".
    answer_noes = {i for n in heard.spots_of("no") for i in range(n.start, n.end)}
    denied += [s for q, s in elsewhere if q is not None and any(
        heard.tokens[i] in negations and i not in answer_noes and heard.clause(i) == heard.clause(s.start)
        for i in range(s.start))]
    if not denied:
        return heard
    own = [*heard.about, *heard.spots_of("well"), *(Spot("sign", m.start, m.end) for m in heard.matches
                                                    if m.symptom in asked)]
    noes = heard.spots_of("no")
    dropped: list[Spot] = []
    for no in noes:
        clause = heard.clause(no.start)
        if any(heard.clause(d.start) == clause and d.start >= no.end for d in denied) and not any(
                heard.clause(o.start) == clause for o in own):
            dropped.append(no)
    return replace(heard, spots=[replace(s, kind=OTHER_SIGN_DENIED) if s in dropped else s for s in heard.spots])


OF_ANOTHER = "of_another"
"""The kind of an answer word said of someone other than the child ("his sister isn't, no")."""
OF_NAMED = "of_named"
"""The kind of an answer word said of one of two children named ("Hodan yes, Abdi no")."""
NAMED_ANSWER = 2
"""A part this long, one word we cannot place then an answer word, answers for whoever that word names."""


def answers_of_others(heard: Heard, others: Sequence[Phrase], child: frozenset[str], quiet: frozenset[str]) -> Heard:
    """``heard`` with the answer words said of someone else kept as ``OF_ANOTHER`` (or ``OF_NAMED``), so no "no"
    of theirs is a clean "no" for this child (outside review 17, F13 and F8; rules 4 and 14):

    - a "no" said after another person's words (``others``: "his sister isn't, no"), in their part or the next,
      with no word for the child (``child``) between: it agrees with what was said of them. Not a "no" said
      first ("no, his sister is"), nor one the child is named before ("his sister is, he isn't, no");
    - a "yes" and a "no" each said after one word none of ours places ("Hodan yes, Abdi no"): two children
      named, so neither answer is known to be this child's. ``quiet``: words that name no one (fillers)."""
    marked = set()
    # Someone talked to, not talked of ("sorry, I was talking to my husband. No."): the "no" after it is ours.
    room = {heard.clause(s.start) for s in heard.spots_of("off_topic")}
    for no in heard.spots_of("no"):
        for other in (o for o in find(heard.tokens, {"other": others}) if heard.clause(o.start) not in room):
            between = heard.tokens[other.end:no.end]  # "his sister has a temperature but he's fine": the child
            if other.end <= no.start and 0 <= heard.clause(no.start) - heard.clause(other.end - 1) <= 1 and not (
                    child.intersection(between)):
                marked.add(no)
    placed = {i for s in [*heard.spots, *heard.about] for i in range(s.start, s.end)}
    placed |= {i for m in heard.matches for i in range(m.start, m.end)}
    named = [s for s in heard.spots_of("yes", "no") if s.size == 1 and s.start >= 1
             and heard.clause(s.start - 1) == heard.clause(s.start)
             and sum(1 for c in heard.clause_of if c == heard.clause(s.start)) == NAMED_ANSWER
             and s.start - 1 not in placed and heard.tokens[s.start - 1] not in quiet]
    both = set(named) if {s.kind for s in named} == {"yes", "no"} else set()
    if not (marked or both):
        return heard
    return replace(heard, spots=[replace(s, kind=OF_NAMED) if s in both else replace(s, kind=OF_ANOTHER)
                                 if s in marked else s for s in heard.spots])


def named_yes(heard: Heard, verbs: frozenset[str], quiet: frozenset[str]) -> Heard:
    """``heard`` with a child's name and a verb said as the whole answer ("Leo does", "Mia has") kept as a "yes",
    as "she does" is: the reader cannot know the child's name, but a word none of ours places, said before a verb
    that affirms, names who it is (outside review 17, F8: "I did not hear a clear answer", rule 14). "Leo doesn't"
    is no clean "no": the name may be another child's, so it stays unclear (rule 4)."""
    words = [i for i, w in enumerate(heard.tokens) if w not in quiet]
    placed = {i for s in [*heard.spots, *heard.about] for i in range(s.start, s.end)}
    placed |= {i for m in heard.matches for i in range(m.start, m.end)}
    if len(words) != NAMED_ANSWER or words[1] != words[0] + 1 or placed.intersection(words):
        return heard
    name, verb = (heard.tokens[i] for i in words)
    if verb not in verbs or name in verbs:
        return heard
    return replace(heard, spots=sorted([*heard.spots, Spot("yes", words[0], words[1] + 1)], key=lambda s: s.start))


def not_the_child(heard: Heard, disowning: Sequence[Phrase], child: frozenset[str]) -> Heard:
    """``heard`` with a sign said just before "not him" (``disowning`` words, ending their part or followed by a
    statement of its own) kept as someone else's ("that's the baby wheezing you hear, not him, he's breathing
    fine"): the caregiver says whose it is (rule 9). Not when the sign's own part names the child first ("she's
    wheezing, not him": which of the two is the child is not known, so the sign counts, rule 4). The "not him"
    denies nothing of the child's signs: it is set apart as said of another."""
    tokens = heard.tokens
    spans = [s for s in find(tokens, {"disowning": disowning})
             if s.end == len(tokens) or heard.clause(s.end) != heard.clause(s.start) or tokens[s.end] in child]
    if not spans:
        return heard
    owned = []
    for match in heard.matches:
        span = next((s for s in spans if match.end <= s.start
                     and 0 <= heard.clause(s.start) - heard.clause(match.start) <= 1), None)
        sentence = [i for i in range(match.start) if heard.clause(i) == heard.clause(match.start)]
        # A sign already read as someone else's ("her grandad's the one with the sore legs, not her") is theirs
        # all the more: the "not her" is said of it too (answers23), so it explains its part.
        if match.status in (Status.PRESENT, Status.OTHER) and span is not None and not child.intersection(
                tokens[i] for i in sentence):
            owned.append(match)
    if not owned:
        return heard
    said = [Spot(OF_ANOTHER, s.start, s.end) for s in spans]
    return replace(heard, matches=[replace(m, status=Status.OTHER) if m in owned else m for m in heard.matches],
                   spots=sorted([*heard.spots, *said], key=lambda s: s.start),
                   said=sorted([*heard.said, *said], key=lambda s: s.start))
