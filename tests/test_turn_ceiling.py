"""Every spoken turn within rule 13's ceiling (issue #9: a 911 turn at most 15 s, "stay with your child" within 10 s,
any other turn at most 20 s), measured with the spoken estimate (``spoken.seconds``, fitted to espeak-ng) on every
turn of many conversations: descriptions from the tuning corpora, answers from the shared answers corpus, and the
garbled, silent, command and request turns a recogniser gives; typed and heard by ear."""

from __future__ import annotations

import random
from collections.abc import Iterator, Sequence
from pathlib import Path

import pytest

from tests.conftest import listened
from voicecare.conversation import spoken
from voicecare.conversation.dialog import Conversation, State, Turn
from voicecare.conversation.unanswered import call_911_lists
from voicecare.domain import IntentSet, Level, MessageKind
from voicecare.speech_out.tts import DEFAULT_RATE_WPM
from voicecare.understanding.assistant import Assistant

EMERGENCY_SECONDS = 15.0
STAY_SECONDS = 10.0
TURN_SECONDS = 20.0
ROOT = Path(__file__).resolve().parents[1]
SHARED = next((p / "shared" / "corpus" for p in ROOT.parents if (p / "shared" / "corpus").is_dir()), ROOT)
"""The shared tuning corpora, beside the checkout (absent: the suite's own corpus only)."""
DESCRIPTIONS = (ROOT / "tests" / "data" / "corpus.tsv", SHARED / "us_parents.tsv", SHARED / "second_language.tsv",
                SHARED / "numbers_questions.tsv")
ANSWERS = ROOT / "tests" / "data" / "answers.tsv"
HEARD = ("our little", "not at all and out of", "yeah long dad say that", "not that no missed",
         "no peed going no weak gets wetting boy down no wet", "she had if he wee last week but nothing now",
         "why hot and really bad doctor but way and arm", "", "yup", "nah", "no", "No.", "not sure", "help", "more",
         "tell me more", "what should I watch for", "why", "repeat", "slower", "skip", "what do I do at home",
         "what did you hear", "that's wrong", "no that is wrong", "can I use a heating pad at night?",
         "she feels hot", "Wee accidents? No. His heart, though, is thumping really fast.")
"""Turns as recognisers gave them on the conversation bench and in outside review 9, and the commands."""
CONVERSATIONS = 60
TURNS = 10


def problems(turn: Turn, intents: IntentSet) -> list[str]:
    """What is over rule 13's ceiling in ``turn``, as spoken (empty: within it)."""
    said = turn.said_aloud
    calling = turn.disposition is Level.EMERGENCY or any(m.kind is MessageKind.EMERGENCY for m in said)
    # A 911 by the estimate fitted to real speech, never short of it (with the planning one, 911 turns measured
    # within 14.5 s here ran 15.0-15.9 s by espeak-ng: tests/test_turn_speech.py).
    pace = spoken.NEVER_SHORT if calling else spoken.PLANNING
    seconds = spoken.total_seconds(said, DEFAULT_RATE_WPM, pace)
    limit = EMERGENCY_SECONDS if calling else TURN_SECONDS
    found = [f"{seconds:.1f} s (limit {limit:.0f})"] if seconds > limit else []
    texts = [m.text for m in said]
    stay = intents.messages["emergency_stay"]
    if stay in texts and spoken.total_seconds(said[:texts.index(stay) + 1], DEFAULT_RATE_WPM, pace) > STAY_SECONDS:
        found.append(f"'{stay}' after more than {STAY_SECONDS:.0f} s")
    return found


def _rows(path: Path, column: int) -> list[list[str]]:
    lines = path.read_text(encoding="utf-8").splitlines()
    return [cells for line in lines if not line.startswith("#") and len(cells := line.split("\t")) > column]


def scripts(seed: int) -> Iterator[tuple[bool, list[str]]]:
    """Conversations: a description, then answers to the question asked or recogniser turns; by ear or typed."""
    rng = random.Random(seed)
    descriptions = [cells[1] for path in DESCRIPTIONS if path.exists() for cells in _rows(path, 1)]
    answers: dict[str, list[str]] = {}
    for cells in _rows(ANSWERS, 2):
        answers.setdefault(cells[0], []).append(cells[2])
    for _ in range(CONVERSATIONS):
        yield rng.random() < 0.5, [rng.choice(descriptions), *(
            "ANSWER" if rng.random() < 0.6 else rng.choice(HEARD) for _ in range(TURNS))]


