"""The answer reader on the classes of answers a fresh author wrote (answers_u): each test in our own words."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from helpers import kind
from voicecare.app import answer_eval
from voicecare.conversation.answers import AnswerReader
from voicecare.errors import IntentError
from voicecare.intents import default_dir
from voicecare.understanding.assistant import Assistant


@pytest.mark.parametrize(("question", "text", "expected"), [
    # "Than normal" says a change from how the child usually is: never the well word inside it.
    ("limbs", "she's holding her arm differently than normal", "yes"),
    ("cramps_night_weight", "he's much sleepier than usual these days", "new_info"),
    # Someone else would know: a hedge, even beside an estimate. A day or two would be under the policy's three
    # days, but an estimate the caregiver doubts denies no part: unsure, which counts as yes (rule 10).
    ("course", "maybe a day maybe two, i'd have to ask my partner", "unsure"),
    # Flushed and sweaty is how a fever looks: about the question, never other news that a "no" can cover.
    # With the "no" turned from by "though", the rest of the question is answered no: partial, which counts
    # as yes too (rule 10), and the read-back never says every grouped sign was affirmed (rule 14).
    ("fever_chills", "not that i noticed, though she's flushed and sweaty", "partial"),
])
def test_a_change_or_a_hedge_is_never_a_no(reader: AnswerReader, question: str, text: str, expected: str) -> None:
    assert kind(reader, question, text) == expected


@pytest.mark.parametrize(("question", "text"), [
    # To the child, another grown-up, the phone or another device: the question is asked again.
    ("fever_chills", "here, finish your juice, slowly now"),
    ("cramps_night_weight", "go back to bed, it's only me talking"),
    ("walking_toilet", "alexa, stop"),
    ("course", "i'll call you after, the little one's poorly"),
    ("heart_control", "hello? yes, it's me"),
    ("limbs", "kettle's boiled, can you make the tea"),
])
def test_talk_to_the_room_is_off_topic(reader: AnswerReader, question: str, text: str) -> None:
    assert kind(reader, question, text) == "off_topic"


def test_one_thing_after_anything_else_is_news(reader: AnswerReader) -> None:
    answer = reader.read("anything_else", "one thing, she won't sit in her car seat anymore")
    assert (answer_eval.label(answer), answer.news) == ("yes", True)


@pytest.mark.parametrize(("question", "text"), [
    # An honest "no" said with its detail: what the caregiver checked, what a well child does, an ordinary cause,
    # a sibling's sign, "that's how she always walks", how the caregiver feels.
    ("heart_control", "no, i had my hand on his chest and it's nice and steady"),
    ("walking_toilet", "no, i watched him walk up the hall and he's fine"),
    ("limbs", "no, she's kicking her legs and wiggling her fingers"),
    ("limbs", "nope, his arms and legs are strong"),
    ("fever_chills", "no shivers, she's all cosy under her blanket"),
    ("cramps_night_weight", "no, he slept through, didn't wake once"),
    ("cramps_night_weight", "not at all, weight is same"),
    ("course", "no, it's no worse than yesterday"),
    ("breathing_alertness", "no, he's just cranky because he missed his nap"),
    ("walking_toilet", "no, she's always walked like that"),
    ("fever_chills", "no fever, i was worried because his sister had one"),
    ("anything_else", "no that's all, she's just a bit clingy"),
    ("anything_else", "no, that's everything, i feel calmer now"),
    ("breathing_alertness", "no, her breathing is regular and she's answering my questions"),
    ("cramps_night_weight", "no, the spasms ease when i stretch her"),
    ("walking_toilet", "no, he's walking and running like usual"),
    ("course", "no, it's not stopping her from sleeping"),
])
def test_an_honest_no_with_detail_is_no(reader: AnswerReader, question: str, text: str) -> None:
    assert kind(reader, question, text) == "no"


@pytest.mark.parametrize(("question", "text"), [
    # The same words beside a sign: never a "no" (a wrong "no" hides a red flag).
    ("heart_control", "no, i had my hand on his chest and it was racing"),
    ("walking_toilet", "i watched her walk, she's wobbly"),
    ("walking_toilet", "she cried when she did a wee"),
    ("limbs", "his legs aren't strong"),
    ("fever_chills", "she's cosy but she's shivering"),
    ("breathing_alertness", "he's overtired and very hard to wake"),
    ("cramps_night_weight", "she didn't wake once, she's lost weight though"),
    ("walking_toilet", "no she's always walked like that but now she trips a lot"),
    ("fever_chills", "i can feel the heat coming off her"),  # why "can feel" is no well word, unlike "can move"
    ("heart_control", "his heartbeat is regular but really fast"),
    # Why "when he moves" and "had wet nappies" are no well words.
    ("limbs", "it hurts when he moves his legs"),
    ("course", "it's worse when he moves"),
    ("walking_toilet", "she's had wet nappies but fewer than usual"),
])
def test_detail_beside_a_sign_is_not_a_no(reader: AnswerReader, question: str, text: str) -> None:
    assert kind(reader, question, text) != "no"


def test_a_reading_under_the_threshold_after_a_no_stays_under_it(reader: AnswerReader) -> None:
    # "One day" is denied by its value, not carried over from the "no" (which would doubt it into a yes).
    assert kind(reader, "course", "no, it's been one day, and it's improving") == "no"
    # "Only" beside a reading under the line turns to nothing: that part is well.
    assert kind(reader, "course", "no, it's only been two days") == "no"
    # ...while a sign said after it still counts.
    assert kind(reader, "course", "only been two days and she can't get to sleep") == "partial"


@pytest.mark.parametrize(("question", "text"), [
    # "Won't use her arm" is the sign itself (rule 2): the "not" after a modal denies nothing.
    ("limbs", "no, fine, she won't use her left arm"),
    # "Just" leaves the rest out of the "fine" before it: what follows is said to be there.
    ("course", "no it's fine just lasts longer each time"),
])
def test_a_well_word_does_not_reach_a_sign_it_leaves_out(reader: AnswerReader, question: str, text: str) -> None:
    assert kind(reader, question, text) != "no"


@pytest.mark.parametrize(("question", "text"), [
    # Found by an outside reviewer: "911" was read as a breath count of nine, a normal reading, so "no".
    ("breathing_alertness", "yes, should I call 911?"),
    ("breathing_alertness", "yes 911"),
    # A number speaks for its own sign only: it cannot turn a caregiver's "yes" into a "no".
    ("breathing_alertness", "yes, 40 breaths"),
    ("breathing_alertness", "yes. 100"),
    ("heart_control", "yeah about 100 when I counted"),
])
def test_a_number_never_turns_a_yes_into_a_no(reader: AnswerReader, question: str, text: str) -> None:
    assert kind(reader, question, text) == "yes"


@pytest.mark.parametrize(("question", "text"), [
    ("breathing_alertness", "call 911?"),
    ("breathing_alertness", "should I call nine one one"),
    # With understand14's families, "call nine one one" is the caregiver's own alarm: news carrying a 911.
    ("breathing_alertness", "yes she's struggling, call nine one one?"),
])
def test_asking_about_911_is_never_a_no(reader: AnswerReader, question: str, text: str) -> None:
    assert kind(reader, question, text) != "no"


@pytest.mark.parametrize(("question", "text"), [
    ("breathing_alertness", "no, 30 breaths"),
    ("breathing_alertness", "30 a minute"),
    ("heart_control", "120"),
])
def test_a_normal_reading_alone_is_still_a_no(reader: AnswerReader, question: str, text: str) -> None:
    assert kind(reader, question, text) == "no"


@pytest.mark.parametrize(("question", "text", "expected"), [
    # "Not better" in the question's own words, then the sign said plainly: the later, firmer statement wins.
    ("course", "she's not any better, honestly the pain is getting worse", "yes"),
    ("course", "not getting better at all, it's getting worse every night", "yes"),
    # Alone, "not better" stays a hedge: it does not say worse (rule 14: no yes never said).
    ("course", "the pain is not any better", "unsure"),
    # A hedge about knowing stands whatever follows it: unsure, which counts as yes (rule 10).
    ("course", "i'm not sure, maybe it's getting worse", "unsure"),
])
def test_a_sign_said_after_not_better_overtakes_the_hedge(reader: AnswerReader, question: str, text: str,
                                                           expected: str) -> None:
    assert kind(reader, question, text) == expected


@pytest.mark.parametrize(("question", "text", "command"), [
    # Commands worded as answers word them, beyond controls.toml (answers.toml [commands]): asking how to answer,
    # a learner's "more slow" with a request word, starting all over.
    ("heart_control", "sorry, what am i supposed to say here?", "command:help"),
    ("limbs", "how should i answer that one", "command:help"),
    ("fever_chills", "sorry, talk more slow please", "command:slower"),
    ("course", "can we just start all over", "command:start_over"),
])
def test_commands_worded_beyond_the_controls(reader: AnswerReader, question: str, text: str, command: str) -> None:
    assert kind(reader, question, text) == command


@pytest.mark.parametrize(("question", "text"), [
    # "More slow" alone is how a child moves: an answer, never "slower".
    ("walking_toilet", "she's walking more slow than usual"),
    # A red flag said beside an answer command is never a command (rule 4).
    ("breathing_alertness", "what do i say, she's not breathing"),
])
def test_an_answer_command_never_hides_an_answer(reader: AnswerReader, question: str, text: str) -> None:
    assert not kind(reader, question, text).startswith("command")


def test_an_answer_command_of_no_known_id_is_refused(tmp_path: Path) -> None:
    copy = tmp_path / "en"
    shutil.copytree(default_dir() / "en", copy)
    with (copy / "answers.toml").open("a", encoding="utf-8") as file:
        file.write('no_such = ["x"]\n')  # appended to the [commands] table at the end of the file
    with pytest.raises(IntentError, match="commands: no_such: not a command"):
        AnswerReader(Assistant.load(copy))


@pytest.mark.parametrize(("question", "text", "expected"), [
    # A well word said right after a hedge is what the caregiver doubts: unsure, never a part answered no.
    ("walking_toilet", "not sure, she's still in nappies", "unsure"),
    ("walking_toilet", "dunno, he's still in nappies", "unsure"),
    ("breathing_alertness", "she's making a whistly sound, i can't tell if that's normal", "unsure"),
    # Farther from the hedge, a well word answers its own part: partial (each counts, rule 10).
    ("walking_toilet", "not sure about the wees, her walking is completely fine", "partial"),
])
def test_a_well_word_inside_a_hedge_is_doubted(reader: AnswerReader, question: str, text: str,
                                               expected: str) -> None:
    assert kind(reader, question, text) == expected
