#!/usr/bin/env bash
# Runs Iskra.LoadBench with the open-file limit raised (each station holds a socket in the bench and
# one in the server, which inherits the limit). Builds the server and the bench in Release first.
# Usage: bash bench/loadbench.sh [Iskra.LoadBench options]   (see --help)
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
ulimit -n 200000 2>/dev/null || ulimit -n "$(ulimit -Hn)"
if [[ "${SKIP_BUILD:-}" != 1 ]]; then
  dotnet build -c Release -nologo -v:quiet src/Iskra.Server >/dev/null
  dotnet build -c Release -nologo -v:quiet bench/Iskra.LoadBench >/dev/null
fi
exec dotnet bench/Iskra.LoadBench/bin/Release/net10.0/Iskra.LoadBench.dll "$@"
