"""Classes of fault from outside review 19 (#7), each fixed from the policy, not from the lines alone.

- F16 (safety): a breathing pause, a blue spell or a floppy spell earlier today, over by now, is an event as a faint
  or a seizure is (docs/policy.md): it still happened, so it is "Call 911 now"; only a time long gone ("last week",
  "two weeks ago", "yesterday") makes it history. States over ("hard to wake this morning, fine now") keep rule 9.
- F1 (safety): the caregiver's verbs of observing ("I've counted", "I've been checking") make them the one who
  looked, not the one with the sign.
- F10 ("he" after an adult named in the same sentence) is left: the reach tried for it took an emergency sign from a
  child in a held-out batch (batch_w emergency recall 96.9 -> 93.8), so it was taken out.
- F12: the back said not to hurt, with no other sign, affirms nothing of the topic: unclear (rule 7), not home care.
"""

from __future__ import annotations

import sys

import pytest

from children import run_child
from voicecare.domain import Level, Status
from voicecare.understanding.assistant import Assistant


@pytest.mark.parametrize("text", [
    "he stopped breathing for a few seconds earlier but he's breathing fine now",
    "her lips were blue for a second earlier but they're pink now",
    "his back is stiff and he stopped breathing for a few seconds earlier but he's breathing fine now",
    "she went blue this morning but she's fine now, her back is sore",
    "her lips turned grey for a moment after lunch, she's ok now, sore back",
    "her breathing stopped for a bit earlier but she's fine now",
    "he went all floppy this morning but he's fine now",
    "she had a fit this morning, she's ok now",
])
def test_a_911_event_earlier_today_is_an_emergency_though_over(assistant: Assistant, text: str) -> None:
    assert assistant.answer(text).disposition is Level.EMERGENCY, text


@pytest.mark.parametrize("text", [
    # A time long gone makes an event history (rule 9, as for a faint).
    "he stopped breathing last week for a few seconds, fine since, his back is sore",
    "she went blue two weeks ago but she's been fine since",
    "he went blue yesterday but he's fine now",
    # States over keep rule 9 as written.
    "she was hard to wake this morning after a late night, fine now, just a stiff back",
    "she was breathing fast this morning but she's fine now, sore back",
    "she had a fever last week, her back is sore",
    # A breath-holding spell in a tantrum, the child fine now, stays the everyday thing it is.
    "he held his breath and went blue in a tantrum this morning, fine now, back sore",
])
def test_a_time_long_gone_a_state_over_or_an_everyday_spell_is_no_911(assistant: Assistant, text: str) -> None:
    assert assistant.answer(text).disposition is not Level.EMERGENCY, text


def test_chat_says_the_event_back() -> None:
    # Rule 12: the breathing pause is said back, never dropped (F16 in chat: "I heard: back pain or spasm." only).
    line = "his back is stiff and he stopped breathing for a few seconds earlier but he's breathing fine now"
    out = run_child([sys.executable, "-m", "voicecare", "chat"], input=line + "\n", capture_output=True,
                    text=True, timeout=120, check=True).stdout
    reply = out.split(f"you> {line}\n", 1)[1]
    assert reply.startswith("voicecare> Call 911 now."), out
    assert "I heard: back pain or spasm and trouble breathing." in reply, out


@pytest.mark.parametrize(("text", "level"), [
    ("he's still in nappies and I've counted fewer wet nappies today, his back's sore", Level.FOLLOW_UP),
    ("I've counted fewer wet nappies today, his back's sore", Level.FOLLOW_UP),
    ("I've seen fewer wet diapers today and her back hurts", Level.FOLLOW_UP),
    ("I've been counting wet nappies and there are fewer today, sore back", Level.FOLLOW_UP),
    ("I've noticed he's got a fever and his back is sore", Level.URGENT),
    ("I measured his temperature, 38.5, and his back is sore", Level.URGENT),
])
def test_what_the_caregiver_observed_is_the_childs(assistant: Assistant, text: str, level: Level) -> None:
    assert assistant.answer(text).disposition is level, text


@pytest.mark.parametrize("text", [
    "I have a fever and her back is sore",
    "I had a fever last week and her back is sore",
])
def test_the_caregivers_own_sign_stays_theirs(assistant: Assistant, text: str) -> None:
    result = assistant.answer(text)
    assert result.disposition is Level.HOME_CARE, text
    assert [f.status for f in result.findings if f.symptom.id == "fever"] == [Status.OTHER], text


@pytest.mark.parametrize("text", [
    "her back isn't hurting, she just keeps crying",
    "his back doesn't hurt, no fever",
    "his back doesn't hurt but he's really tired",
])
def test_a_back_said_not_to_hurt_and_nothing_else_is_unclear(assistant: Assistant, text: str) -> None:
    result = assistant.answer(text)
    assert result.disposition is Level.UNCLEAR, text
    said = " ".join(m.text for m in result.messages)
    assert said.startswith("No back pain or spasm") and "care for this at home" not in said, said


def test_a_care_question_with_the_back_denied_is_still_answered(assistant: Assistant) -> None:
    result = assistant.answer("her back isn't sore any more, can she go to daycare tomorrow?")
    assert result.disposition is Level.HOME_CARE and result.care
