"""The speech synthesiser's own process: espeak-ng behind a tiny length-prefixed protocol on stdin/stdout.

espeak-ng is a C library that is not thread-safe and has crashed voicecare
with a segmentation fault; Python cannot catch that. So synthesis runs here,
in a child process (``python -m voicecare.speech_out.tts_worker``) that the parent kills
and restarts when it dies, hangs or talks nonsense (see ``WorkerSynthesizer``
in tts.py). Audio goes back over the pipe: no temporary files.

Protocol, every frame a 4-byte big-endian length and a payload:
  worker -> parent, once: hello  {"ok": true, "rate": 22050} or {"ok": false, "error": "..."}
  parent -> worker:       request {"text": "...", "rate_wpm": 165}
  worker -> parent:       reply   {"ok": true, "rate": 22050, "samples": N} then N 16-bit samples,
                                  or {"ok": false, "error": "..."}
"""

from __future__ import annotations

import argparse
import contextlib
import json
import os
import signal
import struct
import sys
from collections.abc import Sequence
from typing import Any, BinaryIO

from voicecare.errors import SpeechError
from voicecare.interfaces import Clip, Synthesizer
from voicecare.speech_in.native_log import held_native_stderr

LENGTH = struct.Struct(">I")
MAX_FRAME_BYTES = 64 * 1024 * 1024
"""About 25 minutes of 22 kHz speech: any longer length prefix is garbage, not a reply."""
ESPEAK_BUFFER_MS = 500
ENGLISH_VOICES = ("gmw/en-us", "en-us", "english-us", "gmw/en", "en", "english")
"""Voice identifiers tried in order when no --voice is given (espeak-ng, then older espeak)."""
ESPEAK_INITIALIZE_DONT_EXIT = 0x8000
"""espeakINITIALIZE_DONT_EXIT: without it espeak-ng calls exit(1) when it cannot read its data, and the parent saw
only a worker that died ("the speech engine crashed (exit status 1)"), never why."""
MAX_REASON_CHARS = 160
PR_SET_PDEATHSIG = 1
VOICE_UNKNOWN = 3
"""Exit status of ``--check`` when espeak-ng has no such voice (1: espeak-ng itself does not work)."""
VOICE_OTHER_LANGUAGE = 4
"""Exit status of ``--check --language CODE`` when the voice exists but speaks another language
(espeak-ng takes "klingon" as its Klingon voice): "Call 911 now." would not be understood."""


def write_frame(out: BinaryIO, payload: bytes) -> None:
    out.write(LENGTH.pack(len(payload)) + payload)
    out.flush()


def write_json(out: BinaryIO, message: dict[str, Any]) -> None:
    write_frame(out, json.dumps(message).encode("utf-8"))


def read_frame(inp: BinaryIO) -> bytes | None:
    """One frame, or None at the end of the stream."""
    head = inp.read(LENGTH.size)
    if len(head) < LENGTH.size:
        return None
    (length,) = LENGTH.unpack(head)
    if length > MAX_FRAME_BYTES:
        raise SpeechError(f"a {length}-byte frame is too long")
    payload = inp.read(length)
    return payload if len(payload) == length else None


def native_reason(text: str) -> str:
    """The last line espeak-ng printed, made printable and short, for a one-line error ("" when it printed none)."""
    lines = [line.strip() for line in text.splitlines() if line.strip()]
    if not lines:
        return ""
    return "".join(c if c.isprintable() else "?" for c in lines[-1]).removesuffix(".")[:MAX_REASON_CHARS]


class UnknownVoice(SpeechError):
    """espeak-ng has no voice by that name."""


class EspeakEngine:
    """espeak-ng through pyttsx3's ctypes binding, synchronous, samples collected in memory.

    Only ever used inside the worker process, from its one thread.
    """

    def __init__(self, voice: str | None) -> None:
        try:
            from pyttsx3.drivers import _espeak
        except Exception as exc:  # ImportError, or RuntimeError when libespeak-ng is missing
            raise SpeechError(f"the speech engine did not start ({exc.__class__.__name__}: {exc}); "
                              "install espeak-ng (scripts/setup.sh)") from None
        self._espeak: Any = _espeak
        # espeak-ng prints its own errors to fd 2 ("Error processing file '.../phontab': ..."), twice per command
        # as the worker was started again (outside review 17 F11): held, and the last one put in our one line.
        with held_native_stderr() as held:
            self.rate = int(_espeak.Initialize(_espeak.AUDIO_OUTPUT_SYNCHRONOUS, ESPEAK_BUFFER_MS, None,
                                               ESPEAK_INITIALIZE_DONT_EXIT))
        if self.rate <= 0:
            raise SpeechError(f"espeak-ng cannot start: {native_reason(held.text) or 'no reason given'} "
                              "(is espeak-ng-data installed?)")
        # It started: what it printed is chatter, not a failure (libpulse's "Failed to create secure directory" as a
        # user with no home, outside review 17 F11); kept as one line for whoever logs it, never on stderr.
        self.note = native_reason(held.text)
        self._pieces: list[bytes] = []
        _espeak.SetSynthCallback(self._collect)
        self.voice = voice or english_voice(list_voices())
        if _espeak.SetVoiceByName(self.voice.encode("utf-8")) != 0:
            raise UnknownVoice(f"no speech voice {self.voice!r}; see 'espeak-ng --voices'")

    def spoken_language(self) -> tuple[str, str]:
        """The chosen voice's name and its first language code ("English (America)", "en-us")."""
        voice = self._espeak.GetCurrentVoice().contents
        languages = voice.languages or b""  # a priority byte, then the code
        return voice.name.decode("utf-8", "replace"), languages[1:].decode("ascii", "replace").lower()

    def _collect(self, wav: Any, samples: int, events: Any) -> int:
        import ctypes

        if samples > 0:
            self._pieces.append(ctypes.string_at(wav, samples * 2))
        return 0  # go on

    def synth(self, text: str, rate_wpm: int) -> Clip:
        self._pieces = []
        self._espeak.SetParameter(self._espeak.RATE, rate_wpm, 0)
        status = self._espeak.Synth(text, flags=self._espeak.CHARS_UTF8 | self._espeak.ENDPAUSE)
        if status != 0:
            raise SpeechError(f"espeak-ng failed to speak (status {status})")
        pcm = b"".join(self._pieces)
        if not pcm:
            raise SpeechError("the speech engine wrote no audio")
        return Clip(pcm, self.rate, text)


