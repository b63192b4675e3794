"""Signs the interview has no answer about yet, said honestly (rule 14): a question narrowed to them, the advice
after a skip, an emergency from an unheard answer, and "what did you hear?"."""

from __future__ import annotations

from collections.abc import Collection, Sequence

from voicecare.conversation import spoken
from voicecare.domain import Basis, Finding, IntentSet, InterviewQuestion, Level, Message, MessageKind, Status, TriageResult
from voicecare.understanding import triage
from voicecare.understanding.care import CareQuestion

FIRST_LIST = "emergency_signs"
"""The topic's warning list said at once after a skip: the call-911 signs, first of the warning signs (rule 11)."""
URGENT_NOW = Level.URGENT
"""News that raises the level this high has its instruction said at once, even beside a care answer."""
SHORT_LIST = "emergency_signs_short"
"""The same signs in few words, for a turn without room for the whole list (optional: else the whole list)."""


def listed(names: Sequence[str], joiner: str) -> str:
    """Names as one list ("fever, chills and pain"); without a joiner word, commas only."""
    if len(names) <= 1:
        return "".join(names)
    last = f" {joiner} " if joiner else ", "
    return f"{', '.join(names[:-1])}{last}{names[-1]}"


def narrowed(question: InterviewQuestion, settled: Collection[str], intents: IntentSet) -> Message:
    """The question; when some of its signs are settled already ("she has a fever"), only about the rest
    ("What about chills?"): a sign the caregiver said is never asked again."""
    rest = [intents.symptom(s).name for s in question.symptoms if s not in settled]
    if not settled or not rest:
        return Message(question.level, MessageKind.QUESTION, question.ask)
    text = intents.messages["conversation.ask_rest"].format(items=listed(rest, intents.language.list_or))
    return Message(question.level, MessageKind.QUESTION, text)


def with_unanswered(messages: Sequence[Message], signs: Sequence[str], intents: IntentSet) -> list[Message]:
    """The advice after a skip left red-flag ``signs`` unanswered: in the read-back, that questions were skipped
    (never "you said no" to them), and the call-911 list said at once, as an instruction, not left
    waiting for "more" (rule 11; issue #9: never silently dropped). The call-right-away list waits for "more"
    as in every answer, so the turn stays short (rule 13)."""
    topics = {intents.symptom(s).topic for s in signs}
    lists = {t.messages[FIRST_LIST] for t in intents.topics if t.id in topics}
    if not lists:
        return list(messages)
    note = Message(Level.UNCLEAR, MessageKind.READBACK, intents.messages["conversation.not_asked"])
    out: list[Message] = []
    for message in messages:
        if message.kind is MessageKind.WARNING and message.text in lists:
            # Said at once, the list leaves the warning signs; their lead-in ("Warning signs to watch for:") stays
            # with the ones still to come, or "tell me more" says the lead-in alone (outside review 9). The list goes
            # right after the instruction it joins: left after the steps, it was printed before the lead-in it had
            # left, "Call 911 if ..." then "Warning signs to watch for:" (outside review 23 F10).
            instructed = max((i + 1 for i, m in enumerate(out) if m.kind is MessageKind.INSTRUCTION), default=len(out))
            out.insert(instructed, Message(message.level, MessageKind.INSTRUCTION, message.text))
        else:
            out.append(message)
    at = max((i + 1 for i, m in enumerate(out) if m.kind is MessageKind.READBACK), default=0)
    return [*out[:at], note, *out[at:]]


def only_assumed(found: Sequence[Finding], *bases: Basis) -> bool:
    """True when every emergency sign counted rests on answers of these kinds (rule 4: silence or unclear;
    rule 10: not sure)."""
    signs = [f for f in found if f.status is Status.PRESENT and f.symptom.level is Level.EMERGENCY]
    return bool(signs) and all(f.basis in bases for f in signs)


