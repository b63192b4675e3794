"""voicecare: an offline voice triage assistant for caregivers."""

__version__ = "0.1.0"
