#!/usr/bin/env bash
# Row count and md5 of every table's rows in a stable order, one line per table:
#   <table> <rows> <md5>
# Run it on the source and on a restored copy; `diff` of the two outputs must be empty. Partitions
# and TimescaleDB chunks are counted through their parent table. Reads every row: meant for
# restore drills, not for a busy production primary.
#
#   scripts/backup/checksums.sh <database-url>
set -euo pipefail
[ $# -eq 1 ] || { printf 'usage: checksums.sh <database-url>\n' >&2; exit 2; }
PSQL=${PSQL:-psql}
sql=$("$PSQL" --no-psqlrc -XAtq -v ON_ERROR_STOP=1 --dbname="$1" <<'SQL'
SELECT string_agg(
         format('SELECT %L, count(*), coalesce(md5(string_agg(t::text, E''\n'' ORDER BY t::text)), ''-'') FROM %I.%I t',
                c.relname, n.nspname, c.relname),
         E'\nUNION ALL ' ORDER BY c.relname)
  FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
 WHERE n.nspname = 'public' AND c.relkind IN ('r', 'p') AND NOT c.relispartition
SQL
)
[ -n "$sql" ] || { printf 'checksums: no tables in schema public\n' >&2; exit 1; }
"$PSQL" --no-psqlrc -XAtq -v ON_ERROR_STOP=1 -F ' ' --dbname="$1" -c "$sql ORDER BY 1"
