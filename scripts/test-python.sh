#!/usr/bin/env bash
# Builds the wheel, installs it into a fresh virtual environment (target/py-test) with pytest,
# and runs the Python package's tests. Usage: bash scripts/test-python.sh
set -euo pipefail
cd "$(dirname "$0")/.."
wheel=$(bash scripts/build-wheel.sh | tail -1)
venv=target/py-test
[ -x "$venv/bin/pytest" ] || { python3 -m venv "$venv"; "$venv/bin/pip" install -q pytest; }
"$venv/bin/pip" install -q --force-reinstall --no-deps "$wheel"
"$venv/bin/pytest" -q crates/annotator-py/tests
