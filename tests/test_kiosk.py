"""The kiosk's settings, its microphone queue and its event log: the faults a kiosk owner meets."""

from __future__ import annotations

import argparse
import dataclasses
import errno
import json
import os
import queue
import stat
import sys
import threading
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from children import run_child
from tests.conftest import AUDIO
from voicecare.app import kiosk_config
from voicecare.app.cli import build_parser
from voicecare.app.events import EventLog
from voicecare.conversation.voice import TurnReport, VoiceSession, VoiceSettings
from voicecare.domain import IntentSet
from voicecare.errors import InputError
from voicecare.interfaces import Microphone, Recognizer
from voicecare.speech_in.devices import NewestAudio
from voicecare.speech_out.tts import Speaker
from voicecare.testing import FakeOutputDevice, FileMicrophone, silence_wav
from voicecare.understanding.assistant import Assistant

DEPLOY = Path(__file__).resolve().parents[1] / "deploy"


def kiosk_reports_to_em_blue(session: VoiceSession, speaker: Speaker, fault: Callable[[str], None],
                             tmp_path: Path) -> list[TurnReport]:
    """The turns a kiosk loop (``run_kiosk``) built on ``session`` reports for em_blue.wav ("his lips are blue")
    then quiet, from a microphone that vanishes after it: what the family would hear, for tests of faulty setups."""
    from voicecare.app.kiosk_cli import run_kiosk

    reports: list[TurnReport] = []
    session.on_turn = reports.append
    stop = threading.Event()
    mics = [FileMicrophone([AUDIO / "clean" / "em_blue.wav", silence_wav(tmp_path / "quiet.wav", 3.0)], speed=0)]

    def make_mic() -> Microphone:
        if not mics:
            stop.set()
            raise OSError("test over")
        return mics.pop()

    with speaker:
        run_kiosk(session, speaker, make_mic, stop, sleep=lambda seconds: None, on_fault=fault)
    return reports


def kiosk_args(*argv: str) -> argparse.Namespace:
    return build_parser().parse_args(["kiosk", *argv])


def settings(tmp_path: Path, toml: str, *argv: str) -> kiosk_config.KioskSettings:
    """The settings from ``toml``, put under a [kiosk] line unless it has its own tables, names ``kiosk`` or starts
    with a comment (a file written as it is)."""
    config = tmp_path / "kiosk.toml"
    tabled = toml if toml.lstrip().startswith(("[", "kiosk", "#")) else f"[kiosk]\n{toml}"
    config.write_text(tabled, encoding="utf-8")
    return kiosk_config.build(kiosk_args("--config", str(config), *argv))


def kiosk_error(tmp_path: Path, toml: str, *argv: str) -> str:
    with pytest.raises(InputError) as caught:
        settings(tmp_path, toml, *argv)
    return str(caught.value)


def kiosk_fault(tmp_path: Path, toml: str) -> str:
    """The first fault of ``toml`` the kiosk starts despite (outside review 19 F4)."""
    faults = settings(tmp_path, toml).faults
    assert faults, toml
    return faults[0]


def long_options(parser: argparse.ArgumentParser, *, hidden: bool = False) -> set[str]:
    return {o[2:].replace("-", "_") for a in parser._actions for o in a.option_strings
            if o.startswith("--") and (a.help == argparse.SUPPRESS) == hidden}


def kiosk_parser() -> argparse.ArgumentParser:
    sub = next(a for a in build_parser()._actions if isinstance(a, argparse._SubParsersAction))
    parser: argparse.ArgumentParser = sub.choices["kiosk"]
    return parser


def test_every_long_option_of_the_kiosk_is_a_setting_and_a_config_key() -> None:
    options = long_options(kiosk_parser()) - {"help"}
    assert options == set(kiosk_config.KEYS) == set(kiosk_config.CHECKS)
    assert long_options(kiosk_parser(), hidden=True) == set(kiosk_config.REFUSED)


