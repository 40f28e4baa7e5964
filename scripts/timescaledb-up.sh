#!/usr/bin/env bash
# TimescaleDB for tests on a Debian 12 host, where Debian ships no TimescaleDB package:
# a Debian 13 (trixie) chroot made with debootstrap, holding PostgreSQL 17 and Debian's
# TimescaleDB build (Apache edition: hypertables, time_bucket, drop_chunks; no compression,
# no continuous aggregates, no job policies). It listens on 127.0.0.1:$TS_PORT, trust auth,
# and has the extension in template1 so every database created afterwards has it.
#
#   scripts/timescaledb-up.sh          build once (~90 s, ~600 MB), start, print the version
#   scripts/timescaledb-up.sh stop     stop the server
#   scripts/timescaledb-up.sh status   exit 0 when it answers
#
# Needs root and a Debian mirror (the one apt already uses). Data is throw-away test data, so
# durability is off unless TS_DURABLE=1.
set -euo pipefail
ROOT=${TS_ROOT:-/var/cache/fleet-timescaledb}
PORT=${TS_PORT:-5433}
PG=/usr/lib/postgresql/17/bin
CONF_DIR=/etc/postgresql/17/main
say() { printf 'timescaledb-up: %s\n' "$*" >&2; }
jail() { chroot "$ROOT" "$@"; }
as_postgres() { chroot --userspec="$(jail id -u postgres):$(jail id -g postgres)" "$ROOT" env HOME=/var/lib/postgresql "$@"; }
answers() { [ -f "$ROOT/.complete" ] && jail "$PG/pg_isready" -q -h 127.0.0.1 -p "$PORT"; }

case "${1:-up}" in
  stop) [ -f "$ROOT/.complete" ] && as_postgres "$PG/pg_ctl" -D "$CONF_DIR" -m fast stop || true; exit 0 ;;
  status) answers; exit $? ;;
  up) ;;
  *) say "unknown command '$1' (use: up, stop, status)"; exit 2 ;;
esac

[ "$(id -u)" = 0 ] || { say "needs root (chroot and debootstrap); or point TIMESCALE_URL at a TimescaleDB you run"; exit 1; }

mirror() {
  local m
  m=$(sed -n 's/^URIs: *//p' /etc/apt/sources.list.d/*.sources 2>/dev/null | grep -v security | awk '{print $1}' | head -n 1)
  [ -n "$m" ] || m=$(awk '$1=="deb" && $3 !~ /security/ {print $2; exit}' /etc/apt/sources.list 2>/dev/null)
  printf '%s' "${MIRROR:-$m}"
}

# 1. The chroot, once. `.complete` is written only after debootstrap finished, so an
#    interrupted bootstrap is redone instead of half-used.
if [ ! -f "$ROOT/.complete" ]; then
  command -v debootstrap >/dev/null || { apt-get update -q >/dev/null; apt-get install -y -q debootstrap >/dev/null; }
  MIR=$(mirror); [ -n "$MIR" ] || { say "no Debian mirror found in apt sources; set MIRROR"; exit 1; }
  if grep -q " $ROOT/" /proc/mounts; then say "something is mounted inside $ROOT; refusing to remove it"; exit 1; fi
  rm -rf "$ROOT"
  say "building a Debian trixie chroot with PostgreSQL 17 + TimescaleDB in $ROOT (first run only, ~90 s)"
  debootstrap --variant=minbase --include=postgresql-17,postgresql-17-timescaledb trixie "$ROOT" "$MIR" >/dev/null
  rm -rf "$ROOT"/var/cache/apt/archives/*.deb
  touch "$ROOT/.complete"
fi

# 2. Cluster settings: our port, the extension preloaded, trust on loopback.
[ -f "$ROOT$CONF_DIR/postgresql.conf" ] || jail pg_createcluster 17 main >/dev/null
{
  echo "listen_addresses = '127.0.0.1'"
  echo "port = $PORT"
  echo "shared_preload_libraries = 'timescaledb'"
  echo "timescaledb.telemetry_level = off"
  echo "max_connections = 300"
  if [ "${TS_DURABLE:-0}" = 0 ]; then printf 'fsync = off\nsynchronous_commit = off\nfull_page_writes = off\n'; fi
} > "$ROOT$CONF_DIR/conf.d/fleet.conf"
grep -q '^host all all 127.0.0.1/32 trust' "$ROOT$CONF_DIR/pg_hba.conf" || sed -i '1i host all all 127.0.0.1/32 trust' "$ROOT$CONF_DIR/pg_hba.conf"

# 3. Start unless it already answers.
if ! answers; then
  install -d -o "$(jail id -u postgres)" -g "$(jail id -g postgres)" -m 2775 "$ROOT/run/postgresql"
  as_postgres "$PG/pg_ctl" -D "$CONF_DIR" -l /var/log/postgresql/postgresql-17-main.log -w -t 60 start >/dev/null
fi

# 4. Extension in template1; print what runs.
jail "$PG/psql" -q -h 127.0.0.1 -p "$PORT" -U postgres -d template1 -v ON_ERROR_STOP=1 \
  -c 'SET client_min_messages = warning' -c 'CREATE EXTENSION IF NOT EXISTS timescaledb' >/dev/null
jail "$PG/psql" -Atq -h 127.0.0.1 -p "$PORT" -U postgres -d template1 \
  -c "SELECT 'timescaledb ' || extversion || ' (' || current_setting('timescaledb.license') || ') on 127.0.0.1:$PORT' FROM pg_extension WHERE extname = 'timescaledb'"
