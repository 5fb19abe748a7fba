#!/usr/bin/env bash
# Installs what the build and the tests need on a fresh Debian bookworm machine, and nothing when
# everything is already there (a dpkg query per package: well under a second).
#
#   scripts/bootstrap.sh native   compilers, CMake, nlohmann/json, doctest, iso-codes, jq
#   scripts/bootstrap.sh wasm     … plus Emscripten and Node.js
#   scripts/bootstrap.sh web      … plus the node modules that build the widget and test and
#                                 benchmark it (npm ci, when node_modules is missing or older than
#                                 package-lock.json)
#   scripts/bootstrap.sh browser  … plus Chromium and fonts for the browser tests
set -euo pipefail

level="${1:-native}"
packages=(cmake ninja-build g++ clang libclang-rt-14-dev nlohmann-json3-dev doctest-dev iso-codes jq python3 python3-jsonschema gzip)
case "$level" in
  native) ;;
  wasm) packages+=(emscripten binaryen nodejs) ;;  # binaryen: wasm-opt, run after the link (wasm/CMakeLists.txt)
  web|browser)
    packages+=(emscripten binaryen nodejs)
    [ "$level" = browser ] && packages+=(chromium fonts-dejavu-core)
    # Debian's nodejs comes without npm; NodeSource's includes it.
    command -v npm >/dev/null 2>&1 || packages+=(npm)
    ;;
  *) echo "bootstrap: unknown level '$level' (native, wasm, web or browser)" >&2; exit 1 ;;
esac

missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if [ ${#missing[@]} -gt 0 ]; then
  echo "bootstrap: installing ${missing[*]}" >&2
  run() { if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi; }
  export DEBIAN_FRONTEND=noninteractive
  run apt-get update -qq
  run apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi

# The node modules (esbuild; playwright-core, axe-core; the benchmarks' peers), exactly as
# package-lock.json pins them.
if [ "$level" = web ] || [ "$level" = browser ]; then
  cd "$(dirname "$0")/.."
  if [ ! -f node_modules/.package-lock.json ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
    echo "bootstrap: npm ci" >&2
    npm ci --no-audit --no-fund --loglevel=error
  fi
fi
