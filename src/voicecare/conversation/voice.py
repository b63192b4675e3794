"""The spoken conversation: turns of audio in, the dialog in the middle, speech out.

Used by ``voicecare listen`` (at home, hands-free), by its replay from
recorded files, and by ``voicecare kiosk``. Audio sources and speakers are
injected, so tests drive the same loop with recorded files and a fake
speaker.
"""

from __future__ import annotations

import copy
import dataclasses
import itertools
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field

from voicecare.conversation import afterwards, readings, spoken, voiced
from voicecare.conversation.dialog import QUIT, Conversation, State, Turn
from voicecare.conversation.turns import COMMAND_OF_ANSWER
from voicecare.domain import Basis, Finding, Level, Message, MessageKind, Status
from voicecare.interfaces import Expectation, Recognizer, Transcript, WakeListener, Woken
from voicecare.speech_in import lm, pipeline, stt, wake
from voicecare.speech_in.audio import AudioChunk
from voicecare.speech_in.early_reply import PROVISIONAL_SECONDS, EarlyReplies, ask_again_wait
from voicecare.speech_in.vad import DEFAULT_VAD, SpeechDetector, Vad, detector
from voicecare.speech_out.tts import Speaker
from voicecare.understanding.assistant import Assistant

ECHO_SECONDS = 3.0
"""How long after voicecare said something the microphone may still hear it (room echo)."""
ECHO_SHARE = 0.6
"""A heard turn whose words are mostly in what voicecare just said is its own voice."""
ECHO_SHORTEST = 3
"""Letters of the shortest word counted (short ones, "is", "or", "a", are in whatever was said)."""
EARLY_KINDS = frozenset({MessageKind.READBACK, MessageKind.QUESTION, MessageKind.CONVERSATION, MessageKind.DISCLAIMER})
"""What a reply may start with before the turn has surely ended: what was heard, a question, the disclaimer.
Never a level's instruction or advice: those wait for the whole turn (on partial results in noise, "You can care
for this at home." was said a second before the whole turn's "Call 911 now.")."""
QUESTION_HEARD_SECONDS = 0.5
"""Speech that starts before the reply's question has been said this long cannot answer it (nobody answers a
question from its first words): it is more of what the caregiver was saying, and joins their last turn. A parent
holding a crying child pauses 1.5 s mid-description, the documented end of a turn; the rest, heard as the answer
to the 911 question being read back, called 911 (outside review 13, F7)."""
ANSWER_KINDS = ("yes", "no", "not_sure", "skip", "repeat", "stop", "start_over", "help", "quit", "slower", "faster",
                *spoken.REQUESTS)


@dataclass(frozen=True)
class VoiceSettings:
    """How the spoken conversation behaves."""

    wake_phrase: str | None = None
    """When set, a new session starts only when this is heard (an emergency is acted on regardless)."""
    reset_after: float = 120.0
    """Seconds of quiet after which the session is forgotten and the next family starts fresh."""
    kept_after_goodbye: float = 30.0
    """Seconds of quiet after a goodbye during which "repeat" (or "tell me more") still gives the last advice, without
    the wake phrase; past them, or at any other words, the next family starts fresh (outside review 20)."""
    max_questions: int = 4
    end_silence: float = pipeline.END_SILENCE_SECONDS
    echo_filter: bool = False
    """Discard turns that are only voicecare's own voice (a live microphone in the same room)."""
    early_replies: bool = True
    """Start the reply at a pause, before the turn has surely ended (off when voicecare's voice drowns the
    caregiver, ``--no-barge-in``: its own reply would keep the turn going and be heard as the caregiver)."""
    vad: Vad = DEFAULT_VAD
    """What tells speech from the room when turns are split: loudness alone ("energy"), or loudness and a speech
    detector ("silero", "webrtc"; ``speech_in/vad.py``). The same for recorded files and the microphone."""


REPORTED_COMMANDS = {inner: public for public, inner in COMMAND_OF_ANSWER.items()}
"""A command as ``listen --json`` names it: as ``answer --json`` does ("goodbye", not the conversation's own
"quit"; one name for one thing, review18 F15)."""


