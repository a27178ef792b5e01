#!/usr/bin/env bash
# Runs a command with SEARCH_URL pointing at a private OpenSearch node, started once for the command
# and always stopped afterwards (also on failure or Ctrl-C): ops/with-opensearch.sh .venv/bin/pytest -m opensearch
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
started=$SECONDS
exports=$("$here/opensearch-up.sh") # an assignment, so that a failed start stops here (set -e)
eval "$exports"
trap '"$here/opensearch-down.sh" "$OSTMP"' EXIT
trap 'exit 130' INT
trap 'exit 143' TERM
trap 'exit 129' HUP
echo "OpenSearch de test sur 127.0.0.1:$OPENSEARCH_PORT (prêt en $((SECONDS - started)) s)"
"$@"
