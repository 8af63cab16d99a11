#!/usr/bin/env bash
# Start and stop distdb nodes for benchmarks. Source after lib/common.sh.
#
# A node instance is a directory: distdb_start writes its ports, pid and log there, so several
# nodes (a later master + slaves topology) can run side by side, each in its own directory.

DISTDB_ROOT=${DISTDB_ROOT:-$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)}
DISTDB_JAR=${DISTDB_JAR:-$DISTDB_ROOT/db-node/target/db-node.jar}
# Extra JVM options (e.g. "-Xmx2g"); empty by default = the node as `java -jar` runs it.
DISTDB_JAVA_OPTS=${DISTDB_JAVA_OPTS:-}

# distdb_build: builds the node jar if it is missing or older than any source or pom.
distdb_build() {
  command -v java >/dev/null || die "java not found (apt-get install openjdk-17-jdk-headless maven)"
  if [[ ! -f "$DISTDB_JAR" || -n "$(find "$DISTDB_ROOT" -path "$DISTDB_ROOT/bench" -prune -o \
        \( -name '*.java' -o -name pom.xml \) -path '*/src/*' -newer "$DISTDB_JAR" -print -o \
        -name pom.xml -newer "$DISTDB_JAR" -print 2>/dev/null | head -n 1)" ]]; then
    log "building db-node (mvn -q -B -DskipTests package)"
    (cd "$DISTDB_ROOT" && mvn -q -B -DskipTests package) || die "build failed"
  fi
}

# distdb_start DIR PASSWORD_FILE [NODE_ARGS...]: starts a node with data in DIR/data on 127.0.0.1
# at free ports and waits (up to 120 s) for /readyz. Writes DIR/{pid,port,admin_port,node.log}.
# Extra arguments go to the node (e.g. --role slave ...); --fsync stays at its default (true).
distdb_start() {
  local dir=$1 pwfile=$2; shift 2
  mkdir -p "$dir"
  local port admin
  port=$(free_port) || die "no free port"
  admin=$(free_port) || die "no free port"
  [[ "$admin" != "$port" ]] || admin=$(free_port)
  echo "$port" >"$dir/port"
  echo "$admin" >"$dir/admin_port"
  distdb_launch "$dir" "$pwfile" "$@"
  local pid; pid=$(cat "$dir/pid")
  local deadline=$(( SECONDS + 120 ))
  while [[ "$(http_status "$admin" /readyz)" != 200 ]]; do
    if ! kill -0 "$pid" 2>/dev/null || (( SECONDS >= deadline )); then
      log "distdb in $dir did not become ready; last lines of its log:"
      tail -n 30 "$dir/node.log" >&2
      return 1
    fi
    sleep 0.2
  done
  log "distdb ready: pid $pid, pg port $port, admin port $admin, data $dir/data"
}

# distdb_launch DIR PASSWORD_FILE [NODE_ARGS...]: starts the node of DIR in the background on the
# ports in DIR/port and DIR/admin_port (a restart keeps them) and returns at once; writes DIR/pid.
distdb_launch() {
  local dir=$1 pwfile=$2; shift 2
  # shellcheck disable=SC2086
  java $DISTDB_JAVA_OPTS -jar "$DISTDB_JAR" --data-dir "$dir/data" --bind 127.0.0.1 \
    --pg-port "$(cat "$dir/port")" --admin-port "$(cat "$dir/admin_port")" --user distdb \
    --password-file "$pwfile" "$@" >>"$dir/node.log" 2>&1 &
  echo $! >"$dir/pid"
}

# distdb_kill DIR: SIGKILL the node started in DIR (a crash: nothing is flushed or closed).
distdb_kill() {
  local dir=$1
  [[ -f "$dir/pid" ]] || return 0
  local pid; pid=$(cat "$dir/pid")
  kill -KILL "$pid" 2>/dev/null || true
  wait "$pid" 2>/dev/null || true
  local deadline=$(( SECONDS + 30 ))
  while kill -0 "$pid" 2>/dev/null && (( SECONDS < deadline )); do sleep 0.05; done
  rm -f "$dir/pid"
}

# distdb_stop DIR: SIGTERM (SIGKILL after 30 s) the node started in DIR.
distdb_stop() {
  local dir=$1
  [[ -f "$dir/pid" ]] || return 0
  stop_pid "$(cat "$dir/pid")" 30
  rm -f "$dir/pid"
}

# distdb_metrics DIR: prints the node's Prometheus metrics (fsync counts etc.).
distdb_metrics() {
  local admin; admin=$(cat "$1/admin_port")
  exec 3<>"/dev/tcp/127.0.0.1/$admin" || return 1
  printf 'GET /metrics HTTP/1.0\r\nHost: 127.0.0.1\r\n\r\n' >&3
  sed '1,/^\r\{0,1\}$/d' <&3
  exec 3<&- 3>&-
}
