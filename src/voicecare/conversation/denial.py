"""A sign the caregiver denied is not set present by a misreading or a guess alone; the turn says the no was kept.

"No fever", then fever heard only in the recogniser's other reading of a later turn (a reverberant room, a partial
result) or only guessed from words pointing at it, was counted, and the caregiver's no was overridden with nothing
said of it (outside review 20). Below 911 the no now stands, and the turn says so in one short line that invites a
correction ("I may have heard fever, but you said no to it, so I kept the no. If that changed, tell me."). A 911
sign is never dropped so: it is counted with its doubt said and a correction offered (``misheard``), and a "no" then
brings the earlier no back (``Conversation.doubted_over``).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from voicecare.conversation import asides, unanswered
from voicecare.conversation.turns import Turn
from voicecare.domain import Basis, Finding, Level, MessageKind, Status

if TYPE_CHECKING:
    from voicecare.conversation.dialog import Conversation

KEPT = "conversation.denial_kept"
"""The message saying a no was kept (``messages.toml``; optional: without it, the doubted sign counts as before)."""


def overridden_by_doubt(old: Finding, new: Finding) -> bool:
    """True when ``new``, a sign heard only in doubt (another reading, a partial, a guess), would set present a sign
    below 911 that ``old`` says the caregiver clearly denied."""
    if old.status is not Status.ABSENT or old.basis is not Basis.SAID or old.uncertain:
        return False
    doubted = new.uncertain or new.basis is Basis.GUESSED
    return new.status is Status.PRESENT and doubted and new.symptom.level is not Level.EMERGENCY


def said_kept(talk: Conversation, turn: Turn) -> Turn:
    """``turn`` with the line saying which denied signs a doubt did not overturn, when any did not."""
    kept, talk.denials_kept = talk.denials_kept, ()
    note = talk.assistant.intents.messages.get(KEPT, "")
    counted = {f.symptom.id for f in talk.found if f.status is Status.PRESENT}
    signs = [f for f in dict.fromkeys(kept) if f.symptom.id not in counted]
    if not signs or not note:
        return turn
    names = unanswered.listed(list(dict.fromkeys(f.symptom.name for f in signs)), talk.assistant.intents.language.list_or)
    calling = turn.disposition is Level.EMERGENCY or any(m.kind is MessageKind.EMERGENCY for m in turn.said_aloud)
    noted = asides.with_note(turn, note.format(items=names), last=calling, kind=MessageKind.CONFIRM)
    talk.last_said, talk.last_spoken = noted.messages, noted.said_aloud
    return noted
