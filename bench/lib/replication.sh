#!/usr/bin/env bash
# Replicated topologies: distdb master + 2 slaves, PostgreSQL primary + 2 streaming standbys.
# Source after common.sh, distdb.sh and postgres.sh (targets.sh calls these for the topologies
# "async2" and "sync2").
#
# Layout under a target dir DIR: DIR/master (as in the single topology), DIR/s1, DIR/s2. Each
# node dir has port (and for distdb admin_port); DIR/master/replication_port for distdb.
#
#   repl_start TARGET MODE DIR PASSWORD_FILE   start master + s1 + s2 in MODE (async | sync)
#   repl_stop TARGET DIR                       stop all three
#   repl_set_mode TARGET MODE DIR PASSWORD_FILE switch a running cluster to MODE and verify it
#   repl_wait_converged TARGET DIR [TIMEOUT_S] wait until s1 and s2 have applied everything
#   repl_replica_names                         s1 s2
#   repl_replica_args DIR                      --replica s1=PORT --replica s2=PORT
#   repl_kill TARGET NODE_DIR                  SIGKILL one node (every process of it)
#   repl_relaunch TARGET DIR NODE PW_FILE      start NODE (master | s1 | s2) again on its data and
#                                              ports, in sync mode, without waiting for it
#   repl_lsn TARGET DIR NODE                   master: its last log position; replica: applied
#   repl_log_sizes TARGET DIR                  "name bytes" lines: the master's log segments
#                                              (PostgreSQL: one line, its WAL position)

REPL_REPLICAS=(s1 s2)
repl_replica_names() { echo "${REPL_REPLICAS[@]}"; }
# repl_replica_args DIR: "--replica s1=PORT --replica s2=PORT " for the Java tools in bench/tools.
repl_replica_args() { local s; for s in "${REPL_REPLICAS[@]}"; do printf -- '--replica %s=%s ' "$s" "$(cat "$1/$s/port")"; done; }

need_jq() {
  command -v jq >/dev/null && command -v curl >/dev/null && return 0
  [[ $(id -u) -eq 0 ]] || die "jq and curl are needed (apt-get install jq curl)"
  log "installing jq and curl (apt-get)"
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends jq curl >/dev/null
}

# pgjdbc_jar: prints the path of the pgjdbc jar the Java tools use, fetching it with Maven if it
# is not in the local repository yet.
PGJDBC_VERSION=${PGJDBC_VERSION:-42.7.14}
pgjdbc_jar() {
  local jar="$HOME/.m2/repository/org/postgresql/postgresql/$PGJDBC_VERSION/postgresql-$PGJDBC_VERSION.jar"
  if [[ ! -f "$jar" ]]; then
    log "fetching pgjdbc $PGJDBC_VERSION (mvn dependency:get)"
    mvn -q -B dependency:get -Dartifact="org.postgresql:postgresql:$PGJDBC_VERSION" >&2 \
      || die "could not fetch pgjdbc"
  fi
  [[ -f "$jar" ]] || die "no $jar"
  echo "$jar"
}

# ---------------------------------------------------------------- distdb

# distdb_status NODE_DIR: the node's /status JSON.
distdb_status() { curl -fsS --max-time 5 "http://127.0.0.1:$(cat "$1/admin_port")/status"; }

_distdb_master_args() {
  local dir=$1 mode=$2
  echo --node-id m --role master --replication-port "$(cat "$dir/master/replication_port")" \
    --replication-secret-file "$dir/secret" --sync-mode "$mode" --min-sync-acks 1
}

_distdb_slave_args() {
  local dir=$1 name=$2
  echo --node-id "$name" --role slave --master "127.0.0.1:$(cat "$dir/master/replication_port")" \
    --replication-secret-file "$dir/secret"
}

# distdb_start_slave DIR NAME PASSWORD_FILE: start slave NAME of the cluster in DIR.
distdb_start_slave() {
  local dir=$1 name=$2 pwfile=$3
  # shellcheck disable=SC2046
  distdb_start "$dir/$name" "$pwfile" $(_distdb_slave_args "$dir" "$name")
}

