"""Turning triage results into the JSON contract and into text a person reads."""

from __future__ import annotations

import json
from collections.abc import Mapping
from typing import Any

from voicecare.domain import Finding, Message, Status, TriageResult
from voicecare.understanding.language import Language


def as_dict(result: TriageResult, utterance: str, transcript: str, extra: Mapping[str, Any] | None = None) -> dict[str, Any]:
    """The JSON object of the command-line contract for one result."""
    out: dict[str, Any] = {
        "input": utterance,
        "transcript": transcript,
        "disposition": result.disposition.id,
        "symptoms": [finding_dict(f) for f in result.findings],
        "messages": [_message(m) for m in result.messages],
        "care_questions": [{"id": q.id, "heard": q.heard} for q in result.care],
    }
    out.update(extra or {})
    return out


def finding_dict(finding: Finding) -> dict[str, Any]:
    """One symptom with its status (present, absent, ...) and basis (said, or assumed when unsure or unheard)."""
    out: dict[str, Any] = {
        "id": finding.symptom.id,
        "level": finding.symptom.level.id,
        "status": finding.status.value,
        "score": finding.score,
        "heard": finding.heard,
        "uncertain": finding.uncertain,
        "basis": finding.basis.value,
    }
    if finding.another_child:  # another child's sign that made the reply "Call 911 now" for them ("Max")
        out["another_child"] = finding.another_child
    return out


def _message(message: Message) -> dict[str, str]:
    return {"level": message.level.id, "kind": message.kind, "text": message.text}


def as_json_line(result: TriageResult, utterance: str, transcript: str, extra: Mapping[str, Any] | None = None) -> str:
    """One line holding one JSON object."""
    return json.dumps(as_dict(result, utterance, transcript, extra), ensure_ascii=False)


def error_json_line(given: str, error: str) -> str:
    """The JSON line of an input a batch could not use (a line too long, a file that is no WAV): ``input`` and
    ``error`` only, so a script reading one line per input stays aligned (outside review F16)."""
    return json.dumps({"input": given, "error": error}, ensure_ascii=False)


def no_turn_json_line(given: str, state: str) -> str:
    """The JSON line of a recording that gave no turn (noise alone, nothing new said): nothing heard, nothing said,
    the conversation's ``state`` unchanged, and ``no_turn`` saying why there is no reply."""
    return json.dumps({"input": given, "turn": None, "heard": "", "said": [], "spoken": [], "state": state,
                       "disposition": None, "no_turn": "no words heard that make a turn (noise, or nothing new)"},
                      ensure_ascii=False)


def as_text(result: TriageResult, utterance: str, language: Language) -> str:
    """What a person wants to read: the verdict, what was understood, what to do (words from ``language.toml``)."""
    lines = [f"> {utterance}", language.headings[result.disposition]]
    heard, unsure = language.printed.get("heard", ""), language.printed.get("unsure", "")
    said = f"{heard} " if heard else ""
    for finding in result.findings:
        mark = "+" if finding.status is Status.PRESENT else "-"
        hedge = f" ({unsure})" if finding.uncertain and unsure else ""
        lines.append(f"  {mark} {finding.symptom.name} [{finding.status.value}]{hedge}: {said}\"{finding.heard}\"")
    lines += [f"  {m.text}" for m in result.messages]
    return "\n".join(lines)
