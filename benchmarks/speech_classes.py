"""Why each false 911 and each missed emergency happened, by class, from ``speech_readings.py``'s JSON lines.

A false 911 (a line that is no emergency answered "call 911") is put in the
first class that explains it:

- ``typed too``: the typed sentence is an emergency as well (understanding, not hearing);
- ``partial only``: only a partial result held the emergency, acted on early (``early``), the final readings not;
- ``n-best only``: only another reading of the recogniser held it (rule 4 makes it an unsure sign);
- ``unsure best``: the best reading held it with its words under ``confidence.SURE`` (moved to an alternative,
  still a 911 by rule 4);
- ``best: context lost``: the best reading held it, surely, in words the caregiver did say (a "would", a "not",
  an "if" or a "his sister" lost or changed around them);
- ``best: word confusion``: surely, where as many other words were said (one word or two heard as others);
- ``best: forced phrase``: surely, where a different number of words was said (the intents' model forcing
  ordinary talk into its phrases).

A caught emergency is counted apart when its 911 rests only on a sign the typed line does not have (another sign
invented in the noise, "had a fit" for a breathing line): caught by the same forcing that makes false 911s.

A missed emergency: ``typed too`` (the typed sentence is no emergency either), ``nothing heard`` (no words),
``partial acted, final lost it`` (911 said on a partial result, the turn's answer lower: the final reading denied
it), ``sign misheard`` (the sign's words became others), ``sign heard, not understood`` (its words are in a
reading but the matcher gave no emergency there).

Lines of held-out text files (``speech_readings.HELD_OUT_TEXT``) are counted, never shown; ``--show`` prints the
said and heard words of the others.

Run: .venv/bin/python benchmarks/speech_classes.py .bench/readings/FILE.jsonl [--voices A,B] [--show]
[--rescore [--hold N [--settled-waits]]] (--hold: the early-911 rule replayed from the stored partials, a partial's
emergency held for N blocks in a noisy room; measured in round speech13 and not taken)
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter
from difflib import SequenceMatcher
from pathlib import Path
from typing import Any

import room_audio as ra
from speech_readings import HELD_OUT_TEXT

from voicecare.domain import Basis, Finding, Level, Status
from voicecare.interfaces import Transcript
from voicecare.speech_in import findings, pipeline
from voicecare.speech_in.confidence import SURE
from voicecare.understanding.assistant import Assistant, most_serious


def _emergency_ids(assistant: Assistant, text: str) -> set[str]:
    return {f.symptom.id for f in assistant.understand(text, guess=False)
            if f.status is Status.PRESENT and f.symptom.level is Level.EMERGENCY}


def false_class(assistant: Assistant, record: dict[str, Any], said: str) -> tuple[str, str]:
    """(class, sign) of a false 911."""
    if record["typed"] == "emergency":
        return "typed too", ""
    signs = [f[0] for f in record["findings"] if f[1] == "emergency"]
    sign = signs[0] if signs else "?"
    tokens = assistant.intents.language.tokens
    for turn in record["turns"]:
        raw = " ".join(w for w, _, _ in turn["words"])
        if sign in _emergency_ids(assistant, raw):
            match = next((m for m in assistant.matcher.match(raw) if m.symptom == sign), None)
            if match is None:
                return "best: forced phrase", sign
            posts = turn["posteriors"][match.start:match.end] if len(turn["posteriors"]) == len(turn["words"]) else []
            if posts and max(posts) < SURE:
                return "unsure best", sign
            return _aligned_class(list(tokens(said)), list(tokens(raw)), match.start, match.end), sign
    if any(sign in _emergency_ids(assistant, alt) for t in record["turns"] for alt in t["alternatives"]):
        return "n-best only", sign
    if any(sign in t["early"] for t in record["turns"]):
        return "partial only", sign
    return "other", sign


def _aligned_class(said: list[str], heard: list[str], start: int, end: int) -> str:
    """How the heard sign's words ``start:end`` line up with what was said."""
    span = heard[start:end]
    if all(w in said for w in span):
        return "best: context lost"
    for op, s1, s2, h1, h2 in SequenceMatcher(None, said, heard, autojunk=False).get_opcodes():
        if op != "equal" and h1 < end and start < h2:
            return "best: word confusion" if s2 - s1 == h2 - h1 else "best: forced phrase"
    return "best: forced phrase"


