#!/usr/bin/env bash
# Test services for MayorsNetwork: Debian packages, a throwaway PostgreSQL server,
# the Python that has aiosmtpd, and Chromium.
#
# Sourced by tests/run-all.sh (which runs the whole suite), or run directly to get
# the services for running tests from an IDE or by hand:
#
#   sudo tests/support/start-services.sh     # prints the exports, keeps PostgreSQL up until Ctrl-C
#
# Everything here is idempotent and non-interactive (CI=true, no stdin).
# Functions print progress to stdout with a "[services]" prefix; errors go to stderr.

MN_APT_PACKAGES=(postgresql chromium python3-aiosmtpd poppler-utils fonts-dejavu-core fonts-noto-core)
MN_PG_FIRST_PORT=55432
MN_CHROMIUM=/usr/bin/chromium

# State filled in by the functions below.
MN_PG_DIR=""      # throwaway directory (data dir + log), removed by mn_pg_stop
MN_PG_DATA=""
MN_PG_BIN=""
MN_PG_PORT=""
MN_PG_AS=()       # prefix that runs a command as the PostgreSQL OS user
MN_SUDO=()        # prefix for commands that need root
MN_SHIM_DIR=""    # directory with a python3 symlink, if one was needed

mn_log() { printf '[services] %s\n' "$*"; }
mn_err() { printf '[services] ERROR: %s\n' "$*" >&2; }

# Sets MN_SUDO: empty as root, sudo otherwise (non-interactive when there is no terminal).
mn_init_privileges() {
  if [ "$(id -u)" -eq 0 ]; then
    MN_SUDO=()
  elif command -v sudo >/dev/null 2>&1; then
    if [ -t 0 ]; then MN_SUDO=(sudo); else MN_SUDO=(sudo -n); fi
  else
    MN_SUDO=()
  fi
}

mn_pkg_installed() {
  dpkg-query -W -f='${Status}' "$1" 2>/dev/null | grep -q 'install ok installed'
}

# Installs whichever of MN_APT_PACKAGES are missing; apt-get update only when something is.
mn_install_packages() {
  mn_init_privileges
  local missing=() p
  for p in "${MN_APT_PACKAGES[@]}"; do
    mn_pkg_installed "$p" || missing+=("$p")
  done
  if [ "${#missing[@]}" -eq 0 ]; then
    mn_log "Debian packages present: ${MN_APT_PACKAGES[*]}"
    return 0
  fi
  if [ "$(id -u)" -ne 0 ] && [ "${#MN_SUDO[@]}" -eq 0 ]; then
    mn_err "missing Debian packages (${missing[*]}) and not root and no sudo to install them"
    return 1
  fi
  mn_log "Installing Debian packages: ${missing[*]}"
  local apt_log
  apt_log="$(mktemp "/tmp/mayorsnetwork-apt-$$.XXXXXX")"
  if ! "${MN_SUDO[@]}" env DEBIAN_FRONTEND=noninteractive apt-get update -qq </dev/null >"$apt_log" 2>&1; then
    mn_err "apt-get update failed:"
    tail -n 30 "$apt_log" >&2
    rm -f -- "$apt_log"
    return 1
  fi
  if ! "${MN_SUDO[@]}" env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq \
      --no-install-recommends -o Dpkg::Use-Pty=0 "${missing[@]}" </dev/null >"$apt_log" 2>&1; then
    mn_err "apt-get install ${missing[*]} failed:"
    tail -n 30 "$apt_log" >&2
    rm -f -- "$apt_log"
    return 1
  fi
  rm -f -- "$apt_log"
  for p in "${missing[@]}"; do
    if ! mn_pkg_installed "$p"; then
      mn_err "package $p is still not installed"
      return 1
    fi
  done
}

