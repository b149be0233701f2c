#!/usr/bin/env bash
# Fuzzes the engine with cargo-fuzz (libFuzzer): the `annotate` target on arbitrary bytes and
# the `html` target on arbitrary HTML, each for FUZZ_SECONDS (default 600). Not part of CI.
# Slow inputs are findings too: an input that takes over FUZZ_TIMEOUT seconds (default 2; the
# engine does 64 KB in a few milliseconds natively, the instrumented build in well under a
# second) or over 1 GB of memory is saved like a crash (timeout-*, oom-* artifacts).
# Installs a nightly toolchain (rustup) and cargo-fuzz (crates.io) when missing. A crash is
# saved under fuzz/artifacts/<target>/: turn it into a regression test in
# crates/annotator-core/tests/robustness.rs, then fix it.
set -euo pipefail
cd "$(dirname "$0")/.."
SECONDS_EACH=${FUZZ_SECONDS:-600}
rustup toolchain list | grep -q '^nightly' || rustup toolchain install nightly --profile minimal
command -v cargo-fuzz >/dev/null || cargo install cargo-fuzz --locked
mkdir -p fuzz/corpus/annotate fuzz/corpus/html
cp seeds/*.txt fuzz/corpus/annotate/ 2>/dev/null || true
for target in annotate html; do
  echo "== fuzzing $target for ${SECONDS_EACH}s"
  cargo +nightly fuzz run "$target" "fuzz/corpus/$target" -- -max_total_time="$SECONDS_EACH" -max_len=65536 -timeout="${FUZZ_TIMEOUT:-2}" -rss_limit_mb=1024 2>&1 | tail -n 25
done
