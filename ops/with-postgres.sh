#!/usr/bin/env bash
# Runs a command with DATABASE_URL pointing at a private PostgreSQL, started once for the command
# and always stopped afterwards: ops/with-postgres.sh .venv/bin/pytest -m postgres
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
eval "$("$here/pg-test-up.sh")"
trap '"$here/pg-test-down.sh" "$PGTMP"' EXIT
echo "PostgreSQL de test sur 127.0.0.1:$PGPORT"
"$@"