def guessed_emergency(said: Sequence[Message], intents: IntentSet, *, worded: bool = False,
                      doubted: bool = False, rival: bool = False) -> tuple[Message, ...] | None:
    """What is said of an emergency that rests only on an unheard answer: no sign was said, so none is named as
    heard: "Call 911 now", "stay with your child", then the signs asked about, as not heard (``worded``: words
    were heard, none understood; ``doubted``: a yes the answer reader doubted, "I am not sure, but ..."; ``rival``:
    that yes, with another reading of the same audio a "no", "I heard no, but maybe yes ..."), and how
    to take it back (rule 14), within rule 13's budget. None when the language gives no such note."""
    rules = intents.spoken
    if rules is None or not rules.guessed_emergency:
        return None
    template = rules.unclear_emergency if worded and rules.unclear_emergency else rules.guessed_emergency
    template = rules.doubted_emergency if doubted and rules.doubted_emergency else template
    template = rules.rival_emergency if doubted and rival and rules.rival_emergency else template
    fixed = {intents.messages[k] for k in ("emergency", "emergency_stay")}
    emergency = [m for m in said if m.kind is MessageKind.EMERGENCY]
    signs = next((m.text.rstrip(".") for m in emergency if m.text not in fixed), "")
    note = Message(Level.EMERGENCY, MessageKind.CONFIRM,  # never left out of the turn (``budget``)
                   template.format(items=signs[:1].lower() + signs[1:]))
    return (*[m for m in emergency if m.text in fixed], note)


def guessed_short(note: str, said: Sequence[Message], found: Sequence[Finding], intents: IntentSet) -> str:
    """``note`` (what a 911 from an unheard answer rests on, ``guessed_emergency``) naming its first sign and
    "other danger signs" (``many_signs``), for a turn that has no room for the whole list (``budget``); the
    printed answer keeps every sign. ``note`` itself when it names one sign or the language has no short form."""
    rules = intents.spoken
    fixed = {intents.messages[k] for k in ("emergency", "emergency_stay")}
    line = next((m.text for m in said if m.kind is MessageKind.EMERGENCY and m.text not in fixed), "")
    names = sorted((f.symptom.name for f in found if f.status is Status.PRESENT and f.symptom.level is Level.EMERGENCY
                    and f.symptom.name.lower() in line.lower()), key=lambda n: line.lower().find(n.lower()))
    whole = line.rstrip(".")
    if rules is None or not rules.many_signs or len(names) < 2 or whole[:1].lower() + whole[1:] not in note:
        return note
    short = rules.many_signs.format(items=names[0]).rstrip(".")
    return note.replace(whole[:1].lower() + whole[1:], short[:1].lower() + short[1:])


def heard(found: Sequence[Finding], care: Sequence[CareQuestion], intents: IntentSet) -> list[Message]:
    """The answer to "what did you hear?": the read-back of everything understood so far, each sign as it was
    counted (said, a yes, not sure, not heard), never more (rule 14); with nothing understood, the unclear answer
    and the call-911 signs (rule 7). Triage without the disclaimer: asking must not use it up (rule 8)."""
    result = triage.triage(found, intents, disclaimer=False, care=care)
    read_back = [m for m in result.messages if m.kind is MessageKind.READBACK]
    if read_back:
        return read_back
    # Nothing read back (a care question alone, or nothing understood): the unclear answer and the call-911 signs
    # (rule 7), not the home-care answer's warning lists with their lead-in (36.6 s with the question after them).
    lists = {whole for whole, _ in call_911_lists(found, intents)}
    unclear = Message(Level.UNCLEAR, MessageKind.UNCLEAR, intents.messages["unclear"])
    return [unclear, *(m for m in result.messages if m.kind is MessageKind.WARNING and m.text in lists)]


def call_911_lists(found: Sequence[Finding], intents: IntentSet) -> list[tuple[str, str]]:
    """The call-911 signs of the topics ``found`` is about (all topics when none), each whole and short."""
    topics = {f.symptom.topic for f in found}
    return [(t.messages[FIRST_LIST], t.messages.get(SHORT_LIST, t.messages[FIRST_LIST]))
            for t in intents.topics if t.id in topics or not topics]


def short_lists(said: Sequence[Message], found: Sequence[Finding], intents: IntentSet, rate_wpm: float,
                level: Level | None = None) -> tuple[Message, ...]:
    """``said`` with each whole call-911 list in its short form when the turn would go over ``turn_seconds``, or
    over the seconds of its ``level`` when fewer (rule 13): the unclear answer's whole list made it a 19.8 s turn
    (outside review 9)."""
    rules = intents.spoken
    if rules is None or rules.turn_seconds is None:
        return tuple(said)
    rule = rules.levels.get(level) if level is not None else None
    budget = min(rules.turn_seconds, rule.seconds) if rule is not None else rules.turn_seconds
    if spoken.total_seconds(said, rate_wpm) <= budget:
        return tuple(said)
    shorter = dict(call_911_lists(found, intents))
    return tuple(Message(m.level, m.kind, shorter.get(m.text, m.text)) for m in said)


