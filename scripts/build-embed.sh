#!/usr/bin/env bash
# Builds the embeddable ES module into dist/embed/ (annotator.js, article_annotator.js, the
# wasm, annotator.css) and copies the examples to dist/examples/. Run after `trunk build`
# (Trunk empties dist/).
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/env.sh
cargo build --lib --profile wasm-release --target wasm32-unknown-unknown -p article-annotator
out=dist/embed
mkdir -p "$out" dist/examples
wasm-bindgen --target web --no-typescript --out-dir "$out" target/wasm32-unknown-unknown/wasm-release/article_annotator.wasm
wasm-opt -Oz "$out/article_annotator_bg.wasm" -o "$out/article_annotator_bg.wasm"
cp embed/annotator.js "$out/annotator.js"
cp web/annotate-worker.js "$out/annotate-worker.js"
python3 scripts/min_css.py style/main.css "$out/annotator.css"
cp examples/*.html examples/*.css dist/examples/
echo "embed module in $out, examples in dist/examples"
