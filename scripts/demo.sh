#!/usr/bin/env bash
# Set up voicecare and run the main job on the recorded examples that ship with the repo:
# recognise each caregiver recording, triage it, and speak the reply into out/reply.wav.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh speech
mkdir -p out
.venv/bin/voicecare triage --audio examples/audio/*.wav --say-to out/reply.wav
echo "The spoken replies are in out/reply.wav (play it with: aplay out/reply.wav)"
