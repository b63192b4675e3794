"""The command-line contract, run as a real process."""

from __future__ import annotations

import contextlib
import functools
import io
import json
import os
import signal
import subprocess
import sys
import time
import wave
from collections.abc import Callable
from pathlib import Path

import pytest

from children import child, run_child
from voicecare.app.cli import main
from voicecare.errors import ConfigError
from voicecare.interfaces import Synthesizer
from voicecare.speech_out.recorded import recorded_clips
from voicecare.speech_out.tts_process import WorkerSynthesizer
from voicecare.testing import fault_worker_command

TURNS = Path(__file__).parent / "data" / "audio" / "turns"
JSON_KEYS = {"input", "transcript", "disposition", "symptoms", "messages"}
DISPOSITIONS = {"emergency", "urgent", "follow_up", "home_care", "unclear"}


def run(*args: str, stdin: str = "") -> subprocess.CompletedProcess[str]:
    return run_child([sys.executable, "-m", "voicecare", *args], input=stdin, capture_output=True,
                     text=True, timeout=60, check=False)


def test_triage_text_json_contract() -> None:
    out = run("triage", "--text", "he can't breathe and his back hurts", "--json")
    assert out.returncode == 0, out.stderr
    (line,) = out.stdout.splitlines()
    result = json.loads(line)
    assert result.keys() >= JSON_KEYS
    assert result["disposition"] == "emergency"
    assert result["messages"][0] == {"level": "emergency", "kind": "emergency", "text": result["messages"][0]["text"]}
    assert result["messages"][0]["text"].startswith("Call 911")
    symptom = result["symptoms"][0]
    assert {"id", "level", "status", "score", "heard"} <= symptom.keys()
    assert symptom["status"] in {"present", "absent", "other", "hypothetical", "past"}


def test_text_file_gives_one_result_per_line_in_order(tmp_path: Path) -> None:
    lines = ["she fainted", "his back is sore", "hello there", "she has a fever"]
    source = tmp_path / "in.txt"
    source.write_text("\n".join(lines) + "\n")
    out = run("triage", "--text-file", str(source), "--json")
    assert out.returncode == 0, out.stderr
    results = [json.loads(line) for line in out.stdout.splitlines()]
    assert [r["input"] for r in results] == lines
    assert [r["disposition"] for r in results] == ["emergency", "home_care", "unclear", "urgent"]
    assert all(r["disposition"] in DISPOSITIONS for r in results)


def test_blank_lines_are_skipped_and_a_file_of_only_blank_lines_is_an_error(tmp_path: Path) -> None:
    # Each blank line gave an "unclear" result, as if a caregiver had said something not understood.
    source = tmp_path / "in.txt"
    source.write_text("\nshe fainted\n\n   \n\t\nhis back is sore\n\n")
    out = run("triage", "--text-file", str(source), "--json")
    assert out.returncode == 0, out.stderr
    assert [json.loads(line)["input"] for line in out.stdout.splitlines()] == ["she fainted", "his back is sore"]
    source.write_text("\n  \n\t\n")
    out = run("triage", "--text-file", str(source))
    assert out.returncode == 2 and out.stdout == ""
    assert out.stderr == f"voicecare: error: {source}: empty but for blank lines; give one utterance per line\n"
    out = run("triage", "--text", "   ")
    assert out.returncode == 2 and out.stderr == "voicecare: error: --text: empty; give what the caregiver said\n"


def test_plain_output_is_readable() -> None:
    out = run("triage", "--text", "she has a fever and her back hurts")
    assert out.returncode == 0
    assert "URGENT" in out.stdout and "I heard: fever" in out.stdout


@pytest.mark.parametrize(("args", "message"), [
    (("triage", "--text-file", "/nonexistent/file.txt"), "no such file"),
    (("triage",), "one of the arguments --text --text-file --audio is required"),
    # An outside review: a mistyped option was reported as a missing one.
    (("triage", "--txt", "hi"), "unrecognized argument: --txt (did you mean --text?)"),
    (("triage", "--text", "x", "--intents", "/nonexistent"), "intents folder not found"),
    (("eval", "/nonexistent.tsv"), "no such file"),
    (("bogus",), "invalid choice"),
])
def test_errors_are_one_line_exit_2_no_traceback(args: tuple[str, ...], message: str) -> None:
    out = run(*args)
    assert out.returncode == 2
    assert len(out.stderr.strip().splitlines()) == 1, out.stderr
    assert message in out.stderr and "Traceback" not in out.stderr


def test_binary_text_file_is_a_clear_error(tmp_path: Path) -> None:
    blob = tmp_path / "audio.wav"
    blob.write_bytes(b"RIFF\xff\xfe\x00\x81\x82")
    out = run("triage", "--text-file", str(blob))
    assert out.returncode == 2 and "cannot read it as UTF-8 text" in out.stderr


def test_random_bytes_as_text_are_one_line_and_stray_latin1_letters_are_read(tmp_path: Path) -> None:
    # review12 F17: 5,000 random bytes gave 43 "not UTF-8" lines and 43 "unclear" results.
    junk = tmp_path / "junk.txt"
    junk.write_bytes(bytes((index * 7919 + 13) % 256 for index in range(5000)))  # every byte value, spread
    out = run("triage", "--text-file", str(junk), "--json")
    assert out.returncode == 2 and out.stdout == "" and len(out.stderr.splitlines()) == 1
    assert "holds binary data" in out.stderr
    latin1 = tmp_path / "latin1.txt"
    latin1.write_bytes("she is not breathing, caf\xe9 noir\nhis back is sore, na\xefve\n".encode("latin-1"))
    read = run("triage", "--text-file", str(latin1), "--json")
    assert read.returncode == 2 and len(read.stderr.splitlines()) == 2  # each bad line said, and still triaged
    assert [json.loads(line)["disposition"] for line in read.stdout.splitlines()] == ["emergency", "home_care"]


