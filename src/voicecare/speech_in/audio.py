"""Audio plumbing: the chunk hand-off, WAV files of any common format, resampling.

Everything downstream gets 16-bit mono PCM at the recogniser's rate. WAV
files are parsed by hand (Python's ``wave`` module cannot read float WAV) and
streamed in blocks, so a long file needs bounded memory.
"""

from __future__ import annotations

import shlex
import struct
from collections import deque
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, BinaryIO

from voicecare.errors import AudioError

if TYPE_CHECKING:
    import numpy as np
    import numpy.typing as npt

TARGET_RATE = 16_000
"""Hertz; what both recognisers expect."""
BLOCK_SECONDS = 0.1
"""Seconds of audio per chunk handed to the recogniser, from a file and from the microphone alike (``devices``).
The microphone gave 0.05 s blocks while files, and so every bench, were read in 0.1 s ones: the loudness of a
0.05 s block swings more, so pink noise 10 dB under the voice had blocks taken for speech that 0.1 s blocks
never showed (2 in 2 s after a recorded "no"), the quiet after the word was restarted, and the turn took the
room in ("nope", an unclear answer, a yes by rule 4). One block size: what is measured on files is what the
live loop does."""
PCM, IEEE_FLOAT, EXTENSIBLE = 1, 3, 0xFFFE
MAX_CHANNELS = 32


MIN_CUT_SECONDS = BLOCK_SECONDS
"""A file whose header promises more audio than it holds is read as far as it goes (a recording cut short at
the end); holding less than this, it has no usable audio and is an error, not a silent "unclear"."""


def fix_hint(path: Path) -> str:
    """How to make a file we can read from the one given (an outside reviewer's FLAC was told "sox INPUT.wav ...")."""
    return f"convert it with: sox {shlex.quote(str(path))} -r 16000 -c 1 -b 16 {shlex.quote(path.stem + '-16k.wav')}"


@dataclass(frozen=True)
class AudioChunk:
    """A block of audio on its way to the recogniser."""

    pcm: bytes
    """16-bit signed little-endian mono samples."""
    rate: int
    """Sample rate in hertz."""
    start: float
    """Seconds from the start of the stream to the first sample."""
    voiced: bool | None = None
    """Whether a speech detector heard speech in the block (``vad.marked``); None when none judged it (loudness
    alone decides). False makes a loud block the room, not speech: steady noise opens no turn."""

    @property
    def seconds(self) -> float:
        """Duration in seconds."""
        return len(self.pcm) / 2 / self.rate


@dataclass(frozen=True)
class WavFormat:
    """What a WAV file's header says."""

    rate: int
    """Sample rate in hertz."""
    channels: int
    width: int
    """Bytes per sample (1, 2, 3, 4 or 8)."""
    is_float: bool
    data_offset: int
    """Byte offset of the first sample."""
    data_bytes: int
    """Bytes of sample data (to the end of the file for a streamed header)."""
    promised_bytes: int | None = None
    """What the header promised when the file holds less (cut short); None for a whole file."""

    @property
    def seconds(self) -> float:
        """Duration in seconds."""
        return self.data_bytes / (self.width * self.channels) / self.rate

    def cut_short(self) -> str | None:
        """"read 0.6 of the 4.8 s its header promises" for a file cut short, else None."""
        if self.promised_bytes is None:
            return None
        promised = self.promised_bytes / (self.width * self.channels) / self.rate
        return f"cut short: read {self.seconds:.1f} of the {promised:.1f} s its header promises"


WIDE_BAND_RATE = 16_000
"""Hertz. The recognisers' acoustic models are trained on 16 kHz speech; audio sampled slower (8 kHz: a phone
line, a Bluetooth headset's microphone) has nothing above half its rate, and resampling cannot bring it back. On
such recordings an emergency was heard as "not understood" and a home-care description as 911 (outside review
13, F8), so the result is never given without saying so."""


def narrow_band(rate: float) -> bool:
    """True when audio at ``rate`` hertz lacks the band the recognisers need (``WIDE_BAND_RATE``)."""
    return rate < WIDE_BAND_RATE


def narrow_band_warning(what: str, rate: float) -> str:
    """The one line said of a recording, or a microphone, sampled below ``WIDE_BAND_RATE``."""
    return (f"warning: {what}: sampled at {rate:.0f} Hz (phone or Bluetooth audio): too narrow-band to trust; "
            f"speech recognition needs {WIDE_BAND_RATE // 1000} kHz or more and may miss an emergency or "
            "report one that is not there; record at 16 kHz or more")


