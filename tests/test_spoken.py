"""Rule 13: short spoken answers, the rest on request; measured on the real synthesiser's WAV output.

Pure planning is tested with rules written inline; the shipped spoken.toml is
checked against the shipped controls; the seconds that matter are measured as
the duration of what espeak-ng really said (--say-to, --say-to-dir).
"""

from __future__ import annotations

import json
import sys
import tomllib
import wave
from pathlib import Path

import pytest

from children import run_child
from helpers import real_seconds
from tests.conftest import AUDIO
from voicecare.conversation import one_shot, spoken
from voicecare.conversation.dialog import Conversation, State, Turn
from voicecare.domain import IntentSet, Level, Message, MessageKind
from voicecare.interfaces import Transcript
from voicecare.speech_in.pipeline import unsure_red_flags
from voicecare.speech_out.tts import DEFAULT_RATE_WPM, PAUSE_SECONDS, Pyttsx3Synthesizer
from voicecare.understanding.assistant import Assistant
from voicecare.understanding.matching import Matcher

TURNS = AUDIO / "turns"
HOME_CARE_TURN_SECONDS = 20.0
EMERGENCY_SECONDS = 15.0
EMERGENCY_STAY_SECONDS = 10.0
K = MessageKind

RULES = """
item_seconds = 6
[levels.emergency]
seconds = 15
later = ["readback"]
offer = false
[levels.urgent]
seconds = 15
[levels.follow_up]
seconds = 15
[levels.home_care]
seconds = 8
if_room = ["warning"]
later = ["home_care"]
[levels.unclear]
seconds = 20
[requests]
more = []
home_care = ["home_care"]
watch_for = ["warning"]
[offers]
home_care = "Say more for home care."
any = "Say more."
next = "More?"
done = "That is all."
[why]
emergency = "e"
urgent = "u"
follow_up = "f"
home_care = "h"
unclear = "x"
"""


def rules(text: str = RULES) -> spoken.SpokenRules:
    problems: list[str] = []
    parsed = spoken.parse(tomllib.loads(text), "spoken.toml", problems)
    assert problems == []
    return parsed


def say(kind: MessageKind, text: str) -> Message:
    return Message(Level.HOME_CARE, kind, text)


def wav_seconds(path: Path) -> float:
    with wave.open(str(path)) as wav:
        return wav.getnframes() / wav.getframerate()


# ---- planning, pure


def test_the_first_answer_keeps_what_must_be_said_and_fits_the_rest_by_importance() -> None:
    # At 60 words a minute a word is a second; each message also has its pause.
    answer = [say(K.READBACK, "I heard pain."), say(K.INSTRUCTION, "Care at home."),
              say(K.HOME_CARE, "Rub it."), say(K.WARNING, "Signs:"), say(K.WARNING, "Call if bad."),
              say(K.CONVERSATION, "Anything else?")]
    plan = spoken.plan(answer, Level.HOME_CARE, rules(), 60)
    # What is always said already fills the 8 s: the warnings wait, ahead of home care, and the offer
    # is chosen by the first waiting kind (none for warnings here: the general one).
    # The offer takes the place of the closing words, which are asked once nothing waits.
    assert [m.text for m in plan.now] == ["I heard pain.", "Care at home.", "Say more."]
    assert [[m.text for m in unit] for unit in plan.waiting] == [["Signs:", "Call if bad."], ["Rub it."]]
    roomy = spoken.plan(answer, Level.HOME_CARE, rules(RULES.replace("seconds = 8", "seconds = 30")), 60)
    assert "Call if bad." in [m.text for m in roomy.now] and "Signs:" in [m.text for m in roomy.now]
    assert [[m.text for m in unit] for unit in roomy.waiting] == [["Rub it."]]


def test_the_offer_comes_before_a_question_and_replaces_the_closing_words() -> None:
    answer = [say(K.INSTRUCTION, "Care at home."), say(K.HOME_CARE, "Rub it."), say(K.CONVERSATION, "Anything else?"),
              say(K.QUESTION, "Does it hurt?")]
    plan = spoken.plan(answer, Level.HOME_CARE, rules(), 165)
    assert [m.text for m in plan.now] == ["Care at home.", "Say more for home care.", "Does it hurt?"]


