"""Real audio through the real pipeline: recognition, early emergency, n-best escalation, the recorded corpus."""

from __future__ import annotations

import wave
from collections.abc import Sequence
from pathlib import Path

import numpy as np
import pytest

from children import run_child
from tests.conftest import AUDIO, english_vosk_model
from voicecare.app.evaluation import Case, Report, evaluate, format_report
from voicecare.domain import Level, Message
from voicecare.interfaces import Recognizer, Transcript
from voicecare.speech_in import pipeline, stt
from voicecare.speech_in.audio import AudioChunk, iter_wav, read_format
from voicecare.understanding.assistant import Assistant


def corpus() -> list[tuple[str, Level]]:
    rows = []
    for line in (AUDIO / "utterances.tsv").read_text().splitlines():
        if line and not line.startswith("#"):
            ident, label, _ = line.split("\t")
            rows.append((ident, Level.parse(label)))
    return rows


def run_corpus(recognizer: Recognizer, assistant: Assistant, kind: str) -> Report:
    cases = [Case(level, ident, i) for i, (ident, level) in enumerate(corpus())]

    def decide(ident: str) -> Level:
        heard = pipeline.recognize(iter_wav(AUDIO / kind / f"{ident}.wav"), recognizer, assistant, lambda _: None)
        return pipeline.answer_transcript(assistant, heard.transcript, heard.early_findings).disposition

    report = evaluate(cases, decide)
    print(f"\n{recognizer.name} {kind}:\n{format_report(report)}")
    return report


@pytest.fixture(scope="module")
def engines(sphinx: Recognizer) -> dict[str, Recognizer]:
    return {"sphinx": sphinx}


def recognizer_for(name: str, engines: dict[str, Recognizer]) -> Recognizer:
    if name == "vosk-en":
        return stt.VoskRecognizer.load(english_vosk_model())
    return engines[name]


@pytest.mark.parametrize("engine", ["sphinx", "vosk-en"])
def test_clean_recordings(engine: str, engines: dict[str, Recognizer], assistant: Assistant) -> None:
    report = run_corpus(recognizer_for(engine, engines), assistant, "clean")
    assert report.emergency_recall >= 0.9
    assert report.accuracy >= 0.8


@pytest.mark.parametrize("engine", ["sphinx", "vosk-en"])
def test_noisy_recordings_at_10_db(engine: str, engines: dict[str, Recognizer], assistant: Assistant) -> None:
    report = run_corpus(recognizer_for(engine, engines), assistant, "noisy")
    assert report.emergency_recall >= 0.9


@pytest.mark.parametrize("name", ["silence", "noise_only"])
def test_silence_and_noise_alone_are_unclear(name: str, sphinx: Recognizer, assistant: Assistant) -> None:
    heard = pipeline.recognize(iter_wav(AUDIO / "other" / f"{name}.wav"), sphinx, assistant, lambda _: None)
    result = pipeline.answer_transcript(assistant, heard.transcript)
    assert result.disposition is Level.UNCLEAR
    assert any("Call 911 if" in m.text for m in result.messages)


def test_emergency_is_acted_on_before_the_caregiver_finishes(sphinx: Recognizer, assistant: Assistant) -> None:
    said: list[Sequence[Message]] = []
    path = AUDIO / "clean" / "em_fall_legs.wav"  # "...and now he can't move his legs." then silence
    heard = pipeline.recognize(iter_wav(path), sphinx, assistant, said.append)
    assert heard.emergency_at is not None and heard.emergency_at < heard.audio_seconds
    assert said and said[0][0].text == "Call 911 now."
    result = pipeline.answer_transcript(assistant, heard.transcript, heard.early_findings)
    assert result.disposition is Level.EMERGENCY
    assert "Call 911 now." not in [m.text for m in pipeline.still_to_say(result, heard.early)]