def answer_to(talk: Conversation, said: str, rng: random.Random, answers: dict[str, list[str]]) -> str:
    if said != "ANSWER":
        return said
    if talk.state is not State.INTERVIEW or not talk.asked:
        return "no"
    return rng.choice(answers.get(talk.asked[-1].id, ["no"]))


@pytest.mark.parametrize("seed", [1, 2, 3])
def test_every_turn_of_many_conversations_is_within_its_ceiling(assistant: Assistant, seed: int) -> None:
    rng = random.Random(seed)
    answers: dict[str, list[str]] = {}
    for cells in _rows(ANSWERS, 2):
        answers.setdefault(cells[0], []).append(cells[2])
    over = []
    for by_ear, script in scripts(seed):
        talk = Conversation(assistant, heard_by_ear=by_ear)
        said: list[str] = []
        for line in script:
            if talk.state is State.DONE:
                break
            said.append(answer_to(talk, line, rng, answers))
            found = problems(talk.hear(said[-1]), assistant.intents)
            if found:
                over.append(f"{said}: {found}")
    assert not over, "\n".join(over[:5])


def hear_all(talk: Conversation, lines: Sequence[str]) -> Turn:
    turn = talk.greet()
    for line in lines:
        turn = talk.hear(line)
    return turn


def test_a_911_from_an_answer_not_understood_with_a_lesser_sign_said_back_stays_within_fifteen_seconds(
        assistant: Assistant) -> None:
    # The conversation bench: "I did not understand your answer about <four signs>" and "Unclear, counted as yes:
    # <a lesser sign>" made 18.6-19.7 s 911 turns. Both are still said, the signs named short.
    talk = Conversation(assistant, heard_by_ear=True)
    turn = hear_all(talk, ["My son's back is really tight after playing at the park.", "our little",
                           "and now she feels hot"])
    said = [m.text for m in turn.said_aloud]
    assert turn.disposition is Level.EMERGENCY and said[0] == "Call 911 now.", said
    assert any("If it is no, say no" in text for text in said), said  # what the 911 rests on (rule 14)
    assert any("fever" in text for text in said), said  # the lesser sign is said back (rule 12)
    assert not problems(turn, assistant.intents), said


def test_help_during_a_911_from_an_unheard_answer_stays_within_fifteen_seconds(assistant: Assistant) -> None:
    talk = Conversation(assistant)
    turn = hear_all(talk, ["her back is sore", "", "help"])
    said = [m.text for m in turn.said_aloud]
    assert said[0] == "Call 911 now." and any("If it is no, say no" in text for text in said), said
    assert said[-1].startswith("Tell me"), said
    assert not problems(turn, assistant.intents), said


def test_what_is_left_out_to_stay_within_the_ceiling_waits_for_more(assistant: Assistant) -> None:
    # A care question at the ending after a skip: the care answer, the action, the read-backs and the call-911 list
    # took 24.9 s. The action, that questions were skipped and the call-911 signs are said (rules 11 and 14). (The
    # heart answer was "His heart, though, is thumping really fast." then "no that is wrong": since answers9 that
    # is a fast heartbeat said plainly, a 911 a "that is wrong" rightly does not take back, so the conversation
    # never reached its ending; a plain "fine" keeps the script's aim.)
    talk = Conversation(assistant)
    hear_all(talk, ["ice or heat first for a toddler's back spasm", "pass", "Hurry up, please, I need to get back to him.",
                    "", "nah", "why hot and really bad doctor but way and arm",
                    "Wee accidents? No. His heart is fine.", "no"])
    turn = talk.hear("can I use a heating pad at night?")
    said = [m.text for m in turn.said_aloud]
    assert not problems(turn, assistant.intents), said
    assert "Questions were skipped." in said and any(text.startswith("Call 911 for") for text in said), said
    # Since the skip note is shorter ("Questions were skipped.") the care answer's first sentence fits: said first,
    # as the policy has a care question answered; else it is the first thing "more" gives.
    kinds = [m.kind for m in turn.said_aloud]
    care = "No heating pad at bedtime"
    if said[0].startswith(care):
        assert kinds[1] is MessageKind.INSTRUCTION, said
    else:
        assert kinds[0] is MessageKind.INSTRUCTION, said
        assert talk.hear("more").said_aloud[0].text.startswith(care)


