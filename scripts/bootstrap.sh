#!/usr/bin/env bash
# Installs what the build and the tests need on a fresh Debian bookworm machine, and nothing when
# everything is already there (a dpkg query per package: well under a second).
#
#   scripts/bootstrap.sh native   compilers, CMake, nlohmann/json, doctest, iso-codes, jq
#   scripts/bootstrap.sh wasm     … plus Emscripten and Node.js
#   scripts/bootstrap.sh web      … plus Chromium for the browser tests
set -euo pipefail

level="${1:-native}"
packages=(cmake ninja-build g++ clang nlohmann-json3-dev doctest-dev iso-codes jq python3 python3-jsonschema gzip)
case "$level" in
  native) ;;
  wasm) packages+=(emscripten nodejs) ;;
  web) packages+=(emscripten nodejs chromium) ;;
  *) echo "bootstrap: unknown level '$level' (native, wasm or web)" >&2; exit 1 ;;
esac

missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
[ ${#missing[@]} -eq 0 ] && exit 0

echo "bootstrap: installing ${missing[*]}" >&2
run() { if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi; }
export DEBIAN_FRONTEND=noninteractive
run apt-get update -qq
run apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