def test_a_red_flag_in_an_alternative_escalates(assistant: Assistant) -> None:
    transcript = Transcript("her back is sore and she is pale", True, ("her back is sore and she fainted",))
    result = pipeline.answer_transcript(assistant, transcript)
    assert result.disposition is Level.EMERGENCY
    assert any(m.kind == "confirm" for m in result.messages)  # and it asks to be corrected


def test_an_emergency_a_partial_acted_on_stays_when_the_final_reading_denies_it(assistant: Assistant) -> None:
    # flite slt, clean: "the wheezing's back..." acted on as "the wheezing back", then read "no wheezing back ...":
    # 911 was said, and the answer was home care.
    acted = pipeline.emergencies(assistant, "the wheezing back")
    assert acted
    final = Transcript("no wheezing back it was gone all day and now it's back", True)
    result = pipeline.answer_transcript(assistant, final, tuple(acted.values()))
    assert result.disposition is Level.EMERGENCY
    assert any(m.kind == "confirm" for m in result.messages)  # unsure: offered for correction (rule 4)
    # Not acted on, only another reading's: the best reading's denial still stands.
    rival = Transcript("no wheezing back it was gone all day", True, ("the wheezing back it was gone all day",))
    assert pipeline.answer_transcript(assistant, rival).disposition is not Level.EMERGENCY


def test_a_denial_on_a_doubted_no_does_not_hide_the_sign_other_readings_hold(assistant: Assistant) -> None:
    # espeak en-us, "Her back hurts and she feels hot.": read "no to the she feels hot", "no" at 0.22.
    words = tuple((w, i / 4, (i + 1) / 4) for i, w in enumerate(["no", "to", "the", "she", "feels", "hot"]))
    alternatives = ("you got to he she feels hot",)

    def heard(no: float) -> Level:
        said = Transcript("no to the she feels hot", True, alternatives, None, words, (no, 0.07, 0.8, 0.93, 0.15, 1.0))
        return pipeline.answer_transcript(assistant, said).disposition

    assert heard(0.22) is Level.URGENT  # a fever, unsure (rule 4)
    # A "no" before the clause's own subject never denies its sign, however surely heard ("no not she feels really
    # hot" was "no, but she feels really hot": outside review 22 F1; a sign said beats a leading no).
    assert heard(0.9) is Level.URGENT
    # A "no" that does deny the sign: heard surely it stands; doubted, the sign the other readings hold counts.
    sure = tuple((w, i / 4, (i + 1) / 4) for i, w in enumerate(["no", "fever", "she", "feels", "fine"]))

    def denied(no: float) -> Level:
        said = Transcript("no fever she feels fine", True, ("no fever she feels hot",), None, sure,
                          (no, 0.9, 0.9, 0.9, 0.9))
        return pipeline.answer_transcript(assistant, said).disposition

    assert denied(0.9) is not Level.URGENT
    assert denied(0.22) is Level.URGENT


def test_alternatives_never_lower_the_level(assistant: Assistant) -> None:
    transcript = Transcript("she fainted", True, ("she is fine",))
    assert pipeline.answer_transcript(assistant, transcript).disposition is Level.EMERGENCY


def test_rate_conversion_through_the_pipeline(sphinx: Recognizer, assistant: Assistant) -> None:
    for path in sorted((AUDIO / "formats").glob("fever_4*.wav")):
        heard = pipeline.recognize(iter_wav(path), sphinx, assistant, lambda _: None)
        assert "fever" in heard.transcript.text, path.name


def test_korean_vosk_model_runs_the_same_pipeline(assistant: Assistant) -> None:
    from tests.conftest import korean_vosk_model

    recognizer = stt.VoskRecognizer.load(korean_vosk_model())
    heard = pipeline.recognize(iter_wav(AUDIO / "clean" / "ur_fever.wav"), recognizer, assistant, lambda _: None)
    assert heard.audio_seconds > 1.0 and heard.transcript.final and heard.transcript.text
    # Korean words for English speech: nothing the intents know, so the unclear fallback, not a crash.
    assert pipeline.answer_transcript(assistant, heard.transcript).disposition is Level.UNCLEAR




