#!/usr/bin/env bash
# Runs every MayorsNetwork test, non-interactively, on a fresh Debian 12 machine with the .NET SDK:
#   1. installs the Debian packages the tests need (apt-get, only when something is missing);
#   2. starts a throwaway PostgreSQL server on 127.0.0.1 (port 55432 or the next free one) and exports
#      MAYORSNETWORK_TEST_POSTGRES; checks that python3 can import aiosmtpd (the tests start their own
#      SMTP servers) and exports MAYORSNETWORK_TEST_PYTHON and MAYORSNETWORK_TEST_CHROMIUM;
#   3. runs `dotnet test MayorsNetwork.sln -c Release [extra args]`, output to the console and to a log;
#   4. stops and removes the PostgreSQL server, prints the elapsed time and, as the very last line,
#      `N passed, N failed, N skipped` summed over all test projects.
# Exit status: 0 only when the build succeeded, tests ran and none failed.
#
# Usage: tests/run-all.sh [extra dotnet test args, e.g. --filter FullyQualifiedName~Invoices]
# Runs as root, or as another user with sudo for apt-get.

MN_SCRIPT_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
# shellcheck source=tests/support/start-services.sh
. "$MN_SCRIPT_DIR/support/start-services.sh"

# Reads dotnet test output (file argument, or stdin) and prints "PASSED FAILED SKIPPED LINES":
# the sums over the per-project VSTest summary lines
#   Passed!  - Failed:     0, Passed:    42, Skipped:     0, Total:    42, Duration: 3 s - X.Tests.dll (net10.0)
#   Failed!  - Failed:     1, Passed:    41, Skipped:     0, Total:    42, Duration: 3 s - X.Tests.dll (net10.0)
# and how many such lines there were. When there are none, it falls back to the one-line
# "Test summary: total: T, failed: F, succeeded: P, skipped: S, ..." of the terminal logger, then to the
# multi-line "Test run summary:" block of Microsoft.Testing.Platform.
mn_parse_test_summary() {
  sed -e 's/\x1b\[[0-9;?]*[A-Za-z]//g' -e 's/\r$//' "$@" | awk '
    function num(text, label,    s) {
      if (match(text, label "[[:space:]]*[0-9]+")) {
        s = substr(text, RSTART, RLENGTH); gsub(/[^0-9]/, "", s); return s + 0
      }
      return 0
    }
    {
      line = $0
      sub(/^[[:space:]]+/, "", line); sub(/[[:space:]]+$/, "", line)
    }
    line ~ /^(Passed|Failed|Skipped|Aborted)![[:space:]]+-[[:space:]]+Failed:[[:space:]]*[0-9]+,[[:space:]]*Passed:[[:space:]]*[0-9]+/ {
      if (seen[line]++) next
      n++
      f += num(line, "Failed:"); p += num(line, "Passed:"); s += num(line, "Skipped:")
      next
    }
    tolower(line) ~ /^test summary:[[:space:]]*total:[[:space:]]*[0-9]+/ {
      tn++
      low = tolower(line)
      tf += num(low, "failed:"); tp += num(low, "succeeded:"); ts += num(low, "skipped:")
      next
    }
    tolower(line) ~ /^test run summary:/ { inblock = 1; mn++; next }
    inblock {
      low = tolower(line)
      if (low ~ /^failed:[[:space:]]*[0-9]+$/)    { mf += num(low, "failed:"); next }
      if (low ~ /^succeeded:[[:space:]]*[0-9]+$/) { mp += num(low, "succeeded:"); next }
      if (low ~ /^skipped:[[:space:]]*[0-9]+$/)   { ms += num(low, "skipped:"); next }
      if (low ~ /^total:[[:space:]]*[0-9]+$/)     { next }
      if (low ~ /^duration:/ || line == "")     { inblock = 0; next }
      inblock = 0
    }
    END {
      if (n > 0)       printf "%d %d %d %d\n", p, f, s, n
      else if (tn > 0) printf "%d %d %d %d\n", tp, tf, ts, tn
      else if (mn > 0) printf "%d %d %d %d\n", mp, mf, ms, mn
      else             printf "0 0 0 0\n"
    }'
}

# Given dotnet's exit code and the parsed "PASSED FAILED SKIPPED LINES", prints the closing line
# and returns the script's exit code. A failed build or run (non-zero exit with no failed test
# counted) or a run with no summary at all counts as one failure.
mn_summary_line() {
  local rc="$1" passed="$2" failed="$3" skipped="$4" lines="$5"
  if [ "$lines" -eq 0 ] || { [ "$rc" -ne 0 ] && [ "$failed" -eq 0 ]; }; then
    failed=$((failed + 1))
  fi
  printf '%d passed, %d failed, %d skipped\n' "$passed" "$failed" "$skipped"
  if [ "$failed" -gt 0 ] || [ "$rc" -ne 0 ]; then
    return 1
  fi
  return 0
}

