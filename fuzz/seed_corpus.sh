#!/usr/bin/env bash
# Seeds the fuzz corpora (build/fuzz/corpus/<target>/) from the golden cases and the rules data.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
out="$root/build/fuzz/corpus"
mkdir -p "$out/fuzz_rules_loader" "$out/fuzz_profile" "$out/fuzz_evaluate" "$out/fuzz_json_scanner" "$out/fuzz_snapshot"
# Rules: each service document (run inside the default bundle by the target).
cp "$root"/data/services/*.json "$out/fuzz_rules_loader/"
# Profiles: every golden case's profile, as the CLI would read it (the three forms a case may
# give it in, as tests/wasm/support.mjs reads them: bytes in base64, text, or JSON).
i=0
for f in $(find "$root/tests/cases" -name '*.json' -not -path '*/rules/*' | sort); do
  if jq -e 'has("profile_base64")' "$f" >/dev/null 2>&1; then
    jq -rj .profile_base64 "$f" | base64 -d > "$out/fuzz_profile/case-$i" 2>/dev/null || true
  else
    jq -cj 'if has("profile_text") then .profile_text else .profile end' "$f" > "$out/fuzz_profile/case-$i" 2>/dev/null || true
  fi
  i=$((i + 1))
done
# The scanner's differential target starts from the same profiles.
cp "$out"/fuzz_profile/case-* "$out/fuzz_json_scanner/" 2>/dev/null || true
# Structured evaluation starts from a few random byte strings.
for n in 1 2 3 4 5 6 7 8; do head -c 96 /dev/urandom > "$out/fuzz_evaluate/seed-$n"; done
# Compiled packs (from the native build, `make native`): each one's payload after its 29-byte
# header, behind the byte that tells the target which kind it is (0: the index, 1: a service).
packs="$root/build/native/rules/packs"
if [ -d "$packs" ]; then
  { printf '\x00'; tail -c +30 "$packs/index.bin"; } > "$out/fuzz_snapshot/index"
  for f in "$packs"/*.en.bin; do
    { printf '\x01'; tail -c +30 "$f"; } > "$out/fuzz_snapshot/$(basename "$f" .bin)"
  done
fi
echo "seeded: $(ls "$out/fuzz_rules_loader" | wc -l) rules, $(ls "$out/fuzz_profile" | wc -l) profiles"
