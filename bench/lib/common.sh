#!/usr/bin/env bash
# Shared helpers for the benchmark scripts. Source it; it defines functions only.

# log MSG...: progress on stderr with a timestamp.
log() { printf '[%s] %s\n' "$(date +%H:%M:%S)" "$*" >&2; }

die() { log "ERROR: $*"; exit 1; }

# free_port: prints a TCP port on 127.0.0.1 nobody listens on (from a high range, away from
# 5432/54320 that other local servers may use). Not reserved: a race is possible but unlikely.
# BENCH_PORT_MIN / BENCH_PORT_COUNT move the range (engineers sharing a machine each use their own).
free_port() {
  local port
  for _ in $(seq 1 200); do
    port=$(( ${BENCH_PORT_MIN:-40000} + RANDOM % ${BENCH_PORT_COUNT:-20000} ))
    if ! { (exec 3<>"/dev/tcp/127.0.0.1/$port"); } 2>/dev/null; then
      if ! ss -Hltn "sport = :$port" 2>/dev/null | grep -q .; then
        echo "$port"
        return 0
      fi
    fi
  done
  return 1
}

# bench_password_file FILE: a random password for the benchmark's database user, readable by the
# servers and clients (which may run as other OS users; the servers listen on loopback only).
bench_password_file() {
  od -An -N12 -tx1 /dev/urandom | tr -d ' \n' >"$1"; echo >>"$1"
  chmod 644 "$1"
}

# bench_workspace: makes $work, the run's temp dir (the postgres OS user must reach directories
# inside it), removed on exit unless $keep_data is 1, and $pwfile, a fresh password file in it.
# Installs the exit traps first, so that the removal is registered with them.
bench_workspace() {
  work=$(mktemp -d "${TMPDIR:-/var/tmp}/distdb-bench.XXXXXX")
  chmod 755 "$work"
  install_traps
  on_exit "[[ ${keep_data:-0} == 1 ]] || rm -rf '$work'"
  pwfile="$work/password"
  bench_password_file "$pwfile"
}

# http_status PORT PATH: prints the HTTP status code of GET http://127.0.0.1:PORT/PATH (or 000).
http_status() {
  local port=$1 path=$2 line
  if { exec 3<>"/dev/tcp/127.0.0.1/$port"; } 2>/dev/null; then
    printf 'GET %s HTTP/1.0\r\nHost: 127.0.0.1\r\n\r\n' "$path" >&3
    IFS= read -r -t 5 line <&3 || true
    exec 3<&- 3>&-
    line=${line#HTTP/* }
    echo "${line%% *}"
  else
    echo 000
  fi
}

# wait_for TIMEOUT_S CMD...: retries CMD every 0.2 s until it succeeds or TIMEOUT_S pass.
wait_for() {
  local timeout=$1; shift
  local deadline=$(( SECONDS + timeout ))
  while (( SECONDS < deadline )); do
    "$@" >/dev/null 2>&1 && return 0
    sleep 0.2
  done
  return 1
}

# stop_pid PID [TIMEOUT_S]: SIGTERM, wait up to TIMEOUT_S (default 30), then SIGKILL.
stop_pid() {
  local pid=$1 timeout=${2:-30}
  kill -0 "$pid" 2>/dev/null || return 0
  kill -TERM "$pid" 2>/dev/null || true
  local deadline=$(( SECONDS + timeout ))
  while kill -0 "$pid" 2>/dev/null && (( SECONDS < deadline )); do sleep 0.2; done
  if kill -0 "$pid" 2>/dev/null; then
    log "pid $pid ignored SIGTERM for ${timeout}s; sending SIGKILL"
    kill -KILL "$pid" 2>/dev/null || true
  fi
  wait "$pid" 2>/dev/null || true
}

# Cleanup stack: register commands with on_exit; run_exit_hooks runs them newest first, once.
_exit_hooks=()
on_exit() { _exit_hooks+=("$*"); }
run_exit_hooks() {
  local i
  for (( i=${#_exit_hooks[@]}-1; i>=0; i-- )); do
    eval "${_exit_hooks[$i]}" || true
  done
  _exit_hooks=()
}
# install_traps: runs the hooks on normal exit, failure (set -e), Ctrl-C and SIGTERM.
install_traps() {
  trap 'run_exit_hooks' EXIT
  trap 'log "interrupted; cleaning up"; exit 130' INT
  trap 'log "terminated; cleaning up"; exit 143' TERM
}
