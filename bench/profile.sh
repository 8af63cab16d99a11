#!/usr/bin/env bash
# Where does the time go? Server CPU per transaction (distdb vs PostgreSQL), distdb CPU per
# thread, and a JFR CPU profile of distdb, for the single-node workloads.
#
#   bench/profile.sh [--duration S] [--clients N] [--mode prepared|simple] [--workloads "select insert"]
#
# Starts fresh targets like run-single-node.sh, warms them up, then per workload: one pgbench run
# per target with the server's CPU time measured from /proc, then one more distdb run under JFR
# (settings=profile). Output and recordings go to bench/results/<timestamp>-profile/.
set -euo pipefail
BENCH_DIR=$(cd "$(dirname "$0")" && pwd)
. "$BENCH_DIR/lib/common.sh"
. "$BENCH_DIR/lib/stats.sh"
. "$BENCH_DIR/lib/cpu.sh"
. "$BENCH_DIR/lib/distdb.sh"
. "$BENCH_DIR/lib/postgres.sh"
. "$BENCH_DIR/lib/targets.sh"
. "$BENCH_DIR/lib/pgbench.sh"
. "$BENCH_DIR/lib/jfr.sh"

duration=15 clients=16 mode=prepared workloads="select insert"
while [[ $# -gt 0 ]]; do
  case "$1" in
    --duration) duration=$2; shift 2 ;;
    --clients) clients=$2; shift 2 ;;
    --mode) mode=$2; shift 2 ;;
    --workloads) workloads=$2; shift 2 ;;
    -h|--help) sed -n '2,/^set -euo/p' "$0" | sed '$d; s/^# \{0,1\}//'; exit 0 ;;
    *) echo "unknown option $1" >&2; exit 2 ;;
  esac
done
pg_ensure_installed
distdb_build
results="$BENCH_DIR/results/$(date -u +%Y%m%dT%H%M%SZ)-profile"
mkdir -p "$results"
bench_workspace
exec > >(tee "$results/profile.txt")

for t in distdb postgres; do
  on_exit "target_stop $t single '$work/$t'"
  target_start "$t" single "$work/$t" "$pwfile"
  target_load "$t" "$work/$t" "$pwfile"
done
dpid=$(cat "$work/distdb/master/pid")
ppid=$(pg_postmaster_pid "$work/postgres/master")
server_pid() { if [[ $1 == distdb ]]; then echo "$dpid"; else echo "$ppid"; fi; }

for w in $workloads; do
  for t in distdb postgres; do
    pgbench_run "$(target_port "$work/$t")" "$pwfile" "$w" "$clients" "$mode" 10 "$results/warmup-$t-$w" >/dev/null
  done
done

hz=$(getconf CLK_TCK)
echo "## Server CPU per transaction ($clients clients, -M $mode, ${duration}s, CPU from /proc)"
echo
echo "| workload | target | tps | server CPU s | server CPU us/tx | pgbench CPU s |"
echo "|---|---|---:|---:|---:|---:|"
for w in $workloads; do
  for t in distdb postgres; do
    pid=$(server_pid "$t")
    if [[ $t == distdb ]]; then
      thread_cpu_ticks "$pid" >"$results/threads-before-$w"
      distdb_metrics "$work/distdb/master" >"$results/metrics-before-$w"
    fi
    c0=$(proc_cpu_ticks "$pid"); s0=$(proc_cpu_ticks $$)
    read -r tps _ _ _ cnt _ _ < <(pgbench_run "$(target_port "$work/$t")" "$pwfile" "$w" "$clients" "$mode" "$duration" "$results/$t-$w")
    sleep 0.5   # let the postmaster reap the backends so their CPU is counted
    c1=$(proc_cpu_ticks "$pid"); s1=$(proc_cpu_ticks $$)
    if [[ $t == distdb ]]; then
      thread_cpu_ticks "$pid" >"$results/threads-after-$w"
      distdb_metrics "$work/distdb/master" >"$results/metrics-after-$w"
    fi
    awk -v w="$w" -v t="$t" -v tps="$tps" -v n="$cnt" -v c="$(( c1 - c0 ))" -v s="$(( s1 - s0 ))" -v hz="$hz" \
      'BEGIN { printf "| %s | %s | %.0f | %.1f | %.0f | %.1f |\n", w, t, tps, c / hz, 1e6 * c / hz / n, s / hz }'
  done
done
echo
echo "(pgbench CPU: this script's reaped children, i.e. pgbench plus the tiny helpers.)"
echo
echo "## distdb group commit (log metrics over the measured runs)"
echo
echo "| workload | log entries | fsyncs | entries per fsync |"
echo "|---|---:|---:|---:|"
metric() { awk -v m="$1" '$1 == m { printf "%d", $2 }' "$2"; }
for w in $workloads; do
  e=$(( $(metric distdb_log_durable_lsn "$results/metrics-after-$w") - $(metric distdb_log_durable_lsn "$results/metrics-before-$w") ))
  f=$(( $(metric distdb_log_fsyncs_total "$results/metrics-after-$w") - $(metric distdb_log_fsyncs_total "$results/metrics-before-$w") ))
  awk -v w="$w" -v e="$e" -v f="$f" 'BEGIN { printf "| %s | %d | %d | %s |\n", w, e, f, f ? sprintf("%.2f", e / f) : "NA" }'
done
for w in $workloads; do
  echo
  echo "## distdb CPU by thread, $w (seconds over ${duration}s)"
  echo
  echo '```'
  thread_cpu_delta "$results/threads-before-$w" "$results/threads-after-$w" \
    | awk -v hz="$hz" '{ printf "%7.2f  %s\n", $1 / hz, $2 }' | head -n 15
  echo '```'
done

# JFR: one more run per workload under the profiler.
for w in $workloads; do
  jfrfile="$results/distdb-$w.jfr"
  jcmd "$dpid" JFR.start name="bench-$w" settings=profile filename="$jfrfile" >/dev/null
  pgbench_run "$(target_port "$work/distdb")" "$pwfile" "$w" "$clients" "$mode" "$duration" "$results/jfr-distdb-$w" >/dev/null
  jcmd "$dpid" JFR.stop name="bench-$w" >/dev/null
  echo
  echo "## distdb JFR CPU samples, $w: top frames (self) and hottest distdb/H2 methods (inclusive)"
  echo
  echo '```'
  jfr_cpu_top "$jfrfile"
  echo '```'
done
echo
echo "Raw output: $results"