def test_an_emergency_waits_for_nothing_that_matters_and_offers_nothing() -> None:
    answer = [Message(Level.EMERGENCY, K.EMERGENCY, "Call 911 now."), Message(Level.EMERGENCY, K.READBACK, "I heard x."),
              Message(Level.EMERGENCY, K.DISCLAIMER, "Not a doctor.")]
    plan = spoken.plan(answer, Level.EMERGENCY, rules(), 165)
    assert [m.text for m in plan.now] == ["Call 911 now.", "Not a doctor."]
    assert plan.waiting == ((answer[1],),)


def test_without_rules_everything_is_said() -> None:
    answer = [say(K.HOME_CARE, "Rub it.")]
    assert spoken.plan(answer, Level.HOME_CARE, None, 165).now == tuple(answer)


def test_requests_give_one_short_item_then_more_of_its_kind_that_fits() -> None:
    waiting = ((say(K.HOME_CARE, "one two"),), (say(K.HOME_CARE, "three four"),), (say(K.WARNING, "five"),),
               (say(K.HOME_CARE, "six seven eight nine ten eleven"),))
    said, rest = spoken.take(waiting, (), rules(), 60)
    assert [m.text for m in said] == ["one two", "three four"]  # 2.25 + 2.25 s within 6 s; "five" is another kind
    said, rest = spoken.take(rest, (K.HOME_CARE,), rules(), 60)
    assert [m.text for m in said] == ["six seven eight nine ten eleven"]  # over the budget alone: still given
    assert [[m.text for m in unit] for unit in rest] == [["five"]]


@pytest.mark.parametrize(("later", "problem"), [
    ('later = ["home_care", "warning"]', "spoken.toml: levels.home_care: warning: in both if_room and later"),
    ('later = ["homecare"]', "spoken.toml: levels.home_care: later: 'homecare' is not a message kind"),
])
def test_rules_are_checked_one_line_per_problem(later: str, problem: str) -> None:
    problems: list[str] = []
    spoken.parse(tomllib.loads(RULES.replace('later = ["home_care"]', later)), "spoken.toml", problems)
    assert len(problems) == 1 and problems[0].startswith(problem), problems


def test_bad_seconds_and_missing_offers_are_problems() -> None:
    problems: list[str] = []
    spoken.parse(tomllib.loads(RULES.replace("seconds = 8", 'seconds = "x"').replace('done = "That is all."', "")),
                 "spoken.toml", problems)
    assert "spoken.toml: levels.home_care: seconds: must be a number of seconds from 0 to 600, not 'x'" in problems
    assert "spoken.toml: offers: done: missing text" in problems


def test_the_shipped_rules_load_and_every_request_can_be_said(intents: IntentSet) -> None:
    loaded = intents
    assert loaded.spoken is not None
    for request in spoken.REQUESTS:
        assert loaded.controls.get(request), request  # a request nobody can say would hide the rest for ever
    for kinds in loaded.spoken.requests.values():
        assert all(isinstance(k, MessageKind) for k in kinds)


def test_a_one_shot_answer_says_the_short_part_and_the_call_911_signs(assistant: Assistant) -> None:
    # triage --say-to: nobody can ask for more, so the call-911 signs are said (rule 11), home care only printed.
    result = assistant.answer("his back is sore after playing")
    said = one_shot.reply(result, assistant.intents, DEFAULT_RATE_WPM)
    topic = assistant.intents.topics[0]
    assert [m.kind for m in said][:2] == [K.READBACK, K.INSTRUCTION]
    # Whole or, briefly (rule 11), in few words: the whole list alone is 14 s of espeak-ng (outside review 11, F7).
    assert said[-1].text in (topic.messages["emergency_signs"], topic.messages["emergency_signs_short"])
    assert not any(m.kind is K.HOME_CARE for m in said) and any(m.kind is K.HOME_CARE for m in result.messages)
    assert topic.messages["urgent_signs"] not in [m.text for m in said]


# ---- the conversation: the rest on request, every fact reachable


def advice(assistant: Assistant) -> tuple[Conversation, Turn]:
    """A conversation about a sore back, the red-flag questions answered no: the home-care advice turn."""
    talk = Conversation(assistant, max_questions=0)
    turn = talk.hear("his back is sore after playing")
    while talk.state is State.INTERVIEW:
        turn = talk.hear("no")
    return talk, turn