def test_the_kiosk_does_not_offer_what_it_refuses(tmp_path: Path) -> None:
    # "a kiosk must speak": kiosk --help and the config's list of known keys offered quiet and say_to all the same.
    shown = kiosk_parser().format_help()
    assert "--say-to" not in shown and "--quiet" not in shown
    known = kiosk_fault(tmp_path, "bogus = 1").split("known keys: ")[1].split(")")[0]
    assert "quiet" not in known.split(", ") and "say_to" not in known.split(", ")
    # Still not taken, and told why; the kiosk speaks all the same.
    assert "a kiosk must speak" in kiosk_fault(tmp_path, 'say_to = "r.wav"')
    assert kiosk_fault(tmp_path, "quiet = true").endswith("; ignored: the kiosk speaks")
    assert "a kiosk must speak" in kiosk_error(tmp_path, "", "--quiet")  # typed: refused, whoever typed it is there
    assert settings(tmp_path, "quiet = false") == kiosk_config.KioskSettings(config=tmp_path / "kiosk.toml")


def test_a_kiosk_without_a_speaker_does_not_advise_what_it_refuses() -> None:
    # With no speaker at all it said "...or write the reply with --say-to FILE.wav", an option it then refused.
    out = run_child([sys.executable, "-m", "voicecare", "kiosk", "--engine", "sphinx", "--speaker",
                          "no-such-speaker-anywhere"], capture_output=True, text=True, timeout=120, check=False)
    assert out.returncode == 2 and "the kiosk cannot speak" in out.stderr
    assert "--say-to" not in out.stderr and "Traceback" not in out.stderr
    # One line, not "replies are printed only" (true for listen, not for a kiosk that stops) and then the error.
    assert "printed only" not in out.stderr and out.stderr.count("cannot speak") == 1


def test_the_shipped_config_is_valid(tmp_path: Path) -> None:
    shipped = kiosk_config.read(DEPLOY / "voicecare.toml")
    assert shipped["wake_phrase"] == "hey voice care" and shipped["reset_after"] == 120.0


def test_defaults_file_and_command_line_in_that_order(tmp_path: Path) -> None:
    assert kiosk_config.build(kiosk_args()) == kiosk_config.KioskSettings()
    built = settings(tmp_path, '[kiosk]\nno_barge_in = true\nrate = 150\nreset_after = 60\nwake_phrase = "none"\n'
                               'event_log = "logs/events.jsonl"\ndevice = 2\n', "--rate", "200")
    assert built.no_barge_in and built.rate == 200 and built.reset_after == 60.0 and built.wake_phrase is None
    assert built.device == "2" and built.max_questions == 4
    assert built.event_log == tmp_path / "logs" / "events.jsonl"  # relative to the config file, not the cwd
    assert not built.voice_settings().echo_filter  # --no-barge-in: deaf while speaking instead of the echo gate
    assert settings(tmp_path, "no-barge-in = true\n").no_barge_in  # the option's own spelling works too


@pytest.mark.parametrize(("toml", "message"), [
    ('reset_after = "x"', 'reset_after: must be a number of seconds, not "x"; the kiosk uses its default, 120'),
    ("reset_after = 5", "reset_after: must be between 30 and 86400 seconds, not 5"),
    ("reset_after = nan", "reset_after: must be a number of seconds, not nan"),
    ("wake_phrase = 5", 'wake_phrase: must be a phrase in quotes, or "none" to answer anyone, not 5; the kiosk uses '
                        "its default, the language's own wake phrase"),
    ('wake_phrase = ""', 'wake_phrase: has no words ("")'),
    ('wake_phrase = "?!"', 'wake_phrase: has no words ("?!")'),
    ('no_barge_in = "yes"', 'no_barge_in: must be true or false, not "yes"; the kiosk uses its default, false'),
    ("max_questions = 2.5", "max_questions: must be a whole number of questions, not 2.5"),
    ("max_questions = true", "max_questions: must be a whole number of questions, not true"),
    ("rate = 1000", "rate: must be between 90 and 260 words a minute, not 1000; the kiosk uses its default, 165"),
    ('engine = "google"', 'engine: must be one of auto, vosk, sphinx, not "google"; the kiosk uses its default, "auto"'),
    ("device = -1", "device: must be a device index (0, 1, ...) or part of its name in quotes, not -1; the kiosk "
                    "uses its default, none"),
    ('model = ""', 'model: must be a non-empty text in quotes, not ""'),
    ("bogus = 1", "bogus: unknown key (known keys: engine,"),
    ("wake_prase = 1", "wake_prase: unknown key; did you mean wake_phrase? (known keys: engine,"),
    ('config = "other.toml"', "config: unknown key"),
    ("[kiosk]\nrate = 150\n[audio]\nrate = 1", "audio: outside the [kiosk] table; move it under [kiosk]; ignored"),
    # Keys with no [kiosk] table at all: not taken either (README: "in a [kiosk] table"; outside review 16 F12).
    ("# no table\nrate = 165\nwake_phrase = \"none\"", "rate: outside the [kiosk] table; put a [kiosk] line above it"),
    ("[kiosk]\nrate = 165,\n", "rate: line 2 is not valid TOML (Expected newline or end of document after a statement "
                               "(at line 2, column 11)); that line is left out, so rate is its default, 165"),
    ("kiosk = 3", "kiosk: must be a table ([kiosk] on a line of its own); the kiosk starts with every setting at its "
                  "default"),
    ("[kiosk\n", "not valid TOML (Expected ']'"),
])
def test_a_bad_optional_key_is_named_with_its_file_and_its_default_used(tmp_path: Path, toml: str, message: str) -> None:
    # It stopped the kiosk (exit 78, never restarted): one typo left a family with no voice and no 911 (review 19 F4).
    fault = kiosk_fault(tmp_path, toml)
    assert fault.startswith(f"{tmp_path / 'kiosk.toml'}: {message}"), fault
    kept = {"rate": 150} if "rate = 150" in toml else {}
    assert settings(tmp_path, toml) == kiosk_config.KioskSettings(config=tmp_path / "kiosk.toml", **kept)


