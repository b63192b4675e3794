"""Whether a turn's talker sounds like a loudspeaker (a television, a radio) rather than a person at the device.

Measured, and off (round speech21, docs/measurements.md): a television heard as the caregiver gave 911s (outside
review 18). Neither the level nor the onset tells a television from a caregiver: a television on before the
kiosk listens starts the turn a caregiver then speaks into, and one at a caregiver's level is as loud as she is.
A small speaker's narrow band does on the bench's television stand-in (speech band-passed 300-3400 Hz): almost no
energy above 3.6 kHz, where a voice at the microphone has its fricatives. But so does any narrowband microphone (a
Bluetooth headset's 8 kHz audio resampled by the sound server, a telephone line): judged by this alone, every
emergency said through one would be dropped, the worst bug there is. Measured (round speech21): 5 of the suite's 29
clean recordings (two emergencies among them, em_fainted and em_wont_wake), 9 of 19 in tests/data/audio/turns
(not_breathing among them) and 4 of 9 of outside review 18's are below ``LOUDSPEAKER_DB``; espeak-ng en-us through
8 kHz and back measures -23.1 dB against -15.9 full band. So it is a bench helper, not voicecare's: ``bench_tv.py``
applies it to measure what such a guard would gain and cost.
"""

from __future__ import annotations

import numpy as np

SPEECH_BAND_HZ = (300.0, 3400.0)
"""A small speaker's (and a telephone's) band."""
HIGH_BAND_HZ = 3600.0
"""Above it: the fricatives of a voice heard directly, which a small speaker does not carry."""
LOUDSPEAKER_DB = -23.0
"""High band to speech band, below which a turn sounds band-limited. Chosen on the tuned voices and the stand-in
(television alone -24.6 to -25.0 dB; tuned voices clean -14.3 to -20.6, over the television -15.6 to -21.7)."""


def high_band_db(pcm: bytes, rate: int) -> float | None:
    """Energy above ``HIGH_BAND_HZ`` over that of ``SPEECH_BAND_HZ``, in dB, of 16-bit mono samples; None when the
    rate cannot carry the high band at all (8 kHz) or there is no sound."""
    if rate <= 2 * HIGH_BAND_HZ:
        return None
    samples = np.frombuffer(pcm, dtype="<i2").astype(np.float64)
    if not len(samples) or not samples.any():
        return None
    power = np.abs(np.fft.rfft(samples)) ** 2
    freqs = np.fft.rfftfreq(len(samples), 1.0 / rate)
    low, high = SPEECH_BAND_HZ
    speech = float(power[(freqs > low) & (freqs < high)].sum())
    above = float(power[freqs > HIGH_BAND_HZ].sum())
    if speech <= 0.0:
        return None
    return 10.0 * float(np.log10(max(above, 1e-12) / speech))


def sounds_like_loudspeaker(pcm: bytes, rate: int, limit: float = LOUDSPEAKER_DB) -> bool:
    """True when the audio is band-limited as a small speaker's is (see the module's note: a narrowband microphone
    is too, so this must never drop an emergency by itself)."""
    ratio = high_band_db(pcm, rate)
    return ratio is not None and ratio < limit


def main() -> None:
    """The figures in the note above: each folder of the suite's recordings, and a voice through 8 kHz."""
    import subprocess
    import sys
    import tempfile
    import wave
    from pathlib import Path

    sys.path.insert(0, str(Path(__file__).parent))
    import room_audio as ra

    root = Path(__file__).resolve().parents[1] / "tests" / "data" / "audio"
    for folder in sorted(p for p in root.iterdir() if p.is_dir()):
        ratios: dict[str, float] = {}
        for path in sorted(folder.glob("*.wav")):
            try:
                with wave.open(str(path)) as wav:
                    if wav.getnchannels() != 1 or wav.getsampwidth() != 2:
                        continue
                    ratio = high_band_db(wav.readframes(wav.getnframes()), wav.getframerate())
            except (wave.Error, EOFError):  # the formats folder's float and broken files
                continue
            if ratio is not None:
                ratios[path.name] = ratio
        below = [name for name, r in ratios.items() if r < LOUDSPEAKER_DB]
        values = list(ratios.values())
        if not values:
            continue
        print(f"{folder.name}: {len(values)} recordings, {min(values):.1f} to {max(values):.1f} dB; "
              f"{len(below)} below {LOUDSPEAKER_DB:g}: {', '.join(below)}")
    voice = next(v for v in ra.voices() if v.name == "espeak-en-us")
    audio = ra.cached(voice, "He can't breathe and his lips are blue.")
    with tempfile.TemporaryDirectory() as scratch:
        src, down, back = (Path(scratch) / f"{n}.wav" for n in "abc")
        ra.write_wav(src, audio)
        subprocess.run(["sox", str(src), "-r", "8000", str(down)], check=True)
        subprocess.run(["sox", str(down), "-r", str(ra.RATE), str(back)], check=True)
        with wave.open(str(back)) as wav:
            narrow = high_band_db(wav.readframes(wav.getnframes()), wav.getframerate())
    print(f"espeak-en-us: {high_band_db(ra.to_pcm(audio), ra.RATE):.1f} dB full band, {narrow:.1f} dB through 8 kHz")


if __name__ == "__main__":
    main()
