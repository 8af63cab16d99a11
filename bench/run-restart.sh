#!/usr/bin/env bash
# Restart to serving after kill -9 (issue 15): distdb master + 2 slaves (--sync-mode sync
# --min-sync-acks 1) vs PostgreSQL 15 primary + 2 streaming hot standbys
# (synchronous_standby_names = 'ANY 1 (s1, s2)'), both in the same run.
#
#   bench/run-restart.sh [--reps N] [--batches N] [--batch-rows N] [--backlog-batches N]
#                        [--load-clients N] [--load-s S] [--timeout S] [--cds | --cds-compare]
#                        [--label TEXT]
#   bench/run-restart.sh --summarize bench/results/<ts>-restart   (the tables of a finished or
#                        cut-short run again)
#
# Both clusters are filled first with the same table accounts(id bigint primary key, bal int not
# null, filler text) by --batches statements (default 100) of --batch-rows rows (default 100000)
# each, `insert into accounts select g, 0, repeat('x', 84) from generate_series(a, b) g`: 10M
# rows, about 1 GB (the two clusters are filled at the same time). Then, per repetition and
# system (the order rotating with the repetition):
#   master: wait until both replicas have applied everything, kill -9 the master, start it again
#     on the same data dir and ports; time from that start to the first successful
#     `select count(*) from accounts where id = 1` (psql over TCP) and, separately, to the first
#     committed INSERT (a sync commit: it needs a replica's ack).
#   slave: start an insert load (bench/workloads/insert.sql, --load-clients clients, --load-s
#     seconds) on the master, after 3 s kill -9 replica s1, run --backlog-batches (default 5)
#     more bulk statements on the master while s1 is down, note the master's log position, start
#     s1 again; time to its first successful read, and until it has applied the master's position
#     at the time of the restart. The backlog is the master's log growth (distdb: its segment
#     files, sampled every 0.3 s; PostgreSQL: WAL bytes) between the kill and the restart; catch-up MB/s is that
#     backlog over the time from the restart to caught-up (JVM start-up and recovery included).
# Every figure records the 1-minute load average when its measurement started.
#
# --cds builds a class-data-sharing archive for the node jar once, in the run's temp dir (java
# -XX:ArchiveClassesAtExit=... io.distdb.node.StartupTraining), and starts every distdb node
# with -XX:SharedArchiveFile=... . --cds-compare builds the same archive but starts the nodes
# without it and adds a third system, distdb-cds: the same distdb cluster, each measured node
# restarted with the archive (so both restarts run on the same data in the same run).
# DISTDB_JAVA_OPTS adds JVM options to the nodes, DISTDB_JAR
# picks the node jar. Prints Markdown tables with medians and paired (same repetition) ratios
# distdb/PostgreSQL; raw results in bench/results/<ts>-restart/. Servers are stopped and temp
# dirs removed on exit; every wait is bounded by --timeout (default 180 s).
set -euo pipefail
BENCH_DIR=$(cd "$(dirname "$0")" && pwd)
. "$BENCH_DIR/lib/common.sh"
. "$BENCH_DIR/lib/stats.sh"
. "$BENCH_DIR/lib/distdb.sh"
. "$BENCH_DIR/lib/postgres.sh"
. "$BENCH_DIR/lib/targets.sh"
. "$BENCH_DIR/lib/pgbench.sh"

reps=3 batches=100 batch_rows=100000 backlog_batches=5 load_clients=4 load_s=20 timeout=180 cds=0 label="" summarize_dir=""
targets=(distdb postgres)   # clusters
while [[ $# -gt 0 ]]; do
  case "$1" in
    --reps) reps=$2; shift 2 ;;
    --batches) batches=$2; shift 2 ;;
    --batch-rows) batch_rows=$2; shift 2 ;;
    --backlog-batches) backlog_batches=$2; shift 2 ;;
    --load-clients) load_clients=$2; shift 2 ;;
    --load-s) load_s=$2; shift 2 ;;
    --timeout) timeout=$2; shift 2 ;;
    --cds) cds=1; shift ;;
    --cds-compare) cds=2; shift ;;
    --label) label=$2; shift 2 ;;
    --summarize) summarize_dir=$2; shift 2 ;;
    -h|--help) sed -n '2,/^set -euo/p' "$0" | sed '$d; s/^# \{0,1\}//'; exit 0 ;;
    *) echo "unknown option $1" >&2; exit 2 ;;
  esac