def narrow_band_error(path: Path, rate: float) -> str:
    """The one line after the result of a recording sampled below ``WIDE_BAND_RATE``, which makes the exit non-zero as
    a file cut short does. Said before the result only, with exit 0, a lost emergency (an 8 kHz "she will not wake up
    properly" heard as home care) read as a clean result to a script (outside review 21 F13). Resampled up to the
    model's rate (as it is), the band above 4 kHz is still missing: on 33 flite and espeak-ng recordings exact
    dispositions fell from 26 to 7 and emergency recall from 7/9 to 4/9 (docs/measurements.md)."""
    return (f"{path}: the result above is not to be trusted (sampled at {rate:.0f} Hz, a phone's band); "
            f"record at {WIDE_BAND_RATE // 1000} kHz or more and triage it again")


def untrusted_note(rate: float) -> str:
    """What the printed result of such a recording says beside what was heard, not only stderr and JSON."""
    return f"NOT TO BE TRUSTED: sampled at {rate:.0f} Hz, too narrow-band to hear reliably"


def cut_short_error(path: Path, cut: str) -> str:
    """The one line for a recording that was triaged as far as it goes (an emergency may be in the missing part)."""
    return f"{path}: {cut}; triaged what is there, give the whole recording"


def usable(paths: Sequence[Path], report: Callable[[str], None],
           problems: dict[Path, str] | None = None) -> list[Path]:
    """The paths that are WAV files; each other one is reported in one line (one bad file must not stop a batch)
    and, given ``problems``, kept there with why."""
    good = []
    for path in paths:
        try:
            read_format(path)
        except AudioError as exc:
            report(str(exc))
            if problems is not None:
                problems[path] = str(exc)
        else:
            good.append(path)
    return good


def read_format(path: Path) -> WavFormat:
    """Parse a WAV header; AudioError with a one-line fix for anything else."""
    try:
        if path.exists() and not path.is_dir() and not path.is_file():
            # Opening a pipe would wait for a writer, and a device may never end.
            raise AudioError(f"{path}: not a regular file (a pipe or device); give a WAV file")
        with path.open("rb") as handle:
            return _parse(handle, path, path.stat().st_size)
    except FileNotFoundError:
        raise AudioError(f"{path}: no such audio file") from None
    except IsADirectoryError:
        raise AudioError(f"{path}: is a folder, not an audio file") from None
    except OSError as exc:
        raise AudioError(f"{path}: cannot read it ({exc.strerror})") from None


