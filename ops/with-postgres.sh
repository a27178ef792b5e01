#!/usr/bin/env bash
# Runs a command with DATABASE_URL pointing at a private PostgreSQL, started once for the command
# and always stopped afterwards: ops/with-postgres.sh .venv/bin/pytest -m postgres
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
exports=$("$here/pg-test-up.sh") # an assignment, so that a failed start stops here (set -e)
eval "$exports"
trap '"$here/pg-test-down.sh" "$PGTMP"' EXIT
trap 'exit 130' INT
trap 'exit 143' TERM
echo "PostgreSQL de test sur 127.0.0.1:$PGPORT"
"$@"
