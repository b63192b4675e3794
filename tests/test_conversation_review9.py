"""An outside review (9) of spoken conversations: the first answer to an urgent description says what to do;
after the wrap-up, requests and garbled turns; every turn within rule 13's budget."""

from __future__ import annotations

import pytest

from voicecare.conversation import spoken
from voicecare.conversation.dialog import Conversation, State
from voicecare.domain import Basis, Finding, Level, MessageKind, Status
from voicecare.speech_out.tts import DEFAULT_RATE_WPM
from voicecare.understanding.assistant import Assistant

TAKEN_BACK = "Okay, then that is not an emergency."
ESTIMATE_SHORT_AT_MOST = 0.8
"""Seconds the spoken estimate of one message may fall short of espeak-ng's real output (it plans rule 13)."""


def test_the_first_answer_to_an_urgent_description_says_to_call_the_doctor(assistant: Assistant) -> None:
    # Rule 13: the action first. It came only after four or five questions; the questions may raise it, never lower.
    for text in ("his back hurts and he has a fever", "his back hurts and the pain goes down his leg"):
        talk = Conversation(assistant)
        turn = talk.hear(text)
        spoken = [m.text for m in turn.said_aloud]
        assert talk.state is State.INTERVIEW and turn.disposition is Level.URGENT, spoken
        assert "Call your child's doctor right away." in spoken, spoken
        assert spoken.index("Call your child's doctor right away.") < len(spoken) - 1  # before the question
        assert spoken[-1].endswith("?"), spoken


def test_a_home_care_description_still_waits_for_the_answers(assistant: Assistant) -> None:
    talk = Conversation(assistant)
    spoken = [m.text for m in talk.hear("her back is sore after the trampoline").said_aloud]
    assert not any("doctor right away" in text or "Call 911" in text for text in spoken), spoken


def test_help_in_a_911_says_the_911_again_and_in_the_interview_asks_again(assistant: Assistant) -> None:
    talk = Conversation(assistant)
    talk.hear("her lips are blue and her back hurts")
    spoken = [m.text for m in talk.hear("help").said_aloud]
    # The short help in a 911 ("Tell me what you see now, ..."): the whole one took the turn over 15 s (convo10).
    assert spoken[0] == "Call 911 now." and spoken[-1].startswith("Tell me"), spoken
    assert talk.state is State.EMERGENCY
    talk = Conversation(assistant)
    talk.hear("her back is sore after the trampoline")
    spoken = [m.text for m in talk.hear("help").said_aloud]
    assert spoken[0].startswith("Tell me in your own words") and spoken[-1].endswith("?"), spoken
    assert talk.state is State.INTERVIEW


# ---- after the wrap-up ("is there anything else?"): "slower", "tell me more", a garbled turn (findings 14, 15, 19)


def wrapped_up_after_skips(assistant: Assistant) -> Conversation:
    """Her back is sore, "skip" twice: the advice, with the call-911 signs said at once (as in review 9's k1)."""
    talk = Conversation(assistant)
    talk.hear("her back is sore")
    talk.hear("skip")
    talk.hear("skip")
    assert talk.state is State.ANYTHING_ELSE
    return talk


def test_tell_me_more_after_the_wrap_up_says_a_real_item_not_only_its_heading(assistant: Assistant) -> None:
    # It said "Warning signs to watch for:" and "Say more for the next", the signs it introduces said already.
    talk = wrapped_up_after_skips(assistant)
    for request in ("tell me more", "what should I watch for"):
        said = [m for m in talk.hear(request).said_aloud if m.kind is not MessageKind.CONVERSATION]
        assert said and not said[-1].text.endswith(":"), [m.text for m in said]


def test_slower_after_the_wrap_up_says_the_last_thing_again(assistant: Assistant) -> None:
    # It said only "Say more for the next." (the last line of the last turn) at the new rate.
    talk = wrapped_up_after_skips(assistant)
    last = talk.hear("tell me more").said_aloud
    again = talk.hear("slower please")
    assert again.command == "slower" and again.said_aloud == last, [m.text for m in again.said_aloud]


def test_a_garbled_turn_after_the_wrap_up_asks_again_instead_of_reopening_the_questions(
        assistant: Assistant) -> None:
    # "Goodbye" heard "our" reopened the interview after the advice: "Is your child's heart beating ...?".
    for garbled in ("our", "he the was"):
        talk = wrapped_up_after_skips(assistant)
        turn = talk.hear(garbled)
        said = [m.text for m in turn.said_aloud]
        assert talk.state is State.ANYTHING_ELSE and not any(m.kind is MessageKind.QUESTION for m in turn.said_aloud)
        assert said[-1] == assistant.intents.messages["conversation.anything_else"], said
        assert talk.hear("no").state is State.DONE


def test_a_sign_told_after_the_wrap_up_is_said_back_with_its_action(assistant: Assistant) -> None:
    # "She has a fever" after the advice asked the next question only, never saying fever was heard or what to do.
    talk = wrapped_up_after_skips(assistant)
    said = [m.text for m in talk.hear("she has a fever").said_aloud]
    assert "I heard: fever." in said and assistant.intents.messages["urgent"] in said, said


# ---- rule 13: every spoken turn within its budget, on an estimate that counts the pauses (finding 16)


def test_the_spoken_estimate_counts_the_pauses_at_commas(assistant: Assistant) -> None:
    # The call-911 list has six commas: counted as words only it was 1.4 s short of espeak-ng, and turns planned
    # within 19 s took 19.4-25.5 s.
    listed = "Call 911 for trouble breathing, confusion, hard to wake, fainting, seizure, or a racing heart."
    plain = "Call 911 for trouble breathing confusion hard to wake fainting seizure or a racing heart."
    assert spoken.seconds(listed, DEFAULT_RATE_WPM) >= spoken.seconds(plain, DEFAULT_RATE_WPM) + 5 * 0.2


