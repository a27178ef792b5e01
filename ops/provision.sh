#!/usr/bin/env bash
# Installs the Debian packages the tests need (Chromium, fonts, PostgreSQL, and Maven and unzip to
# fetch and unpack OpenSearch) when they are missing. As root it installs them; otherwise it says
# what to install and fails. Java 21+ for OpenSearch is found or fetched by ops/opensearch-up.sh.
set -euo pipefail

missing=()
command -v chromium >/dev/null 2>&1 || missing+=(chromium)
fc-list 2>/dev/null | grep -qi "Liberation Sans" || missing+=(fonts-liberation)
fc-list 2>/dev/null | grep -qi "DejaVu Sans" || missing+=(fonts-dejavu-core)
compgen -G "/usr/lib/postgresql/*/bin/initdb" >/dev/null || missing+=(postgresql)
command -v mvn >/dev/null 2>&1 || missing+=(maven)
command -v unzip >/dev/null 2>&1 || missing+=(unzip)

if [ ${#missing[@]} -eq 0 ]; then
    exit 0
fi
if [ "$(id -u)" != 0 ]; then
    echo "Paquets manquants : ${missing[*]}. Installez-les (sudo apt-get install ${missing[*]}) puis relancez." >&2
    exit 1
fi
echo "Installation de : ${missing[*]}"
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq
apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
