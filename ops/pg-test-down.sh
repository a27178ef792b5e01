#!/bin/sh
# Stops the PostgreSQL started by ops/pg-test-up.sh and removes its data directory.
set -eu
PGTMP=${1:?usage: pg-test-down.sh PGTMP}
PGBIN=${PGBIN:-$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -n 1)}
if [ "$(id -u)" = 0 ]; then AS="runuser -u postgres --"; else AS=""; fi
$AS "$PGBIN/pg_ctl" -D "$PGTMP/data" -m fast -w stop >/dev/null || true
rm -rf "$PGTMP"
