"""The room between and after a caregiver's words, in a spoken conversation: never an answer, never a sign.

Recorded as an outside review (9) made its turns: ``flite -voice slt|rms -t TEXT -o raw.wav``; ``sox raw.wav -r
16000 -c 1 -b 16 turn.wav pad 0.3 TAIL``; pink noise (``sox -n ... synth D pinknoise vol 0.08``) mixed over the
whole file. ``other/no_pink_tail{1,2}_{slt,rms}.wav`` are "no" with 1 s and 2 s of that room after it;
``other/her_back_is_sore_slt.wav`` is "Her back is sore." (0.5 s after it, no noise).
"""

from __future__ import annotations

from tests.conftest import listened

NOISY_NOS = ("other/no_pink_tail1_slt.wav", "other/no_pink_tail2_slt.wav", "other/no_pink_tail1_rms.wav",
             "other/no_pink_tail2_rms.wav")


def test_the_room_after_a_clear_no_is_not_a_silent_answer() -> None:
    # Outside review 9, finding 6: the room after "no", cut off as a turn of its own, was read as nothing and taken
    # as a silent answer to the question just asked (rule 4: counts as yes): "Call 911 now" after a "no".
    _, described, *answers = listened("other/her_back_is_sore_slt.wav", *NOISY_NOS)
    assert described["disposition"] == "home_care", described
    heard = [a["heard"] for a in answers]
    assert "" not in heard, heard  # each file is one answer: the room after it is no turn
    assert len(answers) == len(NOISY_NOS), heard
    assert all(a["disposition"] != "emergency" for a in answers), answers


def test_a_no_heard_surely_is_not_read_back_as_a_sign_another_model_heard() -> None:
    # Findings 10 and 13: flite rms's "no" with 2 s of pink noise after it was "no" to the answer model (posterior
    # 0.96, "fell" among its own rivals) and "fell off" to the description model; "I heard: a fall or blow to the
    # back" was said as heard, and the question was asked again.
    *_, last = listened("other/her_back_is_sore_slt.wav", *NOISY_NOS)
    assert last["heard"] == "no", last
    symptoms = last["symptoms"]
    assert isinstance(symptoms, dict) and "serious_injury" not in symptoms, symptoms
    spoken = last["spoken"]
    assert isinstance(spoken, list) and not any("fall" in line for line in spoken), spoken