@dataclass(frozen=True)
class TurnReport:
    """One assistant turn, as printed with ``--json`` and kept (without words) in the event log."""

    turn: int
    heard: str
    said: tuple[str, ...]
    """Everything the answer holds, as printed."""
    state: str
    disposition: str | None
    command: str | None
    emergency_at: float | None
    audio_seconds: float
    symptoms: Mapping[str, str]
    """Symptom id -> status: present, absent, other, hypothetical, past; or unsure / unheard for a sign counted
    because the answer was unsure or missing (rules 4 and 14)."""
    spoken: tuple[str, ...] = ()
    """What was said aloud of ``said`` (rule 13: short; the rest waits for "more")."""
    speech_error: str | None = None
    """Why some of the reply was not said aloud (then left out of ``spoken``): set by a replay, which knows once the
    reply was played (``voice_cli``); None otherwise."""
    early_reply_at: float | None = None
    """Seconds into the turn's audio when ``spoken`` started, when it started at a pause before the turn ended."""
    withdrawn: int = 0
    """Replies started at a pause and stopped (the caregiver went on, or the whole turn needed another); never
    printed: ``said`` is the answer to the whole turn."""
    continues: int | None = None
    """The turn this one goes on from: the caregiver spoke again before that turn's question was heard, so its
    words were added to that turn's and answered again (its reply was stopped); ``heard`` holds both."""


@dataclass
class EarlyReply:
    """The provisional reply of one turn (``VoiceSession.take_turn``)."""

    batch: int | None = None
    """The speaker's batch being said, None when there is none."""
    said: tuple[str, ...] = ()
    """Its texts."""
    withdrawn: int = 0
    kept: bool = False
    """The whole turn's reply starts with it, so it was kept and the rest said after it."""
    heard: tuple[str, ...] = ()
    """The texts of the withdrawn replies the caregiver heard in full: what replaces them leaves them out."""


@dataclass(frozen=True)
class LastTurn:
    """The turn just answered, kept so that speech before its reply's question was heard can join it."""

    number: int
    before: Conversation
    """The conversation as it was before the turn (a copy of its own)."""
    disclaimer_due: bool
    text: str
    """The words it was taken as; the next turn's are added to them. (Its audio heard again with the next turn's was
    read differently: piper's "back is really stiff" became "really stay", and the read-back already said "back
    pain" was lost.)"""
    unsure: tuple[Finding, ...]
    """The red flags it heard only as unsure (kept, as in its own reading)."""
    reply: tuple[str, ...]
    """What its reply said aloud."""
    ended: float
    """Seconds into the stream where the turn ended."""
    question_at: float
    """Seconds into the stream when its reply's question starts to be heard (estimated from the words before it);
    for a reply that only asks to hear it again, when that request has been heard whole, less
    ``QUESTION_HEARD_SECONDS``."""
    batches: tuple[int, ...]
    """The speaker's batches of its reply, stopped if the turn is joined."""
    asks_again: tuple[Message, ...] = ()
    """Its reply, when it only asks to hear it again ("Sorry, I missed that."): stopped as soon as the caregiver
    goes on, and said again if what they said was no turn after all (the room)."""


