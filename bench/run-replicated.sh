#!/usr/bin/env bash
# Replicated benchmark: distdb master + 2 slaves vs PostgreSQL 15 primary + 2 streaming standbys,
# async and sync (distdb --sync-mode sync --min-sync-acks 1; PostgreSQL synchronous_standby_names
# = 'ANY 1 (s1, s2)'), same pgbench scripts, same machine, same run.
#
#   bench/run-replicated.sh [--duration S] [--reps N] [--warmup S] [--modes "sync async"]
#                           [--lag-duration S] [--catchup-entries N] [--catchup-max-s S]
#                           [--catchup-clients N] [--no-catchup] [--no-pg-catchup]
#
# 1. Starts both clusters (temp dirs, 127.0.0.1, free ports, fsync on, SCRAM) in the first mode,
#    loads the accounts through the master and waits until the replicas have them.
# 2. Per mode: switches both clusters to it (distdb: master restart with the other --sync-mode,
#    same data; PostgreSQL: ALTER SYSTEM + reload; both verified), then N repetitions of
#    {select, insert} x {1, 16 clients} (-M prepared, against the master), alternating which
#    target goes first; after each repetition the lag probe (bench/tools/LagProbe.java) runs on
#    each target for --lag-duration seconds under a 16-client insert load.
# 3. Catch-up (async mode): stops distdb slave s2, writes up to --catchup-entries single-row
#    inserts on the master (--catchup-clients pgbench clients, at most --catchup-max-s seconds),
#    starts s2 and measures until its appliedLsn reaches the master's lastLsn; the same for
#    PostgreSQL standby s2 (WAL bytes, until pg_last_wal_replay_lsn() catches up).
# 4. Checks that the replicas converged (distdb /checksums, PostgreSQL row counts).
#
# Prints Markdown tables (bench/summarize-replicated.sh); raw results in bench/results/<ts>-repl/.
# All servers are stopped and their temp dirs removed on exit, failure, Ctrl-C or SIGTERM.
set -euo pipefail
BENCH_DIR=$(cd "$(dirname "$0")" && pwd)
. "$BENCH_DIR/lib/common.sh"
. "$BENCH_DIR/lib/stats.sh"
. "$BENCH_DIR/lib/distdb.sh"
. "$BENCH_DIR/lib/postgres.sh"
. "$BENCH_DIR/lib/targets.sh"
. "$BENCH_DIR/lib/pgbench.sh"

duration=10 reps=3 warmup=15 modes="sync async" lag_duration=15
catchup=1 pg_catchup=1 catchup_entries=1000000 catchup_max_s=180 catchup_clients=32 keep_data=0
targets=(distdb postgres)
workloads=(select insert)
client_counts=(1 16)
usage() { sed -n '2,/^set -euo/p' "$0" | sed '$d; s/^# \{0,1\}//'; }
while [[ $# -gt 0 ]]; do
  case "$1" in
    --duration) duration=$2; shift 2 ;;
    --reps) reps=$2; shift 2 ;;
    --warmup) warmup=$2; shift 2 ;;
    --modes) modes=$2; shift 2 ;;
    --lag-duration) lag_duration=$2; shift 2 ;;
    --catchup-entries) catchup_entries=$2; shift 2 ;;
    --catchup-max-s) catchup_max_s=$2; shift 2 ;;
    --catchup-clients) catchup_clients=$2; shift 2 ;;
    --no-catchup) catchup=0; shift ;;
    --no-pg-catchup) pg_catchup=0; shift ;;
    --keep-data) keep_data=1; shift ;;
    -h|--help) usage; exit 0 ;;
    *) echo "unknown option $1" >&2; usage >&2; exit 2 ;;
  esac
done
read -r -a mode_list <<<"$modes"

pg_ensure_installed
need_jq
distdb_build
jdbc=$(pgjdbc_jar)

stamp=$(date -u +%Y%m%dT%H%M%SZ)
results="$BENCH_DIR/results/$stamp-repl"
mkdir -p "$results"
bench_workspace
exec > >(tee "$results/summary.md") 2> >(tee "$results/progress.log" >&2)


