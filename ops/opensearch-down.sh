#!/bin/sh
# Stops the OpenSearch node started by ops/opensearch-up.sh and removes its directory. It signals
# only the pid that node recorded (and only if that pid is still this node's JVM), waits for the
# JVM to exit (SIGKILL after OPENSEARCH_STOP_TIMEOUT seconds), then deletes OSTMP.
set -eu
OSTMP=${1:?usage: opensearch-down.sh OSTMP}
TIMEOUT=${OPENSEARCH_STOP_TIMEOUT:-30}

pid=$(cat "$OSTMP/node.pid" 2>/dev/null || cat "$OSTMP/opensearch.pid" 2>/dev/null || true)
# A recycled pid is never ours: the JVM's command line names this node's config directory.
is_ours() { tr '\0' '\n' 2>/dev/null <"/proc/$1/cmdline" | grep -qxF -- "-Dopensearch.path.conf=$OSTMP/config"; }

if [ -n "$pid" ] && is_ours "$pid"; then
    kill -TERM "$pid" 2>/dev/null || true
    waited=0
    while is_ours "$pid"; do
        if [ "$waited" -ge $((TIMEOUT * 10)) ]; then
            echo "OpenSearch ($pid) ne s'arrête pas : SIGKILL." >&2
            kill -KILL "$pid" 2>/dev/null || true
        fi
        sleep 0.1
        waited=$((waited + 1))
    done
fi
rm -rf "$OSTMP"
