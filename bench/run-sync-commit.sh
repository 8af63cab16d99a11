#!/usr/bin/env bash
# Synchronous commit cost (issue 15): distdb master + 2 slaves (--sync-mode sync --min-sync-acks 1)
# vs PostgreSQL 15 primary + 2 streaming standbys (synchronous_standby_names = 'ANY 1 (s1, s2)'),
# both running in the same run, interleaved.
#
#   bench/run-sync-commit.sh [--duration S] [--reps N] [--warmup S] [--lag-duration S]
#                            [--no-lag] [--label TEXT]
#
# Per repetition, for each configuration, both targets back to back, the order alternating with
# the repetition: single-row INSERT (bench/workloads/insert.sql) with 1 and 16 clients, -M prepared
# and -M simple, and pgbench -N style transactions (bench/workloads/tpcb-n.sql: UPDATE + SELECT +
# INSERT in BEGIN/END) with 1 and 16 clients, -M prepared. After each repetition the lag probe
# (bench/tools/LagProbe.java) runs on each target under a 16-client insert load. Every run records
# the 1-minute load average at its start.
#
# DISTDB_JAR picks the node jar (e.g. a build of an older commit, for before/after). Prints
# Markdown tables with medians and paired (same repetition) ratios distdb/PostgreSQL; raw results
# in bench/results/<ts>-sync/. Servers are stopped and temp dirs removed on exit.
set -euo pipefail
BENCH_DIR=$(cd "$(dirname "$0")" && pwd)
. "$BENCH_DIR/lib/common.sh"
. "$BENCH_DIR/lib/stats.sh"
. "$BENCH_DIR/lib/distdb.sh"
. "$BENCH_DIR/lib/postgres.sh"
. "$BENCH_DIR/lib/targets.sh"
. "$BENCH_DIR/lib/pgbench.sh"

duration=8 reps=3 warmup=10 lag_duration=10 lag=1 label=""
targets=(distdb postgres)
configs=("insert 1 prepared" "insert 16 prepared" "insert 1 simple" "insert 16 simple"
  "tpcb-n 1 prepared" "tpcb-n 16 prepared")
while [[ $# -gt 0 ]]; do
  case "$1" in
    --duration) duration=$2; shift 2 ;;
    --reps) reps=$2; shift 2 ;;
    --warmup) warmup=$2; shift 2 ;;
    --lag-duration) lag_duration=$2; shift 2 ;;
    --no-lag) lag=0; shift ;;
    --label) label=$2; shift 2 ;;
    -h|--help) sed -n '2,/^set -euo/p' "$0" | sed '$d; s/^# \{0,1\}//'; exit 0 ;;
    *) echo "unknown option $1" >&2; exit 2 ;;
  esac
done

pg_ensure_installed
need_jq
[[ -n "${DISTDB_JAR_FIXED:-}" ]] || distdb_build
jdbc=$(pgjdbc_jar)
stamp=$(date -u +%Y%m%dT%H%M%SZ)
results="$BENCH_DIR/results/$stamp-sync"
mkdir -p "$results"
bench_workspace
exec > >(tee "$results/summary.md") 2> >(tee "$results/progress.log" >&2)

{
  echo "date: $(date -u '+%Y-%m-%d %H:%M:%S UTC') label: $label"
  echo "git: $(git -C "$DISTDB_ROOT" rev-parse --short HEAD 2>/dev/null) jar: $DISTDB_JAR"
  echo "postgres: $("$PG_BIN/postgres" --version)"
  echo "loadavg at start: $(cut -d' ' -f1-3 /proc/loadavg)"
  echo "options: duration=${duration}s reps=$reps warmup=${warmup}s lag=${lag_duration}s"
} >"$results/machine.txt"
cat "$results/machine.txt" >&2

for t in "${targets[@]}"; do
  on_exit "target_stop $t sync2 '$work/$t'"
  target_start "$t" sync2 "$work/$t" "$pwfile"
  target_load "$t" "$work/$t" "$pwfile"
  target_psql "$work/$t" "$pwfile" -c 'CREATE TABLE lag_probe (seq BIGINT PRIMARY KEY, sent_ms BIGINT NOT NULL)'
  repl_wait_converged "$t" "$work/$t" 120 || die "$t replicas did not converge after loading"
done

# lag_run TARGET REP: the probe in the middle of a 16-client prepared insert load.
lag_run() {
  local t=$1 rep=$2 out="$results/lag/rep$2-$1"
  mkdir -p "$out"
  local load; load=$(cut -d' ' -f1 /proc/loadavg)
  pgbench_run "$(target_port "$work/$t")" "$pwfile" insert 16 prepared $(( lag_duration + 4 )) "$out/load" >"$out/load.txt" &
  local bg=$!
  sleep 2
  # shellcheck disable=SC2046
  java -cp "$jdbc" "$BENCH_DIR/tools/LagProbe.java" --primary "$(target_port "$work/$t")" $(repl_replica_args "$work/$t") \
    --password-file "$pwfile" --duration-s "$lag_duration" --interval-ms 50 --out "$out" \
    >"$out/probe.txt" 2>"$out/probe.err" || log "lag probe on $t failed: $(tail -n 3 "$out/probe.err")"
  wait "$bg" || true
  local tps; tps=$(cut -d' ' -f1 "$out/load.txt")
  awk -v r="$rep" -v t="$t" -v tps="$tps" -v load="$load" '
    $1 == "ack" { printf "%s\t%s\tcommit\t%s\t%s\t%s\t%s\n", r, t, $5, $7, tps, load }
    $1 == "lag" { printf "%s\t%s\t%s\t%s\t%s\t%s\t%s\n", r, t, $2, $6, $8, tps, load }
  ' "$out/probe.txt" >>"$results/lag.tsv"
  log "lag rep $rep $t (load $tps tps): $(grep '^lag' "$out/probe.txt" | awk '{ printf "%s p50=%sms p99=%sms; ", $2, $6, $8 }')"
}