done

# summarize: the Markdown tables from $results (figures.tsv, order.tsv, machine.txt, ...).
summarize() {
  # Derived: the catch-up rate once the replica serves (backlog over caught-up minus read time).
  awk -F'\t' -v OFS='\t' '{ print } NR > 1 { v[$1 FS $2 FS $3] = $4; l[$1 FS $2] = $5; k[$1 FS $2] = 1 }
    END { for (rs in k) { mb = v[rs FS "backlog_mb"]; r = v[rs FS "slave_read_ms"]; c = v[rs FS "slave_caught_up_ms"]
            x = (mb == "" || mb == "NA" || r == "NA" || c == "NA" || c - r <= 0) ? "NA" : sprintf("%.1f", mb / ((c - r) / 1000))
            split(rs, p, FS); print p[1], p[2], "catch_up_after_read_mb_s", x, l[rs] } }' \
    "$results/figures.tsv" >"$results/figures-derived.tsv"
  col() {   # col SYSTEM FIGURE FIELD: the field of every repetition, in repetition order
    awk -F'\t' -v OFS='\t' -v t="$1" -v f="$2" -v k="$3" 'NR > 1 && $2 == t && $3 == f { print $1, $k }' \
      "$results/figures-derived.tsv" | sort -n -k1,1 | cut -f2
  }
  figures=(master_read_ms master_write_ms slave_read_ms slave_caught_up_ms backlog_mb catch_up_mb_s catch_up_after_read_mb_s)
  declare -A goal=([master_read_ms]="< 2000" [slave_read_ms]="< 3000" [catch_up_mb_s]=">= 50")

  echo "## Restart to serving after kill -9: distdb vs PostgreSQL ($label)"
  echo
  echo "$(head -n 1 "$results/machine.txt"); $(sed -n 2p "$results/machine.txt"); checksums: $(cut -d' ' -f2 "$results/checksums.txt" 2>/dev/null | paste -sd' ' -) (master s1 s2); JVM CDS warnings in node logs: $(cat "$results/cds-warnings.txt" 2>/dev/null | wc -l)"
  echo
  sed -n '3,$p' "$results/machine.txt" | sed 's/^/    /'
  echo
  echo "Per repetition (times in ms from the restart command; load avg = 1-minute load average when the measurement started):"
  echo
  echo "| rep | order | system | master read | master sync write | slave read | slave caught up | backlog MB | catch-up MB/s | MB/s once serving | load avg (master/slave) |"
  echo "|---:|---|---|---:|---:|---:|---:|---:|---:|---:|---|"
  for (( rep=1; rep<=reps; rep++ )); do
    first=$(awk -F'\t' -v r="$rep" '$1 == r { print $2 }' "$results/order.tsv")
    for t in "${systems[@]}"; do
      row="| $rep | $first | $t |"
      for f in "${figures[@]}"; do
        row+=" $(awk -F'\t' -v r="$rep" -v t="$t" -v f="$f" '$1 == r && $2 == t && $3 == f { print $4 }' "$results/figures-derived.tsv") |"
      done
      loads=$(awk -F'\t' -v r="$rep" -v t="$t" '$1 == r && $2 == t && ($3 == "master_read_ms" || $3 == "slave_read_ms") { print $5 }' "$results/figures.tsv" | paste -sd/ -)
      echo "$row $loads |"
    done
  done
  echo
  echo "Medians over $reps repetitions; ratios distdb/PostgreSQL (for times, below 100% is faster):"
  echo
  echo "| figure | system | distdb | PostgreSQL | distdb/PG (medians) | paired ratios | target (distdb) | met | load avg distdb / PG |"
  echo "|---|---|---:|---:|---:|---|---|---|---|"
  for f in "${figures[@]}"; do
   for v in ${distdb_variants[*]}; do
    # shellcheck disable=SC2046
    dm=$(median $(col "$v" "$f" 4)); pm=$(median $(col postgres "$f" 4))
    paired=$(paste <(col "$v" "$f" 4) <(col postgres "$f" 4) \
      | awk '{ if ($1 != "NA" && $2 != "NA" && $2 + 0 > 0) printf "%.2f ", $1 / $2; else printf "NA " }')
    g=${goal[$f]:-}
    met=""
    if [[ -n "$g" ]]; then
      met=$(awk -v v="$dm" -v op="${g% *}" -v x="${g#* }" 'BEGIN {
        if (v == "NA") print "no (NA)"; else if (op == "<") print (v + 0 < x + 0 ? "yes" : "no"); else print (v + 0 >= x + 0 ? "yes" : "no") }')
    fi
    echo "| $f | $v | $dm | $pm | $(ratio "$dm" "$pm") | $paired| $g | $met | $(col "$v" "$f" 5 | paste -sd/ -) / $(col postgres "$f" 5 | paste -sd/ -) |"
   done
  done
  echo
  echo "raw: $results"
}

