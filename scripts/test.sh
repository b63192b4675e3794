#!/usr/bin/env bash
# Set up everything the tests need, then run the linters, the type checker and the tests.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh "speech,dev"
.venv/bin/ruff check src tests benchmarks scripts
.venv/bin/mypy
.venv/bin/python -m pytest "$@"
