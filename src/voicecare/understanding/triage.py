"""The triage engine: a pure function from what was found to what to do and say.

Every rule of docs/policy.md that is about deciding and ordering lives here,
so "emergency first" is enforced in one place.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from voicecare.domain import Basis, Finding, IntentSet, Level, Match, Message, MessageKind, Status, Topic, TriageResult
from voicecare.understanding.care import CareQuestion
from voicecare.understanding.cues import past_tense

# Statements about this child, now: among these the later one wins (rule 9,
# self-correction). Other-person, what-if and past mentions never override them.
_ABOUT_THIS_CHILD = (Status.PRESENT, Status.ABSENT)
_K = MessageKind  # short: nearly every line below builds a message
# Said of this child but affirming nothing: a what-if, or a denial said bare.
_NOT_AFFIRMED = (Status.HYPOTHETICAL, Status.ABSENT)
READBACK_DENIED_MAX = 3
"""More denials than this are read back as one phrase."""


def replaces(earlier: Status, later: Status) -> bool:
    """Rule 9: whether a later mention of a symptom overrides an earlier one."""
    return later in _ABOUT_THIS_CHILD or earlier not in _ABOUT_THIS_CHILD


def findings(matches: Iterable[Match], intents: IntentSet) -> tuple[Finding, ...]:
    """One finding per symptom: the last statement about this child wins."""
    last: dict[str, Match] = {}
    for match in sorted(matches, key=lambda m: m.start):
        previous = last.get(match.symptom)
        # Another child's 911 sign stays: this child's own "no" to that sign ("Max isn't breathing, Leo is
        # breathing fine") says nothing of Max (policy, beyond the sheet).
        if previous is None or (replaces(previous.status, match.status)
                                and not (previous.another_child and match.status is Status.ABSENT)
                                and not _other_parts(previous, match, intents)
                                and not _other_facets(previous, match, intents)):
            last[match.symptom] = match
    return tuple(
        Finding(intents.symptom(m.symptom), m.status, m.score, m.heard, m.uncertain,
                Basis.GUESSED if m.guessed else Basis.SAID, another_child=m.another_child, event=m.event)
        for m in sorted(last.values(), key=lambda m: m.start)
    )


def _other_parts(earlier: Match, later: Match, intents: IntentSet) -> bool:
    """True when ``later`` denies its symptom of other parts only than ``earlier`` affirmed it of: "pain going down
    her leg, no pain in her arms" keeps the leg's pain (the symptom's ``parts``; understand53, #7)."""
    if earlier.status is not Status.PRESENT or later.status is not Status.ABSENT:
        return False
    parts = frozenset(intents.symptom(later.symptom).parts)
    language = intents.language
    said, denied = ({language.spelling.canonical(w) for w in language.tokens(m.heard)} & parts for m in (earlier, later))
    return bool(said) and bool(denied) and said.isdisjoint(denied)


def _other_facets(earlier: Match, later: Match, intents: IntentSet) -> bool:
    """True when ``later`` denies only other sides of a grouped sign than ``earlier`` affirmed: "his leg is weak, no
    tingling" keeps the weak leg (the symptom's ``facets``; understand54, #7). The same side denied is a correction
    (rule 9: "her leg is weak, no wait, it isn't weak")."""
    if earlier.status is not Status.PRESENT or later.status is not Status.ABSENT:
        return False
    facets = intents.symptom(later.symptom).facets
    if not facets:
        return False
    language = intents.language
    groups = [frozenset(language.spelling.canonical(w) for w in facet.split()) for facet in facets]

    def sides(match: Match) -> set[int]:
        words = {language.spelling.canonical(w) for w in language.tokens(match.heard)}
        return {i for i, group in enumerate(groups) if group & words}

    said, denied = sides(earlier), sides(later)
    return bool(said) and bool(denied) and said.isdisjoint(denied)


