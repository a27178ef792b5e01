#!/bin/sh
# Starts a throwaway PostgreSQL on 127.0.0.1 with its own data directory and a free port, and
# prints `export` lines (PGTMP, PGPORT, DATABASE_URL) for eval. Stop it with ops/pg-test-down.sh.
set -eu
PGBIN=${PGBIN:-$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -n 1)}
PGPORT=${PGPORT:-$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')}
PGTMP=$(mktemp -d "${TMPDIR:-/tmp}/pgtest.XXXXXX")
chmod 755 "$PGTMP"
trap 'cat "$PGTMP/server.log" >&2 2>/dev/null; rm -rf "$PGTMP"' EXIT
if [ "$(id -u)" = 0 ]; then chown postgres:postgres "$PGTMP"; AS="runuser -u postgres --"; else AS=""; fi
$AS "$PGBIN/initdb" -D "$PGTMP/data" -U postgres -E UTF8 --locale=C.UTF-8 \
    --auth-local=trust --auth-host=scram-sha-256 --no-sync >"$PGTMP/initdb.log"
$AS "$PGBIN/pg_ctl" -D "$PGTMP/data" -l "$PGTMP/server.log" -w -t 30 start -o \
    "-c listen_addresses=127.0.0.1 -p $PGPORT -k $PGTMP -c fsync=off -c synchronous_commit=off -c full_page_writes=off" >/dev/null
$AS "$PGBIN/psql" -h "$PGTMP" -p "$PGPORT" -U postgres -d postgres -qAt -v ON_ERROR_STOP=1 <<SQL
CREATE ROLE app LOGIN PASSWORD 'app' CREATEDB;
CREATE DATABASE app OWNER app;
SQL
trap - EXIT
echo "export PGTMP=$PGTMP"
echo "export PGPORT=$PGPORT"
echo "export DATABASE_URL=postgresql://app:app@127.0.0.1:$PGPORT/app"
