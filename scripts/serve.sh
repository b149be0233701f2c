#!/usr/bin/env bash
# One command: install what is missing, build the app and serve it on http://127.0.0.1:8080
# with the seed article shown annotated.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
source scripts/env.sh
exec trunk serve --release "$@"
