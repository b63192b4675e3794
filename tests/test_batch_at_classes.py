"""Classes fresh batch_at showed (read after the lead scored it unread; #7), each written for any wording of it.

- Soiling said as "passing stool in his pants" in a toilet-trained child is loss of bowel control (911).
- A cramp that "goes and comes back" again and again is severe cramping (urgent).
- Nobody has taken the child to a doctor yet, said in learner English ("nobody take him to the doctor") or as not
  having had him in to the clinic, is the policy's "not seen for it" (follow_up).
Near misses: stool passed normally, a cramp that goes and does not come back, a child who has been seen.
"""

from __future__ import annotations

import pytest

from helpers import level
from voicecare.domain import Level
from voicecare.understanding.assistant import Assistant


@pytest.mark.parametrize(("text", "expected"), [
    ("My son is trained for toilet since last year, but today he is passing stool in his pants", Level.EMERGENCY),
    ("she's been dry for months and now she passed stool in her knickers twice", Level.EMERGENCY),
    ("The cramp in the back goes and comes back, goes and comes back, all the afternoon", Level.URGENT),
    ("the spasm goes away and then it comes back every few minutes", Level.URGENT),
    ("nobody take him to the doctor for this back pain yet, it start yesterday", Level.FOLLOW_UP),
    ("We haven't had him in to the clinic for his back at all, it's been tight since yesterday", Level.FOLLOW_UP),
])
def test_batch_at_classes(assistant: Assistant, text: str, expected: Level) -> None:
    assert level(assistant, text) is expected


@pytest.mark.parametrize(("text", "expected"), [
    ("he passed stool normally this morning, back is sore", Level.HOME_CARE),
    ("he passed stool in the potty, no accidents in his pants, his back is stiff", Level.HOME_CARE),
    ("the cramp in his back went away after the bath, he's fine now", Level.HOME_CARE),
    ("we had him in at the clinic yesterday, not worried, just a tight back", Level.HOME_CARE),
    ("should I take him to the doctor? his back is tight", Level.HOME_CARE),
])
def test_batch_at_near_misses(assistant: Assistant, text: str, expected: Level) -> None:
    assert level(assistant, text) is expected
