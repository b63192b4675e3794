"""Understanding one answer to an interview question: yes, no, unsure, partial, new information, a command.

The matcher and its context engine say which symptoms an answer names and
whether each is present, denied or hedged; the language's answer words
(``intents/<language>/answers.toml``), its control words (``controls.toml``)
and each question's own words (the topic's ``answers.toml``) say the rest. A
wrong "no" hides a red flag, so every doubt leans towards counting the
question's signs (rule 4), and a symptom said beats a leading "no" (rule 2).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import replace
from typing import Literal

from voicecare.conversation import (
    answer_amends,
    answer_care,
    answer_closing,
    answer_doubt,
    answer_elsewhere,
    answer_facets,
    answer_gone_by,
    answer_hedges,
    answer_inapplicable,
    answer_inside,
    answer_learned,
    answer_news,
    answer_ongoing,
    answer_passed,
    answer_safety,
    answer_spots,
    answer_started,
    answer_steering,
    answer_stories,
    answer_turns,
    answer_unfinished,
    denied_part,
)
from voicecare.conversation.answer_kinds import ABOUT_ELSE, Answer, AnswerKind
from voicecare.conversation.answer_learned import AnswerCounts
from voicecare.conversation.answer_parts import Heard, take_apart
from voicecare.conversation.answer_words import ANYTHING_ELSE, AnswerWords, Spot, find
from voicecare.domain import Basis, Finding, IntentSet, Level, Match, Status
from voicecare.understanding import triage
from voicecare.understanding.assistant import MAX_UTTERANCE_CHARS, Assistant
from voicecare.understanding.care import CareQuestion

__all__ = ["ANYTHING_ELSE", "Answer", "AnswerKind", "AnswerReader", "AnswerWords"]

KEPT_COMMANDS = frozenset({"start_over", "goodbye"})
"""Commands that stay commands whatever else the answer tells of someone else or the past."""



class AnswerReader:
    """Reads answers to one assistant's interview questions; the conversation and ``voicecare answer`` share it."""

    def __init__(self, assistant: Assistant, words: AnswerWords | None = None,
                 learned: AnswerCounts | Literal["load"] | None = "load") -> None:
        self.assistant = assistant
        self.intents = assistant.intents
        self.words = words or AnswerWords.load(assistant.intents)
        # The learned "no" beside the language's answer words, unless given (None: the rules alone).
        self.learned = answer_learned.load(assistant.intents.folder) if learned == "load" else learned
        self.questions = {q.id: q for t in self.intents.topics for q in t.interview}

    @property
    def question_ids(self) -> tuple[str, ...]:
        """Every id ``read`` accepts."""
        return (*self.questions, ANYTHING_ELSE)

    def read(self, question_id: str, text: str) -> Answer:
        """The answer ``text`` to question ``question_id`` (KeyError for an unknown id).

        A care question said instead of an answer ("can I use a heating pad at night?") is no answer: the
        conversation answers it and asks again, counting nothing. Said with an answer ("no. is a heating pad
        ok?"), the answer is read without it, unless the whole names or hedges a sign ("ibuprofen for the
        fever?"). After "anything else?" a care question is the news itself."""
        if question_id != ANYTHING_ELSE and question_id not in self.questions:
            raise KeyError(question_id)
        return self._cut_off(question_id, text, self._read_whole(question_id, text))

    def _cut_off(self, question_id: str, text: str, answer: Answer) -> Answer:
        """``answer`` with no clean "no" when ``text`` ends on words no answer ends on ("I don't think", "no she":
        ``answer_unfinished``). After "anything else?" nothing is asked that a "no" could hide."""
        question = self.questions.get(question_id)
        if question is None or answer.kind in (AnswerKind.COMMAND, AnswerKind.OFF_TOPIC):
            return answer
        language = self.intents.language
        words = self.words.words
        opening = {p[0] for p in (*words["clause_breaks"], *words["joining"], *words["no"], *words["yes"])
                   if len(p) == 1} | language.fillers
        tokens = [language.spelling.canonical(w) for w in language.tokens(text)]
        hesitations = {w for p in words["hesitations"] for w in p}
        if not answer_unfinished.broken_off(tokens, words["unfinished"], words["unfinished_after"],
                                            language.context.subjects, opening, hesitations) and not (
                answer_unfinished.ends_contracted(text, self.words.contracted, hesitations)):
            return answer
        if answer_unfinished.stray_after_no(tokens, words["no"], words["stray_after_no"], hesitations):
            return answer
        unheard = [_assumed(self.intents, s, text, Basis.UNHEARD) for s in question.symptoms]
        return answer_unfinished.left_open(answer, question.symptoms, unheard)

    def _read_whole(self, question_id: str, text: str) -> Answer:
        plain = self._read(question_id, text)
        if question_id == ANYTHING_ELSE:
            return self._care_told(text, plain)
        if plain.kind is AnswerKind.COMMAND:
            # "How should I answer that one?" asks how to answer, no care question; "what if he gets a fever?" (its
            # "what" a command) is a what-if. A command to begin again or to end stays one whoever else is talked
            # of ("let's start this whole thing over, I got confused": the caregiver's own confusion).
            return plain if plain.command in KEPT_COMMANDS else self._about_else(question_id, text, plain)
        care, reply = self.care_split(question_id, text, plain)
        ids = tuple(q.id for q in care)
        if reply is None:
            return Answer(text, question_id, AnswerKind.OFF_TOPIC, None, (), care=ids)
        if not care or reply == text[:MAX_UTTERANCE_CHARS]:
            return self._about_else(question_id, text, replace(plain, care=ids))
        return self._about_else(question_id, reply, replace(self._read(question_id, reply), input=text, care=ids))

    def _care_told(self, text: str, answer: Answer) -> Answer:
        """``answer`` to "anything else?" with the care questions asked in it: there a care question is the news
        itself, and the conversation answers it, so ``care`` says which it is (outside review 20, F19: a script
        reading ``voicecare answer`` saw news with ``care: []``)."""
        if answer.kind is AnswerKind.COMMAND:
            return answer
        care = self.assistant.care_questions(text[:MAX_UTTERANCE_CHARS], on_topic=True)
        return replace(answer, care=tuple(q.id for q in care)) if care else answer

    def _about_else(self, question_id: str, said: str, answer: Answer) -> Answer:
        """``answer`` as off topic, holding only signs of someone else, what-ifs or past ones, when that is all
        ``said`` tells ("his sister is struggling to breathe"), with no answer word: not an answer (README), so
        never an unclear one that counts the question's signs (rule 4 made a sister's breathing a 911 in
        ``voicecare answer``, while the conversation asked again: outside review 15, F7). The conversation says
        triage's words for them and asks again (``asides.about_else``)."""
        own = [f for f in answer.findings if f.symptom.id in self.questions[question_id].symptoms
               and f.status not in ABOUT_ELSE]  # "what temperature counts as a fever": a what-if (review 20 F8)
        if answer.kind in (AnswerKind.YES, AnswerKind.NO) or any(f.basis is not Basis.UNHEARD for f in own):
            return answer
        found = self.assistant.understand(said[:MAX_UTTERANCE_CHARS])
        if not found or any(f.status not in ABOUT_ELSE for f in found):
            return answer
        return replace(answer, kind=AnswerKind.OFF_TOPIC, command=None, findings=found, silent=False, news=False,
                       unanswered=())

    def care_split(self, question_id: str, text: str,
                   whole: Answer | None = None) -> tuple[tuple[CareQuestion, ...], str | None]:
        """The care questions asked in ``text`` and the answer said with them (``answer_care.split``): the
        conversation answers the one and counts the other. ``whole``: ``text`` read already."""
        read = whole if whole is not None else self._read(question_id, text)
        # The back pain the call is about is no sign named ("can she go to daycare with her sore back?" at the
        # call-911 question was read as an unclear answer, a false 911: outside review 17, typed care questions).
        names_a_sign = any(f.status is Status.PRESENT and f.basis in (Basis.SAID, Basis.UNSURE)
                           and self._serious(f.symptom.id) for f in read.findings)
        # Read without the care question's words, the rest still answers: not unclear, not to the room.
        answers = read.kind is not AnswerKind.OFF_TOPIC and not (
            read.kind is AnswerKind.UNSURE and all(f.basis is Basis.UNHEARD for f in read.findings
                                                   if self._serious(f.symptom.id)))
        answers = answers and not answer_care.only_asked(self.assistant, text)
        return answer_care.split(self.assistant, text, names_a_sign=names_a_sign, answers=answers)

    def _read(self, question_id: str, text: str) -> Answer:
        question = self.questions.get(question_id)
        asked = question.symptoms if question is not None else ()
        heard = take_apart(text[:MAX_UTTERANCE_CHARS], question_id, self.assistant, self.words)
        if not heard.tokens:
            return self._answer(text, question_id, AnswerKind.UNSURE, None, heard, asked, silent=True)
        lasted = self._start_alone(question_id, heard.tokens)
        if lasted is not None:
            # "Just this morning": read as the duration it means ("a day"), judged by the topic's thresholds.
            return replace(self._read(question_id, lasted), input=text)
        if question is not None:
            heard = self._of_others_and_earlier(heard, question_id, frozenset(asked))
        answered = answer_steering.without_asides(heard, self.words.words["returning"])
        answered = answer_stories.concluded(answered, self.words.words["concluding"])
        answered = answer_stories.after_a_story(answered, self.intents.language.fillers)
        answered = answer_turns.without_trailing_turns(answered, self.intents.language.fillers,
                                                       frozenset(self.words.words["stressing"]))
        answered = answer_inapplicable.set_apart(answered, self.words.not_applicable.get(question_id, ()))
        answered = answer_news.deeds_of_nothing(answered, self.words.words["objects"], answered.about,
                                                denied_news=question is not None, evidence=heard.about)
        answered = answer_hedges.inside_other_signs(answered, frozenset(asked))
        answered = answer_inside.without_noes_in_signs(answered)
        answered = self._below_the_sign(answered, question_id)
        answered = self._working_said(answered, question_id)
        kind, command = self._kind(answered, set(asked), question_id)
        mild = self._mild_beside_a_no(answered, question_id) if kind is AnswerKind.YES else None
        if mild is not None:
            # "Nothing like that, just a bit sleepy": the "no" answers the question, the mild word leaves its one
            # sign in doubt (counted, rule 4, and said as a doubt); the others are denied, never "You said yes"
            # (outside review 21 F6; rule 14).
            denial = self._answer(text, question_id, AnswerKind.NO, None, heard, asked)
            found = tuple(_assumed(self.intents, mild, text, Basis.UNSURE) if f.symptom.id == mild else f
                          for f in denial.findings)
            return replace(denial, kind=AnswerKind.UNSURE, findings=found)
        answer = self._answer(text, question_id, kind, command, heard, asked)
        answer = self._taken_back(question_id, heard, answer) or answer
        if question is not None:
            answer = self._no_led_doubted(heard, answer)
        amended = self._amended(question_id, text, answer, heard)
        if amended is not None:
            return self._with_later_signs(amended, text)
        hedged = self._hedged_news(answered, set(asked), question_id) if kind is AnswerKind.NEW_INFO else None
        if hedged:
            answer = answer_elsewhere.with_doubted(self.intents, answer, hedged)
        # An answer we cannot place that hedges nothing ("she's had two doses of calpol since six") adds something.
        # Not one of only polite words ("ok", "right", "ok thanks"): nothing was said (``answer_parts._acknowledged``).
        adds = kind is AnswerKind.UNSURE and not heard.spots_of("unsure") and not self._only_polite(heard)
        # News said with a doubt ("maybe she's a bit quieter than usual, not sure if it's anything") is still news:
        # no sign was asked, so the hedge doubts only whether it matters.
        adds = adds or (kind is AnswerKind.UNSURE and question is None and answer_news.told(heard))
        # "No, but she's been acting odd": a part turned to after "anything else?" is news (no sign was asked).
        more = kind is AnswerKind.PARTIAL or (kind is AnswerKind.YES and answer_turns.says_more(heard, self._turn_words()[0]))
        if question is None and (kind is AnswerKind.NEW_INFO or adds or more):
            # To "anything else?" news *is* the answer: a yes (as caregivers and the shared corpus mean it),
            # marked as news so the conversation hears it out instead of saying "go ahead". So is a yes with the
            # thing said after it ("one thing, he won't sit up in his high chair"): it was said already.
            answer = replace(answer, kind=AnswerKind.YES, news=True)
        # A "no" or "yes" said of some of the question's signs only settles those, here so that ``voicecare answer``
        # reads an answer as the conversation does (outside review 13, F16).
        return denied_part.narrowed(self, question, text, self._with_later_signs(answer, text))

    def _no_led_doubted(self, heard: Heard, answer: Answer) -> Answer:
        """``answer`` with a sign said only in words opening with a "no" ("no air") as a doubt (``answer_inside``)."""
        noes = frozenset(p[0] for p in self.words.words["no"] if len(p) == 1)
        led = answer_inside.no_led(heard, noes, self.intents.language.fillers)
        if not led:
            return answer
        return replace(answer, findings=tuple(replace(f, uncertain=True) if f.symptom.id in led and f.status is
                                              Status.PRESENT and f.basis is Basis.SAID else f for f in answer.findings))

    def _start_alone(self, question_id: str, tokens: Sequence[str]) -> str | None:
        """The duration a start said alone means ("just this morning": "a day"; ``answer_started``), or None."""
        started = self.words.started.get(question_id)
        if not started:
            return None
        language = self.intents.language
        words = self.words.words
        opening = language.fillers | {p[0] for p in (*words["no"], *words["hesitations"]) if len(p) == 1}
        quiet = (*words["start_words"], *words["polite"], *words["hesitations"])
        return answer_started.duration(tokens, started, frozenset(opening), language.fillers, quiet,
                                       language.negations)

    def _of_others_and_earlier(self, heard: Heard, question_id: str, asked: frozenset[str]) -> Heard:
        """``heard`` with the answer words said of another sign, of someone else or of earlier set apart, and a
        child's name said with a verb taken as a "yes" (review 17 F3, F4, F8, F13): a "no" denies only what it is
        said of."""
        language = self.intents.language
        context = language.context
        words = self.words.words
        heard = answer_elsewhere.noes_of_other_signs(heard, self._elsewhere(heard, question_id), asked,
                                                     language.negations)
        child = frozenset(p[0] for p in words["child"] if len(p) == 1)
        # Someone else named ("his sister", "my husband"), not the caregiver's own words ("I have", "I was").
        others = [t.words for t in context.triggers
                  if t.status is Status.OTHER and t.words[0] not in context.asking_subjects]
        heard = answer_elsewhere.not_the_child(heard, words["not_the_child"], child)
        heard = answer_elsewhere.answers_of_others(heard, others, child, language.fillers)
        not_names = frozenset(w for p in words["not_names"] for w in p)
        heard = answer_elsewhere.named_yes(heard, frozenset(context.reaffirming_verbs),
                                           language.fillers | context.subjects | not_names)
        heard = answer_passed.then_not_now(heard, words["earlier"], words["now"], words["was_then"], child,
                                           language.negations, asked)
        # "No, she woke up screaming last night, she's fine today", "he was constipated last week, and he still
        # strains": told as past, so now (answer_ongoing).
        heard = answer_ongoing.latest_time(heard, self.words.latest.get(question_id, {}), words["days_ago"])
        heard = answer_ongoing.still_going(heard, asked, words["going_on"], language.negations)
        # "No, he limped yesterday because of new shoes, but today he is walking well": a sign of days gone by.
        return answer_gone_by.gone_by(heard, answer_gone_by.load(words, language.negations), asked,
                                      lambda symptom: not self._serious(symptom) or self._emergency(symptom))

    def _taken_back(self, question_id: str, heard: Heard, answer: Answer) -> Answer | None:
        """ "Her lips are blue, no sorry, they're pink": a sign of the question named, then a correction whose
        words, read alone, are a "no" about that very sign (the sign denied, or the question's words for it said to
        be well): the later statement wins (rule 9). Only that sign is denied; the question's other signs are left
        open (asked again). A later "no" that does not name the sign ("she's breathing fast, no wait, no") leaves
        it said; a later doubt stays a doubt (rule 4). None when the answer is no such correction."""
        question = self.questions.get(question_id)
        fixes = heard.spots_of("corrections")
        if question is None or answer.kind not in (AnswerKind.YES, AnswerKind.PARTIAL) or not fixes:
            return None
        last = fixes[-1]
        named = {m.symptom for m in heard.matches if m.symptom in question.symptoms and m.status is Status.PRESENT
                 and m.end <= last.start}
        if not named or any(m.status is Status.PRESENT and m.start >= last.end for m in heard.matches):
            return None
        rest = " ".join(heard.tokens[last.end:])
        later = take_apart(rest, question_id, self.assistant, self.words)
        if self._read(question_id, rest).kind is not AnswerKind.NO or later.spots_of("unsure"):
            return None
        own_well = {w for p in self.words.well.get(question_id, ()) for w in p}
        # Denied, or the same sign given to someone else or to the past ("that's me own heart thumping").
        denied = {m.symptom for m in later.matches if m.status is Status.ABSENT or m.status in ABOUT_ELSE}
        denied |= {s for a in later.about for s in denied_part.signs_about(self, question,
                                                                             later.tokens[a.start:a.end])}
        if not named <= denied and not any(w in own_well for s in later.spots_of("well")
                                           for w in later.tokens[s.start:s.end]):
            return None
        kept = [f for f in answer.findings if f.symptom.id not in question.symptoms]
        gone = [replace(_assumed(self.intents, s, answer.input, Basis.SAID), status=Status.ABSENT, uncertain=False)
                for s in sorted(named)]
        return replace(answer, kind=AnswerKind.NO, findings=(*kept, *gone),
                       unanswered=tuple(s for s in question.symptoms if s not in named))

    def _only_polite(self, heard: Heard) -> bool:
        """Whether every word of the answer is a filler or polite ("ok", "right", "okay thanks"): no answer."""
        polite = {i for s in heard.spots_of("polite") for i in range(s.start, s.end)}
        fillers = self.intents.language.fillers
        return bool(polite) and all(i in polite or w in fillers for i, w in enumerate(heard.tokens))

    def _amended(self, question_id: str, text: str, answer: Answer, heard: Heard) -> Answer | None:
        """``answer`` as a correction of an earlier answer said instead of one (``answer_amends``): news holding
        only the signs it names, or, naming none, off topic (not understood, nothing changed) where it would have
        been a "no" or an unclear answer counting the question's signs. None when it is no such correction."""
        question = self.questions.get(question_id)
        if question is None or answer.kind in (AnswerKind.COMMAND, AnswerKind.OFF_TOPIC):
            return None
        named = answer_amends.corrected_signs(heard, self.words.words["amending"], question.symptoms,
                                              self.words.words["restating"], self.words.words["restating_alone"])
        if named:
            news = self._answer(text, question_id, AnswerKind.NEW_INFO, None, heard, question.symptoms)
            findings = tuple(f for f in news.findings if f.symptom.id not in question.symptoms)
            return replace(news, findings=findings, amends=True)
        own = [f for f in answer.findings if f.symptom.id in question.symptoms]
        unheard = answer.kind is AnswerKind.UNSURE and all(f.basis is Basis.UNHEARD for f in own)
        if named is not None and (answer.kind is AnswerKind.NO or unheard):
            return Answer(text, question_id, AnswerKind.OFF_TOPIC, None, (), amends=True)
        return None

    def _with_later_signs(self, answer: Answer, text: str) -> Answer:
        """An answer longer than one window is read from its start, but a sign said later still counts: the
        assistant reads the whole text window by window (a lost emergency is the worst failure)."""
        if len(text) <= MAX_UTTERANCE_CHARS:
            return answer
        later = {f.symptom.id: f for f in self.assistant.understand(text, guess=False) if f.status is Status.PRESENT}
        if not later:
            return answer
        # The later statement wins (rule 9): "no, nothing like that ... now she has fainted" is a faint.
        kept = [f for f in answer.findings if f.symptom.id not in later]
        return replace(answer, findings=(*kept, *later.values()))

    def understand(self, text: str) -> tuple[Finding, ...]:
        """What a description says about the child, as ``Assistant.understand``, with one more rule: a sign said
        and then denied by a bare "no" at the end ("she has a fever? no she doesn't") is denied."""
        heard = take_apart(text[:MAX_UTTERANCE_CHARS], ANYTHING_ELSE, self.assistant, self.words)
        if not heard.echoed:
            return self.assistant.understand(text)
        return triage.findings(heard.matches, self.intents)

    def _kind(self, heard: Heard, asked: set[str], question_id: str) -> tuple[AnswerKind, str | None]:
        anything_else = question_id == ANYTHING_ELSE
        present = [m for m in heard.matches if m.status is Status.PRESENT]
        named = [m for m in present if m.symptom in asked and not self._hedged_denial(heard, m)]
        named += [m for m in heard.matches if m.symptom in asked and self._hedged_denial(heard, m)]
        denied = [m for m in heard.matches if m.symptom in asked and m.status is Status.ABSENT
                  and not self._hedged_denial(heard, m)]
        other = [m for m in present if m.symptom not in asked and self._serious(m.symptom)]
        if heard.echoed and not heard.echoed & asked and not named:
            # The "no" answered the caregiver's own question about another sign: news, not an answer to ours.
            return AnswerKind.NEW_INFO, None
        asking = frozenset(p[0] for p in self.words.words["asking"] if len(p) == 1)
        if answer_steering.only_an_aside(heard, self.words.words["asides"], asking):
            return AnswerKind.OFF_TOPIC, None  # "ugh, the neighbours are drilling again": said to nobody
        # A red flag said is never talk to the room or a command; the back pain the call is about may be
        # ("leave your sister alone, she's sore").
        steering = None if any(self._serious(m.symptom) for m in present) else self._steering(heard)
        if steering is not None:
            return AnswerKind(steering[0]), steering[1]
        if self._yes_beside_a_reading(heard):
            return AnswerKind.YES, None
        denial = bool(denied) or self._denies_part(heard, named)
        hedges = heard.spots_of("unsure")
        # "No, but she keeps dragging her leg": a "no" turned from denies nothing when every sign asked is named.
        whole = asked <= {m.symptom for m in named} and not denied and not self._denies_about(heard, named)
        if named:
            if denial and not whole:
                return AnswerKind.PARTIAL, None
            doubt = answer_hedges.standing(heard, hedges, named)
            if doubt and heard.spots_of("yes") and answer_hedges.of_another_part(heard, doubt, named):
                # "He has 38.2, yes. But chills I am not sure": yes to one sign, a doubt about another part.
                return AnswerKind.PARTIAL, None
            return (AnswerKind.UNSURE if doubt and not heard.spots_of("yes") else AnswerKind.YES), None
        affirmed_about = self._affirms_part(heard, asked)
        if affirmed_about and not hedges:
            # "No, but he's a bit sleepier": the "no" answered the rest, so not a yes to every sign (rule 14).
            # "He's asleep now but no": a "no" turned to and said last answers the question; the part before may
            # be only how things are (partial: asked again, not a yes to every sign, rule 14).
            turned = answer_turns.no_turned_from(heard) or answer_turns.no_turned_to(heard, self._turn_words()[0])
            return (AnswerKind.PARTIAL if denial or turned else AnswerKind.YES), None
        if hedges and not denied and not heard.about and not heard.spots_of("yes", "no") and (
                self._hedged_news(heard, asked, question_id) is not None):
            # "Bit warm maybe" to the heart question: the doubt is about another part, news that counts (rule 10);
            # never "not sure" about the question's own signs (rule 14). The question is asked again.
            return AnswerKind.NEW_INFO, None
        if hedges:
            # Unsure about the question, whatever else was said with it: its signs count (rule 10).
            # A bare "no" said with the hedge ("I don't think so, but I'm not sure") denies no part: unsure.
            # So does an estimate the caregiver doubts ("maybe a day maybe two, I'd have to ask my partner").
            # A "fine" or "no" said right after the hedge is in its doubt ("I don't know if it's normal"): no part.
            doubted = bool(denied) or self._denies_part(answer_hedges.without_hedged_denials(heard), named)
            return (AnswerKind.PARTIAL if doubted and not answer_hedges.denied_only_by_numbers(heard)
                    else AnswerKind.UNSURE), None
        if not denial and heard.spots_of(answer_elsewhere.OF_ANOTHER) and not heard.about and not heard.matches and not (
                heard.spots_of("no", "yes", "well", "unsure")):
            # "His sister isn't, no": said of someone else, nothing of the child; asked again, nothing counted, as
            # "his sister is struggling to breathe" is (``_about_else``; outside review 17, F13).
            return AnswerKind.OFF_TOPIC, None
        if not denial and heard.spots_of(answer_elsewhere.OTHER_SIGN_DENIED) and not heard.about and not (
                heard.spots_of("no", "yes", "well")):
            # "No fever though" to the call-911 question: news about fever, no answer to the question's signs, so
            # it is asked again and nothing of them counted (outside review 17, F3; rules 4 and 14).
            return AnswerKind.NEW_INFO, None
        # Something said about the child is new information; after "anything else?" ``read`` turns it into a yes
        # that carries the news (a bare "yes" only says more is coming).
        if other:
            return AnswerKind.NEW_INFO, None
        if self._news_after_a_turn(heard, question_id):
            # "No, but she's been throwing up": the "no" answered the question, the rest is news about the child,
            # heard and counted as its own finding (``_question_findings`` lets the "no" stand for the question).
            return AnswerKind.NEW_INFO, None
        if answer_turns.yes_then_otherwise(heard) and not denial:
            return AnswerKind.YES, None  # "yes, but otherwise she's okay": the rest of the child is well
        if not denial and not heard.spots_of("no") and heard.spots_of("health"):
            # "She's been really grumpy and off her food": a well word beside health news says no "no" (#9).
            return AnswerKind.NEW_INFO, None
        if anything_else and answer_closing.news_then_closing(heard):
            return AnswerKind.NEW_INFO, None  # "she had a fall at nursery, and yeah I think that's it"
        if not anything_else and not denial and not heard.about and not heard.spots_of("no", "yes") and not any(
                m.symptom in asked for m in heard.matches) and answer_elsewhere.well_elsewhere(
                heard, self._elsewhere(heard, question_id), self._skipped()):
            # "Her legs are fine" to the fever question denies nothing it asks (outside review 13, F1): about
            # something else, so asked again with nothing counted, never a "no" to every sign.
            return AnswerKind.OFF_TOPIC, None
        # After the advice, "she's fine" is news about the child, not "nothing else": only a "no" ends the talk.
        if denial or heard.spots_of("no") or (heard.spots_of("well") and not anything_else):
            language = self.intents.language
            closes = anything_else and answer_closing.closes_the_talk(heard, language.fillers, language.context.subjects,
                                                                      language.negations)
            # A one-word "no" in words none of ours place ("no dave i said thursday thursday works") may be said to
            # someone else: never a "no" to the question, whatever the learned counts say.
            safe = closes or (not self._drowned(heard, "no") and (
                self._safe_no(heard) or self._learned_no(heard, question_id)
                or self._no_then_elsewhere(heard, question_id)))
            return (AnswerKind.NO if safe else AnswerKind.UNSURE), None
        if heard.spots_of("yes"):
            return AnswerKind.YES, None
        if heard.spots_of("health"):
            return AnswerKind.NEW_INFO, None
        return AnswerKind.UNSURE, None  # unclear counts as yes (rule 4)

    def _elsewhere(self, heard: Heard, question_id: str) -> list[tuple[str | None, Spot]]:
        """Words of other questions' parts, and of the complaint, in ``heard`` (``answer_elsewhere.parts``)."""
        if question_id == ANYTHING_ELSE:
            return []
        return answer_elsewhere.parts(heard, self.words.about, question_id, self.words.words["complaint"])

    def _skipped(self) -> frozenset[str]:
        """Words that carry no meaning between a part and what is said of it ("her legs are all fine")."""
        plain = {p[0] for p in (*self.words.words["plain"], *self.words.words["possessives"]) if len(p) == 1}
        return frozenset(plain | self.intents.language.fillers)

    def _hedged_news(self, heard: Heard, asked: set[str], question_id: str) -> tuple[str, ...] | None:
        """The signs a hedge said of another question's part affirms as doubted ("bit warm maybe" to the heart
        question: fever and chills), when every hedge is about another part or another sign found; else None."""
        if self._drowned(heard, "unsure", self.words.words["loose_hedges"]):
            return None  # "maybe long car window go": a recogniser's garble, not understood (rule 14)
        others = [m for m in heard.matches if m.status is Status.PRESENT and m.symptom not in asked]
        elsewhere = self._elsewhere(heard, question_id)
        if not answer_elsewhere.hedged_parts(heard, elsewhere, [(m.start, m.end) for m in others],
                                             self.words.words["loose_hedges"]):
            return None
        hedged = {heard.clause(h.start) for h in heard.spots_of("unsure")}
        tied: list[str] = [m.symptom for m in others if heard.clause(m.start) in hedged]
        for other, spot in elsewhere:
            if other is not None and other in self.questions and heard.clause(spot.start) in hedged:
                part = heard.tokens[spot.start:spot.end]
                tied += sorted(denied_part.signs_about(self, self.questions[other], part) - asked)
        return tuple(dict.fromkeys(tied)) if tied else None

    def _steering(self, heard: Heard) -> tuple[str, str | None] | None:
        language = self.intents.language
        child = frozenset(p[0] for p in self.words.words["child"] if len(p) == 1)
        asking = frozenset(p[0] for p in self.words.words["asking"] if len(p) == 1)
        quiet = frozenset(w for kind in ("polite", "acknowledging") for p in self.words.words[kind] for w in p)
        amounts = frozenset(p[0] for p in self.words.words["command_amounts"] if len(p) == 1)
        return answer_steering.steering(heard, self.words.commands, language.negations, language.fillers, child,
                                        asking, quiet, amounts)

    def _yes_beside_a_reading(self, heard: Heard) -> bool:
        """A "yes" whose only denial is a number under the threshold ("yes, 40 breaths", "yes. 100"): a number
        speaks for its own sign only, so it cannot turn a caregiver's "yes" into a "no" (rule 4)."""
        return bool(heard.spots_of("yes")) and answer_hedges.denied_only_by_numbers(heard)

    def may_learn_no(self, heard: Heard) -> bool:
        """Whether the learned counts may be asked about this answer (``answer_learned.may_ask``)."""
        return answer_learned.may_ask(heard, self.intents.language.negations, self._safety_words())

    def _learned_no(self, heard: Heard, question_id: str) -> bool:
        """A "no" said with talk our words cannot place, whose words the learned counts know as a "no"'s."""
        return self.learned is not None and self.may_learn_no(heard) and self.learned.says_no(question_id, heard.tokens)

    def _no_then_elsewhere(self, heard: Heard, question_id: str) -> bool:
        """A plain leading "no", then only words about another question's part that name no sign ("no her heart is
        lying", the recogniser's "fine" bent in reverb): the "no" answers this question; the other part is asked
        about in its own turn. Not with a hedge, a yes, another negation, a sign, or words about this question
        (outside review 21, F16.6: read as unclear, it called 911)."""
        noes = frozenset(p[0] for p in self.words.words["no"] if len(p) == 1)
        elsewhere = self._elsewhere(heard, question_id)
        negations = self.intents.language.negations
        return (bool(heard.tokens) and heard.tokens[0] in noes and not heard.matches and not heard.about
                and [s.start for s in heard.spots] == [0] and bool(elsewhere)
                and all(kind is not None and kind != question_id for kind, _ in elsewhere)
                and not any(w in negations or w in noes for w in heard.tokens[1:]))

    def _safe_no(self, heard: Heard) -> bool:
        """Whether all of a "no" answer denies: every part explained, every word about the question denied, no
        denial that may be saying the sign is there (a denied frame, a learner's "no" for "not")."""
        graded = {i for s in find(heard.tokens, {"degree": self.words.words["degree"]}) for i in range(s.start, s.end)}
        language = self.intents.language
        negations = language.negations
        explained = answer_safety.explained(heard.tokens, heard.clause_of, [*heard.said, *heard.about], heard.spots,
                                            heard.matches, graded, language.fillers, language.context.subjects)
        plain = frozenset(w for p in self.words.words["plain"] for w in p) | language.fillers | negations | (
            language.context.subjects)
        joined = answer_safety.joined_to_well(heard.tokens, heard.clause_of, [*heard.spots, *heard.about], heard.matches,
                                              frozenset(w for p in self.words.words["joining"] for w in p), plain,
                                              language.context.subjects)
        return explained and not joined and not (
            answer_spots.doubly_denied(heard.spots, heard.tokens, heard.clause_of, negations, heard.matches)
            or heard.spots_of("learner_not")) and not answer_safety.open_about(
            heard.about, heard.spots, heard.matches, heard.tokens, heard.clause_of, self._safety_words())

    def _news_after_a_turn(self, heard: Heard, question_id: str) -> bool:
        # The question's own words are never news ("no, I took her temperature twice" to the fever question).
        own = list(find(heard.tokens, {"about": self.words.about.get(question_id, ())}))
        news = replace(heard, spots=[s for s in heard.spots if not (s.kind == "health" and any(
            a.start < s.end and s.start < a.end for a in own))])
        return answer_turns.news_after_a_turn(news, self._turn_words()[1], frozenset(self.words.words["leaving"]))

    def _turn_words(self) -> tuple[frozenset[str], frozenset[str]]:
        language = self.intents.language
        return language.fillers, language.context.subjects

    def _drowned(self, heard: Heard, kind: str, words: Sequence[tuple[str, ...]] | None = None) -> bool:
        language = self.intents.language
        quiet = language.fillers | language.context.subjects | language.negations
        return answer_doubt.drowned(heard, kind, quiet, self.words.words["plain"], language.context.subjects, words)

    def _safety_words(self) -> answer_safety.Words:
        language = self.intents.language
        possessives = frozenset(w for p in self.words.words["possessives"] for w in p)
        leaving = frozenset(p[0] for p in self.words.words["leaving"] if len(p) == 1)
        doing = frozenset(p[0] for p in self.words.words["doing"] if len(p) == 1)
        plain = frozenset(p[0] for p in self.words.words["plain"] if len(p) == 1)
        spoken = language.numbers
        numbers = frozenset([*spoken.digits, *spoken.tens, *spoken.scales])
        return answer_safety.Words(language.negations, language.context.subjects, possessives,
                                   language.context.modals, leaving, doing, language.fillers, plain, numbers)

    def _serious(self, symptom_id: str) -> bool:
        return self.intents.symptom(symptom_id).level < Level.HOME_CARE

    def _emergency(self, symptom_id: str) -> bool:
        return self.intents.symptom(symptom_id).level <= Level.EMERGENCY

    def _hedged_denial(self, heard: Heard, match: Match) -> bool:
        """A "denial" that follows a hedge closely ("can't say about confused") is a hedge: it counts (rule 10).
        Not one with its own "no" after the hedge ("bit warm maybe, no shivers though"): the caregiver denied it."""
        return match.status is Status.ABSENT and any(
            0 <= match.start - h.end <= answer_hedges.HEDGE_REACH and not answer_hedges.own_no(heard, h, match.start)
            for h in heard.spots_of("unsure"))

    def _denies_part(self, heard: Heard, named: Sequence[Match]) -> bool:
        """A clause about the question that says no or all is well, apart from the signs named, or a bare "no"
        turned from by a contrast."""
        if self._denies_about(heard, named):
            return True
        # "Not really, but he did pass out": a bare "no" turned from by a contrast denies the other signs.
        # Without the contrast, a sign said beats a leading "no" (rule 2: "no, he can't breathe").
        named_clauses = {heard.clause(m.start) for m in named}
        first = min((m.start for m in named), default=None)
        return first is not None and any(
            s.start < first and heard.clause(s.start) not in named_clauses for s in heard.spots_of("no")
        ) and bool(heard.spots_of("contrast")) and not heard.spots_of("corrections")

    def _denies_about(self, heard: Heard, named: Sequence[Match]) -> bool:
        """A clause about the question that says no or all is well, apart from the signs named (each in the part
        where its words end: the matcher may join "arms fine. leg hurts" into one sign)."""
        named_clauses = {heard.clause(m.end - 1) for m in named}
        denials = {heard.clause(s.start) for s in heard.spots_of("no", "well")} | self._negated_about(heard)
        denials |= answer_safety.denied_headings(heard.about, heard.spots, heard.matches, heard.tokens, heard.clause_of,
                                                 self._safety_words())
        if named:
            # Beside a sign said, "but he hasn't had any accidents" denies that part: partial, never a "no".
            words = self.words.words
            denials |= answer_safety.negated_across_having(
                heard.about, heard.tokens, heard.clause_of, self.intents.language.negations,
                frozenset(p[0] for p in words["having"] if len(p) == 1), words["amounts"])
        about = {heard.clause(s.start) for s in heard.about}
        if (denials & about) - named_clauses:
            return True
        # "The spasms keep coming back, sleep's fine though": after the sign, another part said to be well.
        ends = {heard.clause(m.start): m.end for m in named}
        calm = heard.spots_of("no", "well")
        return any(a.start >= ends.get(heard.clause(a.start), len(heard.tokens)) and any(
            c.start > a.start and heard.clause(c.start) == heard.clause(a.start) for c in calm) for a in heard.about)

    def _negated_about(self, heard: Heard) -> set[int]:
        """Clauses where a word of the question follows a negation ("not hot"): that part is denied."""
        language = self.intents.language
        return answer_safety.negated_about(heard.about, heard.spots, heard.tokens, heard.clause_of,
                                           self._safety_words(), language.context.modals, language.optional_words)

    def _below_the_sign(self, heard: Heard, question_id: str) -> Heard:
        """``heard`` with the question's words graded mild ("a bit dozy": the topic's ``graded``) taken as saying
        nothing of a sign, when another part about the question is said to be well ("but wakes up fine"): less than
        the sign, they affirm nothing (outside review 18, F8: a "yes" to all four call-911 signs). Without such a
        well part ("he's a bit dozy"), or said with a doubt or a yes, they still count (rule 4)."""
        graded = self.words.graded.get(question_id, ())
        mild = self.words.words["mild"]
        tokens = heard.tokens
        if heard.spots_of("unsure", "yes"):
            # "I think she is a little bit sleepy more than normal": a doubt or a yes is never made a clean "no".
            return heard
        below = [(a, m) for a in heard.about if tuple(tokens[a.start:a.end]) in graded for m in mild
                 if a.start >= len(m) and tuple(tokens[a.start - len(m):a.start]) == m]
        if not below:
            return heard
        clauses = {heard.clause(a.start) for a, _ in below}
        calm = {heard.clause(s.start) for s in heard.spots_of("no", "well")}
        if not {heard.clause(a.start) for a in heard.about if heard.clause(a.start) not in clauses} & calm:
            return heard
        gone = {a for a, _ in below}
        neutral = [Spot("neutral", a.start - len(m), a.end) for a, m in below]
        spots = sorted([*heard.spots, *neutral], key=lambda s: s.start)
        return replace(heard, about=[a for a in heard.about if a not in gone], spots=spots,
                       said=sorted([*heard.said, *neutral], key=lambda s: s.start))

    def _mild_beside_a_no(self, heard: Heard, question_id: str) -> str | None:
        """The sign a denial said apart from a mild word of the question leaves in doubt ("nothing like that, just
        a bit sleepy", "nah she's alright, bit dozy": the topic's ``graded_sign``), or None. Only when every word
        about the question is such a graded mild word, no sign was matched, and no yes or doubt was said."""
        graded = self.words.graded.get(question_id, ())
        sign = self.words.graded_sign.get(question_id)
        if not graded or sign is None or heard.spots_of("unsure", "yes") or not heard.spots_of("no"):
            return None
        if any(m.status is Status.PRESENT for m in heard.matches) or not heard.about:
            return None
        tokens = heard.tokens
        mild = self.words.words["mild"]
        below = [a for a in heard.about if tuple(tokens[a.start:a.end]) in graded and any(
            a.start >= len(m) and tuple(tokens[a.start - len(m):a.start]) == m for m in mild)]
        if len(below) != len(heard.about):
            return None
        denied = {heard.clause(s.start) for s in heard.spots_of("no")}
        return sign if not denied & {heard.clause(a.start) for a in below} else None

    def _working_said(self, heard: Heard, question_id: str) -> Heard:
        """``heard`` with what a well body does (the topic's ``working``: "is breathing", "heart is beating"), said
        as the whole of its part with only a subject before it and nothing after, taken as a well word: it is
        reassurance, never the sign (outside review 21 F5: "she is breathing" was a "yes" to all four call-911
        signs, read back "You said yes"). "She is breathing funny" or "heart is beating fast" say more after it and
        are not this; a yes or a doubt in the answer keeps it as it was (rule 4)."""
        working = self.words.working.get(question_id, ())
        if not working or heard.spots_of("unsure", "yes"):
            return heard
        language = self.intents.language
        plain = language.context.subjects | language.fillers
        tokens = heard.tokens
        calm = []
        for spot in find(tokens, {"well": working}):
            clause = heard.clause(spot.start)
            start = next((i for i in range(spot.start) if heard.clause(i) == clause), spot.start)
            ends = spot.end == len(tokens) or heard.clause(spot.end) != clause
            alone = all(t in plain for t in tokens[start:spot.start]) and not any(
                (s.start < spot.end and spot.start < s.end) or (heard.clause(s.start) == clause and s.kind != "well")
                for s in heard.spots) and not any(heard.clause(m.start) == clause for m in heard.matches)
            if ends and alone:
                calm.append(spot)
        if not calm:
            return heard
        spots = sorted([*heard.spots, *calm], key=lambda s: s.start)
        return replace(heard, spots=spots, said=sorted([*heard.said, *calm], key=lambda s: s.start))

    def _affirms_part(self, heard: Heard, asked: set[str], question_id: str | None = None) -> bool:
        """A clause about the question, or one turned to by a contrast ("fine this morning, but now ..."), with no
        denial, hedge or correction in it: it affirms that part."""
        quiet = {heard.clause(s.start) for s in heard.spots_of("no", "well", "unsure", "off_topic")
                 if not answer_turns.lead_then_statement(heard, s, *self._turn_words())}
        quiet |= self._negated_about(heard)
        # A part holding a reading under the threshold ("it's only been two days") says that part is well: its
        # "only" turns to nothing.
        quiet |= {heard.clause(start) for start, _ in heard.readings}
        # A part holding only words that say nothing of a sign ("only since this morning") affirms nothing.
        # Not a part with health news in it ("not drinking much since lunch, only sips": the news goes on).
        quiet |= {heard.clause(s.start) for s in heard.spots_of("neutral")} - {heard.clause(a.start) for a in heard.about} - {
            heard.clause(s.start) for s in heard.spots_of("health")}
        # Where the matcher found one of the question's signs, its status says more than the words around it.
        signs = [m for m in heard.matches if m.symptom in asked]
        # A turned-to clause with other health words in it ("but he's very pale") is news, not this question.
        news = {heard.clause(s.start) for s in heard.spots_of("health")}
        # ...and so is one naming a sign the question is not about ("no, but he has a fever"): that sign is its
        # own finding, never a "yes" to this question's signs.
        news |= {heard.clause(m.start) for m in heard.matches if m.symptom not in asked and m.status is Status.PRESENT}
        # ...and so is one about someone else, or the past ("no, but her big brother's got chills").
        news |= {heard.clause(m.start) for m in heard.matches if m.status not in (Status.PRESENT, Status.ABSENT)}
        # A word of the question inside another sign's phrase ("her nappies have been dry") is that sign's.
        # Only a milder one: inside a sign as grave as the question's ("his leg's gone numb" to the walking
        # question) it still affirms the question (when in doubt, escalate).
        least = min((self.intents.symptom(a).level for a in asked), default=Level.UNCLEAR)
        others = [m for m in heard.matches if m.symptom not in asked and m.status is Status.PRESENT
                  and self.intents.symptom(m.symptom).level > least]
        turned = [s for s in heard.spots_of("contrast") if s.end < len(heard.tokens)
                  and heard.clause(s.end) == heard.clause(s.start) and quiet and heard.clause(s.start) not in news]
        # Words about the question that the answer denies elsewhere ("Heartbeat? No.", "her breaths, 28 a minute")
        # affirm nothing: the same test that lets a "no" stand.
        open_about = answer_safety.open_about(heard.about, heard.spots, heard.matches, heard.tokens, heard.clause_of,
                                              self._safety_words())
        # A word of the question inside longer health news ("she's gone off her food") is the news's; a health word
        # that is the question's own ("temperature") is still the question's.
        open_about = [a for a in open_about if not any(_overlaps_spot(h, a) and not a.start <= h.start <= h.end <= a.end
                                                       for h in heard.spots_of("health"))]
        return any(heard.clause(s.start) not in quiet and not any(_overlaps(m, s) for m in [*signs, *others])
                   for s in [*open_about, *turned])

    def _answer(self, text: str, question_id: str, kind: AnswerKind, command: str | None, heard: Heard,
                asked: Sequence[str], *, silent: bool = False) -> Answer:
        said = [m for m in heard.matches if kind is not AnswerKind.COMMAND]
        found = {f.symptom.id: f for f in triage.findings(said, self.intents)}
        language = self.intents.language
        quiet = (frozenset(p[0] for p in self.words.words["plain"] if len(p) == 1) | language.fillers
                 | language.negations | frozenset(p[0] for p in self.words.words["no"] if len(p) == 1))
        for symptom_id in asked:
            side = (answer_facets.said_beside_a_denial(said, heard.tokens, symptom_id, quiet)
                    if symptom_id in found and found[symptom_id].status is Status.ABSENT else None)
            if side is not None:  # "her leg is weak, no tingling": the weak leg stays said
                found[symptom_id] = triage.findings([side], self.intents)[0]
        for match in said:
            # A doubt inside the sign's own words ("her lips are pale, no blue": "no" or "now"), or a worried
            # question about it ("what if that's her heart racing?"): said as unsure.
            inside = match.uncertain and match.status is Status.PRESENT and any(
                match.start < h.start < match.end or (h.start < match.end and heard.clause(h.start) == heard.clause(
                    match.start)) for h in heard.spots_of("unsure"))
            if match.symptom in asked and (self._hedged_denial(heard, match) or inside):
                found[match.symptom] = _assumed(self.intents, match.symptom, text, Basis.UNSURE)
        for symptom_id, finding in self._question_findings(kind, question_id, text, asked, found, heard,
                                                             silent):
            found[symptom_id] = finding
        for symptom_id in self._told_earlier(heard, asked, found):
            found[symptom_id] = _assumed(self.intents, symptom_id, found[symptom_id].heard, Basis.GUESSED)
        return Answer(text, question_id, kind, command, tuple(found.values()), silent)

    def _question_findings(self, kind: AnswerKind, question_id: str, text: str, asked: Sequence[str],
                           found: Mapping[str, Finding], heard: Heard, silent: bool) -> Iterable[tuple[str, Finding]]:
        """What the answer says of the question's signs that it did not name."""
        rest = [s for s in asked if s not in found or found[s].status not in (Status.PRESENT, Status.ABSENT)]
        named = any(found[s].status is Status.PRESENT for s in asked if s in found)
        # A "no" inside a sign's own words ("no trouble breathing") denies that sign alone: beside a sign named, the
        # question's other signs were not spoken to (rule 14; outside review 21, F9). A bare "no" answers them all.
        bare = [s for s in heard.spots_of("no") if not any(
            m.status is Status.ABSENT and s.start < m.end and heard.clause(s.start) == heard.clause(m.start)
            for m in heard.matches)]
        if kind is AnswerKind.NO or (kind is AnswerKind.PARTIAL and named and bare
                                     and not heard.spots_of("unsure")) or (
                kind is AnswerKind.NEW_INFO and asked and self._news_after_a_turn(heard, question_id)
                and any(f.status is Status.PRESENT and s not in asked for s, f in found.items())):
            # "No, but she's been throwing up": the news is a sign we know, outside the question, so the "no" was
            # about the question. News we cannot place ("no, she's up every couple of hours crying") may be the
            # question's sign said in other words: nothing is denied, and the conversation asks again (rule 4).
            status, basis = Status.ABSENT, Basis.SAID
        elif kind is AnswerKind.YES and not named:
            # A one-word yes in words that are no answer ("yeah long dad say that"): counted, read back as doubted.
            # So is a yes only murmured ("mm"): no clear yes said (rule 14; outside review 16, F11).
            murmured = self._drowned(heard, "yes") or self._murmured(heard)
            status, basis = Status.PRESENT, Basis.GUESSED if murmured else Basis.ANSWERED
        elif kind is AnswerKind.UNSURE or (kind is AnswerKind.PARTIAL and (heard.spots_of("unsure") or not named)):
            # A partial answer with only "that part is fine" leaves the other signs unsaid: they share the level of
            # the sign named, so leaving them out changes nothing; without a sign named, they count (rule 4).
            # A one-word hedge in garble ("think blue might table") is no "not sure" said (rule 14): not understood.
            hedged = heard.spots_of("unsure") and not self._drowned(heard, "unsure", self.words.words["loose_hedges"])
            status, basis = Status.PRESENT, Basis.UNHEARD if silent or not hedged else Basis.UNSURE
        else:
            return
        doubted = self._doubted_signs(heard, question_id) if basis is Basis.UNSURE else None
        for symptom_id in rest:
            # "I'm not sure, his heart seemed fast": the doubt is about the heart; the toilet was not talked about,
            # so it counts as not heard, never as "you were not sure" (rule 14; outside review 15, F6).
            said_as = basis if doubted is None or symptom_id in doubted else Basis.UNHEARD
            finding = _assumed(self.intents, symptom_id, text, said_as)
            yield symptom_id, Finding(finding.symptom, status, 100.0, finding.heard, finding.uncertain, said_as)

    def _told_earlier(self, heard: Heard, asked: Sequence[str], found: Mapping[str, Finding]) -> set[str]:
        """The question's signs said plainly with a time earlier today and nothing saying they are there now ("she
        was hot earlier but"): counted, doubted (``answer_passed.told_earlier``). Never an event ("she fainted this
        morning" happened: docs/policy.md)."""
        def counts(match: Match) -> bool:
            finding = found.get(match.symptom)
            return (match.symptom in asked and match.status is Status.PRESENT and finding is not None
                    and finding.basis is Basis.SAID and not finding.symptom.event)
        words = self.words.words
        return answer_passed.told_earlier(heard.matches, heard.tokens, heard.clause_of, words["earlier"],
                                          self.intents.language.context.onsets, words["now"], counts)

    def _murmured(self, heard: Heard) -> bool:
        """Whether every yes word of the answer is only a murmur ("mm"): a sound, no clear yes."""
        murmurs = self.words.words["murmurs"]
        yeses = heard.spots_of("yes")
        return bool(yeses) and all(tuple(heard.tokens[s.start:s.end]) in murmurs for s in yeses)

    def _doubted_signs(self, heard: Heard, question_id: str) -> set[str] | None:
        """The question's signs an answer with a doubt talks about (named by the matcher, or by words tied to
        them: "not sure about his heart"), when it talks about some and not all; None when the doubt may be about
        any of them ("I'm not sure", or words we cannot tie to one sign)."""
        question = self.questions.get(question_id)
        if question is None or len(question.symptoms) < 2:
            return None
        talked = {m.symptom for m in heard.matches if m.symptom in question.symptoms}
        for spot in heard.about:
            tied = denied_part.signs_about(self, question, heard.tokens[spot.start:spot.end])
            if not tied:
                return None
            talked |= tied
        return talked if talked and talked < set(question.symptoms) else None


def _assumed(intents: IntentSet, symptom_id: str, text: str, basis: Basis) -> Finding:
    guessed = basis in (Basis.UNSURE, Basis.UNHEARD, Basis.GUESSED)
    return Finding(intents.symptom(symptom_id), Status.PRESENT, 100.0, text, guessed, basis)


def _overlaps_spot(one: Spot, other: Spot) -> bool:
    return one.start < other.end and other.start < one.end


def _overlaps(match: Match, spot: Spot) -> bool:
    return match.start < spot.end and spot.start < match.end
