#!/bin/sh
# Regenerates <script>.json from <script>.txt with the real targetcli/rtslib (the oracle).
# Needs: apt-get install -y targetcli-fb. Tests only read the stored .json files.
set -eu
here=$(cd "$(dirname "$0")" && pwd)
for script in "$here"/backstores.txt "$here"/fabrics.txt "$here"/empty.txt; do
    # fileio paths in the scripts live here; fresh so sizes come from the commands.
    rm -rf /tmp/glio-oracle-img && mkdir -p /tmp/glio-oracle-img
    base=$(mktemp -d)
    FAKE_TCMU=1 FAKE_BASE="$base" /usr/bin/python3 "$here/harness-ext.py" < "$script" > "$base/out.txt" 2>&1
    cp "$base/etc/saveconfig.json" "${script%.txt}.json"
    rm -rf "$base"
done
rm -rf /tmp/glio-oracle-img
