"""Audio plumbing: the chunk hand-off, WAV files of any common format, resampling.

Everything downstream gets 16-bit mono PCM at the recogniser's rate. WAV
files are parsed by hand (Python's ``wave`` module cannot read float WAV) and
streamed in blocks, so a long file needs bounded memory.
"""

from __future__ import annotations

import struct
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
"""Seconds of audio per chunk handed to the recogniser."""
PCM, IEEE_FLOAT, EXTENSIBLE = 1, 3, 0xFFFE
MAX_CHANNELS = 32
FIX_HINT = "convert it with: sox INPUT.wav -r 16000 -c 1 -b 16 OUTPUT.wav"


@dataclass(frozen=True)
class AudioChunk:
    """A block of audio on its way to the recogniser."""

    pcm: bytes
    """16-bit signed little-endian mono samples."""
    rate: int
    """Sample rate in hertz."""
    start: float
    """Seconds from the start of the stream to the first sample."""

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

    @property
    def seconds(self) -> float:
        """Duration in seconds."""
        return self.data_bytes / (self.width * self.channels) / self.rate


def usable(paths: Sequence[Path], report: Callable[[str], None]) -> list[Path]:
    """The paths that are WAV files; each other one is reported in one line (one bad file must not stop a batch)."""
    good = []
    for path in paths:
        try:
            read_format(path)
        except AudioError as exc:
            report(str(exc))
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
    head = handle.read(12)
    if len(head) < 12 or head[:4] not in (b"RIFF", b"RF64") or head[8:12] != b"WAVE":
        raise AudioError(f"{path}: not a WAV file; {FIX_HINT}")
    fmt: tuple[int, int, int, int] | None = None
    while True:
        chunk = handle.read(8)
        if len(chunk) < 8:
            raise AudioError(f"{path}: WAV file has no audio data; {FIX_HINT}")
        kind, length = chunk[:4], struct.unpack("<I", chunk[4:])[0]
        if kind == b"fmt ":
            fmt = _fmt(handle.read(length), path)
            handle.seek(length % 2, 1)
        elif kind == b"data":
            if fmt is None:
                raise AudioError(f"{path}: WAV data comes before its format; {FIX_HINT}")
            offset = handle.tell()
            available = size - offset
            data = available if length in (0, 0xFFFFFFFF) or length > available else length
            tag, channels, rate, bits = fmt
            return WavFormat(rate, channels, bits // 8, tag == IEEE_FLOAT, offset, data - data % (channels * bits // 8))
        else:
            handle.seek(length + length % 2, 1)


def _fmt(body: bytes, path: Path) -> tuple[int, int, int, int]:
    if len(body) < 16:
        raise AudioError(f"{path}: broken WAV format header; {FIX_HINT}")
    tag, channels, rate, _, _, bits = struct.unpack("<HHIIHH", body[:16])
    if tag == EXTENSIBLE and len(body) >= 26:
        tag = struct.unpack("<H", body[24:26])[0]
    supported = (tag == PCM and bits in (8, 16, 24, 32)) or (tag == IEEE_FLOAT and bits in (32, 64))
    if not supported:
        raise AudioError(f"{path}: unsupported WAV encoding (format {tag}, {bits}-bit); {FIX_HINT}")
    if not 1 <= channels <= MAX_CHANNELS or not 1_000 <= rate <= 384_000:
        raise AudioError(f"{path}: implausible WAV header ({channels} channels, {rate} Hz); {FIX_HINT}")
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


def iter_wav(path: Path, rate: int = TARGET_RATE, block_seconds: float = BLOCK_SECONDS) -> Iterator[AudioChunk]:
    """Stream a WAV file as 16-bit mono chunks at ``rate``, one block in memory at a time."""
    fmt = read_format(path)
    frame = fmt.width * fmt.channels
    block = max(1, int(fmt.rate * block_seconds)) * frame
    resample = Resampler(fmt.rate, rate)
    produced = 0
    with path.open("rb") as handle:
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
