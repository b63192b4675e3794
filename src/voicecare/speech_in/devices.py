"""Sound devices through sounddevice/PortAudio: listing them and the live microphone."""

from __future__ import annotations

import contextlib
import queue
import threading
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from voicecare.errors import AudioError
from voicecare.speech_in.audio import BLOCK_SECONDS, TARGET_RATE, AudioChunk

NO_PORTAUDIO = ("PortAudio is not available ({why}); install it with 'sudo apt-get install libportaudio2', "
                "or use --audio FILE to triage recorded files")
MIC_BLOCK_SECONDS = BLOCK_SECONDS
"""The block a file is read in too (``audio.BLOCK_SECONDS``), so the live loop does what the bench measures."""
QUEUE_BLOCKS = round(20 / MIC_BLOCK_SECONDS)
"""About 20 s of audio; if recognition falls that far behind, the oldest is dropped."""
END = None
"""Put in the queue by ``close()``: the stream is over."""


def import_sounddevice() -> Any:
    """The sounddevice module, or AudioError saying how to get PortAudio."""
    try:
        import sounddevice
    except ImportError as exc:
        raise AudioError(NO_PORTAUDIO.format(why=exc)) from None
    except OSError as exc:  # sounddevice raises OSError when libportaudio is missing
        raise AudioError(NO_PORTAUDIO.format(why=exc)) from None
    return sounddevice


@dataclass(frozen=True)
class Device:
    """One PortAudio device."""

    index: int
    name: str
    inputs: int
    outputs: int
    default_rate: float


def list_devices() -> list[Device]:
    """All devices PortAudio sees."""
    sd = import_sounddevice()
    try:
        return [Device(i, d["name"], d["max_input_channels"], d["max_output_channels"], d["default_samplerate"])
                for i, d in enumerate(sd.query_devices())]
    except Exception as exc:  # PortAudioError
        raise AudioError(f"cannot list sound devices ({exc})") from None


def rescan() -> None:
    """Have PortAudio list the devices again (a USB microphone plugged in after start); it keeps the list it
    made at import otherwise. This closes every open stream: call it only when none is open (the kiosk,
    between retries, with its speaker idle and released)."""
    sd = import_sounddevice()
    try:
        sd._terminate()
        sd._initialize()
    except Exception as exc:  # PortAudioError
        raise AudioError(f"cannot list sound devices again ({exc})") from None


def find_output(device: int | str | None) -> int | str | None:
    """Check that an output device (the speaker) exists; AudioError with the fix when none does."""
    outputs = [d for d in list_devices() if d.outputs > 0]
    if not outputs:
        raise AudioError("no speaker found; plug one in (see 'voicecare devices')")  # the command adds its own other ways
    return None if device is None else _pick(outputs, device, "output")


def _pick(found: list[Device], device: int | str, kind: str) -> int:
    """The device given by index or by part of its name, among ``found``."""
    if isinstance(device, int) or str(device).isdigit():
        index = int(device)
        if index not in {d.index for d in found}:
            raise AudioError(f"{kind} device {index} not found; see 'voicecare devices'")
        return index
    names = [d for d in found if str(device).lower() in d.name.lower()]
    if not names:
        raise AudioError(f"no {kind} device named like {device!r}; see 'voicecare devices'")
    return names[0].index


def find_input(device: int | str | None) -> int | str | None:
    """Check that an input device exists; AudioError with the fix when none does."""
    inputs = [d for d in list_devices() if d.inputs > 0]
    if not inputs:
        raise AudioError("no microphone found; plug one in (see 'voicecare devices'), or use recordings: "
                         "triage --audio FILE, or listen --input-files FILE...")
    if device is None:
        return None
    if isinstance(device, int) or str(device).isdigit():
        index = int(device)
        if index not in {d.index for d in inputs}:
            raise AudioError(f"input device {index} not found; see 'voicecare devices'")
        return index
    names = [d for d in inputs if str(device).lower() in d.name.lower()]
    if not names:
        raise AudioError(f"no input device named like {device!r}; see 'voicecare devices'")
    return names[0].index