@dataclass
class VoiceSession:
    """One conversation at a time over an audio source; knows nothing of devices."""

    assistant: Assistant
    recognizer: Recognizer
    speaker: Speaker
    settings: VoiceSettings = field(default_factory=VoiceSettings)
    on_turn: Callable[[TurnReport], None] = field(default=lambda report: None)
    on_reset: Callable[[], None] = field(default=lambda: None)
    turns: int = 0
    expectations: dict[str, Expectation] = field(default_factory=dict)
    """What an answer to each interview question sounds like, built once per question (see ``_expected``)."""
    wake_listener: WakeListener | None = None
    """Hears the wake phrase in the audio while asleep; by default the one that suits the recogniser (``wake.py``)."""

    def __post_init__(self) -> None:
        self.said_goodbye = False
        self.conversation = self._new_conversation()
        self.awake = self.settings.wake_phrase is None
        if self.wake_listener is None and self.settings.wake_phrase:
            self.wake_listener = wake.listener_for(self.recognizer, self.settings.wake_phrase)
        self._heard_wake: Woken | None = None
        self._reset_due = False
        """A reset not told yet (``reset``)."""
        self._parting: Conversation | None = None
        """The conversation that ended just before this turn: a request for its last advice needs no wake phrase."""
        self.last: LastTurn | None = None
        """The last turn, while speech after it may still be more of it (``_continuing``)."""
        self._asking_wait = PROVISIONAL_SECONDS
        """The quiet the reply last worked out at a pause waits for, when it only asks again (``_early_wait``)."""

    def _new_conversation(self) -> Conversation:
        self.assistant.disclaimer_due = True
        return Conversation(self.assistant, max_questions=self.settings.max_questions, rate_wpm=self.speaker.rate_wpm,
                            heard_by_ear=True)

    def greet(self) -> None:
        """Say hello (only when no wake phrase is needed); reported as turn 0."""
        if self.awake:
            turn = self.conversation.greet()
            self._say(turn.said_aloud)
            said = tuple(m.text for m in turn.messages)
            self.on_turn(TurnReport(0, "", said, self.conversation.state.value, None, None, None, 0.0, {}, said))

    def reset(self, *, told: bool = True) -> None:
        """Forget everything this family said; the next person starts fresh. ``told``: ``on_reset`` is called now;
        else when the next turn is answered, unless that turn takes the ended conversation up again (``_take``): a
        "repeat" after the goodbye is the same family's, in the event log under the same conversation id."""
        self.conversation = self._new_conversation()
        self.turns = 0
        self.assistant.matcher.forget()
        self.speaker.forget()
        self.awake = self.settings.wake_phrase is None
        self.last = None
        self._reset_due = not told
        if told:
            self.on_reset()

    def new_stream(self) -> None:
        """The audio starts again (another recording, a microphone reopened): its times are not the last turn's,
        so nothing in it joins that turn."""
        self.last = None

    def take_turn(self, chunks: Iterator[AudioChunk]) -> TurnReport | None:
        """Recognise one turn from ``chunks`` (ended by quiet or by the audio), answer it.

        The reply may start at a pause before the turn has surely ended
        (``EarlyReplies``): its opening (``early_part``: what was heard, a
        question) for what was heard so far, worked out on a copy of the
        conversation, so nothing it said counts until the whole turn is
        answered. It is withdrawn if the caregiver goes on, or if the whole
        turn's reply does not start the same way; otherwise the rest follows.
        """
        ended = self.conversation.state is State.DONE
        previous = self.conversation
        if ended:
            # The family had nothing else to say ("anything else?" "no"), but words after it start a new
            # conversation: an outside review's "she won't wake up" after the wrap-up met a deaf device.
            self.reset(told=False)
        chunks, joined = self._continuing(chunks)
        if joined is None:
            self._parting = previous if ended else None
            try:
                return self._take(chunks, None, ended, ended_talk=previous if ended else None)
            finally:
                self._parting = None
        kept = self.conversation, self.assistant.disclaimer_due
        for batch in joined.batches if joined.asks_again else ():
            # Nothing is lost by stopping "Sorry, I missed that" at once, and the caregiver is still talking.
            self.speaker.withdraw(batch)
        # Heard from before the last turn, its words first; as it was if this turn is no turn after all (the room,
        # a device fault mid-way: the conversation must not be left as it was before the last turn).
        self.conversation, self.assistant.disclaimer_due = trial_copy(joined.before), joined.disclaimer_due
        try:
            report = self._take(chunks, joined, ended, kept)
        except BaseException:
            self.conversation, self.assistant.disclaimer_due = kept
            raise
        if report is None:
            self.conversation, self.assistant.disclaimer_due = kept
            if joined.asks_again:
                self.speaker.say(joined.asks_again)  # stopped for nothing: said again, once (the next joins nothing)
        return report

    def _take(self, chunks: pipeline.Utterance, joined: LastTurn | None, ended: bool,
              kept: tuple[Conversation, bool] | None = None, ended_talk: Conversation | None = None,
              ) -> TurnReport | None:
        """``take_turn`` once it is known whether the turn may join the last one (``joined``; ``kept``: the
        conversation after it, for a command said over its reply, which is no more description; ``ended_talk``: the
        conversation that ended before this turn, whose advice a request may still ask for)."""
        was_awake = self.awake
        before = trial_copy(self.conversation), self.assistant.disclaimer_due
        recognizer = stt.Expecting(self.recognizer, self._expected())
        listening = self.wake_listener.stream() if not self.awake and self.wake_listener is not None else None
        # Still an utterance, so the endpointer starts from the room the onset detector learnt (``recognize``).
        chunks = pipeline.Utterance(wake.tee(chunks, listening), chunks.room)
        early = EarlyReply()
        # Not while a joined turn is heard: the last reply may still be playing, and a second one would queue after it.
        replies = EarlyReplies(self._early_reply, lambda reply: self._start_early(reply, early),
                               lambda: self._withdraw(early), wait=self._early_wait, yields=self._asks_again,
                               ) if self.settings.early_replies and joined is None else None
        endpoint = pipeline.Endpointer(self.settings.end_silence, self._short_answer)
        heard = pipeline.recognize(chunks, recognizer, self.assistant, self._say, self._grammar(), endpoint,
                                   echo=self._not_for_early_911, early=replies)
        self._heard_wake = listening.finish() if listening is not None else None
        reading = self._reading(heard, provisional=False)
        # A late "no, that's all" after the goodbye (the rest of a turn split at a pause) is no new conversation: it
        # was answered "Sorry, I missed that" with the disclaimer said a second time (conversation bench). Dropped, it
        # had no reply at all (a 0 s reply, no JSON line: outside review 13 F11): the goodbye is said again.
        closing = (reading is not None and ended and readings.closing_only(self.conversation, *reading)
                   and self.conversation.command_of(reading[0]) is None)  # "goodbye" is obeyed, as always
        if reading is None:
            self._withdraw(early)
            return None
        if joined is not None and kept is not None and kept[0].command_of(reading[0]) is not None:
            # "stop", "repeat", "slower" said over the reply act on it, as they always did.
            self.conversation, self.assistant.disclaimer_due = kept
            joined, reading = None, self._reading(heard, provisional=False)
            if reading is None:
                return None
        if joined is not None:
            reading = f"{joined.text} {reading[0]}".strip(), [*joined.unsure, *reading[1]]
        if ended_talk is not None and not reading[1] and afterwards.asks_last_answer(ended_talk, reading[0]):
            # "Tell me more", "what should I watch for?" after the goodbye: the last advice's, not a new conversation's
            # "I am listening" (outside review 16 F7).
            afterwards.reopen(ended_talk, reading[0])
            self.conversation = ended_talk
        if self._reset_due:  # told now, before this turn is reported, unless the ended conversation goes on
            self._reset_due = False
            if self.conversation is not ended_talk:
                self.on_reset()
        limited = heard.constrained.text if heard.constrained is not None else ""
        rival_no = readings.denied_elsewhere(self.conversation, reading[0], heard.transcript, limited)
        faint_no = readings.unconfirmed_no(self.conversation, reading[0], heard.transcript, limited)
        turn = (self.conversation.closed(reading[0]) if closing
                else self.conversation.hear(*reading, rival_no=rival_no, unconfirmed_no=faint_no))
        if joined is not None and heard.emergency_at is None and tuple(m.text for m in turn.said_aloud) == joined.reply:
            # What came after the pause changes nothing (the room, a word of noise): the last reply goes on, unsaid
            # again, and the conversation stays as it was.
            return None
        if joined is not None:
            for batch in joined.batches:
                self.speaker.withdraw(batch)
        # A 911 said on a partial, then not one: taken back, naming the sign it was said for (outside review 18 F10).
        turn = voiced.taken_back(self.conversation, turn, heard.early, heard.early_findings)
        self.said_goodbye = turn.command == QUIT
        batches = self._act(turn, heard.early, early)
        self.turns += 1
        report = self._report(turn, heard, early, joined.number if joined is not None else None, reading[0])
        self.last = self._may_go_on(turn, heard, early, before, reading, batches, was_awake)
        self.on_turn(report)
        return report

    def _continuing(self, chunks: Iterator[AudioChunk]) -> tuple[pipeline.Utterance, LastTurn | None]:
        """The turn's audio, and the last turn when this one starts before its reply's question was heard: then its
        words are added to the last turn's, heard from before it (more description, not an answer)."""
        last, self.last = self.last, None
        first = next(chunks, None)
        if first is None:
            return pipeline.Utterance(iter(()), None), None
        audio = pipeline.Utterance(itertools.chain([first], chunks),
                                   chunks.room if isinstance(chunks, pipeline.Utterance) else None)
        # A stream that started again (a new recording, a microphone reopened) starts before the last turn ended.
        if last is None or not last.ended - 1e-6 <= first.start < last.question_at + QUESTION_HEARD_SECONDS:
            return audio, None
        return audio, last

    def _may_go_on(self, turn: Turn, heard: pipeline.Heard, early: EarlyReply, before: tuple[Conversation, bool],
                   reading: tuple[str, Sequence[Finding]], batches: tuple[int, ...], was_awake: bool) -> LastTurn | None:
        """What the next turn needs to join this one (``_continuing``); None when it may not: a command, an
        emergency, a turn that woke the session, or a reply that asks nothing (no question, no request to say it
        again)."""
        if (turn.command is not None or heard.emergency_at is not None or not was_awake
                or turn.disposition is Level.EMERGENCY):
            return None
        said = list(turn.said_aloud)
        asks = next((i for i, m in enumerate(said) if m.kind is MessageKind.QUESTION), None)
        started = _kept_at(heard) if early.kept else None
        starts = heard.audio_seconds if started is None else started
        asks_again: tuple[Message, ...] = ()
        if asks is not None and readings.awaited(self.conversation) is not None:
            heard_at = starts + spoken.total_seconds(said[:asks], self.speaker.rate_wpm)
        elif turn.state is State.LISTENING and (asking := asking_again(said)):
            # "Sorry, I missed that. Please tell me again.": its request is heard once said whole. Speech before
            # that is the rest of a sentence cut at a pause of 1.5 s, not the caregiver saying it again: it was a
            # new turn, and "He is not [pause] waking up properly" had "Sorry, I missed that", the 911 list and
            # the disclaimer said over it (outside review 15, F9).
            heard_at = starts + spoken.total_seconds(asking, self.speaker.rate_wpm) - QUESTION_HEARD_SECONDS
            asks_again = tuple(said)
        else:
            return None
        return LastTurn(self.turns, before[0], before[1], reading[0], tuple(reading[1]), tuple(m.text for m in said),
                        heard.audio_seconds, heard_at, batches, asks_again)

    def _reading(self, heard: pipeline.Heard, *, provisional: bool) -> tuple[str, list[Finding]] | None:
        """The words to take as the turn and the red flags heard only as unsure; None: not a turn (echo, noise, asleep).

        ``provisional``: a partial result at a pause; it may not wake the session.
        """
        text = heard.transcript.text
        if heard.emergency_at is None and self._echo(text):
            return None  # voicecare heard itself
        limited = heard.constrained.text if heard.constrained is not None else ""
        preferred = readings.prefer_answer(self.conversation, text, limited)
        preferred = readings.command_reading(self.conversation, preferred, heard.transcript)
        preferred = readings.closing_reading(self.conversation, preferred, heard.transcript)
        preferred = readings.denial_checked(self.conversation, preferred, heard.transcript)
        preferred = readings.yes_checked(self.conversation, preferred, heard.transcript)
        command = self.conversation.command_of(preferred) is not None
        unsure = pipeline.unsure_red_flags(self.assistant, readings.signs_heard(self.conversation, preferred,
                                                                                heard.transcript),
                                           heard.early_findings, command=command)
        if not text and not unsure and (heard.audio_seconds > 0 or (
                self.settings.echo_filter and self.conversation.state is State.LISTENING)):
            # A noise in the room, not a turn: say nothing. In every state: the room after a clear "no" cut off
            # as a turn of its own was taken as a silent answer to the next question, and called 911 (outside
            # review 9). A recording with no sound at all (no audio) is still a silent turn (rule 4).
            return None
        text = preferred
        if not self.awake and not provisional and not unsure and self._parting is not None \
                and afterwards.asks_last_answer(self._parting, text):
            # "Repeat" right after the goodbye: the last advice again, not asleep until the wake phrase (outside review
            # 20). Said again, the conversation stays ended: the next words start afresh, needing the phrase (``reset``).
            # Taken up again ("tell me more" reopens it), the family goes on without the phrase.
            self.awake = True
            return text, unsure
        if not self.awake:
            if provisional or not (self._woken(text) or wake.alarm_heard(
                    self.assistant.understand_partial, text, heard.transcript, acted=heard.emergency_at is not None,
                    command=command)):
                return None
            self.awake = True
            if self._woken(text) and not pipeline.emergencies(self.assistant, text):
                # Woken by the phrase: a lesser sign only an alternative reading or a partial result held most
                # likely came from the recogniser's garbled reading of the phrase itself ("Hey voice care." heard
                # as "ate boy's care": weight loss). An emergency still counts (rule 4).
                unsure = [f for f in unsure if f.symptom.level is Level.EMERGENCY]
            text = self._strip_wake(text, heard.transcript)
        return text, unsure

    def _early_reply(self, partial: Transcript) -> tuple[Message, ...] | None:
        """What to start saying for ``partial`` before the turn has surely ended; None when it must wait.

        Not for commands (they act on the speaker, and end their turn at
        once anyway), nor for a denial while an answer is awaited (only the
        whole turn's check by the description model may let a "no" stand),
        nor for an emergency (911 on a partial result has its own rule). A
        reply that only asks to hear it again waits for a longer pause
        (``_early_wait``): the caregiver may still be speaking ("my son..." at
        a pause); it waited for the turn's end, and so did half the replies.
        """
        reading = self._reading(pipeline.Heard(partial, 0.0, 0.0, None, ()), provisional=True)
        if reading is None or self.conversation.command_of(reading[0]) is not None:
            return None
        if self._expected() is not None and readings.denies(self.conversation, reading[0]):
            return None
        turn = self._trial(*reading)
        if turn.command is not None or turn.disposition is Level.EMERGENCY or turn.state is State.EMERGENCY:
            return None
        if turn.state is State.LISTENING and turn.disposition in (None, Level.UNCLEAR):
            opening = asking_again(turn.said_aloud)  # at a longer pause (``_early_wait``), or never
            self._asking_wait = ask_again_wait(self._tokens(reading[0]), self.assistant.intents.language.unfinished)
        else:
            opening = early_part(turn.said_aloud)
        # Its first message synthesised now, while the pause may still become a reply's start: the first audio then
        # waits for no synthesis (the rest is made while it plays, as before).
        self.speaker.ahead(m.text for m in opening[:1])
        return opening or None

    def _early_wait(self, reply: Sequence[Message]) -> float:
        """The quiet a reply started at a pause waits for: longer for one that only asks to hear it again, and
        longer still when the words so far end as no sentence does (``early_reply.ask_again_wait``). ``reply`` is
        the one just worked out (``EarlyReplies`` asks at once), so its words are the last ``_early_reply`` read."""
        return self._asking_wait if self._asks_again(reply) else PROVISIONAL_SECONDS

    @staticmethod
    def _asks_again(reply: Sequence[Message]) -> bool:
        """True for a reply that only asks to hear it again ("Sorry, I missed that."): it stops as soon as the
        caregiver goes on (``EarlyReplies.yields``)."""
        return bool(reply) and reply[0].kind is MessageKind.UNCLEAR

    def _start_early(self, reply: Sequence[Message], early: EarlyReply) -> None:
        fresh = unheard(reply, early.heard)
        early.said = tuple(m.text for m in fresh)
        early.batch = self.speaker.say(fresh) if fresh else None  # all of it heard already: nothing to start

    def _trial(self, text: str, unsure: Sequence[Finding]) -> Turn:
        """The turn ``text`` would be, answered on a copy: the conversation and the disclaimer are left as they were."""
        due = self.assistant.disclaimer_due
        try:
            return trial_copy(self.conversation).hear(text, unsure)
        finally:
            self.assistant.disclaimer_due = due

    def _withdraw(self, early: EarlyReply) -> None:
        """Stop the provisional reply, if one is being said: the caregiver went on, or the whole turn needs another."""
        if early.batch is not None:
            heard = self.speaker.withdraw(early.batch)
            early.heard = (*early.heard, *heard)
            early.batch = None
            early.withdrawn += 1

    def take_recording(self, chunks: Iterable[AudioChunk], after_turn: Callable[[], object] = lambda: None) -> None:
        """A recorded file as the caregiver's turns: one per utterance, the last ended by the end of the file.

        A turn ends at ``end_silence`` of quiet, so a short pause keeps it
        whole; a file with no speech at all is one silent turn (silence
        answers a question as "yes", rule 4). ``after_turn`` runs after each
        (replay waits there for the reply to be spoken, as a caregiver would).
        """
        heard_any = False
        self.new_stream()
        for utterance in pipeline.utterances(chunks, speech=self.speech_detector()):
            heard_any = True
            self.take_turn(utterance)
            after_turn()
            if self.done:
                return
        if not heard_any:
            self.take_turn(iter(()))
            after_turn()

    def speech_detector(self) -> SpeechDetector | None:
        """A fresh speech detector for one stream of audio (``VoiceSettings.vad``); None for loudness alone."""
        return detector(self.settings.vad)

    def _short_answer(self, text: str) -> bool:
        """True when ``text`` is an answer or command and nothing else: the turn may end at a short pause.

        Only the whole of it: a "no" with more words after it ("No. She's alert, she's playing ...", "Nope. I
        checked, 98.4.") is a caregiver still explaining. Ended at the pause after its first words, the rest was
        the next turn, taken as the answer to the next question, and every answer after it came one question late
        (conversation bench: piper joe's corpus_no_2 and corpus_no_3 ended urgent and with a 911). And an answer
        word only while an answer is awaited: at the description, "He is not [1.3 s] waking up properly" ended at
        "he is not" (a whole "no"), was answered "Sorry, I missed that." and the 911 list, and the rest was a new
        turn (outside review 15, F9); a command ("stop") is one in any state."""
        if len(self._tokens(text)) > readings.SHORT_ANSWER_WORDS or self.assistant.matcher.match(text):
            return False
        if self.conversation.command_of(text) is not None:
            return True
        awaited = readings.awaited(self.conversation) is not None or self.conversation.state is State.ANYTHING_ELSE
        return awaited and self.conversation.whole_answer(text)

    def _echo(self, text: str) -> bool:
        """True when ``text`` is mostly what voicecare itself has just been saying (live microphone only)."""
        if not self.settings.echo_filter:
            return False
        recent = self.speaker.recently_said(ECHO_SECONDS)
        if pipeline.emergencies(self.assistant, text):
            # Only when every word was voicecare's: "yes, he's having trouble breathing" said at once to the
            # breathing question was 60% its words, taken for its echo, and the emergency dropped with the turn.
            return is_echo(text, recent, self._tokens, share=1.0, shortest=1)
        return is_echo(text, recent, self._tokens)

    def _not_for_early_911(self, text: str) -> bool:
        """True when the words heard so far must not call 911 before the turn ends: voicecare's own voice (``_echo``),
        or, during a 911, words with no call-911 sign the 911 does not already stand on. By voice, "I called the
        ambulance" part-way through a turn said "Call 911 now." again before the short guidance its finished turn
        gets (``calling_911``): the caregiver's own alarm words ("ambulance", "911") and a sign already said add
        nothing to a 911 under way, and the whole turn is answered a moment later. A new sign ("... and now she is
        not waking up") still cuts in at once (rule 3)."""
        if self._echo(text):
            return True
        if len(self._tokens(text)) <= readings.MISREAD_WORDS:
            # Two words may be a command misread ("Slower." read "no air", a 911 said at once, outside review 19 F6):
            # only the whole turn's readings tell (``readings.misread_command``), a moment later (rule 4 still holds).
            return True
        talk = self.conversation
        if talk.state is not State.EMERGENCY:
            return False
        told = {f.symptom.id for f in talk.found if f.status is Status.PRESENT}
        return not any(not f.symptom.own_words and f.symptom.id not in told
                       for f in pipeline.emergencies(self.assistant, text).values())

    def _expected(self) -> Expectation | None:
        """What the next turn should be: an answer to the question awaited, when there is one."""
        question = readings.awaited(self.conversation)
        if question is None:
            return None
        if question.id not in self.expectations:
            self.expectations[question.id] = lm.answer_expectation(self.assistant.intents, question)
        return self.expectations[question.id]

    def _grammar(self) -> list[str]:
        """Answers and commands, recognised with a small vocabulary beside free recognition."""
        controls = self.assistant.intents.controls
        return sorted({" ".join(self._tokens(p)) for kind in ANSWER_KINDS for p in controls.get(kind, ())})

    def _act(self, turn: Turn, emergency: Sequence[Message], early: EarlyReply | None = None) -> tuple[int, ...]:
        """Carry out a command and say the reply, unless the provisional reply being said is already it.

        Returns the speaker's batches the reply is said in."""
        said = {m.text for m in emergency}
        messages = [m for m in turn.said_aloud if m.text not in said]
        # What a withdrawn reply of this turn already said in full is not said again: under load the speaker got
        # through "I heard: back pain or spasm." before the whole turn was read, and its replacement said it twice
        # (outside review 13 F9). Not for a command ("repeat" says it again) nor an emergency (said as it always was).
        leave_out = early is not None and turn.command is None and not emergency_reply(turn)
        if early is not None and early.batch is not None:
            begun = len(early.said)
            rest = unheard(messages, early.heard) if leave_out else messages
            if turn.command is None and tuple(m.text for m in rest[:begun]) == early.said:
                early.kept = True  # the whole turn's reply starts as the early one did: say the rest after it
                messages = rest[begun:]
            else:
                self._withdraw(early)
        if early is not None and leave_out and not early.kept:
            messages = unheard(messages, early.heard)
        if turn.command == "stop":
            self.speaker.stop()
        elif turn.command in ("slower", "faster"):
            self.conversation.rate_wpm = self.speaker.adjust_rate(-1 if turn.command == "slower" else 1)
        if turn.command == "repeat":
            self.speaker.stop()
        batch = self.speaker.say(messages)
        return (early.batch, batch) if early is not None and early.kept and early.batch is not None else (batch,)

    def _say(self, messages: Sequence[Message]) -> None:
        self.speaker.say(messages)

    def _tokens(self, text: str) -> list[str]:
        return self.assistant.intents.language.tokens(text)

    def _woken(self, text: str) -> bool:
        """True when the listener heard the wake phrase in this turn's audio, or the transcript says it."""
        phrase = self.settings.wake_phrase
        return bool(phrase) and (self._heard_wake is not None or wake.said_in(phrase or "", text, self._tokens) is not None)

    def _strip_wake(self, text: str, transcript: Transcript) -> str:
        return wake.after_wake(self.settings.wake_phrase or "", transcript, text, self._heard_wake, self._tokens)

    def _report(self, turn: Turn, heard: pipeline.Heard, early: EarlyReply, continues: int | None = None,
                joined: str = "") -> TurnReport:
        """The turn as printed; ``joined``: the words of a turn that goes on from the last (``continues``)."""
        level = turn.disposition
        symptoms = {f.symptom.id: report_status(f) for f in self.conversation.found}
        return TurnReport(
            turn=self.turns, heard=joined if continues is not None else heard.transcript.text,
            said=voiced.in_front(heard.early, [m.text for m in turn.messages]),
            spoken=voiced.in_front(heard.early, [m.text for m in turn.said_aloud]),
            state=self.conversation.state.value, disposition=level.id if isinstance(level, Level) else None,
            command=REPORTED_COMMANDS.get(turn.command, turn.command) if turn.command else None,
            emergency_at=heard.emergency_at, audio_seconds=round(heard.audio_seconds, 2),
            symptoms=symptoms, early_reply_at=_kept_at(heard) if early.kept else None, withdrawn=early.withdrawn,
            continues=continues,
        )

    @property
    def done(self) -> bool:
        """True after the caregiver said goodbye (after the wrap-up alone, the next words start afresh)."""
        return self.said_goodbye and self.conversation.state is State.DONE

    def ended_quietly(self, seconds: float) -> bool:
        """True when the conversation ended (a goodbye, the wrap-up) and ``seconds`` of quiet since are past
        ``kept_after_goodbye``: the family is forgotten, and the next words need the wake phrase."""
        return self.conversation.state is State.DONE and seconds >= self.settings.kept_after_goodbye


