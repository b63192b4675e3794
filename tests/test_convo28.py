"""Issue #9 after outside review 23 (convo28): a conversation a caregiver can follow. Through the real
``Conversation`` and ``Assistant`` (the ones ``voicecare chat`` and ``triage`` use).

F5: a 911 on a sign said plainly is taken back by a state the sign cannot be said beside ("he's wide awake"), and a
correction inside a description that tells the sign again as something ordinary ("I mean he flopped down on the
sofa") takes it back (rule 9); a real floppy child stays a 911.
"""

from __future__ import annotations

import pytest

from voicecare.conversation.dialog import Conversation, Turn
from voicecare.domain import Level, Status
from voicecare.understanding.assistant import Assistant


def printed(turn: Turn) -> str:
    return " ".join(m.text for m in turn.messages)


def present(assistant: Assistant, text: str) -> set[str]:
    return {f.symptom.id for f in assistant.understand(text) if f.status is Status.PRESENT}


FLOPPY = ["his back is sore and he is all floppy", "her back hurts and she's really drowsy",
          "my boy's back is sore and he's so floppy and sleepy"]
WENT_FLOPPY = ["his back is sore and he went all floppy", "my boy's back is sore and he's gone floppy on me"]
"""A spell told as an event, as a faint is: over by now, it still happened (docs/policy.md; "went all floppy but he's
wide awake now" said in one breath is a 911): a state said after it does not take it back (the lead, after convo28)."""


@pytest.mark.parametrize("said", FLOPPY)
@pytest.mark.parametrize("correction", ["he's wide awake", "awake and alert", "he's playing",
                                        "no, she's wide awake, she's running around", "he's laughing and giggling"])
def test_a_contrary_state_takes_the_911_back(assistant: Assistant, said: str, correction: str) -> None:
    talk = Conversation(assistant)
    assert "Call 911 now." in printed(talk.hear(said))
    turn = talk.hear(correction)
    text = printed(turn)
    assert "Call 911 now." not in text and "not an emergency" in text, text
    drowsy = [f for f in talk.found if f.symptom.id == "very_drowsy"]
    assert drowsy and all(f.status is Status.ABSENT for f in drowsy), talk.found


@pytest.mark.parametrize("said", WENT_FLOPPY)
@pytest.mark.parametrize("correction", ["he's wide awake", "awake and alert", "he's playing"])
def test_a_state_said_after_a_floppy_spell_keeps_the_911(assistant: Assistant, said: str, correction: str) -> None:
    talk = Conversation(assistant)
    talk.hear(said)
    assert "Call 911 now." in printed(talk.hear(correction)), correction
    assert assistant.answer(f"{said}, but {correction} now").disposition is Level.EMERGENCY


@pytest.mark.parametrize("said", FLOPPY + WENT_FLOPPY)
@pytest.mark.parametrize("correction", [
    "he's barely awake", "he's not playing, he just lies there", "he's a bit more awake now", "he's awake now",
    "he came round", "maybe he's awake, I am not sure", "he's wide awake but really floppy",
    "she is awake but very floppy", "he's fine"])
def test_near_misses_keep_the_911(assistant: Assistant, said: str, correction: str) -> None:
    # A sign said again, a "not", getting better after a spell (an event, as a faint is), or a "fine" that names
    # no sign: the 911 stands.
    talk = Conversation(assistant)
    talk.hear(said)
    assert "Call 911 now." in printed(talk.hear(correction)), correction


def test_another_sign_stays_when_only_sleepiness_is_contradicted(assistant: Assistant) -> None:
    talk = Conversation(assistant)
    talk.hear("his back is sore, he's floppy and he can't breathe properly")
    text = printed(talk.hear("he's wide awake"))
    assert "Call 911 now." in text, text
    assert any(f.symptom.id == "trouble_breathing" and f.status is Status.PRESENT for f in talk.found)


C14 = ("my son is two, he went floppy and fainted on the sofa, oh no wait, sorry, I mean he flopped down on the "
       "sofa, he didn't faint, he's fine, his back's just sore from the trampoline")


@pytest.mark.parametrize("text", [
    C14,
    "she went all floppy, oh no wait, sorry, I mean she flopped onto the bed, her back is sore",
    "his back hurts and he was floppy and faint, no wait, I mean he flopped on the couch, he did not faint",
])
def test_a_sign_told_again_as_ordinary_is_taken_back(assistant: Assistant, text: str) -> None:
    result = assistant.answer(text)
    assert result.disposition is not Level.EMERGENCY, result