if [[ -n "$summarize_dir" ]]; then
  results=$summarize_dir
  [[ -n "$label" ]] || label=$(head -n 1 "$results/machine.txt" | sed 's/.* label: //')
  reps=$(wc -l <"$results/order.tsv")
  read -r -a systems <<<"$(head -n 1 "$results/order.tsv" | cut -f2 | tr ' ' '\n' | sort | tr '\n' ' ')"
  distdb_variants=("${systems[@]/postgres}")
  summarize
  exit 0
fi
pg_ensure_installed
need_jq
[[ -n "${DISTDB_JAR_FIXED:-}" ]] || distdb_build
stamp=$(date -u +%Y%m%dT%H%M%SZ)
results="$BENCH_DIR/results/$stamp-restart"
mkdir -p "$results"
bench_workspace
exec > >(tee "$results/summary.md") 2> >(tee "$results/progress.log" >&2)


if (( cds )); then
  log "building a CDS archive for $DISTDB_JAR (StartupTraining)"
  # shellcheck disable=SC2086
  java $DISTDB_JAVA_OPTS -XX:ArchiveClassesAtExit="$work/node.jsa" -cp "$DISTDB_JAR" \
    io.distdb.node.StartupTraining >"$results/cds-training.log" 2>&1 \
    || die "StartupTraining failed: $(tail -n 5 "$results/cds-training.log")"
  [[ -s "$work/node.jsa" ]] || die "no CDS archive written"
  cds_opts="$DISTDB_JAVA_OPTS -XX:SharedArchiveFile=$work/node.jsa"
  (( cds == 1 )) && DISTDB_JAVA_OPTS=$cds_opts
fi
systems=(distdb postgres)
(( cds == 2 )) && systems=(distdb distdb-cds postgres)
distdb_variants=("${systems[@]/postgres}")
{
  echo "date: $(date -u '+%Y-%m-%d %H:%M:%S UTC') label: $label"
  echo "git: $(git -C "$DISTDB_ROOT" rev-parse --short HEAD 2>/dev/null) jar: $DISTDB_JAR java opts: $(echo ${DISTDB_JAVA_OPTS:-none})"
  echo "postgres: $("$PG_BIN/postgres" --version); java: $(java -version 2>&1 | head -n 1)"
  echo "loadavg at start: $(cut -d' ' -f1-3 /proc/loadavg)"
  echo "options: reps=$reps rows=$(( batches * batch_rows )) backlog=$(( backlog_batches * batch_rows )) rows load=${load_clients}x${load_s}s cds=$cds"
} >"$results/machine.txt"
cat "$results/machine.txt" >&2

loadavg() { cut -d' ' -f1 /proc/loadavg; }
now_ms() { echo $(( ${EPOCHREALTIME/./} / 1000 )); }

# ms_until T0_MS CMD...: retries CMD every 50 ms (up to --timeout s); prints the milliseconds
# from T0_MS to its first success, NA if it never succeeded.
ms_until() {
  local t0=$1; shift
  local deadline=$(( SECONDS + timeout ))
  while (( SECONDS < deadline )); do
    if "$@" >/dev/null 2>&1; then echo $(( $(now_ms) - t0 )); return 0; fi
    sleep 0.05
  done
  echo NA
}