def list_voices() -> list[str]:
    """Lower-case espeak voice identifiers ("gmw/en-us"); espeak must be initialised."""
    from pyttsx3.drivers import _espeak

    return [v.identifier.decode("utf-8", "replace").lower() for v in _espeak.ListVoices() if v.identifier]


def english_voice(ids: Sequence[str]) -> str:
    for wanted in ENGLISH_VOICES:
        for vid in ids:
            if vid.endswith(wanted):
                return vid
    return ids[0] if ids else ""


def open_protocol() -> tuple[BinaryIO, BinaryIO]:
    """The protocol's streams; anything else printed to stdout (a driver's chatter) goes to stderr."""
    out = os.fdopen(os.dup(1), "wb")
    os.dup2(2, 1)
    sys.stdout = sys.stderr
    # Ctrl-C reaches the whole process group: the parent decides when we stop.
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    _die_with_parent()
    return sys.stdin.buffer, out


def _die_with_parent() -> None:
    """Linux: be killed when the parent dies, even if hung inside the C library and not reading stdin."""
    with contextlib.suppress(Exception):  # not Linux, or no libc: stdin's end is the fallback
        import ctypes

        ctypes.CDLL(None).prctl(PR_SET_PDEATHSIG, signal.SIGKILL)


def serve(synth: Synthesizer, inp: BinaryIO, out: BinaryIO, rate: int, note: str = "") -> None:
    """Say hello (with ``note``, the engine's own last line at start, if it printed one), then answer requests
    until stdin closes."""
    write_json(out, {"ok": True, "rate": rate, **({"note": note} if note else {})})
    while (frame := read_frame(inp)) is not None:
        request = json.loads(frame)
        try:
            clip = synth.synth(str(request["text"]), int(request["rate_wpm"]))
        except Exception as exc:  # any engine failure costs this one message, not the worker
            write_json(out, {"ok": False, "error": str(exc) if isinstance(exc, SpeechError)
                             else f"{exc.__class__.__name__}: {exc}"})
            continue
        write_json(out, {"ok": True, "rate": clip.rate, "samples": len(clip.pcm) // 2})
        write_frame(out, clip.pcm)


def _check(voice: str | None, language: str | None) -> int:
    """0 when the voice exists (and speaks ``language``, if given); else VOICE_UNKNOWN, VOICE_OTHER_LANGUAGE or 1.

    The voice's name and language are printed on stdout, for the caller's message.
    """
    try:
        engine = EspeakEngine(voice)
    except UnknownVoice:
        return VOICE_UNKNOWN
    except SpeechError:
        return 1
    name, spoken = engine.spoken_language()
    print(f"{name}\t{spoken}")
    if language is not None and spoken.split("-")[0] != language.lower().split("-")[0]:
        return VOICE_OTHER_LANGUAGE
    return 0


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m voicecare.speech_out.tts_worker")
    parser.add_argument("--voice", help="espeak voice id (default: an English voice)")
    parser.add_argument("--list-voices", action="store_true", help="print the voice ids and exit")
    parser.add_argument("--check", action="store_true",
                        help="exit 0 if the voice exists (and speaks --language), 3 if not, 4 if it speaks another "
                             "language, 1 if espeak fails; print its name and language")
    parser.add_argument("--language", help="with --check: the language the voice must speak (en)")
    args = parser.parse_args(argv)
    if args.check:
        return _check(args.voice, args.language)
    if args.list_voices:
        try:
            EspeakEngine(None)
        except SpeechError as exc:
            print(exc, file=sys.stderr)
            return 1
        print("\n".join(list_voices()))
        return 0
    inp, out = open_protocol()
    try:
        engine = EspeakEngine(args.voice)
    except SpeechError as exc:
        write_json(out, {"ok": False, "error": str(exc)})
        return 1
    serve(engine, inp, out, engine.rate, engine.note)
    return 0


if __name__ == "__main__":
    sys.exit(main())
