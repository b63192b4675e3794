"""Outside review 17's answer faults F3 and F4: at the call-911 question, a "no" said of another sign ("no fever
though") or of earlier ("she was fine an hour ago") was a clear "no" to all four call-911 signs. A "no" denies what
it is said with: another sign's denial is news and the question is asked again; a well word said of earlier is no
clean "no" (rules 4, 9, 14). Read by ``voicecare answer`` and the conversation alike."""

from __future__ import annotations

import json
import sys

import pytest

from children import run_child
from voicecare.conversation.answers import AnswerReader
from voicecare.domain import Status

CALL_911 = ("trouble_breathing", "very_drowsy", "confusion", "fainting")


def _cli(question: str, text: str) -> dict[str, object]:
    out = run_child([sys.executable, "-m", "voicecare", "answer", "--question", question, "--text", text,
                          "--json"], capture_output=True, text=True, timeout=120, check=True)
    read: dict[str, object] = json.loads(out.stdout)
    return read


def _statuses(read: dict[str, object]) -> dict[str, str]:
    symptoms = read["symptoms"]
    assert isinstance(symptoms, list)
    return {s["id"]: s["status"] for s in symptoms}


OTHER_SIGN = ["no fever though", "actually no fever, it's 37.1", "actually no fever, I checked, it's 37.1",
              "no he's not hot"]


@pytest.mark.parametrize("text", OTHER_SIGN)
def test_a_no_said_of_another_sign_denies_none_of_the_911_signs(text: str) -> None:
    read = _cli("breathing_alertness", text)
    statuses = _statuses(read)
    assert read["answer"] == "new_info", read  # asked again
    assert not any(statuses.get(sign) == "absent" for sign in CALL_911), read


def test_the_other_signs_denial_is_kept(reader: AnswerReader) -> None:
    found = {f.symptom.id: f.status for f in reader.read("breathing_alertness", "no fever though").findings}
    assert found == {"fever": Status.ABSENT}, found  # the later statement wins (rule 9)


THEN = ["well she was fine an hour ago", "was fine this morning"]


@pytest.mark.parametrize("text", THEN)
def test_fine_earlier_is_no_clean_no_to_the_911_signs(text: str) -> None:
    read = _cli("breathing_alertness", text)
    assert read["answer"] not in ("no", "partial"), read
    assert not any(status == "absent" for status in _statuses(read).values()), read


def test_a_no_about_earlier_denies_none_of_the_other_911_signs() -> None:
    # F4: the "no" was about earlier; only the breathing sign was said, the others were not denied.
    read = _cli("breathing_alertness", "no, earlier he was fine, but now he is breathing weird")
    statuses = _statuses(read)
    assert statuses["trouble_breathing"] == "present", read
    assert not any(statuses.get(sign) == "absent" for sign in CALL_911), read


HONEST_NOES = [("breathing_alertness", "no"), ("breathing_alertness", "no she's breathing fine"),
               ("breathing_alertness", "no, none of that"), ("fever_chills", "no fever"),
               ("fever_chills", "no fever and no breathing trouble"), ("breathing_alertness", "no fever though, and no"),
               ("fever_chills", "no, he was fine this morning and he's fine now"),
               ("cramps_night_weight", "I mean no, it was just the once this morning after the soft play.")]


@pytest.mark.parametrize(("question", "text"), HONEST_NOES)
def test_honest_noes_stay_noes(reader: AnswerReader, question: str, text: str) -> None:
    answer = reader.read(question, text)
    assert answer.kind.value == "no", answer
    asked = reader.questions[question].symptoms
    found = {f.symptom.id: f.status for f in answer.findings}
    assert all(found[sign] is Status.ABSENT for sign in asked), found


def test_chat_does_not_read_back_a_no_to_the_911_signs_after_no_fever() -> None:
    said = "\n".join(["his back is sore and he has a fever", "actually no fever, I checked, it's 37.1",
                      "what did you hear?", ""])
    out = run_child([sys.executable, "-m", "voicecare", "chat"], input=said, capture_output=True, text=True,
                    timeout=180, check=True).stdout
    after = out.split("actually no fever", 1)[1]
    assert "answers were no" not in after and "No trouble breathing" not in after, out
    assert "No fever" in after, out  # the correction is heard and said back (rule 9)
    # The call-911 question is asked again, not counted.
    assert after.count("trouble breathing, very sleepy or hard to wake") >= 1, out
