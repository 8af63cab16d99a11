#!/usr/bin/env bash
# Mixed workload in sync mode (issue 15): distdb master + 2 slaves (--sync-mode sync
# --min-sync-acks 1) vs PostgreSQL 15 primary + 2 streaming standbys (synchronous_standby_names =
# 'ANY 1 (s1, s2)'), both started by the same run.
#
#   bench/run-mixed.sh [--duration S] [--reps N] [--warmup S] [--writers N] [--readers N]
#                      [--heartbeat-ms MS] [--writer-mode simple|extended] [--jfr S] [--label TEXT]
#
# Each run is bench/tools/MixedLoad.java for --duration seconds: --writers (8) autocommit INSERT
# writers using the simple query protocol on the master, a heartbeat UPDATE every --heartbeat-ms
# (50) on the master, and on each slave --readers (1) closed-loop threads each of counts, point
# reads and ordered scans; the heartbeat's arrival on each slave gives the replication lag. Per
# repetition both targets run back to back, the order alternating with the repetition; each run
# records the 1-minute load average at its start. After a --warmup (10 s) run per target that is
# not recorded. --writer-mode extended (a diagnostic, not the issue's workload) makes the writers
# use pgjdbc's default extended protocol instead.
#
# Targets (issue 15): acknowledged writes/s >= PostgreSQL's, lag p99 < 100 ms on each slave.
#
# --jfr S: afterwards one more distdb run of S seconds with JDK Flight Recorder on the master and
# on slave s1 (bench/lib/jfr.sh: CPU samples and waits >= 1 ms) and each distdb node's CPU from
# /proc, summarized after the tables.
#
# DISTDB_JAR picks the node jar, DISTDB_JAVA_OPTS the nodes' JVM options. Prints Markdown tables
# with medians and paired (same repetition) ratios distdb/PostgreSQL; raw results in
# bench/results/<ts>-mixed/. Servers are stopped and temp dirs removed on exit.
set -euo pipefail
BENCH_DIR=$(cd "$(dirname "$0")" && pwd)
. "$BENCH_DIR/lib/common.sh"
. "$BENCH_DIR/lib/stats.sh"
. "$BENCH_DIR/lib/distdb.sh"
. "$BENCH_DIR/lib/postgres.sh"
. "$BENCH_DIR/lib/targets.sh"
. "$BENCH_DIR/lib/jfr.sh"
. "$BENCH_DIR/lib/cpu.sh"

duration=20 reps=3 warmup=10 writers=8 readers=1 heartbeat_ms=50 writer_mode=simple jfr=0 label=""
targets=(distdb postgres)
while [[ $# -gt 0 ]]; do
  case "$1" in
    --duration) duration=$2; shift 2 ;;
    --reps) reps=$2; shift 2 ;;
    --warmup) warmup=$2; shift 2 ;;
    --writers) writers=$2; shift 2 ;;
    --readers) readers=$2; shift 2 ;;
    --heartbeat-ms) heartbeat_ms=$2; shift 2 ;;
    --writer-mode) writer_mode=$2; shift 2 ;;
    --jfr) jfr=$2; shift 2 ;;
    --label) label=$2; shift 2 ;;
    -h|--help) sed -n '2,/^set -euo/p' "$0" | sed '$d; s/^# \{0,1\}//'; exit 0 ;;
    *) echo "unknown option $1" >&2; exit 2 ;;
  esac
done

pg_ensure_installed
need_jq
[[ -n "${DISTDB_JAR_FIXED:-}" ]] || distdb_build
jdbc=$(pgjdbc_jar)
results="$BENCH_DIR/results/$(date -u +%Y%m%dT%H%M%SZ)-mixed"
mkdir -p "$results"
bench_workspace
exec > >(tee "$results/summary.md") 2> >(tee "$results/progress.log" >&2)

