"""Conversation state: description, the guided red-flag interview, guidance, commands.

Typed (``voicecare chat``) and spoken (``voicecare listen``) conversations share
this; it knows nothing of audio.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field, replace

from voicecare.conversation import (
    afterwards,
    alarm,
    another_way,
    asides,
    budget,
    by_ear,
    calling_911,
    closing,
    confirmed,
    corrections,
    denial,
    home_ending,
    interview,
    last_answer,
    misheard,
    no_again,
    other_child,
    parting,
    requested,
    said_of_others,
    said_why,
    spoken,
    unanswered,
    untold_signs,
    waiting,
    which_yes,
)
from voicecare.conversation.answers import ANYTHING_ELSE, Answer, AnswerKind, AnswerReader
from voicecare.conversation.turns import COMMAND_OF_ANSWER, control, control_with_stray, words_of
from voicecare.conversation.turns import State as State  # re-exported: callers import them from here
from voicecare.conversation.turns import Turn as Turn
from voicecare.domain import Basis, Finding, InterviewQuestion, Level, Message, MessageKind, Status, TriageResult
from voicecare.speech_out.tts import DEFAULT_RATE_WPM
from voicecare.understanding import triage
from voicecare.understanding.assistant import MAX_UTTERANCE_CHARS, Assistant
from voicecare.understanding.care import CareQuestion

DEFAULT_MAX_QUESTIONS = 4
"""Rule 5: a few questions at most; beyond these, only questions about emergency and urgent signs are asked."""
ALWAYS_ASKED = Level.URGENT
"""Questions at this level or higher are asked whatever the limit: every such sign is covered before advice."""
# Answer kinds, checked in this order: "no she doesn't" is a no, "not sure" is not a no.
ANSWER_ORDER = ("not_sure", "no", "yes")
QUIT = "quit"
"""The command that ends the conversation ("goodbye"): the caregiver asked to stop."""
COMMANDS = ("repeat", "stop", "start_over", "help", QUIT, "skip", "slower", "faster", *spoken.REQUESTS)


@dataclass
class Conversation:
    """One family's conversation; ``hear()`` takes a turn and returns what to say."""

    assistant: Assistant
    max_questions: int = DEFAULT_MAX_QUESTIONS
    found: list[Finding] = field(default_factory=list)
    state: State = State.LISTENING
    asked: list[InterviewQuestion] = field(default_factory=list)
    last_said: tuple[Message, ...] = ()
    last_spoken: tuple[Message, ...] = ()
    rate_wpm: float = DEFAULT_RATE_WPM
    """The speaking rate, for estimating how long an answer takes to say."""
    waiting: tuple[tuple[Message, ...], ...] = ()
    """Items of the last answer not said yet, given one at a time on request ("more")."""
    answered: Level | None = None
    """The disposition of the last answer, for "why"."""
    answer: tuple[Message, ...] = ()
    """The last answer in full."""
    reader: AnswerReader | None = None
    """Understands interview answers (built from the assistant when not given)."""
    asked_again: set[str] = field(default_factory=set)
    """Questions asked a second time after new information came instead of an answer."""
    explained: set[str] = field(default_factory=set)
    """Questions whose signs were explained once, asked what they mean (``interview.explained``)."""
    doubted: InterviewQuestion | None = None
    """The question whose unheard or unsure answer alone made an emergency: a plain "no" to it next takes that
    back."""
    yes_to: InterviewQuestion | None = None
    """The question whose "yes" alone made an emergency: "no, I did not say yes" next takes that back
    (``misheard.take_back_answer``)."""
    answering: InterviewQuestion | None = None
    """The question this turn answers: it may have left ``asked`` to be asked again for its other signs ("he's a
    bit hot" is a yes to fever only), so the last asked is not always the one whose answer made a 911."""
    answer_worded: bool = False
    """The unheard answer a 911 rests on had words, none understood (said "not understood", not "not heard")."""
    skipped: list[InterviewQuestion] = field(default_factory=list)
    """Questions the caregiver skipped: the summary says they were not asked (never "you said no")."""
    drawing: tuple[MessageKind, ...] = ()
    """What the last request drew from ("what do I do at home"): "more" goes on with it while some waits."""
    misheard: tuple[str, ...] = ()
    """Emergency signs that rest only on words voicecare doubted ("If I heard that wrong, tell me"): a correction
    next takes them back (``misheard``)."""
    heard_by_ear: bool = False
    """Turns are heard by a recogniser: a description's red-flag denial is left to the interview (``by_ear``)."""
    doubted_over: dict[str, Finding] = field(default_factory=dict)
    """What a sign heard only in a doubted reading replaced, by symptom id (a "no" said earlier): a correction of
    that reading brings it back (``misheard.take_back``)."""

    rival_no: bool = False
    """The recogniser's other reading of this turn was a "no": a yes read in it is doubted (``interview``)."""
    unconfirmed_no: str = ""
    """The answer model's reading of this turn, a "no" the other model did not hear: set aside, but said as heard
    (``no_again``)."""
    offering: bool = False
    """The last turn offered the next item of a list ("Say more for the next"): a "no" now stops the list, not the
    conversation (``requested.request`` sets it; it lasts one turn)."""
    called: bool = False
    """During a 911 the caregiver said the call is made or help is here: later turns are answered with what to do
    while waiting, and do not take the 911 back (``calling_911``)."""
    meant_yes: tuple[InterviewQuestion, InterviewQuestion, str] | None = None
    """After "actually yes" mid-interview: the question answered "no" before it, the question waiting and the yes's
    words, while "Did you mean yes to ...?" waits for its reply (``which_yes``; one turn)."""
    missed_in_row: int = 0
    """Turns in a row answered "Sorry, I missed that" (``another_way``)."""
    another_way_said: bool = False
    """Another way in was offered after several of them (once a conversation: ``another_way``)."""
    before_goodbye: tuple[tuple[Message, ...], tuple[Message, ...]] | tuple[()] = ()
    """What was said (in full, aloud) just before a goodbye after the advice: "repeat" after the goodbye says it."""
    denials_kept: tuple[Finding, ...] = ()
    """This turn's signs that a misreading or guess alone would have set present after the caregiver said no to them:
    the no kept, and said so (``denial``)."""
    child_gender: str = ""
    """The gender of the child asked about, from the caregiver's own child named ("my daughter"): a child of another
    named later is someone else (``other_child``)."""
    short_forms: dict[str, str] = field(default_factory=dict)
    """Shorter words for some things said ("I did not hear your answer about trouble breathing and other danger
    signs"), used only when a turn would go over its ceiling (``budget``)."""

    def __post_init__(self) -> None:
        if self.reader is None:
            self.reader = AnswerReader(self.assistant)

    @property
    def answers(self) -> AnswerReader:
        """The answer reader (always set after construction)."""
        assert self.reader is not None
        return self.reader
    care: tuple[CareQuestion, ...] = ()
    """The care question asked in the latest description, answered first and once."""

    def greet(self) -> Turn:
        """The opening words."""
        return self.turn("", [self.say("greeting")], None)

    def hear(self, text: str, unsure: Sequence[Finding] = (), *, rival_no: bool = False,
             unconfirmed_no: str = "") -> Turn:
        """Take the caregiver's next turn (an empty string is silence).

        ``unsure`` are red flags the recogniser heard only in an alternative
        reading or a partial result; they count, as unsure (rule 4).
        ``rival_no``: another reading of the turn was a "no": a yes in it is counted as a doubted yes (rule 14).
        ``unconfirmed_no``: the answer model heard this "no" and the other model did not (``readings``).
        """
        aside = self._other_childs(text)
        if aside is not None:
            return self._set_aside(text, aside, unsure, rival_no=rival_no, unconfirmed_no=unconfirmed_no)
        language = self.assistant.intents.language
        self.child_gender = self.child_gender or other_child.childs_gender(text, language.context, language.callers)
        self.rival_no, self.unconfirmed_no, self.denials_kept = rival_no, unconfirmed_no, ()
        return said_of_others.noted_when_said(self, text, denial.said_kept(self, self._heard(text, unsure)))

    def _heard(self, text: str, unsure: Sequence[Finding]) -> Turn:
        waiting = calling_911.heard(self, text, unsure)  # "I called 911, they are on the way" (outside review 16 F4)
        if waiting is not None:
            self.offering = False
            return self.within_ceiling(waiting)
        calling = self.state is State.EMERGENCY
        before = said_why.Before.of(self)
        fresh = self._withdrawn(self._hear(text, unsure), calling=calling)
        turn = said_why.again(self, fresh, before)
        how = self.assistant.intents.messages.get("conversation.correct_how")
        if calling and how and turn.state is State.EMERGENCY and corrections.vague(self, text):
            # "No", "that's wrong": the 911 stands (no sign named), said with how to correct it (``corrections``)
            # when that fits the 911's ceiling (a 911 naming many signs says what it rests on instead). That line
            # alone says how: "If I heard that wrong, tell me", "I did not hear a no" (to a "no") and "I say this
            # again because of <the sign just named>" beside it made three correction lines, 15.0-15.7 s spoken.
            base = corrections.without_offers(self, fresh)
            if {m.text for m in base.said_aloud} | {how} <= set(before.said):
                # The same "no" again: the same turn would sound unheard (said_why); why it stands, in few words.
                base = asides.with_note(base, self.notes().said_again.get("still_vague", ""), last=True,
                                        kind=MessageKind.CONFIRM)
            shown = asides.with_note(base, how, last=True, kind=MessageKind.CONFIRM)
            if budget.over(shown.said_aloud, Level.EMERGENCY, self.assistant.intents, self.rate_wpm) <= 0:
                turn = self.with_note(base, how, last=True, kind=MessageKind.CONFIRM)
        turn = another_way.noted(self, turn)  # several "Sorry, I missed that" in a row: another way in, once
        return self.within_ceiling(turn, said_why.hedges_said_before(turn.said_aloud, before))

    def _other_childs(self, text: str) -> other_child.Aside | None:
        """What ``text`` says of another child than this one, when that is to be set aside (``other_child``): in the
        interview or after the advice, a sign told of them, and no 911 among what they have."""
        if self.state not in (State.INTERVIEW, State.ANYTHING_ELSE) or \
                not self.assistant.intents.messages.get("conversation.other_childs"):
            return None  # a language without the words to say so reads the turn whole, as before
        language = self.assistant.intents.language
        aside = other_child.set_aside(text, self.child_gender, language.context, language.callers)
        if aside is None:
            return None
        theirs = self.assistant.understand(aside.theirs)
        if not any(f.status is Status.PRESENT for f in theirs):
            return None  # nothing of theirs would have counted: the turn is read as it was said
        if triage.triage(theirs, self.assistant.intents, disclaimer=False).disposition is Level.EMERGENCY:
            return None  # never at the cost of a 911 (rule 3): read whole, as before
        return aside

    def _set_aside(self, text: str, aside: other_child.Aside, unsure: Sequence[Finding], *, rival_no: bool,
                   unconfirmed_no: str) -> Turn:
        """The turn ``text`` answered without what it said of another child, saying so briefly (rules 9 and 14)."""
        note = self.assistant.intents.messages["conversation.other_childs"].format(who=aside.who)
        if not self.assistant.intents.language.tokens(aside.kept):
            asking = self.question_said(self.asked[-1]) if self.state is State.INTERVIEW and self.asked else \
                self.say("anything_else")
            said = Message(Level.UNCLEAR, MessageKind.OTHER, note)
            return self.within_ceiling(self.turn(text, [said, asking], None))
        turn = self.hear(aside.kept, unsure, rival_no=rival_no, unconfirmed_no=unconfirmed_no)
        calling = turn.disposition is Level.EMERGENCY
        # Within the turn's ceiling as every turn: the note beside an answer's action and warning signs made a 24 s
        # turn (scripted caregivers, answers_y), the rest waits for "more".
        return self.within_ceiling(self.with_note(replace(turn, heard=text), note, last=calling, kind=MessageKind.OTHER))

    def _withdrawn(self, turn: Turn, *, calling: bool) -> Turn:
        """``turn`` saying that the 911 is withdrawn, when this turn took back a 911 (``calling``)."""
        note = self.notes().taken_back
        if not calling or turn.command is not None or Level.EMERGENCY in (turn.disposition, self.result().disposition):
            return turn
        if turn.state is State.DONE or note in [m.text for m in turn.said_aloud]:
            return turn
        # Whatever took the 911 back ("he is not groggy" as well as "no"), the caregiver hears that it is withdrawn:
        # the interview went on with its next question as if 911 had never been said (outside review 9).
        return self.with_note(turn, note, last=False)

    def within_ceiling(self, turn: Turn, briefly: Mapping[str, str] | None = None) -> Turn:
        """``turn`` as it is to be said: within its ceiling (``budget``), what is left out waiting for "more";
        ``briefly``: shorter words for some of its messages this turn only (``said_why.hedges_said_before``)."""
        said = turn.said_aloud
        calling = turn.disposition is Level.EMERGENCY or any(m.kind is MessageKind.EMERGENCY for m in said)
        # What was asked for ("what did you hear?", "more") is said in whole sentences, the rest on "more": put back
        # whole to wait, a read-back longer than the ceiling made "more" give the short one again, for ever; let
        # through unfitted, "what did you hear?" took 22-37 s (outside review).
        fitted = budget.fit(said, Level.EMERGENCY if calling else turn.disposition, self.found,
                            self.assistant.intents, self.rate_wpm, {**(briefly or {}), **self.short_forms},
                            asked=turn.command in spoken.REQUESTS,
                            held=[self.say("help").text] if turn.command == "help" else ())
        if fitted.now == said:
            return turn
        self.waiting = (*fitted.waiting, *self.waiting)
        self.last_spoken = fitted.now
        return replace(turn, spoken=fitted.now)

    def _hear(self, text: str, unsure: Sequence[Finding]) -> Turn:
        self.care, self.answering = (), None
        offering, self.offering = self.offering, False
        if self.state is State.EMERGENCY and not unsure:
            # "She is breathing fine": a clear correction of a call-911 sign settles it (rule 9; ``corrections``).
            corrected = corrections.take_back(self, text)
            if corrected is not None:
                return corrected
        waited = None if unsure else waiting.asked(self, text)  # "what do I do while I wait?" (``waiting``)
        if waited is not None:
            return waiting.answer(self, text, waited)
        command = self._control(text, COMMANDS) or control_with_stray(self.assistant.intents, text, COMMANDS)
        # "huh?" before anything was said has nothing to repeat: it is an unclear turn (rule 7 names the 911 signs).
        if command is not None and not unsure and (command != "repeat" or self.last_said):
            return self.obey(text, command)
        doubted, yes_to, signs = self.doubted, self.yes_to, self.misheard
        taken_back = self._taken_back(text, emergency=not unsure and self.state is State.EMERGENCY)
        if taken_back is not None:
            return taken_back
        earlier = list(self.found)
        self.merge(unsure)
        if self.state is State.EMERGENCY:
            # Not a correction ("what?", a misheard word): a "no" later still takes back a 911 resting on the same
            # unheard answer (``respond`` checks it still does). Kept only for one turn, a family was left with a
            # 911 call it had taken back and every later turn answered "Call 911 now" (an outside review).
            self.doubted = doubted
            # So does a correction of doubted signs: the 911 said again offers it again ("If I heard that wrong").
            self.misheard, self.yes_to = signs, yes_to if signs else None
            confirmation = None if unsure else confirmed.confirm(self, text, signs, doubted)
            if confirmation is not None:
                return confirmation
            if not unsure and self._asks_why(text):
                # "Why are you asking?", "why 911?": why, in one sentence after the call, not the whole 911 turn again
                # (a correction or a "no" that takes it back was tried first, and may still come next).
                return self.obey(text, "why")
        # The reply to "Did you mean yes to ...?", asked after an "actually yes" mid-interview (``which_yes``).
        meant = None if unsure else which_yes.reply(self, text, earlier)
        if meant is not None:
            return meant
        # "Sorry, I meant yes": the last answer answered, not the question waiting (rule 9; review 19 F2).
        relived = None if unsure else last_answer.apply(self, text) or which_yes.ask(self, text)
        if relived is not None:
            return relived
        if self.state is State.INTERVIEW:
            return interview.answer(self, text, earlier)
        advised = self.result().disposition if self.state is State.ANYTHING_ELSE and self.asked else None
        if self.state is State.ANYTHING_ELSE and not unsure:
            closing = self._anything_else(text, offering=offering)
            if closing is not None:
                return closing
        if not unsure and afterwards.nothing_told(self, text):
            # A plain "no" to "please tell me again" is no "that's all": nothing is known of the child yet, so the
            # conversation goes on, saying so (outside review 17 F9); a second one, or "no, that's all", ends it.
            untold = self.say("nothing_told")
            if afterwards.plain_no(self, text) and untold.text not in [m.text for m in self.last_said]:
                return self.turn(text, [untold], None)
            return self.closed(text)  # "no, that's all" with nothing told: heard, so not "Sorry, I missed that"
        if not self.assistant.intents.language.tokens(text) and not unsure:
            return self.turn(text, [self.say("listening")], None)
        understood = self.answers.understand(text)
        self.merge(self.doubted_by_ear(by_ear.settled_by_ear(understood)) if self.heard_by_ear else understood)
        self.care = self.assistant.care_questions(text, on_topic=any(f.status is Status.PRESENT for f in self.found))
        if advised is not None:
            # A sign told after the advice is said back with what it means before any question it reopens (rules
            # 12 and 13), as news in the interview is: "she has a fever" then only asked about the heart.
            told = {f.symptom.id for f in earlier if f.status is Status.PRESENT}
            return self.respond(text, news=[f for f in self.found if f.status is Status.PRESENT
                                            and f.symptom.id not in told], before=advised)
        if self.state is State.EMERGENCY:  # a lesser sign told during a 911 is said back (``alarm.told``)
            told = {f.symptom.id for f in earlier if f.status is Status.PRESENT}
            return self.respond(text, news=[f for f in self.found if f.status is Status.PRESENT
                                            and f.symptom.id not in told])
        if triage.triage(self.found, self.assistant.intents, disclaimer=False).disposition is Level.EMERGENCY:
            # A description that is a 911 says its lesser warning signs back after it ("she has a fever, and now
            # she's very confused": fever), never counts them silently (rules 12 and 14; outside review 21, F10).
            told = {f.symptom.id for f in earlier if f.status is Status.PRESENT}
            return self.respond(text, news=[f for f in self.found if f.status is Status.PRESENT
                                            and f.symptom.id not in told and f.symptom.level < Level.HOME_CARE])
        return self.respond(text)

    def doubted_by_ear(self, found: Iterable[Finding]) -> tuple[Finding, ...]:
        """``found`` as a recogniser's turn is counted: an emergency sign heard in one word only as a doubt
        (``by_ear``); typed, as it is."""
        if not self.heard_by_ear:
            return tuple(found)
        return by_ear.one_word_doubted(found, lambda heard: len(words_of(self.assistant.intents, heard)))

    def _taken_back(self, text: str, *, emergency: bool) -> Turn | None:
        """The answer when ``text`` takes back an emergency that rested on doubted words or on one answer (rule 9:
        the later statement wins); None when it does not. What could be taken back lasts one turn."""
        signs, doubted, yes_to = self.misheard, self.doubted, self.yes_to
        self.misheard, self.doubted, self.yes_to = (), None, None
        if not emergency:
            return None
        if signs:
            # Whichever answer the 911 also rested on: one not understood (``doubted``) or a grouped yes (``yes_to``).
            return misheard.take_back(self, text, signs, doubted if doubted is not None else yes_to)
        if doubted is not None:
            return interview.take_back(self, text, doubted) or misheard.take_back_answer(
                self, text, doubted, (Basis.UNHEARD, Basis.UNSURE, Basis.GUESSED), needs_no=True) or no_again.answer(
                self, text, doubted)  # "no if": never "I did not hear a no"; the second time a no (review 18 F2)
        if yes_to is not None:
            return misheard.take_back_answer(self, text, yes_to, (Basis.ANSWERED,))
        return None

    def _asks_why(self, text: str) -> bool:
        """True when the answer reader reads ``text`` as the request "why" ("why are you asking?", "but why?")."""
        question = self.asked[-1].id if self.asked else ANYTHING_ELSE
        answer = self.answers.read(question, text)
        return answer.kind is AnswerKind.COMMAND and answer.command == "why"

    def command_of(self, text: str) -> str | None:
        """The command ``text`` is, when the whole of it is one ("slower", "tell me more")."""
        return self._control(text[:MAX_UTTERANCE_CHARS], COMMANDS)

    def obey(self, text: str, command: str) -> Turn:
        """Carry out a command (``COMMANDS``) said as the turn."""
        if command == "repeat":
            return requested.repeat(self, text)
        if command in (spoken.HEARD, misheard.HEARD_WRONG):
            # "That's wrong" with nothing to take back: what was understood, so the caregiver can say what is not
            # right (it was silence, as if "stop" had been said).
            return requested.heard(self, text)
        if command in spoken.REQUESTS:
            return requested.request(self, text, command)
        if command == "start_over":
            self.found, self.asked, self.state, self.skipped = [], [], State.LISTENING, []
            self.doubted_over, self.called, self.child_gender = {}, False, ""
            self.waiting, self.answered, self.answer = (), None, ()
            return self.turn(text, [self.say("start_over")], None, command)
        if command == QUIT and self._doubted_goodbye(text):
            return self._confirm_goodbye(text)
        if command == QUIT:
            return self._leave(text, command)
        if command == "help":
            # An outside review: "help" in a 911 dropped the 911, and in the interview the question waiting.
            if self.state is State.EMERGENCY:
                helping = self.say("help").text
                if self.notes().emergency_help:  # the whole help took the 911 turn over its ceiling (rule 13)
                    self.short_forms[helping] = self.notes().emergency_help
                return replace(self.with_note(self.respond(text), helping, last=True), command=command)
            asking = [self.question_said(self.asked[-1])] if self.state is State.INTERVIEW and self.asked else []
            return self.turn(text, [self.say("help"), *asking], None, command)
        if command == "skip" and self.state is State.INTERVIEW:
            return interview.skip(self, text)
        if command == "skip" and self.state is State.EMERGENCY:
            # Nothing to skip: the emergency is said again (silence there would leave the caregiver unsure), as
            # any 911 turn says it: with what it rests on and how to take it back (rule 14). On an unclear answer,
            # briefly that it cannot be skipped and that a "no" is what is needed (``interview.not_skipped``).
            return interview.not_skipped(self, text) or replace(self.respond(text), command=command)
        if command == "skip":
            return self.turn(text, [self.say("listening")], None, command)
        if command in ("slower", "faster"):
            return requested.said_again(self, text, command)
        # stop: the speaker acts on it; nothing new is said.
        return Turn(text, (), self.state, None, command)

    def _leave(self, text: str, command: str | None) -> Turn:
        """The goodbye. Leaving before the advice: its action and what it rests on first (``parting``; outside
        review 14 F3)."""
        leaving = self.state in (State.INTERVIEW, State.EMERGENCY)
        # "Repeat" after the goodbye says the last advice again, not the goodbye (outside review 20); a goodbye
        # during the questions says the advice itself (``parting``), so that turn is the one said again.
        self.before_goodbye = () if leaving else (self.last_said, self.last_spoken)
        if leaving and self.state is State.INTERVIEW:
            interview.left_unclear(self)
        # An answer asked again because its words told nothing had words: "not understood", never "not heard".
        worded = self.answer_worded or any(k.startswith(interview.UNCLEAR_NEWS) for k in self.asked_again)
        said = calling_911.goodbye(self, text) or (parting.goodbye(
            self.advice(), self.found, self.assistant.intents, self.rate_wpm, worded=worded)
            if leaving else [self.say("goodbye")])
        self.state = State.DONE
        return self.turn(text, said, None, command)

    def input_ended(self) -> Turn | None:
        """What is said when the input ends (piped chat at its last line) while a question or a 911 waits: the same
        standing action and call-911 signs as "goodbye" (rule 11; outside review 21 F15: the chat stopped after the
        first question, silent, exit 0). None when nothing waits (the advice was given, or nothing was told)."""
        if self.state not in (State.INTERVIEW, State.EMERGENCY):
            return None
        return self._leave("", None)

    def _doubted_goodbye(self, text: str) -> bool:
        """True when a goodbye before the advice may not be one, and was not asked about last turn: asked ("Goodbye?"),
        found among other words (a television's "over and out and went morning"), or said during a 911 nobody said
        was called (outside review 18 F4: the session ended, the caregiver's later turns dropped)."""
        confirm = self.notes().said_again.get("stop_confirm", "")
        if not confirm or self.state not in (State.INTERVIEW, State.EMERGENCY):
            return False
        if confirm in [m.text for m in self.last_said]:
            return False  # the goodbye said again: it is meant
        whole = self._control(text[:MAX_UTTERANCE_CHARS], (QUIT,)) is not None
        return not whole or text.rstrip().endswith("?") or (self.state is State.EMERGENCY and not self.called)

    def _confirm_goodbye(self, text: str) -> Turn:
        """Asked whether to stop: after the 911 (rule 3: it comes first) or before the question waiting."""
        confirm = Message(Level.UNCLEAR, MessageKind.CONFIRM, self.notes().said_again["stop_confirm"])
        if self.state is State.EMERGENCY:
            return replace(self.with_note(self.respond(text), confirm.text, last=True, kind=MessageKind.CONFIRM),
                           command=None)
        return self.turn(text, [confirm, self.question_said(self.asked[-1])], None)

    def _anything_else(self, text: str, *, offering: bool = False) -> Turn | None:
        """"No" ends the conversation, "yes" invites more; anything else is a new description. While a list's next
        item is offered (``offering``), "no" stops the list and "is there anything else?" is asked again."""
        answer = self.answers.read(ANYTHING_ELSE, text)
        if answer.kind is AnswerKind.COMMAND and answer.command is not None:
            return self.obey(text, COMMAND_OF_ANSWER.get(answer.command, answer.command))
        if answer.kind is AnswerKind.OFF_TOPIC:
            return self.turn(text, [self.say("anything_else")], None)
        if self._not_understood(text, answer):
            # Words with nothing understood in them ("goodbye" heard as "our") reopened the questions after the
            # advice (outside review 9): the advice stands, and the question is asked again, saying why.
            missed = Message(Level.UNCLEAR, MessageKind.UNCLEAR, self.assistant.intents.messages["unclear"])
            return self.turn(text, [missed, self.say("anything_else")], None)
        self.state = State.LISTENING
        if answer.findings:
            return None
        if answer.kind is AnswerKind.NO and offering and not afterwards.says_all_told(self, text):
            # "More." heard as "nah" ended the conversation and the rest of the home care was never said (outside
            # review 13 F11): the "no" answered the offer, not "anything else?", which is asked now. A "no" that says
            # all was told ("no that's it thanks") answers both: the goodbye (outside review 23 F9, said twice).
            self.state = State.ANYTHING_ELSE
            return self.turn(text, [self.say("list_stopped"), self.say("anything_else")], None)
        if answer.kind is AnswerKind.NO:
            self.state = State.DONE
            return self.turn(text, [self.say("goodbye")], None)
        if answer.kind is AnswerKind.YES and not answer.news:
            return self.turn(text, [self.say("go_ahead")], None)
        return None  # anything else is a new description (and silence or the unclear, rule 7, are handled there)

    def closed(self, text: str) -> Turn:
        """The goodbye said again for ``text``, a "no" or goodbye heard after the conversation ended: every turn
        heard gets a reply (outside review 13 F11), and it starts no new conversation."""
        self.state = State.DONE
        return self.turn(text, [self.say("goodbye")], None)

    def _not_understood(self, text: str, answer: Answer) -> bool:
        """True when ``text``, said after "anything else?", holds words but neither an answer, a sign, nor a care
        question (silence is not this: it is answered as listening)."""
        # To "anything else?" the reader takes words it cannot place as news (a yes saying what the thing is).
        if answer.kind not in (AnswerKind.UNSURE, AnswerKind.YES) or answer.findings or answer.silent:
            return False
        if answer.kind is AnswerKind.YES and not answer.news:
            return False
        if not self.assistant.intents.language.tokens(text):
            return False
        return not self.answers.understand(text) and not self.assistant.care_questions(text, on_topic=True)

    def settled(self, question: InterviewQuestion) -> set[str]:
        """The question's signs already said to be there or not (one only a doubted reading held is still asked
        about: rule 4's "may be confirmed afterwards")."""
        return {f.symptom.id for f in self.found if f.symptom.id in question.symptoms
                and f.status in (Status.PRESENT, Status.ABSENT) and not misheard.doubted(f)}

    def answered_now(self) -> InterviewQuestion:
        """The question whose answer this turn was (the one asked last when no answer was read)."""
        return self.answering or self.asked[-1]

    def notes(self) -> spoken.SpokenRules:
        """The language's spoken rules; without them, none of their notes (each text empty)."""
        return self.assistant.intents.spoken or spoken.SpokenRules({}, 0.0, {}, {}, {})

    def with_note(self, turn: Turn, note: str, *, last: bool, kind: MessageKind = MessageKind.CONVERSATION) -> Turn:
        noted = asides.with_note(turn, note, last=last, kind=kind)
        if noted.disposition is not None:  # a note may take an answer over its budget (rule 13): the short lists
            noted = replace(noted, spoken=unanswered.short_lists(noted.said_aloud, self.found, self.assistant.intents,
                                                                 self.rate_wpm, noted.disposition))
        self.last_said, self.last_spoken = noted.messages, noted.said_aloud
        return noted

    def question_said(self, question: InterviewQuestion) -> Message:
        """The question as asked now: narrowed to the signs not settled yet (``unanswered.narrowed``)."""
        return unanswered.narrowed(question, self.settled(question), self.assistant.intents)

    def respond(self, text: str, *, news: Sequence[Finding] = (), before: Level = Level.UNCLEAR) -> Turn:
        """The answer to what was understood so far: an emergency, the next question, or the guidance.

        ``news``: signs told during the interview beside the answer or instead of it, when the disposition was
        ``before``: said back briefly, with what they mean, before the next question (``unanswered.news``)."""
        result = self.result()
        if result.disposition is Level.EMERGENCY:
            return alarm.told(self, alarm.emergency(self, text, result), news)
        return self._below_emergency(text, result, news, before)

    def _below_emergency(self, text: str, result: TriageResult, news: Sequence[Finding], before: Level) -> Turn:
        """The next question, or the guidance once none is left; the unclear answer when nothing was understood."""
        if result.disposition is Level.UNCLEAR:
            if self.state is State.INTERVIEW and not self.asked:
                # Nothing left to ask about (a care question's interview whose one unclear answer was taken back):
                # waiting for an answer with no question asked, the next turn crashed (an explored conversation).
                self.state = State.LISTENING
            return self.turn(text, list(result.messages), result.disposition)
        question = self._next_question()
        if question is None:
            return self.guidance(text)
        # Before the first question: the care answer, what was heard, and the disclaimer if this answer was to
        # carry it (rule 8: said once; the advice that would have carried it waits for the answers). A care
        # question asked during the interview is answered before the next question.
        kept = (MessageKind.READBACK, MessageKind.DISCLAIMER)
        first = not self.asked and not self.asked_again  # a question asked again is not a new interview
        cared = [m for m in result.messages if m.kind is MessageKind.CARE_ANSWER]
        fixed = [m for m in result.messages if m.kind in kept and first]
        if first and result.disposition <= unanswered.URGENT_NOW:
            # Rule 13: the first answer to a description is the action ("call the doctor right away"), before the
            # questions that may raise it (an outside review heard it only 4-5 turns later); never lowered by them.
            action = [m for m in result.messages if m.kind is MessageKind.INSTRUCTION][:1]
            fixed = [m for m in fixed if m.kind is MessageKind.READBACK] + action + [
                m for m in fixed if m.kind is not MessageKind.READBACK]
        intro = [self.say("interview_intro")] if first else []
        if news and not first:
            fixed, intro = unanswered.news(news, result, before, self.assistant.intents)
        self.care = ()  # answered now; the guidance after the questions does not repeat it
        self.asked.append(question)
        self.state = State.INTERVIEW
        # Rule 13: within the opening budget; a long care answer's rest waits for "more".
        rules = self.assistant.intents.spoken
        # News mid-interview is no opening: its turn may take what any answer's turn may (turn_seconds).
        budget = rules.turn_seconds if news and not first and rules is not None else None
        said = unanswered.compact_opening(fixed, [*cared, self.question_said(question)], self.found,
                                          self.assistant.intents, self.rate_wpm, budget)
        planned = spoken.opening(cared, said, intro, self.question_said(question), rules, self.rate_wpm,
                                 budget=budget)
        turn = self.turn(text, [*spoken.with_care(cared, fixed), *intro, self.question_said(question)], None)
        whole = tuple(m for m in fixed if m not in said)  # the whole read-back, said on "more"
        self.waiting = (*planned.waiting, *((whole,) if whole else ()))
        self.answered, self.answer = result.disposition, turn.messages
        self.drawing = ()
        self.last_spoken = planned.now
        return Turn(text, turn.messages, self.state, result.disposition, None, planned.now)

    def guidance(self, text: str) -> Turn:
        """The advice once the interview is over, then "is there anything else?"."""
        result = self.advice()
        self.state = State.ANYTHING_ELSE
        messages = [*result.messages, self.say("anything_else")]
        # Signs of a question answered by naming another of them were not told: never "your other answers were no".
        messages = untold_signs.with_untold(messages, self.found, [q for q in self.asked if q not in self.skipped],
                                      self.assistant.intents)
        # Every question answered, home care: its steps first on "more" (``home_ending``; outside review 14 F12).
        # After a skip the call-the-doctor signs nobody was asked about come first, as they did.
        home = result.disposition is Level.HOME_CARE and not self.skipped
        if home:
            messages = home_ending.with_unchecked_line(messages, self.assistant.intents)
        skipped = bool(self.skipped) and result.disposition is not Level.EMERGENCY
        turn = self.turn(text, self._with_skipped(messages) if skipped else messages, result.disposition)
        # After a skip too, the ending says what was counted and how (rules 12 and 14), with the note that questions
        # were skipped, and the call-911 signs (rule 11), in the longest forms that fit the turn (rule 13).
        note = self.assistant.intents.messages["conversation.not_asked"]
        noted = tuple(m for m in turn.messages if m.kind is MessageKind.READBACK and m.text == note)
        # The home-care offer is measured as it will be said ("say more for home care", ``home_ending``): measured as the
        # offer it replaces, the ending had no room for it (rule 13, outside review 17 F12).
        planned = home_ending.offering_steps(turn.said_aloud, self.notes().offers) if home else turn.said_aloud
        now = closing.closing(planned, turn.messages, result.disposition, self.found, self.assistant.intents,
                              self.rate_wpm, noted=noted)
        if now is None and noted:  # no budget to fit them in: the call-911 list said at once comes first
            now = tuple(m for m in turn.said_aloud if m.kind is not MessageKind.READBACK)
        if now is None and not home:
            return turn
        if now is not None:
            self.waiting = closing.waiting(self.waiting, turn.messages, now)
        else:
            now = turn.said_aloud
        if home:  # "more" gives what to do at home first, the lists said again after it
            self.waiting = home_ending.steps_first(self.waiting)
            now = home_ending.offering_steps(now, self.notes().offers)
        elif skipped and result.disposition is Level.HOME_CARE:
            # After a skip the signs nobody was asked about come first, then what to do at home: the read-back said
            # again came before any step (outside review 17 F12: three "more"s to the first step).
            self.waiting = home_ending.steps_first(self.waiting, after=(MessageKind.WARNING,))
        self.last_said, self.last_spoken = turn.messages, now
        return replace(turn, spoken=now)

    def _with_skipped(self, messages: list[Message]) -> list[Message]:
        """After a skip: the emergency and urgent signs nobody answered about (see ``unanswered``)."""
        signs = [s for q in [*self.skipped, *self.pending()] if q.level <= ALWAYS_ASKED for s in q.symptoms
                 if s not in self.settled(q)]
        return unanswered.with_unanswered(messages, signs, self.assistant.intents)

    def result(self) -> TriageResult:
        """Triage of everything counted so far."""
        return self.assistant.triage(self.found, self.care)

    def advice(self) -> TriageResult:
        """Triage of everything counted, as the advice says it: "It is not an emergency" only once the call-911
        signs were asked about (``parting.honest_follow_up``)."""
        return parting.honest_follow_up(self.result(), self.found, self.assistant.intents)

    def _next_question(self) -> InterviewQuestion | None:
        """The most serious question not yet asked; past the limit, only emergency and urgent ones; after a
        skip, none (``_skip`` asks the 911 ones)."""
        pending = self.pending()
        if self.skipped:
            pending = [q for q in pending if q.level is Level.EMERGENCY]
        return min(pending, key=lambda q: q.level, default=None)

    def pending(self) -> list[InterviewQuestion]:
        """The questions not asked yet whose signs are not all settled (past the limit, emergency and urgent)."""
        answered = {f.symptom.id for f in self.found
                    if f.status in (Status.PRESENT, Status.ABSENT) and not misheard.doubted(f)}
        topics = {f.symptom.topic for f in self.found}
        if self.care and not topics:
            # A care question alone ("how long do I ice her back?") is about the topics loaded: the red-flag
            # questions still come before any home-care advice.
            topics = {t.id for t in self.assistant.intents.topics}
        pending = [
            q for t in self.assistant.intents.topics if t.id in topics for q in t.interview
            if q not in self.asked and not set(q.symptoms) <= answered
        ]
        if len(self.asked) >= self.max_questions:
            pending = [q for q in pending if q.level <= ALWAYS_ASKED]
        return pending

    def merge(self, new: Iterable[Finding]) -> None:
        """Later statements replace earlier ones about the same symptom (rule 9); a guess never replaces a statement,
        but an emergency read from words said now does ("her breathing is really bad" after a "no" to breathing:
        rule 4, and a "no" to the 911 brings the earlier answer back, ``doubted_over``; outside review 12 F2)."""
        for finding in new:
            old = next((f for f in self.found if f.symptom.id == finding.symptom.id), None)
            if old is not None and not triage.replaces(old.status, finding.status):
                continue
            if old is not None and denial.overridden_by_doubt(old, finding):
                # "No fever", then fever only in a misreading or a guess: the caregiver's no stands, said so aloud
                # (``hear``); a 911 sign is never dropped so (outside review 20).
                self.denials_kept = (*self.denials_kept, finding)
                continue
            if old is not None and finding.basis is not Basis.SAID and old.basis is Basis.SAID and not (
                    finding.basis is Basis.GUESSED and finding.symptom.level is Level.EMERGENCY):
                continue
            if old is not None:
                self.found.remove(old)
                self._replaced(old, finding)
            self.found.append(finding)

    def _replaced(self, old: Finding, new: Finding) -> None:
        """Keep what a doubted reading replaced (a "no" said before it): a correction brings it back."""
        if not misheard.doubted(new):
            self.doubted_over.pop(new.symptom.id, None)
        elif not misheard.doubted(old):
            self.doubted_over[new.symptom.id] = old

    def whole_answer(self, text: str) -> bool:
        """True when the whole of ``text`` is an answer word or a command ("no", "not sure", "stop")."""
        return self._control(text, (*ANSWER_ORDER, *COMMANDS)) is not None

    def answer_kind(self, text: str) -> str | None:
        """yes, no, not_sure, or a command word, when ``text`` is one."""
        return self._control(text, (*ANSWER_ORDER, *COMMANDS), prefix=True)

    def _control(self, text: str, kinds: Sequence[str], *, prefix: bool = False) -> str | None:
        return control(self.assistant.intents, text, kinds, prefix=prefix)

    def say(self, key: str) -> Message:
        """The conversation message ``key`` (messages.toml ``[conversation]``)."""
        return Message(Level.UNCLEAR, MessageKind.CONVERSATION, self.assistant.intents.messages[f"conversation.{key}"])

    def turn(self, text: str, messages: Sequence[Message], level: Level | None, command: str | None = None) -> Turn:
        """The turn saying ``messages``; an answer (``level`` set) is planned short, the rest kept for "more"."""
        now = tuple(messages)
        if level is not None:  # an answer: say the short part, keep the rest for "more" (a new answer replaces it)
            planned = spoken.plan(messages, level, self.assistant.intents.spoken, self.rate_wpm, findings=self.found)
            planned = replace(planned, now=unanswered.short_lists(planned.now, self.found, self.assistant.intents,
                                                                  self.rate_wpm, level))
            now, self.waiting, self.answered, self.answer = planned.now, planned.waiting, level, tuple(messages)
            self.drawing = ()  # "more" after a new answer is its next item, whatever was asked for before
        self.last_said, self.last_spoken = tuple(messages), now
        return Turn(text, tuple(messages), self.state, level, command, now)