def triage(found: Sequence[Finding], intents: IntentSet, *, disclaimer: bool = True,
           care: Sequence[CareQuestion] = (), bare: bool = False) -> TriageResult:
    """Disposition and the messages in spoken order (rules 1-12).

    ``bare``: nothing was said but these findings ("no fever" alone, see ``_nothing_of_the_topic``).

    A care question is answered first in a home-care reply, after the
    instruction to call the doctor otherwise (rule 6), never with an emergency;
    asked alone about the topic, it makes the reply home care.
    """
    # A note ("she's been seen by the GP") is no sign: it only silences the topic's messages it names.
    notes = [f for f in found if f.symptom.note]
    found = [f for f in found if not f.symptom.note]
    present = [f for f in found if f.status is Status.PRESENT]
    level, combos = _disposition(present, found, intents, bare)
    # "Should I call 911?" is answered by the signs: alone it leaves the reply unclear, said with them, the
    # signs decide and the reply ends with the warning signs anyway.
    undecided = [q for q in care if q.undecided]
    care = [q for q in care if not q.undecided]
    # Asked without the topic ("can she go to daycare?"): answered, but only the signs set the level.
    unframed = [q for q in care if q.unframed]
    # A care question about someone else's back ("asking for my wife") is still about nobody's child.
    if level is Level.UNCLEAR and len(unframed) < len(care) and not _others_only(found):
        level = Level.HOME_CARE
    say = _Say(intents, level)
    if level is Level.UNCLEAR:
        undecided = undecided or unframed
        messages = _unclear(say, intents.topics, disclaimer, () if _others_only(found) else undecided, found,
                            invite=bool(unframed))
    elif level is Level.EMERGENCY:
        messages = _emergency(say, present, found, combos, disclaimer)
    else:
        topics = _topics_of(present or found, intents.topics) if found else list(intents.topics)
        messages = _below_emergency(say, topics, present, found, disclaimer, notes)
        answers = [say(_K.CARE_ANSWER, question.answer) for question in care]
        at = 0 if level is Level.HOME_CARE else next(i for i, m in enumerate(messages) if m.kind is _K.INSTRUCTION) + 1
        messages[at:at] = answers
        if care and not any(m.kind is _K.READBACK for m in messages) and "readback_care" in intents.messages:
            # Rule 12 whatever the care question: what was understood, after its answer (the answer comes first).
            messages.insert(len(answers), say(_K.READBACK, intents.messages["readback_care"]))
    return TriageResult(disposition=level, findings=tuple(found), messages=tuple(messages),
                        care=tuple(care) if level is not Level.UNCLEAR else tuple(undecided[:1]))


def _another_childs(found: Sequence[Finding]) -> list[Finding]:
    """Another child's signs that are "Call 911 now" for them whatever the topic (policy: beyond the sheet)."""
    return [f for f in found if f.status is Status.OTHER and f.another_child]


def _others_only(found: Sequence[Finding]) -> bool:
    """Only someone else's signs were heard: nothing about this child (policy table: unclear)."""
    return bool(found) and all(f.status is Status.OTHER for f in found)


