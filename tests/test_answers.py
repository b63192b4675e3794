"""The answer reader: each kind of answer, in our own words, and the figures on the labelled corpus."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from children import run_child
from helpers import kind
from voicecare.app import answer_eval
from voicecare.conversation.answers import ANYTHING_ELSE, AnswerKind, AnswerReader
from voicecare.domain import Basis, Status
from voicecare.understanding.assistant import Assistant

CORPUS = Path(__file__).parent / "data" / "answers.tsv"




def statuses(reader: AnswerReader, question: str, text: str) -> dict[str, tuple[str, str]]:
    return {f.symptom.id: (f.status.value, f.basis.value) for f in reader.read(question, text).findings}


@pytest.mark.parametrize(("question", "text"), [
    ("breathing_alertness", "no, she is struggling to breathe"),  # rule 2: the sign beats the "no"
    ("breathing_alertness", "nah yeah he fainted on the stairs"),
    ("fever_chills", "yep, she's boiling hot"),
    ("heart_control", "uh huh, his heart is racing"),
    ("limbs", "kind of, he keeps holding his knee"),
    ("cramps_night_weight", "nah yeah, his jeans are loose, he has lost weight"),
])
def test_affirmations_are_yes(reader: AnswerReader, question: str, text: str) -> None:
    assert kind(reader, question, text) == "yes"


@pytest.mark.parametrize(("question", "text"), [
    ("breathing_alertness", "nope, she's chatting away and breathing fine"),
    ("fever_chills", "yeah nah, no temperature"),
    ("heart_control", "none of that, his heart feels normal"),
    ("limbs", "no, his legs are good"),
    ("walking_toilet", "nah, walks fine, plenty of wet nappies"),
    (ANYTHING_ELSE, "no, that's it thanks"),
])
def test_denials_are_no(reader: AnswerReader, question: str, text: str) -> None:
    assert kind(reader, question, text) == "no"


def test_a_no_sets_every_sign_of_the_question_absent(reader: AnswerReader) -> None:
    found = statuses(reader, "cramps_night_weight", "no, none of those")
    assert found == {s: ("absent", "said") for s in ("severe_cramping", "night_pain", "weight_loss")}


@pytest.mark.parametrize(("question", "text"), [
    ("fever_chills", "no idea, I can't find the thermometer"),
    ("heart_control", "I couldn't say, he won't keep still"),
    ("course", "hard to say, it comes and goes"),
])
def test_hedges_are_unsure_and_count_as_yes(reader: AnswerReader, question: str, text: str) -> None:
    answer = reader.read(question, text)
    assert answer.kind is AnswerKind.UNSURE
    question_signs = reader.questions[question].symptoms
    assert {f.symptom.id for f in answer.findings if f.status is Status.PRESENT} == set(question_signs)
    assert {f.basis for f in answer.findings} == {Basis.UNSURE}  # read back as "you were not sure"


def test_silence_counts_as_yes_but_is_marked_unheard(reader: AnswerReader) -> None:
    answer = reader.read("breathing_alertness", "")
    assert answer.silent and answer.kind is AnswerKind.UNSURE
    assert {(f.status, f.basis) for f in answer.findings} == {(Status.PRESENT, Basis.UNHEARD)}


@pytest.mark.parametrize(("question", "text", "present", "absent"), [
    ("fever_chills", "no fever, but she keeps shivering", "chills", "fever"),
    ("breathing_alertness", "not really, but he did pass out for a moment", "fainting", "trouble_breathing"),
])
def test_partial_answers_keep_each_sign_apart(reader: AnswerReader, question: str, text: str, present: str,
                                               absent: str) -> None:
    found = statuses(reader, question, text)
    assert kind(reader, question, text) == "partial"
    assert found[present][0] == "present" and found[absent][0] == "absent"


@pytest.mark.parametrize(("question", "text"), [
    ("fever_chills", "now he's breathing really fast"),
    ("heart_control", "he just vomited on the floor"),
    ("limbs", "she's got a rash on her tummy"),
])
def test_new_information_is_never_a_yes_to_the_question(reader: AnswerReader, question: str, text: str) -> None:
    answer = reader.read(question, text)
    assert answer.kind is AnswerKind.NEW_INFO
    assert not set(reader.questions[question].symptoms) & {f.symptom.id for f in answer.findings}


def test_new_information_keeps_its_own_finding(reader: AnswerReader) -> None:
    found = statuses(reader, "fever_chills", "now he's breathing really fast")
    assert found == {"trouble_breathing": ("present", "said")}


@pytest.mark.parametrize(("text", "command"), [
    ("sorry, say that again", "repeat"), ("slow down a bit", "slower"), ("can you hurry up", "faster"),
    ("hang on", "stop"), ("let's start over", "start_over"), ("what are my options here", "help"),
    ("skip this one", "skip"), ("thanks, bye", "goodbye"),
])
def test_commands(reader: AnswerReader, text: str, command: str) -> None:
    answer = reader.read("limbs", text)
    assert (answer.kind, answer.command) == (AnswerKind.COMMAND, command) and not answer.findings


@pytest.mark.parametrize("text", ["no no, put the remote down", "sweetheart, come here", "stop it both of you"])
def test_words_to_someone_else_are_off_topic_not_no(reader: AnswerReader, text: str) -> None:
    assert kind(reader, "heart_control", text) == "off_topic"


def test_a_question_echoed_then_denied_is_no(reader: AnswerReader) -> None:
    assert kind(reader, "fever_chills", "she has a fever? no she doesn't") == "no"


def test_unknown_question_is_a_key_error(reader: AnswerReader) -> None:
    with pytest.raises(KeyError):
        reader.read("no_such_question", "yes")


def test_the_labelled_corpus_meets_the_targets(reader: AnswerReader) -> None:
    report = answer_eval.evaluate(answer_eval.read_corpus(CORPUS), reader.read)
    assert report.no_precision >= 0.99, answer_eval.format_report(report, mistakes=True)
    assert report.missed_affirmations <= 0.01, answer_eval.format_report(report, mistakes=True)
    assert report.accuracy >= 0.95, answer_eval.format_report(report, mistakes=True)


def run(*args: str) -> subprocess.CompletedProcess[str]:
    return run_child([sys.executable, "-m", "voicecare", *args], capture_output=True, text=True, timeout=120)


def test_answer_command_line_contract(tmp_path: Path) -> None:
    answers = tmp_path / "answers.txt"
    answers.write_text("no, he can't breathe\n\nrepeat that\n", encoding="utf-8")
    out = run("answer", "--question", "breathing_alertness", "--text-file", str(answers), "--json")
    assert out.returncode == 0, out.stderr
    lines = [json.loads(line) for line in out.stdout.splitlines()]
    assert [(d["answer"], d["command"]) for d in lines] == [("yes", None), ("unsure", None), ("command", "repeat")]
    assert {"input", "question", "answer", "command", "symptoms"} <= set(lines[0])
    assert lines[0]["symptoms"][0]["id"] == "trouble_breathing" and lines[0]["symptoms"][0]["status"] == "present"
    assert lines[1]["silent"] and {s["basis"] for s in lines[1]["symptoms"]} == {"unheard"}


def test_answer_errors_are_one_line() -> None:
    out = run("answer", "--question", "nope", "--text", "yes")
    assert out.returncode == 2 and "unknown question" in out.stderr and len(out.stderr.strip().splitlines()) == 1


def test_eval_answers_prints_the_figures(tmp_path: Path) -> None:
    corpus = tmp_path / "few.tsv"
    corpus.write_text("# q\texpected\tanswer\twhy\nfever_chills\tno\tno fever\tdenied\n"
                      "fever_chills\tyes\tshe is burning up\taffirmed\n", encoding="utf-8")
    out = run("eval-answers", str(corpus))
    assert out.returncode == 0, out.stderr
    assert "accuracy: 100.0%" in out.stdout and '"no" precision: 100.0%' in out.stdout
    assert "missed affirmations: 0.0%" in out.stdout


def test_eval_answers_scores_several_files_with_a_pooled_total(tmp_path: Path) -> None:
    # The held-out README gave a command with 17 files, and eval-answers took one: it exited 2.
    first, second = tmp_path / "one.tsv", tmp_path / "two.tsv"
    first.write_text("fever_chills\tno\tno fever\tdenied\n", encoding="utf-8")
    second.write_text("fever_chills\tyes\tshe is burning up\taffirmed\nfever_chills\tno\tshe is burning up\twrong\n",
                      encoding="utf-8")
    out = run("eval-answers", str(first), str(second), "--mistakes")
    assert out.returncode == 0, out.stderr
    lines = out.stdout.splitlines()
    assert lines[0].startswith("one.tsv: answers: 1, accuracy: 100.0%")
    assert lines[1].startswith("two.tsv: answers: 2, accuracy: 50.0%")
    assert lines[2].startswith("TOTAL: answers: 3, accuracy: 66.7%")
    assert "1 x expected no, read yes" in out.stdout and "two.tsv:2: fever_chills: expected no" in out.stdout


def test_eval_answers_says_n_a_for_a_rate_with_nothing_to_count(tmp_path: Path) -> None:
    # A file of "no" answers has no affirmation to miss: it printed "missed affirmations: 100.0%".
    corpus = tmp_path / "nos.tsv"
    corpus.write_text("fever_chills\tno\tno fever\tdenied\n", encoding="utf-8")
    out = run("eval-answers", str(corpus))
    assert out.returncode == 0, out.stderr
    assert "missed affirmations: n/a" in out.stdout and '"no" precision: 100.0%' in out.stdout


@pytest.mark.parametrize(("question", "text"), [
    ("breathing_alertness", "she's short of breath"),  # "short" must not read as "it was short, all is well"
    ("fever_chills", "she was fine this morning but now she's really hot"),
    ("fever_chills", "normal this morning, now 39.5"),
    ("course", "the pain is no better"),
    ("cramps_night_weight", "the cramps are good one minute then bad again"),
    ("walking_toilet", "he walks okay but he's not peed all day"),
    ("heart_control", "no accidents but his heart is going really fast"),
    ("cramps_night_weight", "stretching does nothing"),
    ("course", "he can't drop off at night because it hurts"),
])
def test_a_part_that_is_well_never_hides_the_part_that_is_not(reader: AnswerReader, question: str, text: str) -> None:
    assert kind(reader, question, text) in ("yes", "partial", "unsure")


def test_the_shipped_answer_words_are_valid(reader: AnswerReader) -> None:
    words = reader.words
    assert all(words.words[kind] for kind in ("yes", "no", "unsure", "well", "off_topic", "health"))
    assert set(words.about) <= set(reader.question_ids)
    assert {"repeat", "slower", "faster", "stop", "start_over", "help", "goodbye", "skip"} <= set(words.commands)
    ids = {q.id for t in reader.intents.topics for q in t.interview}
    assert all(words.about.get(i) for i in ids)  # every question says what its answers talk about


def test_an_about_table_for_an_unknown_question_is_refused(tmp_path: Path) -> None:
    import shutil

    from voicecare.errors import IntentError
    from voicecare.intents import default_dir

    copy = tmp_path / "en"
    shutil.copytree(default_dir() / "en", copy)
    (copy / "topics" / "back_spasm_toddler" / "answers.toml").write_text('[about]\nno_such = ["x"]\n')
    with pytest.raises(IntentError, match="no_such: not an interview id"):
        AnswerReader(Assistant.load(copy))


def test_news_after_a_no_is_not_a_yes_to_the_question(reader: AnswerReader) -> None:
    # A false "yes" to the breathing question would be a false call-911 (the second worst bug).
    # The news after the "no" is heard as news (#9); no sign of the question is counted as there.
    text = "not that I know of but he's very pale"
    assert kind(reader, "breathing_alertness", text) == "new_info"
    assert "present" not in {status for status, _ in statuses(reader, "breathing_alertness", text).values()}


@pytest.mark.parametrize("text", ["nope. he's just lying there", "no, she keeps moaning"])
def test_a_no_with_a_part_we_cannot_explain_is_not_taken_as_no(reader: AnswerReader, text: str) -> None:
    # The "no" may answer only part of the question; counting the signs is the safe reading (rule 4).
    assert kind(reader, "breathing_alertness", text) == "unsure"


def test_a_no_with_ordinary_news_of_a_well_child_is_still_no(reader: AnswerReader) -> None:
    assert kind(reader, "breathing_alertness", "nope, she's watching cartoons and giggling") == "no"


def test_a_bare_no_after_a_sign_denies_that_sign_only(reader: AnswerReader) -> None:
    found = statuses(reader, "fever_chills", "Shivers? No. Hot? Yes, she's boiling.")
    assert found["chills"][0] == "absent" and found["fever"][0] == "present"
    assert kind(reader, "fever_chills", "Shivers? No. Hot? Yes, she's boiling.") == "partial"


def test_a_part_said_well_after_the_sign_makes_the_answer_partial(reader: AnswerReader) -> None:
    assert kind(reader, "cramps_night_weight", "yes the cramps keep coming back, her weight is fine") == "partial"


def test_a_no_right_after_a_sign_denies_it(reader: AnswerReader) -> None:
    found = statuses(reader, "fever_chills", "hot yes, shivering no")
    assert found["chills"][0] == "absent" and found["fever"][0] == "present"


def test_a_bare_command_label_accepts_any_command_but_a_named_one_only_itself() -> None:
    from voicecare.app.answer_eval import agrees

    assert agrees("command", "command:repeat")  # sets written by others do not always name the command
    assert agrees("command:repeat", "command:repeat")
    assert not agrees("command:repeat", "command:stop")
    assert not agrees("command", "no")


@pytest.mark.parametrize(("question", "text", "news"), [
    ("breathing_alertness", "no, but he has a fever", "fever"),
    ("breathing_alertness", "none of those, but she's got chills", "chills"),
    ("heart_control", "no, but his legs tingle", "limb_symptoms"),
])
def test_a_no_turned_to_another_sign_is_news_not_a_yes(reader: AnswerReader, question: str, text: str,
                                                       news: str) -> None:
    # A false "yes" here said "Call 911 now" for a fever (found by a fresh-eyes review).
    answer = reader.read(question, text)
    assert answer.kind is AnswerKind.NEW_INFO
    assert {f.symptom.id for f in answer.findings if f.status is Status.PRESENT} == {news}


@pytest.mark.parametrize(("question", "text", "expected", "symptom", "status"), [
    ("heart_control", "i counted it, about fifty", "yes", "abnormal_heart_rate", "present"),
    ("heart_control", "his heart's fine, maybe 110, no accidents", "no", "abnormal_heart_rate", "absent"),
    ("fever_chills", "38.6 in his ear", "yes", "fever", "present"),
    ("fever_chills", "36.9 under his arm", "no", "fever", "absent"),
])
def test_a_bare_number_is_read_as_what_the_question_measures(reader: AnswerReader, question: str, text: str,
                                                             expected: str, symptom: str, status: str) -> None:
    # Asked about the heart, a caregiver counts and says the count; asked about a fever, reads the thermometer.
    # Alone such a number was unclear (yes to every sign asked), and "maybe 110" a hedge.
    assert kind(reader, question, text) == expected
    assert statuses(reader, question, text)[symptom][0] == status


def test_a_number_never_read_as_a_measure_says_nothing(reader: AnswerReader) -> None:
    assert kind(reader, "fever_chills", "2") == "unsure"  # no temperature at all: still unclear, so counted


def test_a_learner_s_no_carried_over_a_comma_does_not_deny_the_sign_after_it(reader: AnswerReader) -> None:
    # "He no play" is "he doesn't play"; the matcher carried that "no" over to the night pain.
    answer = reader.read("cramps_night_weight", "He no play today, the pain wake him in the night.")
    assert answer.kind is not AnswerKind.NO
    assert statuses(reader, "cramps_night_weight", answer.input)["night_pain"][0] == "present"
    assert kind(reader, "fever_chills", "No fever, chills or shivers") == "no"  # a denial list keeps its "no"


@pytest.mark.parametrize(("question", "text", "expected"), [
    ("fever_chills", "No temperature... actually wait, he's roasting", "yes"),  # the later statement wins (rule 9)
    ("fever_chills", "No, but his sister has the chills", "no"),  # someone else's sign after "no, but"
    ("heart_control", "his nappies have been dry since breakfast", "new_info"),  # a milder sign's words
    ("limbs", "No, but he keeps dragging his left leg", "yes"),  # every sign asked is named
    ("course", "sweetie what time does the shop close", "off_topic"),  # "what" is no "repeat" here
    ("walking_toilet", "hang on, someone's at the door", "off_topic"),
])
def test_classes_of_answers_written_by_others(reader: AnswerReader, question: str, text: str, expected: str) -> None:
    assert kind(reader, question, text) == expected


@pytest.mark.parametrize(("question", "text", "expected"), [
    ("breathing_alertness", "she's awake but not really with it", "partial"),  # a well word negated is doubt
    ("breathing_alertness", "he is not okay", "unsure"),
    ("cramps_night_weight", "yes, but otherwise he's okay", "yes"),  # the rest of the child is well
    (ANYTHING_ELSE, "no but she's not eating", "yes"),  # something else after all
    (ANYTHING_ELSE, "no except he's been sick twice", "yes"),
])
def test_well_words_never_make_an_affirmation_a_no(reader: AnswerReader, question: str, text: str,
                                                   expected: str) -> None:
    assert kind(reader, question, text) == expected


def test_a_sign_right_after_a_word_that_denies_all_is_denied(reader: AnswerReader) -> None:
    # As PocketSphinx gives it, without commas: the leg pain after "nothing" was read as said (urgent).
    assert kind(reader, "limbs", "no pins and needles and nothing going down his leg") == "no"
    assert kind(reader, "breathing_alertness", "nothing he can't breathe") == "yes"  # a new subject: said
    assert kind(reader, "breathing_alertness", "no he can't breathe") == "yes"  # rule 2


@pytest.mark.parametrize(("question", "text", "expected"), [
    ("course", "no it wakes her up when she tries to sleep", "partial"),  # the no answered part; the rest is there
    ("course", "no, she sleeps fine", "no"),
    (ANYTHING_ELSE, "no that's it, oh and she threw up once", "yes"),  # news in the clause after the no
])
def test_a_no_followed_by_a_statement_is_not_the_whole_answer(reader: AnswerReader, question: str, text: str,
                                                              expected: str) -> None:
    assert kind(reader, question, text) == expected


@pytest.mark.parametrize(("question", "text", "expected"), [
    ("fever_chills", "no, wait, yes", "yes"),  # the later statement wins (rule 9)
    ("fever_chills", "nah... actually yeah, a little", "yes"),
    ("breathing_alertness", "nope, hang on, yeah he did", "yes"),  # a pause to think, not "stop"
    ("heart_control", "no way of knowing", "unsure"),
    ("breathing_alertness", "no... well, he's been a bit dopey", "yes"),
])
def test_a_no_taken_back_or_said_in_doubt_is_not_a_no(reader: AnswerReader, question: str, text: str,
                                                      expected: str) -> None:
    assert kind(reader, question, text) == expected


def test_a_no_said_first_then_a_statement_of_the_sign_is_the_sign(reader: AnswerReader) -> None:
    # As PocketSphinx gives it (no comma), the matcher read "no the pain goes down his leg" as a denial.
    assert kind(reader, "limbs", "no the pain goes down his leg") == "yes"
    assert kind(reader, "limbs", "no the pain doesn't go down his leg") == "no"
    assert kind(reader, "limbs", "no the legs are fine") == "no"


AFFIRMING = {"yes", "partial", "unsure"}


@pytest.mark.parametrize(("question", "text"), [
    ("course", "no its been going on for over a week"),  # words about the question left standing after the "no"
    ("walking_toilet", "nope she walks sort of bent over"),
])
def test_a_no_with_the_questions_words_left_undenied_is_not_a_no(reader: AnswerReader, question: str,
                                                                  text: str) -> None:
    assert kind(reader, question, text) in AFFIRMING


@pytest.mark.parametrize(("question", "text"), [
    ("limbs", "nothing wrong with her hands or feet"),  # a denial reaches across "her" and along the list
    ("fever_chills", "nah no temp no shivers"),
    ("limbs", "no, his arms and legs are fine"),
])
def test_a_no_that_denies_every_word_about_the_question_is_still_a_no(reader: AnswerReader, question: str,
                                                                      text: str) -> None:
    assert kind(reader, question, text) == "no"


def test_a_no_taken_back_by_a_yes_in_the_same_breath_denies_nothing(reader: AnswerReader) -> None:
    # "nah yeah": the matcher's negation scope took "nah" as denying the fever said after the run.
    assert kind(reader, "fever_chills", "nah yeah she's very hot") == "yes"
    assert statuses(reader, "fever_chills", "nah yeah she's very hot")["fever"][0] == "present"
    assert kind(reader, "fever_chills", "yeah nah, not hot") == "no"


def test_a_denial_inside_a_denied_frame_affirms(reader: AnswerReader) -> None:
    answer = reader.read("fever_chills", "no its not that she doesnt have a fever she does")
    assert answer.kind is not AnswerKind.NO
    assert statuses(reader, "fever_chills", answer.input)["fever"][0] == "present"
    # A denial that is the sign's own words (rule 2: "can't move") is cancelled the other way: "it's not like he
    # can't move his arms" says he can (answers10; five tuning writers label it "no"). A sign said beside it counts.
    assert kind(reader, "limbs", "it's not like he can't move his arms, he's fine") == "no"
    assert kind(reader, "limbs", "it's not like he can't move his arms, but his leg's gone numb") != "no"


@pytest.mark.parametrize(("question", "text"), [
    ("breathing_alertness", "he is no breathing right"),  # a learner's "no" for "not"
    ("walking_toilet", "she is no walking good"),
])
def test_a_learners_no_for_not_is_never_the_answer_no(reader: AnswerReader, question: str, text: str) -> None:
    assert kind(reader, question, text) in AFFIRMING


def test_with_it_after_a_sign_is_the_pain_not_an_alert_child(reader: AnswerReader) -> None:
    text = "the cramps don't come back but he wakes up crying with it at night"
    assert kind(reader, "cramps_night_weight", text) == "partial"
    assert statuses(reader, "cramps_night_weight", text)["night_pain"][0] == "present"
    assert kind(reader, "breathing_alertness", "he's awake and he is with it") == "no"


def test_a_count_a_minute_answering_the_breathing_question_is_a_breathing_rate(reader: AnswerReader) -> None:
    # Policy table: above 40 breaths a minute at rest is trouble breathing; "a minute" made it no bare number.
    assert statuses(reader, "breathing_alertness", "I counted, 52 a minute")["trouble_breathing"][0] == "present"
    assert kind(reader, "breathing_alertness", "about 30 a minute and he's wide awake") == "no"
    assert kind(reader, "heart_control", "about 55 a minute") == "yes"


def test_a_well_word_denies_only_the_words_it_follows(reader: AnswerReader) -> None:
    # "normal" is about the walking; the legs said after it, past a new subject, are a statement of their own.
    assert kind(reader, "limbs", "no, walking is normal and he keeps rubbing his legs") in AFFIRMING
    assert kind(reader, "limbs", "no, his legs are normal") == "no"


def test_a_no_that_says_all_is_well_does_not_negate_the_well_words_after_it(reader: AnswerReader) -> None:
    # "he is fine" is a "no" with no negation in it: "fine, just grumpy" is not "not okay".
    assert kind(reader, "breathing_alertness", "nope she's fine just grumpy") == "no"
    assert kind(reader, "breathing_alertness", "he is not okay") == "unsure"


@pytest.mark.parametrize("text", [
    "yes she had a little fit earlier she went stiff",  # a "yes" first, then the news itself
    "she has a rash and her neck is stiff",
    "Only that she's not drinking much today",
])
def test_news_after_anything_else_is_a_yes_that_carries_it(reader: AnswerReader, text: str) -> None:
    # News is the answer to "anything else?" (a yes, as the shared corpus labels it); marked as news so the
    # conversation reads it as a new description instead of saying "go ahead" and losing what was said.
    answer = reader.read(ANYTHING_ELSE, text)
    assert (answer.kind, answer.news) == (AnswerKind.YES, True)
    bare = reader.read(ANYTHING_ELSE, "yes there is something")
    assert (bare.kind, bare.news) == (AnswerKind.YES, False)


@pytest.mark.parametrize(("text", "expected", "lasting"), [
    ("Two days, and it's easing off.", "no", "absent"),  # under the three days of the policy's table
    ("about five days now", "yes", "present"),
])
def test_a_duration_to_the_course_question_is_judged_by_the_threshold(reader: AnswerReader, text: str,
                                                                     expected: str, lasting: str) -> None:
    assert kind(reader, "course", text) == expected
    found = statuses(reader, "course", text)
    assert found["long_lasting_pain"][0] == lasting
    assert "back_spasm" not in found  # the cue read with the number names nothing the caregiver did not say


@pytest.mark.parametrize(("question", "text"), [
    ("heart_control", "His heart? No, it's normal. Accidents? No."),  # each part asked back, then answered
    ("breathing_alertness", "I counted his breaths, 30 a minute, and he's playing"),  # a normal reading after it
])
def test_words_about_the_question_denied_after_them_affirm_nothing(reader: AnswerReader, question: str,
                                                                   text: str) -> None:
    assert kind(reader, question, text) == "no"


@pytest.mark.parametrize(("question", "text"), [
    ("walking_toilet", "no, she's fine, just walks funny"),  # a turn: what is left after the "fine" is the sign
    ("walking_toilet", "no hes fine just falls over a lot"),  # as a recogniser gives it
    ("breathing_alertness", "no hes fine just breathing really quick"),
    ("cramps_night_weight", "nah shes alright, only wakes up screaming every night"),
    ("breathing_alertness", "no, he's fine, he's just sleeping a lot more than usual"),
])
def test_a_sign_after_fine_and_a_turn_is_never_a_no(reader: AnswerReader, question: str, text: str) -> None:
    assert kind(reader, question, text) in ("yes", "partial", "unsure")


@pytest.mark.parametrize(("question", "text"), [
    ("fever_chills", "No fever, I checked, 37.1."),  # how the caregiver knows says nothing about the child
    ("anything_else", "no, I'm just worried, that's all"),
    ("limbs", "not at all, he's kicking away like a footballer"),  # ordinary play: that part is well
])
def test_words_about_the_caregiver_or_ordinary_play_leave_a_no_whole(reader: AnswerReader, question: str,
                                                                     text: str) -> None:
    assert kind(reader, question, text) == "no"


@pytest.mark.parametrize("text", ["sorry the dog's barking, hold on", "ill ring you back in a minute",
                                  "good girl, take your bunny"])
def test_a_pause_for_the_room_and_words_to_others_are_off_topic(reader: AnswerReader, text: str) -> None:
    assert kind(reader, "course", text) == "off_topic"


@pytest.mark.parametrize(("question", "text"), [
    ("heart_control", "no she has not been able to hold it"),  # as a recogniser gives it, without a comma
    ("walking_toilet", "no she wont put her feet down"),
])
def test_a_statement_run_on_after_a_bare_no_must_be_explained(reader: AnswerReader, question: str,
                                                              text: str) -> None:
    assert kind(reader, question, text) != "no"
    assert kind(reader, "limbs", "yeah nah she's fine there") == "no"  # "she's fine" is the denial itself


@pytest.mark.parametrize(("question", "text"), [
    ("fever_chills", "not a fever as such, she's just a bit toasty"),  # "a bit" grades a word we do not know
    ("heart_control", "no, it feels really slow"),  # "slow" inside a statement is no command, "really" no answer
])
def test_grading_polite_and_command_words_explain_no_part_of_a_no(reader: AnswerReader, question: str,
                                                                  text: str) -> None:
    assert kind(reader, question, text) != "no"
    assert kind(reader, question, "no, thanks") == "no"  # a part only of polite words says nothing


@pytest.mark.parametrize(("question", "text"), [
    ("limbs", "don't think so, but honestly I'm not sure"),  # the "no" is hedged as a whole
    ("walking_toilet", "no, I haven't seen her walk today"),  # not seen is not known (rule 10)
    ("fever_chills", "no, I haven't checked"),
])
def test_a_hedged_no_that_denies_no_part_is_unsure(reader: AnswerReader, question: str, text: str) -> None:
    assert kind(reader, question, text) == "unsure"


@pytest.mark.parametrize(("question", "text", "expected"), [
    ("fever_chills", "temperature no shivers no", "no"),  # a checklist said without pauses
    ("cramps_night_weight", "cramps coming back no waking at night no weight loss no", "no"),
    ("fever_chills", "fever no chills yes", "partial"),  # each sign takes the answer after it
])
def test_a_checklist_answer_gives_each_sign_the_answer_after_it(reader: AnswerReader, question: str, text: str,
                                                                 expected: str) -> None:
    assert kind(reader, question, text) == expected


def test_a_hedge_right_after_a_number_is_an_estimate(reader: AnswerReader) -> None:
    assert kind(reader, "course", "like a week, maybe more") == "yes"


@pytest.mark.parametrize("text", ["sleepy no cant breathe no", "she can't breathe, no", "fever no she cant breathe no"])
def test_a_trailing_no_never_denies_a_sign_that_holds_its_own_negation(reader: AnswerReader, text: str) -> None:
    # "She can't breathe, no" may be "no, she can't breathe" (rule 2); when unsure the sign counts (rule 4).
    assert statuses(reader, "breathing_alertness", text)["trouble_breathing"][0] == "present"


@pytest.mark.parametrize(("question", "text", "expected"), [
    ("cramps_night_weight", "no, well, she does wake in the night screaming, but she settles", "yes"),  # taken back
    ("fever_chills", "no, well, not really", "no"),  # nothing said after it: the "no" stands
    ("heart_control", "how do I even check his heart", "unsure"),  # asking how is not knowing (rule 10)
])
def test_a_no_taken_back_by_well_and_asking_how(reader: AnswerReader, question: str, text: str,
                                                expected: str) -> None:
    assert kind(reader, question, text) == expected


@pytest.mark.parametrize(("question", "text"), [
    ("walking_toilet", "Not at all, wet nappies as usual and he's toddling about."),  # no "not ... wet nappies"
    ("walking_toilet", "Walking funny? No. Wee and poo are normal."),  # no "no wee"
])
def test_a_sign_is_not_built_from_a_no_that_ended_its_part(reader: AnswerReader, question: str, text: str) -> None:
    assert kind(reader, question, text) == "no"
    assert kind(reader, "walking_toilet", "no. wee hurts him") != "no"


def test_only_a_normal_reading_answers_a_word_across_a_comma(reader: AnswerReader) -> None:
    # "Worse" is the sign; the well words after the comma are about how long, not about getting worse.
    assert kind(reader, "course", "worse, only from yesterday") != "no"
    assert kind(reader, "breathing_alertness", "her breaths, 26 a minute, and she's playing") == "no"


@pytest.mark.parametrize(("question", "text", "expected"), [
    ("walking_toilet", "She's potty trained, no trouble there, and walking normally.", "no"),
    ("course", "Since this morning, and it's easing already.", "no"),
    ("heart_control", "no, she's potty trained and wet herself twice today", "yes"),  # never a well word
    ("course", "no, since yesterday and it's getting worse", "yes"),
])
def test_words_that_say_nothing_of_a_sign_neither_affirm_nor_deny(reader: AnswerReader, question: str, text: str,
                                                                  expected: str) -> None:
    assert kind(reader, question, text) == expected


@pytest.mark.parametrize(("question", "text"), [
    ("cramps_night_weight", "No, he slept all night, and he's eating well, same weight."),
    ("cramps_night_weight", "No, it went away after a warm bath and hasn't come back."),
    ("course", "No, it's better than yesterday and she fell asleep easily."),
])
def test_everyday_words_of_a_well_child_leave_a_no_whole(reader: AnswerReader, question: str, text: str) -> None:
    assert kind(reader, question, text) == "no"
    assert kind(reader, "breathing_alertness", "no, not since this morning") != "no"  # it was there till then


@pytest.mark.parametrize("text", ["hold on the doorbells going", "what's your name, are you a real person?"])
def test_the_room_and_questions_about_the_device_are_off_topic(reader: AnswerReader, text: str) -> None:
    assert kind(reader, ANYTHING_ELSE, text) == "off_topic"


@pytest.mark.parametrize(("text", "expected"), [
    ("she's not unable to walk, she's walking normally and everything else is fine", "no"),  # two negations
    ("no cannot walk", "yes"),  # the answer word is no negation of the sign (rule 2)
    ("he can't can't walk", "yes"),  # a stutter
])
def test_a_sign_that_holds_its_own_negation_is_denied_by_another(reader: AnswerReader, text: str,
                                                                 expected: str) -> None:
    assert kind(reader, "walking_toilet", text) == expected