def compact_opening(fixed: Sequence[Message], rest: Sequence[Message], found: Sequence[Finding], intents: IntentSet,
                    rate_wpm: float, budget: float | None = None) -> list[Message]:
    """The fixed part of the interview's opening turn (the read-back, the action, the disclaimer) with its read-back
    in few words (``compact_readback``) when with ``rest`` (the care answer, the question) it would go over
    ``budget`` (``opening_seconds``): a doubted sign's read-back made a 21.5 s first answer (outside review 9)."""
    rules = intents.spoken
    limit = budget if budget is not None else rules.opening_seconds if rules is not None else None
    if limit is None or spoken.total_seconds([*fixed, *rest], rate_wpm) <= limit:
        return list(fixed)
    compact = compact_readback(found, intents)
    read_back = [m for m in fixed if m.kind is MessageKind.READBACK]
    if not compact or not read_back or spoken.seconds(compact, rate_wpm) >= spoken.total_seconds(read_back, rate_wpm):
        return list(fixed)
    short = Message(read_back[0].level, MessageKind.READBACK, compact)
    return [short, *(m for m in fixed if m.kind is not MessageKind.READBACK)]


def compact_readback(found: Sequence[Finding], intents: IntentSet) -> str:
    """What was understood in few words, for the interview's last turn (rule 12): only the red flags counted, each
    as it was counted (rule 14: "I heard" only for what was said); with no red flag, the signs said ("I heard:
    back pain"), so that an ending after a skip still says what was counted; "" when the language has no such
    words or nothing was counted."""
    rules = intents.spoken
    if rules is None or not rules.compact_readback:
        return ""
    counted = [f for f in found if f.status is Status.PRESENT]
    flags = [f for f in counted if f.symptom.level < Level.HOME_CARE] or [f for f in counted if f.basis is Basis.SAID]
    return counted_as(flags, intents)


def counted_as(found: Sequence[Finding], intents: IntentSet) -> str:
    """The signs ``found`` in few words, each as it was counted: "I heard" only for what was said, "you said yes"
    for a yes, "unclear, counted as yes" for the rest (rule 14); "" without the language's words for it."""
    rules = intents.spoken
    if rules is None or not rules.compact_readback:
        return ""
    language = intents.language
    parts = []
    for bases, template, joiner in (((Basis.SAID,), intents.messages["readback"], language.list_and),
                                    ((Basis.ANSWERED,), rules.compact_readback["answered"], language.list_or),
                                    ((Basis.UNSURE, Basis.UNHEARD), rules.compact_readback["unclear"], language.list_or),
                                    ((Basis.GUESSED,), intents.messages["readback_guessed"], language.list_or)):
        # A sign only a doubted reading held (the recogniser's other readings) was not heard: never "I heard", and
        # no "unclear answer" either when nothing was asked (outside review 12, F9): "I am not sure, but that may
        # be ...".
        names = [f.symptom.name for f in found
                 if triage.read_back_as(f) in bases]
        if names:
            parts.append(template.format(items=listed(names, joiner)))
    return " ".join(parts)


def news(said: Sequence[Finding], result: TriageResult, before: Level, intents: IntentSet) -> tuple[list[Message],
                                                                                                   list[Message]]:
    """What is said of signs told in the middle of the interview instead of (or beside) an answer: what was heard
    of them alone, in few words (rule 12; the whole read-back comes with the advice), with the new instruction
    when they raised the level from ``before`` to ``URGENT_NOW`` or higher (rule 13: the action first); and, said
    when the turn has room, a lesser new instruction or else the topic's advice for them (the advice at the end
    says them too)."""
    text = counted_as(said, intents)
    heard = [Message(result.disposition, MessageKind.READBACK, text)] if text else []
    action = [m for m in result.messages if m.kind is MessageKind.INSTRUCTION][:1] if result.disposition < before else []
    if action and result.disposition <= URGENT_NOW:
        return [*heard, *action], []
    if action:  # "see the doctor soon" can wait for the end when a care answer leaves no room
        return heard, action
    # A lesser sign's advice ("call the office during opening hours") after "call your child's doctor right away"
    # was the only instruction said then (outside review 14, F7): the standing action is said instead.
    ids = {f.symptom.id for f in said if f.symptom.level <= result.disposition}
    advice = [Message(result.disposition, MessageKind.ADVICE, t.advice[i]) for t in intents.topics
              for i in t.advice if i in ids]
    if not advice and any(f.symptom.level > result.disposition for f in said):
        advice = [m for m in result.messages if m.kind is MessageKind.INSTRUCTION][:1]
    return heard, advice
