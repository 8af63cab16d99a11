#!/usr/bin/env bash
# CPU accounting from /proc, for "server CPU per transaction" and per-thread breakdowns.

# proc_cpu_ticks PID: utime+stime+cutime+cstime of PID in clock ticks (children's CPU counts once
# they have been reaped, e.g. PostgreSQL backends after pgbench disconnects).
proc_cpu_ticks() {
  awk '{ sub(/^.*\) /, ""); print $12 + $13 + $14 + $15 }' "/proc/$1/stat"
}

# thread_cpu_ticks PID: "name ticks" per thread group of PID, digits in thread names folded to
# '#', so that pg-sql-17 and pg-sql-3 add up as pg-sql-#.
thread_cpu_ticks() {
  local t
  for t in /proc/"$1"/task/*; do
    [[ -r "$t/stat" ]] || continue
    printf '%s %s\n' "$(tr ' ' '_' <"$t/comm" | sed 's/[0-9]\+/#/g')" \
      "$(awk '{ sub(/^.*\) /, ""); print $12 + $13 }' "$t/stat" 2>/dev/null || echo 0)"
  done | awk '{ s[$1] += $2 } END { for (k in s) print k, s[k] }' | sort
}

# thread_cpu_delta BEFORE AFTER: joins two thread_cpu_ticks outputs, prints "ticks name" of the
# difference, largest first.
thread_cpu_delta() {
  join -a 2 -e 0 -o 0,1.2,2.2 "$1" "$2" | awk '{ d = $3 - $2; if (d > 0) print d, $1 }' | sort -rn
}