def test_a_stray_nul_costs_only_its_own_line_and_utf16_or_a_bom_is_read(tmp_path: Path) -> None:
    # review11 F3: one NUL byte refused the whole batch as "binary data", both emergencies unanswered
    batch = tmp_path / "b.txt"
    batch.write_bytes(b"he is not breathing\nshe is fine \x00 back sore\nmy baby is turning blue\n")
    out = run("triage", "--text-file", str(batch), "--json")
    assert out.returncode == 2 and out.stderr == f"voicecare: error: {batch} line 2: holds a NUL byte; read without it\n"
    assert [json.loads(line)["disposition"] for line in out.stdout.splitlines()] == ["emergency", "home_care", "emergency"]
    # Windows Notepad's "Unicode" (UTF-16 with its mark) and its UTF-8 mark (review11 F15: kept in "input")
    for name, data in (("u16.txt", "he is not breathing\r\nher back is sore\r\n".encode("utf-16")),
                       ("bom.txt", b"\xef\xbb\xbfhe is not breathing\n")):
        (tmp_path / name).write_bytes(data)
        read = run("triage", "--text-file", str(tmp_path / name), "--json")
        first = json.loads(read.stdout.splitlines()[0])
        assert read.returncode == 0 and first["input"] == "he is not breathing" and first["disposition"] == "emergency"


def test_malformed_intents_exit_2_and_debug_shows_traceback(tmp_path: Path) -> None:
    (tmp_path / "messages.toml").write_text("[messages\n")
    out = run("triage", "--text", "x", "--intents", str(tmp_path))
    assert out.returncode == 2 and "messages.toml: cannot be read" in out.stderr
    assert len(out.stderr.strip().splitlines()) == 1
    debug = run("triage", "--text", "x", "--intents", str(tmp_path), "--debug")
    assert "Traceback" in debug.stderr


def test_check_prints_a_summary_and_fails_on_bad_files(tmp_path: Path) -> None:
    good = run("check")
    assert good.returncode == 0 and "back_spasm_toddler: 24 symptoms, 1 note" in good.stdout
    (tmp_path / "messages.toml").write_text("[messages]\n")
    bad = run("check", "--intents", str(tmp_path))
    assert bad.returncode == 2 and "messages.toml: messages: emergency: missing text" in bad.stderr


def test_chat_with_piped_stdin_runs_the_interview() -> None:
    # Five answers: every emergency and urgent question comes before the advice (issue #9).
    out = run("chat", stdin="my daughter's back is all tight\nno\nno\nno\nno\nno\ngoodbye\n")
    assert out.returncode == 0, out.stderr
    said = out.stdout
    assert "trouble breathing" in said and "fever or chills" in said
    assert "Gently rub" in said and "Take care" in said


def test_chat_refuses_one_over_long_line_and_reads_the_next() -> None:
    # review12 F12: one line over the limit ended the conversation; the emergency typed after it was never read.
    out = run("chat", stdin="x" * 200_000 + "\nshe is not breathing\n")
    assert out.returncode == 2 and len(out.stderr.splitlines()) == 1 and "typed line" in out.stderr
    assert "voicecare> Call 911 now." in out.stdout


def test_chat_acknowledges_voice_commands_in_words() -> None:
    # Typed "slower" or "stop" printed nothing: the caregiver could not tell they were read (issue #9).
    out = run("chat", stdin="his back hurts\nslower\nstop\n")
    assert out.returncode == 0, out.stderr
    replies = out.stdout.split("you> ")
    assert "voicecare> Okay. Text mode has no voice speed" in replies[2]
    assert "voicecare> Okay. In text mode nothing is being spoken." in replies[3]


def test_eval_prints_the_figures() -> None:
    corpus = Path(__file__).parent / "data" / "corpus.tsv"
    out = run("eval", str(corpus))
    assert out.returncode == 0
    for label in ("exact accuracy", "under-triage rate", "emergency recall", "false-emergency rate", "confusion"):
        assert label in out.stdout


def test_eval_prints_one_line_per_file_a_total_and_the_failures_on_request(tmp_path: Path) -> None:
    first, second = tmp_path / "first.tsv", tmp_path / "second.tsv"
    first.write_text("emergency\tshe fainted\tnote\nhome_care\this back is a bit sore\tnote\n")
    second.write_text("urgent\thello there\tnote: a deliberate miss\n")
    out = run("eval", str(first), str(second), "--show-failures")
    assert out.returncode == 0, out.stderr
    lines = out.stdout.splitlines()
    assert lines[0].startswith("first.tsv: 2 cases, exact accuracy 100.0%")
    assert lines[1].startswith("second.tsv: 1 cases, exact accuracy 0.0%") and "serious under-triage 100.0%" in lines[1]
    assert lines[2].startswith("TOTAL: 3 cases")
    assert "second.tsv:1: expected urgent, got unclear UNDER-TRIAGE: hello there" in out.stdout
    assert "note" not in out.stdout


@pytest.mark.parametrize("command", ["triage", "chat", "check", "eval", "answer", "eval-answers"])
def test_every_subcommand_has_help(command: str) -> None:
    out = run(command, "--help")
    assert out.returncode == 0 and "usage: voicecare" in out.stdout


AUDIO = Path(__file__).parent / "data" / "audio"


def test_triage_audio_json_and_spoken_reply(tmp_path: Path) -> None:
    reply = tmp_path / "reply.wav"
    files = [AUDIO / "clean" / "em_blue.wav", AUDIO / "other" / "silence.wav", AUDIO / "formats" / "fever_48k_mono_float.wav"]
    out = run("triage", "--audio", *map(str, files), "--json", "--engine", "sphinx", "--say-to", str(reply))
    assert out.returncode == 0, out.stderr
    assert "recognising with sphinx" in out.stderr
    results = [json.loads(line) for line in out.stdout.splitlines()]
    assert [r["input"] for r in results] == list(map(str, files))
    assert [r["disposition"] for r in results] == ["emergency", "unclear", "urgent"]
    for result in results:
        assert JSON_KEYS | {"engine", "audio_seconds", "timings"} <= result.keys()
        assert result["engine"] == "sphinx" and result["audio_seconds"] > 1
    assert results[0]["messages"][0]["text"] == "Call 911 now."
    assert reply.stat().st_size > 100_000


