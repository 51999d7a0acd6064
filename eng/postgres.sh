#!/usr/bin/env bash
# Throwaway PostgreSQL cluster on loopback for the test suite.
#
#   eng/postgres.sh         install (if needed), init (if needed) and start; prints the
#                           Npgsql connection string as the only line on stdout
#   eng/postgres.sh stop    stop the cluster (no-op when it is not running)
#
# Settings (environment):
#   ISKRA_PG_DIR   cluster directory: data in $ISKRA_PG_DIR/data, log and unix socket
#                  in $ISKRA_PG_DIR (default /tmp/iskra-pg)
#   ISKRA_PG_PORT  TCP port on 127.0.0.1 (default 55432)
#
# Trust auth, fsync off: this cluster is for tests only and holds nothing worth keeping.
set -euo pipefail

PG_DIR="${ISKRA_PG_DIR:-/tmp/iskra-pg}"
PG_PORT="${ISKRA_PG_PORT:-55432}"
[[ "$PG_DIR" = /* ]] || PG_DIR="$PWD/$PG_DIR"
PG_DIR="${PG_DIR%/}"
PG_DATA="$PG_DIR/data"
PG_LOG="$PG_DIR/postgres.log"
PG_USER_OS=postgres   # OS user that runs the server when we are root (postgres refuses root)

die() { echo "eng/postgres.sh: $*" >&2; exit 1; }

case "${1:-start}" in
  start | stop) ACTION="${1:-start}" ;;
  *) echo "usage: eng/postgres.sh [start|stop]" >&2; exit 2 ;;
esac

[[ "$PG_PORT" =~ ^[0-9]+$ ]] || die "ISKRA_PG_PORT must be a number, got '$PG_PORT'"
case "$PG_DIR" in *' '*) die "ISKRA_PG_DIR must not contain spaces: '$PG_DIR'" ;; esac

# Newest installed server whose bin/ has initdb and pg_ctl (Debian keeps them off PATH).
find_bin() {
  local d best=""
  for d in /usr/lib/postgresql/*/bin; do
    [[ -x "$d/initdb" && -x "$d/pg_ctl" && -x "$d/postgres" ]] || continue
    if [[ -z "$best" ]] || [[ "$(printf '%s\n%s\n' "$best" "$d" | sort -V | tail -n1)" == "$d" ]]; then
      best="$d"
    fi
  done
  printf '%s' "$best"
}

# Run a command as the server's OS user (ourselves when not root), from a directory it can
# enter, without our lock descriptor (9): a server started here must not hold the lock.
as_pg() {
  if [[ "$(id -u)" -eq 0 ]]; then
    if command -v runuser >/dev/null 2>&1; then
      (cd / && runuser -u "$PG_USER_OS" -- "$@" 9>&-)
    else
      local q; printf -v q '%q ' "$@"
      (cd / && su -s /bin/sh "$PG_USER_OS" -c "$q" 9>&-)
    fi
  else
    (cd / && "$@" 9>&-)
  fi
}

# One start/stop at a time per cluster directory (two test runs may start together).
if command -v flock >/dev/null 2>&1; then
  exec 9>"$PG_DIR.lock"
  flock -w 300 9 || die "timed out waiting for $PG_DIR.lock"
fi

PG_BIN="$(find_bin)"

if [[ "$ACTION" == stop ]]; then
  [[ -n "$PG_BIN" && -f "$PG_DATA/PG_VERSION" ]] || exit 0
  if as_pg "$PG_BIN/pg_ctl" -D "$PG_DATA" status >/dev/null 2>&1; then
    as_pg "$PG_BIN/pg_ctl" -D "$PG_DATA" -m fast -w -t 60 stop >/dev/null \
      || die "pg_ctl stop failed (log: $PG_LOG)"
  fi
  exit 0
fi

# --- install -----------------------------------------------------------------
if [[ -z "$PG_BIN" ]]; then
  [[ "$(id -u)" -eq 0 ]] || die "PostgreSQL server is not installed and we are not root: apt-get install postgresql"
  command -v apt-get >/dev/null 2>&1 || die "PostgreSQL server is not installed and apt-get is missing"
  apt_log="$(mktemp)"
  export DEBIAN_FRONTEND=noninteractive
  if ! { apt-get update -q && apt-get install -y -q --no-install-recommends postgresql; } >"$apt_log" 2>&1 </dev/null; then
    tail -n 40 "$apt_log" >&2
    rm -f "$apt_log"
    die "apt-get install postgresql failed (output above)"
  fi
  rm -f "$apt_log"
  PG_BIN="$(find_bin)"
  [[ -n "$PG_BIN" ]] || die "postgresql installed but no initdb/pg_ctl under /usr/lib/postgresql/*/bin"
fi

if [[ "$(id -u)" -eq 0 ]] && ! id "$PG_USER_OS" >/dev/null 2>&1; then
  useradd --system --no-create-home --home-dir /nonexistent --shell /bin/sh "$PG_USER_OS" \
    || die "cannot create the '$PG_USER_OS' system user"
fi

# --- already running? ----------------------------------------------------------
conn="Host=127.0.0.1;Port=$PG_PORT;Username=postgres;Database=postgres"

running_port() {
  # postmaster.pid line 4 is the port; only trust it when pg_ctl sees the server alive.
  [[ -f "$PG_DATA/postmaster.pid" ]] || return 1
  as_pg "$PG_BIN/pg_ctl" -D "$PG_DATA" status >/dev/null 2>&1 || return 1
  sed -n 4p "$PG_DATA/postmaster.pid"
}

if [[ -f "$PG_DATA/PG_VERSION" ]]; then
  if port="$(running_port)"; then
    if [[ "$port" == "$PG_PORT" ]] && "$PG_BIN/pg_isready" -q -h 127.0.0.1 -p "$PG_PORT" -t 5; then
      echo "$conn"
      exit 0
    fi
    # Running on another port, or not answering: restart it (it is a throwaway cluster).
    as_pg "$PG_BIN/pg_ctl" -D "$PG_DATA" -m immediate -w -t 30 stop >/dev/null 2>&1 || true
  fi
  # Cluster made by another major version, or a half-finished initdb: start over.
  if [[ "$(cat "$PG_DATA/PG_VERSION")" != "$("$PG_BIN/postgres" --version | sed -E 's/.* ([0-9]+)[.].*/\1/')" ]]; then
    rm -rf "$PG_DATA"
  fi
elif [[ -e "$PG_DATA" ]]; then
  rm -rf "$PG_DATA"
fi

# A stale postmaster.pid (machine restarted) whose pid now belongs to another process
# would make the postmaster refuse to start.
if [[ -f "$PG_DATA/postmaster.pid" ]]; then
  pid="$(sed -n 1p "$PG_DATA/postmaster.pid")"
  if [[ ! "$pid" =~ ^[0-9]+$ ]] || [[ "$(cat "/proc/$pid/comm" 2>/dev/null || true)" != postgres ]]; then
    rm -f "$PG_DATA/postmaster.pid"
  fi
fi

# --- init ----------------------------------------------------------------------
mkdir -p "$PG_DIR"
if [[ "$(id -u)" -eq 0 ]]; then
  chown "$PG_USER_OS:" "$PG_DIR"
  chmod 0700 "$PG_DIR"
fi
as_pg test -w "$PG_DIR" -a -x "$PG_DIR" \
  || die "$PG_DIR is not writable by the server's user (is a parent directory closed to it?)"

if [[ ! -f "$PG_DATA/PG_VERSION" ]]; then
  init_log="$PG_DIR/initdb.log"
  if ! as_pg "$PG_BIN/initdb" -D "$PG_DATA" -U postgres --auth=trust --encoding=UTF8 --no-locale --no-sync \
       >"$init_log" 2>&1; then
    cat "$init_log" >&2
    die "initdb failed (output above)"
  fi
  cat >>"$PG_DATA/postgresql.conf" <<EOF

# --- eng/postgres.sh: throwaway test cluster ---
listen_addresses = '127.0.0.1'
unix_socket_directories = '$PG_DIR'
fsync = off
synchronous_commit = off
full_page_writes = off
max_connections = 600
EOF
fi

# --- start ---------------------------------------------------------------------
: >"$PG_LOG" 2>/dev/null || true
[[ "$(id -u)" -ne 0 ]] || chown "$PG_USER_OS:" "$PG_LOG"
if ! as_pg "$PG_BIN/pg_ctl" -D "$PG_DATA" -l "$PG_LOG" -o "-p $PG_PORT -c max_connections=600" -w -t 60 start >/dev/null 2>&1; then
  tail -n 30 "$PG_LOG" >&2 || true
  die "pg_ctl start failed on 127.0.0.1:$PG_PORT (log above: $PG_LOG; is the port taken?)"
fi
"$PG_BIN/pg_isready" -q -h 127.0.0.1 -p "$PG_PORT" -t 30 \
  || die "server started but does not answer on 127.0.0.1:$PG_PORT (log: $PG_LOG)"

echo "$conn"
