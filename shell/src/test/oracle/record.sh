#!/usr/bin/env bash
# Records what the real targetcli (the oracle over a fake configfs) prints for each differential
# script, so DifferentialTest can compare glio's shell with it without the oracle installed.
#   shell/src/test/oracle/record.sh [name...]     (default: every script)
# Needs /work/shared/tools/targetcli-oracle (or ORACLE_DIR) and Debian's python3 with targetcli-fb.
# Backing files live under the fixed folder /tmp/glio-shell-difftest (the same path the test uses,
# so `ls` dot padding matches); the oracle's state folder is written as @ORACLE_BASE@.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
dir="$here/../resources/differential"
oracle=${ORACLE_DIR:-/work/shared/tools/targetcli-oracle}
names=("$@")
if [[ ${#names[@]} -eq 0 ]]; then
  for f in "$dir"/*.txt; do names+=("$(basename "$f" .txt)"); done
fi
for name in "${names[@]}"; do
  rm -rf /tmp/glio-shell-difftest && mkdir -p /tmp/glio-shell-difftest/img
  # A file the script reads (e.g. a broken configuration for restoreconfig).
  if [[ -f $dir/$name.input.json ]]; then cp "$dir/$name.input.json" /tmp/glio-shell-difftest/input.json; fi
  base=$(mktemp -d) home=$(mktemp -d)
  FAKE_BASE=$base TARGETCLI_HOME=$home FAKE_TCMU=1 FAKE_HOST=storage1.example.com \
    /usr/bin/python3 "$oracle/harness.py" < "$dir/$name.txt" > "$base/out" 2> "$base/err" || true
  # Debian patches targetcli's /etc/target paths to /etc/rtslib-fb-target; glio keeps upstream's.
  sed -e "s|$base|@ORACLE_BASE@|g" -e '/^Warning: Could not load preferences file/d' \
      -e 's|/etc/rtslib-fb-target/|/etc/target/|g' "$base/out" > "$dir/$name.out"
  sed -e "s|$base|@ORACLE_BASE@|g" "$base/err" > "$dir/$name.err"
  if [[ -f $base/etc/saveconfig.json ]]; then
    sed -e "s|$base|@ORACLE_BASE@|g" "$base/etc/saveconfig.json" > "$dir/$name.json"
  else
    rm -f "$dir/$name.json"
  fi
  rm -rf "$base" "$home"
  echo "recorded $name"
done
rm -rf /tmp/glio-shell-difftest
