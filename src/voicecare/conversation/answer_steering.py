"""Whether an answer is an answer at all: a command to the assistant, words to someone else in the room, or an
aside said inside an answer. Pure functions over an answer taken apart, used by ``answers.py``."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import replace

from voicecare.conversation.answer_elsewhere import OTHER_SIGN_DENIED
from voicecare.conversation.answer_parts import Heard
from voicecare.conversation.answer_words import Phrase, Spot, find

SHORT_COMMAND_WORDS = 3
"""A one-word command ("again", "pass") counts only in an answer this short, in one that says nothing else we
know, or as a goodbye said last."""
ENDING = "command:goodbye"
CHILD_REACH = 4
"""A word for the child this few words before a command makes it how the child is ("she's walking a bit slower")."""
ASIDE_REACH = 4
"""A "yeah" this many words before words to the room ("yeah babe", "yeah I'm nearly done"), said after a denial,
answers someone else: an aside, read without its "yeah" and without making the answer talk to the room."""
COMMAND = "command"
PAUSE = "command:stop"
"""The command that is also a pause to look at the child ("hang on", "wait a sec"): the answer may follow it."""
OFF_TOPIC = "off_topic"
GOODBYE_TAIL = 1
"""Words we cannot place that may follow a goodbye ("hang up now thanks"); more, and the goodbye was a few words
inside other talk ("over and out and went morning", a television heard over a "no"): no goodbye."""
GOODBYE_LEAD = 4
"""Words we cannot place that may come before a goodbye in its clause ("i'm gonna hang up"); more ("what did you
heard he's lying on goofy and quit"), and the goodbye word ended other talk."""


def without_asides(heard: Heard, returning: tuple[Phrase, ...]) -> Heard:
    """The answer without its asides: words to the room before the caregiver says they are back (``returning``),
    and a "yeah" said to someone else after a denial with the words to the room after it ("no arms and legs are
    fine yeah babe i know no pain going down the leg", a parent on the phone)."""
    return _without_yeah_to_the_room(_after_a_return(heard, returning))


def _after_a_return(heard: Heard, returning: tuple[Phrase, ...]) -> Heard:
    """ "Sorry, I was talking to my husband. No.": an aside, then back to us with an answer. The words to the room
    said up to the return are dropped (still understood: they explain their part), so the answer is read. With
    nothing said after it, the return is no answer and the words to the room stand (asked again)."""
    room = heard.spots_of(OFF_TOPIC)
    if not room:
        return heard
    # The aside ends with the last part holding words to the room or the return ("sorry about that, the dog").
    back = [s.start for s in find(heard.tokens, {"returning": returning})]
    aside = max(heard.clause(i) for i in [*back, *(s.start for s in room)])
    later = [*(s.start for s in heard.spots_of("yes", "no", "unsure", "well")), *(s.start for s in heard.about),
             *(m.start for m in heard.matches)]
    answer = min((i for i in later if heard.clause(i) > aside), default=None)
    # The return comes after the aside began ("the dog, sorry. no"), so the answer is not an order to a child
    # ("sorry, put that down. no!"): a "no" said to someone else would hide a red flag.
    first = min(s.start for s in room)
    if answer is None or not any(first <= i < answer for i in back):
        return heard
    return replace(heard, spots=[s for s in heard.spots if not (s.kind == OFF_TOPIC and s.start < answer)])


def _without_yeah_to_the_room(heard: Heard) -> Heard:
    room = heard.spots_of("off_topic")
    denials = heard.spots_of("no", "well")
    asides = [y for y in heard.spots_of("yes") if any(d.end <= y.start for d in denials)
              and any(0 <= o.start - y.end <= ASIDE_REACH for o in room)]
    if not asides:
        return heard
    dropped = {*asides, *(o for o in room if any(0 <= o.start - y.end <= ASIDE_REACH for y in asides))}
    return replace(heard, spots=[s for s in heard.spots if s not in dropped])


def stray_noes(heard: Heard, command: Spot) -> bool:
    """Whether the answer is a request to us with only "no"s around it ("repeat no no", "what was no no",
    "no tell me more no no": a crying child heard as "no"s, outside review 18 F3): no sign, part or other answer
    word, and a "no" after the request. Those "no"s deny nothing, so the request is what was said (rule 4: never
    a clear no to a red-flag question). Not a pause ("hang on, no" is a pause, then the answer) nor a goodbye."""
    if command.kind in (PAUSE, ENDING) or heard.about or heard.matches:
        return False
    if any(s.kind != "no" and not s.kind.startswith(f"{COMMAND}:") for s in heard.spots):
        return False
    return any(s.start >= command.end for s in heard.spots_of("no"))


def goodbye_inside_talk(heard: Heard, command: Spot, quiet: frozenset[str]) -> bool:
    """Whether a goodbye is said in its clause with more than ``GOODBYE_TAIL`` words after it or ``GOODBYE_LEAD``
    before it that are neither quiet (fillers, polite words) nor answer words or commands: words inside other talk
    ("over and out and went morning", "we're done warning what about what", television heard over a "no";
    outside review 18 F4), never the caregiver leaving."""
    if command.kind != ENDING:
        return False
    said = {i for s in heard.spots for i in range(s.start, s.end)}
    # Only in the goodbye's own clause: "goodbye, I'm taking her to the doctor now" says why after it.
    unplaced = [i for i, w in enumerate(heard.tokens) if i not in said and w not in quiet
                and heard.clause(i) == heard.clause(command.start)]
    before = [i for i in unplaced if i < command.start]
    return len(unplaced) - len(before) > GOODBYE_TAIL or len(before) > GOODBYE_LEAD


def _an_amount(heard: Heard, command: Spot, amounts: frozenset[str], asking: frozenset[str]) -> bool:
    """Whether a one-word command is how much, inside the caregiver's story: right after a word of amount ("she's
    napping a lot more, it's hard to get her up", outside review 23 F1), and not asked of us ("can you go much
    slower"). A command is a short request to the assistant; a story that holds its word is still the story."""
    return (command.size == 1 and command.start > 0 and heard.tokens[command.start - 1] in amounts
            and not asked_first(heard, command, asking))


def asked_first(heard: Heard, command: Spot, asking: frozenset[str]) -> bool:
    """Whether ``command`` is asked of us first, a word that asks ("can you", "please") before it in its part and
    no words to the room before it: "can you talk a bit slower please, I'm holding her and I can't hear" and
    "can you go a bit faster, she won't sit still" give the reason after the request (answers_ba)."""
    room = heard.spots_of(OFF_TOPIC)
    return any(heard.tokens[i] in asking for i in range(command.start) if heard.clause(i) == heard.clause(
        command.start)) and not any(s.start < command.end for s in room)


def steering(heard: Heard, commands: Mapping[str, tuple[Phrase, ...]], negations: frozenset[str],
             fillers: frozenset[str], child: frozenset[str] = frozenset(),
             asking: frozenset[str] = frozenset(), quiet: frozenset[str] = frozenset(),
             amounts: frozenset[str] = frozenset()) -> tuple[str, str | None] | None:
    """``("command", id)`` or ``("off_topic", None)`` when the answer is a command or words to someone else;
    None when it is an answer. ``quiet``: words that may follow a goodbye (polite words); ``amounts``: words that
    make a one-word command right after them an amount ("napping a lot more")."""
    answer_size = heard.longest("yes", "no", "unsure")
    # A command word after a negation is what the child does, not a command ("she could not stop it"); after the
    # answer "no" said first ("no, slow down", "no start again") it is the command, unless the answer talks to
    # the room ("no, stop it, walk properly darling").
    answered = {s.end for s in heard.spots_of("no") if s.start == 0 and not heard.spots_of(OFF_TOPIC)}
    # Of two commands as long, the later: "hang on, slow down a bit" pauses, then asks for what it wants.
    command = max((s for s in heard.spots_of(*(f"command:{c}" for c in commands))
                   if not (s.start and heard.tokens[s.start - 1] in negations and s.start not in answered)
                   and not _an_amount(heard, s, amounts, asking)),
                  key=lambda s: (s.size, s.start), default=None)
    if command is not None and (paused_for_the_room(heard, command)):
        return OFF_TOPIC, None
    if command is not None and stray_noes(heard, command):
        return COMMAND, command.kind.split(":", 1)[1]
    if command is not None and goodbye_inside_talk(heard, command, fillers | quiet):
        command = None
    # A command said last ("ok that's all, bye bye") is what the caregiver wants now; one word inside a
    # longer answer ("then bad again") is a command only when it ends the talk.
    # "What do you mean by control? Can you repeat that?": in the last part, with nothing we know after it.
    last = command is not None and (command.end == len(heard.tokens) or (
        heard.clause(command.start) == heard.clause(len(heard.tokens) - 1) and not any(
            s.start >= command.end for s in [*heard.spots_of("yes", "no", "unsure", "well", "health"), *heard.about])
        and not any(m.end > command.end for m in heard.matches)))
    words = [w for w in heard.tokens if w not in fillers]
    # A sign's words found before the command, even someone else's or a likeness ("he walk funny, like old man,
    # slow and bent"), make it a description: a one-word command inside it is how the child is.
    described = command is not None and any(m.start < command.start for m in heard.matches)
    # Said of the child ("she's walking a bit slower", "he's a bit slower to answer"): how the child is, never a
    # command, whatever its length.
    # A word that asks ("please", "you") between them makes it a request again ("she's crying, please slow down").
    spoken_of = command is not None and any(
        heard.tokens[i] in child and heard.clause(i) == heard.clause(command.start)
        and not asking.intersection(heard.tokens[i:command.end])
        for i in range(max(0, command.start - CHILD_REACH), command.start))
    # A "no" that denies another sign ("I got that wrong, she doesn't have a fever") is still said with the command:
    # a correction, never a lone command (outside review 15, F4 came back with review 17's F3 fix).
    alone = not heard.about and not described and not heard.spots_of("yes", "no", "unsure", "well", "health",
                                                                      "off_topic", OTHER_SIGN_DENIED)
    plain = command is not None and not spoken_of and (command.size > 1 or len(words) <= SHORT_COMMAND_WORDS or alone
                                                        or (last and command.kind == ENDING))
    # "Nah, hang on, yeah she did": answer words after the command were the answer, the command a pause.
    answered_after = command is not None and any(s.start >= command.end for s in heard.spots_of("yes", "no", "unsure"))
    # So are words about the question or a sign after a pause ("hang on. she's breathing fine"): a pause then an
    # answer is the answer. Only after a pause with no other command after it: after "say that again" or "hold on,
    # skip the breathing one" they say what the command is about.
    paused = command is not None and command.kind == PAUSE and not any(
        s.start >= command.end for s in heard.spots_of(*(f"command:{c}" for c in commands)))
    answered_after = answered_after or (command is not None and paused and (
        any(s.start >= command.end for s in heard.about) or any(m.start >= command.end for m in heard.matches)))
    # "Sorry the dog's barking, hold on": a pause for something in the room is words to the room; the question
    # is asked again when the caregiver is back.
    if command is not None and plain and command.size > heard.longest("off_topic") and (
            last or (command.size >= answer_size and not answered_after)):
        return COMMAND, command.kind.split(":", 1)[1]
    if command is not None and plain and asked_first(heard, command, asking) and not answered_after:
        return COMMAND, command.kind.split(":", 1)[1]
    # News said first, then a word to the child ("he's got a runny nose and a cough since monday, shh baby"), or
    # to someone beside the caregiver before going on with it ("she's been pulling at her ear, Mum, let me say
    # it, pulling at her left ear"): the news was for us. Not a word of the order itself ("drink your water").
    news = heard.spots_of("health")
    room = heard.spots_of(OFF_TOPIC)
    told = bool(news and room) and (news[0].end < room[0].start or heard.clause(news[0].start) < heard.clause(
        room[0].start)) and not any(
        room[0].start <= n.start < room[-1].end for n in news)
    if heard.longest("off_topic") >= max(answer_size, 1) and not told:
        return OFF_TOPIC, None
    return None


ANSWERING = ("yes", "no", "unsure", "well", "health", "corrections", "yes_lead", "no_lead", "caregiver", "care")
"""Kinds that make words an answer, or news about the child, whatever else is said with them."""


def only_an_aside(heard: Heard, asides: tuple[Phrase, ...], asking: frozenset[str]) -> bool:
    """Whether the answer is only a remark about the caregiver's own situation ("Lord have mercy, I never thought
    I'd be talking to a phone", "ugh, the neighbours are drilling again, of all days"): an aside word, and no sign,
    no word about the question, no answer word or news, and no request longer than a word or asked ("ugh, can we
    just skip this"): a lone "again" inside it is no request. Said to nobody, it is no answer: asked again,
    nothing counted, as words to the room are."""
    said = list(find(heard.tokens, {"asides": asides}))
    inside = {i for s in said for i in range(s.start, s.end)}
    # An answer word inside the aside's own words ("good" in "good grief") answers nothing.
    answering = [s for s in heard.spots_of(*ANSWERING) if not set(range(s.start, s.end)) <= inside]
    if heard.matches or heard.about or answering or not said:
        return False
    return not any(s.kind.startswith(f"{COMMAND}:") and (s.size > 1 or asked_first(heard, s, asking))
                   for s in heard.spots)


def paused_for_the_room(heard: Heard, command: Spot) -> bool:
    """Whether a pause ("hold on", "hang on") is followed by words to the room and nothing that answers ("hold on,
    honey, Grandpa's talking to the computer"): the caregiver turned to someone else, so the words are to the
    room (asked again when they are back), not a request to us to stop."""
    if command.kind != PAUSE or heard.about or heard.matches:
        return False
    if heard.spots_of(*ANSWERING):
        return False
    return any(s.start >= command.end for s in heard.spots_of(OFF_TOPIC))

