"""Answers read the same by ``voicecare answer`` and the conversation (issue #9, answers8): short no-words, care
questions said instead of an answer, yes-words with words that are no answer, hedge words in garble."""

from __future__ import annotations

import json
import sys

import pytest

from children import run_child
from helpers import kind
from voicecare.conversation.answers import AnswerKind, AnswerReader
from voicecare.conversation.dialog import Conversation, State
from voicecare.domain import Status
from voicecare.understanding.assistant import Assistant

SHORT_NOS = ("nah", "nope", "naw", "no no", "not really", "na", "noo", "nahh", "nuh uh")


def interviewed(assistant: Assistant) -> Conversation:
    """A conversation waiting on its first red-flag question."""
    talk = Conversation(assistant)
    talk.hear("my toddler's back is sore")
    assert talk.state is State.INTERVIEW
    return talk


@pytest.mark.parametrize("text", SHORT_NOS)
def test_every_short_no_word_is_no_to_the_reader(reader: AnswerReader, text: str) -> None:
    assert kind(reader, "heart_control", text) == "no"


@pytest.mark.parametrize("text", SHORT_NOS)
def test_every_short_no_word_is_no_in_the_conversation(assistant: Assistant, text: str) -> None:
    # A "no" the conversation took as unclear would count all four 911 signs (rule 4) and call 911.
    talk = interviewed(assistant)
    question = talk.asked[-1]
    talk.hear(text)
    assert talk.state is State.INTERVIEW
    assert {f.symptom.id: f.status for f in talk.found if f.symptom.id in question.symptoms} == dict.fromkeys(
        question.symptoms, Status.ABSENT)


@pytest.mark.parametrize("text", ["can I use a heating pad at night?", "is it ok to give him calpol?",
                                  "how long do I ice it for"])
def test_a_care_question_alone_counts_nothing_in_both(reader: AnswerReader, assistant: Assistant, text: str) -> None:
    # The conversation answers the care question and asks again; ``answer`` must not say "unsure" with four
    # 911 signs counted (README: both read answers the same way).
    answer = reader.read("breathing_alertness", text)
    assert (answer.kind, answer.findings) == (AnswerKind.OFF_TOPIC, ())
    assert answer.care
    talk = interviewed(assistant)
    before = list(talk.found)
    turn = talk.hear(text)
    assert talk.found == before and turn.disposition is None and talk.state is State.INTERVIEW


def test_an_answer_said_with_a_care_question_is_read_without_it(reader: AnswerReader) -> None:
    answer = reader.read("breathing_alertness", "no. can I use a heating pad at night?")
    assert answer.kind is AnswerKind.NO and answer.care


def test_the_care_question_is_in_the_json() -> None:
    out = run_child([sys.executable, "-m", "voicecare", "answer", "--question", "breathing_alertness", "--text",
                          "can I use a heating pad at night?", "--json"], capture_output=True, text=True, timeout=120)
    assert out.returncode == 0, out.stderr
    got = json.loads(out.stdout)
    assert (got["answer"], got["symptoms"], bool(got["care"])) == ("off_topic", [], True)


def bases(reader: AnswerReader, question: str, text: str) -> set[str]:
    return {f.basis.value for f in reader.read(question, text).findings if f.symptom.id in reader.questions[question].symptoms}


@pytest.mark.parametrize("text", ["yeah long dad say that", "yes table soap window", "mm soap rain window"])
def test_a_yes_word_in_words_that_are_no_answer_is_doubted(reader: AnswerReader, text: str) -> None:
    # Counted (rule 4), but never read back as "you said yes" (rule 14): a recogniser's garble.
    answer = reader.read("breathing_alertness", text)
    assert answer.kind is AnswerKind.YES and bases(reader, "breathing_alertness", text) == {"guessed"}
    assert all(f.uncertain for f in answer.findings)


@pytest.mark.parametrize("text", ["yeah", "yes he has", "yeah big time", "yes it's pretty bad", "yeah she does that a lot",
                                  "yes, definitely"])
def test_a_yes_said_on_purpose_is_a_plain_yes(reader: AnswerReader, text: str) -> None:
    assert bases(reader, "breathing_alertness", text) == {"answered"}


