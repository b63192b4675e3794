"""Outside review 21's kiosk and command-line findings (F12, F13, F14, F16.1-3).

Real processes throughout: the kiosk run whole on ALSA's null sound card, its real espeak-ng worker killed with
SIGKILL; real WAVs resampled by sox; the real synthesiser measuring spoken seconds; a real full tmpfs.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import signal
import subprocess
import sys
import time
import wave
from pathlib import Path

import pytest

from children import child, module_command, run_child
from test_kiosk_speech_faults import NULL_SOUND_CARD, START_WAIT_SECONDS, lines_until
from voicecare.app.answer_eval import read_corpus
from voicecare.conversation import one_shot, spoken
from voicecare.speech_out.tts import DEFAULT_RATE_WPM, Pyttsx3Synthesizer, Speaker
from voicecare.testing import FakeOutputDevice
from voicecare.understanding.assistant import Assistant

EXAMPLES = Path(__file__).parent.parent / "examples" / "audio"
RESTART_WAIT_SECONDS = 30.0
"""Longest an idle kiosk may take to notice its worker died and start another on a loaded machine (it looks every
second; a worker loads in about half a second)."""


def voicecare(*args: str, **kwargs: object) -> subprocess.CompletedProcess[str]:
    return run_child([sys.executable, "-m", "voicecare", *args], capture_output=True, text=True, timeout=600,
                     check=False, **kwargs)  # type: ignore[arg-type]


def worker_of(parent: int) -> int:
    """The pid of ``parent``'s synthesiser worker (``voicecare.speech_out.tts_worker``), read from /proc."""
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            stat = (entry / "stat").read_text()
            command = (entry / "cmdline").read_bytes()
        except OSError:
            continue
        if int(stat.rsplit(")", 1)[1].split()[1]) == parent and b"voicecare.speech_out.tts_worker" in command:
            return int(entry.name)
    raise AssertionError(f"no synthesiser worker under pid {parent}")


# ---- F12 and F14: an idle kiosk replaces a worker killed under it; a second kiosk on its devices or log stops


def test_an_idle_kiosk_replaces_its_killed_worker_and_a_copy_of_its_config_cannot_start_a_second(
        tmp_path: Path) -> None:
    # F12: kill -9 of the worker of a kiosk nobody spoke to left no line, no new worker and no event: the next family
    # paid the restart and the journal never showed the fault. F14: a copy of the config started a second kiosk on
    # the same microphone, speaker and event log (the lock was the config file's).
    home = tmp_path / "home"
    home.mkdir()
    (home / ".asoundrc").write_text(NULL_SOUND_CARD)
    log = tmp_path / "state" / "events.jsonl"
    first, copy = tmp_path / "voicecare.toml", tmp_path / "copy.toml"
    first.write_text(f'[kiosk]\nengine = "sphinx"\nwake_phrase = "none"\nevent_log = "{log}"\n', encoding="utf-8")
    shutil.copy(first, copy)
    env = {**os.environ, "HOME": str(home), "XDG_CACHE_HOME": str(tmp_path / "cache")}
    with child(module_command("voicecare", "kiosk", "--config", str(first)), stderr=subprocess.PIPE,
               env=env) as kiosk:
        assert kiosk.stderr is not None
        lines_until(kiosk.stderr, "kiosk ready", START_WAIT_SECONDS)
        old = worker_of(kiosk.pid)
        os.kill(old, signal.SIGKILL)
        (line,) = lines_until(kiosk.stderr, "started a new one", RESTART_WAIT_SECONDS)
        new = worker_of(kiosk.pid)
        assert new != old
        # "between messages" unless the kill came while it made a fixed text ahead ("Sorry, I missed that."), which
        # costs no message either.
        assert re.fullmatch(rf"voicecare: the speech engine crashed \(signal {signal.SIGKILL}\)( between messages)?; "
                            rf"started a new one \(pid {new}\)", line), line
        second = voicecare("kiosk", "--config", str(copy), env=env)
        assert kiosk.poll() is None  # the first one runs on
    assert second.returncode == 2, second.stderr
    (refused,) = second.stderr.splitlines()
    assert refused.startswith(f"voicecare: error: another kiosk is running with the same event log {log}, so this "
                              "one stops without opening the microphone, speaker or event log"), refused
    events = [json.loads(line) for line in log.read_text().splitlines()]
    assert [(e["event"], e["detail"]) for e in events] == [("speech_restart", line.removeprefix("voicecare: "))]