# Finds a Python 3 that can import aiosmtpd (Debian's python3-aiosmtpd lives in /usr/bin/python3,
# which a pyenv or venv python3 earlier on PATH does not see). Exports MAYORSNETWORK_TEST_PYTHON,
# and if plain `python3` on PATH is not that one, puts a python3 symlink first on PATH so that
# tests running `python3 -m aiosmtpd` get it. Call mn_cleanup_shim to remove the symlink dir.
mn_setup_python() {
  local candidate found=""
  for candidate in "$(command -v python3 2>/dev/null || true)" /usr/bin/python3; do
    if [ -z "$candidate" ] || [ ! -x "$candidate" ]; then continue; fi
    if "$candidate" -c 'import aiosmtpd' >/dev/null 2>&1 </dev/null; then
      found="$candidate"
      break
    fi
  done
  if [ -z "$found" ]; then
    mn_err "no python3 can 'import aiosmtpd': install Debian's python3-aiosmtpd (apt-get install python3-aiosmtpd); the tests' SMTP server is 'python3 -m aiosmtpd'"
    return 1
  fi
  export MAYORSNETWORK_TEST_PYTHON="$found"
  if [ "$found" != "$(command -v python3 2>/dev/null || true)" ]; then
    MN_SHIM_DIR="$(mktemp -d "/tmp/mayorsnetwork-test-bin-$$.XXXXXX")"
    ln -s "$found" "$MN_SHIM_DIR/python3"
    export PATH="$MN_SHIM_DIR:$PATH"
    mn_log "python3 with aiosmtpd: $found (put first on PATH for the tests)"
  else
    mn_log "python3 with aiosmtpd: $found"
  fi
}

mn_cleanup_shim() {
  if [ -n "$MN_SHIM_DIR" ]; then
    rm -rf -- "$MN_SHIM_DIR"
    MN_SHIM_DIR=""
  fi
}

mn_setup_chromium() {
  if [ ! -x "$MN_CHROMIUM" ]; then
    mn_err "$MN_CHROMIUM not found: install Debian's chromium"
    return 1
  fi
  export MAYORSNETWORK_TEST_CHROMIUM="$MN_CHROMIUM"
}

# True when nothing listens on 127.0.0.1:$1 and it can be bound.
mn_port_free() {
  local py="${MAYORSNETWORK_TEST_PYTHON:-/usr/bin/python3}"
  [ -x "$py" ] || py=python3
  "$py" - "$1" <<'PY' >/dev/null 2>&1
import socket, sys
s = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
try:
    s.bind(("127.0.0.1", int(sys.argv[1])))
finally:
    s.close()
PY
}