def test_a_doubted_yes_is_hedged_and_a_no_takes_it_back(assistant: Assistant) -> None:
    talk = interviewed(assistant)
    question = talk.asked[-1]
    turn = talk.hear("yeah long dad say that")
    assert turn.disposition is not None and turn.disposition.name == "EMERGENCY"  # rule 4: it counts
    assert "not sure" in " ".join(m.text for m in turn.messages).lower()
    talk.hear("no")
    assert not [f for f in talk.found if f.symptom.id in question.symptoms and f.status is Status.PRESENT]


@pytest.mark.parametrize("text", ["think glue might table", "maybe long car window go"])
def test_a_hedge_word_in_garble_is_not_understood_not_unsure(reader: AnswerReader, text: str) -> None:
    # Rule 14: "I did not understand your answer", never "not sure counts as yes" to someone who never said so.
    assert kind(reader, "heart_control", text) == "unsure"
    assert bases(reader, "heart_control", text) == {"unheard"}


@pytest.mark.parametrize("text", ["maybe", "might be", "I don't know", "idk how do you even check that",
                                  "maybe small small, my hand is not a thermometer"])
def test_a_hedge_said_on_purpose_is_unsure(reader: AnswerReader, text: str) -> None:
    assert bases(reader, "heart_control", text) == {"unsure"}


@pytest.mark.parametrize("text", ["I guess not", "i guess not really", "probably not"])
def test_a_guessed_no_is_unsure(reader: AnswerReader, text: str) -> None:
    # Decided from the policy: the caregiver says it is a guess, and a red flag hidden by a wrong "no" is the worst
    # failure (rules 4 and 10: unsure counts as yes, and the conversation says a plain "no" takes it back).
    # "I don't think so" stays a no: the shared corpus labels that everyday no so.
    assert kind(reader, "breathing_alertness", text) == "unsure"
    assert bases(reader, "breathing_alertness", text) == {"unsure"}


def test_a_no_said_in_one_breath_with_a_care_question_counts_in_both(reader: AnswerReader,
                                                                      assistant: Assistant) -> None:
    # As a recogniser gives it, no punctuation: the care question's part is the whole turn, but the "no" in it
    # still answers (it was taken as a care question alone, the "no" dropped).
    text = "no his heart is fine is it ok to give him calpol"
    answer = reader.read("heart_control", text)
    assert answer.kind is AnswerKind.NO and answer.care
    talk = interviewed(assistant)
    talk.hear("no")
    question = talk.asked[-1]
    assert question.id == "heart_control"
    turn = talk.hear(text)
    assert {f.symptom.id: f.status for f in talk.found if f.symptom.id in question.symptoms} == dict.fromkeys(
        question.symptoms, Status.ABSENT)
    assert any(m.kind.name == "CARE_ANSWER" for m in turn.messages)


@pytest.mark.parametrize("text", ["no dave i said thursday thursday works", "no sophie that's mine give it back",
                                  "nope table window soap go"])
def test_a_no_word_in_words_that_are_no_answer_is_never_a_no(reader: AnswerReader, text: str) -> None:
    # Said to someone named, or a recogniser's garble: a wrong "no" hides a red flag, so it is unclear (rule 4),
    # read back as not understood (rule 14).
    assert kind(reader, "breathing_alertness", text) == "unsure"
    assert bases(reader, "breathing_alertness", text) == {"unheard"}


@pytest.mark.parametrize("text", ["no he's been at nursery all day with his mates",
                                  "no he had his dinner and went out on his bike",
                                  "nope, we went to the park this morning and she ran everywhere"])
def test_a_story_after_a_no_is_its_explanation(reader: AnswerReader, text: str) -> None:
    # A statement started at a subject right after the "no" is a part of its own: it explains the no.
    assert kind(reader, "breathing_alertness", text) == "no"


@pytest.mark.parametrize("text", ["no just a runny nose", "nah only a bit of a cough"])
def test_news_left_after_a_no_is_news(reader: AnswerReader, text: str) -> None:
    # "Just" or "only" right after the "no" turns to something else about the child: news, as "no, but ..." is.
    assert kind(reader, "cramps_night_weight", text) == "new_info"


