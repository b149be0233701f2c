#!/usr/bin/env bash
# Builds the Python wheel of the engine (crates/annotator-py, PyO3 + maturin, abi3: one wheel
# for CPython 3.8 and later) into target/wheels/. maturin comes from PyPI into a virtual
# environment of its own (target/py-build); the Rust crates from crates.io. Nothing else is
# downloaded at build time. Usage: bash scripts/build-wheel.sh
set -euo pipefail
cd "$(dirname "$0")/.."
venv=target/py-build
if [ ! -x "$venv/bin/maturin" ]; then
  python3 -m venv "$venv"
  "$venv/bin/pip" install -q "maturin>=1.5,<2"
fi
"$venv/bin/maturin" build --release --quiet -m crates/annotator-py/Cargo.toml --out target/wheels --target-dir target/py-target
ls -1 target/wheels/article_annotator-*.whl | tail -1