{
  echo "date: $(date -u '+%Y-%m-%d %H:%M:%S UTC') label: $label"
  echo "git: $(git -C "$DISTDB_ROOT" rev-parse --short HEAD 2>/dev/null) jar: $DISTDB_JAR DISTDB_JAVA_OPTS='$DISTDB_JAVA_OPTS'"
  echo "postgres: $("$PG_BIN/postgres" --version)"
  echo "loadavg at start: $(cut -d' ' -f1-3 /proc/loadavg)"
  echo "options: duration=${duration}s reps=$reps warmup=${warmup}s writers=$writers ($writer_mode protocol) readers=$readers heartbeat=${heartbeat_ms}ms"
} >"$results/machine.txt"
cat "$results/machine.txt" >&2

for t in "${targets[@]}"; do
  on_exit "target_stop $t sync2 '$work/$t'"
  target_start "$t" sync2 "$work/$t" "$pwfile"
  target_load "$t" "$work/$t" "$pwfile"
  target_psql "$work/$t" "$pwfile" -f "$BENCH_DIR/sql/mixed.sql"
  repl_wait_converged "$t" "$work/$t" 120 || die "$t replicas did not converge after loading"
done

# mixed_run TARGET SECONDS OUT: one MixedLoad run; its summary lines in OUT/summary.txt.
mixed_run() {
  local t=$1 secs=$2 out=$3
  mkdir -p "$out"
  # shellcheck disable=SC2046
  timeout --kill-after=10 $(( secs + 90 )) java -cp "$jdbc" "$BENCH_DIR/tools/MixedLoad.java" \
    --master "$(target_port "$work/$t")" $(repl_replica_args "$work/$t") --password-file "$pwfile" \
    --duration-s "$secs" --writers "$writers" --readers "$readers" --heartbeat-ms "$heartbeat_ms" \
    --writer-mode "$writer_mode" \
    --out "$out" >"$out/load.txt" 2>"$out/load.err" || log "MixedLoad on $t failed: $(tail -n 3 "$out/load.err")"
}

# runs.tsv: rep, target, loadavg, then a MixedLoad summary line (ROLE NODE KIND key value ...).
runs="$results/runs.tsv"
if (( warmup > 0 )); then
  log "warm-up: ${warmup}s of the mixed load on each target (not recorded)"
  for t in "${targets[@]}"; do mixed_run "$t" "$warmup" "$results/warmup/$t"; done
fi
for (( rep=1; rep<=reps; rep++ )); do
  order=("${targets[@]}")
  (( rep % 2 == 0 )) && order=("${targets[1]}" "${targets[0]}")
  for t in "${order[@]}"; do
    load=$(cut -d' ' -f1 /proc/loadavg)
    mixed_run "$t" "$duration" "$results/rep$rep/$t"
    awk -v r="$rep" -v t="$t" -v l="$load" '{ print r "\t" t "\t" l "\t" $0 }' "$results/rep$rep/$t/load.txt" >>"$runs"
    log "rep $rep $t (load $load): $(awk '$1 == "write" && $3 == "insert" { printf "writes/s %s p99 %s ms; ", $7, $15 }
      $1 == "lag" && $3 == "ack" { printf "%s lag p99 %s ms; ", $2, $9 }' "$results/rep$rep/$t/load.txt")"
  done
done
for t in "${targets[@]}"; do
  repl_wait_converged "$t" "$work/$t" 120 || log "WARNING: $t replicas did not converge"
done
distdb_checksums "$work/distdb" >"$results/checksums.txt" || true
distdb_status "$work/distdb/master" | jq -c '{mode: .master.mode, degraded: .master.degraded, ackTimeouts: .master.ackTimeouts}' \
  >"$results/distdb-sync-state.json" || true