def test_an_answer_taken_back_with_nothing_left_to_ask_is_no_crash(assistant: Assistant) -> None:
    # A care question alone opened the interview; its unheard answer made a 911, taken back: the conversation
    # was left waiting for an answer with no question asked, and the next turn raised IndexError.
    talk = Conversation(assistant)
    hear_all(talk, ["can i rub some of my deep heat on his back", "repeat", "our little", "no that is wrong"])
    for line in ("yup", "more", "her back is sore"):
        turn = talk.hear(line)
        assert turn.said_aloud, line
    assert talk.state is State.INTERVIEW and turn.said_aloud[-1].kind is MessageKind.QUESTION


def test_a_late_no_thats_all_after_the_goodbye_starts_no_new_conversation() -> None:
    # The conversation bench: "Nope. I checked, 98.4." split at its pause, every answer after it came a turn late,
    # and "No, that's all." after the goodbye started a new conversation: "Sorry, I missed that", the disclaimer again.
    turns = listened("turns/describe.wav", "turns/skip.wav", "turns/skip.wav", "turns/no.wav",
                     "turns/no_thats_all.wav", "turns/not_breathing.wav")
    states = [t["state"] for t in turns]
    assert "done" in states, states
    after = turns[states.index("done") + 1:]
    # The goodbye again (never a turn without a reply: outside review 13 F11), no new conversation; an emergency
    # after it is still heard, as a new family's first words.
    assert len(after) == 2 and after[0]["state"] == "done" and after[0]["spoken"][0].startswith("Take care"), after
    assert after[1]["disposition"] == "emergency", after


SKIPPED = [
    ["his back hurts", "skip", "skip"],
    ["his back is sore, can I use a heating pad at night?", "skip", "skip"],
    ["his back hurts", "no", "skip", "skip"],
    # Explored: a skip, then a 911 from an unclear answer taken back by "no" as the last question's answer. The
    # taken-back note, the action, that questions were skipped and the call-911 signs took 20.3-20.5 s.
    ["his back has hurt for a few days", "skip", "no peed going no weak gets wetting boy down no wet",
     "accidents no heart i'm not sure", "no"],
    ["his back pain stops him falling asleep", "i don't think so no", "skip",
     "hard to tell she's wriggling too much to feel it", "no"],
]
"""Conversations whose ending comes after a skip, typed and by ear."""
BY_EAR_SKIPPED = [
    ["the forehead thermometer beeped thirty eight nine and she's still got that sore back", "pass",
     "No, he can't breathe properly, he's wheezing.", "No.", "our little", "no", "not sure", "no"],
]
"""Conversations whose ending comes after a skip by ear only (typed, the wheeze is said plainly: a 911)."""


@pytest.mark.parametrize(("lines", "by_ear"), [*((s, e) for s in SKIPPED for e in (False, True)),
                                               *((s, True) for s in BY_EAR_SKIPPED)])
def test_an_ending_after_a_skip_says_the_call_911_signs_within_its_ceiling(
        assistant: Assistant, lines: list[str], by_ear: bool) -> None:
    # Rules 11 and 13: a caregiver who skips the questions still hears, briefly, the signs to call 911 for.
    talk = Conversation(assistant, heard_by_ear=by_ear)
    talk.greet()
    endings = []
    for line in lines:
        turn = talk.hear(line)
        if talk.state is State.ANYTHING_ELSE and turn.disposition is not None:
            endings.append(turn)
            break
    assert endings and talk.skipped, [line for line in lines]
    texts = [m.text for m in endings[0].said_aloud]
    lists = {t.messages[k] for t in assistant.intents.topics for k in ("emergency_signs", "emergency_signs_short")}
    assert lists & set(texts), texts
    assert not problems(endings[0], assistant.intents), texts
    # Within the planned ceiling by the planning estimate, which is never short of a whole turn's real speech (no
    # margin needed; it was 0.5 s when that estimate was short by up to 0.9 s).
    rules = assistant.intents.spoken
    assert rules is not None and rules.turn_seconds is not None
    assert spoken.total_seconds(endings[0].said_aloud, DEFAULT_RATE_WPM) <= rules.turn_seconds, texts