{
  echo "date: $(date -u '+%Y-%m-%d %H:%M:%S UTC')"
  echo "git: $(git -C "$DISTDB_ROOT" rev-parse --short HEAD 2>/dev/null) $(git -C "$DISTDB_ROOT" status --porcelain 2>/dev/null | grep -qv '^??' && echo dirty)"
  echo "nproc: $(nproc)"
  echo "cpu: $(awk -F': ' '/model name/ { print $2; exit }' /proc/cpuinfo)"
  echo "memory: $(awk '/MemTotal/ { printf "%.1f GiB", $2 / 1048576 }' /proc/meminfo)"
  echo "disk: $(df -T "$work" | awk 'NR == 2 { print $1, $2 }')"
  echo "kernel: $(uname -r)"
  echo "java: $(java -version 2>&1 | head -n 1)"
  echo "postgres: $("$PG_BIN/postgres" --version)"
  echo "pgbench: $(pgbench --version)"
  echo "pgjdbc: $jdbc"
  echo "loadavg at start: $(cut -d' ' -f1-3 /proc/loadavg)"
  echo "options: duration=${duration}s reps=$reps warmup=${warmup}s modes='$modes' lag=${lag_duration}s catchup=$catchup entries=$catchup_entries max=${catchup_max_s}s clients=$catchup_clients"
} >"$results/machine.txt"
cat "$results/machine.txt" >&2

for t in "${targets[@]}"; do
  on_exit "target_stop $t ${mode_list[0]}2 '$work/$t'"
  target_start "$t" "${mode_list[0]}2" "$work/$t" "$pwfile"
  target_load "$t" "$work/$t" "$pwfile"
  target_psql "$work/$t" "$pwfile" -c 'CREATE TABLE lag_probe (seq BIGINT PRIMARY KEY, sent_ms BIGINT NOT NULL)'
  repl_wait_converged "$t" "$work/$t" 120 || die "$t replicas did not converge after loading"
done
for s in master s1 s2; do echo "distdb $s pid: $(cat "$work/distdb/$s/pid")"; done >>"$results/machine.txt"

# lag_run TARGET MODE REP: 16-client insert load for lag_duration + 4 s, the probe in the middle.
lag_run() {
  local t=$1 m=$2 rep=$3 out="$results/lag/$2-rep$3-$1"
  mkdir -p "$out"
  pgbench_run "$(target_port "$work/$t")" "$pwfile" insert 16 prepared $(( lag_duration + 4 )) "$out/load" >"$out/load.txt" &
  local bg=$!
  sleep 2
  local extra=(--pg-stat)
  [[ $t == distdb ]] && extra=(--distdb-status "http://127.0.0.1:$(cat "$work/distdb/master/admin_port")/status")
  # shellcheck disable=SC2046
  java -cp "$jdbc" "$BENCH_DIR/tools/LagProbe.java" --primary "$(target_port "$work/$t")" $(repl_replica_args "$work/$t") \
    --password-file "$pwfile" --duration-s "$lag_duration" --interval-ms 50 "${extra[@]}" --out "$out" \
    >"$out/probe.txt" 2>"$out/probe.err" || log "lag probe on $t failed: $(tail -n 3 "$out/probe.err")"
  wait "$bg" || true
  local tps; tps=$(cut -d' ' -f1 "$out/load.txt")
  # lag.tsv: mode rep target replica markers p50 p99 max unresolved load_tps sec_p50 sec_p99 sec_max (entries or bytes)
  awk -v m="$m" -v r="$rep" -v t="$t" -v tps="$tps" '
    $1 == "ack" { printf "%s\t%s\t%s\tcommit\t%s\t%s\t%s\t%s\t0\t%s\tNA\tNA\tNA\n", m, r, t, $3, $5, $7, $9, tps }
    $1 == "lag" { lag[$2] = $4 "\t" $6 "\t" $8 "\t" $10 "\t" $12 }
    $1 == "secondary" { if (t == "distdb") sec[$2] = $6 "\t" $8 "\t" $10; else sec[$2] = $12 "\t" $14 "\t" $16 }
    END { for (s in lag) printf "%s\t%s\t%s\t%s\t%s\t%s\t%s\n", m, r, t, s, lag[s], tps, (s in sec) ? sec[s] : "NA\tNA\tNA" }
  ' "$out/probe.txt" | sort >>"$results/lag.tsv"
  log "lag $m rep $rep $t (load $tps tps): $(grep '^lag' "$out/probe.txt" | awk '{ printf "%s p50=%sms p99=%sms; ", $2, $6, $8 }')"
}