# jfr_nodes: the distdb nodes recorded with --jfr (the master's write path, s1's apply and acks).
jfr_nodes=(master s1)
if (( jfr > 0 )); then
  log "JFR: ${jfr}s more of the mixed load on distdb, recorded on ${jfr_nodes[*]}"
  mkdir -p "$results/jfr"
  for n in "${jfr_nodes[@]}"; do jfr_start "$(cat "$work/distdb/$n/pid")" mixed "$results/jfr/$n.jfr"; done
  jfr_load=$(cut -d' ' -f1 /proc/loadavg)
  for n in master $(repl_replica_names); do
    proc_cpu_ticks "$(cat "$work/distdb/$n/pid")" >"$results/jfr/$n.cpu.before"
    thread_cpu_ticks "$(cat "$work/distdb/$n/pid")" >"$results/jfr/$n.threads.before"
  done
  mixed_run distdb "$jfr" "$results/jfr/run"
  for n in master $(repl_replica_names); do
    thread_cpu_ticks "$(cat "$work/distdb/$n/pid")" >"$results/jfr/$n.threads.after"
    proc_cpu_ticks "$(cat "$work/distdb/$n/pid")" >"$results/jfr/$n.cpu.after"
  done
  for n in "${jfr_nodes[@]}"; do jfr_stop "$(cat "$work/distdb/$n/pid")" mixed; done
fi

# ------------------------------------------------------------------ summary
# col TARGET ROLE NODE KIND KEY: the value of KEY in that summary line, one per repetition.
col() {
  awk -F'\t' -v t="$1" -v role="$2" -v node="$3" -v kind="$4" -v key="$5" '
    $2 == t { n = split($4, f, " "); if (f[1] != role || f[2] != node || f[3] != kind) next
      for (i = 4; i < n; i += 2) if (f[i] == key) print f[i + 1] }' "$runs"
}
paired() { paste <(col distdb "$@") <(col postgres "$@") | awk '{ if ($2 + 0 > 0) printf "%.2f ", $1 / $2; else printf "NA " }'; }
loads() { awk -F'\t' -v t="$1" '$2 == t && !seen[$1]++ { print $3 }' "$runs" | paste -sd/ -; }

echo "## Mixed load, sync mode: distdb vs PostgreSQL ($label)"
echo
echo "$(head -n 1 "$results/machine.txt"); $(sed -n 2p "$results/machine.txt"); $(sed -n 5p "$results/machine.txt"); checksums: $(cut -d' ' -f2 "$results/checksums.txt" | sort -u | wc -l) distinct over $(wc -l <"$results/checksums.txt") nodes; sync state $(cat "$results/distdb-sync-state.json")"
echo
echo "Load average (1 min) at the start of each run: distdb $(loads distdb), PostgreSQL $(loads postgres)."
echo
echo "| role | node | distdb ops/s | PG ops/s | distdb/PG (medians) | paired ratios | distdb p50 ms | PG p50 ms | distdb p99 ms | PG p99 ms | distdb errors | PG errors |"
echo "|---|---|---:|---:|---:|---|---:|---:|---:|---:|---:|---:|"
while read -r role node kind; do
  # shellcheck disable=SC2046
  d=$(median $(col distdb "$role" "$node" "$kind" per_s)); p=$(median $(col postgres "$role" "$node" "$kind" per_s))
  # shellcheck disable=SC2046
  echo "| $kind | $node | $d | $p | $(ratio "$d" "$p") | $(paired "$role" "$node" "$kind" per_s)| $(median $(col distdb "$role" "$node" "$kind" p50_ms)) | $(median $(col postgres "$role" "$node" "$kind" p50_ms)) | $(median $(col distdb "$role" "$node" "$kind" p99_ms)) | $(median $(col postgres "$role" "$node" "$kind" p99_ms)) | $(col distdb "$role" "$node" "$kind" errors | paste -sd' ' -) | $(col postgres "$role" "$node" "$kind" errors | paste -sd' ' -) |"