@pytest.mark.parametrize(("lines", "asking"), [
    # Outside review: "what did you hear?" and "that's wrong" (nothing to take back) said the whole read-back of
    # six signs counted in three ways (25.6 s), and after a care question alone the whole warning-sign lists
    # with the question (36.6 s).
    (["We drove twelve hours to visit the family. The girl's back is stiff from the car seat.",
      "He's asleep right now, so I haven't tried waking him.", "no", "no no his heart's fine and no accidents",
      "i don't have a thermometer", "Her neck is stiff, she won't look down at her toes.",
      "So last night he went down fine at seven, then around two I heard him screaming, he was holding his back "
      "and arching, and it took me an hour to settle him."], "no that is wrong"),
    (["my toddler's back muscles feel tight", "our little", "no", "um now she's saying her head really hurts",
      "Nope, neither.", "yeah long dad say that",
      "legs are okay it's his arms he's dropped his cup twice they seem weak",
      "legs are okay it's his arms he's dropped his cup twice they seem weak",
      "are these the same cramps coming back i honestly have no clue"], "what did you hear"),
    (["Are you a real nurse? I just want to know if rubbing her sore back is okay."], "that's wrong"),
    (["how much calpol can i give for her back"], "what did you hear"),
])
def test_what_was_heard_is_said_within_the_ceiling_and_the_rest_on_more(
        assistant: Assistant, lines: list[str], asking: str) -> None:
    talk = Conversation(assistant)
    hear_all(talk, lines)
    closing = (MessageKind.CONVERSATION, MessageKind.QUESTION)
    shortened = {whole for whole, _ in call_911_lists(talk.found, assistant.intents)}  # said short: whole on "more"
    whole = [m.text for m in talk.hear(asking).messages if m.kind not in closing and m.text not in shortened]
    talk = Conversation(assistant)
    hear_all(talk, lines)
    turn = talk.hear(asking)
    said = [m.text for m in turn.said_aloud]
    assert not problems(turn, assistant.intents), said
    # Nothing of it is lost: every sentence of the whole answer is said now or on the "more"s after it.
    heard = " ".join(said)
    for _ in range(6):
        heard += " " + " ".join(m.text for m in talk.hear("more").said_aloud)
    missing = [s for text in whole for s in spoken.sentences(text) if s not in heard]
    assert not missing, (said, missing)


@pytest.mark.parametrize("lines", [
    ["Breathing 30 a minute, which seems normal, but she's 38.4 and her back aches.", "whoa too fast", "why",
     "yeah long dad say that", "not sure", "can I use a heating pad at night?", "our little", "she feels hot", ""],
    ["his back hurts he had chills a few weeks ago", "repeat",
     "Hard to say. He's been napping a lot, but he's a sleepy kid anyway."],
    ["She won't bear weight on either leg - they buckle like they're weak - and her back's tight.", "not sure",
     "why hot and really bad doctor but way and arm", "help"],  # the second "help" took 15.6 s
])
def test_help_in_a_911_resting_on_an_unclear_answer_is_said_within_fifteen_seconds(
        assistant: Assistant, lines: list[str]) -> None:
    # "help" was left out of the turn to keep it within its ceiling, or said and over it: 15.3 s (outside review).
    talk = Conversation(assistant)
    hear_all(talk, lines)
    turn = talk.hear("help")
    said = [m.text for m in turn.said_aloud]
    assert said[0] == "Call 911 now." and any("If it is no, say no" in text for text in said), said
    assert assistant.intents.spoken is not None and said[-1] == assistant.intents.spoken.emergency_help, said
    assert not problems(turn, assistant.intents), said
