#!/usr/bin/env bash
# Prints the Markdown tables for a results directory written by run-single-node.sh.
#
#   bench/summarize.sh bench/results/<timestamp>
#
# Table 1: medians over the repetitions (tps, p50, p99; ratio = distdb / PostgreSQL median tps).
# Table 2: the spread of throughput over the repetitions (min..max), to judge the noise.
# Table 3: the median of per-repetition distdb/PostgreSQL ratios (paired, less sensitive to noise).
# Runs where pgbench exited non-zero are left out (and counted in the "runs" column).
set -euo pipefail
BENCH_DIR=$(cd "$(dirname "$0")" && pwd)
. "$BENCH_DIR/lib/stats.sh"
dir=${1:?usage: summarize.sh RESULTS_DIR}
runs="$dir/runs.tsv"
[[ -f "$runs" ]] || { echo "no $runs" >&2; exit 1; }

# col TARGET WORKLOAD CLIENTS MODE FIELD#: one column over the good repetitions.
# Fields: 6 tps, 7 p50, 8 p99, 11 failed, 12 exit.
col() { awk -F'\t' -v t="$1" -v w="$2" -v c="$3" -v m="$4" -v f="$5" \
  'NR > 1 && $2 == t && $3 == w && $4 == c && $5 == m && $12 == 0 { print $f }' "$runs"; }
configs=$(awk -F'\t' 'NR > 1 && !seen[$3 FS $4 FS $5]++ { print $3, $4, $5 }' "$runs")
reps=$(awk -F'\t' 'NR > 1 { print $1 }' "$runs" | sort -un | wc -l)
fmt0() { [[ "$1" == NA ]] && echo NA || printf '%.0f' "$1"; }
fmt2() { [[ "$1" == NA ]] && echo NA || printf '%.3f' "$1"; }
range() { printf '%s\n' "$@" | sort -n | awk 'NR == 1 { lo = $1 } { hi = $1; n++ } END { if (n) printf "%.0f..%.0f", lo, hi; else print "NA" }'; }

echo "| workload | clients | mode | distdb tps | PostgreSQL tps | distdb/PG | distdb p50 ms | PG p50 ms | distdb p99 ms | PG p99 ms |"
echo "|---|---:|---|---:|---:|---:|---:|---:|---:|---:|"
while read -r w c m; do
  # shellcheck disable=SC2046
  {
    d_tps=$(median $(col distdb "$w" "$c" "$m" 6)); p_tps=$(median $(col postgres "$w" "$c" "$m" 6))
    d_50=$(median $(col distdb "$w" "$c" "$m" 7)); p_50=$(median $(col postgres "$w" "$c" "$m" 7))
    d_99=$(median $(col distdb "$w" "$c" "$m" 8)); p_99=$(median $(col postgres "$w" "$c" "$m" 8))
  }
  echo "| $w | $c | $m | $(fmt0 "$d_tps") | $(fmt0 "$p_tps") | $(ratio "$d_tps" "$p_tps") | $(fmt2 "$d_50") | $(fmt2 "$p_50") | $(fmt2 "$d_99") | $(fmt2 "$p_99") |"
done <<<"$configs"
echo
echo "Throughput spread over the $reps repetitions (min..max tps; runs = good/total):"
echo
echo "| workload | clients | mode | distdb tps min..max | PostgreSQL tps min..max | runs distdb | runs PG |"
echo "|---|---:|---|---:|---:|---:|---:|"
while read -r w c m; do
  # shellcheck disable=SC2046
  total_d=$(awk -F'\t' -v w="$w" -v c="$c" -v m="$m" 'NR > 1 && $2 == "distdb" && $3 == w && $4 == c && $5 == m' "$runs" | wc -l)
  total_p=$(awk -F'\t' -v w="$w" -v c="$c" -v m="$m" 'NR > 1 && $2 == "postgres" && $3 == w && $4 == c && $5 == m' "$runs" | wc -l)
  good_d=$(col distdb "$w" "$c" "$m" 6 | wc -l); good_p=$(col postgres "$w" "$c" "$m" 6 | wc -l)
  # shellcheck disable=SC2046
  echo "| $w | $c | $m | $(range $(col distdb "$w" "$c" "$m" 6)) | $(range $(col postgres "$w" "$c" "$m" 6)) | $good_d/$total_d | $good_p/$total_p |"
done <<<"$configs"
echo
echo "Paired ratios: distdb tps / PostgreSQL tps within each repetition (the two runs are"
echo "back to back, so slow phases of a shared machine hit both); median and all values:"
echo
echo "| workload | clients | mode | median distdb/PG | per repetition |"
echo "|---|---:|---|---:|---|"
while read -r w c m; do
  per=$(awk -F'\t' -v w="$w" -v c="$c" -v m="$m" '
    NR > 1 && $3 == w && $4 == c && $5 == m && $12 == 0 { v[$1, $2] = $6; reps[$1] = 1 }
    END { for (r in reps) if (v[r, "postgres"] > 0 && v[r, "distdb"] != "") printf "%.2f\n", v[r, "distdb"] / v[r, "postgres"] }' "$runs" | sort -n)
  # shellcheck disable=SC2086
  med=$(median $per)
  echo "| $w | $c | $m | $(awk -v x="$med" 'BEGIN { if (x == "NA") print "NA"; else printf "%.0f%%", 100 * x }') | $(echo $per) |"
done <<<"$configs"