def test_words_the_recogniser_doubts_are_kept_but_marked_unsure(assistant: Assistant) -> None:
    doubtful = Transcript("she fainted", True, (), confidence=0.4)
    result = pipeline.answer_transcript(assistant, doubtful)
    assert result.disposition is Level.EMERGENCY
    assert any(m.kind == "confirm" for m in result.messages)
    sure = pipeline.answer_transcript(assistant, Transcript("she fainted", True, (), confidence=0.95))
    assert not any(m.kind == "confirm" for m in sure.messages)


def test_an_emergency_is_acted_on_when_the_caregiver_stops_right_after_saying_it(
        sphinx: Recognizer, assistant: Assistant) -> None:
    # "He won't wake" and then nothing: the partial that shows the emergency never changes again.
    # It must be acted on one block later, not only once a further word is heard.
    path = AUDIO / "clean" / "em_wont_wake.wav"  # "He won't wake up, I keep trying and he won't wake up."
    full = pipeline.recognize(iter_wav(path), sphinx, assistant, lambda _: None)
    words_end = next(end for word, _, end in full.transcript.words if word == "wake")
    spoken = [c for c in iter_wav(path) if c.start + c.seconds <= words_end + 0.1]
    end = spoken[-1].start + spoken[-1].seconds
    quiet = [AudioChunk(bytes(len(spoken[0].pcm)), spoken[0].rate, end + i * spoken[0].seconds) for i in range(15)]
    said: list[Sequence[Message]] = []
    heard = pipeline.recognize(iter(spoken + quiet), sphinx, assistant, said.append)
    assert heard.emergency_at is not None and said
    assert heard.emergency_at - words_end <= 0.3


def test_long_recording_is_heard_utterance_by_utterance_and_the_last_emergency_found(
        sphinx: Recognizer, assistant: Assistant, tmp_path: Path) -> None:
    import wave

    import numpy as np

    def samples(name: str) -> np.ndarray:
        with wave.open(str(AUDIO / "clean" / f"{name}.wav")) as wav:
            return np.frombuffer(wav.readframes(wav.getnframes()), dtype="<i2")

    rng = np.random.default_rng(3)
    quiet = (rng.standard_normal(16_000 * 15) * 100).astype("<i2")  # 15 s of a quiet room
    loud = (rng.standard_normal(16_000 * 15) * 6_000).astype("<i2")  # 15 s of loud noise
    parts = [quiet, samples("hc_sore"), loud, quiet, samples("fu_days"), quiet, loud, samples("em_not_breathing"), quiet]
    path = tmp_path / "long.wav"
    with wave.open(str(path), "wb") as out:
        out.setnchannels(1)
        out.setsampwidth(2)
        out.setframerate(16_000)
        out.writeframes(np.concatenate(parts).tobytes())
    said: list[Sequence[Message]] = []
    heard = pipeline.recognize_recording(iter_wav(path), sphinx, assistant, said.append)
    result = pipeline.answer_recording(assistant, heard)
    assert result.disposition is Level.EMERGENCY
    assert len(heard.parts) >= 3 and "breathe" in heard.parts[-1].transcript.text
    assert heard.audio_seconds > 95 and heard.emergency_at is not None and heard.emergency_at > 80
    assert len(said) == 1 and said[0][0].text == "Call 911 now."  # said once, not once per utterance


