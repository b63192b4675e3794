"""The labelled corpus: the figures the issue asks for, held in the tests."""

from __future__ import annotations

from pathlib import Path

import pytest

from voicecare.app.evaluation import Report, evaluate, format_report, read_corpus
from voicecare.domain import Level
from voicecare.errors import InputError
from voicecare.understanding.assistant import Assistant

CORPUS = Path(__file__).parent / "data" / "corpus.tsv"


@pytest.fixture(scope="module")
def report() -> Report:
    assistant = Assistant.load()
    return evaluate(read_corpus(CORPUS), lambda text: assistant.answer(text).disposition)


def test_corpus_is_big_and_covers_every_disposition(report: Report) -> None:
    assert len(report.outcomes) >= 200
    assert {o.case.expected for o in report.outcomes} == set(Level)


def test_emergency_recall_is_total(report: Report) -> None:
    assert report.emergency_recall == 1.0, format_report(report)


def test_no_emergency_or_urgent_case_is_under_triaged(report: Report) -> None:
    serious = [o for o in report.outcomes if o.case.expected <= Level.URGENT and o.under_triage]
    assert serious == [], format_report(report)


def test_exact_accuracy_is_at_least_95_percent(report: Report) -> None:
    assert report.accuracy >= 0.95, format_report(report)


def test_report_lists_misses_and_confusion() -> None:
    cases = read_corpus(CORPUS)[:3]
    text = format_report(evaluate(cases, lambda _: Level.UNCLEAR))
    assert "misses: 3" in text and "UNDER-TRIAGE" in text and "emergency recall:     0.0%" in text


def test_bad_corpus_line_is_an_input_error(tmp_path: Path) -> None:
    bad = tmp_path / "c.tsv"
    bad.write_text("critical\the fainted\n")
    with pytest.raises(InputError, match=r"c.tsv:1: unknown level 'critical'"):
        read_corpus(bad)


def test_other_corpus_layouts(tmp_path: Path) -> None:
    flipped = tmp_path / "c.tsv"
    flipped.write_text("she fainted\temergency\nhis back is sore\thome_care\n")
    jsonl = tmp_path / "c.jsonl"
    jsonl.write_text('{"utterance": "she fainted", "expected": "emergency"}\n{"text": "hi", "disposition": "unclear"}\n')
    table = tmp_path / "c.csv"
    table.write_text('utterance,expected\n"she has a fever, and her back hurts",urgent\n')
    assert [c.expected for c in read_corpus(flipped)] == [Level.EMERGENCY, Level.HOME_CARE]
    assert [c.utterance for c in read_corpus(jsonl)] == ["she fainted", "hi"]
    assert read_corpus(table)[0].utterance == "she has a fever, and her back hurts"
    broken = tmp_path / "b.jsonl"
    broken.write_text('{"utterance": "x"}\n')
    with pytest.raises(InputError, match="needs an utterance"):
        read_corpus(broken)


def test_a_third_column_is_a_note_not_part_of_the_utterance(tmp_path: Path) -> None:
    notes = tmp_path / "n.tsv"
    notes.write_text("urgent\tshe is hot to the touch\tfever stated plainly\nunclear\thello\twhy: nothing clinical\n")
    cases = read_corpus(notes)
    assert [c.utterance for c in cases] == ["she is hot to the touch", "hello"]
    assert [c.expected for c in cases] == [Level.URGENT, Level.UNCLEAR]


def test_serious_under_triage_counts_only_emergency_and_urgent_told_less(tmp_path: Path) -> None:
    labelled = tmp_path / "s.tsv"
    labelled.write_text("emergency\ta\nurgent\tb\nfollow_up\tc\nhome_care\td\n")
    told = {"a": Level.URGENT, "b": Level.URGENT, "c": Level.HOME_CARE, "d": Level.HOME_CARE}
    report = evaluate(read_corpus(labelled), told.__getitem__)
    assert report.serious_under_triage_rate == 0.5  # the emergency told urgent; the follow_up case is not serious
    assert report.under_triage_rate == 0.5
    assert "serious under-triage: 50.0%" in format_report(report)


@pytest.mark.parametrize("name", ["c.tsv", "c.csv", "c.jsonl"])
def test_a_corpus_saved_with_a_byte_order_mark_is_read(tmp_path: Path, name: str) -> None:
    # review18 F15: Excel and Notepad start a UTF-8 file with a BOM; eval refused it: "unknown level '\ufeffurgent'".
    from voicecare.app import answer_eval

    body = {"c.tsv": "urgent\tshe is hot to the touch\n", "c.csv": "expected,utterance\nurgent,she is hot to the touch\n",
            "c.jsonl": '{"utterance": "she is hot to the touch", "expected": "urgent"}\n'}[name]
    corpus = tmp_path / name
    corpus.write_bytes(b"\xef\xbb\xbf" + body.encode("utf-8"))
    assert [(c.expected, c.utterance) for c in read_corpus(corpus)] == [(Level.URGENT, "she is hot to the touch")]
    answers = tmp_path / "a.tsv"
    answers.write_bytes(b"\xef\xbb\xbffever_chills\tno\tno\n")
    (case,) = answer_eval.read_corpus(answers)
    assert case.question == "fever_chills"
