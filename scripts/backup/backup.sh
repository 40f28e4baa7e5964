#!/usr/bin/env bash
# Logical backup of the fleet database (plain PostgreSQL or TimescaleDB, hypertables included):
# one pg_dump custom-format file, compressed, restorable with scripts/backup/restore.sh.
#
#   scripts/backup/backup.sh <database-url> <out-file>
#   DATABASE_URL=postgresql://… scripts/backup/backup.sh - /backups/fleet-$(date -u +%F).dump
#
# pg_dump must be the server's major version or newer: PG_DUMP (or PG_BIN, a directory holding
# it) picks one; by default /usr/lib/postgresql/<server major>/bin when present, else PATH.
# TimescaleDB's own catalog makes pg_dump warn about circular foreign keys: expected, and
# harmless for a restore through restore.sh (timescaledb_pre_restore/post_restore).
set -euo pipefail
say() { printf 'backup: %s\n' "$*" >&2; }
usage() { say "usage: backup.sh <database-url|-> <out-file>  ('-' = \$DATABASE_URL)"; exit 2; }

[ $# -eq 2 ] || usage
url=$1
out=$2
[ "$url" = - ] && url=${DATABASE_URL:-}
[ -n "$url" ] || { say 'no database URL (argument or DATABASE_URL)'; exit 2; }
case "$url" in postgres://* | postgresql://*) ;; *) say 'the database URL must start with postgres:// or postgresql://'; exit 2 ;; esac

here=$(dirname "$0")
# shellcheck source=scripts/backup/pg-tools.sh
. "$here/pg-tools.sh"
pick_pg_tools "$url"

tmp="$out.partial"
started=$(date +%s)
# Written to a temporary name and renamed only when pg_dump succeeded, so a failed or cut-short
# run never leaves a file that looks like a backup.
if ! "$PG_DUMP" --format=custom --no-owner --no-privileges --dbname="$url" >"$tmp"; then
  rm -f "$tmp"
  say "pg_dump failed"
  exit 1
fi
mv "$tmp" "$out"
say "wrote $out ($(wc -c <"$out") bytes, $(($(date +%s) - started)) s) with $("$PG_DUMP" --version)"
