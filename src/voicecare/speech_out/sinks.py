"""Where spoken replies go: the speaker (PortAudio), one WAV file, one WAV per turn, or nowhere."""

from __future__ import annotations

import contextlib
import os
from pathlib import Path
from typing import Any

from voicecare.errors import SpeechError

REPLY_MODE = 0o600
"""A reply says what is wrong with someone's child: readable by its owner only."""


class WavSink:
    """Writes everything played to one 16-bit mono WAV file (``--say-to``), readable by its owner only."""

    def __init__(self, path: Path) -> None:
        import wave

        self.path = path
        if not path.parent.is_dir():  # never made: a mistyped path must not create folders
            raise SpeechError(f"{path}: cannot write the reply there (no folder {path.parent})")
        try:
            fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, REPLY_MODE)
        except OSError as exc:
            raise SpeechError(f"{path}: cannot write the reply there ({exc.strerror})") from None
        try:
            os.fchmod(fd, REPLY_MODE)  # an existing file keeps its old mode through O_CREAT
        except OSError as exc:
            os.close(fd)
            raise SpeechError(f"{path}: cannot make the reply private ({exc.strerror})") from None
        self._file = os.fdopen(fd, "wb")
        self._wav: Any = wave.open(self._file, "wb")  # noqa: SIM115 (closed in close())
        self._rate: int | None = None

    def write(self, pcm: bytes, rate: int) -> None:
        if self._rate is None:
            self._wav.setnchannels(1)
            self._wav.setsampwidth(2)
            self._wav.setframerate(rate)
            self._rate = rate
        self._wav.writeframes(pcm)

    def flush(self) -> None:
        """Nothing is buffered in a file."""

    def close(self) -> None:
        """Finish the header; SpeechError (one line) if the disk cannot take it, the file released either way.

        A file nothing was said into is removed: a 44-byte header with no sound (a synthesiser that failed, a turn
        with no reply) played as silence to a script that only checked the file was there (outside review 14 F11).
        """
        if self._rate is None:
            self._discard()
            return
        try:
            self._wav.close()  # writes the final header; the file object is ours to close
            self._file.close()
        except OSError as exc:  # a full disk (ENOSPC) fails the header patch: never a traceback
            with contextlib.suppress(OSError):
                self._file.close()
            raise SpeechError(f"{self.path}: cannot finish the reply file ({exc.strerror or exc})") from None

    def _discard(self) -> None:
        """Close and remove the file: nothing was said into it."""
        with contextlib.suppress(OSError):
            # A header still made, so the wave writer has nothing left to do when it is collected.
            self._wav.setnchannels(1)
            self._wav.setsampwidth(2)
            self._wav.setframerate(16_000)
            self._wav.close()
        with contextlib.suppress(OSError):
            self._file.close()
        with contextlib.suppress(OSError):
            self.path.unlink()


class SoundDeviceSink:
    """The speaker, through PortAudio."""

    def __init__(self, device: int | str | None = None) -> None:
        from voicecare.speech_in.devices import import_sounddevice

        self._sd = import_sounddevice()
        self._device = device
        self._stream: Any = None
        self._rate = 0

    def write(self, pcm: bytes, rate: int) -> None:
        if self._stream is None or rate != self._rate:
            self.close()
            from voicecare.errors import AudioError

            try:
                self._stream = self._sd.RawOutputStream(samplerate=rate, channels=1, dtype="int16", device=self._device)
                self._stream.start()
            except Exception as exc:  # PortAudioError and friends
                raise AudioError(f"cannot open the speaker ({exc})") from None
            self._rate = rate
        self._stream.write(pcm)

    def flush(self) -> None:
        if self._stream is not None:
            self._stream.abort()
            self._stream.close()
            self._stream = None

    def close(self) -> None:
        if self._stream is not None:
            self._stream.stop()
            self._stream.close()
            self._stream = None


class NullSink:
    """Plays nothing (``--quiet``)."""

    def write(self, pcm: bytes, rate: int) -> None:
        """Discard."""

    def flush(self) -> None:
        """Nothing buffered."""

    def close(self) -> None:
        """Nothing to release."""




class DirectorySink:
    """Writes each turn's spoken reply to its own numbered WAV file (``--say-to-dir``)."""

    def __init__(self, directory: Path) -> None:
        self.directory = directory
        if not directory.parent.is_dir():  # the folder itself is made, never its parents: a typo must not create a tree
            raise SpeechError(f"{directory}: cannot create it (no folder {directory.parent})")
        try:
            directory.mkdir(exist_ok=True)
        except OSError as exc:
            raise SpeechError(f"{directory}: cannot create it ({exc.strerror})") from None
        self._current: WavSink | None = None
        self.written: list[Path] = []

    def start(self, turn: int) -> None:
        """Close the previous turn's file and open ``NNN.wav`` for this one."""
        self.close()
        self._current = WavSink(self.directory / f"{turn:03d}.wav")
        self.written.append(self._current.path)

    def write(self, pcm: bytes, rate: int) -> None:
        if self._current is None:
            self.start(len(self.written))
        assert self._current is not None
        self._current.write(pcm, rate)

    def flush(self) -> None:
        """Nothing is buffered in a file."""

    def close(self) -> None:
        if self._current is not None:
            self._current.close()
            self._current = None
