#!/usr/bin/env bash
# Installs everything the project needs, from the registries this machine reaches, skipping
# whatever is already present. Used by the README's two commands and by CI.
#   - the wasm32 target (rustup)
#   - Trunk 0.21.14 and wasm-bindgen-cli (same version as the wasm-bindgen crate in Cargo.lock)
#   - Debian's chromium and chromium-driver (browser tests)
#   - npm packages from package-lock.json: binaryen (wasm-opt 132), playwright-core, axe-core,
#     and for the benchmark esbuild, compromise(+dates), wink-nlp(+its lite web model)
set -euo pipefail
cd "$(dirname "$0")/.."

say() { printf '\033[1m[setup]\033[0m %s\n' "$*"; }
export PATH="$HOME/.cargo/bin:$PATH"

if ! rustup target list --installed 2>/dev/null | grep -qx wasm32-unknown-unknown; then
  say "adding the wasm32-unknown-unknown target"
  rustup target add wasm32-unknown-unknown
fi

TRUNK_VERSION=0.21.14
if ! trunk --version 2>/dev/null | grep -q "$TRUNK_VERSION"; then
  say "installing trunk $TRUNK_VERSION (a few minutes, once)"
  cargo install trunk --version "$TRUNK_VERSION" --locked
fi

# wasm-bindgen-cli must equal the wasm-bindgen crate the app links (pinned with = in Cargo.toml).
WB_VERSION=$(sed -n 's/^wasm-bindgen = "=\([0-9.]*\)".*/\1/p' Cargo.toml)
if ! wasm-bindgen --version 2>/dev/null | grep -q "$WB_VERSION" || ! command -v wasm-bindgen-test-runner >/dev/null; then
  say "installing wasm-bindgen-cli $WB_VERSION (a few minutes, once)"
  cargo install wasm-bindgen-cli --version "$WB_VERSION"
fi

if [ ! -x /usr/bin/chromium ] || [ ! -x /usr/bin/chromedriver ]; then
  say "installing Debian's chromium and chromium-driver"
  SUDO=""; [ "$(id -u)" -ne 0 ] && SUDO="sudo"
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq chromium chromium-driver >/dev/null
fi

# The Python package's build and tests run in virtual environments (Debian's python3 needs
# python3-venv for that; other Pythons ship it).
if ! python3 -c "import ensurepip, venv" >/dev/null 2>&1; then
  say "installing Debian's python3-venv"
  SUDO=""; [ "$(id -u)" -ne 0 ] && SUDO="sudo"
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq python3-venv >/dev/null
fi

# The Spark job's tests run PySpark, which needs a Java runtime (17, from Debian).
if ! command -v java >/dev/null || ! java -version 2>&1 | grep -q 'version "\(17\|21\)'; then
  say "installing Debian's openjdk-17-jre-headless (for PySpark)"
  SUDO=""; [ "$(id -u)" -ne 0 ] && SUDO="sudo"
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq openjdk-17-jre-headless >/dev/null
fi

if [ ! -x node_modules/.bin/wasm-opt ] || [ ! -d node_modules/playwright-core ] \
   || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  say "installing npm packages (binaryen, playwright-core, benchmark peers)"
  npm ci --no-audit --no-fund --loglevel=error
fi
# Trunk runs cargo with --offline (Trunk.toml), so every crate must be in the local registry.
cargo fetch --locked 2>/dev/null || cargo fetch
say "ready"
