"""The typed chat after its end (README: only "goodbye" stops it; after the wrap-up the next words start a new
conversation): a sign told after "goodbye" is not lost with the chat (rule 10: an emergency gets 911 first)."""

from __future__ import annotations

import subprocess
import sys

from children import run_child

CHAT_TIMEOUT = 120
WRAPPED_UP = ["his back is sore after playing", "no", "no", "no", "no", "no", "no"]
"""A home-care conversation to its wrap-up: every question "no", then "no" to "anything else?"."""


def _chat(lines: list[str]) -> subprocess.CompletedProcess[str]:
    return run_child([sys.executable, "-m", "voicecare", "chat"], input="\n".join(lines) + "\n",
                     capture_output=True, text=True, timeout=CHAT_TIMEOUT, check=True)


def test_an_emergency_typed_after_goodbye_gets_911_first() -> None:
    out = _chat(["his back is sore after playing", "no", "goodbye", "thanks bye", "she is not breathing"])
    after = out.stdout.split("you> she is not breathing", 1)[1]
    assert after.lstrip().startswith("voicecare> Call 911 now."), out.stdout
    assert "you> thanks bye" not in out.stdout  # no sign in it: not used, and said so
    assert "1 line(s) after 'goodbye' not used" in out.stderr, out.stderr


def test_a_sign_told_after_the_wrap_up_begins_a_new_conversation() -> None:
    out = _chat([*WRAPPED_UP, "she has a fever now"])
    # One goodbye before it (the end of input after it says the standing action: outside review 21 F15).
    before = out.stdout.split("you> she has a fever now", 1)[0]
    assert before.count("Take care") == 1 and "you> she has a fever now" in out.stdout, out.stdout
    after = out.stdout.split("you> she has a fever now", 1)[1]
    assert "I heard: fever." in after and "Call your child's doctor right away." in after, after


def test_a_late_no_thats_all_after_the_wrap_up_is_not_answered_again() -> None:
    # The goodbye was said to the wrap-up's "no"; said again to every later "no" it was a loop (outside review 21
    # F16.4): the late closing is echoed, starts nothing and gets no second goodbye.
    out = _chat([*WRAPPED_UP, "no, that's all"])
    after = out.stdout.split("you> no, that's all", 1)[1]
    assert "Take care" not in after and "I am listening" not in after and "Sorry" not in after, after


def test_a_description_after_a_no_to_please_tell_me_again_is_heard() -> None:
    # Outside review 17 F9: "no" to "Sorry, I missed that. Please tell me again." got the goodbye and the chat ended.
    out = _chat(["please help my little boys have has wont stiff", "no", "her back is stiff"])
    after = out.stdout.split("you> her back is stiff", 1)[1]
    assert "I heard: back pain or spasm." in after, out.stdout