@pytest.mark.parametrize("text", [
    "he went floppy, oh no wait, I mean he's really floppy and his back hurts",
    "he went floppy and his back hurts, no wait, sorry, I mean he went floppy and he won't wake up",
    "he is floppy and his back is sore",
    "he's floppy, no wait, I mean he flopped down and he has a fever and his back hurts",
    # The correction tells again another sign only: the floppy one before it stands.
    "he went floppy and his back hurts and he has a fever, oh no wait, I mean a temperature of 37",
])
def test_a_real_floppy_child_stays_911(assistant: Assistant, text: str) -> None:
    if "flopped down and he has" in text:
        # Told again as ordinary, with a fever said besides: the fever stands, the 911 goes (rule 9).
        assert present(assistant, text) >= {"fever"} and "very_drowsy" not in present(assistant, text)
        return
    assert "very_drowsy" in present(assistant, text), text


def test_the_c14_conversation_ends_below_911(assistant: Assistant) -> None:
    talk = Conversation(assistant)
    first = printed(talk.hear(C14))
    assert "Call 911 now." not in first, first


# F6: care questions about rest and about a rub on the back are answered, the level set by the signs said.
REST = ["should I keep him off his feet, his back's sore?", "do I keep her off her feet? her back hurts",
        "should we keep her off her feet today? her back is stiff"]
RUB = ["can I use tiger balm on his back?", "is deep heat ok for her back?", "can I put vicks on his sore back?",
       "should I rub some arnica gel on her back?", "is it ok to use icy hot on his back"]


@pytest.mark.parametrize("text", REST)
def test_keeping_off_the_feet_is_a_rest_question(assistant: Assistant, text: str) -> None:
    result = assistant.answer(text)
    assert result.disposition is Level.HOME_CARE, result
    assert [q.id for q in result.care] == ["bed_rest"], result.care
    assert "trouble_walking" not in present(assistant, text)


@pytest.mark.parametrize("text", RUB)
def test_a_rub_on_the_back_is_a_care_question(assistant: Assistant, text: str) -> None:
    result = assistant.answer(text)
    assert result.disposition is Level.HOME_CARE, result
    assert [q.id for q in result.care] == ["rub_on"], result.care
    assert "doctor said" in result.care[0].answer


@pytest.mark.parametrize(("text", "level", "sign"), [
    # Near misses: off the feet said as what the child does is the sign; signs said with the question set the level.
    ("he's been off his feet all day and his back hurts", Level.FOLLOW_UP, "trouble_walking"),
    ("should I keep her off her feet? her back hurts and she has a fever", Level.URGENT, "fever"),
    ("can I use tiger balm on his back? he's got a fever", Level.URGENT, "fever"),
    ("he can't walk, should I keep him off his feet? his back hurts", Level.FOLLOW_UP, "trouble_walking"),
])
def test_signs_said_with_the_question_set_the_level(assistant: Assistant, text: str, level: Level, sign: str) -> None:
    result = assistant.answer(text)
    assert result.disposition is level and sign in present(assistant, text), result


def test_a_rub_question_off_the_topic_stays_unclear(assistant: Assistant) -> None:
    # No back named: a nappy cream or a chest rub is not this topic's care.
    assert assistant.answer("what cream should I use for a nappy rash?").disposition is Level.UNCLEAR


def test_the_rest_question_in_the_conversation(assistant: Assistant) -> None:
    talk = Conversation(assistant)
    text = printed(talk.hear("should I keep him off his feet, his back's sore?"))
    assert "does not need bed rest" in text and "trouble walking" not in text, text


# F7: read-backs that name only what was said.
@pytest.mark.parametrize("text", [
    "he sat down and just went sort of floppy for a second, eyes rolled, then came round",
    "she went floppy for a moment and then came to, her back hurts",
    "his back is sore and he went all floppy for a few seconds",
])
def test_a_floppy_spell_is_read_back_as_fainting(assistant: Assistant, text: str) -> None:
    result = assistant.answer(text)
    assert result.disposition is Level.EMERGENCY
    assert "fainting" in present(assistant, text) and "very_drowsy" not in present(assistant, text), text


@pytest.mark.parametrize("text", [
    # A limp spell: "limp" is a walk too, so the spell stays the sign it was (911), never trouble walking.
    "she stood up from the bath and just went limp on me, came round after a few seconds, her back is sore",
    "he is floppy and his back is sore", "she's been all floppy since her nap, back hurts",
                                  "he went all floppy this morning but he's fine now"])
def test_a_floppy_child_is_still_very_sleepy(assistant: Assistant, text: str) -> None:
    assert "very_drowsy" in present(assistant, text), text


@pytest.mark.parametrize("text", ["she hasn't seen the doctor about her back yet, no",
                                  "he has not seen the doctor for his back", "she hasn't seen the gp about it yet"])
