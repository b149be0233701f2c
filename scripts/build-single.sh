#!/usr/bin/env bash
# Builds the single self-contained HTML file dist-single/article-annotator.html: the wasm
# (base64), its JS glue and the stylesheet inlined, so it opens from file:// with no server
# and no network. Its CSP (in a meta tag) needs 'unsafe-inline' for the inlined script and
# styles and 'wasm-unsafe-eval' for the wasm: see README.
set -euo pipefail
cd "$(dirname "$0")/.."
[ -f dist/embed/article_annotator_bg.wasm ] || bash scripts/build-embed.sh
mkdir -p dist-single
python3 - <<'PY'
import base64, pathlib
glue = pathlib.Path("dist/embed/article_annotator.js").read_text(encoding="utf-8")
wasm = base64.b64encode(pathlib.Path("dist/embed/article_annotator_bg.wasm").read_bytes()).decode()
import sys
sys.path.insert(0, "scripts")
from min_css import minify
css = minify(pathlib.Path("style/main.css").read_text(encoding="utf-8"))
# The glue is an ES module; inlined in a module script its exports are just unused names.
glue = glue.replace("</script", "<\\/script")
html = f"""<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; script-src 'unsafe-inline' 'wasm-unsafe-eval'; style-src 'unsafe-inline'; img-src data:">
<title>Article Annotator (offline)</title>
<style>{css}</style>
</head>
<body>
<div id="app"><p style="padding:2em">Loading the annotator…</p></div>
<script type="module">
{glue}
const bytes = Uint8Array.from(atob("{wasm}"), (c) => c.charCodeAt(0));
initSync({{ module: bytes }});
// Kept referenced: a collected handle would unmount the annotator.
window.articleAnnotator = mount(document.getElementById("app"), {{ text: seedArticle(), name: "seed-article.txt", shadow: false }});
</script>
</body>
</html>
"""
out = pathlib.Path("dist-single/article-annotator.html")
out.write_text(html, encoding="utf-8")
print(f"{out}: {out.stat().st_size / 1024:.0f} KiB")
PY
