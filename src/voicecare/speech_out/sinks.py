"""Where spoken replies go: the speaker (PortAudio), one WAV file, one WAV per turn, or nowhere."""

from __future__ import annotations

import contextlib
import errno
import os
from collections.abc import Callable
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
        # Written under a hidden name and renamed when whole: a disk that filled up mid-reply left a cut-off
        # ``000.wav`` and empty ones a script could not tell from good replies (outside review 16 F9).
        self.part = path.with_name(f".{path.name}.part")
        self.error: str | None = None
        """Why the reply could not be written (the file is removed then); None while all is well."""
        if not path.parent.is_dir():  # never made: a mistyped path must not create folders
            raise SpeechError(f"{path}: cannot write the reply there (no folder {path.parent})")
        if path.is_dir():
            raise SpeechError(f"{path}: cannot write the reply there ({os.strerror(errno.EISDIR)})")
        try:
            fd = os.open(self.part, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, REPLY_MODE)
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
        """Add ``pcm``; SpeechError once the file cannot take it (it is removed then, and stays failed)."""
        if self.error is not None:
            raise SpeechError(f"{self.path}: {self.error}")
        try:
            if self._rate is None:
                self._wav.setnchannels(1)
                self._wav.setsampwidth(2)
                self._wav.setframerate(rate)
                self._rate = rate
            self._wav.writeframes(pcm)
        except OSError as exc:  # a full disk: no half reply is left behind
            self._fail(f"cannot write the reply file ({exc.strerror or exc})")
            raise SpeechError(f"{self.path}: {self.error}") from None

    def flush(self) -> None:
        """Nothing is buffered in a file."""

    def close(self) -> None:
        """Finish the header and give the file its name; SpeechError (one line) if the disk cannot take it, the
        file removed then.

        A file nothing was said into is removed: a 44-byte header with no sound (a synthesiser that failed, a turn
        with no reply) played as silence to a script that only checked the file was there (outside review 14 F11).
        """
        if self.error is not None:
            return  # removed when it failed, and said then
        if self._rate is None:
            self._discard()
            return
        try:
            self._wav.close()  # writes the final header; the file object is ours to close
            self._file.close()
            os.replace(self.part, self.path)
        except OSError as exc:  # a full disk (ENOSPC) fails the header patch: never a traceback
            self._fail(f"cannot finish the reply file ({exc.strerror or exc})")
            raise SpeechError(f"{self.path}: {self.error}") from None

    def _fail(self, error: str) -> None:
        self.error = error
        self._discard()

    def _discard(self) -> None:
        """Close and remove the file (and any older reply of that name): nothing, or only part, was said into it."""
        with contextlib.suppress(Exception):  # wave.Error or OSError: the file goes whatever the writer says
            if self._rate is None:  # a header still made, so the wave writer has nothing left to do when collected
                self._wav.setnchannels(1)
                self._wav.setsampwidth(2)
                self._wav.setframerate(16_000)
            self._wav.close()  # once closed, even on a full disk, it is never closed again when collected
        with contextlib.suppress(OSError):
            self._file.close()
        for path in (self.part, self.path):
            with contextlib.suppress(OSError):
                path.unlink()


class SoundDeviceSink:
    """The speaker, through PortAudio.

    ``opener``: runs each open of the output stream (made and started), e.g. under a time limit: a device whose
    open never returned held the speaker's thread for ever, every reply after it unsaid and no line saying why. An
    AudioError it raises (the limit's own words) is the speaker's failure as it is; any other, "cannot open".
    """

    def __init__(self, device: int | str | None = None,
                 opener: Callable[[Callable[[], Any]], Any] = lambda open_: open_()) -> None:
        from voicecare.speech_in.devices import import_sounddevice

        self._sd = import_sounddevice()
        self._device = device
        self._opener = opener
        self._stream: Any = None
        self._rate = 0

    def _started(self, rate: int) -> Any:
        stream = self._sd.RawOutputStream(samplerate=rate, channels=1, dtype="int16", device=self._device)
        stream.start()
        return stream

    def write(self, pcm: bytes, rate: int) -> None:
        if self._stream is None or rate != self._rate:
            self.close()
            from voicecare.errors import AudioError

            try:
                self._stream = self._opener(lambda: self._started(rate))
            except AudioError:
                raise
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
            current, self._current = self._current, None
            current.close()

    def finish(self) -> str | None:
        """Close this turn's file: why it could not be written (it is not there then), or None when it is whole or
        nothing was said. SpeechError when finishing it failed (as ``close``)."""
        current = self._current
        self.close()
        return f"{current.path}: {current.error}" if current is not None and current.error is not None else None