done < <(awk -F'\t' '$2 == "distdb" && $1 == 1 { split($4, f, " "); if (f[1] != "lag") print f[1], f[2], f[3] }' "$runs")
echo
echo "Replication lag: heartbeat visible on the slave minus heartbeat acknowledged on the master (medians over $reps runs; staleness = age of the newest heartbeat a slave shows, sampled once a second):"
echo
echo "| system | slave | lag p50 ms | lag p99 ms | p99 per run | max ms (median) | unresolved | staleness p50 ms | staleness p99 ms |"
echo "|---|---|---:|---:|---|---:|---|---:|---:|"
for t in "${targets[@]}"; do
  for s in $(repl_replica_names); do
    # shellcheck disable=SC2046
    echo "| $t | $s | $(median $(col "$t" lag "$s" ack p50_ms)) | $(median $(col "$t" lag "$s" ack p99_ms)) | $(col "$t" lag "$s" ack p99_ms | paste -sd' ' -) | $(median $(col "$t" lag "$s" ack max_ms)) | $(col "$t" lag "$s" ack unresolved | paste -sd' ' -) | $(median $(col "$t" lag "$s" stale p50_ms)) | $(median $(col "$t" lag "$s" stale p99_ms)) |"
  done
done
echo
# shellcheck disable=SC2046
wr=$(median $(paired write master insert per_s))
worst_lag=$(for s in $(repl_replica_names); do col distdb lag "$s" ack p99_ms; done | sort -g | tail -n 1)
echo "Targets: acknowledged writes/s distdb/PostgreSQL, median of the paired ratios: $wr (target >= 1.00: $(awk -v r="$wr" 'BEGIN { print (r != "NA" && r >= 1.0) ? "met" : "NOT met" }')); distdb lag p99, worst slave and run: ${worst_lag:-NA} ms (target < 100: $(awk -v l="${worst_lag:-NA}" 'BEGIN { print (l != "NA" && l + 0 < 100) ? "met" : "NOT met" }'))."

if (( jfr > 0 )); then
  echo
  echo "### distdb under JFR (${jfr}s, load $jfr_load): $(awk '$1 == "write" && $3 == "insert" { printf "%s writes/s, p50 %s ms, p99 %s ms", $7, $13, $15 }' "$results/jfr/run/load.txt")"
  echo
  hz=$(getconf CLK_TCK)
  # The tool's clock excludes connection set-up, so the /proc window is slightly longer than S.
  echo "CPU from /proc over the run, in cores (1.0 = one core busy): $(for n in master $(repl_replica_names); do
    awk -v n="$n" -v a="$(cat "$results/jfr/$n.cpu.before")" -v b="$(cat "$results/jfr/$n.cpu.after")" -v hz="$hz" -v s="$jfr" \
      'BEGIN { printf "%s %.2f; ", n, (b - a) / hz / s }'; done)"
  for n in "${jfr_nodes[@]}"; do
    echo
    echo "#### $n: CPU by thread from /proc (cores), JFR CPU samples by thread, top frames"
    echo
    echo '```'
    thread_cpu_delta "$results/jfr/$n.threads.before" "$results/jfr/$n.threads.after" \
      | awk -v hz="$hz" -v s="$jfr" '{ printf "%6.2f  %s\n", $1 / hz / s, $2 }' | head -n 10
    echo '--'
    jfr_cpu_by_thread "$results/jfr/$n.jfr"
    jfr_cpu_top "$results/jfr/$n.jfr"
    echo '```'
    echo
    echo "$n waits (parks, monitors >= 1 ms, every fsync) starting in the measured ${jfr}s, per second:"
    echo
    echo "| thread | event | first distdb/H2 frame | events/s | ms waited/s |"
    echo "|---|---|---|---:|---:|"
    # shellcheck disable=SC2046
    jfr_waits "$results/jfr/$n.jfr" "$jfr" $(cat "$results/jfr/run/window.txt")
  done
fi
echo
echo "raw: $results"
