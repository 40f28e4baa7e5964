# shellcheck shell=bash
# Sourced by backup.sh and restore.sh: picks psql, pg_dump and pg_restore for a server.
# PSQL / PG_DUMP / PG_RESTORE win; else PG_BIN/<tool>; else /usr/lib/postgresql/<server major>/bin
# when present (Debian keeps one directory per major); else the tool on PATH.
pick_pg_tools() {
  local url=$1 major dir
  PSQL=${PSQL:-psql}
  major=$("$PSQL" --no-psqlrc -XAtq --dbname="$url" -c 'SHOW server_version_num' 2>/dev/null | cut -c1-2 || true)
  dir=${PG_BIN:-}
  if [ -z "$dir" ] && [ -n "$major" ] && [ -x "/usr/lib/postgresql/$major/bin/pg_dump" ]; then
    dir=/usr/lib/postgresql/$major/bin
  fi
  if [ -n "$dir" ]; then
    PG_DUMP=${PG_DUMP:-$dir/pg_dump}
    PG_RESTORE=${PG_RESTORE:-$dir/pg_restore}
  else
    PG_DUMP=${PG_DUMP:-pg_dump}
    PG_RESTORE=${PG_RESTORE:-pg_restore}
  fi
  export PSQL PG_DUMP PG_RESTORE
}