distdb_repl_start() {
  local mode=$1 dir=$2 pwfile=$3
  mkdir -p "$dir/master"
  od -An -N24 -tx1 /dev/urandom | tr -d ' \n' >"$dir/secret"   # 48 hex characters
  chmod 600 "$dir/secret"
  free_port >"$dir/master/replication_port" || die "no free port"
  # shellcheck disable=SC2046
  distdb_start "$dir/master" "$pwfile" $(_distdb_master_args "$dir" "$mode")
  local s
  for s in "${REPL_REPLICAS[@]}"; do distdb_start_slave "$dir" "$s" "$pwfile"; done
  distdb_wait_streaming "$dir" 60 || die "distdb slaves are not streaming"
}

# distdb_wait_streaming DIR TIMEOUT_S: until the master lists s1 and s2 as streaming.
distdb_wait_streaming() {
  local dir=$1 timeout=${2:-60}
  local deadline=$(( SECONDS + timeout )) n
  while (( SECONDS < deadline )); do
    n=$(distdb_status "$dir/master" 2>/dev/null \
      | jq '[.master.slaves[] | select(.state == "streaming")] | length' 2>/dev/null || echo 0)
    (( n >= ${#REPL_REPLICAS[@]} )) && return 0
    sleep 0.3
  done
  distdb_status "$dir/master" >&2 || true
  return 1
}

# distdb_set_mode MODE DIR PASSWORD_FILE: restart the master (same data, same replication port)
# with --sync-mode MODE; the slaves reconnect by themselves.
distdb_set_mode() {
  local mode=$1 dir=$2 pwfile=$3
  local cur; cur=$(distdb_status "$dir/master" | jq -r .master.mode)
  if [[ "$cur" != "$mode" ]]; then
    log "distdb: restarting the master in $mode mode"
    distdb_stop "$dir/master"
    # shellcheck disable=SC2046
    distdb_start "$dir/master" "$pwfile" $(_distdb_master_args "$dir" "$mode")
  fi
  distdb_wait_streaming "$dir" 60 || die "distdb slaves did not reconnect"
  cur=$(distdb_status "$dir/master" | jq -r '"\(.master.mode) minSyncAcks=\(.master.minSyncAcks) slaves=\([.master.slaves[] | "\(.nodeId):\(.state)"] | join(","))"')
  log "distdb replication: $cur"
  [[ "$cur" == "$mode "* ]] || die "distdb master is not in $mode mode: $cur"
}

# distdb_wait_converged DIR TIMEOUT_S: until every slave's appliedLsn equals the master's lastLsn.
distdb_wait_converged() {
  local dir=$1 timeout=${2:-120}
  local deadline=$(( SECONDS + timeout )) last s ok
  while (( SECONDS < deadline )); do
    last=$(distdb_status "$dir/master" | jq .lastLsn)
    ok=1
    for s in "${REPL_REPLICAS[@]}"; do
      [[ -f "$dir/$s/pid" ]] || continue
      [[ "$(distdb_status "$dir/$s" 2>/dev/null | jq .appliedLsn)" == "$last" ]] || ok=0
    done
    (( ok )) && return 0
    sleep 0.3
  done
  return 1
}

# distdb_checksums DIR: one line per node: "node sha..." over all databases (applied LSN left out),
# "node NA" when the node did not answer within DISTDB_CHECKSUMS_TIMEOUT_S (default 30).
distdb_checksums() {
  local dir=$1 n doc
  for n in master "${REPL_REPLICAS[@]}"; do
    [[ -f "$dir/$n/pid" ]] || continue
    if doc=$(curl -fsS --max-time "${DISTDB_CHECKSUMS_TIMEOUT_S:-30}" "http://127.0.0.1:$(cat "$dir/$n/admin_port")/checksums"); then
      echo "$n $(jq -cS 'walk(if type == "object" then del(.appliedLsn, .lsn) else . end)' <<<"$doc" | sha256sum | cut -c1-16)"
    else
      echo "$n NA"
    fi
  done
}

# ---------------------------------------------------------------- PostgreSQL

_pg_psql_super() {   # _pg_psql_super NODE_DIR [psql args]: as postgres over the Unix socket
  local d=$1; shift
  _pg_as_user psql -X -q -At -v ON_ERROR_STOP=1 -h "$d/socket" -p "$(cat "$d/port")" -U postgres -d postgres "$@"
}

pg_repl_start() {
  local mode=$1 dir=$2 pwfile=$3
  local ssn=""
  [[ $mode == sync ]] && ssn="ANY 1 (s1, s2)"
  pg_start "$dir/master" "$pwfile" -c wal_level=replica -c max_wal_senders=10 \
    -c max_replication_slots=10 -c hot_standby=on
  # A replication role with its own password and a pg_hba line for it on loopback.
  local rpw; rpw=$(od -An -N12 -tx1 /dev/urandom | tr -d ' \n')
  echo "$rpw" >"$dir/replication_password"; chmod 600 "$dir/replication_password"
  echo "host  replication replicator 127.0.0.1/32 scram-sha-256" >>"$dir/master/data/pg_hba.conf"
  _pg_psql_super "$dir/master" -v rpw="$rpw" >/dev/null <<'SQL'
CREATE ROLE replicator REPLICATION LOGIN PASSWORD :'rpw';
SELECT pg_reload_conf();
SQL
  local mport; mport=$(cat "$dir/master/port")
  local s port
  for s in "${REPL_REPLICAS[@]}"; do
    port=$(free_port) || die "no free port"
    mkdir -p "$dir/$s/socket"
    chown -R "$PG_OS_USER:" "$dir/$s"; chmod 700 "$dir/$s"
    # -C -S: a physical replication slot per standby, so a stopped standby can catch up.
    _pg_as_user env PGPASSWORD="$rpw" "$PG_BIN/pg_basebackup" -D "$dir/$s/data" -R -X stream \
      --checkpoint=fast -C -S "$s" -h 127.0.0.1 -p "$mport" -U replicator >"$dir/$s/basebackup.log" 2>&1 \
      || { cat "$dir/$s/basebackup.log" >&2; return 1; }
    _pg_as_user tee -a "$dir/$s/data/postgresql.conf" >/dev/null <<CONF

# --- distdb bench standby $s ---
port = $port
unix_socket_directories = '$dir/$s/socket'
CONF
    # Written after pg_basebackup -R's line, so it wins: our application_name for the quorum.
    _pg_as_user tee -a "$dir/$s/data/postgresql.auto.conf" >/dev/null <<CONF
primary_conninfo = 'host=127.0.0.1 port=$mport user=replicator password=$rpw application_name=$s'
primary_slot_name = '$s'
CONF
    echo "$port" >"$dir/$s/port"
    pg_start_standby "$dir/$s"
  done
  pg_set_mode "$mode" "$dir"
}

# pg_kill NODE_DIR: SIGKILL the postmaster and all its children at once (a crash), then wait
# until they are gone, so that a new postmaster finds no process attached to the old memory.
pg_kill() {
  local d=$1 pm
  [[ -f "$d/data/postmaster.pid" ]] || return 0
  pm=$(pg_postmaster_pid "$d")
  # shellcheck disable=SC2046
  kill -KILL "$pm" $(ps -o pid= --ppid "$pm") 2>/dev/null || true
  local deadline=$(( SECONDS + 30 ))
  while { kill -0 "$pm" 2>/dev/null || [[ -n "$(ps -o pid= --ppid "$pm")" ]]; } && (( SECONDS < deadline )); do
    sleep 0.05
  done
}

# pg_launch NODE_DIR: start an existing cluster (primary or standby) without waiting for it.
pg_launch() {
  local d=$1
  _pg_as_user "$PG_BIN/pg_ctl" -D "$d/data" -l "$d/server.log" -W start >"$d/pg_ctl.log" 2>&1
}

# pg_start_standby NODE_DIR: start an existing standby cluster.
pg_start_standby() {
  local d=$1
  _pg_as_user "$PG_BIN/pg_ctl" -D "$d/data" -l "$d/server.log" -w -t 60 start >"$d/pg_ctl.log" 2>&1 \
    || { cat "$d/pg_ctl.log" "$d/server.log" >&2; return 1; }
  log "postgres standby ready: pg port $(cat "$d/port"), data $d/data"
}

# pg_set_mode MODE DIR: synchronous_standby_names 'ANY 1 (s1, s2)' (sync) or '' (async), reload,
# then verify in pg_stat_replication that both standbys stream (quorum in sync mode).
pg_set_mode() {
  local mode=$1 dir=$2 ssn="" want=async
  [[ $mode == sync ]] && { ssn="ANY 1 (s1, s2)"; want=quorum; }
  _pg_psql_super "$dir/master" -v ssn="$ssn" >/dev/null <<'SQL'
ALTER SYSTEM SET synchronous_standby_names = :'ssn';
ALTER SYSTEM SET synchronous_commit = 'on';
SELECT pg_reload_conf();
SQL
  local deadline=$(( SECONDS + 60 )) got=""
  while (( SECONDS < deadline )); do
    got=$(_pg_psql_super "$dir/master" -c \
      "SELECT string_agg(application_name || ':' || state || ':' || sync_state, ',' ORDER BY application_name) FROM pg_stat_replication")
    [[ "$got" == "s1:streaming:$want,s2:streaming:$want" ]] && break
    sleep 0.3
  done
  log "postgres replication ($mode, synchronous_standby_names='$ssn'): $got"
  [[ "$got" == "s1:streaming:$want,s2:streaming:$want" ]] || die "postgres standbys not in the expected state"
}

# pg_wait_converged DIR TIMEOUT_S: until both standbys have replayed the primary's current LSN.
pg_wait_converged() {
  local dir=$1 timeout=${2:-120} target s ok
  target=$(_pg_psql_super "$dir/master" -c "SELECT pg_current_wal_lsn()")
  local deadline=$(( SECONDS + timeout ))
  while (( SECONDS < deadline )); do
    ok=1
    for s in "${REPL_REPLICAS[@]}"; do
      [[ -f "$dir/$s/data/postmaster.pid" ]] || continue
      [[ "$(_pg_psql_super "$dir/$s" -c "SELECT pg_wal_lsn_diff(pg_last_wal_replay_lsn(), '$target') >= 0")" == t ]] || ok=0
    done
    (( ok )) && return 0
    sleep 0.3
  done
  return 1
}

# ---------------------------------------------------------------- both

repl_start() {
  local target=$1 mode=$2 dir=$3 pwfile=$4
  mkdir -p "$dir"
  case "$target" in
    distdb) distdb_repl_start "$mode" "$dir" "$pwfile" ;;
    postgres) pg_repl_start "$mode" "$dir" "$pwfile" ;;
  esac
}

repl_stop() {
  local target=$1 dir=$2 n
  for n in "${REPL_REPLICAS[@]}" master; do
    [[ -d "$dir/$n" ]] || continue
    case "$target" in
      distdb) distdb_stop "$dir/$n" ;;
      postgres) pg_stop "$dir/$n" ;;
    esac
  done
}