@pytest.mark.parametrize(("toml", "message"), [
    ('language = "fr"', 'language: no intents for language "fr" in '),
    ('intents = "nowhere"', "intents: no intents folder "),
    ('language = "en",', "language: line 2 is not valid TOML"),
    ('# no table\nlanguage = "en"', "language: outside the [kiosk] table"),
])
def test_a_bad_essential_key_is_refused_with_its_file_and_key(tmp_path: Path, toml: str, message: str) -> None:
    # No default can stand in for what the kiosk understands and the language it speaks.
    error = kiosk_error(tmp_path, toml)
    assert error.startswith(f"{tmp_path / 'kiosk.toml'}: {message}"), error


@pytest.mark.parametrize(("argv", "message"), [
    (("--reset-after", "-3"), "--reset-after: must be between 30 and 86400 seconds, not -3"),
    (("--max-questions", "99"), "--max-questions: must be between 0 and 10 questions, not 99"),
    (("--wake-phrase", " "), "--wake-phrase: has no words"),
])
def test_command_line_values_are_checked_too(tmp_path: Path, argv: tuple[str, ...], message: str) -> None:
    assert kiosk_error(tmp_path, "", *argv).startswith(message)


def test_a_config_that_cannot_be_read_says_why(tmp_path: Path) -> None:
    def error(path: Path) -> str:
        (fault,) = kiosk_config.build(kiosk_args("--config", str(path))).faults
        with pytest.raises(InputError) as caught:
            kiosk_config.read(path)  # doctor and the kiosk say the same line, and start with every default
        assert fault == f"{caught.value}; the kiosk starts with every setting at its default (the shipped config's) " \
                        "until this file is fixed"
        return str(caught.value)

    assert error(tmp_path / "missing.toml") == f"{tmp_path / 'missing.toml'}: no such config file (see deploy/voicecare.toml)"
    assert error(tmp_path) == f"{tmp_path}: is a directory, not a config file"
    latin = tmp_path / "latin.toml"
    latin.write_bytes(b'wake_phrase = "h\xe9 voice care"\n')
    assert error(latin) == f"{latin}: not UTF-8 text; save the config as UTF-8"
    if os.geteuid() != 0:  # root reads anything
        locked = tmp_path / "locked.toml"
        locked.write_text("rate = 150\n")
        locked.chmod(0)
        assert "permission denied" in error(locked)


def test_a_config_that_is_a_device_or_a_pipe_is_refused_not_read(tmp_path: Path) -> None:
    # An outside review: `kiosk --config /dev/zero` read until the kernel killed it (22 GB), and a FIFO hung.
    fifo = tmp_path / "config.fifo"
    os.mkfifo(fifo)
    for path in (Path("/dev/zero"), fifo):
        with pytest.raises(InputError, match="not a regular file"):
            kiosk_config.read(path)
        assert "not a regular file" in kiosk_config.build(kiosk_args("--config", str(path))).faults[0]
    huge = tmp_path / "huge.toml"
    huge.write_bytes(b"# " + b"x" * (2 << 20) + b"\n")
    with pytest.raises(InputError, match="this should be a TOML config file"):
        kiosk_config.read(huge)


