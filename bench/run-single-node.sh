#!/usr/bin/env bash
# Single-node benchmark: distdb vs PostgreSQL 15, same pgbench scripts, same machine, same run.
#
#   bench/run-single-node.sh [--duration S] [--reps N] [--warmup S] [--no-simple] [--accounts N]
#
# Builds the node if needed, starts a fresh distdb node and a fresh PostgreSQL 15 cluster (temp
# dirs, 127.0.0.1, free ports, fsync on, SCRAM), loads the same accounts into both and runs
# {select, insert} x {1, 16 clients} with -M prepared (and -M simple for 16 clients unless
# --no-simple) against both, N repetitions, alternating which target goes first. Prints a Markdown
# table of medians over the repetitions; raw pgbench output and per-run numbers are kept in
# bench/results/<timestamp>/. Both servers are stopped and their temp dirs removed on exit,
# failure, Ctrl-C or SIGTERM.
set -euo pipefail
BENCH_DIR=$(cd "$(dirname "$0")" && pwd)
. "$BENCH_DIR/lib/common.sh"
. "$BENCH_DIR/lib/stats.sh"
. "$BENCH_DIR/lib/distdb.sh"
. "$BENCH_DIR/lib/postgres.sh"
. "$BENCH_DIR/lib/targets.sh"
. "$BENCH_DIR/lib/pgbench.sh"

duration=15 reps=3 warmup=10 simple=1 keep_data=0
targets=(distdb postgres)
workloads=(select insert)
client_counts=(1 16)
usage() { sed -n '2,/^set -euo/p' "$0" | sed '$d; s/^# \{0,1\}//'; }
while [[ $# -gt 0 ]]; do
  case "$1" in
    --duration) duration=$2; shift 2 ;;
    --reps) reps=$2; shift 2 ;;
    --warmup) warmup=$2; shift 2 ;;
    --accounts) BENCH_ACCOUNTS=$2; shift 2 ;;
    --no-simple) simple=0; shift ;;
    --keep-data) keep_data=1; shift ;;
    -h|--help) usage; exit 0 ;;
    *) echo "unknown option $1" >&2; usage >&2; exit 2 ;;
  esac
done
[[ "$BENCH_ACCOUNTS" == 100000 ]] || log "note: workloads pick aid in 1..100000; with --accounts $BENCH_ACCOUNTS some SELECTs find nothing"

command -v pgbench >/dev/null || pg_ensure_installed
pg_ensure_installed
distdb_build

stamp=$(date -u +%Y%m%dT%H%M%SZ)
results="$BENCH_DIR/results/$stamp"
mkdir -p "$results"
work=$(mktemp -d "${TMPDIR:-/var/tmp}/distdb-bench.XXXXXX")
chmod 755 "$work"   # the postgres OS user must reach its directory inside
install_traps
on_exit "[[ $keep_data == 1 ]] || rm -rf '$work'"
exec > >(tee "$results/summary.md") 2> >(tee "$results/progress.log" >&2)

password=$(od -An -N12 -tx1 /dev/urandom | tr -d ' \n')
pwfile="$work/password"
( umask 077; echo "$password" >"$pwfile" )
chmod 644 "$pwfile"   # read by the node (root) and psql/pgbench; the servers are loopback-only