def test_a_microphone_lost_mid_sentence_is_reported_after_what_was_said_is_heard(
        sphinx: Recognizer, assistant: Assistant) -> None:
    from collections.abc import Iterator

    from voicecare.errors import AudioError

    def unplugged() -> Iterator[AudioChunk]:
        yield from iter_wav(AUDIO / "clean" / "em_blue.wav")
        raise AudioError("the microphone stopped sending audio (unplugged?)")

    turns = pipeline.utterances(unplugged())
    heard = pipeline.recognize(next(turns), sphinx, assistant, lambda _: None, endpoint=pipeline.Endpointer())
    assert pipeline.answer_transcript(assistant, heard.transcript).disposition is Level.EMERGENCY
    with pytest.raises(AudioError, match="unplugged"):
        next(turns)


def test_a_short_command_ends_the_turn_at_a_short_pause(sphinx: Recognizer, assistant: Assistant,
                                                        tmp_path: Path) -> None:
    turn = tmp_path / "stop_then_more.wav"  # "Stop." then 1.3 s of quiet, then a description
    run_child(["sox", str(AUDIO / "turns" / "stop.wav"), str(AUDIO / "turns" / "describe.wav"), str(turn)],
              check=True)

    def first_turn(quick: bool) -> pipeline.Heard:
        endpoint = pipeline.Endpointer(quick=lambda text: quick and text == "stop")
        return pipeline.recognize(iter_wav(turn), sphinx, assistant, lambda _: None, endpoint=endpoint)

    stopped = first_turn(quick=True)
    assert stopped.transcript.text == "stop" and stopped.audio_seconds < 2.5
    whole = first_turn(quick=False)  # 1.3 s is a pause inside a turn: the description belongs to it
    assert "back" in whole.transcript.text


def pink_noise(length: int, seed: int) -> np.ndarray:
    spectrum = np.fft.rfft(np.random.default_rng(seed).standard_normal(length))
    spectrum[1:] /= np.sqrt(np.fft.rfftfreq(length)[1:])
    spectrum[0] = 0
    return np.fft.irfft(spectrum, length)


def in_noisy_room(path: Path, out: Path, snr_db: float = 10.0, after: float = 3.0) -> Path:
    """The recording followed by ``after`` seconds of quiet, with pink noise ``snr_db`` under the voice throughout."""
    with wave.open(str(path), "rb") as source:
        rate = source.getframerate()
        speech = np.frombuffer(source.readframes(source.getnframes()), dtype="<i2") / 32768
    speech = np.concatenate([speech, np.zeros(int(after * rate))])
    noise = pink_noise(len(speech), seed=7)
    voiced = speech[np.abs(speech) > 0.01]
    noise *= np.sqrt(np.mean(voiced**2) / np.mean(noise**2) / 10 ** (snr_db / 10))
    with wave.open(str(out), "wb") as sink:
        sink.setnchannels(1)
        sink.setsampwidth(2)
        sink.setframerate(rate)
        sink.writeframes((np.clip(speech + noise, -1, 1) * 32767).astype("<i2").tobytes())
    return out


def test_with_the_room_floor_a_turn_ends_in_a_steadily_noisy_room(sphinx: Recognizer, assistant: Assistant,
                                                                   tmp_path: Path) -> None:
    # Steady noise 10 dB under the voice is louder than the old fixed floor ever learnt: every block was
    # speech, the turn ran to the end of the audio (live: the 30 s cap) and nothing was answered.
    noisy = in_noisy_room(AUDIO / "clean" / "hc_sore.wav", tmp_path / "sore_in_noise.wav")
    total = read_format(noisy).seconds
    turns = pipeline.utterances(iter_wav(noisy), room=True)
    heard = pipeline.recognize(next(turns), sphinx, assistant, lambda _: None,
                               endpoint=pipeline.Endpointer(room=True))
    assert heard.audio_seconds < total - 1.0
    assert "little boy" in heard.transcript.text and "back" in heard.transcript.text  # the whole sentence
    assert [list(rest) for rest in turns] == []  # the noise after the turn is not another turn