def test_an_essential_key_that_cannot_work_is_one_line_and_exit_78(tmp_path: Path) -> None:
    config = tmp_path / "kiosk.toml"
    config.write_text('[kiosk]\nlanguage = "xx"\n')
    out = run_child([sys.executable, "-m", "voicecare", "kiosk", "--config", str(config)], capture_output=True,
                    text=True, timeout=60, check=False)
    assert out.returncode == 78  # EX_CONFIG: the service is not restarted on it (no restart could fix it)
    assert out.stderr.startswith(f'voicecare: error: {config}: language: no intents for language "xx" in ')
    assert out.stderr.count("\n") == 1


def unwritable_log_config(tmp_path: Path) -> tuple[Path, Path]:
    """A kiosk config whose event log is under a regular file: no one, root included, can make that folder (as
    an SD card remounted read-only); the config and the log's path."""
    (tmp_path / "afile").write_text("")
    config = tmp_path / "kiosk.toml"
    config.write_text('[kiosk]\nevent_log = "afile/events.jsonl"\n', encoding="utf-8")
    return config, tmp_path / "afile" / "events.jsonl"


def test_a_kiosk_whose_event_log_cannot_be_written_starts_without_it_saying_so_once(tmp_path: Path) -> None:
    # It exited 2 before loading the recogniser, and systemd restarted it every 10 s for ever: no voice, no 911,
    # for the sake of an opt-in privacy log (outside review 19 F3). Said once, with its file and key; then ready.
    from tests.test_kiosk_config_check import kiosk_start_lines, null_card_env

    config, log = unwritable_log_config(tmp_path)
    started = kiosk_start_lines(config, null_card_env(tmp_path))
    said = [line for line in started if "event log" in line]
    assert len(said) == 1, started
    assert said[0].startswith(f"voicecare: warning: {config}: event_log: {log}: cannot write the event log there (")
    assert said[0].endswith("); starting without the event log (voicecare doctor --config checks it)"), said
    assert "kiosk ready" in started[-1] and not log.parent.is_dir(), started


def test_a_kiosk_without_its_event_log_still_says_call_911_for_an_emergency(
        tmp_path: Path, assistant: Assistant, sphinx: Recognizer, monkeypatch: pytest.MonkeyPatch,
        capsys: pytest.CaptureFixture[str]) -> None:
    # The session the kiosk builds when its log cannot be opened: the same recording a working kiosk answers.
    from voicecare.app import kiosk_start, voice_cli

    config, log = unwritable_log_config(tmp_path)
    checked = kiosk_start.check(argparse.Namespace(config=config))
    monkeypatch.setattr(voice_cli, "load_recognizer", lambda *args, **kwargs: sphinx)  # the real one, loaded once
    session, speaker, fault, opened = voice_cli.voice_session(
        checked.settings.namespace(), VoiceSettings(wake_phrase=None), speaker_sink=FakeOutputDevice(speed=200),
        log_given=checked.settings.where("event_log"), assistant=checked.assistant, log_optional=True)
    assert opened is None and "starting without the event log" in capsys.readouterr().err
    reports = kiosk_reports_to_em_blue(session, speaker, fault, tmp_path)
    assert any(r.disposition == "emergency" and r.said[0] == "Call 911 now." for r in reports), reports
    assert not log.parent.is_dir()


# ---- the microphone queue


def test_a_full_microphone_queue_drops_the_oldest_audio() -> None:
    audio = NewestAudio(blocks=3)
    for block in (b"1", b"2", b"3", b"4", b"5"):
        audio.put(block)
    assert [audio.get(timeout=1), audio.get(timeout=1), audio.get(timeout=1)] == [b"3", b"4", b"5"]
    assert audio.dropped == 2
    with pytest.raises(queue.Empty):
        audio.get(timeout=0.01)


def test_the_end_of_the_stream_is_kept_when_the_queue_is_full() -> None:
    audio = NewestAudio(blocks=2)
    for block in (b"1", b"2", None):
        audio.put(block)
    assert [audio.get(timeout=1), audio.get(timeout=1)] == [b"2", None]