runs="$results/runs.tsv"
printf 'rep\ttarget\tworkload\tclients\tmode\ttps\tp50_ms\tp99_ms\tfailed\texit\tloadavg\n' >"$runs"
printf 'rep\ttarget\treplica\tp50_ms\tp99_ms\tload_tps\tloadavg\n' >"$results/lag.tsv"

if (( warmup > 0 )); then
  log "warm-up: ${warmup}s of insert and tpcb-n with 16 clients on each target (not recorded)"
  for t in "${targets[@]}"; do
    for w in insert tpcb-n; do
      pgbench_run "$(target_port "$work/$t")" "$pwfile" "$w" 16 prepared "$warmup" "$results/warmup/$t-$w" >/dev/null
    done
  done
fi
total=$(( reps * ${#configs[@]} * ${#targets[@]} ))
n=0
for (( rep=1; rep<=reps; rep++ )); do
  order=("${targets[@]}")
  (( rep % 2 == 0 )) && order=("${targets[1]}" "${targets[0]}")
  for cfg in "${configs[@]}"; do
    read -r w c m <<<"$cfg"
    for t in "${order[@]}"; do
      n=$(( n + 1 ))
      load=$(cut -d' ' -f1 /proc/loadavg)
      read -r tps p50 p99 _avg _cnt failed rc < <(pgbench_run "$(target_port "$work/$t")" "$pwfile" \
        "$w" "$c" "$m" "$duration" "$results/rep$rep/$t-$w-c$c-$m")
      log "[$n/$total] rep $rep $t $w c=$c $m: tps=$tps p50=${p50}ms p99=${p99}ms failed=$failed (load $load)"
      printf '%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\n' "$rep" "$t" "$w" "$c" "$m" \
        "$tps" "$p50" "$p99" "$failed" "$rc" "$load" >>"$runs"
    done
  done
  if (( lag )); then for t in "${order[@]}"; do lag_run "$t" "$rep"; done; fi
done
for t in "${targets[@]}"; do
  repl_wait_converged "$t" "$work/$t" 120 || log "WARNING: $t replicas did not converge"
done
distdb_checksums "$work/distdb" >"$results/checksums.txt" || true
distdb_status "$work/distdb/master" | jq -c '{mode: .master.mode, degraded: .master.degraded, ackTimeouts: .master.ackTimeouts}' \
  >"$results/distdb-sync-state.json" || true

# ------------------------------------------------------------------ summary
echo "## Sync commit: distdb vs PostgreSQL with a sync standby ($label)"
echo
echo "$(head -n 1 "$results/machine.txt"); $(sed -n 2p "$results/machine.txt"); checksums: $(cut -d' ' -f2 "$results/checksums.txt" | sort -u | wc -l) distinct over $(wc -l <"$results/checksums.txt") nodes; sync state $(cat "$results/distdb-sync-state.json")"
echo
echo "| workload | clients | protocol | distdb tps | PG tps | distdb/PG (medians) | paired ratios | distdb p50 ms | PG p50 ms | distdb p99 ms | PG p99 ms | load avg |"
echo "|---|---:|---|---:|---:|---:|---|---:|---:|---:|---:|---|"
for cfg in "${configs[@]}"; do
  read -r w c m <<<"$cfg"
  col() { awk -F'\t' -v t="$1" -v w="$w" -v c="$c" -v m="$m" -v k="$2" 'NR > 1 && $2 == t && $3 == w && $4 == c && $5 == m { print $k }' "$runs"; }
  # shellcheck disable=SC2046
  dt=$(median $(col distdb 6)); pt=$(median $(col postgres 6))
  # shellcheck disable=SC2046
  dp50=$(median $(col distdb 7)); pp50=$(median $(col postgres 7)); dp99=$(median $(col distdb 8)); pp99=$(median $(col postgres 8))
  paired=$(paste <(col distdb 6) <(col postgres 6) | awk '{ if ($2 + 0 > 0) printf "%.2f ", $1 / $2; else printf "NA " }')
  loads=$(col distdb 11 | paste -sd/ -)
  echo "| $w | $c | $m | $dt | $pt | $(ratio "$dt" "$pt") | $paired| $dp50 | $pp50 | $dp99 | $pp99 | $loads |"
done
if (( lag )); then
  echo
  echo "Replication lag under the 16-client insert load (marker every 50 ms; medians over $reps probe runs):"
  echo
  echo "| system | replica | lag p50 ms | lag p99 ms | p99 per run | load tps | load avg |"
  echo "|---|---|---:|---:|---|---:|---|"
  for t in "${targets[@]}"; do
    for s in commit $(repl_replica_names); do
      lcol() { awk -F'\t' -v t="$t" -v s="$s" -v k="$1" 'NR > 1 && $2 == t && $3 == s { print $k }' "$results/lag.tsv"; }
      # shellcheck disable=SC2046
      echo "| $t | $s | $(median $(lcol 4)) | $(median $(lcol 5)) | $(lcol 5 | paste -sd' ' -) | $(median $(lcol 6)) | $(lcol 7 | paste -sd/ -) |"
    done
  done
fi
echo
echo "raw: $results"