# bulk_insert TARGET FROM N: N statements of batch_rows accounts each, ids from FROM on.
bulk_insert() {
  local t=$1 from=$2 n=$3 i a
  for (( i=0; i<n; i++ )); do
    a=$(( from + i * batch_rows ))
    target_psql "$work/$t" "$pwfile" -c \
      "insert into accounts select g, 0, repeat('x', 84) from generate_series($a, $(( a + batch_rows - 1 ))) g"
  done
}
declare -A next_id=([distdb]=1 [postgres]=1)
next_probe_id=-1

read_probe() { [[ "$(PSQL_TIMEOUT_S=10 node_psql "$1" "$pwfile" -At -c 'select count(*) from accounts where id = 1')" == 1 ]]; }
# write_probe NODE_DIR: one sync INSERT; a new id per attempt, since a timed-out one may commit.
write_probe() {
  local id=$next_probe_id
  next_probe_id=$(( next_probe_id - 1 ))
  PSQL_TIMEOUT_S=10 node_psql "$1" "$pwfile" -c "insert into accounts values ($id, 0, 'restart probe')"
}
caught_up() { (( $(repl_lsn "$1" "$work/$1" "$2") >= $3 )); }

record() { printf '%s\t%s\t%s\t%s\t%s\n' "$1" "$2" "$3" "$4" "$5" >>"$results/figures.tsv"; }
printf 'rep\ttarget\tfigure\tvalue\tloadavg\n' >"$results/figures.tsv"

# with_jvm_opts SYSTEM CMD...: CMD with the node JVM options SYSTEM restarts with.
with_jvm_opts() {
  local sys=$1; shift
  if [[ $sys == distdb-cds ]]; then DISTDB_JAVA_OPTS=$cds_opts "$@"; else "$@"; fi
}

