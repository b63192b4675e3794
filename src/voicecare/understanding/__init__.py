"""Understanding and triage: words to a decision.

Enters: one transcript (text), and the loaded language and topic data.
Leaves: a ``TriageResult`` (level, findings with their status, messages).

``text`` normalises words the same way for data and input, ``language`` and
``measure_files`` read a language's words and a topic's thresholds,
``matching`` and ``mentions`` find symptom mentions, ``quantities`` and
``measures`` read numbers, ``context`` decides whether a mention is a finding
for this child (negation, other people, what-ifs, the past), ``care`` spots
questions about care, and ``triage`` is the pure rule engine.
``assistant.Assistant`` is the one front door (a final transcript, or a
partial one). No English word and no symptom id lives in this code.
"""
