#!/usr/bin/env bash
# JDK Flight Recorder on a running distdb node: start/stop with jcmd, summarize with `jfr print`.
# Source after common.sh.

# jfr_start PID NAME FILE: starts recording NAME into FILE with the JDK's "profile" settings, but
# with the lock, park and file thresholds lowered to 1 ms (fsyncs: 0 ms, all of them), so that the
# short waits of a commit path show up, not only the >= 10 ms ones. The .jfc is written next to FILE.
jfr_start() {
  local pid=$1 name=$2 file=$3
  local jfc="${file%.jfr}.jfc" java_home
  java_home=$(dirname "$(dirname "$(readlink -f "$(command -v java)")")")
  sed -E -e 's#(control="locking-threshold">)[0-9]+ ms#\11 ms#' -e 's#(control="file-threshold">)[0-9]+ ms#\10 ms#' \
    "$java_home/lib/jfr/profile.jfc" >"$jfc"
  jcmd "$pid" JFR.start name="$name" settings="$jfc" filename="$file" >/dev/null
}

# jfr_stop PID NAME: stops the recording (written to the FILE given to jfr_start).
jfr_stop() { jcmd "$1" JFR.stop name="$2" >/dev/null; }

# jfr_cpu_top FILE: CPU samples (jdk.ExecutionSample): the top frames (self) and the hottest
# io.distdb / org.h2 methods (inclusive), as percentages of all samples.
jfr_cpu_top() {
  jfr print --events jdk.ExecutionSample --stack-depth 64 "$1" | awk '
    /stackTrace = \[/ { in_st = 1; first = 1; delete seen; n++; next }
    in_st && /^[[:space:]]*\]/ { in_st = 0; next }
    in_st {
      f = $0; sub(/^[[:space:]]+/, "", f); sub(/[[:space:]]+line:.*/, "", f); sub(/\(.*$/, "", f)
      if (first) { self[f]++; first = 0 }
      if (!(f in seen)) { seen[f] = 1; if (f ~ /^(io\.distdb|org\.h2)/) incl[f]++ }
    }
    END {
      printf "%d samples\n-- self --\n", n
      for (f in self) printf "%5.1f%%  %s\n", 100 * self[f] / n, f | "sort -rn | head -n 25"
      close("sort -rn | head -n 25")
      print "-- inclusive (io.distdb, org.h2) --"
      for (f in incl) printf "%5.1f%%  %s\n", 100 * incl[f] / n, f | "sort -rn | head -n 30"
      close("sort -rn | head -n 30")
    }'
}

# jfr_cpu_by_thread FILE: CPU samples per thread (digits folded to '#'), as percentages.
jfr_cpu_by_thread() {
  jfr print --events jdk.ExecutionSample --stack-depth 1 "$1" | awk '
    /sampledThread = / { t = $0; sub(/^[^"]*"/, "", t); sub(/".*$/, "", t); gsub(/[0-9]+/, "#", t); c[t]++; n++ }
    END { for (t in c) printf "%5.1f%%  %s\n", 100 * c[t] / n, t | "sort -rn | head -n 15" }'
}

# jfr_waits FILE SECONDS [FROM TO]: where threads block (parks, monitor enters and waits >= 1 ms,
# every fsync): per thread (digits folded), event and the first io.distdb / org.h2 frame (the
# caller that waits), the count and the total wait in ms per second, largest first. FROM and TO
# (times of day as `jfr print` shows them, e.g. 20:56:36.678) keep only the events that start in
# that window of SECONDS seconds; without them the whole recording counts as SECONDS.
jfr_waits() {
  jfr print --events jdk.ThreadPark,jdk.JavaMonitorEnter,jdk.JavaMonitorWait,jdk.FileForce --stack-depth 32 "$1" \
    | awk -v secs="$2" -v from="${3:-}" -v to="${4:-}" '
    /^jdk\.[A-Za-z]+ \{/ { ev = $1; sub(/^jdk\./, "", ev); d = 0; th = "?"; fr = ""; t = ""; next }
    /^[[:space:]]+startTime = / { t = $3; next }
    /^[[:space:]]+duration = / {
      v = $3; u = $4
      d = (u == "s") ? v * 1000 : (u == "ms") ? v : (u == "us") ? v / 1000 : (u == "ns") ? v / 1e6 : v
      next
    }
    /^[[:space:]]+eventThread = / { th = $0; sub(/^[^"]*"/, "", th); sub(/".*$/, "", th); gsub(/[0-9]+/, "#", th); next }
    /^[[:space:]]+(io\.distdb|org\.h2)\./ && fr == "" { fr = $1; sub(/\(.*$/, "", fr); next }
    /^}/ {
      if (from != "" && (t < from || t > to)) next
      k = th "|" ev "|" (fr == "" ? "(no distdb frame)" : fr); n[k]++; ms[k] += d
    }
    END { for (k in n) { split(k, p, "|"); printf "| %s | %s | %s | %.1f | %.1f |\n", p[1], p[2], p[3], n[k] / secs, ms[k] / secs } }' \
    | sort -t'|' -k6 -rn | head -n "${JFR_WAIT_ROWS:-25}"
}
