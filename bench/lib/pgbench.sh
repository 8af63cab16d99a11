#!/usr/bin/env bash
# One pgbench run with per-transaction logging. Source after common.sh and stats.sh.

# pgbench_run PORT PASSWORD_FILE WORKLOAD CLIENTS MODE DURATION_S OUTDIR
#   Runs bench/workloads/WORKLOAD.sql against distdb@127.0.0.1:PORT/distdb with -n, -M MODE,
#   -c CLIENTS, -j min(CLIENTS, 2), -T DURATION_S and -l logs in OUTDIR. Keeps pgbench's output
#   in OUTDIR/pgbench.out and prints one line:
#     tps p50_ms p99_ms avg_ms transactions failed exit_code
#   tps is pgbench's "without initial connection time"; latencies come from the per-transaction
#   log (nearest-rank percentiles). NA where pgbench produced nothing usable.
pgbench_run() {
  local port=$1 pwfile=$2 workload=$3 clients=$4 mode=$5 duration=$6 out=$7
  local script="$BENCH_DIR/workloads/$workload.sql"
  [[ -f "$script" ]] || die "no workload $script"
  local threads=$(( clients < 2 ? clients : 2 ))
  mkdir -p "$out"
  local rc=0
  # timeout: -T bounds the run, but a hung server must not hang the benchmark.
  PGPASSWORD=$(head -n 1 "$pwfile") timeout --kill-after=10 $(( duration + 60 )) \
    pgbench -n -h 127.0.0.1 -p "$port" -U distdb -M "$mode" -c "$clients" -j "$threads" \
    -T "$duration" -f "$script" -l --log-prefix="$out/txlog" distdb \
    >"$out/pgbench.out" 2>&1 || rc=$?
  local tps failed
  tps=$(awk '/^tps = / && /without initial connection time/ { print $3 }' "$out/pgbench.out")
  failed=$(awk -F'[: ]+' '/^number of failed transactions/ { print $5 }' "$out/pgbench.out")
  local lat=(NA NA NA NA)
  if compgen -G "$out/txlog.*" >/dev/null; then
    read -r -a lat < <(latency_percentiles "$out"/txlog.*)
    # the logs are large and fully summarized by the line below
    gzip -f "$out"/txlog.*
  fi
  echo "${tps:-NA} ${lat[1]} ${lat[2]} ${lat[3]} ${lat[0]} ${failed:-NA} $rc"
}
