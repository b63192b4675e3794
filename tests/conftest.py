"""Shared fixtures: the shipped intents, loaded once per test session."""

from __future__ import annotations

import pytest

from voicecare.assistant import Assistant
from voicecare.domain import IntentSet
from voicecare.intents import load


@pytest.fixture(scope="session")
def intents() -> IntentSet:
    return load()


@pytest.fixture()
def assistant(intents: IntentSet) -> Assistant:
    from voicecare.matching import Matcher

    return Assistant(intents, Matcher(intents))
