#!/usr/bin/env bash
# Prints the Markdown tables for a results directory written by run-replicated.sh.
#
#   bench/summarize-replicated.sh bench/results/<timestamp>-repl
#
# Throughput: medians over the repetitions per replication mode, workload and clients; distdb/PG
# is the ratio of the medians, "paired" the median of per-repetition ratios; min..max shows the
# noise. Lag: medians over the repetitions of each probe's p50/p99 (per replica), plus the
# commit latency of the probe's own marker INSERTs and the secondary views (distdb: lagEntries
# from /status; PostgreSQL: replay lag in WAL bytes from pg_stat_replication). Catch-up: as
# measured once.
set -euo pipefail
BENCH_DIR=$(cd "$(dirname "$0")" && pwd)
. "$BENCH_DIR/lib/stats.sh"
dir=${1:?usage: summarize-replicated.sh RESULTS_DIR}
runs="$dir/runs.tsv"
[[ -f "$runs" ]] || { echo "no $runs" >&2; exit 1; }
fmt0() { [[ "$1" == NA ]] && echo NA || printf "%'.0f" "$1"; }
fmt2() { [[ "$1" == NA ]] && echo NA || printf '%.3f' "$1"; }
fmt1() { [[ "$1" == NA ]] && echo NA || printf '%.1f' "$1"; }
range() { printf '%s\n' "$@" | sort -n | awk 'NR == 1 { lo = $1 } { hi = $1; n++ } END { if (n) printf "%.0f..%.0f", lo, hi; else print "NA" }'; }
# col REPL TARGET WORKLOAD CLIENTS FIELD: fields 7 tps, 8 p50, 9 p99; runs with pgbench exit 0 only.
col() { awk -F'\t' -v r="$1" -v t="$2" -v w="$3" -v c="$4" -v f="$5" \
  'NR > 1 && $2 == r && $3 == t && $4 == w && $5 == c && $13 == 0 { print $f }' "$runs"; }
configs=$(awk -F'\t' 'NR > 1 && !seen[$2 FS $4 FS $5]++ { print $2, $4, $5 }' "$runs")
export LC_NUMERIC=C.UTF-8 2>/dev/null || true

