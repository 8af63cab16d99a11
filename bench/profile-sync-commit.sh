#!/usr/bin/env bash
# Where a synchronous commit waits: thread wake-ups per commit on each distdb node, by thread.
#
#   bench/profile-sync-commit.sh [--duration S] [--clients N] [--protocol prepared|simple]
#
# Starts a fresh distdb master + 2 slaves (--sync-mode sync --min-sync-acks 1), warms up, then
# runs single-row INSERTs (bench/workloads/insert.sql) with N clients (default 1) and reads every
# thread's voluntary context switches (/proc/PID/task/TID/status) before and after. A voluntary
# switch is a thread going to sleep to wait for something: with one client each one on the commit
# path is a hand-off or a wait (a fsync, a queue, a monitor, a socket). Prints switches and CPU
# per transaction by thread name (numbers in names folded into '#'), per node, and the node's
# fsyncs per transaction. DISTDB_JAR picks the jar. Output: bench/results/<ts>-wakeups/.
set -euo pipefail
BENCH_DIR=$(cd "$(dirname "$0")" && pwd)
. "$BENCH_DIR/lib/common.sh"
. "$BENCH_DIR/lib/stats.sh"
. "$BENCH_DIR/lib/distdb.sh"
. "$BENCH_DIR/lib/postgres.sh"
. "$BENCH_DIR/lib/targets.sh"
. "$BENCH_DIR/lib/pgbench.sh"

duration=10 clients=1 protocol=prepared
while [[ $# -gt 0 ]]; do
  case "$1" in
    --duration) duration=$2; shift 2 ;;
    --clients) clients=$2; shift 2 ;;
    --protocol) protocol=$2; shift 2 ;;
    -h|--help) sed -n '2,/^set -euo/p' "$0" | sed '$d; s/^# \{0,1\}//'; exit 0 ;;
    *) echo "unknown option $1" >&2; exit 2 ;;
  esac
done
need_jq
[[ -n "${DISTDB_JAR_FIXED:-}" ]] || distdb_build
results="$BENCH_DIR/results/$(date -u +%Y%m%dT%H%M%SZ)-wakeups"
mkdir -p "$results"
bench_workspace
exec > >(tee "$results/wakeups.txt")

on_exit "target_stop distdb sync2 '$work/distdb'"
target_start distdb sync2 "$work/distdb" "$pwfile"
target_load distdb "$work/distdb" "$pwfile"
port=$(target_port "$work/distdb")
pgbench_run "$port" "$pwfile" insert 16 "$protocol" 10 "$results/warmup16" >/dev/null
pgbench_run "$port" "$pwfile" insert "$clients" "$protocol" 5 "$results/warmup" >/dev/null

# thread_sample NODE: "tid name voluntary_switches cpu_ticks" for every thread of the node's JVM.
thread_sample() {
  local pid; pid=$(cat "$work/distdb/$1/pid")
  local t
  for t in /proc/"$pid"/task/*; do
    local name vol ticks
    name=$(tr ' ' '_' <"$t/comm" 2>/dev/null) || continue
    vol=$(awk '/^voluntary_ctxt_switches/ { print $2 }' "$t/status" 2>/dev/null) || continue
    ticks=$(awk '{ sub(/^.*\) /, ""); print $12 + $13 }' "$t/stat" 2>/dev/null) || continue
    echo "${t##*/} $name $vol $ticks"
  done
}
fsyncs() { distdb_metrics "$work/distdb/$1" | awk '/^distdb_log_fsyncs_total/ { print $2 }'; }

nodes=(master s1 s2)
for n in "${nodes[@]}"; do thread_sample "$n" >"$results/$n.before"; echo "$(fsyncs "$n")" >"$results/$n.fsync.before"; done
read -r tps p50 p99 _avg count failed rc < <(pgbench_run "$port" "$pwfile" insert "$clients" "$protocol" "$duration" "$results/run")
for n in "${nodes[@]}"; do thread_sample "$n" >"$results/$n.after"; echo "$(fsyncs "$n")" >"$results/$n.fsync.after"; done

hz=$(getconf CLK_TCK)
echo "## Wake-ups per commit: $clients client(s), -M $protocol, sync mode, $(date -u '+%Y-%m-%d %H:%M UTC'), load $(cut -d' ' -f1-3 /proc/loadavg)"
echo
echo "jar: $DISTDB_JAR; tps $tps, p50 ${p50} ms, p99 ${p99} ms, $count transactions, failed $failed"
echo
echo "| node | thread | voluntary switches / tx | CPU µs / tx |"
echo "|---|---|---:|---:|"
for n in "${nodes[@]}"; do
  join <(sort "$results/$n.before") <(sort "$results/$n.after") | awk -v n="$n" -v c="$count" -v hz="$hz" '
    # joined: tid name vol_before ticks_before name vol_after ticks_after
    { name = $2; gsub(/[0-9]+/, "#", name); sw[name] += $6 - $3; cpu[name] += $7 - $4 }
    END { for (k in sw) if (sw[k] / c >= 0.05 || cpu[k] * 1e6 / hz / c >= 5) printf "| %s | %s | %.2f | %.0f |\n", n, k, sw[k] / c, cpu[k] * 1e6 / hz / c }' \
    | sort -t'|' -k4 -rn
  join <(sort "$results/$n.before") <(sort "$results/$n.after") | awk -v n="$n" -v c="$count" '
    { s += $6 - $3 } END { printf "| %s | **all threads** | **%.2f** | |\n", n, s / c }'
done
echo
for n in "${nodes[@]}"; do
  echo "$n fsyncs per transaction: $(awk -v a="$(cat "$results/$n.fsync.before")" -v b="$(cat "$results/$n.fsync.after")" -v c="$count" 'BEGIN { if (a == "" || b == "") print "NA"; else printf "%.2f", (b - a) / c }')"
done
