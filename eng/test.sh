#!/usr/bin/env bash
# The test command: installs what the tests need, builds (warnings are errors), checks
# formatting, runs every test project and ends with one line "N passed, N failed[, N skipped]".
#
# Environment:
#   ISKRA_TEST_POSTGRES   connection string of a PostgreSQL to use; when unset, eng/postgres.sh
#                         starts a throwaway cluster on loopback and this is set from it
#   ISKRA_SKIP_FORMAT=1   skip `dotnet format --verify-no-changes`
#   ISKRA_TEST_RESULTS    directory for the TRX files (default artifacts/test-results)
set -euo pipefail

cd "$(dirname "${BASH_SOURCE[0]}")/.."
ROOT="$PWD"
SOLUTION=Iskra.slnx
RESULTS="${ISKRA_TEST_RESULTS:-$ROOT/artifacts/test-results}"

export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1
export DOTNET_CLI_UI_LANGUAGE=en   # the console output below is read by people and CI in English

fail() { echo "eng/test.sh: $*" >&2; exit 1; }

# --- what the tests need ---------------------------------------------------------
if [[ -z "${ISKRA_TEST_POSTGRES:-}" ]]; then
  ISKRA_TEST_POSTGRES="$(bash eng/postgres.sh)" || fail "could not start PostgreSQL (eng/postgres.sh, above)"
  [[ -n "$ISKRA_TEST_POSTGRES" ]] || fail "eng/postgres.sh printed no connection string"
fi
export ISKRA_TEST_POSTGRES

# The test lab's HTML report is checked in a real browser: Debian's Chromium, driven by Playwright.
if [[ ! -x /usr/bin/chromium ]]; then
  command -v apt-get >/dev/null 2>&1 || fail "the browser tests need Debian's chromium package (apt-get is not available)"
  sudo_cmd=(); [[ "$(id -u)" == 0 ]] || sudo_cmd=(sudo)
  { "${sudo_cmd[@]}" apt-get install -y --no-install-recommends chromium </dev/null >/dev/null 2>&1 \
      || { "${sudo_cmd[@]}" apt-get update </dev/null >/dev/null 2>&1 && "${sudo_cmd[@]}" apt-get install -y --no-install-recommends chromium </dev/null >/dev/null 2>&1; }; } \
    || fail "could not install chromium with apt-get"
fi

if [[ -f tests/clients/package.json ]]; then
  command -v npm >/dev/null 2>&1 || fail "tests/clients needs npm, which is not installed"
  if [[ -f tests/clients/package-lock.json ]]; then
    npm_cmd=(npm ci --no-audit --no-fund --loglevel=error)
  else
    npm_cmd=(npm install --no-audit --no-fund --loglevel=error)
  fi
  (cd tests/clients && "${npm_cmd[@]}" </dev/null >/dev/null) || fail "'${npm_cmd[*]}' failed in tests/clients"
fi

# --- build and format --------------------------------------------------------------
mkdir -p artifacts
build_log=artifacts/build.log
if ! dotnet build "$SOLUTION" -c Release -nologo -v:quiet -tl:off \
      -warnaserror -p:TreatWarningsAsErrors=true </dev/null >"$build_log" 2>&1; then
  # Each diagnostic once (MSBuild repeats them in its closing summary), else the whole log.
  grep -E ': (error|warning) [A-Z]+[0-9]+' "$build_log" | sort -u >&2 || cat "$build_log" >&2
  fail "build failed (dotnet build $SOLUTION -c Release, warnings are errors; full log: $build_log)"
fi

if [[ "${ISKRA_SKIP_FORMAT:-0}" != 1 ]]; then
  dotnet format "$SOLUTION" --verify-no-changes --no-restore </dev/null \
    || fail "formatting differs: run 'dotnet format $SOLUTION' and commit the result (ISKRA_SKIP_FORMAT=1 skips this check)"
fi

# --- tests -------------------------------------------------------------------------
# Every project of the solution under tests/.
mapfile -t projects < <(grep -o 'Path="tests/[^"]*\.csproj"' "$SOLUTION" | sed -E 's/^Path="(.*)"$/\1/')
[[ ${#projects[@]} -gt 0 ]] || fail "no test projects under tests/ in $SOLUTION"

rm -rf "$RESULTS"
mkdir -p "$RESULTS"

run_failed=()
for proj in "${projects[@]}"; do
  name="$(basename "$proj" .csproj)"
  echo "--- $name"
  if ! dotnet test "$proj" -c Release --no-build --nologo \
        --results-directory "$RESULTS" \
        --logger "trx;LogFileName=$name.trx" \
        --logger "console;verbosity=minimal" </dev/null; then
    run_failed+=("$name")
  fi
  [[ -f "$RESULTS/$name.trx" ]] || { echo "eng/test.sh: $name wrote no TRX file" >&2; run_failed+=("$name (no TRX)"); }
done

# --- summary from the TRX files -----------------------------------------------------
# <Counters total= executed= passed= failed= error= timeout= aborted= ... notExecuted= .../>
counter() { # counter FILE NAME -> number (0 when absent)
  local v
  v="$(grep -o '<Counters [^>]*>' "$1" | head -n1 | grep -o " $2=\"[0-9]*\"" | grep -o '[0-9]\+' || true)"
  echo "${v:-0}"
}

passed=0 failed=0 skipped=0 executed=0
shopt -s nullglob
for trx in "$RESULTS"/*.trx; do
  total=$(counter "$trx" total)
  ran=$(counter "$trx" executed)
  passed=$((passed + $(counter "$trx" passed)))
  failed=$((failed + $(counter "$trx" failed) + $(counter "$trx" error) + $(counter "$trx" timeout) + $(counter "$trx" aborted)))
  executed=$((executed + ran))
  skipped=$((skipped + total - ran))
done

status=0
if [[ ${#run_failed[@]} -gt 0 ]]; then
  echo "eng/test.sh: failing test runs: ${run_failed[*]}" >&2
  status=1
fi
if [[ $failed -gt 0 ]]; then status=1; fi
if [[ $executed -eq 0 ]]; then
  echo "eng/test.sh: no test was executed" >&2
  status=1
fi

summary="$passed passed, $failed failed"
if [[ $skipped -gt 0 ]]; then summary+=", $skipped skipped"; fi
echo "$summary"
exit $status
