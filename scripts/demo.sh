#!/usr/bin/env bash
# Set up voicecare and run the main job on the examples that ship with the repo.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh speech
exec .venv/bin/voicecare triage --text-file examples/utterances.txt