def miss_class(assistant: Assistant, record: dict[str, Any]) -> str:
    if record["typed"] != "emergency":
        return "typed too"
    texts = [t["text"] for t in record["turns"]] + [a for t in record["turns"] for a in t["alternatives"]]
    if not any(texts):
        return "nothing heard"
    typed = set(record["typed_findings"])
    if any(set(t["early"]) & typed for t in record["turns"]):
        return "partial acted, final lost it"
    if any(_emergency_ids(assistant, text) & typed for text in texts):
        return "sign heard, not understood"
    return "sign misheard"


def replayed_early(assistant: Assistant, partials: list[list[Any]], hold: int,
                   settled_waits: bool = False) -> tuple[list[str], float | None]:
    """(emergency ids acted on, seconds) when a partial's emergency must show in ``hold`` + 1 partials running (the
    live rule, ``pipeline.EarlyEmergency``, is ``hold`` 1; 0 acts on the first); a reading at a pause acts at once,
    or (``settled_waits``) counts as one more partial."""
    def said(text: str) -> dict[str, Finding]:
        return {k: f for k, f in findings.emergencies(assistant, text).items() if f.basis is not Basis.GUESSED}

    seen: list[dict[str, Finding]] = []
    last = ""
    for kind, seconds, text in partials:
        if not text:
            continue
        if kind == "partial" or settled_waits:
            now = seen[-1] if text == last and seen else said(text)
            last = text
            seen = [*seen, now][-(hold + 1):]
            found = [f for k, f in now.items() if len(seen) == hold + 1 and all(k in s for s in seen)]
        else:
            found = list(said(text).values())
        if findings.emergencies_in(found, assistant):
            return [f.symptom.id for f in found], float(seconds)
    return [], None


def live_early(assistant: Assistant, partials: list[list[Any]], spread: float | None) -> tuple[list[str], float | None]:
    """(emergency ids acted on, seconds) by today's live rule (``pipeline.EarlyEmergency``) fed the stored partials
    and readings at a pause, in a room of the turn's ``room_spread``: so a change to the rule is measured as it runs."""
    urgent = pipeline.EarlyEmergency(assistant, lambda _: None, None)
    for kind, seconds, text in partials:
        if kind == "partial":
            urgent.partial(Transcript(text, False, room_spread=spread), float(seconds))
        else:
            urgent.settled(text, float(seconds))
    return ([f.symptom.id for f in urgent.found], urgent.at) if urgent.at is not None else ([], None)


def rescored(assistant: Assistant, record: dict[str, Any], hold: int | None = None,
             settled_waits: bool = False, live: bool = False) -> dict[str, Any]:
    """The record answered again by today's code from its stored readings (no decoding): what ``findings`` and
    triage make of the same words, so a change there is measured on every reading already taken. ``hold``: the
    partials' emergencies replayed with that rule in a noisy room (see ``replayed_early``; records with partials)."""
    heard = []
    turns = []
    for t in record["turns"]:
        words = tuple((w, float(start), float(end)) for w, start, end in t["words"])
        transcript = Transcript(t["text"], True, tuple(t["alternatives"]), None, words, tuple(t["posteriors"]),
                                t["described"], t.get("room_spread"))
        ids = t["early"]
        if live and "partials" in t:
            ids, at = live_early(assistant, t["partials"], t.get("room_spread"))
            t = {**t, "early": ids, "emergency_at": at}
        elif hold is not None and "partials" in t:
            noisy = record["room"] != "clean"
            ids, at = replayed_early(assistant, t["partials"], hold if noisy else 1, settled_waits and noisy)
            t = {**t, "early": ids, "emergency_at": at}
        turns.append(t)
        early = [Finding(assistant.intents.symptom(sid), Status.PRESENT, 100.0, "") for sid in ids]
        heard.append(findings.heard_findings(assistant, transcript, early))
    result = assistant.triage(most_serious(heard))
    return {**record, "turns": turns, "got": result.disposition.name.lower(),
            "findings": [[f.symptom.id, f.symptom.level.name.lower(), f.uncertain, f.heard]
                         for f in result.findings if f.status is Status.PRESENT]}


