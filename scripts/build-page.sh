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
# The style sheet ships without its comments (scripts/min_css.py); its integrity hash follows.
import base64, hashlib, sys
sys.path.insert(0, "scripts")
from min_css import minify
css = pathlib.Path("dist/main.css")
small = minify(css.read_text(encoding="utf-8")).encode("utf-8")
css.write_bytes(small)
digest = "sha384-" + base64.b64encode(hashlib.sha384(small).digest()).decode()
html, n = re.subn(r'(<link rel="stylesheet" href="/main\.css" integrity=")[^"]*"', lambda m: m.group(1) + digest + '"', html)
assert n == 1, "dist/index.html: no integrity on main.css to update"
index.write_text(html, encoding="utf-8")
print("dist/index.html: start-up script moved to dist/start.js; main.css without comments")
PY