def early_part(messages: Sequence[Message]) -> tuple[Message, ...]:
    """The opening messages that may be said before the turn has surely ended (``EARLY_KINDS``)."""
    kinds = [m.kind in EARLY_KINDS for m in messages]
    return tuple(messages[:kinds.index(False)] if False in kinds else messages)


def unheard(messages: Sequence[Message], heard: Sequence[str]) -> list[Message]:
    """``messages`` less those whose text the caregiver already heard in full this turn (``heard``)."""
    return [m for m in messages if m.text not in heard]


def emergency_reply(turn: Turn) -> bool:
    """True for a reply that calls 911: it is said whole, "Call 911 now." first, whatever came before it."""
    return turn.disposition is Level.EMERGENCY or turn.state is State.EMERGENCY


def asking_again(messages: Sequence[Message]) -> tuple[Message, ...]:
    """The opening of a reply that only asks to hear it again ("Sorry, I missed that."): its unclear messages.
    The rest (the call-911 signs, the disclaimer) waits for the whole turn, as a level's advice does."""
    kinds = [m.kind is MessageKind.UNCLEAR for m in messages]
    return tuple(messages[:kinds.index(False)] if False in kinds else messages)


def _kept_at(heard: pipeline.Heard) -> float | None:
    """When the provisional reply that was kept started (the last one: the others were withdrawn)."""
    return heard.provisional[-1].at if heard.provisional and not heard.provisional[-1].withdrawn else None