def _nothing_of_the_topic(found: Sequence[Finding], bare: bool, intents: IntentSet) -> bool:
    """Only what-ifs (or, said ``bare``, denials) and someone else's signs: nothing affirmed of this child, and
    the back not mentioned.

    "What if he stops breathing?" is answered by what that sign would mean; home care (the back's
    comfort steps) is for a child whose back was mentioned (policy: care questions), even inside
    the what-if ("worried she might lose weight if the back pain puts her off her food"). A bare
    "no fever" is no back with none of the warning signs either: nothing about the topic was understood
    (policy: unclear; outside review 12 F18), and the denial is read back, not "missed" (rule 14). Denials
    said with more words ("no fever, she's just sore from climbing") may be about a back the matcher missed.
    """
    # The back itself said not to hurt ("her back isn't hurting, she just keeps crying") affirms nothing of the
    # topic either: home care is for a back that hurts (policy: home_care; outside review 19 F12), so its denial
    # and the other denials said with it are read back, with the invitation to describe the child (rule 7).
    # Only a denial said now with the back's own "not" ("isn't hurting", "doesn't hurt"): a word such as "normal"
    # said near it ("the back is a bit tight normal tired") is no denial of a back said sore, and "her back wasn't
    # bothering her then, it only gets sore in the afternoons" says nothing of now.
    back_denied = any(f.symptom.level is Level.HOME_CARE and f.status is Status.ABSENT and _not_done(f, intents)
                      and not _said_in_the_past(f, intents) for f in found)
    not_affirmed = _NOT_AFFIRMED if bare or back_denied else (Status.HYPOTHETICAL,)
    mentioned = any(f.symptom.level is Level.HOME_CARE for f in found
                    if f.status is not Status.OTHER and not (back_denied and f.status is Status.ABSENT))
    return not mentioned and any(f.status in not_affirmed for f in found) and all(
        f.status in (*not_affirmed, Status.OTHER) for f in found)


def _disposition(
    present: Sequence[Finding], found: Sequence[Finding], intents: IntentSet, bare: bool = False,
) -> tuple[Level, list[str]]:
    # Another child blue, not breathing, fitting or who cannot be woken now: 911 for them, whatever this child has.
    for_another = Level.EMERGENCY if _another_childs(found) else Level.UNCLEAR
    if _others_only(found) or not found or _nothing_of_the_topic(found, bare, intents):
        return min(for_another, Level.UNCLEAR), []  # someone else's signs or what-ifs alone say nothing of this child
    level = min(min((f.symptom.level for f in present), default=Level.HOME_CARE), for_another)
    ids = {f.symptom.id for f in present}
    # A warning sign said as not done at all ("won't move her legs", "can't walk") after an event in the past is
    # that event's still ("fell down the stairs last week and now she won't move her legs": the policy's legs that
    # will not move after the injury, whenever it was); a fever or a sore back now is not (the fall stays history).
    past = {f.symptom.id for f in found if f.status is Status.PAST}
    combos: list[str] = []
    for topic in intents.topics:
        for combo in topic.combinations:
            others = [f for f in present if f.symptom.id not in combo.when and (
                f.symptom.level <= combo.with_level or (f.symptom.id in combo.not_done and _not_done(f, intents)))]
            undone = [f for f in others if _not_done(f, intents)]
            if (set(combo.when) <= ids and others) or (set(combo.when) <= ids | past and undone):
                level = min(level, combo.level)
                combos.append(topic.messages[combo.message])
    return level, combos


def _said_in_the_past(finding: Finding, intents: IntentSet) -> bool:
    """True when a sign said with its own "not" was denied in the past tense: a verb in the past before the "not"
    ("back was not bothering her", "did not hurt"; "does not hurt" is now, whatever tense "hurt" may be)."""
    language = intents.language
    words = [language.spelling.canonical(w) for w in language.tokens(finding.heard)]
    denial = next((i for i, w in enumerate(words) if w in language.negations), len(words))
    return any(past_tense(w, language.context) for w in words[:denial])


def _not_done(finding: Finding, intents: IntentSet) -> bool:
    """True when a sign was said with its own "not" ("won't stand", "can't walk"): not done at all (rule 2); with a
    word of manner ("can't walk properly") it is done badly."""
    language = intents.language
    words = [language.spelling.canonical(w) for w in language.tokens(finding.heard)]
    return any(w in language.negations for w in words) and not any(w in language.context.done_badly for w in words)