def test_two_kiosks_with_their_own_logs_still_cannot_share_a_microphone(tmp_path: Path) -> None:
    # The devices are locked by name, whatever the log: no microphone nor speaker is opened by the second.
    from voicecare.app import kiosk_cli, kiosk_config

    settings = kiosk_config.KioskSettings(event_log=tmp_path / "a.jsonl", device="USB Mic")
    other = kiosk_config.KioskSettings(event_log=tmp_path / "b.jsonl", device="usb mic", speaker="Headphones")
    with (kiosk_cli.only_user(settings), pytest.raises(kiosk_cli.InputError, match='same microphone "usb mic"'),
          kiosk_cli.only_user(other)):
        pass
    with kiosk_cli.only_user(other):  # released with the first kiosk
        pass


def test_a_worker_killed_while_idle_is_replaced_at_once_and_said(tmp_path: Path) -> None:
    # The speaker behind every kiosk, with the real worker and a real SIGKILL: no message is needed to notice it.
    made: list[Pyttsx3Synthesizer] = []

    def make() -> Pyttsx3Synthesizer:
        made.append(Pyttsx3Synthesizer())
        return made[-1]

    restarts: list[str] = []
    with Speaker(make, FakeOutputDevice(speed=200), ready_texts=("Call 911 now.",),
                 on_restart=restarts.append) as speaker:
        assert speaker.wait_ready(60) and speaker.can_speak()
        old = made[0].pid
        assert old is not None
        os.kill(old, signal.SIGKILL)
        deadline = time.monotonic() + RESTART_WAIT_SECONDS
        while not restarts and time.monotonic() < deadline:
            time.sleep(0.05)
        assert restarts == [f"the speech engine crashed (signal {signal.SIGKILL}) between messages; started a new "
                            f"one (pid {made[0].pid})"], restarts
        assert made[0].pid not in (None, old) and not speaker.failed and made[0].stats.starts == 2


# ---- F13: narrow-band audio is never a clean result


def test_an_8_khz_recording_is_marked_untrusted_and_exits_non_zero(tmp_path: Path) -> None:
    narrow = tmp_path / "phone.wav"
    run_child(["sox", str(EXAMPLES / "1-lips-turning-blue.wav"), "-r", "8000", str(narrow)], check=True)
    out = voicecare("triage", "--audio", str(narrow), "--engine", "sphinx", "--quiet")
    assert out.returncode == 2, out.stderr
    assert "Traceback" not in out.stderr
    assert "(NOT TO BE TRUSTED: sampled at 8000 Hz" in out.stdout.splitlines()[0], out.stdout  # in the result itself
    errors = [line for line in out.stderr.splitlines() if line.startswith("voicecare: error: ")]
    assert errors == [f"voicecare: error: {narrow}: the result above is not to be trusted (sampled at 8000 Hz, a "
                      "phone's band); record at 16 kHz or more and triage it again"], out.stderr
    replayed = voicecare("listen", "--input-files", str(narrow), "--engine", "sphinx", "--fast", "--quiet")
    assert replayed.returncode == 2 and "the result above is not to be trusted" in replayed.stderr, replayed.stderr


# ---- F16.1: a header row in an answers corpus


@pytest.mark.parametrize("header", ["question_id\texpected\tanswer\twhy", "Question_ID\tanswer\texpected"])
def test_an_answers_corpus_may_start_with_a_header_row(tmp_path: Path, header: str) -> None:
    corpus = tmp_path / "answers.tsv"
    swapped = header.lower().split("\t")[1] == "answer"
    rows = [("breathing_alertness", "no", "no she is fine"), ("fever_chills", "yes", "yes she is hot")]
    corpus.write_text("\n".join([header, *("\t".join((q, a, e) if swapped else (q, e, a)) for q, e, a in rows)]) + "\n",
                      encoding="utf-8")
    assert [(c.question, c.expected, c.text, c.line) for c in read_corpus(corpus)] == [
        (q, e, a, n) for n, (q, e, a) in enumerate(rows, start=2)]
    out = voicecare("eval-answers", str(corpus))
    assert out.returncode == 0 and "answers: 2" in out.stdout, out.stderr