def test_asking_more_reaches_every_message_of_the_answer(assistant: Assistant) -> None:
    talk, first = advice(assistant)
    assert first.disposition is Level.HOME_CARE and talk.state is State.ANYTHING_ELSE
    heard = {m.text for m in first.said_aloud}
    assert any("Say more" in text for text in heard)  # the rest is offered
    for _ in range(30):
        if not talk.waiting:
            break
        heard |= {m.text for m in talk.hear("more").said_aloud}
    assert not talk.waiting
    assert {m.text for m in first.messages} <= heard


@pytest.mark.parametrize(("request_text", "kind"), [("what do I do at home", K.HOME_CARE),
                                                    ("what should I watch for", K.WARNING)])
def test_a_request_gives_an_item_of_its_kind(assistant: Assistant, request_text: str, kind: MessageKind) -> None:
    talk, _ = advice(assistant)
    turn = talk.hear(request_text)
    assert turn.command is not None and turn.disposition is None
    assert turn.said_aloud[0].kind == kind
    assert turn.messages == turn.said_aloud  # a request's answer is short: all of it is said


def test_why_explains_and_repeat_says_the_short_part_again(assistant: Assistant) -> None:
    talk, first = advice(assistant)
    why = talk.hear("why")
    assert why.said_aloud[0].text == assistant.intents.spoken.why[Level.HOME_CARE]  # type: ignore[union-attr]
    again = talk.hear("repeat")
    assert again.said_aloud == why.said_aloud
    assert len(first.said_aloud) < len(first.messages)


# ---- commands and the recogniser's other readings


def test_a_command_s_other_readings_are_not_red_flags(assistant: Assistant) -> None:
    heard = Transcript("slower", True, alternatives=("slow air", "slower"))
    assert unsure_red_flags(assistant, heard) != []  # the reading "slow air" alone is a breathing sign...
    assert unsure_red_flags(assistant, heard, command=True) == []  # ...but the caregiver said a command


def test_slower_or_faster_says_the_waiting_question_again(assistant: Assistant) -> None:
    # "Slower please" changed the rate and said nothing: the caregiver heard no sign it was understood.
    talk = Conversation(assistant)
    first = talk.hear("my son's back hurts")
    assert talk.state is State.INTERVIEW
    for command in ("slower", "faster"):
        turn = talk.hear(command)
        assert turn.command == command and turn.disposition is None and turn.state is State.INTERVIEW
        assert turn.said_aloud == first.said_aloud[-1:]  # the question, not the whole turn
    assert talk.hear("repeat").said_aloud == first.said_aloud[-1:]  # the question; the disclaimer once (rule 8)
    assert Conversation(assistant).hear("slower").said_aloud != ()  # nothing said yet: still acknowledged


def test_a_command_with_an_emergency_is_an_emergency(assistant: Assistant) -> None:
    talk = Conversation(assistant)
    assert talk.command_of("slower") == "slower"
    assert talk.command_of("slower he is not breathing") is None
    assert talk.hear("slower he is not breathing").disposition is Level.EMERGENCY


def test_every_message_of_every_corpus_answer_is_reachable(assistant: Assistant) -> None:
    rules = assistant.intents.spoken
    assert rules is not None
    corpus = Path(__file__).parent / "data" / "corpus.tsv"
    lines = [line.split("\t")[-1] for line in corpus.read_text().splitlines() if line and not line.startswith("#")]
    for text in lines:
        assistant.disclaimer_due = True
        result = assistant.answer(text)
        plan = spoken.plan(result.messages, result.disposition, rules, DEFAULT_RATE_WPM)
        heard, waiting = set(plan.now), plan.waiting
        while waiting:
            said, waiting = spoken.take(waiting, (), rules, DEFAULT_RATE_WPM)
            heard |= set(said)
        assert set(result.messages) <= heard, text
        assert any(m.kind is K.DISCLAIMER for m in plan.now), text  # rule 8: said, never left waiting


# ---- measured on the real synthesiser


@pytest.mark.parametrize("text", [
    "my son fell down the stairs and now he can't move his legs",  # the longest emergency of the corpus
    "he can't breathe, he fainted and he is confused",
    "he fell off the bed and hurt his back",
    "we haven't taken him to the doctor yet and his back hurts",
    "she had a fever last week but now just her back is sore",
    "hello",  # unclear: the call-911 signs are always said (rule 7)
])
def test_the_longest_first_answers_fit(assistant: Assistant, synth: Pyttsx3Synthesizer, text: str) -> None:
    result = assistant.answer(text)
    plan = spoken.plan(result.messages, result.disposition, assistant.intents.spoken, DEFAULT_RATE_WPM)
    limit = EMERGENCY_SECONDS if result.disposition is Level.EMERGENCY else HOME_CARE_TURN_SECONDS
    assert real_seconds(synth, plan.now, DEFAULT_RATE_WPM) <= limit
    if result.disposition is Level.EMERGENCY:
        stay = next(i for i, m in enumerate(plan.now) if m.text == assistant.intents.messages["emergency_stay"])
        assert real_seconds(synth, plan.now[:stay + 1], DEFAULT_RATE_WPM) <= EMERGENCY_STAY_SECONDS


