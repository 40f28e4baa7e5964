#!/usr/bin/env bash
# Restores a backup.sh file into a NEW database (created here when missing; refused when it
# already holds tables, so a restore never lands on top of live data).
#
#   scripts/backup/restore.sh <dump-file> <target-database-url>
#
# On TimescaleDB (the dump holds the timescaledb extension) it follows Timescale's documented
# logical restore: the extension (same version as the dump's) is created first, then
# timescaledb_pre_restore() before pg_restore and timescaledb_post_restore() after it, so
# hypertables and their chunks come back as hypertables. Tools as in backup.sh (PSQL,
# PG_RESTORE, PG_BIN). Afterwards compare with scripts/backup/checksums.sh.
set -euo pipefail
say() { printf 'restore: %s\n' "$*" >&2; }
[ $# -eq 2 ] || { say 'usage: restore.sh <dump-file> <target-database-url>'; exit 2; }
dump=$1
url=$2
[ -r "$dump" ] || { say "cannot read $dump"; exit 2; }
case "$url" in postgres://* | postgresql://*) ;; *) say 'the target URL must start with postgres:// or postgresql://'; exit 2 ;; esac

here=$(dirname "$0")
# shellcheck source=scripts/backup/pg-tools.sh
. "$here/pg-tools.sh"
PSQL=${PSQL:-psql}
q() { PGOPTIONS="-c client_min_messages=warning" "$PSQL" --no-psqlrc -XAtq -v ON_ERROR_STOP=1 --dbname="$1" -c "$2"; }

# The target database name is the URL's path; it is created through the server's `postgres`
# database when it does not exist yet.
db=$(printf '%s' "$url" | sed -E 's|^[a-z]+://[^/]*/([^?]*).*$|\1|')
server=$(printf '%s' "$url" | sed -E 's|^([a-z]+://[^/]*)/[^?]*(.*)$|\1/postgres\2|')
[ -n "$db" ] && [ "$db" != "$url" ] || { say 'the target URL names no database'; exit 2; }
printf '%s' "$db" | grep -Eq '^[A-Za-z_][A-Za-z0-9_]*$' || { say "unusual database name '$db' (letters, digits, _)"; exit 2; }
if [ "$(q "$server" "SELECT count(*) FROM pg_database WHERE datname = '$db'")" = 0 ]; then
  q "$server" "CREATE DATABASE \"$db\""
  say "created database $db"
fi
pick_pg_tools "$url"
tables=$(q "$url" "SELECT count(*) FROM pg_tables WHERE schemaname NOT IN ('pg_catalog', 'information_schema') AND schemaname NOT LIKE '\\_timescaledb%' AND schemaname NOT IN ('timescaledb_information', 'timescaledb_experimental')")
[ "$tables" = 0 ] || { say "database $db already has $tables tables: restore only into a new, empty database"; exit 1; }

started=$(date +%s)
toc=$("$PG_RESTORE" --list <"$dump")
timescale=no
if printf '%s\n' "$toc" | grep -Eq 'EXTENSION - timescaledb *$'; then
  timescale=yes
  # The extension must exist (same version as in the dump) before pre_restore can be called.
  q "$url" 'CREATE EXTENSION IF NOT EXISTS timescaledb'
  q "$url" 'SELECT timescaledb_pre_restore()' >/dev/null
fi
status=0
# --single-transaction: a failed restore leaves an empty database, not half of one.
"$PG_RESTORE" --no-owner --no-privileges --exit-on-error --single-transaction --dbname="$url" <"$dump" || status=$?
if [ "$timescale" = yes ]; then
  # Always, also after a failure: pre_restore leaves the database in restoring mode
  # (background workers stopped) until post_restore.
  q "$url" 'SELECT timescaledb_post_restore()' >/dev/null
fi
[ "$status" = 0 ] || { say "pg_restore failed ($status)"; exit "$status"; }
say "restored $dump into $db (timescaledb: $timescale, $(($(date +%s) - started)) s)"