def trial_copy(conversation: Conversation) -> Conversation:
    """A copy whose lists and sets are its own, to answer a provisional turn on without changing ``conversation``.

    The assistant and the answer reader are shared (they keep no state of the conversation).
    """
    trial = copy.copy(conversation)
    for name in (f.name for f in dataclasses.fields(trial)):
        value = getattr(trial, name)
        if isinstance(value, list | set | dict):
            setattr(trial, name, copy.copy(value))
    return trial


def report_status(finding: Finding) -> str:
    """The status a report gives a finding: its own, or why a present one was only assumed."""
    if finding.status is Status.PRESENT and finding.basis in (Basis.UNSURE, Basis.UNHEARD):
        return finding.basis.value
    return finding.status.value


def is_echo(text: str, recent: Sequence[str], tokens: Callable[[str], list[str]], share: float = ECHO_SHARE,
            shortest: int = ECHO_SHORTEST) -> bool:
    """True when at least ``share`` of the words of ``text`` (``shortest`` letters or more) are among ``recent``'s."""
    if not recent:
        return False
    words = [w for w in tokens(text) if len(w) >= shortest]
    if not words:
        return False
    spoken = {w for said in recent for w in tokens(said)}
    return sum(w in spoken for w in words) / len(words) >= share


def turns_from(chunks: Iterator[AudioChunk], speaking: Callable[[], bool],
               quiet: Callable[[float], None],
               gate: Callable[[AudioChunk], AudioChunk] = lambda chunk: chunk,
               speech: SpeechDetector | None = None) -> Iterator[Iterator[AudioChunk]]:
    """Split a continuous microphone stream into turns: each starts where speech starts.

    ``speaking()`` true drops the audio (for a microphone that hears the
    speaker too well to tell voices apart; by default the caregiver may
    interrupt, and ``VoiceSession`` discards what is only voicecare's echo).
    ``quiet(seconds)`` is told how long nothing has been said; ``gate``
    silences blocks that are only voicecare's echo (see ``echo.EchoGate``).
    A turn ends after ``VoiceSettings.end_silence`` of quiet (see ``take_turn``). ``speech``: the speech
    detector (``VoiceSession.speech_detector``) that marks each block after the gate, as for a recorded file.
    """
    return pipeline.utterances((gate(chunk) for chunk in chunks), speaking, quiet, speech=speech)