class _Say:
    """Builds messages from the intents' words for one answer."""

    def __init__(self, intents: IntentSet, level: Level) -> None:
        self.words = intents.messages
        self.spoken = intents.spoken
        self.level = level
        self.language = intents.language

    def __call__(self, kind: MessageKind, text: str, level: Level | None = None) -> Message:
        return Message(level=level or self.level, kind=kind, text=text)

    def template(self, key: str, **values: str) -> str:
        return self.words[key].format(**values)

    def doubted(self, found: Sequence[Finding], reason: str) -> str:
        """The 911's sign line ``reason`` for signs only a doubted reading held, as a guess (``spoken.toml``
        ``doubted_reason``; ``doubted_own_words`` for the caregiver's own words); ``reason`` without them."""
        rules = self.spoken
        if rules is None:
            return reason
        if rules.doubted_own_words and all(f.symptom.own_words for f in found):
            return rules.doubted_own_words
        if not rules.doubted_reason:
            return reason
        items = reason.rstrip(".")
        return rules.doubted_reason.format(items=items[:1].lower() + items[1:])

    def all_of(self, found: Iterable[Finding]) -> str:
        """Symptom names as a list of things that are all so ("fever, chills and pain")."""
        return _names(found, self.language.list_and)

    def any_of(self, found: Iterable[Finding]) -> str:
        """Symptom names as a list of alternatives ("fever or chills")."""
        return _names(found, self.language.list_or)


def _names(found: Iterable[Finding], joiner: str) -> str:
    names = [f.symptom.name for f in found]
    if len(names) <= 1:
        return "".join(names)
    last = f" {joiner} " if joiner else ", "
    return f"{', '.join(names[:-1])}{last}{names[-1]}"


def _sentence_start(text: str) -> str:
    """The first letter made a capital, the rest left as written (names may hold capitals of their own)."""
    return text[:1].upper() + text[1:]


def _topics_of(found: Sequence[Finding], topics: Iterable[Topic]) -> list[Topic]:
    ids = {f.symptom.topic for f in found}
    return [t for t in topics if t.id in ids]


def read_back_as(finding: Finding) -> Basis:
    """How ``finding`` is read back (rule 14): a sign said only in doubted words is a guess. Not the back pain the
    call is about (home care, raising nothing): "her back seems sore after the park", a plain statement of what a
    toddler cannot tell, was read back "I am not sure, but that may be back pain or spasm, so to be safe I count it"
    (outside review 21, F11.1); nothing is counted to be safe there."""
    doubted = finding.uncertain and finding.basis is Basis.SAID and finding.symptom.level < Level.HOME_CARE
    return Basis.GUESSED if doubted else finding.basis


def _readback(say: _Say, present: Sequence[Finding], found: Sequence[Finding]) -> list[Message]:
    # The caregiver's own judgement denied ("I don't think it's an emergency, she's just hard to wake") is no sign
    # of the child to read back: "No what you said is an emergency" claims words nobody said (outside review 22 F11).
    denied = [f for f in found if f.status is Status.ABSENT and not f.symptom.own_words]
    parts = []
    # Rule 14: only what was said is "heard"; a sign counted because the answer was unsure or missing says so.
    for basis, key in ((Basis.SAID, "readback"), (Basis.ANSWERED, "readback_answered"),
                       (Basis.UNSURE, "readback_unsure"), (Basis.UNHEARD, "readback_unheard"),
                       (Basis.GUESSED, "readback_guessed")):
        # A sign only a doubted reading held (the recogniser's alternatives, low confidence) was not heard: a guess.
        these = [f for f in present if read_back_as(f) is basis]
        if these:
            # A yes, a hedge or silence to "this or that?" did not say which: the names are read back as asked.
            names = say.all_of(these) if basis is Basis.SAID else say.any_of(these)
            parts.append(say.template(key, items=names))
    if len(denied) > READBACK_DENIED_MAX:
        parts.append(say.words["readback_denied_many"])  # a read-back is a few words (rule 12)
    elif denied:
        parts.append(say.template("readback_denied", items=say.any_of(denied)))
    return [say(_K.READBACK, " ".join(parts))] if parts else []