# ---- the event log


def report() -> TurnReport:
    return TurnReport(1, "my son's back is tight", ("I heard: back pain.",), "listening", "home_care", None, None, 2.5,
                      {"back_spasm": "present"})


@pytest.fixture()
def open_umask() -> Iterator[None]:
    old = os.umask(0)
    try:
        yield
    finally:
        os.umask(old)


def mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


@pytest.mark.usefixtures("open_umask")
def test_event_log_files_are_private_whatever_the_umask(tmp_path: Path) -> None:
    old = tmp_path / "old.jsonl"
    old.write_text("")
    old.chmod(0o644)  # left world-readable by an older version
    for path in (tmp_path / "state" / "events.jsonl", old):
        log = EventLog(path, max_bytes=300, backups=2)
        for _ in range(10):
            log.turn(report())
        log.close()
        files = sorted(path.parent.glob(path.name + "*"))
        assert len(files) == 3 and all(mode(f) == 0o600 for f in files), [oct(mode(f)) for f in files]
    assert mode(tmp_path / "state") == 0o700


def test_event_log_lines_hold_ids_with_status_and_round_seconds(tmp_path: Path) -> None:
    log = EventLog(tmp_path / "events.jsonl")
    log.turn(dataclasses.replace(report(), emergency_at=4.3999999999999995))  # float noise from summing blocks
    log.close()
    line = json.loads((tmp_path / "events.jsonl").read_text())
    assert line["emergency_at"] == 4.4 and line["symptoms"] == {"back_spasm": "present"}
    assert "tight" not in (tmp_path / "events.jsonl").read_text()  # never the words


def test_a_folder_made_for_the_event_log_is_said(tmp_path: Path) -> None:
    # review12 F21: a missing folder was made without a word, so a typo in the path went unseen.
    said: list[str] = []
    EventLog(tmp_path / "logs" / "events.jsonl", on_error=said.append).close()
    assert said == [f"{tmp_path / 'logs'}: made this folder for the event log"]
    EventLog(tmp_path / "logs" / "events.jsonl", on_error=said.append).close()  # there now: nothing to say
    assert len(said) == 1


def test_event_log_in_a_directory_or_an_unwritable_place_is_a_one_line_error(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="is a directory; give the event log a file name"):
        EventLog(tmp_path)
    blocker = tmp_path / "file"
    blocker.write_text("")
    with pytest.raises(InputError, match="cannot write the event log there"):
        EventLog(blocker / "events.jsonl")


def test_a_deleted_or_unwritable_log_never_stops_the_kiosk(tmp_path: Path) -> None:
    path = tmp_path / "events.jsonl"
    said: list[str] = []
    log = EventLog(path, on_error=said.append)
    log.reset()
    path.unlink()  # a tired owner clears the log by hand
    log.reset()
    assert json.loads(path.read_text())["event"] == "reset"  # written to a new file, not the deleted one
    path.unlink()
    path.mkdir()  # now nothing can be written there
    log.reset()
    log.fault("the microphone stopped sending audio")
    path.rmdir()
    log.reset()
    log.close()
    assert said == [f"{path}: cannot write the event log ({os.strerror(errno.EISDIR)}); going on without it",
                    f"{path}: writing the event log again"]
    assert json.loads(path.read_text())["event"] == "reset"


FULL_DISK = """
import resource, signal, sys
from pathlib import Path
from voicecare.app.events import EventLog
signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
resource.setrlimit(resource.RLIMIT_FSIZE, (350, 350))  # the disk is full after 350 bytes (two lines of ~150)
log = EventLog(Path(sys.argv[1]), on_error=print)
for _ in range(5):
    log.fault("the microphone stopped sending audio")
"""


def test_a_full_disk_loses_log_lines_whole_and_says_so_once(tmp_path: Path) -> None:
    path = tmp_path / "events.jsonl"
    out = run_child([sys.executable, "-c", FULL_DISK, str(path)], capture_output=True, text=True, timeout=60,
                    check=False)
    assert out.returncode == 0, out.stderr
    assert out.stdout == f"{path}: cannot write the event log ({os.strerror(errno.ENOSPC)}); going on without it\n"
    lines = path.read_text().splitlines()
    assert len(lines) == 2 and all(json.loads(line)["event"] == "fault" for line in lines)  # no half line


