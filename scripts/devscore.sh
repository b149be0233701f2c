#!/usr/bin/env bash
# Scores the release CLI on ../shared/eval-dev with its own score.py (each article run with
# its gold reference_date as --date). Usage: scripts/devscore.sh [vi|en]  (default: all)
set -euo pipefail
cd "$(dirname "$0")/.."
EVAL=../shared/eval-dev
[ -d "$EVAL" ] || { echo "no $EVAL beside the repo: nothing to score"; exit 0; }
cargo build --release -q -p annotator-cli
out=$(mktemp -d); set_dir=$(mktemp -d); mkdir -p "$set_dir/gold" "$set_dir/articles"
for g in "$EVAL"/gold/*.json; do
  name=$(basename "$g" .json)
  # The language between dashes: an English slug may hold "-vi" ("…-en-…-vietnam-…").
  [ -z "${1:-}" ] || [[ "$name" == *-"$1"-* ]] || continue
  cp "$g" "$set_dir/gold/"; cp "$EVAL/articles/$name.txt" "$set_dir/articles/"
  date=$(python3 -c "import json,sys;print(json.load(open(sys.argv[1])).get('reference_date') or '')" "$g")
  target/release/annotate ${date:+--date "$date"} "$EVAL/articles/$name.txt" > "$out/$name.json"
done
python3 "$EVAL/score.py" "$out" "$set_dir/gold"
echo "predictions in $out"