def _emergency(
    say: _Say, present: Sequence[Finding], found: Sequence[Finding], combos: Sequence[str], disclaimer: bool,
) -> list[Message]:
    others = _another_childs(found)
    # This child's lesser signs are no reason for the 911 when it is another child's (they are read back below).
    urgent_signs = [f for f in present if f.symptom.level is Level.EMERGENCY] or ([] if others else list(present))
    # The caregiver's own alarm ("my wife is calling 911") is no sign of the child: with a sign said, the sign
    # alone is named ("Fainting or passing out.", not "What you said is an emergency and fainting").
    urgent_signs = [f for f in urgent_signs if not f.symptom.own_words] or urgent_signs
    # The reason names what was said; only when nothing was, the signs counted to be safe, as alternatives (rule 14).
    # A sign heard only in a reading the recogniser doubted was not said either: beside a sign said plainly it is
    # left to the read-back ("I am not sure, but that may be ..."), never named as heard (outside review 11, F9b:
    # "Very sleepy or hard to wake and trouble breathing." after "I may have heard very sleepy or hard to wake").
    said = [f for f in urgent_signs if f.basis is Basis.SAID and not f.uncertain] or [
        f for f in urgent_signs if f.basis is Basis.SAID]
    named = say.all_of(said) if said else say.any_of(urgent_signs)
    # The emergency instruction stands alone so that speech can have it ready before it is needed.
    reason = say.template("emergency_reason", items=_sentence_start(named)) if urgent_signs else ""
    if said and all(f.uncertain for f in said):
        # Printed as it is spoken: a sign only a doubted reading held is a guess, never the 911's reason said as
        # heard (rule 14; it was printed "Very sleepy or hard to wake." under "I may have heard ..." spoken).
        reason = say.doubted(said, reason)
    # Rule 13: "Call 911 now", the sign, "stay with your child" first; why a combination is an emergency after.
    messages = [say(_K.EMERGENCY, say.words["emergency"]), *([say(_K.EMERGENCY, reason)] if reason else []),
                *_for_another(say, others), say(_K.EMERGENCY, say.words["emergency_stay"])]
    messages += [say(_K.EMERGENCY, text) for text in combos]
    # "I may have heard" only for what was said; signs counted from an unsure or missing answer are read back as such.
    unsure = [f for f in urgent_signs if f.uncertain and f.symptom.level is Level.EMERGENCY and f.basis is Basis.SAID]
    if unsure:
        messages.append(say(_K.CONFIRM, say.template("uncertain_emergency", items=say.any_of(unsure))))
    messages += _readback(say, present, found)
    if disclaimer:
        messages.append(say(_K.DISCLAIMER, say.words["disclaimer"]))
    return messages


def _for_another(say: _Say, others: Sequence[Finding]) -> list[Message]:
    """Whom the 911 is for when another child has the sign ("For Max: trouble breathing."), one line per child."""
    template = say.words.get("emergency_for")
    children = dict.fromkeys(f.another_child for f in others)
    return [say(_K.EMERGENCY, template.format(who=who, items=say.all_of(f for f in others if f.another_child == who))
                if template else say.template("emergency_reason", items=_sentence_start(say.all_of(
                    f for f in others if f.another_child == who))))
            for who in children]


def _below_emergency(
    say: _Say, topics: Sequence[Topic], present: Sequence[Finding], found: Sequence[Finding], disclaimer: bool,
    notes: Sequence[Finding] = (),
) -> list[Message]:
    messages = _readback(say, present, found)
    messages.append(say(_K.INSTRUCTION, say.words[say.level.id]))
    # A sign's advice is what to do at its own level: a lesser sign's ("call the office during opening hours") said
    # after "call your child's doctor right away" gave two instructions, the weaker one inviting a wait (outside
    # review 14, F7); the read-back still names it.
    for finding in [f for f in present if f.symptom.level <= say.level]:
        topic = next(t for t in topics if t.id == finding.symptom.topic)
        if advice := topic.advice.get(finding.symptom.id):
            messages.append(say(_K.ADVICE, advice))
    messages += _context_notes(say, found)
    messages += _home_care(say, topics, [*found, *notes])
    if disclaimer:
        messages.append(say(_K.DISCLAIMER, say.words["disclaimer"]))
    messages.append(say(_K.WARNING, say.words["watch_for"]))
    for topic in topics:
        messages += [say(_K.WARNING, topic.messages["emergency_signs"]), say(_K.WARNING, topic.messages["urgent_signs"])]
    return messages


