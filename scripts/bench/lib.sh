# Shared pieces of the side-by-side benchmarks: start/stop tgtd and glio, run one qemu-img bench
# workload, print a ratio table. Sourced by the bench-* scripts; every target listens on loopback.
set -euo pipefail
BENCH_ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
BENCH_TMP=$(mktemp -d /tmp/glio-bench.XXXXXX)
BENCH_PIDS=()

bench_cleanup() {
  local p
  [[ -n ${TGT_CTL:-} ]] && tgtadm -C "$TGT_CTL" --op delete --mode system >/dev/null 2>&1 || true
  for p in "${BENCH_PIDS[@]}"; do kill "$p" 2>/dev/null || true; done
  sleep 1
  # tgtd -f does not always end on SIGTERM; nothing of ours may outlive the run.
  for p in "${BENCH_PIDS[@]}"; do kill -9 "$p" 2>/dev/null || true; done
  wait 2>/dev/null || true
  rm -rf "$BENCH_TMP" /dev/shm/glio-bench-tgt.img
}
trap bench_cleanup EXIT

need() { command -v "$1" >/dev/null || { echo "bench: $1 is missing (apt-get install $2)" >&2; exit 1; }; }
need qemu-img qemu-utils; need tgtd tgt; need iscsi-ls libiscsi-bin

wait_portal() { # host port
  local i
  for i in $(seq 1 100); do
    iscsi-ls -s "iscsi://$1:$2" >/dev/null 2>&1 && return 0
    sleep 0.2
  done
  echo "bench: nothing answers on $1:$2" >&2; return 1
}

# tgt_start PORT BSTYPE BACKING -> sets TGT_URL. Not in $(...): a subshell would lose the pids.
tgt_start() {
  local port=$1 bstype=$2 backing=$3 iqn=iqn.2026-11.io.glio:tgt-bench
  TGT_CTL=$((port % 1000 + 100))
  tgtd -f -C "$TGT_CTL" --iscsi "portal=127.0.0.1:$port" >"$BENCH_TMP/tgtd.log" 2>&1 &
  BENCH_PIDS+=($!)
  sleep 0.5
  tgtadm -C "$TGT_CTL" --lld iscsi --op new --mode target --tid 1 -T "$iqn"
  tgtadm -C "$TGT_CTL" --lld iscsi --op new --mode logicalunit --tid 1 --lun 1 --bstype "$bstype" -b "$backing"
  tgtadm -C "$TGT_CTL" --lld iscsi --op bind --mode target --tid 1 -I ALL
  wait_portal 127.0.0.1 "$port"
  TGT_URL="iscsi://127.0.0.1:$port/$iqn/1"
}