def test_a_header_row_without_the_answer_column_is_one_line(tmp_path: Path) -> None:
    corpus = tmp_path / "answers.tsv"
    corpus.write_text("question_id\texpected\nbreathing_alertness\tno\tno\n", encoding="utf-8")
    out = voicecare("eval-answers", str(corpus))
    assert out.returncode == 2 and out.stderr.splitlines() == [
        f"voicecare: error: {corpus}:1: a header row names question_id, expected and answer (then why)"], out.stderr


# ---- F16.2: doctor on a full disk says to free space


def test_doctor_says_to_free_space_for_an_event_log_on_a_full_disk(tmp_path: Path) -> None:
    if shutil.which("unshare") is None:
        pytest.skip("unshare is not installed")
    config = tmp_path / "voicecare.toml"
    config.write_text('[kiosk]\nevent_log = "/mnt/full/events.jsonl"\n', encoding="utf-8")
    script = ("mount -t tmpfs -o size=64k tmpfs /mnt && mkdir /mnt/full && "
              "(dd if=/dev/zero of=/mnt/full/filler bs=4k 2>/dev/null; true) && "
              f"{sys.executable} -m voicecare doctor --config {config}")
    out = run_child(["unshare", "-rm", "sh", "-c", script], capture_output=True, text=True, timeout=300, check=False)
    if "Operation not permitted" in out.stderr or "unshare failed" in out.stderr:
        pytest.skip(f"no private mounts here: {out.stderr.strip()}")
    (line,) = [line for line in out.stdout.splitlines() if "kiosk config" in line]
    assert line.startswith("FAIL") and "No space left on device" in line, out.stdout
    assert "fix: free space on that disk" in line and "may write" not in line, line
    assert "Traceback" not in out.stderr


# ---- F16.3: a one-shot care answer within the turn budget, by real speech


CARE_QUESTIONS = [
    "how long should I keep the ice pack on her sore back?",  # the reviewer's: 21.0 s
    "what can I do to help his sore back?",
    "he has a fever and his back hurts, how long should I ice it?",
    "how long do we leave the frozen peas on his back for?",
    "my daughter's back is sore, what should I do for her until it gets better?",
    "can I use a heating pad at bedtime for her sore back?",
    "can he go to daycare with a sore back?",
    "why does his back spasm?",
]


@pytest.mark.parametrize("question", CARE_QUESTIONS)
def test_a_one_shot_care_answer_is_said_within_its_budget(question: str, synth: Pyttsx3Synthesizer) -> None:
    assistant = Assistant.load()
    result = assistant.answer(question)
    said = one_shot.reply(result, assistant.intents, DEFAULT_RATE_WPM)
    care = [m for m in said if m.kind.value == "care_answer"]
    assert care and care[0].text.endswith("."), said  # answered, in a whole clause
    rules = assistant.intents.spoken
    assert rules is not None and rules.one_shot_seconds is not None
    # Within the budget by the estimate, unless the answer is down to one clause ("Back spasms in small children
    # usually come from a busy day or tired muscles.": 0.2 s over by the estimate, which is long here; 19.4 s said).
    assert (spoken.total_seconds(said, DEFAULT_RATE_WPM) <= rules.one_shot_seconds
            or not one_shot.CLAUSE_END.search(care[0].text.rstrip("."))), said
    seconds = 0.0
    for message in said:
        clip = synth.synth(message.text, DEFAULT_RATE_WPM)
        seconds += len(clip.pcm) / 2 / clip.rate
    assert seconds < 20.0, (seconds, said)


def test_the_reviewers_reply_file_is_under_20_seconds(tmp_path: Path) -> None:
    reply = tmp_path / "x.wav"
    out = voicecare("triage", "--text", CARE_QUESTIONS[0], "--say-to", str(reply))
    assert out.returncode == 0, out.stderr
    with wave.open(str(reply)) as wav:
        seconds = wav.getnframes() / wav.getframerate()
    assert seconds < 20.0, seconds
    assert "Twenty minutes on, twenty off, for an hour" in out.stdout  # the whole answer is printed