def test_triage_audio_errors_are_one_line(tmp_path: Path) -> None:
    text = tmp_path / "notes.wav"
    text.write_text("not audio")
    out = run("triage", "--audio", str(text))
    assert out.returncode == 2 and "not a WAV file" in out.stderr and len(out.stderr.splitlines()) == 1
    missing = run("triage", "--audio", str(tmp_path / "none.wav"))
    assert missing.returncode == 2 and "no such audio file" in missing.stderr
    bad_model = run("triage", "--audio", str(AUDIO / "clean" / "hc_sore.wav"), "--model", str(tmp_path))
    assert bad_model.returncode == 2 and "not a usable Vosk model" in bad_model.stderr
    assert "Traceback" not in bad_model.stderr + missing.stderr + out.stderr


def test_an_input_a_batch_cannot_use_has_its_own_json_line_in_order(tmp_path: Path) -> None:
    # Outside review F16: a line too long, or a file that is no WAV, got its stderr line but no JSON line, so a
    # script reading one JSON line per input paired every later result with the wrong input.
    source = tmp_path / "in.txt"
    too_long = "her back " * 12_000  # over MAX_LINE_CHARS (100,000)
    source.write_text(f"she fainted\n{too_long}\nhis back is sore\n")
    out = run("triage", "--text-file", str(source), "--json")
    assert out.returncode == 2 and len(out.stderr.splitlines()) == 1, out.stderr
    results = [json.loads(line) for line in out.stdout.splitlines()]
    assert [r["input"] for r in results] == ["she fainted", too_long, "his back is sore"]
    assert results[1].keys() == {"input", "error"} and "characters" in results[1]["error"]
    assert [r.get("disposition") for r in results] == ["emergency", None, "home_care"]
    notes = tmp_path / "notes.wav"
    notes.write_text("not audio")
    files = [str(notes), str(AUDIO / "clean" / "em_blue.wav"), str(tmp_path / "none.wav")]
    heard = run("triage", "--audio", *files, "--json", "--engine", "sphinx", "--quiet")
    assert heard.returncode == 2 and "Traceback" not in heard.stderr
    results = [json.loads(line) for line in heard.stdout.splitlines()]
    assert [r["input"] for r in results] == files
    assert "not a WAV file" in results[0]["error"] and "no such audio file" in results[2]["error"]
    assert results[1]["disposition"] == "emergency" and "error" not in results[1]
    alone = run("triage", "--audio", str(notes), "--json")  # none usable: the recogniser is never loaded
    assert alone.returncode == 2 and [json.loads(line)["input"] for line in alone.stdout.splitlines()] == [str(notes)]