master_restart() {
  local sys=$1 rep=$2 t=${1%-cds} d="$work/${1%-cds}"
  repl_wait_converged "$t" "$d" "$timeout" || die "$t: replicas did not converge before the master kill"
  local load; load=$(loadavg)
  repl_kill "$t" "$d/master"
  local t0; t0=$(now_ms)
  with_jvm_opts "$sys" repl_relaunch "$t" "$d" master "$pwfile"
  local read write
  # ms_until runs in a subshell, its decrements are lost: a fresh range per restart.
  next_probe_id=$(( -(rep * 10 + ${#sys}) * 100000 ))
  read=$(ms_until "$t0" read_probe "$d/master")
  write=$(ms_until "$t0" write_probe "$d/master")
  record "$rep" "$sys" master_read_ms "$read" "$load"
  record "$rep" "$sys" master_write_ms "$write" "$load"
  log "rep $rep $sys master kill -9: read after ${read} ms, sync write after ${write} ms (load $load)"
}

slave_restart() {
  local sys=$1 rep=$2 t=${1%-cds} d="$work/${1%-cds}" s=s1
  repl_wait_converged "$t" "$d" "$timeout" || die "$t: replicas did not converge before the slave kill"
  local out="$results/rep$rep/$sys-slave-load"
  mkdir -p "$results/rep$rep"
  pgbench_run "$(target_port "$d")" "$pwfile" insert "$load_clients" prepared "$load_s" "$out" >"$out.txt" &
  local bg=$!
  sleep 3
  local load; load=$(loadavg)
  local sizes="$results/rep$rep/$sys-log-sizes"
  repl_log_sizes "$t" "$d" >"$sizes.0"
  repl_kill "$t" "$d/$s"
  # Sampled while the replica is down: a segment written and deleted in between still counts.
  while true; do repl_log_sizes "$t" "$d" >>"$sizes.down" 2>/dev/null || true; sleep 0.3; done &
  local sampler=$!
  bulk_insert "$t" "${next_id[$t]}" "$backlog_batches"
  next_id[$t]=$(( next_id[$t] + backlog_batches * batch_rows ))
  local target; target=$(repl_lsn "$t" "$d" master)
  repl_log_sizes "$t" "$d" >>"$sizes.down"
  kill "$sampler" 2>/dev/null || true
  wait "$sampler" 2>/dev/null || true
  local t0; t0=$(now_ms)
  with_jvm_opts "$sys" repl_relaunch "$t" "$d" "$s" "$pwfile"
  local read caught
  read=$(ms_until "$t0" read_probe "$d/$s")
  caught=$(ms_until "$t0" caught_up "$t" "$s" "$target")
  wait "$bg" || true
  local mb rate
  mb=$(awk 'FNR == NR { at_kill[$1] = $2; next }
    { if (!($1 in top) || $2 > top[$1]) top[$1] = $2 }
    END { for (f in top) if (top[f] > at_kill[f]) sum += top[f] - at_kill[f]; printf "%.1f", sum / 1e6 }' \
    "$sizes.0" "$sizes.down")
  rate=$(awk -v mb="$mb" -v ms="$caught" 'BEGIN { if (mb == "NA" || ms == "NA" || ms + 0 == 0) print "NA"; else printf "%.1f", mb / (ms / 1000) }')
  record "$rep" "$sys" slave_read_ms "$read" "$load"
  record "$rep" "$sys" slave_caught_up_ms "$caught" "$load"
  record "$rep" "$sys" backlog_mb "$mb" "$load"
  record "$rep" "$sys" catch_up_mb_s "$rate" "$load"
  log "rep $rep $sys slave kill -9: read after ${read} ms, caught up after ${caught} ms, backlog ${mb} MB = ${rate} MB/s (load $load; insert load $(cut -d' ' -f1 "$out.txt") tps)"
}

# fill TARGET: the table and its rows, then until both replicas have applied them.
fill() {
  local t=$1 t0=$SECONDS load0; load0=$(loadavg)
  bulk_insert "$t" 1 "$batches"
  repl_wait_converged "$t" "$work/$t" "$timeout" || die "$t replicas did not converge after loading"
  echo "$t: loaded $(( batches * batch_rows )) rows in $(( SECONDS - t0 )) s (both clusters at once), replicas converged; load avg $load0 -> $(loadavg); master data $(du -sh "$work/$t/master/data" | cut -f1)"
}
fills=()
for t in "${targets[@]}"; do
  on_exit "target_stop $t sync2 '$work/$t'"
  target_start "$t" sync2 "$work/$t" "$pwfile"
  target_psql "$work/$t" "$pwfile" -f "$BENCH_DIR/sql/schema.sql"
  target_psql "$work/$t" "$pwfile" -c 'create table accounts (id bigint primary key, bal int not null, filler text)'
  next_id[$t]=$(( 1 + batches * batch_rows ))
done
log "filling both clusters with $(( batches * batch_rows )) rows"
for t in "${targets[@]}"; do fill "$t" >"$work/fill-$t.txt" & fills+=($!); done
for p in "${fills[@]}"; do wait "$p" || die "filling failed"; done
for t in "${targets[@]}"; do log "$(cat "$work/fill-$t.txt")"; cat "$work/fill-$t.txt" >>"$results/machine.txt"; done

for (( rep=1; rep<=reps; rep++ )); do
  n=${#systems[@]} order=()
  for (( i=0; i<n; i++ )); do order+=("${systems[(i + rep - 1) % n]}"); done
  for sys in "${order[@]}"; do
    master_restart "$sys" "$rep"
    slave_restart "$sys" "$rep"
  done
  printf '%s\t%s\n' "$rep" "${order[*]}" >>"$results/order.tsv"
done
for t in "${targets[@]}"; do
  repl_wait_converged "$t" "$work/$t" "$timeout" || log "WARNING: $t replicas did not converge"
done
# 1 GB per node: the checksums take longer than the default 30 s on a busy machine.
DISTDB_CHECKSUMS_TIMEOUT_S=240 distdb_checksums "$work/distdb" >"$results/checksums.txt" || true
# The JVM warns on stdout (into node.log) when it cannot map a shared archive.
cat "$work"/distdb/*/node.log | grep -F '[cds' >"$results/cds-warnings.txt" || true

summarize