@pytest.mark.parametrize("text", [
    "his back is stiff",  # a home-care reply with the disclaimer and the call-911 signs was 21 s (issue #9)
    "she has a fever and her back hurts",
    "her back hurts and she has pain going down her leg",  # the longest read-back of the one-sign replies
])
def test_a_one_shot_reply_written_to_a_file_is_short(tmp_path: Path, text: str) -> None:
    reply = tmp_path / "reply.wav"
    out = run_child([sys.executable, "-m", "voicecare", "triage", "--text", text, "--say-to", str(reply)],
                    capture_output=True, text=True, timeout=120, check=False)
    assert out.returncode == 0, out.stderr
    assert wav_seconds(reply) <= HOME_CARE_TURN_SECONDS
    assert "I do not replace a doctor." in out.stdout  # printed in full (rule 13)


def listen(*files: Path, replies: Path) -> list[dict[str, object]]:
    args = [sys.executable, "-m", "voicecare", "listen", "--engine", "sphinx", "--fast", "--json", "--input-files",
            *map(str, files), "--say-to-dir", str(replies)]
    out = run_child(args, capture_output=True, text=True, timeout=300, check=False)
    assert out.returncode == 0, out.stderr
    return [json.loads(line) for line in out.stdout.splitlines()]


def test_every_spoken_turn_of_a_home_care_conversation_is_short(tmp_path: Path) -> None:
    replies = tmp_path / "replies"
    answers = [TURNS / "no.wav", TURNS / "no_nothing.wav", TURNS / "no.wav", TURNS / "no.wav", TURNS / "no.wav"]
    turns = listen(TURNS / "describe.wav", *answers, TURNS / "more.wav", TURNS / "at_home.wav",
                   TURNS / "watch_for.wav", TURNS / "why.wav", TURNS / "tell_me_more.wav", TURNS / "slower.wav",
                   TURNS / "repeat.wav", TURNS / "stop.wav", replies=replies)
    seconds = {int(p.stem): wav_seconds(p) for p in replies.glob("*.wav")}
    assert max(seconds.values()) <= HOME_CARE_TURN_SECONDS, seconds
    at = next(i for i, t in enumerate(turns) if t["state"] == "anything_else")  # after every red-flag question
    advice = turns[at]
    assert at == 1 + len(answers)
    assert advice["disposition"] == "home_care" and len(advice["spoken"]) < len(advice["said"])  # type: ignore[arg-type]
    assert any("Gently rub" in text for text in advice["said"])  # type: ignore[union-attr]  # printed in full
    commands = [t["command"] for t in turns[at + 1:]]
    assert commands == ["more", "home_care", "watch_for", "why", "more", "slower", "repeat", "stop"]
    assert all(t["disposition"] != "emergency" for t in turns)
    spoken_texts = [text for t in turns for text in t["spoken"]]  # type: ignore[attr-defined]
    disclaimer = (Path(__file__).parents[1] / "intents" / "en" / "messages.toml").read_text()
    said = tomllib.loads(disclaimer)["messages"]["disclaimer"]
    assert spoken_texts.count(said) == 1  # rule 8: once per conversation


def test_an_emergency_is_said_in_under_fifteen_seconds_and_stay_with_your_child_in_ten(tmp_path: Path) -> None:
    reply = tmp_path / "reply.wav"
    text = "he can't breathe, he fainted and he is confused"
    out = run_child([sys.executable, "-m", "voicecare", "triage", "--text", text, "--say-to", str(reply), "--json"],
                    capture_output=True, text=True, timeout=120, check=False)
    assert out.returncode == 0, out.stderr
    result = json.loads(out.stdout)
    assert result["disposition"] == "emergency"
    assert wav_seconds(reply) <= EMERGENCY_SECONDS
    opening = [m["text"] for m in result["messages"]]
    stay = opening.index("Stay with your child.")
    synth = Pyttsx3Synthesizer()
    try:
        clips = [synth.synth(t, DEFAULT_RATE_WPM) for t in opening[:stay + 1]]
    finally:
        synth.close()
    until_stay = sum(len(c.pcm) / 2 / c.rate + PAUSE_SECONDS for c in clips)
    assert until_stay <= EMERGENCY_STAY_SECONDS, until_stay