mn_pg_find_bin() {
  local d
  MN_PG_BIN=""
  while IFS= read -r d; do
    if [ -x "$d/initdb" ] && [ -x "$d/pg_ctl" ]; then MN_PG_BIN="$d"; fi
  done < <(printf '%s\n' /usr/lib/postgresql/*/bin | sort -V)
  if [ -z "$MN_PG_BIN" ]; then
    mn_err "no PostgreSQL server binaries under /usr/lib/postgresql/*/bin: install Debian's postgresql"
    return 1
  fi
}

# Runs a PostgreSQL binary as the PostgreSQL OS user, from / (which that user can read).
mn_pg_run() {
  (cd / && "${MN_PG_AS[@]}" "$@")
}

# Starts a throwaway server on 127.0.0.1 (port 55432, or the next free one) and exports
# MAYORSNETWORK_TEST_POSTGRES. Stop it with mn_pg_stop.
mn_pg_start() {
  mn_init_privileges
  mn_pg_find_bin || return 1

  MN_PG_DIR="$(mktemp -d "/tmp/mayorsnetwork-test-pg-$$.XXXXXX")" || { mn_err "mktemp failed"; return 1; }
  MN_PG_DATA="$MN_PG_DIR/data"
  if [ "$(id -u)" -eq 0 ]; then
    # initdb refuses to run as root: the server runs as the postgres OS user.
    if ! id postgres >/dev/null 2>&1; then
      mn_err "no 'postgres' OS user (it comes with Debian's postgresql package)"
      return 1
    fi
    chown postgres: "$MN_PG_DIR"
    MN_PG_AS=(runuser -u postgres --)
  else
    # A non-root user runs the throwaway server as themselves.
    MN_PG_AS=()
  fi
  chmod 700 "$MN_PG_DIR"

  mn_log "initdb ($MN_PG_BIN) into $MN_PG_DATA"
  if ! mn_pg_run "$MN_PG_BIN/initdb" -D "$MN_PG_DATA" -A trust -U postgres -E UTF8 \
       --locale=C.UTF-8 --no-sync --no-instructions >"$MN_PG_DIR/initdb.log" 2>&1; then
    mn_err "initdb failed:"
    cat "$MN_PG_DIR/initdb.log" >&2
    return 1
  fi

  local port="$MN_PG_FIRST_PORT" attempts=0 started=0
  while [ "$attempts" -lt 50 ]; do
    attempts=$((attempts + 1))
    if ! mn_port_free "$port"; then
      port=$((port + 1))
      continue
    fi
    if mn_pg_run "$MN_PG_BIN/pg_ctl" -D "$MN_PG_DATA" -l "$MN_PG_DIR/server.log" -w -t 60 \
        -o "-p $port -c listen_addresses=127.0.0.1 -c unix_socket_directories=$MN_PG_DATA -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=300" \
        start >/dev/null 2>&1; then
      started=1
      break
    fi
    # Lost a race for the port, or a real failure: stop anything half-started and try the next port.
    mn_pg_run "$MN_PG_BIN/pg_ctl" -D "$MN_PG_DATA" -m immediate -w stop >/dev/null 2>&1 || true
    if ! grep -qi 'address already in use\|could not bind' "$MN_PG_DIR/server.log" 2>/dev/null; then
      break
    fi
    port=$((port + 1))
  done
  if [ "$started" -ne 1 ]; then
    mn_err "PostgreSQL did not start; server log:"
    tail -n 40 "$MN_PG_DIR/server.log" >&2 2>/dev/null || true
    return 1
  fi

  local i
  for i in $(seq 1 60); do
    if "$MN_PG_BIN/pg_isready" -q -h 127.0.0.1 -p "$port" -U postgres -t 2 </dev/null; then
      MN_PG_PORT="$port"
      export MAYORSNETWORK_TEST_POSTGRES="Host=127.0.0.1;Port=$port;Username=postgres;Password=postgres"
      mn_log "PostgreSQL $("$MN_PG_BIN/pg_ctl" --version | awk '{print $3}') ready on 127.0.0.1:$port"
      return 0
    fi
    [ "$i" -eq 60 ] || sleep 0.5
  done
  mn_err "PostgreSQL started but pg_isready never succeeded; server log:"
  tail -n 40 "$MN_PG_DIR/server.log" >&2 2>/dev/null || true
  return 1
}

# Stops the server and removes its directory. Silent, idempotent, safe to call from a trap.
mn_pg_stop() {
  if [ -n "$MN_PG_DATA" ] && [ -f "$MN_PG_DATA/postmaster.pid" ]; then
    local pid
    pid="$(head -n 1 "$MN_PG_DATA/postmaster.pid" 2>/dev/null || true)"
    mn_pg_run "$MN_PG_BIN/pg_ctl" -D "$MN_PG_DATA" -m fast -w -t 30 stop >/dev/null 2>&1 \
      || mn_pg_run "$MN_PG_BIN/pg_ctl" -D "$MN_PG_DATA" -m immediate -w -t 15 stop >/dev/null 2>&1 \
      || true
    if [ -n "$pid" ] && kill -0 "$pid" 2>/dev/null; then
      kill -KILL "$pid" 2>/dev/null || true
    fi
  fi
  if [ -n "$MN_PG_DIR" ] && [ -d "$MN_PG_DIR" ]; then
    rm -rf -- "$MN_PG_DIR"
  fi
  MN_PG_DIR=""
  MN_PG_DATA=""
  MN_PG_PORT=""
}

# Run directly: bring everything up, print the exports, wait for Ctrl-C (or a signal), clean up.
mn_services_main() {
  set -uo pipefail
  MN_SLEEPER=""
  trap 'if [ -n "${MN_SLEEPER:-}" ]; then kill "$MN_SLEEPER" 2>/dev/null; fi; mn_pg_stop; mn_cleanup_shim' EXIT
  trap 'exit 130' INT
  trap 'exit 143' TERM
  mn_install_packages || exit 1
  mn_setup_python || exit 1
  mn_setup_chromium || exit 1
  mn_pg_start || exit 1
  echo
  echo "export MAYORSNETWORK_TEST_POSTGRES='$MAYORSNETWORK_TEST_POSTGRES'"
  echo "export MAYORSNETWORK_TEST_CHROMIUM='$MAYORSNETWORK_TEST_CHROMIUM'"
  echo "export MAYORSNETWORK_TEST_PYTHON='$MAYORSNETWORK_TEST_PYTHON'"
  echo
  mn_log "psql: $MN_PG_BIN/psql -h 127.0.0.1 -p $MN_PG_PORT -U postgres"
  mn_log "PostgreSQL data in $MN_PG_DIR; press Ctrl-C to stop and remove it."
  while :; do
    sleep 3600 &
    MN_SLEEPER=$!
    wait "$MN_SLEEPER"
  done
}

if [[ "${BASH_SOURCE[0]}" == "$0" ]]; then
  mn_services_main "$@"
fi