def test_the_estimate_is_never_far_short_of_espeak(assistant: Assistant) -> None:
    from voicecare.speech_out.tts import PAUSE_SECONDS, Pyttsx3Synthesizer

    intents = assistant.intents
    texts = [t for t in intents.messages.values() if "{" not in t]
    texts += [t for topic in intents.topics for t in [*topic.messages.values(), *topic.advice.values(),
                                                      *(q.ask for q in topic.interview)]]
    synth = Pyttsx3Synthesizer()
    try:
        for text in texts:
            clip = synth.synth(text, DEFAULT_RATE_WPM)
            real = len(clip.pcm) / 2 / clip.rate + PAUSE_SECONDS
            assert real - spoken.seconds(text, DEFAULT_RATE_WPM) <= ESTIMATE_SHORT_AT_MOST, (text, real)
    finally:
        synth.close()


ENDINGS = {
    # The outside review's over-budget turns: the follow-up ending (25.5 s), the ending after skip (19.4 s), an
    # urgent ending (19.9 s), the answer to a turn not understood (19.8 s).
    "follow-up ending": ("my son's back is sore and he has not been seen by a doctor", "no", "no", "no", "no", "no"),
    "ending after skip": ("her back is sore", "skip", "skip"),
    "urgent ending": ("my son's back is sore", "no", "no", "maybe", "no", "no"),
    "urgent ending after skip": ("his back hurts and he has a fever", "skip", "skip"),
    "not understood": ("our",),
    "not understood at a 911 question": ("her back is sore", "our"),
}


@pytest.mark.parametrize("name", ENDINGS)
def test_every_turn_is_within_the_turn_budget(assistant: Assistant, name: str) -> None:
    rules = assistant.intents.spoken
    assert rules is not None and rules.turn_seconds is not None
    talk = Conversation(assistant)
    for text in ENDINGS[name]:
        turn = talk.hear(text)
        seconds = spoken.total_seconds(turn.said_aloud, DEFAULT_RATE_WPM)
        limit = rules.levels[Level.EMERGENCY].seconds if turn.disposition is Level.EMERGENCY else rules.turn_seconds
        assert seconds <= limit, (name, text, round(seconds, 1), [m.text for m in turn.said_aloud])


# ---- a 911 resting on one odd word or a doubted yes: said as a doubt, taken back by "no", said to be taken back


def test_a_911_on_one_word_heard_by_ear_is_a_doubt_that_a_no_takes_back(assistant: Assistant) -> None:
    # en-us "no that's wrong" was heard "no but groggy" (finding 4): "Call 911 now. Very sleepy or hard to wake."
    # as fact; neither "no" nor "no that is wrong" took it back, and "he is not groggy" did so without saying it.
    for correction in ("no", "no that is wrong", "that's wrong", "he is not groggy"):
        talk = Conversation(assistant, heard_by_ear=True)
        talk.hear("her back is sore")
        alarm = talk.hear("no but groggy")  # the recogniser's reading, as the review recorded it
        said = [m.text for m in alarm.said_aloud]
        assert alarm.disposition is Level.EMERGENCY and said[0] == "Call 911 now.", said  # still called (rule 4)
        assert "I may have heard very sleepy or hard to wake." in said and "If I heard that wrong, tell me." in said
        after = talk.hear(correction)
        assert after.disposition is not Level.EMERGENCY and talk.state is State.INTERVIEW, (correction, after)
        assert after.said_aloud[0].text == TAKEN_BACK and after.said_aloud[-1].text.endswith("?"), correction


def test_a_sign_said_in_more_words_by_ear_is_said_as_heard(assistant: Assistant) -> None:
    talk = Conversation(assistant, heard_by_ear=True)
    talk.hear("her back is sore")
    said = [m.text for m in talk.hear("yes he won't wake up").said_aloud]
    assert said[:3] == ["Call 911 now.", "Very sleepy or hard to wake.", "Stay with your child."], said


def test_a_doubted_yes_is_said_as_a_doubt_and_a_plain_no_takes_it_back(assistant: Assistant) -> None:
    # The answer reader counts a yes-word drowned in words that are no answer ("yeah long dad say that") with its
    # signs guessed (answers8); said "You said yes when I asked about ..." it claimed a yes nobody said (finding 12).
    talk = Conversation(assistant)
    talk.hear("her back is sore")
    question = talk.asked[-1]
    talk.found += [Finding(assistant.intents.symptom(s), Status.PRESENT, 100.0, "yeah long dad say that", True,
                           Basis.GUESSED) for s in question.symptoms]
    talk.answering = question
    alarm = talk.respond("yeah long dad say that")
    said = " ".join(m.text for m in alarm.said_aloud)
    assert alarm.disposition is Level.EMERGENCY and said.startswith("Call 911 now."), said
    assert "I am not sure, but" in said and "If it is no, say no." in said and "You said yes" not in said, said
    after = talk.hear("no")
    assert after.said_aloud[0].text == TAKEN_BACK and talk.state is State.INTERVIEW, after
    assert all(f.status is Status.ABSENT for f in talk.found if f.symptom.id in question.symptoms)


def test_signs_added_during_a_911_are_said_back(assistant: Assistant) -> None:
    # "can she go to daycare?" heard "can't she dead today care" mid-911 added limb signs nobody heard of (finding
    # 9); "he hot" mid-911 added a fever the same way.
    talk = Conversation(assistant, heard_by_ear=True)
    talk.hear("her lips are blue and her back hurts")
    said = [m.text for m in talk.hear("he hot").said_aloud]
    assert said[0] == "Call 911 now." and said[-1] == "I heard: fever.", said