def test_an_unheard_answer_read_back_honestly_still_fits(tmp_path: Path, intents: IntentSet) -> None:
    # Silence to the last red-flag question counts as yes (rule 4) and is read back as unheard (rule 14):
    # the longest read-back of a sore-back conversation, and still within the budget. (The question is asked once
    # more after the first silence, saying it counts as yes unless the answer is no: silent again, it stands.)
    replies = tmp_path / "replies"
    answers = [TURNS / "no.wav", TURNS / "no_nothing.wav", TURNS / "no.wav", TURNS / "no.wav"]
    silence = AUDIO / "other" / "silence.wav"
    turns = listen(TURNS / "describe.wav", *answers, silence, silence, replies=replies)
    assert turns[-2]["spoken"][-1] == turns[-3]["spoken"][-1]  # the question, asked again
    last = turns[-1]
    # The read-back is honest in whichever form fits beside the call-911 signs (rules 11, 14): never "I heard" it.
    spoken_texts: list[str] = last["spoken"]  # type: ignore[assignment]
    rules = intents.spoken
    assert rules is not None
    unclear = (rules.short_readback["unclear"], rules.compact_readback["unclear"].split("{")[0])
    assert last["disposition"] == "urgent" and any(
        "did not hear a clear answer" in text or text.startswith(unclear) for text in spoken_texts), spoken_texts
    assert not any(text.startswith("I heard") and "cramps" in text for text in spoken_texts)
    assert any(text.startswith("Call 911") for text in spoken_texts)
    assert wav_seconds(replies / f"{last['turn']:03d}.wav") <= HOME_CARE_TURN_SECONDS


def test_an_emergency_that_takes_over_the_interview_is_said_in_under_fifteen_seconds(tmp_path: Path) -> None:
    replies = tmp_path / "replies"
    turns = listen(TURNS / "describe.wav", TURNS / "no.wav", TURNS / "not_breathing.wav", TURNS / "more.wav",
                   replies=replies)
    assert turns[3]["disposition"] == "emergency"
    assert turns[3]["spoken"][:1] == ["Call 911 now."]  # type: ignore[index]
    assert wav_seconds(replies / "003.wav") <= EMERGENCY_SECONDS
    assert turns[4]["command"] == "more" and wav_seconds(replies / "004.wav") <= HOME_CARE_TURN_SECONDS


def test_slower_said_as_a_red_flag_question_is_asked_is_no_answer_and_no_911(tmp_path: Path) -> None:
    # PocketSphinx hears the recorded "slower" as "floor", with "slower" as its next reading. Taken as an
    # unclear answer to "is your child having trouble breathing...", it counted as yes and said "Call 911 now".
    turns = listen(TURNS / "describe.wav", TURNS / "slower.wav", TURNS / "no.wav", replies=tmp_path / "r")
    assert turns[2]["command"] == "slower" and turns[2]["disposition"] is None
    assert turns[2]["spoken"] == turns[1]["spoken"][-1:]  # type: ignore[index]  # the question again, slower
    assert turns[3]["state"] == "interview" and turns[3]["disposition"] == "home_care"  # "no" answers the question


def test_slower_repeat_and_stop_never_raise_an_emergency_even_in_a_kiosk_without_a_wake_phrase(tmp_path: Path) -> None:
    # First thing said to a fresh session (no wake phrase): nothing to repeat or stop yet, and still no 911.
    # (The conversation test above hears "slower" as the command; here PocketSphinx may hear "for".)
    turns = listen(TURNS / "slower.wav", TURNS / "repeat.wav", TURNS / "stop.wav", replies=tmp_path / "r")
    assert [t["command"] for t in turns[2:]] == ["repeat", "stop"]
    assert all(t["disposition"] != "emergency" for t in turns)
    said = listen(TURNS / "slower_not_breathing.wav", replies=tmp_path / "s")
    assert said[1]["disposition"] == "emergency"  # an emergency said with a command still wins