# ---- the wake phrase must be hearable


def test_the_wake_phrase_is_in_the_pocketsphinx_language_model(intents: IntentSet, tmp_path: Path) -> None:
    from voicecare.speech_in import lm, stt

    def model(*phrases: str) -> str:
        return lm.build(intents, stt.sphinx_words(), tmp_path, phrases).read_text()

    wake = intents.language.wake_phrase
    assert f" {wake}" not in model()  # without it, the wake phrase could never be recognised
    assert f" {wake}" in model(wake)


def test_a_wake_phrase_the_recogniser_cannot_hear_stops_the_kiosk(tmp_path: Path) -> None:
    out = run_child([sys.executable, "-m", "voicecare", "kiosk", "--engine", "sphinx", "--wake-phrase",
                          "hey zorbly"], capture_output=True, text=True, timeout=120, check=False,
                         env={**os.environ, "XDG_CACHE_HOME": str(tmp_path)})
    assert out.returncode == 78
    assert out.stderr == ('voicecare: error: --wake-phrase: "hey zorbly": the speech recogniser does not '
                          'know "zorbly" and could never hear it; choose other words\n')  # before any model loads


def test_a_cache_that_cannot_be_written_does_not_stop_recognition(tmp_path: Path) -> None:
    blocked = tmp_path / "file"
    blocked.write_text("")  # XDG_CACHE_HOME is a file: nothing can be made under it
    out = run_child([sys.executable, "-m", "voicecare", "listen", "--engine", "sphinx", "--quiet", "--fast",
                          "--json", "--input-files", str(Path(__file__).parent / "data" / "audio" / "turns" / "describe.wav")],
                         capture_output=True, text=True, timeout=120, check=False,
                         # No prepared model either (an empty folder): since every speech command takes the one
                         # `voicecare prepare` made, an installation that has it never needs the cache, and this test
                         # passed or failed by what the machine had prepared.
                         env={**os.environ, "XDG_CACHE_HOME": str(blocked), "VOICECARE_PREPARED": str(tmp_path)})
    assert out.returncode == 0, out.stderr
    assert "cannot keep the language model there" in out.stderr.splitlines()[0]
    assert json.loads(out.stdout.splitlines()[-1])["state"] == "interview"  # the description was recognised


def test_an_event_log_on_a_full_disk_is_said_once_at_start_and_the_kiosk_goes_on(tmp_path: Path) -> None:
    # The kiosk started with no warning, the fault seen only at the first event (outside review 20 F16).
    from tests.test_kiosk_start import files_cannot_grow

    said: list[str] = []
    with files_cannot_grow():
        log = EventLog(tmp_path / "events.jsonl", on_error=said.append)
        log.reset()  # fails too, and is not said again
    assert said == [f"{tmp_path / 'events.jsonl'}: cannot write the event log (File too large); going on, trying it "
                    "again at each event"], said
    log.reset()  # room again: said, and written
    log.close()
    assert said[1:] == [f"{tmp_path / 'events.jsonl'}: writing the event log again"]
    assert (tmp_path / "events.jsonl").read_text().count('"reset"') == 1
    assert sorted(p.name for p in tmp_path.iterdir()) == ["events.jsonl"]


def test_an_event_detail_is_kept_whole_or_cut_at_a_sentence_end_saying_so(tmp_path: Path) -> None:
    # The kiosk's "cannot speak yet" line was cut at 200 characters, mid-sentence (outside review 20 F18).
    mute = ("the kiosk cannot speak yet (espeak-ng: cannot find its data in /nonexistent: No such file or directory); "
            "it listens all the same, prints each reply, and tries the speech engine again (after 5 s, doubling to "
            "every 300 s) until 'speaking again'")
    babble = "; ".join(f"line {n} of an engine's error output" for n in range(100))
    log = EventLog(tmp_path / "events.jsonl")
    log.speech_error(mute)
    log.fault(babble)
    log.close()
    kept, cut = (json.loads(line)["detail"] for line in (tmp_path / "events.jsonl").read_text().splitlines())
    assert kept == mute
    assert cut.endswith("of an engine's error output; [cut at 1000 characters]") and len(cut) <= 1000, cut
    assert babble.startswith(cut.removesuffix(" [cut at 1000 characters]"))