@pytest.mark.parametrize("text", ["she won't sit on the potty she screams", "he won't sit on the potty, he cries"])
def test_refusing_the_potty_with_crying_is_no_denial(reader: AnswerReader, text: str) -> None:
    # The matcher reads the crying on the potty under the "won't": a "no" that hid a bladder or bowel problem.
    answer = reader.read("walking_toilet", text)
    assert answer.kind is AnswerKind.YES
    assert any(f.symptom.id == "bladder_bowel_problems" and f.status is Status.PRESENT for f in answer.findings)


@pytest.mark.parametrize(("question", "text", "expected"), [
    # A pause, then what the caregiver wants: the later of two commands as long.
    ("breathing_alertness", "hang on, slow down a bit, you lost me", "command:slower"),
    ("limbs", "hold on, say that again", "command:repeat"),
    # A command with its reason said after it, even when the reason holds health words.
    ("anything_else", "please repeat the question, the baby was crying", "command:repeat"),
    ("anything_else", "stop sorry i need to stop he's crying too much", "command:stop"),
    ("course", "can we go back to the beginning? I got my answers muddled", "command:start_over"),
])
def test_commands_with_a_pause_or_a_reason(reader: AnswerReader, question: str, text: str, expected: str) -> None:
    assert kind(reader, question, text) == expected


@pytest.mark.parametrize("text", ["baby, baby, no cry, daddy here", "there there, mummy is here, no no"])
def test_comforting_the_child_is_no_answer(reader: AnswerReader, text: str) -> None:
    # The "no" was said to the child: never a "no" to the question (nor "nothing else" after the advice).
    assert kind(reader, "anything_else", text) == "off_topic"
    assert kind(reader, "breathing_alertness", text) == "off_topic"


@pytest.mark.parametrize(("question", "text"), [
    # How the caregiver made sure, and a doubt the check settled: no hedge, no news.
    ("fever_chills", "no, I took his temperature three times to be sure. thirty six nine each time"),
    ("fever_chills", "no he doesn't, I checked with the ear thermometer because I wasn't sure, it's thirty seven point one"),
    ("fever_chills", "no fever. i check, thermometer say ninety eight point four"),
    # A "no" of more than one word after the question's words, in their part, denies them as "fine" does.
    ("limbs", "no, his arms and legs are all good. he was chasing the dog round the garden"),
    # Well said in more words: sleeping straight through, a cramp that came once, knowing the caregiver.
    ("cramps_night_weight", "no no he sleeps straight through, the cramp came once after football and that was it"),
    ("breathing_alertness", "nah, none of that. he's breathing fine and he knows exactly who I am"),
])
def test_an_honest_no_with_its_explanation_is_no(reader: AnswerReader, question: str, text: str) -> None:
    assert kind(reader, question, text) == "no"


def test_not_knowing_the_caregiver_is_never_well(reader: AnswerReader) -> None:
    assert kind(reader, "breathing_alertness", "he keeps looking at me like he doesn't know who I am") != "no"


@pytest.mark.parametrize(("question", "text"), [
    # A yes that never says yes: the sign described, or counted.
    ("cramps_night_weight", "he's down from 14 to 13.1 kilos since the summer"),
    ("cramps_night_weight", "every hour or so. comes right back"),
    ("cramps_night_weight", "six times today"),
    ("breathing_alertness", "she just lies there staring, won't answer me"),
])
def test_a_sign_described_or_counted_is_a_yes(reader: AnswerReader, question: str, text: str) -> None:
    # They counted before as unclear answers (rule 4), read back as "I did not understand" (rule 14: wrong).
    assert kind(reader, question, text) == "yes"


@pytest.mark.parametrize("text", [
    "his pulse is 104, I counted a whole minute. and he's still in nappies, so I can't comment on the toilet side",
    "no no his heart's normal and he's still in diapers anyway, so the potty bit's not a thing for us",
    "he's not potty trained yet, so I can't really say on that, but his heart is steady",
])
def test_a_toilet_part_that_does_not_apply_is_no_doubt(reader: AnswerReader, text: str) -> None:
    # Loss of control is about a toilet-trained child: "still in nappies, so I can't comment" explains that part
    # away, never a hedge that counts the 911 sign (rule 14).
    assert kind(reader, "heart_control", text) == "no"