def input_rate(device: int | str | None) -> float | None:
    """The rate a microphone records at natively (its default sample rate; 8000 for a Bluetooth headset's),
    the given one or the default input; None when PortAudio cannot say. Opened at 16 kHz, such a device is
    resampled up, and resampling cannot bring back the band it never recorded."""
    sd = import_sounddevice()
    index = find_input(device)
    try:
        info = sd.query_devices(index, "input") if index is not None else sd.query_devices(kind="input")
        return float(info["default_samplerate"])
    except Exception:  # PortAudioError, no default input: the opening says why, later
        return None


class NewestAudio:
    """A bounded queue of microphone blocks that, when full, drops the oldest block.

    What the caregiver says now matters more than what was said 20 s ago
    ("he stopped breathing" must not be the block thrown away). ``put`` never
    blocks, so it is safe on PortAudio's thread.
    """

    def __init__(self, blocks: int = QUEUE_BLOCKS) -> None:
        self._queue: queue.Queue[bytes | None] = queue.Queue(maxsize=blocks)
        self.dropped = 0
        """Blocks thrown away because recognition fell behind."""

    def put(self, pcm: bytes | None) -> None:
        """Add a block (or ``END``), dropping the oldest when full."""
        while True:
            try:
                self._queue.put_nowait(pcm)
                return
            except queue.Full:
                with contextlib.suppress(queue.Empty):
                    self._queue.get_nowait()
                    self.dropped += 1

    def get(self, timeout: float) -> bytes | None:
        """The oldest block still kept; queue.Empty after ``timeout`` seconds without one."""
        return self._queue.get(timeout=timeout)


class Microphone:
    """The live microphone: the PortAudio callback only hands bytes to a queue.

    Recognition runs in the caller's thread, reading ``chunks()``. While
    ``muted`` is set (voicecare is speaking) the audio is dropped so the
    assistant never hears itself as the caregiver.
    """

    def __init__(self, device: int | str | None = None, rate: int = TARGET_RATE,
                 muted: threading.Event | None = None) -> None:
        self._sd = import_sounddevice()
        self._device = find_input(device)
        self.rate = rate
        self.muted = muted or threading.Event()
        self._queue = NewestAudio(QUEUE_BLOCKS)
        self._stream: Any = None
        self._position = 0

    def _callback(self, data: Any, frames: int, when: Any, status: Any) -> None:
        # Runs on PortAudio's thread: no work here beyond a non-blocking put.
        payload = b"\x00" * len(bytes(data)) if self.muted.is_set() else bytes(data)
        self._queue.put(payload)

    def start(self) -> None:
        """Open the input stream."""
        try:
            self._stream = self._sd.RawInputStream(
                samplerate=self.rate, blocksize=int(self.rate * MIC_BLOCK_SECONDS), device=self._device,
                channels=1, dtype="int16", callback=self._callback,
            )
            self._stream.start()
        except Exception as exc:  # PortAudioError: busy, unplugged, wrong rate
            raise AudioError(f"cannot open the microphone ({exc}); see 'voicecare devices', or use --audio FILE") from None

    def chunks(self, timeout: float = 1.0) -> Iterator[AudioChunk]:
        """Audio as it arrives; stops when the stream is closed or goes quiet for ``timeout`` s."""
        while True:
            try:
                pcm = self._queue.get(timeout=timeout)
            except queue.Empty:
                raise AudioError("the microphone stopped sending audio (unplugged?)") from None
            if pcm is END:
                return
            chunk = AudioChunk(pcm, self.rate, self._position / self.rate)
            self._position += len(pcm) // 2
            yield chunk

    def close(self) -> None:
        """Stop the stream and end ``chunks()``."""
        if self._stream is not None:
            self._stream.stop()
            self._stream.close()
            self._stream = None
        self._queue.put(END)
