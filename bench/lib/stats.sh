#!/usr/bin/env bash
# Statistics over numbers: percentiles of pgbench per-transaction logs, medians of runs.

# latency_percentiles LOGFILE...: reads pgbench -l logs (format: client_id transaction_no
# latency_us script_no epoch_s epoch_us) and prints "count p50_ms p99_ms avg_ms". Percentiles are
# nearest-rank: the value at rank ceil(p*n) of the sorted latencies. Failed or skipped
# transactions (latency field not a number) are left out.
latency_percentiles() {
  cat "$@" | awk '$3 ~ /^[0-9]+$/ { print $3 }' | sort -n | awk '
    { v[NR] = $1; sum += $1 }
    END {
      n = NR
      if (n == 0) { print "0 NA NA NA"; exit }
      r50 = int(0.50 * n); if (r50 < 0.50 * n) r50++
      r99 = int(0.99 * n); if (r99 < 0.99 * n) r99++
      printf "%d %.3f %.3f %.3f\n", n, v[r50] / 1000, v[r99] / 1000, sum / n / 1000
    }'
}

# median NUMBERS...: the median (mean of the middle two for an even count); NA if none or any NA.
median() {
  printf '%s\n' "$@" | awk '
    $1 == "NA" || $1 == "" { bad = 1; next }
    { v[++n] = $1 }
    END {
      if (bad || n == 0) { print "NA"; exit }
      # insertion sort: n is small (repetitions)
      for (i = 2; i <= n; i++) { x = v[i]; j = i - 1; while (j > 0 && v[j] > x) { v[j+1] = v[j]; j-- } v[j+1] = x }
      if (n % 2) m = v[(n + 1) / 2]; else m = (v[n / 2] + v[n / 2 + 1]) / 2
      printf "%.3f\n", m
    }'
}

# ratio A B: A/B as a percentage with no decimals, NA if either is NA or B is 0.
ratio() {
  awk -v a="$1" -v b="$2" 'BEGIN { if (a == "NA" || b == "NA" || b + 0 == 0) print "NA"; else printf "%.0f%%\n", 100 * a / b }'
}