echo "### Throughput and latency (against the master)"
echo
echo "| replication | workload | clients | distdb tps | PostgreSQL tps | distdb/PG | paired distdb/PG | distdb p50 ms | PG p50 ms | distdb p99 ms | PG p99 ms | distdb tps min..max | PG tps min..max |"
echo "|---|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|"
while read -r r w c; do
  # shellcheck disable=SC2046
  {
    d_tps=$(median $(col "$r" distdb "$w" "$c" 7)); p_tps=$(median $(col "$r" postgres "$w" "$c" 7))
    d_50=$(median $(col "$r" distdb "$w" "$c" 8)); p_50=$(median $(col "$r" postgres "$w" "$c" 8))
    d_99=$(median $(col "$r" distdb "$w" "$c" 9)); p_99=$(median $(col "$r" postgres "$w" "$c" 9))
    per=$(awk -F'\t' -v r="$r" -v w="$w" -v c="$c" '
      NR > 1 && $2 == r && $4 == w && $5 == c && $13 == 0 { v[$1, $3] = $7; reps[$1] = 1 }
      END { for (x in reps) if (v[x, "postgres"] > 0 && v[x, "distdb"] != "") printf "%.4f\n", v[x, "distdb"] / v[x, "postgres"] }' "$runs")
    pm=$(median $per)
  }
  echo "| $r | $w | $c | $(fmt0 "$d_tps") | $(fmt0 "$p_tps") | $(ratio "$d_tps" "$p_tps") | $(awk -v x="$pm" 'BEGIN { if (x == "NA") print "NA"; else printf "%.0f%%", 100 * x }') | $(fmt2 "$d_50") | $(fmt2 "$p_50") | $(fmt2 "$d_99") | $(fmt2 "$p_99") | $(range $(col "$r" distdb "$w" "$c" 7)) | $(range $(col "$r" postgres "$w" "$c" 7)) |"
done <<<"$configs"
bad=$(awk -F'\t' 'NR > 1 && ($13 != 0 || ($12 != "" && $12 != "0" && $12 != "NA"))' "$runs" | wc -l)
echo
echo "Runs with a non-zero pgbench exit or failed transactions: $bad of $(( $(wc -l <"$runs") - 1 ))."

lag="$dir/lag.tsv"
if [[ -f "$lag" && $(wc -l <"$lag") -gt 1 ]]; then
  echo
  echo "### Replication lag under the 16-client insert load (probe every 50 ms, one clock)"
  echo
  echo "Lag = time from the marker INSERT's commit acknowledgement on the master until a reader on the"
  echo "replica sees it. 'commit' = the marker INSERT's own latency on the master. Medians over the"
  echo "repetitions of each probe run's p50 / p99 / max (max column: the largest over all runs)."
  echo "Secondary: distdb = lagEntries from the master's /status; PostgreSQL = replay lag in WAL bytes"
  echo "(pg_stat_replication), sampled every 50 ms, medians over the runs of p50 / p99."
  echo
  echo "| replication | system | replica | probe runs | markers/run | lag p50 ms | lag p99 ms | lag max ms | load tps | secondary p50 | secondary p99 |"
  echo "|---|---|---|---:|---:|---:|---:|---:|---:|---:|---:|"
  keys=$(awk -F'\t' 'NR > 1 && !seen[$1 FS $3 FS $4]++ { print $1, $3, $4 }' "$lag")
  while read -r r t s; do
    lc() { awk -F'\t' -v r="$r" -v t="$t" -v s="$s" -v f="$1" 'NR > 1 && $1 == r && $3 == t && $4 == s { print $f }' "$lag"; }
    nruns=$(lc 5 | wc -l)
    unit=""; [[ $s == commit ]] || { [[ $t == distdb ]] && unit=" entries" || unit=" bytes"; }
    # shellcheck disable=SC2046
    {
      sp50=$(median $(lc 11)); sp99=$(median $(lc 12))
      [[ $s == commit ]] && { sp50=NA; sp99=NA; }
      mx=$(lc 8 | grep -v NA | sort -g | tail -n 1)
      echo "| $r | $t | $s | $nruns | $(fmt0 "$(median $(lc 5))") | $(fmt1 "$(median $(lc 6))") | $(fmt1 "$(median $(lc 7))") | $(fmt1 "${mx:-NA}") | $(fmt0 "$(median $(lc 10))") | $( [[ $sp50 == NA ]] && echo - || echo "$(fmt0 "$sp50")$unit") | $( [[ $sp99 == NA ]] && echo - || echo "$(fmt0 "$sp99")$unit") |"
    }
  done <<<"$keys"
  echo
  echo "Per run (p50 / p99 ms):"
  echo
  awk -F'\t' 'NR > 1 { k = $1 " " $3 " " $4; v[k] = v[k] sprintf(" %.1f/%.1f", $6, $7) } END { for (k in v) print "- " k ":" v[k] }' "$lag" | sort
  unres=$(awk -F'\t' 'NR > 1 && $4 != "commit" && $9 != 0' "$lag" | wc -l)
  echo
  echo "Probe runs with markers never seen on a replica: $unres."
fi

cu="$dir/catchup.tsv"
if [[ -f "$cu" && $(wc -l <"$cu") -gt 1 ]]; then
  echo
  echo "### Catch-up of a stopped replica (async mode)"
  echo
  echo "| system | entries written while down | log/WAL bytes | write time s | write tps | behind (entries) | start → caught up s | first progress s | apply s | entries/s | MB/s | snapshot? |"
  echo "|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---|"
  awk -F'\t' 'NR > 1 { printf "| %s | %s | %s | %s | %s | %s | %s | %s | %s | %s | %s | %s |\n", $1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12 }' "$cu"
fi
if [[ -f "$dir/distdb-checksums.txt" ]]; then
  echo
  echo "Convergence at the end: distdb /checksums (hash of the per-database checksums) $(awk '{ printf "%s=%s ", $1, $2 }' "$dir/distdb-checksums.txt");"
  echo "PostgreSQL bench_history count/sum per node: $(tr '\n' ' ' <"$dir/postgres-counts.txt")"
fi
