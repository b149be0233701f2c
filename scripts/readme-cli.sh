#!/usr/bin/env bash
# Runs every line of the README's "Command line" code block exactly as printed, from the
# repository root, and checks that each exits 0 and prints annotations (one JSON document, or
# one JSON object per line for --jsonl, each with "entities" or, for a bad record, "error").
# The block is the documentation users copy: this keeps it runnable.
set -euo pipefail
cd "$(dirname "$0")/.."
block=$(awk '/^## Command line$/ {s=1; next} s && /^```sh$/ {b=1; next} b && /^```$/ {exit} b' README.md)
[ -n "$block" ] || { echo "README.md has no sh block under '## Command line'"; exit 1; }
n=0
while IFS= read -r line; do
  [ -n "$line" ] || continue
  n=$((n + 1))
  echo "\$ $line"
  out=$(mktemp)
  if ! bash -c "$line" > "$out"; then echo "FAILED (exit status): $line"; exit 1; fi
  python3 - "$out" "$line" <<'PY'
import json, sys
raw = open(sys.argv[1], encoding="utf-8").read()
line = sys.argv[2]
try:
    docs = [json.loads(raw)]
except json.JSONDecodeError:
    docs = [json.loads(l) for l in raw.splitlines() if l.strip()]
if not docs:
    sys.exit(f"FAILED (no output): {line}")
for d in docs:
    if not isinstance(d, dict) or not ("entities" in d or "error" in d):
        sys.exit(f"FAILED (not an annotation): {line}: {str(d)[:200]}")
found = sum(len(d.get("entities", [])) for d in docs)
if found == 0:
    sys.exit(f"FAILED (no entity found in any output): {line}")
print(f"  ok: {len(docs)} annotation(s), {found} entities")
PY
  rm -f "$out"
done <<< "$block"
echo "README command-line examples: $n lines ran as printed"