def test_each_recording_of_a_multi_file_triage_hears_the_disclaimer(tmp_path: Path) -> None:
    files = [AUDIO / "clean" / "hc_sore.wav", AUDIO / "clean" / "ur_fever.wav", AUDIO / "clean" / "em_blue.wav"]
    out = run_child([sys.executable, "-m", "voicecare", "triage", "--engine", "sphinx", "--json", "--quiet",
                          "--audio", *map(str, files)], capture_output=True, text=True, timeout=300, check=False)
    results = [json.loads(line) for line in out.stdout.splitlines()]
    assert [sum(m["kind"] == "disclaimer" for m in r["messages"]) for r in results] == [1, 1, 1]


def test_text_mode_says_when_speech_options_do_nothing() -> None:
    out = run_child([sys.executable, "-m", "voicecare", "triage", "--text", "his back hurts", "--rate", "120"],
                    capture_output=True, text=True, timeout=60, check=False)
    assert out.returncode == 0 and "HOME CARE" in out.stdout
    assert "--say-to" in out.stderr and len(out.stderr.splitlines()) == 1


@pytest.mark.parametrize("text", [
    "can I use a heating pad at night? his back is sore",
    "how long do I ice it, her back is tight",
    "can she go to daycare with a sore back",
    "is it okay to massage his back, it's really tight",
])
def test_a_care_question_with_the_first_red_flag_question_fits(intents: IntentSet, synth: Pyttsx3Synthesizer,
                                                               text: str) -> None:
    # It took 23.6-25.8 s of espeak-ng's speech: the whole care answer, what was heard, the disclaimer, "a few
    # quick questions", the first red-flag question. The care answer's first sentence is said; the rest on "more".
    talk = Conversation(Assistant(intents, Matcher(intents)))
    talk.greet()
    turn = talk.hear(text)
    assert turn.state is State.INTERVIEW and turn.said_aloud[-1].kind is K.QUESTION
    assert turn.said_aloud[0].kind is K.CARE_ANSWER  # the care answer first, briefly
    assert any(m.kind is K.DISCLAIMER for m in turn.said_aloud)  # rule 8: said with the first answer
    assert real_seconds(synth, turn.said_aloud, DEFAULT_RATE_WPM) <= HOME_CARE_TURN_SECONDS
    care = " ".join(m.text for m in turn.messages if m.kind is K.CARE_ANSWER)
    heard = " ".join(m.text for m in turn.said_aloud if m.kind is K.CARE_ANSWER)
    more = talk.hear("more")
    heard += " " + " ".join(m.text for m in more.said_aloud if m.kind is K.CARE_ANSWER)
    def words(said: str) -> set[str]:
        return set(said.lower().replace(".", " ").replace(";", " ").split())

    assert words(care) <= words(heard)
    assert more.said_aloud[-1].kind is K.QUESTION  # the question is still open


def test_an_emergency_from_an_unheard_answer_fits_with_how_to_take_it_back(intents: IntentSet,
                                                                           synth: Pyttsx3Synthesizer) -> None:
    talk = Conversation(Assistant(intents, Matcher(intents)))
    talk.hear("my son's back is really tight after playing at the park")
    turn = talk.hear("pee")  # "Repeat." as PocketSphinx hears espeak-ng say it
    said = turn.said_aloud
    assert [m.text for m in said[:2]] == [intents.messages["emergency"], intents.messages["emergency_stay"]]
    assert real_seconds(synth, said[:2], DEFAULT_RATE_WPM) <= EMERGENCY_STAY_SECONDS
    assert real_seconds(synth, said, DEFAULT_RATE_WPM) <= EMERGENCY_SECONDS
    assert said[-1].text.startswith("I did not understand your answer about trouble breathing")


def test_a_what_if_said_in_the_last_answer_waits_when_the_advice_is_full(intents: IntentSet,
                                                                          synth: Pyttsx3Synthesizer) -> None:
    # Replayed with piper's voice, a misheard last answer held a what-if: read-back, "call the doctor", the
    # what-if's answer and the offer came to 20.6 s of speech. It is said when it fits, else on "more".
    talk = Conversation(Assistant(intents, Matcher(intents)))
    talk.hear("my son's back is tight and his leg is tingling")
    while talk.state is State.INTERVIEW:
        last = talk.asked[-1].id == "cramps_night_weight"
        turn = talk.hear("no, but what if it goes on for more than a few days" if last else "no")
    assert turn.disposition is Level.URGENT
    assert real_seconds(synth, turn.said_aloud, DEFAULT_RATE_WPM) <= HOME_CARE_TURN_SECONDS
    assert any(m.kind is K.HYPOTHETICAL for m in turn.messages)  # printed in full
    assert any(m.kind is K.HYPOTHETICAL for m in talk.hear("more").said_aloud)