# glio_start PORT BACKSTORE-CREATE-LINE [MORE-SHELL-LINES] -> sets GLIO_URL (LUN 0). MORE-SHELL-LINES
# run after the target is set up ($tpg names its TPG), e.g. to add LUNs. The shell reads its commands from a
# pipe that this script keeps open (fd 9), so the embedded target serves until the script ends;
# hence not in $(...), whose subshell would close the pipe when it returns.
glio_start() {
  local port=$1 create=$2 more=${3:-} iqn=iqn.2026-11.io.glio:glio-bench tpg
  tpg=/iscsi/$iqn/tpg1
  # Build first (the launcher rebuilds when a source is newer than the jar): a build inside the
  # serving start below would outlast wait_portal on a fresh clone.
  "$BENCH_ROOT/targetcli" --version >/dev/null
  mkfifo "$BENCH_TMP/glio.in"
  TARGETCLI_HOME="$BENCH_TMP/home" TARGETCLI_CONFIG="$BENCH_TMP/saveconfig.json" \
    "$BENCH_ROOT/targetcli" <"$BENCH_TMP/glio.in" >"$BENCH_TMP/glio.log" 2>&1 &
  BENCH_PIDS+=($!)
  exec 9>"$BENCH_TMP/glio.in"
  cat >&9 <<CMDS
set global auto_save_on_exit=false
$create
/iscsi create $iqn
$tpg/portals delete 0.0.0.0 3260
$tpg/portals create 127.0.0.1 $port
$tpg/luns create /backstores/$(echo "$create" | sed -E 's#^/backstores/([^ ]+) create ([^ ]+).*#\1/\2#')
$tpg set attribute generate_node_acls=1 demo_mode_write_protect=0 authentication=0 cache_dynamic_acls=1
${more//\$tpg/$tpg}
CMDS
  wait_portal 127.0.0.1 "$port" || { cat "$BENCH_TMP/glio.log" >&2; return 1; }
  GLIO_URL="iscsi://127.0.0.1:$port/$iqn/0"
}

# bench_one URL SIZE DEPTH rw COUNT -> prints ops/s
bench_one() {
  local url=$1 size=$2 depth=$3 mode=$4 count=$5 w= out secs
  [[ $mode == write ]] && w=-w
  out=$(qemu-img bench -f raw -t none -n -c "$count" -d "$depth" -s "$size" $w "$url" 2>&1) || { echo "$out" >&2; return 1; }
  secs=$(sed -n 's/^Run completed in \([0-9.]*\) seconds\./\1/p' <<<"$out")
  awk -v c="$count" -v s="$secs" 'BEGIN { printf "%.0f", c / s }'
}

# The workloads every benchmark runs: name size depth mode count.
WORKLOADS=(
  "4k-QD1-read 4k 1 read 20000"
  "4k-QD1-write 4k 1 write 20000"
  "4k-QD16-read 4k 16 read 100000"
  "4k-QD16-write 4k 16 write 100000"
  "1M-QD4-read 1M 4 read 2000"
  "1M-QD4-write 1M 4 write 2000"
)

# bench_warmup URL PERCENT: one untimed pass of every workload at PERCENT of its (unscaled)
# count. glio runs on a JVM whose JIT keeps compiling the I/O path for a long while on a small
# machine (4k QD1 reads measured 5262, 7698, 12755, 14114 ops/s in four back-to-back runs on a
# fresh ramdisk process; on user:glfs, glio's CPU per 1 MiB write fell from 3.8 ms in the first
# 1000 writes to 1.4-1.6 ms after some 20000 requests of all kinds), so a short pass leaves the
# table measuring warm-up, not the target. A gateway serves for months: the table is meant to
# show the warmed-up process. Every target gets the same pass.
bench_warmup() {
  local url=$1 percent=$2 w wname size depth mode count
  for w in "${WORKLOADS[@]}"; do
    read -r wname size depth mode count <<<"$w"
    bench_one "$url" "$size" "$depth" "$mode" $(( count * percent / 100 )) >/dev/null
  done
}

# bench_table REPEATS name=url ... : each workload runs REPEATS times per target, interleaved,
# best run kept; prints ops/s per target and the ratio of the first target to each other one.
# Every target first gets bench_warmup at BENCH_WARMUP percent (default 50; 0 skips it).
bench_table() {
  local repeats=$1; shift
  local names=() urls=() spec w n i r best v
  for spec in "$@"; do names+=("${spec%%=*}"); urls+=("${spec#*=}"); done
  local warmup=${BENCH_WARMUP:-50}
  [[ $warmup =~ ^[0-9]+$ ]] || { echo "bench: BENCH_WARMUP must be a percentage (0 skips the warm-up), got '$warmup'" >&2; return 1; }
  if (( warmup > 0 )); then
    for ((i = 0; i < ${#urls[@]}; i++)); do bench_warmup "${urls[i]}" "$warmup"; done
  fi
  printf '%-14s' workload; for n in "${names[@]}"; do printf '%14s' "$n ops/s"; done
  for ((i = 1; i < ${#names[@]}; i++)); do printf '%16s' "${names[0]}/${names[i]}"; done; echo
  for w in "${WORKLOADS[@]}"; do
    read -r wname size depth mode count <<<"$w"
    [[ -n ${BENCH_SCALE:-} ]] && count=$(( count * BENCH_SCALE / 100 ))
    local results=()
    for ((i = 0; i < ${#urls[@]}; i++)); do results+=(0); done
    for ((r = 0; r < repeats; r++)); do
      for ((i = 0; i < ${#urls[@]}; i++)); do
        v=$(bench_one "${urls[i]}" "$size" "$depth" "$mode" "$count")
        (( v > results[i] )) && results[i]=$v
      done
    done
    printf '%-14s' "$wname"; for v in "${results[@]}"; do printf '%14s' "$v"; done
    for ((i = 1; i < ${#urls[@]}; i++)); do
      awk -v a="${results[0]}" -v b="${results[i]}" 'BEGIN { printf "%15.2fx", (b > 0 ? a / b : 0) }'
    done; echo
  done
}
