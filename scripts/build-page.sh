#!/usr/bin/env bash
# Builds the page into dist/ with Trunk (release), then moves Trunk's inline start-up module
# into its own file, so the page runs under a strict Content-Security-Policy
# (script-src 'self' 'wasm-unsafe-eval'; style-src 'self'): nothing inline is shipped.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/env.sh
trunk build --release
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
print("dist/index.html: start-up script moved to dist/start.js")
PY
