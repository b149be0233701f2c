#!/usr/bin/env bash
# Builds the page into dist/ with Trunk (release), then moves Trunk's inline start-up module
# into its own file, so the page runs under a strict Content-Security-Policy
# (script-src 'self' 'wasm-unsafe-eval'; style-src 'self'): nothing inline is shipped.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/env.sh
trunk build --release
# What Trunk leaves is shipped smaller: the wasm-bindgen glue minified (esbuild) and the wasm
# optimised for size again until it stops shrinking (wasm-opt --converge: about 1.5 KB gzip).
# The integrity hashes in dist/index.html follow (below).
npx esbuild dist/article-annotator.js --minify --format=esm --log-level=warning --allow-overwrite --outfile=dist/article-annotator.js
wasm-opt -Oz --converge dist/article-annotator_bg.wasm -o dist/article-annotator_bg.wasm
python3 - <<'PY'
import pathlib, re
index = pathlib.Path("dist/index.html")
html = index.read_text(encoding="utf-8")
m = re.search(r'<script type="module">(.*?)</script>', html, re.S)
if m:
    pathlib.Path("dist/start.js").write_text(m.group(1).strip() + "\n", encoding="utf-8")
    html = html[:m.start()] + '<script type="module" src="/start.js"></script>' + html[m.end():]
    index.write_text(html, encoding="utf-8")
assert "<script type=\"module\">" not in html and "<style" not in html, "inline code left in dist/index.html"
# The style sheet ships without its comments (scripts/min_css.py).
import base64, hashlib, sys
sys.path.insert(0, "scripts")
from min_css import minify
css = pathlib.Path("dist/main.css")
css.write_bytes(minify(css.read_text(encoding="utf-8")).encode("utf-8"))
# Every integrity hash names the file as shipped (the glue, the wasm and the sheet changed).
def sri(m):
    data = pathlib.Path("dist", m.group(2)).read_bytes()
    return m.group(1) + "sha384-" + base64.b64encode(hashlib.sha384(data).digest()).decode() + '"'
html, n = re.subn(r'(href="/([^"]+)"[^>]*?integrity=")sha384-[^"]*"', sri, html)
assert n >= 3, f"dist/index.html: {n} integrity hashes found, expected the glue's, the wasm's and the sheet's"
index.write_text(html, encoding="utf-8")
print("dist/index.html: start-up script moved to dist/start.js; main.css without comments")
PY