def test_not_seen_by_the_doctor_is_read_back_as_said(assistant: Assistant, text: str) -> None:
    found = [f for f in assistant.understand(text) if f.symptom.id == "not_seen_by_provider"]
    assert found and found[0].status is Status.PRESENT and not found[0].uncertain, found
    assert "not sure" not in " ".join(m.text for m in assistant.answer(text).messages)


def test_the_someone_else_note_is_said_on_its_own_turn_only(assistant: Assistant) -> None:
    talk = Conversation(assistant)
    talk.hear("Noah is two, his back muscles are tight after swimming lessons")
    for _ in range(5):
        talk.hear("no")
    note = assistant.intents.messages["other_person"]
    said = printed(talk.hear("yes, actually, his sister is burning up and I feel dizzy myself, I've not slept"))
    assert note in said, said
    later = printed(talk.hear("yes, he's now saying his legs feel funny, like fizzy"))
    assert note not in later, later


# F9, F10: a clear "that's all" during a list ends the conversation; after a skip the list follows its heading.
def at_a_list(assistant: Assistant) -> Conversation:
    talk = Conversation(assistant)
    talk.hear("Our toddler Ava has a sore back after a long day at the zoo, she walked loads")
    for _ in range(6):
        if talk.state.name != "INTERVIEW":
            break
        talk.hear("no")
    talk.hear("what should I watch for?")
    talk.hear("more")
    return talk


@pytest.mark.parametrize("words", ["no that's it thanks", "no, that's all", "nope, nothing else, thank you"])
def test_that_is_all_during_a_list_says_goodbye(assistant: Assistant, words: str) -> None:
    talk = at_a_list(assistant)
    text = printed(talk.hear(words))
    assert "Anything else?" not in text and talk.state.name == "DONE", text


@pytest.mark.parametrize("words", ["no", "nah"])
def test_a_bare_no_during_a_list_only_stops_it(assistant: Assistant, words: str) -> None:
    # Near miss (outside review 13 F11): "More." heard as "nah" must not end the conversation.
    talk = at_a_list(assistant)
    text = printed(talk.hear(words))
    assert "Anything else?" in text and talk.state.name != "DONE", text


def test_after_skips_the_heading_comes_before_its_list(assistant: Assistant) -> None:
    talk = Conversation(assistant)
    talk.hear("my boy, two and a half, his back keeps spasming, he cries and goes stiff")
    talk.hear("no")
    talk.hear("no")
    texts = [m.text for m in talk.hear("skip").messages]
    heading = next(i for i, t in enumerate(texts) if t.startswith("Warning signs"))
    call_911 = next(i for i, t in enumerate(texts) if t.startswith("Call 911 if"))
    call_doctor = next(i for i, t in enumerate(texts) if t.startswith("Call the doctor right away for"))
    # The call-911 list is said at once with the instruction; the heading leads only the list after it.
    assert call_911 < heading < call_doctor, texts
    assert texts[call_911 - 1].startswith("Call your child's doctor right away"), texts


# Rule 14: a goodbye after an unclear answer to the call-911 question says it was not understood.
@pytest.mark.parametrize("unclear", ["he's just whiny and cross", "she's been really clingy and cranky"])
def test_goodbye_after_an_unclear_911_answer_says_so(assistant: Assistant, unclear: str) -> None:
    talk = Conversation(assistant)
    talk.hear("my boy's back is sore since his nap")
    talk.hear(unclear)
    turn = talk.hear("goodbye")
    spoken = " ".join(m.text for m in turn.said_aloud)
    assert spoken.startswith("Call 911 now.") and "did not understand your answer" in spoken, spoken
    assert "count it as a yes" in printed(turn), printed(turn)


def test_goodbye_after_a_said_911_names_the_sign(assistant: Assistant) -> None:
    # Near miss: a sign said plainly is read back as said, with no "not heard".
    talk = Conversation(assistant)
    talk.hear("my boy's back is sore and he went floppy")
    text = printed(talk.hear("goodbye"))
    assert "Very sleepy or hard to wake." in text and "did not" not in text, text


@pytest.mark.parametrize("text", [
    "her left knee hurts, no sorry, it's her right knee, and her back is sore",
    "his left leg is tingling, no wait, I mean his right leg, and his back hurts",
])
def test_the_same_word_told_again_after_a_correction_keeps_the_sign(assistant: Assistant, text: str) -> None:
    # The same part said again after "no sorry" is the sign told again, of the other side (understand55): only
    # another form of the word ("flopped" for "floppy") tells it again as something ordinary.
    assert assistant.answer(text).disposition is Level.URGENT
