#!/usr/bin/env bash
# The CLI as CONTRACT.md section 5 and docs/contract.md section 4 describe it: outputs, exit codes,
# batch order, rules errors with paths. Usage: test_cli.sh BINARY SOURCE_DIR BUNDLE_JSON
set -uo pipefail
bin="$1"; src="$2"; bundle="$3"
tmp="$(mktemp -d)"; trap 'rm -rf "$tmp"' EXIT
failures=0
fail() { echo "FAIL: $*"; failures=$((failures + 1)); }
# run NAME EXPECTED_RC CMD... : runs CMD, keeps stdout in $out, checks the exit code.
run() {
  local name="$1" want="$2"; shift 2
  out="$("$@" 2>"$tmp/stderr")"; local rc=$?
  [ "$rc" -eq "$want" ] || fail "$name: exit $rc, expected $want; stdout: ${out:0:300}; stderr: $(head -c 300 "$tmp/stderr")"
}
jqt() { echo "$out" | jq -e "$1" >/dev/null || fail "$2: $1 does not hold for ${out:0:400}"; }

# A first question: nationality alone leaves questions to ask.
run "needs_input" 0 sh -c "echo '{\"service\":\"visa\",\"as_of\":\"2026-11-21\",\"facts\":{\"nationality\":\"US\"}}' | '$bin' evaluate"
jqt '.status == "needs_input" and (.missing | length) > 0 and .verdict == null' "needs_input"

# A complete profile is decided.
complete='{"service":"visa","as_of":"2026-11-21","facts":{"nationality":"US","passport_type":"ordinary","purpose":"tourism","entries":"single","entry_date":"2026-12-10","stay_days":10,"age":40,"passport_expiry":"2030-01-01","host_covers_medical":false,"inviter":"none","state_fee_exemption":"none","urgent":false}}'
run "decided" 0 sh -c "echo '$complete' | '$bin' evaluate"
jqt '.status == "decided" and .missing == [] and .verdict.code == "visa_required"' "decided"
decided="$out"

# Bad input: the error object on stdout, exit 2.
run "bad input" 2 sh -c "echo '{\"service\":\"visa\",\"facts\":{\"age\":200}}' | '$bin' evaluate"
jqt '.status == "error" and .errors[0].path == "/facts/age" and .errors[0].code == "out_of_range"' "bad input"
run "not json" 2 sh -c "printf '{nope' | '$bin' evaluate"
jqt '.errors[0].code == "invalid_json" and .errors[0].path == ""' "not json"
run "empty stdin" 2 sh -c "'$bin' evaluate < /dev/null"
jqt '.errors[0].code == "invalid_json"' "empty stdin"
head -c 200000 /dev/zero | tr '\0' ' ' > "$tmp/huge.json"
run "huge stdin" 2 sh -c "'$bin' evaluate < '$tmp/huge.json'"
jqt '.errors[0].code == "input_too_large"' "huge stdin"

# --date supplies as_of when the profile has none; the profile's own as_of wins.
run "date default" 0 sh -c "echo '{\"service\":\"visa\"}' | '$bin' evaluate --date 2027-03-04"
jqt '.as_of == "2027-03-04"' "date default"
run "date profile wins" 0 sh -c "echo '{\"service\":\"visa\",\"as_of\":\"2026-11-21\"}' | '$bin' evaluate --date 2027-03-04"
jqt '.as_of == "2026-11-21"' "date profile wins"
run "today" 0 sh -c "echo '{\"service\":\"visa\"}' | '$bin' evaluate"
jqt ".as_of == \"$(date -u +%F)\"" "today"

# --lang adds titles; ids do not change.
run "lang" 0 sh -c "echo '$complete' | '$bin' evaluate --lang ru"
jqt '.lang == "ru" and (.documents | all(has("title"))) and .verdict.title != null' "lang"
echo "$out" | jq -c '[.documents[].id]' > "$tmp/ids_ru"
echo "$decided" | jq -c '[.documents[].id]' > "$tmp/ids"
cmp -s "$tmp/ids" "$tmp/ids_ru" || fail "ids differ between languages"

