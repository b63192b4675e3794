"""After a 911, the conversation can still be steered and ended (issue #9, outside review 8).

The review found sessions locked in "Call 911 now": a 911 resting on an unheard answer could be taken back only
on the very next turn, so after one misheard word every later turn ("What?", "Skip", "Goodbye") got the 911 again;
en-gb's "No." heard as "nah" was not taken as the "no" that takes it back; "no, that's wrong" did not take back a
911 resting on a guessed sign; and from the second 911 turn on, the signs were named as if heard (rule 14).
Driven through the real dialog (text turns) and the real pipeline (recorded WAVs, PocketSphinx).
"""

from __future__ import annotations

from tests.conftest import listened
from voicecare.conversation import one_shot, spoken
from voicecare.conversation.answers import AnswerKind, AnswerReader
from voicecare.conversation.dialog import Conversation, State
from voicecare.domain import Basis, Level, Message, MessageKind
from voicecare.speech_out.tts import DEFAULT_RATE_WPM
from voicecare.understanding.assistant import Assistant

DESCRIPTION = "her back is tight after the trampoline"
DOUBTED = "her back hurts, her heart seems fast but she was crying a lot"
"""A loose match of a 911 sign (see test_conversation_misheard)."""


def unheard_911(assistant: Assistant) -> Conversation:
    talk = Conversation(assistant)
    talk.greet()
    talk.hear(DESCRIPTION)
    assert talk.hear("").disposition is Level.EMERGENCY  # silence to a 911 question counts as yes (rule 4)
    return talk


def spoken_text(talk: Conversation) -> str:
    return " ".join(m.text for m in talk.last_spoken)


def test_a_no_after_other_turns_still_takes_back_a_911_from_an_unheard_answer(assistant: Assistant) -> None:
    note = assistant.intents.spoken
    assert note is not None
    for turns in (["blood"], ["what's going on", "um", "repeat"], ["skip", "tell me more"]):
        talk = unheard_911(assistant)
        for text in turns:
            talk.hear(text)
            assert talk.state is State.EMERGENCY, (turns, text)
        turn = talk.hear("nah")
        assert turn.disposition is not Level.EMERGENCY and talk.state is State.INTERVIEW, turns
        assert turn.said_aloud[0].text == note.taken_back


def test_every_911_turn_resting_on_an_unheard_answer_says_so_aloud(assistant: Assistant) -> None:
    # Rule 14 in what is heard: from the second 911 turn on, the unheard signs were named as if said.
    talk = unheard_911(assistant)
    for text in ("blood", "what's going on"):
        turn = talk.hear(text)
        assert turn.disposition is Level.EMERGENCY
        said = spoken_text(talk)
        assert "I did not hear your answer about trouble breathing" in said, said
        assert not said.startswith("Call 911 now. Trouble breathing"), said


def test_a_sign_said_plainly_after_an_unheard_answer_is_not_taken_back_by_no(assistant: Assistant) -> None:
    talk = unheard_911(assistant)
    talk.hear("blood")
    assert talk.hear("wait, now he's not breathing").disposition is Level.EMERGENCY
    assert talk.hear("no").disposition is Level.EMERGENCY
    assert talk.state is State.EMERGENCY


def test_commands_work_in_the_emergency_state(assistant: Assistant) -> None:
    talk = unheard_911(assistant)
    talk.hear("blood")
    before = talk.last_spoken
    assert talk.hear("repeat").said_aloud == before
    helped = talk.hear("help")
    # Help is said, after the 911 said again (rule 3: the emergency first; review 9: "help" had dropped it).
    # In a 911 the short help when the whole one would take the turn over rule 13's 15 s (convo10).
    assert assistant.intents.spoken is not None
    assert helped.said_aloud[-1].text == assistant.intents.spoken.emergency_help
    assert helped.said_aloud[0].text == assistant.intents.messages["emergency"]
    asked = talk.hear("goodbye")  # during a 911 nobody said was called: asked about first (outside review 18 F4)
    assert talk.state is State.EMERGENCY and asked.said_aloud[0].text == assistant.intents.messages["emergency"]
    ended = talk.hear("goodbye")
    assert talk.state is State.DONE and ended.command == "quit"


def test_no_thats_wrong_takes_back_a_911_resting_on_a_guess(assistant: Assistant) -> None:
    for correction in ("no that's wrong", "no, you heard that wrong", "nah that's not what I said"):
        talk = Conversation(assistant)
        talk.greet()
        assert talk.hear(DOUBTED).disposition is Level.EMERGENCY
        turn = talk.hear(correction)
        assert turn.disposition is not Level.EMERGENCY and talk.state is State.INTERVIEW, correction


