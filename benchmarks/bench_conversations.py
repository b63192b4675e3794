"""Benchmark: whole conversations replayed as recordings, every scripted caregiver in every installed voice.

Each caregiver turn is said by a real synthesiser (piper's joe, flite, espeak-ng), heard by PocketSphinx and
answered by ``voicecare listen`` (the real VoiceSession); each conversation is then checked (tests/replay.py):
the disposition it ends with, 911 only where expected, every emergency and urgent sign covered before home
care, no read-back of what was not said, the disclaimer once, spoken seconds per turn (<= 20 s, an emergency
<= 15 s). Caregivers: the suite's three (tests/test_voice.py) and some who answer "no" in the words of the
shared answers corpus and of the newest tuning answers (answers_aq; tests/test_scripted_caregivers.py types
more). Prints one line per conversation and a figure per voice.
Measured (7 caregivers x 7 voices): 16/49 right with one model for every turn; 21/49 with the answer model
while a red-flag question waits (false 911 in 16 -> 15 conversations, missed 911 1 -> 0). With the answer
checked by the description model's reading (a "no" needs both): 21/49 again (18/49 when the description
reading had to be a full denial; a leading "no" in it is now enough).
Issue #9 conversation fixes (convo4: partial answers, skip, narrowed questions, "more"): 18/49 before and
after, the same conversations right; longest spoken turn 27.1 -> 26.7 s.
Long read-backs said short after the action when over turn_seconds (convo5), --voices flite-awb piper-joe:
6/14 before and after, the same conversations right; longest spoken turn 26.7 -> 17.6 s.
convo7 (skip ending with its read-back, "why are you asking", news and what-ifs instead of an answer), all 7
voices: 18/49 before and after, the same conversations right, longest spoken turn 19.8 s both. Eleven new
"why" control phrases made it 17/49 (the language model heard espeak-ng's "she feels hot" as "no to the she
feels hot"); two are kept. Left: most misses are recognition (flite-kal hears "No." as "yup"), and two false
911s are a partial result's backoff guess ("no sense" in "No, that's all." -> confusion) said at once.
convo8, all 7 voices: 21/49 before (HEAD after convo7's merge; answer-reader work since made it 21, not 18) ->
22/49 after; rms's sore back is right (the partial's guess "no sense" waits for the final reading); espeak en-us
corpus_no_1 no longer gives home care with trouble breathing uncovered (its 911 at turn 4 is recognition). Longest
spoken turn 23.0 s both (a closing turn; the word-count estimate is ~1.3 s short on the comma-heavy 911 list, so
closing turns run 20.4-23.0 s real in 3 conversations, one more than before: piper joe's corpus_no_2 says the
unclear chills back). Left: recognition (kal's "No." as "yup", en-gb's as "not"/"nah", descriptions unheard).
convo9 (review 9: doubted 911s said so and taken back, an estimate with pauses), all 7 voices: 20/49 before
(c68ac73) and after; longest spoken turn 23.0 -> 19.7 s; three turns over 20 s gone; en-gb corpus_no_2/3 no longer
end in a 911. Left: two 911 turns from an answer not understood, with a lesser sign said back, take 18.6-19.7 s
(over 15), and flite-kal corpus_no_4 has a 911 at turn 6 it did not have (not looked into).
convo10 (every turn fitted to its ceiling, conversation/budget.py), all 7 voices: 21/49 before (fc0da87) and after
(held-out voices flite slt/rms/awb and espeak en-gb 12/28 both; the same conversations right); longest spoken turn
19.7 -> 19.0 s, no turn over its limit (two 911 turns of 18.6/19.7 s before). piper joe's corpus_no_2 no longer says
the disclaimer twice (a late "No, that's all." after the goodbye is no new conversation); it still ends urgent: "Nope.
I checked, 98.4." is split at its pause and every answer after it comes one question late. Left: recognition (kal
hears "No." as "yup"; "Not that I've noticed." heard "not that no missed" is unclear, so a 911 by rule 4); kal's
corpus_no_4 911 at turn 6 is that drift: its description was not understood, the interview began two turns late.
convo12 (why the rest end wrong, by class): 21/49 before (17e6231; held-out voices 12/28). After (ee0fb5e), measured
on a machine 20 jobs deep, the held-out voices only and espeak en-us: held-out 12/28 (en-gb 1/7, awb 2/7, slt 5/7,
rms 4/7, as before), en-us 3/7 as before; longest spoken turn 19.0 s, none over its limit. Held-out, wrong by the
first thing that went wrong: the description misheard 11 of 16 (en-gb 6, awb 5), an answer misheard 5 (slt 2,
rms 3), with "goodbye" heard early in one; a 911 still not taken back by the "no" after it in 3 (slt 1, rms 2).
The bench had stopped at the first conversation where a "goodbye" was heard early (listen now exits 2 for the
recordings after it): that is now a wrong conversation. By the first thing that went wrong, the 12 wrong on the
tuning voices before: the description misheard 5 (flite kal: "why hot and really bad doctor ..."; the scripted
caregiver then answers questions never asked), an answer misheard 7 (a "no" heard "yup"; not understood, so a yes
by rule 4; a sign in its misheard words or in the recogniser's other readings). In the conversation itself: a 911
on doubted words beside an unclear answer could not be taken back (every later turn said it again); an answer
not understood below 911 was counted and the interview went on, so the caregiver's next "no" answered the next
question and the yes stood; "No. She's alert, ..." ended at the pause after "no she's" and the rest answered the
next question. All three are fixed, but where they happened recognition had gone wrong first, so the count does
not move. Left: recognition (see above), and that scripted caregivers answer in a fixed order: once a turn goes
wrong (a 911, a question asked again) every later answer is one question off.
Run: .venv/bin/python benchmarks/bench_conversations.py [--corpus-caregivers N] [--voices piper-joe flite-slt]
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from tests import replay  # noqa: E402
from voicecare.intents import load  # noqa: E402

CORPORA = (ROOT / "tests" / "data" / "answers.tsv", ROOT / "tests" / "data" / "fresh" / "answers_aq.tsv")
"""Answers corpora the corpus caregivers say their "no"s from: the shared one and the newest tuning one."""


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus-caregivers", type=int, default=4, help="caregivers answering in each corpus's words")
    parser.add_argument("--voices", nargs="*", help="voice names (default: every one installed)")
    options = parser.parse_args()
    intents = load()
    voices = replay.voices()
    names = options.voices or sorted(voices)
    caregivers = [*replay.SUITE.values(), *(c for path in CORPORA
                                            for c in replay.corpus_caregivers(path, options.corpus_caregivers))]
    totals: dict[str, list[int]] = {}
    longest = 0.0
    began = time.perf_counter()
    with tempfile.TemporaryDirectory() as folder:
        for name in names:
            for caregiver in caregivers:
                run = replay.replay(caregiver, name, voices[name], Path(folder) / name / caregiver.id)
                wrong = replay.problems(run, intents)
                longest = max([longest, *run.seconds.values()])
                totals.setdefault(name, []).append(not wrong)
                heard = " | ".join(t["heard"] for t in run.turns if t["turn"] > 0)
                print(f"{name:13} {caregiver.id:12} {'ok' if not wrong else '; '.join(wrong)}  [{heard}]")
    print()
    for name, results in totals.items():
        print(f"{name:13} {sum(results)}/{len(results)} conversations right")
    every = [r for results in totals.values() for r in results]
    print(f"all voices    {sum(every)}/{len(every)} right; longest spoken turn {longest:.1f} s; "
          f"{time.perf_counter() - began:.0f} s")


if __name__ == "__main__":
    main()