def test_the_longest_read_back_of_a_replayed_conversation_fits(intents: IntentSet, synth: Pyttsx3Synthesizer) -> None:
    # flite's awb voice, replayed: a sign said, an answer not heard (three signs counted), the other questions
    # denied; read-back, "call the doctor" and the offer took 20.4 s.
    talk = Conversation(Assistant(intents, Matcher(intents)))
    talk.hear("my son's back is really tight and he's been peeing less")
    while talk.state is State.INTERVIEW:
        turn = talk.hear("" if talk.asked[-1].id == "cramps_night_weight" else "no")  # silence: unheard
    # Over turn_seconds: said short and honest after the action (rule 14), printed in full: the short line, or with
    # room (the planning estimate fitted never short of real speech, review 17 F12) the compact one naming the signs
    # counted from the answer not heard.
    assert intents.spoken is not None
    texts = [m.text for m in turn.said_aloud]
    compact = intents.spoken.compact_readback["unclear"].split("{items}")[0]
    assert intents.spoken.short_readback["unclear"] in texts or any(t.startswith(compact) for t in texts), texts
    assert any("did not hear a clear answer" in m.text for m in turn.messages if m.kind is K.READBACK)
    assert real_seconds(synth, turn.said_aloud, DEFAULT_RATE_WPM) <= HOME_CARE_TURN_SECONDS


def test_many_signs_and_unclear_answers_give_the_action_first_and_a_short_honest_read_back(
        intents: IntentSet, synth: Pyttsx3Synthesizer) -> None:
    # The replayed-conversation bench found a 26.7 s turn: three signs said, one answer "not sure", one not heard,
    # all read back before "call the doctor". Spoken: the action, then a short read-back that still says signs
    # were counted to be safe (rule 14); printed: the full read-back, said on "more".
    talk = Conversation(Assistant(intents, Matcher(intents)))
    talk.hear("my son's back is in spasm, he has trouble peeing and pooping and his arms and legs are tingling")
    unclear = {"fever_chills": "I'm not sure", "cramps_night_weight": ""}
    while talk.state is State.INTERVIEW:
        turn = talk.hear(unclear.get(talk.asked[-1].id, "no"))
    assert turn.disposition is Level.URGENT
    assert real_seconds(synth, turn.said_aloud, DEFAULT_RATE_WPM) <= HOME_CARE_TURN_SECONDS
    assert turn.said_aloud[0].text == intents.messages["urgent"]  # rule 13: the action first
    rules = intents.spoken
    assert rules is not None
    assert rules.short_readback["unclear"] in [m.text for m in turn.said_aloud]
    full = next(m.text for m in turn.messages if m.kind is K.READBACK)
    for part in ("I heard: back pain", "You were not sure about fever or chills",
                 "I did not hear a clear answer about severe cramping"):
        assert part in full
    said_later = []
    while talk.waiting:
        more = talk.hear("more").said_aloud
        # The whole read-back is 21.7 s: said in parts.
        assert real_seconds(synth, more, DEFAULT_RATE_WPM) <= HOME_CARE_TURN_SECONDS
        said_later += [m.text for m in more if m.kind is K.READBACK]
    assert full in " ".join(said_later)


def test_a_long_read_back_of_signs_said_is_short_and_claims_no_unclear_answer() -> None:
    text = RULES.replace("item_seconds = 6", 'item_seconds = 6\nturn_seconds = 5\n'
                         '[short_readback]\nunclear = "Some were unclear."\nsaid = "I counted what you said."')
    long_read_back = "I heard: " + ", ".join(["back pain"] * 10) + "."
    messages = [say(K.READBACK, long_read_back), say(K.INSTRUCTION, "Call the doctor.")]
    planned = spoken.plan(messages, Level.HOME_CARE, rules(text), DEFAULT_RATE_WPM)
    assert [m.text for m in planned.now] == ["Call the doctor.", "I counted what you said.", "Say more."]
    assert planned.waiting[0] == (messages[0],)
    short = [say(K.READBACK, "I heard: back pain."), messages[1]]
    assert spoken.plan(short, Level.HOME_CARE, rules(text), DEFAULT_RATE_WPM).now == tuple(short)
