"""Classes of failure an outside reviewer found by using voicecare as a caregiver would.

Each test holds new sentences of one class, not only the reviewer's own.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from voicecare import intents as loader
from voicecare.domain import Level, Status
from voicecare.understanding.assistant import Assistant


def _statuses(assistant: Assistant, text: str) -> dict[str, Status]:
    return {f.symptom.id: f.status for f in assistant.understand(text)}


# ------------------------------------------- 1. the sign's own "not" is no denial (rule 2)

@pytest.mark.parametrize("text", [
    "my daughter does not have control of her bladder any more",
    "he doesn't have any control over his bowels since this morning",
    "she hasn't got control of her pee anymore",
    "he isn't in control of his bowels",
])
def test_not_having_control_is_losing_it(assistant: Assistant, text: str) -> None:
    result = assistant.answer(text)
    assert result.disposition is Level.EMERGENCY, text
    assert not any(m.text.startswith("No loss") for m in result.messages)


@pytest.mark.parametrize("text", [
    "she has good bladder control, her back is just stiff",
    "he has control of his bladder, no accidents, the back is sore",
    "no accidents, she's got control of her bowels, only her back hurts",
])
def test_having_control_is_no_loss_of_it(assistant: Assistant, text: str) -> None:
    assert assistant.answer(text).disposition is Level.HOME_CARE, text


# ------------------------------------------- 2. everyday words for an emergency

@pytest.mark.parametrize("text", [
    "she hasn't really been able to breathe since her nap",
    "he doesn't seem to be able to breathe",
    "my son does not seem to be breathing very much",
    "she keeps zoning out on me",
    "he is acting like he's drunk",
    "he doesn't answer when I call him",
    "my little girl took a fit in the car",
    "he had a fit a minute ago",
])
def test_everyday_emergency_words(assistant: Assistant, text: str) -> None:
    assert assistant.answer(text).disposition is Level.EMERGENCY, text


@pytest.mark.parametrize("text", [
    "she was breathing fine but now she's not eating much, her back is sore",
    "he threw a fit at bedtime because his back is sore",
])
def test_near_misses_of_everyday_emergency_words(assistant: Assistant, text: str) -> None:
    assert assistant.answer(text).disposition is Level.HOME_CARE, text


# ------------------------------------------- 3. injuries (policy, beyond the sheet)

@pytest.mark.parametrize("text", [
    "a car backed into her in the driveway, she got hit by a car",
    "he was struck in the back by a swing",
    "she got kicked in the back by her cousin's pony",
])
def test_a_blow_gets_care_now_and_no_home_care_steps(assistant: Assistant, text: str) -> None:
    result = assistant.answer(text)
    assert result.disposition is Level.URGENT, text
    back_care = set(assistant.intents.topics[0].home_care)
    assert not back_care & {m.text for m in result.messages}


@pytest.mark.parametrize("text", [
    "he was whacked on the back with a cricket bat and now he can't move his legs",
    "she was hit in the back by a car and she's really drowsy",
])
def test_a_blow_with_a_red_flag_is_911(assistant: Assistant, text: str) -> None:
    assert assistant.answer(text).disposition is Level.EMERGENCY, text


# ------------------------------------------- 4. care questions said alone

@pytest.mark.parametrize(("text", "care"), [
    ("how long should I ice it for?", "ice"),
    ("how often can we ice it", "ice"),
    ("does he have to stay in bed?", "bed_rest"),
    ("should she rest in bed all day?", "bed_rest"),
])
def test_care_questions_said_alone(assistant: Assistant, text: str, care: str) -> None:
    result = assistant.answer(text)
    assert result.disposition is Level.HOME_CARE, text
    assert [q.id for q in result.care] == [care]


# ------------------------------------------- 6. the past is not read back as said (rules 9, 14)

def test_a_contrast_word_is_never_skipped_inside_a_phrase(assistant: Assistant) -> None:
    statuses = _statuses(assistant, "he had chills a week ago but now it's only his back that hurts")
    assert "long_lasting_pain" not in statuses
    assert statuses["back_spasm"] is Status.PRESENT


# ------------------------------------------- 6b. a sign that was, and "today it's normal" (rule 9)

@pytest.mark.parametrize("text", [
    "his temperature was 38 yesterday, today it's normal",
    "he was hot last night and it is fine today",
    "he was feverish on sunday, normal today",
])
def test_a_sign_over_today_is_past(assistant: Assistant, text: str) -> None:
    assert assistant.answer(text).disposition is Level.HOME_CARE, text


@pytest.mark.parametrize("text", [
    "she has a fever today",
    "he is hard to wake, fine today otherwise",
    "is it normal that his lips look bluish?",
])
def test_a_sign_said_in_the_present_is_not_over(assistant: Assistant, text: str) -> None:
    assert assistant.answer(text).disposition < Level.HOME_CARE, text


# ------------------------------------------- 3. ordinary circumstances are no sign

@pytest.mark.parametrize("text", [
    # Fast breathing after running, playing or crying is not fast breathing at rest.
    "he's panting hard after racing his brother up the stairs, and his back is sore",
    "she was crying so hard she was breathing fast, now her back is sore",
    "he breathes quickly when he plays tag, his back aches a bit",
    # Accidents in a child still learning or in nappies are no loss of control.
    "he wet his pants at nursery, he is still in nappies mostly, and his back is sore",
    "she is not potty trained yet and had an accident, her back hurts",
    "he has accidents because he's still learning to use the potty, his back is stiff",
    # Confused about a thing is not confusion.
    "he got confused about which cup was his, his back is sore",
    "she was confused by the new puzzle and her back is tight",
    # From the 2026-11-26 outside review: play on the playground, and a tired child's deep sleep.
    "her heart was pounding after the slide, back sore now",
    "his heart was racing after the swings, his back is a bit stiff",
    "he's out cold, fast asleep after a big day, his back was sore",
    "she's out cold asleep, worn out after the party, her back aches",
    # Dozing at nap time or in the car is a tired toddler, not "very sleepy or hard to wake".
    "she was nodding off at nap time, her back is sore",
    "he's dozing off in the car and his back is stiff",
])
def test_an_ordinary_circumstance_is_no_911(assistant: Assistant, text: str) -> None:
    assert assistant.answer(text).disposition is Level.HOME_CARE, text


@pytest.mark.parametrize("text", [
    "his back hurts and he is breathing fast just lying on the sofa",
    "she breathes really fast even when she is asleep",
    "he was running earlier but now he's breathing fast sitting on my lap",
    "he has been potty trained for months and suddenly wet himself, his back hurts",
    "she is toilet trained but now she's wetting herself again",
    "he is confused about where he is and his back hurts",
    "she's confused, she doesn't know who I am",
    "he's out cold and I can't wake him, his back hurts",
    "she's out cold asleep and won't wake up",
    "he keeps nodding off while I'm talking to him, his back hurts",
    "he's dozing off at bedtime and I can't wake him",
    "she keeps nodding off",
    "her heart is pounding after the slide even sitting still now",
    "he seems really confused by everything since his nap",
])
def test_the_sign_itself_still_calls_911(assistant: Assistant, text: str) -> None:
    assert assistant.answer(text).disposition is Level.EMERGENCY, text


# "She's wetting herself again" is the sign back; only "he is himself again" is a recovery.
@pytest.mark.parametrize(("text", "level"), [
    ("he's peeing himself again and he has been toilet trained since spring", Level.EMERGENCY),
    ("he was very drowsy after his nap but he is himself again, his back is sore", Level.HOME_CARE),
])
def test_himself_again(assistant: Assistant, text: str, level: Level) -> None:
    assert assistant.answer(text).disposition is level, text


def problems_with_confusion_ordinary(tmp_path: Path, pattern: str) -> list[str]:
    """What ``check`` says of a copy of the shipped intents whose confusion sign has only this ordinary pattern."""
    target = tmp_path / "intents"
    shutil.copytree(loader.language_dir(loader.default_dir()), target)
    topic = target / "topics" / "back_spasm_toddler" / "topic.toml"
    text = topic.read_text()
    start = text.index("ordinary = [", text.index("[symptoms.confusion]"))
    end = text.index("\n]", start) + 2
    topic.write_text(text[:start] + f'ordinary = ["{pattern}"]' + text[end:])
    return loader.problems_of(target)


def test_an_ordinary_circumstance_without_everyday_words_is_reported(tmp_path: Path) -> None:
    assert any(p.endswith("symptoms.confusion: ordinary: 'confused puzzled within 2' needs the sign's words, "
                          "'+', then the everyday words")
               for p in problems_with_confusion_ordinary(tmp_path, "confused puzzled within 2"))


def test_a_window_said_before_unless_is_reported(tmp_path: Path) -> None:
    # Only a window at the very end is read: "within 2 unless ..." made the words "2 unless ..." and the window 8.
    assert any(p.endswith("symptoms.confusion: ordinary: 'confused + puzzled within 2 unless lost': 'within N' must "
                          "come last (after any 'unless' words)")
               for p in problems_with_confusion_ordinary(tmp_path, "confused + puzzled within 2 unless lost"))


# ------------------------------------------- 4. "fine before, but now he isn't" is the sign now

@pytest.mark.parametrize(("text", "level"), [
    ("my son was breathing okay this morning but now he is not", Level.EMERGENCY),
    ("She was breathing normally. Now she isn't.", Level.EMERGENCY),
    ("he was waking up easily before but now he isn't", Level.EMERGENCY),
    ("she was walking fine yesterday but now she's not, and her back hurts", Level.FOLLOW_UP),
    ("he was cranky earlier but now he is not, his back is just a bit sore", Level.HOME_CARE),
    ("she was confused for a second but now she isn't, her back hurts", Level.HOME_CARE),
])
def test_a_state_said_before_and_now_not(assistant: Assistant, text: str, level: Level) -> None:
    assert assistant.answer(text).disposition is level, text


@pytest.mark.parametrize("text", [
    "I was breathing hard after the hike up but she isn't, her back is just sore",
    "I was waking up every hour with worry, she is not, her back is a bit stiff",
])
def test_an_elided_state_of_someone_else_is_not_filled(assistant: Assistant, text: str) -> None:
    assert assistant.answer(text).disposition is not Level.EMERGENCY, text
