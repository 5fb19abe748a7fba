#!/usr/bin/env bash
# data/countries.json must be exactly what tools/gen_countries.py generates
# from the installed iso-codes, and must satisfy docs/rules-format.md §2.
set -euo pipefail

# Optional argument: another file to test (used to show the test can fail).
file=$(realpath "${1:-$(dirname "$0")/../../data/countries.json}")
cd "$(dirname "$0")/../.."
iso_json=/usr/share/iso-codes/json/iso_3166-1.json

fail() { echo "FAIL: $*" >&2; exit 1; }

# Generated, not hand-edited (byte-for-byte). The generator's per-language
# "untranslated" report on stderr is informational, so show stderr only on failure.
if ! log=$(python3 tools/gen_countries.py --check "$file" 2>&1); then
  echo "$log" >&2
  fail "$file is not the output of tools/gen_countries.py"
fi

expected=$(jq '."3166-1" | length' "$iso_json")
count=$(jq '.countries | length' "$file")
[[ $count -eq $expected ]] || fail "$count countries, iso-codes has $expected"

bad=$(jq -r '.countries[].code | select(test("^[A-Z]{2}$") | not)' "$file")
[[ -z $bad ]] || fail "codes not matching ^[A-Z]{2}\$: $bad"

jq -e '[.countries[].code] as $c | $c == ($c | unique)' "$file" >/dev/null ||
  fail "codes are not sorted and unique"

missing=$(jq -r '.countries[] | select([.name.en, .name.az, .name.ru]
                   | any(type != "string" or . == "")) | .code' "$file")
[[ -z $missing ]] || fail "empty or missing en/az/ru name: $missing"

eu=$(jq '[.countries[] | select(.eu == true)] | length' "$file")
[[ $eu -eq 27 ]] || fail "$eu countries have eu true, expected 27"
jq -e 'all(.countries[]; .eu | type == "boolean")' "$file" >/dev/null ||
  fail "some eu value is not a boolean"

echo "ok: $file — $count countries, $eu in the EU, generated from iso-codes"
