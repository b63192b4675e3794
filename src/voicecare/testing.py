"""Test doubles for hardware this machine may lack, behind the same interfaces as the real devices.

``FakeOutputDevice`` stands for the sound card (an ``AudioSink`` that takes
real time to play, like a device); ``FileMicrophone`` stands for the
microphone (same ``start``/``chunks``/``close``/``muted`` as ``Microphone``)
and replays WAV files. Neither fakes the engines: recognition and synthesis
stay real. ``FaultySynthesizer`` is the real espeak-ng worker made to crash,
hang, raise or talk garbage (run as ``python -m voicecare.testing_faults FAULT N``).

They are kept by what they stand for (``testing_devices``: the sound card
and microphones; ``testing_room``: a microphone that also hears voicecare;
``testing_faults``: a failing synthesiser; ``testing_words``: a real one
that notes what it said) and gathered here, so tests import every double
from one place.
"""

from voicecare.testing_devices import (
    CLOCK_WAIT_SECONDS,
    DEVICE_BUFFER_SECONDS,
    ROOM_BUFFER_SECONDS,
    SETTLE_POLL_SECONDS,
    FakeOutputDevice,
    FileMicrophone,
    FlakyMicrophone,
    LateDevices,
    PlayedBlock,
    RoomClock,
    silence_wav,
)
from voicecare.testing_faults import SYNTH_FAULTS, FaultySynthesizer, fault_worker_command, fault_worker_main
from voicecare.testing_room import (
    LOOPBACK_DELAY_SECONDS,
    ROOM_DELAY_SECONDS,
    ROOM_GAIN,
    LoopbackMicrophone,
    RoomEcho,
    RoomMicrophone,
)
from voicecare.testing_words import NotingSynthesizer

__all__ = [
    "CLOCK_WAIT_SECONDS", "DEVICE_BUFFER_SECONDS", "LOOPBACK_DELAY_SECONDS", "ROOM_BUFFER_SECONDS", "ROOM_DELAY_SECONDS",
    "ROOM_GAIN", "SETTLE_POLL_SECONDS", "SYNTH_FAULTS", "FakeOutputDevice", "FaultySynthesizer", "FileMicrophone",
    "FlakyMicrophone", "LateDevices", "LoopbackMicrophone", "NotingSynthesizer", "PlayedBlock", "RoomClock", "RoomEcho",
    "RoomMicrophone", "fault_worker_command", "fault_worker_main", "silence_wav",
]
