"""Classes of wrong endings found on the conversation bench (issue #9, convo12) that lie in the conversation itself,
not in what the recogniser heard: each test is the bench's turn as PocketSphinx heard it, replayed as text."""

from __future__ import annotations

from voicecare.conversation.dialog import Conversation, State
from voicecare.domain import Level, Status
from voicecare.interfaces import Transcript
from voicecare.speech_in.pipeline import unsure_red_flags
from voicecare.understanding.assistant import Assistant

DESCRIBED = "my son back is really tight daughter clinging it our"
"""espeak-ng en-us's "My son's back is really tight after playing at the park.", as PocketSphinx heard it."""


def test_a_911_on_doubted_words_beside_an_unclear_answer_is_taken_back_by_no(assistant: Assistant) -> None:
    # "Nope, he's breathing fine and he's wide awake, chattering away." heard "nah he's breathing falling you want
    # awake to none where", "wake barely" in another reading: very sleepy only in a doubted reading, the other
    # signs counted from an answer not understood. "No, neither." next, heard exactly, left the 911 standing, and
    # every later turn said it again: nothing could take it back.
    heard = Transcript("nah he's breathing falling you want awake to none where", True,
                       ("nah she's breathing falling why does wake barely on where",))
    talk = Conversation(assistant, heard_by_ear=True)
    talk.greet()
    talk.hear(DESCRIBED)
    alarm = talk.hear(heard.text, unsure_red_flags(assistant, heard))
    assert alarm.disposition is Level.EMERGENCY
    turn = talk.hear("no neither")
    assert turn.disposition is not Level.EMERGENCY and talk.state is State.INTERVIEW, [m.text for m in turn.said_aloud]
    assert turn.said_aloud[0].text == assistant.intents.spoken.taken_back  # type: ignore[union-attr]
    status = {f.symptom.id: f.status for f in talk.found}
    assert all(status[s] is Status.ABSENT for s in ("trouble_breathing", "very_drowsy", "confusion", "fainting"))
    assert talk.asked[-1].id == "heart_control"  # the interview goes on with the next question


def test_an_answer_not_understood_below_911_counts_and_is_asked_again(assistant: Assistant) -> None:
    # "No, just the once, and she slept through." heard "no dot want she you through" for the limbs: counted as
    # yes (rule 4) and the interview went on; the caregiver's "no" next answered the next question, and the
    # unclear answer's yes stood: the conversation ended "call the doctor right away". Now asked once more.
    talk = Conversation(assistant, heard_by_ear=True)
    talk.greet()
    talk.hear(DESCRIBED)
    while talk.asked[-1].id != "limbs":
        talk.hear("no")
    again = talk.hear("no dot want she you through")
    said = [m.text for m in again.said_aloud]
    assert talk.asked[-1].id == "limbs" and said[-1] == talk.asked[-1].ask, said
    assert "counts as yes" in said[0]  # counted now (rule 4), and said so (rule 14)
    assert {f.symptom.id: f.status for f in talk.found}["limb_symptoms"] is Status.PRESENT
    talk.hear("no little")
    assert {f.symptom.id: f.status for f in talk.found}["limb_symptoms"] is Status.ABSENT
    assert talk.asked[-1].id == "cramps_night_weight"
    # Unclear again: it stands, and the interview goes on.
    talk.hear("")
    assert talk.asked[-1].id == "cramps_night_weight"
    turn = talk.hear("")
    assert talk.state is State.ANYTHING_ELSE and turn.disposition is Level.URGENT


def test_an_answer_not_understood_to_a_911_question_still_calls_911_first(assistant: Assistant) -> None:
    talk = Conversation(assistant, heard_by_ear=True)
    talk.greet()
    talk.hear(DESCRIBED)
    turn = talk.hear("our little")
    assert turn.disposition is Level.EMERGENCY  # rules 3 and 4: no question before it
