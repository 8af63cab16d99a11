#!/usr/bin/env bash
# One benchmark configuration against one target.
#
#   bench/run.sh --target distdb|postgres --workload select|insert --clients N
#                [--mode prepared|simple] [--duration S] [--topology single]
#                [--port P --password-file F]
#
# Without --port it starts a fresh target in the given topology (only "single" so far) in a temp
# dir, loads the accounts, runs pgbench once and stops the target again (also on Ctrl-C or
# failure). With --port (and --password-file) it runs against a server that is already running
# and loaded, e.g. one started by another script. Prints "tps p50_ms p99_ms avg_ms transactions
# failed exit_code"; pgbench's output and the gzipped -l logs go to bench/results/<timestamp>-run/.
set -euo pipefail
BENCH_DIR=$(cd "$(dirname "$0")" && pwd)
. "$BENCH_DIR/lib/common.sh"
. "$BENCH_DIR/lib/stats.sh"
. "$BENCH_DIR/lib/distdb.sh"
. "$BENCH_DIR/lib/postgres.sh"
. "$BENCH_DIR/lib/targets.sh"
. "$BENCH_DIR/lib/pgbench.sh"

target="" workload="" clients="" mode=prepared duration=15 topology=single port="" pwfile=""
usage() { sed -n '2,/^set -euo/p' "$0" | sed '$d; s/^# \{0,1\}//'; }
while [[ $# -gt 0 ]]; do
  case "$1" in
    --target) target=$2; shift 2 ;;
    --workload) workload=$2; shift 2 ;;
    --clients) clients=$2; shift 2 ;;
    --mode) mode=$2; shift 2 ;;
    --duration) duration=$2; shift 2 ;;
    --topology) topology=$2; shift 2 ;;
    --port) port=$2; shift 2 ;;
    --password-file) pwfile=$2; shift 2 ;;
    -h|--help) usage; exit 0 ;;
    *) echo "unknown option $1" >&2; usage >&2; exit 2 ;;
  esac
done
[[ -n "$target" && -n "$workload" && -n "$clients" ]] || { usage >&2; exit 2; }

out="$BENCH_DIR/results/$(date -u +%Y%m%dT%H%M%SZ)-run/$target-$workload-c$clients-$mode"
if [[ -n "$port" ]]; then
  [[ -n "$pwfile" ]] || die "--port needs --password-file"
else
  pg_ensure_installed
  [[ "$target" == distdb ]] && distdb_build
  bench_workspace
  on_exit "target_stop $target $topology '$work/$target'"
  target_start "$target" "$topology" "$work/$target" "$pwfile"
  target_load "$target" "$work/$target" "$pwfile"
  port=$(target_port "$work/$target")
fi
log "$target/$topology: $workload, $clients clients, -M $mode, ${duration}s -> $out"
pgbench_run "$port" "$pwfile" "$workload" "$clients" "$mode" "$duration" "$out"
