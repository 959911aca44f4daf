#!/usr/bin/env bash
# The bench command (issue 6): builds Release, seeds fresh databases, measures, writes bench/RESULTS.md.
# Usage: bench/run.sh [runner options, e.g. --sizes 1400 --providers Sqlite --seconds 5 --no-write]
# See bench/README.md. Touches only 127.0.0.1; stops by itself; safe to run again (fresh databases each run).
set -euo pipefail
cd "$(dirname "$0")/.."
export MAYORSNETWORK_TEST_PYTHON="${MAYORSNETWORK_TEST_PYTHON:-/usr/bin/python3}"
started=$(date +%s)

# wrk (load generator) and aiosmtpd (the invoice run's SMTP server) are Debian packages.
need=()
command -v wrk >/dev/null || need+=(wrk)
"${MAYORSNETWORK_TEST_PYTHON:-/usr/bin/python3}" -c 'import aiosmtpd' 2>/dev/null || need+=(python3-aiosmtpd)
if [ ${#need[@]} -gt 0 ]; then
  echo "Installing ${need[*]}"
  sudo=""; [ "$(id -u)" -eq 0 ] || sudo="sudo"
  $sudo apt-get install -y "${need[@]}" || { $sudo apt-get update && $sudo apt-get install -y "${need[@]}"; }
fi

export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1

echo "Building Release"
# InvoiceBench references the portal, so this builds src/MayorsNetwork.Web in Release too.
for project in bench/InvoiceBench bench/Reference bench/Runner; do
  if ! output=$(dotnet build -c Release "$project" -nologo 2>&1); then
    echo "$output" | grep -E " error " | sort -u >&2
    echo "Build of $project failed" >&2
    exit 1
  fi
done

export BENCH_BUILD_SECONDS=$(( $(date +%s) - started ))
echo "Built in ${BENCH_BUILD_SECONDS} s"

# PostgreSQL: the server named by BENCH_POSTGRES or MAYORSNETWORK_TEST_POSTGRES, else a throwaway one on
# 127.0.0.1 started here (as tests/run-all.sh does; Debian's postgresql is installed when missing) and
# removed when the run ends.
# shellcheck source=tests/support/start-services.sh
. tests/support/start-services.sh
if [ -z "${BENCH_POSTGRES:-}" ] && [ -z "${MAYORSNETWORK_TEST_POSTGRES:-}" ]; then
  mn_pg_find_bin >/dev/null 2>&1 || mn_install_packages
  trap 'mn_pg_stop >/dev/null 2>&1' EXIT
  mn_pg_start
fi

status=0
dotnet bench/Runner/bin/Release/net10.0/BenchRunner.dll "$@" || status=$?
exit "$status"