runs="$results/runs.tsv"
printf 'rep\treplication\ttarget\tworkload\tclients\tmode\ttps\tp50_ms\tp99_ms\tavg_ms\ttransactions\tfailed\texit\tloadavg\n' >"$runs"
printf 'replication\trep\ttarget\treplica\tmarkers\tp50_ms\tp99_ms\tmax_ms\tunresolved\tload_tps\tsec_p50\tsec_p99\tsec_max\n' >"$results/lag.tsv"
configs=()
for w in "${workloads[@]}"; do for c in "${client_counts[@]}"; do configs+=("$w $c"); done; done
total=$(( ${#mode_list[@]} * reps * ${#configs[@]} * ${#targets[@]} ))
n=0
for m in "${mode_list[@]}"; do
  for t in "${targets[@]}"; do repl_set_mode "$t" "$m" "$work/$t" "$pwfile"; done
  if (( warmup > 0 )); then
    log "warm-up ($m): ${warmup}s of each workload with 16 clients on each target (not recorded)"
    for t in "${targets[@]}"; do
      for w in "${workloads[@]}"; do
        pgbench_run "$(target_port "$work/$t")" "$pwfile" "$w" 16 prepared "$warmup" "$results/warmup/$m-$t-$w" >/dev/null
      done
    done
  fi
  for (( rep=1; rep<=reps; rep++ )); do
    for cfg in "${configs[@]}"; do
      read -r w c <<<"$cfg"
      order=("${targets[@]}")
      (( rep % 2 == 0 )) && order=("${targets[1]}" "${targets[0]}")
      for t in "${order[@]}"; do
        n=$(( n + 1 ))
        load=$(cut -d' ' -f1 /proc/loadavg)
        read -r tps p50 p99 avg cnt failed rc < <(pgbench_run "$(target_port "$work/$t")" "$pwfile" \
          "$w" "$c" prepared "$duration" "$results/$m/rep$rep/$t-$w-c$c")
        log "[$n/$total] $m rep $rep $t $w c=$c: tps=$tps p50=${p50}ms p99=${p99}ms failed=$failed rc=$rc (load $load)"
        printf '%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\n' "$rep" "$m" "$t" "$w" "$c" prepared \
          "$tps" "$p50" "$p99" "$avg" "$cnt" "$failed" "$rc" "$load" >>"$runs"
      done
    done
    order=("${targets[@]}")
    (( rep % 2 == 0 )) && order=("${targets[1]}" "${targets[0]}")
    for t in "${order[@]}"; do lag_run "$t" "$m" "$rep"; done
  done
  for t in "${targets[@]}"; do
    repl_wait_converged "$t" "$work/$t" 120 || log "WARNING: $t replicas did not converge after the $m phase"
  done
  distdb_status "$work/distdb/master" | jq '{mode: .master.mode, degraded: .master.degraded, ackTimeouts: .master.ackTimeouts}' -c \
    >"$results/distdb-sync-state-$m.json" || true
done

# ------------------------------------------------------------------ catch-up
ms_now() { date +%s%3N; }
catchup_tsv="$results/catchup.tsv"
printf 'target\tentries\tbytes\twrite_s\twrite_tps\tbehind_entries\tstart_to_caught_up_s\tfirst_progress_s\tapply_s\tentries_per_s\tMB_per_s\tsnapshot\n' >"$catchup_tsv"
if (( catchup )); then
  for t in "${targets[@]}"; do repl_set_mode "$t" async "$work/$t" "$pwfile"; done
  per_client=$(( (catchup_entries + catchup_clients - 1) / catchup_clients ))
  threads=$(( catchup_clients < 2 ? catchup_clients : 2 ))

  # --- distdb: stop s2, write, start s2, watch appliedLsn
  d=$work/distdb
  log "catch-up distdb: stopping slave s2, writing up to $catchup_entries entries ($catchup_clients clients, max ${catchup_max_s}s)"
  distdb_stop "$d/s2"
  st0=$(distdb_status "$d/master"); l0=$(jq .lastLsn <<<"$st0"); b0=$(jq .logBytes <<<"$st0")
  s2lsn=$(jq '.master.slaves[] | select(.nodeId == "s2") | .durableLsn' <<<"$st0")
  w0=$(ms_now)
  PGPASSWORD=$(head -n 1 "$pwfile") timeout "$catchup_max_s" pgbench -n -h 127.0.0.1 -p "$(target_port "$d")" \
    -U distdb -M prepared -c "$catchup_clients" -j "$threads" -t "$per_client" -f "$BENCH_DIR/workloads/insert.sql" distdb \
    >"$results/catchup-distdb-write.out" 2>&1 || log "catch-up write load ended with $? (124 = time bound reached)"
  w1=$(ms_now)
  st1=$(distdb_status "$d/master"); l1=$(jq .lastLsn <<<"$st1"); b1=$(jq .logBytes <<<"$st1")
  echo "$st0" >"$results/catchup-distdb-master-before.json"; echo "$st1" >"$results/catchup-distdb-master-after.json"
  entries=$(( l1 - l0 )); bytes=$(( b1 - b0 )); behind=$(( l1 - s2lsn ))
  log "catch-up distdb: wrote $entries entries / $bytes log bytes in $(( (w1 - w0) / 1000 )) s; s2 is $behind entries behind; starting s2"
  # Start s2 on its old ports, in the background, and poll its /status every 100 ms.
  java $DISTDB_JAVA_OPTS -jar "$DISTDB_JAR" --data-dir "$d/s2/data" --bind 127.0.0.1 \
    --pg-port "$(cat "$d/s2/port")" --admin-port "$(cat "$d/s2/admin_port")" --user distdb --password-file "$pwfile" \
    --node-id s2 --role slave --master "127.0.0.1:$(cat "$d/master/replication_port")" \
    --replication-secret-file "$d/secret" >"$d/s2/node-catchup.log" 2>&1 &
  echo $! >"$d/s2/pid"
  c0=$(ms_now)
  first="" initial="" done_ms=""
  echo -e "t_ms\tstate\tdurableLsn\tappliedLsn" >"$results/catchup-distdb-samples.tsv"
  while (( $(ms_now) - c0 < 900000 )); do
    if s=$(curl -fsS --max-time 2 "http://127.0.0.1:$(cat "$d/s2/admin_port")/status" 2>/dev/null); then
      a=$(jq .appliedLsn <<<"$s")
      echo -e "$(( $(ms_now) - c0 ))\t$(jq -r .slave.state <<<"$s")\t$(jq .durableLsn <<<"$s")\t$a" >>"$results/catchup-distdb-samples.tsv"
      [[ -z "$initial" ]] && initial=$a
      [[ -z "$first" && "$a" != "$initial" ]] && first=$(( $(ms_now) - c0 ))
      if (( a >= l1 )); then done_ms=$(( $(ms_now) - c0 )); break; fi
    fi
    sleep 0.1
  done
  snap=no; grep -q "snapshot installed" "$d/s2/node-catchup.log" && snap=yes
  if [[ -n "$done_ms" ]]; then
    awk -v e="$entries" -v b="$bytes" -v w="$(( w1 - w0 ))" -v be="$behind" -v tot="$done_ms" -v f="${first:-0}" -v snap="$snap" 'BEGIN {
      apply = (tot - f) / 1000; printf "distdb\t%d\t%d\t%.1f\t%.0f\t%d\t%.2f\t%.2f\t%.2f\t%.0f\t%.2f\t%s\n",
        e, b, w / 1000, e / (w / 1000), be, tot / 1000, f / 1000, apply, be / apply, b / apply / 1e6, snap }' >>"$catchup_tsv"
  else
    log "WARNING: distdb s2 did not catch up within 900 s"
    printf 'distdb\t%s\t%s\tNA\tNA\t%s\tNA\tNA\tNA\tNA\tNA\t%s\n' "$entries" "$bytes" "$behind" "$snap" >>"$catchup_tsv"
  fi
  log "catch-up distdb: $(tail -n 1 "$catchup_tsv")"
  distdb_wait_streaming "$d" 60 || log "WARNING: distdb s2 not streaming again"

  # --- PostgreSQL: the same with standby s2 (its replication slot keeps the WAL)
  if (( pg_catchup )); then
    p=$work/postgres
    log "catch-up postgres: stopping standby s2, writing the same number of transactions"
    pg_stop "$p/s2"
    lsn0=$(_pg_psql_super "$p/master" -c "SELECT pg_current_wal_lsn()")
    x0=$(_pg_psql_super "$p/master" -c "SELECT xact_commit FROM pg_stat_database WHERE datname = 'distdb'")
    w0=$(ms_now)
    PGPASSWORD=$(head -n 1 "$pwfile") timeout "$catchup_max_s" pgbench -n -h 127.0.0.1 -p "$(target_port "$p")" \
      -U distdb -M prepared -c "$catchup_clients" -j "$threads" -t "$per_client" -f "$BENCH_DIR/workloads/insert.sql" distdb \
      >"$results/catchup-postgres-write.out" 2>&1 || log "catch-up write load ended with $? (124 = time bound reached)"
    w1=$(ms_now)
    lsn1=$(_pg_psql_super "$p/master" -c "SELECT pg_current_wal_lsn()")
    bytes=$(_pg_psql_super "$p/master" -c "SELECT pg_wal_lsn_diff('$lsn1', '$lsn0')::bigint")
    tx=$(awk '/^number of transactions actually processed/ { print $6 }' "$results/catchup-postgres-write.out" | cut -d/ -f1)
    [[ -n "$tx" ]] || tx=$(( $(_pg_psql_super "$p/master" -c "SELECT xact_commit FROM pg_stat_database WHERE datname = 'distdb'") - x0 ))
    log "catch-up postgres: $tx transactions, $bytes WAL bytes in $(( (w1 - w0) / 1000 )) s; starting s2"
    c0=$(ms_now)
    _pg_as_user "$PG_BIN/pg_ctl" -D "$p/s2/data" -l "$p/s2/server.log" start >/dev/null 2>&1 &
    pgctl=$!
    first="" initial="" done_ms=""
    echo -e "t_ms\treplay_lsn" >"$results/catchup-postgres-samples.tsv"
    while (( $(ms_now) - c0 < 900000 )); do
      if r=$(_pg_psql_super "$p/s2" -c "SELECT pg_last_wal_replay_lsn(), pg_wal_lsn_diff(pg_last_wal_replay_lsn(), '$lsn1') >= 0" 2>/dev/null); then
        echo -e "$(( $(ms_now) - c0 ))\t${r%%|*}" >>"$results/catchup-postgres-samples.tsv"
        [[ -z "$initial" ]] && initial=${r%%|*}
        [[ -z "$first" && "${r%%|*}" != "$initial" ]] && first=$(( $(ms_now) - c0 ))
        if [[ "${r##*|}" == t ]]; then done_ms=$(( $(ms_now) - c0 )); break; fi
      fi
      sleep 0.1
    done
    wait "$pgctl" || true
    if [[ -n "$done_ms" ]]; then
      # PostgreSQL replays most of the WAL during startup (before it accepts connections), so
      # the rate is over the whole time from start, not from the first visible progress.
      awk -v e="$tx" -v b="$bytes" -v w="$(( w1 - w0 ))" -v tot="$done_ms" -v f="${first:-0}" 'BEGIN {
        apply = tot / 1000; printf "postgres\t%d\t%d\t%.1f\t%.0f\t%d\t%.2f\t%.2f\t%.2f\t%.0f\t%.2f\tno\n",
          e, b, w / 1000, e / (w / 1000), e, tot / 1000, f / 1000, apply, e / apply, b / apply / 1e6 }' >>"$catchup_tsv"
    else
      log "WARNING: postgres s2 did not catch up within 900 s"
    fi
    log "catch-up postgres: $(tail -n 1 "$catchup_tsv")"
  fi
fi

# ------------------------------------------------------------------ convergence
log "checking convergence"
for t in "${targets[@]}"; do repl_wait_converged "$t" "$work/$t" 300 || log "WARNING: $t replicas did not converge"; done
distdb_checksums "$work/distdb" >"$results/distdb-checksums.txt" || true
for s in master s1 s2; do
  _pg_psql_super "$work/postgres/$s" -d distdb -c "SELECT '$s', count(*), coalesce(sum(delta), 0) FROM bench_history"
done >"$results/postgres-counts.txt" 2>/dev/null || true
for s in master s1 s2; do distdb_status "$work/distdb/$s" >"$results/distdb-status-$s.json" 2>/dev/null || true; done
distdb_metrics "$work/distdb/master" >"$results/distdb-metrics.txt" 2>/dev/null || true
for s in master s1 s2; do cp "$work/distdb/$s/node.log" "$results/distdb-$s.log" 2>/dev/null || true; done
cp "$work/distdb/s2/node-catchup.log" "$results/distdb-s2-catchup.log" 2>/dev/null || true

echo
echo "distdb master + 2 slaves vs PostgreSQL primary + 2 standbys; medians of $reps repetitions x ${duration}s"
echo "(pgbench -n -M prepared, -j <= 2, against the master; latencies from pgbench's -l log, nearest rank)."
echo
"$BENCH_DIR/summarize-replicated.sh" "$results"
echo
echo "Raw results: $results"