def _parse(handle: BinaryIO, path: Path, size: int) -> WavFormat:
    if size == 0:  # "not a WAV file; convert it" would send the user to sox with nothing to convert
        raise AudioError(f"{path}: the file is empty (0 bytes); record it again")
    head = handle.read(12)
    if len(head) < 12 or head[:4] not in (b"RIFF", b"RF64") or head[8:12] != b"WAVE":
        raise AudioError(f"{path}: not a WAV file; {fix_hint(path)}")
    fmt: tuple[int, int, int, int] | None = None
    while True:
        chunk = handle.read(8)
        if len(chunk) < 8:
            raise AudioError(f"{path}: WAV file has no audio data; {fix_hint(path)}")
        kind, length = chunk[:4], struct.unpack("<I", chunk[4:])[0]
        if kind == b"fmt ":
            fmt = _fmt(handle.read(length), path)
            handle.seek(length % 2, 1)
        elif kind == b"data":
            if fmt is None:
                raise AudioError(f"{path}: WAV data comes before its format; {fix_hint(path)}")
            offset = handle.tell()
            available = size - offset
            data = available if length in (0, 0xFFFFFFFF) or length > available else length
            tag, channels, rate, bits = fmt
            cut = length not in (0, 0xFFFFFFFF) and length > available
            found = WavFormat(rate, channels, bits // 8, tag == IEEE_FLOAT, offset,
                              data - data % (channels * bits // 8), length if cut else None)
            if data < length != 0xFFFFFFFF and found.seconds < MIN_CUT_SECONDS:
                raise AudioError(f"{path}: WAV file cut short: its header promises {length} bytes of audio, it holds "
                                 f"{max(available, 0)}; give the whole recording")
            return found
        else:
            handle.seek(length + length % 2, 1)


def _fmt(body: bytes, path: Path) -> tuple[int, int, int, int]:
    if len(body) < 16:
        raise AudioError(f"{path}: broken WAV format header; {fix_hint(path)}")
    tag, channels, rate, _, _, bits = struct.unpack("<HHIIHH", body[:16])
    if tag == EXTENSIBLE and len(body) >= 26:
        tag = struct.unpack("<H", body[24:26])[0]
    supported = (tag == PCM and bits in (8, 16, 24, 32)) or (tag == IEEE_FLOAT and bits in (32, 64))
    if not supported:
        raise AudioError(f"{path}: unsupported WAV encoding (format {tag}, {bits}-bit); {fix_hint(path)}")
    if not 1 <= channels <= MAX_CHANNELS or not 1_000 <= rate <= 384_000:
        raise AudioError(f"{path}: implausible WAV header ({channels} channels, {rate} Hz); {fix_hint(path)}")
    return tag, channels, rate, bits


def to_float(raw: bytes, fmt: WavFormat) -> npt.NDArray[np.float32]:
    """Samples as float32 in [-1, 1], channels averaged to mono."""
    import numpy as np

    if fmt.is_float:
        samples = np.frombuffer(raw, dtype="<f4" if fmt.width == 4 else "<f8").astype(np.float32)
    elif fmt.width == 1:
        samples = ((np.frombuffer(raw, dtype=np.uint8).astype(np.float32) - 128) / 128).astype(np.float32)
    elif fmt.width == 3:
        triples = np.frombuffer(raw, dtype=np.uint8).reshape(-1, 3).astype(np.int32)
        ints = triples[:, 0] | (triples[:, 1] << 8) | (triples[:, 2] << 16)
        samples = (np.where(ints >= 1 << 23, ints - (1 << 24), ints) / float(1 << 23)).astype(np.float32)
    else:
        dtype = "<i2" if fmt.width == 2 else "<i4"
        samples = (np.frombuffer(raw, dtype=dtype) / float(1 << (8 * fmt.width - 1))).astype(np.float32)
    if fmt.channels > 1:
        samples = samples.reshape(-1, fmt.channels).mean(axis=1, dtype=np.float32)
    return samples


def to_pcm16(samples: npt.NDArray[np.float32]) -> bytes:
    """float32 in [-1, 1] to 16-bit little-endian PCM bytes."""
    import numpy as np

    return (np.clip(samples, -1.0, 1.0) * 32767).astype("<i2").tobytes()


class Resampler:
    """Streaming band-limited resampler (libsoxr), mono float32."""

    def __init__(self, source_rate: int, target_rate: int) -> None:
        self.passthrough = source_rate == target_rate
        if not self.passthrough:
            import soxr

            self._stream = soxr.ResampleStream(source_rate, target_rate, 1, dtype="float32", quality="HQ")

    def __call__(self, samples: npt.NDArray[np.float32], last: bool = False) -> npt.NDArray[np.float32]:
        """Resample the next block; ``last`` flushes what the filter still holds."""
        if self.passthrough:
            return samples
        out: npt.NDArray[np.float32] = self._stream.resample_chunk(samples, last=last)
        return out


def iter_wav(path: Path, rate: int = TARGET_RATE, block_seconds: float = BLOCK_SECONDS,
             fmt: WavFormat | None = None) -> Iterator[AudioChunk]:
    """Stream a WAV file as 16-bit mono chunks at ``rate``, one block in memory at a time.

    ``fmt``: its header, when the caller read it already (``read_format``); else it is read here.
    """
    if fmt is None:
        fmt = read_format(path)
    frame = fmt.width * fmt.channels
    block = max(1, int(fmt.rate * block_seconds)) * frame
    resample = Resampler(fmt.rate, rate)
    produced = 0
    try:
        handle = path.open("rb")
    except OSError as exc:  # removed or made unreadable since its header was read
        raise AudioError(f"{path}: cannot read it ({exc.strerror or exc})") from None
    with handle:
        handle.seek(fmt.data_offset)
        remaining = fmt.data_bytes
        while remaining > 0:
            raw = handle.read(min(block, remaining))
            if not raw:
                break
            remaining -= len(raw)
            raw = raw[: len(raw) - len(raw) % frame]
            out = resample(to_float(raw, fmt), last=remaining <= 0)
            if len(out):
                yield AudioChunk(to_pcm16(out), rate, produced / rate)
                produced += len(out)


# ---- loudness: what is speech and what is the room

SPEECH_FACTOR = 4.0
"""A block is speech when its RMS is this many times the noise floor."""
MIN_SPEECH_RMS = 0.01
"""A block quieter than this (RMS, full scale 1) is never speech, however quiet the room."""
START_FLOOR = MIN_SPEECH_RMS / SPEECH_FACTOR
"""The floor before anything is heard: the fixed threshold, ``MIN_SPEECH_RMS``."""
MAX_FLOOR = 0.05
"""The floor never rises above this, so the threshold never above 0.2 RMS (a voice at the microphone):
noise louder than that is heard, as an unclear turn or up to the utterance cap, never learnt as a room
that speech would then have to shout over."""
FLOOR_ADAPT = 0.05
FLOOR_FRAME_SECONDS = 0.01
"""The noise floor is measured on frames this short: even running speech has some this quiet."""
FLOOR_WINDOW_SECONDS = 4.0
"""The noise floor is a low percentile, over this many recent seconds, of each block's quietest frame."""
FLOOR_PERCENTILE = 25.0
"""Low enough that a few seconds of running speech, which has few quiet frames, do not lift the floor to the
voice (at the median, sentences were cut at a soft word); high enough to follow steady noise."""


def block_rms(chunk: AudioChunk) -> tuple[float, float]:
    """The block's RMS and that of its quietest ``FLOOR_FRAME_SECONDS`` (full scale 1)."""
    import numpy as np

    samples = np.frombuffer(chunk.pcm, dtype="<i2").astype(np.float32) / 32768
    if not len(samples):
        return 0.0, 0.0
    size = max(1, round(FLOOR_FRAME_SECONDS * chunk.rate))
    whole = len(samples) - len(samples) % size
    frames = samples[:whole].reshape(-1, size) if whole else samples.reshape(1, -1)
    return float(np.sqrt(np.mean(samples**2))), float(np.sqrt(np.mean(frames**2, axis=1)).min())


class Loudness:
    """The old floor (``room=False``): it follows only the blocks it already judged quiet.

    It never learns a room whose steady noise is above ``MIN_SPEECH_RMS``:
    there every block is speech and a turn ends only at the cap. Kept for
    the speech bench's before/after (``--old-floor``).
    """

    def __init__(self) -> None:
        self.floor = START_FLOOR

    def is_speech(self, chunk: AudioChunk) -> bool:
        """True when the block is clearly louder than the room."""
        rms, _ = block_rms(chunk)
        if rms > max(MIN_SPEECH_RMS, self.floor * SPEECH_FACTOR):
            return chunk.voiced is not False
        self.floor += FLOOR_ADAPT * (rms - self.floor)
        return False


class RoomLoudness:
    """Tells speech from background by energy, against a noise floor that follows the room (the default).

    The floor is tracked by minimum statistics (a low percentile, over a few
    seconds, of each block's quietest 10 ms), whether the block is speech or
    not: a floor that only learnt from blocks already judged quiet never
    learnt a room whose steady noise was loud (pink noise or a television 10
    dB under the voice), so a turn never ended. Seconds not yet heard count
    as ``START_FLOOR``: the floor starts at the fixed threshold and rises
    only once most of the window (3 of 4 s) was louder, so a first word
    ("No." at the very start of a recording) is never taken for the room;
    and it never rises above ``MAX_FLOOR``.
    """

    def __init__(self, factor: float = SPEECH_FACTOR, window_seconds: float = FLOOR_WINDOW_SECONDS) -> None:
        self.factor = factor
        self.window_seconds = window_seconds
        self.floor = START_FLOOR
        """Estimated background level (RMS, full scale 1)."""
        self._quietest: deque[float] = deque()
        self._window = 0

    def copy(self) -> RoomLoudness:
        """The same estimate, to follow on its own (an endpointer starting where the onset detector is)."""
        twin = RoomLoudness(self.factor, self.window_seconds)
        twin.floor, twin._quietest, twin._window = self.floor, deque(self._quietest), self._window
        return twin

    def is_speech(self, chunk: AudioChunk) -> bool:
        """True when the block is clearly louder than the room."""
        import numpy as np

        rms, quietest = block_rms(chunk)
        if rms == 0.0:
            # Digital silence is not the room: the echo gate's stand-in for voicecare's own voice (or a muted
            # microphone). Learnt, a reply's seconds of it took the floor to nothing, and the steady room
            # after the reply started a turn of noise.
            return False
        # Blocks per window from the first block: a stream's last, shorter block must not widen the window
        # (the seconds it then lacked counted as START_FLOOR and took the end of a noisy file for speech).
        self._window = self._window or max(1, round(self.window_seconds / max(chunk.seconds, 1e-3)))
        window = self._window
        self._quietest.append(quietest)
        while len(self._quietest) > window:
            self._quietest.popleft()
        heard = [*[START_FLOOR] * (window - len(self._quietest)), *self._quietest]
        self.floor = min(MAX_FLOOR, float(np.percentile(heard, FLOOR_PERCENTILE)))
        # A loud block a speech detector heard no speech in is the room (steady noise): the floor learnt it above
        # all the same, so loudness alone goes on judging as it would have.
        return rms > max(MIN_SPEECH_RMS, self.floor * self.factor) and chunk.voiced is not False