def test_with_the_room_floor_steady_noise_is_learnt_and_then_starts_no_utterance(
        sphinx: Recognizer, assistant: Assistant, tmp_path: Path) -> None:
    # Noise from the very first block cannot be told from a first word ("No." at the start of a recording,
    # which a floor learnt from the first block took for the room): it may start one utterance, which the
    # endpointer ends once the floor has learnt the noise (3 of the window's 4 s); after that the noise alone
    # starts nothing. The old floor never learnt it: one utterance ran to the end of the audio.

    noise = tmp_path / "noise_9s.wav"
    one = AUDIO / "other" / "noise_only.wav"
    run_child(["sox", str(one), str(one), str(one), str(noise)], check=True)
    ends = [pipeline.recognize(turn, sphinx, assistant, lambda _: None, endpoint=pipeline.Endpointer()).audio_seconds
            for turn in pipeline.utterances(iter_wav(noise))]
    assert len(ends) <= 1 and all(end < 5.0 for end in ends), ends


def test_a_word_in_the_very_first_block_is_speech_not_the_room(tmp_path: Path) -> None:
    # A soft "No." with its lead of quiet trimmed, as espeak-ng writes it (the "fever said, then no" replay):
    # a floor learnt from the first block took the word for the room and the answer was lost (a silent
    # turn, which answers "yes").

    trimmed = tmp_path / "no_trimmed.wav"
    run_child(["sox", str(AUDIO / "turns" / "no.wav"), str(trimmed), "vol", "0.5", "silence", "1", "0.005", "1%"],
              check=True)
    turns = [list(turn) for turn in pipeline.utterances(iter_wav(trimmed))]
    assert len(turns) == 1 and turns[0][0].start == 0.0


def test_noise_louder_than_a_voice_is_never_learnt_as_the_room(sphinx: Recognizer, assistant: Assistant,
                                                                 tmp_path: Path) -> None:
    # The floor stops at MAX_FLOOR: 8 s of white noise as loud as a shout is heard to its end (an unclear
    # turn; live, at worst the 30 s cap), not learnt after 3 s so that a voice would have to shout over it.
    path = tmp_path / "loud_noise.wav"
    rng = np.random.default_rng(5)
    loud = rng.integers(-20000, 20000, 16_000 * 8, dtype=np.int16)
    with wave.open(str(path), "wb") as out:
        out.setnchannels(1)
        out.setsampwidth(2)
        out.setframerate(16_000)
        out.writeframes(np.concatenate([loud, np.zeros(16_000 * 3, dtype=np.int16)]).tobytes())
    ends = [pipeline.recognize(turn, sphinx, assistant, lambda _: None, endpoint=pipeline.Endpointer()).audio_seconds
            for turn in pipeline.utterances(iter_wav(path))]
    assert len(ends) == 1 and ends[0] > 8.0, ends


def test_in_a_noisy_room_a_short_answer_ends_against_the_room_already_learnt(
        sphinx: Recognizer, assistant: Assistant, tmp_path: Path) -> None:
    # The endpointer starts from the floor the onset detector learnt before the words: starting afresh, it
    # took the room for speech for 3 s after the onset before learning it again.

    # "yes", not "no": since the room after the words is no longer decoded, this one "no" reads "fell" (it
    # read "no thigh" with 1.2 s of the room after it); see the commands test below for the class.
    late = tmp_path / "yes_late.wav"
    run_child(["sox", str(AUDIO / "turns" / "yes.wav"), str(late), "pad", "5", "0"], check=True)
    noisy = in_noisy_room(late, tmp_path / "yes_in_noise.wav", after=5.0)
    heard = [pipeline.recognize(turn, sphinx, assistant, lambda _: None, endpoint=pipeline.Endpointer())
             for turn in pipeline.utterances(iter_wav(noisy))]
    # The noise from the first block may be an utterance while the floor learns it (see above); the answer
    # is the last one, ended about 1.5 s after the word (7.2 s; starting afresh: 9.6 s).
    assert heard[-1].transcript.text.split()[0] == "yes" and heard[-1].audio_seconds < 8.0, [
        (h.transcript.text, h.audio_seconds) for h in heard]


