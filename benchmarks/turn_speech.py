"""Benchmark: the longest spoken turn of each kind by REAL espeak-ng speech, beside the estimate (rule 13).

The turn-ceiling test (tests/test_turn_ceiling.py) and ``budget`` plan turns with ``spoken.seconds``, an estimate
from letters and pauses. Convo19 found five 911 turns that the estimate put at <= 14.5 s run 15.0-15.9 s when
espeak-ng said them. Here the same random conversations as ``turn_lengths.py`` are played, every distinct message
said is synthesised once by the product's own synthesiser (``Pyttsx3Synthesizer``, espeak-ng in its worker, at the
default rate), and each turn's real length is the sum of its clips plus the speaker's pause after each
(``tts.PAUSE_SECONDS``), as the speaker plays it. Prints, per kind: turns, the longest by speech and by estimate,
turns over rule 13's ceiling by speech (15 s for a 911, 20 s otherwise), "stay with your child" later than 10 s; and
per message the worst shortfall (speech - estimate) of the estimate a 911 is held to (``spoken.NEVER_SHORT``;
turns below 911 are planned with ``spoken.PLANNING``, whose figures are printed beside them), and per kind the turns
whose estimate was short of their speech.

Usage: python benchmarks/turn_speech.py [--seeds N] [--worst N]
"""

from __future__ import annotations

import argparse
import sys
import wave
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from benchmarks.turn_lengths import CEILINGS, TURN_CEILING, kind, scripted_turns  # noqa: E402

from tests.test_turn_ceiling import STAY_SECONDS  # noqa: E402
from voicecare.conversation import spoken  # noqa: E402
from voicecare.domain import Message  # noqa: E402
from voicecare.speech_out.tts import DEFAULT_RATE_WPM, PAUSE_SECONDS, Pyttsx3Synthesizer  # noqa: E402
from voicecare.understanding.assistant import Assistant  # noqa: E402

BYTES_PER_SAMPLE = 2


class Voice:
    """Real seconds of each message, synthesised once."""

    def __init__(self, rate_wpm: int) -> None:
        self.synth = Pyttsx3Synthesizer()
        self.rate = rate_wpm
        self.known: dict[str, float] = {}

    def seconds(self, text: str) -> float:
        """Seconds ``text`` plays for, with the speaker's pause after it."""
        if text not in self.known:
            clip = self.synth.synth(text, self.rate)
            self.known[text] = len(clip.pcm) / BYTES_PER_SAMPLE / clip.rate
        return self.known[text] + PAUSE_SECONDS

    def turn(self, said: tuple[Message, ...]) -> float:
        return sum(self.seconds(m.text) for m in said if m.text)

    def write(self, text: str, path: Path) -> None:
        """The clip of ``text`` as a WAV file (to listen to a turn over its ceiling)."""
        clip = self.synth.synth(text, self.rate)
        with wave.open(str(path), "wb") as out:
            out.setnchannels(1)
            out.setsampwidth(BYTES_PER_SAMPLE)
            out.setframerate(clip.rate)
            out.writeframes(clip.pcm)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seeds", type=int, default=3, help="seeds of 60 conversations each (the test's 3 by default)")
    parser.add_argument("--worst", type=int, default=8, help="messages with the largest shortfall to print")
    options = parser.parse_args()
    assistant = Assistant.load()
    stay = assistant.intents.messages["emergency_stay"]
    voice = Voice(DEFAULT_RATE_WPM)
    longest: dict[str, tuple[float, float, str]] = {}
    longest_estimate: dict[str, float] = {}
    counts: dict[str, int] = {}
    short_turns: dict[str, tuple[int, float]] = {}
    over: list[str] = []
    late_stay: list[str] = []
    planned_over: dict[str, str] = {}
    latest_stay = 0.0
    planned = {"911": assistant.intents.spoken.emergency_ceiling, "other": assistant.intents.spoken.ceiling}
    conversations = 0
    for number, said, turn in scripted_turns(assistant, options.seeds):
        conversations = number
        aloud = tuple(m for m in turn.said_aloud if m.text)
        real = voice.turn(aloud)
        name = kind(turn)
        guess = spoken.total_seconds(aloud, DEFAULT_RATE_WPM, spoken.NEVER_SHORT if name == "911"
                                     else spoken.PLANNING)
        counts[name] = counts.get(name, 0) + 1
        if real > guess:  # the estimate the turn was planned with, short of its real speech
            short_turns[name] = (short_turns.get(name, (0, 0.0))[0] + 1, max(short_turns.get(name, (0, 0.0))[1],
                                                                              real - guess))
        longest_estimate[name] = max(longest_estimate.get(name, 0.0), guess)
        if real > longest.get(name, (0.0, 0.0, ""))[0]:
            longest[name] = (real, guess, said)
        if real > CEILINGS.get(name, TURN_CEILING):
            over.append(f"{name} {real:.1f} s (estimate {guess:.1f}) after {said!r}: "
                        f"{' | '.join(m.text for m in aloud)}")
        if guess > (planned["911"] if name == "911" else planned["other"]):
            planned_over[" | ".join(m.text for m in aloud)] = f"{name} {guess:.1f} s by estimate, {real:.1f} by speech"
        texts = [m.text for m in aloud]
        if stay in texts:
            at = voice.turn(aloud[:texts.index(stay) + 1])
            latest_stay = max(latest_stay, at)
            if at > STAY_SECONDS:
                late_stay.append(f"{at:.1f} s after {said!r}")
    print(f"{conversations} conversations, {len(voice.known)} distinct messages synthesised by espeak-ng")
    for name in sorted(longest):
        real, guess, said = longest[name]
        print(f"{name:8} turns {counts[name]:5d}  longest by speech {real:5.1f} s (its estimate {guess:5.1f}), "
              f"longest estimate {longest_estimate[name]:5.1f} s  (after {said!r})")
    for name in sorted(longest):
        number, most = short_turns.get(name, (0, 0.0))
        print(f"{name:8} turns planned short of their speech: {number} (by at most {most:.2f} s)")
    print(f"over the ceilings by speech: {len(over)}")
    for line in over[:12]:
        print("  ", line)
    print(f"over the planned ceilings ({planned['911']} s, {planned['other']} s) by estimate: {len(planned_over)} distinct")
    for text, line in list(planned_over.items())[:12]:
        print("  ", line, ":", text)
    print(f"'{stay}' at the latest {latest_stay:.1f} s into a turn by speech; later than {STAY_SECONDS:.0f} s: "
          f"{len(late_stay)}")
    for line in late_stay[:5]:
        print("  ", line)
    short = sorted(((voice.known[t] + PAUSE_SECONDS - spoken.seconds(t, DEFAULT_RATE_WPM, spoken.NEVER_SHORT), t)
                    for t in voice.known), reverse=True)
    shorter = sum(gap > 0 for gap, _ in short)
    print(f"the 911 estimate (spoken.NEVER_SHORT) short of speech on {shorter} of {len(short)} messages; worst:")
    for gap, text in short[:options.worst]:
        print(f"   {gap:+5.2f} s  {text[:110]!r}")


if __name__ == "__main__":
    main()