def test_a_recording_cut_short_is_triaged_as_far_as_it_goes_and_said_so(tmp_path: Path) -> None:
    # review10 E3: a cut recording passed as a clean "not understood", exit 0, though the emergency may be in
    # the part that is missing. It is still triaged (what is there may be an emergency) and the batch exits 2.
    whole = (AUDIO / "clean" / "em_blue.wav").read_bytes()
    cut = tmp_path / "cut.wav"
    cut.write_bytes(whole[: len(whole) // 2])
    out = run("triage", "--audio", str(cut), str(AUDIO / "clean" / "em_blue.wav"), "--json", "--engine", "sphinx",
              "--quiet")
    assert out.returncode == 2
    assert [json.loads(line)["input"] for line in out.stdout.splitlines()] == [str(cut), str(AUDIO / "clean" / "em_blue.wav")]
    # review18 F15: the file's own line says it too, for a script that reads the JSON and not stderr.
    assert [json.loads(line)["cut_short"] for line in out.stdout.splitlines()] == [True, False]
    (warning,) = [line for line in out.stderr.splitlines() if "cut short" in line]
    assert str(cut) in warning and "of the" in warning and "s its header promises" in warning
    assert "Traceback" not in out.stderr


def test_a_replayed_recording_cut_short_is_heard_as_far_as_it_goes_and_said_so(tmp_path: Path) -> None:
    # Outside review 12, F8: `listen --input-files` heard a cut recording silently and exited 0, while `triage`
    # says it: the emergency may be in the missing part.
    whole = (AUDIO / "clean" / "hc_sore.wav").read_bytes()
    cut = tmp_path / "cut.wav"
    cut.write_bytes(whole[: len(whole) // 2])
    out = run("listen", "--input-files", str(cut), "--fast", "--json", "--engine", "sphinx", "--quiet")
    assert out.returncode == 2, out.stderr
    assert len(out.stdout.splitlines()) >= 2  # the greeting and the turn heard: it was still answered
    (warning,) = [line for line in out.stderr.splitlines() if "cut short" in line]
    assert str(cut) in warning and "s its header promises" in warning and "Traceback" not in out.stderr


def test_listen_json_lines_say_cut_short_as_triage_json_does(tmp_path: Path) -> None:
    # triage --audio --json had "cut_short" on each file's line (review18 F15); listen --json had none, so a script
    # reading the replayed turns' JSON could not tell the turn heard from a cut recording (the emergency may be in
    # the part missing) from one heard whole.
    whole = AUDIO / "clean" / "hc_sore.wav"
    cut = tmp_path / "cut.wav"
    cut.write_bytes(whole.read_bytes()[: len(whole.read_bytes()) // 2])
    out = run("listen", "--input-files", str(cut), str(whole), "--fast", "--json", "--engine", "sphinx", "--quiet")
    assert out.returncode == 2, out.stderr
    lines = [json.loads(line) for line in out.stdout.splitlines()]
    flags = {(line["input"], line["cut_short"]) for line in lines if "input" in line}
    assert flags == {(str(cut), True), (str(whole), False)}, lines  # every line of each recording, both ways
    assert "cut_short" not in lines[0]  # the greeting: no recording, so nothing to be cut


def test_models_list_and_verify(tmp_path: Path) -> None:
    listed = run("models", "list")
    assert listed.returncode == 0 and "small-en-us (default)" in listed.stdout
    bad = run("models", "verify", str(tmp_path))
    assert bad.returncode == 2 and "missing am/final.mdl" in bad.stderr


@pytest.mark.parametrize("command", ["devices", "models", "listen", "kiosk", "doctor"])
def test_speech_subcommands_have_help(command: str) -> None:
    out = run(command, "--help")
    assert out.returncode == 0 and "usage: voicecare" in out.stdout


# --- speech out through the command line (issue #8): the reply is printed whatever the synthesiser does ---

EMERGENCY = "he can't breathe and his lips are blue"


def run_with_fault(*args: str, fault: str) -> subprocess.CompletedProcess[str]:
    """The command line in this process, speaking through testing.py's failing worker ("KIND:HEALTHY").

    The worker is a real child process running real espeak-ng that then
    crashes, hangs or talks garbage; voicecare gets it the way a program
    embedding it would, through ``main(synthesizer=...)``.
    """
    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        code = main(list(args), synthesizer=faulty(fault))
    return subprocess.CompletedProcess(list(args), code, out.getvalue(), err.getvalue())


def faulty(fault: str) -> Callable[[], Synthesizer]:
    kind, _, healthy = fault.partition(":")
    return functools.partial(WorkerSynthesizer, fault_worker_command(kind, int(healthy or 0)))


FAULTY_MAIN = """import sys
from voicecare.app.cli import main
from voicecare.testing import fault_worker_command
from voicecare.speech_out.tts_process import WorkerSynthesizer
kind, healthy, *argv = sys.argv[1:]
raise SystemExit(main(argv, synthesizer=lambda: WorkerSynthesizer(fault_worker_command(kind, int(healthy)))))
"""
"""A voicecare process whose speech goes through a failing worker (for what needs a process of its own: SIGTERM)."""


@pytest.mark.parametrize("fault", ["segfault:0", "segfault:1", "hang:1", "raise:1", "garbage:1", "dead"])
def test_a_failing_synthesiser_never_costs_the_printed_emergency(tmp_path: Path, fault: str) -> None:
    reply = tmp_path / "reply.wav"
    out = run_with_fault("triage", "--text", EMERGENCY, "--say-to", str(reply), fault=fault)
    assert out.stdout.startswith(f"> {EMERGENCY}\nEMERGENCY: call 911") and "Call 911 now." in out.stdout
    assert out.returncode == 1, out.stderr  # survived (no -11), and says speech failed
    assert out.stderr.startswith("voicecare: cannot speak, replies are printed only: ")
    assert all(line.startswith("voicecare: ") for line in out.stderr.splitlines())  # one line each, no traceback
    with wave.open(str(reply)) as wav:  # never a 44-byte header that plays as silence (review14 F11)
        said = wav.readframes(wav.getnframes())
    if not fault.endswith(":1"):
        # The engine never made a clip: "Call 911 now." is the shipped recording, and only it (speech_out.recorded).
        recorded = recorded_clips(["Call 911 now."])["Call 911 now."].pcm
        assert said.startswith(recorded) and not said[len(recorded):].strip(b"\x00")  # then its pause
        return
    assert said  # the 911 clip was made before the synthesiser failed: it is in the file


@pytest.mark.parametrize("fault", ["dead", "segfault:0"])
def test_a_replay_that_cannot_speak_leaves_no_silent_reply_files(tmp_path: Path, fault: str) -> None:
    # review14 F11: with the synthesiser unusable, --say-to-dir left 001.wav as a 44-byte header (silence to a
    # script that checks the file is there). Only what was said has a file: the recorded "Call 911 now." (the
    # engine never worked); the turn printed, one line, exit 1.
    replies = tmp_path / "replies"
    out = run_with_fault("listen", "--input-files", str(AUDIO / "clean" / "em_blue.wav"), "--engine", "sphinx",
                         "--fast", "--json", "--say-to-dir", str(replies), fault=fault)
    assert out.returncode == 1, out.stderr
    assert json.loads(out.stdout.splitlines()[-1])["disposition"] == "emergency"
    recorded = recorded_clips(["Call 911 now."])["Call 911 now."].pcm
    for reply in replies.iterdir():
        with wave.open(str(reply)) as wav:
            assert wav.readframes(wav.getnframes()).startswith(recorded)
    assert [line for line in out.stderr.splitlines() if "cannot speak" in line], out.stderr
    assert "Traceback" not in out.stderr and "Exception ignored" not in out.stderr
    # The JSON says only the recording was spoken (outside review 16 F8: every line listed "Call 911 now." as spoken).
    for line in out.stdout.splitlines():
        turn = json.loads(line)
        assert set(turn["spoken"]) <= {"Call 911 now."} and turn["speech_error"], turn
    assert any("Call 911 now." in json.loads(line)["spoken"] for line in out.stdout.splitlines())


def test_a_replay_whose_synthesiser_fails_midway_lists_only_what_was_spoken(tmp_path: Path) -> None:
    # The 911 clip is made while the synthesiser still works, the rest of the reply is not: only it is "spoken".
    replies = tmp_path / "replies"
    out = run_with_fault("listen", "--input-files", str(AUDIO / "clean" / "em_blue.wav"), "--engine", "sphinx",
                         "--fast", "--json", "--say-to-dir", str(replies), fault="segfault:1")
    turn = json.loads(out.stdout.splitlines()[-1])
    assert turn["disposition"] == "emergency" and turn["speech_error"], turn
    assert set(turn["spoken"]) < set(turn["said"]) and "Stay with your child." not in turn["spoken"], turn


def test_a_replayed_recording_of_noise_alone_still_gets_its_json_line(tmp_path: Path) -> None:
    # review14 F9: 3 s of brown noise as an answer gave no JSON line (and an empty 0.0 s reply file), so a script
    # reading one line per recording lost its place. Now its own line: nothing heard, no reply, state unchanged.
    fan = tmp_path / "fan.wav"
    # The same noise every run (-R): other draws of it are heard as a word ("thank"), an unclear answer.
    run_child(["sox", "-R", "-n", "-r", "16000", "-b", "16", "-c", "1", str(fan), "synth", "3", "brownnoise", "vol",
                    "0.3"], check=True)
    replies = tmp_path / "replies"
    given = [TURNS / "describe.wav", fan, TURNS / "no.wav"]
    out = run_child([sys.executable, "-m", "voicecare", "listen", "--engine", "sphinx", "--fast", "--json",
                          "--input-files", *map(str, given), "--say-to-dir", str(replies)],
                         capture_output=True, text=True, timeout=300, check=False)
    assert out.returncode == 0, out.stderr
    lines = [json.loads(line) for line in out.stdout.splitlines()]
    assert [line.get("input") for line in lines] == [None, *map(str, given)]
    noise = lines[2]
    assert noise["turn"] is None and noise["said"] == [] and noise["no_turn"], noise
    assert noise["state"] == lines[1]["state"] == lines[3]["state"] == "interview"
    assert sorted(p.name for p in replies.iterdir()) == ["000.wav", "001.wav", "003.wav"]  # no empty 002.wav


def test_a_crashing_synthesiser_in_a_batch_of_recordings(tmp_path: Path) -> None:
    files = [AUDIO / "clean" / "em_blue.wav", AUDIO / "clean" / "hc_sore.wav", AUDIO / "clean" / "em_blue.wav"]
    reply = tmp_path / "reply.wav"
    out = run_with_fault("triage", "--audio", *map(str, files), "--json", "--engine", "sphinx", "--say-to",
                         str(reply), fault="segfault:2")
    results = [json.loads(line) for line in out.stdout.splitlines()]
    assert [r["disposition"] for r in results] == ["emergency", "home_care", "emergency"]
    assert out.returncode == 1 and "crashed (signal 11)" in out.stderr
    assert reply.stat().st_size > 44


def test_the_reply_file_is_private_and_speech_is_printed_first(tmp_path: Path) -> None:
    reply = tmp_path / "reply.wav"
    out = run("triage", "--text", EMERGENCY, "--say-to", str(reply))
    assert out.returncode == 0, out.stderr
    assert reply.stat().st_mode & 0o777 == 0o600
    with wave.open(str(reply)) as wav:
        assert wav.getnframes() / wav.getframerate() > 3


def test_an_unwritable_reply_file_still_prints_the_triage(tmp_path: Path) -> None:
    blocker = tmp_path / "file.txt"
    blocker.write_text("not a folder")
    out = run("triage", "--text", EMERGENCY, "--say-to", str(blocker / "reply.wav"))
    assert "Call 911 now." in out.stdout
    assert out.returncode == 1
    (line,) = out.stderr.splitlines()
    assert "cannot write the reply there" in line


def test_a_missing_speaker_still_prints_the_triage() -> None:
    # The same path as a machine without PortAudio: the sound card cannot be opened.
    out = run("triage", "--audio", str(AUDIO / "clean" / "em_blue.wav"), "--engine", "sphinx", "--json",
              "--speaker", "no-such-speaker-anywhere")
    assert json.loads(out.stdout)["disposition"] == "emergency"
    assert out.returncode == 1
    assert "cannot speak, replies are printed only: no " in out.stderr and "Traceback" not in out.stderr


@pytest.mark.parametrize(("option", "value", "message"), [
    ("--rate", "0", "words per minute from 90 to 260"),
    ("--rate", "100000", "words per minute from 90 to 260"),
    ("--rate", "fast", "invalid int value"),
    ("--voice", "klingon-xx", "no such voice"),
    ("--voice", "en us; rm", "give an espeak-ng voice id"),
])
def test_bad_speech_options_are_one_line_exit_2(tmp_path: Path, option: str, value: str, message: str) -> None:
    out = run("triage", "--audio", str(AUDIO / "clean" / "hc_sore.wav"), "--say-to", str(tmp_path / "r.wav"),
              option, value)
    assert out.returncode == 2
    assert out.stdout == ""
    assert message in out.stderr and len(out.stderr.splitlines()) == 1


def test_sigterm_finishes_the_reply_file_and_leaves_no_temporary_files(tmp_path: Path) -> None:
    scratch = tmp_path / "tmp"
    scratch.mkdir()
    reply = tmp_path / "reply.wav"
    lines = tmp_path / "lines.txt"
    lines.write_text("\n".join([EMERGENCY, "his back is sore"] * 50))
    env = {**os.environ, "TMPDIR": str(scratch)}
    command = [sys.executable, "-c", FAULTY_MAIN, "hang", "3", "triage", "--text-file", str(lines), "--say-to", str(reply)]
    with child(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=env) as proc:  # never left running
        assert proc.stdout is not None
        assert proc.stdout.readline().startswith(f"> {EMERGENCY}")  # running, and printing before speaking
        deadline = time.monotonic() + 60
        while (not reply.exists() or reply.stat().st_size < 100_000) and time.monotonic() < deadline:
            time.sleep(0.05)  # the 911 clip is being written
        proc.send_signal(signal.SIGTERM)
        proc.communicate(timeout=60)
    assert proc.returncode == -signal.SIGTERM  # stopped by the signal, as systemd expects, after cleaning up
    with wave.open(str(reply)) as wav:
        assert wav.getnframes() * 2 + 44 == reply.stat().st_size  # a complete header: the file was closed
    assert list(scratch.iterdir()) == []


def test_a_kiosk_that_cannot_speak_says_so_and_exits(tmp_path: Path) -> None:
    out = run_with_fault("kiosk", "--engine", "sphinx", fault="dead")
    assert out.returncode == 2
    assert "the kiosk cannot speak" in out.stderr and "kiosk ready" not in out.stderr


@pytest.mark.parametrize(("config", "options", "key"), [
    # In the config file they are left out, said in a warning, and the kiosk speaks (test_kiosk, review 19 F4).
    ("", ("--quiet",), "--quiet"),
    ("", ("--say-to", "reply.wav"), "--say-to"),
])
def test_a_kiosk_set_never_to_speak_is_refused(tmp_path: Path, config: str, options: tuple[str, ...], key: str) -> None:
    # It ran and retried silently (issue #9): a kiosk must not sit there mute.
    args = ["kiosk", "--engine", "sphinx", *options]
    if config:
        (tmp_path / "kiosk.toml").write_text(config)
        args += ["--config", str(tmp_path / "kiosk.toml")]
    out = run(*args)
    assert out.returncode == ConfigError.exit_code  # a config no restart fixes: the service is not restarted on it
    assert out.stderr.count("\n") == 1 and f"{key}: a kiosk must speak" in out.stderr


@pytest.mark.parametrize("rate", ['"fast"', "100000"])
def test_a_kiosk_config_with_a_bad_rate_speaks_at_the_default_rate(tmp_path: Path, rate: str) -> None:
    # It was refused (exit 78, the service never restarted): one typo, no voice and no 911 (review 19 F4).
    from voicecare.app import kiosk_config
    from voicecare.app.cli import build_parser

    config = tmp_path / "kiosk.toml"
    config.write_text(f"[kiosk]\nrate = {rate}\nengine = \"sphinx\"\n")
    built = kiosk_config.build(build_parser().parse_args(["kiosk", "--config", str(config)]))
    assert built.rate == kiosk_config.KioskSettings().rate and built.engine == "sphinx"
    (fault,) = built.faults
    assert fault.startswith(f"{config}: rate: must be ") and fault.endswith("; the kiosk uses its default, 165")


def test_help_offers_intent_options_only_where_they_are_used_and_shows_defaults() -> None:
    import argparse

    from voicecare.app.cli import build_parser

    commands = next(a for a in build_parser()._actions if isinstance(a, argparse._SubParsersAction))
    helps = {name: sub.format_help() for name, sub in commands.choices.items()}
    for name in ("devices", "models"):
        assert "--intents" not in helps[name] and "--topic" not in helps[name], name
    for name in ("triage", "chat", "check", "eval", "listen", "kiosk", "doctor"):
        assert "--intents" in helps[name] and "--language" in helps[name] and "--topic" in helps[name], name
    assert "(text)" not in helps["triage"] and "recorded audio" in helps["triage"]
    for name in ("chat", "listen", "kiosk"):
        assert "(default 4)" in " ".join(helps[name].split()), name


# ---- text input of any size or kind: refused in one line, or triaged whole


@pytest.mark.parametrize("kind", ["fifo", "device", "folder"])
def test_a_text_file_that_is_not_a_regular_file_is_refused_at_once(tmp_path: Path, kind: str) -> None:
    import os

    if kind == "fifo":
        path = tmp_path / "pipe"
        os.mkfifo(path)  # with no writer, opening it to read would wait forever
    else:
        path = Path("/dev/zero") if kind == "device" else tmp_path
    out = run("triage", "--text-file", str(path))
    # a folder is named as one (review11 F14: "not a regular file (a folder, pipe or device)" for a folder)
    assert out.returncode == 2 and ("is a folder" if kind == "folder" else "not a regular file") in out.stderr
    assert len(out.stderr.splitlines()) == 1 and "Traceback" not in out.stderr


def test_text_from_stdin_with_a_dash() -> None:
    out = run("triage", "--text-file", "-", "--json", stdin="she fainted\nhis back is sore\n")
    assert out.returncode == 0, out.stderr
    assert [json.loads(line)["disposition"] for line in out.stdout.splitlines()] == ["emergency", "home_care"]


def test_an_emergency_at_the_end_of_a_very_long_utterance_is_found(tmp_path: Path) -> None:
    source = tmp_path / "long.txt"
    source.write_text("so we went to the park and " * 100 + "now he stopped breathing and his lips are blue\n")
    out = run("triage", "--text-file", str(source), "--json")
    assert out.returncode == 0, out.stderr
    (line,) = out.stdout.splitlines()
    assert json.loads(line)["disposition"] == "emergency"  # it was cut at 2,000 characters and heard as unclear


def test_an_overlong_line_is_refused_in_one_line_and_the_rest_triaged(tmp_path: Path) -> None:
    source = tmp_path / "in.txt"
    source.write_text("his back is sore " * 7_000 + "\nshe fainted\n")
    out = run("triage", "--text-file", str(source), "--json")
    assert out.returncode == 2
    assert out.stderr.count("\n") == 1 and "line 1: 119,000 characters" in out.stderr
    # With --json the refused line has its own line too ({input, error}: outside review F16), so lines stay aligned.
    results = [json.loads(line) for line in out.stdout.splitlines()]
    assert [r.get("disposition") for r in results] == [None, "emergency"] and "119,000 characters" in results[0]["error"]


def test_more_text_than_the_cap_is_read_to_the_cap_and_said_so(tmp_path: Path) -> None:
    # review10 E4: the whole file was refused, the emergency on line 1 with it. Now the whole lines of the
    # first MiB are triaged (blank lines here, so the test is quick), the rest is not read, exit 2.
    source = tmp_path / "big.txt"
    source.write_text("he is not breathing and his lips are blue\n" + "\n" * 1_200_000 + "his back is sore\n")
    out = run("triage", "--text-file", str(source), "--json")
    assert out.returncode == 2
    assert [json.loads(line)["disposition"] for line in out.stdout.splitlines()] == ["emergency"]
    assert out.stderr.count("\n") == 1 and "more than 1 MiB of text; read its first 1,048,5" in out.stderr


def test_a_bad_or_empty_recording_does_not_stop_the_batch(tmp_path: Path) -> None:
    import wave

    empty = tmp_path / "empty.wav"
    with wave.open(str(empty), "wb") as out:  # a header and 0 data bytes: a traceback stopped the batch here
        out.setnchannels(1)
        out.setsampwidth(2)
        out.setframerate(16_000)
    short = tmp_path / "short.wav"
    with wave.open(str(short), "wb") as out:
        out.setnchannels(1)
        out.setsampwidth(2)
        out.setframerate(16_000)
        out.writeframes(b"\x10\x00" * 800)  # 50 ms
    broken = tmp_path / "broken.wav"
    broken.write_text("not audio")
    files = [empty, broken, short, AUDIO / "clean" / "em_blue.wav"]
    out = run("triage", "--audio", *map(str, files), "--json", "--engine", "sphinx", "--quiet")
    assert out.returncode == 2 and "Traceback" not in out.stderr
    assert [line for line in out.stderr.splitlines() if "error" in line] == [
        f"voicecare: error: {broken}: not a WAV file; convert it with: sox {broken} -r 16000 -c 1 -b 16 broken-16k.wav"]
    results = [json.loads(line) for line in out.stdout.splitlines()]
    # The file that is no WAV has its own {input, error} line in its place (outside review F16).
    assert [r["input"] for r in results] == list(map(str, files))
    assert [r.get("disposition") for r in results] == ["unclear", None, "unclear", "emergency"]


def test_a_line_that_is_not_utf8_costs_no_other_line_its_triage(tmp_path: Path) -> None:
    # One Latin-1 byte made the whole file unreadable: the emergency on line 1 was never triaged.
    lines = tmp_path / "lines.txt"
    lines.write_bytes(b"she is not breathing\n\xff stray byte\nher back hurts caf\xe9\n")
    out = run("triage", "--text-file", str(lines), "--json")
    results = [json.loads(line) for line in out.stdout.splitlines()]
    assert [r["disposition"] for r in results] == ["emergency", "unclear", "home_care"]
    assert out.returncode == 2
    assert out.stderr.splitlines() == [f"voicecare: error: {lines} line {n}: not UTF-8 text; read with the bad "
                                       "bytes replaced" for n in (2, 3)]


@pytest.mark.parametrize(("args", "message"), [
    (("--text-file", "EMPTY"), "empty; give one utterance per line"),
    (("--text", "her back hurts", "--rate", "10"), "words per minute from 90 to 260"),
])
def test_empty_input_and_a_bad_rate_are_errors_in_text_mode_too(tmp_path: Path, args: tuple[str, ...],
                                                                message: str) -> None:
    empty = tmp_path / "empty.txt"
    empty.write_text("")
    out = run("triage", *(str(empty) if a == "EMPTY" else a for a in args))
    assert out.returncode == 2 and out.stdout == ""
    assert message in out.stderr and len(out.stderr.splitlines()) == 1


@pytest.mark.parametrize(("args", "message"), [
    (("chat", "--max-questions", "-3"), "--max-questions: must be between 0 and 10 questions, not -3"),
    (("listen", "--reset-after", "1", "--max-questions", "5"), "--reset-after: must be between 30 and 86400 seconds, not 1"),
    (("listen", "--max-questions", "50"), "--max-questions: must be between 0 and 10 questions, not 50"),
    (("listen", "--reset-after", "nan"), "--reset-after: must be a number of seconds, not nan"),
    (("listen", "--wake-phrase", "!!"), '--wake-phrase: has no words ("!!")'),
    (("kiosk", "--max-questions", "-3"), "--max-questions: must be between 0 and 10 questions, not -3"),
])
def test_conversation_options_are_checked_alike_by_every_command(args: tuple[str, ...], message: str) -> None:
    # chat and listen took what the kiosk refused (a negative question count, a reset after one second).
    out = run(*args, stdin="his back hurts\n")
    assert out.returncode == (ConfigError.exit_code if args[0] == "kiosk" else 2) and out.stdout == ""
    assert out.stderr.startswith(f"voicecare: error: {message}")
    assert len(out.stderr.splitlines()) == 1


@pytest.mark.parametrize("source", [("--text", EMERGENCY), ("--audio", str(AUDIO / "clean" / "em_blue.wav"))])
def test_a_reply_file_in_a_missing_folder_makes_no_folder_and_costs_no_triage(tmp_path: Path,
                                                                               source: tuple[str, ...]) -> None:
    # --say-to /nonexistent/dir/x.wav made /nonexistent/dir (as root): a typo must never create folders. As with
    # any reply file that cannot be written, the triage is still printed (an emergency is never lost) and exit is 1.
    reply = tmp_path / "no" / "such" / "x.wav"
    engine = () if "--text" in source else ("--engine", "sphinx")  # typed text refuses --engine (review13 F20)
    out = run("triage", *source, *engine, "--say-to", str(reply))
    assert "Call 911 now." in out.stdout and out.returncode == 1
    (line,) = [line for line in out.stderr.splitlines() if "recognising with" not in line]
    assert line.endswith(f"{reply}: cannot write the reply there (no folder {reply.parent})"), line
    assert not (tmp_path / "no").exists()


def test_a_reply_folder_is_made_but_never_its_parents(tmp_path: Path) -> None:
    from voicecare.errors import SpeechError
    from voicecare.speech_out.sinks import DirectorySink, WavSink

    with pytest.raises(SpeechError, match="no folder"):
        WavSink(tmp_path / "no" / "x.wav")
    with pytest.raises(SpeechError, match="no folder"):
        DirectorySink(tmp_path / "no" / "replies")
    assert not (tmp_path / "no").exists()
    assert DirectorySink(tmp_path / "replies").directory.is_dir()  # the folder named itself is still made


def test_an_empty_audio_file_is_called_empty(tmp_path: Path) -> None:
    # A 0-byte file was "not a WAV file; convert it with sox ...": there is nothing to convert.
    empty = tmp_path / "empty.wav"
    empty.write_bytes(b"")
    out = run("triage", "--audio", str(empty), str(AUDIO / "clean" / "em_blue.wav"), "--engine", "sphinx", "--quiet",
              "--json")
    assert out.returncode == 2
    assert [line for line in out.stderr.splitlines() if "error" in line] == [
        f"voicecare: error: {empty}: the file is empty (0 bytes); record it again"]
    results = [json.loads(line) for line in out.stdout.splitlines()]  # the empty file's line first (F16)
    assert [r.get("disposition") for r in results] == [None, "emergency"] and "empty" in results[0]["error"]


def test_doctor_speaks_of_what_a_user_installed_not_of_our_classes() -> None:
    # "PASS speech engine Pyttsx3Synthesizer spoke ...": a class name means nothing to a Pi owner.
    import re

    src = Path(__file__).resolve().parents[1] / "src" / "voicecare"
    classes = {name for module in src.rglob("*.py") for name in re.findall(r"^class (\w+)", module.read_text(), re.M)}
    ours = {name for name in classes if re.search(r"[a-z0-9][A-Z]", name)}  # CamelCase: not a word ("Speaker")
    out = run("doctor")
    assert "Traceback" not in out.stderr and out.returncode in (0, 1)
    (speech,) = [line for line in out.stdout.splitlines() if "speech engine" in line]
    assert speech.startswith("PASS") and "espeak-ng" in speech, speech
    assert not [name for name in ours if re.search(rf"\b{name}\b", out.stdout)], out.stdout


def test_doctor_with_a_failing_speech_engine_says_how_to_find_out_why(tmp_path: Path) -> None:
    # review10 W8: "the speech engine hung; restarted it -> fix: sudo apt-get install espeak-ng" (installed already)
    out = run_child([sys.executable, "-m", "voicecare", "doctor"], capture_output=True, text=True, timeout=120,
                    check=False, env={**os.environ, "ESPEAK_DATA_PATH": str(tmp_path)})  # espeak-ng without its data
    (speech,) = [line for line in out.stdout.splitlines() if "speech engine" in line]
    assert out.returncode == 1 and speech.startswith("FAIL") and "restart" not in speech
    # espeak-ng's own reason (it exited with status 1, and printed its error to stderr twice: review 17 F11)
    assert f"espeak-ng cannot start: Error processing file '{tmp_path}/phontab'" in speech, speech
    assert "Error processing file" not in out.stderr, out.stderr
    assert "espeak-ng 'test'" in speech and "--reinstall" in speech


@pytest.mark.parametrize("args", [
    ("triage", "--text", "his back hurts", "--say-to", "REPLY"),
    ("triage", "--text", "his back hurts"),
    ("triage", "--audio", str(AUDIO / "clean" / "hc_sore.wav"), "--say-to", "REPLY"),
    ("listen", "--input-files", str(AUDIO / "clean" / "hc_sore.wav"), "--fast", "--say-to-dir", "REPLIES"),
    ("kiosk", "--speaker", "no-such-speaker-anywhere"),
])
def test_a_voice_that_cannot_speak_the_intents_language_is_refused_wherever_used(
        tmp_path: Path, args: tuple[str, ...]) -> None:
    # espeak-ng takes "klingon" for its Klingon voice: "--voice klingon" was accepted, and "Call 911 now." said in it.
    places = {"REPLY": str(tmp_path / "r.wav"), "REPLIES": str(tmp_path / "replies")}
    engine = () if "--text" in args else ("--engine", "sphinx")  # typed text refuses --engine (review13 F20)
    out = run(*(places.get(a, a) for a in args), *engine, "--voice", "klingon")
    assert out.returncode == (ConfigError.exit_code if args[0] == "kiosk" else 2) and out.stdout == ""
    assert "Traceback" not in out.stderr
    (error,) = [line for line in out.stderr.splitlines() if "error" in line]
    assert error.startswith("voicecare: error: voice 'klingon': espeak-ng"), out.stderr
    assert "speaks piqd, not the intents' language (en)" in error or "no such voice" in error
    assert not (tmp_path / "r.wav").exists()


@pytest.mark.parametrize("where", ["--say-to", "--speaker"])
def test_quiet_with_somewhere_to_speak_is_refused(tmp_path: Path, where: str) -> None:
    # "--quiet --say-to r.wav" printed the reply, wrote no file and exited 0: a script never knew.
    reply = tmp_path / "r.wav"
    out = run("triage", "--text", "his back hurts", "--quiet", where, str(reply))
    assert out.returncode == 2 and out.stdout == "" and "Traceback" not in out.stderr
    assert out.stderr.strip() == f"voicecare: error: --quiet prints only, so it cannot also speak to {where}; drop one of them"
    assert not reply.exists()


def test_quiet_says_a_voice_is_unused() -> None:
    # A wrong voice is refused with --quiet too (review13 F20, tests/test_command_options.py); a right one is noted.
    out = run("triage", "--text", "his back hurts", "--quiet", "--voice", "gmw/en-us")
    assert out.returncode == 0 and "HOME CARE" in out.stdout
    assert "--quiet speaks nothing; printing only" in out.stderr


@pytest.mark.parametrize("command", ["eval", "eval-answers"])
def test_a_corpus_that_is_a_recording_or_a_device_gets_one_plain_line(tmp_path: Path, command: str) -> None:
    # An outside review: `eval` on a WAV printed Python's codec message; /dev/zero would never end.
    wav = tmp_path / "a.wav"
    wav.write_bytes(b"RIFF\x24\x00\x00\x00WAVEfmt \x10\x00\x00\x00\x01\x00\x01\x00\x80\x3e\x00\x00")
    out = run(command, str(wav))
    assert out.returncode == 2 and out.stderr.startswith(f"voicecare: error: {wav}: holds binary data, not text; give ")
    assert len(out.stderr.splitlines()) == 1
    out = run(command, "/dev/zero")
    assert out.returncode == 2 and "not a regular file" in out.stderr and "Traceback" not in out.stderr


def test_eval_of_a_file_without_cases_is_an_input_error(tmp_path: Path) -> None:
    # It printed "0 cases ... emergency recall 100.0%" and exited 0.
    empty = tmp_path / "empty.tsv"
    empty.write_text("# expected\tutterance\n\n", encoding="utf-8")
    out = run("eval", str(empty))
    assert out.returncode == 2 and out.stdout == ""
    assert out.stderr.strip() == f"voicecare: error: {empty}: no labelled utterances; give disposition<TAB>utterance per line"


def test_an_english_voice_is_accepted() -> None:
    out = run("triage", "--text", "his back hurts", "--voice", "gmw/en-us")
    assert out.returncode == 0 and "printing only" in out.stderr


def test_triage_audio_reads_each_wav_header_once(monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str],
                                                 tmp_path: Path) -> None:
    # Read once before the slow recogniser loads (to report unusable files at once), and that reading is the one
    # triage streams by; it was read twice more (triage, then streaming). A file cut after that reading (still
    # being copied, say) is triaged as far as it goes and said to be cut, as one cut before it is.
    from voicecare.speech_in import audio

    late = tmp_path / "late.wav"
    late.write_bytes((AUDIO / "clean" / "em_blue.wav").read_bytes())
    files = [AUDIO / "clean" / "em_blue.wav", AUDIO / "clean" / "hc_sore.wav", late]
    read: list[Path] = []
    real = audio.read_format

    def reading(path: Path) -> audio.WavFormat:
        read.append(path)
        header = real(path)
        if path == late:
            late.write_bytes(late.read_bytes()[: header.data_offset + header.data_bytes // 3])
        return header

    monkeypatch.setattr(audio, "read_format", reading)
    status = main(["triage", "--audio", *map(str, files), "--json", "--engine", "sphinx", "--quiet"])
    out = capsys.readouterr()
    assert read == files
    results = [json.loads(line) for line in out.out.splitlines()]
    assert [r["input"] for r in results] == list(map(str, files))
    assert [r["disposition"] for r in results[:2]] == ["emergency", "home_care"]
    (warning,) = [line for line in out.err.splitlines() if "cut short" in line]
    assert str(late) in warning and "s its header promises" in warning
    assert status == 2