# Batch: one decision per line, in order; a bad line is answered and the run goes on (exit 2).
printf '%s\n{bad\n%s\n{"service":"visa","as_of":"2026-11-21","facts":{"nationality":"KZ"}}\n' "$complete" "$complete" > "$tmp/batch.jsonl"
run "batch" 2 sh -c "'$bin' batch < '$tmp/batch.jsonl'"
[ "$(echo "$out" | wc -l)" -eq 4 ] || fail "batch: expected 4 lines, got $(echo "$out" | wc -l)"
[ "$(echo "$out" | sed -n 1p)" = "$decided" ] || fail "batch line 1 differs from evaluate's bytes"
[ "$(echo "$out" | sed -n 3p)" = "$decided" ] || fail "batch line 3 differs from evaluate's bytes"
echo "$out" | sed -n 2p | jq -e '.status == "error"' >/dev/null || fail "batch line 2 is not an error"
printf '%s\n' "$complete" > "$tmp/good.jsonl"
run "batch all good" 0 sh -c "'$bin' batch < '$tmp/good.jsonl'"

# Rules: the default validates; a broken file exits 3 with paths into it.
run "validate default" 0 "$bin" validate-rules "$bundle"
jqt '.status == "ok" and (.services | index("visa")) != null' "validate default"
jq 'del(.services[0].verdicts[0].citation)' "$bundle" > "$tmp/broken.json"
run "validate broken" 3 "$bin" validate-rules "$tmp/broken.json"
jqt '.status == "error" and (.errors | any(.path == "/services/0/verdicts/0/citation" and .code == "invalid_rules"))' "validate broken"
run "evaluate with broken rules" 3 sh -c "echo '$complete' | '$bin' evaluate --rules '$tmp/broken.json'"
jqt '.errors[0].code == "invalid_rules"' "evaluate with broken rules"
printf '{"format":1,' > "$tmp/truncated.json"
run "validate truncated" 3 "$bin" validate-rules "$tmp/truncated.json"
jqt '.errors[0].path == "" and (.errors[0].message | test("byte"))' "validate truncated"

# One service document (what authors edit) runs inside the default bundle; its paths are its own.
run "service document" 0 sh -c "echo '$complete' | '$bin' evaluate --rules '$src/data/services/visa.json'"
[ "$out" = "$decided" ] || fail "a service document gives other bytes than the bundle it came from"
jq 'del(.verdicts[0].title.az)' "$src/data/services/visa.json" > "$tmp/visa_broken.json"
run "service document broken" 3 "$bin" validate-rules "$tmp/visa_broken.json"
jqt '.errors | any(.path == "/verdicts/0/title/az")' "service document broken"

# Other commands and usage.
run "services" 0 "$bin" services
jqt 'length >= 1 and .[0].id == "visa" and (.[0].title | length) > 0' "services"
run "questions" 0 sh -c "echo '{\"service\":\"visa\",\"as_of\":\"2026-11-21\"}' | '$bin' questions --lang az"
jqt '.questions[0].id == "nationality" and (.questions[0].options | length) > 200' "questions"
run "facts" 0 "$bin" facts visa
jqt '(.facts | length) > 10' "facts"
run "unreadable" 4 "$bin" validate-rules "$tmp/does-not-exist.json"
run "no command" 1 "$bin"
run "bad option" 1 "$bin" evaluate --colour
run "bad date" 1 "$bin" evaluate --date 2026-02-30
run "bad lang" 1 "$bin" evaluate --lang fr
run "help" 0 "$bin" --help

if [ "$failures" -ne 0 ]; then echo "$failures CLI check(s) failed"; exit 1; fi
echo "all CLI checks passed"
