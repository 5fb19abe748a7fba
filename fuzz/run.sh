#!/usr/bin/env bash
# Builds the fuzz targets, seeds their corpora and runs each for FUZZ_SECONDS (default 60), then
# prints executions per second and corpus size per target. FUZZ_TARGETS (space-separated) runs only
# those, e.g. FUZZ_TARGETS=fuzz_json_scanner make fuzz. A crash, leak or timeout fails the run
# and leaves the input in build/fuzz/artifacts/ (add it to tests/cases/errors/ as a regression case).
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
cd "$root"
seconds="${FUZZ_SECONDS:-60}"
cmake --preset fuzz >/dev/null
cmake --build --preset fuzz
fuzz/seed_corpus.sh
mkdir -p build/fuzz/artifacts build/fuzz/logs
status=0
summary=()
targets="${FUZZ_TARGETS:-fuzz_rules_loader fuzz_profile fuzz_evaluate fuzz_json_scanner fuzz_snapshot}"
for target in $targets; do
  case "$target" in
    fuzz_rules_loader) extra=(-dict=fuzz/rules.dict -max_len=262144) ;;
    fuzz_profile) extra=(-dict=fuzz/profile.dict -max_len=4096) ;;
    fuzz_evaluate) extra=(-max_len=256) ;;
    fuzz_json_scanner) extra=(-dict=fuzz/profile.dict -max_len=4096) ;;
    fuzz_snapshot) extra=(-max_len=262144) ;;
    *) echo "unknown fuzz target: $target (fuzz_rules_loader fuzz_profile fuzz_evaluate fuzz_json_scanner fuzz_snapshot)" >&2; exit 2 ;;
  esac
  echo "== $target for ${seconds}s"
  log="build/fuzz/logs/$target.log"
  if ! "build/fuzz/fuzz/$target" "build/fuzz/corpus/$target" "${extra[@]}" \
      -max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048 -print_final_stats=1 \
      -artifact_prefix="build/fuzz/artifacts/$target-" >"$log" 2>&1; then
    status=1
    echo "FAILED: $target (see $log and build/fuzz/artifacts/)"
    tail -30 "$log"
  fi
  runs=$(grep 'stat::number_of_executed_units' "$log" | awk '{print $2}')
  speed=$(grep 'stat::average_exec_per_sec' "$log" | awk '{print $2}')
  corpus=$(ls "build/fuzz/corpus/$target" | wc -l)
  summary+=("$(printf '%-18s %10s runs %8s exec/s %6s corpus files' "$target" "${runs:-?}" "${speed:-?}" "$corpus")")
done
printf '%s\n' "${summary[@]}"
exit $status
