"""Record the intents' emergency message ("Call 911 now.") with the real synthesiser, for speakers whose engine fails.

A kiosk whose synthesiser never starts plays this recording for an emergency (``speech_out.recorded``). Made at
build time, from espeak-ng through the same worker as every reply, at the default rate; the WAV (16-bit mono,
about 40 KB) and its index ship in src/voicecare/speech_out/recorded/. Run after the emergency message changes (a
test fails until then):

    .venv/bin/python scripts/make_recorded.py            # write the recording and its index
    .venv/bin/python scripts/make_recorded.py --check    # exit 1 when the recording's text is not the message's
"""

from __future__ import annotations

import argparse
import sys
import wave

import numpy as np

from voicecare.intents import load
from voicecare.speech_out.recorded import INDEX_NAME, RECORDED_DIR, recorded_clips
from voicecare.speech_out.tts import DEFAULT_RATE_WPM, Pyttsx3Synthesizer

FILE_NAME = "emergency.wav"
TRIM_LEVEL = 300
"""Sample level (of 32,767) below which the ends are silence."""
TRIM_KEEP_SECONDS = 0.05


def trimmed(pcm: bytes, rate: int) -> bytes:
    """The samples without the synthesiser's silence before and after the words (kept small; the speaker adds its
    own pause), keeping TRIM_KEEP_SECONDS on each side so no consonant is cut."""
    samples = np.frombuffer(pcm, dtype="<i2")
    loud = np.flatnonzero(np.abs(samples.astype(np.int32)) > TRIM_LEVEL)
    if not len(loud):
        raise SystemExit("the synthesiser made silence: nothing recorded")
    keep = int(TRIM_KEEP_SECONDS * rate)
    return samples[max(0, loud[0] - keep): loud[-1] + keep].tobytes()


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="only check that the recording says the message")
    args = parser.parse_args()
    text = load().messages["emergency"]  # the shipped English intents
    if args.check:
        if text in recorded_clips([text]):
            return 0
        print(f"no recording of {text!r} in {RECORDED_DIR}: run scripts/make_recorded.py", file=sys.stderr)
        return 1
    synth = Pyttsx3Synthesizer()
    try:
        clip = synth.synth(text, DEFAULT_RATE_WPM)
    finally:
        synth.close()
    RECORDED_DIR.mkdir(exist_ok=True)
    pcm = trimmed(clip.pcm, clip.rate)
    with wave.open(str(RECORDED_DIR / FILE_NAME), "wb") as out:
        out.setnchannels(1)
        out.setsampwidth(2)
        out.setframerate(clip.rate)
        out.writeframes(pcm)
    quoted = text.replace("\\", "\\\\").replace('"', '\\"')
    (RECORDED_DIR / INDEX_NAME).write_text(
        "# Written by scripts/make_recorded.py (espeak-ng, the kiosk's own synthesiser); run it again when the\n"
        "# emergency message changes. Played when no synthesiser can say the text (speech_out.recorded).\n"
        f'[[clip]]\ntext = "{quoted}"\nfile = "{FILE_NAME}"\n', encoding="utf-8")
    seconds = len(pcm) / 2 / clip.rate
    print(f"recorded {text!r}: {seconds:.2f} s at {clip.rate} Hz, {len(pcm) // 1024} KB in {RECORDED_DIR}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
