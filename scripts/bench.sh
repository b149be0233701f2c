#!/usr/bin/env bash
# The benchmarks of issue #8 in one command: builds the page, the embed module and the
# single-file build, bundles the peers (compromise + compromise-dates, wink-nlp + its lite web
# model, from npm) into dist/bench/, and runs bench/run.mjs in headless Chromium. The report
# is printed and written to target/bench/browser.md.
#
#   bash scripts/bench.sh            full run (a few minutes)
#   bash scripts/bench.sh --smoke    small text, one run each (what CI runs)
#   bash scripts/bench.sh --native   also the criterion benches of the engine (slow)
#
# Assumes scripts/setup.sh has run (the tools and node_modules).
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/env.sh
if [ "${AA_SKIP_BUILD:-}" != 1 ]; then
  bash scripts/build-page.sh
  bash scripts/build-embed.sh
  bash scripts/build-single.sh
fi
mkdir -p dist/bench
cp bench/index.html bench/bench.js dist/bench/
npx esbuild bench/peers.js --bundle --minify --format=iife --log-level=warning --outfile=dist/bench/peers.js
args=()
for a in "$@"; do [ "$a" = --smoke ] && args+=(--smoke); done
node bench/run.mjs "${args[@]}"
for a in "$@"; do
  [ "$a" = --native ] && cargo bench -p annotator-core --bench engine
done
true