def caught_on_said(record: dict[str, Any]) -> bool:
    """True when a caught emergency's 911 rests on an emergency sign the typed line has too (the sign was heard),
    False when only on another emergency sign (one the recogniser invented: caught by luck, as a false 911 is made)."""
    heard = {f[0] for f in record["findings"] if f[1] == "emergency"}
    return bool(heard & set(record["typed_findings"]))


def totals(records: list[dict[str, Any]]) -> None:
    """Per voice and room: exact, emergencies heard (and of those, on the sign said), false 911 (counts)."""
    cells: dict[tuple[str, str], list[dict[str, Any]]] = {}
    for r in records:
        cells.setdefault((r["voice"], r["room"]), []).append(r)
    print("| voice | room | exact | em. recall | of which on the sign said | false 911 |\n|---|---|---|---|---|---|")
    for (voice, room), rs in sorted(cells.items()):
        em = [r for r in rs if r["expected"] == "emergency"]
        other = [r for r in rs if r["expected"] != "emergency"]
        caught = [r for r in em if r["got"] == "emergency"]
        print(f"| {voice} | {room} | {sum(r['got'] == r['expected'] for r in rs)}/{len(rs)} "
              f"| {len(caught)}/{len(em)} | {sum(caught_on_said(r) for r in caught)}/{len(caught)} "
              f"| {sum(r['got'] == 'emergency' for r in other)}/{len(other)} |")


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("paths", nargs="+")
    parser.add_argument("--voices", default="")
    parser.add_argument("--show", action="store_true", help="said and heard words (lines of tuning files only)")
    parser.add_argument("--rescore", action="store_true", help="answer the stored readings again with today's code")
    parser.add_argument("--hold", type=int, help="with --rescore: partials an emergency must hold for in noise (live: 1)")
    parser.add_argument("--settled-waits", action="store_true",
                        help="with --hold: in noise a reading at a pause counts as one more partial, not at once")
    parser.add_argument("--live", action="store_true",
                        help="with --rescore: the partials replayed through today's live early-911 rule")
    args = parser.parse_args()
    assistant = Assistant.load()
    said = {line.ident: line.text for line in ra.sample(10_000)}
    falses: Counter[tuple[str, str, str]] = Counter()
    misses: Counter[tuple[str, str]] = Counter()
    records: list[dict[str, Any]] = []
    for path in args.paths:
        for raw in Path(path).read_text(encoding="utf-8").splitlines():
            r = json.loads(raw)
            if args.rescore:
                r = rescored(assistant, r, args.hold, args.settled_waits, args.live)
            if args.voices and r["voice"] not in args.voices.split(","):
                continue
            records.append(r)
            hidden = r["ident"].split(":")[0] in HELD_OUT_TEXT
            if r["got"] == "emergency" and r["expected"] != "emergency":
                kind, sign = false_class(assistant, r, said[r["ident"]])
                falses[(r["voice"], kind, sign)] += 1
                what = f"FALSE {kind} [{sign}]"
            elif r["expected"] == "emergency" and r["got"] != "emergency":
                kind = miss_class(assistant, r)
                misses[(r["voice"], kind)] += 1
                what = f"MISS {kind} got={r['got']}"
            else:
                continue
            if args.show and not hidden:
                print(f"{r['voice']} {r['ident']} {what}\n  said:  {said[r['ident']]}")
                for t in r["turns"]:
                    print(f"  heard: {t['text']}  alts={t['alternatives']} early={t['early']}")
    totals(records)
    print("\n| voice | false 911 class | sign | count |\n|---|---|---|---|")
    for (voice, kind, sign), n in sorted(falses.items()):
        print(f"| {voice} | {kind} | {sign} | {n} |")
    print("\n| false 911 class | count |\n|---|---|")
    for kind, n in Counter(k for (_, k, _) in falses.elements()).most_common():
        print(f"| {kind} | {n} |")
    print("\n| missed emergency class | count |\n|---|---|")
    for kind, n in Counter(k for (_, k) in misses.elements()).most_common():
        print(f"| {kind} | {n} |")
    print("\n| voice | missed class | count |\n|---|---|---|")
    for (voice, kind), n in sorted(misses.items()):
        print(f"| {voice} | {kind} | {n} |")


if __name__ == "__main__":
    sys.path.insert(0, str(Path(__file__).parent))
    main()