repl_set_mode() {
  local target=$1 mode=$2 dir=$3 pwfile=$4
  case "$target" in
    distdb) distdb_set_mode "$mode" "$dir" "$pwfile" ;;
    postgres) pg_set_mode "$mode" "$dir" ;;
  esac
}

repl_kill() {
  case "$1" in
    distdb) distdb_kill "$2" ;;
    postgres) pg_kill "$2" ;;
  esac
}

repl_relaunch() {
  local target=$1 dir=$2 node=$3 pwfile=$4
  case "$target:$node" in
    # shellcheck disable=SC2046
    distdb:master) distdb_launch "$dir/master" "$pwfile" $(_distdb_master_args "$dir" sync) ;;
    # shellcheck disable=SC2046
    distdb:*) distdb_launch "$dir/$node" "$pwfile" $(_distdb_slave_args "$dir" "$node") ;;
    postgres:*) pg_launch "$dir/$node" ;;
  esac
}

repl_lsn() {
  local target=$1 dir=$2 node=$3
  case "$target:$node" in
    distdb:master) distdb_status "$dir/master" | jq .lastLsn ;;
    distdb:*) distdb_status "$dir/$node" | jq .appliedLsn ;;
    postgres:master) _pg_psql_super "$dir/master" -c "SELECT pg_wal_lsn_diff(pg_current_wal_lsn(), '0/0')" ;;
    postgres:*) _pg_psql_super "$dir/$node" -c "SELECT pg_wal_lsn_diff(pg_last_wal_replay_lsn(), '0/0')" ;;
  esac
}

repl_log_sizes() {
  case "$1" in
    # Segments come and go (retention after a checkpoint), so no single number grows with the log.
    distdb) stat -c '%n %s' "$2"/master/data/log/*.log ;;
    postgres) echo "wal $(repl_lsn postgres "$2" master)" ;;
  esac
}

repl_wait_converged() {
  case "$1" in
    distdb) distdb_wait_converged "$2" "${3:-120}" ;;
    postgres) pg_wait_converged "$2" "${3:-120}" ;;
  esac
}