# Repeats, near the end where a CI page shows only the tail, each failed test's name and the first lines of
# its error message (at most 20 tests).
mn_print_failures() {
  sed -e 's/\x1b\[[0-9;?]*[A-Za-z]//g' -e 's/\r$//' "$1" | awk '
    /^  Failed [^ ]/ { if (++count > 20) exit; print "[run-all] FAILED" substr($0, 9); grab = 0; next }
    count && /^  Error Message:/ { grab = 6; next }
    count && /^  Stack Trace:/ { grab = 0; next }
    grab > 0 { print "[run-all]     " $0; grab--; next }'
}

mn_format_elapsed() {
  local t="$1"
  if [ "$t" -ge 60 ]; then
    printf '%dm %02ds' $((t / 60)) $((t % 60))
  else
    printf '%ds' "$t"
  fi
}

mn_run_all_main() {
  set -uo pipefail
  # One stream, so that however CI captures it the summary line is the last line.
  exec 2>&1
  local start_time
  start_time="$(date +%s)"

  export DOTNET_CLI_TELEMETRY_OPTOUT=1
  # Each test fixture is a whole portal whose file providers would each take an inotify instance; the
  # default limit (128 per user) runs out when many fixtures live at once. Poll instead, and raise the
  # limit where we may.
  export DOTNET_USE_POLLING_FILE_WATCHER=true
  sysctl -q -w fs.inotify.max_user_instances=1024 >/dev/null 2>&1 || true
  export DOTNET_NOLOGO=1
  export DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1
  # Plain console output (the per-project "Passed!/Failed!" lines), not the live terminal view.
  export MSBUILDTERMINALLOGGER=off

  # Safety net only: the normal path cleans up explicitly before the summary. Prints nothing.
  trap 'mn_pg_stop >/dev/null 2>&1; mn_cleanup_shim >/dev/null 2>&1' EXIT
  trap 'exit 130' INT
  trap 'exit 143' TERM

  local repo_root
  repo_root="$(cd "$MN_SCRIPT_DIR/.." && pwd)"
  cd "$repo_root" || exit 1

  local setup_ok=1
  if ! command -v dotnet >/dev/null 2>&1; then
    mn_err "dotnet not found on PATH: the .NET 10 SDK is needed"
    setup_ok=0
  fi
  [ "$setup_ok" -eq 1 ] && { mn_install_packages || setup_ok=0; }
  [ "$setup_ok" -eq 1 ] && { mn_setup_python || setup_ok=0; }
  [ "$setup_ok" -eq 1 ] && { mn_setup_chromium || setup_ok=0; }
  [ "$setup_ok" -eq 1 ] && { mn_pg_start || setup_ok=0; }
  if [ "$setup_ok" -ne 1 ]; then
    mn_pg_stop >/dev/null 2>&1
    mn_cleanup_shim
    echo "Elapsed: $(mn_format_elapsed $(( $(date +%s) - start_time )))"
    echo "Test setup failed (see the errors above); no tests were run."
    mn_summary_line 1 0 0 0 0
    exit 1
  fi

  local log_dir log rc=0
  log_dir="$(mktemp -d "${TMPDIR:-/tmp}/mayorsnetwork-test-log.XXXXXX")"
  log="$log_dir/dotnet-test.log"
  echo "[run-all] dotnet test MayorsNetwork.sln -c Release $*"
  echo "[run-all] log: $log"
  dotnet test MayorsNetwork.sln -c Release "$@" </dev/null 2>&1 | tee "$log"
  rc="${PIPESTATUS[0]}"

  mn_pg_stop
  mn_cleanup_shim
  trap - EXIT

  local parsed passed failed skipped lines
  parsed="$(mn_parse_test_summary "$log")"
  read -r passed failed skipped lines <<<"$parsed"

  echo
  if [ "$lines" -eq 0 ]; then
    if [ "$rc" -ne 0 ]; then
      echo "[run-all] dotnet test failed (exit $rc) before any test summary: build error? See $log"
    else
      echo "[run-all] dotnet test printed no test summary: no test ran. See $log"
    fi
  elif [ "$rc" -ne 0 ] && [ "$failed" -eq 0 ]; then
    echo "[run-all] dotnet test exited $rc with no failed test counted (build error or aborted run?). See $log"
  fi
  mn_print_failures "$log"
  echo "[run-all] dotnet test exit code: $rc; log: $log"
  echo "Elapsed: $(mn_format_elapsed $(( $(date +%s) - start_time )))"
  mn_summary_line "$rc" "$passed" "$failed" "$skipped" "$lines"
  exit $?
}

if [[ "${BASH_SOURCE[0]}" == "$0" ]]; then
  mn_run_all_main "$@"
fi
