"""The spoken home-care ending: the office-hours line with the action, and home-care steps first on "more".

The policy's home-care answer "includes one line: if a provider has not checked the child's back yet, call them
during office hours"; spoken, it waited behind every home-care step, and "more" gave the whole call-911 list, the
call-the-doctor list and the read-back again before the first step (outside review 14, F12: four "more"s to reach
what to do at home). The ending has no room for it within rule 13's ceiling beside the read-back and the call-911
signs (rule 11), so what waits for "more" starts with it and the steps; the warning lists and the whole read-back
follow, and the ending offers home care.
"""

from __future__ import annotations

from collections.abc import Collection, Mapping, Sequence
from dataclasses import replace

from voicecare.domain import IntentSet, Message, MessageKind


def with_unchecked_line(messages: Sequence[Message], intents: IntentSet) -> list[Message]:
    """``messages`` (a home-care answer) with the topics' "not checked by a doctor yet" line first of the home-care
    steps, so that the first "more" says it; as they are when it is not among them."""
    lines = {t.messages.get("unchecked") for t in intents.topics} - {None}
    found = [m for m in messages if m.kind is MessageKind.HOME_CARE and m.text in lines]
    if not found:
        return list(messages)
    rest = [m for m in messages if m not in found]
    at = next((i for i, m in enumerate(rest) if m.kind is MessageKind.HOME_CARE), len(rest))
    return [*rest[:at], *found, *rest[at:]]


def steps_first(waiting: Sequence[tuple[Message, ...]],
                after: Collection[MessageKind] = ()) -> tuple[tuple[Message, ...], ...]:
    """``waiting`` with the home-care steps first, each kind's items in their order; items of the kinds ``after``
    stay ahead of them (after a skip, the call-the-doctor signs nobody was asked about)."""
    ahead = [u for u in waiting if u and u[0].kind in after]
    steps = [u for u in waiting if u and u[0].kind is MessageKind.HOME_CARE]
    return (*ahead, *steps, *(u for u in waiting if u not in steps and u not in ahead))


def offering_steps(said: Sequence[Message], offers: Mapping[str, str]) -> tuple[Message, ...]:
    """``said`` (the ending) with its offer ("say more for warning signs") naming home care, which now comes first
    on "more"; as it is without such an offer or without the words for home care."""
    home = offers.get("home_care")
    others = {text for key, text in offers.items() if key not in ("next", "done", "home_care")}
    if not home:
        return tuple(said)
    return tuple(replace(m, text=home) if m.kind is MessageKind.CONVERSATION and m.text in others else m
                 for m in said)