@pytest.mark.parametrize("command", ["stop", "skip", "more"])
def test_a_command_in_a_noisy_room_is_heard_without_the_room_after_it(
        command: str, sphinx: Recognizer, assistant: Assistant, tmp_path: Path) -> None:
    # The room after the words is held back from the recogniser: decoded, pink noise became more words
    # ("stop" read "thigh thigh", "skip" "thigh", "more" "more thigh"). 6 of 8 commands read right, was 1.

    late = tmp_path / f"{command}_late.wav"
    run_child(["sox", str(AUDIO / "turns" / f"{command}.wav"), str(late), "pad", "5", "0"], check=True)
    noisy = in_noisy_room(late, tmp_path / f"{command}_in_noise.wav", after=5.0)
    heard = [pipeline.recognize(turn, sphinx, assistant, lambda _: None, endpoint=pipeline.Endpointer())
             for turn in pipeline.utterances(iter_wav(noisy))]
    assert heard[-1].transcript.text == command, [(h.transcript.text, h.audio_seconds) for h in heard]


def test_a_reply_at_a_pause_is_worked_out_from_the_turn_read_to_its_end(
        sphinx: Recognizer, assistant: Assistant, tmp_path: Path) -> None:
    # At a pause the turn so far is read to its end, so the reply started there answers the reading the end of
    # the turn gives (a partial result differed: in babble 4 of 6 such replies were replaced at the turn's end);
    # when the caregiver goes on, the whole turn is read again, the words before the pause included.

    from voicecare.speech_in.early_reply import EarlyReplies

    turn = tmp_path / "describe_then_more.wav"  # 1.3 s of quiet between: a pause inside the turn
    run_child(["sox", str(AUDIO / "turns" / "describe.wav"), str(AUDIO / "turns" / "not_breathing.wav"),
                    str(turn)], check=True)
    seen: list[Transcript] = []

    def prepare(heard: Transcript) -> str | None:
        seen.append(heard)
        return heard.text if heard.final else None

    heard = pipeline.recognize(iter_wav(turn), sphinx, assistant, lambda _: None, endpoint=pipeline.Endpointer(),
                               early=EarlyReplies(prepare, lambda reply: None))
    at_pause = [h for h in seen if h.final]
    assert at_pause and "back" in at_pause[0].text, seen
    assert heard.provisional and heard.provisional[0].withdrawn and heard.provisional[0].text == at_pause[0].text
    assert heard.transcript.text.startswith(at_pause[0].text.split()[0]) and "breathing" in heard.transcript.text


def test_the_echo_gates_silence_does_not_unlearn_the_room(sphinx: Recognizer, assistant: Assistant,
                                                          tmp_path: Path) -> None:
    # While voicecare speaks, the echo gate hands on digital silence. A noisy room, 3 s of it, the same room:
    # only the first noise (before the floor learnt it) may be an utterance, never the room after the gap.
    noise = pink_noise(16_000 * 5, seed=11)
    noise *= 0.03 / np.sqrt(np.mean(noise**2))
    audio = np.concatenate([noise, np.zeros(16_000 * 3), noise])
    path = tmp_path / "room_gap_room.wav"
    with wave.open(str(path), "wb") as out:
        out.setnchannels(1)
        out.setsampwidth(2)
        out.setframerate(16_000)
        out.writeframes((audio * 32767).astype("<i2").tobytes())
    starts = [next(iter(turn)).start for turn in pipeline.utterances(iter_wav(path))]
    assert all(start < 5.0 for start in starts), starts


@pytest.mark.parametrize(("name", "quick", "silence", "block"), [
    ("describe", False, pipeline.END_SILENCE_SECONDS, 0.1),
    ("describe", False, pipeline.END_SILENCE_SECONDS, 0.05),
    ("stop", True, pipeline.QUICK_END_SECONDS, 0.1)])