def test_a_recorded_nah_takes_back_an_unheard_911_and_goodbye_ends() -> None:
    # espeak-ng en-gb's "No." (recorded by the outside reviewer): the answer model hears "nah", the description
    # model "not". Both heard a denial: it is the "no" that takes the 911 back (it was taken as unheard, and
    # every later turn got "Call 911 now").
    turns = listened("turns/describe.wav", "other/silence.wav", "other/no_engb.wav", "turns/repeat.wav",
                     "turns/goodbye.wav")
    _, described, silent, no, again, goodbye = turns
    assert described["state"] == "interview"
    assert silent["disposition"] == "emergency"
    assert no["heard"] == "nah" and no["state"] == "interview" and no["disposition"] != "emergency", no
    assert again["command"] == "repeat" and goodbye["state"] == "done", goodbye


# ---- F4: "he's breathing fine" to the grouped 911 question denies breathing only; the rest is asked again


def test_breathing_fine_denies_only_breathing_and_the_rest_is_asked(assistant: Assistant) -> None:
    for text in ("he's breathing fine", "his breathing is normal"):
        talk = Conversation(assistant)
        talk.greet()
        talk.hear(DESCRIPTION)
        turn = talk.hear(text)
        status = {f.symptom.id: f.status.value for f in talk.found}
        assert status.get("trouble_breathing") == "absent", (text, status)
        assert all(s not in status for s in ("very_drowsy", "confusion", "fainting")), (text, status)
        asked = turn.said_aloud[-1].text
        assert "confus" in asked and "breathing" not in asked, (text, asked)
        assert talk.state is State.INTERVIEW


def test_breathing_fine_does_not_call_off_a_911_resting_on_the_other_signs(assistant: Assistant) -> None:
    talk = unheard_911(assistant)
    turn = talk.hear("he's breathing fine")
    assert turn.disposition is Level.EMERGENCY and talk.state is State.EMERGENCY
    said = spoken_text(talk)
    assert "I did not hear your answer about very sleepy" in said and "trouble breathing" not in said, said
    assert talk.hear("no").disposition is not Level.EMERGENCY  # the rest denied now: taken back


def test_a_bare_no_with_a_part_well_still_answers_the_whole_question(assistant: Assistant) -> None:
    talk = Conversation(assistant)
    talk.greet()
    talk.hear(DESCRIPTION)
    talk.hear("nope, he's breathing fine")
    status = {f.symptom.id: f.status.value for f in talk.found}
    assert all(status.get(s) == "absent" for s in ("trouble_breathing", "very_drowsy", "confusion", "fainting"))


# ---- F19 and F22: what the caregiver hears of a 911: a guessed sign said as a guess, a long list cut short


FIVE = "his lips are blue and he's really hard to wake and his heart is racing and he fainted and she's confused"


def first_three_seconds(said: tuple[Message, ...]) -> float:
    emergency = [m for m in said if m.kind is MessageKind.EMERGENCY][:3]
    return spoken.total_seconds(emergency, DEFAULT_RATE_WPM)


def test_a_911_naming_many_signs_says_stay_with_your_child_within_ten_seconds(assistant: Assistant) -> None:
    rules = assistant.intents.spoken
    assert rules is not None and rules.emergency_seconds is not None and rules.emergency_seconds < 10
    talk = Conversation(assistant)
    talk.greet()
    turn = talk.hear(FIVE)
    result = assistant.answer(FIVE)
    for said in (turn.said_aloud, one_shot.reply(result, assistant.intents, DEFAULT_RATE_WPM)):
        assert first_three_seconds(said) <= rules.emergency_seconds, [m.text for m in said]
        assert said[0].text == assistant.intents.messages["emergency"]
        assert said[2].text == assistant.intents.messages["emergency_stay"]
        assert "trouble breathing" in said[1].text.lower() and "other danger signs" in said[1].text, said[1].text
    # The printed answer keeps every sign.
    printed = " ".join(m.text for m in turn.messages).lower()
    assert all(n in printed for n in ("trouble breathing", "hard to wake", "heartbeat", "fainting", "confusion"))


def test_one_sign_911_is_said_whole(assistant: Assistant) -> None:
    talk = Conversation(assistant)
    talk.greet()
    turn = talk.hear("her back hurts and she is not breathing")
    assert turn.said_aloud[1].text == "Trouble breathing."


def test_a_guessed_911_sign_is_spoken_as_a_guess(assistant: Assistant) -> None:
    rules = assistant.intents.spoken
    assert rules is not None and rules.doubted_reason
    talk = Conversation(assistant)
    talk.greet()
    first = talk.hear(DOUBTED)
    again = talk.hear("blood")  # and on every later 911 turn
    for turn in (first, again):
        line = turn.said_aloud[1].text
        assert line.startswith("I may have heard") and "heartbeat" in line, line


