#!/usr/bin/env bash
# Every load profile on SQLite and on PostgreSQL at the target size, then one summary table.
# About 10–15 minutes on the 2-core machine (up to ~20 when stress overloads the server) (docs/benchmarks.md). Run it on an otherwise idle machine.
# Usage: bash bench/run-all.sh [extra Iskra.LoadBench options, e.g. --stations 2000 --duration 20]
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
out="${ISKRA_BENCH_OUT:-/tmp/iskra-loadbench-$(date -u +%Y%m%d-%H%M%S)}"
mkdir -p "$out"
summary="$out/summary.md"
: >"$summary"
started=$(date +%s)

dotnet build -c Release -nologo -v:quiet src/Iskra.Server >/dev/null
dotnet build -c Release -nologo -v:quiet bench/Iskra.LoadBench >/dev/null
pg="$(bash eng/postgres.sh | tail -n 1)"

# 20,000 stations need ~20,100 open files in the bench and in the server; where the hard limit
# cannot be raised (no CAP_SYS_RESOURCE) the fleet is sized to fit under it.
ulimit -n 200000 2>/dev/null || ulimit -n "$(ulimit -Hn)"
files=$(ulimit -n)
stations=$(( files >= 20500 ? 20000 : files - 500 ))
echo "open files $files: $stations stations"

status=0
for db in sqlite postgres; do
  echo "== $db (log: $out/$db.log)"
  extra=()
  [[ $db == postgres ]] && extra=(--pg "$pg")
  SKIP_BUILD=1 bash bench/loadbench.sh --db "$db" "${extra[@]}" --stations "$stations" --summary "$summary" --wait-quiet 60 "$@" 2>&1 | tee "$out/$db.log" \
    | grep -E '^(### |messages/s|first error|CPU|machine|\(.* took)' || true
  [[ ${PIPESTATUS[0]} -eq 0 ]] || status=1
done

echo
echo "## Summary ($(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs); $(( ($(date +%s) - started) / 60 )) min; logs in $out)"
echo
echo "| db | profile | stations | connect/s | msg/s | p50 / p99 / p99.9 ms | errors | server CPU | others CPU | RSS KiB/conn | note |"
echo "|---|---|---:|---:|---:|---|---:|---:|---:|---:|---|"
cat "$summary"
exit $status