@pytest.mark.parametrize(("question", "text", "expected"), [
    # A sign said with it still counts; a turn ends the part set apart.
    ("heart_control", "he's still in nappies but his heart is racing", "yes"),
    ("heart_control", "she's still in nappies, so I can't say about that, but her heart feels really slow", "yes"),
    # To the walking and toilet question fewer wet nappies is the sign: nothing is set apart there.
    ("walking_toilet", "he's still in nappies, so I can't tell you much", "partial"),
])
def test_what_is_set_apart_never_hides_a_sign(reader: AnswerReader, question: str, text: str, expected: str) -> None:
    assert kind(reader, question, text) == expected


@pytest.mark.parametrize("text", ["my mum reckons he's confused, he's alright though",
                                  "her nan thinks she's really hard to wake, she's fine",
                                  "her sister says she's been really dozy, she's fine"])
def test_a_sign_reported_then_disputed_is_no_no(reader: AnswerReader, text: str) -> None:
    # "He's alright" after the sign is the caregiver's view, not a "no" answering it ("she has a fever? no she
    # doesn't" is): when in doubt the sign counts (rule 4). It was read as a plain "no" to all four 911 signs.
    assert kind(reader, "breathing_alertness", text) != "no"


@pytest.mark.parametrize("text", ["she has a fever? no she doesn't", "fever? nope"])
def test_a_no_that_answers_the_sign_just_said_still_denies_it(reader: AnswerReader, text: str) -> None:
    assert kind(reader, "fever_chills", text) == "no"


@pytest.mark.parametrize(("text", "expected"), [
    # The question's words denied first, then something else about the child: news, as "no, but ..." is.
    ("no cramps, he's teething", "new_info"),
    ("no weight loss but not eating", "new_info"),
    # ...but what a well child does is no news.
    ("no cramps, she's been eating loads", "no"),
    ("no cramps coming back, and she's eating me out of house and home", "no"),
])
def test_news_after_the_question_was_denied(reader: AnswerReader, text: str, expected: str) -> None:
    assert kind(reader, "cramps_night_weight", text) == expected


@pytest.mark.parametrize(("text", "expected"), [
    # The matcher read "no ... nappies" as no wet nappies across a "fine": the answer's "no" and a part said well.
    ("no walkings fine nappies fine", "no"),
    ("no he's walking fine diapers are normal", "no"),
    # A sign said from the "no" on without a well word inside it is still the sign (rule 2).
    ("no wet nappies since this morning", "yes"),
])
def test_a_sign_stretched_over_a_well_word_is_no_sign(reader: AnswerReader, text: str, expected: str) -> None:
    assert kind(reader, "walking_toilet", text) == expected


@pytest.mark.parametrize(("question", "text"), [
    ("breathing_alertness", "breathing, normal. sleepy, no. confused, no. fainted, no, never."),
    ("limbs", "ope, it's just his back, his legs are fine"),
    ("walking_toilet", "no, he did a wee ten minutes ago and he didn't cry or anything"),
])
def test_more_honest_noes(reader: AnswerReader, question: str, text: str) -> None:
    assert kind(reader, question, text) == "no"


def test_a_wee_not_had_is_still_the_sign(reader: AnswerReader) -> None:
    # "Did a wee" is well; "hasn't had a wee" / "hasn't done a wee" are the sign (rule 2).
    assert kind(reader, "walking_toilet", "he hasn't had a wee since lunch") == "yes"
    assert kind(reader, "walking_toilet", "she hasn't done a wee all day") == "yes"


@pytest.mark.parametrize(("question", "text"), [
    ("heart_control", "Uncertain. Can't find a pulse on the wee fella."),
    ("fever_chills", "can't rightly tell. he feels warmish but my hands are cold"),
])
def test_doubt_said_plainly_or_in_dialect_is_unsure(reader: AnswerReader, question: str, text: str) -> None:
    assert kind(reader, question, text) == "unsure"


@pytest.mark.parametrize(("question", "text"), [
    ("fever_chills", "nah he's not hot, I had my cheek on his forehead the whole time I was rocking him, he's normal"),
    ("cramps_night_weight", "nowt like that. he sleeps right through and he's not lost an ounce"),
])
def test_how_the_caregiver_knows_and_northern_nowt(reader: AnswerReader, question: str, text: str) -> None:
    assert kind(reader, question, text) == "no"
