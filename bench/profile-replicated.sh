#!/usr/bin/env bash
# Where does the CPU go in the replicated topologies? Server CPU per transaction on each node
# (distdb master/s1/s2 JVMs; PostgreSQL primary/standby process trees), distdb CPU by thread on
# the master and on slave s1, and the log fsyncs per entry on master and slave, for single-row
# INSERTs with N clients in async and sync mode.
#
#   bench/profile-replicated.sh [--duration S] [--clients N] [--modes "async sync"]
#
# Starts fresh clusters like run-replicated.sh, warms each mode up for 10 s, then one pgbench run
# per target and mode with CPU read from /proc before and after. Output:
# bench/results/<timestamp>-repl-profile/.
set -euo pipefail
BENCH_DIR=$(cd "$(dirname "$0")" && pwd)
. "$BENCH_DIR/lib/common.sh"
. "$BENCH_DIR/lib/stats.sh"
. "$BENCH_DIR/lib/cpu.sh"
. "$BENCH_DIR/lib/distdb.sh"
. "$BENCH_DIR/lib/postgres.sh"
. "$BENCH_DIR/lib/targets.sh"
. "$BENCH_DIR/lib/pgbench.sh"

duration=15 clients=16 modes="async sync"
while [[ $# -gt 0 ]]; do
  case "$1" in
    --duration) duration=$2; shift 2 ;;
    --clients) clients=$2; shift 2 ;;
    --modes) modes=$2; shift 2 ;;
    -h|--help) sed -n '2,/^set -euo/p' "$0" | sed '$d; s/^# \{0,1\}//'; exit 0 ;;
    *) echo "unknown option $1" >&2; exit 2 ;;
  esac
done
read -r -a mode_list <<<"$modes"
pg_ensure_installed
need_jq
distdb_build
results="$BENCH_DIR/results/$(date -u +%Y%m%dT%H%M%SZ)-repl-profile"
mkdir -p "$results"
bench_workspace
exec > >(tee "$results/profile.txt")

for t in distdb postgres; do
  on_exit "target_stop $t ${mode_list[0]}2 '$work/$t'"
  target_start "$t" "${mode_list[0]}2" "$work/$t" "$pwfile"
  target_load "$t" "$work/$t" "$pwfile"
done

# node_ticks TARGET NODE: CPU ticks of one node. distdb: the JVM. PostgreSQL: the postmaster
# (with its reaped children, e.g. finished backends) plus its live children (walsender,
# walreceiver, startup, checkpointer, ...).
node_ticks() {
  local t=$1 n=$2 pid
  if [[ $t == distdb ]]; then
    proc_cpu_ticks "$(cat "$work/distdb/$n/pid")"
  else
    pid=$(pg_postmaster_pid "$work/postgres/$n")
    { proc_cpu_ticks "$pid"
      for c in $(pgrep -P "$pid"); do awk '{ sub(/^.*\) /, ""); print $12 + $13 }' "/proc/$c/stat" 2>/dev/null || true; done
    } | awk '{ s += $1 } END { print s }'
  fi
}
metric() { awk -v m="$1" '$1 == m { printf "%d", $2 }' "$2"; }
hz=$(getconf CLK_TCK)
nodes=(master s1 s2)

echo "## Server CPU per INSERT by node ($clients clients, -M prepared, ${duration}s, CPU from /proc)"
echo
echo "| mode | target | tps | master µs/tx | s1 µs/tx | s2 µs/tx | all nodes µs/tx | pgbench CPU s | fsyncs/entry master | fsyncs/entry s1 |"
echo "|---|---|---:|---:|---:|---:|---:|---:|---:|---:|"
for m in "${mode_list[@]}"; do
  for t in distdb postgres; do
    repl_set_mode "$t" "$m" "$work/$t" "$pwfile"
    pgbench_run "$(target_port "$work/$t")" "$pwfile" insert "$clients" prepared 10 "$results/warmup-$m-$t" >/dev/null
    repl_wait_converged "$t" "$work/$t" 60 || true
    declare -A c0=() c1=()
    for n in "${nodes[@]}"; do c0[$n]=$(node_ticks "$t" "$n"); done
    if [[ $t == distdb ]]; then
      for n in master s1; do
        thread_cpu_ticks "$(cat "$work/distdb/$n/pid")" >"$results/threads-before-$m-$n"
        distdb_metrics "$work/distdb/$n" >"$results/metrics-before-$m-$n"
      done
    fi
    p0=$(proc_cpu_ticks $$)
    read -r tps _ _ _ cnt _ _ < <(pgbench_run "$(target_port "$work/$t")" "$pwfile" insert "$clients" prepared "$duration" "$results/$m-$t")
    repl_wait_converged "$t" "$work/$t" 60 || true   # the replicas' work for these transactions
    sleep 0.5
    p1=$(proc_cpu_ticks $$)
    for n in "${nodes[@]}"; do c1[$n]=$(node_ticks "$t" "$n"); done
    fm=NA; fs=NA
    if [[ $t == distdb ]]; then
      for n in master s1; do
        thread_cpu_ticks "$(cat "$work/distdb/$n/pid")" >"$results/threads-after-$m-$n"
        distdb_metrics "$work/distdb/$n" >"$results/metrics-after-$m-$n"
      done
      fpe() {
        local e f
        e=$(( $(metric distdb_log_durable_lsn "$results/metrics-after-$m-$1") - $(metric distdb_log_durable_lsn "$results/metrics-before-$m-$1") ))
        f=$(( $(metric distdb_log_fsyncs_total "$results/metrics-after-$m-$1") - $(metric distdb_log_fsyncs_total "$results/metrics-before-$m-$1") ))
        awk -v e="$e" -v f="$f" 'BEGIN { if (e > 0) printf "%.3f", f / e; else print "NA" }'
      }
      fm=$(fpe master); fs=$(fpe s1)
    fi
    awk -v m="$m" -v t="$t" -v tps="$tps" -v n="$cnt" -v hz="$hz" -v s="$(( p1 - p0 ))" \
      -v a="$(( ${c1[master]} - ${c0[master]} ))" -v b="$(( ${c1[s1]} - ${c0[s1]} ))" -v c="$(( ${c1[s2]} - ${c0[s2]} ))" -v fm="$fm" -v fs="$fs" \
      'BEGIN { k = 1e6 / hz / n; printf "| %s | %s | %.0f | %.0f | %.0f | %.0f | %.0f | %.1f | %s | %s |\n", m, t, tps, a * k, b * k, c * k, (a + b + c) * k, s / hz, fm, fs }'
  done
done
echo
echo "(CPU includes what the replicas did until they had applied the run's last transaction.)"
for m in "${mode_list[@]}"; do
  for n in master s1; do
    echo
    echo "### distdb $n CPU by thread, $m (seconds)"
    echo
    echo '```'
    thread_cpu_delta "$results/threads-before-$m-$n" "$results/threads-after-$m-$n" \
      | awk -v hz="$hz" '{ printf "%7.2f  %s\n", $1 / hz, $2 }' | head -n 12
    echo '```'
  done
done
echo
echo "Raw output: $results"