{
  echo "date: $(date -u '+%Y-%m-%d %H:%M:%S UTC')"
  echo "git: $(git -C "$DISTDB_ROOT" rev-parse --short HEAD 2>/dev/null) $(git -C "$DISTDB_ROOT" status --porcelain 2>/dev/null | grep -qv '^??' && echo dirty)"
  echo "nproc: $(nproc)"
  echo "cpu: $(awk -F': ' '/model name/ { print $2; exit }' /proc/cpuinfo)"
  echo "memory: $(awk '/MemTotal/ { printf "%.1f GiB", $2 / 1048576 }' /proc/meminfo)"
  echo "disk: $(df -T "$work" | awk 'NR == 2 { print $1, $2 }') rotational=$(lsblk -dno ROTA "$(df "$work" | awk 'NR == 2 { print $1 }')" 2>/dev/null | tr -d ' ' || echo '?')"
  echo "kernel: $(uname -r)"
  echo "java: $(java -version 2>&1 | head -n 1)"
  echo "postgres: $("$PG_BIN/postgres" --version)"
  echo "pgbench: $(pgbench --version)"
  echo "loadavg at start: $(cut -d' ' -f1-3 /proc/loadavg)"
  echo "options: duration=${duration}s reps=$reps warmup=${warmup}s simple=$simple accounts=$BENCH_ACCOUNTS"
} >"$results/machine.txt"
cat "$results/machine.txt" >&2

for t in "${targets[@]}"; do
  on_exit "target_stop $t single '$work/$t'"
  target_start "$t" single "$work/$t" "$pwfile"
  target_load "$t" "$work/$t" "$pwfile"
done
[[ -f "$work/distdb/master/pid" ]] && echo "distdb pid: $(cat "$work/distdb/master/pid")" >>"$results/machine.txt"

# The configurations: "workload clients mode".
configs=()
for w in "${workloads[@]}"; do
  for c in "${client_counts[@]}"; do
    configs+=("$w $c prepared")
    if [[ $simple == 1 && $c -gt 1 ]]; then configs+=("$w $c simple"); fi
  done
done

if (( warmup > 0 )); then
  log "warm-up: ${warmup}s of each workload with 16 clients on each target (not recorded)"
  for t in "${targets[@]}"; do
    for w in "${workloads[@]}"; do
      pgbench_run "$(target_port "$work/$t")" "$pwfile" "$w" 16 prepared "$warmup" \
        "$results/warmup/$t-$w" >/dev/null
    done
  done
fi

runs="$results/runs.tsv"
printf 'rep\ttarget\tworkload\tclients\tmode\ttps\tp50_ms\tp99_ms\tavg_ms\ttransactions\tfailed\texit\tloadavg\n' >"$runs"
total=$(( reps * ${#configs[@]} * ${#targets[@]} ))
n=0
for (( rep=1; rep<=reps; rep++ )); do
  for cfg in "${configs[@]}"; do
    read -r w c m <<<"$cfg"
    order=("${targets[@]}")
    (( rep % 2 == 0 )) && order=("${targets[1]}" "${targets[0]}")
    for t in "${order[@]}"; do
      n=$(( n + 1 ))
      load=$(cut -d' ' -f1 /proc/loadavg)
      read -r tps p50 p99 avg cnt failed rc < <(pgbench_run "$(target_port "$work/$t")" "$pwfile" \
        "$w" "$c" "$m" "$duration" "$results/rep$rep/$t-$w-c$c-$m")
      log "[$n/$total] rep $rep $t $w c=$c $m: tps=$tps p50=${p50}ms p99=${p99}ms failed=$failed rc=$rc (load $load)"
      [[ "$rc" == 0 ]] || log "  pgbench exited $rc; see $results/rep$rep/$t-$w-c$c-$m/pgbench.out"
      printf '%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\n' "$rep" "$t" "$w" "$c" "$m" \
        "$tps" "$p50" "$p99" "$avg" "$cnt" "$failed" "$rc" "$load" >>"$runs"
    done
  done
done

if [[ -f "$work/distdb/master/admin_port" ]]; then
  distdb_metrics "$work/distdb/master" >"$results/distdb-metrics.txt" 2>/dev/null || true
fi

echo
echo "Medians of $reps repetitions x ${duration}s per run (pgbench -n -M prepared|simple, -j <= 2)."
echo "Latencies from pgbench's per-transaction log (nearest rank). distdb/PG = ratio of median tps."
echo
"$BENCH_DIR/summarize.sh" "$results"
echo
echo "Raw results: $results (runs.tsv, machine.txt, per-run pgbench.out and gzipped -l logs)"
