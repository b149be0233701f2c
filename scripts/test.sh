#!/usr/bin/env bash
# One command: install what is missing, then run every test:
#   1. native unit, property, CLI and dev-set tests (cargo test --workspace), and the README's
#      command-line examples run as printed, the Python package's tests (its wheel built
#      and installed into a virtual environment) and the Spark job's (PySpark, local[2])
#   2. the English tagger's model is what its training command makes from ../shared (if there)
#      and wasm tests in headless Chromium (wasm-bindgen-test)
#   3. the release page (Trunk), the embed module and the single file, then end-to-end tests
#      in Playwright + Chromium
#   4. the browser benchmark as a smoke test (small text, one run: it works, not how fast)
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
source scripts/env.sh

step() { printf '\n\033[1m== %s\033[0m\n' "$*"; }

step "native tests"
cargo test --workspace --release

step "the README's command-line examples, exactly as printed"
bash scripts/readme-cli.sh

step "the build scripts' own tests"
python3 -m unittest discover -s scripts -p 'test_*.py'

step "the Python package: wheel built offline, installed in a virtual environment, pytest"
bash scripts/test-python.sh

step "the Spark job: PySpark in local[2] mode, the same results as the command line"
bash scripts/test-spark.sh

step "the shipped English tagger is what its training command makes"
# The trigger lexicon and gazetteers are features of the tagger: a change to them without a
# retraining would leave the model seeing what it was not trained on.
corpus=../shared/corpora/conll2003
if [ -f "$corpus/train.jsonl" ]; then
  model=$(mktemp); log=$(mktemp)
  trap 'rm -f "$model" "$log"' EXIT
  if ! cargo run --release -q -p annotator-core --example train_tagger -- "$corpus/train.jsonl" "$corpus/dev.jsonl" "$model" 2>"$log"; then
    cat "$log"; echo "the tagger's training command failed"; exit 1
  fi
  if ! cmp -s "$model" crates/annotator-core/data/model/en_tagger.bin; then
    echo "crates/annotator-core/data/model/en_tagger.bin differs from what the training command makes now: retrain it (see its model card)"
    exit 1
  fi
  echo "same bytes"
else
  echo "SKIPPED: $corpus not found beside the repo"
fi

step "wasm tests in headless Chromium"
cargo test --target wasm32-unknown-unknown -p article-annotator --test web

step "build the page, the embeddable module and the single-file build"
bash scripts/build-page.sh
bash scripts/build-embed.sh
bash scripts/build-single.sh

step "end-to-end tests"
node --test --test-concurrency=1 e2e/

step "benchmark smoke run"
AA_SKIP_BUILD=1 bash scripts/bench.sh --smoke