def test_a_recorded_misheard_911_is_spoken_as_a_guess_and_no_thats_wrong_takes_it_back() -> None:
    # flite slt: "His back has been sore since yesterday after soft play." then "No, that's wrong." (recorded by
    # the outside reviewer). PocketSphinx heard trouble breathing only in a reading it doubted; "no that's wrong",
    # heard exactly, got "Call 911 now" again. The language model moves as the intents change: a turn heard
    # with no 911 has nothing to take back.
    _, described, corrected = listened("other/soft_play_slt.wav", "other/no_thats_wrong_slt.wav")
    if described["disposition"] != "emergency":
        assert corrected["disposition"] != "emergency"
        return
    spoken_lines = described["spoken"]
    assert isinstance(spoken_lines, list)
    assert spoken_lines[1].startswith("I may have heard"), spoken_lines
    assert corrected["disposition"] != "emergency" and corrected["state"] == "interview", corrected


# ---- F8: a red flag's denial heard only in a spoken description does not clear it from the interview


def test_a_spoken_descriptions_red_flag_denial_is_left_to_the_interview(assistant: Assistant) -> None:
    text = "not hot really sleepy the she doesn't stop to get what are you"  # a recogniser's reading (review 8)
    typed, heard = Conversation(assistant), Conversation(assistant, heard_by_ear=True)
    for talk in (typed, heard):
        talk.greet()
        talk.hear(text)
    assert {f.symptom.id: f.status.value for f in typed.found}.get("very_drowsy") == "absent"  # typed: as said
    assert "very_drowsy" not in {f.symptom.id for f in heard.found if f.status.value == "absent"}
    asked = heard.last_spoken[-1].text
    # The call-911 list names the sign: whole ("very sleepy or hard to wake") or, over the unclear answer's
    # budget, short ("hard to wake"; outside review 9 timed the whole one at 19.8 s).
    assert ("sleepy" in asked or "hard to wake" in asked) and "No very sleepy" not in spoken_text(heard), (
        spoken_text(heard))


def test_a_recorded_description_heard_with_an_invented_denial_still_asks_about_it() -> None:
    # espeak-ng en-gb: "Her back has been really sore since yesterday and she has a temperature of thirty eight
    # point five." (the outside reviewer's), heard "not hot really sleepy ...": it said "No very sleepy or hard
    # to wake" and left hard to wake out of the next question.
    _, described = listened("other/sore_temperature_engb.wav")
    assert described["symptoms"].get("very_drowsy") != "absent", described  # type: ignore[union-attr]
    said = " ".join(described["spoken"])  # type: ignore[arg-type]
    assert "No very sleepy" not in said, said
    if described["state"] == "interview":
        assert "sleepy" in said, said


# ---- F14 and F20: answers read as they were meant


def test_asleep_now_but_no_is_no_yes_to_every_sign(reader: AnswerReader) -> None:
    answer = reader.read("breathing_alertness", "he's asleep now but no")
    assert answer.kind is not AnswerKind.YES
    assert all(f.basis is not Basis.ANSWERED for f in answer.findings)  # never "you said yes" (rule 14)


def test_not_as_far_as_i_know_is_a_no_as_the_shared_corpus_reads_not_that_i_know_of(reader: AnswerReader) -> None:
    for text in ("not as far as I know", "not as far as I can tell", "not that I'm aware of"):
        assert reader.read("heart_control", text).kind is AnswerKind.NO, text


def test_a_bit_hot_to_the_fever_question_counts_fever_and_asks_about_chills(assistant: Assistant) -> None:
    talk = Conversation(assistant)
    talk.greet()
    for text in (DESCRIPTION, "no", "no"):
        talk.hear(text)
    assert talk.asked[-1].id == "fever_chills"
    turn = talk.hear("he's a bit hot actually")
    status = {f.symptom.id: f.status.value for f in talk.found}
    assert status.get("fever") == "present" and "chills" not in status, status  # chills were not said
    assert "fever" not in turn.said_aloud[-1].text  # never asked again about what was said
    talk.hear("no")  # to "what about chills?", or to the next question: the fever stays
    status = {f.symptom.id: f.status.value for f in talk.found}
    assert status.get("fever") == "present" and status.get("chills") != "present", status
    assert talk.result().disposition is Level.URGENT


def test_skip_in_a_911_from_an_unheard_answer_says_it_again_naming_every_sign_asked(assistant: Assistant) -> None:
    # conv2 of the review: the note said "a very fast or very slow heartbeat and other danger signs" (the list
    # cut for time is the sign line's, not the question's), and "skip" said the signs as if heard.
    talk = Conversation(assistant)
    talk.greet()
    for text in (DESCRIPTION, "no"):
        talk.hear(text)
    # Review 19 F14: "skip" there says it cannot skip it and that a "no" is needed, naming every sign too.
    for text, note in (("um", "I did not hear your answer about"), ("skip", "I can't skip this one.")):
        turn = talk.hear(text)
        said = spoken_text(talk)
        assert turn.disposition is Level.EMERGENCY and talk.state is State.EMERGENCY, text
        assert note in said and "bladder or bowel" in said, (text, said)
        assert "other danger signs" not in said, (text, said)
    assert talk.hear("nah").disposition is not Level.EMERGENCY