def test_a_turn_ends_after_its_silence_counted_in_the_blocks_fed(
        name: str, quick: bool, silence: float, block: float, sphinx: Recognizer, assistant: Assistant) -> None:
    # Silence blocks fed after the words through the real pipeline: the turn ends in the block that completes
    # ``silence`` after the last speech block (a short command's at the quick end), and no block after it is read.
    spoken = [c for c in iter_wav(AUDIO / "turns" / f"{name}.wav", block_seconds=block) if c.seconds == block]
    end = spoken[-1].start + spoken[-1].seconds
    quiet = [AudioChunk(bytes(len(spoken[0].pcm)), spoken[0].rate, end + i * block) for i in range(round(3 / block))]
    fed = iter(spoken + quiet)
    endpoint = pipeline.Endpointer(quick=lambda text: quick and text == "stop")
    heard = pipeline.recognize(fed, sphinx, assistant, lambda _: None, endpoint=endpoint)
    assert heard.audio_seconds - endpoint.speech_end == pytest.approx(silence, abs=1e-6)
    assert next(fed).start == pytest.approx(heard.audio_seconds)


@pytest.mark.parametrize("block", [0.1, 0.05])
def test_a_reply_at_a_pause_starts_in_the_block_that_completes_the_pause(
        block: float, sphinx: Recognizer, assistant: Assistant) -> None:
    # Quiet is counted exactly: eight 0.05 s blocks summed as floats made 0.39999999999999997 s, and the reply
    # started at a pause of 0.4 s waited one block more.
    from voicecare.speech_in.early_reply import PROVISIONAL_SECONDS, EarlyReplies

    spoken = [c for c in iter_wav(AUDIO / "turns" / "describe.wav", block_seconds=block) if c.seconds == block]
    end = spoken[-1].start + block
    quiet = [AudioChunk(bytes(len(spoken[0].pcm)), spoken[0].rate, end + i * block) for i in range(round(3 / block))]
    endpoint = pipeline.Endpointer()
    heard = pipeline.recognize(iter(spoken + quiet), sphinx, assistant, lambda _: None, endpoint=endpoint,
                               early=EarlyReplies(lambda heard: heard.text or None, lambda reply: None))
    assert heard.provisional, heard
    assert heard.provisional[0].at - endpoint.speech_end == pytest.approx(PROVISIONAL_SECONDS, abs=1e-6)


def test_the_turn_is_read_to_its_end_on_the_last_block_the_recogniser_is_given(
        sphinx: Recognizer, assistant: Assistant) -> None:
    # Quiet past the hangover is held back from the recogniser, so once the last block before it was given, the
    # reading of the turn so far cannot change: it is made then (for a reply at the pause, or an emergency only
    # that reading shows), not a block later when the next block is held back.
    from voicecare.speech_in.early_reply import EarlyReplies

    class Watched(EarlyReplies[str]):
        readings: list[float]

        def partial(self, heard: Transcript, seconds: float) -> None:
            if heard.final:
                self.readings.append(seconds)
            super().partial(heard, seconds)

    spoken = [c for c in iter_wav(AUDIO / "turns" / "describe.wav") if c.seconds == 0.1]
    end = spoken[-1].start + 0.1
    quiet = [AudioChunk(bytes(len(spoken[0].pcm)), spoken[0].rate, end + i * 0.1) for i in range(30)]
    endpoint = pipeline.Endpointer()
    early = Watched(lambda heard: heard.text or None, lambda reply: None)
    early.readings = []
    pipeline.recognize(iter(spoken + quiet), sphinx, assistant, lambda _: None, endpoint=endpoint, early=early)
    assert early.readings and early.readings[0] - endpoint.speech_end == pytest.approx(pipeline.HANGOVER_SECONDS)