def _context_notes(say: _Say, found: Sequence[Finding]) -> list[Message]:
    notes = []
    for finding in found:
        if finding.status is Status.HYPOTHETICAL:
            action = say.words[f"action.{finding.symptom.level.id}"]
            notes.append(say(_K.HYPOTHETICAL, say.template("hypothetical", item=finding.symptom.name, action=action)))
        elif finding.status is Status.PAST:
            notes.append(say(_K.PAST, say.template("past", item=finding.symptom.name)))
    if any(f.status is Status.OTHER for f in found):
        notes.append(say(_K.OTHER, say.words["other_person"]))
    return notes


def _home_care(say: _Say, topics: Sequence[Topic], found: Sequence[Finding]) -> list[Message]:
    """Comfort care (rule 6: never with an emergency, after the instruction otherwise)."""
    # A symptom marked ``silences = ["home_care"]`` (a serious thing outside the topic) keeps the answer short:
    # the topic's comfort care is beside the point when it is present.
    if any("home_care" in f.symptom.silences for f in found if f.status is Status.PRESENT):
        return [say(_K.HOME_CARE, say.words["follow_up_care"])]
    messages = [say(_K.HOME_CARE, line) for topic in topics for line in topic.home_care]
    # A symptom marked ``silences = ["unchecked"]`` (a doctor has seen the child, or not) makes the reminder moot.
    silenced = {key for f in found for key in f.symptom.silences}
    if say.level is Level.HOME_CARE and "unchecked" not in silenced:
        messages += [say(_K.HOME_CARE, topic.messages["unchecked"]) for topic in topics]
    messages.append(say(_K.HOME_CARE, say.words["follow_up_care"]))
    return messages


def _unclear(say: _Say, topics: Sequence[Topic], disclaimer: bool,
             asked: Sequence[CareQuestion] = (), found: Sequence[Finding] = (), *, invite: bool = False) -> list[Message]:
    """Rule 7: say so, invite a retry, and name the topic's emergency signs.

    A question that only the signs can answer ("should I call 911?") was heard: its answer (tell me what
    you see) stands instead of "I missed that" (rule 14: never claim not to have heard what was said).
    So does what was heard that is not this child's: a what-if is answered by what it would mean, and
    someone else's signs (the caregiver's own) by saying only the child's signs count.
    A what-if asked with "should I call 911?" ("if he can't wake up should I call 911?") is answered by
    what that sign would mean first (rule 9), then by the question's own answer; what was said of someone
    else ends with the invitation to describe the child (rule 7), unless the question's answer invites it.
    ``invite``: a care question asked with nothing said of the child ("can she go to daycare?") is answered, then
    the caregiver is asked what is happening with the child (rule 7; understand45).
    """
    notes = [*_readback(say, (), found), *_context_notes(say, found)]  # "No fever." is heard, not missed
    what_ifs = [m for m in notes if m.kind is _K.HYPOTHETICAL]
    answers = [say(_K.CARE_ANSWER, q.answer) for q in asked[:1]]
    heard = [*what_ifs, *answers] if answers else notes
    if heard and (invite or not answers):
        heard.append(say(_K.CONVERSATION, say.words["describe_child"]))
    messages = heard or [say(_K.UNCLEAR, say.words["unclear"])]
    messages += [say(_K.WARNING, topic.messages["emergency_signs"]) for topic in topics]
    if disclaimer:
        messages.append(say(_K.DISCLAIMER, say.words["disclaimer"]))
    return messages
